//! The newsroom commands, run as a user runs them: `report`, `speakers`,
//! `explain`, `generate` and `--version`, on the seeds and on small
//! hand-made inputs. Each test checks stdout, stderr and the exit status.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("run whosaid")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "status {:?}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn records(csv_text: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> =
        r.headers().unwrap().iter().map(str::to_string).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// A hand-made JSONL input with one speaker in two documents, another in
/// one, and a document without quotes.
const HAND: &str = concat!(
    r#"{"id": "a", "text": "\"We will win,\" said Jane Doe."}"#,
    "\n",
    r#"{"id": "b", "text": "Nothing was reported today."}"#,
    "\n",
    r#"{"id": "c", "text": "Jane Doe said taxes will fall next year."}"#,
    "\n",
    r#"{"id": "d", "text": "\"It is over,\" Tom Lee told reporters."}"#,
    "\n",
);

/// The speakers table as the tests expect it, built from `extract`'s
/// rows by a second, independent reckoning.
fn expected_speakers(
    rows: &[BTreeMap<String, String>],
) -> BTreeMap<String, (usize, usize, usize, String, String)> {
    let mut out: BTreeMap<String, (usize, usize, usize, String, String)> =
        BTreeMap::new();
    let mut last_doc: BTreeMap<String, String> = BTreeMap::new();
    for r in rows {
        let name = &r["speaker_name"];
        if name.is_empty() {
            continue;
        }
        let e = out.entry(name.clone()).or_insert((
            0,
            0,
            0,
            r["doc_id"].clone(),
            String::new(),
        ));
        if r["kind"] == "indirect" {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
        if last_doc.get(name) != Some(&r["doc_id"]) {
            e.2 += 1;
            last_doc.insert(name.clone(), r["doc_id"].clone());
        }
        e.4 = r["doc_id"].clone();
    }
    out
}

fn check_speakers_against_extract(inputs: &[&str]) {
    let mut args = vec!["extract", "-q"];
    args.extend(inputs);
    let rows = records(&stdout(&whosaid(&args)));
    let mut args = vec!["speakers", "-q"];
    args.extend(inputs);
    let out = stdout(&whosaid(&args));
    assert!(out.starts_with(
        "name,type,role,id,quotes,claims,documents,first_doc,last_doc\n"
    ));
    let table = records(&out);
    let want = expected_speakers(&rows);
    // Names are canonical: one row each (no two gazetteer ids share a
    // name in these inputs).
    let got: BTreeMap<String, (usize, usize, usize, String, String)> = table
        .iter()
        .map(|s| {
            (
                s["name"].clone(),
                (
                    s["quotes"].parse().unwrap(),
                    s["claims"].parse().unwrap(),
                    s["documents"].parse().unwrap(),
                    s["first_doc"].clone(),
                    s["last_doc"].clone(),
                ),
            )
        })
        .collect();
    assert_eq!(got.len(), table.len(), "a name twice: {out}");
    assert_eq!(got, want);
    // Most quoted first.
    let totals: Vec<usize> = got_in_order(&table);
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
}

fn got_in_order(table: &[BTreeMap<String, String>]) -> Vec<usize> {
    table
        .iter()
        .map(|s| {
            s["quotes"].parse::<usize>().unwrap()
                + s["claims"].parse::<usize>().unwrap()
        })
        .collect()
}

#[test]
fn speakers_of_the_seeds_add_up_to_the_quote_table() {
    check_speakers_against_extract(&["seeds"]);
}

#[test]
fn speakers_of_a_hand_made_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "hand.jsonl", HAND);
    check_speakers_against_extract(&[&input]);
    let out = stdout(&whosaid(&["speakers", "-q", &input]));
    let table = records(&out);
    let doe = table.iter().find(|s| s["name"] == "Jane Doe").expect(&out);
    assert_eq!(
        (&doe["type"][..], &doe["quotes"][..], &doe["claims"][..]),
        ("person", "1", "1")
    );
    assert_eq!(
        (&doe["documents"][..], &doe["first_doc"][..], &doe["last_doc"][..]),
        ("2", "a", "c")
    );
    assert_eq!(table[0]["name"], "Jane Doe", "most quoted first: {out}");
    let lee = table.iter().find(|s| s["name"] == "Tom Lee").expect(&out);
    assert_eq!((&lee["quotes"][..], &lee["first_doc"][..]), ("1", "d"));
}

#[test]
fn speakers_writes_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "hand.jsonl", HAND);
    let target = dir.path().join("sub/speakers.csv");
    let o = whosaid(&["speakers", &input, "-o", target.to_str().unwrap()]);
    assert_eq!(stdout(&o), "");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("4 documents"), "{stderr}");
    let text = std::fs::read_to_string(target).unwrap();
    assert!(text.contains("Jane Doe,person"), "{text}");
}
