//! What status the web app's page for a path is served with: 404 for a
//! path that is no address of the app, and for a link to a public object
//! (a class, a mentor, a studio) that does not exist; 200 otherwise. The
//! app itself shows its not-found page either way.
//!
//! Certificate links (`/verify/<number>`) are not looked up here: that
//! would be a way round the per-address limit of verification.

use diesel::prelude::*;
use malanhua_shared::routes::{Matched, recognize};
use warp::http::StatusCode;

use crate::core::db::DbConn;
use crate::core::db::schema::{classes, mentors, studios};
use crate::core::state::AppState;

/// The object a pattern's parameter names, where the server can tell
/// whether it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object {
    Class,
    Mentor,
    Studio,
}

fn object_of(m: &Matched<'_>) -> Option<Object> {
    match m.pattern {
        "/classes/:id" => Some(Object::Class),
        "/mentors/:id" => Some(Object::Mentor),
        "/studios/:id" => Some(Object::Studio),
        _ => None,
    }
}

fn exists(c: &mut DbConn, object: Object, id: &str) -> QueryResult<bool> {
    use diesel::dsl::exists;
    match object {
        Object::Class => diesel::select(exists(classes::table.find(id))).get_result(c),
        Object::Mentor => diesel::select(exists(mentors::table.find(id))).get_result(c),
        Object::Studio => diesel::select(exists(studios::table.find(id))).get_result(c),
    }
}

/// The status of the app's page for `path`. A database that cannot answer
/// costs the visitor nothing: the page is then served as found.
pub async fn status(state: &AppState, path: &str) -> StatusCode {
    let Some(m) = recognize(path) else { return StatusCode::NOT_FOUND };
    let (Some(object), Some(id)) = (object_of(&m), m.param) else { return StatusCode::OK };
    let id = id.to_owned();
    match state.db(move |c| Ok(exists(c, object, &id)?)).await {
        Ok(false) => StatusCode::NOT_FOUND,
        _ => StatusCode::OK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_objects_are_looked_up() {
        let m = |p| recognize(p).and_then(|m| object_of(&m));
        assert_eq!(m("/classes/c1"), Some(Object::Class));
        assert_eq!(m("/mentors/m1"), Some(Object::Mentor));
        assert_eq!(m("/studios/s1"), Some(Object::Studio));
        assert_eq!(m("/verify/MLH-1"), None, "verification keeps its own limit");
        assert_eq!(m("/claims/x"), None, "private: the server cannot tell without the session");
    }
}
