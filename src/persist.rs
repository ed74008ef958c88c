//! Where the configuration lives between visits (issue 6): the URL fragment (the share link,
//! never sent to a server), kept in sync while the user edits, and localStorage as the fallback
//! on reload. Also opening an answers file (picker or drag and drop) and the panel that explains
//! what a link or a file could not carry over.

use gloo::timers::callback::Timeout;
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use symfony_lambda_core::{answers_file, fields, link, Answers};

use crate::state::{use_app_state, AppState, Notice, StepId};
use crate::ui::{copy_text, rich};

/// The localStorage key of the last configuration, stored as a link fragment.
pub const STORAGE_KEY: &str = "symfony-lambda:answers";

/// How long the URL waits after the last edit before it is rewritten.
const SYNC_DELAY_MS: u32 = 300;

/// The starting answers of the page, and what could not be read.
pub struct Loaded {
    pub answers: Answers,
    pub notices: Vec<Notice>,
}

/// The fragment of the page's URL, without `#`.
fn current_fragment() -> String {
    window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The page's URL without fragment or query: the base of share links.
pub fn site_url() -> Option<String> {
    let location = window().location();
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

fn link_notice(title: &str, notes: &[link::LinkNote]) -> Option<Notice> {
    if notes.is_empty() {
        return None;
    }
    let items = notes
        .iter()
        .map(|n| match n.field.and_then(fields::field) {
            Some(f) => format!("{}: {}", f.label, n.message),
            None => n.message.clone(),
        })
        .collect();
    Some(Notice {
        title: title.to_string(),
        items,
    })
}

/// The answers to start with: a link in the URL wins over the last configuration in
/// localStorage, which wins over the defaults.
pub fn load() -> Loaded {
    let fragment = current_fragment();
    if !fragment.is_empty() {
        let decoded = link::decode(&fragment);
        return Loaded {
            answers: decoded.answers,
            notices: link_notice("This link could not be read completely", &decoded.notes)
                .into_iter()
                .collect(),
        };
    }
    let stored = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .unwrap_or_default();
    if !stored.is_empty() {
        let decoded = link::decode(&stored);
        return Loaded {
            answers: decoded.answers,
            notices: link_notice(
                "Your last configuration could not be restored completely",
                &decoded.notes,
            )
            .into_iter()
            .collect(),
        };
    }
    Loaded {
        answers: Answers::default(),
        notices: Vec::new(),
    }
}

/// Writes `fragment` into the URL (without a new history entry) and into localStorage.
fn store(fragment: &str) {
    let location = window().location();
    let url = if fragment.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    if let Some(s) = storage() {
        let _ = if fragment.is_empty() {
            s.remove_item(STORAGE_KEY)
        } else {
            s.set_item(STORAGE_KEY, fragment)
        };
    }
}

/// Keeps the URL fragment and localStorage in step with the answers, ~300 ms after the last
/// edit, and opens a link pasted into the address bar of the open page.
pub fn sync(state: AppState) {
    // This effect exists to write to the world outside Leptos (the URL and localStorage). The
    // pending timeout is the effect's own value: each run drops (cancels) the previous one.
    // The first run writes nothing, so a link that could not be read completely stays in the
    // address bar until the user edits something.
    Effect::new(move |previous: Option<Option<Timeout>>| {
        let fragment = state.answers.with(link::encode);
        previous.map(|_| Timeout::new(SYNC_DELAY_MS, move || store(&fragment)))
    });

    let handle = window_event_listener(ev::hashchange, move |_| {
        let fragment = current_fragment();
        if state.answers.with_untracked(link::encode) == fragment {
            return;
        }
        let decoded = link::decode(&fragment);
        state.answers.set(decoded.answers);
        state.notices.set(
            link_notice("This link could not be read completely", &decoded.notes)
                .into_iter()
                .collect(),
        );
    });
    on_cleanup(move || handle.remove());
}

/// The link that reopens the current answers.
pub fn share_link(state: AppState) -> String {
    let site = state.site_url.get_value().unwrap_or_default();
    state.answers.with(|a| link::link(&site, a))
}

/// Copies the share link and says so in the live region.
pub fn copy_share_link(state: AppState) {
    let text = share_link(state);
    copy_text(text, move |ok| {
        state.status.set(if ok {
            "Share link copied to the clipboard.".to_string()
        } else {
            "Could not copy the link: select it on the Review step and copy it by hand.".to_string()
        });
    });
}

/// What a share link reveals, shown next to every copy button.
pub const SHARE_NOTE: &str = "The link holds your answers, not a secret: anyone who has it sees your service name, region, domain names and, in the certificate ARN, your AWS account ID. APP_SECRET and passwords are never part of it; they are created in your AWS account.";

/// The share link in a read-only field, with a copy button and what it reveals.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = use_app_state();
    let link = Memo::new(move |_| share_link(state));
    view! {
        <div class="share">
            <label class="label" for="share-link">
                "Share link"
            </label>
            <div class="share-row">
                <input
                    id="share-link"
                    class="input"
                    type="text"
                    readonly
                    aria-describedby="share-note"
                    prop:value=move || link.get()
                    on:focus:target=move |ev| ev.target().select()
                />
                <button type="button" class="button" on:click=move |_| copy_share_link(state)>
                    "Copy link"
                </button>
            </div>
            <p class="note" id="share-note">
                {SHARE_NOTE}
            </p>
        </div>
    }
}

/// Opens the answers file `text` (named `name`): replaces the answers, or explains why not.
pub fn open_answers_file(state: AppState, name: &str, text: &str) {
    match answers_file::read_subset(text) {
        Ok((answers, notes)) => {
            state.answers.set(answers);
            state.step.set(StepId::Review);
            if notes.is_empty() {
                state.notices.set(Vec::new());
            } else {
                state.notices.set(vec![Notice {
                    title: format!("Opened {name}, with remarks"),
                    items: notes
                        .into_iter()
                        .map(|n| format!("`{}`: {}", n.path, n.message))
                        .collect(),
                }]);
            }
            state.status.set(format!("Opened {name}."));
        }
        Err(e) => {
            state.notices.set(vec![Notice {
                title: format!("Could not open {name}; your answers are unchanged"),
                items: vec![e.to_string()],
            }]);
        }
    }
}

/// Reads a picked or dropped file as text, then opens it.
pub fn read_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let promise = file.text();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(text) => {
                let text = text.as_string().unwrap_or_default();
                open_answers_file(state, &name, &text);
            }
            Err(_) => state.notices.set(vec![Notice {
                title: format!("Could not open {name}"),
                items: vec![
                    "the browser could not read the file; try again or pick another file".into(),
                ],
            }]),
        }
    });
}

