//! Tracing the same words through an archive: which articles carry a
//! quotation, who each gives it to, and which articles are wire copies.
//!
//! Input: documents one after the other, in input order, each as its
//! finished [`Row`]s (the output stage's, so the trace sees exactly what
//! the quote table says) with its `outlet` and `date` and a
//! [`DocSketch`] made from its text and rows by [`sketch`]. Output: for
//! every row, its [`Occurrence`] (the quote key, the wire copy it sits
//! in) as soon as its document is added, and at the end one
//! [`TracedQuote`] per distinct quotation. It runs after the output
//! stage, as the speakers table does.
//!
//! [`sketch`] is a pure function of one document, so the driver runs it
//! on many threads; [`Tracer::add`] takes the documents in input order on
//! one thread. The result is the same for any thread count.
//!
//! # When two quotes are the same quotation
//!
//! Both texts are normalised ([`tokens`]): lower case, curly and straight
//! marks alike, punctuation dropped, apostrophes inside a word dropped
//! ("won’t" = "wont"), and an ellipsis or a bracketed insertion ("[the
//! plan]") cuts the text in segments, since the words on its two sides
//! were not next to each other in what was said. A segment's shingles are
//! its runs of [`SHINGLE`] words.
//!
//! - Candidates come from winnowed fingerprints (Schleimer, Wilkerson and
//!   Aiken, "Winnowing: local algorithms for document fingerprinting",
//!   SIGMOD 2003): the least shingle hash of every window of [`WINDOW`]
//!   shingles. Any run of `WINDOW + SHINGLE - 1` = 6 words two texts
//!   share gives them a fingerprint in common, whatever surrounds it, so
//!   a fragment is found inside the longer quote it was cut from.
//! - A candidate is verified on the two texts' whole shingle sets:
//!   direct and partial quotes meet when at least [`CONTAINMENT`] (0.6)
//!   of the shorter one's shingles are in the other and they share a run
//!   of at least [`MIN_WORDS`] words; re-punctuated, re-cased or trimmed
//!   copies score 1, a cut with an ellipsis near 1, two different quotes
//!   that share a stock phrase far below. A reported claim (no marks) is
//!   a paraphrase more often than not, so it meets another text only by a
//!   run of [`LONG_RUN`] (10) words in common, or, when it is shorter, by
//!   being carried whole, word for word.
//! - Quotes of fewer than [`MIN_WORDS`] words ("a disaster") are not
//!   traced: the same few words come from many mouths, and no fingerprint
//!   guarantee holds for them. Their occurrences have an empty key.
//!
//! A quote joins the best candidate that meets it (highest containment,
//! then longest run, then the oldest); a quote that meets none starts a
//! new quotation. Two quotations are never merged afterwards: a later
//! quote that spans two earlier fragments joins one of them.
//!
//! # Wire copies
//!
//! A document is a copy of an earlier one when the MinHash estimate
//! (Broder, "On the resemblance and containment of documents", 1997) of
//! the Jaccard resemblance of their [`DOC_SHINGLE`]-word shingle sets is
//! at least [`WIRE_RESEMBLANCE`] (0.5): ten outlets running the same
//! agency story share most of their shingles, ten outlets quoting the
//! same press conference share the quotes and little else. Candidates
//! come from locality-sensitive hashing of the signature in [`BANDS`]
//! bands of 2 values (a pair at resemblance 0.5 is a candidate with
//! probability 0.99, at 0.2 with 0.48, then rejected). A copy points to
//! the earliest original (`duplicate_of`), never to another copy, and
//! only the last [`WIRE_WINDOW`] originals are kept to compare with.
//! Documents of fewer than [`MIN_DOC_WORDS`] words are never copies.
//!
//! # Memory
//!
//! Nothing of a document is kept once it is added but its signature,
//! when it is an original among the last [`WIRE_WINDOW`] (about 260
//! bytes with its id and band keys). Per distinct quotation the tracer
//! keeps its key, its fullest text (the output cell), its fingerprints
//! (about 0.4 per word, 8 bytes each, in the index), its speakers with
//! counts, the ids of its outlets, and the id and date of its first and
//! last documents. Occurrences are handed back, not kept.

use std::collections::VecDeque;
use std::hash::{BuildHasherDefault, Hasher};

