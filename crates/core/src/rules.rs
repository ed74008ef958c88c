//! The table of validation rules: one row per rule that [`crate::validate::validate`] applies,
//! with the fields it looks at, how severe it is, what it checks and where the fact comes from.
//!
//! Every [`crate::validate::Issue`] carries the id of the rule that raised it, so an issue can be
//! traced back to its row here. `crates/core/RULES.md` is rendered from this table by
//! [`markdown`]; a test compares the two (set `UPDATE_RULES=1` to rewrite the file), and the
//! validation tests fail when a rule has no failing example.

/// One validation rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, also carried by every issue the rule raises (`web-timeout.range`).
    pub id: &'static str,
    /// The fields the rule reports on.
    pub fields: &'static [&'static str],
    /// `error`, `warning`, or `error or warning` when the severity depends on the case.
    pub severity: &'static str,
    /// What the rule checks, in one sentence.
    pub what: &'static str,
    /// Where the fact behind the rule comes from.
    pub source: &'static str,
}

const fn rule(
    id: &'static str,
    fields: &'static [&'static str],
    severity: &'static str,
    what: &'static str,
    source: &'static str,
) -> Rule {
    Rule {
        id,
        fields,
        severity,
        what,
        source,
    }
}

const E: &str = "error";
const W: &str = "warning";
const EW: &str = "error or warning";

/// Choice fields, checked for an offered value.
const CHOICE_FIELDS: &[&str] = &[
    "project.stage_mode",
    "project.architecture",
    "versions.bref",
    "versions.php",
    "versions.symfony",
    "versions.front_controller",
    "versions.serverless",
    "environment.name",
    "environment.debug",
    "caching.strategy",
    "logging.level",
    "logging.formatter",
    "secrets.app_secret",
    "assets.mode",
    "assets.price_class",
    "assets.tls_policy",
    "sessions.storage",
    "mailer.transport",
    "database.engine",
    "database.network",
];

