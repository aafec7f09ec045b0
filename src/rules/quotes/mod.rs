//! Quote rules: every quote gets a row, and a speaker when a rule finds
//! one.
//!
//! Input: the quotes, frames and claims of the [`Context`]. Output: one
//! [`Attribution`] per quote. A quoted title ([`title`]) is a name and
//! gets no speaker. Three sieves run in this order, the
//! precedence of [`Context::quote_rows`]: the frame rules (a frame right
//! before or after the quote; a [`Outcome::Defer`] ends them), the
//! fallback rules (a claim around the quote, a colon or a dash and a name,
//! the sentence's cue or subject), then the carry rules of [`carry`] (the
//! speaker of another piece, of the paragraph, of the previous one).

mod adjacent;
pub(super) mod after;
pub(super) mod before;
pub(super) mod carry;
pub(super) mod colon_name;
pub(super) mod colon_sentence;
pub(super) mod dash_byline;
pub(super) mod in_claim;
pub(super) mod interrupted;
pub(super) mod previous_sentence;
pub(super) mod sentence_cue;
pub(super) mod sentence_subject;
pub(super) mod title;

use super::claims::according_to::AccordingTo as ClaimAccordingTo;
use super::context::MAX_LOOKBACK;
use super::{
    confidence_of, sieve, Attribution, Context, Example, Outcome, Rule,
};
use crate::quotes::Quote;
use crate::types::Kind;

/// A quote as the quote rules see it.
pub struct QuoteSite {
    /// Index of the quote.
    pub(super) qi: usize,
    /// Direct or partial.
    pub(super) kind: Kind,
    /// The frame right before the opening mark.
    pub(super) before: Option<usize>,
    /// The frame right after the closing mark.
    pub(super) after: Option<usize>,
    /// The second piece of a quote interrupted by `before`.
    pub(super) interrupted: bool,
    /// The innermost claim with a speaker around the quote (not an
    /// "according to" one): its speaker, cue and via.
    pub(super) in_claim: Option<Said>,
    /// The "according to" claim around the quote: its source and cue.
    pub(super) reported_by: Option<Said>,
}

impl QuoteSite {
    /// A fragment inside a reported claim is part of it, whatever verb
    /// stands next to it ("says Russia has proposed 'military' talks"):
    /// the frame rules leave it to `quote/in-claim`.
    fn fragment_in_claim(&self) -> bool {
        self.kind == Kind::Partial && self.in_claim.is_some()
    }
}

/// Who said a quote, as a quote rule found it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Said {
    /// The speaking mention.
    pub(super) speaker: usize,
    /// The cue.
    pub(super) cue: Option<usize>,
    /// The outlet or source reporting the words.
    pub(super) via: Option<usize>,
    /// A kind the rule corrects.
    pub(super) kind: Option<Kind>,
}

/// The innermost claim with a speaker among `containing` (not an
/// "according to" one), and the source of an "according to" claim among
/// them: "according to X" reports a sentence whose fragment was said by
/// the sentence's subject ("Pelosi called it a \"breach,\" according to
/// NBC"): the outlet is only `via`.
fn claims_around(
    containing: &[&Attribution],
) -> (Option<Said>, Option<Said>) {
    let in_claim = containing
        .iter()
        .rev()
        .find(|c| c.speaker.is_some() && c.rule != ClaimAccordingTo::ID)
        .map(|c| Said {
            speaker: c.speaker.expect("filtered"),
            cue: c.cue,
            via: c.via,
            kind: None,
        });
    let reported_by = containing
        .iter()
        .rev()
        .find(|c| c.rule == ClaimAccordingTo::ID)
        .and_then(|c| {
            Some(Said { speaker: c.speaker?, cue: c.cue, via: None, kind: None })
        });
    (in_claim, reported_by)
}

impl Said {
    /// Said by `speaker`, with no cue and no outlet (a colon, a dash, a
    /// sentence's subject).
    pub(super) fn by(speaker: usize) -> Said {
        Said { speaker, cue: None, via: None, kind: None }
    }
}

