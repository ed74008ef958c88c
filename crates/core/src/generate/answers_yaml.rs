//! `symfony-lambda.yaml`: the answers, which the web app and the command line read back.

use super::Options;
use crate::{answers_file, Bundle, Plan};

pub(super) fn contribute(plan: &Plan, _options: &Options, bundle: &mut Bundle) {
    bundle.add("symfony-lambda.yaml", answers_file::write(&plan.answers));
}
