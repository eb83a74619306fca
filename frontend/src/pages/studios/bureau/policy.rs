//! The region's studio policy as a [`Policy`]: the grant, the members and
//! services an application needs, the cycle, reports, pass mark,
//! rectification, ban and notice.

use malanhua_shared::api::studios::{StudioPolicy, StudioPolicyInput};
use malanhua_shared::{FieldErrors, RegionCode};
use yew::prelude::*;

use super::versions::Policy;
use crate::api::ApiError;
use crate::api::mentors::Done;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, checked, read_number, read_yuan, required, setter};
use crate::i18n::{self, Lang, MentorDeskKey, StudiosKey, SubsidiesKey, Text, t};
use crate::pages::studios::info::{policy_terms, yuan_text};
use crate::pages::subsidies::my_subsidies::read_date;

/// The whole-number fields: the form's name, the input's id suffix and label.
const NUMBERS: [(&str, &str, StudiosKey); 6] = [
    ("min_members", "members", StudiosKey::MinMembers),
    ("min_services", "services", StudiosKey::MinServices),
    ("cycle_years", "cycle", StudiosKey::CycleYears),
    ("pass_mark", "pass", StudiosKey::PassMark),
    ("rectification_days", "rectify", StudiosKey::RectificationDays),
    ("ban_years", "ban", StudiosKey::BanYears),
];

/// The studio policy (`#studio-policy`).
pub(super) struct StudioRules;

impl Policy for StudioRules {
    type Version = StudioPolicy;
    type Input = StudioPolicyInput;
    const ID: &'static str = "studio-policy";
    const FIELDS: &'static [&'static str] = &[
        "effective_from",
        "ends_on",
        "grant_fen",
        "min_members",
        "min_services",
        "cycle_years",
        "report_months",
        "pass_mark",
        "rectification_days",
        "ban_years",
        "notice_days",
    ];

    fn heading() -> Text {
        StudiosKey::PolicyFormTitle.into()
    }

    fn lead() -> Text {
        StudiosKey::PolicyFormLead.into()
    }

    fn empty() -> Text {
        StudiosKey::NoPolicies.into()
    }

    fn save_label() -> Text {
        StudiosKey::SavePolicy.into()
    }

    async fn load(region: RegionCode) -> Result<Vec<StudioPolicy>, ApiError> {
        crate::api::studios::policies(&region).await
    }

    async fn save(region: RegionCode, body: StudioPolicyInput, key: String) -> Result<Done, ApiError> {
        crate::api::studios::set_policy(&region, &body, &key).await
    }

    fn terms(lang: Lang, p: &StudioPolicy) -> Html {
        policy_terms(lang, p)
    }

    fn values(p: &StudioPolicy) -> Vec<(&'static str, String)> {
        vec![
            ("grant_fen", yuan_text(p.grant_fen)),
            ("min_members", p.min_members.to_string()),
            ("min_services", p.min_services.to_string()),
            ("cycle_years", p.cycle_years.to_string()),
            ("report_months", p.report_months.to_string()),
            ("pass_mark", p.pass_mark.to_string()),
            ("rectification_days", p.rectification_days.to_string()),
            ("ban_years", p.ban_years.to_string()),
            ("notice_days", p.notice_days.to_string()),
        ]
    }

    fn read(form: &Form) -> Result<StudioPolicyInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut whole = |field: &str| {
            required(read_number(&form.value(field), field, &mut errors), field, &mut errors).unwrap_or(0)
        };
        let (min_members, min_services, cycle_years, report_months) =
            (whole("min_members"), whole("min_services"), whole("cycle_years"), whole("report_months"));
        let (pass_mark, rectification_days, ban_years, notice_days) =
            (whole("pass_mark"), whole("rectification_days"), whole("ban_years"), whole("notice_days"));
        let grant_fen =
            required(read_yuan(&form.value("grant_fen"), "grant_fen", &mut errors), "grant_fen", &mut errors);
        let body = StudioPolicyInput {
            effective_from: read_date(&form.value("effective_from"), "effective_from", &mut errors),
            ends_on: read_date(&form.value("ends_on"), "ends_on", &mut errors),
            grant_fen: grant_fen.unwrap_or(0),
            min_members,
            min_services,
            cycle_years,
            report_months,
            pass_mark,
            rectification_days,
            ban_years,
            notice_days,
        };
        checked(body, errors, StudioPolicyInput::validate)
    }

    fn inputs(lang: Lang, form: &UseReducerHandle<Form>) -> Html {
        let months: Vec<(String, String)> =
            [1, 3, 6, 12].iter().map(|n| (n.to_string(), i18n::every_months(lang, &n.to_string()))).collect();
        let field = |name: &'static str, suffix: &str, label: Text| {
            html! {
                <TextField id={format!("studio-policy-{suffix}")} label={t(lang, label)} input_type="number" inputmode="numeric"
                    value={form.value(name)} error={form.error(lang, name)} oninput={setter(form, name)} />
            }
        };
        html! {
            <>
                <TextField id="studio-policy-grant" label={t(lang, StudiosKey::GrantYuan)} inputmode="decimal"
                    value={form.value("grant_fen")} error={form.error(lang, "grant_fen")} oninput={setter(form, "grant_fen")} />
                { for NUMBERS.iter().map(|(name, suffix, label)| field(name, suffix, Text::of(*label))) }
                <SelectField id="studio-policy-report-months" label={t(lang, StudiosKey::ReportMonths)} value={form.value("report_months")}
                    empty={AttrValue::from(t(lang, MentorDeskKey::ChooseMode))} options={months}
                    error={form.error(lang, "report_months")} onchange={setter(form, "report_months")} />
                { field("notice_days", "notice", Text::of(SubsidiesKey::NoticeDays)) }
            </>
        }
    }
}
