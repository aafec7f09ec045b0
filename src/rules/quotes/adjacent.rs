//! The frames next to a quote, and the quote's kind.
//!
//! Input: a quote of the [`Context`]. Output: the frame right after its
//! closing mark (`"...," Lavrov told reporters`), the frame right before
//! its opening mark (`Kerry said: "...`), whether the quote is the object
//! of the verb before it, and whether it is direct or partial.

use crate::rules::{Context, Frame};
use crate::tagger::Xpos;
use crate::types::Kind;

impl Context<'_> {
    /// The frame right after quote `qi`'s closing mark: `"...," Lavrov
    /// told reporters` or `"...," said Rogachev`. It must be in the quote's
    /// paragraph, glued to the quote (only words of the speaker's name and
    /// title between), and must not be the lead-in of the next quote (`"A."
    /// Sophie Obadia told reporters "B."`).
    pub(in crate::rules) fn frame_after(&self, qi: usize) -> Option<usize> {
        let close = self.quote_tokens[qi].1?;
        let mut k = close + 1;
        while k < self.tokens.len()
            && matches!(self.word(k), "," | "\u{2014}" | "-" | "\u{2013}")
        {
            k += 1;
        }
        let after_question = self.opens_sentence_after_question(qi, close, k);
        if k >= self.tokens.len()
            || self.tokens[k].in_quote
            || !self.same_sentence(close, k) && !after_question
            || self.paragraph_of(self.tokens[k].span.start)
                != self.quotes[qi].paragraph
        {
            return None;
        }
        let last = (k + 8).min(self.tokens.len() - 1);
        let fi = (k..=last).find_map(|j| {
            let fi = (self.frame_first_at[j] as usize).checked_sub(1)?;
            let f = &self.frames[fi];
            let cue = &self.cues[f.cue];
            // `"...," Roe was quoted as saying`: the participle after
            // "quoted as" reports the words of the passive's subject, the
            // one quoted (the complex-transitive "quote X as saying",
            // whose passive keeps X as subject: Quirk et al. 1985, ch. 16,
            // on complex-transitive complementation), glued to the quote
            // when that subject opens the words after it.
            let quoted_as = cue.participle
                && cue.first_token >= k + 3
                && self.lower(cue.first_token - 1) == "as"
                && self.lower(cue.first_token - 2) == "quoted"
                && f.speaker.is_some_and(|s| {
                    let m = &self.mentions[s];
                    m.first_token == k
                        && (m.last_token + 1..cue.first_token)
                            .all(|j| self.tokens[j].word)
                        && cue.first_token - m.last_token <= 5
                });
            if quoted_as {
                return Some(fi);
            }
            // `"Is this the America we want?" Roe asked the crowd.`: the
            // addressee of a verb that takes one (ask, tell) is part of
            // the short sentence (Quirk et al. 1985, §16.55: the indirect
            // object).
            let mut frame_last = f.last;
            if cue.info.addressee {
                if let Some(c) = self.chunks.base_at(f.last + 1).filter(|c| c.first == f.last + 1) {
                    frame_last = c.last;
                }
            }
            if f.first < k
                || cue.participle
                || !self.same_sentence(f.first, k)
                || after_question && !self.ends_sentence_after(frame_last)
            {
                return None;
            }
            // `"unprecedented", while ALDI called it "unexpected"`: a
            // conjunction after the quote opens a clause of its own,
            // whose verb does not report the quote (Quirk et al. 1985,
            // §13.2 on coordination and §14.12 on subordinators).
            let conjunction =
                f.first > k && matches!(self.tags[k].xpos, Xpos::Cc | Xpos::In);
            let glued = f.first <= k + 1 && !conjunction
                || (f.first <= k + 8
                    && f.speaker.is_some()
                    && cue.first_token <= k + 12
                    && (k..f.first).all(|j| {
                        self.tokens[j].word
                            && (self.tokens[j].cap
                                || matches!(
                                    self.lower(j),
                                    "of" | "for" | "the"
                                ))
                    }));
            // `"...," City College law professor Ann Lee said`: the name's
            // premodifiers, capitalised or not, make one noun phrase with
            // it (a base phrase of the chunker; Huddleston and Pullum
            // 2002, ch. 5, §14.3 on nouns premodifying a proper name).
            let premodified = f.speaker.is_some()
                && f.first <= k + 8
                && self.chunks.base_at(k).is_some_and(|c| {
                    c.first == k && (c.first..=c.last).contains(&f.first)
                });
            // `"...," the witness, Paul Grant, said`: a description and a
            // comma before the name.
            // `"...," the company's chief executive, Jane Roe, said`: the
            // description may be a whole base phrase with a possessor
            // (Quirk et al. 1985, §17.65 on appositives; §17.38 on the
            // genitive as determiner).
            let appositive = f.speaker.is_some()
                && self.description_ends(k)
                    .any(|d| d + 2 == f.first && self.word(d + 1) == ",");
            // `"...," retired fire chief Jane Roe said`: an -ed or
            // adjective premodifier of the role that the tagger read as a
            // verb leaves no base phrase; lower-case premodifiers right
            // before a name's role are still its noun phrase (Huddleston
            // and Pullum 2002, ch. 5, §14.3). Only before a role: without
            // one, "... had Jane Roe" is a clause.
            let before_role = f.speaker.is_some_and(|s| {
                let m = &self.mentions[s];
                m.role.is_some() && m.first_token == f.first
            }) && f.first <= k + 3
                && (k..f.first).all(|j| {
                    self.tokens[j].word
                        && (self.tags[j].xpos.is_adjective()
                            || self.tags[j].xpos.is_noun()
                            || matches!(self.tags[j].xpos, Xpos::Vbn | Xpos::Vbd))
                });
            (glued || premodified || appositive || before_role).then_some(fi)
        })?;
        let ends_sentence = self.text
            [self.quotes[qi].content.start..self.quotes[qi].content.end]
            .ends_with(['.', '?', '!']);
        if ends_sentence && self.leads_into_quote(&self.frames[fi]) {
            return None;
        }
        Some(fi)
    }

    /// Where a description starting at token `k` may end: the mention
    /// there, the base phrase there, and past a possessor the mention it
    /// determines ("the company's chief executive").
    fn description_ends(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let m = self.mention_starting_at(k).map(|d| self.mentions[d].last_token);
        let possessed = m
            .filter(|&e| matches!(self.word((e + 1).min(self.tokens.len() - 1)), "'s" | "\u{2019}s"))
            .and_then(|e| self.mention_starting_at(e + 2))
            .map(|d| self.mentions[d].last_token);
        let chunk = self.chunks.base_at(k).filter(|c| c.first == k).map(|c| c.last);
        m.into_iter().chain(possessed).chain(chunk)
    }

    /// `"Why?" Jane Smith asked.`: a question or exclamation mark before
    /// the closing mark ends the segmenter's sentence when a capital
    /// follows, but the short sentence after it (a speaker and a cue,
    /// checked by the caller) still attributes the quote, as "she asked"
    /// does in the same sentence.
    fn opens_sentence_after_question(
        &self,
        qi: usize,
        close: usize,
        k: usize,
    ) -> bool {
        let content = self.quotes[qi].content;
        k < self.tokens.len()
            && !self.same_sentence(close, k)
            && self.sentence_start(k) == k
            && self.text[content.start..content.end]
                .trim_end()
                .ends_with(['?', '!'])
    }

    /// Whether a quote opens within a few words after frame `f`: the frame
    /// introduces that quote.
    pub(in crate::rules) fn leads_into_quote(&self, f: &Frame) -> bool {
        let mut j = f.last + 1;
        let mut words = 0;
        while j < self.tokens.len() && self.same_sentence(j, f.last) {
            if self.quote_opening_at(j).is_some() {
                return true;
            }
            if self.tokens[j].word {
                words += 1;
                if words > 6 {
                    return false;
                }
            } else if !matches!(self.word(j), "," | ":") {
                return false;
            }
            j += 1;
        }
        false
    }

    /// The frame right before quote `qi`'s opening mark: `Kerry said: "`,
    /// `he said, "`, `told reporters "`.
    pub(in crate::rules) fn frame_before(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let mut k = open;
        let mut gap_words = 0;
        while k > 0 {
            let p = k - 1;
            if self.tokens[p].in_quote {
                break;
            }
            // `commented on it — which the paper called unusual — "...`:
            // a parenthetical between dashes or brackets is a supplement,
            // outside the clause it interrupts (Huddleston and Pullum
            // 2002, ch. 15, §5); its cue does not lead into the quote.
            if let Some(o) = self.parenthetical_opener(p) {
                k = o;
                continue;
            }
            if self.cue_at[p] != 0 || self.mention_ending[p] != 0 {
                // Found the end of something: a frame ending here?
                if let Some(fi) =
                    (self.frame_last_at[p] as usize).checked_sub(1)
                {
                    return Some(fi);
                }
            }
            if self.tokens[p].word {
                // "warned that X \"...\"": a clause, not a lead-in.
                if self.lower(p) == "that" {
                    return None;
                }
                gap_words += 1;
                // "said in a statement:" / "told the BBC after the verdict".
                if gap_words > 6 {
                    return None;
                }
            } else if !matches!(self.word(p), ":" | "," | "\u{2014}" | "-") {
                return None;
            }
            k = p;
        }
        None
    }

    /// The opening dash or bracket of the parenthetical that token `p`
    /// closes, in its sentence and within a few words, outside quotes.
    fn parenthetical_opener(&self, p: usize) -> Option<usize> {
        let open = match self.word(p) {
            ")" => "(",
            "\u{2014}" | "\u{2013}" => self.word(p),
            _ => return None,
        };
        (p.saturating_sub(20)..p).rev().find(|&j| {
            self.word(j) == open
        }).filter(|&j| {
            self.same_sentence(j, p)
                && (j + 1..p).all(|i| !self.tokens[i].in_quote)
        })
    }

    /// Whether the quote is the object of the verb before it (`said
    /// "..."`, `said: "..."`): then it wins over an attribution after it,
    /// which only reports the words (`The sources said "...," WND
    /// reported`).
    pub(in crate::rules) fn before_is_object(&self, qi: usize) -> bool {
        let Some(open) = self.quote_tokens[qi].0 else { return false };
        open > 0
            && !matches!(self.word(open - 1), ",")
            && self.quote_kind(qi) == Kind::Direct
            && self.cue_at[open - 1] != 0
            || open > 0 && self.word(open - 1) == ":"
    }

    /// Direct (a quoted sentence or more) or partial (a fragment inside a
    /// sentence). A quote is partial when a word other than a cue runs
    /// into its opening mark and its words start in lower case, or when
    /// it is short and ends with no punctuation mid-sentence.
    pub(in crate::rules) fn quote_kind(&self, qi: usize) -> Kind {
        let q = &self.quotes[qi];
        let content = &self.text[q.content.start..q.content.end];
        let Some(open) = self.quote_tokens[qi].0 else { return Kind::Direct };
        let first_char = content.chars().next().unwrap_or(' ');
        let prev = (0..open).rev().find(|&j| !self.tokens[j].in_quote);
        let Some(p) = prev else { return Kind::Direct };
        if !self.same_sentence(p, open)
            && self.tokens[p].sentence + 1 < self.tokens[open].sentence
        {
            return Kind::Direct;
        }
        let pw = self.word(p);
        if matches!(pw, ":" | "." | "?" | "!") {
            return Kind::Direct;
        }
        if self.paragraph_of(self.tokens[p].span.start) != q.paragraph {
            return Kind::Direct;
        }
        let ends_sentence = content.ends_with(['.', '?', '!', ','])
            || content.ends_with("...");
        if pw == "," {
            return if first_char.is_uppercase() || ends_sentence {
                Kind::Direct
            } else {
                Kind::Partial
            };
        }
        if self.tokens[p].word {
            // `said "We ..."`, `said on Friday "We ..."`: a capitalised
            // quote after a cue and a few adverbial words is direct.
            let cue_near = (p.saturating_sub(4)..=p)
                .any(|j| self.cue_at[j] != 0 && self.same_sentence(j, open));
            if cue_near && first_char.is_uppercase() {
                return Kind::Direct;
            }
            return Kind::Partial;
        }
        Kind::Direct
    }
}
