//! Stage 1 of the pipeline: input.
//!
//! Input: the paths on the command line (`.txt` files, folders, `.jsonl`
//! files, `-` for standard input). Output: a stream of [`Document`]s
//! `{id, text}` in a stable order, and an [`InputError`] for everything
//! that could not be read, naming the file (and line, for JSONL), so that
//! the run goes on with the other documents and reports what it skipped.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its id: the JSONL record's `doc_id` or `id`; for a file, its path
    /// relative to the folder given, without `.txt`.
    pub id: String,
    /// Its text, as read.
    pub text: String,
}

/// Something that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// `path` or `path:line`.
    pub location: String,
    /// Why, in lower case.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// What the reader yields, in order.
#[derive(Debug)]
pub enum Item {
    /// A document to process.
    Document(Document),
    /// Something skipped.
    Error(InputError),
}

/// Reads every input in order and hands each document or error to `sink`.
/// A sink returning `false` stops the reading (a closed output).
pub fn read_all(inputs: &[PathBuf], sink: &mut dyn FnMut(Item) -> bool) {
    let stdin_only = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() { &stdin_only[..] } else { inputs };
    for path in inputs {
        if path.as_os_str() == "-" {
            if !read_stdin(sink) {
                return;
            }
            continue;
        }
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                if !sink(Item::Error(InputError {
                    location: path.display().to_string(),
                    message: format!("cannot open: {}", io_reason(&e)),
                })) {
                    return;
                }
                continue;
            }
        };
        let ok = if meta.is_dir() {
            let mut seen = HashSet::new();
            read_dir(path, path, &mut seen, sink)
        } else {
            let id = file_id(path, None);
            read_file(path, id, sink)
        };
        if !ok {
            return;
        }
    }
}

/// Reads standard input: JSONL (first non-blank byte `{`) one line at a
/// time, so that memory does not grow with the input; else one text.
fn read_stdin(sink: &mut dyn FnMut(Item) -> bool) -> bool {
    let mut reader = io::BufReader::with_capacity(1 << 20, io::stdin().lock());
    let stdin_error = |e: io::Error| {
        Item::Error(InputError {
            location: "<stdin>".into(),
            message: format!("cannot read standard input: {e}"),
        })
    };
    // Peek past leading blank space to the first byte that tells the
    // format; the bytes peeked are given back in front of the rest.
    let mut head = Vec::new();
    let looks_jsonl = loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) => return sink(stdin_error(e)),
        };
        if buf.is_empty() {
            break false;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(p) => {
                // A UTF-8 byte order mark before the record counts too.
                break buf[p] == b'{'
                    || buf[p..].starts_with(b"\xEF\xBB\xBF{");
            }
            None => {
                head.extend_from_slice(buf);
                let n = buf.len();
                reader.consume(n);
            }
        }
    };
    if looks_jsonl {
        return read_jsonl("<stdin>", head.as_slice().chain(reader), sink);
    }
    if let Err(e) = reader.read_to_end(&mut head) {
        return sink(stdin_error(e));
    }
    text_document("<stdin>", "stdin".into(), head, sink)
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string().to_lowercase(),
    }
}

/// The id of a file: relative to `root` when read from a folder, else its
/// file name; without a `.txt` extension; `/` separated on every system.
fn file_id(path: &Path, root: Option<&Path>) -> String {
    let rel = match root {
        Some(r) => path.strip_prefix(r).unwrap_or(path),
        None => Path::new(path.file_name().unwrap_or(path.as_os_str())),
    };
    let s: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = s.join("/");
    joined.strip_suffix(".txt").map(str::to_string).unwrap_or(joined)
}

/// Reads a folder recursively in sorted order: its `.txt` and `.jsonl`
/// files. Folders already seen (a symlink loop) are skipped.
fn read_dir(
    root: &Path,
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return sink(Item::Error(InputError {
            location: dir.display().to_string(),
            message: "folder already read (a symbolic link loop?): skipped"
                .into(),
        }));
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return sink(Item::Error(InputError {
                location: dir.display().to_string(),
                message: format!("cannot read folder: {}", io_reason(&e)),
            }))
        }
    };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let ok = if p.is_dir() {
            read_dir(root, &p, seen, sink)
        } else {
            match p.extension().and_then(|e| e.to_str()) {
                Some("txt") | Some("jsonl") => {
                    read_file(&p, file_id(&p, Some(root)), sink)
                }
                _ => true,
            }
        };
        if !ok {
            return false;
        }
    }
    true
}

