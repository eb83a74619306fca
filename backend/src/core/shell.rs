//! The page shell: `index.html` carries a header, a skeleton and a
//! progress bar between `<!--shell-->` and `<!--/shell-->`, drawn before
//! the web app arrives. For the public pages a stranger opens from a QR
//! code or a link (a certificate's verification, the subsidy notice) the
//! server puts the real content there instead, as plain HTML that reads
//! without the web app; the app replaces the shell once it starts.

/// Content for the shell: the page's title and its HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell {
    /// The document title.
    pub title: String,
    /// The HTML put in the shell (already escaped where it holds data).
    pub html: String,
}

/// Text made safe to put in HTML text or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `index` with the shell's content and title replaced; unchanged when it
/// has no shell markers.
pub fn inject(index: &str, shell: &Shell) -> String {
    let (Some(start), Some(end)) = (index.find("<!--shell-->"), index.find("<!--/shell-->")) else {
        return index.to_owned();
    };
    if end < start {
        return index.to_owned();
    }
    let mut page = String::with_capacity(index.len() + shell.html.len());
    page.push_str(&index[..start]);
    page.push_str(&shell.html);
    page.push_str(&index[end + "<!--/shell-->".len()..]);
    match (page.find("<title>"), page.find("</title>")) {
        (Some(a), Some(b)) if a < b => {
            page.replace_range(a + "<title>".len()..b, &escape(&shell.title));
            page
        }
        _ => page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_never_becomes_markup() {
        assert_eq!(escape(r#"<b a="x">&'"#), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(escape("张*三"), "张*三");
    }

    #[test]
    fn the_shell_and_title_are_replaced() {
        let index = "<title>马兰花</title><body><!--shell--><p>loading</p><!--/shell--><script></script>";
        let shell = Shell { title: "证书核验 <1>".into(), html: "<p>有效</p>".into() };
        assert_eq!(inject(index, &shell), "<title>证书核验 &lt;1&gt;</title><body><p>有效</p><script></script>");
        assert_eq!(inject("<title>x</title>", &shell), "<title>x</title>", "no markers: unchanged");
    }
}
