//! The share-link codec: [`Answers`] ⇄ the URL fragment that reopens them.
//!
//! This is a **public format**. People paste these links into tickets and chat, so a link written
//! today must still open in every later version of the configurator. The rules that keep it so:
//!
//! - Every fragment starts with its format version. Version 1 has two forms with the same content:
//!   - plain: `1.` then `key=value` pairs joined by `&`, e.g. `1.rg=us-east-1&pv=8.3`;
//!   - compressed: `z1.` then the plain pairs, raw-deflated and base64url-encoded without padding.
//!     [`encode`] picks it only when it is shorter than the plain form.
//! - Keys are the short `key` of each field in [`fields::FIELDS`]. A key is never reused for another
//!   field; a renamed key gets an entry in [`KEY_ALIASES`], a renamed option value one in
//!   [`VALUE_ALIASES`], so old links keep their meaning.
//! - Only values that differ from [`Answers::default()`] are written: the default answers are the
//!   empty fragment, i.e. the bare page URL.
//! - Values are percent-encoded except for characters that are safe in a fragment and that chat
//!   apps and mail clients do not cut off (see `is_safe`).
//!
//! [`decode`] never fails: whatever it cannot read (an unknown version, corrupt data, an unknown
//! key, a value that is no longer offered) is left at its default and explained in a [`LinkNote`].
//! Secrets never enter a link because the answers contain none (ARNs and parameter names only).

use std::fmt;

use crate::answers::Answers;
use crate::catalogue;
use crate::fields::{self, Field, Kind};

/// The format version written by [`encode`].
pub const VERSION: u32 = 1;

/// Decompressed link data is cut off after this many bytes, so that a crafted link cannot make the
/// page allocate gigabytes (a "decompression bomb"). Real links are a few hundred bytes.
pub const MAX_DECODED_BYTES: usize = 64 * 1024;

/// Old link keys that were renamed: `(old key, dotted path of the field)`. Keys of
/// [`fields::FIELDS`] must never appear here, and an entry is never removed.
pub const KEY_ALIASES: &[(&str, &str)] = &[];

/// Old option values that were renamed: `(dotted path, old value, current value)`. An entry is
/// never removed.
pub const VALUE_ALIASES: &[(&str, &str, &str)] = &[];

const PLAIN_PREFIX: &str = "1.";
const COMPRESSED_PREFIX: &str = "z1.";

/// One thing a link contained that could not be applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkNote {
    /// The dotted path of the field concerned, when the note is about one field.
    pub field: Option<&'static str>,
    /// What could not be read and what was used instead.
    pub message: String,
}

impl LinkNote {
    fn general(message: impl Into<String>) -> Self {
        Self {
            field: None,
            message: message.into(),
        }
    }

    fn field(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: Some(field),
            message: message.into(),
        }
    }
}

impl fmt::Display for LinkNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The answers a link opens, and everything in it that could not be applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub answers: Answers,
    /// Empty when every part of the link was applied.
    pub notes: Vec<LinkNote>,
}

/// Which of the two version-1 forms to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `1.key=value&…`: readable, used by [`encode`] unless the compressed form is shorter.
    Plain,
    /// `z1.` + base64url(raw deflate(plain pairs)).
    Compressed,
}

/// The URL fragment (without `#`) that reopens `answers`: empty for the default answers,
/// otherwise the shorter of the two forms.
pub fn encode(answers: &Answers) -> String {
    let plain = encode_as(answers, Form::Plain);
    if plain.is_empty() {
        return plain;
    }
    let compressed = encode_as(answers, Form::Compressed);
    if compressed.len() < plain.len() {
        compressed
    } else {
        plain
    }
}

/// The fragment of `answers` in the given form (empty for the default answers). [`encode`] is
/// what the app uses; this exists so both forms can be tested and produced on purpose.
pub fn encode_as(answers: &Answers, form: Form) -> String {
    let pairs = pairs(answers);
    if pairs.is_empty() {
        return String::new();
    }
    match form {
        Form::Plain => {
            let mut out = format!("{PLAIN_PREFIX}{pairs}");
            protect_last_char(&mut out);
            out
        }
        Form::Compressed => {
            format!(
                "{COMPRESSED_PREFIX}{}",
                base64url_encode(&deflate(pairs.as_bytes()))
            )
        }
    }
}

/// The full link: `site_url` (anything after a `#` in it is dropped) with the fragment of
/// `answers`, or the bare `site_url` for the default answers.
pub fn link(site_url: &str, answers: &Answers) -> String {
    let base = site_url.split('#').next().unwrap_or_default();
    let fragment = encode(answers);
    if fragment.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{fragment}")
    }
}

