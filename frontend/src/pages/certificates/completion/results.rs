//! The final results of a class: business plan, score, passed and a
//! comment per trainee.

use std::collections::BTreeMap;
use std::rc::Rc;

use malanhua_shared::UserId;
use malanhua_shared::api::certificates::{CompletionReview, ResultInput, ResultsRequest};
use malanhua_shared::{ErrorCode, FieldCode};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form_error::FormError;
use crate::components::stack_table::stack_table;
use crate::hooks::form::{FieldIssue, FormAction, on_submit, use_form};
use crate::hooks::lang::use_lang;
use crate::i18n::{AccountsKey, CertificatesKey, CommonKey, Text, t};

/// One trainee's result as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct ResultRow {
    plan: bool,
    score: String,
    passed: bool,
    comment: String,
}

fn rows_of(review: &CompletionReview) -> BTreeMap<String, ResultRow> {
    review
        .lines
        .iter()
        .map(|l| {
            let row = l
                .assessment
                .as_ref()
                .map(|a| ResultRow {
                    plan: a.plan_submitted,
                    score: a.score.map(|s| s.to_string()).unwrap_or_default(),
                    passed: a.passed,
                    comment: a.comment.clone().unwrap_or_default(),
                })
                .unwrap_or_default();
            (l.user_id.to_string(), row)
        })
        .collect()
}

/// The results as typed, in the table's order, or the errors of the
/// scores.
fn read_results(
    order: &[String],
    rows: &BTreeMap<String, ResultRow>,
) -> Result<Vec<ResultInput>, BTreeMap<String, FieldIssue>> {
    let mut invalid = BTreeMap::new();
    let mut results = Vec::new();
    for (i, uid) in order.iter().enumerate() {
        let row = rows.get(uid.as_str()).cloned().unwrap_or_default();
        let text = row.score.trim();
        let score = if text.is_empty() {
            None
        } else {
            match text.parse::<i64>() {
                Ok(n) if (0..=100).contains(&n) => Some(n),
                Ok(_) => {
                    invalid.insert(format!("results[{i}].score"), FieldIssue::Code(FieldCode::OutOfRange));
                    None
                }
                Err(_) => {
                    invalid.insert(format!("results[{i}].score"), FieldIssue::Code(FieldCode::InvalidFormat));
                    None
                }
            }
        };
        let comment = row.comment.trim();
        results.push(ResultInput {
            user_id: UserId::from_raw(uid.clone()),
            plan_submitted: row.plan,
            score,
            passed: row.passed,
            comment: (!comment.is_empty()).then(|| comment.to_owned()),
        });
    }
    if invalid.is_empty() { Ok(results) } else { Err(invalid) }
}

/// Moves focus to the score of the first row with an error.
fn focus_first_score(invalid: &BTreeMap<String, FieldIssue>, order: &[String]) {
    if let Some(i) = invalid
        .keys()
        .next()
        .and_then(|k| k.strip_prefix("results["))
        .and_then(|k| k.split(']').next())
        .and_then(|k| k.parse::<usize>().ok())
        && let Some(uid) = order.get(i)
    {
        crate::components::focus(&format!("score-{uid}"));
    }
}

/// Props of [`ResultsForm`].
#[derive(Properties, PartialEq)]
pub(super) struct ResultsFormProps {
    /// The class.
    pub class_id: String,
    /// The class's review, with the results so far.
    pub review: Rc<CompletionReview>,
    /// Handed in: the results can no longer change.
    pub locked: bool,
    /// Called once the results are saved.
    pub on_saved: Callback<()>,
}

