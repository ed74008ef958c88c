//! The Review step: every open issue with a way to its field, the share link, the download, and
//! the user's own checklist (the generated README.md as steps with copyable commands).

use leptos::prelude::*;
use symfony_lambda_core::checklist::{readme_steps, Part, ReadmeStep};
use symfony_lambda_core::{fields, Severity};

use crate::persist::ShareLink;
use crate::state::{use_app_state, StepId};
use crate::ui::{copy_text, go_to_field, rich};
use crate::wizard::{counts, StepButtons};

#[component]
pub fn Review() -> impl IntoView {
    let state = use_app_state();
    let total = Memo::new(move |_| state.report.with(|r| counts(r, StepId::Review)));
    let issues = Memo::new(move |_| state.report.with(|r| r.issues.clone()));
    let steps = Memo::new(move |_| {
        state.files.with(|f| {
            f.bundle
                .get("README.md")
                .map(readme_steps)
                .unwrap_or_default()
        })
    });
    let stale = Memo::new(move |_| state.files.with(|f| f.stale));

    let summary = move || {
        let c = total.get();
        match (c.errors, c.warnings) {
            (0, 0) => "No errors and no warnings: your files are ready.".to_string(),
            (0, w) => format!(
                "No errors; {w} warning{} to read before you deploy.",
                if w == 1 { "" } else { "s" }
            ),
            (e, w) => format!(
                "{e} error{} to fix before you can download{}.",
                if e == 1 { "" } else { "s" },
                if w == 0 {
                    String::new()
                } else {
                    format!(", and {w} warning{}", if w == 1 { "" } else { "s" })
                }
            ),
        }
    };

    let issue_list = move || {
        let list = issues.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|issue| {
                    let path = issue.field;
                    let step = fields::step_of(path).map_or("", |s| s.title);
                    let label = fields::field(path).map_or(path, |f| f.label);
                    let error = issue.severity == Severity::Error;
                    view! {
                        <li class=if error { "issue issue-error" } else { "issue issue-warning" }>
                            <span class="issue-kind">{if error { "Error" } else { "Warning" }}</span>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| go_to_field(state, path)
                            >
                                {format!("{step} › {label}")}
                            </button>
                            <span class="issue-text">{rich(&issue.message)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="issue-list">{items}</ul> }
        })
    };

    view! {
        <section class="step review" aria-labelledby="step-title">
            <h2 id="step-title" tabindex="-1">
                "Review"
            </h2>
            <p class="intro">
                "Everything that still needs attention, the link to this configuration, the download, and what to run in your project afterwards."
            </p>

            <h3>"Errors and warnings"</h3>
            <p class="summary" role="status">
                {summary}
            </p>
            {issue_list}

            <h3>"Download"</h3>
            <div class="download-row">
                <crate::download::DownloadButton />
            </div>

            <h3>"Share this configuration"</h3>
            <ShareLink />

            <h3>"Your steps after the download"</h3>
            {move || {
                (stale.get() && steps.with(|s| !s.is_empty()))
                    .then(|| {
                        view! {
                            <p class="note">
                                "These steps are from your last valid answers: fix the errors above to bring them up to date."
                            </p>
                        }
                    })
            }}
            {move || {
                let list = steps.get();
                if list.is_empty() {
                    view! {
                        <p class="note">"The steps appear here once your answers have no errors."</p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ol class="checklist">
                            {list.into_iter().map(|s| view! { <ChecklistItem step=s /> }).collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
            <StepButtons step=StepId::Review />
        </section>
    }
}

#[component]
fn ChecklistItem(step: ReadmeStep) -> impl IntoView {
    let parts = step
        .parts
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => view! { <p>{rich(&t)}</p> }.into_any(),
            Part::List(items) => view! {
                <ul>{items.iter().map(|i| view! { <li>{rich(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Part::Code { code, .. } => view! { <Command code /> }.into_any(),
        })
        .collect_view();
    view! {
        <li>
            <h4>{step.title}</h4>
            {parts}
        </li>
    }
}

/// A command of the checklist with its copy button.
#[component]
fn Command(code: String) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let text = code.clone();
    view! {
        <div class="command">
            <pre><code>{code}</code></pre>
            <button
                type="button"
                class="button small"
                on:click=move |_| {
                    copy_text(
                        text.clone(),
                        move |ok| {
                            copied.set(Some(ok));
                            set_timeout(move || copied.set(None), std::time::Duration::from_secs(2));
                        },
                    )
                }
            >
                {move || match copied.get() {
                    Some(true) => "Copied",
                    Some(false) => "Copy failed",
                    None => "Copy",
                }}
            </button>
        </div>
    }
}
