//! `whosaid` reads news articles and writes a table of who said what:
//! every quotation and every reported claim, its speaker, the cue that
//! links them, and exact offsets back into the source.
//!
//! The pipeline runs one way, one module a stage:
//! [`input`] → [`normalize`] → [`segment`] → [`quotes`] → [`tokens`] →
//! [`mentions`] → [`cues`] → [`rules`] → [`resolve`] → [`output`].
//! The gazetteer ([`gazetteer`]) and word lists ([`lexicon`]) are compiled
//! once into an [`Extractor`], which is immutable and shared by threads.
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

pub mod batch;
pub mod cli;
pub mod corpus;
pub mod cues;
pub mod diag;
pub mod eval;
pub mod explain;
pub mod gather;
pub mod gazetteer;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod normalize;
pub mod outfile;
pub mod output;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod segment;
pub mod shell;
pub mod speakers;
pub mod tokens;
pub mod tsv;

use serde::Serialize;

pub use output::Row;

/// A half-open byte range `[start, end)` of a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span; `start <= end` is checked in debug builds.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }

    /// Whether the span holds no byte.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// A person's grammatical gender, for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he
    Male,
    /// she
    Female,
}

/// The `speaker_type` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    /// A named or described person.
    Person,
    /// A party, company, outlet, institution or country.
    Organization,
    /// Unnamed plural sources ("US officials").
    Group,
    /// Not known.
    #[default]
    Unknown,
}

impl SpeakerType {
    /// The column value.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Group => "group",
            SpeakerType::Unknown => "unknown",
        }
    }
}

/// The `kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quoted sentence or more.
    Direct,
    /// A quoted fragment inside a sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl Kind {
    /// The column value.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
        }
    }
}

/// The compiled gazetteer and lexicon: build once, then call
/// [`Extractor::extract`] for each document, from any thread.
pub struct Extractor {
    gazetteer: gazetteer::Gazetteer,
    lexicon: lexicon::Lexicon,
}

/// Everything the pipeline computed for one document, for `explain` and
/// tests.
pub struct Analysis<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalized text and its offset map.
    pub normalized: normalize::Normalized,
    /// Paragraphs and sentences.
    pub segments: segment::Segments,
    /// The quotes found.
    pub quotes: Vec<quotes::Quote>,
    /// The tokens.
    pub tokens: Vec<tokens::Token>,
    /// The mentions.
    pub mentions: Vec<mentions::Mention>,
    /// The cues.
    pub cues: Vec<cues::CueMatch<'a>>,
    /// The frames (a cue and its speaker).
    pub frames: Vec<rules::Frame>,
    /// The rows before output.
    pub attributions: Vec<rules::Attribution>,
}

impl Extractor {
    /// Builds the extractor from the shipped data files and the user's own
    /// gazetteer files, given as `(name, contents)`.
    pub fn shipped(
        extra_gazetteers: &[(String, String)],
    ) -> Result<Extractor, Vec<tsv::DataError>> {
        let lexicon = lexicon::Lexicon::shipped();
        let gazetteer = lexicon::build_gazetteer(extra_gazetteers);
        match (lexicon, gazetteer) {
            (Ok(lexicon), Ok(gazetteer)) => {
                Ok(Extractor { gazetteer, lexicon })
            }
            (l, g) => {
                let mut errors = Vec::new();
                if let Err(e) = l {
                    errors.extend(e);
                }
                if let Err(e) = g {
                    errors.extend(e);
                }
                Err(errors)
            }
        }
    }

    /// [`Extractor::shipped`], with the shipped gazetteer files (people,
    /// organisations, ...) left out when `shipped` is false, so that only
    /// the user's own files name entities; the word lists (cues, titles,
    /// pronouns) are always the shipped ones.
    pub fn with_gazetteers(
        shipped: bool,
        extra_gazetteers: &[(String, String)],
    ) -> Result<Extractor, Vec<tsv::DataError>> {
        if shipped {
            return Extractor::shipped(extra_gazetteers);
        }
        let mut errors = Vec::new();
        let lexicon = lexicon::Lexicon::shipped();
        let mut builder = gazetteer::GazetteerBuilder::new();
        for (name, text) in extra_gazetteers {
            if let Err(e) = builder.add_file(name, text) {
                errors.extend(e);
            }
        }
        match lexicon {
            Ok(lexicon) if errors.is_empty() => {
                Ok(Extractor { gazetteer: builder.build(), lexicon })
            }
            Ok(_) => Err(errors),
            Err(mut e) => {
                e.extend(errors);
                Err(e)
            }
        }
    }

