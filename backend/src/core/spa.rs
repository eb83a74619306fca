//! The single-page app: built assets (embedded in release builds, or read
//! from `MALANHUA_STATIC_DIR`), `index.html` for every client route, cache
//! headers by file kind, and gzip for clients that accept it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use bytes::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;
use rust_embed::RustEmbed;
use warp::http::{HeaderValue, Response as HttpResponse, StatusCode, header};
use warp::reply::Response;
use warp::{Filter, Rejection};

use crate::core::state::AppState;

#[derive(RustEmbed)]
#[folder = "../frontend/dist"]
#[allow_missing = true]
struct Assets;

/// One file to serve.
struct Asset {
    bytes: Bytes,
    etag: String,
}

pub(crate) fn routes(state: Arc<AppState>) -> impl Filter<Extract = (Response,), Error = Rejection> + Clone {
    warp::path::full()
        .and_then(|path: warp::path::FullPath| async move {
            if path.as_str() == "/api" || path.as_str().starts_with("/api/") {
                Err(warp::reject::not_found())
            } else {
                Ok(path.as_str().to_owned())
            }
        })
        .and(warp::get().or(warp::head()).unify())
        .and(warp::header::optional::<String>("accept-encoding"))
        .and(warp::header::optional::<String>("if-none-match"))
        .and(crate::core::http::client_ip(state.clone()))
        .and_then(move |path: String, accept: Option<String>, if_none_match: Option<String>, ip: String| {
            let state = state.clone();
            async move {
                let asked =
                    Asked { path: &path, accept: accept.as_deref(), if_none_match: if_none_match.as_deref(), ip: &ip };
                Ok::<_, Rejection>(serve(&state, &asked).await)
            }
        })
}

/// A name the static folder may serve: relative, no empty, `.` or `..`
/// segment, and no dotfile or dot-folder (`.env`, `.git/config`).
fn servable(name: &str) -> bool {
    !name.contains('\\') && name.split('/').all(|seg| !seg.is_empty() && !seg.starts_with('.'))
}

/// The file under `dir`, once resolved (links followed) it is still inside it.
fn read_inside(dir: &std::path::Path, name: &str) -> Option<Vec<u8>> {
    let root = dir.canonicalize().ok()?;
    let file = root.join(name).canonicalize().ok()?;
    if !file.starts_with(&root) || !file.is_file() {
        return None;
    }
    std::fs::read(file).ok()
}

fn load(state: &AppState, name: &str) -> Option<Asset> {
    if !servable(name) {
        return None;
    }
    let bytes: Bytes = match &state.config.static_dir {
        Some(dir) => Bytes::from(read_inside(dir, name)?),
        None => match Assets::get(name)?.data {
            Cow::Borrowed(b) => Bytes::from_static(b),
            Cow::Owned(v) => Bytes::from(v),
        },
    };
    let etag = format!("\"{:016x}\"", fnv1a(&bytes));
    Some(Asset { bytes, etag })
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Hashed names (`app-1a2b3c4d.js`) never change content: cache for a year.
fn is_fingerprinted(name: &str) -> bool {
    name.split(['-', '_', '.']).any(|part| part.len() >= 8 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn compressible(mime: &str) -> bool {
    mime.starts_with("text/")
        || mime.contains("javascript")
        || mime.contains("json")
        || mime == "application/wasm"
        || mime.contains("svg")
}

fn gzipped(etag: &str, bytes: &[u8]) -> Option<Bytes> {
    static CACHE: OnceLock<Mutex<HashMap<String, Bytes>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok()?.get(etag) {
        return Some(hit.clone());
    }
    let out = gzip_now(bytes)?;
    cache.lock().ok()?.insert(etag.to_owned(), out.clone());
    Some(out)
}

/// Gzip without keeping the result (pages that differ by request).
fn gzip_now(bytes: &[u8]) -> Option<Bytes> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).ok()?;
    Some(Bytes::from(enc.finish().ok()?))
}

/// What a request asks of the static side.
struct Asked<'a> {
    path: &'a str,
    accept: Option<&'a str>,
    if_none_match: Option<&'a str>,
    ip: &'a str,
}

/// The page shell with the server-drawn content of a public page.
fn with_shell(index: Asset, shell: Option<crate::core::shell::Shell>) -> Asset {
    match shell {
        Some(shell) => {
            let page = crate::core::shell::inject(&String::from_utf8_lossy(&index.bytes), &shell);
            let bytes = Bytes::from(page.into_bytes());
            Asset { etag: format!("\"{:016x}\"", fnv1a(&bytes)), bytes }
        }
        None => index,
    }
}

