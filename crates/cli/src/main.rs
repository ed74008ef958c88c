//! `symfony-lambda`: the configurator's engine from a terminal (spec §6).
//!
//! The answers are layered defaults ← answers file ← link ← `--set`, then validated; `generate`
//! writes the bundle as files or as the same zip the web app downloads. Exit status: 0 success,
//! 1 validation errors, 2 unusable input (see `help.txt`).

mod args;

use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use args::{Args, Command, Parsed};
use symfony_lambda_core::generate::{self, Options};
use symfony_lambda_core::{
    answers_file, fields, link, preview, validate, zipfile, Answers, Report,
};
use symfony_lambda_core::{Bundle, Severity};

/// Why a run stopped early.
enum Failure {
    /// Wrong arguments: the message, then a pointer to `--help`. Exit 2.
    Usage(String),
    /// Input that cannot be used (files, keys, output conflicts). Exit 2.
    Input(String),
    /// The answers have errors; they were printed already. Exit 1.
    Invalid,
}

fn main() -> ExitCode {
    match run(std::env::args_os().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            eprintln!("run `symfony-lambda --help` for the commands and options");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(raw: Vec<std::ffi::OsString>) -> Result<(), Failure> {
    let args = match args::parse(raw).map_err(Failure::Usage)? {
        Parsed::Help => {
            let help = include_str!("help.txt").replace("{version}", env!("CARGO_PKG_VERSION"));
            return print_out(&help);
        }
        Parsed::Version => {
            return print_out(&format!("symfony-lambda {}\n", env!("CARGO_PKG_VERSION")));
        }
        Parsed::Run(args) => args,
    };
    let answers = load(&args)?;
    match args.command {
        Command::Answers => print_out(&answers_file::write(&answers)),
        Command::Check => check(&answers),
        Command::Generate => generate(&args, &answers),
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Input(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

// ---------------------------------------------------------------------------------------------
// The answers: defaults ← file ← link ← --set

fn load(args: &Args) -> Result<Answers, Failure> {
    let mut answers = Answers::default();

    if let Some(path) = &args.answers {
        let shown = path.display();
        let text = read_input(path)
            .map_err(|e| Failure::Input(format!("cannot read the answers file `{shown}`: {e}")))?;
        let (read, notes) =
            answers_file::read(&text).map_err(|e| Failure::Input(format!("`{shown}`: {e}")))?;
        for note in notes {
            eprintln!("warning: {shown}: {}", note.message);
        }
        answers = read;
    }

    if let Some(l) = &args.link {
        let decoded = link::decode_onto(&answers, l);
        for note in &decoded.notes {
            eprintln!("warning: link: {note}");
        }
        answers = decoded.answers;
    }

    for set in &args.sets {
        let Some((key, value)) = set.split_once('=') else {
            return Err(Failure::Usage(format!(
                "`--set {set}` has no `=`; write `--set KEY=VALUE`, e.g. `--set project.region=us-east-1`"
            )));
        };
        let path = resolve_key(key.trim()).map_err(Failure::Input)?;
        answers.set(path, value);
    }
    Ok(answers)
}

/// The contents of `path`, or of standard input for `-`.
fn read_input(path: &Path) -> io::Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

/// The dotted path of a `--set` key: a path itself, or a field's short link key.
fn resolve_key(key: &str) -> Result<&'static str, String> {
    if let Some(path) = Answers::PATHS.iter().find(|p| **p == key) {
        return Ok(path);
    }
    if let Some(field) = fields::FIELDS.iter().find(|f| f.key == key) {
        return Ok(field.path);
    }
    let suggestions = suggest(key);
    if suggestions.is_empty() {
        let list: Vec<String> = fields::FIELDS
            .iter()
            .map(|f| format!("  {:<32} {}", f.path, f.key))
            .collect();
        Err(format!(
            "unknown key `{key}` in `--set`; the keys are (dotted path, or short key):\n{}",
            list.join("\n")
        ))
    } else {
        let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
        Err(format!(
            "unknown key `{key}` in `--set`; did you mean {}? (`symfony-lambda --help` explains \
             the keys, `symfony-lambda answers` lists every path)",
            list.join(" or ")
        ))
    }
}

/// Paths that `key` probably meant: the same field name in another group, or a path or short key
/// within two edits.
fn suggest(key: &str) -> Vec<&'static str> {
    let key = key.to_ascii_lowercase().replace('-', "_");
    let mut out: Vec<&'static str> = Vec::new();
    for field in fields::FIELDS {
        let name = field.path.split_once('.').map_or(field.path, |(_, n)| n);
        let close = name == key
            || field.path.ends_with(&format!(".{key}"))
            || edits(&key, field.path) <= 2
            || (key.contains('.') && edits(&key, field.path) <= 3)
            || (key.len() >= 4 && edits(&key, name) <= 1);
        if close && !out.contains(&field.path) {
            out.push(field.path);
        }
    }
    out.truncate(4);
    out
}

/// Levenshtein distance.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

// ---------------------------------------------------------------------------------------------
// check and generate

/// `error: field: message` for every issue, on standard output for `check`, standard error for
/// `generate` (whose standard output is the summary of what was written).
fn render_issues(report: &Report) -> String {
    let mut out = String::new();
    for issue in report.errors().chain(report.warnings()) {
        let level = match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("{level}: {}: {}\n", issue.field, issue.message));
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn check(answers: &Answers) -> Result<(), Failure> {
    let report = validate(answers);
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let summary = match (errors, warnings) {
        (0, 0) => "ok: no issues; `generate` will write the files\n".to_string(),
        (0, w) => format!("ok: no errors, {}\n", plural(w, "warning")),
        (e, w) => format!(
            "{}, {}: fix the errors, then run again\n",
            plural(e, "error"),
            plural(w, "warning")
        ),
    };
    print_out(&format!("{}{summary}", render_issues(&report)))?;
    if errors > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

fn generate(args: &Args, answers: &Answers) -> Result<(), Failure> {
    let out = args
        .out
        .as_deref()
        .ok_or_else(|| Failure::Usage("`generate` needs `--out DIR` or `--out FILE.zip`".into()))?;
    let report = validate(answers);
    eprint!("{}", render_issues(&report));
    let plan = match validate::plan(answers) {
        Ok(plan) => plan,
        Err(report) => {
            eprintln!(
                "{}; nothing was written: fix the answers and run again",
                plural(report.errors().count(), "error")
            );
            return Err(Failure::Invalid);
        }
    };
    let options = Options {
        site_url: args
            .site_url
            .clone()
            .or_else(|| args.link.as_deref().and_then(site_url_of)),
    };
    let bundle = generate::generate(&plan, &options);

    let is_zip = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if is_zip {
        // The same folder name as the web app's download, so the bytes are the same too.
        let folder = preview::archive_name(&answers.project.service);
        let bytes =
            zipfile::write(&bundle, Some(&folder)).map_err(|e| Failure::Input(e.to_string()))?;
        let state = write_file(out, &bytes, args.force)?;
        print_out(&format!(
            "{} {} ({} in folder `{}/`, {} bytes)\n",
            state.verb(),
            out.display(),
            plural(bundle.len(), "file"),
            folder,
            bytes.len()
        ))
    } else {
        let (written, unchanged) = write_dir(out, &bundle, args.force)?;
        let mut summary = format!("wrote {} to {}", plural(written, "file"), out.display());
        if unchanged > 0 {
            summary.push_str(&format!(" ({unchanged} already up to date)"));
        }
        summary.push('\n');
        print_out(&summary)
    }
}

/// The configurator's address in a full link (`https://host/path/#1.…` → `https://host/path/`),
/// made the way the web app makes its own (origin and path: no query, and `/` for an empty path),
/// so that SHARE-LINK.txt, and with it the zip, come out the same.
fn site_url_of(link: &str) -> Option<String> {
    let base = link::split(link).0?;
    let base = base.split('?').next().unwrap_or_default();
    let (_, rest) = base.split_once("://")?;
    if rest.is_empty() {
        return None;
    }
    Some(if rest.contains('/') {
        base.to_string()
    } else {
        format!("{base}/")
    })
}

/// What writing one file did.
enum Written {
    New,
    Replaced,
    Unchanged,
}

impl Written {
    fn verb(&self) -> &'static str {
        match self {
            Written::New => "wrote",
            Written::Replaced => "replaced",
            Written::Unchanged => "unchanged:",
        }
    }
}

/// Whether `path` can take `bytes`: `Ok(None)` when it already holds them, `Err` with the reason
/// when it holds something else and `force` is off.
fn conflict(path: &Path, bytes: &[u8], force: bool) -> Result<Option<Written>, String> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Some(Written::New)),
        Err(e) => Err(format!("`{}` cannot be checked: {e}", path.display())),
        Ok(meta) if meta.is_dir() => Err(format!("`{}` is a directory", path.display())),
        Ok(_) => match std::fs::read(path) {
            Ok(existing) if existing == bytes => Ok(None),
            _ if force => Ok(Some(Written::Replaced)),
            Ok(_) => Err(format!(
                "`{}` exists and differs from the generated file",
                path.display()
            )),
            Err(e) => Err(format!("`{}` cannot be read: {e}", path.display())),
        },
    }
}

fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<Written, Failure> {
    match conflict(path, bytes, force) {
        Err(why) => Err(Failure::Input(format!(
            "{why}; nothing was written (use `--force` to overwrite it)"
        ))),
        Ok(None) => Ok(Written::Unchanged),
        Ok(Some(state)) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| {
                    Failure::Input(format!("cannot create `{}`: {e}", parent.display()))
                })?;
            }
            std::fs::write(path, bytes)
                .map_err(|e| Failure::Input(format!("cannot write `{}`: {e}", path.display())))?;
            Ok(state)
        }
    }
}

