//! Creating and listing staff accounts: bureau officers (by admins) and
//! institutions with their staff (by admins, or officers for their region).

use chrono::{DateTime, Utc};
use malanhua_shared::api::{
    InstitutionRef, NewBureauAccount, NewInstitutionAccount, StaffAccount, UserSummary, ValidStaffPerson,
};
use malanhua_shared::audit::AuditAction;
use malanhua_shared::{FieldCode, InstitutionId, RegionCode, Role, UserId};

use crate::accounts::passwords;
use crate::accounts::store::InstitutionRow;
use crate::accounts::{insert_role, insert_user};
use crate::core::audit::{self, Entry};
use crate::core::authorization::{Action, Actor, Resource, authorize};
use crate::core::db::{DbConn, new_id};
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::core::utc;

/// The account for the mobile: existing (the role is added) or new (a
/// password is required). Returns the hash to create it with, if new.
async fn prepare_account(state: &AppState, person: &ValidStaffPerson) -> Result<Option<String>, AppError> {
    let m = person.mobile.as_str().to_owned();
    let exists = state.db(move |c| Ok(crate::accounts::store::find_by_mobile(c, &m)?.is_some())).await?;
    match (exists, &person.password) {
        (true, _) => Ok(None),
        (false, None) => Err(AppError::field("password", FieldCode::Required)),
        (false, Some(p)) => passwords::hash(state, p.expose().to_owned()).await.map(Some),
    }
}

/// Finds or creates the account inside the transaction; fills in the real
/// name when the account has none yet.
fn upsert_person(
    c: &mut DbConn,
    person: &ValidStaffPerson,
    hash: Option<String>,
    now: DateTime<Utc>,
) -> Result<UserId, AppError> {
    if let Some(existing) = crate::accounts::store::find_by_mobile(c, person.mobile.as_str())? {
        return Ok(existing.id);
    }
    let hash = hash.ok_or_else(|| AppError::field("password", FieldCode::Required))?;
    let id = UserId::from_raw(new_id());
    insert_user(c, &id, &person.mobile, hash, now)?;
    set_name_if_missing(c, &id, &person.real_name, now)?;
    Ok(id)
}

fn set_name_if_missing(c: &mut DbConn, id: &UserId, name: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    use diesel::prelude::*;

    use crate::core::db::schema::users;
    diesel::update(users::table.find(id).filter(users::real_name.is_null()))
        .set((users::real_name.eq(name), users::updated_at.eq(crate::core::naive(now))))
        .execute(c)?;
    Ok(())
}

/// An admin makes someone an officer of a bureau for a region.
pub async fn create_bureau_account(
    state: &AppState,
    actor: Actor,
    req: NewBureauAccount,
    now: DateTime<Utc>,
) -> Result<StaffAccount, AppError> {
    let person = req.validate().map_err(AppError::validation)?;
    authorize(&actor, Action::CreateBureauAccount, &Resource::Region(&person.region))?;
    let hash = prepare_account(state, &person).await?;
    state
        .write(move |c| {
            let user_id = {
                let region_name = crate::core::regions::require_known(c, &person.region, "region")?;
                let user_id = upsert_person(c, &person, hash, now)?;
                insert_role(c, &user_id, Role::BureauOfficer, Some(&person.region), None, Some(&actor.user_id), now)?;
                audit::record(
                    c,
                    Entry::by(
                        &actor.user_id,
                        AuditAction::GrantBureauOfficer,
                        "user",
                        user_id.as_str(),
                        format!(
                            "{} ({}) made bureau officer for {} {}",
                            person.real_name,
                            person.mobile.masked(),
                            person.region,
                            region_name
                        ),
                    ),
                    now,
                )?;
                user_id
            };
            staff_account(c, &user_id, Role::BureauOfficer)
        })
        .await
}

/// An admin, or an officer for the region, designates an institution (or
/// reuses one of the same name in the region) and gives it a staff account.
pub async fn create_institution_account(
    state: &AppState,
    actor: Actor,
    req: NewInstitutionAccount,
    now: DateTime<Utc>,
) -> Result<StaffAccount, AppError> {
    let (name, person) = req.validate().map_err(AppError::validation)?;
    authorize(&actor, Action::CreateInstitutionAccount, &Resource::Region(&person.region))?;
    let hash = prepare_account(state, &person).await?;
    state
        .write(move |c| {
            let user_id = {
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
                let user_id = upsert_person(c, &person, hash, now)?;
                insert_role(
                    c,
                    &user_id,
                    Role::InstitutionStaff,
                    None,
                    Some(&institution.id),
                    Some(&actor.user_id),
                    now,
                )?;
                audit::record(
                    c,
                    Entry::by(
                        &actor.user_id,
                        AuditAction::GrantInstitutionStaff,
                        "user",
                        user_id.as_str(),
                        format!("{} ({}) made staff of {}", person.real_name, person.mobile.masked(), institution.name),
                    ),
                    now,
                )?;
                user_id
            };
            staff_account(c, &user_id, Role::InstitutionStaff)
        })
        .await
}

fn staff_account(c: &mut DbConn, user_id: &UserId, role: Role) -> Result<StaffAccount, AppError> {
    all_staff(c, &[role])?
        .into_iter()
        .find(|a| &a.user_id == user_id)
        .ok_or_else(|| AppError::internal("created account not found"))
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
            Ok(accounts
                .into_iter()
                .filter(|a| {
                    let Some(region) = &a.region else { return false };
                    let action = match a.role {
                        Role::BureauOfficer => Action::CreateBureauAccount,
                        _ => Action::ListStaffAccounts,
                    };
                    authorize(&actor, action, &Resource::Region(region)).is_ok()
                })
                .collect())
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
                resident_id_masked: user.resident_id.as_ref().map(|r| r.masked()),
                region,
                roles,
            })
        })
        .await
}
