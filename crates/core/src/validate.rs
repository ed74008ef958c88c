//! Validation: every rule that the answers must pass, as field-addressed issues, and the
//! conversion of valid answers into a typed [`Plan`].
//!
//! [`validate`] reports every issue, not the first. Errors block generation; warnings inform.
//! Each message says what is wrong with the value (in backticks) and how to fix it, and each
//! issue carries the id of its rule in [`crate::rules::RULES`], where the source of the fact is.
//!
//! Two layers: `convert` reads every value that the plan needs (choices, numbers, region codes)
//! and reports what cannot be read at all; the checks below apply the AWS, Bref and Symfony rules
//! to the raw answers and stay silent about values `convert` already reported. [`plan`] runs both,
//! so it is `Ok` exactly when [`validate`] has no error.

use crate::answers::Answers;
use crate::catalogue::{self, Availability, Region};
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
    /// The id of the rule that raised it (a row of [`crate::rules::RULES`]).
    pub rule: &'static str,
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

/// How many errors and warnings a set of issues holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Report {
    /// The errors and warnings of the fields of one group (a wizard step, `project`), or of all
    /// fields when `group` is `None`.
    pub fn counts(&self, group: Option<&str>) -> Counts {
        let mut c = Counts::default();
        for issue in &self.issues {
            if group.is_none_or(|g| issue.field.split('.').next() == Some(g)) {
                match issue.severity {
                    Severity::Error => c.errors += 1,
                    Severity::Warning => c.warnings += 1,
                }
            }
        }
        c
    }

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

    fn error(&mut self, rule: &'static str, field: &'static str, message: impl Into<String>) {
        self.push(rule, field, Severity::Error, message);
    }

    fn warning(&mut self, rule: &'static str, field: &'static str, message: impl Into<String>) {
        self.push(rule, field, Severity::Warning, message);
    }

    fn push(
        &mut self,
        rule: &'static str,
        field: &'static str,
        severity: Severity,
        message: impl Into<String>,
    ) {
        debug_assert!(
            crate::rules::rule_by_id(rule).is_some(),
            "rule `{rule}` is missing from RULES"
        );
        self.issues.push(Issue {
            rule,
            field,
            severity,
            message: message.into(),
        });
    }
}

/// Every issue of `answers`, errors first, each severity in the order of the wizard's fields.
pub fn validate(answers: &Answers) -> Report {
    let mut report = Report::default();
    if let Err(problems) = convert(answers) {
        report.issues.extend(problems);
    }
    check(answers, &mut report);
    let position = |field: &str| Answers::PATHS.iter().position(|p| *p == field);
    let key = |i: &Issue| (i.severity, position(i.field));
    crate::sort_small_by(&mut report.issues, |a, b| key(a) < key(b));
    report
}

/// The issues of the field at `path` only (for checks on each keystroke). Cross-field rules that
/// report on the field are included. Every rule is a few string comparisons, so this simply runs
/// them all.
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

/// Why the option `value` of the choice field at `path` is ruled out by the other current
/// answers, or `None` when it can be chosen. The web app disables such options and shows the
/// reason beside them; choosing one anyway (through a file or a link) gives the matching
/// validation error.
pub fn option_disabled(answers: &Answers, path: &str, value: &str) -> Option<String> {
    let a = answers;
    match path {
        "project.region" => {
            let bref = catalogue::bref_version(&a.versions.bref)?;
            let region = catalogue::region_by_code(value)?;
            (!has_bref_layers(region, bref.major))
                .then(|| format!("Bref {} publishes no PHP layers in this region", bref.major))
        }
        "versions.php" => {
            if let Some(bref) = catalogue::bref_version(&a.versions.bref) {
                if catalogue::PHP_VERSIONS.contains(&value) && !bref.php.contains(&value) {
                    return Some(format!("Bref {} has no PHP {value} runtime", bref.major));
                }
            }
            let symfony = catalogue::symfony_version(&a.versions.symfony)?;
            (catalogue::version_cmp(value, symfony.php_min).is_lt()).then(|| {
                format!(
                    "Symfony {} needs PHP {} or later",
                    symfony_name(symfony),
                    symfony.php_min
                )
            })
        }
        "mailer.ses_region" => {
            if value == "same" {
                let region = catalogue::region_by_code(&a.project.region)?;
                (!region.ses).then(|| {
                    format!(
                        "SES does not send e-mail in {}, the functions' region",
                        region.code
                    )
                })
            } else {
                let region = catalogue::region_by_code(value)?;
                (!region.ses).then(|| "SES does not send e-mail in this region".to_string())
            }
        }
        "database.network" if value == "data-api" => {
            if a.versions.symfony != "5.4" {
                return Some(
                    "the RDS Data API driver needs Doctrine DBAL 2, so Symfony 5.4".to_string(),
                );
            }
            if a.database.engine != "aurora-mysql" {
                return Some("the RDS Data API driver works with Aurora MySQL only".to_string());
            }
            let region = catalogue::region_by_code(&a.project.region)?;
            (region.data_api_mysql == Availability::No).then(|| {
                format!(
                    "AWS does not offer the RDS Data API for Aurora MySQL in {}",
                    region.code
                )
            })
        }
        _ => None,
    }
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
                "choice.offered",
                field,
                format!(
                    "`{}` is not one of the offered values; choose one of {}",
                    show(value),
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
                "number.whole",
                field,
                format!("`{}` is not a whole number; type digits only", show(value)),
            );
            None
        }
    }
}

/// Half-ACU units from `"0.5"`, `"2"`, `"1.5"`, without reporting anything.
fn parse_half_acu(value: &str) -> Result<u32, ()> {
    let v = value.trim();
    let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || whole.len() > 6 {
        return Err(());
    }
    let whole: u32 = whole.parse().map_err(|_| ())?;
    let half = match frac.trim_end_matches('0') {
        "" => 0,
        "5" => 1,
        _ => return Err(()),
    };
    Ok(whole * 2 + half)
}

