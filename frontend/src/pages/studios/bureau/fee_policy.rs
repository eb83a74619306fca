//! The region's mentor fee standard (导师服务补贴标准) as a [`Policy`]: the
//! fee bands of one-to-one services and group sessions, the transport
//! allowance, the yearly cap and the notice. A band is typed as one line
//! `minutes=yuan` (`30=100`).

use malanhua_shared::api::studios::{FeeBand, FeePolicy, FeePolicyInput};
use malanhua_shared::{Fen, FieldCode, FieldErrors, RegionCode};
use yew::prelude::*;

use super::versions::Policy;
use crate::api::ApiError;
use crate::api::mentors::Done;
use crate::components::text_field::TextField;
use crate::hooks::form::{Form, checked, read_number, read_yuan, required, setter};
use crate::i18n::{FeesKey, Lang, SubsidiesKey, Text, t};
use crate::pages::studios::info::{fee_terms, yuan_text};
use crate::pages::subsidies::my_subsidies::read_date;

/// Bands typed one a line (`30=100`, `60＝200`); a bad line is noted under `field`.
fn read_bands(text: &str, field: &str, errors: &mut FieldErrors) -> Vec<FeeBand> {
    let mut bands = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let band = line.split_once(['=', '＝', ':', '：']).and_then(|(m, y)| {
            let min_minutes = m.trim().parse().ok()?;
            let fee_fen = Fen::parse_yuan(y.trim()).ok()?;
            Some(FeeBand { min_minutes, fee_fen })
        });
        match band {
            Some(b) => bands.push(b),
            None => {
                errors.insert(field.to_owned(), FieldCode::InvalidFormat);
            }
        }
    }
    bands
}

/// Bands as typed.
fn bands_text(bands: &[FeeBand]) -> String {
    bands.iter().map(|b| format!("{}={}", b.min_minutes, yuan_text(b.fee_fen))).collect::<Vec<_>>().join("\n")
}

/// The mentor fee standard (`#fee-policy`).
pub(super) struct FeeRules;

impl Policy for FeeRules {
    type Version = FeePolicy;
    type Input = FeePolicyInput;
    const ID: &'static str = "fee-policy";
    const FIELDS: &'static [&'static str] =
        &["effective_from", "ends_on", "one_to_one", "group", "transport_fen", "yearly_cap_fen", "notice_days"];

    fn heading() -> Text {
        FeesKey::PolicyFormTitle.into()
    }

    fn lead() -> Text {
        FeesKey::PolicyFormLead.into()
    }

    fn empty() -> Text {
        FeesKey::NoPolicies.into()
    }

    fn save_label() -> Text {
        FeesKey::SavePolicy.into()
    }

    async fn load(region: RegionCode) -> Result<Vec<FeePolicy>, ApiError> {
        crate::api::fees::policies(&region).await
    }

    async fn save(region: RegionCode, body: FeePolicyInput, key: String) -> Result<Done, ApiError> {
        crate::api::fees::set_policy(&region, &body, &key).await
    }

    fn terms(lang: Lang, p: &FeePolicy) -> Html {
        fee_terms(lang, p)
    }

    fn values(p: &FeePolicy) -> Vec<(&'static str, String)> {
        vec![
            ("one_to_one", bands_text(&p.one_to_one)),
            ("group", bands_text(&p.group)),
            ("transport_fen", yuan_text(p.transport_fen)),
            ("yearly_cap_fen", yuan_text(p.yearly_cap_fen)),
            ("notice_days", p.notice_days.to_string()),
        ]
    }

    fn read(form: &Form) -> Result<FeePolicyInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut money =
            |field: &str| required(read_yuan(&form.value(field), field, &mut errors), field, &mut errors).unwrap_or(0);
        let (transport_fen, yearly_cap_fen) = (money("transport_fen"), money("yearly_cap_fen"));
        let body = FeePolicyInput {
            effective_from: read_date(&form.value("effective_from"), "effective_from", &mut errors),
            ends_on: read_date(&form.value("ends_on"), "ends_on", &mut errors),
            one_to_one: read_bands(&form.value("one_to_one"), "one_to_one", &mut errors),
            group: read_bands(&form.value("group"), "group", &mut errors),
            transport_fen,
            yearly_cap_fen,
            notice_days: read_number(&form.value("notice_days"), "notice_days", &mut errors).unwrap_or(0),
        };
        checked(body, errors, FeePolicyInput::validate)
    }

    fn inputs(lang: Lang, form: &UseReducerHandle<Form>) -> Html {
        let hint = AttrValue::from(t(lang, FeesKey::BandsHint));
        html! {
            <>
                <TextField id="fee-policy-one-to-one" label={t(lang, FeesKey::OneToOneBandsInput)} rows={3} hint={hint.clone()}
                    value={form.value("one_to_one")} error={form.error(lang, "one_to_one")} oninput={setter(form, "one_to_one")} />
                <TextField id="fee-policy-group" label={t(lang, FeesKey::GroupBandsInput)} rows={3} required={false} {hint}
                    value={form.value("group")} error={form.error(lang, "group")} oninput={setter(form, "group")} />
                <div class="field-pair">
                    <TextField id="fee-policy-transport" label={t(lang, FeesKey::TransportYuan)} inputmode="decimal"
                        value={form.value("transport_fen")} error={form.error(lang, "transport_fen")} oninput={setter(form, "transport_fen")} />
                    <TextField id="fee-policy-cap" label={t(lang, FeesKey::YearlyCapYuan)} inputmode="decimal"
                        value={form.value("yearly_cap_fen")} error={form.error(lang, "yearly_cap_fen")} oninput={setter(form, "yearly_cap_fen")} />
                </div>
                <TextField id="fee-policy-notice" label={t(lang, SubsidiesKey::NoticeDays)} input_type="number" inputmode="numeric"
                    value={form.value("notice_days")} error={form.error(lang, "notice_days")} oninput={setter(form, "notice_days")} />
            </>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_typed_one_a_line() {
        let mut errors = FieldErrors::new();
        let bands = read_bands("30=100\n 60＝200.50 \n\n", "one_to_one", &mut errors);
        assert!(errors.is_empty());
        assert_eq!(bands.len(), 2);
        assert_eq!(bands[1].min_minutes, 60);
        assert_eq!(bands[1].fee_fen.get(), 20_050);
        assert_eq!(bands_text(&bands), "30=100.00\n60=200.50");
        read_bands("thirty=100", "group", &mut errors);
        assert_eq!(errors.get("group"), Some(&FieldCode::InvalidFormat));
    }
}
