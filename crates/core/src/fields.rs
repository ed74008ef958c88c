//! The wizard's steps and fields: label, kind of input, the one-paragraph "why", the source, how
//! the product differs from the 2020 guide, and the short key a share link uses. The web app
//! renders its forms from this table, the link codec takes its keys from it, and the answers-file
//! reader uses it to tell known keys from unknown ones. All user-facing text of the options lives
//! here, in one place.

use crate::answers::Answers;
use crate::catalogue;

/// One option of a choice field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    pub value: &'static str,
    pub label: &'static str,
}

const fn opt(value: &'static str, label: &'static str) -> Opt {
    Opt { value, label }
}

/// What kind of input a field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text { placeholder: &'static str },
    /// A number typed as text; `unit` is shown beside it.
    Number { unit: &'static str, decimal: bool },
    /// One of a fixed list.
    Choice(&'static [Opt]),
    /// An AWS region; `same` adds a first option "the functions' region".
    Region { same: bool },
}

/// One field of the wizard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Dotted path in [`Answers`] (`project.service`).
    pub path: &'static str,
    /// Short key in share links. Public format: never reuse or change one.
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    /// Why this option exists and what the choice changes.
    pub why: &'static str,
    /// Where the facts come from.
    pub source: &'static str,
    /// How the product differs from the 2020 guide here, if it does.
    pub guide_diff: Option<&'static str>,
}

/// One step of the wizard (a group of fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The group name in [`Answers`] (`project`), also the step's URL-safe id.
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
}

/// The steps, in order. The web app adds a final Review step.
pub const STEPS: &[Step] = &[
    Step { id: "project", title: "Project", intro: "Name the service, choose who deploys which stage, and where it runs." },
    Step { id: "versions", title: "Versions", intro: "Bref, PHP, Symfony and the Serverless CLI: the choices that decide every other file's syntax." },
    Step { id: "environment", title: "Environment", intro: "The Symfony environment the functions run in." },
    Step { id: "functions", title: "Functions", intro: "The web function behind API Gateway and the console function for commands and migrations." },
    Step { id: "caching", title: "Caching", intro: "Lambda's file system is read-only except /tmp: decide where Symfony's caches go." },
    Step { id: "logging", title: "Logging", intro: "Log files are lost with the instance; log to CloudWatch through stderr instead." },
    Step { id: "secrets", title: "Secrets", intro: "APP_SECRET signs CSRF tokens and remember-me cookies: keep it out of the repository." },
    Step { id: "assets", title: "Assets & domain", intro: "Serve CSS, JS and images from S3 and your app under your own domain." },
    Step { id: "sessions", title: "Sessions", intro: "Sessions on disk get lost between Lambda instances: store them in DynamoDB." },
    Step { id: "mailer", title: "Mailer", intro: "Send e-mail through Amazon SES with the function's own credentials." },
    Step { id: "database", title: "Database", intro: "Doctrine with Aurora Serverless v2 or a database you already have." },
];

