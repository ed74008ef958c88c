//! The `symfony-lambda` binary as a user runs it: exit codes, messages, and the files it writes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_symfony-lambda");

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../core/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("symfony-lambda-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

// ---------------------------------------------------------------------------------------------
// help, version, arguments

#[test]
fn help_and_version() {
    let help = run(&["--help"]);
    assert_eq!(code(&help), 0);
    for word in ["generate", "check", "answers", "--force", "EXIT STATUS"] {
        assert!(stdout(&help).contains(word), "help lacks {word}");
    }
    assert_eq!(stdout(&run(&["generate", "-h"])), stdout(&help));
    let version = run(&["--version"]);
    assert_eq!(code(&version), 0);
    assert_eq!(
        stdout(&version),
        format!("symfony-lambda {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &[][..],
        &["deploy"],
        &["generate"],
        &["check", "--out", "x"],
        &["check", "--nope"],
        &["answers", "--link"],
        &["check", "--set", "no-equals-sign"],
    ] {
        let out = run(args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).starts_with("error: "),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn check_exit_codes() {
    let ok = run(&["check", "--answers", &data("minimal.yaml")]);
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
    assert!(stdout(&ok).starts_with("ok: "), "{}", stdout(&ok));

    let invalid = run(&["check", "--answers", &data("invalid.yaml")]);
    assert_eq!(code(&invalid), 1);
    let text = stdout(&invalid);
    assert!(text.contains("error: project.region: `mars-1`"), "{text}");
    assert!(
        text.contains("error: functions.web_timeout: `60`"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.starts_with("2 errors")),
        "summary line: {text}"
    );

    let missing = run(&["check", "--answers", &data("does-not-exist.yaml")]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("cannot read the answers file"));
}

#[test]
fn malformed_yaml_names_line_and_column() {
    let out = run(&["check", "--answers", &data("malformed.yaml")]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("line 3, column 20"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_answers_files_are_read() {
    let out = run(&["answers", "--answers", &data("minimal.json")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("service: \"cli-json\""));
    assert!(stdout(&out).contains("level: \"info\""));
}

#[test]
fn notes_of_files_and_links_are_warnings() {
    let out = run(&[
        "check",
        "--answers",
        &data("unknown-key.yaml"),
        "--link",
        "#1.rg=mars-1&zz=1",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning: ") && err.contains("project.colour"),
        "{err}"
    );
    assert!(
        err.contains("warning: link: project.region: `mars-1` was dropped"),
        "{err}"
    );
    assert!(err.contains("warning: link: the link sets `zz`"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// answers and the order of sources

#[test]
fn answers_prints_the_full_file_with_defaults() {
    let out = run(&["answers"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.contains("region: \"eu-west-1\""), "{text}");
    assert!(text.contains("url_parameter:"), "every field is written");
    assert_eq!(code(&run(&["answers", "--link", "#1.rg=us-east-1"])), 0);
}

#[test]
fn file_then_link_then_set() {
    // The file says us-east-1 and PHP 8.3; the link overrides the region; --set overrides the
    // link, by dotted path and by short key.
    let out = run(&[
        "answers",
        "--answers",
        &data("minimal.yaml"),
        "--link",
        "https://cfg.test/#1.rg=eu-central-1&ll=info",
        "--set",
        "logging.level=error",
        "--set",
        "ar=arm64",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "service: \"cli-test\"",
        "php: \"8.3\"",
        "region: \"eu-central-1\"",
        "level: \"error\"",
        "architecture: \"arm64\"",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn unknown_set_keys_exit_2_with_a_suggestion_or_the_list() {
    let near = run(&["answers", "--set", "region=us-east-1"]);
    assert_eq!(code(&near), 2);
    assert!(
        stderr(&near).contains("did you mean `project.region`"),
        "{}",
        stderr(&near)
    );
    let far = run(&["answers", "--set", "qqqqqqqq=1"]);
    assert_eq!(code(&far), 2);
    assert!(
        stderr(&far).contains("database.url_parameter"),
        "{}",
        stderr(&far)
    );
}

// ---------------------------------------------------------------------------------------------
// generate

#[test]
fn generate_refuses_invalid_answers_and_writes_nothing() {
    let dir = scratch("invalid");
    let zip = dir.join("out.zip");
    let out = run(&[
        "generate",
        "--answers",
        &data("invalid.yaml"),
        "--out",
        s(&zip),
    ]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("error: project.region"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("nothing was written"));
    assert!(!zip.exists());

    let files = dir.join("files");
    let out = run(&[
        "generate",
        "--answers",
        &data("invalid.yaml"),
        "--out",
        s(&files),
    ]);
    assert_eq!(code(&out), 1);
    assert!(!files.exists());
}

#[test]
fn generate_zip_from_a_fixture_is_deterministic() {
    let dir = scratch("zip");
    let (a, b) = (dir.join("a.zip"), dir.join("b.zip"));
    for target in [&a, &b] {
        let out = run(&[
            "generate",
            "--answers",
            &fixture("guide-modernised.yaml"),
            "--out",
            s(target),
        ]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let first = std::fs::read(&a).expect("zip written");
    assert!(first.starts_with(b"PK\x03\x04"), "a zip archive");
    assert_eq!(first, std::fs::read(&b).expect("zip written"));
    // Same answers, same target: left as it is.
    let again = run(&[
        "generate",
        "--answers",
        &fixture("guide-modernised.yaml"),
        "--out",
        s(&a),
    ]);
    assert_eq!(code(&again), 0);
    assert!(
        stdout(&again).starts_with("unchanged:"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn generate_zip_equals_the_engine_bytes() {
    // The CLI adds nothing of its own: the archive is the engine's zip of the engine's bundle,
    // so the web app (which calls the same functions) downloads the same bytes.
    use symfony_lambda_core::{answers_file, generate, preview, validate, zipfile};
    let text = std::fs::read_to_string(data("minimal.yaml")).expect("data file");
    let (answers, _) = answers_file::read(&text).expect("valid file");
    let plan = validate::plan(&answers).expect("valid answers");
    let options = generate::Options {
        site_url: Some("https://cfg.test/app/".into()),
    };
    let bundle = generate::generate(&plan, &options);
    let folder = preview::archive_name(&answers.project.service);
    let expected = zipfile::write(&bundle, Some(&folder)).expect("zip");

    let dir = scratch("engine");
    let zip = dir.join("x.zip");
    let out = run(&[
        "generate",
        "--answers",
        &data("minimal.yaml"),
        "--site-url",
        "https://cfg.test/app/",
        "--out",
        s(&zip),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read(&zip).expect("zip written"), expected);
}

#[test]
fn generate_directory_is_idempotent_and_refuses_to_clobber() {
    let dir = scratch("dir").join("nested/out");
    let first = run(&[
        "generate",
        "--answers",
        &data("minimal.yaml"),
        "--out",
        s(&dir),
    ]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    assert!(dir.join("serverless.yml").is_file());
    assert!(dir.join("symfony-lambda.yaml").is_file());
    let yaml = std::fs::read_to_string(dir.join("serverless.yml")).expect("written");

    let second = run(&[
        "generate",
        "--answers",
        &data("minimal.yaml"),
        "--out",
        s(&dir),
    ]);
    assert_eq!(code(&second), 0);
    assert!(
        stdout(&second).contains("wrote 0 files"),
        "{}",
        stdout(&second)
    );

    // Different answers would change files: refused, nothing touched.
    let changed = [
        "generate",
        "--answers",
        &data("minimal.yaml"),
        "--set",
        "pv=8.4",
        "--out",
        s(&dir),
    ];
    let refused = run(&changed);
    assert_eq!(code(&refused), 2);
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(
        std::fs::read_to_string(dir.join("serverless.yml")).expect("kept"),
        yaml
    );

    let mut forced = changed.to_vec();
    forced.push("--force");
    assert_eq!(code(&run(&forced)), 0);
    assert_ne!(
        std::fs::read_to_string(dir.join("serverless.yml")).expect("rewritten"),
        yaml
    );
}

#[test]
fn a_full_link_puts_its_url_into_share_link_txt() {
    let url = "https://configurator.test/symfony-lambda/#1.sv=linked&rg=us-east-1";
    let dir = scratch("link");
    let out = run(&["generate", "--link", url, "--out", s(&dir)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let share = std::fs::read_to_string(dir.join("SHARE-LINK.txt")).expect("written");
    assert!(share.contains(url), "{share}");

    // A bare fragment has no address: the file explains how to use it instead.
    let dir = scratch("fragment");
    let out = run(&["generate", "--link", "#1.sv=linked", "--out", s(&dir)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let share = std::fs::read_to_string(dir.join("SHARE-LINK.txt")).expect("written");
    assert!(share.contains("#1.sv=linked"), "{share}");
    assert!(!share.contains("https://"), "{share}");
}
