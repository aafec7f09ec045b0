//! The golden tables: the CSV that `whosaid extract` writes for the seeds,
//! for the 40 Wikinews dev articles and for a generated corpus, checked in
//! under `tests/golden/`. A refactor must leave them unmoved; a deliberate
//! change of the table rewrites them with `WHOSAID_BLESS=1 cargo test
//! --test golden` and shows up as a diff in review.
//!
//! Tables are compared as parsed rows (not bytes), and a failure prints
//! every changed, missing or extra row with its document id and columns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_whosaid")
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Runs `whosaid extract INPUT -o OUT` and returns the table's bytes.
fn extract(input: &Path, name: &str) -> Vec<u8> {
    let dir = tempdir(name);
    let out = dir.join("table.csv");
    let status = Command::new(bin())
        .arg("extract")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .arg("-j")
        .arg("1")
        .status()
        .expect("run whosaid");
    assert!(status.success(), "whosaid extract {} failed", input.display());
    let bytes = std::fs::read(&out).expect("read table");
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("whosaid-golden-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A table's rows by (document, position within the document).
type RowsByPlace = BTreeMap<(String, usize), Vec<String>>;

/// Parsed rows keyed by their position within their document, so that a
/// moved row reads as "doc X row 3 changed", not as a cascade.
fn rows(bytes: &[u8]) -> (Vec<String>, RowsByPlace) {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header: Vec<String> =
        reader.headers().unwrap().iter().map(str::to_string).collect();
    let mut by_doc: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("golden CSV parses");
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        let doc = cells[0].clone();
        let n = by_doc.entry(doc.clone()).or_default();
        out.insert((doc, *n), cells);
        *n += 1;
    }
    (header, out)
}

fn check(name: &str, input: &Path) {
    let got = extract(input, name);
    let path = golden_dir().join(format!("{name}.csv"));
    if std::env::var_os("WHOSAID_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| {
        panic!("{}: {e} (write it with WHOSAID_BLESS=1)", path.display())
    });
    let (want_header, want_rows) = rows(&want);
    let (got_header, got_rows) = rows(&got);
    assert_eq!(want_header, got_header, "{name}: the columns changed");
    let mut diff = Vec::new();
    for (key, want) in &want_rows {
        match got_rows.get(key) {
            None => diff.push(format!("- {} #{}: {:?}", key.0, key.1, want)),
            Some(got) if got != want => {
                let changed: Vec<String> = want_header
                    .iter()
                    .zip(want.iter().zip(got))
                    .filter(|(_, (w, g))| w != g)
                    .map(|(col, (w, g))| format!("{col}: {w:?} -> {g:?}"))
                    .collect();
                diff.push(format!("~ {} #{}: {}", key.0, key.1, changed.join("; ")));
            }
            Some(_) => {}
        }
    }
    for (key, got) in &got_rows {
        if !want_rows.contains_key(key) {
            diff.push(format!("+ {} #{}: {:?}", key.0, key.1, got));
        }
    }
    assert!(
        diff.is_empty(),
        "{name}: {} rows differ from {} (WHOSAID_BLESS=1 rewrites it if the \
         change is meant):\n{}",
        diff.len(),
        path.display(),
        diff.join("\n")
    );
}

#[test]
fn seeds_table_does_not_move() {
    check("seeds", &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
}

#[test]
fn wikinews_dev_table_does_not_move() {
    check("wikinews.dev", &golden_dir().join("wikinews.dev.jsonl"));
}

#[test]
fn generated_corpus_table_does_not_move() {
    let dir = tempdir("gen");
    let corpus = dir.join("corpus.jsonl");
    let status = Command::new(bin())
        .args(["gen-corpus", "--mb", "1", "--seed", "7", "-o"])
        .arg(&corpus)
        .status()
        .expect("run whosaid gen-corpus");
    assert!(status.success());
    check("generated", &corpus);
    let _ = std::fs::remove_dir_all(&dir);
}