const STAGE_MODES: &[Opt] = &[
    opt(
        "per-developer",
        "One stage per developer: ${opt:stage, env:USER}",
    ),
    opt("fixed", "A fixed stage name"),
];
const ARCHITECTURES: &[Opt] = &[
    opt("x86_64", "x86_64"),
    opt("arm64", "arm64 (Graviton, about 20 % cheaper)"),
];
const BREFS: &[Opt] = &[
    opt("3", "Bref 3 (current)"),
    opt("2", "Bref 2 (maintenance)"),
];
const PHPS: &[Opt] = &[
    opt("8.4", "PHP 8.4"),
    opt("8.2", "PHP 8.2"),
    opt("8.3", "PHP 8.3"),
    opt("8.5", "PHP 8.5"),
];
const SYMFONYS: &[Opt] = &[
    opt("7.4", "Symfony 7.4 LTS"),
    opt("6.4", "Symfony 6.4 LTS"),
    opt("8", "Symfony 8.x (8.1 and later)"),
    opt("5.4", "Symfony 5.4"),
];
const FRONT_CONTROLLERS: &[Opt] = &[
    opt("runtime", "Runtime component (recipes 5.3 and later)"),
    opt("classic", "Classic public/index.php (5.1 recipe)"),
];
const SERVERLESS: &[Opt] = &[
    opt("osls3", "osls 3 (open source, no account)"),
    opt("sf4", "Serverless Framework v4 (login or licence key)"),
];
const ENVS: &[Opt] = &[
    opt("lambda", "lambda (its own environment)"),
    opt("prod", "prod"),
];
const DEBUG: &[Opt] = &[
    opt("off", "Off (APP_DEBUG=0)"),
    opt("on", "On (APP_DEBUG=1)"),
];
const CACHE: &[Opt] = &[
    opt(
        "pools-in-tmp",
        "Cache pools in /tmp/pools, warmed cache deployed",
    ),
    opt("bref-kernel", "BrefKernel from bref/symfony-bridge"),
];
const LEVELS: &[Opt] = &[
    opt("debug", "debug"),
    opt("info", "info"),
    opt("notice", "notice"),
    opt("warning", "warning"),
    opt("error", "error"),
];
const FORMATTERS: &[Opt] = &[
    opt("line", "One line, without the date"),
    opt("bref-cloudwatch", "Bref's CloudWatch formatter (JSON)"),
];
const RETENTION: &[Opt] = &[
    opt("1", "1 day"),
    opt("3", "3 days"),
    opt("5", "5 days"),
    opt("7", "1 week"),
    opt("14", "2 weeks"),
    opt("30", "30 days"),
    opt("60", "60 days"),
    opt("90", "90 days"),
    opt("120", "120 days"),
    opt("150", "150 days"),
    opt("180", "180 days"),
    opt("365", "1 year"),
    opt("400", "400 days"),
    opt("545", "545 days"),
    opt("731", "2 years"),
    opt("1096", "3 years"),
    opt("1827", "5 years"),
    opt("2192", "6 years"),
    opt("2557", "7 years"),
    opt("2922", "8 years"),
    opt("3288", "9 years"),
    opt("3653", "10 years"),
];
const APP_SECRETS: &[Opt] = &[
    opt(
        "secrets-manager",
        "Secrets Manager, generated by CloudFormation",
    ),
    opt("ssm", "SSM Parameter Store, read at runtime"),
];
const ASSET_MODES: &[Opt] = &[
    opt("none", "None: the API Gateway URL"),
    opt("lift", "Lift server-side-website construct"),
    opt(
        "cloudfront",
        "S3 + CloudFront written out in CloudFormation",
    ),
];
const PRICE_CLASSES: &[Opt] = &[
    opt("PriceClass_100", "North America and Europe (cheapest)"),
    opt("PriceClass_200", "Adds Asia, Middle East and Africa"),
    opt("PriceClass_All", "All edge locations"),
];
const TLS: &[Opt] = &[
    opt("TLSv1.2_2021", "TLSv1.2_2021 (recommended)"),
    opt("TLSv1.2_2019", "TLSv1.2_2019"),
    opt("TLSv1.2_2018", "TLSv1.2_2018 (the guide's)"),
];
const SESSION_STORAGE: &[Opt] = &[
    opt("dynamodb", "DynamoDB (async-aws)"),
    opt("none", "None (stateless app)"),
];
const MAILERS: &[Opt] = &[
    opt("none", "None"),
    opt("ses", "Amazon SES (symfony/amazon-mailer)"),
];
const ENGINES: &[Opt] = &[
    opt("none", "None"),
    opt("aurora-mysql", "Aurora Serverless v2 MySQL"),
    opt("aurora-postgresql", "Aurora Serverless v2 PostgreSQL"),
    opt("ssm-url", "Existing database, URL in SSM"),
];
const NETWORKS: &[Opt] = &[
    opt("public", "Public endpoint (TLS, no VPC)"),
    opt("vpc", "Inside your VPC"),
    opt("data-api", "RDS Data API with dbal-rds-data"),
];

const BREF_DOCS: &str = "https://bref.sh/docs/";

