//! The public pages the server draws itself inside the page shell (see
//! [`crate::core::shell`]): a certificate's verification and the subsidy
//! notice. They count against the same per-address limit as the API they
//! read, and a refusal or a failure simply leaves the shell to the app.

use malanhua_shared::routes::recognize;

use crate::core::limits::Bucket;
use crate::core::shell::Shell;
use crate::core::state::AppState;

/// The server-drawn content for `path`, if it is such a page.
pub async fn shell_for(state: &AppState, path: &str, ip: &str) -> Option<Shell> {
    let m = recognize(path)?;
    match (m.pattern, m.param) {
        ("/verify/:number", Some(number)) => {
            state.limits.check(Bucket::Public, ip, state.now()).ok()?;
            let v = crate::certificates::issued::verify(state, number.to_owned()).await.ok()?;
            Some(crate::certificates::verify_page::render(&v))
        }
        ("/notices", _) => {
            state.limits.check(Bucket::Public, ip, state.now()).ok()?;
            let list = crate::subsidies::notice::notices(state, None, state.now()).await.ok()?;
            Some(crate::subsidies::notice_page::render(&list))
        }
        _ => None,
    }
}