use crate::{Kind, Row};

/// Words in a quote shingle.
pub const SHINGLE: usize = 3;
/// Shingles in a winnowing window.
pub const WINDOW: usize = 4;
/// The fewest words a quote is traced with, and the shortest run two
/// direct quotes must share: `WINDOW + SHINGLE - 1`, the run that is
/// sure to give a fingerprint in common.
pub const MIN_WORDS: usize = WINDOW + SHINGLE - 1;
/// The share of the shorter quote's shingles that must be in the other.
pub const CONTAINMENT: f64 = 0.6;
/// The run of words a reported claim must share with another text.
pub const LONG_RUN: usize = 10;
/// Candidate quotations verified per quote, the most fingerprints in
/// common first: bounds the work per quote.
const MAX_CANDIDATES: usize = 8;
/// Quotations listed under one fingerprint: a fingerprint that many
/// quotations share is a stock phrase, and listing more would make the
/// lookups grow with the archive.
const MAX_POSTINGS: usize = 16;
/// Fingerprints kept per quotation (a quote of about 600 words).
const MAX_FINGERPRINTS: usize = 256;

/// Words in a document shingle, for wire copies.
pub const DOC_SHINGLE: usize = 5;
/// Values in a document's MinHash signature.
pub const SIGNATURE: usize = 32;
/// LSH bands of the signature (of `SIGNATURE / BANDS` values each).
pub const BANDS: usize = 16;
/// The estimated resemblance from which a document is a wire copy.
pub const WIRE_RESEMBLANCE: f64 = 0.5;
/// The fewest words a document needs to be compared for wire copy.
pub const MIN_DOC_WORDS: usize = 50;
/// Originals kept to compare new documents with.
pub const WIRE_WINDOW: usize = 100_000;
/// Documents listed under one band key.
const MAX_BAND_POSTINGS: usize = 4;

/// A normalised token of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// A word, lower case, without apostrophes.
    Word(&'a str),
    /// An ellipsis or a bracketed insertion: the words on its two sides
    /// were not next to each other.
    Cut,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}')
}

/// Calls `each` with the normalised tokens of `text` (see the module
/// doc): the words lower case, an ellipsis (`…`, `...`, `. . .`) or a
/// bracketed insertion of at most 80 characters as one [`Token::Cut`].
pub fn tokens(text: &str, each: &mut dyn FnMut(Token<'_>)) {
    fn flush(
        word: &mut String,
        cut: &mut bool,
        each: &mut dyn FnMut(Token<'_>),
    ) {
        if !word.is_empty() {
            if *cut {
                each(Token::Cut);
                *cut = false;
            }
            each(Token::Word(word.as_str()));
            word.clear();
        }
    }
    let b = text.as_bytes();
    let char_at = |i: usize| -> Option<char> {
        match b.get(i) {
            Some(&x) if x < 0x80 => Some(char::from(x)),
            Some(_) => text[i..].chars().next(),
            None => None,
        }
    };
    let mut word = String::new();
    let mut cut = false;
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let next = i + c.len_utf8();
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            i = next;
            continue;
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            i = next;
            continue;
        }
        if is_apostrophe(c)
            && !word.is_empty()
            && char_at(next).is_some_and(char::is_alphanumeric)
        {
            // "won't", "O’Brien": one word.
            i = next;
            continue;
        }
        flush(&mut word, &mut cut, &mut *each);
        match c {
            '\u{2026}' => cut = true,
            '.' => {
                // Two or more periods, spaced or not, make an ellipsis.
                let mut j = next;
                let mut periods = 1;
                loop {
                    let mut k = j;
                    while b.get(k) == Some(&b' ') {
                        k += 1;
                    }
                    if b.get(k) == Some(&b'.') {
                        periods += 1;
                        j = k + 1;
                    } else {
                        break;
                    }
                }
                if periods >= 2 {
                    cut = true;
                    i = j;
                    continue;
                }
            }
            '[' => {
                let close = text[next..]
                    .char_indices()
                    .take(80)
                    .find(|&(_, c)| c == ']');
                if let Some((n, _)) = close {
                    cut = true;
                    i = next + n + 1;
                    continue;
                }
            }
            _ => {}
        }
        i = next;
    }
    flush(&mut word, &mut cut, &mut *each);
}

