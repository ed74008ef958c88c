//! Keyboard shortcuts of the whole page. Each one is also shown on its button (`<kbd>`) and
//! declared with `aria-keyshortcuts`; none of them traps the focus.
//!
//! - Ctrl+Enter (⌘+Enter): download the zip, or go to Review when errors remain.
//! - Ctrl+Space: move the focus to the preview.
//! - Alt+→ / Alt+←: next / previous step.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppState;
use crate::ui::go_to_step;

/// Listens for the shortcuts while the app is mounted.
pub fn install(state: AppState) {
    let handle = window_event_listener(ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.default_prevented() || ev.is_composing() {
            return;
        }
        let ctrl = ev.ctrl_key() || ev.meta_key();
        match ev.key().as_str() {
            "Enter" if ctrl && !ev.alt_key() => {
                ev.prevent_default();
                download(state);
            }
            " " if ev.ctrl_key() && !ev.alt_key() && !ev.meta_key() => {
                ev.prevent_default();
                if let Some(el) = document()
                    .get_element_by_id("preview")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
            "ArrowRight" | "ArrowLeft" if ev.alt_key() && !ctrl && !ev.shift_key() => {
                let delta = if ev.key() == "ArrowRight" { 1 } else { -1 };
                if let Some(step) = state.step.get_untracked().neighbour(delta) {
                    ev.prevent_default();
                    go_to_step(state, step);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Ctrl+Enter: the download when the configuration is valid, the Review step otherwise.
fn download(state: AppState) {
    if state.report.with_untracked(|r| r.has_errors()) {
        state.status.set(
            "The zip cannot be downloaded while errors remain: they are listed on the Review step."
                .to_string(),
        );
        go_to_step(state, crate::state::StepId::Review);
    } else {
        crate::download::download_zip(state);
    }
}
