//! Syntax highlighting for the preview: a small hand-written tokenizer per format the generator
//! writes (YAML, PHP, unified diffs, `.env`, Markdown), plain text for the rest.
//!
//! No regex crate (it would cost more of the wasm bundle than every tokenizer here together) and no
//! allocation per token: a [`Line`] borrows its text and lists byte ranges with a class. The
//! tokenizers are line-based with a little state carried between lines (YAML block scalars, PHP
//! comments and strings, diff hunks, `.env` quoted values, Markdown code fences). They are meant to
//! colour generated files, not to validate them: on input they do not understand they fall back to
//! plain text, and whatever the input, the spans of a line cover it exactly once, in order.

use std::ops::Range;

/// What a piece of text is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Plain,
    Comment,
    /// A mapping key (YAML), a variable name (`.env`).
    Key,
    String,
    Number,
    /// `true`, `false`, `null`.
    Constant,
    /// YAML tags (`!Ref`), anchors and aliases; PHP's `<?php`.
    Tag,
    /// A PHP variable.
    Variable,
    /// A Serverless `${…}` variable, a `.env` `${VAR}` reference.
    Interpolation,
    Keyword,
    /// A PHP class or namespace name.
    Type,
    Punctuation,
    Heading,
    /// Markdown inline code and fenced code blocks.
    Code,
    /// A Markdown link's text.
    Link,
    /// A Markdown link's target.
    Url,
    Strong,
    /// `diff --git`, `--- a/…`, `+++ b/…`.
    DiffFile,
    /// `@@ -1,3 +1,4 @@`.
    DiffHunk,
    DiffAdd,
    DiffRemove,
}

impl TokenClass {
    /// The CSS class of the span, or `None` for plain text (written without a span).
    pub fn css_class(self) -> Option<&'static str> {
        Some(match self {
            TokenClass::Plain => return None,
            TokenClass::Comment => "hl-comment",
            TokenClass::Key => "hl-key",
            TokenClass::String => "hl-string",
            TokenClass::Number => "hl-number",
            TokenClass::Constant => "hl-constant",
            TokenClass::Tag => "hl-tag",
            TokenClass::Variable => "hl-variable",
            TokenClass::Interpolation => "hl-interpolation",
            TokenClass::Keyword => "hl-keyword",
            TokenClass::Type => "hl-type",
            TokenClass::Punctuation => "hl-punctuation",
            TokenClass::Heading => "hl-heading",
            TokenClass::Code => "hl-code",
            TokenClass::Link => "hl-link",
            TokenClass::Url => "hl-url",
            TokenClass::Strong => "hl-strong",
            TokenClass::DiffFile => "hl-diff-file",
            TokenClass::DiffHunk => "hl-diff-hunk",
            TokenClass::DiffAdd => "hl-diff-add",
            TokenClass::DiffRemove => "hl-diff-remove",
        })
    }
}

/// One piece of a line: a byte range of [`Line::text`] and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub class: TokenClass,
    pub range: Range<usize>,
}

/// One line of a file, without its line break, and its spans in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub spans: Vec<Span>,
}

impl<'a> Line<'a> {
    /// The pieces of the line with their classes; concatenated they give [`Line::text`].
    pub fn parts(&self) -> impl Iterator<Item = (TokenClass, &'a str)> + '_ {
        let text = self.text;
        self.spans
            .iter()
            .map(move |s| (s.class, &text[s.range.clone()]))
    }
}

/// The formats the preview can colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Yaml,
    Php,
    Diff,
    Env,
    Markdown,
    Text,
}

/// The format of a file, from its path.
pub fn language_of(path: &str) -> Language {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "yml" | "yaml" => Language::Yaml,
        "php" => Language::Php,
        "patch" | "diff" => Language::Diff,
        "md" | "markdown" => Language::Markdown,
        _ if name == ".env" || name.starts_with(".env.") || name.ends_with(".env") => Language::Env,
        _ => Language::Text,
    }
}

/// Splits `text` into lines and colours each one as the format of `path`.
///
/// Lines are split on `\n`; a final line break does not start an empty last line. Joining the
/// lines' texts with `\n` (and adding one more when `text` ends with it) gives `text` back.
pub fn highlight<'a>(path: &str, text: &'a str) -> Vec<Line<'a>> {
    highlight_as(language_of(path), text)
}

/// [`highlight`] with the format given.
pub fn highlight_as(language: Language, text: &str) -> Vec<Line<'_>> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    let mut yaml = YamlState::default();
    let mut php = PhpState::Code;
    let mut diff = DiffState::default();
    let mut env = None;
    let mut fence = None;
    body.split('\n')
        .map(|line| {
            let mut out = Out::default();
            match language {
                Language::Yaml => yaml_line(&mut yaml, line, &mut out),
                Language::Php => php_line(&mut php, line, &mut out),
                Language::Diff => diff_line(&mut diff, line, &mut out),
                Language::Env => env_line(&mut env, line, &mut out),
                Language::Markdown => markdown_line(&mut fence, line, &mut out),
                Language::Text => out.push(TokenClass::Plain, 0, line.len()),
            }
            // Whatever a tokenizer left uncovered at the end is plain text.
            let covered = out.spans.last().map_or(0, |s| s.range.end);
            out.push(TokenClass::Plain, covered, line.len());
            Line {
                text: line,
                spans: out.spans,
            }
        })
        .collect()
}

/// Collects spans, merging neighbours of the same class. Positions are always at ASCII bytes or
/// the ends of the line, so every range falls on character boundaries.
#[derive(Default)]
struct Out {
    spans: Vec<Span>,
}

impl Out {
    fn push(&mut self, class: TokenClass, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if let Some(last) = self.spans.last_mut() {
            if last.class == class && last.range.end == start {
                last.range.end = end;
                return;
            }
        }
        self.spans.push(Span {
            class,
            range: start..end,
        });
    }

