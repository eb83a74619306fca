//! Offering and listing staff roles: bureau officers (by admins) and
//! institutions with their staff (by admins, or officers for their region).
//! An offer becomes a role only when the owner proves the mobile.

use chrono::{DateTime, Utc};
use malanhua_shared::api::verification::StaffInvitation;
use malanhua_shared::api::{
    InstitutionRef, NewBureauAccount, NewInstitutionAccount, StaffAccount, UserSummary, ValidStaffPerson,
};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{InstitutionId, RegionCode, Role, UserId};

use crate::accounts::invitations::{self, InvitationRow, Offer};
use crate::accounts::sms::{SmsKind, SmsMessage};
use crate::accounts::store::InstitutionRow;
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::utc;

/// Records the offer of `role` to the person and audits it.
fn offer_role(
    c: &mut DbConn,
    actor: &Actor,
    person: &ValidStaffPerson,
    role: Role,
    institution: Option<&InstitutionRow>,
    now: DateTime<Utc>,
) -> Result<InvitationRow, AppError> {
    let region = (role == Role::BureauOfficer).then_some(&person.region);
    let o = Offer {
        mobile: &person.mobile,
        real_name: &person.real_name,
        role,
        region,
        institution: institution.map(|i| &i.id),
        by: &actor.user_id,
    };
    let row = invitations::offer(c, &o, now)?;
    let scope = institution.map_or_else(|| person.region.to_string(), |i| i.name.clone());
    let summary = format!(
        "offered {} of {scope} to {} ({}); granted when they prove the mobile",
        role.as_str(),
        person.real_name,
        person.mobile.masked()
    );
    audit::record(c, Entry::by(&actor.user_id, AuditAction::InviteStaff, "invitation", &row.id, summary), now)?;
    Ok(row)
}

/// Tells the owner of the mobile that a role waits; a message that cannot
/// be sent leaves the offer standing (they can still set a password).
async fn tell(state: &AppState, row: &InvitationRow, scope: &str) {
    let role = match row.role {
        Role::BureauOfficer => format!("{scope}人社部门经办人员"),
        _ => format!("{scope}的培训机构工作人员"),
    };
    let link = format!("{}/reset", state.config.public_url);
    let msg = SmsMessage { mobile: row.mobile.clone(), kind: SmsKind::Invitation { role, link } };
    if let Err(e) = state.sms.send(state, &msg).await {
        tracing::warn!(invitation = %row.id, error = %e, "invitation message not sent");
    }
}

/// An admin offers someone the role of officer of a bureau for a region;
/// it is granted when they prove the mobile.
pub async fn create_bureau_account(
    state: &AppState,
    actor: Actor,
    req: NewBureauAccount,
    now: DateTime<Utc>,
) -> Result<StaffInvitation, AppError> {
    let person = req.validate().map_err(AppError::validation)?;
    authorize(&actor, Action::CreateBureauAccount, &Resource::Region(&person.region))?;
    let (row, scope) = state
        .write(move |c| {
            let region_name = crate::core::regions::require_known(c, &person.region, "region")?;
            let row = offer_role(c, &actor, &person, Role::BureauOfficer, None, now)?;
            Ok((row, region_name))
        })
        .await?;
    tell(state, &row, &scope).await;
    invitation_out(state, row).await
}

/// An admin, or an officer for the region, designates an institution (or
/// reuses one of the same name in the region) and offers a staff role in it.
pub async fn create_institution_account(
    state: &AppState,
    actor: Actor,
    req: NewInstitutionAccount,
    now: DateTime<Utc>,
) -> Result<StaffInvitation, AppError> {
    let (name, person) = req.validate().map_err(AppError::validation)?;
    authorize(&actor, Action::CreateInstitutionAccount, &Resource::Region(&person.region))?;
    let (row, scope) = state
        .write(move |c| {
            let region_name = crate::core::regions::require_known(c, &person.region, "region")?;
            let institution = match crate::accounts::store::find_institution(c, &person.region, &name)? {
                Some(existing) => existing,
                None => {
                    let row = InstitutionRow {
                        id: InstitutionId::from_raw(new_id()),
                        name: name.clone(),
                        region_code: person.region.clone(),
                        created_by: Some(actor.user_id.clone()),
                        created_at: crate::core::naive(now),
                    };
                    crate::accounts::store::insert_institution(c, &row)?;
                    audit::record(
                        c,
                        Entry::by(
                            &actor.user_id,
                            AuditAction::DesignateInstitution,
                            "institution",
                            row.id.as_str(),
                            format!("designated {} in {} {}", row.name, person.region, region_name),
                        ),
                        now,
                    )?;
                    row
                }
            };
            let row = offer_role(c, &actor, &person, Role::InstitutionStaff, Some(&institution), now)?;
            Ok((row, institution.name))
        })
        .await?;
    tell(state, &row, &scope).await;
    invitation_out(state, row).await
}

