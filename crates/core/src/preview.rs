//! What the web app's preview and download show, as pure functions: the folder tree of a bundle's
//! paths, which file goes with each step of the wizard, and the zip's name.

use crate::Bundle;

/// A folder of the preview's file tree: sub-folders first, then files, each sorted by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folder {
    /// The folder's own name (empty for the root).
    pub name: String,
    pub folders: Vec<Folder>,
    /// `(file name, full path)`.
    pub files: Vec<(String, String)>,
}

/// The tree of `paths` (`a/b/c.yaml` → folder `a`, folder `b`, file `c.yaml`).
pub fn tree<'a>(paths: impl IntoIterator<Item = &'a str>) -> Folder {
    let mut root = Folder::default();
    for path in paths {
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let Some(file) = parts.pop() else {
            continue;
        };
        let mut folder = &mut root;
        for part in parts {
            let at = match folder.folders.iter().position(|f| f.name == part) {
                Some(at) => at,
                None => {
                    folder.folders.push(Folder {
                        name: part.to_string(),
                        ..Folder::default()
                    });
                    folder.folders.len() - 1
                }
            };
            folder = &mut folder.folders[at];
        }
        folder.files.push((file.to_string(), path.to_string()));
    }
    sort(&mut root);
    root
}

fn sort(folder: &mut Folder) {
    crate::sort_small_by(&mut folder.folders, |a, b| a.name < b.name);
    crate::sort_small_by(&mut folder.files, |a, b| a < b);
    folder.folders.iter_mut().for_each(sort);
}

/// The file a wizard step is mostly about, among the files of `bundle`: the preview selects it
/// when the user moves to that step. Falls back to `serverless.yml` (and to the first file when
/// even that is missing). `step` is a group id of [`crate::fields::STEPS`] or `review`.
pub fn main_file(step: &str, bundle: &Bundle) -> Option<String> {
    // Candidates in order of preference; a leading `*/` matches any folder (the environment's
    // name is part of `config/packages/<env>/`).
    let candidates: &[&str] = match step {
        "versions" => &["symfony-lambda.patch", "*/symfony-lambda.patch"],
        "environment" => &[".env.lambda"],
        "caching" => &["*/cache.yaml"],
        "logging" => &["*/monolog.yaml"],
        "secrets" => &[".env.lambda"],
        "sessions" => &["*/framework.yaml"],
        "mailer" => &["*/mailer.yaml"],
        "database" => &["*/doctrine.yaml"],
        "review" => &["README.md"],
        // project, functions, assets and anything new: the deployment itself.
        _ => &[],
    };
    let found = candidates
        .iter()
        .find_map(|candidate| match candidate.strip_prefix("*/") {
            Some(name) => bundle
                .paths()
                .find(|p| p.starts_with("config/") && p.rsplit('/').next() == Some(name))
                .or_else(|| bundle.paths().find(|p| p.rsplit('/').next() == Some(name))),
            None => bundle.contains(candidate).then_some(*candidate),
        });
    found
        .or_else(|| {
            bundle
                .contains("serverless.yml")
                .then_some("serverless.yml")
        })
        .or_else(|| bundle.paths().next())
        .map(String::from)
}

/// The name of the zip (without `.zip`) and of the folder inside it: `<service>-symfony-lambda`.
/// The service name has passed validation when files exist, but the name is made safe for any
/// file system anyway: anything but ASCII letters, digits, `-` and `_` becomes `-`, runs of `-`
/// shrink to one, and the service part is cut to 64 characters.
pub fn archive_name(service: &str) -> String {
    let mut safe = String::new();
    for c in service.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        };
        if !(c == '-' && (safe.is_empty() || safe.ends_with('-'))) {
            safe.push(c);
        }
        if safe.len() >= 64 {
            break;
        }
    }
    let safe = safe.trim_end_matches('-');
    if safe.is_empty() {
        "symfony-lambda".to_string()
    } else {
        format!("{safe}-symfony-lambda")
    }
}