async fn serve(state: &AppState, asked: &Asked<'_>) -> Response {
    let (path, accept, if_none_match) = (asked.path, asked.accept, asked.if_none_match);
    let name = path.trim_start_matches('/');
    let (name, asset, status) = match load(state, name).filter(|_| !name.is_empty()) {
        Some(a) => (name, a, StatusCode::OK),
        // A file name that does not exist is a 404; any other path is a client route.
        None if name.rsplit('/').next().is_some_and(|last| last.contains('.')) => return not_found(),
        // The app, with 404 for an address it does not have or an object that is not there.
        None => match load(state, "index.html") {
            Some(a) => {
                let shell = crate::core::public_pages::shell_for(state, path, asked.ip).await;
                ("index.html", with_shell(a, shell), crate::core::deep_links::status(state, path).await)
            }
            None => return not_built(),
        },
    };
    let mime = mime_guess::from_path(name).first_or_octet_stream().essence_str().to_owned();
    let cache = if name == "index.html" {
        "no-cache"
    } else if is_fingerprinted(name) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300, must-revalidate"
    };
    let mut builder = HttpResponse::builder()
        .header(header::CACHE_CONTROL, cache)
        .header(header::ETAG, asset.etag.as_str())
        .header(header::VARY, "accept-encoding");
    if name == "index.html" {
        // Also on a 304: the browser takes the revalidated page's headers.
        let page = String::from_utf8_lossy(&asset.bytes);
        let (scripts, styles) =
            (crate::core::headers::inline_script_hashes(&page), crate::core::headers::inline_style_hashes(&page));
        builder = builder.header(header::CONTENT_SECURITY_POLICY, crate::core::headers::policy_with(&scripts, &styles));
    }
    if status == StatusCode::OK && if_none_match.is_some_and(|v| v.split(',').any(|t| t.trim() == asset.etag)) {
        return builder.status(StatusCode::NOT_MODIFIED).body(Bytes::new().into()).unwrap_or_default();
    }
    let content_type = if mime.starts_with("text/") || mime.contains("javascript") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.clone()
    };
    builder = builder.header(header::CONTENT_TYPE, content_type);

    // Brotli from the build's `.br` beside the file, where the client takes it.
    let encoding = accept.and_then(crate::core::compress::choose);
    if encoding == Some(crate::core::compress::Encoding::Brotli)
        && name != "index.html"
        && let Some(br) = load(state, &format!("{name}.br"))
    {
        return builder.header(header::CONTENT_ENCODING, "br").status(status).body(br.bytes.into()).unwrap_or_default();
    }
    let wants_gzip = accept.is_some_and(|a| crate::core::compress::accepts(a, "gzip"));
    let body = match (wants_gzip && compressible(&mime) && asset.bytes.len() > 512, ()) {
        // The page itself is small and may carry a server-drawn page: not kept.
        (true, ()) => {
            match if name == "index.html" { gzip_now(&asset.bytes) } else { gzipped(&asset.etag, &asset.bytes) } {
                Some(gz) => {
                    builder = builder.header(header::CONTENT_ENCODING, "gzip");
                    gz
                }
                None => asset.bytes,
            }
        }
        (false, ()) => asset.bytes,
    };
    builder.status(status).body(body.into()).unwrap_or_default()
}

fn not_found() -> Response {
    let mut r = Response::new(Bytes::from_static(b"not found").into());
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

fn not_built() -> Response {
    let page = "<!doctype html><meta charset=utf-8><title>Malanhua</title>\
        <p>The web app has not been built. Run <code>cargo xtask run</code>.</p>\
        <p>前端尚未构建，请运行 <code>cargo xtask run</code>。</p>";
    let mut r = Response::new(Bytes::from_static(page.as_bytes()).into());
    *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotfiles_and_climbing_names_are_never_served() {
        assert!(servable("index.html"));
        assert!(servable("assets/app-1a2b3c4d.js"));
        for bad in [".env", ".git/config", "a/.hidden", "../etc/passwd", "a/../b", "a//b", "./x", "a\\b", ""] {
            assert!(!servable(bad), "{bad}");
        }
    }

    #[test]
    fn a_link_out_of_the_folder_is_not_followed() {
        let root = std::env::temp_dir().join(format!("malanhua-spa-unit-{}", uuid::Uuid::new_v4().simple()));
        let outside = root.with_extension("outside");
        std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&outside, "secret").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("ok.txt"), "ok").unwrap_or_else(|e| panic!("{e}"));
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, root.join("link.txt")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read_inside(&root, "ok.txt").as_deref(), Some(&b"ok"[..]));
        assert_eq!(read_inside(&root, "link.txt"), None);
        let _ = std::fs::remove_dir_all(&root);
        let _ = std::fs::remove_file(&outside);
    }

    #[test]
    fn hashed_asset_names_are_recognised() {
        assert!(is_fingerprinted("app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_fingerprinted("app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(!is_fingerprinted("style.css"));
        assert!(!is_fingerprinted("index.html"));
    }

    #[test]
    fn wasm_and_text_compress_but_images_do_not() {
        assert!(compressible("application/wasm"));
        assert!(compressible("text/css"));
        assert!(compressible("application/javascript"));
        assert!(!compressible("image/png"));
    }
}