/// `quote/unattributed`: the row of a quote no rule attributes.
pub struct Unattributed;

impl Rule for Unattributed {
    const ID: &'static str = "quote/unattributed";
    const DESCRIPTION: &'static str =
        "A quote no rule could attribute (scare quotes, titles): still a \
         row, with empty speaker columns.";
    const CONFIDENCE: f32 = 0.5;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Officials issued \u{201C}stern\u{201D} warnings.",
        quote: "stern",
        speaker: "",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["\"We are polite people,\" Sergey Lavrov told reporters."];
    type Site = ();
    type Found = ();

    /// Decides nothing: it is the row every quote starts as.
    fn apply(_: &Context<'_>, _: &()) -> Outcome<()> {
        Outcome::Pass
    }
}

impl Context<'_> {
    /// Attributes every quote.
    pub(super) fn quote_rows(
        &self,
        claims: &[Attribution],
    ) -> Vec<Attribution> {
        let mut rows: Vec<Attribution> = Vec::with_capacity(self.quotes.len());
        let mut after_frame: Vec<Option<usize>> =
            vec![None; self.quotes.len()];
        // Claims by start, to find the ones around a quote by bisection;
        // a quote sits in one of the few claims starting just before it.
        let mut by_start: Vec<&Attribution> = claims.iter().collect();
        by_start.sort_by_key(|c| c.span.start);
        let around = |q: &Quote| {
            let upto =
                by_start.partition_point(|c| c.span.start <= q.content.start);
            by_start[..upto]
                .iter()
                .rev()
                .take(MAX_LOOKBACK)
                .filter(move |c| q.content.end <= c.span.end)
                .copied()
                .collect::<Vec<_>>()
        };
        for (qi, q) in self.quotes.iter().enumerate() {
            let (before, after) =
                (self.frame_before(qi), self.frame_after(qi));
            after_frame[qi] = after;
            let (in_claim, reported_by) = claims_around(&around(q));
            let interrupted = before.is_some()
                && qi > 0
                && after_frame[qi - 1] == before
                && self.quotes[qi - 1].paragraph == q.paragraph;
            let site = QuoteSite {
                qi,
                kind: self.quote_kind(qi),
                before,
                after,
                interrupted,
                in_claim,
                reported_by,
            };
            rows.push(self.quote_row(&site, reported_by.map(|s| s.speaker)));
        }
        self.carry_speakers(&mut rows, claims);
        rows
    }

    /// The row of one quote: the frame rules, then the fallback rules.
    fn quote_row(
        &self,
        site: &QuoteSite,
        reported_by: Option<usize>,
    ) -> Attribution {
        let q = &self.quotes[site.qi];
        let mut row = Attribution {
            co_speakers: Vec::new(),
            kind: site.kind,
            span: q.content,
            speaker: None,
            cue: None,
            colon_cue: None,
            via: None,
            rule: Unattributed::ID,
            confidence: confidence_of(Unattributed::ID),
            paragraph: q.paragraph,
        };
        // A title is a name: no rule gives it a speaker.
        if self.selection.on(title::Title::ID)
            && matches!(title::Title::apply(self, site), Outcome::Attribute(()))
        {
            row.rule = title::Title::ID;
            row.confidence = confidence_of(title::Title::ID);
            return row;
        }
        let (decided, deferred_via) = self.decide(site);
        if let Some((said, rule)) = decided {
            row.speaker = Some(said.speaker);
            row.cue = said.cue;
            row.via = said.via;
            row.rule = rule;
            row.confidence = confidence_of(rule);
            row.kind = said.kind.unwrap_or(row.kind);
        }
        if row.via.is_none() {
            row.via = deferred_via.or(reported_by);
        }
        if q.repaired {
            row.confidence *= 0.8;
        }
        row
    }

    /// The frame rules, then (if none attributed) the fallback rules:
    /// what they found and the rule, and the `via` of a rule that
    /// declined the quote.
    fn decide(
        &self,
        site: &QuoteSite,
    ) -> (Option<(Said, &'static str)>, Option<usize>) {
        let (outcome, rule) = sieve!(
            self,
            site,
            [
                interrupted::Interrupted,
                before::Before,
                after::AfterCueSpeaker,
                after::AfterSpeakerCue,
            ]
        );
        let deferred_via = match outcome {
            Outcome::Attribute(said) => return (Some((said, rule)), None),
            Outcome::Defer { via } => via,
            Outcome::Pass => None,
        };
        let (outcome, rule) = sieve!(
            self,
            site,
            [
                in_claim::InClaim,
                colon_name::ColonName,
                colon_sentence::ColonSentence,
                dash_byline::DashByline,
                sentence_cue::SentenceCue,
                sentence_subject::SentenceSubject,
                previous_sentence::PreviousSentence,
            ]
        );
        match outcome {
            Outcome::Attribute(said) => (Some((said, rule)), deferred_via),
            _ => (None, deferred_via),
        }
    }

    /// Whether mention `m`, in a sentence starting at token `start`, is
    /// a name that may be a person's: typed a person, or a name not typed
    /// yet (a surname alone: "and Moss has not reopened", "Reed's reply")
    /// that is not the sentence's first word, where any noun is
    /// capitalised, unless a possessive follows it.
    pub(super) fn person_like_name(&self, m: usize, start: usize) -> bool {
        use crate::mentions::MentionKind;
        use crate::types::SpeakerType;
        let mm = &self.mentions[m];
        let possessive = mm.last_token + 1 < self.tokens.len()
            && matches!(self.word(mm.last_token + 1), "'s" | "\u{2019}s");
        mm.kind == MentionKind::Name
            && (mm.speaker_type == SpeakerType::Person
                || mm.speaker_type == SpeakerType::Unknown
                    && (mm.first_token > start || possessive))
    }

    /// The one person named (once or more, by the same words) among the
    /// tokens `[start, end)`, by [`Self::person_like_name`]; none when two
    /// people are named, or a quote mark or, with `stop_at_cue`, a cue
    /// word lies in the range. Shared by `quote/colon-sentence` and
    /// `quote/previous-sentence`.
    pub(super) fn only_person_named(
        &self,
        start: usize,
        end: usize,
        stop_at_cue: bool,
    ) -> Option<usize> {
        let words = |m: usize| {
            let span = self.mentions[m].span;
            &self.text[span.start..span.end]
        };
        let mut person: Option<usize> = None;
        for j in start..end {
            if self.tokens[j].in_quote || stop_at_cue && self.cue_at[j] != 0 {
                return None;
            }
            let Some(m) = self.mention_ending_at(j) else { continue };
            if !self.person_like_name(m, start) || self.mentions[m].first_token < start {
                continue;
            }
            match person {
                Some(p) if words(p) != words(m) => return None,
                _ => person = Some(m),
            }
        }
        person
    }

    /// The opening mark of a partial quote, and where the rules look back
    /// from it in its sentence (at most [`MAX_LOOKBACK`] tokens).
    pub(super) fn fragment_opening(
        &self,
        site: &QuoteSite,
    ) -> Option<(usize, usize)> {
        if site.kind != Kind::Partial {
            return None;
        }
        let open = self.quote_tokens[site.qi].0?;
        let start =
            self.sentence_start(open).max(open.saturating_sub(MAX_LOOKBACK));
        Some((open, start))
    }

    /// What frame `fi` says of a quote next to it: its speaker, reported
    /// by `via` or by the frame's own outlet; a frame with no speaker
    /// ends the frame rules.
    pub(super) fn said_by_frame(
        &self,
        fi: usize,
        via: Option<usize>,
    ) -> Outcome<Said> {
        let f = &self.frames[fi];
        match f.speaker {
            Some(speaker) => Outcome::Attribute(Said {
                speaker,
                cue: Some(f.cue),
                via: via.or(f.via),
                kind: None,
            }),
            None => Outcome::Defer { via: None },
        }
    }
}
