//! Accounts, their roles, and institutions.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use malanhua_shared::ids::{InstitutionId, UserId};
use malanhua_shared::{Gender, Mobile, RegionCode, Role};

use crate::core::db::DbConn;
use crate::core::db::schema::{institutions, role_grants, users};

/// One row of `users`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    /// Account id.
    pub id: UserId,
    /// Login mobile (11 digits).
    pub mobile: Mobile,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Real name.
    pub real_name: Option<String>,
    /// The resident ID sealed with AES-GCM ([`crate::accounts::pii`]).
    pub resident_id: Option<String>,
    /// `male` / `female`, derived from the ID.
    pub gender: Option<Gender>,
    /// Derived from the ID.
    pub birth_date: Option<NaiveDate>,
    /// Home region code.
    pub region_code: Option<RegionCode>,
    /// Created (UTC).
    pub created_at: NaiveDateTime,
    /// Last changed (UTC).
    pub updated_at: NaiveDateTime,
    /// Keyed hash of the resident ID (unique).
    pub resident_id_hash: Option<String>,
    /// The resident ID masked for display.
    pub resident_id_masked: Option<String>,
}

/// One row of `role_grants`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = role_grants)]
pub struct RoleGrantRow {
    /// Grant id.
    pub id: String,
    /// The person.
    pub user_id: UserId,
    /// Role storage name.
    pub role: Role,
    /// Region of a bureau officer.
    pub region_code: Option<RegionCode>,
    /// Institution of a staff member.
    pub institution_id: Option<InstitutionId>,
    /// Who granted it.
    pub granted_by: Option<UserId>,
    /// When (UTC).
    pub granted_at: NaiveDateTime,
}

/// One row of `institutions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = institutions)]
pub struct InstitutionRow {
    /// Institution id.
    pub id: InstitutionId,
    /// Registered name.
    pub name: String,
    /// Where it is registered.
    pub region_code: RegionCode,
    /// Who created it.
    pub created_by: Option<UserId>,
    /// When (UTC).
    pub created_at: NaiveDateTime,
}

/// The profile fields written together.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = users)]
pub struct ProfileChange<'a> {
    /// Real name.
    pub real_name: &'a str,
    /// The sealed resident ID.
    pub resident_id: &'a str,
    /// Its keyed hash.
    pub resident_id_hash: &'a str,
    /// Its masked form.
    pub resident_id_masked: &'a str,
    /// Derived gender.
    pub gender: Gender,
    /// Derived birth date.
    pub birth_date: NaiveDate,
    /// Home region.
    pub region_code: &'a RegionCode,
    /// Now.
    pub updated_at: NaiveDateTime,
}

/// Inserts an account.
pub fn insert(conn: &mut DbConn, row: &UserRow) -> QueryResult<()> {
    diesel::insert_into(users::table).values(row).execute(conn).map(|_| ())
}

/// The account with this id.
pub fn find(conn: &mut DbConn, id: &UserId) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).first(conn).optional()
}

/// The account with this mobile number.
pub fn find_by_mobile(conn: &mut DbConn, mobile: &str) -> QueryResult<Option<UserRow>> {
    users::table.filter(users::mobile.eq(mobile)).select(UserRow::as_select()).first(conn).optional()
}

/// The account holding the resident ID with this keyed hash.
pub fn find_by_resident_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<UserRow>> {
    users::table.filter(users::resident_id_hash.eq(hash)).select(UserRow::as_select()).first(conn).optional()
}

/// Writes the real-name profile; returns rows changed.
pub fn update_profile(conn: &mut DbConn, id: &UserId, change: &ProfileChange<'_>) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set(change).execute(conn)
}

/// Replaces the account's password hash.
pub fn set_password(conn: &mut DbConn, id: &UserId, hash: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set((users::password_hash.eq(hash), users::updated_at.eq(at))).execute(conn)
}

/// The owner proved the mobile with a code.
pub fn mark_proved(conn: &mut DbConn, id: &UserId, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set(users::mobile_verified_at.eq(at)).execute(conn)
}

