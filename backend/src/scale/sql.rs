//! Multi-row `INSERT`s written as SQL text, for loading scale data fast on
//! both databases. Every value here is made by the generator (numbers,
//! fixed words, dates), and text is quoted all the same.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;

use crate::core::db::DbConn;
use crate::core::error::AppError;

/// Rows per statement: well under SQLite's statement limits, large enough
/// that parsing costs little per row.
const ROWS_PER_STATEMENT: usize = 400;

/// One SQL literal.
pub enum V<'a> {
    /// Text, quoted.
    T(&'a str),
    /// Owned text, quoted.
    S(String),
    /// An integer.
    I(i64),
    /// A truth value.
    B(bool),
    /// A date.
    D(NaiveDate),
    /// A UTC time.
    At(NaiveDateTime),
    /// NULL.
    Null,
}

impl V<'_> {
    fn write(&self, out: &mut String) {
        match self {
            V::T(s) => quote(s, out),
            V::S(s) => quote(s, out),
            V::I(n) => out.push_str(&n.to_string()),
            V::B(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
            V::D(d) => quote(&d.format("%Y-%m-%d").to_string(), out),
            V::At(t) => quote(&t.format("%Y-%m-%d %H:%M:%S").to_string(), out),
            V::Null => out.push_str("NULL"),
        }
    }
}

/// Text or NULL.
pub fn opt(s: Option<String>) -> V<'static> {
    s.map_or(V::Null, V::S)
}

fn quote(s: &str, out: &mut String) {
    out.push('\'');
    out.push_str(&s.replace('\'', "''"));
    out.push('\'');
}

/// Rows for one table, sent in statements of [`ROWS_PER_STATEMENT`].
pub struct Batch<'c> {
    conn: &'c mut DbConn,
    head: String,
    tail: String,
    sql: String,
    rows: usize,
    written: u64,
}

impl<'c> Batch<'c> {
    /// Rows for `table (columns)`; `tail` ends each statement
    /// (`ON CONFLICT DO NOTHING`, or empty).
    pub fn new(conn: &'c mut DbConn, table: &str, columns: &str, tail: &str) -> Self {
        let head = format!("INSERT INTO {table} ({columns}) VALUES ");
        Self { conn, sql: head.clone(), head, tail: tail.to_owned(), rows: 0, written: 0 }
    }

    /// Adds one row; sends the statement when it is full.
    pub fn row(&mut self, values: &[V<'_>]) -> Result<(), AppError> {
        if self.rows > 0 {
            self.sql.push(',');
        }
        self.sql.push('(');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.sql.push(',');
            }
            v.write(&mut self.sql);
        }
        self.sql.push(')');
        self.rows += 1;
        if self.rows >= ROWS_PER_STATEMENT {
            self.send()?;
        }
        Ok(())
    }

    fn send(&mut self) -> Result<(), AppError> {
        if self.rows == 0 {
            return Ok(());
        }
        self.sql.push(' ');
        self.sql.push_str(&self.tail);
        self.conn.batch_execute(&self.sql)?;
        self.written += self.rows as u64;
        self.rows = 0;
        self.sql.clone_from(&self.head);
        Ok(())
    }

    /// Sends what is left; returns the rows written.
    pub fn finish(mut self) -> Result<u64, AppError> {
        self.send()?;
        Ok(self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_with_its_quotes_doubled() {
        let mut out = String::new();
        V::T("O'Brien").write(&mut out);
        V::Null.write(&mut out);
        V::B(true).write(&mut out);
        assert_eq!(out, "'O''Brien'NULLTRUE");
    }
}
