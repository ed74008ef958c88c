//! The live preview: the tree of the generated files, the selected file with line numbers and
//! highlighting, the lines the last edit changed, and copy/download per file.
//!
//! Kept fast for typing: only the shown file is highlighted; its lines are a keyed list (the key
//! is the line's content and colouring, not its number, so an edit rebuilds only the lines it
//! touched and line numbers come from a CSS counter); the tree is rebuilt only when the set of
//! paths changes, and each file's marker is its own small reactive node.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{use_app_state, AppState, StepId};
use symfony_lambda_core::highlight::{self, Language};
use symfony_lambda_core::preview::{self as engine, Folder};

/// One line of the shown file, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    /// Content and colouring hash, changed mark, and which occurrence of that pair it is.
    key: (u64, bool, u32),
    changed: bool,
    /// Text pieces with their CSS class (`None`: plain text).
    parts: Vec<(Option<&'static str>, String)>,
}

/// Folds `bytes` into the 64-bit FNV-1a hash `hash` (a row key needs no keyed hasher, and this
/// keeps SipHash and `HashMap` out of the web app).
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The rows of `text` highlighted as the format of `path`; `changed` lists 1-based line numbers.
fn rows(path: &str, text: &str, changed: &[usize]) -> Vec<Row> {
    // How many rows with each (hash, changed) pair came before: a short list, searched linearly.
    let mut seen: Vec<((u64, bool), u32)> = Vec::new();
    highlight::highlight(path, text)
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let changed = changed.contains(&(n + 1));
            let mut hash = fnv1a(
                0xcbf2_9ce4_8422_2325,
                &(line.text.len() as u64).to_le_bytes(),
            );
            hash = fnv1a(hash, line.text.as_bytes());
            for span in &line.spans {
                hash = fnv1a(hash, &[span.class as u8]);
                hash = fnv1a(hash, &(span.range.end as u64).to_le_bytes());
            }
            let occurrence = match seen.iter_mut().find(|(k, _)| *k == (hash, changed)) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push(((hash, changed), 0));
                    0
                }
            };
            let key = (hash, changed, occurrence);
            Row {
                key,
                changed,
                parts: line
                    .parts()
                    .map(|(class, text)| (class.css_class(), text.to_string()))
                    .collect(),
            }
        })
        .collect()
}

fn row_view(row: Row) -> impl IntoView {
    let class = if row.changed { "line changed" } else { "line" };
    let parts = row
        .parts
        .into_iter()
        .map(|(class, text)| match class {
            Some(class) => view! { <span class=class>{text}</span> }.into_any(),
            None => text.into_any(),
        })
        .collect_view();
    view! { <span class=class>{parts}</span> }
}

