//! The diesel column types, exercised the way the server uses them: over a
//! `#[derive(diesel::MultiConnection)]` enum of PostgreSQL and SQLite, here on
//! an in-memory SQLite database. Typed values go in through binds and come
//! back typed; a bad stored value is an error naming its type and value.

use std::error::Error;

use diesel::connection::SimpleConnection;
use diesel::deserialize::FromSql;
use diesel::expression::AsExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::sqlite::Sqlite;

use crate::api::certificates::AttendanceMark;
use crate::api::outcomes::{Industry, OutcomeStatus};
use crate::api::subsidies::{
    ClaimAction, ClaimStatus, DeclarationStatus, IneligibleReason, ObjectionStatus, Payee, PriorityGroup,
};
use crate::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};
use crate::ids::*;
use crate::{Fen, Mobile, RegionCode, ResidentId, Role};

type TestResult = Result<(), Box<dyn Error>>;

/// The server's `DbConn`, again: the derive generates `MultiBackend` here.
#[derive(diesel::MultiConnection)]
enum TestConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

diesel::table! {
    stored (id) {
        id -> Text,
        user_id -> Text,
        status -> Text,
        kind -> Text,
        role -> Text,
        mark -> Text,
        amount_fen -> BigInt,
        region_code -> Nullable<Text>,
        mobile -> Text,
        resident_id -> Nullable<Text>,
    }
}

/// A typed row, as a backend `store.rs` would declare it.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, QueryableByName)]
#[diesel(table_name = stored, check_for_backend(MultiBackend))]
struct StoredRow {
    id: ClaimId,
    user_id: UserId,
    status: ClaimStatus,
    kind: CourseKind,
    role: Role,
    mark: AttendanceMark,
    amount_fen: Fen,
    region_code: Option<RegionCode>,
    mobile: Mobile,
    resident_id: Option<ResidentId>,
}

fn sqlite() -> Result<TestConn, Box<dyn Error>> {
    let mut conn = TestConn::Sqlite(SqliteConnection::establish(":memory:")?);
    conn.batch_execute(
        "CREATE TABLE stored (
            id TEXT PRIMARY KEY NOT NULL,
            user_id TEXT NOT NULL,
            status TEXT NOT NULL,
            kind TEXT NOT NULL,
            role TEXT NOT NULL,
            mark TEXT NOT NULL,
            amount_fen BIGINT NOT NULL,
            region_code TEXT,
            mobile TEXT NOT NULL,
            resident_id TEXT
        )",
    )?;
    Ok(conn)
}

fn row(id: &str) -> Result<StoredRow, Box<dyn Error>> {
    Ok(StoredRow {
        id: ClaimId::from_raw(id),
        user_id: UserId::from_raw("user-1"),
        status: ClaimStatus::Notice,
        kind: CourseKind::Syb,
        role: Role::Trainee,
        mark: AttendanceMark::Late,
        amount_fen: Fen::from_yuan(1500).map_err(|e| format!("{e:?}"))?,
        region_code: Some(RegionCode::parse("370202").map_err(|e| format!("{e:?}"))?),
        mobile: Mobile::parse("13812345678").map_err(|e| format!("{e:?}"))?,
        resident_id: Some(ResidentId::parse("11010519491231002X").map_err(|e| format!("{e:?}"))?),
    })
}

/// Stores a good row, then overwrites one column with raw SQL, as a bad
/// migration or a hand edit would.
fn with_bad_column(column: &str, sql_value: &str) -> Result<TestConn, Box<dyn Error>> {
    let mut conn = sqlite()?;
    diesel::insert_into(stored::table).values(row("c-1")?).execute(&mut conn)?;
    conn.batch_execute(&format!("UPDATE stored SET {column} = {sql_value}"))?;
    Ok(conn)
}

/// An error with its causes, as the server's error log shows them.
fn with_causes(error: &dyn Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message = format!("{message}: {cause}");
        source = cause.source();
    }
    message
}

/// The error of loading the typed rows: diesel reports the field, and its
/// source is the column type's message.
fn load_error(conn: &mut TestConn) -> Option<String> {
    stored::table.select(StoredRow::as_select()).load(conn).err().map(|e| with_causes(&e))
}

fn field_error(field: &str, message: &str) -> Option<String> {
    Some(format!("Error deserializing field '{field}': {message}"))
}

