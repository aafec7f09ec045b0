//! Closing attributions: frames that end their sentence.
//!
//! Input: the frames of a document. Output: the same frames, those that
//! close their sentence ("..., the officials said.") marked `trailing`,
//! and the frames inside such a sentence given its speaker as `via`.

use crate::rules::context::MAX_LOOKBACK;
use crate::rules::words::is_time_word;
use crate::rules::{Context, Frame};

impl Context<'_> {
    /// Marks frames that close their sentence ("..., the officials
    /// said."), and gives each frame inside such a sentence the closing
    /// frame's speaker as `via` ("US officials believe ..., said WND").
    pub(in crate::rules) fn mark_trailing(&self, frames: &mut [Frame]) {
        for i in 0..frames.len() {
            let f = frames[i].clone();
            let cue = &self.cues[f.cue];
            if cue.participle {
                continue;
            }
            // A closing attribution names its speaker ("..., Cherono,
            // posted a time" closes nothing).
            if f.speaker.is_none() {
                continue;
            }
            let Some(before) = f.first.checked_sub(1) else { continue };
            if !self.same_sentence(before, f.first) {
                continue;
            }
            // "according to" needs no comma before it ("reached 7%
            // according to the statistics office"): a word, or a percent sign
            // closing a figure, ends the clause it reports.
            let opens_after = self.word(before) == ","
                || self.is_quote_mark(before)
                || cue.according_to
                    && (self.tokens[before].word || self.word(before) == "%");
            let mut last = self.past_appositive(f.last);
            // "..., John Doe told reporters.": a cue that takes an
            // addressee closes the sentence over its indirect object
            // (Quirk et al. 1985, §16.55: "tell" with an indirect object).
            if cue.info.addressee && !f.inverted {
                // The chunker may have grouped a verb read as VBN with
                // the noun after it ("told/VBN reporters"): a mention
                // starting there is the object too.
                let object_end = self
                    .chunks
                    .phrase_starting_at(last + 1)
                    .map(|c| c.last)
                    .or_else(|| self.mention_starting_at(last + 1).map(|m| self.mentions[m].last_token));
                if let Some(e) = object_end.filter(|&e| self.same_sentence(e, last)) {
                    last = e;
                }
            }
            if !opens_after || !self.ends_sentence_after(last) {
                continue;
            }
            frames[i].trailing = true;
            let (start, via) = (self.sentence_start(f.first), f.speaker);
            // Frames are in text order: the ones inside this sentence are
            // the few right before this one.
            for g in frames[..i].iter_mut().rev().take(MAX_LOOKBACK) {
                if self.cues[g.cue].first_token < start {
                    break;
                }
                if g.first >= start && g.speaker.is_some() && g.via.is_none() {
                    g.via = via;
                }
            }
        }
    }

    /// The last token of a noun phrase in apposition after the speaker
    /// ending at `last` (", said Tom Reyes, a company spokesman.", ", said
    /// Schumer, a New York Democrat."), past a bracketed note after the
    /// name (", said Sen. Chuck Schumer (D-N.Y.)."): a supplement of the
    /// speaker, not a clause after the attribution (Huddleston & Pullum
    /// 2002, ch. 15 §5 on supplementary appositives); else `last`.
    fn past_appositive(&self, mut last: usize) -> usize {
        let n = self.tokens.len();
        if last + 1 < n && self.word(last + 1) == "(" {
            let close = (last + 2..(last + 10).min(n))
                .take_while(|&j| self.same_sentence(j, last))
                .find(|&j| self.word(j) == ")");
            if let Some(c) = close {
                last = c;
            }
        }
        let next = last + 2;
        if next >= n || self.word(last + 1) != "," || !self.same_sentence(next, last) {
            return last;
        }
        // A description, or a noun phrase the mention stage has no
        // source noun for ("a New York Democrat"): the chunk, opened by a
        // determiner.
        let end = self
            .mention_starting_at(next)
            .filter(|&m| self.mentions[m].kind == crate::mentions::MentionKind::Descriptor)
            .map(|m| self.mentions[m].last_token)
            .or_else(|| {
                self.chunks
                    .phrase_starting_at(next)
                    .filter(|c| self.tags[next].xpos == crate::tagger::Xpos::Dt && c.last > next)
                    .map(|c| c.last)
            });
        let Some(end) = end else { return last };
        // The appositive's closing comma before a closing phrase (",
        // said Schumer, a New York Democrat, in a statement.").
        if end + 2 < n
            && self.word(end + 1) == ","
            && self.same_sentence(end + 2, end)
            && opens_closing_phrase(self.lower(end + 2))
        {
            return end + 1;
        }
        end
    }

    /// Whether only adverbials or a closing phrase ("in a statement", "on
    /// Twitter") follow token `k` in its sentence.
    pub(in crate::rules) fn ends_sentence_after(&self, k: usize) -> bool {
        let mut j = k + 1;
        let mut words = 0;
        while j < self.tokens.len() && self.same_sentence(j, k) {
            let t = &self.tokens[j];
            if t.word {
                // What may follow a closing attribution is a phrase of
                // place, time or medium ("in a statement", "on Monday",
                // "yesterday"), never a clause ("said it would appeal").
                if words == 0 {
                    let adverbial = opens_closing_phrase(self.lower(j));
                    if !adverbial {
                        return false;
                    }
                }
                words += 1;
                if words > 6 {
                    return false;
                }
            } else if self.is_quote_mark(j) && !t.in_quote {
                // A quote opening after the frame: not trailing.
                if self.quote_opening_at(j).is_some() {
                    return false;
                }
            } else if self.word(j) == "," && words == 0 {
                return false;
            }
            j += 1;
        }
        true
    }
}

/// Whether a closing attribution may be followed by a phrase opening with
/// `w`: a phrase of place, time or medium ("in a statement", "on Monday",
/// "yesterday"), never a clause ("said it would appeal").
fn opens_closing_phrase(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "via"
            | "during"
            | "after"
            | "before"
            | "to"
            | "through"
            | "from"
            | "when"
            | "while"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "per"
            | "with"
            | "by"
            | "of"
            | "who"
            | "and"
    ) || crate::lexicon::is(crate::lexicon::Class::Adverbials, w)
        || crate::lexicon::is(crate::lexicon::Class::Days, w)
        || is_time_word(w)
        || w.ends_with("ly")
}
