//! `--rules` and `--skip-rules` on the built binary: a subset of the
//! sieve runs, and a pattern naming no rule is a usage error.

use std::io::Write;
use std::process::{Command, Stdio};

const TEXT: &str = "\"We are polite people,\" Sergey Lavrov told \
    reporters. John Kerry said Wednesday that Russia has proposed talks.";

/// The `rule`, `speaker_name` and `frame` cells of each row, and the exit
/// status.
fn run(args: &[&str]) -> (Vec<(String, String, String)>, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("extract")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    // A usage error exits before reading its input: the pipe may then be
    // closed before the text is written, which is not this test's
    // concern (the exit status and the output are).
    match child.stdin.take().unwrap().write_all(TEXT.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    let out = child.wait_with_output().unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[15].to_string(), r[9].to_string(), r[19].to_string())
        })
        .collect();
    (rows, out.status.code().unwrap_or(-1))
}

fn cells(rule: &str, speaker: &str, frame: &str) -> (String, String, String) {
    (rule.into(), speaker.into(), frame.into())
}

#[test]
fn all_rules_run_by_default() {
    let (rows, code) = run(&[]);
    assert_eq!(code, 0);
    assert_eq!(
        rows,
        [
            cells(
                "quote/after/speaker-cue",
                "Sergey Lavrov",
                "frame/subject-left"
            ),
            cells("claim/cue-clause", "John Kerry", "frame/subject-left"),
        ]
    );
}

#[test]
fn skip_rules_with_a_glob_leaves_the_quote_unattributed() {
    let (rows, _) = run(&["--skip-rules", "quote/after/*"]);
    assert_eq!(rows[0], cells("quote/unattributed", "", ""));
    assert_eq!(rows[1].0, "claim/cue-clause");
}

#[test]
fn rules_keeps_the_frame_finders_unless_it_names_one() {
    let (rows, _) = run(&["--rules", "claim/*"]);
    assert_eq!(rows[0], cells("quote/unattributed", "", ""));
    assert_eq!(
        rows[1],
        cells("claim/cue-clause", "John Kerry", "frame/subject-left")
    );
    let (rows, _) = run(&["--rules", "claim/*,frame/speaker-right"]);
    assert_eq!(rows[1], cells("claim/cue-clause", "", ""));
}

#[test]
fn skipping_a_frame_finder_lets_the_next_one_find_the_speaker() {
    let (rows, _) = run(&["--skip-rules", "frame/subject-left"]);
    assert_eq!(
        rows[1],
        cells("claim/cue-clause", "John Kerry", "frame/sentence-subject")
    );
}

#[test]
fn a_pattern_naming_no_rule_is_a_usage_error() {
    let (rows, code) = run(&["--rules", "claim/nothing"]);
    assert!(rows.is_empty());
    assert_eq!(code, 2);
}
