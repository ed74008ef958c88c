//! The wizard: the step list (navigation with each step's open issues) and one step's form,
//! rendered from the field table `fields::FIELDS`. Every input writes the answers on each
//! keystroke; validation runs on the answers and its messages appear under the field.

use leptos::prelude::*;
use symfony_lambda_core::catalogue::{self, Availability};
use symfony_lambda_core::fields::{self, Field, Kind, Opt};
use symfony_lambda_core::validate::Counts;
use symfony_lambda_core::{option_disabled, Report, Severity};

use crate::state::{use_app_state, AppState, StepId};
use crate::ui::{field_id, go_to_step, rich};

/// The open issues of `step` (every issue for Review).
pub fn counts(report: &Report, step: StepId) -> Counts {
    report.counts(match step {
        StepId::Review => None,
        StepId::Group(id) => Some(id),
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The badges of a step: the number of errors and of warnings, spelled out for screen readers.
#[component]
fn Badges(counts: Memo<Counts>) -> impl IntoView {
    view! {
        {move || {
            let c = counts.get();
            (c.errors > 0)
                .then(|| {
                    view! {
                        <span class="badge badge-error" title=plural(c.errors, "error", "errors")>
                            <span aria-hidden="true">{c.errors}</span>
                            <span class="visually-hidden">
                                {format!(", {}", plural(c.errors, "error", "errors"))}
                            </span>
                        </span>
                    }
                })
        }}
        {move || {
            let c = counts.get();
            (c.warnings > 0)
                .then(|| {
                    view! {
                        <span
                            class="badge badge-warning"
                            title=plural(c.warnings, "warning", "warnings")
                        >
                            <span aria-hidden="true">{c.warnings}</span>
                            <span class="visually-hidden">
                                {format!(", {}", plural(c.warnings, "warning", "warnings"))}
                            </span>
                        </span>
                    }
                })
        }}
    }
}

/// The step list: every step reachable in any order, the current one marked.
#[component]
pub fn StepNav() -> impl IntoView {
    let state = use_app_state();
    let items = StepId::all()
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let c = Memo::new(move |_| state.report.with(|r| counts(r, step)));
            let current = move || state.step.get() == step;
            view! {
                <li>
                    <button
                        type="button"
                        class="step-link"
                        class:review=step == StepId::Review
                        aria-current=move || current().then_some("step")
                        on:click=move |_| go_to_step(state, step)
                    >
                        <span class="step-number" aria-hidden="true">
                            {if step == StepId::Review { "✓".to_string() } else { (i + 1).to_string() }}
                        </span>
                        <span class="step-name">{step.title()}</span>
                        <Badges counts=c />
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steps" aria-label="Wizard steps">
            <ol>{items}</ol>
        </nav>
    }
}

/// One step of the wizard: its title, its introduction and its fields.
#[component]
pub fn StepForm(id: &'static str) -> impl IntoView {
    let step = fields::STEPS.iter().find(|s| s.id == id);
    let title = step.map_or(id, |s| s.title);
    let intro = step.map_or("", |s| s.intro);
    let list = fields::fields_of(id)
        .map(|field| view! { <FieldView field /> })
        .collect_view();
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title" tabindex="-1">
                {title}
            </h2>
            <p class="intro">{intro}</p>
            <form class="fields" on:submit=|ev| ev.prevent_default() novalidate>
                {list}
            </form>
            <StepButtons step=StepId::Group(id) />
        </section>
    }
}

/// "Previous" and "Next" under a step.
#[component]
pub fn StepButtons(step: StepId) -> impl IntoView {
    let state = use_app_state();
    let previous = step.neighbour(-1);
    let next = step.neighbour(1);
    view! {
        <div class="step-buttons">
            {previous
                .map(|p| {
                    view! {
                        <button
                            type="button"
                            class="button"
                            aria-keyshortcuts="Alt+ArrowLeft"
                            on:click=move |_| go_to_step(state, p)
                        >
                            "← Previous: "
                            {p.title()}
                            <kbd class="shortcut">"Alt+←"</kbd>
                        </button>
                    }
                })}
            <span class="spacer"></span>
            {next
                .map(|n| {
                    view! {
                        <button
                            type="button"
                            class="button primary"
                            aria-keyshortcuts="Alt+ArrowRight"
                            on:click=move |_| go_to_step(state, n)
                        >
                            "Next: "
                            {n.title()}
                            " →"
                            <kbd class="shortcut">"Alt+→"</kbd>
                        </button>
                    }
                })}
        </div>
    }
}

/// One field, shown only while it matters for the other answers.
#[component]
fn FieldView(field: &'static Field) -> impl IntoView {
    let state = use_app_state();
    let path = field.path;
    let relevant = Memo::new(move |_| state.answers.with(|a| fields::is_relevant(path, a)));
    move || relevant.get().then(|| field_body(state, field))
}

fn field_body(state: AppState, field: &'static Field) -> impl IntoView {
    let path = field.path;
    let id = field_id(path);
    let help_id = format!("{id}-help");
    let msg_id = format!("{id}-msg");
    let described = format!("{msg_id} {help_id}");
    let value = Memo::new(move |_| {
        state
            .answers
            .with(|a| a.get(path).unwrap_or_default().to_string())
    });
    let issues = Memo::new(move |_| {
        state
            .report
            .with(|r| r.for_field(path).cloned().collect::<Vec<_>>())
    });
    let invalid = move || {
        issues
            .with(|i| i.iter().any(|i| i.severity == Severity::Error))
            .then_some("true")
    };

    let control = match field.kind {
        Kind::Text { placeholder } => view! {
            <label class="label" for=id.clone()>
                {field.label}
            </label>
            {text_input(
                state,
                path,
                value,
                TextInput {
                    id: id.clone(),
                    class: "input",
                    described: described.clone(),
                    placeholder: Some(placeholder),
                    inputmode: None,
                },
                invalid,
            )}
        }
        .into_any(),
        Kind::Number { unit, decimal } => view! {
            <label class="label" for=id.clone()>
                {field.label}
            </label>
            <span class="with-unit">
                {text_input(
                    state,
                    path,
                    value,
                    TextInput {
                        id: id.clone(),
                        class: "input number",
                        described: format!("{described} {id}-unit"),
                        placeholder: None,
                        inputmode: Some(if decimal { "decimal" } else { "numeric" }),
                    },
                    invalid,
                )}
                <span class="unit" id=format!("{id}-unit")>
                    {unit}
                </span>
            </span>
        }
        .into_any(),
        Kind::Choice(opts) if opts.len() <= 3 => {
            radio_group(state, field, opts, value, &id, &described, invalid).into_any()
        }
        Kind::Choice(opts) => view! {
            <label class="label" for=id.clone()>
                {field.label}
            </label>
            <select
                id=id.clone()
                class="input"
                aria-describedby=described.clone()
                aria-invalid=invalid
                on:change:target=move |ev| state.set(path, ev.target().value())
            >
                {unknown_option(value, opts.iter().map(|o| o.value).collect())}
                {opts
                    .iter()
                    .map(|o| option_view(state, path, value, o.value, o.label.to_string()))
                    .collect_view()}
            </select>
            <Unavailable state path options=opts.iter().map(|o| (o.value, o.label.to_string())).collect() />
        }
        .into_any(),
        Kind::Region { same } => region_select(state, field, same, value, &id, &described, invalid)
            .into_any(),
    };

    view! {
        <div class="field" class:has-error=move || invalid().is_some()>
            {control}
            <div id=msg_id class="messages" aria-live="polite">
                {move || {
                    issues
                        .get()
                        .into_iter()
                        .map(|issue| {
                            let error = issue.severity == Severity::Error;
                            view! {
                                <p class=if error { "issue issue-error" } else { "issue issue-warning" }>
                                    <span class="issue-kind">
                                        {if error { "Error: " } else { "Warning: " }}
                                    </span>
                                    {rich(&issue.message)}
                                </p>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div id=help_id class="help">
                <p class="why">{rich(field.why)}</p>
                {field
                    .guide_diff
                    .map(|d| {
                        view! {
                            <p class="guide-diff">
                                <strong>"Differs from the 2020 guide: "</strong>
                                {rich(d)}
                            </p>
                        }
                    })}
                <p class="source">
                    <a href=field.source target="_blank" rel="noopener">
                        "Source"
                        <span class="visually-hidden">{format!(" for {}", field.label)}</span>
                        " ↗"
                    </a>
                </p>
            </div>
        </div>
    }
}

/// The attributes that differ between a text field and a number field.
struct TextInput {
    id: String,
    class: &'static str,
    described: String,
    /// Text fields: the example shown while empty (and no spell checking).
    placeholder: Option<&'static str>,
    /// Number fields: the on-screen keyboard to show.
    inputmode: Option<&'static str>,
}

/// A one-line input that writes the answer at `path` on each keystroke.
fn text_input(
    state: AppState,
    path: &'static str,
    value: Memo<String>,
    input: TextInput,
    invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <input
            id=input.id
            type="text"
            class=input.class
            autocomplete="off"
            spellcheck=input.placeholder.map(|_| "false")
            placeholder=input.placeholder
            inputmode=input.inputmode
            aria-describedby=input.described
            aria-invalid=invalid
            prop:value=move || value.get()
            on:input:target=move |ev| state.set(path, ev.target().value())
        />
    }
}

/// Why `value` cannot be chosen with the other answers, as a memo.
fn disabled_reason(
    state: AppState,
    path: &'static str,
    value: &'static str,
) -> Memo<Option<String>> {
    Memo::new(move |_| state.answers.with(|a| option_disabled(a, path, value)))
}

/// One option of a select, disabled (and marked) while other answers rule it out.
fn option_view(
    state: AppState,
    path: &'static str,
    value: Memo<String>,
    code: &'static str,
    text: String,
) -> impl IntoView {
    let reason = disabled_reason(state, path, code);
    view! {
        <option
            value=code
            prop:selected=move || value.get() == code
            disabled=move || reason.get().is_some()
        >
            {text}
            {move || reason.get().map(|_| " (unavailable)")}
        </option>
    }
}

/// A first option for a value that the list does not offer (from an old link or a hand-written
/// file), so the select shows what the answers hold instead of silently showing another option.
fn unknown_option(value: Memo<String>, known: Vec<&'static str>) -> impl IntoView {
    move || {
        let v = value.get();
        (!known.contains(&v.as_str())).then(|| {
            let label = if v.is_empty() {
                "(nothing chosen)".to_string()
            } else {
                format!("{v} (not offered)")
            };
            view! {
                <option value=v.clone() selected>
                    {label}
                </option>
            }
        })
    }
}

/// The options ruled out by other answers, with the reason, under a select.
#[component]
fn Unavailable(
    state: AppState,
    path: &'static str,
    options: Vec<(&'static str, String)>,
) -> impl IntoView {
    let reasons = Memo::new(move |_| {
        state.answers.with(|a| {
            options
                .iter()
                .filter_map(|(v, label)| option_disabled(a, path, v).map(|r| (label.clone(), r)))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = reasons.get();
        (!list.is_empty()).then(|| {
            view! {
                <details class="unavailable">
                    <summary>{format!("{} not available with your other choices", plural(list.len(), "option", "options"))}</summary>
                    <ul>
                        {list
                            .into_iter()
                            .map(|(label, reason)| {
                                view! {
                                    <li>
                                        <strong>{label}</strong>
                                        ": "
                                        {rich(&reason)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </details>
            }
        })
    }
}

fn radio_group(
    state: AppState,
    field: &'static Field,
    opts: &'static [Opt],
    value: Memo<String>,
    id: &str,
    described: &str,
    invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let path = field.path;
    let name = id.to_string();
    let radios = opts
        .iter()
        .map(|o| {
            let reason = disabled_reason(state, path, o.value);
            let radio_id = format!("{name}--{}", o.value);
            view! {
                <div class="radio" class:disabled=move || reason.get().is_some()>
                    <input
                        type="radio"
                        id=radio_id.clone()
                        name=name.clone()
                        value=o.value
                        aria-invalid=invalid
                        prop:checked=move || value.get() == o.value
                        disabled=move || reason.get().is_some()
                        on:change=move |_| state.set(path, o.value.to_string())
                    />
                    <label for=radio_id>
                        {rich(o.label)}
                        {move || {
                            reason
                                .get()
                                .map(|r| {
                                    view! {
                                        <span class="reason">
                                            " — unavailable: "
                                            {rich(&r)}
                                        </span>
                                    }
                                })
                        }}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset id=id.to_string() class="choice" aria-describedby=described.to_string()>
            <legend class="label">{field.label}</legend>
            <div class="radios">{radios}</div>
        </fieldset>
    }
}

/// What a region offers, as short badges: Bref layers, SES, RDS Data API.
fn region_badges(code: &str, bref_major: &str) -> Vec<(&'static str, bool)> {
    let Some(r) = catalogue::region_by_code(code) else {
        return Vec::new();
    };
    let bref = if bref_major == "2" { r.bref2 } else { r.bref3 };
    let data_api =
        r.data_api_postgresql == Availability::Yes || r.data_api_mysql == Availability::Yes;
    vec![
        (
            if bref {
                "Bref layers"
            } else {
                "no Bref layers"
            },
            bref,
        ),
        (if r.ses { "SES" } else { "no SES" }, r.ses),
        (
            if data_api {
                "Data API"
            } else {
                "Data API unconfirmed"
            },
            data_api,
        ),
    ]
}

fn region_select(
    state: AppState,
    field: &'static Field,
    same: bool,
    value: Memo<String>,
    id: &str,
    described: &str,
    invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let path = field.path;
    // Areas in the catalogue's order.
    let mut areas: Vec<&'static str> = Vec::new();
    for r in catalogue::REGIONS {
        if !areas.contains(&r.area) {
            areas.push(r.area);
        }
    }
    let mut known: Vec<&'static str> = catalogue::REGIONS.iter().map(|r| r.code).collect();
    if same {
        known.push("same");
    }
    let option =
        move |code: &'static str, text: String| option_view(state, path, value, code, text);
    let groups = areas
        .into_iter()
        .map(|area| {
            let options = catalogue::REGIONS
                .iter()
                .filter(|r| r.area == area)
                .map(|r| {
                    let mut marks = Vec::new();
                    if path == "project.region" {
                        if !r.bref3 {
                            marks.push("no Bref layers");
                        }
                        if !r.ses {
                            marks.push("no SES");
                        }
                    } else if !r.ses {
                        marks.push("no SES");
                    }
                    let text = if marks.is_empty() {
                        format!("{} — {}", r.code, r.name)
                    } else {
                        format!("{} — {} · {}", r.code, r.name, marks.join(" · "))
                    };
                    option(r.code, text)
                })
                .collect_view();
            view! { <optgroup label=area>{options}</optgroup> }
        })
        .collect_view();
    let chosen = move || {
        let code = value.get();
        let code = if code == "same" {
            state.answers.with(|a| a.project.region.clone())
        } else {
            code
        };
        let bref = state.answers.with(|a| a.versions.bref.clone());
        region_badges(&code, &bref)
            .into_iter()
            .map(|(text, ok)| {
                view! {
                    <span class="pill" class:pill-ok=ok class:pill-no=!ok>
                        {if ok { "✓ " } else { "✕ " }}
                        {text}
                    </span>
                }
            })
            .collect_view()
    };
    let region_options: Vec<(&'static str, String)> = catalogue::REGIONS
        .iter()
        .map(|r| (r.code, format!("{} — {}", r.code, r.name)))
        .collect();
    view! {
        <label class="label" for=id.to_string()>
            {field.label}
        </label>
        <select
            id=id.to_string()
            class="input"
            aria-describedby=format!("{described} {id}-offers")
            aria-invalid=invalid
            on:change:target=move |ev| state.set(path, ev.target().value())
        >
            {unknown_option(value, known)}
            {same.then(|| option("same", "The functions' region".to_string()))}
            {groups}
        </select>
        <p class="pills" id=format!("{id}-offers")>
            <span class="visually-hidden">"This region offers: "</span>
            {chosen}
        </p>
        <Unavailable state path options=region_options />
    }
}
