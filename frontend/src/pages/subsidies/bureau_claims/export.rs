//! The worklist's heading with its CSV and Excel exports of the filtered
//! list.

use malanhua_shared::api::subsidies::ClaimQuery;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form_error::failure_message;
use crate::hooks::lang::use_lang;
use crate::i18n::{SubsidiesKey, t};

/// Props of [`ClaimsListHead`].
#[derive(Properties, PartialEq)]
pub(super) struct ClaimsListHeadProps {
    /// The filters the exports apply.
    pub query: ClaimQuery,
}

/// The list's heading, the export buttons and an export's failure.
#[function_component]
pub(super) fn ClaimsListHead(props: &ClaimsListHeadProps) -> Html {
    let lang = use_lang();
    let exporting = use_state(|| false);
    let export_error = use_state(|| None::<ApiError>);
    let export = |csv: bool| {
        let (query, exporting, export_error) = (props.query.clone(), exporting.clone(), export_error.clone());
        Callback::from(move |_: MouseEvent| {
            if *exporting {
                return;
            }
            exporting.set(true);
            export_error.set(None);
            let (asked, exporting, export_error) = (query.clone(), exporting.clone(), export_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = if csv {
                    api::subsidies::download_csv(&asked, lang).await
                } else {
                    api::subsidies::download_xlsx(&asked, lang).await
                };
                if let Err(e) = result {
                    export_error.set(Some(e));
                }
                exporting.set(false);
            });
        })
    };
    html! {
        <>
        <div class="panel-head">
            <h2 id="claims-table-title">{ t(lang, SubsidiesKey::ClaimsListTitle) }</h2>
            <div class="actions compact-actions">
                <button id="export-csv" type="button" class="button secondary" disabled={*exporting} onclick={export(true)}>{ t(lang, SubsidiesKey::ExportCsv) }</button>
                <button id="export-xlsx" type="button" class="button secondary" disabled={*exporting} onclick={export(false)}>{ t(lang, SubsidiesKey::ExportXlsx) }</button>
            </div>
        </div>
        if let Some(e) = &*export_error {
            <p id="export-error" class="alert alert-error" role="alert">{ failure_message(lang, e) }</p>
        }
        </>
    }
}
