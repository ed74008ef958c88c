//! The share-link codec (being written).

use crate::Answers;

/// The URL fragment (without `#`) for `answers`.
pub fn encode(_answers: &Answers) -> String {
    String::new()
}
