//! `whosaid trace`: the same quotation across articles, its speakers, and
//! wire copies. The archive in tests/data/trace/archive.jsonl is made up
//! for these tests (no sentence of it comes from the gold sets): a
//! council finance chair quoted in three outlets (in full, trimmed and
//! shouted, cut with an ellipsis), one sentence given to a minister in
//! one outlet and to the opposition leader in another, and an agency
//! story run by two more outlets with a new headline or a cut ending.

use std::path::Path;
use std::process::{Command, Output};

const ARCHIVE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/trace/archive.jsonl");

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .output()
        .expect("run whosaid")
}

fn table(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The two tables of a trace of `inputs` with `args`.
fn trace(args: &[&str], inputs: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let occ = dir.path().join("occ.csv");
    let mut all = vec!["trace", "-q", "--occurrences", occ.to_str().unwrap()];
    all.extend_from_slice(args);
    all.extend_from_slice(inputs);
    let out = whosaid(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, std::fs::read(&occ).unwrap())
}

/// The row of the quotations table whose quote starts with `start`.
fn quote<'a>(t: &'a [Vec<String>], start: &str) -> &'a [String] {
    let rows: Vec<&Vec<String>> =
        t.iter().filter(|r| r[2].starts_with(start)).collect();
    assert_eq!(rows.len(), 1, "{start:?} in {t:#?}");
    rows[0]
}

fn column(t: &[Vec<String>], name: &str) -> usize {
    t[0].iter().position(|c| c == name).unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn a_quote_trimmed_and_repunctuated_in_three_outlets_is_one_row() {
    let (quotes, occ) = trace(&[], &[ARCHIVE]);
    let (t, o) = (table(&quotes), table(&occ));
    let row = quote(&t, "We will not close a single library this year, and");
    let at = |name: &str| row[column(&t, name)].as_str();
    assert_eq!(at("kind"), "direct");
    assert_eq!(at("speakers"), "Maria Delgado (3)");
    assert_eq!(at("speakers_disagree"), "false");
    assert_eq!(
        (at("occurrences"), at("documents"), at("outlets")),
        ("3", "3", "3")
    );
    // First by date, not by input order: the Coast Herald ran it first.
    assert_eq!(
        (at("first_doc"), at("first_date")),
        ("coast-0301-council", "2026-03-01")
    );
    assert_eq!(
        (at("last_doc"), at("last_date")),
        ("valley-0303-budget", "2026-03-03")
    );
    // The occurrences point back to the three documents with the key.
    let key = at("quote_key");
    assert_eq!(key.len(), 16);
    let docs: Vec<&str> = o
        .iter()
        .filter(|r| r[0] == key)
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(
        docs,
        ["gazette-0302-libraries", "valley-0303-budget", "coast-0301-council"]
    );
    // Offsets in code points, as extract writes them.
    let shouted = o.iter().find(|r| r[0] == key && r[1].starts_with("valley"));
    let shouted = shouted.unwrap();
    let text = std::fs::read_to_string(ARCHIVE).unwrap();
    let record = text.lines().find(|l| l.contains("valley-0303")).unwrap();
    let v: serde_json::Value = serde_json::from_str(record).unwrap();
    let body: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let (s, e): (usize, usize) =
        (shouted[4].parse().unwrap(), shouted[5].parse().unwrap());
    let words: String = body[s..e].iter().collect();
    assert_eq!(words, "WE WILL NOT CLOSE A SINGLE LIBRARY THIS YEAR!");
}

#[test]
fn a_quote_given_to_two_people_raises_the_flag() {
    let (quotes, _) = trace(&[], &[ARCHIVE]);
    let t = table(&quotes);
    let row = quote(&t, "The bridge will be finished");
    let at = |name: &str| row[column(&t, name)].as_str();
    assert_eq!(at("speakers_disagree"), "true");
    assert_eq!(at("speakers"), "Tom Okafor (1); Helen Marsh (1)");
    // No other quotation of the archive is flagged.
    let flagged = column(&t, "speakers_disagree");
    assert_eq!(t.iter().filter(|r| r[flagged] == "true").count(), 1);
}

#[test]
fn wire_copies_are_marked_and_counted_apart() {
    let (quotes, occ) = trace(&[], &[ARCHIVE]);
    let (t, o) = (table(&quotes), table(&occ));
    let dup = column(&o, "duplicate_of");
    let copies: Vec<(&str, &str)> = o
        .iter()
        .filter(|r| !r[dup].is_empty() && r[dup] != "duplicate_of")
        .map(|r| (r[1].as_str(), r[dup].as_str()))
        .collect();
    assert!(!copies.is_empty());
    for (doc, of) in &copies {
        assert!(doc.ends_with("-0304-storm"), "{doc}");
        assert_eq!(*of, "northwire-0304-storm");
    }
    // The three outlets that quote the council chair in their own words
    // are no copies of each other.
    assert!(o.iter().all(|r| !r[1].contains("libraries") || r[dup].is_empty()));
    let row = quote(&t, "The water came up through the floorboards");
    let at = |name: &str| row[column(&t, name)].as_str();
    assert_eq!((at("documents"), at("original_documents")), ("3", "1"));
}

#[test]
fn claims_meet_word_for_word_only() {
    let (quotes, _) = trace(&[], &[ARCHIVE]);
    let t = table(&quotes);
    // The same reported sentence in the three storm stories.
    let row = quote(&t, "it had rescued two fishermen");
    assert_eq!(row[column(&t, "documents")], "3");
    // "the coastguard said": the same speaker in all three.
    assert_eq!(row[column(&t, "speakers")], "coastguard (3)");
    assert_eq!(row[column(&t, "unattributed")], "0");
}

#[test]
fn same_tables_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let mut f = std::fs::File::create(&corpus).unwrap();
    whosaid::corpus::generate(&mut f, 2, 9).unwrap();
    let path = corpus.to_str().unwrap();
    let one = trace(&["-j", "1"], &[path, ARCHIVE]);
    assert!(table(&one.0).len() > 20);
    for j in ["2", "3"] {
        assert_eq!(trace(&["-j", j], &[path, ARCHIVE]), one, "-j {j}");
    }
}

