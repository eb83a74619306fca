//! Keeping the form being typed when a session ends. Before the app goes
//! to the sign-in page it saves every field of the page's main region that
//! has an id (never passwords, one-time codes or hidden fields) to the
//! tab's `sessionStorage`; after signing in again, back on the same page,
//! it types them in again the way a person would (setting the value and
//! firing `input` and `change`), so each form's own store takes them up.
//! This works for every form of the app, as all of them are built from
//! inputs with ids whose handlers listen to those events.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Session storage key of the saved form.
const DRAFT_KEY: &str = "malanhua.draft";
/// A draft older than this (milliseconds) is dropped rather than restored.
const MAX_AGE_MS: f64 = 60.0 * 60.0 * 1000.0;

/// The fields of one page, saved when its session ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Draft {
    /// The page's path.
    path: String,
    /// When it was saved, by this device's clock.
    saved_ms: f64,
    /// The fields still to fill in.
    fields: Vec<Field>,
}

/// One field: its id and value (and, for a checkbox or radio, whether it was ticked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Field {
    id: String,
    value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checked: Option<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The path of the page shown now.
pub fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// What is typed into one element, unless it is a secret or not typed at all.
fn read_field(node: &web_sys::Node) -> Option<Field> {
    if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
        let secret = input.autocomplete() == "one-time-code";
        return match input.type_().as_str() {
            "password" | "hidden" | "file" | "submit" | "button" | "reset" | "image" => None,
            _ if secret => None,
            "checkbox" | "radio" => {
                Some(Field { id: input.id(), value: input.value(), checked: Some(input.checked()) })
            }
            _ => Some(Field { id: input.id(), value: input.value(), checked: None }),
        };
    }
    if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
        return Some(Field { id: area.id(), value: area.value(), checked: None });
    }
    node.dyn_ref::<HtmlSelectElement>().map(|s| Field { id: s.id(), value: s.value(), checked: None })
}

/// Saves the fields of the page shown now (nothing when none is filled in).
pub fn save_current_page() {
    let path = current_path();
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("main input[id], main textarea[id], main select[id]").ok())
    else {
        return;
    };
    let fields: Vec<Field> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| read_field(&node))
        .filter(|f| !f.id.is_empty() && (f.checked == Some(true) || (f.checked.is_none() && !f.value.is_empty())))
        .collect();
    let Some(storage) = storage() else { return };
    if fields.is_empty() {
        let _ = storage.remove_item(DRAFT_KEY);
        return;
    }
    let draft = Draft { path, saved_ms: js_sys::Date::now(), fields };
    if let Ok(json) = serde_json::to_string(&draft) {
        // Storage full or disabled: the draft is lost, nothing else.
        let _ = storage.set_item(DRAFT_KEY, &json);
    }
}

fn load() -> Option<Draft> {
    let raw = storage()?.get_item(DRAFT_KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

/// Forgets the saved draft.
pub fn discard() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

/// True when a draft waits for the page at `path`.
pub fn waiting_for(path: &str) -> bool {
    load().is_some_and(|d| d.path == path && js_sys::Date::now() - d.saved_ms < MAX_AGE_MS)
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Fills in one field if its element is on the page (and, for a choice,
/// offers the saved option yet); true when done.
fn fill(document: &web_sys::Document, field: &Field) -> bool {
    let Some(element) = document.get_element_by_id(&field.id) else { return false };
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        match field.checked {
            Some(checked) if input.checked() != checked => input.click(),
            Some(_) => {}
            None => {
                input.set_value(&field.value);
                fire(input, "input");
                fire(input, "change");
            }
        }
        return true;
    }
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(&field.value);
        fire(area, "input");
        fire(area, "change");
        return true;
    }
    if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.set_value(&field.value);
        if select.value() != field.value {
            // The options are still loading (a region's cities).
            return false;
        }
        fire(select, "change");
        return true;
    }
    true
}

/// Fills in what it can of the draft for `path`, in order; returns true
/// when nothing is left to fill (the draft is then forgotten).
pub fn restore_step(path: &str) -> bool {
    let Some(mut draft) = load().filter(|d| d.path == path) else { return true };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return true };
    let mut left = Vec::new();
    for field in draft.fields {
        // A choice may wait for another (a city for its province): the next step tries again.
        if !fill(&document, &field) {
            left.push(field);
        }
    }
    if left.is_empty() {
        discard();
        return true;
    }
    draft.fields = left;
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(&draft)) {
        let _ = storage.set_item(DRAFT_KEY, &json);
    }
    false
}
