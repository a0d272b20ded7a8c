//! Reading inputs: walking folders, reading files and decoding their bytes to text.
//!
//! Every problem is returned as a [`Skipped`] naming the input, never dropped: the caller
//! reports it and reflects it in the exit status.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where one article comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The path as written in records and messages (`-` for standard input).
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// An input that could not be turned into an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.path, self.reason)
    }
}

/// How to find article files.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// File name endings (without the dot) that count as articles inside folders.
    pub extensions: Vec<String>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions { extensions: vec!["txt".to_string()] }
    }
}

/// Expands the given paths into article sources, sorted and without repeats, so the output
/// does not depend on the order paths were given or found in. Files named explicitly are taken
/// whatever their extension; inside folders only the wanted extensions, and no hidden entries.
pub fn collect(paths: &[String], options: &WalkOptions) -> (Vec<Source>, Vec<Skipped>) {
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    for given in paths {
        if given == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(given);
        match std::fs::metadata(path) {
            Err(e) => skipped.push(Skipped { path: given.clone(), reason: io_reason(&e) }),
            Ok(meta) if meta.is_dir() => walk(path, options, &mut sources, &mut skipped),
            Ok(_) => sources.push(Source::File(path.to_path_buf())),
        }
    }
    sources.sort();
    sources.dedup();
    (sources, skipped)
}

fn walk(root: &Path, options: &WalkOptions, sources: &mut Vec<Source>, skipped: &mut Vec<Skipped>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let wanted = |p: &Path| p.extension().is_some_and(|x| options.extensions.iter().any(|w| x.eq_ignore_ascii_case(w.as_str())));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if wanted(e.path()) {
                    sources.push(Source::File(e.into_path()));
                }
            }
            Ok(e) if e.file_type().is_dir() => {}
            // A pipe or a device named like an article is not read (opening a pipe would wait
            // for a writer), but it is reported, not passed over in silence.
            Ok(e) => {
                if wanted(e.path()) {
                    let path = e.path().to_string_lossy().into_owned();
                    skipped.push(Skipped { path, reason: format!("not a regular file ({})", special_kind(&e.file_type())) });
                }
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_string_lossy().into_owned();
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    e.io_error().map_or_else(|| e.to_string(), io_reason)
                };
                skipped.push(Skipped { path, reason });
            }
        }
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "not a file or folder"
}

#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a file or folder"
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Files up to this size are read ahead (see [`Queued`]); larger ones are read when parsed, so
/// what is held ahead stays small whatever the corpus holds.
const READ_AHEAD_MAX: u64 = 64 * 1024;

/// An input waiting to be parsed, with its bytes when they were read ahead.
///
/// The thread that lists inputs reads the next batch while the pool parses this one, so the
/// parsing threads do not sit waiting on a cold disk.
#[derive(Debug)]
pub struct Queued {
    pub source: Source,
    read: Option<Result<Vec<u8>, String>>,
}

impl Queued {
    /// Reads `source` now when it is a file of at most [`READ_AHEAD_MAX`] bytes; a file that
    /// cannot be opened keeps the reason, for the parse to report.
    pub fn read_ahead(source: Source, max_bytes: u64) -> Queued {
        let read = match &source {
            Source::File(path) => match open(path) {
                Ok((file, len)) => (len <= READ_AHEAD_MAX).then(|| read_open(file, len, max_bytes)),
                Err(reason) => Some(Err(reason)),
            },
            Source::Stdin => None,
        };
        Queued { source, read }
    }

    /// The input's bytes: those read ahead, or read now.
    pub fn bytes(&self, max_bytes: u64) -> Result<std::borrow::Cow<'_, [u8]>, String> {
        match &self.read {
            Some(read) => read.as_deref().map(std::borrow::Cow::Borrowed).map_err(Clone::clone),
            None => read(&self.source, max_bytes).map(std::borrow::Cow::Owned),
        }
    }
}

/// Reads the raw bytes of a source, refusing anything larger than `max_bytes`.
pub fn read(source: &Source, max_bytes: u64) -> Result<Vec<u8>, String> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
            within(bytes, max_bytes)
        }
        Source::File(path) => {
            let (file, len) = open(path)?;
            read_open(file, len, max_bytes)
        }
    }
}

/// A file opened for reading, with its length.
fn open(path: &Path) -> Result<(std::fs::File, u64), String> {
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let len = file.metadata().map_err(|e| io_reason(&e))?.len();
    Ok((file, len))
}

/// The bytes of an open file of `len` bytes, refusing more than `max_bytes`.
fn read_open(file: std::fs::File, len: u64, max_bytes: u64) -> Result<Vec<u8>, String> {
    if len > max_bytes {
        return Err(format!("larger than --max-bytes ({len} > {max_bytes} bytes)"));
    }
    // `Take` hides the file's size from `read_to_end`, which then grows its buffer from 32
    // bytes, a read call at each step; sized to the file, two calls read it.
    let mut bytes = Vec::with_capacity(usize::try_from(len).map_or(0, |n| n.saturating_add(1)));
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    within(bytes, max_bytes)
}

