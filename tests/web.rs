//! Browser tests of the web app (wasm-bindgen-test in headless Chromium): the app is mounted into
//! a fresh element, driven through real DOM events, and controls are found by their label or role
//! as a user (or a screen reader) finds them.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use symfony_lambda_core::link;
use symfony_lambda_web::{App, STORAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Sets the URL fragment (without a history entry) and forgets the stored configuration, so each
/// test starts from exactly the link it names.
fn start_from(fragment: &str) {
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
    let url = if fragment.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        format!("#{fragment}")
    };
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .expect("replaceState");
}

/// Mounts the app into a fresh element; the handle unmounts it when dropped.
fn mount() -> (Element, impl Drop) {
    let root = document().create_element("section").expect("element");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = mount_to(root.clone().unchecked_into(), App);
    (root, handle)
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets Leptos apply the changes to the DOM (and the next animation frame run).
async fn settle() {
    tick().await;
    sleep_ms(30).await;
    tick().await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The control whose visible `<label for>` starts with `label`.
fn control(root: &Element, label: &str) -> Element {
    let found = all(root, "label[for]")
        .into_iter()
        .find(|l| text(l).trim().starts_with(label))
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = found.get_attribute("for").expect("for");
    document()
        .get_element_by_id(&id)
        .unwrap_or_else(|| panic!("label {label:?} points to a missing #{id}"))
}

/// The button (anywhere in `root`) whose text starts with `name`.
fn button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| text(b).trim().starts_with(name))
        .unwrap_or_else(|| {
            let names: Vec<String> = all(root, "button").iter().map(text).collect();
            panic!("no button {name:?} among {names:?}")
        })
        .unchecked_into()
}

/// The step link of the wizard's navigation.
fn nav_link(root: &Element, title: &str) -> HtmlElement {
    all(root, "nav[aria-label='Wizard steps'] button")
        .into_iter()
        .find(|b| {
            b.query_selector(".step-name")
                .ok()
                .flatten()
                .is_some_and(|n| text(&n) == title)
        })
        .unwrap_or_else(|| panic!("no step {title:?}"))
        .unchecked_into()
}

fn fire(el: &Element, event: &str) {
    let ev = document().create_event("Event").expect("event");
    ev.init_event_with_bubbles_and_cancelable(event, true, false);
    el.dispatch_event(&ev).expect("dispatch");
}

fn type_into(el: &Element, value: &str) {
    el.unchecked_ref::<HtmlInputElement>().set_value(value);
    fire(el, "input");
}

fn choose(el: &Element, value: &str) {
    el.unchecked_ref::<HtmlSelectElement>().set_value(value);
    fire(el, "change");
}

async fn go(root: &Element, step: &str) {
    nav_link(root, step).click();
    settle().await;
}

fn heading(root: &Element) -> String {
    root.query_selector("#step-title")
        .ok()
        .flatten()
        .map(|h| text(&h).trim().to_string())
        .unwrap_or_default()
}

