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
pub mod chunk;
pub mod cli;
pub mod corpus;
pub mod cues;
pub mod eval;
pub mod explain;
pub mod gather;
pub mod gazetteer;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod segment;
pub mod shell;
pub mod speakers;
pub mod tagger;
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
    /// One part-of-speech tag per token.
    pub tags: Vec<tagger::PosTag>,
    /// The noun-phrase chunks of the tokens.
    pub chunks: chunk::Chunks,
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
        let mut tags = Vec::new();
        tagger::Tagger::shipped().tag_tokens(text, &tokens, &mut tags);
        let chunks = chunk::Chunks::new(&tokens, &tags, &lowered);
        let mut mentions = Vec::new();
        mentions::find_mentions(
            text,
            &tokens,
            &lowered,
            &chunks,
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
            tags,
            chunks,
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

    /// The lexicon.
    pub fn lexicon(&self) -> &lexicon::Lexicon {
        &self.lexicon
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
