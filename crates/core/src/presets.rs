//! Presets: complete sets of answers the wizard can start from.
//!
//! Each preset validates without any error, except the guide's, which leaves the ACM certificate
//! ARN empty on purpose: a certificate is something only the user can supply, and a made-up ARN
//! that passes the syntax check would only fail later, in the middle of a deployment. The empty
//! field is reported as an error at the certificate field, which tells the user what to do. The
//! guide's example domains (`example.com`) are kept because they are the guide's own; they are
//! reported as warnings so they get replaced.

use crate::answers::Answers;

/// A named starting point.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// URL-safe id (`guide`).
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// Builds the preset's answers.
    pub answers: fn() -> Answers,
}

/// Every preset, in the order the web app shows them.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "guide",
        title: "The 2020 guide, modernised",
        description: "Everything the guide sets up, with today's syntax: a `lambda` environment, cache pools in /tmp, CloudWatch logs without the date, APP_SECRET in Secrets Manager, S3 + CloudFront in CloudFormation with a domain per stage, DynamoDB sessions, SES, and Aurora Serverless v2 MySQL on a public endpoint (the guide's Data API driver needs Symfony 5.4). Paste your ACM certificate ARN and replace the example domains.",
        answers: guide,
    },
    Preset {
        id: "minimal-api",
        title: "Minimal API",
        description: "An API on the API Gateway URL in the `prod` environment with Bref's kernel: no assets, no sessions, no mailer, no database.",
        answers: minimal_api,
    },
    Preset {
        id: "website-db",
        title: "Website with a database",
        description: "A website behind Lift's server-side-website construct (on its CloudFront domain until you add yours), DynamoDB sessions and Aurora Serverless v2 PostgreSQL on a public endpoint.",
        answers: website_db,
    },
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The answers of the guide, modernised.
pub fn guide() -> Answers {
    let mut a = Answers::default();
    a.project.region = "eu-west-1".into();
    a.project.stage_mode = "per-developer".into();
    a.environment.name = "lambda".into();
    a.caching.strategy = "pools-in-tmp".into();
    a.logging.level = "debug".into();
    a.logging.formatter = "line".into();
    a.secrets.app_secret = "secrets-manager".into();
    a.assets.mode = "cloudfront".into();
    a.assets.domain = "{stage}.example.com".into();
    a.assets.production_stage = "production".into();
    a.assets.production_domain = "example.com".into();
    a.assets.certificate_arn = String::new();
    a.assets.price_class = "PriceClass_100".into();
    a.sessions.storage = "dynamodb".into();
    a.mailer.transport = "ses".into();
    a.mailer.sender = "example.com".into();
    a.mailer.ses_region = "same".into();
    a.database.engine = "aurora-mysql".into();
    a.database.network = "public".into();
    a
}

/// A stateless API: nothing but the two functions.
pub fn minimal_api() -> Answers {
    let mut a = Answers::default();
    a.environment.name = "prod".into();
    a.caching.strategy = "bref-kernel".into();
    a.logging.level = "info".into();
    a.logging.formatter = "bref-cloudwatch".into();
    a.assets.mode = "none".into();
    a.sessions.storage = "none".into();
    a.mailer.transport = "none".into();
    a.database.engine = "none".into();
    a
}

/// A website with Lift, sessions and PostgreSQL.
pub fn website_db() -> Answers {
    let mut a = Answers::default();
    a.assets.mode = "lift".into();
    a.assets.domain = String::new();
    a.assets.production_domain = String::new();
    a.assets.certificate_arn = String::new();
    a.sessions.storage = "dynamodb".into();
    a.mailer.transport = "none".into();
    a.database.engine = "aurora-postgresql".into();
    a.database.network = "public".into();
    a
}
