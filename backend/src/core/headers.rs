//! Security headers on every response: a strict Content-Security-Policy
//! (the one inline module script of `index.html` allowed by its hash),
//! HSTS when the public address is HTTPS, Permissions-Policy,
//! Referrer-Policy, X-Content-Type-Options and framing denied.

use base64::Engine;
use sha2::{Digest, Sha256};
use warp::http::{HeaderMap, HeaderValue};

/// The policy, allowing the inline scripts whose CSP hashes are given.
/// `wasm-unsafe-eval` lets the page compile its own WebAssembly; nothing
/// else runs that the server did not send.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    policy_with(script_hashes, &[])
}

/// The policy allowing these inline scripts and inline `<style>` blocks
/// (by hash; nothing else inline runs or applies).
pub fn policy_with(script_hashes: &[String], style_hashes: &[String]) -> String {
    let hashes: String = script_hashes.iter().map(|h| format!(" '{h}'")).collect();
    let styles: String = style_hashes.iter().map(|h| format!(" '{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'{styles}; \
         img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// `sha256-...` of every inline `<script>` (one without `src`) in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
}

/// `sha256-...` of every inline `<style>` block in `html`.
pub fn inline_style_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "style")
}

fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open_tag, close_tag) = (format!("<{element}"), format!("</{element}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find(&open_tag) {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_and_more = &after[tag_end + 1..];
        let Some(close) = body_and_more.find(&close_tag) else { break };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body_and_more.as_bytes()[..close]);
            out.push(format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &body_and_more[close..];
    }
    out
}

/// The headers every response carries; `https` adds HSTS.
pub fn security_headers(https: bool) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
    );
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    if https {
        h.insert("strict-transport-security", HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    h
}

/// The policy for responses that are not the page (no inline script).
pub fn default_policy() -> HeaderValue {
    HeaderValue::from_str(&content_security_policy(&[]))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed_and_the_hash_is_of_their_exact_text() {
        let html = "<head><script type=\"module\">import init from '/app.js'; init();</script>\
                    <script src=\"/other.js\"></script></head>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        let expected = Sha256::digest(b"import init from '/app.js'; init();");
        assert_eq!(hashes[0], format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(expected)));
        let csp = content_security_policy(&hashes);
        assert!(csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' '{}';", hashes[0])));
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn an_inline_style_block_is_allowed_by_its_hash_only() {
        let html = "<head><style>body { margin: 0; }</style><link rel=\"stylesheet\" href=\"/style.css\"></head>";
        let hashes = inline_style_hashes(html);
        let expected = Sha256::digest(b"body { margin: 0; }");
        assert_eq!(hashes, [format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(expected))]);
        let csp = policy_with(&[], &hashes);
        assert!(csp.contains(&format!("style-src 'self' '{}';", hashes[0])), "{csp}");
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn hsts_only_over_https() {
        assert!(security_headers(true).contains_key("strict-transport-security"));
        assert!(!security_headers(false).contains_key("strict-transport-security"));
        assert!(security_headers(false).contains_key("permissions-policy"));
    }
}
