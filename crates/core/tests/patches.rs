//! The generated patches, applied with the real `git apply` to the recipe originals (and to
//! project files that differ from them the way real projects do), for every combination of the
//! answers that changes a patch.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use symfony_lambda_core::generate::patches::{self, FilePatch};
use symfony_lambda_core::{Answers, Bundle, Plan};

/// A throw-away git repository under the system's temp directory, removed on drop.
struct Repo {
    dir: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "symfony-lambda-patches-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp repository");
        let repo = Repo { dir };
        repo.git(&["init", "--quiet"]).expect("git init");
        repo
    }

    fn write(&self, path: &str, text: &str) {
        let full = self.dir.join(path);
        std::fs::create_dir_all(full.parent().expect("a parent directory"))
            .expect("create directories");
        std::fs::write(full, text).expect("write a file");
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.join(path)).expect("read a file")
    }

    /// Runs git; `Err` carries stderr when it fails.
    fn git(&self, args: &[&str]) -> Result<(), String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("git is installed");
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// Writes `patch` into the repository and runs `git apply --check`, then `git apply`.
    fn apply(&self, name: &str, patch: &str) -> Result<(), String> {
        let path = self.dir.join(format!(".{}", name.replace('/', "-")));
        std::fs::write(&path, patch).expect("write the patch");
        let arg = path.to_str().expect("utf-8 temp path").to_owned();
        let result = self
            .git(&["apply", "--check", &arg])
            .and_then(|()| self.git(&["apply", &arg]));
        std::fs::remove_file(&path).expect("remove the patch");
        result
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn plan(settings: &[(&str, &str)]) -> Plan {
    let mut answers = Answers::default();
    // Lift without a domain needs no certificate, so every combination validates.
    answers.set("assets.domain", "");
    for (path, value) in settings {
        assert!(answers.set(path, *value), "unknown answer `{path}`");
    }
    match symfony_lambda_core::plan(&answers) {
        Ok(plan) => plan,
        Err(report) => panic!("{settings:?} does not validate: {report:#?}"),
    }
}

fn bundle(plan: &Plan) -> Bundle {
    let mut bundle = Bundle::new();
    patches::contribute(plan, &mut bundle);
    bundle
}

/// A repository holding the recipe original of every file a patch of `plan` targets.
fn repo_with_originals(file_patches: &[FilePatch]) -> Repo {
    let repo = Repo::new();
    for patch in file_patches.iter().filter(|p| p.combined) {
        repo.write(patch.target, patch.original);
    }
    repo
}

/// Every combination that changes which patches there are or what they say.
fn combinations() -> Vec<Vec<(&'static str, &'static str)>> {
    let mut all = Vec::new();
    for symfony in ["5.4", "6.4", "7.4", "8"] {
        for front in ["runtime", "classic"] {
            for cache in ["pools-in-tmp", "bref-kernel"] {
                for env in ["lambda", "prod"] {
                    for sessions in ["dynamodb", "none"] {
                        for assets in ["none", "lift"] {
                            all.push(vec![
                                ("versions.symfony", symfony),
                                ("versions.front_controller", front),
                                ("caching.strategy", cache),
                                ("environment.name", env),
                                ("sessions.storage", sessions),
                                ("assets.mode", assets),
                            ]);
                        }
                    }
                }
            }
        }
    }
    all
}

#[test]
fn every_patch_applies_to_the_recipe_originals() {
    for settings in combinations() {
        let plan = plan(&settings);
        let file_patches = patches::file_patches(&plan);
        let bundle = bundle(&plan);

        // Each file of patches/ on its own, comment header included.
        for patch in &file_patches {
            let repo = Repo::new();
            repo.write(patch.target, patch.original);
            let text = bundle
                .get(patch.bundle_path)
                .unwrap_or_else(|| panic!("{settings:?}: no {}", patch.bundle_path));
            assert!(text.starts_with("# symfony-lambda: "), "{text}");
            repo.apply(patch.bundle_path, text)
                .unwrap_or_else(|e| panic!("{settings:?} {}: {e}\n{text}", patch.bundle_path));
            assert_eq!(repo.read(patch.target), patch.changed, "{settings:?}");
        }

        // The combined patch, on a project that has every target file.
        let repo = repo_with_originals(&file_patches);
        let combined = bundle.get("symfony-lambda.patch").expect("combined patch");
        repo.apply("symfony-lambda.patch", combined)
            .unwrap_or_else(|e| panic!("{settings:?} combined: {e}\n{combined}"));
        for patch in file_patches.iter().filter(|p| p.combined) {
            assert_eq!(repo.read(patch.target), patch.changed, "{settings:?}");
        }

        // Nothing but the patch files and the combined patch.
        let expected: Vec<&str> = file_patches
            .iter()
            .map(|p| p.bundle_path)
            .chain(["symfony-lambda.patch"])
            .collect();
        let mut expected = expected;
        expected.sort_unstable();
        assert_eq!(bundle.paths().collect::<Vec<_>>(), expected, "{settings:?}");
    }
}

fn find<'a>(file_patches: &'a [FilePatch], bundle_path: &str) -> Option<&'a FilePatch> {
    file_patches.iter().find(|p| p.bundle_path == bundle_path)
}