#[test]
fn a_typed_row_goes_in_through_insert_into_and_comes_back_typed() -> TestResult {
    let mut conn = sqlite()?;
    let written = row("c-1")?;
    diesel::insert_into(stored::table).values(&written).execute(&mut conn)?;

    let read: StoredRow = stored::table.select(StoredRow::as_select()).first(&mut conn)?;
    assert_eq!(read, written);

    // Typed values in filters and single typed columns.
    let found: Vec<(ClaimId, Fen)> = stored::table
        .filter(stored::status.eq(ClaimStatus::Notice))
        .filter(stored::user_id.eq(&written.user_id))
        .filter(stored::amount_fen.ge(Fen::from_yuan(1000).map_err(|e| format!("{e:?}"))?))
        .select((stored::id, stored::amount_fen))
        .load(&mut conn)?;
    assert_eq!(found, vec![(written.id.clone(), written.amount_fen)]);

    diesel::update(stored::table.find(&written.id)).set(stored::status.eq(ClaimStatus::Paid)).execute(&mut conn)?;
    let status: ClaimStatus = stored::table.find(&written.id).select(stored::status).first(&mut conn)?;
    assert_eq!(status, ClaimStatus::Paid);
    Ok(())
}

#[test]
fn sql_query_binds_typed_values_and_reads_them_back_by_name() -> TestResult {
    let mut conn = sqlite()?;
    let written = StoredRow { region_code: None, resident_id: None, ..row("c-2")? };
    diesel::sql_query(
        "INSERT INTO stored (id, user_id, status, kind, role, mark, amount_fen, region_code, mobile, resident_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind::<Text, _>(&written.id)
    .bind::<Text, _>(&written.user_id)
    .bind::<Text, _>(written.status)
    .bind::<Text, _>(written.kind)
    .bind::<Text, _>(written.role)
    .bind::<Text, _>(written.mark)
    .bind::<BigInt, _>(written.amount_fen)
    .bind::<Nullable<Text>, _>(&written.region_code)
    .bind::<Text, _>(&written.mobile)
    .bind::<Nullable<Text>, _>(&written.resident_id)
    .execute(&mut conn)?;

    let read: Vec<StoredRow> = diesel::sql_query("SELECT * FROM stored WHERE status = ?")
        .bind::<Text, _>(ClaimStatus::Notice)
        .load(&mut conn)?;
    assert_eq!(read, vec![written]);
    Ok(())
}

/// `SELECT ?` with a typed bind, read back as the same type.
macro_rules! round_trip {
    ($conn:expr, $st:ty, $ty:ty, $value:expr) => {
        diesel::select(<$ty as AsExpression<$st>>::as_expression($value)).get_result::<$ty>($conn)
    };
}

/// Every value of each enum is written and read back through SQLite.
macro_rules! every_value_round_trips {
    ($conn:expr, $($ty:ident),+) => {$(
        for value in $ty::ALL.iter().copied() {
            assert_eq!(round_trip!($conn, Text, $ty, value)?, value, "{}", stringify!($ty));
        }
    )+};
}

#[test]
fn every_named_enum_value_round_trips_through_storage() -> TestResult {
    let mut conn = sqlite()?;
    every_value_round_trips!(
        &mut conn,
        CourseKind,
        ClassMode,
        ClassStatus,
        EnrolmentStatus,
        PriorityGroup,
        Payee,
        DeclarationStatus,
        ClaimStatus,
        ClaimAction,
        IneligibleReason,
        ObjectionStatus,
        Role,
        AttendanceMark,
        Industry,
        OutcomeStatus
    );
    Ok(())
}

#[test]
fn every_typed_id_and_newtype_round_trips_through_storage() -> TestResult {
    let mut conn = sqlite()?;
    macro_rules! ids {
        ($($id:ident),+) => {$(
            let id = $id::from_raw("0193-abc");
            assert_eq!(round_trip!(&mut conn, Text, $id, id.clone())?, id, "{}", stringify!($id));
        )+};
    }
    ids!(
        UserId,
        InstitutionId,
        TrainerId,
        ClassId,
        ClassSessionId,
        EnrolmentId,
        CertificateId,
        CertificateNumber,
        SubsidyPolicyId,
        DeclarationId,
        ClaimId,
        ObjectionId,
        PaymentId,
        NotificationId
    );
    let fen = Fen::new(150_050).map_err(|e| format!("{e:?}"))?;
    assert_eq!(round_trip!(&mut conn, BigInt, Fen, fen)?, fen);
    let good = row("c-3")?;
    if let Some(region) = good.region_code {
        assert_eq!(round_trip!(&mut conn, Text, RegionCode, region.clone())?, region);
    }
    assert_eq!(round_trip!(&mut conn, Text, Mobile, good.mobile.clone())?, good.mobile);
    if let Some(id) = good.resident_id {
        assert_eq!(round_trip!(&mut conn, Text, ResidentId, id.clone())?, id);
    }
    Ok(())
}

#[test]
fn an_unknown_stored_enum_name_fails_naming_the_type_and_value() -> TestResult {
    let mut conn = with_bad_column("status", "'xyz'")?;
    let alone = stored::table.select(stored::status).first::<ClaimStatus>(&mut conn).err().map(|e| with_causes(&e));
    assert_eq!(alone, field_error("status", "bad ClaimStatus in storage: 'xyz'"));
    assert_eq!(load_error(&mut conn), field_error("status", "bad ClaimStatus in storage: 'xyz'"));
    let mut conn = with_bad_column("mark", "'PRESENT'")?;
    assert_eq!(load_error(&mut conn), field_error("mark", "bad AttendanceMark in storage: 'PRESENT'"));
    let mut conn = with_bad_column("role", "''")?;
    assert_eq!(load_error(&mut conn), field_error("role", "bad Role in storage: ''"));
    Ok(())
}

#[test]
fn a_negative_stored_amount_fails_rather_than_reading_as_zero() -> TestResult {
    let mut conn = with_bad_column("amount_fen", "-5")?;
    assert_eq!(load_error(&mut conn), field_error("amount_fen", "bad Fen in storage: '-5'"));
    Ok(())
}

#[test]
fn a_malformed_stored_region_code_fails_naming_it() -> TestResult {
    let mut conn = with_bad_column("region_code", "'370002'")?;
    assert_eq!(load_error(&mut conn), field_error("region_code", "bad RegionCode in storage: '370002'"));
    Ok(())
}

#[test]
fn a_bad_stored_resident_id_or_mobile_fails_without_showing_the_value() -> TestResult {
    let mut conn = with_bad_column("resident_id", "'110105194912310021'")?;
    let message = load_error(&mut conn);
    assert_eq!(message, field_error("resident_id", "bad ResidentId in storage: 18 characters, value withheld"));
    assert!(!message.unwrap_or_default().contains("1101051949"));

    let mut conn = with_bad_column("mobile", "'12812345678'")?;
    assert_eq!(load_error(&mut conn), field_error("mobile", "bad Mobile in storage: 11 characters, value withheld"));
    Ok(())
}

/// Compiles only if `T` reads and writes `ST` on both databases and on the
/// backend a `MultiConnection` derive generates.
fn column_type<T, ST>()
where
    T: ToSql<ST, Sqlite> + ToSql<ST, Pg> + ToSql<ST, MultiBackend>,
    T: FromSql<ST, Sqlite> + FromSql<ST, Pg> + FromSql<ST, MultiBackend>,
    T: AsExpression<ST> + AsExpression<Nullable<ST>>,
    ST: diesel::sql_types::SqlType + diesel::sql_types::SingleValue,
{
}

#[test]
fn every_type_is_a_column_type_on_sqlite_postgres_and_the_multi_backend() {
    macro_rules! text {
        ($($ty:ty),+) => {$( column_type::<$ty, Text>(); )+};
    }
    text!(
        CourseKind,
        ClassMode,
        ClassStatus,
        EnrolmentStatus,
        PriorityGroup,
        Payee,
        DeclarationStatus,
        ClaimStatus,
        ClaimAction,
        IneligibleReason,
        ObjectionStatus,
        Role,
        AttendanceMark,
        UserId,
        InstitutionId,
        TrainerId,
        ClassId,
        ClassSessionId,
        EnrolmentId,
        CertificateId,
        CertificateNumber,
        SubsidyPolicyId,
        DeclarationId,
        ClaimId,
        ObjectionId,
        PaymentId,
        NotificationId,
        RegionCode,
        Mobile,
        ResidentId
    );
    column_type::<Fen, BigInt>();
}
