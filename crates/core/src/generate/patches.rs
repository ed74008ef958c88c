//! The patches for files the user's project already has: `config/bundles.php`, `.gitignore`,
//! `public/index.php` (classic front controller) and `src/Kernel.php`, each as its own file under
//! `patches/`, and all of them in `symfony-lambda.patch` for one `git apply`.
//!
//! Each patch is the unified diff ([`crate::diff`]) between the file as the Symfony recipe (and
//! Symfony Flex) creates it, kept byte for byte in `src/recipes/` (see `SOURCE.md` there), and
//! the same file changed. The user's copy may differ from the recipe's (other bundles, their own
//! `.gitignore` lines, extra imports in the kernel), so every hunk keeps only context lines that
//! are certain to be in the user's file:
//!
//! - `config/bundles.php`: the new lines go right before the closing `];`, the only context.
//!   Flex appends bundles at the end and may or may not have added `AsyncAwsBundle` (its recipe is
//!   a "contrib" one, which Flex runs only when the user accepts it). PHP keeps the last value of
//!   a repeated array key, so a line added last wins over one Flex wrote above it.
//! - `.gitignore`: a block goes right before the `###> symfony/framework-bundle ###` marker.
//! - `src/Kernel.php`: one line of context around each change, which the recipe's kernels of
//!   5.4 to 8.1 share; the `BaseKernel` import stays so that kernels with more imports match too.
//! - `public/index.php`: the 5.1 recipe's trusted-proxies line, in its two historical versions.

use crate::diff::{self, Context};
use crate::plan::{CacheStrategy, FrontController};
use crate::{quote, Bundle, Plan};

/// `config/bundles.php` as Flex writes it for a new project: the framework-bundle recipe's only
/// bundle.
pub const BUNDLES_PHP: &str = include_str!("../recipes/bundles.php");
/// `.gitignore` as Flex writes it from the framework-bundle recipe's `gitignore` list.
pub const GITIGNORE: &str = include_str!("../recipes/gitignore");
/// `src/Kernel.php` of the framework-bundle recipe used by Symfony 5.4, 6.4 and 7.4.
pub const KERNEL_5_4: &str = include_str!("../recipes/Kernel-5.4.php");
/// `src/Kernel.php` of the framework-bundle 8.1 recipe, with `getAllowedEnvs()`.
pub const KERNEL_8_1: &str = include_str!("../recipes/Kernel-8.1.php");
/// `public/index.php` of the framework-bundle 5.1 recipe since November 2020.
pub const INDEX_5_1: &str = include_str!("../recipes/index-5.1.php");
/// `public/index.php` of the framework-bundle 5.1 recipe before November 2020 (the guide's).
pub const INDEX_5_1_2020: &str = include_str!("../recipes/index-5.1-2020.php");

/// One patch: the file it changes, the recipe's original and the changed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePatch {
    /// Where the patch goes in the bundle (`patches/src-Kernel.php.patch`).
    pub bundle_path: &'static str,
    /// The project file it changes (`src/Kernel.php`).
    pub target: &'static str,
    /// The file as the recipe creates it.
    pub original: &'static str,
    /// The file after the patch.
    pub changed: String,
    /// What the change is for, one sentence, for the comment at the top of the patch file.
    pub summary: &'static str,
    /// Whether `symfony-lambda.patch` includes it (not the variant for an older recipe file).
    pub combined: bool,
    context: Context,
}

impl FilePatch {
    /// The unified diff, without the leading comment. `None` if the change is empty.
    pub fn diff(&self) -> Option<String> {
        diff::unified_with(self.target, self.original, &self.changed, self.context)
    }
}

/// Replaces the one occurrence of `from` in a recipe file. The recipe texts are constants of this
/// crate, so a missing line is a bug caught by the tests, not something an answer can cause.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "expected `{from}` once in the recipe file"
    );
    text.replacen(from, to, 1)
}

/// Whether the Symfony line's kernels are older than 6.0, where `Request::HEADER_X_FORWARDED_ALL`
/// still exists (the 2020 front controller uses it; Symfony 6.0 removed it).
fn before_symfony_6(plan: &Plan) -> bool {
    crate::catalogue::version_cmp(plan.symfony.id, "6") == std::cmp::Ordering::Less
}