/// The normalised text: words separated by spaces, a cut as ` | `. For
/// tests and debugging; the tracer hashes the tokens directly.
pub fn normalized(text: &str) -> String {
    let mut out = String::new();
    tokens(text, &mut |t| {
        if !out.is_empty() {
            out.push(' ');
        }
        match t {
            Token::Word(w) => out.push_str(w),
            Token::Cut => out.push('|'),
        }
    });
    out
}

/// SplitMix64's finaliser (Steele, Lea, Flood 2014): a fixed mix, so keys
/// are the same on every machine and with every Rust version.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hasher for keys that are hashes or small ids already: one mix, no
/// SipHash (the tracer's maps are keyed by fingerprints; their order is
/// never read).
#[derive(Default)]
struct Mixed(u64);

impl Hasher for Mixed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &x in bytes {
            self.0 = mix(self.0 ^ u64::from(x));
        }
    }

    fn write_u32(&mut self, x: u32) {
        self.0 = mix(self.0 ^ u64::from(x));
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = mix(self.0 ^ x);
    }

    fn write_usize(&mut self, x: usize) {
        self.0 = mix(self.0 ^ x as u64);
    }
}

type HashMap<K, V> =
    std::collections::HashMap<K, V, BuildHasherDefault<Mixed>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<Mixed>>;

/// FNV-1a over the bytes, mixed.
fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    mix(h)
}

/// The words of a text as hashes, cut in segments.
fn segments(text: &str) -> Vec<Vec<u64>> {
    let mut out: Vec<Vec<u64>> = vec![Vec::new()];
    tokens(text, &mut |t| match t {
        Token::Word(w) => {
            out.last_mut().expect("one segment").push(hash_bytes(w.as_bytes()))
        }
        Token::Cut => out.push(Vec::new()),
    });
    out.retain(|s| !s.is_empty());
    out
}

/// The hash of `n` consecutive word hashes.
fn shingle_hash(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(0x9E37_79B9_7F4A_7C15, |h, &w| mix(h.rotate_left(17) ^ w))
}

