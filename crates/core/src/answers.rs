//! The raw answers: every option of the wizard, exactly as the user typed or chose it.
//!
//! Every value is a `String`, even numbers and choices, so that a half-typed value (`2`, on the way
//! to `28`) survives a round trip through the form, the answers file and a share link. Nothing here
//! is trusted: [`crate::validate`] turns answers into issues and, when there is no error, into a
//! typed [`crate::plan::Plan`] that the generators take.
//!
//! The fields are declared once, in the `answers!` table below, which also gives each field its
//! dotted path (`project.service`); [`crate::fields`] adds labels, help and link keys by path.

use serde::{Deserialize, Deserializer, Serialize};

/// Accepts any YAML/JSON scalar for a string field (`timeout: 28` as well as `timeout: "28"`), so
/// hand-written answers files are not rejected for a missing pair of quotes.
fn lenient_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        S(String),
        I(i64),
        U(u64),
        F(f64),
        B(bool),
        Null(()),
    }
    Ok(match Scalar::deserialize(deserializer)? {
        Scalar::S(s) => s,
        Scalar::I(i) => i.to_string(),
        Scalar::U(u) => u.to_string(),
        Scalar::F(f) => f.to_string(),
        Scalar::B(b) => b.to_string(),
        Scalar::Null(()) => String::new(),
    })
}

