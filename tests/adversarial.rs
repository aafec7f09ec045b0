//! Adversarial text at modest sizes: no panic, and the rows still make
//! sense. The large sizes and their timings are in
//! `scripts/adversarial_bench.sh` and BENCHMARKS.md.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use whosaid::{Extractor, Row};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::shipped(&[]).unwrap())
}

/// Extracts, checks every row's offsets, and returns the rows.
fn extract(text: &str) -> Vec<Row> {
    let rows = extractor().extract("adv", text);
    let n = text.chars().count();
    for r in &rows {
        assert!(r.quote_start < r.quote_end && r.quote_end <= n, "{r:?}");
        assert!(!r.quote.is_empty());
    }
    rows
}

const TAIL: &str = "\n\n\"We are ready,\" Sergey Lavrov told reporters.";

/// The quote after the noise is still found, with its speaker.
fn assert_tail_found(rows: &[Row]) {
    let last = rows.last().expect("the tail quote");
    assert_eq!(last.quote, "We are ready,");
    assert_eq!(last.speaker_name, "Sergey Lavrov");
}

#[test]
fn unmatched_quote_marks_200_kb() {
    // Straight, curly and guillemet marks, none of which can pair.
    let noise = "\" \u{201C} \u{201D} \u{00AB} ' ".repeat(200_000 / 14);
    let rows = extract(&format!("{noise}{TAIL}"));
    assert_eq!(rows.len(), 1, "{:?}", &rows[..rows.len().min(3)]);
    assert_tail_found(&rows);
}

#[test]
fn hundred_thousand_apostrophes() {
    // 5 apostrophes a chunk: none is a quote mark.
    let chunk = "Putin's aides don't say Moscow\u{2019}s '90s rock 'n roll. ";
    let text = format!("{}{TAIL}", chunk.repeat(20_000));
    assert_eq!(text.matches(['\'', '\u{2019}']).count(), 100_000);
    let rows = extract(&text);
    assert_eq!(rows.len(), 1);
    assert_tail_found(&rows);
}

#[test]
fn five_megabyte_paragraph_without_a_sentence_end() {
    let words = "the council met again and the budget grew larger ";
    let n = 5_000_000 / words.len();
    let text = format!("{}{TAIL}", words.repeat(n));
    let rows = extract(&text);
    assert_eq!(rows.len(), 1);
    assert_tail_found(&rows);
}

#[test]
fn a_long_paragraph_with_many_cues_finishes() {
    // Cues in one endless sentence: the case that scans each sentence
    // once per cue. Small here; see BENCHMARKS.md.
    let words = "officials said that the budget grew and ";
    let text = words.repeat(50_000 / words.len());
    let start = Instant::now();
    let rows = extract(&text);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.kind.as_str() == "indirect"));
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn ten_thousand_nested_quotes() {
    let text = format!(
        "He said {}core{} and left.{TAIL}",
        "\"a \u{2018}b ".repeat(10_000),
        " b\u{2019} a\"".repeat(10_000)
    );
    let rows = extract(&text);
    // Nesting deeper than the scanner tracks is read as stray marks: the
    // outermost quote holds the words and the tail is found.
    // Nesting deeper than the scanner tracks reads as stray marks: one
    // partial quote from the outermost mark, and the tail. What follows
    // "said" is no claim: no tensed verb within a clause's length.
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].kind.as_str(), "partial");
    assert!(rows[0].quote.starts_with("a \u{2018}b \"a \u{2018}b"));
    assert_tail_found(&rows);
}

#[test]
fn a_line_of_a_million_double_quotes() {
    let text = format!("{}{TAIL}", "\"".repeat(1_000_000));
    let rows = extract(&text);
    assert_tail_found(&rows);
    assert_eq!(rows.len(), 1);
}

#[test]
fn a_user_gazetteer_of_200_000_names() {
    let mut tsv = String::from(
        "# generated\nid\tname\ttype\taliases\tshort_forms\tgender\troles\t\
         wikidata\n",
    );
    // Distinct made-up names: letters from the number, so that no name
    // is a prefix of a real word.
    let name = |i: usize| -> String {
        let letters: String = format!("{i:06}")
            .bytes()
            .map(|d| (b'a' + (d - b'0')) as char)
            .collect();
        format!("Zorv{letters} Quell{letters}")
    };
    for i in 0..200_000 {
        let n = name(i);
        let short = n.split(' ').nth(1).unwrap();
        tsv.push_str(&format!("p:gen{i}\t{n}\tperson\t\t{short}\tm\t\t\n"));
    }
    let x = Extractor::shipped(&[("mine.tsv".into(), tsv)]).unwrap();
    let who = name(123_456);
    let text = format!("\"We are ready,\" {who} told reporters.");
    let rows = x.extract("g", &text);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].speaker_name, who);
    assert_eq!(rows[0].speaker_id, "p:gen123456");
}
