//! Stage 7 of the pipeline: the attribution rules.
//!
//! Input: the quotes, tokens, mentions and cues of one document. Output:
//! [`Attribution`]s: every quote and every reported claim with the mention
//! that speaks it (if any), its cue, the outlet that reports it (`via`),
//! the id of the rule that decided and a confidence.
//!
//! It works in two steps. First every cue gets a [`Frame`]: the cue and
//! its speaker, found by the frame rules (a subject to the left, skipping
//! an appositive; an inverted speaker after "..., said"; the agent of a
//! participle; the source of "according to"). Then an ordered sieve, most
//! precise rule first, gives each quote the frame next to it, and each
//! frame whose cue is followed (or preceded) by a reported clause a claim.
//! Every rule has a stable id, written to the `rule` column; the ids and
//! their examples are listed in [`RULES`] and tested in `tests/rules.rs`.

use std::collections::HashMap;

use crate::cues::CueMatch;
use crate::mentions::{Mention, MentionKind};
use crate::quotes::Quote;
use crate::segment::Segments;
use crate::tokens::Token;
use crate::{Kind, Span, SpeakerType};

/// A rule of the sieve: its id, what it does, and an example.
pub struct RuleInfo {
    /// Stable id, written to the `rule` column.
    pub id: &'static str,
    /// What the rule matches.
    pub description: &'static str,
    /// A sentence it attributes.
    pub example: &'static str,
    /// Confidence of an attribution made by this rule alone.
    pub confidence: f32,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $conf:literal, $desc:literal, $ex:literal;)*) => {
        $(
            #[doc = $desc]
            #[doc = ""]
            #[doc = concat!("Example: `", $ex, "`")]
            pub const $name: &str = $id;
        )*
        /// Every rule, most precise first.
        pub const RULES: &[RuleInfo] = &[$(RuleInfo {
            id: $id, description: $desc, example: $ex, confidence: $conf,
        }),*];
    };
}

rules! {
    QUOTE_AFTER_SPEAKER_CUE = "quote/after/speaker-cue", 0.95,
        "The speaker and cue follow the closing mark.",
        "\"We are polite people,\" Lavrov told reporters.";
    QUOTE_AFTER_CUE_SPEAKER = "quote/after/cue-speaker", 0.95,
        "An inverted cue and speaker follow the closing mark.",
        "\"If we have these grounds,\" said Rogachev.";
    QUOTE_BEFORE = "quote/before", 0.9,
        "The speaker and cue come before the opening mark, with a colon, \
         a comma or nothing between.",
        "Kerry said: \"We would welcome Russian contributions.\"";
    QUOTE_INTERRUPTED = "quote/interrupted", 0.9,
        "The second piece of a quote interrupted by its attribution.",
        "\"A lot of people think that,\" said a protester. \"So they lie.\"";
    QUOTE_IN_CLAIM = "quote/in-claim", 0.85,
        "A quoted fragment inside a reported claim takes its speaker.",
        "Kerry warned that Russian support \u{201C}risks extending the \
         conflict\u{201D}.";
    QUOTE_SENTENCE_CUE = "quote/sentence-cue", 0.75,
        "A quoted fragment after a cue in its sentence takes the cue's \
         speaker.",
        "He said it would be \"a condition of travel\" for passengers.";
    QUOTE_SENTENCE_SUBJECT = "quote/sentence-subject", 0.55,
        "A quoted fragment with no cue takes the name that opens its \
         sentence.",
        "Schiff called it \"a non-starter\".";
    QUOTE_COLON_NAME = "quote/colon-name", 0.85,
        "A paragraph opens with a name and a colon before the quote.",
        "Hill: \"We will not give up.\"";
    QUOTE_DASH_BYLINE = "quote/dash-byline", 0.85,
        "A dash and a name close the quote's paragraph.",
        "\"This is a dark day for the city\" \u{2014} Councillor Tom Brown";
    QUOTE_CONTINUED = "quote/continued", 0.85,
        "A piece of a quote running over several paragraphs takes the \
         speaker of another piece.",
        "\"First paragraph.\\n\\n\"Second paragraph,\" she said.";
    QUOTE_SAME_PARAGRAPH = "quote/same-paragraph", 0.75,
        "A further quote in a paragraph keeps the last speaker named there.",
        "\"We are ready,\" he said. \"We will win.\"";
    QUOTE_PREVIOUS_PARAGRAPH = "quote/previous-paragraph", 0.65,
        "A paragraph made only of a quote takes the last speaker of the \
         previous paragraph.",
        "Lam said the bill was dead.\\n\\n\"It will never return.\"";
    CLAIM_CUE_CLAUSE = "claim/cue-clause", 0.85,
        "The clause after a reporting verb (and an optional that).",
        "Kerry said Wednesday that Russia has proposed talks.";
    CLAIM_TRAILING = "claim/trailing", 0.8,
        "The clause before a closing attribution.",
        "Russia has deployed 200 soldiers, the officials said.";
    CLAIM_PARTICIPLE = "claim/participle", 0.75,
        "The clause after a participle whose agent is the sentence's \
         speaker.",
        "Fabius declared, insisting Russia does a lot of talking.";
    CLAIM_ACCORDING_TO = "claim/according-to", 0.85,
        "The clause reported by \"according to X\".",
        "More than 1000 people have been arrested, according to The \
         Guardian.";
    CLAIM_HEADLINE_COLON = "claim/headline-colon", 0.7,
        "A headline that opens with a speaker and a colon.",
        "Kerry: US looks at Russian offer of military talks";
    UNATTRIBUTED = "quote/unattributed", 0.5,
        "A quote no rule could attribute (scare quotes, titles): still a \
         row, with empty speaker columns.",
        "Officials issued \u{201C}stern\u{201D} warnings.";
}

/// The confidence of a rule.
pub fn confidence_of(rule: &str) -> f32 {
    RULES.iter().find(|r| r.id == rule).map_or(0.5, |r| r.confidence)
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

/// Adverbs and auxiliaries that may stand between a subject and its verb
/// ("Kerry also said", "Obama has repeatedly said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "meanwhile",
    "later",
    "earlier",
    "then",
    "again",
    "further",
    "previously",
    "reportedly",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "just",
    "once",
    "already",
    "always",
    "often",
    "now",
    "still",
    "however",
    "too",
    "himself",
    "herself",
    "themselves",
    "itself",
    "first",
    "last",
    "separately",
    "subsequently",
    "yesterday",
    "today",
    "tonight",
    "simply",
    "only",
    "even",
    "both",
    "all",
    "initially",
    "recently",
];

/// Words between a verb and its reported clause that are not the clause
/// ("said Tuesday", "said yesterday"; days are in
/// [`crate::lexicon::DAYS`]).
const ADVERBIALS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "also",
    "again",
    "previously",
    "recently",
    "publicly",
    "privately",
    "meanwhile",
    "however",
    "repeatedly",
    "separately",
    "further",
    "then",
    "once",
];

/// Words that start a time adverbial only before a time word ("on
/// Tuesday", "last week", "this morning"); elsewhere they may open the
/// clause ("said this is not likely").
const TIME_PREFIXES: &[&str] =
    &["on", "last", "this", "next", "early", "late", "that", "earlier"];

/// Whether a lower-case word heads a time phrase.
fn is_time_word(w: &&str) -> bool {
    TIME_WORDS.contains(w) || crate::lexicon::is_calendar_word(w)
}

/// Time words after a [`TIME_PREFIXES`] word, besides days and months.
const TIME_WORDS: &[&str] = &[
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "weekend",
];

/// Prepositions before which "that" is a determiner.
const PREPOSITIONS: &[&str] = &[
    "by", "of", "in", "with", "for", "on", "at", "about", "to", "from",
    "than", "so", "such", "like", "after", "before", "into", "under",
];

/// Where words are said or written: the nouns that end a phrase such as
/// "in a statement" or "on Twitter" between a cue and its clause.
const MEDIA_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "interviews",
    "filing",
    "filings",
    "letter",
    "post",
    "tweet",
    "tweets",
    "twitter",
    "facebook",
    "instagram",
    "tv",
    "television",
    "radio",
    "speech",
    "conference",
    "briefing",
    "release",
    "video",
    "podcast",
    "email",
    "memo",
    "report",
    "court",
    "hearing",
    "parliament",
    "broadcast",
    "blog",
    "message",
    "column",
    "op-ed",
    "address",
    "remarks",
    "testimony",
    "youtube",
];

/// Auxiliaries and copulas: a finite verb in what follows a cue.
const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "must", "should", "did", "does", "shall",
    "isn't", "wasn't", "weren't", "aren't", "hasn't", "haven't", "hadn't",
    "won't", "wouldn't", "couldn't", "can't", "didn't", "doesn't",
];

