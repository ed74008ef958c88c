//! Quoting helpers, one per output format. Every user string that lands in a generated file goes
//! through one of these, so that no input (quotes, colons, newlines, `#`, unicode) can change the
//! structure of the file around it.
//!
//! - [`yaml`]: a YAML scalar (plain when unmistakably a string, else single- or double-quoted).
//! - [`env`]: a value in a `.env` file as Symfony's Dotenv component reads it.
//! - [`php`]: a PHP single-quoted string literal.
//! - [`sh`]: a word for a POSIX shell command line (the README's commands).
//!
//! What these helpers cannot prevent is a *tool* giving meaning to characters inside a correctly
//! quoted string, such as Serverless's `${…}` variables; validation rejects those characters in
//! the fields that reach serverless.yml.

/// Whether `s` may be written as a plain YAML scalar and still read back as the same string by
/// YAML 1.1 and 1.2 parsers alike. Deliberately narrow: a letter or `/` first (so never a
/// number, `.inf`, `-`, `~`, an anchor or a tag), then letters, digits and `_./-` only, and not one
/// of the words YAML 1.1 reads as a boolean or null.
fn yaml_plain_ok(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || first == '/') {
        return false;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-'))
    {
        return false;
    }
    const RETYPED: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
    !RETYPED.contains(&s.to_ascii_lowercase().as_str())
}

/// Whether `c` may appear unescaped inside a quoted YAML scalar: the YAML printable set minus
/// every character a parser could take for a line break (U+0085, U+2028, U+2029) and the byte
/// order mark.
fn yaml_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// `s` as a YAML scalar that every YAML parser reads back as exactly the string `s`.
///
/// Plain when that is unambiguous (`eu-west-1`, `public/index.php`), single-quoted when every
/// character is printable (`'*'`, `'it''s'`), double-quoted with escapes otherwise
/// (`"line\nbreak"`). The result fits on one line, so it may be used as a value or a key.
pub fn yaml(s: &str) -> String {
    if yaml_plain_ok(s) {
        return s.to_string();
    }
    if s.chars().all(yaml_printable) {
        return format!("'{}'", s.replace('\'', "''"));
    }
    yaml_double_quoted(s)
}

