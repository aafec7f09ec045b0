//! The types every stage shares: byte spans, gender, the speaker type and
//! the row kind.
//!
//! Input: none. Output: plain types. The lowest module of the crate: it
//! imports nothing of it, so that the stages depend on it and not on the
//! facade in `lib.rs` (which re-exports these).

use serde::Serialize;

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
    /// A document ("the report", "a statement"): the speaker's name is
    /// its author when the article names one.
    Document,
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
            SpeakerType::Document => "document",
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

impl std::fmt::Display for SpeakerType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
