//! Each person's private calendar feed token.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::ids::UserId;

use crate::core::db::DbConn;

/// The person's feed token (made, or renewed, on request).
pub fn feed_token(conn: &mut DbConn, user: &UserId, renew: bool, now: NaiveDateTime) -> QueryResult<String> {
    use crate::core::db::schema::calendar_feeds as f;
    let existing: Option<String> = f::table.find(user).select(f::token).first(conn).optional()?;
    match existing {
        Some(t) if !renew => Ok(t),
        _ => {
            let token = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
            diesel::delete(f::table.find(user)).execute(conn)?;
            diesel::insert_into(f::table)
                .values((f::user_id.eq(user), f::token.eq(&token), f::created_at.eq(now)))
                .execute(conn)?;
            Ok(token)
        }
    }
}

/// Whose feed a token opens.
pub fn feed_owner(conn: &mut DbConn, token: &str) -> QueryResult<Option<UserId>> {
    use crate::core::db::schema::calendar_feeds as f;
    f::table.filter(f::token.eq(token)).select(f::user_id).first(conn).optional()
}