/// Every rule, grouped as the wizard's steps are.
pub const RULES: &[Rule] = &[
    rule(
        "choice.offered",
        CHOICE_FIELDS,
        E,
        "The value is one of the options the wizard offers (only fields that matter with the other answers are checked).",
        "the option lists in `crates/core/src/fields.rs` and `catalogue.rs`",
    ),
    rule(
        "number.whole",
        &[
            "functions.web_timeout",
            "functions.web_memory",
            "functions.console_timeout",
            "functions.console_memory",
            "logging.retention_days",
            "sessions.lifetime",
            "database.auto_pause_seconds",
        ],
        E,
        "The value is a whole number (digits only).",
        "CloudFormation and serverless.yml take these as integers",
    ),
    rule(
        "service.syntax",
        &["project.service"],
        E,
        "The service name starts with a letter, has at least two characters and holds only letters, digits and hyphens.",
        "osls `lib/config-schema.js` (`service` pattern `^[a-zA-Z][0-9a-zA-Z-]+$`); CloudFormation stack names `[A-Za-z][A-Za-z0-9-]*`",
    ),
    rule(
        "stage.syntax",
        &["project.stage", "assets.production_stage"],
        E,
        "A stage name is not empty and holds only letters, digits and hyphens.",
        "osls `lib/config-schema.js` (`stagePattern` `^[a-zA-Z0-9-]+$`)",
    ),
    rule(
        "names.length",
        &["project.service"],
        EW,
        "The names derived from service and stage fit AWS limits: stack `<service>-<stage>` ≤ 128, function `<service>-<stage>-console` ≤ 64, IAM role `<service>-<stage>-<region>-lambdaRole` ≤ 64. Known stages (a fixed stage, the production stage) give an error; with a per-developer stage a user name of up to 16 characters is assumed and the result is a warning.",
        "CloudFormation quotas (stack name 128); Lambda `FunctionName` (64); IAM quotas (role name 64); osls `lib/plugins/aws/lib/naming.js` (`getRoleName`: `Fn::Join` of service, stage, region and `lambdaRole`)",
    ),
    rule(
        "region.code",
        &["project.region", "mailer.ses_region"],
        E,
        "The region is one of the 34 commercial AWS regions.",
        "botocore `endpoints.json` (aws partition)",
    ),
    rule(
        "region.bref",
        &["project.region"],
        E,
        "The chosen Bref major publishes its PHP layers in the region; the message lists the nearest regions that have them.",
        "brefphp/bref `layers.json`",
    ),
    rule(
        "region.ses",
        &["mailer.ses_region"],
        E,
        "SES sends e-mail in the effective SES region (the functions' region when `same`); the message lists the nearest SES regions.",
        "botocore `endpoints.json`, service `email`",
    ),
    rule(
        "region.data-api",
        &["database.network"],
        EW,
        "The RDS Data API is available for the engine in the region: error when AWS lists it as unavailable, warning when no source confirms it.",
        "AWS Aurora User Guide, \"Supported Regions and Aurora DB engines for RDS Data API\"",
    ),
    rule(
        "architecture.arm64",
        &["project.architecture"],
        W,
        "`arm64` has no `bref/extra-php-extensions` layers.",
        "brefphp/bref `docs/runtimes/index.mdx`",
    ),
    rule(
        "php.bref",
        &["versions.php"],
        E,
        "The chosen Bref major publishes a runtime for the PHP version (Bref 2: 8.2–8.4, Bref 3: 8.2–8.5).",
        "brefphp/bref `layers.json` (3.x and tag 2.4.21); Bref 3 `composer.json` `php >=8.2`",
    ),
    rule(
        "php.symfony",
        &["versions.php"],
        E,
        "The PHP version is at least the Symfony line's minimum (Symfony 8 needs PHP 8.4).",
        "symfony.com/releases.json",
    ),
    rule(
        "symfony.support",
        &["versions.symfony"],
        W,
        "Symfony 5.4 and 6.4 only get security fixes.",
        "symfony.com/releases.json; symfony/symfony PR #58613 (5.4 extended to February 2029)",
    ),
    rule(
        "front-controller.classic",
        &["versions.front_controller"],
        W,
        "The classic front controller with Symfony 6.4 or later: projects created with recipes 5.3 and later have the Runtime one.",
        "symfony/recipes `symfony/framework-bundle/5.3/public/index.php`",
    ),
    rule(
        "serverless.sf4",
        &["versions.serverless"],
        W,
        "Serverless Framework v4 needs a login or licence key, and a paid licence above $2M revenue.",
        "serverless.com/framework-pricing; Serverless v4 upgrade guide",
    ),
    rule(
        "debug.on",
        &["environment.debug"],
        W,
        "Debug on makes Symfony rebuild its cache on Lambda's read-only file system.",
        "brefphp/symfony-bridge issues #60 and #62",
    ),
    rule(
        "web-timeout.range",
        &["functions.web_timeout"],
        E,
        "The web timeout is 1–28 seconds: API Gateway's HTTP API ends requests after 30 seconds.",
        "API Gateway HTTP API quotas (30 s integration timeout); Bref `docs/symfony/getting-started.mdx` (`timeout: 28`)",
    ),
    rule(
        "console-timeout.range",
        &["functions.console_timeout"],
        E,
        "The console timeout is 1–900 seconds.",
        "Lambda quotas (function timeout 900 s)",
    ),
    rule(
        "memory.range",
        &["functions.web_memory", "functions.console_memory"],
        E,
        "Memory is 128–10240 MB.",
        "Lambda `MemorySize` (128–10240)",
    ),
    rule(
        "retention.allowed",
        &["logging.retention_days"],
        E,
        "The log retention is one of the values CloudWatch Logs accepts.",
        "CloudWatch Logs `PutRetentionPolicy` `retentionInDays`",
    ),
    rule(
        "domain.required",
        &["assets.domain", "assets.production_domain"],
        E,
        "S3 + CloudFront needs both domains (the guide: the custom domain is not optional); Lift needs the production domain once the stage domain is set.",
        "the 2020 guide, \"Configure a custom domain\"; Bref `docs/use-cases/websites.mdx`",
    ),
    rule(
        "domain.syntax",
        &["assets.domain", "assets.production_domain", "mailer.sender"],
        E,
        "A domain name: lower-case letters, digits and hyphens, labels of 1–63 characters that neither start nor end with a hyphen, at least two labels, at most 253 characters, not ending in a number; `{stage}` only in the pattern of other stages, replaced by a sample stage before the check.",
        "RFC 1035 §2.3.1 and §2.3.4; RFC 1123 §2.1; CloudFront alternate domain name requirements",
    ),
    rule(
        "domain.per-stage",
        &["assets.domain"],
        W,
        "With a per-developer stage the domain pattern contains `{stage}`, since CloudFront gives an alternate domain name to one distribution only.",
        "CloudFront Developer Guide, \"Using custom URLs by adding alternate domain names (CNAMEs)\" (`CNAMEAlreadyExists`)",
    ),
    rule(
        "domain.example",
        &["assets.domain", "assets.production_domain", "mailer.sender"],
        W,
        "`example.com`, `example.net`, `example.org` and the `.example`, `.test`, `.invalid`, `.localhost` names are reserved and cannot be yours.",
        "RFC 2606",
    ),
    rule(
        "certificate.required",
        &["assets.certificate_arn"],
        E,
        "A certificate is needed for S3 + CloudFront, and for Lift when a domain is set.",
        "CloudFront alternate domain names need a certificate; Lift `docs/server-side-website.md` (`certificate`)",
    ),
    rule(
        "certificate.syntax",
        &["assets.certificate_arn"],
        E,
        "The ARN has the form `arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>`.",
        "AWS Certificate Manager ARN format (Service Authorization Reference, ACM resource types)",
    ),
    rule(
        "certificate.region",
        &["assets.certificate_arn"],
        E,
        "The certificate is in us-east-1, the only region CloudFront takes certificates from.",
        "CloudFront Developer Guide, \"Requirements for using SSL/TLS certificates with CloudFront\"; Lift and Bref websites docs",
    ),
    rule(
        "session-lifetime.range",
        &["sessions.lifetime"],
        EW,
        "The session lifetime is at least 60 seconds (error) and at most 30 days (warning above).",
        "async-aws `SessionHandler` (`session_lifetime` feeds the `expires` TTL); Symfony security docs (remember-me for long logins)",
    ),
    rule(
        "sender.syntax",
        &["mailer.sender"],
        E,
        "The sender is a domain or an address `local@domain` (local part: letters, digits and `. _ % + -`, at most 64 characters).",
        "SES \"Creating and verifying identities\"; RFC 5321 §4.5.3.1.1",
    ),
    rule(
        "data-api.symfony",
        &["database.network"],
        E,
        "The RDS Data API driver `nemo64/dbal-rds-data` needs Doctrine DBAL 2, so Symfony 5.4.",
        "Nemo64/dbal-rds-data `composer.json` (`doctrine/dbal ^2.7`)",
    ),
    rule(
        "data-api.engine",
        &["database.network"],
        E,
        "The RDS Data API driver only speaks MySQL.",
        "Nemo64/dbal-rds-data README",
    ),
    rule(
        "data-api.unmaintained",
        &["database.network"],
        W,
        "`nemo64/dbal-rds-data` has had no release since May 2021.",
        "Nemo64/dbal-rds-data tags (v1.3.2, 2021-05-20)",
    ),
    rule(
        "acu.format",
        &["database.min_acu", "database.max_acu"],
        E,
        "Capacity is a number in 0.5 ACU steps.",
        "RDS API `ServerlessV2ScalingConfiguration`",
    ),
    rule(
        "acu.range",
        &["database.min_acu", "database.max_acu"],
        E,
        "Minimum 0 or 0.5–256 ACU, maximum 1–256 ACU, minimum not above maximum.",
        "RDS API `ServerlessV2ScalingConfiguration`; Aurora User Guide, \"Scaling to zero ACUs\"",
    ),
    rule(
        "auto-pause.range",
        &["database.auto_pause_seconds"],
        E,
        "With minimum 0 ACU, the seconds until auto-pause are 300–86400.",
        "RDS API `ServerlessV2ScalingConfiguration` (`SecondsUntilAutoPause`)",
    ),
    rule(
        "acu.pause-data-api",
        &["database.min_acu"],
        W,
        "Minimum 0 ACU with the Data API: the first request after a pause fails with `DatabaseResumingException`.",
        "botocore `rds-data` docs (`DatabaseResumingException`); Bref `docs/environment/database.mdx` (up to 15 s to resume)",
    ),
    rule(
        "database-name.syntax",
        &["database.name"],
        E,
        "The database name starts with a letter, holds letters, digits and underscores, is at most 64 (MySQL) or 63 (PostgreSQL) characters and is not a system database name (`mysql`, `postgres` …).",
        "CloudFormation `AWS::RDS::DBCluster` `DatabaseName`; RDS `CreateDBCluster` `DatabaseName`",
    ),
    rule(
        "vpc.subnets",
        &["database.subnet_ids"],
        E,
        "Subnet IDs look like `subnet-` and 8 or 17 hex digits, with no duplicates; at least 2 (a DB subnet group spans two availability zones) and at most 16 (Lambda `VpcConfig`).",
        "EC2 resource ID format; RDS \"Working with a DB instance in a VPC\" (DB subnet groups); Lambda API `VpcConfig`",
    ),
    rule(
        "vpc.security-groups",
        &["database.security_group_ids"],
        E,
        "Security group IDs look like `sg-` and 8 or 17 hex digits, with no duplicates; 1 to 5 of them.",
        "EC2 resource ID format; Lambda API `VpcConfig` (at most 5 security groups)",
    ),
    rule(
        "vpc.internet",
        &["database.network"],
        W,
        "Functions inside a VPC reach DynamoDB, SES and SSM only through a NAT gateway or VPC endpoints.",
        "Bref `docs/environment/database.mdx`; Lambda Developer Guide, \"Giving Lambda functions access to resources in an Amazon VPC\"",
    ),
    rule(
        "ssm.parameter",
        &["database.url_parameter"],
        E,
        "An SSM parameter name: starts with `/`, holds `a-zA-Z0-9_.-` and `/`, no empty level, at most 15 levels, not prefixed with `aws` or `ssm`, at most 1011 characters with its ARN.",
        "SSM `PutParameter` naming constraints; CloudFormation `AWS::SSM::Parameter` `Name`",
    ),
];

/// The rule with this id.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// `crates/core/RULES.md`: the table of every rule.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Validation rules\n\n\
         Generated from `RULES` in `crates/core/src/rules.rs` by the test `rules_md_is_up_to_date`\n\
         (run `UPDATE_RULES=1 cargo test -p symfony-lambda-core --test validation` to rewrite it).\n\
         Every issue the engine reports carries one of these ids. Errors block the download;\n\
         warnings inform.\n\n\
         | id | fields | severity | what is checked | source |\n\
         |---|---|---|---|---|\n",
    );
    for r in RULES {
        let fields: Vec<String> = r.fields.iter().map(|f| format!("`{f}`")).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            r.id,
            fields.join(", "),
            r.severity,
            r.what.replace('|', "\\|"),
            r.source.replace('|', "\\|"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_fields_exist() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        for r in RULES {
            for f in r.fields {
                assert!(
                    crate::Answers::PATHS.contains(f),
                    "rule {} names unknown field {f}",
                    r.id
                );
            }
        }
    }
}
