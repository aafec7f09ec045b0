//! `frame/possessed-role`: past a possessor to the role it owns.
//!
//! Input: the mention after "according to". Output: the role after its
//! possessive, or the name in apposition to that role.

use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::SpeakerType;

/// "According to Windsor Locks' first selectman, Chris Kervick, ...".
pub struct PossessedRole;

impl Rule for PossessedRole {
    const ID: &'static str = "frame/possessed-role";
    const DESCRIPTION: &'static str =
        "Past a possessor (\"according to the city's mayor\") to the role \
         it owns and the name in apposition to it.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "The plant will close in May, according to Windsor Locks' \
               first selectman, Chris Kervick.",
        quote: "The plant will close in May",
        speaker: "Chris Kervick",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["The plant will close in May, according to Chris Kervick."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &m: &usize) -> Outcome<usize> {
        Outcome::Attribute(cx.possessed_role(m))
    }
}

impl Context<'_> {
    /// "According to Windsor Locks' first selectman, Chris Kervick, ...":
    /// past a possessor to the role it owns, and to the name in apposition
    /// to that role.
    fn possessed_role(&self, m: usize) -> usize {
        let last = self.mentions[m].last_token;
        let Some(p) = self.tokens.get(last + 1) else { return m };
        if !matches!(p.text(self.text), "'s" | "\u{2019}s" | "'" | "\u{2019}")
        {
            return m;
        }
        let role = self.mention_starting_at(last + 2);
        // Past the role (a mention, or up to four words the lexicon does
        // not know: "first selectman") to a comma and a name.
        let after = match role {
            Some(r) => self.mentions[r].last_token + 1,
            None => match (last + 2..(last + 7).min(self.tokens.len()))
                .find(|&j| !self.tokens[j].word)
            {
                Some(j) => j,
                None => return m,
            },
        };
        if after + 1 < self.tokens.len() && self.word(after) == "," {
            if let Some(n) = self.mention_starting_at(after + 1) {
                let nm = &self.mentions[n];
                if nm.kind == MentionKind::Name
                    && nm.speaker_type == SpeakerType::Person
                {
                    return n;
                }
            }
        }
        role.unwrap_or(m)
    }
}
