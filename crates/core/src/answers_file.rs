//! The answers file `symfony-lambda.yaml`: every answer, grouped as the wizard's steps, with the
//! label of each field as a comment. The web app's Open button and the CLI's `--answers` read it
//! back; JSON works too, since JSON is YAML.
//!
//! Writing is plain text: every value is a double-quoted YAML scalar produced by [`quote`], so no
//! value, however strange, can change the file's structure. Reading goes through `serde_yaml`'s
//! `Value` and then field by field, so that unknown groups and keys become notes instead of
//! failures, and a value of the wrong shape names its field.

use crate::answers::Answers;
use crate::fields;

/// A remark about a file that was read anyway (an unknown key, which was ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileNote {
    /// The dotted path in the file (`project.colour`), or the group (`extras`).
    pub path: String,
    pub message: String,
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The text is not YAML (or JSON).
    #[error("line {line}, column {column}: the file is not valid YAML or JSON: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Nothing but comments or blank lines.
    #[error("the file holds no answers; an answers file starts with groups like `project:`")]
    Empty,
    /// The top level is a list or a single value.
    #[error("the file holds {found} where the answers should be a mapping of groups (`project:`, `versions:` …); write the file with the configurator or `symfony-lambda answers`")]
    NotMapping { found: &'static str },
    /// A group or field has a value of the wrong shape.
    #[error("{}", wrong_shape(.path, .expected, .found, *.line, *.column))]
    WrongShape {
        path: String,
        expected: &'static str,
        found: &'static str,
        line: Option<usize>,
        column: Option<usize>,
    },
}

fn wrong_shape(
    path: &str,
    expected: &str,
    found: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> String {
    let at = match (line, column) {
        (Some(l), Some(c)) => format!("line {l}, column {c}: "),
        _ => String::new(),
    };
    format!("{at}`{path}` holds {found}, but it must be {expected}")
}

/// `value` as a double-quoted YAML scalar. Backslash, double quote, every control character and
/// the characters YAML parsers treat as line breaks or refuse (NEL, U+2028, U+2029, BOM,
/// U+FFFE/U+FFFF) are escaped, so the value reads back unchanged on one line.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The answers file for `answers`: a header that says what it is, then every group and field in
/// the wizard's order, each field under a comment with its label.
pub fn write(answers: &Answers) -> String {
    let mut out = String::from(
        "# symfony-lambda.yaml: the answers of the symfony-lambda configurator (Symfony on AWS\n\
         # Lambda with Bref). Keep it in your repository to change the configuration later:\n\
         #   - web app: Open this file, change answers, download the files again;\n\
         #   - command line: symfony-lambda generate --answers symfony-lambda.yaml --out DIR\n\
         #                   symfony-lambda check --answers symfony-lambda.yaml\n\
         # Every value is a quoted string; keep the quotes when you edit one.\n",
    );
    for step in fields::STEPS {
        out.push_str(&format!("\n# {}\n{}:\n", step.title, step.id));
        for field in fields::fields_of(step.id) {
            let key = field.path.split_once('.').map_or(field.path, |(_, k)| k);
            let value = answers.get(field.path).unwrap_or("");
            out.push_str(&format!("  # {}\n  {key}: {}\n", field.label, quote(value)));
        }
    }
    out
}

/// What kind of YAML value `v` is, for messages.
fn kind(v: &serde_yaml::Value) -> &'static str {
    use serde_yaml::Value;
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// The scalar `v` as the answers' text, or `None` for lists, mappings and tagged values.
fn scalar_text(v: &serde_yaml::Value) -> Option<String> {
    use serde_yaml::Value;
    match v {
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => None,
    }
}

/// The line and column (1-based) where typed deserialization of `text` fails, if it does. Used
/// to point at a value of the wrong shape, which the untyped `Value` cannot locate.
fn first_error_location(text: &str) -> (Option<usize>, Option<usize>) {
    match serde_yaml::from_str::<Answers>(text) {
        Err(e) => match e.location() {
            Some(l) => (Some(l.line()), Some(l.column())),
            None => (None, None),
        },
        Ok(_) => (None, None),
    }
}

fn key_text(k: &serde_yaml::Value) -> String {
    scalar_text(k).unwrap_or_else(|| format!("({})", kind(k)))
}

/// Reads an answers file (YAML or JSON). Missing fields keep their defaults; unknown groups and
/// keys are ignored and reported as notes.
pub fn read(text: &str) -> Result<(Answers, Vec<FileNote>), ReadError> {
    use serde_yaml::Value;
    let value: Value = serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        // serde_yaml appends " at line L column C" to some messages; the variant says it already.
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        ReadError::Syntax {
            line,
            column,
            message,
        }
    })?;
    let groups = match value {
        Value::Mapping(m) => m,
        Value::Null => return Err(ReadError::Empty),
        other => {
            return Err(ReadError::NotMapping {
                found: kind(&other),
            })
        }
    };

    let mut answers = Answers::default();
    let mut notes = Vec::new();
    for (group_key, group_value) in &groups {
        let group = key_text(group_key);
        if !fields::STEPS.iter().any(|s| s.id == group) {
            let known: Vec<String> = fields::STEPS
                .iter()
                .map(|s| format!("`{}`", s.id))
                .collect();
            notes.push(FileNote {
                path: group.clone(),
                message: format!(
                    "unknown group `{group}` was ignored; the groups are {}",
                    known.join(", ")
                ),
            });
            continue;
        }
        let entries = match group_value {
            Value::Mapping(m) => m,
            // `project:` with every field commented out: all defaults.
            Value::Null => continue,
            other => {
                let (line, column) = first_error_location(text);
                return Err(ReadError::WrongShape {
                    path: group,
                    expected: "a mapping of fields",
                    found: kind(other),
                    line,
                    column,
                });
            }
        };
        for (field_key, field_value) in entries {
            let key = key_text(field_key);
            let path = format!("{group}.{key}");
            if fields::field(&path).is_none() {
                let known: Vec<String> = fields::fields_of(&group)
                    .map(|f| format!("`{}`", f.path.split_once('.').map_or(f.path, |(_, k)| k)))
                    .collect();
                notes.push(FileNote {
                    path: path.clone(),
                    message: format!(
                        "unknown field `{path}` was ignored; the fields of `{group}` are {}",
                        known.join(", ")
                    ),
                });
                continue;
            }
            match scalar_text(field_value) {
                Some(v) => {
                    answers.set(&path, v);
                }
                None => {
                    let (line, column) = first_error_location(text);
                    return Err(ReadError::WrongShape {
                        path,
                        expected: "a single value (text, a number or true/false)",
                        found: kind(field_value),
                        line,
                        column,
                    });
                }
            }
        }
    }
    Ok((answers, notes))
}