    /// Where the spans end so far.
    fn end(&self) -> usize {
        self.spans.last().map_or(0, |s| s.range.end)
    }
}

/// The length of the UTF-8 character starting with byte `b` (1 for a stray continuation byte,
/// which cannot occur in a `str` at a position we step to, but keeps the arithmetic total).
fn char_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Pushes plain text from where the spans end up to `pos`.
fn fill(out: &mut Out, pos: usize) {
    let end = out.end();
    out.push(TokenClass::Plain, end, pos);
}

/// The end of a quoted string starting at `start` (on the quote): just past the closing quote, or
/// the end of the line when it is not closed. `\` escapes in double quotes; a doubled quote
/// escapes in YAML's single quotes (`doubled`).
fn quoted_end(b: &[u8], start: usize, doubled: bool) -> (usize, bool) {
    let quote = b[start];
    let mut j = start + 1;
    while j < b.len() {
        if b[j] == b'\\' && !doubled {
            j += 2;
        } else if b[j] == quote {
            if doubled && b.get(j + 1) == Some(&quote) {
                j += 2;
            } else {
                return (j + 1, true);
            }
        } else {
            j += 1;
        }
    }
    (b.len(), false)
}

/// The end of a `${…}` starting at `start` (on the `$`), counting nested braces; the end of the
/// line (or `limit`) when it is not closed.
fn interpolation_end(b: &[u8], start: usize, limit: usize) -> usize {
    let mut depth = 0usize;
    let mut j = start + 1;
    while j < limit {
        match b[j] {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
        j += 1;
    }
    limit
}

/// Pushes `start..end` as `class`, with every `${…}` inside as an interpolation.
fn with_interpolations(out: &mut Out, b: &[u8], class: TokenClass, start: usize, end: usize) {
    let mut i = start;
    let mut from = start;
    while i + 1 < end {
        if b[i] == b'$' && b[i + 1] == b'{' {
            out.push(class, from, i);
            let e = interpolation_end(b, i, end);
            out.push(TokenClass::Interpolation, i, e);
            i = e;
            from = e;
        } else {
            i += 1;
        }
    }
    out.push(class, from, end);
}

// ---------------------------------------------------------------------------------------------
// YAML

#[derive(Default)]
struct YamlState {
    /// Inside a block scalar (`|`, `>`): lines indented deeper than this are its content.
    block: Option<usize>,
}

fn yaml_line(state: &mut YamlState, line: &str, out: &mut Out) {
    let b = line.as_bytes();
    let indent = b.iter().take_while(|&&c| c == b' ').count();
    if let Some(parent) = state.block {
        if line.trim().is_empty() || indent > parent {
            out.push(TokenClass::Plain, 0, indent);
            out.push(TokenClass::String, indent, b.len());
            return;
        }
        state.block = None;
    }
    out.push(TokenClass::Plain, 0, indent);
    let mut i = indent;
    let document_marker = line.starts_with("---") || line.starts_with("...");
    if indent == 0 && document_marker && (b.len() == 3 || is_space(b[3])) {
        out.push(TokenClass::Punctuation, 0, 3);
        i = 3;
    }
    // Sequence entries: `- `, possibly nested on one line (`- - a`).
    let mut parent = indent;
    while i < b.len() && b[i] == b'-' && (i + 1 == b.len() || is_space(b[i + 1])) {
        parent = i;
        out.push(TokenClass::Punctuation, i, i + 1);
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        fill(out, i);
    }
    if i < b.len() && b[i] != b'#' {
        if let Some(colon) = yaml_key_end(b, i) {
            parent = i;
            out.push(TokenClass::Key, i, colon);
            out.push(TokenClass::Punctuation, colon, colon + 1);
            i = colon + 1;
        }
    }
    yaml_value(state, b, i, parent, out);
}

/// Where the `:` of a mapping key starting at `i` is, when the line has one.
fn yaml_key_end(b: &[u8], i: usize) -> Option<usize> {
    let colon_at = |j: usize| b.get(j) == Some(&b':') && b.get(j + 1).is_none_or(|&c| is_space(c));
    match b[i] {
        b'"' | b'\'' => {
            let (end, closed) = quoted_end(b, i, b[i] == b'\'');
            if !closed {
                return None;
            }
            let j = end + b[end..].iter().take_while(|&&c| is_space(c)).count();
            colon_at(j).then_some(j)
        }
        b'[' | b'{' | b'!' | b'&' | b'*' | b'|' | b'>' | b'%' | b'@' | b'`' => None,
        _ => {
            let mut j = i;
            while j < b.len() {
                if colon_at(j) {
                    return Some(j);
                }
                if b[j] == b'#' && j > i && is_space(b[j - 1]) {
                    return None;
                }
                j += 1;
            }
            None
        }
    }
}

fn yaml_value(state: &mut YamlState, b: &[u8], mut i: usize, parent: usize, out: &mut Out) {
    let mut depth = 0usize;
    let token_start = |i: usize| i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'[' | b'{' | b',');
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' => {
                out.push(TokenClass::Plain, i, i + 1);
                i += 1;
            }
            b'#' if token_start(i) => {
                out.push(TokenClass::Comment, i, b.len());
                return;
            }
            b'"' | b'\'' => {
                let (end, _) = quoted_end(b, i, c == b'\'');
                if depth > 0 && b.get(end) == Some(&b':') {
                    out.push(TokenClass::Key, i, end);
                } else {
                    with_interpolations(out, b, TokenClass::String, i, end);
                }
                i = end;
            }
            b'!' | b'&' | b'*' if token_start(i) => {
                let end = i + b[i..]
                    .iter()
                    .take_while(|&&c| !matches!(c, b' ' | b'\t' | b',' | b'[' | b']' | b'{' | b'}'))
                    .count();
                out.push(TokenClass::Tag, i, end);
                i = end;
            }
            b'[' | b'{' => {
                depth += 1;
                out.push(TokenClass::Punctuation, i, i + 1);
                i += 1;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                out.push(TokenClass::Punctuation, i, i + 1);
                i += 1;
            }
            b',' if depth > 0 => {
                out.push(TokenClass::Punctuation, i, i + 1);
                i += 1;
            }
            b':' if depth > 0 => {
                out.push(TokenClass::Punctuation, i, i + 1);
                i += 1;
            }
            b'|' | b'>' if token_start(i) && depth == 0 && block_header(&b[i..]) => {
                let end = i + b[i..].iter().take_while(|&&c| !is_space(c)).count();
                out.push(TokenClass::Punctuation, i, end);
                state.block = Some(parent);
                i = end;
            }
            _ => {
                let end = yaml_scalar_end(b, i, depth);
                let text = &b[i..end];
                let trimmed_len =
                    text.len() - text.iter().rev().take_while(|&&c| is_space(c)).count();
                let word = &text[..trimmed_len];
                if depth > 0 && b.get(end) == Some(&b':') {
                    out.push(TokenClass::Key, i, i + trimmed_len);
                } else if is_yaml_number(word) {
                    out.push(TokenClass::Number, i, i + trimmed_len);
                } else if matches!(
                    word,
                    b"true"
                        | b"false"
                        | b"True"
                        | b"False"
                        | b"TRUE"
                        | b"FALSE"
                        | b"null"
                        | b"Null"
                        | b"NULL"
                        | b"~"
                ) {
                    out.push(TokenClass::Constant, i, i + trimmed_len);
                } else {
                    with_interpolations(out, b, TokenClass::String, i, i + trimmed_len);
                }
                out.push(TokenClass::Plain, i + trimmed_len, end);
                // A scalar always advances: `yaml_scalar_end` consumes at least one character.
                i = end;
            }
        }
    }
}

