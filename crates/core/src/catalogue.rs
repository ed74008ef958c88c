//! The catalogue of choices: regions, Bref, PHP, Symfony and Aurora versions, and what is
//! available where. Data, not code paths: every fact is in one table here, with its source, so it
//! can be re-checked and updated in one place. Sources are the ones in
//! `shared/reference/platform-facts.md` (repository states of 2026).

/// Whether a service is known to be offered in a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// A primary source lists it.
    Yes,
    /// A primary source says it is not there.
    No,
    /// No primary source could confirm either way.
    Unconfirmed,
}

/// One commercial AWS region (the `aws` partition).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
    pub area: &'static str,
    /// Bref 3 publishes layers here. Source: brefphp/bref `layers.json` (2026-07-31).
    pub bref3: bool,
    /// Bref 2 publishes layers here. Source: brefphp/bref `layers.json` at tag 2.4.21, the same
    /// 22 regions as Bref 3.
    pub bref2: bool,
    /// SES sends e-mail here. Source: botocore `endpoints.json` service `email` (2026-08-07).
    pub ses: bool,
    /// RDS Data API for Aurora PostgreSQL (Serverless v2 / provisioned). Source: the AWS page
    /// "Supported Regions and Aurora DB engines for RDS Data API" (partial excerpts).
    pub data_api_postgresql: Availability,
    /// RDS Data API for Aurora MySQL: the AWS table could not be read, so nothing is confirmed.
    pub data_api_mysql: Availability,
}

use Availability::{No, Unconfirmed, Yes};

const fn region(
    code: &'static str,
    name: &'static str,
    area: &'static str,
    bref: bool,
    ses: bool,
    data_api_postgresql: Availability,
) -> Region {
    Region {
        code,
        name,
        area,
        bref3: bref,
        bref2: bref,
        ses,
        data_api_postgresql,
        data_api_mysql: Unconfirmed,
    }
}

/// All 34 regions of the `aws` partition (botocore `endpoints.json`, 2026-08-07), grouped by area
/// in the order the wizard shows them. Lambda, API Gateway, DynamoDB, RDS, ACM, SSM, S3 and STS
/// are in every one of them (same source).
pub const REGIONS: &[Region] = &[
    region(
        "us-east-1",
        "US East (N. Virginia)",
        "North America",
        true,
        true,
        Yes,
    ),
    region(
        "us-east-2",
        "US East (Ohio)",
        "North America",
        true,
        true,
        Yes,
    ),
    region(
        "us-west-1",
        "US West (N. California)",
        "North America",
        true,
        true,
        Yes,
    ),
    region(
        "us-west-2",
        "US West (Oregon)",
        "North America",
        true,
        true,
        Yes,
    ),
    region(
        "ca-central-1",
        "Canada (Central)",
        "North America",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "ca-west-1",
        "Canada West (Calgary)",
        "North America",
        false,
        true,
        Unconfirmed,
    ),
    region(
        "mx-central-1",
        "Mexico (Central)",
        "North America",
        false,
        false,
        Unconfirmed,
    ),
    region(
        "sa-east-1",
        "South America (São Paulo)",
        "South America",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-west-1",
        "Europe (Ireland)",
        "Europe",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-west-2",
        "Europe (London)",
        "Europe",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-west-3",
        "Europe (Paris)",
        "Europe",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-central-1",
        "Europe (Frankfurt)",
        "Europe",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-central-2",
        "Europe (Zurich)",
        "Europe",
        false,
        true,
        Unconfirmed,
    ),
    region(
        "eu-north-1",
        "Europe (Stockholm)",
        "Europe",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-south-1",
        "Europe (Milan)",
        "Europe",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "eu-south-2",
        "Europe (Spain)",
        "Europe",
        true,
        false,
        Unconfirmed,
    ),
    region(
        "ap-east-1",
        "Asia Pacific (Hong Kong)",
        "Asia Pacific",
        true,
        false,
        Yes,
    ),
    region(
        "ap-east-2",
        "Asia Pacific (Taipei)",
        "Asia Pacific",
        false,
        false,
        Unconfirmed,
    ),
    region(
        "ap-northeast-1",
        "Asia Pacific (Tokyo)",
        "Asia Pacific",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "ap-northeast-2",
        "Asia Pacific (Seoul)",
        "Asia Pacific",
        true,
        true,
        Yes,
    ),
    region(
        "ap-northeast-3",
        "Asia Pacific (Osaka)",
        "Asia Pacific",
        true,
        true,
        Yes,
    ),
    region(
        "ap-south-1",
        "Asia Pacific (Mumbai)",
        "Asia Pacific",
        true,
        true,
        Yes,
    ),
    region(
        "ap-south-2",
        "Asia Pacific (Hyderabad)",
        "Asia Pacific",
        false,
        true,
        No,
    ),
    region(
        "ap-southeast-1",
        "Asia Pacific (Singapore)",
        "Asia Pacific",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "ap-southeast-2",
        "Asia Pacific (Sydney)",
        "Asia Pacific",
        true,
        true,
        Unconfirmed,
    ),
    region(
        "ap-southeast-3",
        "Asia Pacific (Jakarta)",
        "Asia Pacific",
        true,
        true,
        Yes,
    ),
    region(
        "ap-southeast-4",
        "Asia Pacific (Melbourne)",
        "Asia Pacific",
        false,
        false,
        No,
    ),
    region(
        "ap-southeast-5",
        "Asia Pacific (Malaysia)",
        "Asia Pacific",
        false,
        true,
        Yes,
    ),
    region(
        "ap-southeast-6",
        "Asia Pacific (New Zealand)",
        "Asia Pacific",
        false,
        false,
        No,
    ),
    region(
        "ap-southeast-7",
        "Asia Pacific (Thailand)",
        "Asia Pacific",
        false,
        false,
        Unconfirmed,
    ),
    region(
        "me-central-1",
        "Middle East (UAE)",
        "Middle East",
        false,
        true,
        Unconfirmed,
    ),
    region(
        "me-south-1",
        "Middle East (Bahrain)",
        "Middle East",
        false,
        true,
        Unconfirmed,
    ),
    region(
        "il-central-1",
        "Israel (Tel Aviv)",
        "Middle East",
        false,
        true,
        Unconfirmed,
    ),
    region(
        "af-south-1",
        "Africa (Cape Town)",
        "Africa",
        true,
        true,
        Yes,
    ),
];

