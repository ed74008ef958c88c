//! Every validation rule with a value that passes and one that fails (with the exact message),
//! the defaults and presets, `option_disabled`, the rules table, and property tests that no input
//! makes validation or planning panic.

use proptest::prelude::*;
use symfony_lambda_core::answers::Answers;
use symfony_lambda_core::rules::{self, RULES};
use symfony_lambda_core::{option_disabled, plan, presets, validate, Severity};

const CERT: &str =
    "arn:aws:acm:us-east-1:123456789012:certificate/1d3b0b4c-8f2a-4e55-9a0e-2f1f6a3c9b7d";

fn cloudfront(a: &mut Answers) {
    a.assets.mode = "cloudfront".into();
    a.assets.domain = "{stage}.myshop.de".into();
    a.assets.production_domain = "myshop.de".into();
    a.assets.certificate_arn = CERT.into();
}

fn ses(a: &mut Answers) {
    a.mailer.transport = "ses".into();
    a.mailer.sender = "myshop.de".into();
}

fn mysql(a: &mut Answers) {
    a.database.engine = "aurora-mysql".into();
}

fn vpc(a: &mut Answers) {
    mysql(a);
    a.database.network = "vpc".into();
    a.database.subnet_ids = "subnet-0a1b2c3d, subnet-0123456789abcdef0".into();
    a.database.security_group_ids = "sg-0a1b2c3d".into();
    a.sessions.storage = "none".into();
}

fn data_api(a: &mut Answers) {
    mysql(a);
    a.versions.symfony = "5.4".into();
    a.database.network = "data-api".into();
    a.database.min_acu = "0.5".into();
}

fn fixed(a: &mut Answers, stage: &str) {
    a.project.stage_mode = "fixed".into();
    a.project.stage = stage.into();
}

/// One example of a rule: `good` must not raise it, `bad` must raise exactly `message`.
struct Case {
    rule: &'static str,
    field: &'static str,
    severity: Severity,
    message: String,
    good: Box<dyn Fn(&mut Answers)>,
    bad: Box<dyn Fn(&mut Answers)>,
}

fn case(
    rule: &'static str,
    field: &'static str,
    severity: Severity,
    message: impl Into<String>,
    good: impl Fn(&mut Answers) + 'static,
    bad: impl Fn(&mut Answers) + 'static,
) -> Case {
    Case {
        rule,
        field,
        severity,
        message: message.into(),
        good: Box::new(good),
        bad: Box::new(bad),
    }
}

use Severity::{Error as E, Warning as W};