/// The shingles of each segment, in order.
fn shingles(segs: &[Vec<u64>], n: usize) -> Vec<Vec<u64>> {
    segs.iter()
        .map(|s| s.windows(n).map(shingle_hash).collect::<Vec<u64>>())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Winnowing: the least hash of every window of `WINDOW` shingles (the
/// rightmost on a tie, as the paper does), each picked once; a segment of
/// fewer shingles gives its least. Sorted, without repeats.
fn winnow(shingled: &[Vec<u64>]) -> Vec<u64> {
    let mut out = Vec::new();
    for seg in shingled {
        let w = WINDOW.min(seg.len());
        let mut last: Option<usize> = None;
        for start in 0..=seg.len() - w {
            let window = &seg[start..start + w];
            let mut best = 0;
            for (j, &h) in window.iter().enumerate() {
                if h <= window[best] {
                    best = j;
                }
            }
            let at = start + best;
            if last != Some(at) {
                out.push(seg[at]);
                last = Some(at);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out.truncate(MAX_FINGERPRINTS);
    out
}

/// What the tracer needs of one quote, made off the main thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteSketch {
    /// Normalised words.
    pub words: usize,
    /// Winnowed fingerprints, sorted.
    pub fingerprints: Vec<u64>,
}

/// What the tracer needs of one document, made off the main thread by
/// [`sketch`]: its MinHash signature (none for a short document) and a
/// sketch of each row's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocSketch {
    /// MinHash of the text's shingle set.
    pub signature: Option<[u32; SIGNATURE]>,
    /// One per row, in row order.
    pub quotes: Vec<QuoteSketch>,
}

/// Sketches a document from its text and rows: a pure function, run on
/// any thread.
pub fn sketch(text: &str, rows: &[Row]) -> DocSketch {
    let quotes = rows
        .iter()
        .map(|r| {
            let segs = segments(&r.quote);
            let words = segs.iter().map(Vec::len).sum();
            let fingerprints = if words >= MIN_WORDS {
                winnow(&shingles(&segs, SHINGLE))
            } else {
                Vec::new()
            };
            QuoteSketch { words, fingerprints }
        })
        .collect();
    DocSketch { signature: signature(text), quotes }
}

/// The MinHash signature of a text's `DOC_SHINGLE`-word shingles; `None`
/// under [`MIN_DOC_WORDS`] words.
pub fn signature(text: &str) -> Option<[u32; SIGNATURE]> {
    let mut words: Vec<u64> = Vec::new();
    tokens(text, &mut |t| {
        if let Token::Word(w) = t {
            words.push(hash_bytes(w.as_bytes()));
        }
    });
    if words.len() < MIN_DOC_WORDS {
        return None;
    }
    // Multiply-shift (Dietzfelbinger, Hagerup, Katajainen, Penttonen
    // 1997) by an odd constant per value: one multiplication per value,
    // on a shingle hash that is already well mixed.
    let odd: [u64; SIGNATURE] = std::array::from_fn(|i| mix(i as u64 + 1) | 1);
    let mut sig = [u32::MAX; SIGNATURE];
    for s in words.windows(DOC_SHINGLE) {
        let h = shingle_hash(s);
        for (v, a) in sig.iter_mut().zip(&odd) {
            *v = (*v).min((h.wrapping_mul(*a) >> 32) as u32);
        }
    }
    Some(sig)
}

/// The estimated Jaccard resemblance of two signatures.
pub fn resemblance(a: &[u32; SIGNATURE], b: &[u32; SIGNATURE]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE as f64
}

/// How two quote texts compare, on their whole shingle sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// The share of the shorter text's shingles found in the other.
    pub containment: f64,
    /// The longest run of words the two share (a lower bound on a cut:
    /// runs are measured within segments).
    pub run: usize,
    /// The words of the shorter text.
    pub shorter: usize,
}

/// Compares two quote texts.
#[cfg(test)]
pub fn overlap(a: &str, b: &str) -> Overlap {
    overlap_segments(&segments(a), &segments(b))
}

fn overlap_segments(a: &[Vec<u64>], b: &[Vec<u64>]) -> Overlap {
    let (sa, sb) = (shingles(a, SHINGLE), shingles(b, SHINGLE));
    let (na, nb): (usize, usize) =
        (sa.iter().map(Vec::len).sum(), sb.iter().map(Vec::len).sum());
    if na == 0 || nb == 0 {
        return Overlap { containment: 0.0, run: 0, shorter: 0 };
    }
    // Walk the shorter one against the longer one's set.
    let (short, long) = if na <= nb { (&sa, &sb) } else { (&sb, &sa) };
    let mut set: Vec<u64> = long.iter().flatten().copied().collect();
    set.sort_unstable();
    let mut found = 0;
    let mut best_run = 0;
    for seg in short {
        let mut run = 0;
        for h in seg {
            if set.binary_search(h).is_ok() {
                found += 1;
                run += 1;
                best_run = best_run.max(run);
            } else {
                run = 0;
            }
        }
    }
    Overlap {
        containment: found as f64 / na.min(nb) as f64,
        run: if best_run == 0 { 0 } else { best_run + SHINGLE - 1 },
        shorter: a
            .iter()
            .map(Vec::len)
            .sum::<usize>()
            .min(b.iter().map(Vec::len).sum()),
    }
}

/// Whether two texts are the same quotation, `indirect` when either is a
/// reported claim (see the module doc).
pub fn meets(o: Overlap, indirect: bool) -> bool {
    if indirect {
        // A claim shorter than the long run meets a text that carries it
        // whole, word for word.
        o.run >= LONG_RUN.min(o.shorter.max(MIN_WORDS))
    } else {
        o.containment >= CONTAINMENT && o.run >= MIN_WORDS
    }
}

/// The quote key of a text: 16 hex digits of a hash of its normalised
/// words and kind class, the same on every run and machine.
fn key_of(text: &str, indirect: bool, salt: u32) -> u64 {
    let mut s = normalized(text);
    s.push_str(if indirect { "\u{0}i" } else { "\u{0}q" });
    if salt > 0 {
        s.push_str(&format!("\u{0}{salt}"));
    }
    hash_bytes(s.as_bytes())
}

/// The document facts the tracer reads.
#[derive(Debug, Clone, Copy)]
pub struct DocMeta<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its outlet (`outlet`, else `source` field); may be empty.
    pub outlet: &'a str,
    /// Its date (`YYYY-MM-DD...`); empty when it has none that reads as
    /// a date.
    pub date: &'a str,
}

/// What the tracer says of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The quotation's key; empty for a quote too short to trace.
    pub quote_key: String,
    /// The original this document is a wire copy of; empty if none.
    pub duplicate_of: String,
}

