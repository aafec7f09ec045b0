//! Criterion bench of the part-of-speech tagger: tagging pre-split
//! sentences (treebank-style words) with the shipped weights. Throughput
//! is in words (tokens), to compare with the 3 M tokens/s per core target.
//!
//! The sentences are generated news-like text (`whosaid::corpus`, seed 1)
//! split on spaces with punctuation apart, so the bench needs no treebank.
//!
//! `cargo bench --bench tagger`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::tagger::{TagScratch, Tagger};

/// About 100,000 words in sentences.
fn sentences() -> Vec<Vec<String>> {
    let mut jsonl = Vec::new();
    whosaid::corpus::generate(&mut jsonl, 1, 1).unwrap();
    let mut out = Vec::new();
    let mut words = 0;
    for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let doc = whosaid::input::parse_record(line).unwrap();
        for sentence in doc.text.split_inclusive(['.', '?', '!']) {
            let mut s = Vec::new();
            for w in sentence.split_whitespace() {
                split_punctuation(w, &mut s);
            }
            if !s.is_empty() {
                words += s.len();
                out.push(s);
            }
        }
        if words > 100_000 {
            break;
        }
    }
    out
}

/// Pushes the word's leading punctuation, its letters and its trailing
/// punctuation as separate words, as a treebank tokenizer would.
fn split_punctuation(w: &str, out: &mut Vec<String>) {
    let is_punct = |c: char| !c.is_alphanumeric();
    let core = w.trim_matches(is_punct);
    if core.is_empty() {
        out.extend(w.chars().map(String::from));
        return;
    }
    let lead = w.find(core).unwrap_or(0);
    out.extend(w[..lead].chars().map(String::from));
    out.push(core.to_string());
    out.extend(w[lead + core.len()..].chars().map(String::from));
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::shipped();
    let sentences = sentences();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(words as u64));
    group.measurement_time(Duration::from_secs(10));
    group.sample_size(20);
    let mut scratch = TagScratch::new();
    let mut tags = Vec::new();
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                tagger.tag_with(s, &mut scratch, &mut tags);
                n += tags.len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
