//! The user's checklist: the generated `README.md` read back as ordered steps, so the web app can
//! show each step with a copy button per command without knowing how the README is written.
//!
//! Only the small part of Markdown that the README generator writes is understood: `##` headings
//! start a step, fenced code blocks (```` ``` ````, with an optional language) are commands,
//! lines starting with `- ` or `* ` are list items (indented lines continue the item), and every
//! other non-blank line is text. Deeper headings (`###`) stay inside the current step as
//! text; the `#` title and anything before the first `##` heading are not a step.

/// One piece of a step, in the order of the README.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// A paragraph (consecutive text lines joined by spaces), Markdown left as written.
    Text(String),
    /// Consecutive list items, each with its continuation lines joined by spaces.
    List(Vec<String>),
    /// A fenced code block: `lang` is what follows the opening fence (may be empty), `code` the
    /// lines between the fences, joined by `\n`, without a trailing newline.
    Code { lang: String, code: String },
}

/// One `##` section of the README.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadmeStep {
    pub title: String,
    pub parts: Vec<Part>,
}

impl ReadmeStep {
    /// The code blocks of the step.
    pub fn commands(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Code { code, .. } => Some(code.as_str()),
            Part::Text(_) | Part::List(_) => None,
        })
    }
}

/// The steps of a README, in order. Never fails: text it does not understand stays text, and an
/// unclosed code fence runs to the end of the text.
pub fn readme_steps(text: &str) -> Vec<ReadmeStep> {
    let mut steps: Vec<ReadmeStep> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    // The fence that opened the current code block (its backticks), its language and its lines.
    let mut fence: Option<(String, String, Vec<&str>)> = None;

    fn flush(steps: &mut [ReadmeStep], paragraph: &mut Vec<&str>, items: &mut Vec<String>) {
        let step = steps.last_mut();
        if !paragraph.is_empty() {
            let joined = paragraph.join(" ");
            paragraph.clear();
            if let Some(step) = step {
                step.parts.push(Part::Text(joined));
            }
        } else if !items.is_empty() {
            let list = std::mem::take(items);
            if let Some(step) = step {
                step.parts.push(Part::List(list));
            }
        }
    }

    for line in text.lines() {
        if let Some((ticks, lang, lines)) = fence.as_mut() {
            let trimmed = line.trim();
            if trimmed.starts_with(ticks.as_str()) && trimmed.trim_start_matches('`').is_empty() {
                let code = lines.join("\n");
                let lang = std::mem::take(lang);
                fence = None;
                if let Some(step) = steps.last_mut() {
                    step.parts.push(Part::Code { lang, code });
                }
            } else {
                lines.push(line);
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            flush(&mut steps, &mut paragraph, &mut items);
            let ticks: String = trimmed.chars().take_while(|&c| c == '`').collect();
            let lang = trimmed[ticks.len()..].trim().to_string();
            fence = Some((ticks, lang, Vec::new()));
        } else if let Some(title) = trimmed.strip_prefix("## ") {
            flush(&mut steps, &mut paragraph, &mut items);
            steps.push(ReadmeStep {
                title: title.trim().to_string(),
                parts: Vec::new(),
            });
        } else if trimmed.starts_with("# ") || trimmed == "#" {
            // The document title: not a step.
            flush(&mut steps, &mut paragraph, &mut items);
        } else if trimmed.trim().is_empty() {
            flush(&mut steps, &mut paragraph, &mut items);
        } else if trimmed.starts_with('#') {
            // `###` and deeper: a sub-heading inside the step, kept as its own paragraph.
            flush(&mut steps, &mut paragraph, &mut items);
            paragraph.push(trimmed.trim_start_matches('#').trim());
            flush(&mut steps, &mut paragraph, &mut items);
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            if !paragraph.is_empty() {
                flush(&mut steps, &mut paragraph, &mut items);
            }
            items.push(item.trim().to_string());
        } else if line.starts_with(' ') && !items.is_empty() {
            // An indented line continues the last list item.
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        } else {
            if !items.is_empty() {
                flush(&mut steps, &mut paragraph, &mut items);
            }
            paragraph.push(line.trim());
        }
    }
    if let Some((_, lang, lines)) = fence {
        if let Some(step) = steps.last_mut() {
            step.parts.push(Part::Code {
                lang,
                code: lines.join("\n"),
            });
        }
    }
    flush(&mut steps, &mut paragraph, &mut items);
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "# Deploy my-app\n\nIntro that is not a step.\n\n## 1. Install\n\nRun this in your project:\nit adds Bref.\n\n```bash\ncomposer require bref/bref\ncomposer require bref/symfony-bridge\n```\n\n## 2. Deploy\n\n### First time\n\n```\nserverless deploy\n```\nThen open the URL.\n";

    #[test]
    fn headings_start_steps_and_fences_are_commands() {
        let steps = readme_steps(README);
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].title, "1. Install");
        assert_eq!(
            steps[0].parts,
            vec![
                Part::Text("Run this in your project: it adds Bref.".into()),
                Part::Code {
                    lang: "bash".into(),
                    code: "composer require bref/bref\ncomposer require bref/symfony-bridge".into()
                },
            ]
        );
        assert_eq!(steps[1].title, "2. Deploy");
        assert_eq!(
            steps[1].parts,
            vec![
                Part::Text("First time".into()),
                Part::Code {
                    lang: String::new(),
                    code: "serverless deploy".into()
                },
                Part::Text("Then open the URL.".into()),
            ]
        );
        assert_eq!(
            steps[1].commands().collect::<Vec<_>>(),
            vec!["serverless deploy"]
        );
    }

    #[test]
    fn list_items_are_a_list_with_their_continuation_lines() {
        let steps = readme_steps("## S\nCopy:\n- `a`\n- `b` and\n  more\n* c\nAfter.\n");
        assert_eq!(
            steps[0].parts,
            vec![
                Part::Text("Copy:".into()),
                Part::List(vec!["`a`".into(), "`b` and more".into(), "c".into()]),
                Part::Text("After.".into()),
            ]
        );
    }

    #[test]
    fn hashes_and_headings_inside_code_stay_code() {
        let steps = readme_steps("## Step\n```yaml\n# comment\n## not a heading\n```\n");
        assert_eq!(steps.len(), 1);
        assert_eq!(
            steps[0].parts,
            vec![Part::Code {
                lang: "yaml".into(),
                code: "# comment\n## not a heading".into()
            }]
        );
    }

    #[test]
    fn longer_fences_close_only_with_as_many_backticks() {
        let steps = readme_steps("## S\n````md\n```\ninner\n```\n````\n");
        assert_eq!(
            steps[0].parts,
            vec![Part::Code {
                lang: "md".into(),
                code: "```\ninner\n```".into()
            }]
        );
    }

    #[test]
    fn unclosed_fence_and_odd_input_never_panic() {
        let steps = readme_steps("## S\n```sh\necho hi");
        assert_eq!(
            steps[0].parts,
            vec![Part::Code {
                lang: "sh".into(),
                code: "echo hi".into()
            }]
        );
        assert!(readme_steps("").is_empty());
        assert!(readme_steps("```\n## x\n").is_empty());
        assert_eq!(readme_steps("##\n## é ✓\n")[0].title, "é ✓");
    }
}
