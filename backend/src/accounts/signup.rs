//! Registration and the rows a new account needs.

use chrono::{DateTime, Utc};
use malanhua_shared::api::Me;
use malanhua_shared::api::verification::{CodePurpose, PRIVACY_VERSION, Registration};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, FieldCode, InstitutionId, Mobile, RegionCode, Role, UserId};

use super::profile::*;
use crate::accounts::passwords;
use crate::accounts::store::{RoleGrantRow, UserRow};
use crate::core::audit::{self, Entry};
use crate::core::db::{DbConn, is_unique_violation, new_id};
use crate::core::error::AppError;
use crate::core::naive;
use crate::core::state::AppState;

/// Creates a trainee account for a mobile proved by a code sent for
/// `register`. Roles offered to the mobile are taken up with it. Returns the
/// new account as `/api/me` shows it.
pub async fn register(state: &AppState, req: Registration, now: DateTime<Utc>) -> Result<Me, AppError> {
    let account = req.validate().map_err(AppError::validation)?;
    let hash = passwords::hash(state, account.password.expose().to_owned()).await?;
    crate::accounts::codes::redeem(state, &account.mobile, CodePurpose::Register, &account.code, now).await?;
    register_proved(state, account.mobile, hash, now).await
}

/// The account for a proved mobile (the demo data starts here too). A taken
/// mobile is told only to whoever proved it.
pub(crate) async fn register_proved(
    state: &AppState,
    mobile: Mobile,
    hash: String,
    now: DateTime<Utc>,
) -> Result<Me, AppError> {
    state
        .write(move |c| {
            // A taken mobile fails the insert (`mobile_taken`).
            let id = UserId::from_raw(new_id());
            insert_user(c, &id, &mobile, hash, now)?;
            insert_role(c, &id, Role::Trainee, None, None, None, now)?;
            crate::accounts::store::mark_proved(c, &id, naive(now))?;
            crate::accounts::store::record_consent(c, &id, PRIVACY_VERSION, naive(now))?;
            let summary = format!("registered with mobile {} (proved by SMS code)", mobile.masked());
            audit::record(c, Entry::by(&id, AuditAction::Register, "user", id.as_str(), summary), now)?;
            crate::accounts::invitations::accept_all(c, &id, &mobile, now)?;
            load_me(c, &id)
        })
        .await
}

pub(crate) fn mobile_taken() -> AppError {
    let mut e = AppError::new(ErrorCode::MobileTaken, "this mobile number is already registered");
    e.fields.insert("mobile".into(), FieldCode::Taken);
    e
}

/// Inserts an account row; a duplicate mobile becomes `mobile_taken`.
pub fn insert_user(
    c: &mut DbConn,
    id: &UserId,
    mobile: &Mobile,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let row = UserRow {
        id: id.clone(),
        mobile: mobile.clone(),
        password_hash: hash,
        real_name: None,
        resident_id: None,
        gender: None,
        birth_date: None,
        region_code: None,
        created_at: naive(now),
        updated_at: naive(now),
        resident_id_hash: None,
        resident_id_masked: None,
    };
    crate::accounts::store::insert(c, &row).map_err(|e| if is_unique_violation(&e) { mobile_taken() } else { e.into() })
}

/// Grants a role; holding it already is a conflict.
pub fn insert_role(
    c: &mut DbConn,
    user_id: &UserId,
    role: Role,
    region: Option<&RegionCode>,
    institution_id: Option<&InstitutionId>,
    granted_by: Option<&UserId>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    crate::accounts::store::lock_user(c, user_id)?;
    let held: Vec<Role> = crate::accounts::store::grants_of(c, user_id)?.into_iter().map(|g| g.role).collect();
    if !crate::accounts::rules::roles_compatible(&held, role) {
        return Err(AppError::new(
            ErrorCode::SeparationOfDuties,
            "a bureau officer cannot also be institution staff; revoke the other role first",
        ));
    }
    let row = RoleGrantRow {
        id: new_id(),
        user_id: user_id.clone(),
        role,
        region_code: region.cloned(),
        institution_id: institution_id.cloned(),
        granted_by: granted_by.cloned(),
        granted_at: naive(now),
    };
    crate::accounts::store::insert_grant(c, &row).map_err(|e| {
        if is_unique_violation(&e) {
            AppError::new(ErrorCode::Conflict, format!("this person already holds the role {}", role.as_str()))
        } else {
            e.into()
        }
    })
}
