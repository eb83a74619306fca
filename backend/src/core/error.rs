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
    /// Seconds to wait (`Retry-After`), for `too_many_attempts` and `unavailable`.
    pub retry_after: Option<u64>,
    /// Wrong sign-in tries left before the limits refuse (`invalid_credentials`).
    pub tries_left: Option<u32>,
    /// The failed rules of a `not_eligible` refusal.
    pub reasons: Vec<malanhua_shared::api::subsidies::IneligibleReason>,
    /// The other class of a `schedule_clash`.
    pub clash: Option<Box<malanhua_shared::error::Clash>>,
}

impl AppError {
    /// An error with a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: FieldErrors::new(),
            retry_after: None,
            tries_left: None,
            reasons: vec![],
            clash: None,
        }
    }

    /// A validation error naming fields.
    pub fn validation(fields: FieldErrors) -> Self {
        let body = ErrorBody::validation(fields);
        Self { fields: body.fields, ..Self::new(body.code, body.message) }
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

    /// 503: overloaded or the database does not answer; try again after `secs`.
    pub fn unavailable(message: impl Into<String>, secs: u64) -> Self {
        Self { retry_after: Some(secs), ..Self::new(ErrorCode::Unavailable, message) }
    }

    /// The body sent to the client.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code,
            message: self.message.clone(),
            fields: self.fields.clone(),
            tries_left: self.tries_left,
            reasons: self.reasons.clone(),
            clash: self.clash.as_deref().cloned(),
        }
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        let message = match d {
            Denied::MissingRole => "your roles do not allow this",
            Denied::OutsideRegion => "this is outside the region you act for",
            Denied::NotOwner => "this record belongs to someone else",
            Denied::OwnMatter => {
                return Self::new(
                    ErrorCode::SeparationOfDuties,
                    "this is your own request or record: another officer decides it",
                );
            }
        };
        Self::new(ErrorCode::Forbidden, message)
    }
}

impl From<diesel::result::Error> for AppError {
    /// A unique key another request wrote first, or a serialization
    /// failure, is a conflict the client resolves by reloading (409): two
    /// writers racing on PostgreSQL never get a 500.
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation | DatabaseErrorKind::SerializationFailure, _) => {
                tracing::info!(error = %e, "write lost a race");
                Self::new(ErrorCode::Conflict, "someone else saved this meanwhile; reload and try again")
            }
            Error::DatabaseError(_, ref info) if info.message().contains("database is locked") => {
                tracing::warn!(error = %e, "SQLite busy beyond its time-out");
                Self::unavailable("the database is busy; try again shortly", RETRY_AFTER_BUSY)
            }
            e => Self::internal(e),
        }
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Query(q) => q.into(),
            e => Self::internal(e),
        }
    }
}

/// Seconds a client is told to wait when the server is saturated.
pub const RETRY_AFTER_BUSY: u64 = 5;

impl From<diesel::r2d2::PoolError> for AppError {
    /// No connection within the pool's time-out: every connection is busy or
    /// the database does not answer; the client tries again later (503).
    fn from(e: diesel::r2d2::PoolError) -> Self {
        tracing::warn!(error = %e, "no database connection");
        Self::unavailable("the database is busy; try again shortly", RETRY_AFTER_BUSY)
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for AppError {}