fn cases() -> Vec<Case> {
    let long40 = "customer-portal-backend-service-for-shop"; // 40 characters
    let long30 = "customer-portal-backend-servic"; // 30 characters
    vec![
        case(
            "choice.offered", "project.architecture", E,
            "`sparc` is not one of the offered values; choose one of `x86_64`, `arm64`",
            |a| a.project.architecture = "x86_64".into(),
            |a| a.project.architecture = "sparc".into(),
        ),
        case(
            "choice.offered", "assets.tls_policy", E,
            "`TLSv1` is not one of the offered values; choose one of `TLSv1.2_2021`, `TLSv1.2_2019`, `TLSv1.2_2018`",
            cloudfront,
            |a| { cloudfront(a); a.assets.tls_policy = "TLSv1".into() },
        ),
        case(
            "number.whole", "functions.web_memory", E,
            "`1 GB` is not a whole number; type digits only",
            |a| a.functions.web_memory = "1024".into(),
            |a| a.functions.web_memory = "1 GB".into(),
        ),
        case(
            "service.syntax", "project.service", E,
            "`my_app` contains `_`; a service name holds only letters, digits and hyphens, like `my-app`",
            |a| a.project.service = "my-app".into(),
            |a| a.project.service = "my_app".into(),
        ),
        case(
            "service.syntax", "project.service", E,
            "`1shop` does not start with a letter; CloudFormation stack names must, so start it with a letter, like `app-1shop`",
            |a| a.project.service = "shop1".into(),
            |a| a.project.service = "1shop".into(),
        ),
        case(
            "service.syntax", "project.service", E,
            "`a` is too short; the Serverless Framework needs at least 2 characters",
            |a| a.project.service = "ab".into(),
            |a| a.project.service = "a".into(),
        ),
        case(
            "service.syntax", "project.service", E,
            "the service name is empty; type a name like `symfony-project`",
            |a| a.project.service = "app".into(),
            |a| a.project.service = "  ".into(),
        ),
        case(
            "stage.syntax", "project.stage", E,
            "`my.stage` contains `.`; a stage name holds only letters, digits and hyphens",
            |a| fixed(a, "my-stage"),
            |a| fixed(a, "my.stage"),
        ),
        case(
            "stage.syntax", "assets.production_stage", E,
            "the stage name is empty; type a name like `dev`",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_stage = "".into() },
        ),
        case(
            "names.length", "project.service", E,
            format!("`{long40}` is too long: the IAM role name `{long40}-staging-eu-west-1-lambdaRole` would have 69 characters and AWS allows 64; shorten the service or stage name by 5 characters"),
            move |a| { a.project.service = long40.into(); fixed(a, "qa") },
            move |a| { a.project.service = long40.into(); fixed(a, "staging") },
        ),
        case(
            "names.length", "project.service", W,
            format!("`{long30}` leaves little room for the stage: with a 16-character user name as the stage, the IAM role name would have 68 characters and AWS allows 64; shorten the service name by 4 characters or use a fixed stage"),
            |a| a.project.service = "customer-portal".into(),
            move |a| a.project.service = long30.into(),
        ),
        case(
            "region.code", "project.region", E,
            "`mars-1` is not an AWS region code; choose one like `eu-west-1`",
            |a| a.project.region = "us-east-2".into(),
            |a| a.project.region = "mars-1".into(),
        ),
        case(
            "region.code", "mailer.ses_region", E,
            "`EU` is not an AWS region code; choose `same` or a region like `eu-west-1`",
            |a| { ses(a); a.mailer.ses_region = "eu-central-1".into() },
            |a| { ses(a); a.mailer.ses_region = "EU".into() },
        ),
        case(
            "region.bref", "project.region", E,
            "Bref 3 publishes no PHP layers in `eu-central-2` (Europe (Zurich)), so the functions cannot run there; choose a region that has them, such as `eu-south-1` (Europe (Milan)), `eu-central-1` (Europe (Frankfurt)) or `eu-west-3` (Europe (Paris))",
            |a| a.project.region = "eu-south-1".into(),
            |a| a.project.region = "eu-central-2".into(),
        ),
        case(
            "region.ses", "mailer.ses_region", E,
            "SES does not send e-mail in `eu-south-2` (Europe (Spain)), the functions' region; set the SES region to a nearby one, such as `eu-west-3` (Europe (Paris)), `eu-south-1` (Europe (Milan)) or `eu-central-2` (Europe (Zurich))",
            |a| { ses(a); a.project.region = "eu-south-2".into(); a.mailer.ses_region = "eu-west-3".into() },
            |a| { ses(a); a.project.region = "eu-south-2".into() },
        ),
        case(
            "region.ses", "mailer.ses_region", E,
            "SES does not send e-mail in `ap-east-1` (Asia Pacific (Hong Kong)); set the SES region to a nearby one, such as `ap-northeast-2` (Asia Pacific (Seoul)), `ap-northeast-3` (Asia Pacific (Osaka)) or `ap-southeast-5` (Asia Pacific (Malaysia))",
            |a| { ses(a); a.mailer.ses_region = "ap-northeast-1".into() },
            |a| { ses(a); a.mailer.ses_region = "ap-east-1".into() },
        ),
        case(
            "region.data-api", "database.network", W,
            "no source confirms that the RDS Data API is offered for Aurora Serverless v2, MySQL 8.0 compatible in `eu-west-1`; check AWS's list of Data API regions before you deploy",
            mysql,
            data_api,
        ),
        case(
            "region.data-api", "database.network", E,
            "AWS does not offer the RDS Data API for Aurora Serverless v2, PostgreSQL 16 compatible in `ap-south-2`; choose `public` or `vpc`, or another region",
            |a| { a.project.region = "ap-south-2".into(); a.database.engine = "aurora-postgresql".into() },
            |a| { data_api(a); a.project.region = "ap-south-2".into(); a.database.engine = "aurora-postgresql".into() },
        ),
        case(
            "architecture.arm64", "project.architecture", W,
            "`arm64`: the extra extensions of `bref/extra-php-extensions` are not built for ARM; choose `x86_64` if your app needs one of them",
            |a| a.project.architecture = "x86_64".into(),
            |a| a.project.architecture = "arm64".into(),
        ),
        case(
            "php.bref", "versions.php", E,
            "Bref 2 has no runtime for PHP `8.5`; choose PHP 8.2, 8.3, 8.4 or Bref 3",
            |a| { a.versions.bref = "3".into(); a.versions.php = "8.5".into() },
            |a| { a.versions.bref = "2".into(); a.versions.php = "8.5".into() },
        ),
        case(
            "php.symfony", "versions.php", E,
            "Symfony 8 needs PHP 8.4 or later, so PHP `8.2` is too old; choose PHP 8.4 or 8.5",
            |a| { a.versions.symfony = "8".into(); a.versions.php = "8.4".into() },
            |a| { a.versions.symfony = "8".into(); a.versions.php = "8.2".into() },
        ),
        case(
            "symfony.support", "versions.symfony", W,
            "`6.4` only gets security fixes, until November 2027; plan the upgrade to 7.4 LTS",
            |a| a.versions.symfony = "7.4".into(),
            |a| a.versions.symfony = "6.4".into(),
        ),
        case(
            "symfony.support", "versions.symfony", W,
            "`5.4` only gets security fixes (extended to February 2029) and many current bundles no longer support it; plan the upgrade to 7.4 LTS",
            |a| a.versions.symfony = "8".into(),
            |a| a.versions.symfony = "5.4".into(),
        ),
        case(
            "front-controller.classic", "versions.front_controller", W,
            "`classic` with Symfony 7.4: projects created with recipes 5.3 or later have the Runtime front controller (`autoload_runtime.php`); keep `classic` only if your public/index.php still reads TRUSTED_PROXIES",
            |a| { a.versions.symfony = "5.4".into(); a.versions.front_controller = "classic".into() },
            |a| a.versions.front_controller = "classic".into(),
        ),
        case(
            "serverless.sf4", "versions.serverless", W,
            "`sf4`: Serverless Framework v4 makes everyone run `serverless login` (or set a licence key) and organisations above $2M yearly revenue need a paid licence; `osls3` needs neither",
            |a| a.versions.serverless = "osls3".into(),
            |a| a.versions.serverless = "sf4".into(),
        ),
        case(
            "debug.on", "environment.debug", W,
            "`on`: with debug on Symfony rebuilds its cache when it looks stale and fails on Lambda's read-only file system; keep debug `off` on Lambda",
            |a| a.environment.debug = "off".into(),
            |a| a.environment.debug = "on".into(),
        ),
        case(
            "web-timeout.range", "functions.web_timeout", E,
            "`29` seconds is too long: API Gateway ends every request after 30 seconds; set 28 or less so PHP ends the request itself and logs why",
            |a| a.functions.web_timeout = "28".into(),
            |a| a.functions.web_timeout = "29".into(),
        ),
        case(
            "web-timeout.range", "functions.web_timeout", E,
            "`0` seconds is no time at all; type a timeout from 1 to 28 seconds",
            |a| a.functions.web_timeout = "1".into(),
            |a| a.functions.web_timeout = "0".into(),
        ),
        case(
            "console-timeout.range", "functions.console_timeout", E,
            "`901` seconds is outside what Lambda allows; type a timeout from 1 to 900 seconds (15 minutes)",
            |a| a.functions.console_timeout = "900".into(),
            |a| a.functions.console_timeout = "901".into(),
        ),
        case(
            "memory.range", "functions.console_memory", E,
            "`64` MB is outside what Lambda allows; type 128 to 10240 MB",
            |a| a.functions.console_memory = "128".into(),
            |a| a.functions.console_memory = "64".into(),
        ),
        case(
            "memory.range", "functions.web_memory", E,
            "`10241` MB is outside what Lambda allows; type 128 to 10240 MB",
            |a| a.functions.web_memory = "10240".into(),
            |a| a.functions.web_memory = "10241".into(),
        ),
        case(
            "retention.allowed", "logging.retention_days", E,
            "`45` days is not a retention CloudWatch Logs accepts; choose a listed value, such as `30` or `60`",
            |a| a.logging.retention_days = "60".into(),
            |a| a.logging.retention_days = "45".into(),
        ),
        case(
            "domain.required", "assets.domain", E,
            "the domain of other stages is empty, but CloudFront needs a domain of your own to pass the host to Symfony; type a pattern like `{stage}.example.com`",
            cloudfront,
            |a| { cloudfront(a); a.assets.domain = " ".into() },
        ),
        case(
            "domain.required", "assets.production_domain", E,
            "the production domain is empty; type the domain of the production stage, like `example.com`",
            |a| { cloudfront(a); a.assets.mode = "lift".into() },
            |a| { cloudfront(a); a.assets.mode = "lift".into(); a.assets.production_domain = "".into() },
        ),
        case(
            "domain.syntax", "assets.domain", E,
            "`{stage}.MyShop.de` has capital letters; write the domain in lower case: `{stage}.myshop.de`",
            cloudfront,
            |a| { cloudfront(a); a.assets.domain = "{stage}.MyShop.de".into() },
        ),
        case(
            "domain.syntax", "assets.domain", E,
            "`{Stage}.myshop.de` has capital letters; write the domain in lower case: `{stage}.myshop.de`",
            cloudfront,
            |a| { cloudfront(a); a.assets.domain = "{Stage}.myshop.de".into() },
        ),
        case(
            "domain.syntax", "assets.domain", E,
            "`{env}.myshop.de` contains `{`, which a domain name cannot hold; use letters, digits, hyphens and dots only",
            cloudfront,
            |a| { cloudfront(a); a.assets.domain = "{env}.myshop.de".into() },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            "`shop..de` has an empty part between dots (two dots in a row, or a dot at the start or end); remove the extra dot",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_domain = "shop..de".into() },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            "`-shop` in `-shop.de` starts or ends with a hyphen, which domain names do not allow",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_domain = "-shop.de".into() },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            "`myshop` is not a full domain name; type the whole name, like `myshop.com` or `app.myshop.com`",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_domain = "myshop".into() },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            "`bücher.de` contains `ü`; write an internationalised domain name in its ASCII form (`xn--…`)",
            |a| { cloudfront(a); a.assets.production_domain = "xn--bcher-kva.de".into() },
            |a| { cloudfront(a); a.assets.production_domain = "bücher.de".into() },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            "`10.0.0.1` ends in a number; type a domain name, not an IP address",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_domain = "10.0.0.1".into() },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            format!("`{}` in `{}.de` has 64 characters; each part between dots may have at most 63", "a".repeat(64), "a".repeat(64)),
            |a| { cloudfront(a); a.assets.production_domain = format!("{}.de", "a".repeat(63)) },
            |a| { cloudfront(a); a.assets.production_domain = format!("{}.de", "a".repeat(64)) },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            format!("`{}…` has 258 characters; a domain name may have at most 253", &format!("{}.", "a".repeat(63)).repeat(2)[..80]),
            |a| { cloudfront(a); a.assets.production_domain = format!("{}de", format!("{}.", "a".repeat(61)).repeat(4)) },
            |a| { cloudfront(a); a.assets.production_domain = format!("{}de", format!("{}.", "a".repeat(63)).repeat(4)) },
        ),
        case(
            "domain.syntax", "assets.production_domain", E,
            "`{stage}.myshop.de`: `{stage}` only works in the domain of other stages; the production domain is one fixed name, like `example.com`",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_domain = "{stage}.myshop.de".into() },
        ),
        case(
            "domain.syntax", "mailer.sender", E,
            "`noreply@myshop` is not a full domain name; type the whole name, like `noreply@myshop.com` or `app.noreply@myshop.com`",
            |a| { ses(a); a.mailer.sender = "noreply@myshop.de".into() },
            |a| { ses(a); a.mailer.sender = "noreply@myshop".into() },
        ),
        case(
            "domain.per-stage", "assets.domain", W,
            "`www.myshop.de` has no `{stage}`, so every developer's stage would claim the same domain and CloudFront lets only one distribution have it; add `{stage}`, like `{stage}.www.myshop.de`",
            |a| { cloudfront(a); fixed(a, "dev"); a.assets.domain = "www.myshop.de".into() },
            |a| { cloudfront(a); a.assets.domain = "www.myshop.de".into() },
        ),
        case(
            "domain.example", "assets.production_domain", W,
            "`example.com` is a reserved example name that nobody can own; replace it with your own domain",
            cloudfront,
            |a| { cloudfront(a); a.assets.production_domain = "example.com".into() },
        ),
        case(
            "domain.example", "mailer.sender", W,
            "`noreply@shop.test` is a reserved example name that SES cannot verify; use your own domain or address",
            ses,
            |a| { ses(a); a.mailer.sender = "noreply@shop.test".into() },
        ),
        case(
            "certificate.required", "assets.certificate_arn", E,
            "the certificate ARN is empty; request a certificate for your domain and its subdomains (`example.com` and `*.example.com`) in AWS Certificate Manager in us-east-1 and paste its ARN",
            cloudfront,
            |a| { cloudfront(a); a.assets.certificate_arn = "".into() },
        ),
        case(
            "certificate.syntax", "assets.certificate_arn", E,
            "`arn:aws:acm:us-east-1:12345:certificate/1d3b0b4c` is not an ACM certificate ARN; copy the ARN from the ACM console, it looks like `arn:aws:acm:us-east-1:123456789012:certificate/` followed by the certificate ID",
            cloudfront,
            |a| { cloudfront(a); a.assets.certificate_arn = "arn:aws:acm:us-east-1:12345:certificate/1d3b0b4c".into() },
        ),
        case(
            "certificate.region", "assets.certificate_arn", E,
            "the certificate is in `eu-west-1`, but CloudFront only uses certificates from `us-east-1`; request or import the certificate in us-east-1 (N. Virginia), whatever region the functions run in",
            cloudfront,
            |a| { cloudfront(a); a.assets.certificate_arn = CERT.replace("us-east-1", "eu-west-1") },
        ),
        case(
            "session-lifetime.range", "sessions.lifetime", E,
            "`59` seconds would end sessions between two clicks; type at least 60 seconds (86400 is one day)",
            |a| a.sessions.lifetime = "60".into(),
            |a| a.sessions.lifetime = "59".into(),
        ),
        case(
            "session-lifetime.range", "sessions.lifetime", W,
            "`2592001` seconds is more than 30 days; a stolen session cookie stays valid that long, so consider Symfony's remember-me cookie for long logins",
            |a| a.sessions.lifetime = "2592000".into(),
            |a| a.sessions.lifetime = "2592001".into(),
        ),
        case(
            "sender.syntax", "mailer.sender", E,
            "`no reply@myshop.de` is not an address SES can send from: the part before `@` must be 1 to 64 letters, digits or `. _ % + -`, without a dot at either end",
            |a| { ses(a); a.mailer.sender = "no.reply+shop@myshop.de".into() },
            |a| { ses(a); a.mailer.sender = "no reply@myshop.de".into() },
        ),
        case(
            "sender.syntax", "mailer.sender", E,
            "the sender is empty; type the domain (`example.com`) or address (`noreply@example.com`) you verified in SES",
            ses,
            |a| { ses(a); a.mailer.sender = "".into() },
        ),
        case(
            "data-api.symfony", "database.network", E,
            "`data-api` uses nemo64/dbal-rds-data, which needs Doctrine DBAL 2 and so Symfony 5.4; with Symfony `7.4` choose `public` or `vpc`",
            data_api,
            |a| { data_api(a); a.versions.symfony = "7.4".into() },
        ),
        case(
            "data-api.engine", "database.network", E,
            "`data-api` works with Aurora MySQL only (dbal-rds-data speaks MySQL); choose `public` or `vpc` for PostgreSQL",
            data_api,
            |a| { data_api(a); a.database.engine = "aurora-postgresql".into() },
        ),
        case(
            "data-api.unmaintained", "database.network", W,
            "`data-api`: nemo64/dbal-rds-data has had no release since May 2021 and is not maintained; `public` with the normal pdo_mysql driver needs no extra package",
            mysql,
            data_api,
        ),
        case(
            "acu.format", "database.min_acu", E,
            "`0.3` is not a capacity in 0.5 ACU steps; type a number like `0.5`, `2` or `16`",
            |a| { mysql(a); a.database.min_acu = "0.5".into() },
            |a| { mysql(a); a.database.min_acu = "0.3".into() },
        ),
        case(
            "acu.range", "database.max_acu", E,
            "`0.5` ACU is below the smallest maximum capacity; set at least `1`",
            |a| { mysql(a); a.database.max_acu = "1".into() },
            |a| { mysql(a); a.database.max_acu = "0.5".into() },
        ),
        case(
            "acu.range", "database.max_acu", E,
            "the maximum `2` ACU is below the minimum `4` ACU; raise the maximum or lower the minimum",
            |a| { mysql(a); a.database.min_acu = "2".into() },
            |a| { mysql(a); a.database.min_acu = "4".into() },
        ),
        case(
            "acu.range", "database.max_acu", E,
            "`256.5` ACU is more than Aurora Serverless v2 allows; the most is `256`",
            |a| { mysql(a); a.database.max_acu = "256".into() },
            |a| { mysql(a); a.database.max_acu = "256.5".into() },
        ),
        case(
            "auto-pause.range", "database.auto_pause_seconds", E,
            "`299` seconds is outside what Aurora allows; type 300 (5 minutes) to 86400 (one day)",
            |a| { mysql(a); a.database.auto_pause_seconds = "86400".into() },
            |a| { mysql(a); a.database.auto_pause_seconds = "299".into() },
        ),
        case(
            "acu.pause-data-api", "database.min_acu", W,
            "`0` ACU with the Data API: the first request after a pause fails with `DatabaseResumingException` while the cluster resumes (up to 15 seconds); set at least `0.5` to keep it awake, or retry in the app",
            data_api,
            |a| { data_api(a); a.database.min_acu = "0".into() },
        ),
        case(
            "database-name.syntax", "database.name", E,
            "`postgres` is a name the database engine reserves; choose another, like `app`",
            |a| { a.database.engine = "aurora-postgresql".into(); a.database.name = "postgresql".into() },
            |a| { a.database.engine = "aurora-postgresql".into(); a.database.name = "postgres".into() },
        ),
        case(
            "database-name.syntax", "database.name", E,
            "`my-db` contains `-`; a database name holds only letters, digits and underscores",
            |a| { mysql(a); a.database.name = "my_db".into() },
            |a| { mysql(a); a.database.name = "my-db".into() },
        ),
        case(
            "database-name.syntax", "database.name", E,
            "`_db` does not start with a letter; a database name must",
            |a| { mysql(a); a.database.name = "db_".into() },
            |a| { mysql(a); a.database.name = "_db".into() },
        ),
        case(
            "database-name.syntax", "database.name", E,
            format!("`{}` has 64 characters; Aurora Serverless v2, PostgreSQL 16 compatible allows at most 63", "d".repeat(64)),
            |a| { mysql(a); a.database.name = "d".repeat(64) },
            |a| { a.database.engine = "aurora-postgresql".into(); a.database.name = "d".repeat(64) },
        ),
        case(
            "vpc.subnets", "database.subnet_ids", E,
            "1 subnet given; list at least 2, in different availability zones, as the database's subnet group needs",
            vpc,
            |a| { vpc(a); a.database.subnet_ids = "subnet-0a1b2c3d".into() },
        ),
        case(
            "vpc.subnets", "database.subnet_ids", E,
            "`subnet-XYZ` is not a subnet ID; subnet IDs look like `subnet-0123456789abcdef0` (`subnet-` and 8 or 17 hex digits), separated by commas",
            vpc,
            |a| { vpc(a); a.database.subnet_ids = "subnet-0a1b2c3d,subnet-XYZ".into() },
        ),
        case(
            "vpc.subnets", "database.subnet_ids", E,
            "`subnet-0a1b2c3d` is listed twice; list each subnet once",
            vpc,
            |a| { vpc(a); a.database.subnet_ids = "subnet-0a1b2c3d,subnet-0a1b2c3d".into() },
        ),
        case(
            "vpc.security-groups", "database.security_group_ids", E,
            "no security group given; list the ID of the functions' security group, like `sg-0123456789abcdef0`",
            vpc,
            |a| { vpc(a); a.database.security_group_ids = " , ".into() },
        ),
        case(
            "vpc.security-groups", "database.security_group_ids", E,
            "`sg-123` is not a security group ID; they look like `sg-0123456789abcdef0` (`sg-` and 8 or 17 hex digits), separated by commas",
            vpc,
            |a| { vpc(a); a.database.security_group_ids = "sg-123".into() },
        ),
        case(
            "vpc.internet", "database.network", W,
            "`vpc`: inside a VPC the functions reach DynamoDB (sessions), SES (mailer) only through a NAT gateway (about $32 a month) or VPC endpoints; without one, those calls time out",
            vpc,
            |a| { vpc(a); ses(a); a.sessions.storage = "dynamodb".into() },
        ),
        case(
            "ssm.parameter", "database.url_parameter", E,
            "`app/database-url` does not start with `/`; type the full path, like `/app/database-url`",
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/app/database-url".into() },
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "app/database-url".into() },
        ),
        case(
            "ssm.parameter", "database.url_parameter", E,
            "`/aws/database-url` starts with `aws` or `ssm`, which AWS reserves; put it under your app's name, like `/my-app/database-url`",
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/app/aws".into() },
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/aws/database-url".into() },
        ),
        case(
            "ssm.parameter", "database.url_parameter", E,
            "`/app//url` has an empty level (`//` or a `/` at the end); remove the extra slash",
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/app/url".into() },
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/app//url".into() },
        ),
        case(
            "ssm.parameter", "database.url_parameter", E,
            "`/app/database url` contains a space; SSM parameter names hold only letters, digits, `_`, `.`, `-` and `/`",
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/app/database_url".into() },
            |a| { a.database.engine = "ssm-url".into(); a.database.url_parameter = "/app/database url".into() },
        ),
    ]
}

