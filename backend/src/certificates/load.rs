//! Loading a class or session and checking who may act on it.

use malanhua_shared::course::EnrolmentStatus;
use malanhua_shared::ids::{ClassId, ClassSessionId, UserId};

use crate::certificates::store::{self as cq};
use crate::classes::store::{self as q, ClassRow, SessionRow};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::DbConn;
use crate::core::error::AppError;

pub(crate) fn class_of(c: &mut DbConn, id: &ClassId) -> Result<ClassRow, AppError> {
    q::find_class(c, id)?.ok_or_else(|| AppError::not_found("class"))
}

pub(crate) fn session_with_class(c: &mut DbConn, id: &ClassSessionId) -> Result<(SessionRow, ClassRow), AppError> {
    let s = cq::session(c, id)?.ok_or_else(|| AppError::not_found("session"))?;
    let class = class_of(c, &s.class_id)?;
    Ok((s, class))
}

pub(crate) fn may(actor: &Actor, action: Action, class: &ClassRow) -> Result<(), AppError> {
    Ok(authorize(actor, action, &Resource::Institution { id: &class.institution_id, region: &class.region_code })?)
}

pub(crate) fn seat_holders(c: &mut DbConn, class: &ClassId) -> Result<Vec<(UserId, String)>, AppError> {
    let mut out = Vec::new();
    for e in q::active_enrolments_of(c, class)? {
        if e.status == EnrolmentStatus::Enrolled {
            let name = crate::accounts::store::find(c, &e.user_id)?.and_then(|u| u.real_name).unwrap_or_default();
            out.push((e.user_id, name));
        }
    }
    Ok(out)
}