/// Whether `rest` (starting at `|` or `>`) is a block scalar header: the indicator, optional
/// chomping and indentation indicators, then nothing but a comment.
fn block_header(rest: &[u8]) -> bool {
    let n = 1 + rest[1..]
        .iter()
        .take_while(|&&c| matches!(c, b'+' | b'-' | b'1'..=b'9'))
        .count();
    let after = &rest[n..];
    let spaces = after.iter().take_while(|&&c| is_space(c)).count();
    after.len() == spaces || (spaces > 0 && after[spaces] == b'#')
}

/// The end of a plain scalar starting at `i`: before ` #`, before `: `, before a flow indicator
/// inside flow collections, at a `${…}` only after it closes.
fn yaml_scalar_end(b: &[u8], i: usize, depth: usize) -> usize {
    let mut j = i;
    while j < b.len() {
        match b[j] {
            b'#' if j > i && is_space(b[j - 1]) => return j,
            b':' if j > i
                && (b.get(j + 1).is_none_or(|&c| is_space(c))
                    || (depth > 0 && matches!(b.get(j + 1), Some(b',' | b']' | b'}')))) =>
            {
                return j
            }
            b',' | b'[' | b']' | b'{' | b'}' if depth > 0 && j > i => return j,
            b'$' if b.get(j + 1) == Some(&b'{') => j = interpolation_end(b, j, b.len()),
            c => j += char_len(c),
        }
    }
    b.len()
}

fn is_yaml_number(w: &[u8]) -> bool {
    if w.is_empty() {
        return false;
    }
    if let Some(hex) = w.strip_prefix(b"0x").or_else(|| w.strip_prefix(b"0o")) {
        return !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit);
    }
    let digits = w.iter().any(u8::is_ascii_digit);
    let allowed = w
        .iter()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'+' | b'-' | b'e' | b'E' | b'_'));
    digits
        && allowed
        && std::str::from_utf8(w)
            .ok()
            .is_some_and(|s| is_float_literal(&s.replace('_', "")))
}