macro_rules! answers {
    ($(
        $(#[$gdoc:meta])*
        $group:ident : $Group:ident {
            $( $(#[$fdoc:meta])* $field:ident = $default:expr ),* $(,)?
        }
    )*) => {
        /// Every option of the wizard, grouped as the wizard's steps are.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Answers {
            $( $(#[$gdoc])* pub $group: $Group, )*
        }

        $(
            $(#[$gdoc])*
            #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
            #[serde(default)]
            pub struct $Group {
                $(
                    $(#[$fdoc])*
                    #[serde(deserialize_with = "lenient_string")]
                    pub $field: String,
                )*
            }

            impl Default for $Group {
                fn default() -> Self {
                    Self { $( $field: String::from($default), )* }
                }
            }
        )*

        impl Answers {
            /// Every field's dotted path, in the order of the wizard.
            pub const PATHS: &'static [&'static str] = &[
                $( $( concat!(stringify!($group), ".", stringify!($field)), )* )*
            ];

            /// The value of the field at `path`, or `None` for a path that does not exist.
            pub fn get(&self, path: &str) -> Option<&str> {
                match path {
                    $( $( concat!(stringify!($group), ".", stringify!($field)) => Some(self.$group.$field.as_str()), )* )*
                    _ => None,
                }
            }

            /// Sets the field at `path`; returns `false` (and changes nothing) for an unknown path.
            pub fn set(&mut self, path: &str, value: impl Into<String>) -> bool {
                match path {
                    $( $( concat!(stringify!($group), ".", stringify!($field)) => { self.$group.$field = value.into(); true } )* )*
                    _ => false,
                }
            }
        }
    };
}

answers! {
    /// Names, stage and where it runs.
    project: Project {
        /// The Serverless service name; the CloudFormation stack is `<service>-<stage>`.
        service = "symfony-project",
        /// `per-developer` (`${opt:stage, env:USER}`, the guide) or `fixed`.
        stage_mode = "per-developer",
        /// The stage name used when `stage_mode` is `fixed`.
        stage = "dev",
        /// AWS region code.
        region = "eu-west-1",
        /// `x86_64` or `arm64`.
        architecture = "x86_64",
    }
    /// Bref, PHP, Symfony and Serverless versions.
    versions: Versions {
        /// Bref major version: `3` or `2`.
        bref = "3",
        /// PHP version: `8.2` … `8.5`.
        php = "8.4",
        /// Symfony version line: `7.4`, `6.4`, `8` (8.1 and later) or `5.4`.
        symfony = "7.4",
        /// `runtime` (Runtime component, recipes 5.3+) or `classic` (the 5.1 recipe's index.php).
        front_controller = "runtime",
        /// `osls3` (open-source Serverless Framework v3 fork) or `sf4` (Serverless Framework v4).
        serverless = "osls3",
    }
    /// The Symfony environment the functions run in.
    environment: Environment {
        /// `lambda` (a dedicated environment, the guide) or `prod`.
        name = "lambda",
        /// `off` or `on`.
        debug = "off",
    }
    /// The web and console functions.
    functions: Functions {
        /// Seconds, at most 28 behind API Gateway.
        web_timeout = "28",
        /// MB, 128–10240.
        web_memory = "1024",
        /// Seconds, at most 900.
        console_timeout = "120",
        /// MB, 128–10240.
        console_memory = "1024",
    }
    /// Where Symfony's cache lives on a read-only file system.
    caching: Caching {
        /// `pools-in-tmp` (the guide) or `bref-kernel`.
        strategy = "pools-in-tmp",
    }
    /// Monolog and CloudWatch.
    logging: Logging {
        /// `debug`, `info`, `notice`, `warning` or `error`.
        level = "debug",
        /// `line` (line formatter without a date, the guide) or `bref-cloudwatch`.
        formatter = "line",
        /// CloudWatch log retention in days (one of the values CloudWatch accepts).
        retention_days = "30",
    }
    /// Where APP_SECRET comes from.
    secrets: Secrets {
        /// `secrets-manager` (generated by CloudFormation, the guide) or `ssm`.
        app_secret = "secrets-manager",
    }
    /// Static assets and the custom domain.
    assets: Assets {
        /// `none` (API Gateway URL), `lift` (Lift `server-side-website`) or `cloudfront` (S3 + CloudFront in CloudFormation, the guide).
        mode = "none",
        /// The domain of every stage but production; `{stage}` is replaced by the stage name.
        domain = "{stage}.example.com",
        /// The stage that is production.
        production_stage = "production",
        /// The domain of the production stage.
        production_domain = "example.com",
        /// ACM certificate ARN covering both domains (in us-east-1 for CloudFront).
        certificate_arn = "",
        /// `PriceClass_100`, `PriceClass_200` or `PriceClass_All`.
        price_class = "PriceClass_100",
        /// CloudFront minimum TLS policy.
        tls_policy = "TLSv1.2_2021",
    }
    /// PHP sessions.
    sessions: Sessions {
        /// `dynamodb` (async-aws session handler, the guide) or `none`.
        storage = "dynamodb",
        /// Session lifetime in seconds.
        lifetime = "86400",
    }
    /// Sending e-mail.
    mailer: Mailer {
        /// `none` or `ses` (symfony/amazon-mailer, the guide).
        transport = "none",
        /// Verified SES identity to send from: a domain (`example.com`) or an address.
        sender = "",
        /// `same` (the functions' region) or a region code where SES sends.
        ses_region = "same",
    }
    /// The database.
    database: Database {
        /// `none`, `aurora-mysql`, `aurora-postgresql` or `ssm-url`.
        engine = "none",
        /// `public`, `vpc` or `data-api`.
        network = "public",
        /// Comma-separated subnet IDs (network `vpc`).
        subnet_ids = "",
        /// Comma-separated security group IDs (network `vpc`).
        security_group_ids = "",
        /// Minimum capacity in ACU: 0 (auto-pause) or 0.5–256 in 0.5 steps.
        min_acu = "0",
        /// Maximum capacity in ACU: 1–256 in 0.5 steps.
        max_acu = "2",
        /// Seconds of inactivity until an auto-pause, 300–86400.
        auto_pause_seconds = "300",
        /// The database (schema) name.
        name = "symfony",
        /// SSM parameter holding an existing DATABASE_URL (engine `ssm-url`).
        url_parameter = "/symfony-project/database-url",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_and_set_cover_every_path() {
        let mut a = Answers::default();
        for path in Answers::PATHS {
            assert!(a.get(path).is_some(), "{path}");
            assert!(a.set(path, "x"), "{path}");
            assert_eq!(a.get(path), Some("x"));
        }
        assert_eq!(a.get("project.nope"), None);
        assert!(!a.set("nope", "x"));
    }

    #[test]
    fn numbers_and_nulls_deserialize_as_strings() {
        let a: Answers =
            serde_yaml::from_str("functions:\n  web_timeout: 28\nmailer:\n  sender: ~\n")
                .expect("valid yaml");
        assert_eq!(a.functions.web_timeout, "28");
        assert_eq!(a.mailer.sender, "");
        assert_eq!(a.functions.web_memory, "1024");
    }
}
