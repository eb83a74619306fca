//! Both migration trees must produce exactly the tables and columns that
//! `backend/src/core/db/schema.rs` declares: this reads that file and compares it
//! with what the migrated database reports.

use std::collections::BTreeMap;

use diesel::QueryableByName;
use diesel::sql_types::{Integer, Text};
use malanhua::core::db::DbConn;
use malanhua_tests::TestApp;

const SCHEMA_RS: &str = include_str!("../../backend/src/core/db/schema.rs");

/// (type, nullable) per column, per table.
type Tables = BTreeMap<String, BTreeMap<String, (String, bool)>>;

fn declared() -> Tables {
    let mut tables = Tables::new();
    let mut current: Option<String> = None;
    for line in SCHEMA_RS.lines().map(str::trim) {
        if let Some(name) = line.strip_suffix('{').and_then(|l| l.split_once(" (")).map(|(n, _)| n.trim()) {
            current = Some(name.to_owned());
            tables.entry(name.to_owned()).or_default();
        } else if line == "}" {
            current = None;
        } else if let (Some(table), Some((col, ty))) = (&current, line.trim_end_matches(',').split_once(" -> ")) {
            let (ty, nullable) = match ty.strip_prefix("Nullable<").and_then(|t| t.strip_suffix('>')) {
                Some(inner) => (inner, true),
                None => (ty, false),
            };
            tables.entry(table.clone()).or_default().insert(col.to_owned(), (ty.to_owned(), nullable));
        }
    }
    tables
}

fn sql_type(diesel_type: &str, sqlite: bool) -> &'static str {
    match (diesel_type, sqlite) {
        ("Text", true) => "TEXT",
        ("Text", false) => "text",
        ("Timestamp", true) => "TIMESTAMP",
        ("Timestamp", false) => "timestamp without time zone",
        ("Date", true) => "DATE",
        ("Date", false) => "date",
        ("BigInt", true) => "BIGINT",
        ("BigInt", false) => "bigint",
        ("Integer", true) => "INTEGER",
        ("Integer", false) => "integer",
        ("Bool", true) => "BOOLEAN",
        ("Bool", false) => "boolean",
        _ => "unsupported type in schema.rs",
    }
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    #[diesel(column_name = type_)]
    ty: String,
    #[diesel(sql_type = Integer)]
    notnull: i32,
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn actual(c: &mut DbConn) -> diesel::QueryResult<(Tables, bool)> {
    use diesel::RunQueryDsl;
    let mut tables = Tables::new();
    match c {
        DbConn::Sqlite(s) => {
            let names: Vec<Name> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name <> '__diesel_schema_migrations'",
            )
            .load(s)?;
            for Name { name } in names {
                let cols: Vec<SqliteColumn> = diesel::sql_query(format!(
                    "SELECT name, type AS type_, \"notnull\" FROM pragma_table_info('{name}')"
                ))
                .load(s)?;
                let entry = tables.entry(name).or_default();
                for col in cols {
                    entry.insert(col.name, (col.ty, col.notnull == 0));
                }
            }
            Ok((tables, true))
        }
        DbConn::Postgres(p) => {
            let cols: Vec<PgColumn> = diesel::sql_query(
                "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
                 FROM information_schema.columns WHERE table_schema = 'public' \
                 AND table_name <> '__diesel_schema_migrations'",
            )
            .load(p)?;
            for col in cols {
                tables
                    .entry(col.table_name)
                    .or_default()
                    .insert(col.column_name, (col.data_type, col.is_nullable == "YES"));
            }
            Ok((tables, false))
        }
    }
}

#[tokio::test]
async fn the_migrations_produce_exactly_the_tables_and_columns_of_schema_rs() {
    let app = TestApp::spawn().await;
    let declared = declared();
    assert!(declared.len() >= 8 && declared.contains_key("users"), "schema.rs was not read: {declared:?}");
    let (actual, sqlite) = app.state().db(|c| Ok(actual(c)?)).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        declared.keys().collect::<Vec<_>>(),
        actual.keys().collect::<Vec<_>>(),
        "tables differ between schema.rs and the migrations"
    );
    for (table, columns) in &declared {
        let expected: BTreeMap<&String, (&str, bool)> =
            columns.iter().map(|(c, (ty, null))| (c, (sql_type(ty, sqlite), *null))).collect();
        let got: BTreeMap<&String, (&str, bool)> =
            actual[table].iter().map(|(c, (ty, null))| (c, (ty.as_str(), *null))).collect();
        assert_eq!(expected, got, "columns of {table} differ (type, nullable)");
    }
}
