//! The app's shared state, provided once through context as a named struct.
//!
//! Everything derived (the report, the plan, the files) is a `Memo` of the answers; effects are
//! used only to sync with the world outside Leptos (URL, localStorage).

use leptos::prelude::*;
use symfony_lambda_core::changes::{self, Changes};
use symfony_lambda_core::generate::{self, Options};
use symfony_lambda_core::{validate, Answers, Bundle, Report};

/// The step shown in the wizard: an index into `fields::STEPS`, or the final Review step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepId {
    Group(&'static str),
    Review,
}

/// The files of the last valid configuration, and which lines the last edit changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    pub bundle: Bundle,
    /// True while the current answers have errors and `bundle` is from the last valid answers.
    pub stale: bool,
    /// What the last edit changed compared with the previous files.
    pub changes: Changes,
}

/// The state every component reads: provided by [`provide_app_state`], read by [`use_app_state`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub answers: RwSignal<Answers>,
    pub report: Memo<Report>,
    pub files: Memo<Files>,
    pub step: RwSignal<StepId>,
    /// The file shown in the preview.
    pub selected: RwSignal<String>,
    /// The page's own URL without the fragment (for share links and SHARE-LINK.txt).
    pub site_url: StoredValue<Option<String>>,
    /// What opening a link or an answers file dropped or changed, shown until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// A short message for the polite live region ("Link copied").
    pub status: RwSignal<String>,
}

/// One explanation in the notices panel: a title and the list of what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub items: Vec<String>,
}

impl AppState {
    /// Sets one field of the answers.
    pub fn set(&self, path: &'static str, value: String) {
        self.answers.update(|a| {
            a.set(path, value);
        });
    }
}

impl StepId {
    /// Every step in order: the groups of `fields::STEPS`, then Review.
    pub fn all() -> Vec<StepId> {
        symfony_lambda_core::fields::STEPS
            .iter()
            .map(|s| StepId::Group(s.id))
            .chain(std::iter::once(StepId::Review))
            .collect()
    }

    /// The step `delta` places away from this one, if there is one.
    pub fn neighbour(self, delta: isize) -> Option<StepId> {
        let all = Self::all();
        let here = all.iter().position(|s| *s == self)?;
        let there = here.checked_add_signed(delta)?;
        all.get(there).copied()
    }

    /// The title shown in the step list.
    pub fn title(self) -> &'static str {
        match self {
            StepId::Group(id) => symfony_lambda_core::fields::STEPS
                .iter()
                .find(|s| s.id == id)
                .map_or(id, |s| s.title),
            StepId::Review => "Review",
        }
    }
}

/// Creates the state from the starting answers and provides it to every component below.
pub fn provide_app_state(initial: Answers, site_url: Option<String>) -> AppState {
    let answers = RwSignal::new(initial);
    let report = Memo::new(move |_| answers.with(validate));
    let site_url = StoredValue::new(site_url);
    let files = Memo::new(move |previous: Option<&Files>| {
        let options = Options {
            site_url: site_url.get_value(),
        };
        let plan = answers.with(symfony_lambda_core::plan);
        match (plan, previous) {
            (Ok(plan), previous) => {
                let bundle = generate::generate(&plan, &options);
                let changes = match previous {
                    Some(prev) => changes::between(&prev.bundle, &bundle),
                    None => Changes::default(),
                };
                Files {
                    bundle,
                    stale: false,
                    changes,
                }
            }
            (Err(_), Some(prev)) => Files {
                bundle: prev.bundle.clone(),
                stale: true,
                changes: Changes::default(),
            },
            (Err(_), None) => Files {
                bundle: Bundle::new(),
                stale: true,
                changes: Changes::default(),
            },
        }
    });
    let state = AppState {
        answers,
        report,
        files,
        step: RwSignal::new(StepId::Group("project")),
        selected: RwSignal::new("serverless.yml".to_string()),
        site_url,
        notices: RwSignal::new(Vec::new()),
        status: RwSignal::new(String::new()),
    };
    provide_context(state);
    state
}

/// The state provided by [`provide_app_state`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
