//! The one CSV writer: UTF-8 with a byte-order mark (so spreadsheets read the
//! Chinese), CRLF line ends, quoting where needed, and no cell that a
//! spreadsheet would run as a formula.

/// One cell: a leading `=`, `+`, `-` or `@` is defused with a quote, and a
/// cell holding a comma, quote or line break is quoted.
pub fn cell(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@']) { format!("'{v}") } else { v.to_owned() };
    if v.contains([',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v }
}

/// A whole document: the header, then one line per row, every cell through [`cell`].
pub fn document<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut out = String::from("\u{feff}");
    let line = |out: &mut String, cells: Vec<String>| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(&mut out, header.iter().map(|h| cell(h)).collect());
    for row in rows {
        line(&mut out, row.into_iter().map(|v| cell(&v)).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("张三"), "张三");
    }

    #[test]
    fn a_document_has_a_bom_a_header_and_crlf_lines() {
        let doc = document(&["姓名", "金额"], vec![vec!["=1+1".to_owned(), "1,000".to_owned()]]);
        assert_eq!(doc, "\u{feff}姓名,金额\r\n'=1+1,\"1,000\"\r\n");
    }
}
