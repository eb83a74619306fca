//! The statistics as CSV (one table, a section column first) and as an
//! XLSX workbook (a sheet per section): the same rows the page shows, in
//! Chinese or English, money in yuan, rates in percent with one decimal.

use malanhua_shared::api::statistics::{Figures, Statistics, permille, tenths};
use malanhua_shared::api::subsidies::ExportLang;

use crate::core::error::AppError;

fn pick(lang: ExportLang, (zh, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        ExportLang::Zh => zh,
        ExportLang::En => en,
    }
}

/// The figure columns, in order.
const FIGURE_HEADERS: [(&str, &str); 14] = [
    ("开班数", "classes opened"),
    ("报名人数", "enrolled"),
    ("结业人数", "completed"),
    ("结业率", "completion rate"),
    ("发证数", "certificates"),
    ("创业人数", "businesses started"),
    ("创业成功率", "start-up rate"),
    ("带动就业人数", "jobs created"),
    ("拨付笔数", "payments"),
    ("拨付金额（元）", "paid (yuan)"),
    ("证书至拨付平均天数", "days from certificate to payment"),
    ("导师服务次数", "mentor services"),
    ("平均评分", "average rating"),
    ("认定工作室数", "studios recognised"),
];

fn percent(n: u64, d: u64) -> String {
    permille(n, d).map(|p| format!("{}.{}%", p / 10, p % 10)).unwrap_or_default()
}

fn average(total: u64, count: u64) -> String {
    tenths(total, count).map(|t| format!("{}.{}", t / 10, t % 10)).unwrap_or_default()
}

/// Fen as yuan with two decimals.
fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The cells of one row of figures.
pub fn figure_cells(f: &Figures) -> Vec<String> {
    vec![
        f.classes_opened.to_string(),
        f.enrolled.to_string(),
        f.completed.to_string(),
        percent(f.completed, f.enrolled),
        f.certificates.to_string(),
        f.start_ups.to_string(),
        percent(f.start_ups, f.certificates),
        f.jobs_created.to_string(),
        f.payments.to_string(),
        yuan(f.paid_fen),
        average(f.days_to_payment_total, f.days_to_payment_count),
        f.mentor_services.to_string(),
        average(f.rating_stars, f.ratings),
        f.studios_recognised.to_string(),
    ]
}

/// One section of the export: its name, its first columns' headers, and rows.
struct Section {
    name: (&'static str, &'static str),
    keys: Vec<(&'static str, &'static str)>,
    rows: Vec<Vec<String>>,
}

fn sections(s: &Statistics) -> Vec<Section> {
    let region_name = if s.region_name.is_empty() { "全国".to_owned() } else { s.region_name.clone() };
    let total = Section {
        name: ("合计", "total"),
        keys: vec![("地区", "region"), ("起始日期", "from"), ("截止日期", "to")],
        rows: vec![[vec![region_name, s.from.to_string(), s.to.to_string()], figure_cells(&s.totals)].concat()],
    };
    let regions = Section {
        name: ("分地区", "by region"),
        keys: vec![("地区代码", "region code"), ("地区", "region")],
        rows: s
            .regions
            .iter()
            .map(|r| [vec![r.region.clone(), r.name.clone()], figure_cells(&r.figures)].concat())
            .collect(),
    };
    let periods = Section {
        name: ("分时段", "by period"),
        keys: vec![("时段", "period"), ("起始日期", "from"), ("截止日期", "to")],
        rows: s
            .periods
            .iter()
            .map(|p| [vec![p.label.clone(), p.from.to_string(), p.to.to_string()], figure_cells(&p.figures)].concat())
            .collect(),
    };
    let institutions = Section {
        name: ("培训机构绩效", "institutions"),
        keys: vec![
            ("培训机构", "institution"),
            ("地区代码", "region code"),
            ("开班数", "classes opened"),
            ("报名人数", "enrolled"),
            ("结业人数", "completed"),
            ("结业率", "completion rate"),
            ("发证数", "certificates"),
            ("创业人数", "businesses started"),
            ("创业成功率", "start-up rate"),
            ("异议成立", "objections upheld"),
            ("退回补正", "claims returned"),
        ],
        rows: s
            .institutions
            .iter()
            .map(|i| {
                vec![
                    i.name.clone(),
                    i.region.clone(),
                    i.classes_opened.to_string(),
                    i.enrolled.to_string(),
                    i.completed.to_string(),
                    percent(i.completed, i.enrolled),
                    i.certificates.to_string(),
                    i.start_ups.to_string(),
                    percent(i.start_ups, i.certificates),
                    i.objections_upheld.to_string(),
                    i.claims_returned.to_string(),
                ]
            })
            .collect(),
    };
    vec![total, regions, periods, institutions]
}

fn headers(lang: ExportLang, section: &Section) -> Vec<&'static str> {
    let figures = if section.name.1 == "institutions" { &[][..] } else { &FIGURE_HEADERS[..] };
    section.keys.iter().chain(figures).map(|h| pick(lang, *h)).collect()
}

/// The statistics as one CSV table (UTF-8 with a BOM), a section per block
/// with its own header line.
pub fn statistics_csv(s: &Statistics, lang: ExportLang) -> String {
    let mut out = String::new();
    for section in sections(s) {
        let mut header = vec![pick(lang, ("分类", "section"))];
        header.extend(headers(lang, &section));
        let name = pick(lang, section.name).to_owned();
        let rows = section.rows.into_iter().map(|r| std::iter::once(name.clone()).chain(r).collect::<Vec<_>>());
        let doc = crate::core::csv::document(&header, rows);
        // One BOM for the whole file.
        out.push_str(if out.is_empty() { &doc } else { doc.trim_start_matches('\u{feff}') });
    }
    out
}

/// The statistics as a workbook, a sheet per section.
pub fn statistics_xlsx(s: &Statistics, lang: ExportLang) -> Result<Vec<u8>, AppError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for section in sections(s) {
        let sheet = book.add_worksheet();
        sheet.set_name(pick(lang, section.name)).map_err(AppError::internal)?;
        for (col, h) in (0u16..).zip(headers(lang, &section)) {
            sheet.write_string(0, col, h).map_err(AppError::internal)?;
        }
        for (row, cells) in (1u32..).zip(&section.rows) {
            for (col, v) in (0u16..).zip(cells) {
                match v.parse::<f64>() {
                    Ok(number) if !v.is_empty() && col >= u16::try_from(section.keys.len()).unwrap_or(0) => {
                        sheet.write_number(row, col, number).map_err(AppError::internal)?
                    }
                    _ => sheet.write_string(row, col, v).map_err(AppError::internal)?,
                };
            }
        }
    }
    book.save_to_buffer().map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_money_and_averages_read_as_people_write_them() {
        assert_eq!(percent(2, 3), "66.7%");
        assert_eq!(percent(0, 0), "");
        assert_eq!(yuan(150_050), "1500.50");
        assert_eq!(yuan(-5), "-0.05");
        assert_eq!(average(9, 2), "4.5");
        assert_eq!(average(1, 3), "0.3");
        let f = Figures { enrolled: 4, completed: 3, paid_fen: 100_000, ..Figures::default() };
        let cells = figure_cells(&f);
        assert_eq!((cells[3].as_str(), cells[9].as_str()), ("75.0%", "1000.00"));
        assert_eq!(cells.len(), FIGURE_HEADERS.len());
    }
}
