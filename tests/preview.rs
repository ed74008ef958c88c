//! Browser tests of the preview and the download button: mounted with a fresh state into a fresh
//! element, driven through the state and real clicks, checked on the DOM.

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use symfony_lambda_core::Answers;
use symfony_lambda_web::download::DownloadButton;
use symfony_lambda_web::preview::Preview;
use symfony_lambda_web::state::{provide_app_state, AppState, StepId};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: web_sys::HtmlElement,
    state: AppState,
    // Keeps the view mounted for the test's duration.
    _handle: Box<dyn std::any::Any>,
}

fn mount() -> Mounted {
    let document = document();
    let root: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document
        .body()
        .expect("the test page has a body")
        .append_child(&root)
        .expect("the div can be attached");
    let slot = Rc::new(Cell::new(None));
    let handle = mount_to(root.clone(), {
        let slot = Rc::clone(&slot);
        move || {
            slot.set(Some(provide_app_state(Answers::default(), None)));
            view! {
                <Preview />
                <DownloadButton />
            }
        }
    });
    Mounted {
        root,
        state: slot.get().expect("the state was provided while mounting"),
        _handle: Box::new(handle),
    }
}

/// Lets memos, effects and the DOM updates run.
async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
}

/// The elements under `root` that have every class in `classes` (space-separated).
fn all(root: &web_sys::HtmlElement, classes: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.get_elements_by_class_name(classes);
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// The tree's button for `path`'s file name (its text starts with the name; a change mark may
/// follow).
fn file_button(root: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    all(root, "tree-file")
        .into_iter()
        .find(|b| one(b, ".tree-name").text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no file {name} in the tree"))
}

/// The shown file's text as rendered: every line's text, joined with line breaks.
fn shown_text(root: &web_sys::HtmlElement) -> String {
    let mut text = all(root, "line")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

fn download_button(root: &web_sys::HtmlElement) -> web_sys::HtmlButtonElement {
    one(root, "button.download-zip").unchecked_into()
}

#[wasm_bindgen_test]
async fn tree_lists_the_files_and_a_click_shows_one() {
    let m = mount();
    settle().await;
    let serverless = file_button(&m.root, "serverless.yml");
    assert_eq!(
        serverless.get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(
        one(&m.root, "#preview-file-title")
            .text_content()
            .as_deref(),
        Some("serverless.yml")
    );
    let expected = m
        .state
        .files
        .with_untracked(|f| f.bundle.get("serverless.yml").map(String::from))
        .expect("serverless.yml is generated");
    assert_eq!(shown_text(&m.root), expected);
    assert!(
        !all(&m.root, "hl-key").is_empty(),
        "YAML keys are highlighted"
    );

    file_button(&m.root, ".env.lambda").click();
    settle().await;
    assert_eq!(
        one(&m.root, "#preview-file-title")
            .text_content()
            .as_deref(),
        Some(".env.lambda")
    );
    let env = m
        .state
        .files
        .with_untracked(|f| f.bundle.get(".env.lambda").map(String::from))
        .expect(".env.lambda is generated");
    assert_eq!(shown_text(&m.root), env);
    assert_eq!(
        file_button(&m.root, ".env.lambda")
            .get_attribute("aria-current")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        file_button(&m.root, "serverless.yml").get_attribute("aria-current"),
        None
    );
}

#[wasm_bindgen_test]
async fn an_edit_marks_the_lines_it_changed() {
    let m = mount();
    settle().await;
    assert!(all(&m.root, "line changed").is_empty());
    m.state.set("project.region", "eu-central-1".to_string());
    settle().await;
    let changed = all(&m.root, "line changed");
    assert!(
        !changed.is_empty(),
        "no line marked after the region changed"
    );
    assert!(
        changed.iter().any(|l| l
            .text_content()
            .unwrap_or_default()
            .contains("eu-central-1")),
        "the new region is on a marked line"
    );
    assert!(shown_text(&m.root).contains("eu-central-1"));
    assert!(!shown_text(&m.root).contains("eu-west-1"));
    let summary = one(&m.root, ".file-changes")
        .text_content()
        .unwrap_or_default();
    assert!(
        summary.starts_with("Changed by the last edit: line"),
        "{summary}"
    );
    // The tree says which files changed in words, not only with the dot.
    let mark = file_button(&m.root, "serverless.yml")
        .text_content()
        .unwrap_or_default();
    assert!(mark.contains("(changed)"), "{mark}");
}

#[wasm_bindgen_test]
async fn the_preview_follows_the_steps() {
    let m = mount();
    settle().await;
    m.state.step.set(StepId::Review);
    settle().await;
    assert_eq!(
        one(&m.root, "#preview-file-title")
            .text_content()
            .as_deref(),
        Some("README.md")
    );
    m.state.step.set(StepId::Group("environment"));
    settle().await;
    assert_eq!(
        one(&m.root, "#preview-file-title")
            .text_content()
            .as_deref(),
        Some(".env.lambda")
    );
}

#[wasm_bindgen_test]
async fn download_is_disabled_while_errors_remain() {
    let m = mount();
    settle().await;
    let button = download_button(&m.root);
    // The accessible name is the text outside the shortcut hint, which is hidden from it.
    let name_only: web_sys::HtmlElement = button
        .clone_node_with_deep(true)
        .expect("the button can be cloned")
        .unchecked_into();
    let hint = one(&name_only, ".shortcut");
    assert_eq!(hint.get_attribute("aria-hidden").as_deref(), Some("true"));
    hint.remove();
    assert_eq!(
        name_only.text_content().unwrap_or_default().trim(),
        "Download zip"
    );
    assert_eq!(button.get_attribute("aria-label"), None);
    assert!(!button.disabled());
    assert!(one(&m.root, "#download-reason")
        .text_content()
        .unwrap_or_default()
        .ends_with("-symfony-lambda.zip"));

    m.state.set("functions.web_timeout", "99".to_string());
    settle().await;
    assert!(download_button(&m.root).disabled());
    assert_eq!(
        one(&m.root, "#download-reason").text_content().as_deref(),
        Some("1 error to fix first")
    );
    assert_eq!(
        download_button(&m.root)
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("download-reason")
    );
    let banner = one(&m.root, ".preview-stale")
        .text_content()
        .unwrap_or_default();
    assert!(banner.starts_with("Showing the files of the last valid configuration"));

    m.state.set("functions.web_timeout", "28".to_string());
    settle().await;
    assert!(!download_button(&m.root).disabled());
    assert!(m
        .root
        .query_selector(".preview-stale")
        .ok()
        .flatten()
        .is_none());
}