/// The region with this code, if it is one of the 34.
pub fn region_by_code(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// A major version of Bref.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BrefVersion {
    /// `"3"` or `"2"`.
    pub major: &'static str,
    /// The Composer constraint to require.
    pub constraint: &'static str,
    /// PHP versions with published runtimes that this configurator offers.
    /// Source: Bref 3 `layers.json` (php-82 … php-85); Bref 2 `layers.json` at 2.4.21 (php-80 …
    /// php-84, of which 8.2+ are offered because every supported Symfony line runs on them).
    pub php: &'static [&'static str],
    /// The AWS account that publishes the layers (docs/upgrading/v3.mdx, `getLayerArn()`).
    pub layer_account: &'static str,
    /// The Lambda runtime the plugin emits for `runtime: php-XX-fpm`.
    pub lambda_runtime: &'static str,
}

/// Bref versions, newest first. Bref 3.0.0: 2026-02-26; Bref 2 still gets patch releases.
pub const BREF_VERSIONS: &[BrefVersion] = &[
    BrefVersion {
        major: "3",
        constraint: "^3.0",
        php: &["8.2", "8.3", "8.4", "8.5"],
        layer_account: "873528684822",
        lambda_runtime: "provided.al2023",
    },
    BrefVersion {
        major: "2",
        constraint: "^2.4",
        php: &["8.2", "8.3", "8.4"],
        layer_account: "534081306603",
        lambda_runtime: "provided.al2",
    },
];

/// The Bref version with this major, if offered.
pub fn bref_version(major: &str) -> Option<&'static BrefVersion> {
    BREF_VERSIONS.iter().find(|b| b.major == major)
}

/// Every PHP version some Bref offers, in the wizard's order (default first).
pub const PHP_VERSIONS: &[&str] = &["8.4", "8.2", "8.3", "8.5"];

/// A Symfony version line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SymfonyVersion {
    /// The value in the answers: `"7.4"`, `"6.4"`, `"8"`, `"5.4"`.
    pub id: &'static str,
    pub label: &'static str,
    /// The Composer constraint for `symfony/*` packages.
    pub constraint: &'static str,
    /// Lowest PHP version (symfony.com/releases.json).
    pub php_min: &'static str,
    /// The framework-bundle recipe's `src/Kernel.php` has `getAllowedEnvs()` (recipe 8.1,
    /// symfony/recipes e685563f, 2026-03-27), which rejects any environment it does not list.
    pub allowed_envs: bool,
    /// `kernel.share_dir` / `APP_SHARE_DIR` exist (Symfony 7.4, symfony/symfony #62170).
    pub share_dir: bool,
    /// Doctrine DBAL 2 can still be installed (doctrine-bundle 2.x allows `doctrine/dbal ^2.13`),
    /// which `nemo64/dbal-rds-data` requires.
    pub dbal2: bool,
    /// Still supported upstream in late 2026.
    pub note: &'static str,
}

/// Symfony lines offered, default first.
pub const SYMFONY_VERSIONS: &[SymfonyVersion] = &[
    SymfonyVersion {
        id: "7.4",
        label: "7.4 LTS",
        constraint: "7.4.*",
        php_min: "8.2",
        allowed_envs: false,
        share_dir: true,
        dbal2: false,
        note: "long-term support until November 2028",
    },
    SymfonyVersion {
        id: "6.4",
        label: "6.4 LTS",
        constraint: "6.4.*",
        php_min: "8.1",
        allowed_envs: false,
        share_dir: false,
        dbal2: false,
        note: "security fixes only until November 2027",
    },
    SymfonyVersion {
        id: "8",
        label: "8.x (8.1 and later)",
        constraint: "8.*",
        php_min: "8.4",
        allowed_envs: true,
        share_dir: true,
        dbal2: false,
        note: "current stable line, 8.1 since May 2026",
    },
    SymfonyVersion {
        id: "5.4",
        label: "5.4 (extended security support)",
        constraint: "5.4.*",
        php_min: "7.2.5",
        allowed_envs: false,
        share_dir: false,
        dbal2: true,
        note: "security fixes only, extended to February 2029",
    },
];

