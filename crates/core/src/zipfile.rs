//! The zip download: every file of a [`Bundle`], byte-identical for the same bundle on every
//! platform (native CLI and wasm alike).
//!
//! The archive is written here rather than with a zip library, which would add about 25 KB to
//! the WebAssembly: a local header and the deflated text per entry, then the central directory.
//! What makes it deterministic: entries in path order (the bundle is sorted), the DOS epoch
//! 1980-01-01 00:00:00 as every timestamp, `0o644` permissions, Unix as the "made by" system,
//! Deflate at level 6, no extra fields. The bytes are those the `zip` crate writes for the same
//! options (a test compares them).

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

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
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut count: u16 = 0;
    for (path, text) in bundle.iter() {
        let name = match folder {
            Some(folder) => format!("{folder}/{path}"),
            None => path.to_owned(),
        };
        let data = text.as_bytes();
        let compressed = deflate_raw(data, 6)
            .ok_or_else(|| ZipError::Write(format!("could not compress `{name}`")))?;
        let mut crc = Crc::new();
        crc.update(data);
        let too_large = || ZipError::Write(format!("`{name}` is too large for a zip archive"));
        let entry = Entry {
            // Bit 11: the name is UTF-8.
            flags: if name.is_ascii() { 0 } else { 0x0800 },
            crc: crc.sum(),
            compressed: u32::try_from(compressed.len()).map_err(|_| too_large())?,
            size: u32::try_from(data.len()).map_err(|_| too_large())?,
            name_len: u16::try_from(name.len()).map_err(|_| too_large())?,
            offset: u32::try_from(out.len()).map_err(|_| too_large())?,
        };
        count = count
            .checked_add(1)
            .ok_or_else(|| ZipError::Write("too many files for a zip archive".into()))?;

        out.extend_from_slice(b"PK\x03\x04");
        entry.common(&mut out);
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&compressed);

        central.extend_from_slice(b"PK\x01\x02");
        // Made by: Unix (3), version 2.0.
        central.extend_from_slice(&0x0314u16.to_le_bytes());
        entry.common(&mut central);
        // Extra field, comment, disk number, internal attributes.
        central.extend_from_slice(&[0; 8]);
        // External attributes: a regular file, rw-r--r--.
        central.extend_from_slice(&(0o100644u32 << 16).to_le_bytes());
        central.extend_from_slice(&entry.offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let too_large = || ZipError::Write("the archive is too large for a zip archive".into());
    let central_offset = u32::try_from(out.len()).map_err(|_| too_large())?;
    let central_size = u32::try_from(central.len()).map_err(|_| too_large())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]); // this disk, the disk with the central directory
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// What the local header and the central directory both say about an entry.
struct Entry {
    flags: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    name_len: u16,
    offset: u32,
}

impl Entry {
    /// From "version needed" to the name's length: the fields both headers share, in order.
    fn common(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0 (Deflate)
        out.extend_from_slice(&self.flags.to_le_bytes());
        out.extend_from_slice(&8u16.to_le_bytes()); // Deflate
        out.extend_from_slice(&0u16.to_le_bytes()); // 00:00:00
        out.extend_from_slice(&0x0021u16.to_le_bytes()); // 1980-01-01
        out.extend_from_slice(&self.crc.to_le_bytes());
        out.extend_from_slice(&self.compressed.to_le_bytes());
        out.extend_from_slice(&self.size.to_le_bytes());
        out.extend_from_slice(&self.name_len.to_le_bytes());
    }
}

/// `data` as a raw deflate stream (no zlib header) at `level` (0 to 9). Uses flate2's in-memory
/// compressor rather than its `std::io` writers, which would bring `io::Error` into the web app.
/// `None` only if the compressor reports an error.
pub(crate) fn deflate_raw(data: &[u8], level: u32) -> Option<Vec<u8>> {
    let mut encoder = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let consumed =
            usize::try_from(encoder.total_in()).map_or(data.len(), |n| n.min(data.len()));
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(1024));
        }
        match encoder.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return Some(out),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
}