fn bundles_php(plan: &Plan) -> Option<FilePatch> {
    let mut lines = String::new();
    if plan.needs_async_aws_bundle() {
        // The session handler's client lives in the deployed environment only (the guide).
        lines.push_str(&format!(
            "    AsyncAws\\Symfony\\Bundle\\AsyncAwsBundle::class => [{} => true],\n",
            quote::php(plan.env)
        ));
    }
    if plan.needs_symfony_bridge() {
        // The bridge's composer.json declares the bundle for every environment.
        lines.push_str("    Bref\\SymfonyBridge\\BrefBundle::class => ['all' => true],\n");
    }
    if lines.is_empty() {
        return None;
    }
    let added = format!(
        "    // symfony-lambda: PHP keeps the last value of a repeated key, so these lines win over\n    \
         // any line for the same bundle above.\n{lines}];\n"
    );
    Some(FilePatch {
        bundle_path: "patches/config-bundles.php.patch",
        target: "config/bundles.php",
        original: BUNDLES_PHP,
        changed: replace_once(BUNDLES_PHP, "];\n", &added),
        summary: "registers the bundles the deployed application needs in `config/bundles.php`",
        combined: true,
        context: Context {
            before: 0,
            after: 1,
        },
    })
}

fn gitignore() -> FilePatch {
    let marker = "###> symfony/framework-bundle ###\n";
    let added = format!(
        "# symfony-lambda: what `serverless package` and `serverless deploy` write\n/.serverless/\n\n{marker}"
    );
    FilePatch {
        bundle_path: "patches/gitignore.patch",
        target: ".gitignore",
        original: GITIGNORE,
        changed: replace_once(GITIGNORE, marker, &added),
        summary: "keeps the Serverless Framework's `.serverless/` build directory out of git",
        combined: true,
        context: Context {
            before: 0,
            after: 1,
        },
    }
}

fn kernel(plan: &Plan) -> Option<FilePatch> {
    let original = if plan.symfony.allowed_envs {
        KERNEL_8_1
    } else {
        KERNEL_5_4
    };
    let mut changed = original.to_owned();
    if plan.cache == CacheStrategy::BrefKernel {
        changed = replace_once(
            &changed,
            "\nuse Symfony\\Bundle\\FrameworkBundle\\Kernel\\MicroKernelTrait;\n",
            "\nuse Bref\\SymfonyBridge\\BrefKernel;\nuse Symfony\\Bundle\\FrameworkBundle\\Kernel\\MicroKernelTrait;\n",
        );
        changed = replace_once(
            &changed,
            "class Kernel extends BaseKernel\n",
            "class Kernel extends BrefKernel\n",
        );
    }
    let bref_kernel = plan.cache == CacheStrategy::BrefKernel;
    let allow_env = plan.symfony.allowed_envs && !["prod", "dev", "test"].contains(&plan.env);
    if allow_env {
        changed = replace_once(
            &changed,
            "return ['prod', 'dev', 'test'];",
            &format!("return ['prod', 'dev', 'test', {}];", quote::php(plan.env)),
        );
    }
    let summary = match (bref_kernel, allow_env) {
        (false, false) => return None,
        (true, false) => {
            "makes the kernel extend Bref's `BrefKernel`, which prepares a writable cache in /tmp"
        }
        (false, true) => {
            "adds the deployed environment to `getAllowedEnvs()`, which rejects any other"
        }
        (true, true) => {
            "makes the kernel extend Bref's `BrefKernel` and adds the deployed environment to `getAllowedEnvs()`"
        }
    };
    Some(FilePatch {
        bundle_path: "patches/src-Kernel.php.patch",
        target: "src/Kernel.php",
        original,
        changed,
        summary,
        combined: true,
        context: Context {
            before: 1,
            after: 1,
        },
    })
}