/// Half-ACU units from `"0.5"`, `"2"`, `"1.5"`, reporting values that are not capacities.
fn half_acu(problems: &mut Report, field: &'static str, value: &str) -> Option<u16> {
    match parse_half_acu(value) {
        Ok(h) if h <= 512 => u16::try_from(h).ok(),
        Ok(_) => {
            problems.error(
                "acu.range",
                field,
                format!(
                    "`{}` ACU is more than Aurora Serverless v2 allows; the most is `256`",
                    show(value)
                ),
            );
            None
        }
        Err(()) => {
            problems.error(
                "acu.format",
                field,
                format!(
                    "`{}` is not a capacity in 0.5 ACU steps; type a number like `0.5`, `2` or `16`",
                    show(value)
                ),
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
            "region.code",
            "project.region",
            format!(
                "`{}` is not an AWS region code; choose one like `eu-west-1`",
                show(&a.project.region)
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
        "cloudfront" => {
            let price_class = choice(
                &mut p,
                "assets.price_class",
                &a.assets.price_class,
                &catalogue::PRICE_CLASSES
                    .iter()
                    .map(|v| (*v, *v))
                    .collect::<Vec<_>>(),
            );
            let tls_policy = choice(
                &mut p,
                "assets.tls_policy",
                &a.assets.tls_policy,
                &catalogue::TLS_POLICIES
                    .iter()
                    .map(|v| (*v, *v))
                    .collect::<Vec<_>>(),
            );
            match (price_class, tls_policy) {
                (Some(price_class), Some(tls_policy)) => Some(Assets::CloudFront {
                    domains: domains(),
                    price_class: price_class.to_string(),
                    tls_policy: tls_policy.to_string(),
                }),
                _ => None,
            }
        }
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
                            "region.code",
                            "mailer.ses_region",
                            format!(
                                "`{}` is not an AWS region code; choose `same` or a region like `eu-west-1`",
                                show(&a.mailer.ses_region)
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
            // The pause only matters (and is only shown) with a minimum of 0 ACU; otherwise a
            // stray value must not block the download.
            let pause = if min == Some(0) {
                number(
                    &mut p,
                    "database.auto_pause_seconds",
                    &a.database.auto_pause_seconds,
                )
            } else {
                Some(a.database.auto_pause_seconds.trim().parse().unwrap_or(300))
            };
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

/// A value as it appears in a message: control characters escaped (a newline shows as `\n`) and
/// very long values shortened, so a message stays one readable line.
fn show(value: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A character as a message names it: in backticks, except the ones that would be invisible there
/// (a space, a non-breaking space), which are named in words.
fn show_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\u{a0}' => "a non-breaking space".to_string(),
        c if c.is_whitespace() && !c.is_control() => {
            format!("the space character U+{:04X}", c as u32)
        }
        c => format!("`{}`", show(&c.to_string())),
    }
}

/// The length a user name is assumed to have when every developer deploys a stage named after
/// their login (`${opt:stage, env:USER}`).
const ASSUMED_USER_STAGE: usize = 16;

/// The sample stage that replaces `{stage}` in the domain pattern before its syntax is checked.
fn sample_stage(a: &Answers) -> String {
    let stage = a.project.stage.trim();
    if a.project.stage_mode == "fixed" && stage_problem(stage).is_none() {
        stage.to_ascii_lowercase()
    } else {
        "dev".to_string()
    }
}

fn whole(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

fn has_bref_layers(region: &Region, bref_major: &str) -> bool {
    match bref_major {
        "2" => region.bref2,
        _ => region.bref3,
    }
}

fn symfony_name(s: &catalogue::SymfonyVersion) -> &'static str {
    s.id
}

/// Approximate location (latitude, longitude) of each region's city, to suggest the nearest
/// regions that offer what is missing. City coordinates, rounded; only the order matters.
const LOCATIONS: &[(&str, f64, f64)] = &[
    ("us-east-1", 38.9, -77.5),
    ("us-east-2", 40.0, -83.0),
    ("us-west-1", 37.4, -121.9),
    ("us-west-2", 45.8, -119.7),
    ("ca-central-1", 45.5, -73.6),
    ("ca-west-1", 51.0, -114.1),
    ("mx-central-1", 20.6, -100.4),
    ("sa-east-1", -23.5, -46.6),
    ("eu-west-1", 53.3, -6.3),
    ("eu-west-2", 51.5, -0.1),
    ("eu-west-3", 48.9, 2.4),
    ("eu-central-1", 50.1, 8.7),
    ("eu-central-2", 47.4, 8.5),
    ("eu-north-1", 59.3, 18.1),
    ("eu-south-1", 45.5, 9.2),
    ("eu-south-2", 41.6, -0.9),
    ("ap-east-1", 22.3, 114.2),
    ("ap-east-2", 25.0, 121.5),
    ("ap-northeast-1", 35.7, 139.7),
    ("ap-northeast-2", 37.6, 127.0),
    ("ap-northeast-3", 34.7, 135.5),
    ("ap-south-1", 19.1, 72.9),
    ("ap-south-2", 17.4, 78.5),
    ("ap-southeast-1", 1.4, 103.8),
    ("ap-southeast-2", -33.9, 151.2),
    ("ap-southeast-3", -6.2, 106.8),
    ("ap-southeast-4", -37.8, 145.0),
    ("ap-southeast-5", 3.1, 101.7),
    ("ap-southeast-6", -36.8, 174.8),
    ("ap-southeast-7", 13.8, 100.5),
    ("me-central-1", 24.5, 54.4),
    ("me-south-1", 26.1, 50.6),
    ("il-central-1", 32.1, 34.8),
    ("af-south-1", -33.9, 18.4),
];

fn location(code: &str) -> Option<(f64, f64)> {
    LOCATIONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, lat, lon)| (*lat, *lon))
}

/// `sin(x)` and `cos(x)` for `|x| ≤ π`, by their Taylor series to full `f64` precision:
/// `f64::sin` and `f64::cos` would add libm's argument reduction (about 8 KB) to the WebAssembly.
fn sin_cos(x: f64) -> (f64, f64) {
    let (mut sin, mut cos) = (0.0, 0.0);
    // x^n / n!; at n = 30 it is below 1e-17 for |x| ≤ π.
    let mut term = 1.0;
    for n in 0..30u8 {
        match n % 4 {
            0 => cos += term,
            1 => sin += term,
            2 => cos -= term,
            _ => sin -= term,
        }
        term *= x / f64::from(n + 1);
    }
    (sin, cos)
}

/// The point at latitude and longitude `at` (degrees) on the unit sphere. The nearer two
/// places are on the globe, the larger the dot product of their points.
fn unit_point(at: (f64, f64)) -> [f64; 3] {
    let (sin_lat, cos_lat) = sin_cos(at.0.to_radians());
    let (sin_lon, cos_lon) = sin_cos(at.1.to_radians());
    [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat]
}

/// How close `b` is to `a`: the cosine of the angle between them, larger when nearer.
fn closeness(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (a, b) = (unit_point(a), unit_point(b));
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// The three regions nearest to `code` for which `offers` holds, nearest first, as
/// "`eu-west-3` (Europe (Paris))" items.
pub fn nearest_regions(code: &str, offers: impl Fn(&Region) -> bool) -> Vec<&'static Region> {
    let Some(here) = location(code) else {
        return Vec::new();
    };
    let mut found: Vec<(f64, &'static Region)> = catalogue::REGIONS
        .iter()
        .filter(|r| r.code != code && offers(r))
        .filter_map(|r| location(r.code).map(|l| (closeness(here, l), r)))
        .collect();
    crate::sort_small_by(&mut found, |x, y| x.0 > y.0);
    found.into_iter().take(3).map(|(_, r)| r).collect()
}

fn region_list(regions: &[&Region]) -> String {
    let items: Vec<String> = regions
        .iter()
        .map(|r| format!("`{}` ({})", r.code, r.name))
        .collect();
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} or {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// What is wrong with a service name, if anything.
fn service_problem(service: &str) -> Option<String> {
    let shown = show(service);
    if service.is_empty() {
        return Some("the service name is empty; type a name like `symfony-project`".into());
    }
    // The suggestion in both messages: every character a name cannot hold becomes a hyphen.
    let fixed: String = service
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    if !service.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(format!(
            "`{shown}` does not start with a letter; CloudFormation stack names must, so start it with a letter, like `app-{}`",
            show(fixed.trim_start_matches('-'))
        ));
    }
    if let Some(c) = service
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        return Some(format!(
            "`{shown}` contains {}; a service name holds only letters, digits and hyphens, like `{}`",
            show_char(c),
            show(&fixed)
        ));
    }
    if service.len() < 2 {
        return Some(format!(
            "`{shown}` is too short; the Serverless Framework needs at least 2 characters"
        ));
    }
    None
}

/// What is wrong with a stage name, if anything.
fn stage_problem(stage: &str) -> Option<String> {
    if stage.is_empty() {
        return Some("the stage name is empty; type a name like `dev`".into());
    }
    stage
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        .map(|c| {
            format!(
                "`{}` contains {}; a stage name holds only letters, digits and hyphens",
                show(stage),
                show_char(c)
            )
        })
}

/// What is wrong with a domain name (after `{stage}` was replaced), if anything. `shown` is the
/// value as the user typed it.
fn domain_problem(domain: &str, shown: &str) -> Option<String> {
    let shown = show(shown);
    if let Some(c) = domain.chars().find(|c| !c.is_ascii()) {
        return Some(format!(
            "`{shown}` contains {}; write an internationalised domain name in its ASCII form (`xn--…`)",
            show_char(c)
        ));
    }
    if domain.chars().any(|c| c.is_ascii_uppercase()) {
        return Some(format!(
            "`{shown}` has capital letters; write the domain in lower case: `{}`",
            shown.to_ascii_lowercase()
        ));
    }
    if let Some(c) = domain
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
    {
        return Some(format!(
            "`{shown}` contains {}, which a domain name cannot hold; use letters, digits, hyphens and dots only",
            show_char(c)
        ));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Some(format!(
            "`{shown}` has an empty part between dots (two dots in a row, or a dot at the start or end); remove the extra dot"
        ));
    }
    if labels.len() < 2 {
        return Some(format!(
            "`{shown}` is not a full domain name; type the whole name, like `{shown}.com` or `app.{shown}.com`"
        ));
    }
    if let Some(l) = labels.iter().find(|l| l.len() > 63) {
        return Some(format!(
            "`{}` in `{shown}` has {} characters; each part between dots may have at most 63",
            show(l),
            l.len()
        ));
    }
    if let Some(l) = labels
        .iter()
        .find(|l| l.starts_with('-') || l.ends_with('-'))
    {
        return Some(format!(
            "`{l}` in `{shown}` starts or ends with a hyphen, which domain names do not allow"
        ));
    }
    if domain.len() > 253 {
        return Some(format!(
            "`{shown}` has {} characters; a domain name may have at most 253",
            domain.len()
        ));
    }
    if labels
        .last()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(format!(
            "`{shown}` ends in a number; type a domain name, not an IP address"
        ));
    }
    None
}

/// Whether a (valid) domain is one of the names RFC 2606 reserves.
fn is_reserved_example(domain: &str) -> bool {
    let tld = domain.rsplit('.').next().unwrap_or("");
    let second = domain.rsplit('.').take(2).collect::<Vec<_>>();
    matches!(tld, "example" | "test" | "invalid" | "localhost")
        || (second.len() == 2
            && second[1] == "example"
            && matches!(second[0], "com" | "net" | "org"))
}

/// The region of a well-formed ACM certificate ARN, or `None` when the ARN is malformed.
fn acm_region(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:aws:acm:")?;
    let (region, rest) = rest.split_once(':')?;
    let (account, rest) = rest.split_once(':')?;
    let id = rest.strip_prefix("certificate/")?;
    catalogue::region_by_code(region)?;
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = id.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    if lengths != [8, 4, 4, 4, 12]
        || !groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return None;
    }
    Some(region)
}

/// Whether `id` is `<prefix>` followed by 8 or 17 lower-case hex digits.
fn is_aws_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).is_some_and(|hex| {
        (hex.len() == 8 || hex.len() == 17)
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Every semantic rule. Values that `convert` could not read are skipped here, so each problem
/// is reported once.
fn check(a: &Answers, r: &mut Report) {
    check_project(a, r);
    check_versions(a, r);
    check_functions(a, r);
    check_assets(a, r);
    check_sessions_and_mailer(a, r);
    check_database(a, r);
}

fn check_project(a: &Answers, r: &mut Report) {
    let service = a.project.service.trim();
    let fixed = a.project.stage_mode == "fixed";
    let stage = a.project.stage.trim();
    let mode = a.assets.mode.as_str();
    let domains_used =
        mode == "cloudfront" || (mode == "lift" && !a.assets.domain.trim().is_empty());
    let production_stage = a.assets.production_stage.trim();

    let service_ok = match service_problem(service) {
        Some(m) => {
            r.error("service.syntax", "project.service", m);
            false
        }
        None => true,
    };
    let mut stage_ok = true;
    if fixed {
        if let Some(m) = stage_problem(stage) {
            r.error("stage.syntax", "project.stage", m);
            stage_ok = false;
        }
    }
    let mut production_ok = true;
    if domains_used {
        if let Some(m) = stage_problem(production_stage) {
            r.error("stage.syntax", "assets.production_stage", m);
            production_ok = false;
        }
    }

    // Derived names: the stack, the longest function name and the IAM role Serverless creates.
    let region = catalogue::region_by_code(&a.project.region);
    if service_ok {
        let region_code = region.map_or("us-east-1", |r| r.code);
        let too_long = |stage: &str| -> Option<(String, usize, usize, &'static str)> {
            let names = [
                (
                    format!("{service}-{stage}-{region_code}-lambdaRole"),
                    64,
                    "IAM role",
                ),
                (format!("{service}-{stage}-console"), 64, "console function"),
                (format!("{service}-{stage}"), 128, "CloudFormation stack"),
            ];
            names
                .into_iter()
                .find(|(n, max, _)| n.len() > *max)
                .map(|(n, max, what)| {
                    let len = n.len();
                    (n, len, max, what)
                })
        };
        let mut stages: Vec<&str> = Vec::new();
        if fixed && stage_ok {
            stages.push(stage);
        }
        if domains_used && production_ok {
            stages.push(production_stage);
        }
        let exact = stages.iter().find_map(|s| too_long(s));
        if let Some((name, len, max, what)) = exact {
            r.error(
                "names.length",
                "project.service",
                format!(
                    "`{}` is too long: the {what} name `{}` would have {len} characters and AWS allows {max}; shorten the service or stage name by {} characters",
                    show(service),
                    show(&name),
                    len - max
                ),
            );
        } else if !fixed {
            let assumed = "x".repeat(ASSUMED_USER_STAGE);
            if let Some((_, len, max, what)) = too_long(&assumed) {
                r.warning(
                    "names.length",
                    "project.service",
                    format!(
                        "`{}` leaves little room for the stage: with a {ASSUMED_USER_STAGE}-character user name as the stage, the {what} name would have {len} characters and AWS allows {max}; shorten the service name by {} characters or use a fixed stage",
                        show(service),
                        len - max
                    ),
                );
            }
        }
    }

    if let (Some(region), Some(bref)) = (region, catalogue::bref_version(&a.versions.bref)) {
        if !has_bref_layers(region, bref.major) {
            let near = nearest_regions(region.code, |r| has_bref_layers(r, bref.major));
            r.error(
                "region.bref",
                "project.region",
                format!(
                    "Bref {} publishes no PHP layers in `{}` ({}), so the functions cannot run there; choose a region that has them, such as {}",
                    bref.major,
                    region.code,
                    region.name,
                    region_list(&near)
                ),
            );
        }
    }

    if a.project.architecture == "arm64" {
        r.warning(
            "architecture.arm64",
            "project.architecture",
            "`arm64`: the extra extensions of `bref/extra-php-extensions` are not built for ARM; choose `x86_64` if your app needs one of them",
        );
    }
}

fn check_versions(a: &Answers, r: &mut Report) {
    let bref = catalogue::bref_version(&a.versions.bref);
    let symfony = catalogue::symfony_version(&a.versions.symfony);
    let php = a.versions.php.as_str();
    let php_known = catalogue::PHP_VERSIONS.contains(&php);
    if let (Some(bref), true) = (bref, php_known) {
        if !bref.php.contains(&php) {
            r.error(
                "php.bref",
                "versions.php",
                format!(
                    "Bref {} has no runtime for PHP `{php}`; choose PHP {} or Bref 3",
                    bref.major,
                    bref.php.join(", ")
                ),
            );
        }
    }
    if let (Some(symfony), true) = (symfony, php_known) {
        if catalogue::version_cmp(php, symfony.php_min).is_lt() {
            let ok: Vec<&str> = catalogue::PHP_VERSIONS
                .iter()
                .copied()
                .filter(|v| !catalogue::version_cmp(v, symfony.php_min).is_lt())
                .collect();
            let mut ok = ok;
            crate::sort_small_by(&mut ok, |x, y| catalogue::version_cmp(x, y).is_lt());
            r.error(
                "php.symfony",
                "versions.php",
                format!(
                    "Symfony {} needs PHP {} or later, so PHP `{php}` is too old; choose PHP {}",
                    symfony_name(symfony),
                    symfony.php_min,
                    ok.join(" or ")
                ),
            );
        }
    }
    if let Some(symfony) = symfony {
        match symfony.id {
            "5.4" => r.warning(
                "symfony.support",
                "versions.symfony",
                "`5.4` only gets security fixes (extended to February 2029) and many current bundles no longer support it; plan the upgrade to 7.4 LTS",
            ),
            "6.4" => r.warning(
                "symfony.support",
                "versions.symfony",
                "`6.4` only gets security fixes, until November 2027; plan the upgrade to 7.4 LTS",
            ),
            _ => {}
        }
        if a.versions.front_controller == "classic" && symfony.id != "5.4" {
            r.warning(
                "front-controller.classic",
                "versions.front_controller",
                format!(
                    "`classic` with Symfony {}: projects created with recipes 5.3 or later have the Runtime front controller (`autoload_runtime.php`); keep `classic` only if your public/index.php still reads TRUSTED_PROXIES",
                    symfony_name(symfony)
                ),
            );
        }
    }
    if a.versions.serverless == "sf4" {
        r.warning(
            "serverless.sf4",
            "versions.serverless",
            "`sf4`: Serverless Framework v4 makes everyone run `serverless login` (or set a licence key) and organisations above $2M yearly revenue need a paid licence; `osls3` needs neither",
        );
    }
    if a.environment.debug == "on" {
        r.warning(
            "debug.on",
            "environment.debug",
            "`on`: with debug on Symfony rebuilds its cache when it looks stale and fails on Lambda's read-only file system; keep debug `off` on Lambda",
        );
    }
}

fn check_functions(a: &Answers, r: &mut Report) {
    if let Some(t) = whole(&a.functions.web_timeout) {
        if t == 0 {
            r.error(
                "web-timeout.range",
                "functions.web_timeout",
                "`0` seconds is no time at all; type a timeout from 1 to 28 seconds",
            );
        } else if t > 28 {
            r.error(
                "web-timeout.range",
                "functions.web_timeout",
                format!(
                    "`{t}` seconds is too long: API Gateway ends every request after 30 seconds; set 28 or less so PHP ends the request itself and logs why"
                ),
            );
        }
    }
    if let Some(t) = whole(&a.functions.console_timeout) {
        if !(1..=900).contains(&t) {
            r.error(
                "console-timeout.range",
                "functions.console_timeout",
                format!(
                    "`{t}` seconds is outside what Lambda allows; type a timeout from 1 to 900 seconds (15 minutes)"
                ),
            );
        }
    }
    for (field, value) in [
        ("functions.web_memory", &a.functions.web_memory),
        ("functions.console_memory", &a.functions.console_memory),
    ] {
        if let Some(m) = whole(value) {
            if !(128..=10240).contains(&m) {
                r.error(
                    "memory.range",
                    field,
                    format!("`{m}` MB is outside what Lambda allows; type 128 to 10240 MB"),
                );
            }
        }
    }
    if let Some(days) = whole(&a.logging.retention_days) {
        let allowed = catalogue::LOG_RETENTION_DAYS;
        if !allowed.contains(&days) {
            let below = allowed.iter().rev().find(|d| **d < days);
            let above = allowed.iter().find(|d| **d > days);
            let near = match (below, above) {
                (Some(b), Some(a)) => format!("`{b}` or `{a}`"),
                (Some(x), None) | (None, Some(x)) => format!("`{x}`"),
                (None, None) => String::new(),
            };
            r.error(
                "retention.allowed",
                "logging.retention_days",
                format!(
                    "`{days}` days is not a retention CloudWatch Logs accepts; choose a listed value, such as {near}"
                ),
            );
        }
    }
}

fn check_assets(a: &Answers, r: &mut Report) {
    let mode = a.assets.mode.as_str();
    if mode != "cloudfront" && mode != "lift" {
        return;
    }
    let pattern = a.assets.domain.trim();
    let production = a.assets.production_domain.trim();
    let domains_used = mode == "cloudfront" || !pattern.is_empty();

    if mode == "cloudfront" && pattern.is_empty() {
        r.error(
            "domain.required",
            "assets.domain",
            "the domain of other stages is empty, but CloudFront needs a domain of your own to pass the host to Symfony; type a pattern like `{stage}.example.com`",
        );
    }
    if domains_used && production.is_empty() {
        r.error(
            "domain.required",
            "assets.production_domain",
            "the production domain is empty; type the domain of the production stage, like `example.com`",
        );
    }
    if !pattern.is_empty() {
        let sample = pattern.replace("{stage}", &sample_stage(a));
        match domain_problem(&sample, pattern) {
            Some(m) => r.error("domain.syntax", "assets.domain", m),
            None => {
                if a.project.stage_mode == "per-developer" && !pattern.contains("{stage}") {
                    r.warning(
                        "domain.per-stage",
                        "assets.domain",
                        format!(
                            "`{}` has no `{{stage}}`, so every developer's stage would claim the same domain and CloudFront lets only one distribution have it; add `{{stage}}`, like `{{stage}}.{}`",
                            show(pattern),
                            show(pattern)
                        ),
                    );
                }
                if is_reserved_example(&sample) {
                    r.warning(
                        "domain.example",
                        "assets.domain",
                        format!(
                            "`{}` is a reserved example name that nobody can own; replace it with your own domain",
                            show(pattern)
                        ),
                    );
                }
            }
        }
    }
    if domains_used && !production.is_empty() {
        if production.contains("{stage}") {
            r.error(
                "domain.syntax",
                "assets.production_domain",
                format!(
                    "`{}`: `{{stage}}` only works in the domain of other stages; the production domain is one fixed name, like `example.com`",
                    show(production)
                ),
            );
        } else {
            match domain_problem(production, production) {
                Some(m) => r.error("domain.syntax", "assets.production_domain", m),
                None if is_reserved_example(production) => r.warning(
                    "domain.example",
                    "assets.production_domain",
                    format!(
                        "`{}` is a reserved example name that nobody can own; replace it with your own domain",
                        show(production)
                    ),
                ),
                None => {}
            }
        }
    }

    if domains_used {
        let arn = a.assets.certificate_arn.trim();
        if arn.is_empty() {
            r.error(
                "certificate.required",
                "assets.certificate_arn",
                "the certificate ARN is empty; request a certificate for your domain and its subdomains (`example.com` and `*.example.com`) in AWS Certificate Manager in us-east-1 and paste its ARN",
            );
        } else {
            match acm_region(arn) {
                None => r.error(
                    "certificate.syntax",
                    "assets.certificate_arn",
                    format!(
                        "`{}` is not an ACM certificate ARN; copy the ARN from the ACM console, it looks like `arn:aws:acm:us-east-1:123456789012:certificate/` followed by the certificate ID",
                        show(arn)
                    ),
                ),
                Some(region) if region != "us-east-1" => r.error(
                    "certificate.region",
                    "assets.certificate_arn",
                    format!(
                        "the certificate is in `{region}`, but CloudFront only uses certificates from `us-east-1`; request or import the certificate in us-east-1 (N. Virginia), whatever region the functions run in"
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}

fn check_sessions_and_mailer(a: &Answers, r: &mut Report) {
    if a.sessions.storage == "dynamodb" {
        if let Some(s) = whole(&a.sessions.lifetime) {
            if s < 60 {
                r.error(
                    "session-lifetime.range",
                    "sessions.lifetime",
                    format!(
                        "`{s}` seconds would end sessions between two clicks; type at least 60 seconds (86400 is one day)"
                    ),
                );
            } else if s > 30 * 86400 {
                r.warning(
                    "session-lifetime.range",
                    "sessions.lifetime",
                    format!(
                        "`{s}` seconds is more than 30 days; a stolen session cookie stays valid that long, so consider Symfony's remember-me cookie for long logins"
                    ),
                );
            }
        }
    }

    if a.mailer.transport != "ses" {
        return;
    }
    let sender = a.mailer.sender.trim();
    if sender.is_empty() {
        r.error(
            "sender.syntax",
            "mailer.sender",
            "the sender is empty; type the domain (`example.com`) or address (`noreply@example.com`) you verified in SES",
        );
    } else {
        let domain = match sender.rsplit_once('@') {
            Some((local, domain)) => {
                let local_ok = !local.is_empty()
                    && local.len() <= 64
                    && local
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
                    && !local.starts_with('.')
                    && !local.ends_with('.')
                    && !local.contains("..");
                if local_ok {
                    Some(domain)
                } else {
                    r.error(
                        "sender.syntax",
                        "mailer.sender",
                        format!(
                            "`{}` is not an address SES can send from: the part before `@` must be 1 to 64 letters, digits or `. _ % + -`, without a dot at either end",
                            show(sender)
                        ),
                    );
                    None
                }
            }
            None => Some(sender),
        };
        if let Some(domain) = domain {
            match domain_problem(domain, sender) {
                Some(m) => r.error("domain.syntax", "mailer.sender", m),
                None if is_reserved_example(domain) => r.warning(
                    "domain.example",
                    "mailer.sender",
                    format!(
                        "`{}` is a reserved example name that SES cannot verify; use your own domain or address",
                        show(sender)
                    ),
                ),
                None => {}
            }
        }
    }

    let ses_region = if a.mailer.ses_region == "same" {
        catalogue::region_by_code(&a.project.region)
    } else {
        catalogue::region_by_code(&a.mailer.ses_region)
    };
    if let Some(region) = ses_region {
        if !region.ses {
            let near = nearest_regions(region.code, |r| r.ses);
            let whose = if a.mailer.ses_region == "same" {
                ", the functions' region"
            } else {
                ""
            };
            r.error(
                "region.ses",
                "mailer.ses_region",
                format!(
                    "SES does not send e-mail in `{}` ({}){whose}; set the SES region to a nearby one, such as {}",
                    region.code,
                    region.name,
                    region_list(&near)
                ),
            );
        }
    }
}

/// Names each engine keeps for itself (system databases); not every reserved SQL word.
const RESERVED_MYSQL: &[&str] = &[
    "mysql",
    "information_schema",
    "performance_schema",
    "sys",
    "database",
    "select",
    "table",
];
const RESERVED_POSTGRESQL: &[&str] = &[
    "postgres",
    "template0",
    "template1",
    "rdsadmin",
    "user",
    "select",
    "table",
];

fn check_database(a: &Answers, r: &mut Report) {
    let engine = a.database.engine.as_str();
    if engine == "ssm-url" {
        check_ssm_parameter(a, r);
        return;
    }
    let Some(aurora) = catalogue::aurora_engine(engine) else {
        return;
    };
    let network = a.database.network.as_str();
    let region = catalogue::region_by_code(&a.project.region);

    if network == "data-api" {
        let mut usable = true;
        if a.versions.symfony != "5.4" {
            usable = false;
            r.error(
                "data-api.symfony",
                "database.network",
                format!(
                    "`data-api` uses nemo64/dbal-rds-data, which needs Doctrine DBAL 2 and so Symfony 5.4; with Symfony `{}` choose `public` or `vpc`",
                    show(&a.versions.symfony)
                ),
            );
        }
        if engine != "aurora-mysql" {
            usable = false;
            r.error(
                "data-api.engine",
                "database.network",
                "`data-api` works with Aurora MySQL only (dbal-rds-data speaks MySQL); choose `public` or `vpc` for PostgreSQL",
            );
        }
        if let Some(region) = region {
            let available = if engine == "aurora-mysql" {
                region.data_api_mysql
            } else {
                region.data_api_postgresql
            };
            match available {
                Availability::No => r.error(
                    "region.data-api",
                    "database.network",
                    format!(
                        "AWS does not offer the RDS Data API for {} in `{}`; choose `public` or `vpc`, or another region",
                        aurora.label, region.code
                    ),
                ),
                Availability::Unconfirmed => r.warning(
                    "region.data-api",
                    "database.network",
                    format!(
                        "no source confirms that the RDS Data API is offered for {} in `{}`; check AWS's list of Data API regions before you deploy",
                        aurora.label, region.code
                    ),
                ),
                Availability::Yes => {}
            }
        }
        if usable {
            r.warning(
                "data-api.unmaintained",
                "database.network",
                "`data-api`: nemo64/dbal-rds-data has had no release since May 2021 and is not maintained; `public` with the normal pdo_mysql driver needs no extra package",
            );
        }
    }

    // Capacity. `convert` reports values that are not capacities at all.
    let min = parse_half_acu(&a.database.min_acu)
        .ok()
        .filter(|h| *h <= 512);
    let max = parse_half_acu(&a.database.max_acu)
        .ok()
        .filter(|h| *h <= 512);
    if let Some(max) = max {
        if max < 2 {
            r.error(
                "acu.range",
                "database.max_acu",
                format!(
                    "`{}` ACU is below the smallest maximum capacity; set at least `1`",
                    show(a.database.max_acu.trim())
                ),
            );
        } else if let Some(min) = min {
            if min > max {
                r.error(
                    "acu.range",
                    "database.max_acu",
                    format!(
                        "the maximum `{}` ACU is below the minimum `{}` ACU; raise the maximum or lower the minimum",
                        show(a.database.max_acu.trim()),
                        show(a.database.min_acu.trim())
                    ),
                );
            }
        }
    }
    if min == Some(0) {
        if let Some(s) = whole(&a.database.auto_pause_seconds) {
            if !(300..=86400).contains(&s) {
                r.error(
                    "auto-pause.range",
                    "database.auto_pause_seconds",
                    format!(
                        "`{s}` seconds is outside what Aurora allows; type 300 (5 minutes) to 86400 (one day)"
                    ),
                );
            }
        }
        if network == "data-api" {
            r.warning(
                "acu.pause-data-api",
                "database.min_acu",
                "`0` ACU with the Data API: the first request after a pause fails with `DatabaseResumingException` while the cluster resumes (up to 15 seconds); set at least `0.5` to keep it awake, or retry in the app",
            );
        }
    }

    let name = a.database.name.trim();
    let (max_len, reserved) = if engine == "aurora-mysql" {
        (64, RESERVED_MYSQL)
    } else {
        (63, RESERVED_POSTGRESQL)
    };
    let name_problem = if name.is_empty() {
        Some("the database name is empty; type a name like `symfony`".to_string())
    } else if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        Some(format!(
            "`{}` does not start with a letter; a database name must",
            show(name)
        ))
    } else if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
    {
        Some(format!(
            "`{}` contains {}; a database name holds only letters, digits and underscores",
            show(name),
            show_char(c)
        ))
    } else if name.len() > max_len {
        Some(format!(
            "`{}` has {} characters; {} allows at most {max_len}",
            show(name),
            name.len(),
            aurora.label
        ))
    } else if reserved.contains(&name.to_ascii_lowercase().as_str()) {
        Some(format!(
            "`{name}` is a name the database engine reserves; choose another, like `app`"
        ))
    } else {
        None
    };
    if let Some(m) = name_problem {
        r.error("database-name.syntax", "database.name", m);
    }

    if network == "vpc" {
        check_vpc(a, r);
    }
}

fn check_vpc(a: &Answers, r: &mut Report) {
    let subnets = id_list(&a.database.subnet_ids);
    if let Some(bad) = subnets.iter().find(|s| !is_aws_id(s, "subnet-")) {
        r.error(
            "vpc.subnets",
            "database.subnet_ids",
            format!(
                "`{}` is not a subnet ID; subnet IDs look like `subnet-0123456789abcdef0` (`subnet-` and 8 or 17 hex digits), separated by commas",
                show(bad)
            ),
        );
    } else if let Some(dup) = subnets
        .iter()
        .enumerate()
        .find(|(i, s)| subnets[..*i].contains(s))
        .map(|(_, s)| s)
    {
        r.error(
            "vpc.subnets",
            "database.subnet_ids",
            format!("`{}` is listed twice; list each subnet once", show(dup)),
        );
    } else if subnets.len() < 2 {
        r.error(
            "vpc.subnets",
            "database.subnet_ids",
            format!(
                "{} subnet given; list at least 2, in different availability zones, as the database's subnet group needs",
                subnets.len()
            ),
        );
    } else if subnets.len() > 16 {
        r.error(
            "vpc.subnets",
            "database.subnet_ids",
            format!(
                "{} subnets given; a Lambda function takes at most 16",
                subnets.len()
            ),
        );
    }

    let groups = id_list(&a.database.security_group_ids);
    if let Some(bad) = groups.iter().find(|s| !is_aws_id(s, "sg-")) {
        r.error(
            "vpc.security-groups",
            "database.security_group_ids",
            format!(
                "`{}` is not a security group ID; they look like `sg-0123456789abcdef0` (`sg-` and 8 or 17 hex digits), separated by commas",
                show(bad)
            ),
        );
    } else if let Some(dup) = groups
        .iter()
        .enumerate()
        .find(|(i, s)| groups[..*i].contains(s))
        .map(|(_, s)| s)
    {
        r.error(
            "vpc.security-groups",
            "database.security_group_ids",
            format!(
                "`{}` is listed twice; list each security group once",
                show(dup)
            ),
        );
    } else if groups.is_empty() {
        r.error(
            "vpc.security-groups",
            "database.security_group_ids",
            "no security group given; list the ID of the functions' security group, like `sg-0123456789abcdef0`",
        );
    } else if groups.len() > 5 {
        r.error(
            "vpc.security-groups",
            "database.security_group_ids",
            format!(
                "{} security groups given; a Lambda function takes at most 5",
                groups.len()
            ),
        );
    }

    let mut needs_internet: Vec<&str> = Vec::new();
    if a.sessions.storage == "dynamodb" {
        needs_internet.push("DynamoDB (sessions)");
    }
    if a.mailer.transport == "ses" {
        needs_internet.push("SES (mailer)");
    }
    if a.secrets.app_secret == "ssm" {
        needs_internet.push("SSM (APP_SECRET)");
    }
    if !needs_internet.is_empty() {
        r.warning(
            "vpc.internet",
            "database.network",
            format!(
                "`vpc`: inside a VPC the functions reach {} only through a NAT gateway (about $32 a month) or VPC endpoints; without one, those calls time out",
                needs_internet.join(", ")
            ),
        );
    }
}

fn check_ssm_parameter(a: &Answers, r: &mut Report) {
    let name = a.database.url_parameter.trim();
    let shown = show(name);
    let region_len = catalogue::region_by_code(&a.project.region).map_or(14, |r| r.code.len());
    // `arn:aws:ssm:<region>:<12-digit account>:parameter` + name
    let arn_len = "arn:aws:ssm:".len() + region_len + 1 + 12 + ":parameter".len() + name.len();
    let first = name
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let problem = if name.is_empty() {
        Some("the parameter name is empty; type the name of the SSM parameter that holds DATABASE_URL, like `/my-app/database-url`".to_string())
    } else if !name.starts_with('/') {
        Some(format!(
            "`{shown}` does not start with `/`; type the full path, like `/{shown}`"
        ))
    } else if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "_.-/".contains(*c)))
    {
        Some(format!(
            "`{shown}` contains {}; SSM parameter names hold only letters, digits, `_`, `.`, `-` and `/`",
            show_char(c)
        ))
    } else if name[1..].split('/').any(str::is_empty) {
        Some(format!(
            "`{shown}` has an empty level (`//` or a `/` at the end); remove the extra slash"
        ))
    } else if name.matches('/').count() > 15 {
        Some(format!(
            "`{shown}` has {} levels; SSM allows at most 15",
            name.matches('/').count()
        ))
    } else if first.starts_with("aws") || first.starts_with("ssm") {
        Some(format!(
            "`{shown}` starts with `aws` or `ssm`, which AWS reserves; put it under your app's name, like `/my-app/database-url`"
        ))
    } else if arn_len > 1011 {
        Some(format!(
            "`{}` is too long: with its ARN the name has {arn_len} characters and SSM allows 1011",
            shown
        ))
    } else {
        None
    };
    if let Some(m) = problem {
        r.error("ssm.parameter", "database.url_parameter", m);
    }
}

#[cfg(test)]
mod tests {
    /// The great-circle distance in km (haversine, with libm's trigonometry).
    fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
        let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
        let h = ((la2 - la1) / 2.0).sin().powi(2)
            + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().clamp(0.0, 1.0).asin()
    }

    #[test]
    fn nearest_regions_are_the_nearest_by_great_circle_distance() {
        for x in [-3.1, -1.0, -0.2, 0.0, 0.7, 1.5, 3.1] {
            let (s, c) = super::sin_cos(x);
            assert!(
                (s - f64::sin(x)).abs() < 1e-14 && (c - f64::cos(x)).abs() < 1e-14,
                "{x}"
            );
        }
        let mut checked = 0;
        for region in catalogue::REGIONS {
            let Some(here) = location(region.code) else {
                continue;
            };
            let mut by_distance: Vec<(f64, &str)> = catalogue::REGIONS
                .iter()
                .filter(|r| r.code != region.code)
                .filter_map(|r| location(r.code).map(|l| (haversine(here, l), r.code)))
                .collect();
            by_distance.sort_by(|x, y| x.0.total_cmp(&y.0));
            let expected: Vec<&str> = by_distance.iter().take(3).map(|(_, c)| *c).collect();
            let found: Vec<&str> = nearest_regions(region.code, |_| true)
                .iter()
                .map(|r| r.code)
                .collect();
            assert_eq!(found, expected, "{}", region.code);
            checked += 1;
        }
        assert!(checked > 20, "{checked} regions");
    }

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
    fn service_suggestions_are_valid_names() {
        assert_eq!(
            service_problem("9 bad:name").as_deref(),
            Some("`9 bad:name` does not start with a letter; CloudFormation stack names must, so start it with a letter, like `app-9-bad-name`")
        );
        assert_eq!(
            service_problem("my app").as_deref(),
            Some("`my app` contains a space; a service name holds only letters, digits and hyphens, like `my-app`")
        );
    }

    #[test]
    fn counts_per_group_and_in_all() {
        let mut a = Answers::default();
        a.functions.web_timeout = "99".into();
        a.project.architecture = "arm64".into();
        let report = validate(&a);
        assert_eq!(
            report.counts(Some("functions")),
            Counts {
                errors: 1,
                warnings: 0
            }
        );
        assert_eq!(
            report.counts(Some("project")),
            Counts {
                errors: 0,
                warnings: 1
            }
        );
        assert_eq!(report.counts(Some("mailer")), Counts::default());
        assert_eq!(
            report.counts(None),
            Counts {
                errors: 1,
                warnings: 1
            }
        );
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
