//! What no request may carry, refused before any handler runs: a NUL byte in the address or the
//! body. No text in coso holds one, PostgreSQL cannot store one, and a probe with `%00` once
//! answered 500 (issue 7). The refusal is the house's own: JSON under `/api/`, a page elsewhere.
//! A file upload (multipart) is binary and left to the reader of its format.
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use coso_app::AppError;
use http_body_util::BodyExt;

use crate::error::{ApiError, PageError};

/// The largest body read whole (forms, JSON and the spreadsheets uploaded, such as trainee lists).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The largest member register sent in, on the addresses that take one (issue 12); a body
/// just over it is read so the reader learns the file's limit, not the forms'.
pub const REGISTER_LIMIT: usize = coso_app::members::MAX_UPLOAD_BYTES + 64 * 1024;

/// Whether an address takes a member register: the register pages' uploads and the API's.
fn takes_register(path: &str) -> bool {
    path.starts_with("/registers/") || path.starts_with("/api/v1/registers/")
}

const NUL: &str =
    "Dữ liệu gửi lên có ký tự NUL (mã 0), là ký tự không được phép; hãy xóa ký tự đó rồi gửi lại.";
const TOO_LARGE: &str = "Dữ liệu gửi lên quá lớn (tối đa 2 MB).";
const REGISTER_TOO_LARGE: &str =
    "Tệp quá lớn (tối đa 20 MB). Hãy chia theo chi bộ, hoặc nhập bằng lệnh coso import members.";

/// Whether text as sent (percent-encoded, JSON-escaped or raw) holds a NUL byte.
fn holds_nul(sent: &[u8]) -> bool {
    sent.contains(&0)
        || sent.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"))
        || sent.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
}

/// How much of a body over its limit is still read (and thrown away) so the sender, having
/// sent it all, reads the answer instead of a cut connection: a 50 MB register is told it is
/// too large.
const DRAIN_LIMIT: usize = 128 * 1024 * 1024;

/// The body whole, or `None` when it is larger than `limit` (or breaks off).
async fn read_body(mut body: Body, limit: usize) -> Option<Bytes> {
    let mut kept: Vec<u8> = Vec::new();
    let (mut over, mut drained) = (false, 0usize);
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.ok()?.into_data() else { continue };
        if over {
            drained += data.len();
            if drained > DRAIN_LIMIT {
                return None;
            }
        } else if kept.len() + data.len() > limit {
            over = true;
            kept = Vec::new();
        } else {
            kept.extend_from_slice(&data);
        }
    }
    (!over).then(|| Bytes::from(kept))
}

fn refuse(api: bool, field: &'static str, message: &str) -> Response {
    let e = AppError::field(field, message);
    if api { ApiError(e).into_response() } else { PageError(e).into_response() }
}

/// The middleware: checks the address, then reads the body whole (up to [`BODY_LIMIT`], or
/// [`REGISTER_LIMIT`] where a register is sent in) and
/// checks it, and hands the request on unchanged.
pub async fn refuse_nul(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let address = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or_default();
    if holds_nul(address.as_bytes()) {
        return refuse(api, "_request", NUL);
    }
    let register = takes_register(req.uri().path());
    let (parts, body) = req.into_parts();
    let (limit, field, too_large) = if register {
        (REGISTER_LIMIT, "file", REGISTER_TOO_LARGE)
    } else {
        (BODY_LIMIT, "_body", TOO_LARGE)
    };
    let Some(bytes) = read_body(body, limit).await else {
        return refuse(api, field, too_large);
    };
    // A file upload is binary: its bytes are read by the spreadsheet reader, which keeps no
    // NUL in the text it returns; the address and every other body are checked. The API takes
    // a register as the body itself.
    let content_type = parts.headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let binary = content_type.is_some_and(|v| {
        v.starts_with("multipart/form-data")
            || (register
                && (v.starts_with("application/octet-stream")
                    || v.starts_with("text/csv")
                    || v.contains("spreadsheetml")
                    || v.starts_with("application/vnd.ms-excel")))
    });
    if !binary && holds_nul(&bytes) {
        return refuse(api, "_body", NUL);
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::holds_nul;

    #[test]
    fn nul_is_found_however_it_is_written() {
        let cases: [(&[u8], bool); 7] = [
            (b"q=nguyen+van", false),
            (b"q=nguyen%00van", true),
            (b"q=a%2500", false),
            (b"{\"a\":\"x\\u0000y\"}", true),
            (b"{\"a\":\"x\\U0000y\"}", true),
            (b"a\0b", true),
            (b"100% 0", false),
        ];
        for (sent, want) in cases {
            assert_eq!(holds_nul(sent), want, "{:?}", String::from_utf8_lossy(sent));
        }
    }
}
