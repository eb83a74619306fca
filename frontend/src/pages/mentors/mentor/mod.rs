//! `/mentors/:id`: a mentor's public page: who they are, the week's free
//! slots, booking one, and their group sessions.

use chrono::{DateTime, Utc};
use malanhua_shared::api::mentors::{MentorPublic, Slot};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::app_link::AppLink;
use crate::components::remote_view::remote_view;
use crate::hooks::lang::use_lang;
use crate::hooks::remote::use_remote;
use crate::hooks::title::use_title;
use crate::i18n::{self, Lang, MentorsKey, t};
use crate::pages::mentors::info::{expertise_chips, rating_text, text_chips};
use crate::pages::mentors::slot_picker::SlotPicker;

mod book;
mod groups;

/// Props of [`MentorPage`].
#[derive(Properties, PartialEq)]
pub struct MentorPageProps {
    /// The mentor id.
    pub id: AttrValue,
}

/// `/mentors/:id`
#[function_component]
pub fn MentorPage(props: &MentorPageProps) -> Html {
    let lang = use_lang();
    use_title(MentorsKey::MentorPageTitle);
    let (mentor, retry) = use_remote(props.id.clone(), |id| async move { api::mentors::mentor(&id).await });
    let chosen = use_state(|| None::<DateTime<Utc>>);
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |s: Slot| chosen.set(Some(s.starts_at)))
    };
    html! {
        <div class="page mentor-page">
            <p><AppLink to={Route::Mentors}>{ t(lang, MentorsKey::BackToDirectory) }</AppLink></p>
            { remote_view(lang, &mentor, "mentor-error", &retry, |m| html! {
                <div class="mentor-layout">
                    <div class="mentor-about">
                        { about(lang, m) }
                        { comments(lang, m) }
                    </div>
                    <div class="mentor-booking">
                        <section class="panel" aria-labelledby="slots-title">
                            <h2 id="slots-title">{ t(lang, MentorsKey::SlotsTitle) }</h2>
                            <SlotPicker id="mentor-slots" mentor_id={props.id.clone()} selected={*chosen}
                                on_pick={on_pick.clone()} first={m.card.next_free} />
                        </section>
                        <book::BookPanel mentor_id={props.id.clone()} starts_at={*chosen} />
                        <groups::GroupSessions mentor_id={props.id.clone()} />
                    </div>
                </div>
            }) }
        </div>
    }
}

fn about(lang: Lang, m: &MentorPublic) -> Html {
    let c = &m.card;
    let fact = |label: MentorsKey, value: Html| html! { <><dt>{ t(lang, label) }</dt><dd>{ value }</dd></> };
    html! {
        <>
            <h1 id="mentor-name">{ c.real_name.clone() }</h1>
            <p class="lead">{ format!("{} · {} · {}", c.title, c.employer, c.region_name) }</p>
            <dl class="facts">
                { fact(MentorsKey::ExpertiseLabel, expertise_chips(lang, &c.expertise)) }
                if !c.tags.is_empty() {
                    { fact(MentorsKey::Tags, text_chips(&c.tags)) }
                }
                { fact(MentorsKey::Industries, html! { { c.industries.join("、") } }) }
                { fact(MentorsKey::Languages, html! { { c.languages.join("、") } }) }
                { fact(MentorsKey::ModeLabel, html! { { i18n::service_mode_name(lang, c.service_mode) } }) }
                { fact(MentorsKey::ServicesThisYear, html! { <span id="mentor-services">{ m.services_this_year.to_string() }</span> }) }
                { fact(MentorsKey::RatingLabel, html! {
                    <span id="mentor-rating">{ rating_text(lang, c.rating, c.rating_count).unwrap_or_else(|| t(lang, MentorsKey::NoRatingYet).to_owned()) }</span>
                }) }
            </dl>
            <section aria-labelledby="bio-title">
                <h2 id="bio-title">{ t(lang, MentorsKey::Bio) }</h2>
                <p class="bio">{ m.bio.clone() }</p>
            </section>
        </>
    }
}

/// The latest comments that came with ratings.
pub fn comments(lang: Lang, m: &MentorPublic) -> Html {
    html! {
        <section aria-labelledby="comments-title" id="mentor-comments">
            <h2 id="comments-title">{ t(lang, MentorsKey::Comments) }</h2>
            if m.comments.is_empty() {
                <p class="empty">{ t(lang, MentorsKey::NoComments) }</p>
            }
            <ul class="comments">
                { for m.comments.iter().map(|c| html! {
                    <li class="comment">
                        <span class="rating">{ "★ " }{ i18n::stars(lang, &c.rating.to_string()) }</span>
                        <p>{ c.comment.clone() }</p>
                        <p class="muted">{ i18n::date(lang, crate::time::in_shanghai(c.at).date_naive()) }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}
