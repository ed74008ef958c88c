//! The web app: a wizard over every decision, a live preview of every file, and the download.
//! All logic lives in `symfony-lambda-core`; components only display and edit.
//!
//! Layout: the header (product, presets, open, share, reset, theme), the notices panel, then the
//! step list, the current step's form and the preview (side by side from 1024 px, stacked below),
//! and the footer.

use leptos::prelude::*;

pub mod download;
mod persist;
pub mod preview;
mod review;
mod shortcuts;
pub mod state;
mod toolbar;
mod ui;
mod wizard;

pub use persist::STORAGE_KEY;
use state::StepId;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let loaded = persist::load();
    let state = state::provide_app_state(loaded.answers, persist::site_url());
    state.notices.set(loaded.notices);
    persist::sync(state);
    shortcuts::install(state);

    let dragging = RwSignal::new(false);
    let (over, leave, drop) = persist::drop_handlers(state, dragging);

    let skip_to_form = move |ev: leptos::ev::MouseEvent| {
        // A plain `href="#form"` would replace the share link in the URL fragment.
        ev.prevent_default();
        if let Some(el) = document().get_element_by_id("step-title") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };

    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            on:dragover=over
            on:dragenter=over
            on:dragleave=leave
            on:drop=drop
        >
            <a class="skip-link" href="#step-title" on:click=skip_to_form>
                "Skip to the current step"
            </a>
            <toolbar::Header />
            <persist::NoticesPanel />
            <div class="workspace">
                <wizard::StepNav />
                <main class="form-area" id="form">
                    {move || match state.step.get() {
                        StepId::Group(id) => view! { <wizard::StepForm id /> }.into_any(),
                        StepId::Review => view! { <review::Review /> }.into_any(),
                    }}
                </main>
                <section class="preview-area" aria-label="Generated files">
                    <preview::Preview />
                </section>
            </div>
            <footer class="site-footer">
                <p>
                    "Built on "
                    <a href="https://bref.sh/docs/" rel="noopener">
                        "Bref's documentation"
                    </a>
                    " and the 2020 guide “Configure symfony for a serverless lambda environment in bref”"
                    ", brought up to date. Each option links to its source."
                </p>
                <p>
                    "Runs entirely in your browser: no analytics, no cookies, no requests to any server. Your answers stay in this page's address and in this browser's local storage."
                </p>
                <p>
                    "MIT licence. Generated files are yours to use without conditions."
                </p>
            </footer>
            <div class="visually-hidden" role="status" aria-live="polite">
                {move || state.status.get()}
            </div>
            <div class="drop-overlay" aria-hidden="true">
                <p>"Drop symfony-lambda.yaml to open it"</p>
            </div>
        </div>
    }
}
