//! The zip download: every file of a [`Bundle`], byte-identical for the same bundle on every
//! platform (native CLI and wasm alike).
//!
//! What makes it deterministic: entries in path order (the bundle is sorted), the DOS epoch
//! 1980-01-01 00:00:00 as every timestamp, `0o644` permissions, Unix as the "made by" system
//! (the zip crate would otherwise take the host's), Deflate at a fixed level, no extra fields.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::Bundle;

/// Why no archive was written.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum ZipError {
    /// The top folder name is not a single plain path segment.
    #[error("the folder name `{0}` cannot be used in a zip archive: use letters, digits, `-`, `_` and `.`, without `/`")]
    Folder(String),
    /// The zip writer reported an error. The archive is written into memory, so no I/O can
    /// fail; the writer's API still returns a `Result`, and this keeps its message instead of a
    /// panic.
    #[error("could not write the zip archive: {0}")]
    Write(String),
}

/// The options every entry shares.
fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644)
        .system(System::Unix)
}

fn valid_folder(folder: &str) -> bool {
    !folder.is_empty()
        && folder != "."
        && folder != ".."
        && folder
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The zip archive of `bundle`. With `folder`, every file sits under `folder/` so that the
/// archive unpacks into one directory (the web app and the CLI pass a name made from the
/// service name); without, the archive's paths are the bundle's paths.
pub fn write(bundle: &Bundle, folder: Option<&str>) -> Result<Vec<u8>, ZipError> {
    if let Some(folder) = folder {
        if !valid_folder(folder) {
            return Err(ZipError::Folder(folder.to_owned()));
        }
    }
    let failed = |e: &dyn std::fmt::Display| ZipError::Write(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, text) in bundle.iter() {
        let name = match folder {
            Some(folder) => format!("{folder}/{path}"),
            None => path.to_owned(),
        };
        zip.start_file(name, options()).map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}
