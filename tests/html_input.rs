//! HTML input (issue 13): an HTML article gives the same rows as its
//! plain-text version, and every offset points into the HTML source, so
//! that the source between `quote_start` and `quote_end`, tags removed
//! and entities decoded, is the quote.

use std::path::Path;
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_whosaid")
}

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html").join(name)
}

fn table(args: &[&str]) -> Vec<csv::StringRecord> {
    let out = Command::new(bin()).arg("extract").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    r.records().map(Result::unwrap).collect()
}

/// quote, kind, speaker, speaker_name, rule
fn essentials(rows: &[csv::StringRecord]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| [3, 2, 6, 9, 15].iter().map(|&i| r[i].to_string()).collect())
        .collect()
}

/// The text of an HTML slice, by other means than the crate's: tags cut
/// out (inline tags: no space), entities decoded by htmlize, white space folded.
fn visible(html: &str) -> String {
    let tags = regex::Regex::new(r"<[^>]*>").unwrap();
    let text = htmlize::unescape(tags.replace_all(html, "").into_owned());
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn slice(text: &str, start: &str, end: &str) -> String {
    let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn html_article_gives_the_rows_of_its_text_version() {
    let txt = table(&[data("article.txt").to_str().unwrap()]);
    let html = table(&[data("article.html").to_str().unwrap()]);
    assert!(txt.len() >= 5, "{txt:?}");
    assert_eq!(essentials(&html), essentials(&txt));
    let names: Vec<&str> = html.iter().map(|r| &r[9]).collect();
    assert!(names.contains(&"Anna Reyes"), "{names:?}");
    // No tag or entity leaks into a cell.
    for r in &html {
        assert!(!r[3].contains('<') && !r[3].contains("&quot"), "{r:?}");
        assert_eq!(&r[0], "article.html");
    }
}

#[test]
fn html_offsets_slice_the_source_to_the_quote() {
    let source = std::fs::read_to_string(data("article.html")).unwrap();
    let rows = table(&[data("article.html").to_str().unwrap()]);
    for r in &rows {
        let q = slice(&source, &r[4], &r[5]);
        assert_eq!(visible(&q), r[3].to_string(), "quote slice {q:?}");
        if !r[7].is_empty() {
            let s = slice(&source, &r[7], &r[8]);
            assert_eq!(visible(&s), r[6].to_string(), "speaker slice {s:?}");
        }
    }
    let euro = rows.iter().find(|r| r[3].contains('€')).expect("€ row");
    let q = slice(&source, &euro[4], &euro[5]);
    assert!(q.contains("&euro;15") && q.ends_with("&hellip;"), "{q:?}");
}

#[test]
fn html_in_jsonl_with_the_html_flag_and_folders_read_html_files() {
    let source = std::fs::read_to_string(data("article.html")).unwrap();
    let dir = std::env::temp_dir()
        .join(format!("whosaid-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("a.jsonl");
    let rec = serde_json::json!({"id": "r1", "text": source});
    std::fs::write(&jsonl, format!("{rec}\n")).unwrap();
    let with_flag = table(&["--html", jsonl.to_str().unwrap()]);
    let file = table(&[data("article.html").to_str().unwrap()]);
    let pos = |rows: &[csv::StringRecord]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| (2..18).map(|i| r[i].to_string()).collect())
            .collect()
    };
    assert_eq!(pos(&with_flag), pos(&file));
    // A folder holding the .html file reads it.
    let folder = table(&[data("").to_str().unwrap()]);
    assert!(folder.iter().any(|r| &r[0] == "article.html"));
    assert!(folder.iter().any(|r| &r[0] == "article"));
    let _ = std::fs::remove_dir_all(&dir);
}
