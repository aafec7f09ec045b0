//! `whosaid generate` and the long `--version`: shell niceties made from
//! the clap definitions, completions, the man page, and the data files'
//! versions.
//!
//! Input: the command tree (given by [`crate::cli`], which this file does
//! not import) and the data files compiled into the
//! binary. Output: a completion script or a roff man page on standard
//! output (`whosaid generate ...`, a hidden command for packagers), and
//! the `--version` text. None of it touches the pipeline.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;
use std::sync::OnceLock;

use anyhow::Result;

use crate::lexicon::{shipped_entity_files, shipped_lexicon_files};

/// Arguments of `whosaid generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// What to generate.
    #[command(subcommand)]
    pub what: Generate,
}

/// What `whosaid generate` makes.
#[derive(Debug, clap::Subcommand)]
pub enum Generate {
    /// A completion script for a shell, on standard output.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man page (roff), on standard output.
    Man,
}

/// Runs `whosaid generate` on the command tree `cmd`.
pub fn run(a: GenerateArgs, mut cmd: clap::Command) -> Result<ExitCode> {
    let mut buf = Vec::new();
    match a.what {
        Generate::Completions { shell } => {
            clap_complete::generate(shell, &mut cmd, "whosaid", &mut buf);
        }
        Generate::Man => {
            clap_mangen::Man::new(cmd).render(&mut buf)?;
        }
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(&buf).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// FNV-1a, 64 bits: enough to tell two versions of a data file apart in
/// a bug report, with no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The `--version` text: the crate version, then each shipped data file
/// with its number of entries (lines that are not blank, comments or the
/// header) and a short hash of its contents, so that a bug report says
/// which data made a table.
pub fn long_version() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut s = format!("{}\ndata files:", env!("CARGO_PKG_VERSION"));
        let files =
            shipped_entity_files().into_iter().chain(shipped_lexicon_files());
        for f in files {
            let entries = f
                .text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .count()
                .saturating_sub(1);
            let _ = write!(
                s,
                "\n  {:<24} {:>6} entries  fnv1a {:016x}",
                f.name,
                entries,
                fnv1a(f.text.as_bytes())
            );
        }
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn long_version_names_every_data_file() {
        let v = long_version();
        assert!(v.starts_with(env!("CARGO_PKG_VERSION")));
        for name in ["data/people.tsv", "data/cues.tsv", "data/demonyms.tsv"] {
            assert!(v.contains(name), "{v}");
        }
    }
}
