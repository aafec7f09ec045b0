//! Where a command's output goes, without ever destroying a file.
//!
//! Input: the `-o` path (or none, for standard output) and the command's
//! input paths. Output: an [`Output`] to write to, committed at the end.
//! It sits after the whole pipeline, between the writer and the file
//! system, for `extract`, `report` and `speakers`.
//!
//! The rules, taken from the tools users trust (GNU coreutils, ripgrep):
//!
//! - A regular file (new or existing) is written atomically: a temporary
//!   file in the same folder, renamed over the table at the end, so that a
//!   failed or interrupted run leaves the old table as it was. A new table
//!   gets the umask's mode (0644 under umask 022); an existing one keeps
//!   its mode.
//! - A symbolic link to a regular file keeps the link: its target is
//!   written atomically.
//! - Anything else (a device such as `/dev/null`, a FIFO, a socket, or a
//!   link to one) is written directly: renaming over it would replace the
//!   node with a regular file and break every program that uses it.
//! - An output that is one of the inputs, or that a folder walk would read
//!   back as an article, is refused before any work ([`check_not_input`]).
//! - SIGINT and SIGTERM remove the temporary file and exit 130 and 143.

use std::ffi::CString;
use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Once;

use anyhow::{bail, Context, Result};

use crate::diag::shown;

/// An output being written: standard output, a node written directly, or
/// a temporary file renamed over the table by [`Output::commit`].
/// Dropping it without committing removes the temporary file.
pub struct Output {
    writer: BufWriter<Box<dyn Write>>,
    rename: Option<Rename>,
}