/// Irregular past tenses and common present forms that make a clause
/// ("said prices rose", "said the plan works").
const IRREGULAR_VERBS: &[&str] = &[
    "rose",
    "fell",
    "grew",
    "began",
    "came",
    "went",
    "made",
    "took",
    "gave",
    "found",
    "left",
    "lost",
    "won",
    "saw",
    "knew",
    "thought",
    "became",
    "held",
    "kept",
    "met",
    "paid",
    "ran",
    "sent",
    "spent",
    "stood",
    "struck",
    "brought",
    "bought",
    "built",
    "caught",
    "chose",
    "drove",
    "fought",
    "felt",
    "hit",
    "led",
    "meant",
    "sold",
    "shot",
    "spoke",
    "spread",
    "taught",
    "wrote",
    "said",
    "told",
    "got",
    "broke",
    "remains",
    "remain",
    "needs",
    "need",
    "works",
    "work",
    "means",
    "seems",
    "seem",
    "looks",
    "appears",
    "wants",
    "want",
    "knows",
    "know",
    "plans",
    "intends",
    "expects",
    "faces",
    "face",
    "lacks",
    "goes",
    "comes",
    "continues",
    "believes",
    "thinks",
    "says",
    "shows",
    "suggests",
    "contains",
    "includes",
    "requires",
    "poses",
    "exists",
];

/// Nouns of an audience after "told" ("told the press the drugs ...").
const AUDIENCE_NOUNS: &[&str] = &[
    "press",
    "reporters",
    "journalists",
    "media",
    "audience",
    "crowd",
    "court",
    "jury",
    "committee",
    "lawmakers",
    "parliament",
    "senators",
    "supporters",
    "students",
    "staff",
    "employees",
    "investors",
    "viewers",
    "listeners",
    "readers",
    "congress",
    "police",
];

/// Words that cannot open a reported clause.
const NOT_CLAUSE_STARTS: &[&str] = &[
    "to",
    "about",
    "of",
    "for",
    "with",
    "in",
    "at",
    "by",
    "as",
    "so",
    "nothing",
    "something",
    "anything",
    "yes",
    "no",
    "goodbye",
    "hello",
    "thanks",
    "sorry",
    "and",
    "but",
    "or",
    "when",
    "how",
    "what",
    "why",
    "where",
    "who",
    "whether",
    "from",
    "against",
    "into",
    "over",
    "on",
    "during",
    "after",
    "before",
    "through",
    "since",
    "until",
    "via",
    "otherwise",
    "earlier",
    "later",
    "hi",
    "please",
    "sir",
    "ok",
    "okay",
];

/// Words that open a clause as (part of) its subject.
const SUBJECT_STARTERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "there",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "some",
    "many",
    "most",
    "all",
    "no",
    "none",
    "several",
    "both",
    "each",
    "every",
    "any",
    "few",
    "more",
    "other",
    "another",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "if",
    "while",
    "although",
    "because",
    "only",
    "nobody",
    "everyone",
    "someone",
    "nothing",
    "everything",
];

/// Cues that take a bare clause without "that" in news prose ("said the
/// talks failed", "believes Russia will"); the reporting verbs that PARC
/// and the Gender Gap Tracker's rules treat as clause-taking.
const CLAUSE_CUES: &[&str] = &[
    "say",
    "tell",
    "add",
    "claim",
    "insist",
    "argue",
    "believe",
    "think",
    "suggest",
    "warn",
    "write",
    "explain",
    "note",
    "admit",
    "acknowledge",
    "estimate",
    "predict",
    "reply",
    "respond",
    "continue",
    "hope",
    "fear",
    "expect",
    "assert",
    "contend",
    "stress",
    "emphasize",
    "emphasise",
    "concede",
    "conclude",
    "reckon",
    "suspect",
    "allege",
    "recall",
    "remark",
    "observe",
    "comment",
    "tweet",
    "feel",
    "complain",
    "testify",
    "report",
];

/// Cues whose object is usually a noun phrase, not a clause ("urged
/// restraint", "criticised the coalition's actions", "promised
/// retaliation"): they report a claim only with "that".
const NP_OBJECT_CUES: &[&str] = &[
    "urge",
    "call",
    "demand",
    "promise",
    "propose",
    "ask",
    "request",
    "offer",
    "criticise",
    "criticize",
    "praise",
    "condemn",
    "welcome",
    "accuse",
    "blame",
    "thank",
    "reject",
    "deny",
    "dismiss",
    "question",
    "recommend",
    "applaud",
    "slam",
    "attack",
    "describe",
    "discuss",
    "address",
    "mention",
    "cite",
    "quote",
    "defend",
    "support",
    "oppose",
    "endorse",
    "back",
];

struct Context<'a> {
    text: &'a str,
    segments: &'a Segments,
    quotes: &'a [Quote],
    tokens: &'a [Token],
    lowered: &'a [std::borrow::Cow<'a, str>],
    mentions: &'a [Mention],
    cues: &'a [CueMatch<'a>],
    /// Mention whose extent ends at a token (index + 1; 0 for none).
    mention_ending: Vec<u32>,
    /// Mention whose extent or name starts at a token (index + 1).
    mention_starting: Vec<u32>,
    /// Cue starting at a token (index + 1).
    cue_at: Vec<u32>,
    /// Token index of every quote's opening and closing mark.
    quote_tokens: Vec<(Option<usize>, Option<usize>)>,
    /// Quote whose opening mark is a token (index + 1).
    quote_open_at: Vec<u32>,
    /// Quote whose closing mark is a token (index + 1).
    quote_close_at: Vec<u32>,
    /// First and last token of each sentence.
    sentence_bounds: Vec<(usize, usize)>,
    /// Frame whose first token is a token (index + 1); set once the
    /// frames are built.
    frame_first_at: Vec<u32>,
    /// Frame whose last token is a token (index + 1).
    frame_last_at: Vec<u32>,
}

/// The longest reported clause, in tokens. A clause runs to its
/// sentence's end; bounding it keeps the sieve linear on a 50 MB
/// "sentence" with a cue every few words (see BENCHMARKS.md), and no
/// reported clause in news is near this long.
const MAX_CLAUSE_TOKENS: usize = 150;

/// How far the rules look back within a sentence for a subject or cue.
const MAX_LOOKBACK: usize = 60;

/// Runs the whole sieve over one document.
pub fn attribute(
    text: &str,
    segments: &Segments,
    quotes: &[Quote],
    tokens: &[Token],
    lowered: &[std::borrow::Cow<'_, str>],
    mentions: &[Mention],
    cues: &[CueMatch<'_>],
) -> (Vec<Frame>, Vec<Attribution>) {
    let n = tokens.len();
    let mut mention_ending = vec![0u32; n];
    let mut mention_starting = vec![0u32; n];
    for (i, m) in mentions.iter().enumerate() {
        mention_ending[m.last_token] = i as u32 + 1;
        // Where mentions nest ("UCL" inside "UCL astronomer Angelos
        // Tsiaras"), the longest one starting at a token wins.
        let name_start = token_at(tokens, m.span.start);
        for t in [m.first_token, name_start] {
            if t >= n {
                continue;
            }
            let longer = match mention_starting[t] {
                0 => true,
                o => mentions[o as usize - 1].last_token < m.last_token,
            };
            if longer {
                mention_starting[t] = i as u32 + 1;
            }
        }
    }
    let mut cue_at = vec![0u32; n];
    for (i, c) in cues.iter().enumerate() {
        cue_at[c.first_token] = i as u32 + 1;
    }
    let quote_tokens: Vec<(Option<usize>, Option<usize>)> = quotes
        .iter()
        .map(|q| {
            (
                q.open_mark.map(|s| token_at(tokens, s.start)),
                q.close_mark.map(|s| token_at(tokens, s.start)),
            )
        })
        .collect();
    let mut quote_open_at = vec![0u32; n];
    let mut quote_close_at = vec![0u32; n];
    for (i, &(o, c)) in quote_tokens.iter().enumerate() {
        if let Some(o) = o.filter(|&o| o < n) {
            quote_open_at[o] = i as u32 + 1;
        }
        if let Some(c) = c.filter(|&c| c < n) {
            quote_close_at[c] = i as u32 + 1;
        }
    }
    let mut sentence_bounds: Vec<(usize, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let s = t.sentence as usize;
        while sentence_bounds.len() <= s {
            sentence_bounds.push((i, i));
        }
        sentence_bounds[s].1 = i;
    }
    let mut cx = Context {
        text,
        segments,
        quotes,
        tokens,
        lowered,
        mentions,
        cues,
        mention_ending,
        mention_starting,
        cue_at,
        quote_tokens,
        quote_open_at,
        quote_close_at,
        sentence_bounds,
        frame_first_at: vec![0; n],
        frame_last_at: vec![0; n],
    };
    let mut frames: Vec<Frame> =
        (0..cues.len()).map(|c| cx.frame(c)).collect();
    for (i, f) in frames.iter().enumerate() {
        if cx.frame_first_at[f.first] == 0 {
            cx.frame_first_at[f.first] = i as u32 + 1;
        }
        cx.frame_last_at[f.last] = i as u32 + 1;
    }
    cx.mark_trailing(&mut frames);
    let mut out = cx.claims(&mut frames);
    out.extend(cx.quote_rows(&frames, &out));
    out.sort_by(|a, b| {
        a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end))
    });
    (frames, out)
}