/// One distinct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracedQuote {
    /// Stable key (16 hex digits).
    pub key: String,
    /// The kind of the fullest text.
    pub kind: Kind,
    /// The fullest text: the longest direct or partial one, else the
    /// longest claim.
    pub quote: String,
    /// The canonical speakers with their occurrences, most first.
    pub speakers: Vec<(String, usize)>,
    /// Whether two of the speakers are different people (not one name
    /// and its surname).
    pub speakers_disagree: bool,
    /// Occurrences.
    pub occurrences: usize,
    /// Occurrences with no canonical speaker.
    pub unattributed: usize,
    /// Documents carrying it.
    pub documents: usize,
    /// Of those, documents that are no wire copy.
    pub original_documents: usize,
    /// Distinct non-empty outlets.
    pub outlets: usize,
    /// The first document (by date, else input order) and its date.
    pub first_doc: String,
    /// Its date; may be empty.
    pub first_date: String,
    /// The last document.
    pub last_doc: String,
    /// Its date; may be empty.
    pub last_date: String,
}

/// When a document comes: dated ones by date, then the undated, each in
/// input order.
fn order_key(date: &str, index: usize) -> (bool, String, usize) {
    (date.is_empty(), date.to_string(), index)
}

#[derive(Debug)]
struct Cluster {
    key: u64,
    kind: Kind,
    text: String,
    words: usize,
    /// Whether any member is direct or partial.
    quoted: bool,
    speakers: Vec<(u32, usize)>,
    occurrences: usize,
    unattributed: usize,
    documents: usize,
    original_documents: usize,
    last_doc_index: Option<usize>,
    outlets: Vec<u32>,
    first: (bool, String, usize),
    first_doc: String,
    last: (bool, String, usize),
    last_doc: String,
}

/// An original document kept to compare new ones with.
#[derive(Debug)]
struct Original {
    index: usize,
    id: String,
    signature: [u32; SIGNATURE],
    bands: [u64; BANDS],
}

/// The tracer: add documents in input order, then [`Tracer::finish`].
#[derive(Debug, Default)]
pub struct Tracer {
    clusters: Vec<Cluster>,
    /// Fingerprint → the first quotations that have it.
    index: HashMap<u64, Vec<u32>>,
    keys: HashSet<u64>,
    /// Speaker keys (`id:` or `name:`) and their display names.
    speakers: indexmap::IndexMap<String, String>,
    outlets: indexmap::IndexSet<String>,
    originals: VecDeque<Original>,
    bands: HashMap<u64, Vec<usize>>,
    docs: usize,
    /// Documents found to be wire copies.
    pub wire_copies: usize,
    /// Rows too short to trace.
    pub untraced: usize,
}

impl Tracer {
    /// An empty tracer.
    pub fn new() -> Tracer {
        Tracer::default()
    }

