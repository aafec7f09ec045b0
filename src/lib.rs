//! `whosaid` reads news articles and writes a table of who said what:
//! every quotation and every reported claim, its speaker, the cue that
//! links them, and exact offsets back into the source.
//!
//! The pipeline runs one way, one module a stage: `input` → `normalize`
//! → `segment` → `quotes` → `tokens` → `tag` ([`tagger`]) → `chunk` →
//! `mentions` → `cues` → [`rules`] → `resolve` → [`output`], over the
//! shared types ([`Span`], [`Kind`], [`SpeakerType`]).
//! The gazetteer and word lists are compiled once into an [`Extractor`]
//! (see [`Extractor::builder`]), which is immutable and shared by threads;
//! [`Extractor::extract`] gives a document's [`Row`]s, which a
//! [`TableWriter`] writes as CSV or JSONL.
//!
//! ```
//! let extractor = whosaid::Extractor::shipped(&[]).unwrap();
//! let text = "\"We are polite people,\" Sergey Lavrov told reporters.";
//! let rows = extractor.extract("doc", text);
//! assert_eq!(rows[0].quote, "We are polite people,");
//! assert_eq!(rows[0].speaker_name, "Sergey Lavrov");
//! assert_eq!(rows[0].rule, "quote/after/speaker-cue");
//! ```
#![deny(missing_docs)]

// The API: the facade and its builder, the row and its writers, the rule
// selection, the tagger, and the analysis for explain-like use.
pub mod analysis;
pub mod output;
pub mod rules;
pub mod tagger;

// The stages and their helpers: the crate's own.
mod builder;
mod chunk;
mod cues;
// `shown` and the speakers table serve the commands only.
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
mod diag;
mod error;
mod gazetteer;
mod html;
mod lexicon;
mod marks;
mod mentions;
mod resolve;
mod names;
mod words_buf;
mod word_table;
mod role_nouns;
mod salience;
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
mod speakers;
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
mod trace;
mod tsv;
mod types;
pub mod window;

// Public for the tests, benches, fuzz targets and bindings only: not part
// of the API, no stability promised.
#[doc(hidden)]
pub mod corpus;
#[doc(hidden)]
pub mod eval;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod normalize;
#[doc(hidden)]
pub mod quotes;
#[doc(hidden)]
pub mod report;
#[doc(hidden)]
pub mod segment;
#[doc(hidden)]
pub mod tokens;

// The command line (the `cli` feature, on by default).
#[cfg(feature = "cli")]
mod batch;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
#[cfg(feature = "cli")]
mod cmd;
#[cfg(feature = "cli")]
mod explain;
#[cfg(feature = "cli")]
mod outfile;
#[cfg(feature = "cli")]
mod pipeline;

pub use analysis::Analysis;
pub use builder::ExtractorBuilder;
pub use error::Error;
pub use output::{Format, Row, RowEncoder, TableWriter};
pub use rules::Selection;
pub use tsv::DataError;
pub use types::{Gender, Kind, Span, SpeakerType};

thread_local! {
    static TAG_SCRATCH: std::cell::RefCell<tagger::TagScratch> =
        std::cell::RefCell::new(tagger::TagScratch::new());
}

/// The compiled gazetteer and lexicon: build once, then call
/// [`Extractor::extract`] for each document, from any thread.
pub struct Extractor {
    gazetteer: gazetteer::Gazetteer,
    lexicon: lexicon::Lexicon,
    selection: rules::Selection,
}

impl Extractor {
    /// A builder: shipped data on or off, the caller's gazetteers, the
    /// rules to run.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Builds the extractor from the shipped data files and the user's own
    /// gazetteer files, given as `(name, contents)`: a shorthand for
    /// [`Extractor::builder`] with [`ExtractorBuilder::gazetteer_str`].
    pub fn shipped(
        extra_gazetteers: &[(String, String)],
    ) -> Result<Extractor, Error> {
        builder::compile(true, extra_gazetteers, rules::Selection::all())
    }

    /// Runs only the rules `selection` keeps (`--rules`,
    /// `--skip-rules`).
    pub fn with_rules(mut self, selection: rules::Selection) -> Extractor {
        self.selection = selection;
        self
    }

    /// The compiled gazetteer.
    #[doc(hidden)]
    pub fn gazetteer(&self) -> &gazetteer::Gazetteer {
        &self.gazetteer
    }