#[test]
fn which_patches_exist() {
    let defaults = patches::file_patches(&plan(&[]));
    // The guide's defaults: DynamoDB sessions, pools in /tmp, Symfony 7.4, runtime front
    // controller: bundles.php and .gitignore only.
    assert!(find(&defaults, "patches/config-bundles.php.patch").is_some());
    assert!(find(&defaults, "patches/gitignore.patch").is_some());
    assert!(find(&defaults, "patches/src-Kernel.php.patch").is_none());
    assert!(find(&defaults, "patches/public-index.php.patch").is_none());

    let bare = patches::file_patches(&plan(&[("sessions.storage", "none")]));
    assert!(find(&bare, "patches/config-bundles.php.patch").is_none());

    let classic_api = patches::file_patches(&plan(&[("versions.front_controller", "classic")]));
    assert!(
        find(&classic_api, "patches/public-index.php.patch").is_none(),
        "without CloudFront nothing sets X-Forwarded-Host, so it must not be trusted"
    );

    let classic_lift_54 = patches::file_patches(&plan(&[
        ("versions.symfony", "5.4"),
        ("versions.front_controller", "classic"),
        ("assets.mode", "lift"),
    ]));
    assert!(find(&classic_lift_54, "patches/public-index.php.patch").is_some());
    assert!(find(&classic_lift_54, "patches/public-index.php-2020.patch").is_some());

    let classic_lift_74 = patches::file_patches(&plan(&[
        ("versions.front_controller", "classic"),
        ("assets.mode", "lift"),
    ]));
    assert!(
        find(&classic_lift_74, "patches/public-index.php-2020.patch").is_none(),
        "HEADER_X_FORWARDED_ALL is gone in Symfony 6, so no 6.4+ project has the 2020 file"
    );
}

#[test]
fn kernel_changes() {
    let bref = patches::file_patches(&plan(&[("caching.strategy", "bref-kernel")]));
    let kernel = find(&bref, "patches/src-Kernel.php.patch").expect("a kernel patch");
    assert!(kernel
        .changed
        .contains("\nuse Bref\\SymfonyBridge\\BrefKernel;\n"));
    assert!(kernel
        .changed
        .contains("\nclass Kernel extends BrefKernel\n"));

    let sf8 = patches::file_patches(&plan(&[("versions.symfony", "8")]));
    let kernel = find(&sf8, "patches/src-Kernel.php.patch").expect("a kernel patch");
    assert!(kernel
        .changed
        .contains("return ['prod', 'dev', 'test', 'lambda'];"));
    assert!(kernel.changed.contains("extends BaseKernel"));

    let sf8_prod = patches::file_patches(&plan(&[
        ("versions.symfony", "8"),
        ("environment.name", "prod"),
    ]));
    assert!(find(&sf8_prod, "patches/src-Kernel.php.patch").is_none());
}

#[test]
fn bundles_changes() {
    let file_patches = patches::file_patches(&plan(&[
        ("environment.name", "prod"),
        ("logging.formatter", "bref-cloudwatch"),
    ]));
    let bundles = find(&file_patches, "patches/config-bundles.php.patch").expect("a patch");
    assert!(bundles
        .changed
        .ends_with("    AsyncAws\\Symfony\\Bundle\\AsyncAwsBundle::class => ['prod' => true],\n    Bref\\SymfonyBridge\\BrefBundle::class => ['all' => true],\n];\n"));
}

const KERNEL_WITH_CONFIGURE_METHODS: &str = include_str!("recipes/Kernel-5.4-0536f7c6.php");
const BUNDLES_OF_AN_APP: &str = include_str!("recipes/bundles-app.php");
const GITIGNORE_OF_AN_APP: &str = include_str!("recipes/gitignore-app");

/// Applies the one patch at `bundle_path` of `plan` to `text` at its target path.
fn apply_to(plan: &Plan, bundle_path: &str, text: &str) -> Result<String, String> {
    let file_patches = patches::file_patches(plan);
    let patch = find(&file_patches, bundle_path).expect("the patch exists");
    let repo = Repo::new();
    repo.write(patch.target, text);
    let bundle = bundle(plan);
    repo.apply(bundle_path, bundle.get(bundle_path).expect("in the bundle"))?;
    Ok(repo.read(patch.target))
}

#[test]
fn kernel_patch_fits_the_older_5_4_kernel_with_configure_methods() {
    let plan = plan(&[
        ("versions.symfony", "5.4"),
        ("caching.strategy", "bref-kernel"),
    ]);
    let patched = apply_to(
        &plan,
        "patches/src-Kernel.php.patch",
        KERNEL_WITH_CONFIGURE_METHODS,
    )
    .expect("applies");
    assert!(patched.contains("\nuse Bref\\SymfonyBridge\\BrefKernel;\nuse Symfony\\Bundle\\FrameworkBundle\\Kernel\\MicroKernelTrait;\nuse Symfony\\Component\\DependencyInjection"));
    assert!(patched.contains("\nclass Kernel extends BrefKernel\n{\n    use MicroKernelTrait;\n\n    protected function configureContainer"));
}

