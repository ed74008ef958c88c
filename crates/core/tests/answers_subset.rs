//! The browser's reader (`read_subset`) against the CLI's (`read`, serde_yaml): on every file it
//! accepts, it must give the same answers and notes; a file it calls broken must be broken for
//! serde_yaml too; everything else it may only refuse as `Unsupported`.
// `read` (serde_yaml) is behind the default feature `yaml`.
#![cfg(feature = "yaml")]

use proptest::prelude::*;
use symfony_lambda_core::answers::Answers;
use symfony_lambda_core::answers_file::{read, read_subset, write, ReadError};

/// `read_subset(text)` is consistent with `read(text)`.
fn agree(text: &str) -> Result<(), String> {
    let full = read(text);
    let subset = read_subset(text);
    match (&subset, &full) {
        (Ok(s), Ok(f)) if s == f => Ok(()),
        (Err(ReadError::Unsupported { .. }), _) => Ok(()),
        (Err(ReadError::Syntax { .. }), Err(_)) => Ok(()),
        (Err(ReadError::Empty), Err(ReadError::Empty)) => Ok(()),
        (Err(ReadError::NotMapping { found: a }), Err(ReadError::NotMapping { found: b }))
            if a == b =>
        {
            Ok(())
        }
        (
            Err(ReadError::WrongShape {
                path: p1,
                found: f1,
                ..
            }),
            Err(ReadError::WrongShape {
                path: p2,
                found: f2,
                ..
            }),
        ) if p1 == p2 && f1 == f2 => Ok(()),
        _ => Err(format!(
            "{text:?}\n  subset: {subset:?}\n  serde_yaml: {full:?}"
        )),
    }
}

#[test]
fn fixtures_read_the_same() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures directory") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture");
        let full = read(&text).expect("serde_yaml reads every fixture");
        assert_eq!(read_subset(&text), Ok(full), "{}", path.display());
        count += 1;
    }
    assert!(count >= 6, "{count} fixtures");
}

#[test]
fn hand_written_values_read_the_same() {
    let values = [
        "28",
        "-0",
        "+5",
        "0.5",
        "00.5",
        "2.50",
        "1.",
        ".5",
        "-.5",
        "1000.0",
        "012",
        "0.0001",
        "0.00001",
        "123456789012345.5",
        "8.4",
        "~",
        "null",
        "NULL",
        "",
        "true",
        "False",
        "on",
        "yes",
        "no",
        "eu-west-1",
        "{stage}.example.com",
        "123.example.com",
        "a#b",
        "a # b",
        "'it''s'",
        "\"tab\\there\"",
        "\"\\u00e9\\x41\\N\\_\\L\\P\\/\"",
        "1e3",
        "0x1F",
        ".inf",
        "-.inf",
        ".nan",
        "0o17",
        "0b101",
        "18446744073709551616",
        "-9223372036854775809",
        "1_000",
        "inf",
        "nan",
        "&a x",
        "*a",
        "!!str 5",
        "|",
        ">-",
        "[a, b]",
        "{a: 1}",
        "- a",
        "\"unterminated",
        "'x' y",
        "a: b",
        "http://x.y/z",
        "@x",
        "`x`",
        "%x",
        ",x",
        "]",
    ];
    for v in values {
        for text in [
            format!("functions:\n  web_timeout: {v}\n"),
            format!("project: {{service: {v}}}\n"),
            format!("{{\"database\": {{\"min_acu\": {v}}}}}"),
            format!("{v}:\n  a: 1\n"),
        ] {
            agree(&text).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    assert_eq!(
        read_subset("functions:\n  web_timeout: 28\ndatabase:\n  min_acu: 0.50\n")
            .expect("plain numbers")
            .0
            .database
            .min_acu,
        "0.5"
    );
}

#[test]
fn unsupported_constructs_say_so() {
    for (text, what) in [
        ("project:\n  service: &a shop\n", "an anchor (`&`)"),
        (
            "project:\n  service: |\n    shop\n",
            "a block scalar (`|` or `>`)",
        ),
        (
            "project:\n  service: shop\n    more\n",
            "a value that continues on the next line",
        ),
        (
            "functions:\n  web_timeout: 1e2\n",
            "a number in this notation",
        ),
    ] {
        match read_subset(text) {
            Err(e @ ReadError::Unsupported { what: w, .. }) => {
                assert_eq!(w, what, "{text:?}");
                let message = e.to_string();
                assert!(message.contains("not supported when a file is opened in the browser"));
                assert!(message.contains("use the command line, which reads full YAML"));
                assert!(read(text).is_ok(), "serde_yaml reads {text:?}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    assert_eq!(
        read_subset("project:\n  service: a\n  service: b\n"),
        Err(ReadError::Syntax {
            line: 3,
            column: 3,
            message: "duplicate entry with key `service`".into()
        })
    );
    assert!(matches!(
        read_subset("project:\n  service: \"unterminated\n"),
        Err(ReadError::Syntax { line: 2, .. })
    ));
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ -~\n\t\r\u{85}\u{2028}é🚀]{0,30}"]
}

/// Lines that answers files, hand-edited ones and broken ones hold.
fn yamlish() -> impl Strategy<Value = String> {
    let lines = prop::sample::select(vec![
        "project:",
        "versions:",
        "functions:",
        "extras:",
        "database:",
        "  service: shop",
        "  service: 'a''b'",
        "  region: \"us\\te\"",
        "  stage: ~",
        "  stage:",
        "  php: 8.4",
        "  min_acu: 0.50",
        "  web_timeout: 28",
        "  web_timeout: -0",
        "  debug: True",
        "  colour: blue",
        "    deep: 1",
        "  - item",
        "- item",
        "# comment",
        "",
        "   ",
        "  name: x # note",
        "  name: a: b",
        "  name: \"q\" tail",
        "---",
        "...",
        " odd: 1",
        "\tx: 1",
        "{\"project\": {\"service\": \"s\"}}",
        "[1, 2]",
        "  list: [a, {b: c}]",
        "  map: {a: 1, b: [2]}",
        "  stage: 012",
        "  stage: 1e3",
        "  'quoted key': 1",
        "  \"service\": \"json-ish\"",
        "project: {service: x, region: y}",
        "{",
        "}",
        "  ? k",
        "  name: &a v",
        "  name: *a",
        "  name: !!str v",
        "  name: |",
        "  name: >",
        "k:v",
        "  service: {stage}.example.com",
    ]);
    proptest::collection::vec(lines, 0..12).prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn written_files_read_the_same(values in proptest::collection::vec(any_text(), Answers::PATHS.len())) {
        let mut a = Answers::default();
        for (path, v) in Answers::PATHS.iter().zip(values) {
            a.set(path, v);
        }
        let text = write(&a);
        let (back, notes) = read_subset(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &a);
        prop_assert!(notes.is_empty());
        prop_assert_eq!(read(&text), Ok((back, notes)));
    }

    #[test]
    fn hand_edited_files_agree(text in yamlish()) {
        agree(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn plain_numbers_agree(v in "[-+]?[0-9]{0,17}(\\.[0-9]{0,8})?") {
        agree(&format!("database:\n  min_acu: {v}\n")).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_text_agrees(text in any_text()) {
        agree(&text).map_err(TestCaseError::fail)?;
    }
}