fn read_file(
    path: &Path,
    id: String,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let location = path.display().to_string();
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        // Streamed line by line: an archive dump may not fit in memory.
        return match fs::File::open(path) {
            Ok(f) => read_jsonl(
                &location,
                io::BufReader::with_capacity(1 << 20, f),
                sink,
            ),
            Err(e) => sink(Item::Error(InputError {
                location,
                message: format!("cannot read: {}", io_reason(&e)),
            })),
        };
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return sink(Item::Error(InputError {
                location,
                message: format!("cannot read: {}", io_reason(&e)),
            }))
        }
    };
    text_document(&location, id, bytes, sink)
}

/// Checks that bytes are a text: not empty, not binary, valid UTF-8 (a
/// byte order mark is dropped).
fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty document: nothing to read".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes): skipped".into());
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{FEFF}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => Err(format!(
            "invalid UTF-8 at byte {}: convert the file to UTF-8 \
             (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn text_document(
    location: &str,
    id: String,
    bytes: Vec<u8>,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    match decode_text(bytes) {
        Ok(text) => sink(Item::Document(Document { id, text })),
        Err(message) => sink(Item::Error(InputError {
            location: location.to_string(),
            message,
        })),
    }
}

/// Reads JSONL: one record a line with `doc_id` or `id`, and `text`.
/// A bad line is reported as `file:line: why` and skipped.
#[cfg(test)]
fn read_jsonl_bytes(
    location: &str,
    bytes: &[u8],
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    read_jsonl(location, bytes, sink)
}

/// Reads JSONL from `reader` one line at a time (one line buffer, reused).
fn read_jsonl(
    location: &str,
    mut reader: impl BufRead,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                return sink(Item::Error(InputError {
                    location: format!("{location}:{}", number + 1),
                    message: format!("cannot read: {}", io_reason(&e)),
                }))
            }
        }
        number += 1;
        let mut bytes = line.as_slice();
        if number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = match parse_record(bytes) {
            Ok(doc) => Item::Document(doc),
            Err(message) => Item::Error(InputError {
                location: format!("{location}:{number}"),
                message,
            }),
        };
        if !sink(item) {
            return false;
        }
    }
}

/// Parses one JSONL record: `{"doc_id"|"id": ..., "text": ...}`.
pub fn parse_record(line: &[u8]) -> Result<Document, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())
    })?;
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| format!("not a JSON object: {e}"))?;
    let obj = value.as_object().ok_or("not a JSON object")?;
    let id = match obj.get("doc_id").or_else(|| obj.get("id")) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("record has no \"doc_id\" or \"id\" string".into()),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => return Err(format!("record {id:?} has no \"text\" string")),
    };
    if text.trim().is_empty() {
        return Err(format!("record {id:?} has an empty text"));
    }
    Ok(Document { id, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(bytes: &[u8]) -> Vec<Result<Document, String>> {
        let mut out = Vec::new();
        read_jsonl_bytes("f.jsonl", bytes, &mut |item| {
            out.push(match item {
                Item::Document(d) => Ok(d),
                Item::Error(e) => Err(e.to_string()),
            });
            true
        });
        out
    }

    #[test]
    fn reads_jsonl_and_reports_bad_lines() {
        let got = collect(
            b"{\"doc_id\":\"a\",\"text\":\"Hi.\"}\n\nnot json\n{\"id\":7,\"text\":\"x\"}\n{\"id\":\"b\"}\n",
        );
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        assert!(got[1].as_ref().unwrap_err().starts_with("f.jsonl:3: not a JSON"));
        assert_eq!(got[2].as_ref().unwrap().id, "7");
        assert!(got[3].as_ref().unwrap_err().starts_with("f.jsonl:5: record"));
    }

    #[test]
    fn rejects_empty_binary_and_invalid_utf8() {
        assert!(decode_text(b"  \n".to_vec()).unwrap_err().contains("empty"));
        assert!(decode_text(b"a\0b".to_vec()).unwrap_err().contains("binary"));
        assert!(decode_text(b"caf\xe9".to_vec()).unwrap_err().contains("UTF-8"));
        assert_eq!(decode_text(b"\xEF\xBB\xBFok".to_vec()).unwrap(), "ok");
    }

    #[test]
    fn file_ids_are_relative_without_txt() {
        let root = Path::new("/news");
        assert_eq!(file_id(Path::new("/news/2024/a.txt"), Some(root)), "2024/a");
        assert_eq!(file_id(Path::new("/x/b.txt"), None), "b");
    }
}
