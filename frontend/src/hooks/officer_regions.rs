//! The regions a bureau officer acts for, and the one a page works on: the
//! first until another is chosen from a select of them.

use malanhua_shared::{RegionCode, Role};
use yew::prelude::*;

use crate::hooks::lang::use_lang;
use crate::hooks::regions::use_regions;
use crate::hooks::session::use_session;

/// What [`use_officer_regions`] gives.
pub struct OfficerRegions {
    /// The chosen region (none for a person who is no officer).
    pub region: Option<RegionCode>,
    /// Its name, province first.
    pub label: String,
    /// `(code, name)` of every region the officer holds, for a select;
    /// shown only when there is more than one.
    pub options: Vec<(String, String)>,
    /// Chooses the region with this code.
    pub choose: Callback<String>,
}

/// The signed-in officer's regions and the one chosen.
#[hook]
pub fn use_officer_regions() -> OfficerRegions {
    let lang = use_lang();
    let session = use_session();
    let (regions, _) = use_regions();
    let chosen = use_state(|| None::<RegionCode>);
    let own: Vec<RegionCode> = session.grants(Role::BureauOfficer).into_iter().filter_map(|g| g.region).collect();
    let region = (*chosen).clone().or_else(|| own.first().cloned());
    let regions = regions.loaded();
    let label = |code: &RegionCode| match &regions {
        Some(r) => r.full_label(lang, code, None),
        None => code.as_str().to_owned(),
    };
    let choose = Callback::from(move |code: String| chosen.set(RegionCode::parse(&code).ok()));
    OfficerRegions {
        label: region.as_ref().map(label).unwrap_or_default(),
        options: own.iter().map(|r| (r.as_str().to_owned(), label(r))).collect(),
        region,
        choose,
    }
}
