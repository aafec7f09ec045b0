//! `whosaid explain`: why each quote got its speaker.
//!
//! Input: one file (every record of a JSONL file). Output: the
//! explanation ([`crate::explain`]) streamed to standard output.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::cmd::gather::{self, ReadArgs};
use crate::diag::shown;
use crate::explain::{self, Style};
use crate::rules::Selection;

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even when piped or with NO_COLOR.
    Always,
    /// Never.
    Never,
}

/// Arguments of `whosaid explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A .txt file (or a .jsonl file: every record is explained), or -
    /// for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Explain only row N (the quote_id column).
    #[arg(long, value_name = "N")]
    pub quote: Option<usize>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or
    /// never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto,
        value_name = "WHEN")]
    pub color: ColorChoice,
    /// Add your own gazetteer file. May be repeated.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// How big a document may be.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Run only these rules: ids or globs, comma-separated
    /// (--rules 'claim/*,quote/before'; ids in README.md).
    #[arg(long, value_name = "IDS")]
    pub rules: Option<String>,
    /// Skip these rules: ids or globs, comma-separated.
    #[arg(long, value_name = "IDS")]
    pub skip_rules: Option<String>,
}

/// Whether to colour, given the choice, whether standard output is a
/// terminal and the NO_COLOR variable (https://no-color.org: set and not
/// empty means no colour, unless asked for explicitly).
pub fn use_color(
    choice: ColorChoice,
    tty: bool,
    no_color: Option<&str>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && no_color.is_none_or(str::is_empty),
    }
}

/// Runs `whosaid explain`.
pub fn run(a: ExplainArgs) -> Result<ExitCode> {
    let rules = Selection::parse(a.rules.as_deref(), a.skip_rules.as_deref())?;
    let extractor = gather::extractor(&a.gazetteer)?.with_rules(rules);
    let no_color = std::env::var("NO_COLOR").ok();
    let color = use_color(
        a.color,
        std::io::stdout().is_terminal(),
        no_color.as_deref(),
    );
    let style = Style { on: color };
    let mut out = Streamed::new();
    let mut found = false;
    let tally = gather::documents(
        std::slice::from_ref(&a.file),
        &a.read.options(),
        &mut |doc| {
            if out.failed.is_some() {
                return;
            }
            // An HTML article is explained on its text (offsets in the
            // text, not in the HTML source).
            let text = if doc.html {
                crate::html::html_to_text(&doc.text).text
            } else {
                doc.text
            };
            // A long document is explained a window at a time, as it is
            // extracted (see `crate::window`), each with its heading.
            let long = text.len() > crate::window::WINDOW_BYTES;
            let author = doc.author.as_deref();
            extractor.analyze_windows_by(&doc.id, &text, author, &mut |w| {
                let in_window =
                    |n: usize| (1..=w.rows.len()).contains(&(n - w.shift.quote_ids));
                if a.quote.is_none_or(|n| n > w.shift.quote_ids && in_window(n)) {
                    found = true;
                }
                explain::explain(
                    &mut out,
                    w.analysis,
                    w.resolution,
                    &w.rows,
                    a.quote,
                    style,
                    w.shift,
                    long.then_some((w.number, w.window)),
                );
                out.failed.is_none()
            });
        },
    );
    out.finish()?;
    if let (Some(n), false, true) = (a.quote, found, tally.processed > 0) {
        bail!("no row {n} in {}", shown(&a.file));
    }
    Ok(tally.exit_code())
}

/// The explanation on its way to standard output: written every 64 KiB,
/// so that memory stays flat whatever the length of the article, and a
/// reader (`| less`) sees the first rows at once. A closed pipe ends the
/// run quietly.
struct Streamed {
    buf: String,
    out: std::io::StdoutLock<'static>,
    failed: Option<std::io::Error>,
}

impl Streamed {
    fn new() -> Streamed {
        Streamed {
            buf: String::new(),
            out: std::io::stdout().lock(),
            failed: None,
        }
    }

    fn drain(&mut self) {
        use std::io::Write;
        if self.failed.is_none() {
            if let Err(e) = self.out.write_all(self.buf.as_bytes()) {
                self.failed = Some(e);
            }
        }
        self.buf.clear();
    }

    fn finish(mut self) -> Result<()> {
        use std::io::Write;
        self.drain();
        if self.failed.is_none() {
            if let Err(e) = self.out.flush() {
                self.failed = Some(e);
            }
        }
        match self.failed {
            Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(e.into())
            }
            _ => Ok(()),
        }
    }
}

impl std::fmt::Write for Streamed {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.failed.is_some() {
            return Err(std::fmt::Error);
        }
        self.buf.push_str(s);
        if self.buf.len() >= 1 << 16 {
            self.drain();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_choice_tty_and_no_color() {
        use ColorChoice::*;
        assert!(use_color(Auto, true, None));
        assert!(use_color(Auto, true, Some("")));
        assert!(!use_color(Auto, true, Some("1")));
        assert!(!use_color(Auto, false, None));
        assert!(use_color(Always, false, Some("1")));
        assert!(!use_color(Never, true, None));
    }
}
