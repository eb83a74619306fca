//! `malanhua explain-worklist`: the query plans of the bureau worklist's
//! pages, for the benchmark's report. Each query string is turned into the
//! worklist's filter as the API does, the product's own query runs once
//! with its SQL captured from the driver, and the database explains that
//! SQL (SQLite: `EXPLAIN QUERY PLAN`, parameters unbound; PostgreSQL: the
//! generic plan of the prepared statement, which does not depend on the
//! values).

use std::sync::{Arc, Mutex};

use diesel::connection::{Connection, InstrumentationEvent};
use diesel::prelude::*;
use diesel::sql_types::Text;
use malanhua_shared::RegionCode;
use malanhua_shared::api::subsidies::ClaimQuery;

use crate::core::db::DbConn;
use crate::core::error::AppError;

#[derive(QueryableByName)]
struct SqlitePlan {
    #[diesel(sql_type = Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PgPlan {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

/// The plan of each worklist query (`status=paid&sort=amount_desc`, ...)
/// over the claims of `region`, as Markdown.
pub fn worklist_plans(conn: &mut DbConn, region: &str, queries: &[String]) -> Result<String, AppError> {
    let own = RegionCode::parse(region).map_err(|c| AppError::field("region", c))?;
    let mut out = String::new();
    for raw in queries {
        let query: ClaimQuery =
            serde_urlencoded::from_str(raw).map_err(|e| AppError::internal(format!("{raw}: {e}")))?;
        let filter = crate::subsidies::reading::filter_in(&own, &query)?;
        let sql = captured_sql(conn, |c| crate::subsidies::store::worklist(c, &filter, 51).map(|_| ()))?;
        let plan = explain(conn, &sql)?;
        out.push_str(&format!("`{raw}`\n\n```\n{}\n```\n\n", plan.join("\n")));
    }
    Ok(out)
}

/// The SQL of the last statement `run` sent, without its bind values.
fn captured_sql(conn: &mut DbConn, run: impl FnOnce(&mut DbConn) -> QueryResult<()>) -> Result<String, AppError> {
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = seen.clone();
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event
            && let Ok(mut s) = sink.lock()
        {
            s.push(query.to_string());
        }
    });
    let ran = run(conn);
    conn.set_instrumentation(|_: InstrumentationEvent<'_>| {});
    ran?;
    let last = seen.lock().ok().and_then(|s| s.last().cloned()).unwrap_or_default();
    Ok(last.split(" -- binds: ").next().unwrap_or_default().to_owned())
}

fn explain(conn: &mut DbConn, sql: &str) -> Result<Vec<String>, AppError> {
    if matches!(conn, DbConn::Sqlite(_)) {
        let rows: Vec<SqlitePlan> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}")).load(conn)?;
        return Ok(rows.into_iter().map(|r| r.detail).collect());
    }
    let params = (1..=99).rev().find(|n| sql.contains(&format!("${n}"))).unwrap_or(0);
    let nulls = vec!["NULL"; params].join(", ");
    diesel::sql_query("SET plan_cache_mode = force_generic_plan").execute(conn)?;
    diesel::sql_query(format!("PREPARE malanhua_explain AS {sql}")).execute(conn)?;
    let args = if params == 0 { String::new() } else { format!("({nulls})") };
    let rows: QueryResult<Vec<PgPlan>> =
        diesel::sql_query(format!("EXPLAIN EXECUTE malanhua_explain{args}")).load(conn);
    diesel::sql_query("DEALLOCATE malanhua_explain").execute(conn)?;
    diesel::sql_query("RESET plan_cache_mode").execute(conn)?;
    Ok(rows?.into_iter().map(|r| r.line).collect())
}
