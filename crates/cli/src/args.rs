//! The command line as typed, checked for shape only: which command, which flags, each given at
//! most once where that matters. What the values mean (files, links, keys) is decided in `main.rs`.

use std::ffi::OsString;
use std::path::PathBuf;

/// The three commands of spec §6.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Generate,
    Check,
    Answers,
}

impl Command {
    fn name(self) -> &'static str {
        match self {
            Command::Generate => "generate",
            Command::Check => "check",
            Command::Answers => "answers",
        }
    }
}

/// The arguments of one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub command: Command,
    pub answers: Option<PathBuf>,
    pub link: Option<String>,
    /// `KEY=VALUE` as typed, in order.
    pub sets: Vec<String>,
    pub out: Option<PathBuf>,
    pub site_url: Option<String>,
    pub force: bool,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parsed {
    Run(Args),
    Help,
    Version,
}

/// Parses the arguments after the program name. The error is a message for the user.
pub fn parse(raw: Vec<OsString>) -> Result<Parsed, String> {
    let mut raw = raw.into_iter();
    let Some(first) = raw.next() else {
        return Err("no command given; the commands are `generate`, `check` and `answers`".into());
    };
    let command = match first.to_str() {
        Some("generate") => Command::Generate,
        Some("check") => Command::Check,
        Some("answers") => Command::Answers,
        Some("-h" | "--help" | "help") => return Ok(Parsed::Help),
        Some("-V" | "--version") => return Ok(Parsed::Version),
        Some(other) => {
            return Err(format!(
                "unknown command `{other}`; the commands are `generate`, `check` and `answers`"
            ))
        }
        None => return Err("the command is not valid UTF-8".into()),
    };
    let mut args = Args {
        command,
        answers: None,
        link: None,
        sets: Vec::new(),
        out: None,
        site_url: None,
        force: false,
    };

    while let Some(arg) = raw.next() {
        let Some(text) = arg.to_str() else {
            return Err(format!(
                "`{}` is not valid UTF-8 and not a value of an option",
                arg.to_string_lossy()
            ));
        };
        // `--flag=value` or `--flag value`.
        let (flag, inline) = match text.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(OsString::from(v))),
            _ => (text.to_string(), None),
        };
        let value = |raw: &mut std::vec::IntoIter<OsString>| -> Result<OsString, String> {
            match inline.clone().or_else(|| raw.next()) {
                Some(v) => Ok(v),
                None => Err(format!("`{flag}` needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "-V" | "--version" => return Ok(Parsed::Version),
            "--answers" => {
                let v = value(&mut raw)?;
                once(&args.answers, "--answers")?;
                args.answers = Some(PathBuf::from(v));
            }
            "--link" => {
                let v = utf8(value(&mut raw)?, "--link")?;
                once(&args.link, "--link")?;
                args.link = Some(v);
            }
            "--set" => {
                let v = utf8(value(&mut raw)?, "--set")?;
                args.sets.push(v);
            }
            "--out" => {
                only_for(command, Command::Generate, "--out")?;
                let v = value(&mut raw)?;
                once(&args.out, "--out")?;
                args.out = Some(PathBuf::from(v));
            }
            "--site-url" => {
                only_for(command, Command::Generate, "--site-url")?;
                let v = utf8(value(&mut raw)?, "--site-url")?;
                once(&args.site_url, "--site-url")?;
                args.site_url = Some(v);
            }
            "--force" => {
                only_for(command, Command::Generate, "--force")?;
                if inline.is_some() {
                    return Err("`--force` takes no value".into());
                }
                args.force = true;
            }
            other if other.starts_with('-') => {
                return Err(format!("unknown option `{other}`"));
            }
            other => {
                return Err(format!(
                    "unexpected argument `{other}`; options start with `--` (did you forget \
                     `--out` or `--answers`?)"
                ));
            }
        }
    }
    if command == Command::Generate && args.out.is_none() {
        return Err("`generate` needs `--out DIR` or `--out FILE.zip`".into());
    }
    Ok(Parsed::Run(args))
}

fn once<T>(slot: &Option<T>, flag: &str) -> Result<(), String> {
    match slot {
        Some(_) => Err(format!("`{flag}` is given twice; give it once")),
        None => Ok(()),
    }
}

fn only_for(command: Command, wanted: Command, flag: &str) -> Result<(), String> {
    if command == wanted {
        Ok(())
    } else {
        Err(format!(
            "`{flag}` is an option of `{}`, not of `{}`",
            wanted.name(),
            command.name()
        ))
    }
}

fn utf8(value: OsString, flag: &str) -> Result<String, String> {
    value.into_string().map_err(|v| {
        format!(
            "the value of `{flag}`, `{}`, is not valid UTF-8",
            v.to_string_lossy()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Parsed, String> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn both_value_forms_and_repeated_sets() {
        let Ok(Parsed::Run(a)) = parse_strs(&[
            "generate",
            "--answers=a.yaml",
            "--set",
            "rg=us-east-1",
            "--set=pv=8.3",
            "--out",
            "x.zip",
            "--force",
        ]) else {
            panic!("should parse");
        };
        assert_eq!(a.command, Command::Generate);
        assert_eq!(a.answers, Some(PathBuf::from("a.yaml")));
        assert_eq!(a.sets, ["rg=us-east-1", "pv=8.3"]);
        assert_eq!(a.out, Some(PathBuf::from("x.zip")));
        assert!(a.force);
    }

    #[test]
    fn shape_errors() {
        assert!(parse_strs(&[]).is_err());
        assert!(parse_strs(&["frobnicate"]).is_err());
        assert!(parse_strs(&["generate"]).is_err(), "needs --out");
        assert!(parse_strs(&["check", "--out", "x"]).is_err());
        assert!(parse_strs(&["check", "--link"]).is_err());
        assert!(parse_strs(&["check", "--link", "a", "--link", "b"]).is_err());
        assert!(parse_strs(&["check", "stray"]).is_err());
        assert!(parse_strs(&["check", "--nope"]).is_err());
        assert_eq!(parse_strs(&["check", "-h"]), Ok(Parsed::Help));
        assert_eq!(parse_strs(&["--version"]), Ok(Parsed::Version));
    }
}
