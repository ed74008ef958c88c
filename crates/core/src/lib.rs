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

/// Sorts `v` stably by `is_less`, by insertion: the lists sorted here hold a few dozen items at
/// most, and every element type given to the standard library's sort adds 2–4 KB of
/// WebAssembly.
pub(crate) fn sort_small_by<T>(v: &mut [T], mut is_less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && is_less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_small_by_is_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            super::sort_small_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }
    }
}
