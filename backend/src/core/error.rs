//! Business errors as values. Every error reaches the client as an
//! [`ErrorBody`] with the status of its [`ErrorCode`].

use malanhua_shared::{ErrorBody, ErrorCode, FieldCode, FieldErrors};

use crate::core::authorization::Denied;
use crate::core::db::DbError;

/// An error a use case returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    /// The code (and so the HTTP status).
    pub code: ErrorCode,
    /// A short English sentence.
    pub message: String,
    /// Per-field reasons for validation errors.
    pub fields: FieldErrors,
    /// Seconds to wait, for `too_many_attempts`.
    pub retry_after: Option<u64>,
}

impl AppError {
    /// An error with a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), fields: FieldErrors::new(), retry_after: None }
    }

    /// A validation error naming fields.
    pub fn validation(fields: FieldErrors) -> Self {
        let body = ErrorBody::validation(fields);
        Self { code: body.code, message: body.message, fields: body.fields, retry_after: None }
    }

    /// A validation error for one field.
    pub fn field(name: &str, code: FieldCode) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(name.to_owned(), code);
        Self::validation(fields)
    }

    /// 404 for a kind of thing.
    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    /// 401: no valid session.
    pub fn unauthenticated() -> Self {
        Self::new(ErrorCode::Unauthenticated, "sign in first")
    }

    /// A server-side failure: logged in full, reported without detail.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(error = %detail, "internal error");
        Self::new(ErrorCode::Internal, "internal error")
    }

    /// The body sent to the client.
    pub fn body(&self) -> ErrorBody {
        ErrorBody { code: self.code, message: self.message.clone(), fields: self.fields.clone() }
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        let message = match d {
            Denied::MissingRole => "your roles do not allow this",
            Denied::OutsideRegion => "this is outside the region you act for",
            Denied::NotOwner => "this record belongs to someone else",
        };
        Self::new(ErrorCode::Forbidden, message)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        Self::internal(e)
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        Self::internal(e)
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        Self::internal(format!("connection pool: {e}"))
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for AppError {}