fn preview_text(root: &Element) -> String {
    root.query_selector("#preview")
        .ok()
        .flatten()
        .map(|p| text(&p))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn step_links_show_their_step_and_mark_it_current() {
    start_from("");
    let (root, _app) = mount();
    settle().await;
    assert_eq!(heading(&root), "Project");

    go(&root, "Database").await;
    assert_eq!(heading(&root), "Database");
    assert_eq!(
        nav_link(&root, "Database")
            .get_attribute("aria-current")
            .as_deref(),
        Some("step")
    );
    assert_eq!(
        nav_link(&root, "Project").get_attribute("aria-current"),
        None
    );

    // Steps are reachable in any order, Review included.
    go(&root, "Review").await;
    assert_eq!(heading(&root), "Review");
    go(&root, "Versions").await;
    assert_eq!(heading(&root), "Versions");
}

#[wasm_bindgen_test]
async fn changing_the_region_changes_serverless_yml_in_the_preview() {
    start_from("");
    let (root, _app) = mount();
    settle().await;
    let before = preview_text(&root);
    assert!(before.contains("eu-west-1"), "preview: {before}");
    assert!(!before.contains("ap-southeast-2"));

    choose(&control(&root, "AWS region"), "ap-southeast-2");
    settle().await;
    let after = preview_text(&root);
    assert!(after.contains("ap-southeast-2"), "preview: {after}");
}

#[wasm_bindgen_test]
async fn an_invalid_certificate_arn_is_explained_and_blocks_the_download() {
    start_from("");
    let (root, _app) = mount();
    settle().await;
    go(&root, "Assets & domain").await;
    // The certificate field only exists once a mode with a domain is chosen.
    assert!(all(&root, "label[for='field-assets-certificate_arn']").is_empty());
    let cloudfront: HtmlElement = document()
        .get_element_by_id("field-assets-mode--cloudfront")
        .expect("cloudfront radio")
        .unchecked_into();
    cloudfront.click();
    settle().await;

    let arn = control(&root, "ACM certificate ARN");
    type_into(&arn, "arn:aws:acm:eu-west-1:123");
    settle().await;
    let messages = document()
        .get_element_by_id("field-assets-certificate_arn-msg")
        .expect("message region");
    assert!(
        text(&messages).contains("Error"),
        "message: {}",
        text(&messages)
    );
    assert_eq!(arn.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(arn
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .contains("field-assets-certificate_arn-msg"));
    // The nav shows the step's errors.
    assert!(root
        .query_selector("nav .badge-error")
        .ok()
        .flatten()
        .is_some());

    go(&root, "Review").await;
    assert_eq!(heading(&root), "Review", "{}", text(&root));
    let download = button(&root, "Download zip");
    assert!(download.has_attribute("disabled"));

    // Fix it on its step: the download is enabled again.
    go(&root, "Assets & domain").await;
    type_into(
        &control(&root, "ACM certificate ARN"),
        "arn:aws:acm:us-east-1:123456789012:certificate/0f3c9a57-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
    );
    // The example domains are warnings, not errors; nothing else blocks.
    settle().await;
    let messages = document()
        .get_element_by_id("field-assets-certificate_arn-msg")
        .expect("message region");
    assert!(!text(&messages).contains("Error"), "{}", text(&messages));
    go(&root, "Review").await;
    let download = button(&root, "Download zip");
    assert!(!download.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn the_url_fragment_carries_the_changed_answers() {
    start_from("");
    let (root, _app) = mount();
    settle().await;
    type_into(&control(&root, "Service name"), "shop-api");
    choose(&control(&root, "AWS region"), "eu-central-1");
    go(&root, "Versions").await;
    choose(&control(&root, "PHP"), "8.3");
    // The URL is written ~300 ms after the last edit.
    sleep_ms(500).await;

    let hash = window().location().hash().expect("hash");
    let decoded = link::decode(&hash);
    assert!(decoded.notes.is_empty(), "{:?}", decoded.notes);
    assert_eq!(decoded.answers.project.service, "shop-api");
    assert_eq!(decoded.answers.project.region, "eu-central-1");
    assert_eq!(decoded.answers.versions.php, "8.3");

    // The same configuration is remembered for the next visit.
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .expect("stored configuration");
    assert_eq!(format!("#{stored}"), hash);
}

#[wasm_bindgen_test]
async fn a_link_opens_its_answers_and_a_corrupted_one_explains_itself() {
    let mut answers = symfony_lambda_core::Answers::default();
    answers.project.service = "from-a-link".into();
    start_from(&link::encode(&answers));
    let (root, app) = mount();
    settle().await;
    let service = control(&root, "Service name");
    assert_eq!(
        service.unchecked_ref::<HtmlInputElement>().value(),
        "from-a-link"
    );
    assert!(root.query_selector(".notices").ok().flatten().is_none());
    drop(app);

    start_from("z1.this-is-not-deflate-data");
    let (root, _app) = mount();
    settle().await;
    let panel = root
        .query_selector(".notices")
        .ok()
        .flatten()
        .expect("notices panel");
    assert!(
        text(&panel).contains("could not be read"),
        "{}",
        text(&panel)
    );
    // The defaults are open, and the panel can be dismissed.
    let service = control(&root, "Service name");
    assert_eq!(
        service.unchecked_ref::<HtmlInputElement>().value(),
        "symfony-project"
    );
    button(&root, "Dismiss").click();
    settle().await;
    assert!(root.query_selector(".notices").ok().flatten().is_none());
}