/// `s` as a double-quoted YAML scalar on one line: backslash, double quote and every character
/// outside the printable set (controls, NEL, U+2028, U+2029, the byte order mark) escaped, so every
/// YAML parser reads back exactly `s`.
pub fn yaml_double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if yaml_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02X}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// `s` as a value in a `.env` file read by Symfony's Dotenv component.
///
/// Single quotes, inside which Dotenv takes every character literally, newlines included. A `'`
/// closes the quotes, is written as `\'` (Dotenv unescapes a backslash-quote outside quotes) and
/// the quotes reopen: `it's` → `'it'\''s'`. Dotenv turns every carriage return in the file into a
/// newline before parsing, so a `\r` is written as `"\r"`, the one double-quoted escape that
/// yields it.
pub fn env(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("'\\''"),
            '\r' => out.push_str("'\"\\r\"'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `s` as a PHP single-quoted string literal: `\` and `'` are the only characters PHP unescapes
/// there, so both are backslash-escaped and everything else is literal.
pub fn php(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if matches!(c, '\\' | '\'') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// `s` as one word of a POSIX shell command: bare when it has only characters no shell treats
/// specially, else single-quoted with each `'` written as `'\''`.
pub fn sh(s: &str) -> String {
    let bare = !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '@' | '%' | '+' | '=' | ':' | ',' | '.' | '/' | '_' | '-')
        })
        && !s.starts_with('=');
    if bare {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `s` quoted once as a value and once as a key, each in a document of its own (so that `s`
    /// can never collide with the other key); returns the value read back.
    fn yaml_roundtrip(s: &str) -> String {
        let parse = |doc: &str| -> serde_yaml::Mapping {
            let v: serde_yaml::Value =
                serde_yaml::from_str(doc).unwrap_or_else(|e| panic!("{doc:?} does not parse: {e}"));
            let map = v.as_mapping().expect("a mapping").clone();
            assert_eq!(map.len(), 1, "{doc:?}");
            map
        };
        let as_key = format!("{}: v\n", yaml(s));
        let key_back = parse(&as_key)
            .iter()
            .next()
            .and_then(|(k, _)| k.as_str().map(String::from))
            .unwrap_or_else(|| panic!("the key of {as_key:?} is not a string"));
        assert_eq!(key_back, s, "{as_key:?}");
        let as_value = format!("k: {}\n", yaml(s));
        parse(&as_value)
            .get("k")
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("the value of {as_value:?} is not a string"))
            .to_string()
    }

    #[test]
    fn yaml_plain_only_when_safe() {
        assert_eq!(yaml("eu-west-1"), "eu-west-1");
        assert_eq!(yaml("public/index.php"), "public/index.php");
        assert_eq!(yaml("*"), "'*'");
        assert_eq!(yaml("it's"), "'it''s'");
        assert_eq!(yaml("a\nb"), "\"a\\nb\"");
        for retyped in [
            "yes",
            "No",
            "ON",
            "off",
            "y",
            "n",
            "~",
            "null",
            "Null",
            "true",
            "1",
            "0x1F",
            "1e3",
            ".inf",
            "-.inf",
            ".NaN",
            "0o17",
            "1:20",
            "12_000",
            "2001-12-14",
            "",
        ] {
            assert!(
                yaml(retyped).starts_with('\''),
                "{retyped} → {}",
                yaml(retyped)
            );
            assert_eq!(yaml_roundtrip(retyped), retyped);
        }
    }

    #[test]
    fn yaml_tricky_inputs_round_trip() {
        for s in [
            "a: b",
            "#x",
            "a #b",
            "- x",
            "-x",
            "* x",
            "&a",
            "!tag",
            "%x",
            "@x",
            "`x",
            "{a}",
            "[a]",
            "a,b",
            "?x",
            "|",
            ">",
            "'",
            "\"",
            "\\",
            " lead",
            "trail ",
            "\t",
            "\r\n",
            "\u{85}",
            "\u{2028}",
            "\u{FEFF}x",
            "é日本🎉",
            "\u{7F}",
            "\u{0}",
            "${opt:stage, env:USER}",
            "'\n'",
            "a\\nb",
        ] {
            assert_eq!(yaml_roundtrip(s), s);
        }
    }

    /// Symfony Dotenv's value lexer for the forms [`env`] produces: single-quoted parts,
    /// unquoted parts with backslash-escaped quotes, double-quoted parts with `\r`/`\n`/`\"`
    /// escapes. Returns `None` where Dotenv throws.
    pub(crate) fn dotenv_value(raw: &str) -> Option<String> {
        let data = raw.replace("\r\n", "\n").replace('\r', "\n");
        let b: Vec<char> = data.chars().collect();
        let mut i = 0;
        let mut v = String::new();
        while i < b.len() && b[i] != '\n' {
            match b[i] {
                '\'' => {
                    let end = b[i + 1..].iter().position(|&c| c == '\'')? + i + 1;
                    v.extend(&b[i + 1..end]);
                    i = end + 1;
                }
                '"' => {
                    let mut j = i + 1;
                    let mut part = String::new();
                    loop {
                        let c = *b.get(j)?;
                        if c == '"' && !(b[j - 1] == '\\' && j >= 2 && b[j - 2] != '\\') {
                            break;
                        }
                        part.push(c);
                        j += 1;
                    }
                    i = j + 1;
                    if part.contains('$') {
                        return None; // variables and commands: never produced by `env`
                    }
                    let part = part
                        .replace("\\\"", "\"")
                        .replace("\\r", "\r")
                        .replace("\\n", "\n")
                        .replace("\\\\", "\\");
                    v.push_str(&part);
                }
                _ => {
                    let mut part = String::new();
                    while i < b.len() && !matches!(b[i], '\n' | '"' | '\'') {
                        if b[i] == '\\' && matches!(b.get(i + 1), Some('"' | '\'')) {
                            i += 1;
                        }
                        if b[i] == '$' || b[i] == '#' {
                            return None;
                        }
                        part.push(b[i]);
                        i += 1;
                    }
                    let trimmed = part.trim_end();
                    if trimmed.contains(char::is_whitespace) {
                        return None;
                    }
                    v.push_str(trimmed);
                }
            }
        }
        Some(v)
    }

    /// PHP's reading of a single-quoted literal that spans the whole input.
    fn php_single_quoted(lit: &str) -> Option<String> {
        let inner = lit.strip_prefix('\'')?.strip_suffix('\'')?;
        let mut out = String::new();
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if matches!(chars.peek(), Some('\\' | '\'')) => {
                    out.push(chars.next()?);
                }
                '\'' => return None, // an unescaped quote would end the literal early
                c => out.push(c),
            }
        }
        Some(out)
    }

    #[test]
    fn env_examples() {
        assert_eq!(env("abc"), "'abc'");
        assert_eq!(env("it's"), "'it'\\''s'");
        assert_eq!(dotenv_value(&env("it's")).as_deref(), Some("it's"));
        assert_eq!(dotenv_value(&env("a\r\nb")).as_deref(), Some("a\r\nb"));
        assert_eq!(dotenv_value(&env("")).as_deref(), Some(""));
        assert_eq!(dotenv_value(&env("'")).as_deref(), Some("'"));
        assert_eq!(dotenv_value(&env("$HOME #x")).as_deref(), Some("$HOME #x"));
    }

    #[test]
    fn php_and_sh_examples() {
        assert_eq!(php("lambda"), "'lambda'");
        assert_eq!(php("a'b\\c"), "'a\\'b\\\\c'");
        assert_eq!(sh("eu-west-1"), "eu-west-1");
        assert_eq!(sh("it's me"), "'it'\\''s me'");
        assert_eq!(sh(""), "''");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_string_round_trips_through_yaml(s in any::<String>()) {
            prop_assert_eq!(yaml_roundtrip(&s), s);
        }

        #[test]
        fn yaml_specials_round_trip(s in "[-?:,\\[\\]{}#&*!|>'\"%@` a-z0-9.~\n\r\t\\\\]{0,12}") {
            prop_assert_eq!(yaml_roundtrip(&s), s);
        }

        #[test]
        fn any_string_round_trips_through_env(s in any::<String>()) {
            let line = env(&s);
            prop_assert!(!line.contains('\r'));
            prop_assert_eq!(dotenv_value(&line), Some(s));
        }

        #[test]
        fn env_specials_round_trip(s in "['\"\\\\$# \r\n=a]{0,12}") {
            prop_assert_eq!(dotenv_value(&env(&s)), Some(s));
        }

        #[test]
        fn any_string_round_trips_through_php(s in any::<String>()) {
            prop_assert_eq!(php_single_quoted(&php(&s)), Some(s));
        }

        #[test]
        fn php_specials_round_trip(s in "['\\\\a]{0,12}") {
            prop_assert_eq!(php_single_quoted(&php(&s)), Some(s));
        }
    }

    /// The same property against the real PHP interpreter (Debian's php-cli, which
    /// scripts/setup.sh installs).
    #[test]
    fn php_agrees() {
        use std::io::Write;
        let samples = [
            "",
            "'",
            "\\",
            "\\'",
            "a'b\\c",
            "\\\\'",
            "$x {$y} \\n",
            "é日本🎉",
            "\n\r\t",
            "'\\",
        ];
        let mut script = String::from("<?php\n$out = [];\n");
        for s in samples {
            script.push_str(&format!("$out[] = bin2hex({});\n", php(s)));
        }
        script.push_str("echo implode(\"\\n\", $out);\n");
        let mut child = std::process::Command::new("php")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("php-cli is installed (scripts/setup.sh installs it)");
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(script.as_bytes())
            .expect("php reads the script");
        let out = child.wait_with_output().expect("php runs");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("hex is ASCII");
        let hex = |s: &str| s.bytes().map(|b| format!("{b:02x}")).collect::<String>();
        let want: Vec<String> = samples.iter().map(|s| hex(s)).collect();
        assert_eq!(text.split('\n').collect::<Vec<_>>(), want);
    }
}
