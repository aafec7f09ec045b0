//! `frame/speaker-right`: an inverted speaker after the cue.
//!
//! Input: a cue that allows inversion, after a comma or a quote mark.
//! Output: the mention right after it ("..., said Rogachev"), when the
//! mention ends the attribution.

use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::tagger::Xpos;

/// "\"If we have these grounds,\" said Ilya Rogachev."
pub struct SpeakerRight;

impl Rule for SpeakerRight {
    const ID: &'static str = "frame/speaker-right";
    const DESCRIPTION: &'static str =
        "An inverted speaker right after a cue that follows a comma or a \
         quote (\"..., said Rogachev\").";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"If we have these grounds,\" said Ilya Rogachev.",
        quote: "If we have these grounds,",
        speaker: "Ilya Rogachev",
    }];
    // The name is inside the reported clause, not an inverted speaker.
    const NEGATIVES: &'static [&'static str] =
        &["The minister said Gazprom can't supply the new pipeline."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        let cue = &cx.cues[c];
        let before = cue.first_token.checked_sub(1);
        let after_comma_or_quote = before.is_none_or(|b| {
            !cx.same_sentence(b, cue.first_token)
                || cx.word(b) == ","
                || cx.is_quote_mark(b)
        });
        if !after_comma_or_quote || !cue.info.inversion {
            return Outcome::Pass;
        }
        // `..., said Rogachev.`: the inverted speaker ends its clause; in
        // `..., said the new EastMed supply can't` the name is inside the
        // reported clause.
        // The postposed subject is a full noun phrase, as the complement
        // of "according to" is: "said the company's chief executive, Jane
        // Roe" speaks as the role the possessor owns and the name in
        // apposition to it (Quirk et al. 1985, §17.65 on appositives).
        cx.speaker_right(cue.last_token, 3)
            .map(|m| cx.refine::<super::possessed_role::PossessedRole>(m))
            .filter(|&m| cx.ends_inverted_speaker(m))
            .map_or(Outcome::Pass, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// The speaker after an inverted cue ("said Rogachev", "according to
    /// WND"): a mention starting within `window` tokens.
    pub(super) fn speaker_right(
        &self,
        c: usize,
        window: usize,
    ) -> Option<usize> {
        // "said retired county fire chief Jane Roe": the premodifiers of
        // the name's noun phrase (participles, adjectives, nouns: Quirk et
        // al. 1985, §17.98-17.108) do not count against the window; the
        // chunker's base phrase opened right after the cue holds them.
        let mut end = c + 1 + window;
        if let Some(p) = self.chunks.base_at(c + 1).filter(|p| p.first == c + 1)
        {
            end = end.max(p.last + 2);
        }
        for k in c + 1..end.min(self.tokens.len()) {
            if !self.same_sentence(k, c) || self.tokens[k].in_quote {
                return None;
            }
            if let Some(m) = self.mention_starting_at(k) {
                let m = self.head_name(m);
                if self.mentions[m].kind == MentionKind::Pronoun
                    && self.lower(k) != "he"
                    && self.lower(k) != "she"
                {
                    return None;
                }
                return Some(
                    self.refine::<super::named_descriptor::NamedDescriptor>(m),
                );
            }
            // "said on TV, ...": the noun phrase after a preposition is
            // its complement, never the postposed subject (Huddleston
            // and Pullum 2002, ch. 7, §2; subject-verb inversion puts
            // the subject right after the verb, ch. 16, §5.1).
            if !self.tokens[k].word
                || matches!(self.tags[k].xpos, Xpos::In | Xpos::To)
            {
                return None;
            }
        }
        None
    }

    /// "Acme Corp. chief executive Jane Roe", "NASA scientist Ann Lee": a
    /// name that premodifies a role noun and the person's name after it is
    /// a modifier of that phrase, whose head is the person (Quirk et al.
    /// 1985, §17.108 on noun premodifiers; Huddleston and Pullum 2002,
    /// ch. 5, §14.3). The person's mention, whose role starts right after
    /// name `m` (past an abbreviation's full stop), speaks.
    fn head_name(&self, m: usize) -> usize {
        let d = &self.mentions[m];
        if d.kind != MentionKind::Name {
            return m;
        }
        let n = self.tokens.len();
        let mut next = d.last_token + 1;
        if next + 1 < n
            && self.word(next) == "."
            && self.same_sentence(next + 1, d.last_token)
        {
            next += 1;
        }
        if next >= n || !self.same_sentence(next, d.last_token) {
            return m;
        }
        match self.mention_starting_at(next) {
            Some(h)
                if h != m
                    && self.mentions[h].kind == MentionKind::Name
                    && self.mentions[h].role.is_some()
                    && self.mentions[h].first_token == next =>
            {
                h
            }
            _ => m,
        }
    }

    /// Whether what follows mention `m` closes an inverted attribution:
    /// punctuation, the sentence's end, or a phrase that adds to the
    /// speaker ("who", "of", "on Twitter", "in a statement").
    fn ends_inverted_speaker(&self, m: usize) -> bool {
        let last = self.mentions[m].last_token;
        let Some(next) = self.tokens.get(last + 1) else { return true };
        if !self.same_sentence(last, last + 1) || !next.word {
            return true;
        }
        // "said Carl Mint per CBS News": any prepositional phrase after
        // the name is an adjunct of the attribution (H&P 2002, ch. 7).
        if self.tags[last + 1].xpos == Xpos::In {
            return true;
        }
        matches!(
            self.lower(last + 1),
            "who"
                | "of"
                | "in"
                | "on"
                | "at"
                | "during"
                | "after"
                | "to"
                | "from"
                | "with"
                | "while"
                | "when"
                | "before"
                | "using"
                | "named"
                | "called"
                | "and"
                | "as"
                | "for"
                | "via"
        )
    }
}