/// Every field, in the wizard's order (the same order as [`Answers::PATHS`]).
pub const FIELDS: &[Field] = &[
    Field {
        path: "project.service",
        key: "sv",
        label: "Service name",
        kind: Kind::Text { placeholder: "symfony-project" },
        why: "The Serverless service name. CloudFormation names the stack `<service>-<stage>` and every function `<service>-<stage>-web`, so it must start with a letter and use only letters, digits and hyphens.",
        source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-using-console-create-stack-parameters.html",
        guide_diff: None,
    },
    Field {
        path: "project.stage_mode",
        key: "sm",
        label: "Stage",
        kind: Kind::Choice(STAGE_MODES),
        why: "The guide uses the user name as the default stage so that several developers can deploy their own copy without getting in each other's way; `serverless deploy --stage production` still deploys production. A fixed name suits a CI pipeline with one stage.",
        source: "https://www.serverless.com/framework/docs/providers/aws/guide/variables",
        guide_diff: None,
    },
    Field {
        path: "project.stage",
        key: "st",
        label: "Fixed stage name",
        kind: Kind::Text { placeholder: "dev" },
        why: "The stage deployed when no `--stage` option is given.",
        source: "https://www.serverless.com/framework/docs/providers/aws/guide/deploying",
        guide_diff: None,
    },
    Field {
        path: "project.region",
        key: "rg",
        label: "AWS region",
        kind: Kind::Region { same: false },
        why: "Bref publishes its PHP layers in 22 regions; the functions can only run there. SES and the RDS Data API are not in every region either: the badges show what each region offers.",
        source: "https://github.com/brefphp/bref/blob/master/layers.json",
        guide_diff: Some("The guide was written for us-east-1, us-east-2, us-west-2 and eu-west-1; availability is now checked for all 34 regions."),
    },
    Field {
        path: "project.architecture",
        key: "ar",
        label: "Architecture",
        kind: Kind::Choice(ARCHITECTURES),
        why: "arm64 (Graviton) costs less per millisecond and Bref publishes arm layers for every PHP version, but the extra extensions of `bref/extra-php-extensions` are not built for ARM.",
        source: "https://bref.sh/docs/runtimes#arm-runtimes",
        guide_diff: None,
    },
    Field {
        path: "versions.bref",
        key: "bv",
        label: "Bref",
        kind: Kind::Choice(BREFS),
        why: "Bref 3 (February 2026) runs on Amazon Linux 2023 with one merged layer per PHP version and needs PHP 8.2 or later. Bref 2 still gets fixes but its layers are published from a different AWS account.",
        source: "https://bref.sh/docs/upgrading/v3",
        guide_diff: Some("The guide used Bref 0.5 layers (`${bref:layer.php-74-fpm}`) and `runtime: provided`, which Bref 3 rejects; the files use `runtime: php-84-fpm`."),
    },
    Field {
        path: "versions.php",
        key: "pv",
        label: "PHP",
        kind: Kind::Choice(PHPS),
        why: "The PHP version of the Lambda runtime. Your composer.json's `php` requirement and `config.platform.php` should match it, so that Composer installs packages that run there.",
        source: "https://bref.sh/docs/runtimes",
        guide_diff: Some("The guide used PHP 7.4, which no current Bref offers."),
    },
    Field {
        path: "versions.symfony",
        key: "sy",
        label: "Symfony",
        kind: Kind::Choice(SYMFONYS),
        why: "Decides which recipe files the patches apply to, whether `APP_SHARE_DIR` must be moved to /tmp (7.4 and later) and whether the kernel must allow the `lambda` environment (`getAllowedEnvs()`, 8.1 and later).",
        source: "https://symfony.com/releases",
        guide_diff: Some("The guide was written for Symfony 5.1."),
    },
    Field {
        path: "versions.front_controller",
        key: "fc",
        label: "Front controller",
        kind: Kind::Choice(FRONT_CONTROLLERS),
        why: "Projects created with recipes 5.3 and later boot through the Runtime component and trust proxies in `framework.yaml`. Projects created with the 5.1 recipe still have the classic `public/index.php` that reads TRUSTED_PROXIES itself; the patch then adds the X-Forwarded-Host header there.",
        source: "https://github.com/symfony/recipes/tree/main/symfony/framework-bundle",
        guide_diff: None,
    },
    Field {
        path: "versions.serverless",
        key: "sl",
        label: "Serverless CLI",
        kind: Kind::Choice(SERVERLESS),
        why: "Bref's docs recommend osls, the MIT-licensed fork of Serverless Framework v3 kept up by Bref's maintainers. Serverless Framework v4 works too but every user must log in, and organisations above $2M revenue need a paid licence.",
        source: "https://bref.sh/docs/setup",
        guide_diff: Some("Serverless Framework v3 is no longer maintained (since December 2024)."),
    },
    Field {
        path: "environment.name",
        key: "en",
        label: "Symfony environment",
        kind: Kind::Choice(ENVS),
        why: "A dedicated `lambda` environment keeps the Lambda-specific configuration in `config/packages/lambda/`, so `prod` still runs on a classic server and every change is easy to see. `prod` is simpler if the app only ever runs on Lambda.",
        source: "https://symfony.com/doc/current/configuration.html#creating-a-new-environment",
        guide_diff: None,
    },
    Field {
        path: "environment.debug",
        key: "db",
        label: "Debug",
        kind: Kind::Choice(DEBUG),
        why: "Every environment but `prod` defaults to debug on. With debug on Symfony rebuilds the container when a file changes and fails on Lambda's read-only file system, so `.env.lambda` sets `APP_DEBUG=0`.",
        source: "https://github.com/brefphp/symfony-bridge/issues/60",
        guide_diff: None,
    },
    Field {
        path: "functions.web_timeout",
        key: "wt",
        label: "Web timeout",
        kind: Kind::Number { unit: "seconds", decimal: false },
        why: "API Gateway's HTTP API ends every request after 30 seconds. Keeping the function below 29 seconds lets PHP end the request itself and log why.",
        source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html",
        guide_diff: None,
    },
    Field {
        path: "functions.web_memory",
        key: "wm",
        label: "Web memory",
        kind: Kind::Number { unit: "MB", decimal: false },
        why: "Lambda gives CPU in proportion to memory: 1024 MB is Bref's default and a good start for Symfony. Allowed: 128 to 10240 MB.",
        source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
        guide_diff: None,
    },
    Field {
        path: "functions.console_timeout",
        key: "ct",
        label: "Console timeout",
        kind: Kind::Number { unit: "seconds", decimal: false },
        why: "The console function runs `bin/console` commands such as migrations; it is not behind API Gateway, so it may run up to Lambda's limit of 900 seconds.",
        source: "https://bref.sh/docs/runtimes/console",
        guide_diff: None,
    },
    Field {
        path: "functions.console_memory",
        key: "cm",
        label: "Console memory",
        kind: Kind::Number { unit: "MB", decimal: false },
        why: "Memory of the console function, 128 to 10240 MB.",
        source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
        guide_diff: None,
    },
    Field {
        path: "caching.strategy",
        key: "cs",
        label: "Cache strategy",
        kind: Kind::Choice(CACHE),
        why: "The guide deploys the cache warmed with `cache:warmup` and moves only the key-value pools (validator, serializer, app) to the writable /tmp/pools, which is fastest on a warm instance. Bref's BrefKernel instead copies the deployed cache to /tmp on every cold start: simpler, slightly slower to start.",
        source: "https://bref.sh/docs/symfony/caching",
        guide_diff: None,
    },
    Field {
        path: "logging.level",
        key: "ll",
        label: "Log level",
        kind: Kind::Choice(LEVELS),
        why: "The lowest level Monolog writes to stderr, which Lambda sends to CloudWatch. The guide starts with debug; CloudWatch bills ingestion per GB, so raise it once the app is stable.",
        source: "https://bref.sh/docs/environment/logs",
        guide_diff: None,
    },
    Field {
        path: "logging.formatter",
        key: "lf",
        label: "Log format",
        kind: Kind::Choice(FORMATTERS),
        why: "CloudWatch adds the time to every line, so the guide's line formatter drops the date. Bref's CloudWatch formatter (BrefBundle, on by default in the Symfony bridge) writes JSON that CloudWatch Logs Insights can query by field.",
        source: "https://github.com/brefphp/symfony-bridge/blob/master/src/BrefBundle.php",
        guide_diff: None,
    },
    Field {
        path: "logging.retention_days",
        key: "lr",
        label: "Log retention",
        kind: Kind::Choice(RETENTION),
        why: "By default CloudWatch keeps logs forever and bills their storage every month. The retention deletes older events.",
        source: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html",
        guide_diff: Some("The guide kept logs forever."),
    },
    Field {
        path: "secrets.app_secret",
        key: "as",
        label: "APP_SECRET from",
        kind: Kind::Choice(APP_SECRETS),
        why: "The guide lets CloudFormation generate a random secret in Secrets Manager (about $0.40 a month) and reads it at deploy time. An SSM SecureString parameter is free; `bref/secrets-loader` reads it when the function starts, so the value never appears in the Lambda console.",
        source: "https://bref.sh/docs/environment/variables#secrets",
        guide_diff: None,
    },
    Field {
        path: "assets.mode",
        key: "am",
        label: "Assets and domain",
        kind: Kind::Choice(ASSET_MODES),
        why: "PHP should not serve CSS and JS. Lift's server-side-website construct creates the S3 bucket, the CloudFront distribution and the X-Forwarded-Host function in one block; the guide's way writes the same in plain CloudFormation, with nothing to install. Without either, the app runs on the API Gateway URL and assets must come from elsewhere.",
        source: "https://bref.sh/docs/use-cases/websites",
        guide_diff: Some("The guide's CloudFront setup used legacy ForwardedValues and an origin access identity; the generated one uses cache policies and origin access control."),
    },
    Field {
        path: "assets.domain",
        key: "dd",
        label: "Domain of other stages",
        kind: Kind::Text { placeholder: "{stage}.example.com" },
        why: "Symfony builds absolute URLs from the Host header, which behind CloudFront is the API Gateway host. With a domain of your own, CloudFront passes it as X-Forwarded-Host. `{stage}` stands for the stage name, so every developer's stage gets its own subdomain.",
        source: "https://github.com/brefphp/bref/issues/535",
        guide_diff: None,
    },
    Field {
        path: "assets.production_stage",
        key: "ps",
        label: "Production stage",
        kind: Kind::Text { placeholder: "production" },
        why: "The stage that gets the production domain instead of the pattern above.",
        source: "https://www.serverless.com/framework/docs/providers/aws/guide/variables",
        guide_diff: None,
    },
    Field {
        path: "assets.production_domain",
        key: "pd",
        label: "Production domain",
        kind: Kind::Text { placeholder: "example.com" },
        why: "The domain of the production stage.",
        source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
        guide_diff: None,
    },
    Field {
        path: "assets.certificate_arn",
        key: "ca",
        label: "ACM certificate ARN",
        kind: Kind::Text { placeholder: "arn:aws:acm:us-east-1:123456789012:certificate/…" },
        why: "CloudFront only uses certificates from AWS Certificate Manager in us-east-1, whatever region the functions run in. Request one for `example.com` and `*.example.com` so it covers every stage.",
        source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html",
        guide_diff: None,
    },
    Field {
        path: "assets.price_class",
        key: "pc",
        label: "CloudFront price class",
        kind: Kind::Choice(PRICE_CLASSES),
        why: "Which edge locations serve your visitors. PriceClass_100 (the guide's) is the cheapest and serves North America and Europe; visitors elsewhere are served from there too, a little slower.",
        source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html",
        guide_diff: None,
    },
    Field {
        path: "assets.tls_policy",
        key: "tp",
        label: "Minimum TLS policy",
        kind: Kind::Choice(TLS),
        why: "The oldest TLS version and ciphers CloudFront accepts from browsers. TLSv1.2_2021 allows only modern ciphers and every current browser supports it.",
        source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
        guide_diff: Some("The guide used TLSv1.2_2018."),
    },
    Field {
        path: "sessions.storage",
        key: "ss",
        label: "Session storage",
        kind: Kind::Choice(SESSION_STORAGE),
        why: "PHP writes sessions to /tmp by default, which each Lambda instance has for itself: users get logged out at random and flash messages vanish. The async-aws session handler stores them in a DynamoDB table that expires old sessions for free.",
        source: "https://async-aws.com/integration/session.html",
        guide_diff: None,
    },
    Field {
        path: "sessions.lifetime",
        key: "sl2",
        label: "Session lifetime",
        kind: Kind::Number { unit: "seconds", decimal: false },
        why: "After this long without a request a session expires; DynamoDB's time to live deletes it later at no cost.",
        source: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html",
        guide_diff: None,
    },
    Field {
        path: "mailer.transport",
        key: "mt",
        label: "Mailer",
        kind: Kind::Choice(MAILERS),
        why: "symfony/amazon-mailer sends through SES with the function's own IAM role, so no SMTP password is stored anywhere.",
        source: "https://symfony.com/doc/current/mailer.html#using-a-3rd-party-transport",
        guide_diff: Some("The guide granted only `ses:SendEmail`; the `ses://` transport sends raw e-mail and needs `ses:SendRawEmail` too."),
    },
    Field {
        path: "mailer.sender",
        key: "ms",
        label: "Sender identity",
        kind: Kind::Text { placeholder: "example.com or noreply@example.com" },
        why: "SES only sends from a verified domain or address. The IAM statement is limited to this identity.",
        source: "https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html",
        guide_diff: Some("The guide allowed sending from every identity (`Resource: '*'`)."),
    },
    Field {
        path: "mailer.ses_region",
        key: "mr",
        label: "SES region",
        kind: Kind::Region { same: true },
        why: "SES is not in every region. The mailer DSN names the region explicitly because symfony/amazon-mailer defaults to eu-west-1, not the function's region.",
        source: "https://github.com/symfony/symfony/blob/7.4/src/Symfony/Component/Mailer/Bridge/Amazon/README.md",
        guide_diff: None,
    },
    Field {
        path: "database.engine",
        key: "de",
        label: "Database",
        kind: Kind::Choice(ENGINES),
        why: "Aurora Serverless v2 scales in 0.5 ACU steps and can pause at 0 ACU when idle, which suits development stages. An existing database only needs its URL in an SSM parameter.",
        source: "https://bref.sh/docs/environment/database",
        guide_diff: Some("The guide used Aurora Serverless v1 (`EngineMode: serverless`), which AWS ended on 31 March 2025."),
    },
    Field {
        path: "database.network",
        key: "dn",
        label: "Network",
        kind: Kind::Choice(NETWORKS),
        why: "A public endpoint with TLS is Bref's simplest option: no VPC and no NAT gateway. Inside a VPC the functions can no longer reach the internet without a NAT gateway (about $32 a month). The guide's RDS Data API driver avoids both but only works with Doctrine DBAL 2, so Symfony 5.4 at most.",
        source: "https://bref.sh/docs/environment/database",
        guide_diff: Some("The guide's `nemo64/dbal-rds-data` has had no release since 2021 and needs DBAL 2."),
    },
    Field {
        path: "database.subnet_ids",
        key: "sn",
        label: "Subnet IDs",
        kind: Kind::Text { placeholder: "subnet-0abc…, subnet-0def…" },
        why: "Private subnets in at least two availability zones for the functions and the database.",
        source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        guide_diff: None,
    },
    Field {
        path: "database.security_group_ids",
        key: "sg",
        label: "Security group IDs",
        kind: Kind::Text { placeholder: "sg-0abc…" },
        why: "Security groups of the functions; the database allows connections from them.",
        source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        guide_diff: None,
    },
    Field {
        path: "database.min_acu",
        key: "mi",
        label: "Minimum capacity",
        kind: Kind::Number { unit: "ACU", decimal: true },
        why: "0 lets the cluster pause when idle and costs nothing but storage; the first request then waits up to 15 seconds. 0.5 ACU or more keeps it awake.",
        source: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html",
        guide_diff: None,
    },
    Field {
        path: "database.max_acu",
        key: "mx",
        label: "Maximum capacity",
        kind: Kind::Number { unit: "ACU", decimal: true },
        why: "The ceiling of the cluster's scaling, and so of its cost: 1 ACU is about 2 GiB of memory.",
        source: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.setting-capacity.html",
        guide_diff: None,
    },
    Field {
        path: "database.auto_pause_seconds",
        key: "ap",
        label: "Pause after",
        kind: Kind::Number { unit: "seconds", decimal: false },
        why: "How long the cluster waits without connections before it pauses (minimum capacity 0 only): 300 to 86400 seconds.",
        source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ServerlessV2ScalingConfiguration.html",
        guide_diff: None,
    },
    Field {
        path: "database.name",
        key: "dname",
        label: "Database name",
        kind: Kind::Text { placeholder: "symfony" },
        why: "The database the cluster creates: a letter, then letters, digits or underscores.",
        source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html",
        guide_diff: None,
    },
    Field {
        path: "database.url_parameter",
        key: "du",
        label: "SSM parameter with DATABASE_URL",
        kind: Kind::Text { placeholder: "/my-app/database-url" },
        why: "A SecureString parameter holding the full Doctrine URL; `bref/secrets-loader` reads it when the function starts.",
        source: "https://bref.sh/docs/environment/variables#secrets",
        guide_diff: None,
    },
];