    /// Adds the next document: its facts, its sketch (from [`sketch`] on
    /// its text and these rows) and its rows. Returns one [`Occurrence`]
    /// per row.
    pub fn add(
        &mut self,
        meta: DocMeta<'_>,
        sketch: &DocSketch,
        rows: &[Row],
    ) -> Vec<Occurrence> {
        let index = self.docs;
        self.docs += 1;
        let duplicate_of = self.wire(index, meta.id, sketch.signature);
        if !duplicate_of.is_empty() {
            self.wire_copies += 1;
        }
        let outlet = (!meta.outlet.is_empty()).then(|| {
            self.outlets.insert_full(meta.outlet.to_string()).0 as u32
        });
        let when = order_key(meta.date, index);
        let mut out = Vec::with_capacity(rows.len());
        for (row, qs) in rows.iter().zip(&sketch.quotes) {
            if qs.words < MIN_WORDS || qs.fingerprints.is_empty() {
                self.untraced += 1;
                out.push(Occurrence {
                    quote_key: String::new(),
                    duplicate_of: duplicate_of.clone(),
                });
                continue;
            }
            let c = self.assign(row, qs);
            let speaker = crate::speakers::speaker_key(row).map(|k| {
                let e = self.speakers.entry(k);
                let at = e.index() as u32;
                e.or_insert_with(|| row.speaker_name.clone());
                at
            });
            let cl = &mut self.clusters[c];
            cl.occurrences += 1;
            match speaker {
                Some(s) => match cl.speakers.iter_mut().find(|(x, _)| *x == s)
                {
                    Some((_, n)) => *n += 1,
                    None => cl.speakers.push((s, 1)),
                },
                None => cl.unattributed += 1,
            }
            if cl.last_doc_index != Some(index) {
                cl.last_doc_index = Some(index);
                cl.documents += 1;
                if duplicate_of.is_empty() {
                    cl.original_documents += 1;
                }
                if let Some(o) = outlet {
                    if let Err(at) = cl.outlets.binary_search(&o) {
                        cl.outlets.insert(at, o);
                    }
                }
                if when < cl.first {
                    cl.first = when.clone();
                    cl.first_doc = meta.id.to_string();
                }
                if when > cl.last {
                    cl.last = when.clone();
                    cl.last_doc = meta.id.to_string();
                }
            }
            out.push(Occurrence {
                quote_key: format!("{:016x}", cl.key),
                duplicate_of: duplicate_of.clone(),
            });
        }
        out
    }

    /// The quotation a quote belongs to, made if none meets it.
    fn assign(&mut self, row: &Row, qs: &QuoteSketch) -> usize {
        let indirect = row.kind == Kind::Indirect;
        // Fingerprints in common, per candidate.
        let mut counts: HashMap<u32, usize> = HashMap::default();
        for f in &qs.fingerprints {
            for &c in self.index.get(f).into_iter().flatten() {
                *counts.entry(c).or_default() += 1;
            }
        }
        let mut hits: Vec<(u32, usize)> = counts.into_iter().collect();
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(MAX_CANDIDATES);
        let mut best: Option<(usize, Overlap)> = None;
        if !hits.is_empty() {
            let segs = segments(&row.quote);
            for &(c, _) in &hits {
                let cl = &self.clusters[c as usize];
                let o = overlap_segments(&segs, &segments(&cl.text));
                if !meets(o, indirect || !cl.quoted) {
                    continue;
                }
                let better = best.is_none_or(|(_, b)| {
                    o.containment > b.containment
                        || (o.containment == b.containment && o.run > b.run)
                });
                if better {
                    best = Some((c as usize, o));
                }
            }
        }
        match best {
            Some((c, _)) => {
                let cl = &mut self.clusters[c];
                // The fullest text: a quoted one over a claim, then the
                // longest.
                let fuller = if indirect != cl.quoted {
                    qs.words > cl.words
                } else {
                    !indirect
                };
                if fuller {
                    cl.text = row.quote.clone();
                    cl.words = qs.words;
                    cl.kind = row.kind;
                    cl.quoted |= !indirect;
                    self.index_fingerprints(c, &qs.fingerprints);
                }
                c
            }
            None => {
                let mut salt = 0;
                let mut key = key_of(&row.quote, indirect, 0);
                while !self.keys.insert(key) {
                    salt += 1;
                    key = key_of(&row.quote, indirect, salt);
                }
                let c = self.clusters.len();
                self.clusters.push(Cluster {
                    key,
                    kind: row.kind,
                    text: row.quote.clone(),
                    words: qs.words,
                    quoted: !indirect,
                    speakers: Vec::new(),
                    occurrences: 0,
                    unattributed: 0,
                    documents: 0,
                    original_documents: 0,
                    last_doc_index: None,
                    outlets: Vec::new(),
                    first: (true, String::new(), usize::MAX),
                    first_doc: String::new(),
                    last: (false, String::new(), 0),
                    last_doc: String::new(),
                });
                self.index_fingerprints(c, &qs.fingerprints);
                c
            }
        }
    }

    fn index_fingerprints(&mut self, c: usize, fingerprints: &[u64]) {
        let c = c as u32;
        for &f in fingerprints {
            let list = self.index.entry(f).or_default();
            if list.len() < MAX_POSTINGS && !list.contains(&c) {
                list.push(c);
            }
        }
    }

