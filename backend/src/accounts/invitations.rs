//! Staff roles offered to a mobile. An administrator (or an officer, for
//! institution staff of their region) offers a role; it becomes a grant only
//! when the owner of the mobile proves it with a code and sets their own
//! password (or registers with a code). Whoever registered the mobile first
//! gains nothing: the owner's proof also replaces their password.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use malanhua_shared::api::InstitutionRef;
use malanhua_shared::api::verification::StaffInvitation;
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{ErrorCode, InstitutionId, Mobile, RegionCode, Role, UserId};

use crate::accounts::insert_role;
use crate::accounts::rules::roles_compatible;
use crate::core::audit::{self, Entry};
use crate::core::db::schema::{role_invitations, users};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::{naive, utc};

/// Days an offer waits for its owner.
pub const INVITATION_DAYS: i64 = 7;

/// One row of `role_invitations`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = role_invitations)]
pub struct InvitationRow {
    /// Invitation id.
    pub id: String,
    /// The mobile the role is offered to.
    pub mobile: Mobile,
    /// The person's name as the inviter gave it.
    pub real_name: String,
    /// The role.
    pub role: Role,
    /// Region of a bureau officer.
    pub region_code: Option<RegionCode>,
    /// Institution of a staff member.
    pub institution_id: Option<InstitutionId>,
    /// Who offered it.
    pub invited_by: UserId,
    /// When (UTC).
    pub invited_at: NaiveDateTime,
    /// Lapses then unless accepted (UTC).
    pub expires_at: NaiveDateTime,
    /// When the owner took it up.
    pub accepted_at: Option<NaiveDateTime>,
    /// The account that took it up.
    pub accepted_by: Option<UserId>,
}

/// What is offered, to whom, by whom.
#[derive(Debug, Clone)]
pub struct Offer<'a> {
    /// The mobile.
    pub mobile: &'a Mobile,
    /// The person's name.
    pub real_name: &'a str,
    /// The role.
    pub role: Role,
    /// The officer's region.
    pub region: Option<&'a RegionCode>,
    /// The staff member's institution.
    pub institution: Option<&'a InstitutionId>,
    /// The inviter.
    pub by: &'a UserId,
}

/// Records an offer. Refused when the account of the mobile (with what it
/// holds and is offered already) could not take the role; offering the same
/// role again replaces the waiting offer.
pub fn offer(c: &mut DbConn, o: &Offer<'_>, now: DateTime<Utc>) -> Result<InvitationRow, AppError> {
    let mut held: Vec<Role> = pending_of(c, o.mobile, now)?.iter().map(|i| i.role).filter(|r| *r != o.role).collect();
    if let Some(user) = crate::accounts::store::find_by_mobile(c, o.mobile.as_str())? {
        let grants = crate::accounts::store::grants_of(c, &user.id)?;
        if grants.iter().any(|g| g.role == o.role) {
            return Err(AppError::new(
                ErrorCode::Conflict,
                format!("this person already holds the role {}; revoke it first to change its scope", o.role.as_str()),
            ));
        }
        held.extend(grants.iter().map(|g| g.role));
    }
    if !roles_compatible(&held, o.role) {
        return Err(AppError::new(
            ErrorCode::SeparationOfDuties,
            "a bureau officer cannot also be institution staff; revoke the other role first",
        ));
    }
    // A new offer of the same role replaces a waiting one (a corrected scope).
    diesel::delete(role_invitations::table)
        .filter(role_invitations::mobile.eq(o.mobile))
        .filter(role_invitations::role.eq(o.role))
        .filter(role_invitations::accepted_at.is_null())
        .execute(c)?;
    let row = InvitationRow {
        id: new_id(),
        mobile: o.mobile.clone(),
        real_name: o.real_name.to_owned(),
        role: o.role,
        region_code: o.region.cloned(),
        institution_id: o.institution.cloned(),
        invited_by: o.by.clone(),
        invited_at: naive(now),
        expires_at: naive(now + Duration::days(INVITATION_DAYS)),
        accepted_at: None,
        accepted_by: None,
    };
    diesel::insert_into(role_invitations::table).values(&row).execute(c)?;
    Ok(row)
}