    /// Runs every stage but the output on one document.
    pub fn analyze<'a>(&'a self, original: &'a str) -> Analysis<'a> {
        let normalized = normalize::normalize(original);
        let text = normalized.text.as_str();
        let segments = segment::segment(text);
        let quotes = quotes::scan(text, &segments);
        let mut tokens = Vec::new();
        tokens::tokenize(text, &segments, &quotes, &mut tokens);
        let ascii_lowered = text.to_ascii_lowercase();
        let lowered = tokens::lowercase(text, &ascii_lowered, &tokens);
        // Only sentences with a cue word outside quotes are tagged, and
        // not the quoted sentence that ends one ("Lee said, "We will
        // stay.""; see `tagger::Tails`): the rules read tags around cues
        // (their sense, the clause they open, the speaker phrase before
        // or after them), and tagging costs more than the rest of the
        // pipeline per token.
        // What the lexicon says of each token (classes, cue, title,
        // source noun): one look-up a token, read by the cue and the
        // mention stages.
        let words: Vec<lexicon::WordInfo<'_>> =
            lowered.iter().map(|w| self.lexicon.word(w)).collect();
        let word_cues = cues::word_cues(&tokens, &lowered, &words, &self.lexicon);
        let wanted = cue_sentences(&tokens, &word_cues, &words, &lowered);
        let mut tags = Vec::new();
        // The thread's tagging buffers, kept from document to document:
        // their cache of score rows by the previous two tags would
        // otherwise be cleared and refilled for every document.
        TAG_SCRATCH.with(|s| {
            let mut own = None;
            let mut guard = s.try_borrow_mut();
            let scratch = match &mut guard {
                Ok(s) => &mut **s,
                Err(_) => own.insert(tagger::TagScratch::new()),
            };
            tagger::Tagger::shipped().tag_sentences_with(
                text,
                &tokens,
                |s| wanted.get(s as usize).copied().unwrap_or(false),
                tagger::Tails::UntaggedQuotedSentence,
                scratch,
                &mut tags,
            );
        });
        let chunks = chunk::Chunks::new(&tokens, &tags, &lowered);
        let mut mentions = Vec::new();
        let mut antecedents = Vec::new();
        mentions::find_mentions(
            text,
            &tokens,
            &lowered,
            &words,
            chunk::Grammar { tags: &tags, chunks: &chunks },
            &self.gazetteer,
            &self.lexicon,
            &mut mentions,
            &mut antecedents,
        );
        let questions = cues::question_sentences(text, &segments, &tokens);
        let mut cue_list = Vec::new();
        cues::find_cues(
            text,
            &tokens,
            &lowered,
            &self.lexicon,
            &word_cues,
            &questions,
            &tags,
            &mut cue_list,
        );
        let doc = rules::Document {
            text,
            segments: &segments,
            quotes: &quotes,
            tokens: &tokens,
            lowered: &lowered,
            mentions: &mentions,
            cues: &cue_list,
            tags: &tags,
            chunks: &chunks,
        };
        let (frames, attributions) = rules::attribute(&doc, &self.selection);
        drop(lowered);
        Analysis {
            original,
            normalized,
            segments,
            quotes,
            tokens,
            tags,
            chunks,
            mentions,
            antecedents,
            cues: cue_list,
            frames,
            attributions,
        }
    }

    /// Runs the resolve stage on an analysed document: the canonical
    /// speaker and `via` of every attribution.
    pub fn resolve(&self, a: &Analysis<'_>) -> resolve::Resolution {
        resolve::resolve(a, &self.gazetteer, None)
    }

    /// Extracts the rows of one document.
    pub fn extract(&self, doc_id: &str, original: &str) -> Vec<Row> {
        let mut rows = Vec::new();
        self.extract_each(doc_id, original, &mut |mut part| {
            rows.append(&mut part);
            true
        });
        rows
    }

    /// Extracts the rows of one document a window at a time (see
    /// [`window`]: a document over 256 KiB is analysed in pieces, so
    /// that memory follows the piece): `each` gets the rows of each
    /// window in text order, their offsets, quote ids and paragraph
    /// numbers those of the whole document, and returns `false` to stop
    /// (then so does this, with `false`). A document of one window gives
    /// exactly the rows of [`Extractor::extract`].
    pub fn extract_each(
        &self,
        doc_id: &str,
        original: &str,
        each: &mut dyn FnMut(Vec<Row>) -> bool,
    ) -> bool {
        self.windows_of(doc_id, original, None, &mut |_, rows| each(rows))
    }

