//! Frames: each cue with its speaker.
//!
//! Input: one cue of the [`Context`]. Output: its [`Frame`]: the speaking
//! mention, found by the first frame finder of [`Context::frame`]'s list
//! that attributes, then moved by the refinements (a person "of" a place,
//! the role a possessor owns, the name given to a description). The
//! finder and refinements that decided are kept in [`Frame::found_by`],
//! written to the `frame` column.

pub(super) mod by_agent;
pub(super) mod according_to;
pub(super) mod coordinated_subject;
pub(super) mod named_descriptor;
pub(super) mod owner_of;
pub(super) mod participle_agent;
pub(super) mod possessed_role;
pub(super) mod sentence_subject;
pub(super) mod speaker_right;
pub(super) mod subject_left;
mod trailing;

use super::{Context, Frame, Outcome, Rule};

/// The refinements, in the order of their bits in [`Context::trace`].
pub(super) const REFINEMENTS: [&str; 3] = [
    owner_of::OwnerOf::ID,
    possessed_role::PossessedRole::ID,
    named_descriptor::NamedDescriptor::ID,
];

/// What a finder found: the mention, the finder and the refinement bits.
type Found = (usize, &'static str, u8);

impl Context<'_> {
    /// Builds the frame of cue `c`. The finders run in this order, the
    /// sieve's precedence: a cue that is "according to" or a participle
    /// is theirs alone; an inverted speaker beats a subject to the left.
    pub(super) fn frame(&self, c: usize) -> Frame {
        use self::{
            according_to::AccordingTo, by_agent::ByAgent,
            coordinated_subject::CoordinatedSubject,
            participle_agent::ParticipleAgent,
            sentence_subject::SentenceSubject, speaker_right::SpeakerRight,
            subject_left::SubjectLeft,
        };
        let cue = &self.cues[c];
        let found = self.finder::<AccordingTo>(c, Outcome::Pass);
        let found = self.finder::<ByAgent>(c, found);
        let found = self.finder::<ParticipleAgent>(c, found);
        let found = self.finder::<SpeakerRight>(c, found);
        let found = self.finder::<SubjectLeft>(c, found);
        let found = self.finder::<CoordinatedSubject>(c, found);
        let found = self.finder::<SentenceSubject>(c, found);
        let mut f = Frame {
            cue: c,
            speaker: None,
            inverted: cue.according_to,
            first: cue.first_token,
            last: cue.last_token,
            via: None,
            trailing: false,
            parenthetical: false,
            found_by: std::borrow::Cow::Borrowed(""),
        };
        let mut bits = 0;
        let mut finder = "";
        if let Outcome::Attribute((m, id, b)) = found {
            (f.speaker, finder, bits) = (Some(m), id, b);
            f.inverted |= id == SpeakerRight::ID;
        }
        if cue.participle {
            // The agent is found anywhere in the sentence: it does not
            // widen the frame.
            f.found_by = found_by(finder, bits);
            return f;
        }
        self.trace.set(bits);
        f.speaker = f
            .speaker
            .map(|s| self.refine::<named_descriptor::NamedDescriptor>(s));
        f.found_by = found_by(finder, self.trace.get());
        if let Some(s) = f.speaker {
            let m = &self.mentions[s];
            f.first = f.first.min(self.noun_phrase_start(m));
            f.last = f.last.max(m.last_token);
            if cue.according_to {
                f.last = self.source_phrase_end(cue.last_token + 1, f.last);
            }
        }
        self.mark_parenthetical(&mut f);
        f
    }

    /// The first token of mention `m` with the definite article a name
    /// may carry ("the Tribune", "the Institute for Fiscal Studies"): the
    /// article belongs to the noun phrase of such a name (Huddleston &
    /// Pullum 2002, ch. 5 §20: proper names with "the"), so a frame that
    /// closes its sentence ("..., the Tribune reported.") starts at it.
    ///
    /// So does the noun phrase of a title or role written before the
    /// name ("..., company spokesman Tom Reyes said."): the two are one
    /// noun phrase in close apposition (Quirk et al. 1985, §17.89).
    fn noun_phrase_start(&self, m: &crate::mentions::Mention) -> usize {
        let first = m.first_token;
        if m.kind != crate::mentions::MentionKind::Name || first == 0 {
            return first;
        }
        let role_before = m.role.is_some_and(|r| r.start <= self.tokens[first].span.start);
        if role_before {
            // Back over the role's own noun phrase: its nouns and
            // adjectives ("company spokesman", "state health minister").
            let mut j = first;
            while j > 0
                && first - j < 5
                && self.same_sentence(j - 1, first)
                && self.tokens[j - 1].word
                && !self.tokens[j - 1].in_quote
                && {
                    let x = self.tags[j - 1].xpos;
                    x.is_noun() || x.is_adjective() || x == crate::tagger::Xpos::Dt
                }
            {
                j -= 1;
            }
            return j;
        }
        let article = self.same_sentence(first - 1, first) && self.lower(first - 1) == "the";
        if article { first - 1 } else { first }
    }

    /// The last token of the source phrase of "according to" that starts
    /// at token `k`, whose named part ends at `named`: the whole noun
    /// phrase ("NBC's projections", "Coast Guard records", "Chief Ann Lee
    /// of the Dover Fire Department": the complement of a preposition is a
    /// full noun phrase, Quirk et al. 1985, ch. 9), and an abbreviation
    /// in brackets after it ("the Transport Police (TP)").
    fn source_phrase_end(&self, k: usize, named: usize) -> usize {
        let mut e = named;
        if let Some(c) = self.chunks.phrase_starting_at(k) {
            if self.same_sentence(c.last, k) {
                e = e.max(c.last);
            }
        }
        let n = self.tokens.len();
        if e + 2 < n && self.word(e + 1) == "(" {
            let close = (e + 2..(e + 6).min(n)).find(|&j| self.word(j) == ")");
            if let Some(c) = close.filter(|&c| self.same_sentence(c, k)) {
                e = c;
            }
        }
        e
    }

    /// Runs finder `R` on cue `c` unless an earlier one decided.
    fn finder<R>(&self, c: usize, prev: Outcome<Found>) -> Outcome<Found>
    where
        R: Rule<Site = usize, Found = usize>,
    {
        if prev != Outcome::Pass || !self.selection.on(R::ID) {
            return prev;
        }
        self.trace.set(0);
        match R::apply(self, &c) {
            Outcome::Attribute(m) => {
                Outcome::Attribute((m, R::ID, self.trace.get()))
            }
            Outcome::Defer { via } => Outcome::Defer { via },
            Outcome::Pass => Outcome::Pass,
        }
    }

    /// Moves mention `m` by refinement `R`, noting it in the trace when
    /// it moved.
    pub(super) fn refine<R>(&self, m: usize) -> usize
    where
        R: Rule<Site = usize, Found = usize>,
    {
        if !self.selection.on(R::ID) {
            return m;
        }
        match R::apply(self, &m) {
            Outcome::Attribute(n) if n != m => {
                let bit = REFINEMENTS.iter().position(|&id| id == R::ID);
                let bit = bit.expect("a refinement is in REFINEMENTS");
                self.trace.set(self.trace.get() | 1 << bit);
                n
            }
            _ => m,
        }
    }

    /// Frames that report nothing: a noun form with no speaker ("In a
    /// News.com.au report, ..."), and "as they say".
    fn mark_parenthetical(&self, f: &mut Frame) {
        let first = self.cues[f.cue].first_token;
        // A form that is also a noun reports speech only with a speaker
        // next to it.
        if f.speaker.is_none()
            && crate::lexicon::is(
                crate::lexicon::Class::NounVerbForms,
                self.lower(first),
            )
            && first > 0
            && (self.tokens[first - 1].cap
                || self
                    .lower(first - 1)
                    .starts_with(|c: char| c.is_ascii_digit()))
        {
            f.parenthetical = true;
        }
        // "as they say", "as he put it": a comparison, not a report.
        if f.first > 0 && self.lower(f.first - 1) == "as" && !f.inverted {
            f.speaker = None;
            f.found_by = std::borrow::Cow::Borrowed("");
            f.parenthetical = true;
        }
    }
}

/// The `frame` column: the finder, then each refinement that moved the
/// speaker, joined by `+` (the finder's own id, not copied, when none
/// did: most frames; a String a frame was 1,700 allocations on 400 KB of
/// Wikinews, dhat).
fn found_by(finder: &'static str, bits: u8) -> std::borrow::Cow<'static, str> {
    if finder.is_empty() || bits == 0 {
        return std::borrow::Cow::Borrowed(finder);
    }
    let mut out = finder.to_string();
    for (i, id) in REFINEMENTS.iter().enumerate() {
        if bits & 1 << i != 0 {
            out.push('+');
            out.push_str(id);
        }
    }
    std::borrow::Cow::Owned(out)
}