    /// The original `index` is a wire copy of, or empty; an original is
    /// kept to compare later documents with.
    fn wire(
        &mut self,
        index: usize,
        id: &str,
        signature: Option<[u32; SIGNATURE]>,
    ) -> String {
        let Some(sig) = signature else { return String::new() };
        let rows = SIGNATURE / BANDS;
        let mut bands = [0u64; BANDS];
        for (b, key) in bands.iter_mut().enumerate() {
            let part = &sig[b * rows..(b + 1) * rows];
            let mut h = mix(b as u64 + 1);
            for &v in part {
                h = mix(h ^ u64::from(v));
            }
            *key = h;
        }
        // The earliest original resembling this one enough.
        let mut best: Option<usize> = None;
        for key in &bands {
            for &doc in self.bands.get(key).into_iter().flatten() {
                if best.is_some_and(|b| b <= doc) {
                    continue;
                }
                let Some(o) = self.original(doc) else { continue };
                if resemblance(&o.signature, &sig) >= WIRE_RESEMBLANCE {
                    best = Some(doc);
                }
            }
        }
        if let Some(doc) = best {
            return self
                .original(doc)
                .map(|o| o.id.clone())
                .unwrap_or_default();
        }
        for key in &bands {
            let list = self.bands.entry(*key).or_default();
            if list.len() < MAX_BAND_POSTINGS {
                list.push(index);
            }
        }
        self.originals.push_back(Original {
            index,
            id: id.to_string(),
            signature: sig,
            bands,
        });
        if self.originals.len() > WIRE_WINDOW {
            let old = self.originals.pop_front().expect("over the window");
            for key in &old.bands {
                if let Some(list) = self.bands.get_mut(key) {
                    list.retain(|&d| d != old.index);
                    if list.is_empty() {
                        self.bands.remove(key);
                    }
                }
            }
        }
        String::new()
    }

    fn original(&self, index: usize) -> Option<&Original> {
        let at =
            self.originals.binary_search_by_key(&index, |o| o.index).ok()?;
        self.originals.get(at)
    }

    /// The quotations, carried by the most documents first, then in the
    /// order they were first met.
    pub fn finish(self) -> Vec<TracedQuote> {
        let names: Vec<(&String, &String)> = self.speakers.iter().collect();
        let mut out: Vec<TracedQuote> = self
            .clusters
            .into_iter()
            .map(|c| {
                let mut speakers: Vec<(u32, usize)> = c.speakers;
                speakers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let keyed: Vec<(&str, &str)> = speakers
                    .iter()
                    .map(|&(s, _)| {
                        let (k, n) = names[s as usize];
                        (k.as_str(), n.as_str())
                    })
                    .collect();
                let disagree = keyed.iter().enumerate().any(|(i, a)| {
                    keyed[i + 1..].iter().any(|b| !same_person(*a, *b))
                });
                TracedQuote {
                    key: format!("{:016x}", c.key),
                    kind: c.kind,
                    quote: c.text,
                    speakers: speakers
                        .iter()
                        .map(|&(s, n)| (names[s as usize].1.clone(), n))
                        .collect(),
                    speakers_disagree: disagree,
                    occurrences: c.occurrences,
                    unattributed: c.unattributed,
                    documents: c.documents,
                    original_documents: c.original_documents,
                    outlets: c.outlets.len(),
                    first_doc: c.first_doc,
                    first_date: c.first.1,
                    last_doc: c.last_doc,
                    last_date: c.last.1,
                }
            })
            .collect();
        out.sort_by_key(|q| std::cmp::Reverse(q.documents));
        out
    }
}