async fn invitation_out(state: &AppState, row: InvitationRow) -> Result<StaffInvitation, AppError> {
    let shown = state.db(move |c| invitations::shown(c, vec![row])).await?;
    shown.into_iter().next().ok_or_else(|| AppError::internal("offer not shown"))
}

/// Offers the actor may see, newest first (as for staff accounts: admins
/// all, officers those for institutions of their region).
pub async fn list_invitations(state: &AppState, actor: Actor) -> Result<Vec<StaffInvitation>, AppError> {
    authorize(&actor, Action::ListStaffAccounts, &Resource::System)?;
    let now = state.now();
    state
        .db(move |c| {
            Ok(invitations::recent(c, now)?
                .into_iter()
                .filter(|i| visible(&actor, i.role, i.region.as_ref()))
                .collect())
        })
        .await
}

fn visible(actor: &Actor, role: Role, region: Option<&RegionCode>) -> bool {
    let Some(region) = region else { return false };
    let action = match role {
        Role::BureauOfficer => Action::CreateBureauAccount,
        _ => Action::ListStaffAccounts,
    };
    authorize(actor, action, &Resource::Region(region)).is_ok()
}

fn all_staff(c: &mut DbConn, roles: &[Role]) -> Result<Vec<StaffAccount>, AppError> {
    let rows = crate::accounts::store::staff_grants(c, roles)?;
    let codes: Vec<RegionCode> = rows
        .iter()
        .filter_map(|(g, _, i)| g.region_code.clone().or_else(|| i.as_ref().map(|i| i.region_code.clone())))
        .collect();
    let region_names = crate::core::regions::store::names(c, &codes)?;
    Ok(rows
        .into_iter()
        .map(|(grant, user, inst)| {
            let region = grant.region_code.clone().or_else(|| inst.as_ref().map(|i| i.region_code.clone()));
            StaffAccount {
                user_id: user.id,
                mobile_masked: user.mobile.masked(),
                real_name: user.real_name,
                role: grant.role,
                region_name: region
                    .as_ref()
                    .and_then(|r| region_names.iter().find(|(c, _)| c == r))
                    .map(|(_, n)| n.clone()),
                region,
                institution: inst.map(|i| InstitutionRef { id: i.id, name: i.name }),
                granted_at: utc(grant.granted_at),
            }
        })
        .collect())
}

/// Staff accounts the actor may see: admins all bureau and institution
/// accounts; officers the institution accounts inside their region.
pub async fn list_staff_accounts(state: &AppState, actor: Actor) -> Result<Vec<StaffAccount>, AppError> {
    authorize(&actor, Action::ListStaffAccounts, &Resource::System)?;
    state
        .db(move |c| {
            let accounts = all_staff(c, &[Role::BureauOfficer, Role::InstitutionStaff])?;
            Ok(accounts.into_iter().filter(|a| visible(&actor, a.role, a.region.as_ref())).collect())
        })
        .await
}

/// One person's account as an officer of their region (or an admin, or
/// they themselves) may see it.
pub async fn get_user(state: &AppState, actor: Actor, id: UserId) -> Result<UserSummary, AppError> {
    state
        .db(move |c| {
            let user = crate::accounts::store::find(c, &id)?.ok_or_else(|| AppError::not_found("account"))?;
            let region = user.region_code.clone();
            authorize(&actor, Action::ViewUser, &Resource::User { id: &id, region: region.as_ref() })?;
            let roles = crate::accounts::store::grants_of(c, &user.id)?.iter().map(|g| g.role).collect();
            Ok(UserSummary {
                id,
                mobile_masked: user.mobile.masked(),
                real_name: user.real_name,
                resident_id_masked: user.resident_id_masked.clone(),
                region,
                roles,
            })
        })
        .await
}