/// The field at `path`.
pub fn field(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path)
}

/// The fields of one step, in order.
pub fn fields_of(step: &str) -> impl Iterator<Item = &'static Field> + '_ {
    FIELDS
        .iter()
        .filter(move |f| f.path.split('.').next() == Some(step))
}

/// The step a field belongs to.
pub fn step_of(path: &str) -> Option<&'static Step> {
    let group = path.split('.').next()?;
    STEPS.iter().find(|s| s.id == group)
}

/// Whether the field matters with the current answers (a fixed stage name only when the stage is
/// fixed, the certificate only with a CloudFront mode…). The wizard hides fields that do not.
pub fn is_relevant(path: &str, a: &Answers) -> bool {
    let aurora = a.database.engine.starts_with("aurora-");
    match path {
        "project.stage" => a.project.stage_mode == "fixed",
        "assets.domain"
        | "assets.production_stage"
        | "assets.production_domain"
        | "assets.certificate_arn" => a.assets.mode != "none",
        "assets.price_class" | "assets.tls_policy" => a.assets.mode == "cloudfront",
        "sessions.lifetime" => a.sessions.storage == "dynamodb",
        "mailer.sender" | "mailer.ses_region" => a.mailer.transport == "ses",
        "database.network" | "database.min_acu" | "database.max_acu" | "database.name" => aurora,
        "database.auto_pause_seconds" => aurora && a.database.min_acu.trim() == "0",
        "database.subnet_ids" | "database.security_group_ids" => {
            aurora && a.database.network == "vpc"
        }
        "database.url_parameter" => a.database.engine == "ssm-url",
        _ => true,
    }
}

