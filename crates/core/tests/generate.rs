//! The generated bundles, checked with real parsers and tools: one insta snapshot of the whole
//! bundle per fixture answers file, every YAML file parsed, the env files parsed as Symfony's
//! Dotenv reads them, the CloudFormation part linted with cfn-lint, and arbitrary text in every
//! text field either rejected by validation or read back unchanged from the generated YAML.
// Fixtures are read with `answers_file::read` (serde_yaml), behind the default feature `yaml`.
#![cfg(feature = "yaml")]

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use symfony_lambda_core::generate::{generate, Options};
use symfony_lambda_core::{answers_file, plan, Answers, Bundle};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read_answers(path: &Path) -> Answers {
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let (answers, notes) = answers_file::read(&text)
        .unwrap_or_else(|e| panic!("{} does not read: {e:?}", path.display()));
    assert!(notes.is_empty(), "{}: {notes:?}", path.display());
    answers
}

fn bundle_of(answers: &Answers) -> Bundle {
    let plan = plan(answers).unwrap_or_else(|r| panic!("answers do not validate: {r:#?}"));
    generate(
        &plan,
        &Options {
            site_url: Some("https://symfony-lambda.example/".into()),
        },
    )
}

fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("fixtures directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6, "fixtures missing: {paths:?}");
    paths
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.yaml", |path| {
        let bundle = bundle_of(&read_answers(path));
        let mut all = String::new();
        for (p, text) in bundle.iter() {
            all.push_str(&format!("===== {p} =====\n{text}"));
        }
        insta::assert_snapshot!(all);
    });
}

#[test]
fn deterministic() {
    for path in fixtures() {
        let a = read_answers(&path);
        assert_eq!(bundle_of(&a), bundle_of(&a), "{}", path.display());
    }
}

fn parse_yaml(path: &str, text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{path} is not valid YAML: {e}\n{text}"))
}

#[test]
fn every_yaml_file_parses_and_starts_with_a_comment() {
    for fixture in fixtures() {
        let bundle = bundle_of(&read_answers(&fixture));
        for (path, text) in bundle.iter() {
            if path.ends_with(".yml") || path.ends_with(".yaml") {
                let value = parse_yaml(path, text);
                assert!(value.is_mapping(), "{path} of {}", fixture.display());
                assert!(text.starts_with("# "), "{path} has no header comment");
            }
        }
        let sls = parse_yaml(
            "serverless.yml",
            bundle.get("serverless.yml").expect("serverless.yml"),
        );
        assert!(sls["functions"]["web"]["runtime"]
            .as_str()
            .is_some_and(|r| r.ends_with("-fpm")));
        assert_eq!(sls["provider"]["name"].as_str(), Some("aws"));
    }
}

/// Symfony Dotenv's reading of one `KEY=value` line, for the forms the generator writes:
/// unquoted words without spaces, and single-quoted values (see `quote::env`).
fn dotenv_line(line: &str) -> Option<(String, String)> {
    let (key, raw) = line.split_once('=')?;
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let mut value = String::new();
    let mut rest = raw;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('\'') {
            let end = r.find('\'')?;
            value.push_str(&r[..end]);
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix("\\'") {
            value.push('\'');
            rest = r;
        } else {
            let end = rest.find(['\'', ' ', '\t', '#']).unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            value.push_str(&rest[..end]);
            rest = &rest[end..];
            if !rest.is_empty() && !rest.starts_with('\'') {
                return None;
            }
        }
    }
    Some((key.to_string(), value))
}