#[test]
fn excel_neutralises_formulas_in_both_tables() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let text = "\"=HYPERLINK(1) is what the whole row of them would \
                become,\" said Ann Lee, a council member.";
    let record = serde_json::json!({"id": "=cmd", "outlet": "+Post", "text": text});
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let (quotes, occ) = trace(&["--excel"], &[input.to_str().unwrap()]);
    assert!(quotes.starts_with(b"\xEF\xBB\xBF") && occ.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8_lossy(&quotes).contains("\r\n"));
    let t = table(&quotes[3..]);
    let row = &t[1];
    assert_eq!(row[2], "'=HYPERLINK(1) is what the whole row of them would become,");
    assert_eq!(row[column(&t, "first_doc")], "'=cmd");
    let o = table(&occ[3..]);
    assert_eq!((o[1][1].as_str(), o[1][8].as_str()), ("'=cmd", "'+Post"));
}

#[test]
fn refuses_one_file_for_both_tables_and_an_input_as_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.csv");
    let o = out.to_str().unwrap();
    let r = whosaid(&["trace", "-o", o, "--occurrences", o, ARCHIVE]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("same file as -o"));
    let r = whosaid(&["trace", "--occurrences", ARCHIVE, ARCHIVE]);
    assert_eq!(r.status.code(), Some(2));
    assert!(!Path::new(o).exists());
}

#[test]
fn sketches_made_apart_and_traced_together_give_the_same_tables() {
    // The Spark recipe's trace mode: --sketch-stream per partition, then
    // --sketches over the lines in input order.
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    let mut text = std::fs::read_to_string(ARCHIVE).unwrap();
    text.push_str("{\"doc_id\": \"no-text\"}\n");
    std::fs::write(&input, &text).unwrap();
    let (quotes, occ) = {
        let q = dir.path().join("q.csv");
        let o = dir.path().join("o.csv");
        let r = whosaid(&[
            "trace", "-q", "--keep", "url", "-o", q.to_str().unwrap(),
            "--occurrences", o.to_str().unwrap(), input.to_str().unwrap(),
        ]);
        assert_eq!(r.status.code(), Some(1), "one record skipped");
        (std::fs::read(q).unwrap(), std::fs::read(o).unwrap())
    };
    let mut halves = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for part in [&lines[..4], &lines[4..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["trace", "--sketch-stream", "--keep", "url"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for l in part {
            writeln!(stdin, "{l}").unwrap();
        }
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), part.len());
        halves.push(out.stdout);
    }
    let (a, b) = (dir.path().join("s1.jsonl"), dir.path().join("s2.jsonl"));
    std::fs::write(&a, &halves[0]).unwrap();
    std::fs::write(&b, &halves[1]).unwrap();
    let q = dir.path().join("q2.csv");
    let o = dir.path().join("o2.csv");
    let r = whosaid(&[
        "trace", "-q", "--sketches", "--keep", "url", "-o",
        q.to_str().unwrap(), "--occurrences", o.to_str().unwrap(),
        a.to_str().unwrap(), b.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(1), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(std::fs::read(q).unwrap(), quotes);
    assert_eq!(std::fs::read(o).unwrap(), occ);
}
