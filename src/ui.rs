//! Small helpers shared by the components: message text with `code`, element ids of fields,
//! focusing a field after a step change, and the clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{AppState, StepId};
use symfony_lambda_core::fields;

/// Message text with its backticked parts as `<code>` (the engine writes values in backticks).
pub fn rich(text: &str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part.to_string()}</code> }.into_any()
            } else {
                part.to_string().into_any()
            }
        })
        .collect_view()
}

/// The id of a field's input (or of its fieldset for a radio group).
pub fn field_id(path: &str) -> String {
    format!("field-{}", path.replace('.', "-"))
}

/// Shows `step` and moves the focus to its heading, so a screen reader announces the new step.
pub fn go_to_step(state: AppState, step: StepId) {
    state.step.set(step);
    focus_later("step-title".to_string());
}

/// Shows the step of the field at `path` and focuses the field.
pub fn go_to_field(state: AppState, path: &str) {
    if let Some(step) = fields::step_of(path) {
        state.step.set(StepId::Group(step.id));
    }
    focus_later(field_id(path));
}

/// Focuses the element with `id` once the view has been updated. A fieldset (a radio group)
/// passes the focus to its checked radio, or its first enabled one.
fn focus_later(id: String) {
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&id) else {
            return;
        };
        let target = if el.tag_name().eq_ignore_ascii_case("fieldset") {
            el.query_selector("input:checked")
                .ok()
                .flatten()
                .or_else(|| el.query_selector("input:not([disabled])").ok().flatten())
        } else {
            Some(el)
        };
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}

/// Copies `text` to the clipboard; `done(true)` when it worked. Uses the asynchronous clipboard
/// API, and falls back to a selected, off-screen text area with `execCommand("copy")` where that
/// API is missing or refused (plain http, older browsers).
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok || copy_with_textarea(&text));
    });
}

fn copy_with_textarea(text: &str) -> bool {
    let doc = document();
    let Some(body) = doc.body() else {
        return false;
    };
    let Ok(area) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    ok
}
