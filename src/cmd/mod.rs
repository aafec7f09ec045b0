//! The subcommands, one file each (as xsv does): its clap arguments and
//! its `run`. [`crate::cli`] parses the command line and dispatches here;
//! nothing here imports it back. Built with the `cli` feature only.
//!
//! Input: one subcommand's parsed arguments. Output: its exit status,
//! its output on standard output or in the `-o` file, diagnostics on
//! standard error.

pub mod eval;
pub mod explain;
pub mod extract;
pub mod gather;
pub mod gen_corpus;
pub mod generate;
pub mod report;
pub mod speakers;
pub mod tagger_eval;
pub mod trace;
pub mod train_tagger;