/// `bytes` unless there are more than `max_bytes` of them (a file grown since its length was
/// read, or a stream: only the first `max_bytes + 1` bytes are read, so its true size is not
/// known).
fn within(bytes: Vec<u8>, max_bytes: u64) -> Result<Vec<u8>, String> {
    if bytes.len() as u64 > max_bytes {
        return Err(format!("larger than --max-bytes (more than {max_bytes} bytes)"));
    }
    Ok(bytes)
}

/// Text decoded from an input, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warning: Option<String>,
}

/// Decodes article bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252 with a
/// warning. A few bad sequences in text that is otherwise UTF-8 (or UTF-16 after its BOM) are
/// replaced with U+FFFD, with a warning: the article is kept. Empty and binary inputs are
/// refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, encoding, warning) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, warning) = utf8_lossy(rest);
        (text, "utf-8", warning)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
        let warning = had_errors.then(|| format!("invalid {} text; bad units replaced with U+FFFD", encoding.name()));
        (text.into_owned(), if bytes[0] == 0xFF { "utf-16le" } else { "utf-16be" }, warning)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), "utf-8", None)
    } else if looks_binary(bytes) {
        return Err("binary file (NUL bytes)".to_string());
    } else if mostly_utf8(bytes) {
        let (text, warning) = utf8_lossy(bytes);
        (text, "utf-8", warning)
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        let warning = "not valid UTF-8; decoded as Windows-1252".to_string();
        (text.into_owned(), "windows-1252", Some(warning))
    };
    if text.contains('\0') {
        return Err("binary file (NUL bytes)".to_string());
    }
    if text.trim().is_empty() {
        return Err(if bytes.is_empty() { "empty file" } else { "no text (only white space)" }.to_string());
    }
    Ok(Decoded { text, encoding, warning })
}

/// UTF-8 with every invalid sequence replaced by U+FFFD, and a warning saying where the first
/// one was and how many there were.
fn utf8_lossy(bytes: &[u8]) -> (String, Option<String>) {
    let Err(e) = std::str::from_utf8(bytes) else {
        return (String::from_utf8_lossy(bytes).into_owned(), None);
    };
    let bad = bytes.utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
    let warning = format!(
        "invalid UTF-8 at byte {}; {bad} bad sequence{} replaced with U+FFFD",
        e.valid_up_to(),
        if bad == 1 { "" } else { "s" }
    );
    (String::from_utf8_lossy(bytes).into_owned(), Some(warning))
}

/// Text that is UTF-8 but for a few bad bytes (a truncated character, a stray byte in the
/// middle): more well-formed multi-byte characters than bad sequences. Windows-1252 text has
/// almost no well-formed multi-byte sequences (é before a space is not one).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > bad
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_supported_encoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFHi").unwrap().text, "Hi");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Hé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16).unwrap().text, "Hé");
        let cp1252 = decode(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(cp1252.text, "café “quoted”");
        assert_eq!(cp1252.encoding, "windows-1252");
        assert!(cp1252.warning.is_some());
    }

    #[test]
    fn keeps_utf8_with_a_bad_byte_in_the_middle() {
        // A stray byte in UTF-8 text: the rest is not re-read as Windows-1252 (“ → â€œ).
        let d = decode("“Hello,” she said. Caf\u{e9} \u{2013} ".as_bytes().iter().copied().chain(*b"\xFF ok").collect::<Vec<u8>>().as_slice()).unwrap();
        assert_eq!(d.text, "“Hello,” she said. Café – \u{FFFD} ok");
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.warning.as_deref(), Some("invalid UTF-8 at byte 33; 1 bad sequence replaced with U+FFFD"));
        // After a byte-order mark the file says it is UTF-8: bad bytes are replaced, not refused.
        let d = decode(b"\xEF\xBB\xBFHeadline\n\nA \xC3 story").unwrap();
        assert_eq!(d.text, "Headline\n\nA \u{FFFD} story");
        assert!(d.warning.is_some());
        // An unpaired surrogate in UTF-16.
        let utf16: Vec<u8> = [0xFF, 0xFE, b'H', 0, b'i', 0, 0x00, 0xD8, b'!', 0].to_vec();
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hi\u{FFFD}!", "utf-16le"));
        assert!(d.warning.is_some());
    }

    #[test]
    fn windows_1252_is_not_mistaken_for_damaged_utf8() {
        let d = decode(b"Caf\xE9 \x93quoted\x94 and na\xEFve").unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Café “quoted” and naïve");
    }

    #[test]
    fn refuses_empty_and_binary_input() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert_eq!(decode(b" \n\n").unwrap_err(), "no text (only white space)");
        assert_eq!(decode(b"PK\x03\x04\x00\x00\xff").unwrap_err(), "binary file (NUL bytes)");
        assert_eq!(decode(b"text\x00more").unwrap_err(), "binary file (NUL bytes)");
    }
}