/// What the tree and the file view share.
#[derive(Clone, Copy)]
struct Ctx {
    state: AppState,
    /// The path shown (the selected one, or a fallback when it is not generated).
    shown: Memo<String>,
    /// Paths the last edit added (`new`) or changed (`changed`).
    marks: Memo<Vec<(String, &'static str)>>,
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn file_item(ctx: Ctx, name: String, path: String) -> impl IntoView {
    let mark = {
        let path = path.clone();
        Memo::new(move |_| {
            ctx.marks
                .with(|m| m.iter().find(|(p, _)| *p == path).map(|(_, kind)| *kind))
        })
    };
    let current = {
        let path = path.clone();
        move || ctx.shown.with(|s| *s == path).then_some("true")
    };
    view! {
        <li>
            <button
                type="button"
                class="tree-file"
                aria-current=current
                on:click=move |_| ctx.state.selected.set(path.clone())
            >
                <span class="tree-name">{name}</span>
                {move || {
                    mark.get()
                        .map(|kind| {
                            view! {
                                <span class="tree-mark" aria-hidden="true">
                                    "●"
                                </span>
                                <span class="visually-hidden">{format!(" ({kind})")}</span>
                            }
                        })
                }}
            </button>
        </li>
    }
}

/// The items of `folder`: sub-folders first (a chain of folders holding only one folder is shown
/// as one, `config/packages/lambda/`), then files.
fn folder_items(ctx: Ctx, folder: &Folder) -> Vec<AnyView> {
    let mut items = Vec::new();
    for sub in &folder.folders {
        let mut label = sub.name.clone();
        let mut inner = sub;
        while inner.files.is_empty() && inner.folders.len() == 1 {
            inner = &inner.folders[0];
            label.push('/');
            label.push_str(&inner.name);
        }
        let children = folder_items(ctx, inner);
        items.push(
            view! {
                <li class="tree-folder">
                    <span class="tree-folder-name">{label} "/"</span>
                    <ul>{children}</ul>
                </li>
            }
            .into_any(),
        );
    }
    for (name, path) in &folder.files {
        items.push(file_item(ctx, name.clone(), path.clone()).into_any());
    }
    items
}

/// The preview beside the form.
#[component]
pub fn Preview() -> impl IntoView {
    let state = use_app_state();
    let paths = Memo::new(move |_| {
        state
            .files
            .with(|f| f.bundle.paths().map(String::from).collect::<Vec<_>>())
    });
    let shown = Memo::new(move |_| {
        let selected = state.selected.get();
        state.files.with(|f| {
            if f.bundle.contains(&selected) {
                selected
            } else {
                engine::main_file("project", &f.bundle).unwrap_or_default()
            }
        })
    });
    let marks = Memo::new(move |_| {
        state.files.with(|f| {
            let added = f.changes.added.iter().map(|p| (p.clone(), "new"));
            let changed = f
                .changes
                .changed
                .iter()
                .map(|(p, _)| (p.clone(), "changed"));
            added.chain(changed).collect::<Vec<_>>()
        })
    });
    let ctx = Ctx {
        state,
        shown,
        marks,
    };

    // The preview follows the form: a new step shows the file that step is mostly about.
    // (Effects skip their first run: only a change of step moves the preview.)
    Effect::new(move |first: Option<()>| {
        let step = state.step.get();
        if first.is_none() {
            return;
        }
        let group = match step {
            StepId::Group(id) => id,
            StepId::Review => "review",
        };
        if let Some(path) = state
            .files
            .with_untracked(|f| engine::main_file(group, &f.bundle))
        {
            state.selected.set(path);
        }
    });

    let stale = move || {
        state.files.with(|f| match (f.stale, f.bundle.is_empty()) {
            (false, _) => None,
            (true, false) => Some(
                "Showing the files of the last valid configuration: fix the errors to update them.",
            ),
            (true, true) => Some("No files yet: fix the errors to see them."),
        })
    };
    let tree =
        move || paths.with(|p| folder_items(ctx, &engine::tree(p.iter().map(String::as_str))));

    view! {
        <section
            id="preview"
            class="preview"
            tabindex="-1"
            aria-label="Preview of the generated files"
        >
            <h2 class="preview-title">"Generated files"</h2>
            <div class="preview-stale-region" aria-live="polite">
                {move || stale().map(|text| view! { <p class="preview-stale">{text}</p> })}
            </div>
            <div class="preview-body">
                <nav class="file-tree" aria-label="Files">
                    <ul class="tree-root">{tree}</ul>
                    {move || {
                        marks
                            .with(|m| !m.is_empty())
                            .then(|| {
                                view! {
                                    <p class="tree-legend">
                                        <span class="tree-mark" aria-hidden="true">
                                            "●"
                                        </span>
                                        " new or changed by the last edit"
                                    </p>
                                }
                            })
                    }}
                </nav>
                <FileView ctx=ctx />
            </div>
        </section>
    }
}

/// The shown file: its path, copy and download, and its highlighted lines.
#[component]
fn FileView(ctx: Ctx) -> impl IntoView {
    let Ctx { state, shown, .. } = ctx;
    let text =
        Memo::new(move |_| shown.with(|p| state.files.with(|f| f.bundle.get(p).map(String::from))));
    let changed_lines =
        Memo::new(move |_| shown.with(|p| state.files.with(|f| f.changes.lines_of(p).to_vec())));
    let lines = Memo::new(move |_| {
        let changed = changed_lines.get();
        shown.with(|p| text.with(|t| rows(p, t.as_deref().unwrap_or_default(), &changed)))
    });
    let copied = RwSignal::new(false);
    let scroller = NodeRef::<leptos::html::Div>::new();

    // Another file starts at its top; within a file, the first changed line is scrolled into
    // view when it is out of sight.
    Effect::new(move |first: Option<()>| {
        shown.track();
        if first.is_none() {
            return;
        }
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
    });
    Effect::new(move |first: Option<()>| {
        let empty = changed_lines.with(|l| l.is_empty());
        if first.is_none() || empty {
            return;
        }
        request_animation_frame(move || {
            // The preview may be gone by the next frame.
            let Some(Some(el)) = scroller.try_get_untracked() else {
                return;
            };
            let Some(line) = el
                .query_selector(".line.changed")
                .ok()
                .flatten()
                .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let (top, height) = (line.offset_top(), line.offset_height());
            let (view_top, view_height) = (el.scroll_top(), el.client_height());
            if top < view_top || top + height > view_top + view_height {
                el.set_scroll_top((top - view_height / 3).max(0));
            }
        });
    });

    let copy = move |_| {
        let path = shown.get_untracked();
        let Some(text) = text.get_untracked() else {
            return;
        };
        crate::ui::copy_text(text, move |ok| {
            if ok {
                copied.set(true);
                state.status.set(format!("{path} copied to the clipboard."));
                set_timeout(
                    move || {
                        let _ = copied.try_set(false);
                    },
                    Duration::from_secs(2),
                );
            } else {
                state.status.set(format!(
                    "Could not copy {path}: select its text and copy it by hand, or download it."
                ));
            }
        });
    };
    let download = move |_| {
        let path = shown.get_untracked();
        let Some(text) = text.get_untracked() else {
            return;
        };
        let name = file_name(&path);
        let message = match crate::download::save(name, text.as_bytes(), "text/plain;charset=utf-8")
        {
            Ok(()) => format!("Downloading {name}."),
            Err(_) => format!("The browser refused to download {name}."),
        };
        state.status.set(message);
    };
    let summary = move || {
        changed_lines.with(|l| {
            (!l.is_empty()).then(|| {
                format!(
                    "Changed by the last edit: {}, marked ▸.",
                    engine::describe_lines(l)
                )
            })
        })
    };
    let is_patch = move || shown.with(|p| highlight::language_of(p) == Language::Diff);

    view! {
        <div class="file-view">
            <div class="file-header">
                <h3 id="preview-file-title" class="file-path">
                    {move || shown.get()}
                </h3>
                <div class="file-actions">
                    <button type="button" class="button small" on:click=copy>
                        {move || if copied.get() { "Copied" } else { "Copy" }}
                        <span class="visually-hidden">" " {move || file_name(&shown.get()).to_string()}</span>
                    </button>
                    <button type="button" class="button small" on:click=download>
                        "Download"
                        <span class="visually-hidden">" " {move || file_name(&shown.get()).to_string()}</span>
                    </button>
                </div>
            </div>
            {move || {
                is_patch()
                    .then(|| {
                        view! {
                            <p class="file-hint">
                                "A patch for a file of your project: lines starting with "
                                <code>"+"</code> " are added, lines starting with " <code>"-"</code>
                                " removed."
                            </p>
                        }
                    })
            }}
            // Not a live region: announcing it on every keystroke would drown the form's own messages.
            <p class="file-changes">
                {summary}
            </p>
            <div
                class="code-scroll"
                node_ref=scroller
                role="region"
                tabindex="0"
                aria-labelledby="preview-file-title"
            >
                <pre class="code">
                    <code>
                        <For each=move || lines.get() key=|row| row.key children=row_view />
                    </code>
                </pre>
            </div>
        </div>
    }
}