#[test]
fn every_rule_passes_and_fails_with_its_exact_message() {
    let mut failures = Vec::new();
    for c in cases() {
        let mut good = Answers::default();
        (c.good)(&mut good);
        let raised: Vec<_> = validate(&good)
            .issues
            .into_iter()
            .filter(|i| i.rule == c.rule && i.field == c.field)
            .collect();
        if !raised.is_empty() {
            failures.push(format!("{} passing value raised {:?}", c.rule, raised));
        }

        let mut bad = Answers::default();
        (c.bad)(&mut bad);
        let report = validate(&bad);
        let found = report
            .issues
            .iter()
            .find(|i| i.rule == c.rule && i.field == c.field && i.message == c.message);
        match found {
            Some(i) if i.severity == c.severity => {}
            Some(i) => failures.push(format!("{}: severity {:?}", c.rule, i.severity)),
            None => failures.push(format!(
                "{} at {}: expected\n    {}\n  got {:#?}",
                c.rule,
                c.field,
                c.message,
                report.for_field(c.field).collect::<Vec<_>>()
            )),
        }
        assert_eq!(
            plan(&bad).is_ok(),
            !report.has_errors(),
            "{}: plan and validate disagree",
            c.rule
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_in_the_table_has_a_failing_example_of_its_severity() {
    let cases = cases();
    for r in RULES {
        let examples: Vec<&Case> = cases.iter().filter(|c| c.rule == r.id).collect();
        assert!(!examples.is_empty(), "rule `{}` has no example", r.id);
        for c in &examples {
            assert!(
                r.fields.contains(&c.field),
                "rule `{}` does not list field `{}`",
                r.id,
                c.field
            );
            let declared = match c.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            assert!(
                r.severity.contains(declared),
                "rule `{}` is declared {}",
                r.id,
                r.severity
            );
        }
    }
    for c in &cases {
        assert!(
            rules::rule_by_id(c.rule).is_some(),
            "case for unknown rule `{}`",
            c.rule
        );
    }
}

#[test]
fn rules_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md");
    let expected = rules::markdown();
    if std::env::var_os("UPDATE_RULES").is_some() {
        std::fs::write(path, &expected).expect("write RULES.md");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "crates/core/RULES.md is out of date; run `UPDATE_RULES=1 cargo test -p symfony-lambda-core --test validation`"
    );
    for r in RULES {
        assert!(actual.contains(&format!("| `{}` |", r.id)), "{}", r.id);
    }
}

#[test]
fn defaults_have_no_issue_at_all() {
    assert_eq!(validate(&Answers::default()).issues, vec![]);
    assert!(plan(&Answers::default()).is_ok());
}

#[test]
fn issues_come_errors_first_in_wizard_order() {
    let mut a = Answers::default();
    a.environment.debug = "on".into();
    a.functions.web_timeout = "40".into();
    a.project.service = "a b".into();
    let fields: Vec<_> = validate(&a)
        .issues
        .iter()
        .map(|i| (i.severity, i.field))
        .collect();
    assert_eq!(
        fields,
        vec![
            (E, "project.service"),
            (E, "functions.web_timeout"),
            (W, "environment.debug"),
        ]
    );
}

#[test]
fn irrelevant_fields_are_not_checked() {
    let mut a = Answers::default();
    a.assets.certificate_arn = "nonsense".into();
    a.assets.domain = "NOT A DOMAIN".into();
    a.assets.price_class = "x".into();
    a.mailer.sender = "@@".into();
    a.database.min_acu = "x".into();
    a.database.subnet_ids = "x".into();
    a.database.url_parameter = "x".into();
    a.project.stage = "a.b".into();
    assert_eq!(validate(&a).issues, vec![]);
    a.database.engine = "aurora-mysql".into();
    a.database.min_acu = "1".into();
    a.database.auto_pause_seconds = "soon".into();
    assert_eq!(validate(&a).issues, vec![], "pause only matters at 0 ACU");
}

#[test]
fn presets_validate_as_documented() {
    let guide = validate(&presets::guide());
    let errors: Vec<_> = guide.errors().map(|i| (i.rule, i.field)).collect();
    assert_eq!(
        errors,
        vec![("certificate.required", "assets.certificate_arn")]
    );
    let warnings: Vec<_> = guide.warnings().map(|i| (i.rule, i.field)).collect();
    assert_eq!(
        warnings,
        vec![
            ("domain.example", "assets.domain"),
            ("domain.example", "assets.production_domain"),
            ("domain.example", "mailer.sender"),
        ]
    );
    let mut with_cert = presets::guide();
    with_cert.assets.certificate_arn = CERT.into();
    assert!(plan(&with_cert).is_ok());

    for id in ["minimal-api", "website-db"] {
        let p = presets::preset(id).expect("preset exists");
        let answers = (p.answers)();
        assert_eq!(validate(&answers).issues, vec![], "{id}");
        assert!(plan(&answers).is_ok(), "{id}");
    }
    assert_eq!(presets::PRESETS.len(), 3);
    assert_eq!(presets::minimal_api().environment.name, "prod");
    assert_eq!(presets::website_db().database.engine, "aurora-postgresql");
}

#[test]
fn options_are_disabled_with_the_reason() {
    let mut a = Answers::default();
    a.versions.symfony = "8".into();
    assert_eq!(
        option_disabled(&a, "versions.php", "8.2").as_deref(),
        Some("Symfony 8 needs PHP 8.4 or later")
    );
    assert_eq!(option_disabled(&a, "versions.php", "8.4"), None);
    a.versions.bref = "2".into();
    assert_eq!(
        option_disabled(&a, "versions.php", "8.5").as_deref(),
        Some("Bref 2 has no PHP 8.5 runtime")
    );
    assert_eq!(
        option_disabled(&a, "project.region", "ca-west-1").as_deref(),
        Some("Bref 2 publishes no PHP layers in this region")
    );
    assert_eq!(option_disabled(&a, "project.region", "eu-west-1"), None);
    assert_eq!(
        option_disabled(&a, "database.network", "data-api").as_deref(),
        Some("the RDS Data API driver needs Doctrine DBAL 2, so Symfony 5.4")
    );
    a.versions.symfony = "5.4".into();
    a.database.engine = "aurora-postgresql".into();
    assert_eq!(
        option_disabled(&a, "database.network", "data-api").as_deref(),
        Some("the RDS Data API driver works with Aurora MySQL only")
    );
    a.database.engine = "aurora-mysql".into();
    assert_eq!(option_disabled(&a, "database.network", "data-api"), None);
    assert_eq!(option_disabled(&a, "database.network", "vpc"), None);
    assert_eq!(
        option_disabled(&a, "mailer.ses_region", "eu-south-2").as_deref(),
        Some("SES does not send e-mail in this region")
    );
    a.project.region = "eu-south-2".into();
    assert_eq!(
        option_disabled(&a, "mailer.ses_region", "same").as_deref(),
        Some("SES does not send e-mail in eu-south-2, the functions' region")
    );
    assert_eq!(option_disabled(&a, "mailer.ses_region", "eu-west-3"), None);
    assert_eq!(option_disabled(&a, "project.service", "x"), None);
}

#[test]
fn validate_field_returns_only_that_fields_issues() {
    let mut a = Answers::default();
    a.functions.web_timeout = "30".into();
    a.functions.web_memory = "1".into();
    let issues = symfony_lambda_core::validate_field(&a, "functions.web_timeout");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].rule, "web-timeout.range");
}