/// The changed line numbers (1-based, ascending) as text with ranges: `line 4`,
/// `lines 2, 5–7 and 10`.
pub fn describe_lines(lines: &[usize]) -> String {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &n in lines {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => ranges.push((n, n)),
        }
    }
    let parts: Vec<String> = ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    let list = match parts.as_slice() {
        [] => return String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if lines.len() == 1 {
        format!("line {list}")
    } else {
        format!("lines {list}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(paths: &[&str]) -> Bundle {
        let mut b = Bundle::new();
        for p in paths {
            b.add(*p, "x");
        }
        b
    }

    #[test]
    fn folders_before_files_and_nested() {
        let t = tree([
            "serverless.yml",
            ".env.lambda",
            "config/packages/lambda/cache.yaml",
            "config/packages/lambda/monolog.yaml",
            "patches/src/Kernel.php.patch",
            "README.md",
        ]);
        assert_eq!(t.name, "");
        assert_eq!(
            t.files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
            [".env.lambda", "README.md", "serverless.yml"]
        );
        assert_eq!(
            t.folders
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>(),
            ["config", "patches"]
        );
        let lambda = &t.folders[0].folders[0].folders[0];
        assert_eq!(lambda.name, "lambda");
        assert_eq!(
            lambda.files,
            [
                (
                    "cache.yaml".to_string(),
                    "config/packages/lambda/cache.yaml".to_string()
                ),
                (
                    "monolog.yaml".to_string(),
                    "config/packages/lambda/monolog.yaml".to_string()
                ),
            ]
        );
        assert_eq!(
            t.folders[1].folders[0].files[0].1,
            "patches/src/Kernel.php.patch"
        );
    }

    #[test]
    fn steps_select_their_file() {
        let b = bundle(&[
            "serverless.yml",
            ".env.lambda",
            "README.md",
            "symfony-lambda.patch",
            "config/packages/prod/cache.yaml",
            "config/packages/prod/doctrine.yaml",
            "config/packages/prod/framework.yaml",
        ]);
        let main = |step| main_file(step, &b);
        assert_eq!(
            main("database").as_deref(),
            Some("config/packages/prod/doctrine.yaml")
        );
        assert_eq!(
            main("sessions").as_deref(),
            Some("config/packages/prod/framework.yaml")
        );
        assert_eq!(
            main("caching").as_deref(),
            Some("config/packages/prod/cache.yaml")
        );
        assert_eq!(main("versions").as_deref(), Some("symfony-lambda.patch"));
        assert_eq!(main("environment").as_deref(), Some(".env.lambda"));
        assert_eq!(main("review").as_deref(), Some("README.md"));
        // Files that are not generated fall back to serverless.yml.
        assert_eq!(main("mailer").as_deref(), Some("serverless.yml"));
        assert_eq!(main("logging").as_deref(), Some("serverless.yml"));
        assert_eq!(main("project").as_deref(), Some("serverless.yml"));
        assert_eq!(main("assets").as_deref(), Some("serverless.yml"));
    }

    #[test]
    fn empty_and_odd_bundles() {
        assert_eq!(main_file("database", &Bundle::new()), None);
        assert_eq!(
            main_file("database", &bundle(&["README.md"])).as_deref(),
            Some("README.md")
        );
        let t = tree(["", "/", "a//b"]);
        assert_eq!(t.folders[0].files[0], ("b".to_string(), "a//b".to_string()));
    }

    #[test]
    fn archive_names_are_safe() {
        assert_eq!(archive_name("my-app"), "my-app-symfony-lambda");
        assert_eq!(
            archive_name(" ../Ünï code//app. "),
            "n-code-app-symfony-lambda"
        );
        assert_eq!(archive_name(""), "symfony-lambda");
        assert_eq!(archive_name("..."), "symfony-lambda");
        let long = archive_name(&"a".repeat(500));
        assert_eq!(long.len(), 64 + "-symfony-lambda".len());
        for name in ["my-app", " ../x", "\u{0}", "a b"] {
            let n = archive_name(name);
            assert!(n
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            assert!(!n.starts_with('-'));
        }
    }

    #[test]
    fn line_lists() {
        assert_eq!(describe_lines(&[]), "");
        assert_eq!(describe_lines(&[4]), "line 4");
        assert_eq!(describe_lines(&[4, 5]), "lines 4–5");
        assert_eq!(describe_lines(&[2, 5, 6, 7, 10]), "lines 2, 5–7 and 10");
    }
}