#[test]
fn bundles_patch_fits_an_app_where_flex_added_async_aws_for_all_environments() {
    let plan = plan(&[("caching.strategy", "bref-kernel")]);
    let patched =
        apply_to(&plan, "patches/config-bundles.php.patch", BUNDLES_OF_AN_APP).expect("applies");
    let tail = "    AsyncAws\\Symfony\\Bundle\\AsyncAwsBundle::class => ['all' => true],\n    \
                // symfony-lambda: PHP keeps the last value of a repeated key, so these lines win over\n    \
                // any line for the same bundle above.\n    \
                AsyncAws\\Symfony\\Bundle\\AsyncAwsBundle::class => ['lambda' => true],\n    \
                Bref\\SymfonyBridge\\BrefBundle::class => ['all' => true],\n];\n";
    assert!(patched.ends_with(tail), "{patched}");
    assert!(patched.starts_with(BUNDLES_OF_AN_APP.trim_end_matches("];\n")));
}

#[test]
fn gitignore_patch_fits_a_file_with_other_lines_around_the_recipe_block() {
    let patched =
        apply_to(&plan(&[]), "patches/gitignore.patch", GITIGNORE_OF_AN_APP).expect("applies");
    assert!(patched.starts_with(
        "/docker/data/\n.idea/\n\n# symfony-lambda: what `serverless package` and `serverless deploy` write\n/.serverless/\n\n###> symfony/framework-bundle ###\n"
    ), "{patched}");
    // Flex's older writer left out the leading blank line.
    let patched = apply_to(
        &plan(&[]),
        "patches/gitignore.patch",
        patches::GITIGNORE.trim_start(),
    )
    .expect("applies");
    assert!(patched.starts_with("# symfony-lambda:"), "{patched}");
}

#[test]
fn front_controller_patches_fit_their_own_variant_only() {
    let plan = plan(&[
        ("versions.symfony", "5.4"),
        ("versions.front_controller", "classic"),
        ("assets.mode", "lift"),
    ]);
    let trusted = "Request::setTrustedProxies(explode(',', $trustedProxies), Request::HEADER_X_FORWARDED_FOR | Request::HEADER_X_FORWARDED_HOST | Request::HEADER_X_FORWARDED_PORT | Request::HEADER_X_FORWARDED_PROTO);";
    for (bundle_path, original) in [
        ("patches/public-index.php.patch", patches::INDEX_5_1),
        (
            "patches/public-index.php-2020.patch",
            patches::INDEX_5_1_2020,
        ),
    ] {
        let patched = apply_to(&plan, bundle_path, original).expect("applies");
        assert!(patched.contains(trusted), "{patched}");
    }
    assert!(apply_to(
        &plan,
        "patches/public-index.php.patch",
        patches::INDEX_5_1_2020
    )
    .is_err());
    assert!(apply_to(
        &plan,
        "patches/public-index.php-2020.patch",
        patches::INDEX_5_1
    )
    .is_err());
}

#[test]
fn recipe_originals_are_the_recipe_bytes() {
    // Sizes as the symfony/recipes files report them (see src/recipes/SOURCE.md): a changed
    // byte count means the copy drifted from the source.
    assert_eq!(patches::KERNEL_8_1.len(), 382);
    assert_eq!(patches::INDEX_5_1.len(), 875);
    assert_eq!(KERNEL_WITH_CONFIGURE_METHODS.len(), 1481);
    for text in [
        patches::BUNDLES_PHP,
        patches::GITIGNORE,
        patches::KERNEL_5_4,
        patches::KERNEL_8_1,
        patches::INDEX_5_1,
        patches::INDEX_5_1_2020,
    ] {
        assert!(text.ends_with('\n') && !text.contains('\r'));
    }
}

/// Every PHP file as the patches leave it is valid PHP for the real interpreter (`php -l`,
/// Debian's php-cli, which scripts/setup.sh installs).
#[test]
fn patched_php_files_pass_php_lint() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for settings in combinations() {
        for patch in patches::file_patches(&plan(&settings)) {
            if patch.target.ends_with(".php") && !texts.iter().any(|(_, t)| *t == patch.changed) {
                texts.push((
                    format!("{settings:?} {}", patch.target),
                    patch.changed.clone(),
                ));
            }
        }
    }
    assert!(texts.len() >= 4, "expected several distinct PHP files");
    let dir = std::env::temp_dir().join(format!("symfony-lambda-php-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, (what, text)) in texts.iter().enumerate() {
        let path = dir.join(format!("{i}.php"));
        std::fs::write(&path, text).expect("write php file");
        let out = std::process::Command::new("php")
            .arg("-l")
            .arg(&path)
            .output()
            .expect("php-cli is installed (scripts/setup.sh installs it)");
        assert!(
            out.status.success(),
            "{what}: {}\n{text}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
