//! The page header: product name and purpose, and the actions that act on the whole
//! configuration (presets, reset, open a file, copy the share link) plus the theme toggle.

use leptos::html::{Details, Dialog};
use leptos::prelude::*;
use symfony_lambda_core::presets::{self, Preset};
use symfony_lambda_core::Answers;
use wasm_bindgen::JsCast;

use crate::persist::{copy_share_link, OpenFile};
use crate::state::{use_app_state, AppState, StepId};
use crate::ui::rich;

/// The localStorage key of the chosen theme (`light` or `dark`; absent: follow the system).
const THEME_KEY: &str = "symfony-lambda:theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn stored() -> Theme {
        let value = window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(THEME_KEY).ok().flatten());
        match value.as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }

    /// Sets `data-theme` on `<html>` and remembers the choice.
    fn apply(self) {
        let storage = window().local_storage().ok().flatten();
        if let Some(root) = document().document_element() {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
        if let Some(s) = storage {
            let _ = match self {
                Theme::System => s.remove_item(THEME_KEY),
                Theme::Light => s.set_item(THEME_KEY, "light"),
                Theme::Dark => s.set_item(THEME_KEY, "dark"),
            };
        }
    }
}

/// What the confirmation dialog is about to do.
#[derive(Clone, Copy)]
enum Pending {
    Reset,
    Preset(&'static Preset),
}

fn apply(state: AppState, pending: Pending) {
    let (answers, what) = match pending {
        Pending::Reset => (Answers::default(), "Reset to the defaults.".to_string()),
        Pending::Preset(p) => ((p.answers)(), format!("Preset “{}” applied.", p.title)),
    };
    state.answers.set(answers);
    state.notices.set(Vec::new());
    state.step.set(match pending {
        Pending::Reset => StepId::Group("project"),
        Pending::Preset(_) => StepId::Review,
    });
    state.status.set(what);
}

/// The header of the page.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app_state();
    let theme = RwSignal::new(Theme::stored());
    theme.get_untracked().apply();
    let dialog = NodeRef::<Dialog>::new();
    let menu = NodeRef::<Details>::new();
    let pending = RwSignal::new(None::<Pending>);

    // The presets menu closes on Escape (focus back on its button) and on a click elsewhere.
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(m) = menu.get().filter(|m| m.open()) {
                m.set_open(false);
                if let Some(summary) = m
                    .query_selector("summary")
                    .ok()
                    .flatten()
                    .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = summary.focus();
                }
            }
        }
    };
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        let Some(m) = menu.get_untracked() else {
            return;
        };
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if m.open() && !target.is_some_and(|t| m.contains(Some(&t))) {
            m.set_open(false);
        }
    });
    on_cleanup(move || outside.remove());

    let ask = move |p: Pending| {
        if let Some(m) = menu.get() {
            m.set_open(false);
        }
        // Nothing to lose: no need to ask.
        if state.answers.with_untracked(|a| *a == Answers::default()) {
            apply(state, p);
            return;
        }
        pending.set(Some(p));
        if let Some(d) = dialog.get() {
            if d.show_modal().is_err() {
                apply(state, p);
            }
        }
    };

    let preset_items = presets::PRESETS
        .iter()
        .map(|p| {
            view! {
                <li>
                    <button type="button" class="menu-item" on:click=move |_| ask(Pending::Preset(p))>
                        <span class="menu-title">{p.title}</span>
                        <span class="menu-text">{rich(p.description)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let dialog_title = move || match pending.get() {
        Some(Pending::Preset(p)) => format!("Start from “{}”?", p.title),
        _ => "Reset every answer?".to_string(),
    };
    let confirm_label = move || match pending.get() {
        Some(Pending::Preset(_)) => "Replace my answers",
        _ => "Reset",
    };

    view! {
        <header class="site-header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <rect width="32" height="32" rx="7" class="logo-bg"></rect>
                    <path d="M9 6h4.5L24 26h-4.6l-4.1-8L11.6 26H7.2l5.9-11.6L9 6z" class="logo-fg"></path>
                </svg>
                <div>
                    <h1 class="product">"symfony-lambda"</h1>
                    <p class="tagline">
                        "Run an existing Symfony app on AWS Lambda with Bref: every decision checked, every file previewed, all in your browser."
                    </p>
                </div>
            </div>
            <div class="actions" role="toolbar" aria-label="Configuration">
                <details class="menu" node_ref=menu on:keydown=close_on_escape>
                    <summary class="button">"Presets"</summary>
                    <ul class="menu-list">{preset_items}</ul>
                </details>
                <OpenFile />
                <button
                    type="button"
                    class="button"
                    title="Copy a link that reopens this configuration"
                    on:click=move |_| copy_share_link(state)
                >
                    "Copy share link"
                </button>
                <button type="button" class="button" on:click=move |_| ask(Pending::Reset)>
                    "Reset"
                </button>
                <button
                    type="button"
                    class="button theme-toggle"
                    title="Switch between the system's, the dark and the light theme"
                    on:click=move |_| {
                        let next = theme.get_untracked().next();
                        next.apply();
                        theme.set(next);
                    }
                >
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" class="icon">
                        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
                        <path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor"></path>
                    </svg>
                    <span class="button-text">{move || theme.get().label()}</span>
                </button>
            </div>
            <dialog class="confirm" node_ref=dialog aria-labelledby="confirm-title">
                <form method="dialog">
                    <h2 id="confirm-title">{dialog_title}</h2>
                    <p>
                        "Your current answers will be replaced. To keep them, copy the share link first."
                    </p>
                    <div class="dialog-actions">
                        <button type="submit" class="button" value="cancel" autofocus>
                            "Cancel"
                        </button>
                        <button
                            type="submit"
                            class="button danger"
                            value="confirm"
                            on:click=move |_| {
                                if let Some(p) = pending.get_untracked() {
                                    apply(state, p);
                                }
                            }
                        >
                            {confirm_label}
                        </button>
                    </div>
                </form>
            </dialog>
        </header>
    }
}
