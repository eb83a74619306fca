//! The data tables: a scrolling wrapper, a header row and a body. On a phone
//! the `stack` class turns each row into a card whose cells show their
//! column name from `data-label`.

use yew::prelude::*;

/// A `stack` table with one header cell per column; `rows` are its `<tr>`s.
pub fn stack_table(id: &str, headers: &[Html], rows: Html) -> Html {
    html! {
        <div class="table-wrap">
            <table id={id.to_owned()} class="stack">
                <thead>
                    <tr>
                        { for headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }
                    </tr>
                </thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// A column heading read by screen readers only (e.g. over checkboxes).
pub fn hidden(text: &'static str) -> Html {
    html! { <span class="visually-hidden">{ text }</span> }
}