/// Whether `s` is what Rust's `f64::from_str` accepts: an optional sign, then `inf`, `infinity`
/// or `nan` in any case, or decimal digits with an optional point and exponent. Checked by hand
/// so the web app does not carry the float parser for a yes/no answer.
pub(crate) fn is_float_literal(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    if ["inf", "infinity", "nan"]
        .iter()
        .any(|w| s.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

// ---------------------------------------------------------------------------------------------
// PHP

enum PhpState {
    Code,
    BlockComment,
    /// Inside a string that continues on the next line: its quote.
    Str(u8),
    /// Inside a heredoc (`interpolates`) or nowdoc, until the line with its label.
    Heredoc {
        label: String,
        interpolates: bool,
    },
}

const PHP_KEYWORDS: &[&str] = &[
    "abstract",
    "and",
    "array",
    "as",
    "break",
    "case",
    "catch",
    "class",
    "clone",
    "const",
    "continue",
    "declare",
    "default",
    "do",
    "echo",
    "else",
    "elseif",
    "enum",
    "extends",
    "final",
    "finally",
    "fn",
    "for",
    "foreach",
    "function",
    "global",
    "if",
    "implements",
    "include",
    "include_once",
    "instanceof",
    "interface",
    "isset",
    "list",
    "match",
    "namespace",
    "new",
    "or",
    "print",
    "private",
    "protected",
    "public",
    "readonly",
    "require",
    "require_once",
    "return",
    "self",
    "static",
    "switch",
    "throw",
    "trait",
    "try",
    "unset",
    "use",
    "while",
    "xor",
    "yield",
];

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn php_line(state: &mut PhpState, line: &str, out: &mut Out) {
    let b = line.as_bytes();
    let mut i = 0;
    match state {
        PhpState::Code => {}
        PhpState::BlockComment => match line.find("*/") {
            Some(p) => {
                out.push(TokenClass::Comment, 0, p + 2);
                i = p + 2;
                *state = PhpState::Code;
            }
            None => {
                out.push(TokenClass::Comment, 0, b.len());
                return;
            }
        },
        PhpState::Str(quote) => {
            let quote = *quote;
            let (end, closed) = php_string_rest(b, 0, quote);
            php_string(out, b, 0, end, quote == b'"');
            if !closed {
                return;
            }
            i = end;
            *state = PhpState::Code;
        }
        PhpState::Heredoc {
            label,
            interpolates,
        } => {
            let trimmed = line.trim_start();
            let start = b.len() - trimmed.len();
            let closes = trimmed.starts_with(label.as_str())
                && !trimmed
                    .as_bytes()
                    .get(label.len())
                    .is_some_and(|&c| is_ident(c));
            if closes {
                out.push(TokenClass::Plain, 0, start);
                out.push(TokenClass::Keyword, start, start + label.len());
                i = start + label.len();
                *state = PhpState::Code;
            } else {
                php_string(out, b, 0, b.len(), *interpolates);
                return;
            }
        }
    }
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if line[i..].starts_with("<?php") || line[i..].starts_with("<?=") {
            let n = if line[i..].starts_with("<?php") { 5 } else { 3 };
            out.push(TokenClass::Tag, i, i + n);
            i += n;
        } else if c == b'?' && next == Some(b'>') {
            out.push(TokenClass::Tag, i, i + 2);
            i += 2;
        } else if c == b'#' && next == Some(b'[') {
            out.push(TokenClass::Punctuation, i, i + 2);
            i += 2;
        } else if c == b'#' || (c == b'/' && next == Some(b'/')) {
            out.push(TokenClass::Comment, i, b.len());
            return;
        } else if c == b'/' && next == Some(b'*') {
            match line[i + 2..].find("*/") {
                Some(p) => {
                    out.push(TokenClass::Comment, i, i + 2 + p + 2);
                    i += 2 + p + 2;
                }
                None => {
                    out.push(TokenClass::Comment, i, b.len());
                    *state = PhpState::BlockComment;
                    return;
                }
            }
        } else if c == b'\'' || c == b'"' {
            let (end, closed) = php_string_rest(b, i + 1, c);
            php_string(out, b, i, end, c == b'"');
            if !closed {
                *state = PhpState::Str(c);
                return;
            }
            i = end;
        } else if line[i..].starts_with("<<<") {
            // `<<<EOT`, `<<<"EOT"` (heredoc) or `<<<'EOT'` (nowdoc).
            let rest = &line[i + 3..];
            let quote = rest
                .as_bytes()
                .first()
                .copied()
                .filter(|&q| q == b'\'' || q == b'"');
            let name_start = usize::from(quote.is_some());
            let name_len = rest.as_bytes()[name_start..]
                .iter()
                .take_while(|&&c| is_ident(c))
                .count();
            if name_len == 0 {
                out.push(TokenClass::Plain, i, i + 3);
                i += 3;
                continue;
            }
            let label = rest[name_start..name_start + name_len].to_string();
            let mut end = i + 3 + name_start + name_len;
            if quote.is_some() && b.get(end) == quote.as_ref() {
                end += 1;
            }
            out.push(TokenClass::Keyword, i, end);
            out.push(TokenClass::Plain, end, b.len());
            *state = PhpState::Heredoc {
                label,
                interpolates: quote != Some(b'\''),
            };
            return;
        } else if c == b'$' && next.is_some_and(is_ident_start) {
            let end = i + 1 + b[i + 1..].iter().take_while(|&&c| is_ident(c)).count();
            out.push(TokenClass::Variable, i, end);
            i = end;
        } else if c.is_ascii_digit() {
            let end = i + b[i..]
                .iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
                .count();
            out.push(TokenClass::Number, i, end);
            i = end;
        } else if is_ident_start(c) || c == b'\\' {
            let end = i + b[i..]
                .iter()
                .take_while(|&&c| is_ident(c) || c == b'\\')
                .count();
            let word = &line[i..end];
            let lower = word.to_ascii_lowercase();
            let class = if matches!(lower.as_str(), "true" | "false" | "null") {
                TokenClass::Constant
            } else if PHP_KEYWORDS.contains(&lower.as_str()) {
                TokenClass::Keyword
            } else if word.contains('\\') || word.as_bytes()[0].is_ascii_uppercase() {
                TokenClass::Type
            } else {
                TokenClass::Plain
            };
            out.push(class, i, end);
            i = end;
        } else {
            let n = char_len(c);
            out.push(TokenClass::Plain, i, (i + n).min(b.len()));
            i += n;
        }
    }
}

/// The end of a PHP string whose content starts at `from`: past the closing `quote`, or the end of
/// the line (not closed).
fn php_string_rest(b: &[u8], from: usize, quote: u8) -> (usize, bool) {
    let mut j = from;
    while j < b.len() {
        if b[j] == b'\\' {
            j += 2;
        } else if b[j] == quote {
            return (j + 1, true);
        } else {
            j += 1;
        }
    }
    (b.len(), false)
}

/// Pushes a string literal; variables inside double-quoted strings and heredocs are marked.
fn php_string(out: &mut Out, b: &[u8], start: usize, end: usize, interpolates: bool) {
    if !interpolates {
        out.push(TokenClass::String, start, end);
        return;
    }
    let mut i = start;
    let mut from = start;
    while i < end {
        if b[i] == b'\\' {
            i += 2;
        } else if b[i] == b'$' && i + 1 < end && is_ident_start(b[i + 1]) {
            out.push(TokenClass::String, from, i);
            let e = (i + 1 + b[i + 1..end].iter().take_while(|&&c| is_ident(c)).count()).min(end);
            out.push(TokenClass::Variable, i, e);
            i = e;
            from = e;
        } else if b[i] == b'{' && i + 1 < end && b[i + 1] == b'$' {
            out.push(TokenClass::String, from, i);
            let e = b[i..end]
                .iter()
                .position(|&c| c == b'}')
                .map_or(end, |p| i + p + 1);
            out.push(TokenClass::Variable, i, e);
            i = e;
            from = e;
        } else {
            i += 1;
        }
    }
    out.push(TokenClass::String, from, end);
}

// ---------------------------------------------------------------------------------------------
// Unified diff

#[derive(Default)]
struct DiffState {
    /// Inside a hunk: the old and new lines still expected.
    hunk: Option<(usize, usize)>,
}

fn diff_line(state: &mut DiffState, line: &str, out: &mut Out) {
    let len = line.len();
    if let Some((old, new)) = state.hunk {
        let first = line.as_bytes().first().copied();
        let (class, old, new) = match first {
            None | Some(b' ') => (
                TokenClass::Plain,
                old.saturating_sub(1),
                new.saturating_sub(1),
            ),
            Some(b'-') if old > 0 => (TokenClass::DiffRemove, old - 1, new),
            Some(b'+') if new > 0 => (TokenClass::DiffAdd, old, new - 1),
            Some(b'\\') => (TokenClass::Comment, old, new),
            _ => {
                state.hunk = None;
                return diff_line(state, line, out);
            }
        };
        out.push(class, 0, len);
        state.hunk = (old > 0 || new > 0).then_some((old, new));
        return;
    }
    if let Some(rest) = line.strip_prefix("@@") {
        let close = rest.find("@@").map_or(len, |p| p + 4);
        out.push(TokenClass::DiffHunk, 0, close);
        out.push(TokenClass::Plain, close, len);
        // Without readable counts, a hunk runs until a line that cannot belong to one.
        state.hunk = Some(hunk_counts(&line[..close]).unwrap_or((usize::MAX, usize::MAX)));
    } else if line.starts_with("diff ") || line.starts_with("--- ") || line.starts_with("+++ ") {
        out.push(TokenClass::DiffFile, 0, len);
    } else {
        // `index …`, `new file mode …`, a commit message: metadata.
        out.push(TokenClass::Comment, 0, len);
    }
}

/// The old and new line counts of a hunk header `@@ -a,b +c,d @@`.
fn hunk_counts(header: &str) -> Option<(usize, usize)> {
    let mut parts = header.split_whitespace().skip(1);
    let count = |range: &str| -> Option<usize> {
        match range.split_once(',') {
            Some((_, n)) => n.parse().ok(),
            None => range.parse::<usize>().ok().map(|_| 1),
        }
    };
    let old = count(parts.next()?.strip_prefix('-')?)?;
    let new = count(parts.next()?.strip_prefix('+')?)?;
    Some((old, new))
}

// ---------------------------------------------------------------------------------------------
// .env

/// `quote`: inside a quoted value that continues on the next line.
fn env_line(quote: &mut Option<u8>, line: &str, out: &mut Out) {
    let b = line.as_bytes();
    let mut i = 0;
    if let Some(q) = *quote {
        let (end, closed) = php_string_rest(b, 0, q);
        env_value(out, b, 0, end, q == b'"');
        if !closed {
            return;
        }
        *quote = None;
        i = end;
        env_rest(out, b, i);
        return;
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    fill(out, i);
    if i < b.len() && b[i] == b'#' {
        out.push(TokenClass::Comment, i, b.len());
        return;
    }
    if line[i..].starts_with("export ") {
        out.push(TokenClass::Keyword, i, i + 6);
        i += 6;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        fill(out, i);
    }
    let Some(eq) = line[i..].find('=').map(|p| i + p) else {
        out.push(TokenClass::Plain, i, b.len());
        return;
    };
    out.push(TokenClass::Key, i, eq);
    out.push(TokenClass::Punctuation, eq, eq + 1);
    i = eq + 1;
    match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let (end, closed) = php_string_rest(b, i + 1, q);
            env_value(out, b, i, end, q == b'"');
            if closed {
                env_rest(out, b, end);
            } else {
                *quote = Some(q);
            }
        }
        _ => {
            let end = (i..b.len())
                .find(|&j| b[j] == b'#' && j > 0 && is_space(b[j - 1]))
                .unwrap_or(b.len());
            env_value(out, b, i, end, true);
            out.push(TokenClass::Comment, end, b.len());
        }
    }
}

