//! Validation: every rule that the answers must pass, as field-addressed issues, and the
//! conversion of valid answers into a typed [`Plan`].
//!
//! [`validate`] reports every issue, not the first. Errors block generation; warnings inform.
//! Each message says what is wrong with the value (in backticks) and how to fix it.

use crate::answers::Answers;
use crate::catalogue;
use crate::plan::*;

/// How bad an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocks the download.
    Error,
    /// Informs; the files are still generated.
    Warning,
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The dotted path of the field (`assets.certificate_arn`).
    pub field: &'static str,
    pub severity: Severity,
    /// What is wrong with the value and how to fix it.
    pub message: String,
}

/// Every issue of a set of answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    /// The issues of one field.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| i.field == field)
    }

    fn error(&mut self, field: &'static str, message: impl Into<String>) {
        self.issues.push(Issue {
            field,
            severity: Severity::Error,
            message: message.into(),
        });
    }
}

/// Every issue of `answers`, errors first, in the order of the wizard's fields.
pub fn validate(answers: &Answers) -> Report {
    let mut report = Report::default();
    // The rules are being written; for now the plan conversion checks what it needs.
    if let Err(problems) = convert(answers) {
        report.issues.extend(problems);
    }
    report
}

/// The issues of the field at `path` only (for checks on each keystroke). Cross-field rules that
/// involve the field are included.
pub fn validate_field(answers: &Answers, path: &str) -> Vec<Issue> {
    validate(answers)
        .issues
        .into_iter()
        .filter(|i| i.field == path)
        .collect()
}

/// The typed plan of `answers`, or the report when any error remains.
pub fn plan(answers: &Answers) -> Result<Plan, Report> {
    let report = validate(answers);
    if report.has_errors() {
        return Err(report);
    }
    convert(answers).map_err(|issues| Report { issues })
}

fn choice<T: Copy>(
    problems: &mut Report,
    field: &'static str,
    value: &str,
    options: &[(&str, T)],
) -> Option<T> {
    match options.iter().find(|(v, _)| *v == value) {
        Some((_, t)) => Some(*t),
        None => {
            let list: Vec<String> = options.iter().map(|(v, _)| format!("`{v}`")).collect();
            problems.error(
                field,
                format!(
                    "`{value}` is not one of the offered values; choose one of {}",
                    list.join(", ")
                ),
            );
            None
        }
    }
}

fn number(problems: &mut Report, field: &'static str, value: &str) -> Option<u32> {
    match value.trim().parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            problems.error(
                field,
                format!("`{value}` is not a whole number; type digits only"),
            );
            None
        }
    }
}

/// Half-ACU units from `"0.5"`, `"2"`, `"1.5"`.
fn half_acu(problems: &mut Report, field: &'static str, value: &str) -> Option<u16> {
    let v = value.trim();
    let (whole, frac) = match v.split_once('.') {
        Some((w, f)) => (w, f),
        None => (v, ""),
    };
    let whole: Option<u16> = whole.parse().ok().filter(|_| !whole.is_empty());
    let frac_half = match frac.trim_end_matches('0') {
        "" => Some(0),
        "5" => Some(1),
        _ => None,
    };
    match (whole, frac_half) {
        (Some(w), Some(h)) if w <= 256 => Some(w * 2 + h),
        _ => {
            problems.error(
                field,
                format!("`{value}` is not a capacity in 0.5 ACU steps; type a number like `0.5`, `2` or `16`"),
            );
            None
        }
    }
}