/// The answers of a link, starting from the defaults. Accepts the fragment with or without its
/// `#`, or a whole URL. Never fails: see [`decode_onto`].
pub fn decode(fragment: &str) -> Decoded {
    decode_onto(&Answers::default(), fragment)
}

/// The answers of `base` with the link's values applied on top (the command line layers a link
/// over an answers file this way). Every readable value is applied; everything else is left as in
/// `base` and explained in a note.
pub fn decode_onto(base: &Answers, input: &str) -> Decoded {
    let mut decoded = Decoded {
        answers: base.clone(),
        notes: Vec::new(),
    };
    let fragment = fragment_of(input).trim();
    if fragment.is_empty() {
        return decoded;
    }
    let (head, body) = fragment.split_once('.').unwrap_or((fragment, ""));
    match head {
        "1" => apply_pairs(body.as_bytes(), false, &mut decoded),
        "z1" => {
            let (bytes, bad_char) = base64url_decode(body);
            if let Some(c) = bad_char {
                decoded.notes.push(LinkNote::general(format!(
                    "the compressed link contains `{}`, which is not part of its alphabet; only \
                     the part before it was read",
                    c.escape_default()
                )));
            }
            let (plain, trouble) = inflate(&bytes);
            let complete = bad_char.is_none() && trouble.is_none();
            if let Some(trouble) = trouble {
                decoded.notes.push(LinkNote::general(trouble));
            }
            apply_pairs(&plain, !complete, &mut decoded);
        }
        _ => {
            let message = match version_of(head) {
                Some(v) if v > VERSION => format!(
                    "this link was made by a newer version of the configurator (link format \
                     {v}, this one reads format {VERSION}); the defaults are used instead: open \
                     the link where it was made, or update this configurator"
                ),
                _ => format!(
                    "`{}` is not a symfony-lambda link (one starts with `{PLAIN_PREFIX}` or \
                     `{COMPRESSED_PREFIX}`); the defaults are used instead",
                    shorten(fragment)
                ),
            };
            decoded.notes.push(LinkNote::general(message));
        }
    }
    decoded
}

/// The fragment part of whatever the user pasted: see [`split`].
fn fragment_of(input: &str) -> &str {
    split(input).1
}

/// Splits what the user pasted into the page address (when it is a whole URL: it starts with a
/// scheme such as `https://`) and the fragment without `#`. A URL without `#` has an empty
/// fragment, which means the defaults. A fragment's values may contain `://` themselves, so only
/// a scheme at the very start makes a URL.
pub fn split(input: &str) -> (Option<&str>, &str) {
    let input = input.trim();
    let (before, fragment) = match input.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (input, None),
    };
    if starts_with_scheme(before) {
        (Some(before), fragment.unwrap_or(""))
    } else {
        (None, fragment.unwrap_or(input))
    }
}

/// `scheme://` at the start, the scheme being a letter then letters, digits, `+`, `-` or `.`.
fn starts_with_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `12` from `12` or `z12`; `None` for anything that is not a version tag.
fn version_of(head: &str) -> Option<u32> {
    let digits = head.strip_prefix('z').unwrap_or(head);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().or(Some(u32::MAX))
}

/// At most 40 characters of `s`, for messages.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// key=value pairs

