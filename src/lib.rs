//! The web app: a wizard over every decision, a live preview of every file, and the download.
//! All logic lives in `symfony-lambda-core`; components only display and edit.

use leptos::prelude::*;

pub mod state;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let _state = state::provide_app_state(Default::default(), None);
    view! { <main><h1>"symfony-lambda"</h1></main> }
}