/// The options of a region field: (value, label) pairs, grouped by area in the label order.
pub fn region_options(same: bool) -> Vec<(&'static str, String)> {
    let mut out = Vec::with_capacity(catalogue::REGIONS.len() + 1);
    if same {
        out.push(("same", "The functions' region".to_string()));
    }
    for r in catalogue::REGIONS {
        out.push((r.code, format!("{} — {}", r.code, r.name)));
    }
    out
}

/// The documentation home of Bref, for links that have no more precise page.
pub const BREF_DOCS_URL: &str = BREF_DOCS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answers_path_has_exactly_one_field_in_the_same_order() {
        let paths: Vec<&str> = FIELDS.iter().map(|f| f.path).collect();
        assert_eq!(paths, Answers::PATHS);
    }

    #[test]
    fn link_keys_are_unique_and_url_safe() {
        let mut keys: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
        assert!(keys
            .iter()
            .all(|k| k.chars().all(|c| c.is_ascii_alphanumeric())));
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), FIELDS.len());
    }

    #[test]
    fn every_default_choice_is_an_offered_option() {
        let a = Answers::default();
        for f in FIELDS {
            if let Kind::Choice(opts) = f.kind {
                let v = a.get(f.path).expect("path exists");
                assert!(opts.iter().any(|o| o.value == v), "{}: {v}", f.path);
            }
        }
    }

    #[test]
    fn every_field_belongs_to_a_step() {
        for f in FIELDS {
            assert!(step_of(f.path).is_some(), "{}", f.path);
        }
    }
}