/// The `key=value&…` pairs of every non-default value, in the order of the fields.
fn pairs(answers: &Answers) -> String {
    let defaults = Answers::default();
    let mut out = String::new();
    for field in fields::FIELDS {
        let value = answers.get(field.path).unwrap_or_default();
        if Some(value) == defaults.get(field.path) {
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(field.key);
        out.push('=');
        percent_encode_into(value, &mut out);
    }
    out
}

/// Applies every pair of `body`. With `suspect_end` (the data was cut off or corrupt) the last
/// pair may be incomplete, so it is dropped with a note.
fn apply_pairs(body: &[u8], suspect_end: bool, decoded: &mut Decoded) {
    let mut parts: Vec<&[u8]> = body.split(|&b| b == b'&').collect();
    if suspect_end {
        if let Some(last) = parts.pop() {
            if !last.is_empty() {
                decoded.notes.push(LinkNote::general(format!(
                    "the last readable part, `{}`, may be cut off, so it was not applied",
                    shorten(&String::from_utf8_lossy(last))
                )));
            }
        }
    }
    let mut seen: Vec<&'static str> = Vec::new();
    for part in parts {
        if !part.is_empty() {
            apply_pair(part, &mut seen, decoded);
        }
    }
}

fn apply_pair(part: &[u8], seen: &mut Vec<&'static str>, decoded: &mut Decoded) {
    let Ok(part) = std::str::from_utf8(part) else {
        decoded.notes.push(LinkNote::general(format!(
            "the part `{}` is not readable text and was skipped",
            shorten(&String::from_utf8_lossy(part))
        )));
        return;
    };
    let Some((key, raw)) = part.split_once('=') else {
        decoded.notes.push(LinkNote::general(format!(
            "the part `{}` has no `=` and was skipped",
            shorten(part)
        )));
        return;
    };
    let Some(field) = field_by_key(key) else {
        decoded.notes.push(LinkNote::general(format!(
            "the link sets `{}`, which this version of the configurator does not know; it was \
             ignored",
            shorten(key)
        )));
        return;
    };
    let Ok(value) = String::from_utf8(percent_decode(raw)) else {
        decoded.notes.push(LinkNote::field(
            field.path,
            format!(
                "the value `{}` is not readable text; the default is kept",
                shorten(raw)
            ),
        ));
        return;
    };
    let value = VALUE_ALIASES
        .iter()
        .find(|(path, old, _)| *path == field.path && *old == value)
        .map_or(value, |(_, _, new)| (*new).to_string());
    if let Err(why) = offered(field, &value) {
        decoded.notes.push(LinkNote::field(
            field.path,
            format!(
                "`{}` was dropped: {why}; the default `{}` is kept",
                shorten(&value),
                Answers::default().get(field.path).unwrap_or_default()
            ),
        ));
        return;
    }
    if seen.contains(&field.path) {
        decoded.notes.push(LinkNote::field(
            field.path,
            format!(
                "the link sets this field more than once; the last value, `{}`, is used",
                shorten(&value)
            ),
        ));
    } else {
        seen.push(field.path);
    }
    decoded.answers.set(field.path, value);
}

fn field_by_key(key: &str) -> Option<&'static Field> {
    fields::FIELDS.iter().find(|f| f.key == key).or_else(|| {
        KEY_ALIASES
            .iter()
            .find(|(old, _)| *old == key)
            .and_then(|(_, path)| fields::field(path))
    })
}

/// Whether `value` is still offered by a choice or region field. Text and number fields take
/// any string: validation explains what is wrong with them, as it does for typed values.
fn offered(field: &Field, value: &str) -> Result<(), String> {
    match field.kind {
        Kind::Choice(options) => {
            if options.iter().any(|o| o.value == value) {
                Ok(())
            } else {
                let list: Vec<String> = options.iter().map(|o| format!("`{}`", o.value)).collect();
                Err(format!(
                    "it is not one of the values this version offers ({})",
                    list.join(", ")
                ))
            }
        }
        Kind::Region { same } => {
            if (same && value == "same") || catalogue::region_by_code(value).is_some() {
                Ok(())
            } else {
                Err("it is not one of the AWS regions this version offers".to_string())
            }
        }
        Kind::Text { .. } | Kind::Number { .. } => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// percent-encoding

/// Characters written as they are in a value: RFC 3986 unreserved characters plus a few
/// sub-delimiters that are legal in a fragment and common in the answers (`/`, `:`, `@`, `,`).
/// `&`, `=`, `%`, `+`, `#`, quotes, brackets, spaces and every non-ASCII byte are escaped.
fn is_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b':' | b'@' | b',')
}

fn percent_encode_into(value: &str, out: &mut String) {
    for &b in value.as_bytes() {
        if is_safe(b) {
            out.push(char::from(b));
        } else {
            push_escape(b, out);
        }
    }
}

fn push_escape(b: u8, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 0xf)]));
}

/// Mail clients and chat apps end an automatic link before trailing punctuation (GitHub's rule
/// drops `.`, `,`, `:`, `_` and `~` among the characters left unescaped here), so the last
/// character of a plain link is escaped when it is one of those.
fn protect_last_char(out: &mut String) {
    if let Some(last) = out.as_bytes().last().copied() {
        if matches!(last, b'.' | b',' | b':' | b'_' | b'~') {
            out.pop();
            push_escape(last, out);
        }
    }
}

/// Decodes `%XX` escapes; a `%` not followed by two hex digits is kept as it is.
fn percent_decode(raw: &str) -> Vec<u8> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&c| hex(c)),
                bytes.get(i + 2).and_then(|&c| hex(c)),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// deflate and base64url

fn deflate(data: &[u8]) -> Vec<u8> {
    // The in-memory compressor reports errors only for invalid settings, which level 9 is not.
    crate::zipfile::deflate_raw(data, 9).unwrap_or_default()
}

