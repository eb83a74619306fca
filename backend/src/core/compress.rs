//! Content encoding by what the client accepts: brotli where it may, else
//! gzip. The API's JSON answers are compressed here as they leave (large
//! ones only); the web app's files come precompressed from the build.

use std::io::Write;

use bytes::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;
use warp::http::{HeaderMap, HeaderValue, header};
use warp::reply::Response;

/// A content encoding this server writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `br`.
    Brotli,
    /// `gzip`.
    Gzip,
}

impl Encoding {
    /// The `Content-Encoding` value.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

/// Answers smaller than this are sent as they are.
const MIN_BYTES: usize = 1024;

/// True when `accept` (an `Accept-Encoding` value) takes the coding
/// `name`; a coding with `q=0` is refused.
pub fn accepts(accept: &str, name: &str) -> bool {
    accept.split(',').any(|part| {
        let mut bits = part.split(';').map(str::trim);
        let coding = bits.next().unwrap_or_default();
        let refused = bits.any(|p| p.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0)));
        coding.eq_ignore_ascii_case(name) && !refused
    })
}

/// The encoding to use for a client's `Accept-Encoding`: brotli when it is
/// accepted, else gzip, else none.
pub fn choose(accept: &str) -> Option<Encoding> {
    if accepts(accept, "br") {
        Some(Encoding::Brotli)
    } else if accepts(accept, "gzip") {
        Some(Encoding::Gzip)
    } else {
        None
    }
}

/// `bytes` compressed (brotli at a quality fit for answers made per
/// request); `None` when the encoder fails.
pub fn encode(bytes: &[u8], encoding: Encoding) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Brotli => {
            let mut out = Vec::with_capacity(bytes.len() / 4);
            let params = brotli::enc::BrotliEncoderParams { quality: 5, lgwin: 22, ..Default::default() };
            brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).ok()?;
            Some(out)
        }
        Encoding::Gzip => {
            let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
            enc.write_all(bytes).ok()?;
            enc.finish().ok()
        }
    }
}

/// A JSON answer compressed for this client, when it is large enough and
/// not compressed already.
pub async fn json_reply(reply: Response, request: &HeaderMap) -> Response {
    let accept = request.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let Some(encoding) = choose(accept) else { return reply };
    let is_json = reply
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if !is_json || reply.headers().contains_key(header::CONTENT_ENCODING) {
        return reply;
    }
    let (mut head, body) = reply.into_parts();
    let bytes = match http_body_util::BodyExt::collect(body).await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Response::from_parts(head, Bytes::new().into()),
    };
    head.headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if bytes.len() < MIN_BYTES {
        return Response::from_parts(head, bytes.into());
    }
    match encode(&bytes, encoding) {
        Some(packed) => {
            head.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding.name()));
            head.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(head, Bytes::from(packed).into())
        }
        None => Response::from_parts(head, bytes.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_is_preferred_where_accepted() {
        assert_eq!(choose("gzip, deflate, br, zstd"), Some(Encoding::Brotli));
        assert_eq!(choose("gzip"), Some(Encoding::Gzip));
        assert_eq!(choose("br;q=0, gzip;q=0.8"), Some(Encoding::Gzip), "q=0 refuses");
        assert_eq!(choose("identity"), None);
        assert_eq!(choose(""), None);
    }

    #[test]
    fn what_is_packed_unpacks_to_the_same_bytes() {
        let text = "{\"items\":[".to_owned() + &"{\"id\":\"x\"},".repeat(500) + "]}";
        let br = encode(text.as_bytes(), Encoding::Brotli).unwrap_or_default();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, text.as_bytes());
        assert!(br.len() * 10 < text.len(), "{} of {}", br.len(), text.len());
        let gz = encode(text.as_bytes(), Encoding::Gzip).unwrap_or_default();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, text);
    }
}
