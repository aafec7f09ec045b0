//! The table is the same, byte for byte, for any thread count and batch
//! boundary: on the shipped seeds and on a generated corpus.

use std::process::Command;

fn extract(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("extract")
        .args(args)
        .output()
        .expect("run whosaid");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn seeds_same_bytes_for_any_thread_count() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let one = extract(&["-j", "1", seeds]);
    assert!(one.len() > 1000);
    for j in ["2", "3", "8"] {
        assert_eq!(extract(&["-j", j, seeds]), one, "-j {j}");
    }
}

#[test]
fn generated_corpus_same_bytes_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let mut f = std::fs::File::create(&corpus).unwrap();
    whosaid::corpus::generate(&mut f, 3, 42).unwrap();
    let path = corpus.to_str().unwrap();
    for format in ["csv", "jsonl"] {
        let one = extract(&["-q", "-j", "1", "--format", format, path]);
        let two = extract(&["-q", "-j", "2", "--format", format, path]);
        assert_eq!(one, two, "{format}");
        // The same rows as the library writes one document at a time.
        if format == "csv" {
            assert_eq!(one, library_table(&corpus));
        }
    }
}

/// The CSV through `TableWriter`, one document after the other.
fn library_table(path: &std::path::Path) -> Vec<u8> {
    use whosaid::input::{read_all, Item};
    use whosaid::output::{Format, TableWriter};
    let extractor = whosaid::Extractor::shipped(&[]).unwrap();
    let mut w = TableWriter::new(Format::Csv, Vec::new()).unwrap();
    read_all(&[path.to_path_buf()], &Default::default(), &mut |item| {
        if let Item::Document(d) = item {
            for row in extractor.extract(&d.id, &d.text) {
                w.write(&row).unwrap();
            }
        }
        true
    });
    w.finish().unwrap()
}
