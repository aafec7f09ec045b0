//! Carry rules: quotes still without a speaker take one from around them.
//!
//! Input: the quote rows after the frame and fallback rules, the frames
//! and the claims. Output: the same rows, those without a speaker given
//! the speaker of another piece of their multi-paragraph quote
//! ([`continued`]), else the last speaker named in their paragraph
//! ([`same_paragraph`]), else for a paragraph that opens with the quote
//! the last speaker of the previous paragraph ([`previous_paragraph`]).
//! One pass in text order keeps the last speaker of each paragraph.

pub(in crate::rules) mod continued;
pub(in crate::rules) mod previous_paragraph;
pub(in crate::rules) mod same_paragraph;

use std::collections::HashMap;

use super::Said;
use crate::rules::{
    confidence_of, sieve, Attribution, Context, Outcome, Rule,
};
use crate::types::Kind;

/// A quote without a speaker, and the speakers around it.
pub struct CarrySite {
    /// The speaker of another piece of the same multi-paragraph quote.
    pub(super) donor: Option<Said>,
    /// The last speaker named in the quote's paragraph before it.
    pub(super) last_in_paragraph: Option<Said>,
    /// The quote opens its paragraph.
    pub(super) opens_paragraph: bool,
    /// The last speaker of the previous (non-boilerplate) paragraph: its
    /// last attributed quote, else its last claim, else its last frame.
    pub(super) previous: Option<Said>,
}

/// A speaker and a cue.
type Heard = (usize, Option<usize>);

/// The speakers seen so far, by paragraph.
#[derive(Default)]
struct Seen {
    /// The last frame or attributed quote, with its byte.
    last_event: HashMap<usize, (usize, Heard)>,
    /// The last attributed quote.
    last_row_in: HashMap<usize, Heard>,
    /// The last claim with a speaker.
    last_claim_in: HashMap<usize, Heard>,
}

impl Seen {
    /// A speaker heard at byte `at` of paragraph `para`.
    fn note(&mut self, para: usize, at: usize, h: Heard) {
        let e = self.last_event.entry(para).or_insert((at, h));
        if at >= e.0 {
            *e = (at, h);
        }
    }

    /// An attributed quote at byte `at` of paragraph `para`.
    fn note_row(&mut self, para: usize, at: usize, h: Heard) {
        self.note(para, at, h);
        self.last_row_in.insert(para, h);
    }
}

fn said((speaker, cue): Heard) -> Said {
    Said { speaker, cue, via: None, kind: None }
}

