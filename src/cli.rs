//! The command line: the top-level parser and the dispatch to the
//! subcommands, one file each under `src/cmd/`.
//!
//! Input: the process arguments. Output: the table on standard output or
//! in the `-o` file, diagnostics on standard error, and the exit status.

use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cmd;

/// Reads news articles and writes a table of who said what.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about, long_about = None,
    after_help = EXIT_STATUS)]
pub struct Args {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

pub(crate) const EXIT_STATUS: &str = "\
Exit status:
  0  every document was read and processed
  1  some documents were skipped (each named on standard error); the rows
     of all the others were written
  2  nothing could be done: usage error, bad gazetteer file, output that
     cannot be written or is an input, threads that cannot start, or no
     input readable at all (an existing -o file is then left as it was)
  130, 143  interrupted by SIGINT or SIGTERM (the temporary file is
     removed, the old table kept)";

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract quotes and claims with their speakers into a table.
    #[command(after_help = EXIT_STATUS)]
    Extract(cmd::extract::ExtractArgs),
    /// Score a table against gold annotations (same figures as score.py).
    ///
    /// Exits 2 when a file cannot be read or the table shares no document
    /// id with the gold.
    Eval(cmd::eval::EvalArgs),
    /// Write a self-contained HTML page to review quotes in place.
    #[command(after_help = EXIT_STATUS)]
    Report(cmd::report::ReportArgs),
    /// Write one row per canonical speaker: who is quoted, how often.
    #[command(after_help = EXIT_STATUS)]
    Speakers(cmd::speakers::SpeakersArgs),
    /// Trace quotations across articles: sources, speakers, wire copies.
    #[command(after_help = EXIT_STATUS)]
    Trace(cmd::trace::TraceArgs),
    /// Show why each quote got its speaker: rule, cue, candidates.
    Explain(cmd::explain::ExplainArgs),
    /// Train the part-of-speech tagger on a UD treebank (EWT).
    TrainTagger(cmd::train_tagger::TrainTaggerArgs),
    /// Measure the part-of-speech tagger on a CoNLL-U file.
    TaggerEval(cmd::tagger_eval::TaggerEvalArgs),
    /// Generate shell completions or the man page.
    Generate(cmd::generate::GenerateArgs),
    /// Write N MB of generated news-like JSONL (for benchmarks).
    GenCorpus(cmd::gen_corpus::GenCorpusArgs),
}

impl Args {
    /// The command line with its `--version` text, which names each
    /// shipped data file with its entries and hash (for man pages and
    /// completions, see `generate`).
    pub fn command_with_version() -> clap::Command {
        Args::command().long_version(cmd::generate::long_version())
    }

    /// Parses the process arguments. The `--version` text is made only
    /// when `--version` is given: counting and hashing the 1.7 MB of
    /// shipped data took 13 M instructions, 4% of every run's start-up
    /// (callgrind, 2026-12-02).
    pub fn parse_process_args() -> Result<Args, clap::Error> {
        let asks_version =
            std::env::args_os().skip(1).any(|a| a == "--version");
        let command = if asks_version {
            Args::command_with_version()
        } else {
            Args::command()
        };
        let matches = command.try_get_matches()?;
        Args::from_arg_matches(&matches)
            .map_err(|e| e.format(&mut Args::command()))
    }
}

/// Runs the parsed command.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Report(a) => cmd::report::run(a),
        Command::Speakers(a) => cmd::speakers::run(a),
        Command::Trace(a) => cmd::trace::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::TrainTagger(a) => cmd::train_tagger::run(a),
        Command::TaggerEval(a) => cmd::tagger_eval::run(a),
        Command::Generate(a) => cmd::generate::run(a, Args::command_with_version()),
        Command::GenCorpus(a) => cmd::gen_corpus::run(a),
    }
}
