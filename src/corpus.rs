//! A deterministic generator of news-like JSONL, for benchmarks and the
//! Spark smoke test (`whosaid gen-corpus --mb N --seed S -o FILE`).
//!
//! Input: the three shipped articles in `seeds/` (compiled in) and a seed.
//! Output: JSONL records `{"doc_id", "text"}` until N megabytes (10^6
//! bytes) are written. Each record is one of the articles with people,
//! countries, cities and numbers swapped from small fixed lists and some
//! paragraphs dropped, so that the documents differ in length and content
//! while keeping the prose (and so the work per byte) of real news.
//!
//! The same seed and size give the same bytes on every machine, and a
//! smaller corpus is a prefix of a larger one with the same seed, so that
//! time against size measures the tool and not the corpus.

use std::io::{self, Write};

use serde::Serialize;

const SEEDS: [&str; 3] = [
    include_str!("../seeds/000_f0862e620563ad06.txt"),
    include_str!("../seeds/001_1909ef5272a23ad5.txt"),
    include_str!("../seeds/002_129e46a7a127545a.txt"),
];

/// People of the seeds, `(full name, surname)`, with the gender that their
/// pronouns in the seeds carry: a swap keeps the gender so that "he" still
/// fits.
const PEOPLE: &[(&str, &str, bool)] = &[
    ("Sergey Lavrov", "Lavrov", true),
    ("Ilya Rogachev", "Rogachev", true),
    ("Laurent Fabius", "Fabius", true),
    ("John Kerry", "Kerry", true),
    ("Barack Obama", "Obama", true),
    ("Maria Zakharova", "Zakharova", false),
];

const MEN: &[(&str, &str)] = &[
    ("Olaf Scholz", "Scholz"),
    ("Emmanuel Macron", "Macron"),
    ("Antony Blinken", "Blinken"),
    ("Jens Stoltenberg", "Stoltenberg"),
    ("Mark Rutte", "Rutte"),
    ("Narendra Modi", "Modi"),
    ("Recep Tayyip Erdogan", "Erdogan"),
    ("Justin Trudeau", "Trudeau"),
];

const WOMEN: &[(&str, &str)] = &[
    ("Angela Merkel", "Merkel"),
    ("Kamala Harris", "Harris"),
    ("Nancy Pelosi", "Pelosi"),
    ("Jacinda Ardern", "Ardern"),
    ("Annalena Baerbock", "Baerbock"),
];

/// Place names of the seeds and what may stand in for them.
const PLACES: &[(&str, &[&str])] = &[
    ("Iraq", &["Libya", "Yemen", "Lebanon", "Jordan", "Afghanistan"]),
    ("Syria", &["Mali", "Sudan", "Somalia", "Ukraine", "Armenia"]),
    ("Moscow", &["Ankara", "Beijing", "Riyadh", "Cairo", "Tehran"]),
    ("Washington", &["London", "Paris", "Berlin", "Brussels"]),
];

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, and its output is fixed
/// by the algorithm, not by a crate version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Serialize)]
struct Record<'a> {
    doc_id: &'a str,
    text: &'a str,
}

/// Writes at least `megabytes` MB (10^6 bytes) of JSONL to `out`, whole
/// records only. Returns the number of records.
pub fn generate<W: Write>(
    out: &mut W,
    megabytes: u64,
    seed: u64,
) -> io::Result<u64> {
    let target = megabytes.saturating_mul(1_000_000);
    let mut rng = Rng(seed);
    let mut written = 0u64;
    let mut count = 0u64;
    let mut line = Vec::new();
    while written < target {
        count += 1;
        let text = document(&mut rng);
        let id = format!("gen-{seed}-{count:08}");
        line.clear();
        serde_json::to_writer(&mut line, &Record { doc_id: &id, text: &text })
            .map_err(io::Error::other)?;
        line.push(b'\n');
        out.write_all(&line)?;
        written += line.len() as u64;
    }
    Ok(count)
}

/// One article: a seed with swaps, some paragraphs dropped.
fn document(rng: &mut Rng) -> String {
    let seed = SEEDS[rng.below(SEEDS.len())];
    let mut text = String::with_capacity(seed.len());
    // The headline always stays; any other paragraph goes with odds 1/6.
    for (i, para) in seed.split("\n\n").enumerate() {
        if i > 0 && rng.below(6) == 0 {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(para);
    }
    for &(full, surname, male) in PEOPLE {
        let list = if male { MEN } else { WOMEN };
        // One time in three the seed's own person stays.
        let pick = rng.below(list.len() * 3 / 2);
        if let Some(&(new_full, new_surname)) = list.get(pick) {
            text = replace_words(&text, full, new_full);
            text = replace_words(&text, surname, new_surname);
        }
    }
    for &(place, others) in PLACES {
        let pick = rng.below(others.len() + 1);
        if let Some(other) = others.get(pick) {
            text = replace_words(&text, place, other);
        }
    }
    vary_numbers(&text, rng)
}

/// Replaces whole-word occurrences of `from` ("Iraq" but not "Iraqi").
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, _) in text.match_indices(from) {
        let before = text[..i].chars().next_back();
        let after = text[i + from.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if word(before) || word(after) {
            continue;
        }
        out.push_str(&text[last..i]);
        out.push_str(to);
        last = i + from.len();
    }
    out.push_str(&text[last..]);
    out
}

/// Replaces each run of digits by a random one of the same length (no
/// leading zero), so amounts, dates and counts vary.
fn vary_numbers(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            let lowest = if digits == 0 { 1 } else { 0 };
            let d = lowest + rng.below(10 - lowest);
            out.push(char::from(b'0' + d as u8));
            digits += 1;
        } else {
            out.push(c);
            digits = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_smaller_is_a_prefix() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let n = generate(&mut a, 1, 7).unwrap();
        generate(&mut b, 2, 7).unwrap();
        assert!(a.len() >= 1_000_000 && n > 100);
        assert!(b.starts_with(&a));
        let mut c = Vec::new();
        generate(&mut c, 1, 8).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn records_are_valid_jsonl_with_varied_names() {
        let mut out = Vec::new();
        generate(&mut out, 1, 1).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lavrov = 0;
        let mut swapped = 0;
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let t = v["text"].as_str().unwrap();
            assert!(!t.trim().is_empty());
            lavrov += t.contains("Sergey Lavrov") as usize;
            swapped += t.contains("Olaf Scholz") as usize;
        }
        assert!(lavrov > 0 && swapped > 0);
    }

    #[test]
    fn replaces_whole_words_only() {
        assert_eq!(
            replace_words("Iraq, Iraqi, xIraq Iraq", "Iraq", "Mali"),
            "Mali, Iraqi, xIraq Mali"
        );
    }
}
