//! The region tree from `GET /api/regions`, fetched once per visit and
//! shared by every picker and list.

use std::cell::RefCell;
use std::rc::Rc;

use malanhua_shared::RegionCode;
use malanhua_shared::api::Region;
use malanhua_shared::region::RegionLevel;
use yew::prelude::*;

use crate::api;
use crate::i18n::Lang;

/// The known regions, sorted by code.
#[derive(Debug, Clone, PartialEq)]
pub struct Regions {
    list: Vec<Region>,
}

impl Regions {
    /// Sorts the regions by code.
    pub fn new(mut list: Vec<Region>) -> Self {
        list.sort_by(|a, b| a.code.cmp(&b.code));
        Self { list }
    }

    /// The region with this code.
    pub fn find(&self, code: &str) -> Option<&Region> {
        self.list.iter().find(|r| r.code.as_str() == code)
    }

    /// The regions directly under `parent` (provinces when `None`).
    pub fn children(&self, parent: Option<&RegionCode>) -> Vec<&Region> {
        self.list
            .iter()
            .filter(|r| match parent {
                None => r.parent.is_none() || r.level == RegionLevel::Province,
                Some(p) => r.parent.as_ref() == Some(p),
            })
            .collect()
    }

    /// The chain from the province down to `code` (inclusive), following
    /// the parents the server gave.
    pub fn path(&self, code: &str) -> Vec<&Region> {
        let mut chain = Vec::new();
        let mut cursor = self.find(code);
        while let Some(region) = cursor {
            if chain.len() > 3 {
                break;
            }
            chain.push(region);
            cursor = region.parent.as_ref().and_then(|p| self.find(p.as_str()));
        }
        chain.reverse();
        chain
    }

    /// The region's name in `lang`, or `fallback` (the server's Chinese
    /// name), or the code itself.
    pub fn label(&self, lang: Lang, code: Option<&RegionCode>, fallback: Option<&str>) -> String {
        let found = code.and_then(|c| self.find(c.as_str()));
        match (found, fallback) {
            (Some(r), _) => region_name(lang, r).to_owned(),
            (None, Some(name)) => name.to_owned(),
            (None, None) => code.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        }
    }

    /// The full name, province first ("山东省 青岛市 市南区").
    pub fn full_label(&self, lang: Lang, code: &RegionCode, fallback: Option<&str>) -> String {
        let path = self.path(code.as_str());
        if path.is_empty() {
            return fallback.map(str::to_owned).unwrap_or_else(|| code.as_str().to_owned());
        }
        let sep = match lang {
            Lang::Zh => " ",
            Lang::En => ", ",
        };
        let names: Vec<&str> = path.iter().map(|r| region_name(lang, r)).collect();
        match lang {
            Lang::Zh => names.join(sep),
            Lang::En => names.into_iter().rev().collect::<Vec<_>>().join(sep),
        }
    }
}

/// A region's name in `lang` (Chinese when no English name is known).
pub fn region_name(lang: Lang, region: &Region) -> &str {
    match lang {
        Lang::En if !region.name_en.trim().is_empty() => &region.name_en,
        _ => &region.name_zh,
    }
}

/// The issuing bureau of a certificate in the reader's language: the
/// region's English name in English once the regions are loaded, else the
/// Chinese name the answer carries.
pub fn issuer(lang: Lang, regions: Option<&Regions>, code: Option<&str>, name_zh: &str) -> String {
    let name = match (regions, code.and_then(|c| RegionCode::parse(c).ok())) {
        (Some(r), Some(code)) => r.label(lang, Some(&code), Some(name_zh)),
        _ => name_zh.to_owned(),
    };
    crate::i18n::issuer_name(lang, &name)
}

/// The regions as a page sees them.
#[derive(Debug, Clone, PartialEq)]
pub enum RegionsState {
    /// Being fetched.
    Loading,
    /// Fetched.
    Loaded(Rc<Regions>),
    /// The fetch failed.
    Failed,
}

impl RegionsState {
    /// The regions, once fetched.
    pub fn loaded(&self) -> Option<Rc<Regions>> {
        match self {
            Self::Loaded(r) => Some(r.clone()),
            Self::Loading | Self::Failed => None,
        }
    }
}

/// Told the outcome of a fetch: the regions, or `None` on failure.
type Waiter = Callback<Option<Rc<Regions>>>;

thread_local! {
    static CACHE: RefCell<Option<Rc<Regions>>> = const { RefCell::new(None) };
    /// Callers waiting for the fetch in flight, if one is.
    static WAITING: RefCell<Option<Vec<Waiter>>> = const { RefCell::new(None) };
}

fn cached() -> Option<Rc<Regions>> {
    CACHE.with(|c| c.borrow().clone())
}

/// Fetches the regions once however many pickers ask at the same time;
/// `done` gets them (or `None` on failure).
fn fetch(done: Waiter) {
    let first = WAITING.with(|w| {
        let mut waiting = w.borrow_mut();
        match waiting.as_mut() {
            Some(list) => {
                list.push(done);
                false
            }
            None => {
                *waiting = Some(vec![done]);
                true
            }
        }
    });
    if first {
        wasm_bindgen_futures::spawn_local(async {
            let result = api::regions::regions().await.ok().map(|list| Rc::new(Regions::new(list)));
            if let Some(regions) = &result {
                CACHE.with(|c| *c.borrow_mut() = Some(regions.clone()));
            }
            let waiting = WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
            for done in waiting {
                done.emit(result.clone());
            }
        });
    }
}

/// The regions, fetched on first use, with a callback to retry after a
/// failure.
#[hook]
pub fn use_regions() -> (RegionsState, Callback<()>) {
    let state = use_state(|| cached().map_or(RegionsState::Loading, RegionsState::Loaded));
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            if let Some(regions) = cached() {
                if !matches!(*state, RegionsState::Loaded(_)) {
                    state.set(RegionsState::Loaded(regions));
                }
            } else {
                state.set(RegionsState::Loading);
                fetch(Callback::from(move |result: Option<Rc<Regions>>| {
                    state.set(result.map_or(RegionsState::Failed, RegionsState::Loaded));
                }));
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ((*state).clone(), retry)
}
