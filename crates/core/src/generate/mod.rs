//! Generation of every file from a validated [`Plan`].
//!
//! One module per generated file, named after it. [`generate`] runs a fixed, ordered list of
//! contributors ([`CONTRIBUTORS`]); each adds the files of its feature to the [`Bundle`], which
//! refuses a path written twice. Every contributor is a pure function of the plan and the
//! options: no clock, no randomness, sorted output.

use crate::{Bundle, Plan};

mod answers_yaml;
mod cache_yaml;
mod doctrine_yaml;
mod env_lambda;
mod framework_yaml;
mod mailer_yaml;
mod monolog_yaml;
pub mod patches;
mod readme;
mod serverless_yml;
mod share_link;

/// Options that are not part of the answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The configurator's own URL (`https://host/path/`), used to write the full share link into
    /// `SHARE-LINK.txt`. `None` writes the fragment with instructions.
    pub site_url: Option<String>,
}

/// A contributor adds the files of one concern to the bundle.
pub type Contributor = fn(&Plan, &Options, &mut Bundle);

/// The contributors, in order. To add one, insert a line; a contributor that needs no options
/// can be wrapped in a closure: `|plan, _, bundle| patches::contribute(plan, bundle)`. The README
/// lists the files added before it, so project files (and patches) go above it.
pub const CONTRIBUTORS: &[(&str, Contributor)] = &[
    ("serverless.yml", serverless_yml::contribute),
    (".env.lambda", env_lambda::contribute),
    ("cache.yaml", cache_yaml::contribute),
    ("monolog.yaml", monolog_yaml::contribute),
    ("framework.yaml", framework_yaml::contribute),
    ("doctrine.yaml", doctrine_yaml::contribute),
    ("mailer.yaml", mailer_yaml::contribute),
    ("patches", |plan, _, bundle| {
        patches::contribute(plan, bundle)
    }),
    ("README.md", readme::contribute),
    ("symfony-lambda.yaml", answers_yaml::contribute),
    ("SHARE-LINK.txt", share_link::contribute),
];

/// Every file for `plan`.
pub fn generate(plan: &Plan, options: &Options) -> Bundle {
    let mut bundle = Bundle::new();
    for (_, contribute) in CONTRIBUTORS {
        contribute(plan, options, &mut bundle);
    }
    bundle
}

/// The directory of the environment's configuration: `config/packages/lambda` or
/// `config/packages/prod`.
pub(crate) fn packages_dir(plan: &Plan) -> String {
    format!("config/packages/{}", plan.env)
}

/// The stage as a Serverless variable, for use inside strings.
pub(crate) const STAGE: &str = "${sls:stage}";

/// The per-stage domain as a Serverless variable (from the `params` block of serverless.yml).
pub(crate) const DOMAIN: &str = "${param:domain}";

/// Appends `format!`-style text to a `String`; writing to a `String` cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($dst, $($arg)*);
    }};
}
pub(crate) use w;
