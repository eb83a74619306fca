//! Charts drawn as SVG in the page: horizontal bars (one row per region,
//! readable on a phone), lines over the periods and the funnel. Each is an
//! image with a text alternative; the same numbers are in the tables below.

use yew::prelude::*;

/// One bar row: its label and up to two values (the second drawn inside the first).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the row is.
    pub label: String,
    /// The first (longer) value.
    pub a: u64,
    /// The second value.
    pub b: u64,
}

const WIDTH: f64 = 360.0;
const LABEL_W: f64 = 96.0;
const ROW_H: f64 = 28.0;

fn share(v: u64, max: u64) -> f64 {
    if max == 0 { 0.0 } else { v as f64 / max as f64 }
}

/// Horizontal bars, `a` in the main colour with `b` over it.
pub fn bars(id: &str, title: &str, legend: (&str, &str), rows: &[Bar]) -> Html {
    let max = rows.iter().map(|r| r.a.max(r.b)).max().unwrap_or(0);
    let height = ROW_H * rows.len() as f64 + 30.0;
    let span = WIDTH - LABEL_W - 50.0;
    let alt = rows.iter().map(|r| format!("{}: {} / {}", r.label, r.a, r.b)).collect::<Vec<_>>().join("; ");
    html! {
        <figure class="chart" id={id.to_owned()}>
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={format!("{title}: {alt}")} preserveAspectRatio="xMinYMin meet">
                { for rows.iter().enumerate().map(|(i, r)| {
                    let y = ROW_H * i as f64 + 4.0;
                    let wa = span * share(r.a, max);
                    let wb = span * share(r.b, max);
                    html! {
                        <g class="chart-row">
                            <text x={(LABEL_W - 6.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end" class="chart-label">{ r.label.clone() }</text>
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={wa.max(1.0).to_string()} height="20" class="chart-a" />
                            <rect x={LABEL_W.to_string()} y={(y + 5.0).to_string()} width={wb.max(0.0).to_string()} height="10" class="chart-b" />
                            <text x={(LABEL_W + wa + 6.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">{ format!("{} / {}", r.a, r.b) }</text>
                        </g>
                    }
                }) }
                { legend_row(height - 12.0, legend) }
            </svg>
        </figure>
    }
}

fn legend_row(y: f64, (a, b): (&str, &str)) -> Html {
    html! {
        <g class="chart-legend">
            <rect x={LABEL_W.to_string()} y={(y - 10.0).to_string()} width="12" height="12" class="chart-a" />
            <text x={(LABEL_W + 16.0).to_string()} y={y.to_string()}>{ a.to_owned() }</text>
            <rect x={(LABEL_W + 110.0).to_string()} y={(y - 10.0).to_string()} width="12" height="12" class="chart-b" />
            <text x={(LABEL_W + 126.0).to_string()} y={y.to_string()}>{ b.to_owned() }</text>
        </g>
    }
}

/// Two lines over the periods (`a` solid, `b` dashed), with the period labels under them.
pub fn lines(id: &str, title: &str, legend: (&str, &str), labels: &[String], a: &[u64], b: &[u64]) -> Html {
    let height = 200.0;
    let (left, right, top, bottom) = (40.0, WIDTH - 10.0, 10.0, height - 50.0);
    let max = a.iter().chain(b).copied().max().unwrap_or(0).max(1);
    let step = if labels.len() > 1 { (right - left) / (labels.len() - 1) as f64 } else { 0.0 };
    let start = if labels.len() > 1 { left } else { (left + right) / 2.0 };
    let point = |i: usize, v: u64| (start + step * i as f64, bottom - (bottom - top) * share(v, max));
    let path = |values: &[u64]| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| point(i, *v))
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let every = labels.len().div_ceil(8).max(1);
    let alt = labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{l}: {} / {}", a.get(i).copied().unwrap_or(0), b.get(i).copied().unwrap_or(0)))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <figure class="chart" id={id.to_owned()}>
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={format!("{title}: {alt}")} preserveAspectRatio="xMinYMin meet">
                <line x1={left.to_string()} y1={bottom.to_string()} x2={right.to_string()} y2={bottom.to_string()} class="chart-axis" />
                <text x={(left - 4.0).to_string()} y={(top + 8.0).to_string()} text-anchor="end" class="chart-value">{ max.to_string() }</text>
                <text x={(left - 4.0).to_string()} y={bottom.to_string()} text-anchor="end" class="chart-value">{ "0" }</text>
                <polyline points={path(a)} class="chart-line-a" />
                <polyline points={path(b)} class="chart-line-b" />
                { for a.iter().enumerate().map(|(i, v)| {
                    let (x, y) = point(i, *v);
                    html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4" class="chart-a" /> }
                }) }
                { for b.iter().enumerate().map(|(i, v)| {
                    let (x, y) = point(i, *v);
                    html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="3" class="chart-b" /> }
                }) }
                { for labels.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, l)| {
                    let (x, _) = point(i, 0);
                    html! { <text x={x.to_string()} y={(bottom + 16.0).to_string()} text-anchor="middle" class="chart-label">{ l.clone() }</text> }
                }) }
                { legend_row(height - 8.0, legend) }
            </svg>
        </figure>
    }
}

/// The funnel: one row per step, its name and count on the left and a bar
/// centred in the rest, as wide as its share of the first step.
pub fn funnel(id: &str, title: &str, steps: &[(String, u64)]) -> Html {
    let first = steps.first().map(|s| s.1).unwrap_or(0);
    let height = ROW_H * steps.len() as f64 + 8.0;
    let span = WIDTH - LABEL_W - 10.0;
    let alt = steps.iter().map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join("; ");
    html! {
        <figure class="chart" id={id.to_owned()}>
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={format!("{title}: {alt}")} preserveAspectRatio="xMinYMin meet">
                { for steps.iter().enumerate().map(|(i, (label, v))| {
                    let w = span * share(*v, first);
                    let y = ROW_H * i as f64 + 4.0;
                    html! {
                        <g>
                            <text x={(LABEL_W - 6.0).to_string()} y={(y + 16.0).to_string()} text-anchor="end" class="chart-label">{ format!("{label} {v}") }</text>
                            <rect x={(LABEL_W + (span - w) / 2.0).to_string()} y={y.to_string()} width={w.max(1.0).to_string()} height="22" class="chart-a" />
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
