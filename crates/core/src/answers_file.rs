//! The answers file `symfony-lambda.yaml`: every answer, grouped as the wizard's steps, with the
//! label of each field as a comment. The web app's Open button and the CLI's `--answers` read it
//! back; JSON works too, since JSON is YAML.
//!
//! Writing is plain text: every value is a double-quoted YAML scalar produced by [`quote`], so no
//! value, however strange, can change the file's structure. Reading makes a tree of [`Node`]s and
//! then goes field by field, so that unknown groups and keys become notes instead of failures, and
//! a value of the wrong shape names its field. [`read`] (the CLI's, feature `yaml`) parses with
//! `serde_yaml`; [`read_subset`] (the web app's) parses the part of YAML that answers files use
//! without a YAML library, and refuses the rest with [`ReadError::Unsupported`].

mod subset;

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
    /// A YAML construct that [`read_subset`] does not read (the CLI reads full YAML).
    #[error("line {line}, column {column}: {what} is not supported when a file is opened in the browser; write every value as a quoted string on one line (as the configurator and `symfony-lambda answers` do), or use the command line, which reads full YAML")]
    Unsupported {
        line: usize,
        column: usize,
        what: &'static str,
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

/// `value` as a double-quoted YAML scalar: every value of the answers file is written this way.
pub use crate::quote::yaml_double_quoted as quote;

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

/// A parsed YAML value, as much of it as answers need.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    /// A number, written as `serde_yaml` writes it (`0.5`, `28`).
    Number(String),
    Text(String),
    /// A list; its items are never answers, so they are not kept.
    List,
    /// Keys (as text) and values, in the file's order.
    Map(Vec<(String, Node)>),
    /// Only `serde_yaml` reads tags.
    #[cfg_attr(not(feature = "yaml"), allow(dead_code))]
    Tagged,
}

/// A value and, when the parser knows it, its line and column (1-based).
#[derive(Clone, Debug, PartialEq)]
struct Node {
    value: Value,
    at: Option<(usize, usize)>,
}

impl Node {
    fn new(value: Value, at: Option<(usize, usize)>) -> Self {
        Node { value, at }
    }
}

/// What kind of YAML value `v` is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::Text(_) => "text",
        Value::List => "a list",
        Value::Map(_) => "a mapping",
        Value::Tagged => "a tagged value",
    }
}

/// The scalar `v` as the answers' text, or `None` for lists, mappings and tagged values.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(s) | Value::Text(s) => Some(s.clone()),
        Value::List | Value::Map(_) | Value::Tagged => None,
    }
}

/// The answers in the parsed file `root`. Missing fields keep their defaults; unknown groups and
/// keys are ignored and reported as notes.
fn answers_from(root: Node) -> Result<(Answers, Vec<FileNote>), ReadError> {
    let groups = match root.value {
        Value::Map(m) => m,
        Value::Null => return Err(ReadError::Empty),
        other => {
            return Err(ReadError::NotMapping {
                found: kind(&other),
            })
        }
    };

    let mut answers = Answers::default();
    let mut notes = Vec::new();
    for (group, group_value) in groups {
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
        let entries = match group_value.value {
            Value::Map(m) => m,
            // `project:` with every field commented out: all defaults.
            Value::Null => continue,
            ref other => {
                return Err(ReadError::WrongShape {
                    path: group,
                    expected: "a mapping of fields",
                    found: kind(other),
                    line: group_value.at.map(|a| a.0),
                    column: group_value.at.map(|a| a.1),
                });
            }
        };
        for (key, field_value) in entries {
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
            match scalar_text(&field_value.value) {
                Some(v) => {
                    answers.set(&path, v);
                }
                None => {
                    return Err(ReadError::WrongShape {
                        path,
                        expected: "a single value (text, a number or true/false)",
                        found: kind(&field_value.value),
                        line: field_value.at.map(|a| a.0),
                        column: field_value.at.map(|a| a.1),
                    });
                }
            }
        }
    }
    Ok((answers, notes))
}

/// Reads an answers file (YAML or JSON) with `serde_yaml`. Missing fields keep their defaults;
/// unknown groups and keys are ignored and reported as notes.
#[cfg(feature = "yaml")]
pub fn read(text: &str) -> Result<(Answers, Vec<FileNote>), ReadError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
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
    answers_from(from_serde(value)).map_err(|e| match e {
        // The untyped value has no locations: typed deserialization finds the first misfit.
        ReadError::WrongShape {
            path,
            expected,
            found,
            ..
        } => {
            let (line, column) = match serde_yaml::from_str::<Answers>(text) {
                Err(e) => e
                    .location()
                    .map_or((None, None), |l| (Some(l.line()), Some(l.column()))),
                Ok(_) => (None, None),
            };
            ReadError::WrongShape {
                path,
                expected,
                found,
                line,
                column,
            }
        }
        other => other,
    })
}

#[cfg(feature = "yaml")]
fn from_serde(v: serde_yaml::Value) -> Node {
    use serde_yaml::Value as Y;
    let value = match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => Value::Number(n.to_string()),
        Y::String(s) => Value::Text(s),
        Y::Sequence(_) => Value::List,
        Y::Mapping(m) => Value::Map(
            m.into_iter()
                .map(|(k, v)| {
                    let k = from_serde(k).value;
                    let key = scalar_text(&k).unwrap_or_else(|| format!("({})", kind(&k)));
                    (key, from_serde(v))
                })
                .collect(),
        ),
        Y::Tagged(_) => Value::Tagged,
    };
    Node::new(value, None)
}

/// Reads an answers file without a YAML library: the YAML that [`write`] produces and that
/// people write by hand (block mappings, quoted and plain values on one line, comments, JSON).
/// Returns what [`read`] returns for such files; anything else is a [`ReadError::Unsupported`].
pub fn read_subset(text: &str) -> Result<(Answers, Vec<FileNote>), ReadError> {
    answers_from(subset::parse(text)?)
}
