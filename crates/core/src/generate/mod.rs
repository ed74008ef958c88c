//! Generation of every file from a validated [`Plan`].

use crate::{Bundle, Plan};

/// Options that are not part of the answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The configurator's own URL (`https://host/path/`), used to write the full share link into
    /// `SHARE-LINK.txt`. `None` writes the fragment with instructions.
    pub site_url: Option<String>,
}

/// Every file for `plan`.
pub fn generate(_plan: &Plan, _options: &Options) -> Bundle {
    Bundle::new()
}