/// The "Open answers file" button and its hidden file input.
#[component]
pub fn OpenFile() -> impl IntoView {
    let state = use_app_state();
    let input = NodeRef::<Input>::new();
    view! {
        <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
            hidden
            node_ref=input
            on:change:target=move |ev| {
                let el = ev.target();
                if let Some(file) = el.files().and_then(|f| f.get(0)) {
                    read_file(state, file);
                }
                // Picking the same file again must fire `change` again.
                el.set_value("");
            }
        />
        <button
            type="button"
            class="button"
            title="Open symfony-lambda.yaml (or drop it onto the page)"
            on:click=move |_| {
                if let Some(el) = input.get() {
                    el.click();
                }
            }
        >
            "Open answers file"
        </button>
    }
}

/// Handlers that open a file dropped anywhere on the page; `dragging` is true while a file is
/// held over it.
pub fn drop_handlers(
    state: AppState,
    dragging: RwSignal<bool>,
) -> (
    impl Fn(web_sys::DragEvent) + Copy,
    impl Fn(web_sys::DragEvent) + Copy,
    impl Fn(web_sys::DragEvent) + Copy,
) {
    let over = move |ev: web_sys::DragEvent| {
        let has_files = ev
            .data_transfer()
            .map(|d| d.types().includes(&"Files".into(), 0))
            .unwrap_or(false);
        if has_files {
            ev.prevent_default();
            dragging.set(true);
        }
    };
    let leave = move |ev: web_sys::DragEvent| {
        // Leaving a child for another child also fires `dragleave`: only the page edge counts.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    };
    let drop = move |ev: web_sys::DragEvent| {
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            read_file(state, file);
        }
    };
    (over, leave, drop)
}

/// The panel that lists what a link or an answers file dropped or changed.
#[component]
pub fn NoticesPanel() -> impl IntoView {
    let state = use_app_state();
    let start_fresh = move |_| {
        state.answers.set(Answers::default());
        state.notices.set(Vec::new());
        state
            .status
            .set("Started again from the defaults.".to_string());
    };
    view! {
        <div class="notices-region" aria-live="polite">
            {move || {
                let notices = state.notices.get();
                (!notices.is_empty())
                    .then(|| {
                        view! {
                            <section class="notices" aria-labelledby="notices-title">
                                <h2 id="notices-title">"Not everything could be opened"</h2>
                                {notices
                                    .into_iter()
                                    .map(|n| {
                                        view! {
                                            <h3>{n.title}</h3>
                                            <ul>
                                                {n
                                                    .items
                                                    .iter()
                                                    .map(|i| view! { <li>{rich(i)}</li> })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })
                                    .collect_view()}
                                <p class="notices-hint">
                                    "Check the fields named above, dismiss this panel, or start again from the defaults."
                                </p>
                                <div class="notices-actions">
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| state.notices.set(Vec::new())
                                    >
                                        "Dismiss"
                                    </button>
                                    <button type="button" class="button" on:click=start_fresh>
                                        "Start fresh"
                                    </button>
                                </div>
                            </section>
                        }
                    })
            }}
        </div>
    }
}
