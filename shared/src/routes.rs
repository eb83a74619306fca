//! The web app's addresses, known to the server too: it answers 404 for a
//! path that is none of them (and, where it can tell, for a link to an
//! object that does not exist), while still serving the app, which shows
//! its not-found page. The web app's router is checked against this list
//! by a unit test, so the two cannot drift apart.

/// Every address pattern of the web app; `:name` stands for one segment.
pub const PATTERNS: &[&str] = &[
    "/",
    "/register",
    "/login",
    "/reset",
    "/profile",
    "/admin",
    "/account",
    "/classes",
    "/classes/:id",
    "/my/classes",
    "/my/classes/:id",
    "/my/journey",
    "/my/certificates",
    "/my/subsidies",
    "/institution",
    "/institution/classes/:id",
    "/institution/classes/:id/completion",
    "/institution/classes/:id/claims",
    "/institution/sessions/:id",
    "/bureau",
    "/bureau/completions",
    "/bureau/completions/:id",
    "/bureau/statistics",
    "/bureau/outreach",
    "/bureau/claims",
    "/bureau/priority-groups",
    "/bureau/subsidy-policies",
    "/bureau/personal-data",
    "/bureau/mentors",
    "/bureau/studios",
    "/notifications",
    "/certificates/:number",
    "/verify",
    "/verify/:number",
    "/claims/:id",
    "/notices",
    "/mentors",
    "/mentors/:id",
    "/me/appointments",
    "/mentor",
    "/studios",
    "/studios/:id",
];

/// A path matched to its pattern, with the one segment a `:name` stood
/// for (the patterns have at most one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matched<'a> {
    /// The pattern, as in [`PATTERNS`].
    pub pattern: &'static str,
    /// The segment of the parameter, if the pattern has one.
    pub param: Option<&'a str>,
}

/// The pattern `path` (without query or fragment) is an address of, if any.
/// A trailing slash is ignored, as the router ignores it.
pub fn recognize(path: &str) -> Option<Matched<'_>> {
    let trimmed = path.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(path);
    let segments: Vec<&str> = trimmed.split('/').skip(1).collect();
    PATTERNS.iter().find_map(|pattern| {
        let parts: Vec<&str> = pattern.split('/').skip(1).collect();
        if *pattern == "/" {
            return (trimmed == "/").then_some(Matched { pattern, param: None });
        }
        if parts.len() != segments.len() {
            return None;
        }
        let mut param = None;
        for (part, seg) in parts.iter().zip(&segments) {
            if seg.is_empty() {
                return None;
            }
            if part.starts_with(':') {
                param = Some(*seg);
            } else if part != seg {
                return None;
            }
        }
        Some(Matched { pattern, param })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_match_their_pattern_and_nothing_else() {
        assert_eq!(recognize("/"), Some(Matched { pattern: "/", param: None }));
        assert_eq!(recognize("/classes"), Some(Matched { pattern: "/classes", param: None }));
        assert_eq!(recognize("/classes/"), Some(Matched { pattern: "/classes", param: None }));
        assert_eq!(recognize("/classes/0190a1"), Some(Matched { pattern: "/classes/:id", param: Some("0190a1") }));
        assert_eq!(
            recognize("/institution/classes/c1/claims"),
            Some(Matched { pattern: "/institution/classes/:id/claims", param: Some("c1") })
        );
        for unknown in ["/admin/accounts", "/classes/a/b", "/nope", "/classes//", "/verify/x/y"] {
            assert_eq!(recognize(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn no_pattern_has_more_than_one_parameter() {
        for p in PATTERNS {
            assert!(p.split('/').filter(|s| s.starts_with(':')).count() <= 1, "{p}");
        }
    }
}
