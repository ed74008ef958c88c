//! Entry point of the web app: mounts [`symfony_lambda_web::App`] into the page body.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(symfony_lambda_web::App);
}