/// Writes every file of `bundle` under `dir`. Every conflict is found before anything is written,
/// so a refused run leaves the directory as it was. Returns (written, already identical).
fn write_dir(dir: &Path, bundle: &Bundle, force: bool) -> Result<(usize, usize), Failure> {
    if dir.is_file() {
        return Err(Failure::Input(format!(
            "`{}` is a file; `--out` takes a directory or a name ending in `.zip`",
            dir.display()
        )));
    }
    let mut todo: Vec<(PathBuf, &str)> = Vec::new();
    let mut conflicts: Vec<String> = Vec::new();
    let mut unchanged = 0;
    for (relative, text) in bundle.iter() {
        let target = dir.join(safe_relative(relative)?);
        match conflict(&target, text.as_bytes(), force) {
            Ok(Some(_)) => todo.push((target, text)),
            Ok(None) => unchanged += 1,
            Err(why) => conflicts.push(why),
        }
    }
    if !conflicts.is_empty() {
        return Err(Failure::Input(format!(
            "`{}` already holds different files:\n  {}\nnothing was written: choose an empty \
             directory, or add `--force` to overwrite these files",
            dir.display(),
            conflicts.join("\n  ")
        )));
    }
    for (target, text) in &todo {
        write_file(target, text.as_bytes(), true)?;
    }
    Ok((todo.len(), unchanged))
}