/// Any string, favouring the characters that break YAML, PHP and .env files.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9 {}:#'\"\\\\\n\r\t.@/,_-]{0,40}",
        "[\\PC]{0,300}",
        Just("x".repeat(5000)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_input_makes_validation_panic(values in proptest::collection::vec(nasty(), Answers::PATHS.len())) {
        let mut a = Answers::default();
        for (path, v) in Answers::PATHS.iter().zip(values) {
            a.set(path, v);
        }
        let report = validate(&a);
        prop_assert_eq!(plan(&a).is_ok(), !report.has_errors());
    }

    #[test]
    fn one_strange_field_never_panics_and_plan_agrees(index in 0..Answers::PATHS.len(), v in nasty(), base in 0usize..4) {
        let mut a = match base {
            0 => Answers::default(),
            1 => presets::guide(),
            2 => presets::website_db(),
            _ => { let mut a = presets::guide(); vpc(&mut a); a.assets.certificate_arn = CERT.into(); a }
        };
        let path = Answers::PATHS[index];
        a.set(path, v.clone());
        let report = validate(&a);
        prop_assert_eq!(plan(&a).is_ok(), !report.has_errors());
        for i in &report.issues {
            prop_assert!(rules::rule_by_id(i.rule).is_some());
            prop_assert!(!i.message.contains('\n'), "message with a raw newline: {:?}", i.message);
        }
        for value in [v.as_str(), "", "8.2", "data-api", "same"] {
            let _ = option_disabled(&a, path, value);
        }
    }
}
