//! `quote/dash-byline`: a dash and a name close the quote's paragraph.
//!
//! Input: a quote followed by a dash. Output: the name after the dash,
//! when it ends the paragraph: the byline of press releases and social
//! posts (users of earlier tools asked for it: research/PRIOR_ART.md,
//! section 3.4).

use super::{QuoteSite, Said};
use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};

/// "\"This is a dark day for the city\" — Councillor Tom Brown".
pub struct DashByline;

impl Rule for DashByline {
    const ID: &'static str = "quote/dash-byline";
    const DESCRIPTION: &'static str =
        "A dash and a name close the quote's paragraph.";
    const CONFIDENCE: f32 = 0.85;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"This is a dark day for the city\" \u{2014} Councillor \
               Tom Brown",
        quote: "This is a dark day for the city",
        speaker: "Tom Brown",
    }];
    // The name after the dash runs on into a sentence.
    const NEGATIVES: &'static [&'static str] =
        &["\"This is a dark day\" \u{2014} Tom Brown and his party \
           walked out of the council."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        Outcome::found(cx.dash_byline(site.qi).map(Said::by))
    }
}

impl Context<'_> {
    /// The name after a dash right after quote `qi`, ending its paragraph.
    fn dash_byline(&self, qi: usize) -> Option<usize> {
        let close = self.quote_tokens[qi].1?;
        let dash = close + 1;
        if !matches!(
            self.tokens.get(dash)?.text(self.text),
            "\u{2014}" | "\u{2013}" | "-"
        ) {
            return None;
        }
        let m = self.mention_starting_at(dash + 1)?;
        let mm = &self.mentions[m];
        let para = self.quotes[qi].paragraph;
        let ends_paragraph =
            self.tokens.get(mm.last_token + 1).is_none_or(|t| {
                self.paragraph_of(t.span.start) != para
                    || !t.word && self.word(mm.last_token + 1) != "-"
            });
        (mm.kind == MentionKind::Name && ends_paragraph).then_some(m)
    }
}
