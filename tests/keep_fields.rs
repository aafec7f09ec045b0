//! `--keep FIELD,...` (issue 13): JSONL record fields carried into extra
//! columns after the table's, in the order given, through CSV, JSONL and
//! `--jsonl-stream`; a missing field is an empty cell, never an error.
//! Also: `--format jsonl` writes numbers as numbers, and `--help` lists
//! every subcommand.

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_whosaid")
}

const RECORDS: &str = concat!(
    r#"{"id":"001","text":"\"We will win,\" Anna Reyes said.","url":"https://e.org/a","date":"2024-03-01","n":3,"tags":["x",1]}"#,
    "\n",
    r#"{"id":"2","text":"\"No,\" Anna Reyes said.","date":null}"#,
    "\n",
);

fn run(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn keep_adds_columns_after_the_table_in_the_order_given() {
    let (ok, out, err) =
        run(&["extract", "-q", "--keep", "url,date,n,tags", "-"], RECORDS);
    assert!(ok, "{err}");
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> =
        r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header[..20].last().unwrap(), "frame");
    assert_eq!(&header[20..], ["url", "date", "n", "tags"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "001");
    assert_eq!(
        rows[0].iter().skip(20).collect::<Vec<_>>(),
        ["https://e.org/a", "2024-03-01", "3", r#"["x",1]"#]
    );
    // Missing and null fields: empty cells, no error.
    assert_eq!(rows[1].iter().skip(20).collect::<Vec<_>>(), ["", "", "", ""]);
}

#[test]
fn keep_in_jsonl_is_typed_and_numbers_are_numbers() {
    let (ok, out, err) = run(
        &["extract", "-q", "--format", "jsonl", "--keep", "url,n", "-"],
        RECORDS,
    );
    assert!(ok, "{err}");
    let rows: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows[0]["url"], "https://e.org/a");
    assert_eq!(rows[0]["n"], 3);
    assert!(rows[1]["url"].is_null() && rows[1]["n"].is_null());
    assert!(rows[0]["confidence"].is_f64(), "{}", rows[0]["confidence"]);
    assert!(rows[0]["quote_start"].is_u64());
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 22);
}

#[test]
fn jsonl_format_writes_empty_spans_as_null() {
    let (ok, out, _) = run(
        &["extract", "-q", "--format", "jsonl", "-"],
        "\"Nobody knows where this ends,\" the note read.\n",
    );
    assert!(ok);
    let row: serde_json::Value =
        serde_json::from_str(out.lines().next().expect("a row")).unwrap();
    assert!(row["speaker_start"].is_null(), "{row}");
    assert!(row["confidence"].is_number());
}

#[test]
fn keep_in_the_jsonl_stream() {
    let (ok, out, err) =
        run(&["extract", "--jsonl-stream", "-q", "--keep", "url,date"], RECORDS);
    assert!(ok, "{err}");
    let answers: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), 2);
    let row = &answers[0]["rows"][0];
    assert_eq!(row["url"], "https://e.org/a");
    assert_eq!(row["date"], "2024-03-01");
    // The stream keeps its confidence as text, as its readers expect.
    assert!(row["confidence"].is_string());
    assert!(answers[1]["rows"][0]["url"].is_null());
}

#[test]
fn keep_refuses_a_column_name_and_duplicates() {
    let (ok, _, err) = run(&["extract", "--keep", "quote", "-"], RECORDS);
    assert!(!ok && err.contains("already a column"), "{err}");
    let (ok, _, err) = run(&["extract", "--keep", "url,url", "-"], RECORDS);
    assert!(!ok && err.contains("twice"), "{err}");
}

#[test]
fn help_lists_every_subcommand() {
    let out = Command::new(bin()).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for cmd in [
        "extract", "eval", "report", "speakers", "trace", "explain",
        "generate", "gen-corpus",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(cmd)),
            "{cmd} not in --help:\n{help}"
        );
    }
}
