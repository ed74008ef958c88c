//! The zip download, and saving any bytes as a file the browser downloads (the preview's
//! per-file download uses the same helper).

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{use_app_state, AppState, StepId};
use symfony_lambda_core::{preview, zipfile};

/// Makes the browser download `bytes` as a file called `name`: a Blob, an object URL and a
/// clicked `<a download>`. The URL is revoked a little later: revoking it at once can cancel the
/// download in some browsers.
pub fn save(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_attribute("hidden", "")?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("the page has no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// Downloads the zip of the current files, unless errors remain (then the files on show are
/// those of the last valid answers, which are not what the user asked for). Says what happened
/// in the status live region.
pub fn download_zip(state: AppState) {
    if state.report.with_untracked(|r| r.has_errors()) {
        state
            .status
            .set("Fix the errors first: the zip is only made from a valid configuration.".into());
        return;
    }
    let folder = state
        .answers
        .with_untracked(|a| preview::archive_name(&a.project.service));
    // `<service>-symfony-lambda.zip`, holding the folder of the same name.
    let name = format!("{folder}.zip");
    let zip = state
        .files
        .with_untracked(|f| zipfile::write(&f.bundle, Some(&folder)));
    let message = match zip {
        Ok(bytes) => match save(&name, &bytes, "application/zip") {
            Ok(()) => format!("Downloading {name}."),
            Err(_) => format!(
                "The browser refused to download {name}: try again, or use the command line tool."
            ),
        },
        Err(e) => format!("The zip could not be made: {e}."),
    };
    state.status.set(message);
}

/// "2 errors to fix first", or nothing when the zip can be downloaded.
fn blocked_reason(errors: usize) -> Option<String> {
    match errors {
        0 => None,
        1 => Some("1 error to fix first".to_string()),
        n => Some(format!("{n} errors to fix first")),
    }
}

/// The download button, disabled while errors remain, with the reason next to it. Its
/// accessible name is exactly "Download zip": the shortcut hint is hidden from assistive
/// technology and announced through `aria-keyshortcuts` instead.
#[component]
pub fn DownloadButton() -> impl IntoView {
    let state = use_app_state();
    let errors = Memo::new(move |_| state.report.with(|r| r.errors().count()));
    let reason = Memo::new(move |_| blocked_reason(errors.get()));
    let name = Memo::new(move |_| {
        state
            .answers
            .with(|a| preview::archive_name(&a.project.service))
    });
    view! {
        <div class="download">
            <button
                type="button"
                class="button primary download-zip"
                aria-describedby="download-reason"
                aria-keyshortcuts="Control+Enter"
                disabled=move || { errors.get() > 0 }
                on:click=move |_| download_zip(state)
            >
                "Download zip"
                <span class="shortcut" aria-hidden="true">
                    " " <kbd>"Ctrl"</kbd> "+" <kbd>"Enter"</kbd>
                </span>
            </button>
            <p class="download-reason">
                {move || match reason.get() {
                    Some(reason) => {
                        view! {
                            <span id="download-reason" class="blocked">{reason}</span>
                            ": "
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| crate::ui::go_to_step(state, StepId::Review)
                            >
                                "show them"
                            </button>
                        }
                            .into_any()
                    }
                    None => view! { <span id="download-reason" class="file-name">{move || name.get()} ".zip"</span> }.into_any(),
                }}
            </p>
        </div>
    }
}
