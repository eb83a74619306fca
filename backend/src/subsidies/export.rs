//! The worklist exported as CSV or XLSX, with headers and values in the
//! reader's language (Chinese unless English is asked for): stages, kinds
//! and payees by name, regions by name, amounts in yuan, times in Shanghai.

use std::collections::HashMap;

use malanhua_shared::api::subsidies::{ClaimQuery, ClaimSummary, ExportLang};
use malanhua_shared::labels::{self, Names};
use malanhua_shared::{RegionCode, course::shanghai};

use super::{decode::*, reading::*};
use crate::core::authorization::Actor;
use crate::core::error::AppError;
use crate::core::state::AppState;
use crate::subsidies::store::{self as sq};

/// The claims to export and the names of their regions in the language asked.
pub struct Export {
    /// The claims, in worklist order.
    pub rows: Vec<ClaimSummary>,
    /// Region code -> name.
    pub regions: HashMap<String, String>,
    /// The language of headers and values.
    pub lang: ExportLang,
}

/// Every claim matching the filters (up to [`MAX_EXPORT`]), for export.
pub async fn export_rows(
    state: &AppState,
    actor: Actor,
    query: ClaimQuery,
    lang: ExportLang,
) -> Result<Export, AppError> {
    let f = filter_of(&actor, &query)?;
    state
        .db(move |c| {
            let found = sq::worklist(c, &f, MAX_EXPORT)?;
            let rows = summaries(c, &found)?;
            let mut codes: Vec<RegionCode> =
                rows.iter().filter_map(|r| RegionCode::parse(&r.region_code).ok()).collect();
            codes.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
            codes.dedup();
            let names = match lang {
                ExportLang::Zh => crate::core::regions::store::names(c, &codes)?,
                ExportLang::En => crate::core::regions::store::names_en(c, &codes)?,
            };
            let regions = names.into_iter().map(|(code, name)| (code.to_string(), name)).collect();
            Ok(Export { rows, regions, lang })
        })
        .await
}

/// How many columns an export has.
const COLUMNS: usize = 14;

/// The column of the amount (a number in the workbook).
const AMOUNT_COLUMN: u16 = 10;

/// The export's columns.
const HEADER: [Names; COLUMNS] = [
    ("申请编号", "Claim number"),
    ("办理阶段", "Stage"),
    ("补贴类别", "Kind"),
    ("证书编号", "Certificate"),
    ("申请人", "Holder"),
    ("培训机构", "Institution"),
    ("班级或事项", "Class or subject"),
    ("地区", "Region"),
    ("地区代码", "Region code"),
    ("领取方", "Paid to"),
    ("金额（元）", "Amount (yuan)"),
    ("提交时间", "Filed at"),
    ("公示截止日", "Notice ends on"),
    ("拨付凭证号", "Payment reference"),
];

fn pick(lang: ExportLang, (zh, en): Names) -> &'static str {
    match lang {
        ExportLang::Zh => zh,
        ExportLang::En => en,
    }
}

/// The header row in the language asked.
pub fn export_header(lang: ExportLang) -> [&'static str; COLUMNS] {
    HEADER.map(|names| pick(lang, names))
}

/// One export row as text cells.
pub fn export_cells(s: &ClaimSummary, e: &Export) -> [String; COLUMNS] {
    let yuan = format!("{}.{:02}", s.amount_fen.get() / 100, s.amount_fen.get() % 100);
    let kind = s.kind.map_or_else(|| labels::claim_kind(s.claim_kind), labels::course_kind);
    [
        s.id.to_string(),
        pick(e.lang, labels::claim_status(s.status)).into(),
        pick(e.lang, kind).into(),
        s.certificate_number.as_ref().map(ToString::to_string).unwrap_or_default(),
        s.holder_name.clone(),
        s.institution.clone(),
        if s.class_title.is_empty() { s.subject.clone() } else { s.class_title.clone() },
        e.regions.get(&s.region_code).cloned().unwrap_or_default(),
        s.region_code.clone(),
        pick(e.lang, labels::payee(s.payee)).into(),
        yuan,
        s.filed_at.map(|t| t.with_timezone(&shanghai()).format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default(),
        s.notice_ends_on.map(|d| d.to_string()).unwrap_or_default(),
        s.payment_ref.clone().unwrap_or_default(),
    ]
}

/// The claims as CSV (UTF-8 with a BOM, so spreadsheets read the Chinese).
pub fn claims_csv(e: &Export) -> String {
    crate::core::csv::document(&export_header(e.lang), e.rows.iter().map(|s| export_cells(s, e)))
}

/// The claims as an XLSX workbook. The sheet is written row by row in the
/// writer's constant-memory mode (rows go to a temporary file as they are
/// written), so 10,000 claims do not hold every cell in memory at once.
pub fn claims_xlsx(e: &Export) -> Result<Vec<u8>, AppError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name(pick(e.lang, ("补贴申请", "claims"))).map_err(AppError::internal)?;
    for (col, h) in (0u16..).zip(export_header(e.lang)) {
        sheet.write_string(0, col, h).map_err(AppError::internal)?;
    }
    for (row, s) in (1u32..).zip(&e.rows) {
        for (col, v) in (0u16..).zip(export_cells(s, e)) {
            if col == AMOUNT_COLUMN {
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