/// The final results: business plan, score, passed, comment per trainee.
#[function_component]
pub(super) fn ResultsForm(props: &ResultsFormProps) -> Html {
    let lang = use_lang();
    let rows = use_state(|| rows_of(&props.review));
    let form = use_form();
    let order: Vec<String> = props.review.lines.iter().map(|l| l.user_id.to_string()).collect();
    let onsubmit = {
        let (rows, order) = (rows.clone(), order.clone());
        let id = props.class_id.clone();
        let on_saved = props.on_saved.clone();
        on_submit(&form, move |form| {
            let results = match read_results(&order, &rows) {
                Ok(results) => results,
                Err(invalid) => {
                    focus_first_score(&invalid, &order);
                    form.dispatch(FormAction::Invalid(invalid));
                    return;
                }
            };
            form.dispatch(FormAction::Submit);
            let (form, id, on_saved) = (form.clone(), id.clone(), on_saved.clone());
            let body = ResultsRequest { results };
            wasm_bindgen_futures::spawn_local(async move {
                match api::certificates::save_results(&id, &body).await {
                    Ok(_) => {
                        form.dispatch(FormAction::Succeeded { clear: false });
                        on_saved.emit(());
                    }
                    Err(error) => form.dispatch(FormAction::Failed(error)),
                }
            });
        })
    };
    let edit = |uid: &str, f: fn(&mut ResultRow, Option<String>, bool)| {
        let (rows, form, uid) = (rows.clone(), form.clone(), uid.to_owned());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let mut next = (*rows).clone();
            let row = next.entry(uid.clone()).or_default();
            f(row, Some(input.value()), input.checked());
            rows.set(next);
            form.dispatch(FormAction::ClearErrors(String::new()));
        })
    };
    let shown: Vec<String> =
        (0..order.len()).flat_map(|i| [format!("results[{i}].score"), format!("results[{i}].comment")]).collect();
    let shown_refs: Vec<&str> = shown.iter().map(String::as_str).collect();
    let is_wrong_state =
        matches!(form.failure(), Some(ApiError::Server { body, .. }) if body.code == ErrorCode::WrongState);
    let submitting = form.submitting();
    let disabled = props.locked;
    html! {
        <section class="panel" aria-labelledby="results-title">
            <h2 id="results-title">{ t(lang, CertificatesKey::ResultsTitle) }</h2>
            <p>{ t(lang, if disabled { CertificatesKey::ResultsLocked } else { CertificatesKey::ResultsLead }) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <FormError id="results-error" failure={form.failure().cloned()} others={form.other_errors(&shown_refs)} />
                if is_wrong_state {
                    <p class="hint">{ t(lang, CertificatesKey::ResultsLocked) }</p>
                }
                { stack_table("results-table", &[t(lang, AccountsKey::ColName).into(), t(lang, CertificatesKey::ColPlan).into(), t(lang, CertificatesKey::ColScore).into(), t(lang, CertificatesKey::ColPassed).into(), t(lang, CertificatesKey::ColComment).into()], html! { <>
                            { for props.review.lines.iter().enumerate().map(|(i, l)| {
                                let uid = &l.user_id;
                                let row = rows.get(uid.as_str()).cloned().unwrap_or_default();
                                let score_error = form.error(lang, &format!("results[{i}].score"));
                                let comment_error = form.error(lang, &format!("results[{i}].comment"));
                                let label = |k: Text| format!("{} {}", l.real_name, t(lang, k));
                                html! {
                                    <tr key={uid.to_string()}>
                                        <td data-label={t(lang, AccountsKey::ColName)}>{ l.real_name.clone() }</td>
                                        <td data-label={t(lang, CertificatesKey::ColPlan)}>
                                            <input id={format!("plan-{uid}")} type="checkbox" class="cell-check" checked={row.plan} {disabled}
                                                aria-label={label(CertificatesKey::ColPlan.into())} onchange={edit(uid, |r, _, c| r.plan = c)} />
                                        </td>
                                        <td data-label={t(lang, CertificatesKey::ColScore)}>
                                            <input id={format!("score-{uid}")} type="number" inputmode="numeric" min="0" max="100" step="1" class="cell-input"
                                                value={row.score.clone()} {disabled} aria-label={label(CertificatesKey::ColScore.into())}
                                                aria-invalid={if score_error.is_some() { "true" } else { "false" }}
                                                aria-describedby={score_error.as_ref().map(|_| format!("score-{uid}-error"))}
                                                oninput={{ let cb = edit(uid, |r, v, _| r.score = v.unwrap_or_default()); Callback::from(move |e: InputEvent| cb.emit(e.unchecked_into::<Event>())) }} />
                                            if let Some(error) = score_error {
                                                <p class="field-error" id={format!("score-{uid}-error")}>{ error }</p>
                                            }
                                        </td>
                                        <td data-label={t(lang, CertificatesKey::ColPassed)}>
                                            <input id={format!("passed-{uid}")} type="checkbox" class="cell-check" checked={row.passed} {disabled}
                                                aria-label={label(CertificatesKey::ColPassed.into())} onchange={edit(uid, |r, _, c| r.passed = c)} />
                                        </td>
                                        <td data-label={t(lang, CertificatesKey::ColComment)}>
                                            <input id={format!("comment-{uid}")} type="text" maxlength="500" class="cell-input"
                                                value={row.comment.clone()} {disabled} aria-label={label(CertificatesKey::ColComment.into())}
                                                aria-invalid={if comment_error.is_some() { "true" } else { "false" }}
                                                aria-describedby={comment_error.as_ref().map(|_| format!("comment-{uid}-error"))}
                                                oninput={{ let cb = edit(uid, |r, v, _| r.comment = v.unwrap_or_default()); Callback::from(move |e: InputEvent| cb.emit(e.unchecked_into::<Event>())) }} />
                                            if let Some(error) = comment_error {
                                                <p class="field-error" id={format!("comment-{uid}-error")}>{ error }</p>
                                            }
                                        </td>
                                    </tr>
                                }
                            }) }
                </> }) }
                if !disabled {
                    <div class="form-actions">
                        <button id="results-submit" type="submit" class="button" disabled={submitting} aria-busy={submitting.then_some("true")}>
                            { if submitting { t(lang, CommonKey::Submitting) } else { t(lang, CertificatesKey::SaveResults) } }
                        </button>
                    </div>
                }
                if form.succeeded() {
                    <p id="results-saved" class="alert alert-success" role="status">{ t(lang, CertificatesKey::ResultsSaved) }</p>
                }
            </form>
        </section>
    }
}
