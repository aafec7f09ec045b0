//! Stage 7 of the pipeline: the attribution rules.
//!
//! Input: the quotes, tokens, mentions and cues of one document
//! ([`Document`]). Output: [`Attribution`]s: every quote and every
//! reported claim with the mention that speaks it (if any), its cue, the
//! outlet that reports it (`via`), the id of the rule that decided and a
//! confidence.
//!
//! It works in two steps. First every cue gets a [`Frame`]: the cue and
//! its speaker, found by the frame finders in [`frames`] (a subject to
//! the left, skipping an appositive; an inverted speaker after "...,
//! said"; the agent of a participle; the source of "according to"). Then
//! ordered sieves, most precise rule first, give each frame whose cue is
//! followed (or preceded) by a reported clause a claim ([`claims`]), and
//! each quote the frame next to it ([`quotes`]).
//!
//! Every rule is one file: a unit struct implementing [`Rule`], with a
//! stable id (written to the `rule` column, or to the `frame` column for
//! a frame finder), a description, examples and negative examples. The
//! registry [`RULES`] lists them all; a test runs every example and
//! negative through the whole extractor (Harper's one lint per file,
//! nlprule's examples as tests: research/CODE_ANCHORS.md).

mod claims;
mod clause;
mod clause_end;
mod clause_start;
mod conjuncts;
mod context;
mod frames;
mod quotes;
mod select;
mod words;

pub use context::{Context, Document};
pub use select::{Selection, SelectionError};

use crate::types::{Kind, Span};

/// A sentence a rule attributes: the words expected in the `quote`
/// column and the canonical speaker (empty for none).
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The input text.
    pub text: &'static str,
    /// The quote or claim expected, exactly as in the `quote` column.
    pub quote: &'static str,
    /// The speaker's canonical name (`speaker_name`), empty for none.
    pub speaker: &'static str,
}

/// What a rule decided about the site it looked at.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    /// The rule decides: this is the answer.
    Attribute(T),
    /// The rule recognises the site but declines it: the rules after it
    /// in its group do not look, the fallback rules still may, and `via`
    /// names who reports the words.
    Defer {
        /// The outlet or source reporting the words.
        via: Option<usize>,
    },
    /// Not this rule's case: the next one looks.
    Pass,
}

impl<T> Outcome<T> {
    /// Attributes what was found, else passes.
    pub fn found(x: Option<T>) -> Outcome<T> {
        x.map_or(Outcome::Pass, Outcome::Attribute)
    }

    /// Attributes what was found, else declines the site (no `via`).
    pub fn found_or_defer(x: Option<T>) -> Outcome<T> {
        x.map_or(Outcome::Defer { via: None }, Outcome::Attribute)
    }
}

/// A rule of the sieve.
pub trait Rule {
    /// Stable id, written to the `rule` (or `frame`) column.
    const ID: &'static str;
    /// What the rule matches.
    const DESCRIPTION: &'static str;
    /// Confidence of an attribution made by this rule alone; frame
    /// finders decide no row alone and keep 0.
    const CONFIDENCE: f32 = 0.0;
    /// Sentences it attributes; each is run as a test.
    const EXAMPLES: &'static [Example];
    /// Sentences it must leave alone ("allows"); each is run as a test.
    const NEGATIVES: &'static [&'static str];
    /// What the rule looks at: a cue, a mention, a frame, a quote.
    type Site;
    /// What it finds.
    type Found;
    /// Looks at one site.
    fn apply(cx: &Context<'_>, site: &Self::Site) -> Outcome<Self::Found>;
}

/// A rule's id, description, examples and confidence, for the table,
/// `explain` and tests.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// Stable id, written to the `rule` or `frame` column.
    pub id: &'static str,
    /// What the rule matches.
    pub description: &'static str,
    /// Confidence of an attribution made by this rule alone.
    pub confidence: f32,
    /// Sentences it attributes.
    pub examples: &'static [Example],
    /// Sentences it leaves alone.
    pub negatives: &'static [&'static str],
}

impl RuleInfo {
    /// The entry of rule `R`.
    pub const fn of<R: Rule>() -> RuleInfo {
        RuleInfo {
            id: R::ID,
            description: R::DESCRIPTION,
            confidence: R::CONFIDENCE,
            examples: R::EXAMPLES,
            negatives: R::NEGATIVES,
        }
    }
}

/// Runs the rules `$rule` in order on `$site` (those the selection keeps)
/// and returns the first outcome that is not a pass, with its rule's id.
macro_rules! sieve {
    ($cx:expr, $site:expr, [$($rule:ty),* $(,)?]) => {{
        let mut out = ($crate::rules::Outcome::Pass, "");
        $(
            if matches!(out.0, $crate::rules::Outcome::Pass)
                && $cx.selection.on(<$rule as $crate::rules::Rule>::ID)
            {
                out = (
                    <$rule as $crate::rules::Rule>::apply($cx, $site),
                    <$rule as $crate::rules::Rule>::ID,
                );
            }
        )*
        out
    }};
}
pub(crate) use sieve;

