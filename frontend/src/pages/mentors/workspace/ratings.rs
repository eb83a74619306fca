//! The mentor's ratings: the average and the latest comments, as the public
//! page shows them.

use yew::prelude::*;

use crate::api;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::i18n::{MentorsKey, t};
use crate::pages::mentors::info::rating_text;
use crate::pages::mentors::mentor::comments;

/// Props of [`MentorRatings`].
#[derive(Properties, PartialEq)]
pub(super) struct MentorRatingsProps {
    /// The mentor.
    pub mentor_id: AttrValue,
}

/// Average, count and comments.
#[function_component]
pub(super) fn MentorRatings(props: &MentorRatingsProps) -> Html {
    let lang = use_lang();
    let (page, reload) = use_remote(props.mentor_id.clone(), |id| async move { api::mentors::mentor(&id).await });
    html! {
        <section class="panel" id="mentor-ratings">
            { remote_view(lang, &page, "mentor-ratings-error", &reload, |m| html! {
                <>
                    <p class="rating">
                        { rating_text(lang, m.card.rating, m.card.rating_count).unwrap_or_else(|| t(lang, MentorsKey::NoRatingYet).to_owned()) }
                    </p>
                    { comments(lang, m) }
                </>
            }) }
        </section>
    }
}
