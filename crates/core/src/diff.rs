//! Unified diffs in the form `git apply` reads: `diff --git` header, `---`/`+++` lines, hunks
//! with `@@ -l,s +l,s @@` ranges, and `\ No newline at end of file` where a side lacks its final
//! newline.
//!
//! The files diffed here are recipe files of a few dozen lines, so the edit script comes from a
//! plain longest-common-subsequence table (quadratic in the number of lines) rather than Myers'
//! algorithm: simpler to read, and fast enough for anything under a few thousand lines.
//!
//! The amount of context is a parameter, and may differ before and after a change. A patch meant
//! for a file the user may have edited keeps only the lines that are certain to be there: `git
//! apply` needs every context line to match, but does not need the same number on both sides.

use std::fmt::Write as _;

/// How many unchanged lines a hunk shows before and after each change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    pub before: usize,
    pub after: usize,
}

impl Context {
    /// Three lines on each side, what `git diff` writes.
    pub const GIT: Context = Context {
        before: 3,
        after: 3,
    };
}

impl Default for Context {
    fn default() -> Self {
        Context::GIT
    }
}

/// One step of the edit script, with indexes into the old and new line lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Equal(usize, usize),
    Delete(usize),
    Insert(usize),
}

impl Op {
    fn is_change(self) -> bool {
        !matches!(self, Op::Equal(..))
    }
}

/// Splits text into lines that keep their `\n`, so a last line without one differs from the same
/// line with one (and the diff shows the missing newline).
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The shortest edit script from `old` to `new`, deletions before insertions within a change.
fn edit_script(old: &[&str], new: &[&str]) -> Vec<Op> {
    // Lines shared at both ends need no table; this keeps the table small for typical patches.
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );

    // lcs[i * width + j] = length of the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }

    let mut ops: Vec<Op> = (0..prefix).map(|k| Op::Equal(k, k)).collect();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push(Op::Equal(prefix + i, prefix + j));
            i += 1;
            j += 1;
        } else if i < a.len()
            && (j == b.len() || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
        {
            ops.push(Op::Delete(prefix + i));
            i += 1;
        } else {
            ops.push(Op::Insert(prefix + j));
            j += 1;
        }
    }
    let (old_tail, new_tail) = (old.len() - suffix, new.len() - suffix);
    ops.extend((0..suffix).map(|k| Op::Equal(old_tail + k, new_tail + k)));
    ops
}

/// The 1-based numbers of the lines of `new` that the edit script from `old` inserts: the lines an
/// edit added or changed (the preview marks them).
pub fn inserted_lines(old: &str, new: &str) -> Vec<usize> {
    edit_script(&lines(old), &lines(new))
        .into_iter()
        .filter_map(|op| match op {
            Op::Insert(j) => Some(j + 1),
            _ => None,
        })
        .collect()
}

