//! Which lines of which files an edit changed, for the preview's markers.

use crate::Bundle;

/// What changed between two bundles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Per changed path, the 1-based line numbers of the new text that changed.
    pub changed: Vec<(String, Vec<usize>)>,
    /// Paths that are new.
    pub added: Vec<String>,
    /// Paths that are gone.
    pub removed: Vec<String>,
}

impl Changes {
    /// The changed lines of `path`, empty when it did not change.
    pub fn lines_of(&self, path: &str) -> &[usize] {
        self.changed
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, l)| l.as_slice())
            .unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// The changes from `old` to `new`.
pub fn between(old: &Bundle, new: &Bundle) -> Changes {
    let mut changes = Changes::default();
    for (path, text) in new.iter() {
        match old.get(path) {
            None => changes.added.push(path.to_string()),
            Some(before) if before != text => changes
                .changed
                .push((path.to_string(), crate::diff::inserted_lines(before, text))),
            Some(_) => {}
        }
    }
    changes.removed = old
        .paths()
        .filter(|p| !new.contains(p))
        .map(String::from)
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_changed_and_inserted_lines() {
        assert_eq!(crate::diff::inserted_lines("a\nb\nc\n", "a\nB\nc\n"), [2]);
        assert_eq!(
            crate::diff::inserted_lines("a\nc\n", "a\nb\nc\nd\n"),
            [2, 4]
        );
        assert_eq!(
            crate::diff::inserted_lines("a\nb\n", "a\n"),
            Vec::<usize>::new()
        );
        assert_eq!(crate::diff::inserted_lines("", "x\n"), [1]);
    }

    #[test]
    fn bundle_changes() {
        let mut a = Bundle::new();
        a.add("x", "1\n2\n");
        a.add("gone", "g");
        let mut b = Bundle::new();
        b.add("x", "1\n3\n");
        b.add("y", "new");
        let c = between(&a, &b);
        assert_eq!(c.lines_of("x"), [2]);
        assert_eq!(c.added, ["y"]);
        assert_eq!(c.removed, ["gone"]);
    }
}