/// After a closed quoted value: spaces, then maybe a comment.
fn env_rest(out: &mut Out, b: &[u8], from: usize) {
    match (from..b.len()).find(|&j| b[j] == b'#') {
        Some(j) => {
            out.push(TokenClass::Plain, from, j);
            out.push(TokenClass::Comment, j, b.len());
        }
        None => out.push(TokenClass::Plain, from, b.len()),
    }
}

/// A value, with `${VAR}` and `$VAR` references marked when the value interpolates.
fn env_value(out: &mut Out, b: &[u8], start: usize, end: usize, interpolates: bool) {
    if !interpolates {
        out.push(TokenClass::String, start, end);
        return;
    }
    let mut i = start;
    let mut from = start;
    while i < end {
        if b[i] == b'\\' {
            i += 2;
        } else if b[i] == b'$' && i + 1 < end && (b[i + 1] == b'{' || is_ident_start(b[i + 1])) {
            out.push(TokenClass::String, from, i);
            let e = if b[i + 1] == b'{' {
                interpolation_end(b, i, end)
            } else {
                (i + 1 + b[i + 1..end].iter().take_while(|&&c| is_ident(c)).count()).min(end)
            };
            out.push(TokenClass::Interpolation, i, e);
            i = e;
            from = e;
        } else {
            i += 1;
        }
    }
    out.push(TokenClass::String, from, end.max(from));
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// `fence`: inside a fenced code block, its character and length.
fn markdown_line(fence: &mut Option<(u8, usize)>, line: &str, out: &mut Out) {
    let b = line.as_bytes();
    let indent = b.iter().take_while(|&&c| c == b' ').count();
    let run = |c: u8| b[indent..].iter().take_while(|&&x| x == c).count();
    if let Some((c, n)) = *fence {
        let closes = indent < 4 && run(c) >= n && line[indent + run(c)..].trim().is_empty();
        out.push(TokenClass::Code, 0, b.len());
        if closes {
            *fence = None;
        }
        return;
    }
    if indent < 4 {
        for c in [b'`', b'~'] {
            let n = run(c);
            if n >= 3 {
                out.push(TokenClass::Code, 0, b.len());
                *fence = Some((c, n));
                return;
            }
        }
        let hashes = run(b'#');
        if (1..=6).contains(&hashes) && b.get(indent + hashes).is_none_or(|&c| is_space(c)) {
            out.push(TokenClass::Heading, 0, b.len());
            return;
        }
    }
    let mut i = indent;
    fill(out, i);
    // Block quote and list markers.
    let bullet =
        matches!(b.get(i), Some(b'-' | b'*' | b'+')) && b.get(i + 1).is_some_and(|&c| is_space(c));
    if b.get(i) == Some(&b'>') || bullet {
        out.push(TokenClass::Punctuation, i, i + 1);
        i += 1;
    } else {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0
            && matches!(b.get(i + digits), Some(b'.' | b')'))
            && b.get(i + digits + 1).is_none_or(|&c| is_space(c))
        {
            out.push(TokenClass::Punctuation, i, i + digits + 1);
            i += digits + 1;
        }
    }
    markdown_inline(out, line, i);
}

fn markdown_inline(out: &mut Out, line: &str, mut i: usize) {
    let b = line.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c == b'\\' && i + 1 < b.len() {
            let n = 1 + char_len(b[i + 1]);
            out.push(TokenClass::Plain, i, (i + n).min(b.len()));
            i += n;
        } else if c == b'`' {
            let n = b[i..].iter().take_while(|&&x| x == b'`').count();
            let ticks = &line[i..i + n];
            // The closing run must be exactly as long as the opening one.
            let mut search = i + n;
            let mut close = None;
            while let Some(p) = line[search..].find(ticks) {
                let at = search + p;
                let len = b[at..].iter().take_while(|&&x| x == b'`').count();
                if len == n {
                    close = Some(at + n);
                    break;
                }
                search = at + len;
            }
            match close {
                Some(end) => {
                    out.push(TokenClass::Code, i, end);
                    i = end;
                }
                None => {
                    out.push(TokenClass::Plain, i, i + n);
                    i += n;
                }
            }
        } else if c == b'[' {
            let link = line[i..].find("](").and_then(|p| {
                let text_end = i + p + 1;
                line[text_end..]
                    .find(')')
                    .map(|q| (text_end, text_end + q + 1))
            });
            match link {
                Some((text_end, end)) if !line[i + 1..text_end - 1].contains('[') => {
                    out.push(TokenClass::Link, i, text_end);
                    out.push(TokenClass::Url, text_end, end);
                    i = end;
                }
                _ => {
                    out.push(TokenClass::Plain, i, i + 1);
                    i += 1;
                }
            }
        } else if c == b'<'
            && (line[i..].starts_with("<http://") || line[i..].starts_with("<https://"))
        {
            let end = line[i..].find('>').map_or(b.len(), |p| i + p + 1);
            out.push(TokenClass::Url, i, end);
            i = end;
        } else if c == b'*' && b.get(i + 1) == Some(&b'*') {
            match line[i + 2..].find("**") {
                Some(p) if p > 0 => {
                    let end = i + 2 + p + 2;
                    out.push(TokenClass::Strong, i, end);
                    i = end;
                }
                _ => {
                    out.push(TokenClass::Plain, i, i + 2);
                    i += 2;
                }
            }
        } else {
            let n = char_len(c);
            out.push(TokenClass::Plain, i, (i + n).min(b.len()));
            i += n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn float_literals_are_what_f64_from_str_accepts() {
        let long = "9".repeat(400);
        let cases = [
            "",
            ".",
            "+",
            "-",
            "e",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "1.5",
            "-.5",
            "1e5",
            "1E+5",
            "1e-5",
            "1.e3",
            ".5e3",
            "e5",
            "1e",
            "1e+",
            "1.5.2",
            "1..2",
            "1e5e5",
            "inf",
            "-INF",
            "Infinity",
            "+infinity",
            "nan",
            "NaN",
            "-nan",
            "infin",
            "0x10",
            "1_000",
            " 1",
            "1 ",
            "١",
            "1ee5",
            "--1",
            "+-1",
            ".e5",
            "00.00",
            &long,
        ];
        for case in cases {
            assert_eq!(
                is_float_literal(case),
                case.parse::<f64>().is_ok(),
                "{case:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn float_literal_check_matches_the_parser(s in "[-+0-9.eEinfaty_ ]{0,8}") {
            prop_assert_eq!(is_float_literal(&s), s.parse::<f64>().is_ok());
        }
    }

    /// The text of `lines` joined back, as [`highlight`] promises.
    fn rebuild(lines: &[Line<'_>], trailing_newline: bool) -> std::string::String {
        let mut s = std::string::String::new();
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                s.push('\n');
            }
            for (_, part) in line.parts() {
                s.push_str(part);
            }
        }
        if trailing_newline {
            s.push('\n');
        }
        s
    }

    fn assert_exact<'a>(path: &str, text: &'a str) -> Vec<Line<'a>> {
        let lines = highlight(path, text);
        assert_eq!(rebuild(&lines, text.ends_with('\n')), text, "{path}");
        for line in &lines {
            let mut at = 0;
            for span in &line.spans {
                assert_eq!(span.range.start, at, "gap or overlap in {:?}", line.text);
                assert!(
                    span.range.end > span.range.start,
                    "empty span in {:?}",
                    line.text
                );
                at = span.range.end;
            }
            assert_eq!(at, line.text.len());
        }
        lines
    }

    /// The pieces of line `n` (0-based) with a class other than plain.
    fn classes<'a>(lines: &'a [Line<'a>], n: usize) -> Vec<(TokenClass, &'a str)> {
        lines[n]
            .parts()
            .filter(|(c, _)| *c != TokenClass::Plain)
            .collect()
    }

    use TokenClass::*;

    #[test]
    fn languages_from_paths() {
        assert_eq!(language_of("serverless.yml"), Language::Yaml);
        assert_eq!(
            language_of("config/packages/lambda/cache.yaml"),
            Language::Yaml
        );
        assert_eq!(language_of("patches/src/Kernel.php.patch"), Language::Diff);
        assert_eq!(language_of("x.diff"), Language::Diff);
        assert_eq!(language_of("public/index.php"), Language::Php);
        assert_eq!(language_of(".env.lambda"), Language::Env);
        assert_eq!(language_of(".env"), Language::Env);
        assert_eq!(language_of("README.md"), Language::Markdown);
        assert_eq!(language_of("SHARE-LINK.txt"), Language::Text);
        assert_eq!(language_of(".gitignore"), Language::Text);
    }

    #[test]
    fn yaml() {
        let text = "# Generated by symfony-lambda\nservice: my-app\nprovider:\n  \
                    region: eu-west-1 # Ireland\n  memorySize: 1024\n  tracing: true\n  \
                    stage: ${opt:stage, env:USER}\n  role: !GetAtt Role.Arn\n  \
                    'quoted key': \"a ${self:service} b\"\n  list: [a, 'b', { Ref: X }]\n  \
                    - Fn::Join: ['', [x]]\nscript: |\n  echo 1 # not a comment\n\n  done\n\
                    after: ~\n";
        let lines = assert_exact("serverless.yml", text);
        assert_eq!(
            classes(&lines, 0),
            [(Comment, "# Generated by symfony-lambda")]
        );
        assert_eq!(
            classes(&lines, 1),
            [(Key, "service"), (Punctuation, ":"), (String, "my-app")]
        );
        assert_eq!(
            classes(&lines, 3),
            [
                (Key, "region"),
                (Punctuation, ":"),
                (String, "eu-west-1"),
                (Comment, "# Ireland")
            ]
        );
        assert_eq!(classes(&lines, 4)[2], (Number, "1024"));
        assert_eq!(classes(&lines, 5)[2], (Constant, "true"));
        assert_eq!(
            classes(&lines, 6)[2],
            (Interpolation, "${opt:stage, env:USER}")
        );
        assert_eq!(classes(&lines, 7)[2], (Tag, "!GetAtt"));
        assert_eq!(
            classes(&lines, 8),
            [
                (Key, "'quoted key'"),
                (Punctuation, ":"),
                (String, "\"a "),
                (Interpolation, "${self:service}"),
                (String, " b\"")
            ]
        );
        assert!(classes(&lines, 9).contains(&(Key, "Ref")));
        assert!(classes(&lines, 9).contains(&(String, "'b'")));
        assert_eq!(classes(&lines, 10)[1], (Key, "Fn::Join"));
        assert_eq!(
            classes(&lines, 11),
            [(Key, "script"), (Punctuation, ":"), (Punctuation, "|")]
        );
        assert_eq!(classes(&lines, 12), [(String, "echo 1 # not a comment")]);
        assert_eq!(classes(&lines, 14), [(String, "done")]);
        assert_eq!(
            classes(&lines, 15),
            [(Key, "after"), (Punctuation, ":"), (Constant, "~")]
        );
    }

    #[test]
    fn php() {
        let text = "<?php\n\n// comment\nuse Bref\\Symfony\\BrefKernel;\n/* a\n b */ $x = 'it''s';\n\
                    return new Kernel($env, (bool) $_SERVER['APP_DEBUG'], \"v $x {$y['a']}\", 42, null);\n\
                    $s = \"multi\nline\";\n#[Attr]\n";
        let lines = assert_exact("src/Kernel.php", text);
        assert_eq!(classes(&lines, 0), [(Tag, "<?php")]);
        assert_eq!(classes(&lines, 2), [(Comment, "// comment")]);
        assert_eq!(
            classes(&lines, 3),
            [(Keyword, "use"), (Type, "Bref\\Symfony\\BrefKernel")]
        );
        assert_eq!(classes(&lines, 4), [(Comment, "/* a")]);
        assert_eq!(classes(&lines, 5)[0], (Comment, " b */"));
        assert_eq!(classes(&lines, 5)[1], (Variable, "$x"));
        let ret = classes(&lines, 6);
        assert_eq!(ret[0], (Keyword, "return"));
        assert!(ret.contains(&(Type, "Kernel")));
        assert!(ret.contains(&(String, "'APP_DEBUG'")));
        assert!(ret.contains(&(Variable, "{$y['a']}")));
        assert!(ret.contains(&(Number, "42")));
        assert!(ret.contains(&(Constant, "null")));
        assert_eq!(classes(&lines, 7)[1], (String, "\"multi"));
        assert_eq!(classes(&lines, 8)[0], (String, "line\""));
        assert_eq!(classes(&lines, 9)[0], (Punctuation, "#["));
    }

    #[test]
    fn php_heredoc() {
        let text = "$a = <<<EOT\nhello $name\n  EOT;\n$b = 1;\n";
        let lines = assert_exact("a.php", text);
        assert_eq!(classes(&lines, 0)[1], (Keyword, "<<<EOT"));
        assert_eq!(
            classes(&lines, 1),
            [(String, "hello "), (Variable, "$name")]
        );
        assert_eq!(classes(&lines, 2), [(Keyword, "EOT")]);
        assert_eq!(classes(&lines, 3)[0], (Variable, "$b"));
    }

    #[test]
    fn diff() {
        let text = "diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@ fn\n \
                    keep\n--- removed line that looks like a header\n+++ added line too\n \
                    end\n\\ No newline at end of file\n@@ -10 +10,2 @@\n-a\n+b\n+c\nnot in a hunk\n";
        let lines = assert_exact("symfony-lambda.patch", text);
        assert_eq!(classes(&lines, 0), [(DiffFile, "diff --git a/x b/x")]);
        assert_eq!(classes(&lines, 1), [(Comment, "index 1..2 100644")]);
        assert_eq!(classes(&lines, 2), [(DiffFile, "--- a/x")]);
        assert_eq!(classes(&lines, 3), [(DiffFile, "+++ b/x")]);
        assert_eq!(classes(&lines, 4), [(DiffHunk, "@@ -1,3 +1,3 @@")]);
        assert_eq!(classes(&lines, 5), []);
        assert_eq!(classes(&lines, 6)[0].0, DiffRemove);
        assert_eq!(classes(&lines, 7)[0].0, DiffAdd);
        assert_eq!(classes(&lines, 9)[0].0, Comment);
        assert_eq!(classes(&lines, 11), [(DiffRemove, "-a")]);
        assert_eq!(classes(&lines, 12), [(DiffAdd, "+b")]);
        assert_eq!(classes(&lines, 13), [(DiffAdd, "+c")]);
        assert_eq!(classes(&lines, 14), [(Comment, "not in a hunk")]);
    }

    #[test]
    fn env() {
        let text = "# comment\nAPP_ENV=lambda\nexport A=\"x ${APP_ENV} y\" # note\nB='$literal'\n\
                    C=\"multi\nline\"\nD=plain # c\nnot a pair\n";
        let lines = assert_exact(".env.lambda", text);
        assert_eq!(classes(&lines, 0), [(Comment, "# comment")]);
        assert_eq!(
            classes(&lines, 1),
            [(Key, "APP_ENV"), (Punctuation, "="), (String, "lambda")]
        );
        assert_eq!(
            classes(&lines, 2),
            [
                (Keyword, "export"),
                (Key, "A"),
                (Punctuation, "="),
                (String, "\"x "),
                (Interpolation, "${APP_ENV}"),
                (String, " y\""),
                (Comment, "# note")
            ]
        );
        assert_eq!(classes(&lines, 3)[2], (String, "'$literal'"));
        assert_eq!(classes(&lines, 5), [(String, "line\"")]);
        assert_eq!(classes(&lines, 6)[3], (Comment, "# c"));
        assert_eq!(classes(&lines, 7), []);
    }

    #[test]
    fn markdown() {
        let text = "# Deploy\n\n1. Run `composer require bref/bref` first.\n```bash\n# not a heading\n```\n\
                    - See [the docs](https://bref.sh/docs) and <https://x.y>.\n**Note** ``a ` b``\n";
        let lines = assert_exact("README.md", text);
        assert_eq!(classes(&lines, 0), [(Heading, "# Deploy")]);
        assert_eq!(
            classes(&lines, 2),
            [(Punctuation, "1."), (Code, "`composer require bref/bref`")]
        );
        assert_eq!(classes(&lines, 3), [(Code, "```bash")]);
        assert_eq!(classes(&lines, 4), [(Code, "# not a heading")]);
        assert_eq!(classes(&lines, 5), [(Code, "```")]);
        assert_eq!(
            classes(&lines, 6),
            [
                (Punctuation, "-"),
                (Link, "[the docs]"),
                (Url, "(https://bref.sh/docs)"),
                (Url, "<https://x.y>")
            ]
        );
        assert_eq!(
            classes(&lines, 7),
            [(Strong, "**Note**"), (Code, "``a ` b``")]
        );
    }

    #[test]
    fn plain_text_and_edges() {
        let lines = assert_exact("SHARE-LINK.txt", "https://x/#v1\n");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].spans.len(), 1);
        assert!(highlight("a.yml", "").is_empty());
        // No final line break, and `\r\n` line endings, are kept exactly.
        assert_exact("a.yml", "a: 1\r\nb: 2");
        assert_eq!(assert_exact("a.txt", "\n\n").len(), 2);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_reproduces_the_text(
            text in "(?s).{0,300}",
            ext in prop::sample::select(vec!["yml", "php", "patch", "md", "txt", "env"]),
        ) {
            let path = if ext == "env" { ".env".to_string() } else { format!("f.{ext}") };
            let lines = highlight(&path, &text);
            prop_assert_eq!(rebuild(&lines, text.ends_with('\n')), text);
        }

        /// Text made of the characters the tokenizers react to, which random unicode rarely hits.
        #[test]
        fn syntax_soup(
            text in "[-a-z0-9 \t\n:#'\"`\\\\$\\{\\}\\[\\]!&*|>+@,.=<?/()é€𝄞]{0,200}",
            ext in prop::sample::select(vec!["yml", "php", "patch", "md", "txt", "env"]),
        ) {
            let path = if ext == "env" { ".env".to_string() } else { format!("f.{ext}") };
            let lines = highlight(&path, &text);
            prop_assert_eq!(rebuild(&lines, text.ends_with('\n')), text);
        }
    }
}
