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
        "name,type,role,id,quotes,claims,documents,first_doc,last_doc,\
         gender,share\n"
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

/// Every `<mark class="hl ...` opening with a row id, in order.
fn row_ids(page: &str) -> Vec<String> {
    page.match_indices("<mark class=\"hl ")
        .filter_map(|(i, _)| {
            let tag = &page[i..i + page[i..].find('>').unwrap()];
            if tag.contains(" cont ") {
                return None;
            }
            let at = tag.find("data-row-id=\"")? + 13;
            Some(tag[at..at + tag[at..].find('"').unwrap()].to_string())
        })
        .collect()
}

#[test]
fn report_marks_every_row_of_the_seeds_once() {
    let rows = records(&stdout(&whosaid(&["extract", "-q", "seeds"])));
    let page = stdout(&whosaid(&["report", "-q", "seeds"]));
    let ids = row_ids(&page);
    let want: Vec<String> = rows
        .iter()
        .map(|r| format!("{}#{}", r["doc_id"], r["quote_id"]))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(sorted, want_sorted);
    // Marks open and close in pairs, so the nesting is well formed.
    assert_eq!(page.matches("<mark").count(), page.matches("</mark>").count());
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    // Self-contained: nothing is fetched.
    for bad in ["src=", "href=\"http", "@import", "url(http"] {
        assert!(!page.contains(bad), "{bad} in the page");
    }
    assert_eq!(page.matches("<script").count(), 1);
    for landmark in ["<main", "<nav", "<aside", "<header"] {
        assert!(page.contains(landmark), "{landmark}");
    }
    assert!(page.contains("tabindex=\"0\""));
    // Every bar of the chart links to a speaker's list.
    assert!(page.contains("<a href=\"#sp-0\" class=\"bar\">"));
    assert!(page.contains("id=\"sp-0\""));
}

#[test]
fn report_escapes_markup_from_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "x<b>.txt",
        "<script>alert(1)</script> Mayor &lt;b&gt;wins\n\n\
         \"<img src=x onerror=alert(1)> is fine,\" said Jane Doe.\n\n\
         Doe said the tag was \"a frame</mark><mark class='hl'>\" and \
         \"it's 'quoted'\".",
    );
    let page = stdout(&whosaid(&["report", "-q", &input]));
    assert_eq!(page.matches("<script").count(), 1, "injected script");
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>wins"));
    assert!(page.contains("&lt;b&gt;wins"));
    assert!(!page.contains("onerror=alert(1)>"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; is fine,"));
    assert!(
        page.contains("a frame&lt;/mark&gt;&lt;mark class=&#39;hl&#39;&gt;")
    );
    // The document id (a file name with markup) is escaped too.
    assert!(page.contains("x&lt;b&gt;"));
    assert_eq!(page.matches("<mark").count(), page.matches("</mark>").count());
}

#[test]
fn report_nests_partial_quotes_inside_claims() {
    use whosaid::report::{render, ReportDoc};
    let ex = whosaid::Extractor::shipped(&[]).unwrap();
    let text = "Kerry warned that Russian support \u{201C}risks extending \
                the conflict\u{201D} in Syria.";
    let rows = ex.extract("k", text);
    assert!(rows.len() >= 2, "{rows:#?}");
    let page =
        render(&[ReportDoc { id: "k".into(), text: text.into(), rows, hidden: 0 }], &[]);
    let claim = page.find("data-row-id=\"k#1\"").unwrap();
    let partial = page.find("data-row-id=\"k#2\"").unwrap();
    let claim_end =
        claim + page[claim..].find("</mark><span class=\"lbl").unwrap();
    let last_close = claim + page[claim..].rfind("</mark>").unwrap();
    assert!(claim < partial && partial < claim_end.max(last_close));
}

#[test]
fn report_cuts_crossing_rows_into_pieces() {
    use whosaid::report::{render, ReportDoc};
    let ex = whosaid::Extractor::shipped(&[]).unwrap();
    let text = "Abc def ghi jkl.";
    let mut rows = ex.extract("t", "\"Abc def,\" Jane Doe said.");
    let mut second = rows[0].clone();
    rows[0].quote_start = 0;
    rows[0].quote_end = 7; // "Abc def"
    rows[0].quote = "Abc def".into();
    second.quote_id = 2;
    second.quote_start = 4;
    second.quote_end = 11; // "def ghi"
    second.quote = "def ghi".into();
    rows.truncate(1);
    rows.push(second);
    let page =
        render(&[ReportDoc { id: "t".into(), text: text.into(), rows, hidden: 0 }], &[]);
    let body = &page[page.find("<div class=\"text\">").unwrap()..];
    let body = &body[..body.find("</div>").unwrap()];
    // Row 2 opens inside row 1, is cut where row 1 ends, and goes on in a
    // continued piece.
    assert_eq!(body.matches("data-row-id=\"t#2\"").count(), 2, "{body}");
    assert_eq!(body.matches(" cont ").count(), 1, "{body}");
    assert_eq!(body.matches("<mark").count(), body.matches("</mark>").count());
}

#[test]
fn explain_plain_when_piped() {
    let o = whosaid(&["explain", "seeds/000_f0862e620563ad06.txt"]);
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "colour in a pipe");
    assert!(out.starts_with("000_f0862e620563ad06 ("), "{out}");
    // Paragraphs with the quotes marked.
    assert!(out.contains("[6|We are polite people"), "{out}");
    assert!(out.contains("if not invited,|6]"), "{out}");
    // A row: its rule, speaker, resolution step, cue and candidates, the
    // chosen frame marked with >.
    let row = &out[out.find("\n#6 direct").expect("row 6")..];
    let row = &row[..row[1..].find("\n#").unwrap_or(row.len())];
    assert!(row.contains("rule       quote/after/speaker-cue"), "{row}");
    assert!(row.contains("-> Sergey Lavrov"), "{row}");
    assert!(row.contains("[resolution step: "), "{row}");
    assert!(row.contains("cue        \u{201C}told\u{201D}"), "{row}");
    assert!(row.contains("candidates"), "{row}");
    assert!(row.contains("\n  > \u{201C}told\u{201D}"), "{row}");
}