/// Offers to the mobile still waiting at `now`.
pub fn pending_of(c: &mut DbConn, mobile: &Mobile, now: DateTime<Utc>) -> QueryResult<Vec<InvitationRow>> {
    role_invitations::table
        .filter(role_invitations::mobile.eq(mobile))
        .filter(role_invitations::accepted_at.is_null())
        .filter(role_invitations::expires_at.gt(naive(now)))
        .order(role_invitations::invited_at.asc())
        .select(InvitationRow::as_select())
        .load(c)
}

/// The owner of `mobile` (account `user`) has proved it: every waiting
/// offer becomes a grant. Returns the roles taken up.
pub fn accept_all(c: &mut DbConn, user: &UserId, mobile: &Mobile, now: DateTime<Utc>) -> Result<Vec<Role>, AppError> {
    let mut taken = Vec::new();
    for inv in pending_of(c, mobile, now)? {
        match insert_role(
            c,
            user,
            inv.role,
            inv.region_code.as_ref(),
            inv.institution_id.as_ref(),
            Some(&inv.invited_by),
            now,
        ) {
            Ok(()) => {}
            Err(e) if e.code == ErrorCode::Conflict => {}
            Err(e) => return Err(e),
        }
        set_name_if_missing(c, user, &inv.real_name, now)?;
        diesel::update(role_invitations::table.find(&inv.id))
            .set((role_invitations::accepted_at.eq(naive(now)), role_invitations::accepted_by.eq(user)))
            .execute(c)?;
        taken.push(inv.role);
    }
    if !taken.is_empty() {
        let names: Vec<&str> = taken.iter().map(|r| r.as_str()).collect();
        let summary = format!("proved {} and took up {}", mobile.masked(), names.join(", "));
        audit::record(c, Entry::by(user, AuditAction::AcceptInvitation, "user", user.as_str(), summary), now)?;
    }
    Ok(taken)
}

fn set_name_if_missing(c: &mut DbConn, id: &UserId, name: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::update(users::table.find(id).filter(users::real_name.is_null()))
        .set((users::real_name.eq(name), users::updated_at.eq(naive(now))))
        .execute(c)?;
    Ok(())
}

/// Offers made in the last 90 days, newest first, as admins see them.
pub fn recent(c: &mut DbConn, now: DateTime<Utc>) -> Result<Vec<StaffInvitation>, AppError> {
    let rows: Vec<InvitationRow> = role_invitations::table
        .filter(role_invitations::invited_at.gt(naive(now - Duration::days(90))))
        .order(role_invitations::invited_at.desc())
        .limit(500)
        .select(InvitationRow::as_select())
        .load(c)?;
    shown(c, rows)
}

/// Offers as the API shows them, with their institutions.
pub fn shown(c: &mut DbConn, rows: Vec<InvitationRow>) -> Result<Vec<StaffInvitation>, AppError> {
    let ids: Vec<InstitutionId> = rows.iter().filter_map(|r| r.institution_id.clone()).collect();
    let institutions = crate::accounts::store::institutions_by_id(c, &ids)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let inst = r.institution_id.as_ref().and_then(|id| institutions.iter().find(|i| &i.id == id));
            StaffInvitation {
                id: r.id,
                mobile_masked: r.mobile.masked(),
                real_name: r.real_name,
                role: r.role,
                region: r.region_code.or_else(|| inst.map(|i| i.region_code.clone())),
                institution: inst.map(|i| InstitutionRef { id: i.id.clone(), name: i.name.clone() }),
                invited_at: utc(r.invited_at),
                expires_at: utc(r.expires_at),
                accepted_at: r.accepted_at.map(utc),
            }
        })
        .collect())
}