impl Context<'_> {
    /// Gives the rows without a speaker one from around them.
    pub(in crate::rules) fn carry_speakers(
        &self,
        rows: &mut [Attribution],
        claim_rows: &[Attribution],
    ) {
        // Multi-paragraph groups share the speaker of an attributed piece.
        let mut donors: HashMap<usize, usize> = HashMap::new();
        for (j, r) in rows.iter().enumerate() {
            if r.speaker.is_some() && r.rule != continued::Continued::ID {
                donors.entry(self.quotes[j].group).or_insert(j);
            }
        }
        for i in 0..rows.len() {
            let Some(&j) = donors.get(&self.quotes[i].group) else { continue };
            if rows[i].speaker.is_some() || rows[i].rule == super::title::Title::ID {
                continue;
            }
            let r = &rows[j];
            let donor = r.speaker.map(|speaker| Said {
                speaker,
                cue: r.cue,
                via: r.via,
                kind: None,
            });
            let site = CarrySite {
                donor,
                last_in_paragraph: None,
                opens_paragraph: false,
                previous: None,
            };
            if let (Outcome::Attribute(s), rule) =
                sieve!(self, &site, [continued::Continued])
            {
                self.set(&mut rows[i], i, s, rule);
            }
        }
        self.carry_in_text_order(rows, claim_rows);
    }

    /// One pass in text order, merging frames and rows: the last speaker
    /// seen in each paragraph so far.
    fn carry_in_text_order(
        &self,
        rows: &mut [Attribution],
        claim_rows: &[Attribution],
    ) {
        let frame_events = self.frame_events();
        let mut seen = Seen::default();
        for r in claim_rows {
            if let Some(s) = r.speaker {
                seen.last_claim_in.insert(r.paragraph, (s, r.cue));
            }
        }
        let mut next_frame = 0;
        // rows[i] and self.quotes[i] go together.
        #[allow(clippy::needless_range_loop)]
        for i in 0..rows.len() {
            let start = rows[i].span.start;
            while next_frame < frame_events.len()
                && frame_events[next_frame].0 < start
            {
                let (at, para, h) = frame_events[next_frame];
                seen.note(para, at, h);
                next_frame += 1;
            }
            let para = rows[i].paragraph;
            if let Some(s) = rows[i].speaker {
                seen.note_row(para, start, (s, rows[i].cue));
                continue;
            }
            if rows[i].kind == Kind::Partial || rows[i].rule == super::title::Title::ID {
                continue;
            }
            let site = self.carry_site(i, para, &seen);
            let (outcome, rule) = sieve!(
                self,
                &site,
                [
                    same_paragraph::SameParagraph,
                    previous_paragraph::PreviousParagraph,
                ]
            );
            if let Outcome::Attribute(s) = outcome {
                self.set(&mut rows[i], i, s, rule);
                seen.note_row(para, start, (s.speaker, s.cue));
            }
        }
    }

    /// Every frame with a speaker, by its first byte: (byte, paragraph,
    /// speaker and cue), in text order.
    fn frame_events(&self) -> Vec<(usize, usize, Heard)> {
        let mut events: Vec<(usize, usize, Heard)> = self
            .frames
            .iter()
            .filter_map(|f| {
                let at = self.tokens[f.first].span.start;
                Some((at, self.paragraph_of(at), (f.speaker?, Some(f.cue))))
            })
            .collect();
        events.sort_by_key(|e| e.0);
        events
    }

    /// The carry site of quote `i` in paragraph `para`.
    fn carry_site(&self, i: usize, para: usize, seen: &Seen) -> CarrySite {
        let previous = self.previous_paragraph(para).and_then(|prev| {
            seen.last_row_in
                .get(&prev)
                .or_else(|| seen.last_claim_in.get(&prev))
                .or_else(|| seen.last_event.get(&prev).map(|(_, h)| h))
                .copied()
        });
        let q = &self.quotes[i];
        let opens_paragraph = q.open_mark.map_or(q.content.start, |m| m.start)
            <= self.segments.paragraphs[para].span.start;
        let previous = previous.map(said).or_else(|| {
            opens_paragraph
                .then(|| self.person_closing_previous_paragraph(i))
                .flatten()
                .map(Said::by)
        });
        CarrySite {
            donor: None,
            last_in_paragraph: seen
                .last_event
                .get(&para)
                .map(|&(_, h)| said(h)),
            opens_paragraph,
            previous,
        }
    }

    /// A paragraph that reports no speech but ends on a sentence naming
    /// one person ("Jane Roe, the mayor, spoke to reporters on Monday.")
    /// introduces the speaker of a quote that makes the next paragraph:
    /// the given-new sequence of `quote/previous-sentence` (Halliday and
    /// Hasan 1976, ch. 2) across the paragraph break, which news prose
    /// uses as often as a sentence break. The sentence must end the
    /// previous paragraph right before the quote, hold no cue and no
    /// quote, and name one person only.
    fn person_closing_previous_paragraph(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let end = open.checked_sub(1)?;
        let para = self.quotes[qi].paragraph;
        let previous = self.previous_paragraph(para)?;
        if !matches!(self.word(end), "." | "!" | "?")
            || self.paragraph_of(self.tokens[end].span.start) != previous
        {
            return None;
        }
        let start = self.sentence_start(end);
        if end - start > crate::rules::context::MAX_LOOKBACK {
            return None;
        }
        self.only_person_named(start, end, true).or_else(|| {
            // "She spoke for twenty minutes.": a personal pronoun as the
            // subject of a sentence that names no one and reports nothing
            // (the pronoun's own antecedent is resolved later).
            let m = self.mention_starting_at(start)?;
            let none_else = (start..end).all(|j| {
                !self.tokens[j].in_quote
                    && self.cue_at[j] == 0
                    && self.mention_ending_at(j).is_none_or(|o| {
                        o == m || !self.person_like_name(o, start)
                    })
            });
            (none_else
                && self.mentions[m].kind == crate::mentions::MentionKind::Pronoun
                && matches!(self.lower(start), "he" | "she"))
                .then_some(m)
        })
    }

    /// The paragraph before `para`, past boilerplate.
    fn previous_paragraph(&self, para: usize) -> Option<usize> {
        let mut prev = para;
        while prev > 0 {
            prev -= 1;
            if !self.segments.paragraphs[prev].boilerplate {
                break;
            }
        }
        (prev != para).then_some(prev)
    }

    /// Gives row `quote` the speaker `s` found by `rule`.
    fn set(
        &self,
        row: &mut Attribution,
        quote: usize,
        s: Said,
        rule: &'static str,
    ) {
        row.speaker = Some(s.speaker);
        row.cue = s.cue;
        row.via = s.via;
        row.rule = rule;
        row.confidence = confidence_of(rule)
            * if self.quotes[quote].repaired { 0.8 } else { 1.0 };
    }
}