/// The index of the token at or after byte `pos`.
fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.end <= pos)
}

impl<'a> Context<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn lower(&self, i: usize) -> &'a str {
        &self.lowered[i]
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.tokens[a].sentence == self.tokens[b].sentence
    }

    fn is_quote_mark(&self, i: usize) -> bool {
        let w = self.word(i);
        matches!(
            w,
            "\"" | "'"
                | "\u{201C}"
                | "\u{201D}"
                | "\u{2018}"
                | "\u{2019}"
                | "\u{00AB}"
                | "\u{00BB}"
                | "\u{201E}"
        )
    }

    fn mention_ending_at(&self, i: usize) -> Option<usize> {
        (*self.mention_ending.get(i)? as usize).checked_sub(1)
    }

    /// Safe past the last token: rules look a token or two ahead.
    fn mention_starting_at(&self, i: usize) -> Option<usize> {
        (*self.mention_starting.get(i)? as usize).checked_sub(1)
    }

    /// Builds the frame of cue `c`.
    fn frame(&self, c: usize) -> Frame {
        let cue = &self.cues[c];
        let mut f = Frame {
            cue: c,
            speaker: None,
            inverted: false,
            first: cue.first_token,
            last: cue.last_token,
            via: None,
            trailing: false,
            parenthetical: false,
        };
        if cue.according_to {
            f.speaker = self
                .speaker_right(cue.last_token, 2)
                .map(|m| self.possessed_role(m));
            f.inverted = true;
        } else if cue.participle {
            f.speaker = self.participle_agent(cue.first_token);
            // The agent is found anywhere in the sentence: it does not
            // widen the frame.
            return f;
        } else {
            let before = cue.first_token.checked_sub(1);
            let after_comma_or_quote = before.is_none_or(|b| {
                !self.same_sentence(b, cue.first_token)
                    || self.word(b) == ","
                    || self.is_quote_mark(b)
            });
            if after_comma_or_quote && cue.info.inversion {
                // `..., said Rogachev.`: the inverted speaker ends its
                // clause; in `..., said the new EastMed supply can't` the
                // name is inside the reported clause.
                f.speaker = self
                    .speaker_right(cue.last_token, 3)
                    .filter(|&m| self.ends_inverted_speaker(m));
                f.inverted = f.speaker.is_some();
            }
            if f.speaker.is_none() {
                // "Schwartz went on to say ...": the subject of "went".
                let v = cue.first_token;
                let start = if v >= 3
                    && self.lower(v - 1) == "to"
                    && self.lower(v - 2) == "on"
                {
                    v - 3
                } else {
                    v
                };
                f.speaker = self.subject_left(start);
            }
            // "The State Department gave its sympathies and said ...": a
            // coordinated verb shares the sentence's subject.
            if f.speaker.is_none() {
                f.speaker = self.coordinated_subject(cue.first_token);
            }
            if f.speaker.is_none() {
                f.speaker = self.sentence_subject(cue.first_token);
            }
        }
        f.speaker = f.speaker.map(|s| self.named_descriptor(s));
        if let Some(s) = f.speaker {
            let m = &self.mentions[s];
            f.first = f.first.min(m.first_token);
            f.last = f.last.max(m.last_token);
        }
        // "In a News.com.au report, ...": a form that is also a noun
        // reports speech only with a speaker next to it.
        if f.speaker.is_none()
            && crate::cues::NOUN_VERB_FORMS
                .contains(&self.lower(cue.first_token))
            && cue.first_token > 0
            && (self.tokens[cue.first_token - 1].cap
                || self
                    .lower(cue.first_token - 1)
                    .starts_with(|c: char| c.is_ascii_digit()))
        {
            f.parenthetical = true;
        }
        // "as they say", "as he put it": a comparison, not a report.
        if f.first > 0 && self.lower(f.first - 1) == "as" && !f.inverted {
            f.speaker = None;
            f.parenthetical = true;
        }
        f
    }

    /// The subject of the verb at token `v`: the mention ending just before
    /// it, past adverbs and an appositive ("Sergey Lavrov, Russia's foreign
    /// minister, said").
    fn subject_left(&self, v: usize) -> Option<usize> {
        let mut k = v;
        while k > 0 {
            let p = k - 1;
            if !self.same_sentence(p, v) || self.tokens[p].in_quote {
                return None;
            }
            if let Some(m) = self.mention_ending_at(p) {
                return Some(self.owner_of(m));
            }
            let w = self.lower(p);
            // "mayor John Tory on Tuesday suggested".
            if p > 0
                && is_time_word(&w)
                && TIME_PREFIXES.contains(&self.lower(p - 1))
            {
                k = p - 1;
                continue;
            }
            if self.tokens[p].word
                && (BETWEEN_SUBJECT_AND_VERB.contains(&w)
                    || w.ends_with("ly")
                    || crate::mentions::POSTNOMINALS.contains(&self.word(p)))
            {
                k = p;
                continue;
            }
            if w == "," || w == ")" || w == "\u{2014}" {
                // An appositive or relative clause between commas: the
                // subject ends before the comma that opens it.
                let open = if w == ")" { "(" } else { w };
                let mut j = p;
                let limit = p.saturating_sub(30);
                while j > limit {
                    j -= 1;
                    if !self.same_sentence(j, v) || self.tokens[j].in_quote {
                        return None;
                    }
                    if self.word(j) == open {
                        // "The Senate Minority Leader, Chuck Schumer,
                        // said": the name between the commas speaks.
                        if let Some(m) = self.mention_starting_at(j + 1) {
                            let mm = &self.mentions[m];
                            if mm.kind == MentionKind::Name
                                && mm.speaker_type == SpeakerType::Person
                                && mm.last_token + 1 == p
                            {
                                return Some(m);
                            }
                        }
                        return j.checked_sub(1).and_then(|e| {
                            self.mention_ending_at(e)
                                .filter(|&m| {
                                    self.mentions[m].kind
                                        != MentionKind::Pronoun
                                })
                                .map(|m| self.owner_of(m))
                        });
                    }
                }
                return None;
            }
            return None;
        }
        None
    }

    /// "Doug Collins of Georgia said", "Jane Roe of Reuters said": a place
    /// or organization after "of" or "from" belongs to the person before
    /// it, who speaks.
    fn owner_of(&self, m: usize) -> usize {
        // Follow a chain of places and institutions back to the person:
        // "Ryan Norris of the University of Guelph in Ontario said".
        let mut cur = m;
        for _ in 0..3 {
            let mm = &self.mentions[cur];
            // A place typed as a person ("New York") is still a place
            // after "of": look left before trusting the type.
            let person = mm.speaker_type == SpeakerType::Person
                && mm.kind == MentionKind::Name;
            let name_start = token_at(self.tokens, mm.span.start);
            if name_start < 2 {
                return if person { cur } else { m };
            }
            let mut k = name_start - 1;
            // "of the UK's National Crime Agency": past the possessor.
            if matches!(self.word(k), "'s" | "\u{2019}s") && k > 0 {
                if let Some(p) = self.mention_ending_at(k - 1) {
                    k = self.mentions[p].first_token.saturating_sub(1);
                }
            }
            if self.lower(k) == "the" && k > 0 {
                k -= 1;
            }
            if !matches!(self.lower(k), "of" | "from" | "in" | "at") || k == 0
            {
                return if person { cur } else { m };
            }
            match self.mention_ending_at(k - 1) {
                Some(p) if self.mentions[p].kind == MentionKind::Name => {
                    if self.mentions[p].speaker_type == SpeakerType::Person {
                        return p;
                    }
                    cur = p
                }
                _ => return if person { cur } else { m },
            }
        }
        m
    }

    /// The subject of a verb coordinated with an earlier one ("X declined
    /// the request and said ..."): the first mention of the sentence, when
    /// "and" or "but" comes right before the verb.
    fn coordinated_subject(&self, v: usize) -> Option<usize> {
        let mut p = v.checked_sub(1)?;
        while p > 0 && BETWEEN_SUBJECT_AND_VERB.contains(&self.lower(p)) {
            p -= 1;
        }
        if !matches!(self.lower(p), "and" | "but") {
            return None;
        }
        let start = self.sentence_start(v).max(p.saturating_sub(MAX_LOOKBACK));
        // "Kerry said he sought clarity and warned that ...": the subject
        // of the verb it is coordinated with, when that verb is a cue.
        let earlier = (start..p).rev().find_map(|j| {
            let c = (self.cue_at[j] as usize).checked_sub(1)?;
            let cue = &self.cues[c];
            if cue.participle || cue.according_to {
                return None;
            }
            self.subject_left(cue.first_token)
        });
        if earlier.is_some() {
            return earlier;
        }
        let start = self.sentence_start(v);
        (start..p.min(start + MAX_LOOKBACK))
            .find_map(|j| {
                self.mention_starting_at(j)
                    .filter(|&m| self.mentions[m].last_token < p)
            })
            .map(|m| self.owner_of(m))
            .filter(|&m| {
                let words_before = (start..self.mentions[m].first_token)
                    .filter(|&j| self.tokens[j].word)
                    .count();
                words_before <= 3
            })
    }

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

    /// The sentence's subject when a long noun phrase stands between it
    /// and the verb ("Critics from across Britain's political spectrum
    /// have claimed"): the mention opening the sentence, with no
    /// punctuation, quote or other cue between it and the verb.
    fn sentence_subject(&self, v: usize) -> Option<usize> {
        let start = self.sentence_start(v);
        let m = self.mention_starting_at(start)?;
        let mm = &self.mentions[m];
        if mm.kind == MentionKind::Pronoun || mm.last_token >= v {
            return None;
        }
        // Words only, or a relative clause between commas ("A source
        // familiar with the talks, who spoke on condition of anonymity,
        // said"): no other cue, no quote.
        let between = mm.last_token + 1..v;
        let commas = between.clone().filter(|&j| self.word(j) == ",").count();
        let clean = between.clone().all(|j| {
            self.tokens[j].word
                && self.cue_at[j] == 0
                && !self.tokens[j].in_quote
                || matches!(self.word(j), "'s" | "\u{2019}s")
                || self.word(j) == ","
        });
        let relative = commas == 2
            && between.clone().any(|j| {
                matches!(self.lower(j), "who" | "which")
                    && self.word(j - 1) == ","
            });
        let near = v - mm.last_token <= 10 && commas == 0;
        (clean && (near || relative && v - mm.last_token <= 25)).then_some(m)
    }

    /// The speaker after an inverted cue ("said Rogachev", "according to
    /// WND"): a mention starting within `window` tokens.
    fn speaker_right(&self, c: usize, window: usize) -> Option<usize> {
        for k in c + 1..(c + 1 + window).min(self.tokens.len()) {
            if !self.same_sentence(k, c) || self.tokens[k].in_quote {
                return None;
            }
            if let Some(m) = self.mention_starting_at(k) {
                if self.mentions[m].kind == MentionKind::Pronoun
                    && self.lower(k) != "he"
                    && self.lower(k) != "she"
                {
                    return None;
                }
                return Some(self.named_descriptor(m));
            }
            if !self.tokens[k].word {
                return None;
            }
        }
        None
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

    /// "a protester using the pseudonym Katya", "a man named John Smith":
    /// the name given to a description.
    fn named_descriptor(&self, m: usize) -> usize {
        let d = &self.mentions[m];
        if d.kind != MentionKind::Descriptor {
            return m;
        }
        // A document speaks for its author: "a 1989 report from the
        // National Transportation Safety Board", "Federal Aviation
        // Administration records", "a survey ... by the Royal
        // Pharmaceutical Society".
        if d.speaker_type == SpeakerType::Unknown {
            let inside = (d.first_token..=d.last_token).find_map(|j| {
                self.mention_ending_at(j).filter(|&o| {
                    let o = &self.mentions[o];
                    o.kind == MentionKind::Name
                        && o.speaker_type != SpeakerType::Unknown
                        && o.first_token >= d.first_token
                })
            });
            let end = (d.last_token + 8).min(self.tokens.len());
            for k in d.last_token + 1..end {
                if !self.same_sentence(k, d.last_token) || !self.tokens[k].word
                {
                    break;
                }
                if matches!(self.lower(k), "by" | "from") {
                    let at =
                        if self.lower(k + 1) == "the" { k + 2 } else { k + 1 };
                    if let Some(o) = self.mention_starting_at(at) {
                        if self.mentions[o].kind == MentionKind::Name {
                            return o;
                        }
                    }
                    break;
                }
            }
            return inside.unwrap_or(m);
        }
        let mut k = d.last_token + 1;
        let end = (k + 5).min(self.tokens.len());
        while k < end && self.same_sentence(k, d.last_token) {
            let w = self.lower(k);
            if matches!(
                w,
                "named" | "called" | "pseudonym" | "name" | "identified"
            ) {
                let mut j = k + 1;
                while j < end + 2 && j < self.tokens.len() {
                    if let Some(n) = self.mention_starting_at(j) {
                        if self.mentions[n].kind == MentionKind::Name {
                            return n;
                        }
                    }
                    if !matches!(self.lower(j), "as" | "only") {
                        break;
                    }
                    j += 1;
                }
                break;
            }
            k += 1;
        }
        m
    }

    /// The agent of a participle ("..., saying X"): the nearest person
    /// named before it in its sentence; else the sentence's first mention
    /// (its subject, "The Obama Administration has ..., saying").
    fn participle_agent(&self, c: usize) -> Option<usize> {
        let start = self.sentence_start(c);
        let from = start.max(c.saturating_sub(MAX_LOOKBACK * 2));
        let nearest_person = (from..c).rev().find_map(|j| {
            self.mention_ending_at(j).filter(|&m| {
                let m = &self.mentions[m];
                m.kind == MentionKind::Name
                    && m.speaker_type == SpeakerType::Person
            })
        });
        let first = || {
            (start..c.min(start + MAX_LOOKBACK * 2)).find_map(|j| {
                self.mention_starting_at(j).filter(|&m| {
                    self.mentions[m].kind != MentionKind::Pronoun
                        && self.mentions[m].last_token < c
                })
            })
        };
        nearest_person.or_else(first)
    }

    /// Marks frames that close their sentence ("..., the officials
    /// said."), and gives each frame inside such a sentence the closing
    /// frame's speaker as `via` ("US officials believe ..., said WND").
    fn mark_trailing(&self, frames: &mut [Frame]) {
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
            let opens_after = self.word(before) == ","
                || self.is_quote_mark(before)
                || cue.according_to && self.tokens[before].word;
            if !opens_after || !self.ends_sentence_after(f.last) {
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

    /// Whether only adverbials or a closing phrase ("in a statement", "on
    /// Twitter") follow token `k` in its sentence.
    fn ends_sentence_after(&self, k: usize) -> bool {
        let mut j = k + 1;
        let mut words = 0;
        while j < self.tokens.len() && self.same_sentence(j, k) {
            let t = &self.tokens[j];
            if t.word {
                // What may follow a closing attribution is a phrase of
                // place, time or medium ("in a statement", "on Monday",
                // "yesterday"), never a clause ("said it would appeal").
                if words == 0 {
                    let w = self.lower(j);
                    let adverbial = matches!(
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
                    ) || ADVERBIALS.contains(&w)
                        || crate::lexicon::DAYS.contains(&w)
                        || is_time_word(&w)
                        || w.ends_with("ly");
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

    fn sentence_start(&self, k: usize) -> usize {
        self.sentence_bounds[self.tokens[k].sentence as usize].0
    }

    fn sentence_end(&self, k: usize) -> usize {
        self.sentence_bounds[self.tokens[k].sentence as usize].1
    }

    /// The quote whose opening mark is token `k`.
    fn quote_opening_at(&self, k: usize) -> Option<usize> {
        (*self.quote_open_at.get(k)? as usize).checked_sub(1)
    }

    /// Whether token `k` closes a quote.
    fn closes_quote(&self, k: usize) -> bool {
        self.quote_close_at.get(k).is_some_and(|&q| q != 0)
    }

    fn paragraph_of(&self, pos: usize) -> usize {
        self.segments.paragraph_of(pos)
    }

    /// Claims: the reported clause of each frame, and headline colons.
    fn claims(&self, frames: &mut [Frame]) -> Vec<Attribution> {
        let mut out = Vec::new();
        for fi in 0..frames.len() {
            let f = frames[fi].clone();
            if f.parenthetical {
                continue;
            }
            let claim = if f.trailing {
                self.trailing_claim(&f, frames)
            } else if self.cues[f.cue].according_to {
                self.according_to_claim(&f)
                    .or_else(|| self.clause_claim(&f, frames))
            } else {
                self.clause_claim(&f, frames)
            };
            if let Some((span, rule)) = claim {
                // A claim with no speaker found is still a row, with
                // empty speaker columns, like an unattributed quote.
                if span.start >= span.end {
                    continue;
                }
                out.push(Attribution {
                    kind: Kind::Indirect,
                    span,
                    speaker: f.speaker,
                    cue: Some(f.cue),
                    colon_cue: None,
                    via: f.via,
                    rule,
                    confidence: confidence_of(rule),
                    paragraph: self.paragraph_of(span.start),
                });
            }
        }
        out.extend(self.headline_colons());
        out
    }

    /// The clause after the cue of `f`: past an addressee, adverbials and
    /// "that", up to the end of the sentence or the next attribution.
    fn clause_claim(
        &self,
        f: &Frame,
        frames: &[Frame],
    ) -> Option<(Span, &'static str)> {
        let cue = &self.cues[f.cue];
        let n = self.tokens.len();
        // `..., said John Smith, a spokesman for the company`: what
        // follows an inverted speaker describes the speaker; it is no
        // reported clause.
        if f.inverted && !cue.according_to {
            return None;
        }
        let mut k = if f.inverted { f.last + 1 } else { cue.last_token + 1 };
        if k >= n || !self.same_sentence(k, cue.first_token) {
            return None;
        }
        let sentence_end = self.sentence_end(cue.first_token);
        // "said Wednesday that", "told the media outlets from X that":
        // a "that" close after the verb starts the clause.
        let mut that = None;
        for j in k..(k + 12).min(sentence_end + 1) {
            if self.tokens[j].in_quote || self.cue_at[j] != 0 && j > k {
                break;
            }
            let w = self.word(j);
            // "that" after a preposition is a determiner ("invited by
            // that country"), not the complementizer.
            if w == "that"
                && !(j > k && PREPOSITIONS.contains(&self.lower(j - 1)))
            {
                that = Some(j);
                break;
            }
            if matches!(w, "." | ";" | ":" | "?" | "!")
                || self.is_quote_mark(j)
            {
                break;
            }
        }
        if let Some(t) = that {
            k = t + 1;
            // "reported that, in a phone call in July, Trump ...".
            while k < sentence_end && self.word(k) == "," {
                k += 1;
            }
        } else {
            if cue.info.addressee {
                // "told reporters", "told the BBC", "told the court".
                let at = if self.lower(k) == "the" { k + 1 } else { k };
                if let Some(m) = self
                    .mention_starting_at(k)
                    .or_else(|| self.mention_starting_at(at))
                {
                    k = self.mentions[m].last_token + 1;
                } else if at <= sentence_end
                    && AUDIENCE_NOUNS.contains(&self.lower(at))
                {
                    k = at + 1;
                }
            }
            k = self.skip_medium_phrase(k, sentence_end);
            while k <= sentence_end
                && ((ADVERBIALS.contains(&self.lower(k))
                    || crate::lexicon::DAYS.contains(&self.lower(k)))
                    || self.word(k) == ","
                    || TIME_PREFIXES.contains(&self.lower(k))
                        && k < sentence_end
                        && is_time_word(&self.lower(k + 1)))
            {
                k += 1;
            }
        }
        if k > sentence_end {
            return None;
        }
        let first = self.word(k);
        if matches!(
            first,
            ":" | ","
                | "."
                | "?"
                | "!"
                | ";"
                | "("
                | "-"
                | "\u{2014}"
                | "\u{2013}"
        ) {
            return None;
        }
        // `"...," Fabius declared, insisting Russia ...`: the clause
        // belongs to the cue that opens it.
        if self.cue_at[k] != 0 {
            return None;
        }
        if that.is_none() && !self.opens_clause(k, cue) {
            return None;
        }
        // `said on Twitter, "Until ..."`: a direct quote introduced after
        // an adverbial is the object; the quote rules attribute it.
        for j in k..(k + 10).min(sentence_end + 1) {
            if let Some(q) = self.quote_opening_at(j) {
                let lead = j.checked_sub(1).map(|p| self.word(p));
                let to_end = self.quote_tokens[q].1.is_none_or(|c| {
                    (c + 1..=sentence_end)
                        .take(MAX_CLAUSE_TOKENS)
                        .all(|x| !self.tokens[x].word)
                });
                if self.quote_kind(q) == Kind::Direct
                    || matches!(lead, Some("," | ":")) && to_end
                {
                    return None;
                }
                break;
            }
        }
        // A quote that starts the clause and runs to the sentence's end is
        // a direct quote introduced by the cue, not a reported claim.
        if let Some(q) = self.quote_opening_at(k) {
            let after_close =
                self.quote_tokens[q].1.map_or(sentence_end, |c| c + 1);
            let rest_is_punct = (after_close..=sentence_end)
                .take(MAX_CLAUSE_TOKENS)
                .all(|j| !self.tokens[j].word);
            if rest_is_punct || self.frame_starts_in(after_close, sentence_end)
            {
                return None;
            }
        }
        let end = self.clause_end(k, sentence_end, frames);
        let span = self.trim_span(k, end)?;
        let rule =
            if cue.participle { CLAIM_PARTICIPLE } else { CLAIM_CUE_CLAUSE };
        Some((span, rule))
    }

    /// Past a phrase naming where the words were said ("in a statement",
    /// "in their filing", "on Twitter", "during a press conference", "via
    /// Facebook"): its preposition, up to a medium noun within six words.
    fn skip_medium_phrase(&self, k: usize, sentence_end: usize) -> usize {
        if k > sentence_end || k >= self.tokens.len() {
            return k;
        }
        if !matches!(
            self.lower(k),
            "in" | "on" | "at" | "via" | "during" | "through" | "to"
        ) {
            return k;
        }
        for j in k + 1..(k + 7).min(sentence_end + 1) {
            let w = self.lower(j);
            if MEDIA_NOUNS.contains(&w) {
                let mut e = j + 1;
                while e <= sentence_end && self.word(e) == "," {
                    e += 1;
                }
                return e;
            }
            if !self.tokens[j].word || self.cue_at[j] != 0 {
                break;
            }
        }
        k
    }

    /// Without "that", what follows a cue is a reported clause only when
    /// it opens like one: a pronoun, a determiner or a name as subject
    /// ("said he would", "said the talks", "said Moscow may"), not a noun
    /// phrase object ("promises retaliation", "urging a broad coalition")
    /// or a directive ("urging Russia to hurry").
    fn opens_clause(&self, k: usize, cue: &CueMatch<'_>) -> bool {
        if NP_OBJECT_CUES.contains(&cue.info.lemma.as_str()) {
            return false;
        }
        let t = &self.tokens[k];
        let w = self.lower(k);
        if NOT_CLAUSE_STARTS.contains(&w) {
            return false;
        }
        // Verbs such as "announce", "declare", "reject" take a noun phrase
        // far more often than a bare clause ("announced a new initiative"):
        // without "that", only a pronoun subject makes a clause.
        if !CLAUSE_CUES.contains(&cue.info.lemma.as_str()) {
            let name_at = |j: usize| {
                j < self.tokens.len()
                    && self.tokens[j].cap
                    && self.mention_starting_at(j).is_some()
            };
            let headline = !self.text
                [..self.tokens[self.sentence_end(k)].span.end]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201D}', '\'', '\u{2019}']);
            return matches!(
                w,
                "he" | "she" | "they" | "it" | "we" | "i" | "there"
            ) || !headline
                && (name_at(k) || w == "the" && name_at(k + 1))
                || !headline && self.finite_verb_follows(k);
        }
        // After a clause-taking verb a bare noun can be the subject
        // ("said human actions had little to do with it"); a preposition,
        // a conjunction or a question word cannot.
        // "suggested reading the report": a gerund object, not a clause.
        let gerund = !t.cap && w.len() > 5 && w.ends_with("ing");
        let bare_noun = t.word
            && !gerund
            && !NOT_CLAUSE_STARTS.contains(&w)
            && CLAUSE_CUES.contains(&cue.info.lemma.as_str());
        let subject_like = SUBJECT_STARTERS.contains(&w)
            || bare_noun
            || t.cap
            || w.starts_with(|c: char| c.is_ascii_digit())
            || self.quote_opening_at(k).is_some();
        if !subject_like {
            return false;
        }
        // "added 200 jobs", "wrote a book about the war", "told a story":
        // after an indefinite article or a number, a clause needs its verb
        // ("said a deal was close", "said 40 people were hurt").
        let needs_verb = !t.cap
            && (matches!(w, "a" | "an")
                || w.starts_with(|c: char| c.is_ascii_digit()));
        if needs_verb && !self.verb_follows(k) {
            return false;
        }
        // "urging Russia to hurry up", "tells foreign powers to leave": an
        // object and an infinitive.
        let next_word = (k + 1..(k + 4).min(self.tokens.len()))
            .find(|&j| self.tokens[j].word && !self.tokens[j].cap);
        let directive = next_word.is_some_and(|j| self.lower(j) == "to")
            || cue.info.addressee
                && (k + 1..(k + 4).min(self.tokens.len()))
                    .take_while(|&j| self.tokens[j].word)
                    .any(|j| self.lower(j) == "to");
        !directive
    }

    /// Whether an auxiliary or copula follows within a dozen words before
    /// any punctuation: "announced a trial of four drugs was stopped" is a
    /// clause; "announced a new initiative for the Gulf" is not.
    fn finite_verb_follows(&self, k: usize) -> bool {
        let end = (k + 12).min(self.tokens.len());
        for j in k + 1..end {
            if !self.tokens[j].word || !self.same_sentence(j, k) {
                return false;
            }
            let w = self.lower(j);
            // "a naval coalition which was joined by": the verb of a
            // relative or subordinate clause does not make a clause of
            // the object.
            if matches!(
                w,
                "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | "where"
                    | "when"
                    | "so"
                    | "because"
                    | "if"
                    | "as"
                    | "while"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "although"
                    | "though"
                    | "that"
                    | "to"
            ) {
                return false;
            }
            if AUXILIARIES.contains(&w) {
                return true;
            }
        }
        false
    }

    /// Whether a frame starts at the first word at or after `a` (up to
    /// `b`): an attribution right after a quote.
    /// Whether a finite verb follows within a dozen words: an auxiliary,
    /// a past tense in -ed, or a common irregular past.
    fn verb_follows(&self, k: usize) -> bool {
        let end = (k + 16).min(self.tokens.len());
        (k + 1..end).take_while(|&j| self.same_sentence(j, k)).any(|j| {
            let w = self.lower(j);
            self.tokens[j].word
                && !self.tokens[j].cap
                && (AUXILIARIES.contains(&w)
                    || w.len() > 4 && w.ends_with("ed")
                    || IRREGULAR_VERBS.contains(&w))
        })
    }

    fn frame_starts_in(&self, a: usize, b: usize) -> bool {
        for j in a..=b.min(self.tokens.len().saturating_sub(1)) {
            if self.frame_first_at[j] != 0 {
                return true;
            }
            if self.tokens[j].word {
                return false;
            }
        }
        false
    }

    /// Where a clause starting at `k` ends: before a coordinated cue ("and
    /// warned that"), a participle (", saying"), a closing attribution
    /// (", the officials said") or "according to"; else at the sentence's
    /// end.
    fn clause_end(
        &self,
        k: usize,
        sentence_end: usize,
        frames: &[Frame],
    ) -> usize {
        let sentence_end = sentence_end.min(k + MAX_CLAUSE_TOKENS);
        let mut words = 0usize;
        for j in k + 1..=sentence_end {
            if self.tokens[j - 1].word {
                words += 1;
            }
            // A semicolon joins a new sentence; a colon before a quote
            // opens the speaker's own words.
            if !self.tokens[j].in_quote
                && (self.word(j) == ";"
                    || self.word(j) == ":"
                        && j < sentence_end
                        && self.quote_opening_at(j + 1).is_some())
            {
                return j - 1;
            }
            // ", raising the possibility ...": a participial adjunct of
            // the main clause, not part of what was reported.
            let words_before = || words;
            if j < sentence_end
                && self.word(j) == ","
                && !self.tokens[j].in_quote
                && self.tokens[j + 1].word
                && !self.tokens[j + 1].cap
                && self.lower(j + 1).ends_with("ing")
                && self.lower(j + 1).len() > 5
                && !matches!(
                    self.lower(j + 1),
                    "including"
                        | "according"
                        | "regarding"
                        | "concerning"
                        | "following"
                        | "during"
                        | "excluding"
                        | "notwithstanding"
                )
                && words_before() >= 5
            {
                return j - 1;
            }
            // ", but Congress has not passed it": a new clause with its
            // own subject, the writer's, not the speaker's.
            if j < sentence_end
                && self.word(j) == ","
                && !self.tokens[j].in_quote
                && matches!(self.lower(j + 1), "but" | "whereas")
                && words_before() >= 3
                && j + 2 <= sentence_end
                && (self.tokens[j + 2].cap
                    || SUBJECT_STARTERS.contains(&self.lower(j + 2)))
            {
                return j - 1;
            }
            if self.cue_at[j] == 0 || self.tokens[j].in_quote {
                continue;
            }
            let c = self.cue_at[j] as usize - 1;
            let cue = &self.cues[c];
            let Some(f) = frames.get(c) else { continue };
            let p = j - 1;
            let pw = self.lower(p);
            // "and continued to attack": an infinitive, not a report.
            let infinitive = self
                .tokens
                .get(cue.last_token + 1)
                .is_some_and(|t| t.text(self.text) == "to");
            if (pw == "and" || pw == "but") && !infinitive {
                // "said X and warned that Y": a new claim starts.
                let cut =
                    if p > k && self.word(p - 1) == "," { p - 1 } else { p };
                return cut.saturating_sub(1).max(k);
            }
            if cue.participle && pw == "," {
                return p.saturating_sub(1).max(k);
            }
            if f.trailing || cue.according_to {
                let start = f.first.min(j);
                if start > k {
                    let mut e = start - 1;
                    while e > k
                        && (self.word(e) == ","
                            || self.is_quote_mark(e)
                                && !self.tokens[e].in_quote
                                && self.word(e) != "\u{201D}"
                                && self.word(e) != "\"")
                    {
                        e -= 1;
                    }
                    return e;
                }
            }
        }
        sentence_end
    }

    /// The span from token `a` to token `b` without edge punctuation
    /// (but keeping closing quote marks that end a quoted fragment).
    fn trim_span(&self, mut a: usize, mut b: usize) -> Option<Span> {
        while a <= b && !self.tokens[a].word && !self.is_quote_mark(a) {
            a += 1;
        }
        while b >= a
            && !self.tokens[b].word
            && !(self.is_quote_mark(b)
                && !self.tokens[b].in_quote
                && self.closes_quote(b))
        {
            if b == 0 {
                return None;
            }
            b -= 1;
        }
        if a > b {
            return None;
        }
        let words = (a..=b).filter(|&j| self.tokens[j].word).count();
        if words < 3 {
            return None;
        }
        Some(Span::new(self.tokens[a].span.start, self.tokens[b].span.end))
    }

    /// The clause before a closing attribution, from the sentence's start.
    fn trailing_claim(
        &self,
        f: &Frame,
        frames: &[Frame],
    ) -> Option<(Span, &'static str)> {
        let end = f.first.checked_sub(1)?;
        let start = self
            .sentence_start(f.first)
            .max(end.saturating_sub(MAX_CLAUSE_TOKENS));
        if end <= start {
            return None;
        }
        // A direct quote closing just before the attribution: the quote
        // rules attribute it; it is not a claim.
        let mut e = end;
        while e > start && self.word(e) == "," {
            e -= 1;
        }
        if self.closes_quote(e) || self.tokens[e].in_quote {
            // Quotes are in text order: the one ending at `e` is the last
            // that ends before `e` does.
            let q = self
                .quotes
                .partition_point(|q| q.content.end <= self.tokens[e].span.end)
                .checked_sub(1)
                .filter(|&q| {
                    self.quotes[q].content.end + 4 >= self.tokens[e].span.start
                });
            if let Some(q) = q {
                let qs = self.quotes[q].content.start;
                let lead_words = (start..e)
                    .take_while(|&j| self.tokens[j].span.end <= qs)
                    .filter(|&j| self.tokens[j].word)
                    .count();
                if lead_words < 3 {
                    return None;
                }
            }
        }
        // A direct quote with at most a description around it (`"...,"
        // the witness, Paul Grant, said`): the quote rules attribute it.
        if let Some(q) = (start..=end)
            .rev()
            .find_map(|j| (self.quote_close_at[j] as usize).checked_sub(1))
        {
            let (open, close) = self.quote_tokens[q];
            let words = |a: usize, b: usize| {
                (a..b)
                    .filter(|&j| {
                        self.tokens[j].word && !self.tokens[j].in_quote
                    })
                    .count()
            };
            if let (Some(open), Some(close)) = (open, close) {
                if open >= start
                    && words(start, open) <= 2
                    && words(close + 1, end + 1) <= 3
                {
                    return None;
                }
            }
        }
        // Another attribution inside: that frame's claim is the claim;
        // this one only reports it (its speaker went to `via`).
        let inner = frames[..f.cue]
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .take_while(|g| self.cues[g.cue].first_token >= start)
            .any(|g| {
                g.first >= start && g.last < f.first && g.speaker.is_some()
            });
        if inner {
            return None;
        }
        // "According to X, Y" clauses and leading adverbials stay: the
        // whole clause is what was reported.
        let span = self.trim_span(start, end)?;
        let rule = if self.cues[f.cue].according_to {
            CLAIM_ACCORDING_TO
        } else {
            CLAIM_TRAILING
        };
        Some((span, rule))
    }

    /// "According to X, CLAUSE": the clause after the comma that follows
    /// the source.
    fn according_to_claim(&self, f: &Frame) -> Option<(Span, &'static str)> {
        let cue = &self.cues[f.cue];
        let start = self.sentence_start(cue.first_token);
        if start != cue.first_token {
            return None;
        }
        let sentence_end = self.sentence_end(cue.first_token);
        let mut k = f.last + 1;
        while k <= sentence_end && self.word(k) != "," {
            k += 1;
        }
        if k >= sentence_end {
            return None;
        }
        let end = self.clause_end(k + 1, sentence_end, &[]);
        let span = self.trim_span(k + 1, end)?;
        Some((span, CLAIM_ACCORDING_TO))
    }

    /// "Kerry: US looks at Russian offer": a short paragraph with no final
    /// period that opens with a name and a colon.
    fn headline_colons(&self) -> Vec<Attribution> {
        let mut out = Vec::new();
        for (pi, p) in self.segments.paragraphs.iter().enumerate() {
            let body = &self.text[p.span.start..p.span.end];
            if body.len() > 200 || body.ends_with('.') || body.contains('\n') {
                continue;
            }
            let first = token_at(self.tokens, p.span.start);
            let Some(m) = self.mention_starting_at(first) else { continue };
            let colon = self.mentions[m].last_token + 1;
            if colon >= self.tokens.len() || self.word(colon) != ":" {
                continue;
            }
            // `Hill: "We will not give up."`: a quote after the colon is
            // the speaker's own words (quote/colon-name), not a claim.
            if self.quote_opening_at(colon + 1).is_some() {
                continue;
            }
            let last = token_at(self.tokens, p.span.end).saturating_sub(1);
            let Some(span) = self.trim_span(colon + 1, last) else { continue };
            out.push(Attribution {
                kind: Kind::Indirect,
                span,
                speaker: Some(m),
                cue: None,
                colon_cue: Some(self.tokens[colon].span),
                via: None,
                rule: CLAIM_HEADLINE_COLON,
                confidence: confidence_of(CLAIM_HEADLINE_COLON),
                paragraph: pi,
            });
        }
        out
    }

    /// Attributes every quote.
    fn quote_rows(
        &self,
        frames: &[Frame],
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
            let kind = self.quote_kind(qi);
            let mut row = Attribution {
                kind,
                span: q.content,
                speaker: None,
                cue: None,
                colon_cue: None,
                via: None,
                rule: UNATTRIBUTED,
                confidence: confidence_of(UNATTRIBUTED),
                paragraph: q.paragraph,
            };
            let after = self.frame_after(qi, frames);
            let before = self.frame_before(qi);
            after_frame[qi] = after;
            // "according to X" reports a sentence whose fragment was said
            // by the sentence's subject ("Pelosi called it a \"breach,\"
            // according to NBC"): the outlet is only `via`.
            let containing = around(q);
            let in_claim = containing
                .iter()
                .rev()
                .find(|c| c.speaker.is_some() && c.rule != CLAIM_ACCORDING_TO);
            let reported_by =
                containing.iter().rev().find(|c| c.rule == CLAIM_ACCORDING_TO);
            let interrupted = before.is_some()
                && qi > 0
                && after_frame[qi - 1] == before
                && self.quotes[qi - 1].paragraph == q.paragraph;
            let mut via_only = None;
            let choice: Option<(usize, &'static str, Option<usize>)> =
                match (before, after) {
                    // `Obama said he was "willing ...," CNN reported`: the
                    // fragment belongs to the claim around it; the outlet
                    // after it reports the whole.
                    (_, Some(a))
                        if kind == Kind::Partial && in_claim.is_some() =>
                    {
                        via_only = frames[a].speaker;
                        None
                    }
                    // A fragment inside a reported claim is part of it,
                    // whatever verb stands right before it ("says Russia
                    // has proposed 'military-to-military' talks").
                    (Some(_), None)
                        if kind == Kind::Partial && in_claim.is_some() =>
                    {
                        None
                    }
                    _ if interrupted => {
                        Some((before.unwrap(), QUOTE_INTERRUPTED, None))
                    }
                    (Some(b), Some(a)) if self.before_is_object(qi) => {
                        Some((b, QUOTE_BEFORE, frames[a].speaker))
                    }
                    // "a \"breach of his responsibilities,\" according to
                    // NBC": the outlet reports a fragment it did not say.
                    (_, Some(a))
                        if kind == Kind::Partial
                            && self.cues[frames[a].cue].according_to =>
                    {
                        via_only = frames[a].speaker;
                        None
                    }
                    (_, Some(a)) => Some((
                        a,
                        if frames[a].inverted {
                            QUOTE_AFTER_CUE_SPEAKER
                        } else {
                            QUOTE_AFTER_SPEAKER_CUE
                        },
                        None,
                    )),
                    (Some(b), None) => Some((b, QUOTE_BEFORE, None)),
                    (None, None) => None,
                };
            if let Some((fi, rule, via)) = choice {
                let f = &frames[fi];
                if f.speaker.is_some() {
                    row.speaker = f.speaker;
                    row.cue = Some(f.cue);
                    row.via = via.or(f.via);
                    row.rule = rule;
                    row.confidence = confidence_of(rule);
                }
            }
            if row.speaker.is_none() {
                if let Some(c) = in_claim {
                    row.speaker = c.speaker;
                    row.cue = c.cue;
                    row.via = c.via;
                    row.rule = QUOTE_IN_CLAIM;
                    row.confidence = confidence_of(QUOTE_IN_CLAIM);
                    row.kind = Kind::Partial;
                }
            }
            if row.speaker.is_none() {
                if let Some(m) = self.colon_name(qi) {
                    row.speaker = Some(m);
                    row.rule = QUOTE_COLON_NAME;
                    row.confidence = confidence_of(QUOTE_COLON_NAME);
                }
            }
            if row.speaker.is_none() {
                if let Some(m) = self.dash_byline(qi) {
                    row.speaker = Some(m);
                    row.rule = QUOTE_DASH_BYLINE;
                    row.confidence = confidence_of(QUOTE_DASH_BYLINE);
                }
            }
            if row.speaker.is_none() && kind == Kind::Partial {
                if let Some((m, cue, rule)) = self.partial_speaker(qi, frames)
                {
                    row.speaker = Some(m);
                    row.cue = cue;
                    row.rule = rule;
                    row.confidence = confidence_of(rule);
                }
            }
            if row.via.is_none() {
                row.via = via_only.or(reported_by.and_then(|c| c.speaker));
            }
            if q.repaired {
                row.confidence *= 0.8;
            }
            rows.push(row);
        }
        self.carry_speakers(&mut rows, frames, claims);
        rows
    }

    /// A partial quote with no claim around it: the speaker of a cue
    /// before it in its sentence ("He said it would be \"a condition of
    /// travel\""), else the sentence's subject when the sentence opens
    /// with a name ("Schiff called it \"a non-starter\"", "The State
    /// Department gave its \"deepest sympathies\""): news puts a
    /// fragment's speaker in subject position even with verbs that are not
    /// cues (called, described, attacked).
    fn partial_speaker(
        &self,
        qi: usize,
        frames: &[Frame],
    ) -> Option<(usize, Option<usize>, &'static str)> {
        let open = self.quote_tokens[qi].0?;
        let start =
            self.sentence_start(open).max(open.saturating_sub(MAX_LOOKBACK));
        // The last frame with a speaker ending before the quote.
        let frame = (start..open).rev().find_map(|j| {
            let f =
                &frames[(self.frame_last_at[j] as usize).checked_sub(1)?];
            (f.speaker.is_some()
                && f.first >= start
                && !self.cues[f.cue].according_to)
                .then_some(f)
        });
        if let Some(f) = frame {
            return Some((f.speaker?, Some(f.cue), QUOTE_SENTENCE_CUE));
        }
        let first = (start..open).find_map(|j| {
            self.mention_starting_at(j)
                .filter(|&m| self.mentions[m].last_token < open)
        })?;
        let m = &self.mentions[first];
        let start = self.sentence_start(open);
        let words_before =
            (start..m.first_token).filter(|&j| self.tokens[j].word).count();
        let subject =
            matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
                && matches!(
                    m.speaker_type,
                    SpeakerType::Person
                        | SpeakerType::Organization
                        | SpeakerType::Unknown
                )
                && words_before <= 1;
        subject.then_some((first, None, QUOTE_SENTENCE_SUBJECT))
    }

    /// `Hill: "We will not give up."`: a paragraph that opens with a name
    /// and a colon before a quote (interviews, transcripts, headlines).
    fn colon_name(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let colon = open.checked_sub(1)?;
        if self.word(colon) != ":" {
            return None;
        }
        let m = self.mention_ending_at(colon.checked_sub(1)?)?;
        let mm = &self.mentions[m];
        let para = self.segments.paragraphs[self.quotes[qi].paragraph].span;
        let opens = self.tokens[mm.first_token].span.start == para.start;
        (mm.kind == MentionKind::Name && opens).then_some(m)
    }

    /// `"This is a dark day for the city" — Councillor Tom Brown`: a
    /// dash and a name closing the quote's paragraph, the byline of
    /// press releases and social posts (users of earlier tools asked for
    /// it: research/PRIOR_ART.md, section 3.4).
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

    /// Quotes still without a speaker: the other pieces of a
    /// multi-paragraph quote, the last speaker of the paragraph, or of the
    /// previous paragraph for a paragraph made of a quote.
    fn carry_speakers(
        &self,
        rows: &mut [Attribution],
        frames: &[Frame],
        claim_rows: &[Attribution],
    ) {
        // Multi-paragraph groups share the speaker of an attributed piece.
        let mut donors: HashMap<usize, usize> = HashMap::new();
        for (j, r) in rows.iter().enumerate() {
            if r.speaker.is_some() && r.rule != QUOTE_CONTINUED {
                donors.entry(self.quotes[j].group).or_insert(j);
            }
        }
        for i in 0..rows.len() {
            if rows[i].speaker.is_some() {
                continue;
            }
            if let Some(&j) = donors.get(&self.quotes[i].group) {
                let (s, c, v) = (rows[j].speaker, rows[j].cue, rows[j].via);
                self.set(&mut rows[i], i, s, c, v, QUOTE_CONTINUED);
            }
        }
        // One pass in text order, merging frames and rows: the last
        // speaker seen in each paragraph so far.
        type Said = (usize, Option<usize>);
        let mut frame_events: Vec<(usize, usize, Said)> = frames
            .iter()
            .filter_map(|f| {
                let at = self.tokens[f.first].span.start;
                Some((at, self.paragraph_of(at), (f.speaker?, Some(f.cue))))
            })
            .collect();
        frame_events.sort_by_key(|e| e.0);
        let mut last_claim_in: HashMap<usize, Said> = HashMap::new();
        for r in claim_rows {
            if let Some(s) = r.speaker {
                last_claim_in.insert(r.paragraph, (s, r.cue));
            }
        }
        let mut last_event: HashMap<usize, (usize, Said)> = HashMap::new();
        let mut last_row_in: HashMap<usize, Said> = HashMap::new();
        let note =
            |map: &mut HashMap<usize, (usize, Said)>, para, at, said| {
                let e = map.entry(para).or_insert((at, said));
                if at >= e.0 {
                    *e = (at, said);
                }
            };
        let mut next_frame = 0;
        #[allow(clippy::needless_range_loop)]
        // rows[i] and self.quotes[i] go together
        for i in 0..rows.len() {
            let start = rows[i].span.start;
            while next_frame < frame_events.len()
                && frame_events[next_frame].0 < start
            {
                let (at, para, said) = frame_events[next_frame];
                note(&mut last_event, para, at, said);
                next_frame += 1;
            }
            let para = rows[i].paragraph;
            if let Some(s) = rows[i].speaker {
                note(&mut last_event, para, start, (s, rows[i].cue));
                last_row_in.insert(para, (s, rows[i].cue));
                continue;
            }
            if rows[i].kind == Kind::Partial {
                continue;
            }
            // The last speaker named in this paragraph before the quote.
            if let Some(&(_, (s, c))) = last_event.get(&para) {
                self.set(
                    &mut rows[i],
                    i,
                    Some(s),
                    c,
                    None,
                    QUOTE_SAME_PARAGRAPH,
                );
                note(&mut last_event, para, start, (s, c));
                last_row_in.insert(para, (s, c));
                continue;
            }
            // A paragraph that opens with the quote takes the speaker of
            // the previous (non-boilerplate) paragraph: its last
            // attributed quote, else its last claim, else its last frame
            // ("CNN reported").
            let q = &self.quotes[i];
            let opens = q.open_mark.map_or(q.content.start, |m| m.start)
                <= self.segments.paragraphs[para].span.start;
            if !opens {
                continue;
            }
            let mut prev = para;
            while prev > 0 {
                prev -= 1;
                if !self.segments.paragraphs[prev].boilerplate {
                    break;
                }
            }
            if prev == para {
                continue;
            }
            let carried = last_row_in
                .get(&prev)
                .or_else(|| last_claim_in.get(&prev))
                .or_else(|| last_event.get(&prev).map(|(_, said)| said))
                .copied();
            if let Some((s, c)) = carried {
                self.set(
                    &mut rows[i],
                    i,
                    Some(s),
                    c,
                    None,
                    QUOTE_PREVIOUS_PARAGRAPH,
                );
                note(&mut last_event, para, start, (s, c));
                last_row_in.insert(para, (s, c));
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn set(
        &self,
        row: &mut Attribution,
        quote: usize,
        speaker: Option<usize>,
        cue: Option<usize>,
        via: Option<usize>,
        rule: &'static str,
    ) {
        row.speaker = speaker;
        row.cue = cue;
        row.via = via;
        row.rule = rule;
        row.confidence = confidence_of(rule)
            * if self.quotes[quote].repaired { 0.8 } else { 1.0 };
    }

    /// The frame right after quote `qi`'s closing mark: `"...," Lavrov
    /// told reporters` or `"...," said Rogachev`. It must be in the quote's
    /// paragraph, glued to the quote (only words of the speaker's name and
    /// title between), and must not be the lead-in of the next quote (`"A."
    /// Sophie Obadia told reporters "B."`).
    fn frame_after(&self, qi: usize, frames: &[Frame]) -> Option<usize> {
        let close = self.quote_tokens[qi].1?;
        let mut k = close + 1;
        while k < self.tokens.len()
            && matches!(self.word(k), "," | "\u{2014}" | "-" | "\u{2013}")
        {
            k += 1;
        }
        if k >= self.tokens.len()
            || self.tokens[k].in_quote
            || !self.same_sentence(close, k)
            || self.paragraph_of(self.tokens[k].span.start)
                != self.quotes[qi].paragraph
        {
            return None;
        }
        let last = (k + 8).min(self.tokens.len() - 1);
        let fi = (k..=last).find_map(|j| {
            let fi = (self.frame_first_at[j] as usize).checked_sub(1)?;
            let f = &frames[fi];
            let cue = &self.cues[f.cue];
            if f.first < k || cue.participle || !self.same_sentence(f.first, k)
            {
                return None;
            }
            let glued = f.first <= k + 1
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
            // `"...," the witness, Paul Grant, said`: a description and a
            // comma before the name.
            let appositive = f.speaker.is_some()
                && self.mention_starting_at(k).is_some_and(|d| {
                    let d = &self.mentions[d];
                    d.last_token + 2 == f.first
                        && self.word(d.last_token + 1) == ","
                });
            (glued || appositive).then_some(fi)
        })?;
        let ends_sentence = self.text
            [self.quotes[qi].content.start..self.quotes[qi].content.end]
            .ends_with(['.', '?', '!']);
        if ends_sentence && self.leads_into_quote(&frames[fi]) {
            return None;
        }
        Some(fi)
    }

    /// Whether a quote opens within a few words after frame `f`: the frame
    /// introduces that quote.
    fn leads_into_quote(&self, f: &Frame) -> bool {
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
    fn frame_before(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let mut k = open;
        let mut gap_words = 0;
        while k > 0 {
            let p = k - 1;
            if self.tokens[p].in_quote {
                break;
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

    /// Whether the quote is the object of the verb before it (`said
    /// "..."`, `said: "..."`): then it wins over an attribution after it,
    /// which only reports the words (`The sources said "...," WND
    /// reported`).
    fn before_is_object(&self, qi: usize) -> bool {
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
    fn quote_kind(&self, qi: usize) -> Kind {
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