/// Inflates as much of `data` as can be read, up to [`MAX_DECODED_BYTES`]. The second value
/// says what went wrong, if anything.
fn inflate(data: &[u8]) -> (Vec<u8>, Option<String>) {
    use flate2::{Decompress, FlushDecompress, Status};
    let mut decoder = Decompress::new(false);
    let mut out = Vec::with_capacity(4096);
    loop {
        let (before_in, before_out) = (decoder.total_in(), decoder.total_out());
        let input = usize::try_from(before_in)
            .ok()
            .and_then(|n| data.get(n..))
            .unwrap_or_default();
        if out.capacity() - out.len() < 4096 {
            out.reserve(4096);
        }
        let status = decoder.decompress_vec(input, &mut out, FlushDecompress::None);
        if out.len() > MAX_DECODED_BYTES {
            out.truncate(MAX_DECODED_BYTES);
            let kib = MAX_DECODED_BYTES / 1024;
            return (
                out,
                Some(format!(
                    "the compressed link unpacks to more than {kib} KiB, far more than \
                     any configuration needs; only the first {kib} KiB were read"
                )),
            );
        }
        match status {
            Ok(Status::StreamEnd) => return (out, None),
            // Progress: go on. No progress with input left or the stream unfinished: damaged.
            Ok(_) if decoder.total_in() != before_in || decoder.total_out() != before_out => {}
            _ => {
                return (
                    out,
                    Some(
                        "the compressed link is damaged or cut off (was it copied completely?); \
                         only the part before the damage was read"
                            .to_string(),
                    ),
                )
            }
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url (RFC 4648 §5) without padding.
fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = u32::from(chunk[0]) << 16 | u32::from(b1) << 8 | u32::from(b2);
        let sextets = [n >> 18, n >> 12, n >> 6, n];
        for s in &sextets[..chunk.len() + 1] {
            out.push(char::from(B64[(s & 63) as usize]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        // The standard alphabet's two characters too, in case a tool "fixed" the link.
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64url (padding optional). Stops at the first character outside the alphabet and
/// returns it; the bytes before it are returned either way.
fn base64url_decode(text: &str) -> (Vec<u8>, Option<char>) {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.chars() {
        let Some(v) = u8::try_from(c).ok().and_then(sextet) else {
            return (out, Some(c));
        };
        acc = (acc << 6 | v) & 0xff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10, without padding.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded), (plain.as_bytes().to_vec(), None));
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8"), (vec![0xfb, 0xff], None));
        assert_eq!(base64url_decode("Zm9vYg=="), (b"foob".to_vec(), None));
        assert_eq!(base64url_decode("Zm9v!Zg"), (b"foo".to_vec(), Some('!')));
    }

    #[test]
    fn percent_encoding_escapes_separators_and_unicode() {
        let mut out = String::new();
        percent_encode_into("a&b=c%d+e #f {stage}.é", &mut out);
        assert_eq!(out, "a%26b%3Dc%25d%2Be%20%23f%20%7Bstage%7D.%C3%A9");
        assert_eq!(
            String::from_utf8(percent_decode(&out)).expect("utf-8"),
            "a&b=c%d+e #f {stage}.é"
        );
        assert_eq!(percent_decode("100%"), b"100%");
        assert_eq!(percent_decode("%zz%4"), b"%zz%4");
    }

    #[test]
    fn trailing_punctuation_is_escaped() {
        let mut s = String::from("1.st=prod.");
        protect_last_char(&mut s);
        assert_eq!(s, "1.st=prod%2E");
        let mut s = String::from("1.st=prod");
        protect_last_char(&mut s);
        assert_eq!(s, "1.st=prod");
    }

    #[test]
    fn split_tells_urls_from_fragments() {
        assert_eq!(
            split(" https://x.test/a/#1.rg=us-east-1 "),
            (Some("https://x.test/a/"), "1.rg=us-east-1")
        );
        assert_eq!(split("https://x.test/a/"), (Some("https://x.test/a/"), ""));
        assert_eq!(split("#1.rg=us-east-1"), (None, "1.rg=us-east-1"));
        assert_eq!(split("1.ps=a://b"), (None, "1.ps=a://b"));
        assert_eq!(split("1.ps=a://b#c"), (None, "c"));
    }

    #[test]
    fn inflate_stops_at_the_cap() {
        let bomb = deflate(&vec![b'a'; MAX_DECODED_BYTES * 4]);
        assert!(bomb.len() < 1024, "a bomb is small: {}", bomb.len());
        let (out, trouble) = inflate(&bomb);
        assert_eq!(out.len(), MAX_DECODED_BYTES);
        assert!(trouble.is_some());
    }
}