/// Consent to the privacy notice of `version`.
pub fn record_consent(conn: &mut DbConn, id: &UserId, version: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((users::privacy_version.eq(version), users::privacy_consented_at.eq(at)))
        .execute(conn)
}

/// Removes one role grant.
pub fn delete_grant(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(role_grants::table.find(id)).execute(conn)
}

/// Takes the resident ID (and what was derived from it) off an account.
pub fn clear_resident_id(conn: &mut DbConn, id: &UserId, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::resident_id.eq(None::<String>),
            users::resident_id_hash.eq(None::<String>),
            users::resident_id_masked.eq(None::<String>),
            users::gender.eq(None::<Gender>),
            users::birth_date.eq(None::<NaiveDate>),
            users::updated_at.eq(at),
        ))
        .execute(conn)
}

/// Takes the account's row lock for the rest of the transaction, so its
/// roles change one grant at a time.
pub fn lock_user(conn: &mut DbConn, id: &UserId) -> QueryResult<bool> {
    diesel::update(users::table.find(id)).set(users::updated_at.eq(users::updated_at)).execute(conn).map(|n| n == 1)
}

/// The roles of one person.
pub fn grants_of(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Vec<RoleGrantRow>> {
    role_grants::table
        .filter(role_grants::user_id.eq(user_id))
        .order(role_grants::granted_at.asc())
        .select(RoleGrantRow::as_select())
        .load(conn)
}

/// Adds a role.
pub fn insert_grant(conn: &mut DbConn, row: &RoleGrantRow) -> QueryResult<()> {
    diesel::insert_into(role_grants::table).values(row).execute(conn).map(|_| ())
}

/// Grants of the given roles, newest first, with the person and institution.
pub fn staff_grants(
    conn: &mut DbConn,
    roles: &[Role],
) -> QueryResult<Vec<(RoleGrantRow, UserRow, Option<InstitutionRow>)>> {
    role_grants::table
        .inner_join(users::table)
        .left_join(institutions::table)
        .filter(role_grants::role.eq_any(roles))
        .order(role_grants::granted_at.desc())
        .select((RoleGrantRow::as_select(), UserRow::as_select(), Option::<InstitutionRow>::as_select()))
        .load(conn)
}

/// Inserts an institution.
pub fn insert_institution(conn: &mut DbConn, row: &InstitutionRow) -> QueryResult<()> {
    diesel::insert_into(institutions::table).values(row).execute(conn).map(|_| ())
}

/// The institution with this name in this region.
pub fn find_institution(conn: &mut DbConn, region: &RegionCode, name: &str) -> QueryResult<Option<InstitutionRow>> {
    institutions::table
        .filter(institutions::region_code.eq(region))
        .filter(institutions::name.eq(name))
        .select(InstitutionRow::as_select())
        .first(conn)
        .optional()
}

/// Institutions by id.
pub fn institutions_by_id(conn: &mut DbConn, ids: &[InstitutionId]) -> QueryResult<Vec<InstitutionRow>> {
    institutions::table.filter(institutions::id.eq_any(ids)).select(InstitutionRow::as_select()).load(conn)
}

/// Grants a role bound to a region unless the person holds it already.
pub fn ensure_role(
    conn: &mut DbConn,
    user_id: &UserId,
    role: Role,
    region: Option<&RegionCode>,
    by: &UserId,
    now: chrono::DateTime<chrono::Utc>,
) -> QueryResult<()> {
    if grants_of(conn, user_id)?.iter().any(|g| g.role == role) {
        return Ok(());
    }
    insert_grant(
        conn,
        &RoleGrantRow {
            id: crate::core::db::new_id(),
            user_id: user_id.clone(),
            role,
            region_code: region.cloned(),
            institution_id: None,
            granted_by: Some(by.clone()),
            granted_at: crate::core::naive(now),
        },
    )
}

/// The real names of many people (none for those without a profile).
pub fn real_names(conn: &mut DbConn, ids: &[UserId]) -> QueryResult<Vec<(UserId, Option<String>)>> {
    users::table.filter(users::id.eq_any(ids)).select((users::id, users::real_name)).load(conn)
}