/// The Symfony line with this id, if offered.
pub fn symfony_version(id: &str) -> Option<&'static SymfonyVersion> {
    SYMFONY_VERSIONS.iter().find(|s| s.id == id)
}

/// Compares two dotted version strings numerically (`"8.10" > "8.4"`). Missing parts count as 0.
pub fn version_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    let (pa, pb) = (parts(a), parts(b));
    let len = pa.len().max(pb.len());
    for i in 0..len {
        let (x, y) = (
            pa.get(i).copied().unwrap_or(0),
            pb.get(i).copied().unwrap_or(0),
        );
        match x.cmp(&y) {
            std::cmp::Ordering::Equal => continue,
            other => return other,
        }
    }
    std::cmp::Ordering::Equal
}

/// An Aurora Serverless v2 engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuroraEngine {
    /// The answers value: `aurora-mysql` or `aurora-postgresql`.
    pub id: &'static str,
    pub label: &'static str,
    /// CloudFormation `Engine`.
    pub engine: &'static str,
    /// CloudFormation `EngineVersion`: a version that supports scaling to 0 ACU (auto-pause) and
    /// the RDS Data API. Aurora MySQL 3.08 and Aurora PostgreSQL 16.3+ are the commonly cited
    /// minimums for auto-pause (UNCONFIRMED from AWS's own table).
    pub version: &'static str,
    /// Doctrine DBAL URL scheme.
    pub url_scheme: &'static str,
    /// Default port.
    pub port: u16,
    /// `serverVersion` for Doctrine.
    pub server_version: &'static str,
    /// The Composer package of the PDO driver's Doctrine platform needs nothing extra; the PHP
    /// extension that Bref ships enabled.
    pub php_extension: &'static str,
}

/// Aurora engines offered.
pub const AURORA_ENGINES: &[AuroraEngine] = &[
    AuroraEngine {
        id: "aurora-mysql",
        label: "Aurora Serverless v2, MySQL 8.0 compatible",
        engine: "aurora-mysql",
        version: "8.0.mysql_aurora.3.08.0",
        url_scheme: "mysql",
        port: 3306,
        server_version: "8.0.39",
        php_extension: "pdo_mysql",
    },
    AuroraEngine {
        id: "aurora-postgresql",
        label: "Aurora Serverless v2, PostgreSQL 16 compatible",
        engine: "aurora-postgresql",
        version: "16.9",
        url_scheme: "postgresql",
        port: 5432,
        server_version: "16",
        php_extension: "pdo_pgsql",
    },
];

/// The Aurora engine with this id.
pub fn aurora_engine(id: &str) -> Option<&'static AuroraEngine> {
    AURORA_ENGINES.iter().find(|e| e.id == id)
}

/// The values CloudWatch Logs accepts for `RetentionInDays` (CloudFormation
/// `AWS::Logs::LogGroup`), which `provider.logRetentionInDays` passes through.
pub const LOG_RETENTION_DAYS: &[u32] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

/// CloudFront minimum TLS policies offered (AWS::CloudFront::Distribution ViewerCertificate
/// `MinimumProtocolVersion`). The guide's `TLSv1.2_2018` still exists but allows older ciphers.
pub const TLS_POLICIES: &[&str] = &["TLSv1.2_2021", "TLSv1.2_2019", "TLSv1.2_2018"];

/// CloudFront price classes.
pub const PRICE_CLASSES: &[&str] = &["PriceClass_100", "PriceClass_200", "PriceClass_All"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_four_unique_regions() {
        assert_eq!(REGIONS.len(), 34);
        let mut codes: Vec<_> = REGIONS.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 34);
    }

    #[test]
    fn counts_match_the_facts() {
        assert_eq!(REGIONS.iter().filter(|r| r.bref3).count(), 22);
        assert_eq!(REGIONS.iter().filter(|r| r.ses).count(), 27);
        assert_eq!(REGIONS.iter().filter(|r| r.bref3 && r.ses).count(), 20);
        assert_eq!(
            REGIONS
                .iter()
                .filter(|r| r.data_api_postgresql == Yes)
                .count(),
            11
        );
    }

    #[test]
    fn version_comparison_is_numeric() {
        use std::cmp::Ordering::*;
        assert_eq!(version_cmp("8.10", "8.4"), Greater);
        assert_eq!(version_cmp("8.2", "8.2.0"), Equal);
        assert_eq!(version_cmp("7.2.5", "8.2"), Less);
    }
}