    /// Runs the pipeline on each window of `original` (one window for
    /// a document up to 256 KiB, see [`window`]) and gives `each` the
    /// window, its number from 1, its [`window::Shift`], its analysis and
    /// resolution and its rows counted from the window; `false` from
    /// `each` stops (then this returns `false`). For `explain`.
    #[doc(hidden)]
    pub fn analyze_windows(
        &self,
        doc_id: &str,
        original: &str,
        each: &mut dyn FnMut(WindowAnalysis<'_, '_>) -> bool,
    ) -> bool {
        self.analyze_windows_by(doc_id, original, None, each)
    }

    /// [`Extractor::analyze_windows`] for a document whose author is
    /// known (a JSONL record's `author`): the speaker of "I" outside
    /// quotes.
    #[doc(hidden)]
    pub fn analyze_windows_by(
        &self,
        doc_id: &str,
        original: &str,
        author: Option<&str>,
        each: &mut dyn FnMut(WindowAnalysis<'_, '_>) -> bool,
    ) -> bool {
        let mut shift = window::Shift::default();
        let mut next_paragraph = 0;
        let mut counted_to = 0;
        for (i, w) in window::windows(original, window::WINDOW_BYTES)
            .into_iter()
            .enumerate()
        {
            shift.chars += original[counted_to..w.start].chars().count();
            counted_to = w.start;
            shift.paragraphs = if w.continues_paragraph {
                next_paragraph - 1
            } else {
                next_paragraph
            };
            let analysis = self.analyze(&original[w.start..w.end]);
            let resolution =
                resolve::resolve(&analysis, &self.gazetteer, author);
            let rows = output::rows(doc_id, &analysis, &resolution);
            next_paragraph =
                shift.paragraphs + analysis.segments.paragraphs.len();
            let count = rows.len();
            let go = each(WindowAnalysis {
                window: w,
                number: i + 1,
                shift,
                analysis: &analysis,
                resolution: &resolution,
                rows,
            });
            if !go {
                return false;
            }
            shift.quote_ids += count;
        }
        true
    }

    /// Runs the pipeline on each window of `original`; gives `each` the
    /// window's start (its byte and code point) and its rows, shifted to
    /// the whole text.
    fn windows_of(
        &self,
        doc_id: &str,
        original: &str,
        author: Option<&str>,
        each: &mut dyn FnMut((usize, usize), Vec<Row>) -> bool,
    ) -> bool {
        self.analyze_windows_by(doc_id, original, author, &mut |mut w| {
            w.shift.apply(&mut w.rows);
            each((w.window.start, w.shift.chars), w.rows)
        })
    }

    /// Extracts the rows of one HTML document (`html`): the pipeline
    /// runs on its text, and every offset of the rows points into the
    /// HTML source (code points), so that the source between
    /// `quote_start` and `quote_end`, tags removed and entities decoded,
    /// is the quote.
    pub fn extract_html(&self, doc_id: &str, source: &str) -> Vec<Row> {
        let mut rows = Vec::new();
        self.extract_html_each(doc_id, source, &mut |mut part| {
            rows.append(&mut part);
            true
        });
        rows
    }

    /// [`Extractor::extract_html`] a window at a time, as
    /// [`Extractor::extract_each`].
    pub fn extract_html_each(
        &self,
        doc_id: &str,
        source: &str,
        each: &mut dyn FnMut(Vec<Row>) -> bool,
    ) -> bool {
        self.html_each_by(doc_id, source, None, each)
    }

    fn html_each_by(
        &self,
        doc_id: &str,
        source: &str,
        author: Option<&str>,
        each: &mut dyn FnMut(Vec<Row>) -> bool,
    ) -> bool {
        let h = html::html_to_text(source);
        let source_chars = normalize::CharIndex::new(source);
        self.windows_of(doc_id, &h.text, author, &mut |from, mut rows| {
            html_offsets(&h, &source_chars, from, &mut rows);
            each(rows)
        })
    }

    /// Extracts the rows of one document as read: as HTML when it is.
    pub fn extract_document(&self, doc: &input::Document) -> Vec<Row> {
        let mut rows = Vec::new();
        self.extract_document_each(doc, &mut |mut part| {
            rows.append(&mut part);
            true
        });
        rows
    }

    /// [`Extractor::extract_document`] a window at a time, as
    /// [`Extractor::extract_each`].
    pub fn extract_document_each(
        &self,
        doc: &input::Document,
        each: &mut dyn FnMut(Vec<Row>) -> bool,
    ) -> bool {
        let author = doc.author.as_deref();
        if doc.html {
            self.html_each_by(&doc.id, &doc.text, author, each)
        } else {
            self.windows_of(&doc.id, &doc.text, author, &mut |_, rows| {
                each(rows)
            })
        }
    }

