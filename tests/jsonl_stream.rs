//! The `extract --jsonl-stream` contract, run through the binary: one
//! JSON line per input line with a document, in order; `rows` are the
//! objects of `--format jsonl`; a bad record is answered with `error` and
//! does not stop the stream or change the exit status; stdout holds data
//! only.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn whosaid(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const LAVROV: &str = "\\\"We are polite people,\\\" Sergey Lavrov told \
                      reporters in Moscow\u{2019}s \u{201C}caf\u{e9}\u{201D}.";

#[test]
fn one_line_per_document_in_order_with_errors_in_band() {
    let input = format!(
        "{{\"doc_id\": \"a\", \"text\": \"{LAVROV}\"}}\n\
         \n\
         not json at all\n\
         {{\"id\": 7, \"text\": \"Nobody said anything here.\"}}\n\
         {{\"doc_id\": \"no-text\"}}\n\
         {{\"doc_id\": \"b\", \"text\": \"{LAVROV}\"}}\r\n\
         \"a string\"\n"
    );
    let out =
        whosaid(&["extract", "--jsonl-stream", "-j", "2"], input.as_bytes());
    assert!(out.status.success(), "{out:?}");
    let got = lines(&out);
    assert_eq!(got.len(), 6, "{got:?}");
    let ids: Vec<&Value> = got.iter().map(|v| &v["doc_id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("a"),
            &Value::Null,
            &Value::from("7"),
            &Value::from("no-text"),
            &Value::from("b"),
            &Value::Null
        ]
    );
    // A good record has rows and no error; a bad one the reverse.
    for (i, v) in got.iter().enumerate() {
        let good = matches!(i, 0 | 2 | 4);
        assert_eq!(v.get("rows").is_some(), good, "{v}");
        assert_eq!(v.get("error").is_some(), !good, "{v}");
    }
    let rows = got[0]["rows"].as_array().unwrap();
    assert_eq!(rows[0]["speaker_name"], "Sergey Lavrov");
    assert_eq!(rows[0]["quote"], "We are polite people,");
    assert_eq!(got[2]["rows"], Value::Array(vec![]));
    assert!(got[3]["error"].as_str().unwrap().contains("text"));
    // The same text gives the same rows (non-ASCII offsets included).
    let mut b_rows = got[4]["rows"].clone();
    for row in b_rows.as_array_mut().unwrap() {
        row["doc_id"] = "a".into();
    }
    assert_eq!(b_rows, got[0]["rows"]);
}

#[test]
fn rows_equal_the_jsonl_format() {
    let records: String = (0..40)
        .map(|i| {
            format!(
                "{{\"doc_id\": \"d{i}\", \"text\": \"{LAVROV} Then, \
                     {i} officials said the talks failed.\"}}\n"
            )
        })
        .collect();
    let stream = whosaid(&["extract", "--jsonl-stream"], records.as_bytes());
    let table =
        whosaid(&["extract", "--format", "jsonl", "-q"], records.as_bytes());
    assert!(stream.status.success() && table.status.success());
    let mut from_stream: Vec<Value> = lines(&stream)
        .into_iter()
        .flat_map(|v| v["rows"].as_array().unwrap().clone())
        .collect();
    // The one difference (issue 13): `--format jsonl` writes confidence
    // as a number, the stream keeps the text "0.85" its Spark readers
    // parse.
    for row in &mut from_stream {
        let c = row["confidence"].as_str().expect("text confidence");
        row["confidence"] = c.parse::<f64>().unwrap().into();
    }
    assert_eq!(from_stream, lines(&table));
    assert!(!from_stream.is_empty());
}

#[test]
fn invalid_utf8_and_empty_input() {
    let out = whosaid(
        &["extract", "--jsonl-stream"],
        b"{\"doc_id\": \"x\", \"text\": \"caf\xe9\"}\n",
    );
    assert!(out.status.success());
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert!(got[0]["error"].as_str().unwrap().contains("UTF-8"));
    let out = whosaid(&["extract", "--jsonl-stream", "-q"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn answers_each_line_before_the_next_arrives() {
    // A client that waits for each answer must get it: the stream may not
    // hold a line back to fill a batch.
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "--jsonl-stream", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    for i in 0..3 {
        writeln!(input, "{{\"doc_id\": \"{i}\", \"text\": \"{LAVROV}\"}}")
            .unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        output.read_line(&mut line).unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["doc_id"], i.to_string());
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn conflicts_with_paths_and_output() {
    let out = whosaid(&["extract", "--jsonl-stream", "seeds"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