/// Lists every rule once: the registry [`RULES`], and (in tests) one test
/// per rule running its examples and negatives.
macro_rules! registry {
    ($($test:ident: $rule:ty,)*) => {
        /// Every rule: frame finders, then claim rules, then quote rules,
        /// each family in its sieve's order.
        pub const RULES: &[RuleInfo] = &[$(RuleInfo::of::<$rule>()),*];

        #[cfg(test)]
        mod examples {
            use super::*;
            $(
                #[test]
                fn $test() {
                    select::tests::check(&RuleInfo::of::<$rule>());
                }
            )*
        }
    };
}

registry! {
    frame_according_to: frames::according_to::AccordingTo,
    frame_by_agent: frames::by_agent::ByAgent,
    frame_participle_agent: frames::participle_agent::ParticipleAgent,
    frame_speaker_right: frames::speaker_right::SpeakerRight,
    frame_subject_left: frames::subject_left::SubjectLeft,
    frame_coordinated_subject: frames::coordinated_subject::CoordinatedSubject,
    frame_sentence_subject: frames::sentence_subject::SentenceSubject,
    frame_owner_of: frames::owner_of::OwnerOf,
    frame_possessed_role: frames::possessed_role::PossessedRole,
    frame_named_descriptor: frames::named_descriptor::NamedDescriptor,
    claim_according_to: claims::according_to::AccordingTo,
    claim_comment_clause: claims::comment_clause::CommentClause,
    claim_trailing: claims::trailing::Trailing,
    claim_participle: claims::participle::Participle,
    claim_cue_clause: claims::cue_clause::CueClause,
    claim_headline_colon: claims::headline_colon::HeadlineColon,
    claim_noun_clause: claims::noun_clause::NounClause,
    quote_title: quotes::title::Title,
    quote_interrupted: quotes::interrupted::Interrupted,
    quote_before: quotes::before::Before,
    quote_after_cue_speaker: quotes::after::AfterCueSpeaker,
    quote_after_speaker_cue: quotes::after::AfterSpeakerCue,
    quote_in_claim: quotes::in_claim::InClaim,
    quote_colon_name: quotes::colon_name::ColonName,
    quote_colon_sentence: quotes::colon_sentence::ColonSentence,
    quote_dash_byline: quotes::dash_byline::DashByline,
    quote_sentence_cue: quotes::sentence_cue::SentenceCue,
    quote_sentence_subject: quotes::sentence_subject::SentenceSubject,
    quote_previous_sentence: quotes::previous_sentence::PreviousSentence,
    quote_continued: quotes::carry::continued::Continued,
    quote_same_paragraph: quotes::carry::same_paragraph::SameParagraph,
    quote_previous_paragraph: quotes::carry::previous_paragraph::PreviousParagraph,
    quote_unattributed: quotes::Unattributed,
}

/// The confidence of a rule.
pub fn confidence_of(rule: &str) -> f32 {
    RULES.iter().find(|r| r.id == rule).map_or(0.5, |r| r.confidence)
}

/// A rule by id.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// A cue with its speaker.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Index into the cues.
    pub cue: usize,
    /// The speaking mention, if found.
    pub speaker: Option<usize>,
    /// The speaker follows the cue ("said Rogachev").
    pub inverted: bool,
    /// First token of the frame (speaker or cue, whichever comes first).
    pub first: usize,
    /// Last token of the frame.
    pub last: usize,
    /// The outlet or source reporting this frame's words.
    pub via: Option<usize>,
    /// The frame closes its sentence ("..., the officials said.").
    pub trailing: bool,
    /// "as they say": reports nothing.
    pub parenthetical: bool,
    /// The frame finder that found the speaker, then the refinements that
    /// moved it (`frame/subject-left+frame/owner-of`); empty for none.
    pub found_by: std::borrow::Cow<'static, str>,
}

/// One row before output: a quote or claim and its attribution.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// direct, partial or indirect.
    pub kind: Kind,
    /// The words, in the clean text.
    pub span: Span,
    /// The speaking mention.
    pub speaker: Option<usize>,
    /// The names coordinated with the speaker as one subject ("Nick
    /// Adderley and Stephen Mold said"), in text order, without it.
    pub co_speakers: Vec<usize>,
    /// The cue.
    pub cue: Option<usize>,
    /// A headline colon cue ("Kerry: ..."), when there is no cue word.
    pub colon_cue: Option<Span>,
    /// The outlet or source reporting the words.
    pub via: Option<usize>,
    /// The rule that decided.
    pub rule: &'static str,
    /// 0 to 1.
    pub confidence: f32,
    /// 0-based paragraph index.
    pub paragraph: usize,
}

/// Runs the whole sieve over one document, with the rules `selection`
/// keeps.
pub fn attribute(
    doc: &Document<'_>,
    selection: &Selection,
) -> (Vec<Frame>, Vec<Attribution>) {
    let mut cx = Context::new(doc, selection);
    let mut frames: Vec<Frame> =
        (0..doc.cues.len()).map(|c| cx.frame(c)).collect();
    cx.mark_trailing(&mut frames);
    cx.set_frames(frames);
    let mut out = cx.claims();
    out.extend(cx.quote_rows(&out));
    out.sort_by(|a, b| {
        a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end))
    });
    for at in &mut out {
        if let (Some(m), Some(c)) = (at.speaker, at.cue) {
            at.co_speakers = cx.conjuncts(m, cx.cues[c].first_token);
        }
    }
    (cx.frames, out)
}