/// Whether two speakers (key, name) are one person: the same key, or,
/// when at most one has a gazetteer id, one name the end of the other
/// ("Lavrov" and "Sergey Lavrov"), as an article names a person in full
/// and then by surname.
fn same_person(a: (&str, &str), b: (&str, &str)) -> bool {
    if a.0 == b.0 {
        return true;
    }
    if a.0.starts_with("id:") && b.0.starts_with("id:") {
        return false;
    }
    let wa: Vec<&str> = a.1.split_whitespace().collect();
    let wb: Vec<&str> = b.1.split_whitespace().collect();
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    !short.is_empty() && long.ends_with(&short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_folds_case_marks_and_cuts_at_ellipses() {
        assert_eq!(
            normalized("“We Won’t back down,” she said..."),
            "we wont back down she said"
        );
        assert_eq!(
            normalized("We will … fight [the plan] to the end. . . now"),
            "we will | fight | to the end | now"
        );
        assert_eq!(normalized("Well-known. End."), "well known end");
    }

    #[test]
    fn a_trimmed_repunctuated_copy_meets_and_a_different_quote_does_not() {
        let full = "We will not close a single library this year, and \
                    anyone who says otherwise has not read the budget.";
        let trimmed = "we will not close a single library this year";
        let o = overlap(full, trimmed);
        assert_eq!(o.containment, 1.0);
        assert!(meets(o, false), "{o:?}");
        let cut = "“We will not close a single library … anyone who says \
                   otherwise has not read the budget”";
        assert!(meets(overlap(full, cut), false));
        // A stock phrase in common is not the same quotation.
        let other = "We will not close a single school, but the council \
                     must find the money for new teachers somewhere soon.";
        let o = overlap(full, other);
        assert!(!meets(o, false), "{o:?}");
        // Five words are too few.
        assert!(!meets(overlap(full, "we will not close a"), false));
    }

    #[test]
    fn a_claim_meets_only_on_a_long_run() {
        let quote = "The new bridge will carry twice the traffic of the \
                     old one by the end of the decade.";
        let close = "the new bridge will carry twice the traffic of the \
                     old one";
        let loose = "the bridge would carry more traffic than the old one";
        assert!(meets(overlap(quote, close), true));
        assert!(!meets(overlap(quote, loose), true));
        assert_eq!(overlap(quote, close).run, 12);
        // A short claim carried whole meets; one word changed, it does
        // not.
        let short = "the storm would weaken as it moved north";
        assert!(meets(
            overlap(short, "The storm would weaken as it moved north."),
            true
        ));
        assert!(!meets(
            overlap(short, "the storm would weaken as it moved east"),
            true
        ));
    }

    #[test]
    fn a_fragment_shares_a_fingerprint_with_the_quote_it_was_cut_from() {
        let full = "Nobody in this building wanted the strike, but the \
                    offer on the table was an insult to every nurse here.";
        let part = "the offer on the table was an insult";
        let fp = |t: &str| winnow(&shingles(&segments(t), SHINGLE));
        let (a, b) = (fp(full), fp(part));
        assert!(b.iter().any(|f| a.contains(f)), "{a:?} {b:?}");
    }

    #[test]
    fn signatures_tell_copies_from_other_stories() {
        let story = "The regional transport authority said on Monday that \
            it would cut bus fares by a third from next month, after a \
            year in which passenger numbers fell sharply across the \
            county. The chair of the authority told reporters that the \
            cut would be paid for by a grant from the national \
            government and by savings on fuel. Drivers' unions welcomed \
            the decision but warned that routes in rural areas were \
            still at risk. The authority will publish a full timetable \
            next week.";
        let copy = format!("{story} Additional reporting by staff.");
        let other = "A local bakery has won a national prize for its rye \
            bread, beating more than two hundred entries from across the \
            country. The owner said the recipe came from her grandmother \
            and that the prize money would go towards a new oven. The \
            judges praised the crust and the flavour of the loaf, and \
            said the standard this year had been the highest they could \
            remember. The bakery will open on Sundays from next month.";
        let (a, b, c) = (
            signature(story).unwrap(),
            signature(&copy).unwrap(),
            signature(other).unwrap(),
        );
        assert!(resemblance(&a, &b) >= WIRE_RESEMBLANCE);
        assert!(resemblance(&a, &c) < WIRE_RESEMBLANCE);
        assert!(signature("Too short to compare.").is_none());
    }

    #[test]
    fn names_and_their_surnames_are_one_person() {
        assert!(same_person(("name:Ann Lee", "Ann Lee"), ("name:Lee", "Lee")));
        assert!(!same_person(
            ("name:Ann Lee", "Ann Lee"),
            ("name:Bo Ek", "Bo Ek")
        ));
        assert!(!same_person(("id:Q1", "Ann Lee"), ("id:Q2", "Lee")));
    }
}