#[test]
fn explain_one_quote_and_colour_on_request() {
    let o = whosaid(&[
        "explain",
        "seeds/000_f0862e620563ad06.txt",
        "--quote",
        "6",
        "--color",
        "always",
    ]);
    let out = stdout(&o);
    assert!(out.contains("\x1b["), "no colour with --color always");
    assert_eq!(out.matches("\n\x1b[1;32m#").count(), 1, "{out}");
    let plain = stdout(&whosaid(&[
        "explain",
        "seeds/000_f0862e620563ad06.txt",
        "--quote",
        "6",
        "--color",
        "never",
    ]));
    assert!(!plain.contains('\x1b'));
    assert_eq!(plain.matches("\n#").count(), 1, "{plain}");
    assert!(plain.contains("¶7 "), "{plain}");
    assert!(!plain.contains("¶1 "), "only the row's paragraph: {plain}");
    let missing = whosaid(&[
        "explain",
        "seeds/000_f0862e620563ad06.txt",
        "--quote",
        "999",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no row 999"));
}

#[test]
fn version_names_the_data_files() {
    let out = stdout(&whosaid(&["--version"]));
    assert!(out.starts_with(&format!("whosaid {}", env!("CARGO_PKG_VERSION"))));
    for f in ["data/people.tsv", "data/orgs.tsv", "data/cues.tsv"] {
        assert!(out.contains(f), "{out}");
    }
    assert!(out.contains("entries  fnv1a "), "{out}");
}

#[test]
fn generate_completions_and_man_page() {
    let bash = stdout(&whosaid(&["generate", "completions", "bash"]));
    assert!(bash.contains("_whosaid()"), "{bash}");
    assert!(bash.contains("report") && bash.contains("speakers"));
    let zsh = stdout(&whosaid(&["generate", "completions", "zsh"]));
    assert!(zsh.starts_with("#compdef whosaid"));
    let man = stdout(&whosaid(&["generate", "man"]));
    assert!(man.contains(".TH whosaid"), "{man}");
    // Listed in the help, as every subcommand is (issue 13).
    let help = stdout(&whosaid(&["--help"]));
    assert!(help.contains("generate") && help.contains("gen-corpus"), "{help}");
    assert!(help.contains("report") && help.contains("explain"));
}

#[test]
fn report_charts_quotes_by_gender_per_outlet_and_month() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "g.jsonl",
        concat!(
            r#"{"id":"a","outlet":"Daily Post","date":"2024-03-01","text":"\"We will win,\" Anna Reyes said. \"Not this year,\" said Tom Hill."}"#,
            "\n",
            r#"{"id":"b","outlet":"Evening Star","date":"2024-04-02","text":"\"It is over,\" Tom Hill said. \"It is,\" the council said."}"#,
            "\n",
        ),
    );
    let page = stdout(&whosaid(&["report", "-q", &input]));
    assert!(page.contains("id=\"genders\""), "no gender chart");
    for bar in [
        "<title>Daily Post: 1 female, 1 male, 0 unknown</title>",
        "<title>Evening Star: 0 female, 1 male, 0 unknown</title>",
        "<title>2024-03: 1 female, 1 male, 0 unknown</title>",
        "<title>2024-04: 0 female, 1 male, 0 unknown</title>",
    ] {
        assert!(page.contains(bar), "{bar}");
    }
    // Without outlets or dates there is nothing to chart.
    let plain = stdout(&whosaid(&["report", "-q", "seeds"]));
    assert!(!plain.contains("id=\"genders\""));
}
