//! The engine of symfony-lambda: everything that is a pure function of the user's answers.
//!
//! Data flows one way: [`Answers`] (raw text, what the form edits and a link carries) →
//! [`validate::validate`] → [`Report`] (field-addressed errors and warnings) and, when there is no
//! error, a typed [`Plan`] → [`generate::generate`] → [`Bundle`] (path → file text) → preview, zip
//! ([`zipfile`]) and the command line.
//!
//! No Leptos, no web-sys: this crate is tested natively and compiled into the web app unchanged.

pub mod answers;
pub mod answers_file;
pub mod bundle;
pub mod catalogue;
pub mod changes;
pub mod checklist;
pub mod diff;
pub mod fields;
pub mod generate;
pub mod highlight;
pub mod link;
pub mod plan;
pub mod presets;
pub mod preview;
pub mod quote;
pub mod rules;
pub mod validate;
pub mod zipfile;

pub use answers::Answers;
pub use bundle::Bundle;
pub use plan::Plan;
pub use validate::{option_disabled, plan, validate, validate_field, Issue, Report, Severity};