/// The classic front controller behind CloudFront: trust `X-Forwarded-Host`, which CloudFront
/// sets to the visitor's host. Without CloudFront nothing sets it, and trusting it would let a
/// client choose the host Symfony sees, so there is no patch then.
fn index_php(plan: &Plan) -> Vec<FilePatch> {
    if plan.front_controller != FrontController::Classic || !plan.behind_cloudfront() {
        return Vec::new();
    }
    let trusted = "Request::HEADER_X_FORWARDED_FOR | Request::HEADER_X_FORWARDED_HOST | Request::HEADER_X_FORWARDED_PORT | Request::HEADER_X_FORWARDED_PROTO";
    let mut patches = vec![FilePatch {
        bundle_path: "patches/public-index.php.patch",
        target: "public/index.php",
        original: INDEX_5_1,
        changed: replace_once(
            INDEX_5_1,
            "Request::HEADER_X_FORWARDED_FOR | Request::HEADER_X_FORWARDED_PORT | Request::HEADER_X_FORWARDED_PROTO",
            trusted,
        ),
        summary: "trusts the X-Forwarded-Host header that CloudFront sets, so URLs use your domain",
        combined: true,
        context: Context::GIT,
    }];
    if before_symfony_6(plan) {
        patches.push(FilePatch {
            bundle_path: "patches/public-index.php-2020.patch",
            target: "public/index.php",
            original: INDEX_5_1_2020,
            changed: replace_once(
                INDEX_5_1_2020,
                "Request::HEADER_X_FORWARDED_ALL ^ Request::HEADER_X_FORWARDED_HOST",
                trusted,
            ),
            summary: "trusts the X-Forwarded-Host header that CloudFront sets, for a front controller created before November 2020 (`HEADER_X_FORWARDED_ALL ^ HEADER_X_FORWARDED_HOST`)",
            combined: false,
            context: Context::GIT,
        });
    }
    patches
}

/// Every patch for `plan`, in the order of their target paths.
pub fn file_patches(plan: &Plan) -> Vec<FilePatch> {
    let mut patches = vec![gitignore()];
    patches.extend(bundles_php(plan));
    patches.extend(index_php(plan));
    patches.extend(kernel(plan));
    patches
}

/// The comment above the `diff --git` line of a patch file: what it does and how to apply it.
/// `git apply` (and `patch`) skip everything before the first `diff` header.
fn header(summary: &str, file: &str, notes: &[&str]) -> String {
    let mut out = format!(
        "# symfony-lambda: this patch {summary}.\n\
         #\n\
         # Apply it from the root of your Symfony project, after the `composer require` step of\n\
         # README.md:\n\
         #\n\
         #     git apply --check {file} && git apply {file}\n\
         #\n"
    );
    for note in notes {
        for line in note.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("#\n");
    }
    out.push_str("# git skips these comment lines: the patch starts at the `diff --git` line.\n\n");
    out
}

/// Adds every patch file and `symfony-lambda.patch` to `bundle`.
pub fn contribute(plan: &Plan, bundle: &mut Bundle) {
    let mut combined = String::new();
    let mut targets = Vec::new();
    for patch in file_patches(plan) {
        let Some(diff) = patch.diff() else { continue };
        let mut notes = Vec::new();
        if patch.target == "src/Kernel.php" && plan.cache == CacheStrategy::BrefKernel {
            notes.push(
                "The `use ... as BaseKernel;` line stays, so that the patch also fits a kernel\n\
                 with more imports; remove it if your coding standard flags unused imports.",
            );
        }
        if patch.bundle_path == "patches/public-index.php.patch" && before_symfony_6(plan) {
            notes.push(
                "If `--check` says `public/index.php` does not match, your front controller is\n\
                 older than November 2020: apply patches/public-index.php-2020.patch instead.",
            );
        }
        bundle.add(
            patch.bundle_path,
            header(patch.summary, patch.bundle_path, &notes) + &diff,
        );
        if patch.combined {
            targets.push(format!("`{}`", patch.target));
            combined.push_str(&diff);
        }
    }
    let changes = format!(
        "It changes {}: the same changes as the files in patches/.",
        targets.join(", ")
    );
    let notes = [
        changes.as_str(),
        "`git apply` changes nothing unless every file matches. If `--check` fails, apply\n\
         the files in patches/ one by one to find the one that does not, and make that\n\
         change by hand.",
    ];
    bundle.add(
        "symfony-lambda.patch",
        header(
            "holds every change to files your project already has",
            "symfony-lambda.patch",
            &notes,
        ) + &combined,
    );
}
