//! The answers file: what `write` produces, what `read` accepts, and that the two round-trip for
//! any value.
// `read` (serde_yaml) is behind the default feature `yaml`.
#![cfg(feature = "yaml")]

use proptest::prelude::*;
use symfony_lambda_core::answers::Answers;
use symfony_lambda_core::answers_file::{quote, read, write, FileNote, ReadError};
use symfony_lambda_core::{fields, presets};

#[test]
fn written_file_has_header_groups_labels_and_every_field() {
    let text = write(&Answers::default());
    assert!(
        text.starts_with("# symfony-lambda.yaml: the answers of the symfony-lambda configurator")
    );
    assert!(text.contains("symfony-lambda generate --answers symfony-lambda.yaml --out DIR"));
    assert!(text.contains("Open this file"));
    for step in fields::STEPS {
        assert!(
            text.contains(&format!("\n# {}\n{}:\n", step.title, step.id)),
            "{}",
            step.id
        );
    }
    for f in fields::FIELDS {
        let key = f.path.split_once('.').map(|(_, k)| k).unwrap_or(f.path);
        assert!(
            text.contains(&format!("  # {}\n  {key}: \"", f.label)),
            "{}",
            f.path
        );
    }
    assert!(text.contains("  service: \"symfony-project\"\n"));
    assert!(text.contains("  web_timeout: \"28\"\n"));
    assert!(text.ends_with('\n'));
    assert_eq!(text, write(&Answers::default()), "deterministic");
}

#[test]
fn defaults_and_presets_round_trip_without_notes() {
    let mut all = vec![Answers::default()];
    all.extend(presets::PRESETS.iter().map(|p| (p.answers)()));
    for a in all {
        let (back, notes) = read(&write(&a)).expect("own output reads back");
        assert_eq!(back, a);
        assert!(notes.is_empty());
    }
}

#[test]
fn strange_strings_round_trip() {
    let mut a = Answers::default();
    let values = [
        "it's \"quoted\"",
        "key: value # not a comment",
        "line one\nline two\r\n\tindented",
        "unicode: héllo — 日本語 🚀",
        "nul\u{0}bell\u{7}del\u{7f}nel\u{85}ls\u{2028}ps\u{2029}bom\u{feff}",
        "trailing space ",
        " leading space",
        "- looks like a list",
        "{ looks: like a map }",
        "&anchor *alias !tag %directive @at `tick`",
        "~",
        "null",
        "true",
        "0x1F",
        "1e3",
        "\\back\\slash\\",
        "",
    ];
    for (path, v) in Answers::PATHS.iter().zip(values.iter().cycle()) {
        a.set(path, *v);
    }
    let (back, notes) = read(&write(&a)).expect("reads back");
    assert_eq!(back, a);
    assert!(notes.is_empty());
}

#[test]
fn quote_escapes_what_yaml_would_misread() {
    assert_eq!(quote("plain"), "\"plain\"");
    assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    assert_eq!(quote("a\nb\tc"), "\"a\\nb\\tc\"");
    assert_eq!(quote("\u{85}\u{2028}"), "\"\\x85\\u2028\"");
    assert_eq!(quote("é"), "\"é\"");
}

#[test]
fn numbers_booleans_and_nulls_are_read_as_text() {
    let text = "functions:\n  web_timeout: 20\ndatabase:\n  min_acu: 0.5\n  max_acu: 4\nenvironment:\n  debug: true\nmailer:\n  sender: ~\n";
    let (a, notes) = read(text).expect("valid");
    assert!(notes.is_empty());
    assert_eq!(a.functions.web_timeout, "20");
    assert_eq!(a.database.min_acu, "0.5");
    assert_eq!(a.database.max_acu, "4");
    assert_eq!(a.environment.debug, "true");
    assert_eq!(a.mailer.sender, "");
    assert_eq!(
        a.functions.web_memory, "1024",
        "missing fields keep defaults"
    );
}

#[test]
fn json_is_read_too() {
    let text = "{\n  \"project\": {\"service\": \"shop\", \"region\": \"us-east-1\"},\n  \"functions\": {\"web_timeout\": 10}\n}\n";
    let (a, notes) = read(text).expect("json");
    assert!(notes.is_empty());
    assert_eq!(a.project.service, "shop");
    assert_eq!(a.project.region, "us-east-1");
    assert_eq!(a.functions.web_timeout, "10");
    let tabs = "{\n\t\"project\": {\n\t\t\"service\": \"shop\"\n\t}\n}\n";
    assert_eq!(
        read(tabs)
            .expect("json indented with tabs")
            .0
            .project
            .service,
        "shop"
    );
}

#[test]
fn unknown_groups_and_keys_become_notes() {
    let text = "project:\n  service: shop\n  colour: blue\nextras:\n  a: 1\nmailer:\n";
    let (a, notes) = read(text).expect("readable");
    assert_eq!(a.project.service, "shop");
    assert_eq!(
        notes,
        vec![
            FileNote {
                path: "project.colour".into(),
                message: "unknown field `project.colour` was ignored; the fields of `project` are `service`, `stage_mode`, `stage`, `region`, `architecture`".into(),
            },
            FileNote {
                path: "extras".into(),
                message: "unknown group `extras` was ignored; the groups are `project`, `versions`, `environment`, `functions`, `caching`, `logging`, `secrets`, `assets`, `sessions`, `mailer`, `database`".into(),
            },
        ]
    );
}

#[test]
fn broken_files_are_errors_with_a_location() {
    let err = read("project:\n  service: \"unterminated\n").expect_err("syntax");
    match &err {
        ReadError::Syntax { line, column, .. } => assert_eq!((*line, *column), (3, 1)),
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("line 3, column 1: the file is not valid YAML or JSON: "),
        "{err}"
    );

    let err = read("project:\n  service: a\n  service: b\n").expect_err("duplicate key");
    assert_eq!(
        err,
        ReadError::Syntax {
            line: 2,
            column: 3,
            message: "project: duplicate entry with key \"service\"".into()
        }
    );

    assert_eq!(
        read("- a\n- b\n"),
        Err(ReadError::NotMapping { found: "a list" })
    );
    assert_eq!(
        read("just text"),
        Err(ReadError::NotMapping { found: "text" })
    );
    assert_eq!(
        read("just text").expect_err("scalar").to_string(),
        "the file holds text where the answers should be a mapping of groups (`project:`, `versions:` …); write the file with the configurator or `symfony-lambda answers`"
    );
    assert_eq!(read(""), Err(ReadError::Empty));
    assert_eq!(read("# only a comment\n"), Err(ReadError::Empty));

    let err = read("project:\n  service:\n    - a\n    - b\n").expect_err("list in a field");
    assert_eq!(
        err.to_string(),
        "line 2, column 3: `project.service` holds a list, but it must be a single value (text, a number or true/false)"
    );
    let err = read("functions: 3\n").expect_err("scalar group");
    assert_eq!(
        err.to_string(),
        "line 1, column 12: `functions` holds a number, but it must be a mapping of fields"
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ -~\n\t\r\u{85}\u{2028}é🚀]{0,30}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_answers_round_trip(values in proptest::collection::vec(any_text(), Answers::PATHS.len())) {
        let mut a = Answers::default();
        for (path, v) in Answers::PATHS.iter().zip(values) {
            a.set(path, v);
        }
        let text = write(&a);
        let (back, notes) = read(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, a);
        prop_assert!(notes.is_empty());
    }

    #[test]
    fn reading_never_panics(text in any_text()) {
        let _ = read(&text);
    }
}
