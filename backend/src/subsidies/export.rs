//! The worklist exported as CSV or XLSX.

use malanhua_shared::api::subsidies::{ClaimQuery, ClaimSummary};

use super::{decode::*, reading::*};
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::subsidies::store::{self as sq};

/// Every claim matching the filters (up to [`MAX_EXPORT`]), for export.
pub async fn export_rows(state: &AppState, actor: Actor, query: ClaimQuery) -> Result<Vec<ClaimSummary>, AppError> {
    let f = filter_of(&actor, &query)?;
    state
        .db(move |c| {
            let rows = sq::worklist(c, &f, MAX_EXPORT)?;
            summaries(c, &rows)
        })
        .await
}

/// The export's columns.
pub const EXPORT_HEADER: [&str; 13] = [
    "claim_id",
    "status",
    "kind",
    "certificate",
    "holder",
    "institution",
    "class",
    "region",
    "payee",
    "amount_yuan",
    "filed_at",
    "notice_ends_on",
    "payment_ref",
];

/// One export row as text cells (amount in yuan with two decimals, times in Shanghai).
pub fn export_cells(s: &ClaimSummary) -> [String; 13] {
    let yuan = format!("{}.{:02}", s.amount_fen.get() / 100, s.amount_fen.get() % 100);
    [
        s.id.to_string(),
        s.status.as_str().into(),
        s.kind.map_or(s.claim_kind.as_str(), |k| k.as_str()).into(),
        s.certificate_number.as_ref().map(ToString::to_string).unwrap_or_default(),
        s.holder_name.clone(),
        s.institution.clone(),
        if s.class_title.is_empty() { s.subject.clone() } else { s.class_title.clone() },
        s.region_code.clone(),
        s.payee.as_str().into(),
        yuan,
        s.filed_at
            .map(|t| t.with_timezone(&malanhua_shared::course::shanghai()).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default(),
        s.notice_ends_on.map(|d| d.to_string()).unwrap_or_default(),
        s.payment_ref.clone().unwrap_or_default(),
    ]
}

/// The claims as CSV (UTF-8 with a BOM, so spreadsheets read the Chinese).
pub fn claims_csv(rows: &[ClaimSummary]) -> String {
    crate::core::csv::document(&EXPORT_HEADER, rows.iter().map(export_cells))
}

/// The claims as an XLSX workbook.
pub fn claims_xlsx(rows: &[ClaimSummary]) -> Result<Vec<u8>, AppError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("claims").map_err(AppError::internal)?;
    for (col, h) in (0u16..).zip(EXPORT_HEADER) {
        sheet.write_string(0, col, h).map_err(AppError::internal)?;
    }
    for (row, s) in (1u32..).zip(rows) {
        for (col, v) in (0u16..).zip(export_cells(s)) {
            if col == 9 {
                #[expect(clippy::cast_precision_loss, reason = "display only: fen fit f64 exactly below 2^53")]
                let yuan = s.amount_fen.get() as f64 / 100.0;
                sheet.write_number(row, col, yuan).map_err(AppError::internal)?;
            } else {
                sheet.write_string(row, col, v).map_err(AppError::internal)?;
            }
        }
    }
    book.save_to_buffer().map_err(AppError::internal)
}