    /// The lexicon.
    #[doc(hidden)]
    pub fn lexicon(&self) -> &lexicon::Lexicon {
        &self.lexicon
    }
}

/// For each sentence, whether a word outside quotes may be a cue (a
/// reporting verb of the lexicon, or a cue phrase written out in full
/// from it: the first word of one alone, "go" or "point", opens none),
/// read off the tokens' [`cues::WordCue`]s, or a content noun before
/// "that" after a possessive or a verb of asserting (`claim/noun-clause`:
/// "Trump's claim that", "expressed concern that").
fn cue_sentences(
    tokens: &[tokens::Token],
    word_cues: &[cues::WordCue<'_>],
    words: &[lexicon::WordInfo<'_>],
    lowered: &[std::borrow::Cow<'_, str>],
) -> Vec<bool> {
    let sentences = tokens.last().map_or(0, |t| t.sentence as usize + 1);
    let mut wanted = vec![false; sentences];
    for (i, (t, w)) in tokens.iter().zip(word_cues).enumerate() {
        if wanted[t.sentence as usize] {
            continue;
        }
        // Only where the rule can find a speaker: a possessor or a verb
        // of asserting just before the noun (tagging is most of a
        // sentence's cost).
        let content_noun = || {
            lexicon::has(words[i].classes, lexicon::Class::ContentClauseNouns)
                && lowered.get(i + 1).is_some_and(|n| n.as_ref() == "that")
                && (i.saturating_sub(4)..i).any(|p| {
                    matches!(lowered[p].as_ref(), "'s" | "\u{2019}s" | "'" | "\u{2019}")
                        || lexicon::has(words[p].classes, lexicon::Class::AssertionLightVerbs)
                })
        };
        if w.cue.is_some() || w.phrase.is_some() || content_noun() {
            wanted[t.sentence as usize] = true;
        }
    }
    wanted
}

/// One window of a document, analysed: see
/// [`Extractor::analyze_windows`].
#[doc(hidden)]
pub struct WindowAnalysis<'w, 'a> {
    /// The window.
    pub window: window::Window,
    /// Its number, from 1.
    pub number: usize,
    /// Where it starts in the document.
    pub shift: window::Shift,
    /// Its analysis.
    pub analysis: &'w Analysis<'a>,
    /// Its resolution.
    pub resolution: &'w resolve::Resolution,
    /// Its rows, counted from the window.
    pub rows: Vec<Row>,
}

/// Maps the rows' code point offsets in `h.text` to code point offsets
/// in the HTML source (indexed by `chars`), starts as starts and ends as
/// ends (an entity or a tag maps whole). No offset is before `from`, the
/// byte and code point where the rows' window starts in `h.text`.
fn html_offsets(
    h: &html::HtmlText,
    chars: &normalize::CharIndex<'_>,
    from: (usize, usize),
    rows: &mut [Row],
) {
    // Code points to bytes of the text, in one sweep over the offsets.
    let mut wanted: Vec<usize> = rows
        .iter()
        .flat_map(|r| {
            [Some(r.quote_start), Some(r.quote_end), r.speaker_start,
                r.speaker_end]
        })
        .flatten()
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut byte_of = Vec::with_capacity(wanted.len());
    let (from_byte, from_cp) = from;
    let mut text_chars = h.text[from_byte..]
        .char_indices()
        .map(|(b, _)| from_byte + b)
        .enumerate()
        .map(|(i, b)| (from_cp + i, b));
    for &cp in &wanted {
        let b = text_chars
            .by_ref()
            .find(|&(i, _)| i == cp)
            .map_or(h.text.len(), |(_, b)| b);
        byte_of.push(b);
    }
    let byte = |cp: usize| byte_of[wanted.binary_search(&cp).expect("kept")];
    let start = |cp: usize| chars.chars_before(h.source_start(byte(cp)));
    let end = |cp: usize| chars.chars_before(h.source_end(byte(cp)));
    for r in rows {
        (r.quote_start, r.quote_end) = (start(r.quote_start), end(r.quote_end));
        r.speaker_start = r.speaker_start.map(start);
        r.speaker_end = r.speaker_end.map(end);
    }
}

#[cfg(test)]
mod tests {
    /// Worker threads share one extractor: it must stay `Send + Sync`.
    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<super::Extractor>();
    }
}