fn id_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Turns answers into a plan, reporting the values that cannot be read at all. The semantic
/// rules are in [`validate`].
fn convert(a: &Answers) -> Result<Plan, Vec<Issue>> {
    let mut p = Report::default();

    let stage = match a.project.stage_mode.as_str() {
        "per-developer" => Some(Stage::PerDeveloper),
        "fixed" => Some(Stage::Fixed(a.project.stage.trim().to_string())),
        other => {
            choice::<()>(
                &mut p,
                "project.stage_mode",
                other,
                &[("per-developer", ()), ("fixed", ())],
            );
            None
        }
    };
    let region = catalogue::region_by_code(&a.project.region);
    if region.is_none() {
        p.error(
            "project.region",
            format!(
                "`{}` is not an AWS region code; choose one like `eu-west-1`",
                a.project.region
            ),
        );
    }
    let architecture = choice(
        &mut p,
        "project.architecture",
        &a.project.architecture,
        &[
            ("x86_64", Architecture::X86_64),
            ("arm64", Architecture::Arm64),
        ],
    );
    let bref = catalogue::bref_version(&a.versions.bref);
    if bref.is_none() {
        choice::<()>(
            &mut p,
            "versions.bref",
            &a.versions.bref,
            &[("3", ()), ("2", ())],
        );
    }
    let php = catalogue::PHP_VERSIONS
        .iter()
        .copied()
        .find(|v| *v == a.versions.php);
    if php.is_none() {
        let options: Vec<(&str, ())> = catalogue::PHP_VERSIONS.iter().map(|v| (*v, ())).collect();
        choice(&mut p, "versions.php", &a.versions.php, &options);
    }
    let symfony = catalogue::symfony_version(&a.versions.symfony);
    if symfony.is_none() {
        let options: Vec<(&str, ())> = catalogue::SYMFONY_VERSIONS
            .iter()
            .map(|v| (v.id, ()))
            .collect();
        choice(&mut p, "versions.symfony", &a.versions.symfony, &options);
    }
    let front_controller = choice(
        &mut p,
        "versions.front_controller",
        &a.versions.front_controller,
        &[
            ("runtime", FrontController::Runtime),
            ("classic", FrontController::Classic),
        ],
    );
    let serverless = choice(
        &mut p,
        "versions.serverless",
        &a.versions.serverless,
        &[
            ("osls3", ServerlessCli::Osls3),
            ("sf4", ServerlessCli::Framework4),
        ],
    );
    let env = choice(
        &mut p,
        "environment.name",
        &a.environment.name,
        &[("lambda", "lambda"), ("prod", "prod")],
    );
    let debug = choice(
        &mut p,
        "environment.debug",
        &a.environment.debug,
        &[("off", false), ("on", true)],
    );
    let web_timeout = number(&mut p, "functions.web_timeout", &a.functions.web_timeout);
    let web_memory = number(&mut p, "functions.web_memory", &a.functions.web_memory);
    let console_timeout = number(
        &mut p,
        "functions.console_timeout",
        &a.functions.console_timeout,
    );
    let console_memory = number(
        &mut p,
        "functions.console_memory",
        &a.functions.console_memory,
    );
    let cache = choice(
        &mut p,
        "caching.strategy",
        &a.caching.strategy,
        &[
            ("pools-in-tmp", CacheStrategy::PoolsInTmp),
            ("bref-kernel", CacheStrategy::BrefKernel),
        ],
    );
    let log_level = choice(
        &mut p,
        "logging.level",
        &a.logging.level,
        &[
            ("debug", "debug"),
            ("info", "info"),
            ("notice", "notice"),
            ("warning", "warning"),
            ("error", "error"),
        ],
    );
    let log_formatter = choice(
        &mut p,
        "logging.formatter",
        &a.logging.formatter,
        &[
            ("line", LogFormatter::Line),
            ("bref-cloudwatch", LogFormatter::BrefCloudWatch),
        ],
    );
    let log_retention_days = number(&mut p, "logging.retention_days", &a.logging.retention_days);
    let app_secret = choice(
        &mut p,
        "secrets.app_secret",
        &a.secrets.app_secret,
        &[
            ("secrets-manager", AppSecret::SecretsManager),
            ("ssm", AppSecret::Ssm),
        ],
    );

    let domains = || Domains {
        default_pattern: a.assets.domain.trim().to_string(),
        production_stage: a.assets.production_stage.trim().to_string(),
        production_domain: a.assets.production_domain.trim().to_string(),
        certificate_arn: a.assets.certificate_arn.trim().to_string(),
    };
    let assets = match a.assets.mode.as_str() {
        "none" => Some(Assets::None),
        "lift" => Some(Assets::Lift {
            domains: if a.assets.domain.trim().is_empty() {
                None
            } else {
                Some(domains())
            },
        }),
        "cloudfront" => Some(Assets::CloudFront {
            domains: domains(),
            price_class: a.assets.price_class.clone(),
            tls_policy: a.assets.tls_policy.clone(),
        }),
        other => {
            choice::<()>(
                &mut p,
                "assets.mode",
                other,
                &[("none", ()), ("lift", ()), ("cloudfront", ())],
            );
            None
        }
    };
    let sessions = match a.sessions.storage.as_str() {
        "none" => Some(Sessions::None),
        "dynamodb" => number(&mut p, "sessions.lifetime", &a.sessions.lifetime)
            .map(|lifetime_seconds| Sessions::DynamoDb { lifetime_seconds }),
        other => {
            choice::<()>(
                &mut p,
                "sessions.storage",
                other,
                &[("dynamodb", ()), ("none", ())],
            );
            None
        }
    };
    let mailer = match a.mailer.transport.as_str() {
        "none" => Some(Mailer::None),
        "ses" => {
            let region = if a.mailer.ses_region == "same" {
                Some(None)
            } else {
                match catalogue::region_by_code(&a.mailer.ses_region) {
                    Some(r) => Some(Some(r)),
                    None => {
                        p.error(
                            "mailer.ses_region",
                            format!(
                                "`{}` is not an AWS region code; choose `same` or a region like `eu-west-1`",
                                a.mailer.ses_region
                            ),
                        );
                        None
                    }
                }
            };
            region.map(|region| Mailer::Ses {
                sender: a.mailer.sender.trim().to_string(),
                region,
            })
        }
        other => {
            choice::<()>(
                &mut p,
                "mailer.transport",
                other,
                &[("none", ()), ("ses", ())],
            );
            None
        }
    };
    let database = match a.database.engine.as_str() {
        "none" => Some(Database::None),
        "ssm-url" => Some(Database::SsmUrl {
            parameter: a.database.url_parameter.trim().to_string(),
        }),
        id @ ("aurora-mysql" | "aurora-postgresql") => {
            let engine = catalogue::aurora_engine(id);
            let network = match a.database.network.as_str() {
                "public" => Some(Network::Public),
                "vpc" => Some(Network::Vpc {
                    subnet_ids: id_list(&a.database.subnet_ids),
                    security_group_ids: id_list(&a.database.security_group_ids),
                }),
                "data-api" => Some(Network::DataApi),
                other => {
                    choice::<()>(
                        &mut p,
                        "database.network",
                        other,
                        &[("public", ()), ("vpc", ()), ("data-api", ())],
                    );
                    None
                }
            };
            let min = half_acu(&mut p, "database.min_acu", &a.database.min_acu);
            let max = half_acu(&mut p, "database.max_acu", &a.database.max_acu);
            let pause = number(
                &mut p,
                "database.auto_pause_seconds",
                &a.database.auto_pause_seconds,
            );
            match (engine, network, min, max, pause) {
                (
                    Some(engine),
                    Some(network),
                    Some(min_half_acu),
                    Some(max_half_acu),
                    Some(auto_pause_seconds),
                ) => Some(Database::Aurora {
                    engine,
                    network,
                    capacity: Capacity {
                        min_half_acu,
                        max_half_acu,
                        auto_pause_seconds,
                    },
                    name: a.database.name.trim().to_string(),
                }),
                _ => None,
            }
        }
        other => {
            choice::<()>(
                &mut p,
                "database.engine",
                other,
                &[
                    ("none", ()),
                    ("aurora-mysql", ()),
                    ("aurora-postgresql", ()),
                    ("ssm-url", ()),
                ],
            );
            None
        }
    };

    let service = a.project.service.trim().to_string();
    match (
        stage,
        region,
        architecture,
        bref,
        php,
        symfony,
        front_controller,
        serverless,
        env,
        debug,
        (web_timeout, web_memory, console_timeout, console_memory),
        (
            cache,
            log_level,
            log_formatter,
            log_retention_days,
            app_secret,
        ),
        (assets, sessions, mailer, database),
    ) {
        (
            Some(stage),
            Some(region),
            Some(architecture),
            Some(bref),
            Some(php),
            Some(symfony),
            Some(front_controller),
            Some(serverless),
            Some(env),
            Some(debug),
            (Some(web_timeout), Some(web_memory), Some(console_timeout), Some(console_memory)),
            (
                Some(cache),
                Some(log_level),
                Some(log_formatter),
                Some(log_retention_days),
                Some(app_secret),
            ),
            (Some(assets), Some(sessions), Some(mailer), Some(database)),
        ) if !p.has_errors() => Ok(Plan {
            service,
            stage,
            region,
            architecture,
            bref,
            php,
            symfony,
            front_controller,
            serverless,
            env,
            debug,
            web_timeout,
            web_memory,
            console_timeout,
            console_memory,
            cache,
            log_level,
            log_formatter,
            log_retention_days,
            app_secret,
            assets,
            sessions,
            mailer,
            database,
            answers: a.clone(),
        }),
        _ => Err(p.issues),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_make_a_plan() {
        let plan = plan(&Answers::default()).expect("defaults are valid");
        assert_eq!(plan.php_runtime(), "php-84");
        assert_eq!(plan.region.code, "eu-west-1");
    }

    #[test]
    fn unreadable_values_are_errors_at_their_field() {
        let mut a = Answers::default();
        a.functions.web_timeout = "2x".into();
        a.project.region = "mars-1".into();
        let report = validate(&a);
        assert_eq!(
            validate_field(&a, "functions.web_timeout")[0].message,
            "`2x` is not a whole number; type digits only"
        );
        assert!(report.for_field("project.region").next().is_some());
        assert!(plan(&a).is_err());
    }

    #[test]
    fn half_acu_parsing() {
        let mut r = Report::default();
        assert_eq!(half_acu(&mut r, "database.min_acu", "0"), Some(0));
        assert_eq!(half_acu(&mut r, "database.min_acu", "0.5"), Some(1));
        assert_eq!(half_acu(&mut r, "database.min_acu", "2.50"), Some(5));
        assert_eq!(half_acu(&mut r, "database.min_acu", "0.3"), None);
        assert_eq!(half_acu(&mut r, "database.min_acu", ".5"), None);
        assert_eq!(Capacity::format(5), "2.5");
        assert_eq!(Capacity::format(4), "2");
    }
}