/// A bundle path as a relative path that stays inside the output directory. The generator only
/// makes such paths; this is the last line of defence before touching the disk.
fn safe_relative(path: &str) -> Result<PathBuf, Failure> {
    let p = Path::new(path);
    if path.contains('\\') || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Failure::Input(format!(
            "the generator produced the path `{path}`, which would leave the output directory; \
             this is a bug, please report it"
        )));
    }
    Ok(p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_resolve_by_path_and_short_key() {
        assert_eq!(resolve_key("project.region").ok(), Some("project.region"));
        assert_eq!(resolve_key("rg").ok(), Some("project.region"));
        assert_eq!(resolve_key("dname").ok(), Some("database.name"));
    }

    #[test]
    fn unknown_keys_get_a_suggestion_or_the_list() {
        let region = resolve_key("region").expect_err("not a key");
        assert!(region.contains("did you mean `project.region`"), "{region}");
        let typo = resolve_key("project.regoin").expect_err("not a key");
        assert!(typo.contains("`project.region`"), "{typo}");
        let nothing = resolve_key("zzzzzzzzzz").expect_err("not a key");
        assert!(nothing.contains("database.url_parameter"), "{nothing}");
    }

    #[test]
    fn levenshtein() {
        assert_eq!(edits("kitten", "sitting"), 3);
        assert_eq!(edits("", "abc"), 3);
        assert_eq!(edits("same", "same"), 0);
    }

    #[test]
    fn site_url_only_from_full_links() {
        assert_eq!(
            site_url_of("https://x.test/app/#1.rg=us-east-1").as_deref(),
            Some("https://x.test/app/")
        );
        assert_eq!(
            site_url_of("https://x.test?utm=1#1.rg=us-east-1").as_deref(),
            Some("https://x.test/")
        );
        assert_eq!(site_url_of("#1.rg=us-east-1"), None);
        assert_eq!(site_url_of("1.rg=us-east-1"), None);
        assert_eq!(site_url_of("1.ps=a://b"), None);
    }

    #[test]
    fn bundle_paths_cannot_escape() {
        assert!(safe_relative("config/packages/lambda/cache.yaml").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/x").is_err());
        assert!(safe_relative("a/./b").is_ok(), "Path normalises `.` away");
        assert!(safe_relative("a\\b").is_err());
    }
}
