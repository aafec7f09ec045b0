//! `whosaid::eval::evaluate` must print what the company scorer
//! `tests/data/score.py` prints, byte for byte, on the same inputs. The
//! prediction files under tests/data/eval/ are small and hand-made so that
//! every rule of the scorer changes the figures or the error lines.

use std::path::{Path, PathBuf};
use std::process::Command;
use whosaid::eval::{evaluate, EvalOptions};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

/// The Python interpreter, or `None` where there is none: then the
/// comparison cannot run, which is not a failure of this crate.
fn python() -> Option<&'static str> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some("python3")
}

fn options(flags: &[&str]) -> EvalOptions {
    let mut opts = EvalOptions::default();
    for f in flags {
        match *f {
            "--errors" => opts.errors = true,
            "--json" => opts.json = true,
            _ => {
                let kinds = f.strip_prefix("--only=").expect("known flag");
                opts.only = Some(kinds.split(',').map(String::from).collect());
            }
        }
    }
    opts
}

/// Runs both scorers on every prediction with every set of flags.
fn compare(gold: &str, preds: &[&str], flag_sets: &[&[&str]]) {
    // No silent pass: without python3 the comparison cannot be made, and
    // the test says so by failing.
    let py = python().expect("python3 is needed to run score.py");
    let gold = data(gold);
    for pred in preds {
        let pred = data(pred);
        for flags in flag_sets {
            let out = Command::new(py)
                .arg(data("score.py"))
                .arg(&gold)
                .arg(&pred)
                .args(*flags)
                .output()
                .expect("run score.py");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "score.py failed: {stderr}");
            let want = String::from_utf8(out.stdout).expect("utf-8 stdout");
            let got = evaluate(&gold, &pred, &options(flags))
                .unwrap_or_else(|e| panic!("evaluate failed: {e}"));
            assert_eq!(
                got,
                want,
                "differs from score.py on {} {flags:?}",
                pred.display()
            );
        }
    }
}

const FLAG_SETS: &[&[&str]] = &[
    &[],
    &["--errors"],
    &["--json"],
    &["--json", "--errors"],
    &["--only=direct,partial", "--errors"],
    &["--only=indirect", "--json", "--errors"],
];

#[test]
fn seeds_match_score_py() {
    compare(
        "seeds.gold.jsonl",
        &[
            "eval/seeds.pred.csv",
            "eval/seeds.pred.jsonl",
            "eval/seeds.boundary.csv",
        ],
        FLAG_SETS,
    );
}

#[test]
fn tricky_cases_match_score_py() {
    let mut flag_sets = FLAG_SETS.to_vec();
    // A gold kind that is neither quote nor claim, kept by --only.
    flag_sets.push(&["--only=headline", "--errors"]);
    compare(
        "eval/tricky.gold.jsonl",
        &[
            "eval/tricky.pred.csv",
            "eval/tricky.pred.jsonl",
            "eval/quirks.pred.csv",
        ],
        &flag_sets,
    );
}

#[test]
fn gold_against_itself_is_perfect_on_detection() {
    // The gold file read as a JSONL prediction: every item matches.
    compare("seeds.gold.jsonl", &["seeds.gold.jsonl"], FLAG_SETS);
    let gold = data("seeds.gold.jsonl");
    let table = evaluate(&gold, &gold, &EvalOptions::default())
        .unwrap_or_else(|e| panic!("evaluate failed: {e}"));
    for row in table.lines().skip(1) {
        assert!(row.contains("  1.000/1.000/1.000  "), "{row}");
    }
}
