//! Tokens tagged per CPU second (not per wall second, so that the figure
//! holds on a machine shared with other work): tags the bench's sentences
//! repeatedly on one thread and divides by the thread's CPU time, read
//! from `/proc/thread-self/schedstat` (Linux).
//!
//! `cargo run --release --example tagger_speed [SECONDS]`

use std::time::Instant;

use whosaid::tagger::{TagScratch, Tagger};

/// Nanoseconds this thread has run on a CPU.
fn cpu_ns() -> u64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("needs Linux /proc/thread-self/schedstat");
    s.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap()
}

fn main() {
    let seconds: f64 =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let mut jsonl = Vec::new();
    whosaid::corpus::generate(&mut jsonl, 1, 1).unwrap();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let doc = whosaid::input::parse_record(line).unwrap();
        for sentence in doc.text.split_inclusive(['.', '?', '!']) {
            let mut s = Vec::new();
            for w in sentence.split_whitespace() {
                let core = w.trim_matches(|c: char| !c.is_alphanumeric());
                if core.is_empty() {
                    s.extend(w.chars().map(String::from));
                    continue;
                }
                let lead = w.find(core).unwrap_or(0);
                s.extend(w[..lead].chars().map(String::from));
                s.push(core.to_string());
                s.extend(w[lead + core.len()..].chars().map(String::from));
            }
            if !s.is_empty() {
                sentences.push(s);
            }
        }
    }
    if let Ok(n) = std::env::var("TAGGER_SPEED_SENTENCES") {
        sentences.truncate(n.parse().unwrap());
    }
    let tagger = Tagger::shipped();
    let mut scratch = TagScratch::new();
    let mut tags = Vec::new();
    let (wall, cpu) = (Instant::now(), cpu_ns());
    let mut tokens = 0u64;
    while wall.elapsed().as_secs_f64() < seconds {
        for s in &sentences {
            tagger.tag_with(s, &mut scratch, &mut tags);
            tokens += tags.len() as u64;
        }
    }
    let cpu = (cpu_ns() - cpu) as f64 / 1e9;
    println!(
        "{tokens} tokens in {cpu:.2} CPU s ({:.2} wall s): {:.2} M tokens per CPU second",
        wall.elapsed().as_secs_f64(),
        tokens as f64 / cpu / 1e6
    );
}
