//! A bundle of generated files: path → text, sorted by path, duplicates refused.

use std::collections::BTreeMap;

/// Generated files, sorted by path. Every text ends with a newline and uses `\n` line endings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bundle {
    files: BTreeMap<String, String>,
}

impl Bundle {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file. Two contributors writing the same path is a bug in the generator, not in the
    /// user's input, so it panics with the path.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) {
        let path = path.into();
        let mut text = text.into();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let previous = self.files.insert(path.clone(), text);
        assert!(previous.is_none(), "two generators wrote {path}");
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Paths and texts, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(p, t)| (p.as_str(), t.as_str()))
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_newline_terminated() {
        let mut b = Bundle::new();
        b.add("serverless.yml", "a");
        b.add(".env.lambda", "b\n");
        assert_eq!(
            b.paths().collect::<Vec<_>>(),
            [".env.lambda", "serverless.yml"]
        );
        assert_eq!(b.get("serverless.yml"), Some("a\n"));
    }

    #[test]
    #[should_panic(expected = "two generators wrote x")]
    fn duplicates_are_refused() {
        let mut b = Bundle::new();
        b.add("x", "1");
        b.add("x", "2");
    }
}