/// Ranges of `ops` (start, end exclusive) that form hunks: each change with its context, hunks
/// merged when the unchanged lines between two changes are no more than `before + after`.
fn hunk_ranges(ops: &[Op], context: Context) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < ops.len() {
        if !ops[k].is_change() {
            k += 1;
            continue;
        }
        let first = k;
        while k < ops.len() && ops[k].is_change() {
            k += 1;
        }
        let start = first.saturating_sub(context.before);
        let end = (k + context.after).min(ops.len());
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

/// `l,s` of a hunk range, as `git diff` writes it: the count is left out when it is 1, and an
/// empty range names the line before it.
fn range(first_line: usize, count: usize) -> String {
    match count {
        0 => format!("{},0", first_line.saturating_sub(1)),
        1 => first_line.to_string(),
        _ => format!("{first_line},{count}"),
    }
}

fn push_line(out: &mut String, marker: char, line: &str) {
    out.push(marker);
    match line.strip_suffix('\n') {
        Some(body) => {
            out.push_str(body);
            out.push('\n');
        }
        None => {
            out.push_str(line);
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

/// Number of old lines consumed by `ops`.
fn old_lines(ops: &[Op]) -> usize {
    ops.iter().filter(|op| !matches!(op, Op::Insert(_))).count()
}

/// Number of new lines produced by `ops`.
fn new_lines(ops: &[Op]) -> usize {
    ops.iter().filter(|op| !matches!(op, Op::Delete(_))).count()
}

/// The unified diff of `old` → `new` for the file at `path` (relative to the project root, `/`
/// separated), with three lines of context. `None` when the texts are equal.
pub fn unified(path: &str, old: &str, new: &str) -> Option<String> {
    unified_with(path, old, new, Context::GIT)
}

/// [`unified`] with a chosen amount of context.
pub fn unified_with(path: &str, old: &str, new: &str, context: Context) -> Option<String> {
    if old == new {
        return None;
    }
    let (a, b) = (lines(old), lines(new));
    let ops = edit_script(&a, &b);

    let mut out = String::new();
    // `fmt::Write` for `String` never fails.
    let _ = write!(
        out,
        "diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
    );
    for (start, end) in hunk_ranges(&ops, context) {
        let hunk = &ops[start..end];
        // A hunk's first line on each side is the line after everything before the hunk; for an
        // empty side `range` turns it into the line the hunk follows.
        let old_first = old_lines(&ops[..start]) + 1;
        let new_first = new_lines(&ops[..start]) + 1;
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            range(old_first, old_lines(hunk)),
            range(new_first, new_lines(hunk))
        );
        for op in hunk {
            match *op {
                Op::Equal(i, _) => push_line(&mut out, ' ', a[i]),
                Op::Delete(i) => push_line(&mut out, '-', a[i]),
                Op::Insert(j) => push_line(&mut out, '+', b[j]),
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(n: usize) -> String {
        (1..=n).map(|k| format!("line {k}\n")).collect()
    }

    #[test]
    fn equal_texts_give_no_patch() {
        assert_eq!(unified("a", "x\n", "x\n"), None);
    }

    #[test]
    fn one_changed_line_with_three_lines_of_context() {
        let old = numbered(10);
        let new = old.replace("line 5\n", "line five\n");
        let patch = unified("src/a.txt", &old, &new).expect("texts differ");
        assert_eq!(
            patch,
            "diff --git a/src/a.txt b/src/a.txt\n\
             --- a/src/a.txt\n\
             +++ b/src/a.txt\n\
             @@ -2,7 +2,7 @@\n \
             line 2\n \
             line 3\n \
             line 4\n\
             -line 5\n\
             +line five\n \
             line 6\n \
             line 7\n \
             line 8\n"
        );
    }

    #[test]
    fn changes_far_apart_make_two_hunks_and_close_ones_merge() {
        let old = numbered(20);
        let far = old
            .replace("line 2\n", "two\n")
            .replace("line 18\n", "eighteen\n");
        let patch = unified("f", &old, &far).expect("texts differ");
        assert_eq!(patch.matches("\n@@ ").count(), 2, "{patch}");
        assert!(patch.contains("\n@@ -1,5 +1,5 @@\n"), "{patch}");
        assert!(patch.contains("\n@@ -15,6 +15,6 @@\n"), "{patch}");

        // 6 unchanged lines between the changes = 3 after + 3 before: one hunk.
        let close = old
            .replace("line 5\n", "five\n")
            .replace("line 12\n", "twelve\n");
        let patch = unified("f", &old, &close).expect("texts differ");
        assert_eq!(patch.matches("\n@@ ").count(), 1, "{patch}");
        assert!(patch.contains("\n@@ -2,14 +2,14 @@\n"), "{patch}");
    }

    #[test]
    fn insertion_at_the_start_and_deletion_at_the_end() {
        let patch = unified("f", "b\nc\n", "a\nb\n").expect("texts differ");
        assert!(patch.ends_with("@@ -1,2 +1,2 @@\n+a\n b\n-c\n"), "{patch}");
    }

    #[test]
    fn single_line_ranges_leave_out_the_count() {
        let patch = unified("f", "a\n", "b\n").expect("texts differ");
        assert!(patch.ends_with("@@ -1 +1 @@\n-a\n+b\n"), "{patch}");
    }

    #[test]
    fn pure_insertion_without_context_names_the_line_before() {
        let context = Context {
            before: 0,
            after: 0,
        };
        let patch = unified_with("f", "a\nb\n", "a\nx\nb\n", context).expect("texts differ");
        assert!(patch.ends_with("@@ -1,0 +2 @@\n+x\n"), "{patch}");
    }

    #[test]
    fn asymmetric_context() {
        let context = Context {
            before: 0,
            after: 1,
        };
        let old = "<?php\n\nreturn [\n    A::class => ['all' => true],\n];\n";
        let new = old.replace("];", "    B::class => ['all' => true],\n];");
        let patch = unified_with("config/bundles.php", old, &new, context).expect("texts differ");
        assert!(
            patch.ends_with("@@ -5 +5,2 @@\n+    B::class => ['all' => true],\n ];\n"),
            "{patch}"
        );
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let patch = unified("f", "a\nb", "a\nb\n").expect("texts differ");
        assert!(
            patch.ends_with("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"),
            "{patch}"
        );
        let patch = unified("f", "a\n", "a\nb").expect("texts differ");
        assert!(
            patch.ends_with("@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n"),
            "{patch}"
        );
    }

    #[test]
    fn counts_match_the_lines_of_every_hunk() {
        let old = numbered(40);
        let new = old
            .replace("line 1\n", "")
            .replace("line 9\n", "nine\nnine and a half\n")
            .replace("line 30\n", "")
            + "line 41\n";
        let patch = unified("f", &old, &new).expect("texts differ");
        let hunks: Vec<&str> = patch.split("\n@@ ").skip(1).collect();
        assert_eq!(hunks.len(), 4, "{patch}");
        for hunk in hunks {
            let (header, body) = hunk.split_once(" @@\n").expect("hunk header");
            let count = |range: &str| -> usize {
                range
                    .split_once(',')
                    .map_or(1, |(_, n)| n.parse().expect("count"))
            };
            let (minus, plus) = header.split_once(' ').expect("two ranges");
            let lines: Vec<&str> = body.lines().collect();
            let old = lines.iter().filter(|l| !l.starts_with('+')).count();
            let new = lines.iter().filter(|l| !l.starts_with('-')).count();
            assert_eq!(count(minus), old, "{hunk}");
            assert_eq!(count(plus), new, "{hunk}");
        }
    }
}