    /// The compiled gazetteer.
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
        let lowered = tokens::lowercase(text, &tokens);
        let mut mentions = Vec::new();
        mentions::find_mentions(
            text,
            &tokens,
            &lowered,
            &self.gazetteer,
            &self.lexicon,
            &mut mentions,
        );
        let questions = question_sentences(text, &segments, &tokens);
        let mut cue_list = Vec::new();
        cues::find_cues(
            text,
            &tokens,
            &lowered,
            &self.lexicon,
            &questions,
            &mut cue_list,
        );
        let (frames, attributions) = rules::attribute(
            text, &segments, &quotes, &tokens, &lowered, &mentions, &cue_list,
        );
        drop(lowered);
        Analysis {
            original,
            normalized,
            segments,
            quotes,
            tokens,
            mentions,
            cues: cue_list,
            frames,
            attributions,
        }
    }

    /// Extracts the rows of one document.
    pub fn extract(&self, doc_id: &str, original: &str) -> Vec<Row> {
        let analysis = self.analyze(original);
        output::rows(self, doc_id, &analysis)
    }

    /// Extracts the rows of one HTML document ([`html`]): the pipeline
    /// runs on its text, and every offset of the rows points into the
    /// HTML source (code points), so that the source between
    /// `quote_start` and `quote_end`, tags removed and entities decoded,
    /// is the quote.
    pub fn extract_html(&self, doc_id: &str, source: &str) -> Vec<Row> {
        let h = html::html_to_text(source);
        let mut rows = self.extract(doc_id, &h.text);
        html_offsets(&h, source, &mut rows);
        rows
    }

    /// Extracts the rows of one document as read: as HTML when it is.
    pub fn extract_document(&self, doc: &input::Document) -> Vec<Row> {
        if doc.html {
            self.extract_html(&doc.id, &doc.text)
        } else {
            self.extract(&doc.id, &doc.text)
        }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &lexicon::Lexicon {
        &self.lexicon
    }
}

/// Maps the rows' code point offsets in `h.text` to code point offsets
/// in the HTML `source`, starts as starts and ends as ends (an entity or
/// a tag maps whole).
fn html_offsets(h: &html::HtmlText, source: &str, rows: &mut [Row]) {
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
    let mut chars = h.text.char_indices().map(|(b, _)| b).enumerate();
    for &cp in &wanted {
        let b = chars
            .by_ref()
            .find(|&(i, _)| i == cp)
            .map_or(h.text.len(), |(_, b)| b);
        byte_of.push(b);
    }
    let byte = |cp: usize| byte_of[wanted.binary_search(&cp).expect("kept")];
    let chars = normalize::CharIndex::new(source);
    let start = |cp: usize| chars.chars_before(h.source_start(byte(cp)));
    let end = |cp: usize| chars.chars_before(h.source_end(byte(cp)));
    for r in rows {
        (r.quote_start, r.quote_end) = (start(r.quote_start), end(r.quote_end));
        r.speaker_start = r.speaker_start.map(start);
        r.speaker_end = r.speaker_end.map(end);
    }
}

/// Sentences that are questions outside quotes: their cues report nothing.
fn question_sentences(
    text: &str,
    segments: &segment::Segments,
    tokens: &[tokens::Token],
) -> Vec<bool> {
    let mut out = vec![false; segments.sentences.len()];
    for (i, s) in segments.sentences.iter().enumerate() {
        let body = text[s.start..s.end].trim_end();
        if body.ends_with('?') {
            // The question mark must not close a quote.
            let last = tokens.partition_point(|t| t.span.end <= s.end);
            let q = last
                .checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_some_and(|t| !t.in_quote && t.text(text) == "?");
            out[i] = q;
        }
    }
    out
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
