//! Issue 14's yardstick, in one command: on the same JSONL file, the bare
//! pass that does the unavoidable part of the job (read each record with
//! the project's JSONL reader, run the shipped gazetteer over the text with
//! its whole-word check, split words with a byte loop, count quote marks),
//! then the full extraction with the CSV encoded in memory; the CPU
//! seconds of this thread for each (read from `/proc/thread-self/schedstat`,
//! Linux, so that the figures hold on a shared machine), MB per CPU second
//! and the ratio. Start-up (building the extractor) is counted in neither.
//!
//! `cargo run --release --example bare_pass FILE.jsonl`

use whosaid::{Extractor, Format, RowEncoder};

/// Nanoseconds this thread has run on a CPU.
fn cpu_ns() -> u64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("needs Linux /proc/thread-self/schedstat");
    s.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: bare_pass FILE.jsonl (JSONL, one article a line)");
    let data = std::fs::read(&path).expect("cannot read the file");
    let lines: Vec<&[u8]> =
        data.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    let extractor = Extractor::shipped(&[]).expect("shipped data");
    let mb = data.len() as f64 / 1e6;

    let start = cpu_ns();
    let (mut names, mut words, mut marks) = (0usize, 0usize, 0usize);
    for line in &lines {
        let doc = whosaid::input::parse_record(line).expect("a record");
        names += extractor.gazetteer().find_iter(&doc.text).count();
        let mut in_word = false;
        for &b in doc.text.as_bytes() {
            // Letters, digits and any byte of a non-ASCII character.
            let w = b.is_ascii_alphanumeric() || b >= 0x80;
            words += usize::from(w && !in_word);
            in_word = w;
        }
        marks += doc.text.bytes().filter(|&b| b == b'"').count()
            + doc.text.matches(['\u{201c}', '\u{201d}']).count();
    }
    let bare = (cpu_ns() - start) as f64 / 1e9;

    let encoder = RowEncoder::new(Format::Csv);
    let mut out = Vec::new();
    let mut rows = 0;
    let start = cpu_ns();
    for line in &lines {
        let doc = whosaid::input::parse_record(line).expect("a record");
        let found = extractor.extract_document(&doc);
        rows += found.len();
        out.clear();
        encoder.encode(&found, &mut out);
    }
    let full = (cpu_ns() - start) as f64 / 1e9;

    println!(
        "{path}: {mb:.1} MB, {} documents\n\
         bare pass: {bare:.2} CPU s, {:.1} MB per CPU s \
         ({names} names, {words} words, {marks} quote marks)\n\
         extraction: {full:.2} CPU s, {:.1} MB per CPU s ({rows} rows)\n\
         ratio: {:.2}",
        lines.len(),
        mb / bare,
        mb / full,
        full / bare
    );
}
