//! The table read back with the csv crate: the plain CSV is exact (every
//! cell as the library computed it), and `--excel` is safe to open in a
//! spreadsheet (BOM, CRLF, formulas made inert).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use clap::Parser;
use whosaid::output::{excel_cell, COLUMNS};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

/// Documents whose cells hold what breaks naive CSV and spreadsheets:
/// commas and quote marks (in ids and quotes), a newline (in an id),
/// Cyrillic, CJK, emoji, and quotes starting with = + - @.
fn documents() -> Vec<(String, String)> {
    [
        ("a,\"b\"", "\"=SUM(A1:A9), and more,\" Sergey Lavrov said."),
        ("line\nbreak", "\"+1 for peace, \u{1F54A},\" she said."),
        (
            "ru",
            "\u{00AB}\u{041C}\u{044B} \u{0433}\u{043E}\u{0442}\u{043E}\
                \u{0432}\u{044B}\u{00BB}, \u{2014} \u{0441}\u{043A}\u{0430}\
                \u{0437}\u{0430}\u{043B} \u{041B}\u{0430}\u{0432}\u{0440}\
                \u{043E}\u{0432}.\n\n\"-- We won, \u{4F60}\u{597D},\" \
                Lavrov told reporters.",
        ),
        ("@x", "\"@everyone, \"stay\" calm,\" the minister said."),
    ]
    .iter()
    .map(|(id, t)| (id.to_string(), t.to_string()))
    .collect()
}

fn run(extra: &[&str]) -> Output {
    let jsonl: String = documents()
        .iter()
        .map(|(id, text)| {
            let rec = serde_json::json!({ "id": id, "text": text });
            format!("{rec}\n")
        })
        .collect();
    let mut child = Command::new(BIN)
        .arg("extract")
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(jsonl.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// What the library computes: the exact cells.
fn expected() -> Vec<Vec<String>> {
    let x = whosaid::Extractor::shipped(&[]).unwrap();
    let mut out = vec![COLUMNS.iter().map(|c| c.to_string()).collect()];
    for (id, text) in documents() {
        for row in x.extract(&id, &text) {
            out.push(row.cells().to_vec());
        }
    }
    out
}

fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r =
        csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn risky(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn the_cases_are_in_the_table() {
    let want = expected();
    let quotes: Vec<&str> = want[1..].iter().map(|r| r[3].as_str()).collect();
    assert!(quotes.contains(&"=SUM(A1:A9), and more,"), "{quotes:?}");
    assert!(quotes.contains(&"+1 for peace, \u{1F54A},"), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.starts_with("-- We won")), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.contains("\"stay\"")), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.starts_with('\u{041C}')), "{quotes:?}");
    assert!(want.iter().any(|r| r[0] == "line\nbreak"));
}

#[test]
fn plain_csv_is_exact() {
    let o = run(&[]);
    assert!(!o.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert!(!o.stdout.windows(2).any(|w| w == b"\r\n"));
    assert_eq!(parse(&o.stdout), expected());
    // A formula stays as written in the exact table.
    assert!(o.stdout.windows(5).any(|w| w == b"=SUM("));
}

#[test]
fn excel_csv_has_bom_crlf_and_inert_formulas() {
    let o = run(&["--excel"]);
    let body = o.stdout.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
    let got = parse(body);
    let want = expected();
    assert_eq!(got.len(), want.len());
    // Each record ends with CRLF (no cell holds a carriage return).
    let crlf = body.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!(crlf, got.len());
    let mut prefixed = 0;
    for (g, w) in got.iter().zip(&want) {
        for (gc, wc) in g.iter().zip(w) {
            assert!(!risky(gc), "risky cell {gc:?}");
            assert_eq!(gc, &excel_cell(wc));
            if risky(wc) {
                assert_eq!(gc, &format!("'{wc}"));
                prefixed += 1;
            }
        }
    }
    // =SUM, +1, -- and @everyone quotes, and the @x id.
    assert!(prefixed >= 5, "{prefixed}");
}

#[test]
fn excel_cell_prefixes_only_formula_starts() {
    // The full-width forms too: spreadsheets with East Asian input
    // settings read them as = + - @ (issue 9).
    for c in [
        "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\u{FF1D}x", "\u{FF0B}1",
        "\u{FF0D}1", "\u{FF20}x",
    ] {
        assert_eq!(excel_cell(c), format!("'{c}"));
    }
    for c in ["", "1-1", "a=b", "'quoted'", " =x", "x\u{FF1D}"] {
        assert_eq!(excel_cell(c), c);
    }
}

#[test]
fn excel_flag_parses_and_needs_csv() {
    let a =
        whosaid::cli::Args::try_parse_from(["whosaid", "extract", "--excel"])
            .unwrap();
    match a.command {
        whosaid::cli::Command::Extract(e) => assert!(e.excel),
        _ => panic!("not extract"),
    }
    let o = Command::new(BIN)
        .args(["extract", "--excel", "--format", "jsonl"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "whosaid: --excel needs --format csv\n"
    );
}

#[test]
fn table_writer_and_row_encoder_agree() {
    use whosaid::output::{Format, RowEncoder, TableWriter};
    let x = whosaid::Extractor::shipped(&[]).unwrap();
    for format in [Format::Csv, Format::Excel] {
        let mut w = TableWriter::new(format, Vec::new()).unwrap();
        let enc = RowEncoder::new(format);
        let mut bytes = RowEncoder::header(format);
        for (id, text) in documents() {
            let rows = x.extract(&id, &text);
            for row in &rows {
                w.write(row).unwrap();
            }
            enc.encode(&rows, &mut bytes);
        }
        assert_eq!(w.finish().unwrap(), bytes, "{format:?}");
    }
}

#[test]
fn excel_output_is_the_same_for_any_thread_count() {
    let one = run(&["--excel", "-j", "1"]);
    let two = run(&["--excel", "-j", "3"]);
    assert_eq!(one.stdout, two.stdout);
}