/// What [`Output::commit`] renames, and where.
struct Rename {
    tmp: tempfile::NamedTempFile,
    dest: PathBuf,
    /// The existing table's mode, kept; `None` for a new table (its mode
    /// came from the umask when the temporary file was made).
    mode: Option<Permissions>,
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        let out: Box<dyn Write> = Box::new(io::stdout());
        Output { writer: BufWriter::with_capacity(1 << 16, out), rename: None }
    }

    /// Opens `path` for writing, as the module doc says. Fails before any
    /// work when it cannot be written.
    pub fn create(path: &Path) -> Result<Output> {
        let meta = fs::metadata(path).ok();
        if meta.as_ref().is_some_and(fs::Metadata::is_dir) {
            bail!("cannot write to {}: it is a folder", shown(path));
        }
        // `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1` name an open file
        // of this process: write to it as a shell redirection does, never
        // rename anything over what it resolves to.
        let is_fd_alias =
            path.starts_with("/dev/") || path.starts_with("/proc/");
        if let Some(m) = &meta {
            if !m.is_file() || is_fd_alias {
                let file =
                    OpenOptions::new().write(true).open(path).with_context(
                        || format!("cannot write to {}", shown(path)),
                    )?;
                let out: Box<dyn Write> = Box::new(file);
                return Ok(Output {
                    writer: BufWriter::with_capacity(1 << 16, out),
                    rename: None,
                });
            }
        }
        // A link to a regular file: write its target, keep the link.
        let (dest, mode) = match &meta {
            Some(m) => {
                let dest = fs::canonicalize(path).with_context(|| {
                    format!("cannot write to {}", shown(path))
                })?;
                (dest, Some(m.permissions()))
            }
            None => (path.to_path_buf(), None),
        };
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create folder {}", shown(dir)))?;
        // 0666 before the umask: what `>` in a shell or `cp` gives a new
        // file. tempfile's default, 0600, would hide the table from the
        // rest of the team.
        // The handlers first: a signal that comes as the file is made
        // still exits with 128 + its number, never by the default action.
        signals::install();
        let tmp = tempfile::Builder::new()
            .prefix(".whosaid-")
            .suffix(".tmp")
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .with_context(|| format!("cannot write in {}", shown(dir)))?;
        signals::remove_on_signal(tmp.path());
        let file: File = tmp
            .reopen()
            .with_context(|| format!("cannot write in {}", shown(dir)))?;
        let out: Box<dyn Write> = Box::new(file);
        Ok(Output {
            writer: BufWriter::with_capacity(1 << 16, out),
            rename: Some(Rename { tmp, dest, mode }),
        })
    }

    /// `-o FILE` or standard output, which `-o -` also names (as `-`
    /// names standard input among the inputs): a script that writes
    /// `-o -` must not find a file called "-" left behind.
    pub fn to(path: Option<&Path>) -> Result<Output> {
        match path {
            Some(p) if p.as_os_str() != "-" => Output::create(p),
            _ => Ok(Output::stdout()),
        }
    }

    /// Flushes, and renames the temporary file over the table.
    pub fn commit(mut self) -> io::Result<()> {
        self.writer.flush()?;
        if let Some(r) = self.rename.take() {
            if let Some(mode) = r.mode {
                r.tmp.as_file().set_permissions(mode)?;
            }
            let done = r.tmp.persist(&r.dest).map(drop).map_err(|e| e.error);
            signals::forget();
            done?;
        }
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if self.rename.is_some() {
            // The temporary file goes with `rename` (NamedTempFile's own
            // drop); the signal handler must not remove it again later.
            signals::forget();
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Refuses an output that is one of the inputs (same device and inode,
/// through any path or link), or a `.txt` or `.jsonl` file inside an
/// input folder (the walk would read it back as an article on the next
/// run), like `cat`'s "input file is output file".
pub fn check_not_input(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    // `-o -` is standard output, like no `-o`.
    if output.as_os_str() == "-" {
        return Ok(());
    }
    let out_meta = fs::metadata(output).ok();
    // A device or FIFO can be both (`extract /dev/stdin -o /dev/null`).
    if out_meta.as_ref().is_some_and(|m| !m.is_file()) {
        return Ok(());
    }
    let out_abs = absolute(output);
    let read_by_walk = matches!(
        output.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl")
    );
    let stdin_only = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() { &stdin_only[..] } else { inputs };
    for input in inputs {
        let meta = if input.as_os_str() == "-" {
            fs::metadata("/dev/stdin")
        } else {
            fs::metadata(input)
        };
        let Ok(meta) = meta else { continue };
        if meta.is_dir() {
            let dir = fs::canonicalize(input).unwrap_or(input.clone());
            if read_by_walk
                && out_abs.as_ref().is_some_and(|o| o.starts_with(&dir))
            {
                bail!(
                    "{}: input folder {} holds the output file, and the walk \
                     would read it back as an article: choose a name \
                     outside the folder or one not ending in .txt or .jsonl",
                    shown(output),
                    shown(input)
                );
            }
        } else if let Some(o) = &out_meta {
            if meta.is_file() && (meta.dev(), meta.ino()) == (o.dev(), o.ino())
            {
                let name = if input.as_os_str() == "-" {
                    "standard input".to_string()
                } else {
                    shown(input)
                };
                bail!("{}: input file is output file ({name})", shown(output));
            }
        }
    }
    Ok(())
}

/// The absolute, link-free path the output will have: its own when it
/// exists, else its nearest existing folder's joined with the rest (the
/// folders in between are created).
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    for dir in path.ancestors() {
        if let Ok(real) = fs::canonicalize(dir) {
            let rest = path.strip_prefix(dir).ok()?;
            return Some(real.join(rest));
        }
    }
    None
}

/// SIGINT and SIGTERM while a temporary file exists: remove it, exit
/// 128 + the signal number (130, 143), as a shell reports a process
/// killed by it. Nothing else is safe in a signal handler, so the path is
/// kept ready as a C string and the handler only calls `unlink` and
/// `_exit`, both async-signal-safe (POSIX signal-safety(7)).
mod signals {
    use super::*;

    static TEMP: AtomicPtr<libc::c_char> =
        AtomicPtr::new(std::ptr::null_mut());
    static INSTALL: Once = Once::new();

    extern "C" fn on_signal(sig: libc::c_int) {
        let p = TEMP.load(Ordering::SeqCst);
        // SAFETY: `p` is null or a C string that is never freed; unlink
        // and _exit are async-signal-safe.
        unsafe {
            if !p.is_null() {
                libc::unlink(p);
            }
            libc::_exit(128 + sig);
        }
    }

    /// Removes `path` if SIGINT or SIGTERM arrives before [`forget`].
    pub fn remove_on_signal(path: &Path) {
        let abs = std::path::absolute(path).unwrap_or(path.to_path_buf());
        let Ok(c) = CString::new(abs.as_os_str().as_bytes()) else {
            return;
        };
        install();
        // Leaked on purpose: a handler running on another thread may still
        // hold the old pointer, so it is never freed (a few bytes a run).
        TEMP.store(c.into_raw(), Ordering::SeqCst);
    }

    /// Installs the handlers (once): until [`remove_on_signal`] names a
    /// file, a signal only exits.
    pub fn install() {
        INSTALL.call_once(|| {
            for sig in [libc::SIGINT, libc::SIGTERM] {
                // SAFETY: installs a handler that only calls
                // async-signal-safe functions.
                unsafe {
                    let mut sa: libc::sigaction = std::mem::zeroed();
                    sa.sa_sigaction =
                        on_signal as extern "C" fn(libc::c_int) as usize;
                    libc::sigemptyset(&mut sa.sa_mask);
                    libc::sigaction(sig, &sa, std::ptr::null_mut());
                }
            }
        });
    }

    /// The temporary file is gone (renamed or removed): a signal now only
    /// exits.
    pub fn forget() {
        TEMP.store(std::ptr::null_mut(), Ordering::SeqCst);
    }
}
