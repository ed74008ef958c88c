//! The zip download: byte-identical for the same bundle, and readable back into the same files.

use std::io::{Cursor, Read};

use symfony_lambda_core::generate::{self, Options};
use symfony_lambda_core::zipfile::{self, ZipError};
use symfony_lambda_core::{Answers, Bundle};

fn sample() -> Bundle {
    let mut bundle = Bundle::new();
    bundle.add("serverless.yml", "service: app\n");
    bundle.add(
        "config/packages/lambda/cache.yaml",
        "framework:\n    cache: ~\n",
    );
    bundle.add(".env.lambda", "APP_DEBUG=0\n");
    bundle.add("README.md", "# Ünïcode — and a long line ".repeat(50));
    bundle
}

/// Every entry of `bytes` as (name, unix mode, last-modified, text), in archive order.
fn read_back(bytes: &[u8]) -> Vec<(String, Option<u32>, String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a readable zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("an entry");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("utf-8 text");
            let modified = file
                .last_modified()
                .map(|t| t.to_string())
                .unwrap_or_default();
            let name = file.name().expect("a utf-8 name").into_owned();
            (name, file.unix_mode(), modified, text)
        })
        .collect()
}

#[test]
fn same_bundle_same_bytes() {
    let a = zipfile::write(&sample(), None).expect("written");
    let b = zipfile::write(&sample(), None).expect("written");
    assert_eq!(a, b);
    assert_ne!(
        a,
        zipfile::write(&sample(), Some("app")).expect("written"),
        "the folder is part of the archive"
    );
}

#[test]
fn reads_back_sorted_with_fixed_time_and_mode() {
    let bundle = sample();
    let entries = read_back(&zipfile::write(&bundle, None).expect("written"));
    let names: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        names,
        [
            ".env.lambda",
            "README.md",
            "config/packages/lambda/cache.yaml",
            "serverless.yml"
        ]
    );
    for (name, mode, modified, text) in &entries {
        assert_eq!(Some(text.as_str()), bundle.get(name));
        assert_eq!(*mode, Some(0o100644), "{name}");
        assert_eq!(modified, "1980-01-01 00:00:00", "{name}");
    }
}

#[test]
fn entries_are_compressed() {
    let bytes = zipfile::write(&sample(), None).expect("written");
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).expect("a readable zip");
    let readme = archive.by_name("README.md").expect("README.md");
    assert_eq!(readme.compression(), zip::CompressionMethod::Deflated);
    assert!(readme.compressed_size() < readme.size() / 4);
}

#[test]
fn folder_prefixes_every_path() {
    let entries = read_back(&zipfile::write(&sample(), Some("symfony-project")).expect("written"));
    assert!(entries
        .iter()
        .all(|e| e.0.starts_with("symfony-project/") && !e.0.ends_with('/')));
    assert_eq!(entries.len(), 4);
}

#[test]
fn unusable_folder_names_are_refused() {
    for folder in ["", ".", "..", "a/b", "../x", "a\\b", "a b"] {
        assert_eq!(
            zipfile::write(&sample(), Some(folder)),
            Err(ZipError::Folder(folder.to_owned())),
            "{folder:?}"
        );
    }
}

#[test]
fn empty_bundle_is_an_empty_archive() {
    let bytes = zipfile::write(&Bundle::new(), None).expect("written");
    assert!(read_back(&bytes).is_empty());
}

#[test]
fn generated_bundle_round_trips() {
    let plan = symfony_lambda_core::plan(&Answers::default()).expect("defaults validate");
    let bundle = generate::generate(&plan, &Options::default());
    let bytes = zipfile::write(&bundle, Some("symfony-project")).expect("written");
    assert_eq!(
        bytes,
        zipfile::write(
            &generate::generate(&plan, &Options::default()),
            Some("symfony-project")
        )
        .expect("written")
    );
    let entries = read_back(&bytes);
    assert_eq!(entries.len(), bundle.len());
    for ((name, _, _, text), (path, original)) in entries.iter().zip(bundle.iter()) {
        assert_eq!(name, &format!("symfony-project/{path}"));
        assert_eq!(text, original);
    }
}

/// The archive the `zip` crate writes for `bundle` with the options `zipfile` documents (Deflate
/// level 6, DOS epoch, Unix, 0o644), which `zipfile::write` reproduces without the crate.
fn zip_crate_archive(bundle: &Bundle, folder: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644)
        .system(zip::System::Unix);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (path, text) in bundle.iter() {
        let name = match folder {
            Some(folder) => format!("{folder}/{path}"),
            None => path.to_owned(),
        };
        zip.start_file(name, options).expect("entry");
        zip.write_all(text.as_bytes()).expect("data");
    }
    zip.finish().expect("archive").into_inner()
}

#[test]
fn bytes_equal_the_zip_crates() {
    let mut bundles = vec![sample(), Bundle::new()];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut all = vec![Answers::default()];
    for entry in std::fs::read_dir(dir).expect("fixtures directory") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("fixture");
        all.push(
            symfony_lambda_core::answers_file::read_subset(&text)
                .expect("fixture")
                .0,
        );
    }
    for answers in all {
        let plan = symfony_lambda_core::plan(&answers).expect("fixtures are valid");
        bundles.push(generate::generate(&plan, &Options::default()));
    }
    assert!(bundles.len() >= 8);
    for bundle in &bundles {
        for folder in [None, Some("symfony-project")] {
            assert_eq!(
                zipfile::write(bundle, folder).expect("written"),
                zip_crate_archive(bundle, folder),
                "{folder:?}"
            );
        }
    }
}