#[test]
fn env_files_parse() {
    for fixture in fixtures() {
        let bundle = bundle_of(&read_answers(&fixture));
        for (path, text) in bundle.iter().filter(|(p, _)| p.starts_with(".env")) {
            let mut keys = Vec::new();
            for line in text.lines() {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (k, v) = dotenv_line(line)
                    .unwrap_or_else(|| panic!("{path}: `{line}` is not a Dotenv assignment"));
                keys.push((k, v));
            }
            assert!(
                keys.iter()
                    .any(|(k, v)| k == "APP_DEBUG" && (v == "0" || v == "1")),
                "{path}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// cfn-lint

fn cfn_lint() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/venv/bin/cfn-lint");
    if venv.is_file() {
        return Some(venv);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("cfn-lint"))
        .find(|p| p.is_file())
}

/// A plausible value for a Serverless variable, so that CloudFormation sees a finished string.
fn serverless_variable(name: &str) -> &'static str {
    match name {
        "sls:stage" => "dev",
        "param:domain" => "dev.example.com",
        "aws:accountId" => "123456789012",
        "aws:region" => "eu-west-1",
        _ => "resolved",
    }
}

fn resolve_variables(v: &Value) -> Value {
    match v {
        Value::String(s) => {
            let mut out = String::new();
            let mut rest = s.as_str();
            while let Some(start) = rest.find("${") {
                out.push_str(&rest[..start]);
                let after = &rest[start + 2..];
                let end = after.find('}').expect("a closed Serverless variable");
                out.push_str(serverless_variable(&after[..end]));
                rest = &after[end + 1..];
            }
            out.push_str(rest);
            Value::String(out)
        }
        Value::Sequence(items) => Value::Sequence(items.iter().map(resolve_variables).collect()),
        Value::Mapping(m) => Value::Mapping(
            m.iter()
                .map(|(k, v)| (resolve_variables(k), resolve_variables(v)))
                .collect(),
        ),
        Value::Tagged(t) => Value::Tagged(Box::new(serde_yaml::value::TaggedValue {
            tag: t.tag.clone(),
            value: resolve_variables(&t.value),
        })),
        other => other.clone(),
    }
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("literal YAML")
}

/// A CloudFormation template of what Serverless would deploy: the `resources` section, plus the
/// parts Serverless itself generates that the generated file refers to or configures (the HTTP
/// API, the execution role with `provider.iam.role.statements`, the web function with
/// `provider.environment` and `provider.vpc`).
fn template(sls: &Value) -> Value {
    let sls = resolve_variables(sls);
    let mut resources = sls["resources"]["Resources"]
        .as_mapping()
        .cloned()
        .unwrap_or_default();
    resources.insert(
        "HttpApi".into(),
        yaml("Type: AWS::ApiGatewayV2::Api\nProperties: {Name: api, ProtocolType: HTTP}"),
    );
    let mut role = yaml(
        "Type: AWS::IAM::Role\nProperties:\n  AssumeRolePolicyDocument:\n    Version: '2012-10-17'\n    Statement:\n      - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}\n",
    );
    if let Some(statements) = sls["provider"]["iam"]["role"]["statements"].as_sequence() {
        let mut doc = Mapping::new();
        doc.insert("Version".into(), "2012-10-17".into());
        doc.insert("Statement".into(), Value::Sequence(statements.clone()));
        let mut policy = Mapping::new();
        policy.insert("PolicyName".into(), "app".into());
        policy.insert("PolicyDocument".into(), Value::Mapping(doc));
        role["Properties"]
            .as_mapping_mut()
            .expect("mapping")
            .insert(
                "Policies".into(),
                Value::Sequence(vec![Value::Mapping(policy)]),
            );
    }
    resources.insert("IamRoleLambdaExecution".into(), role);
    let mut function = yaml(
        "Type: AWS::Lambda::Function\nProperties:\n  Handler: public/index.php\n  Runtime: provided.al2023\n  Role: !GetAtt IamRoleLambdaExecution.Arn\n  Code: {S3Bucket: deployment-bucket, S3Key: app.zip}\n",
    );
    let props = function["Properties"].as_mapping_mut().expect("mapping");
    let mut variables = Mapping::new();
    variables.insert("Variables".into(), sls["provider"]["environment"].clone());
    props.insert("Environment".into(), Value::Mapping(variables));
    if let Some(vpc) = sls["provider"]["vpc"].as_mapping() {
        let mut config = Mapping::new();
        config.insert("SecurityGroupIds".into(), vpc["securityGroupIds"].clone());
        config.insert("SubnetIds".into(), vpc["subnetIds"].clone());
        props.insert("VpcConfig".into(), Value::Mapping(config));
    }
    resources.insert("WebLambdaFunction".into(), function);

    let mut t = Mapping::new();
    t.insert("AWSTemplateFormatVersion".into(), "2010-09-09".into());
    t.insert("Resources".into(), Value::Mapping(resources));
    if let Some(outputs) = sls["resources"]["Outputs"].as_mapping() {
        t.insert("Outputs".into(), Value::Mapping(outputs.clone()));
    }
    Value::Mapping(t)
}

#[test]
fn cloudformation_passes_cfn_lint() {
    let Some(cfn_lint) = cfn_lint() else {
        if std::env::var("SYMFONY_LAMBDA_SKIP_CFN_LINT").as_deref() == Ok("1") {
            eprintln!("cfn-lint skipped (SYMFONY_LAMBDA_SKIP_CFN_LINT=1)");
            return;
        }
        panic!(
            "cfn-lint is not installed: run scripts/setup.sh (it installs it into .tools/venv), \
             or set SYMFONY_LAMBDA_SKIP_CFN_LINT=1 to skip this test"
        );
    };
    let dir = std::env::temp_dir().join(format!("symfony-lambda-cfn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let answers = read_answers(&fixture);
        let bundle = bundle_of(&answers);
        let sls = parse_yaml(
            "serverless.yml",
            bundle.get("serverless.yml").expect("present"),
        );
        let name = fixture
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let file = dir.join(format!("{name}.yaml"));
        let text = serde_yaml::to_string(&template(&sls)).expect("serialisable");
        std::fs::write(&file, &text).expect("write template");
        let out = Command::new(&cfn_lint)
            .arg("--regions")
            .arg(&answers.project.region)
            .arg("--")
            .arg(&file)
            .output()
            .expect("cfn-lint runs");
        if !out.status.success() {
            failures.push(format!(
                "{name}:\n{}{}\n{text}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Arbitrary text in the text fields

/// Answers that use every text field: the fixture with CloudFront, SES with an address, and a
/// database in a VPC.
fn every_text_field() -> Answers {
    let mut a = read_answers(&Path::new(FIXTURES).join("cloudfront-mysql-vpc.yaml"));
    a.mailer.transport = "ses".into();
    a.mailer.sender = "noreply@intranet.example.com".into();
    a
}

fn at<'a>(v: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(v, |v, k| &v[*k])
}

/// Where each text field's value lands in the generated YAML, and what it must read back as.
fn check_field(field: &str, input: &str, bundle: &Bundle) -> Result<(), TestCaseError> {
    let sls = parse_yaml(
        "serverless.yml",
        bundle.get("serverless.yml").expect("present"),
    );
    let trimmed = input.trim();
    for (path, text) in bundle.iter() {
        if path.ends_with(".yml") || path.ends_with(".yaml") {
            prop_assert!(
                serde_yaml::from_str::<Value>(text).is_ok(),
                "{path} broke with {input:?}"
            );
        }
    }
    let got = match field {
        "project.service" => at(&sls, &["service"]).as_str(),
        "project.stage" => at(&sls, &["provider", "stage"]).as_str(),
        "assets.production_domain" => sls["params"]
            .as_mapping()
            .and_then(|m| m.iter().find(|(k, _)| k.as_str() != Some("default")))
            .and_then(|(_, v)| v["domain"].as_str()),
        "assets.production_stage" => sls["params"]
            .as_mapping()
            .and_then(|m| m.keys().find(|k| k.as_str() != Some("default")))
            .and_then(Value::as_str),
        "assets.certificate_arn" => at(
            &sls,
            &[
                "resources",
                "Resources",
                "Distribution",
                "Properties",
                "DistributionConfig",
                "ViewerCertificate",
                "AcmCertificateArn",
            ],
        )
        .as_str(),
        "database.name" => at(
            &sls,
            &[
                "resources",
                "Resources",
                "Database",
                "Properties",
                "DatabaseName",
            ],
        )
        .as_str(),
        "mailer.sender" => {
            let mailer = bundle
                .get("config/packages/lambda/mailer.yaml")
                .expect("mailer.yaml");
            let v = parse_yaml("mailer.yaml", mailer);
            return {
                prop_assert_eq!(
                    at(&v, &["framework", "mailer", "envelope", "sender"]).as_str(),
                    Some(trimmed)
                );
                Ok(())
            };
        }
        _ => return Ok(()),
    };
    prop_assert_eq!(got, Some(trimmed), "{} = {:?}", field, input);
    Ok(())
}

const TEXT_FIELDS: &[&str] = &[
    "project.service",
    "project.stage",
    "assets.domain",
    "assets.production_stage",
    "assets.production_domain",
    "assets.certificate_arn",
    "mailer.sender",
    "database.subnet_ids",
    "database.security_group_ids",
    "database.name",
    "database.url_parameter",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_fields_are_rejected_or_read_back_unchanged(
        field in proptest::sample::select(TEXT_FIELDS),
        input in prop_oneof![
            any::<String>(),
            "[a-z0-9.@:#'\"\\-{}\\[\\] \n]{0,20}",
            Just("yes".to_string()),
            Just("null".to_string()),
            Just("0123".to_string()),
            Just("a: b".to_string()),
        ],
    ) {
        let mut answers = every_text_field();
        if field == "database.url_parameter" {
            answers.database.engine = "ssm-url".into();
        }
        prop_assert!(answers.set(field, input.clone()));
        if let Ok(plan) = plan(&answers) {
            let bundle = generate(&plan, &Options::default());
            check_field(field, &input, &bundle)?;
        }
    }
}
