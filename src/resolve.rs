//! Stage 8 of the pipeline: resolution of speakers to canonical names.
//!
//! Input: the mentions of a document and the mention the rules chose as a
//! speaker. Output: a [`Resolved`] speaker: canonical name, type, role and
//! gazetteer id. The steps, cheapest first, follow what the survey of
//! earlier tools found users missing most (research/PRIOR_ART.md, section
//! 4.2 and 4.3): a gazetteer name gives its entry; a surname gives the
//! fuller name met in the article ("Lavrov" -> "Sergey Lavrov"), or the
//! gazetteer entry it is a short form of after a title; a pronoun gives the
//! most salient referent of compatible number and gender before it (Lappin
//! and Leass 1994, [`crate::salience`]); a role noun ("the
//! spokeswoman") gives the person holding that role in the article; an
//! unnamed source gives the fullest description of it in the article ("the
//! officials" -> "US officials").

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::lexicon::WordMap as HashMap;

use crate::gazetteer::{EntityType, Gazetteer};
use crate::mentions::{Mention, MentionKind};
use crate::analysis::Analysis;
use crate::salience::GramRole;
use crate::segment::Segments;
use crate::types::{Gender, SpeakerType};

/// A speaker resolved to a canonical entity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    /// Canonical name; empty when unknown.
    pub name: String,
    /// person, organization, group, document or unknown.
    pub speaker_type: SpeakerType,
    /// Role or title found in the article.
    pub role: String,
    /// Gazetteer id (a Wikidata QID where known).
    pub id: String,
    /// How the name was found, for `explain`.
    pub step: Step,
    /// The mentions, as written, the resolution went through between the
    /// speaker and its name ("he" -> "Lynch" -> "Mick Lynch" holds
    /// "Lynch"), for `explain`.
    pub chain: Vec<String>,
    /// How many of the steps were guesses (a pronoun's antecedent, a role
    /// noun's holder, an alias, a name found only after the mention):
    /// each lowers the row's confidence.
    pub uncertain: u8,
}

/// How a speaker's name was found: the resolution steps, cheapest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Step {
    /// Not resolved.
    #[default]
    Unresolved,
    /// A gazetteer name, or a surname after a title with one gazetteer
    /// entry it can be.
    Gazetteer,
    /// A first word or abbreviation of a longer organization name.
    Alias,
    /// A single word with a fuller person name in the article.
    Surname,
    /// A name no other step knows: as written.
    AsWritten,
    /// A pronoun: the most salient referent of compatible number and
    /// gender before it.
    Pronoun,
    /// A role noun ("the spokeswoman"): the person holding the role.
    Role,
    /// A document ("the report"): its author named in the article.
    DocumentAuthor,
    /// An unnamed source: its fullest description in the article.
    Description,
}

impl Step {
    /// The step's name in `explain`.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Unresolved => "none",
            Step::Gazetteer => "gazetteer",
            Step::Alias => "alias",
            Step::Surname => "surname",
            Step::AsWritten => "as-written",
            Step::Pronoun => "pronoun",
            Step::Role => "role",
            Step::DocumentAuthor => "document author",
            Step::Description => "description",
        }
    }
}

/// The resolution stage's output for one document: the resolved speaker
/// and `via` of every attribution, shared by the output stage and
/// `explain`.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// By mention index; `None` for a mention no attribution names.
    by_mention: Vec<Option<Resolved>>,
}

impl Resolution {
    /// The resolution of mention `m`, if an attribution names it.
    pub fn of(&self, m: usize) -> Option<&Resolved> {
        self.by_mention.get(m)?.as_ref()
    }
}

/// Stage 8: resolves the speaker and `via` of every attribution, in text
/// order (the order matters: a description resolves like the first
/// description written the same way).
pub fn resolve(
    a: &Analysis<'_>,
    gazetteer: &Gazetteer,
    author: Option<&str>,
) -> Resolution {
    // The speakers' mentions and the antecedents only a pronoun or a
    // description may stand for, in one text-ordered list; `at[m]` is
    // mention `m`'s place in it.
    // A document without attributions resolves nothing: no tables.
    if a.attributions.is_empty() {
        return Resolution { by_mention: vec![None; a.mentions.len()] };
    }
    let (all, at) = merged(&a.mentions, &a.antecedents);
    let mut resolver =
        Resolver::new(&a.normalized.text, &all, gazetteer, &a.segments);
    resolver.author = author;
    let mut speaks = vec![false; all.len()];
    for f in &a.frames {
        if let Some(s) = f.speaker.and_then(|s| at.get(s)) {
            speaks[*s] = true;
        }
    }
    // The roles are read lazily, for the mentions of a pronoun's window
    // only ([`Resolver::role`]).
    resolver.tokens = &a.tokens;
    resolver.tags = &a.tags;
    resolver.speaks = speaks;
    let mut wanted = vec![false; a.mentions.len()];
    for at_ in &a.attributions {
        let named = [at_.speaker, at_.via].into_iter().flatten();
        for m in named.chain(at_.co_speakers.iter().copied()) {
            if !wanted[m] {
                wanted[m] = true;
                resolver.resolved(at[m]);
            }
        }
    }
    // A cached resolution never changes once made: the wanted ones are
    // moved out of the cache, not copied.
    let by_mention = wanted
        .iter()
        .enumerate()
        .map(|(m, &w)| if w { resolver.cache[at[m]].take() } else { None })
        .collect();
    Resolution { by_mention }
}

/// `mentions` and `antecedents` merged by where they start (a mention
/// before an antecedent at the same place), and each mention's index in
/// the merged list.
fn merged<'m>(
    mentions: &'m [Mention],
    antecedents: &[Mention],
) -> (Cow<'m, [Mention]>, Vec<usize>) {
    if antecedents.is_empty() {
        return (Cow::Borrowed(mentions), (0..mentions.len()).collect());
    }
    let mut all = Vec::with_capacity(mentions.len() + antecedents.len());
    let mut at = Vec::with_capacity(mentions.len());
    let mut rest = antecedents.iter().peekable();
    for m in mentions {
        while let Some(x) = rest.next_if(|x| x.span.start < m.span.start) {
            all.push(x.clone());
        }
        at.push(all.len());
        all.push(m.clone());
    }
    all.extend(rest.cloned());
    (Cow::Owned(all), at)
}

/// Resolves the mentions of one document; results are cached.
pub struct Resolver<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    gazetteer: &'a Gazetteer,
    /// Last word of every multi-word person name -> mentions, in order;
    /// and first word -> mentions ([`Resolver::name_words`], built on the
    /// first look-up: many documents never look).
    name_words: OnceCell<NameWords>,
    /// [`Resolver::fuller`] by mention, once looked up.
    fuller_of: Vec<Option<Option<usize>>>,
    /// Entity -> its mention written most fully.
    fullest_by_entity: HashMap<usize, usize>,
    /// Entity -> its first mention with a role.
    role_by_entity: HashMap<usize, usize>,
    /// Name as written -> its first mention with a role.
    role_by_text: HashMap<&'a str, usize>,
    /// First word or abbreviation -> a longer organization name.
    org_by_word: HashMap<&'a str, usize>,
    /// [`org_key`] of every organisation name of two words or more ->
    /// its first mention, and by mention (built on the first look-up).
    org_by_key: OnceCell<OrgKeys>,
    /// Head noun -> descriptions with it.
    descriptors_by_head: HashMap<&'a str, Vec<usize>>,
    /// Person names with a role, in text order.
    role_holders: Vec<usize>,
    /// Organization names other than countries, in text order.
    org_names: Vec<usize>,
    /// Description as written -> its resolution.
    descriptions: HashMap<String, Resolved>,
    paragraph_of_mention: Vec<usize>,
    sentence_of_mention: Vec<usize>,
    cache: Vec<Option<Resolved>>,
    /// Grammatical role of every mention, for salience, once read
    /// ([`Resolver::role`]).
    roles: Vec<Option<GramRole>>,
    /// The document's tokens and tags, which the roles are read from.
    tokens: &'a [crate::tokens::Token],
    tags: &'a [crate::tagger::PosTag],
    /// Whether a mention is the speaker of a cue.
    speaks: Vec<bool>,
    /// By mention, the number of its canonical name ([`UNSEEN`] until
    /// looked up, [`NO_REFERENT`] for none).
    referent_ids: Vec<u32>,
    /// Canonical names and their numbers.
    referent_names: HashMap<String, u32>,
    /// The document's author as its record gives it (JSONL `author`).
    pub author: Option<&'a str>,
}

/// [`Resolver::name_words`]: the multi-word person names by their last
/// and by their first word ([`crate::names::variant_key`]), each list in
/// text order. The first words are keyed only when a last word misses
/// ([`Resolver::names_by_first_word`]): most look-ups find a last word or
/// nothing to look in.
struct NameWords {
    by_last_word: HashMap<String, Vec<usize>>,
    by_first_word: OnceCell<HashMap<String, Vec<usize>>>,
}

/// [`Resolver::org_by_key`]: the organisation names of two words or more
/// by their [`org_key`], and each one's first mention with its key by
/// mention index ([`NO_ORG_KEY`] for other mentions), so that a name of
/// the table finds its first spelling without its key made and hashed
/// again (callgrind, 400 KB Wikinews: org_key called 676 -> 540 times).
struct OrgKeys {
    by_key: HashMap<String, usize>,
    first_of: Vec<u32>,
}

/// [`OrgKeys::first_of`]: a mention not in the table.
const NO_ORG_KEY: u32 = u32::MAX;

/// A referent a pronoun may stand for, while the window is read.
struct Referent {
    /// Its canonical name's number ([`Resolver::referent_id`]).
    id: u32,
    /// Salience so far.
    salience: f32,
    /// Salience before the sentence of its last mention.
    before: f32,
    /// A mention's gender is known to agree with the pronoun's.
    known: bool,
    /// Its first mention in the window, whose resolution it takes.
    first: usize,
    /// Its last mention in the window.
    last: usize,
    /// Its last mention in the window that is not a pronoun.
    named: Option<usize>,
}

/// [`Resolver::referent_ids`]: not looked up yet.
const UNSEEN: u32 = u32::MAX;
/// [`Resolver::referent_ids`]: a mention without a name.
const NO_REFERENT: u32 = u32::MAX - 1;

/// The name of a byline, "By Jane Roe" or "By Jane Roe, Staff Writer":
/// "By" and two to four capitalised words, alone on the line.
fn byline_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("By ")?;
    let name = rest.split(',').next()?.trim();
    let words: Vec<&str> = name.split(' ').collect();
    let capitalised = words.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || "-.'".contains(c))
    });
    ((2..=4).contains(&words.len()) && capitalised).then_some(name)
}

/// The initials of a name's capitalised words ("Royal Canadian Mounted
/// Police" -> "RCMP"), function words skipped; `None` under three.
fn initials(name: &str) -> Option<String> {
    let letters: String = name
        .split([' ', '-'])
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.len() >= 3).then_some(letters)
}

/// An organisation's name as a set of words: lower case, diacritics
/// folded, "of", "for", "the" and "and" dropped, sorted. English names an
/// institution either with its head postmodified or with the same noun
/// premodifying it ("Ministry of Agriculture" and "Agriculture Ministry",
/// "Department of State" and "State Department": Quirk et al. 1985,
/// 17.108-17.109), so both have one key.
fn org_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_org_key(name);
    }
    folded_org_key(name)
}

/// [`org_key`] of any name: each word folded and lower-cased.
fn folded_org_key(name: &str) -> String {
    // The lower-cased words in one buffer, not a String each.
    let mut lower = String::with_capacity(name.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for w in name.split(' ') {
        let start = lower.len();
        let folded = crate::names::fold(w);
        if folded.is_ascii() {
            lower.extend(folded.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lower.push_str(&folded.to_lowercase());
        }
        if matches!(&lower[start..], "of" | "for" | "the" | "and" | "&") {
            lower.truncate(start);
            continue;
        }
        ranges.push((start, lower.len()));
    }
    let mut words: Vec<&str> = ranges.iter().map(|&(a, b)| &lower[a..b]).collect();
    words.sort_unstable();
    words.join(" ")
}

/// [`org_key`] of an ASCII name (most names): no folding to do, the name
/// lower-cased at once and cut at its spaces by byte, the key joined in
/// one buffer of the name's length (callgrind, 400 KB Wikinews, with the
/// keys looked up by mention: org_key 4.2 -> 1.6 instructions a byte).
fn ascii_org_key(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut words: Vec<&str> = Vec::with_capacity(8);
    let mut start = 0;
    for end in (0..=bytes.len()).filter(|&k| k == bytes.len() || bytes[k] == b' ') {
        let w = &lower[start..end];
        start = end + 1;
        if !matches!(w, "of" | "for" | "the" | "and" | "&") {
            words.push(w);
        }
    }
    words.sort_unstable();
    let mut key = String::with_capacity(lower.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(w);
    }
    key
}

/// Whether a role ("the father of the victim", "Foreign Minister",
/// "spokeswoman for the department") is one of the noun `head`: a word of
/// the role before its post-modifier is `head`, so that "the victim" is
/// no holder of "the father of the victim" (the complement of a
/// relational noun is another person: Huddleston & Pullum 2002, ch. 5
/// §16), "son" no holder of "spokesperson" and "minister" none of "the
/// minister's spokesman".
fn role_names(role: &str, head: &str) -> bool {
    // "Sen. Jane Roe ... the senator": a title abbreviation stands for
    // its role noun (data/title_roles.tsv).
    let title = role.trim();
    if crate::lexicon::title_means(title, head)
        || title.rsplit(' ').next().is_some_and(|last| crate::lexicon::title_means(last, head))
    {
        return true;
    }
    let role = role.to_lowercase();
    // The first place any of the prepositions starts (each starts with a
    // space): one scan, not a string searcher built per preposition
    // (callgrind, 400 KB Wikinews: role_names 2.6 -> 1.1 instructions a
    // byte).
    let bytes = role.as_bytes();
    let pre = (0..bytes.len())
        .filter(|&k| bytes[k] == b' ')
        .find(|&k| {
            [" of ", " for ", " from ", " at ", " in ", " with "]
                .iter()
                .any(|p| bytes[k..].starts_with(p.as_bytes()))
        })
        .map_or(role.as_str(), |k| &role[..k]);
    pre.split([' ', ',']).any(|w| {
        w == head
            || w.rsplit('-').next() == Some(head)
    })
}

/// One name for several people or bodies, as news writes a joint source
/// ("Nick Adderley and Stephen Mold"; AP style, no comma before "and").
pub(crate) fn joint_name(names: &[String]) -> String {
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn strip_determiner(s: &str) -> &str {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(d) {
            return rest;
        }
    }
    s
}

impl<'a> Resolver<'a> {
    /// Prepares resolution for one document.
    pub fn new(
        text: &'a str,
        mentions: &'a [Mention],
        gazetteer: &'a Gazetteer,
        segments: &Segments,
    ) -> Resolver<'a> {
        // Document-wide tables, built once so that resolving every
        // mention stays linear in the number of mentions.
        let mut fullest_by_entity: HashMap<usize, usize> = HashMap::default();
        let mut role_by_entity: HashMap<usize, usize> = HashMap::default();
        let mut role_by_text: HashMap<&'a str, usize> = HashMap::default();
        let mut org_by_word: HashMap<&'a str, usize> = HashMap::default();
        // The one-word capitalised acronyms written in the article, by
        // their letters.
        let acronyms: HashMap<&'a str, &'a str> = mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name && m.single_word)
            .map(|m| m.text(text))
            .filter(|w| {
                w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase())
            })
            .map(|w| (w, w))
            .collect();
        let mut descriptors_by_head: HashMap<&'a str, Vec<usize>> =
            HashMap::default();
        let mut role_holders = Vec::new();
        let mut org_names = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let written = m.text(text);
            match m.kind {
                MentionKind::Name => {
                    if let Some(e) = m.entity {
                        if !m.single_word {
                            let best = fullest_by_entity.entry(e).or_insert(i);
                            if written.len() > mentions[*best].text(text).len()
                            {
                                *best = i;
                            }
                        }
                        if m.role.is_some() {
                            role_by_entity.entry(e).or_insert(i);
                        }
                    }
                    if m.role.is_some() {
                        role_by_text.entry(written).or_insert(i);
                        if m.speaker_type == SpeakerType::Person {
                            role_holders.push(i);
                        }
                    }
                    let country = m.entity.is_some_and(|e| {
                        gazetteer.entity(e).kind == EntityType::Country
                    });
                    if m.speaker_type == SpeakerType::Organization && !country
                    {
                        org_names.push(i);
                    }
                    if !m.single_word
                        && m.speaker_type == SpeakerType::Organization
                    {
                        // "Ford" for "Ford Motor Company"; "PG&E" for
                        // "Pacific Gas and Electric Company (PG&E)".
                        if let Some(first) = written.split(' ').next() {
                            org_by_word.entry(first).or_insert(i);
                        }
                        // "NTSB" for "National Transportation Safety
                        // Board": an acronym of the capitalised words'
                        // initials (Quirk et al. 1985, App. I.79), three
                        // letters or more so that chance collisions stay
                        // rare.
                        // No acronym written, none to find: the initials
                        // are not collected.
                        if !acronyms.is_empty() {
                            if let Some(k) = initials(written)
                                .and_then(|a| acronyms.get(a.as_str()))
                            {
                                org_by_word.entry(k).or_insert(i);
                            }
                        }
                        let after = text[m.span.end..].trim_start();
                        if let Some(rest) = after.strip_prefix('(') {
                            if let Some(close) =
                                rest.find(')').filter(|&c| c < 12)
                            {
                                org_by_word.entry(&rest[..close]).or_insert(i);
                            }
                        }
                    }
                }
                MentionKind::Descriptor => {
                    if let Some(h) = &m.head {
                        descriptors_by_head
                            .entry(h.as_str())
                            .or_default()
                            .push(i);
                    }
                }
                MentionKind::Pronoun => {}
            }
        }
        Resolver {
            text,
            mentions,
            gazetteer,
            name_words: OnceCell::new(),
            fuller_of: vec![None; mentions.len()],
            fullest_by_entity,
            role_by_entity,
            role_by_text,
            org_by_word,
            org_by_key: OnceCell::new(),
            descriptors_by_head,
            role_holders,
            org_names,
            descriptions: HashMap::default(),
            paragraph_of_mention: mentions
                .iter()
                .map(|m| segments.paragraph_of(m.span.start))
                .collect(),
            sentence_of_mention: mentions
                .iter()
                .map(|m| segments.sentence_of(m.span.start))
                .collect(),
            cache: vec![None; mentions.len()],
            roles: vec![None; mentions.len()],
            tokens: &[],
            tags: &[],
            speaks: vec![false; mentions.len()],
            referent_ids: vec![UNSEEN; mentions.len()],
            referent_names: HashMap::default(),
            author: None,
        }
    }

    /// Resolves mention `i`.
    pub fn resolve(&mut self, i: usize) -> Resolved {
        self.resolved(i).clone()
    }

    /// [`Resolver::resolve`], borrowed from the cache: a caller that
    /// reads one field copies no other.
    fn resolved(&mut self, i: usize) -> &Resolved {
        if self.cache[i].is_none() {
            let r = match self.mentions[i].kind {
                MentionKind::Name => self.name(i),
                MentionKind::Pronoun => self.pronoun(i),
                MentionKind::Descriptor => self.descriptor(i),
            };
            self.cache[i] = Some(r);
        }
        self.cache[i].as_ref().expect("resolved above")
    }

    /// The gender of the person mention `i` stands for.
    fn gender(&mut self, i: usize) -> Option<Gender> {
        let m = &self.mentions[i];
        if m.gender.is_some() || m.kind != MentionKind::Name {
            return m.gender;
        }
        self.fuller(i).and_then(|f| self.mentions[f].gender)
    }

    /// A fuller person name in the article whose last word is this single
    /// word: the nearest before it, else the first after it.
    fn fuller(&mut self, i: usize) -> Option<usize> {
        if let Some(f) = self.fuller_of[i] {
            return f;
        }
        let f = self.find_fuller(i);
        self.fuller_of[i] = Some(f);
        f
    }

    /// [`Resolver::fuller`], looked up.
    fn find_fuller(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        if !m.single_word {
            return None;
        }
        let names = self.name_words();
        // Every multi-word person name is under its last word and its
        // first: both tables are empty or neither.
        if names.by_last_word.is_empty() {
            return None;
        }
        let key = crate::names::variant_key(m.text(self.text));
        let word = key.as_str();
        // Lists are in text order: bisect for the nearest before `i`.
        let pick = |list: &Vec<usize>| {
            let before = list.partition_point(|&f| f < i);
            before.checked_sub(1).map(|b| list[b]).or(list.first().copied())
        };
        match names.by_last_word.get(word) {
            Some(list) => pick(list),
            // Family name first ("Tong Yung-soo", later "Tong").
            None => self.names_by_first_word().get(word).and_then(pick),
        }
    }

    /// The multi-word person names by their last and first words.
    fn name_words(&self) -> &NameWords {
        self.name_words.get_or_init(|| NameWords {
            by_last_word: self.person_names_by(|w| w.rsplit(' ').next()),
            by_first_word: OnceCell::new(),
        })
    }

    /// The multi-word person names by their first word, built on the
    /// first look-up a last word misses.
    fn names_by_first_word(&self) -> &HashMap<String, Vec<usize>> {
        self.name_words()
            .by_first_word
            .get_or_init(|| self.person_names_by(|w| w.split(' ').next()))
    }

    /// The multi-word person names by the word `pick` takes of each, in
    /// text order.
    fn person_names_by(
        &self,
        pick: impl Fn(&'a str) -> Option<&'a str>,
    ) -> HashMap<String, Vec<usize>> {
        let (text, mentions) = (self.text, self.mentions);
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, m) in mentions.iter().enumerate() {
            if m.kind != MentionKind::Name || m.single_word {
                continue;
            }
            if m.speaker_type != SpeakerType::Person {
                continue;
            }
            let written = m.text(text);
            let word = pick(written).unwrap_or(written);
            // Diacritics and romanisations folded: "Erdogan" finds
            // "Recep Tayyip Erdoğan", "Zelensky" "Volodymyr
            // Zelenskyy" (crate::names::variant_key).
            by_word.entry(crate::names::variant_key(word)).or_default().push(i);
        }
        by_word
    }

    /// The [`org_key`] of every organisation name of two words or more
    /// -> its first mention.
    fn org_by_key(&self) -> &OrgKeys {
        self.org_by_key.get_or_init(|| {
            let mut by_key: HashMap<String, usize> = HashMap::default();
            let mut first_of = vec![NO_ORG_KEY; self.mentions.len()];
            for (i, m) in self.mentions.iter().enumerate() {
                if m.kind == MentionKind::Name
                    && !m.single_word
                    && m.speaker_type == SpeakerType::Organization
                {
                    let first =
                        *by_key.entry(org_key(m.text(self.text))).or_insert(i);
                    first_of[i] = first as u32;
                }
            }
            OrgKeys { by_key, first_of }
        })
    }

    /// The grammatical role of mention `j`: the speaker of a cue is a
    /// subject, else as the tags around it say.
    fn role(&mut self, j: usize) -> GramRole {
        if let Some(r) = self.roles[j] {
            return r;
        }
        let r = if self.speaks.get(j).copied().unwrap_or(false) {
            GramRole::Subject
        } else {
            crate::salience::role_of(&self.mentions[j], self.text, self.tokens, self.tags)
        };
        self.roles[j] = Some(r);
        r
    }

    fn role_text(&self, i: usize) -> String {
        self.mentions[i]
            .role
            .map(|r| self.text[r.start..r.end].to_string())
            .unwrap_or_default()
    }

    fn name(&mut self, i: usize) -> Resolved {
        if let Some(j) = self.party_epithet_of(i) {
            let mut r = self.resolve(j);
            r.step = Step::Role;
            r.uncertain += 1;
            return r;
        }
        let m = &self.mentions[i];
        let written = m.text(self.text).to_string();
        let mut role = self.role_text(i);
        // "Bloomberg" after "Michael Bloomberg": a surname that is also
        // the name of a company or a place is the person's in an article
        // that names the person in full.
        let surname_of_person = m.entity.is_some_and(|e| {
            self.gazetteer.entity(e).kind != EntityType::Person
        }) && self.fuller(i).is_some();
        if let Some(e) = m.entity.filter(|_| !surname_of_person) {
            let ent = self.gazetteer.entity(e);
            if role.is_empty() {
                role = self.cluster_role(i, Some(e));
            }
            return Resolved {
                name: self.fullest_written(e).unwrap_or(&ent.name).to_string(),
                speaker_type: m.speaker_type,
                role,
                id: ent.output_id().to_string(),
                step: Step::Gazetteer,
                ..Resolved::default()
            };
        }
        if let Some(f) = self.org_variant(i) {
            let mut r = self.resolve(f);
            r.step = Step::Alias;
            r.uncertain += 1;
            return r;
        }
        if let Some(f) = self.org_expansion(i) {
            let mut r = self.resolve(f);
            r.step = Step::Alias;
            r.uncertain += 1;
            return r;
        }
        if let Some(f) = self.fuller(i) {
            let mut r = self.resolve(f);
            if !role.is_empty() {
                r.role = role;
            }
            r.step = Step::Surname;
            // A full name met only after the surname is a guess (the
            // usual order is the full name first).
            if f > i {
                r.uncertain += 1;
            }
            return r;
        }
        // A surname after a title with one gazetteer entry it can be.
        if m.single_word && m.role.is_some() {
            if let [e] = self.gazetteer.short_form(&written) {
                let ent = self.gazetteer.entity(*e);
                if !self.title_fits(i, &role, ent) {
                    return Resolved {
                        name: written,
                        speaker_type: SpeakerType::Person,
                        role,
                        step: Step::AsWritten,
                        ..Resolved::default()
                    };
                }
                return Resolved {
                    name: ent.name.clone(),
                    speaker_type: SpeakerType::Person,
                    role,
                    id: ent.output_id().to_string(),
                    step: Step::Gazetteer,
                    uncertain: 1,
                    ..Resolved::default()
                };
            }
        }
        if role.is_empty() {
            role = self.cluster_role(i, None);
        }
        Resolved {
            name: written,
            speaker_type: match m.speaker_type {
                // A single capitalised word that speaks is most often a
                // person's surname.
                SpeakerType::Unknown => SpeakerType::Person,
                t => t,
            },
            role,
            id: String::new(),
            step: Step::AsWritten,
            ..Resolved::default()
        }
    }

    /// Whether the title or role written with a lone surname can be the
    /// gazetteer person's the surname is a short form of: the genders do
    /// not differ ("Mrs Hale" is no man), and a role of more than a
    /// gendered honorific shares a word with the person's roles
    /// ("Foreign Minister Lavrov", "Minister of Foreign Affairs") when
    /// the entry has roles, so that
    /// "Senator Hale" or "Hale, a senator" is not an ambassador of that
    /// name. A surname names its bearer only in context (Mitkov 2002,
    /// ch. 2: a proper name's reference is fixed by the discourse).
    fn title_fits(&self, i: usize, role: &str, ent: &crate::gazetteer::Entity) -> bool {
        let m = &self.mentions[i];
        if m.gender.is_some() && ent.gender.is_some() && m.gender != ent.gender {
            return false;
        }
        let words = |s: &str| -> Vec<String> {
            s.split([' ', ',', '-', '(', ')'])
                .map(|w| w.trim_end_matches(['.', '\'', '\u{2019}']).trim_end_matches("'s").to_lowercase())
                .filter(|w| w.len() > 2 && !matches!(w.as_str(), "the" | "and" | "for" | "of"))
                .collect()
        };
        let own = words(role);
        // A one-word honorific with a gender ("Mr", "Mrs") says no more;
        // "Pope Francis" names an office, which the entry's roles must
        // share.
        if own.len() <= 1
            && role.split(' ').count() == 1
            && m.gender.is_some()
            && crate::lexicon::is_honorific(role)
        {
            return true;
        }
        // An entry without roles gives nothing to check against.
        let theirs: Vec<String> = ent.roles.iter().flat_map(|r| words(r)).collect();
        theirs.is_empty() || own.iter().any(|w| theirs.contains(w))
    }

    /// The fullest form of a person in the gazetteer as the article
    /// writes it ("Chuck Schumer", where the gazetteer's official name is
    /// "Charles E. Schumer"): the table shows the name the reader saw,
    /// and the id column links it to the entry.
    fn fullest_written(&self, entity: usize) -> Option<&'a str> {
        // An institution too ("the United States Department of State",
        // later "the State Department"); a country keeps its name.
        if self.gazetteer.entity(entity).kind == EntityType::Country {
            return None;
        }
        let ent = self.gazetteer.entity(entity);
        let written = self
            .fullest_by_entity
            .get(&entity)
            .map(|&m| self.mentions[m].text(self.text))?;
        if ent.kind == EntityType::Person {
            return Some(written);
        }
        // An institution's longer form only ("The Daily Telegraph" for
        // "The Telegraph"): "The Associated Press" is the gazetteer's
        // "Associated Press" with its article.
        let words = |s: &str| strip_determiner(s).split(' ').count();
        (words(written) > words(&ent.name)).then_some(written)
    }

    /// The first organisation name of the article that mention `i` (an
    /// organisation of two words or more, not in the gazetteer) writes in
    /// another word order ("the Agriculture Ministry" after "the Ministry
    /// of Agriculture").
    fn org_variant(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        if m.single_word
            || m.entity.is_some()
            || m.speaker_type != SpeakerType::Organization
        {
            return None;
        }
        let written = m.text(self.text);
        let keys = self.org_by_key();
        match keys.first_of[i] {
            NO_ORG_KEY => keys.by_key.get(&org_key(written)).copied(),
            j => Some(j as usize),
        }
        .filter(|&j| self.mentions[j].text(self.text) != written)
    }

    /// A single word standing for a longer organization name in the
    /// article: an abbreviation introduced in parentheses ("Pacific Gas
    /// and Electric Company (PG&E)") or the name's first word ("Ford" for
    /// "Ford Motor Company").
    fn org_expansion(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        if !m.single_word || m.entity.is_some() {
            return None;
        }
        self.org_by_word.get(m.text(self.text)).copied()
    }

    /// The first role written for the same person elsewhere in the article.
    fn cluster_role(&self, i: usize, entity: Option<usize>) -> String {
        let other = match entity {
            Some(e) => self.role_by_entity.get(&e),
            None => self.role_by_text.get(self.mentions[i].text(self.text)),
        };
        other
            .filter(|&&j| j != i)
            .map(|&j| self.role_text(j))
            .unwrap_or_default()
    }

    /// Whether mention `j` can be what a singular he/she stands for.
    fn person_like(&mut self, j: usize, gender: Option<Gender>) -> bool {
        let o = &self.mentions[j];
        let person = match (o.kind, o.speaker_type) {
            (MentionKind::Pronoun, _) => false,
            (_, SpeakerType::Person) => !o.plural,
            // A lone capitalised word is a person only when a fuller
            // person name in the article ends with it, or when a person's
            // role stands in apposition to it ("Smith, the club's
            // captain,": the mention stage keeps only roles that hold a
            // title or a person noun), or when it is the speaker of a
            // reporting verb ("Smith said"; a company that speaks is
            // named as one by the mention stage).
            (MentionKind::Name, SpeakerType::Organization)
                if o.single_word =>
            {
                self.fuller(j).is_some()
            }
            (MentionKind::Name, SpeakerType::Unknown) => {
                o.role.is_some() || self.fuller(j).is_some() || self.speaks[j]
            }
            _ => false,
        };
        if !person {
            return false;
        }
        let g = self.gender(j);
        gender.is_none() || g.is_none() || g == gender
    }

    /// The first mention of the window a pronoun at `i` looks back over:
    /// its paragraph and the two before, never more than a few hundred
    /// mentions (a paragraph of 50 MB stays linear).
    fn window_start(&self, i: usize) -> usize {
        let para = self.paragraph_of_mention[i];
        let mut lo = i;
        while lo > i.saturating_sub(400)
            && self.paragraph_of_mention[lo - 1] + 2 >= para
        {
            lo -= 1;
        }
        lo
    }

    /// He/she/they: the most salient referent of the window before it, in
    /// the manner of Lappin and Leass (1994; see [`crate::salience`]).
    /// The earlier pronouns of the window are resolved first, in text
    /// order, so that a referent they stand for adds their salience: the
    /// person a paragraph is about outweighs one named once in passing.
    fn pronoun(&mut self, i: usize) -> Resolved {
        if self.first_person(i) {
            return self.turn_speaker(i).unwrap_or_else(|| self.author());
        }
        for j in self.window_start(i)..i {
            if self.mentions[j].kind == MentionKind::Pronoun
                && self.cache[j].is_none()
            {
                let r = self.pronoun_at(j);
                self.cache[j] = Some(r);
            }
        }
        self.pronoun_at(i)
    }

    /// The canonical name of mention `j` as a number, the same for every
    /// mention of one referent; `None` when it has no name. A pronoun's
    /// is its resolution's, once resolved.
    fn referent_id(&mut self, j: usize) -> Option<u32> {
        match self.referent_ids[j] {
            NO_REFERENT => return None,
            UNSEEN => {}
            id => return Some(id),
        }
        if self.mentions[j].kind != MentionKind::Pronoun {
            self.resolved(j);
        }
        let name = self.cache[j].as_ref()?.name.as_str();
        let id = if name.is_empty() {
            NO_REFERENT
        } else if let Some(&id) = self.referent_names.get(name) {
            id
        } else {
            let next = self.referent_names.len() as u32;
            self.referent_names.insert(name.to_string(), next);
            next
        };
        self.referent_ids[j] = id;
        (id != NO_REFERENT).then_some(id)
    }

    /// Whether mention `i` is "I".
    fn first_person(&self, i: usize) -> bool {
        self.mentions[i].kind == MentionKind::Pronoun
            && self.mentions[i].text(self.text) == "I"
    }

    /// "I" in a turn of an interview written as a transcript
    /// ("Whitfield: We ran out of money. I said so."): by the convention
    /// of transcripts, the label before the colon that opens the line
    /// names who speaks. A name labels its own turn (a surname finds the
    /// full name); "A:" or "Answer:" is the interviewee, the first person
    /// named in full in the text; "Q:", "Question:" or "Interviewer:" the
    /// interviewer, the author. `None` outside a labelled turn, and never
    /// a speaker called "Q" or "Interview".
    fn turn_speaker(&mut self, i: usize) -> Option<Resolved> {
        let start = self.mentions[i].span.start;
        let line_start = self.text[..start].rfind('\n').map_or(0, |k| k + 1);
        let line = &self.text[line_start..start];
        let label = line[..line.find(':')?].trim();
        let short = (1..=4).contains(&label.split(' ').count());
        if !short || !label.starts_with(char::is_uppercase) {
            return None;
        }
        if matches!(label, "A" | "Answer") {
            let j = self.mentions.iter().position(|m| {
                m.kind == MentionKind::Name
                    && m.speaker_type == SpeakerType::Person
                    && !m.single_word
            })?;
            return Some(self.resolve(j));
        }
        if crate::lexicon::is(crate::lexicon::Class::InterviewLabels, label) {
            return Some(self.author());
        }
        let at = self.mentions.partition_point(|m| m.span.start < line_start);
        let j = (at..i).find(|&j| {
            let m = &self.mentions[j];
            m.kind == MentionKind::Name && m.span.end <= line_start + label.len()
        })?;
        Some(self.resolve(j))
    }

    /// "I" outside quotes: the author, from a byline ("By Jane Roe") on
    /// a line of its own among the first lines or the last one; no name
    /// without one.
    fn author(&self) -> Resolved {
        let lines: Vec<&str> = self.text.lines().map(str::trim).collect();
        let candidates = lines
            .iter()
            .filter(|l| !l.is_empty())
            .take(6)
            .chain(lines.iter().rev().find(|l| !l.is_empty()));
        // The record's author first: the publisher's metadata is surer
        // than a line that looks like a byline.
        let name = self
            .author
            .or_else(|| candidates.filter_map(|l| byline_name(l)).next());
        Resolved {
            name: name.unwrap_or_default().to_string(),
            speaker_type: SpeakerType::Person,
            step: Step::Pronoun,
            ..Resolved::default()
        }
    }

    /// Whether mention `j` can be what a plural "they" stands for: a
    /// plural source or an organization; not a country, which English
    /// refers to as "it".
    fn plural_like(&self, j: usize) -> bool {
        let o = &self.mentions[j];
        let country = o.entity.is_some_and(|e| {
            self.gazetteer.entity(e).kind == EntityType::Country
        });
        o.kind == MentionKind::Descriptor && o.plural
            || o.speaker_type == SpeakerType::Organization && !country
    }

    /// Whether mention `j` can be what a singular "it" stands for: an
    /// organisation or a country named, or a singular description of an
    /// institution or a document ("the company", "the report"); never a
    /// person (number and animacy agreement, Lappin and Leass 1994,
    /// section 2.1).
    fn neuter_like(&mut self, j: usize) -> bool {
        let o = &self.mentions[j];
        match o.kind {
            MentionKind::Name => {
                o.speaker_type == SpeakerType::Organization
                    && !(o.single_word && self.fuller(j).is_some())
            }
            MentionKind::Descriptor => {
                !o.plural
                    && matches!(
                        o.speaker_type,
                        // A document noun's mention is of unknown type
                        // until resolved.
                        SpeakerType::Organization | SpeakerType::Unknown
                    )
            }
            MentionKind::Pronoun => false,
        }
    }

    /// One pronoun, the earlier ones of its window already resolved.
    /// Candidates agree in number and gender (a known gender that differs
    /// rules a person out; an unknown one weighs less); each mention adds
    /// its grammatical role's weight, halved per sentence back and per
    /// paragraph back; the referent with the highest sum wins, the nearest
    /// on a tie. The pronoun's own sentence counts only before it.
    fn pronoun_at(&mut self, i: usize) -> Resolved {
        let m = &self.mentions[i];
        let (gender, plural) = (m.gender, m.plural);
        // "it": a singular non-person (the pronoun table's type).
        let neuter = !plural && m.speaker_type == SpeakerType::Organization;
        let (para, sentence) =
            (self.paragraph_of_mention[i], self.sentence_of_mention[i]);
        let mut referents: Vec<Referent> = Vec::new();
        for j in self.window_start(i)..i {
            let o = &self.mentions[j];
            if self.first_person(j) {
                continue;
            }
            let known = if o.kind == MentionKind::Pronoun {
                let o_neuter =
                    !o.plural && o.speaker_type == SpeakerType::Organization;
                let agrees = o.plural == plural
                    && o_neuter == neuter
                    && (gender.is_none()
                        || o.gender.is_none()
                        || o.gender == gender);
                if !agrees {
                    continue;
                }
                gender.is_some() && o.gender == gender
            } else {
                let fits = if plural {
                    self.plural_like(j)
                } else if neuter {
                    self.neuter_like(j)
                } else {
                    self.person_like(j, gender)
                };
                if !fits {
                    continue;
                }
                gender.is_some() && self.gender(j) == gender
            };
            let Some(id) = self.referent_id(j) else { continue };
            let back = (sentence - self.sentence_of_mention[j])
                + (para - self.paragraph_of_mention[j]);
            let w = crate::salience::weight(self.role(j))
                * 0.5f32.powi(back.min(30) as i32);
            // Within one sentence a referent counts once, with the
            // weight of its most salient mention ("his old coach, Pedro
            // Alves," is one mention of him); across sentences the
            // weights add up.
            let here = self.sentence_of_mention[j];
            match referents.iter_mut().find(|x| x.id == id) {
                Some(x) => {
                    if self.sentence_of_mention[x.last] == here {
                        x.salience = x.salience.max(x.before + w);
                    } else {
                        x.before = x.salience;
                        x.salience += w;
                    }
                    x.known |= known;
                    x.last = j;
                    if o.kind != MentionKind::Pronoun {
                        x.named = Some(j);
                    }
                }
                None => referents.push(Referent {
                    id,
                    salience: w,
                    before: 0.0,
                    known,
                    first: j,
                    last: j,
                    named: (o.kind != MentionKind::Pronoun).then_some(j),
                }),
            }
        }
        // A referent of unknown gender is a weaker match than one whose
        // gender is known to agree.
        let score = |x: &Referent| {
            if gender.is_some() && !x.known {
                x.salience * 0.6
            } else {
                x.salience
            }
        };
        let best = referents.iter().max_by(|a, b| {
            score(a).total_cmp(&score(b)).then(a.last.cmp(&b.last))
        });
        if let Some(x) = best {
            let (first, named) = (x.first, x.named);
            let mut r = self.cache[first].clone().unwrap_or_default();
            // The chain shows the nearest mention by name the pronoun
            // was resolved through, unless it is the name itself.
            if let Some(n) = named {
                let written = self.mentions[n].text(self.text);
                if written != r.name && !r.chain.iter().any(|c| c == written) {
                    r.chain.insert(0, written.to_string());
                }
            }
            r.uncertain += 1;
            if r.speaker_type == SpeakerType::Unknown {
                r.speaker_type = if neuter {
                    SpeakerType::Organization
                } else {
                    SpeakerType::Person
                };
            }
            r.step = Step::Pronoun;
            return r;
        }
        Resolved {
            name: String::new(),
            speaker_type: if plural {
                SpeakerType::Group
            } else if neuter {
                SpeakerType::Organization
            } else {
                SpeakerType::Person
            },
            step: Step::Pronoun,
            ..Resolved::default()
        }
    }

    /// "the ministry", "the company": a singular definite description
    /// of an organisation stands for the last organisation of that kind
    /// named before it (`data/role_nouns.tsv`): one whose name holds a
    /// word of the kind ("Ministry of Health"), else, for a company, the
    /// last organisation of no other kind that spoke ("Acme said").
    fn organization_of_role(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        let head = m.head.as_deref()?;
        // "the companies" are several; "the police" is a collective noun
        // that takes a plural verb but names one force (Quirk et al.
        // 1985, 5.108: plural-only collective nouns without -s).
        if m.speaker_type != SpeakerType::Organization || m.plural && head.ends_with('s') {
            return None;
        }
        let written = m.text(self.text);
        // Only "the" + modifiers + head: "a company", "the ministry of
        // defence" and "the company's board" are not role nouns alone.
        let definite = written.starts_with("the ") || written.starts_with("The ");
        // "Police said": a noun used without an article as the name of
        // the local institution (Quirk et al. 1985, 5.40: institutional
        // nouns without article) is definite too.
        let bare = written.eq_ignore_ascii_case(head);
        if !(definite || bare) || !written.to_lowercase().ends_with(head) {
            return None;
        }
        self.organization_of_kind(head, i)
    }

    /// "Her neighbour, Joao Costa, was less lucky. \"I lost everything,\"
    /// the retired mechanic said.": a definite description of a person
    /// whose noun is premodified ("the retired mechanic", "the former
    /// teacher") or that is an age ("the 54-year-old") is an epithet of
    /// the one person named in the sentence before it (across a paragraph
    /// break too), when its own sentence names no one: news names a
    /// person, then refers to them by a description that adds a fact (an
    /// epithet, in the manner
    /// of the definite anaphors of Poesio and Vieira 1998, "A
    /// corpus-based investigation of definite description use"). A bare
    /// role ("the officer") may be someone else, and a post-modified or
    /// possessed one ("the victim's mother", "the head of the union")
    /// names another person by its relation.
    fn epithet_of(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        let written = m.text(self.text);
        let rest = written.strip_prefix("the ").or_else(|| written.strip_prefix("The "))?;
        let words: Vec<&str> = rest.split(' ').collect();
        // "the 54-year-old": an age alone heads the phrase.
        let age = words.len() == 1 && words[0].ends_with("-year-old");
        let premodified = (words.len() >= 2 || age)
            && words.iter().all(|w| {
                w.chars().all(|c| c.is_alphanumeric() || c == '-') && !w.starts_with(char::is_uppercase)
            });
        if !premodified || words.iter().any(|w| matches!(*w, "of" | "for" | "from" | "at" | "in")) {
            return None;
        }
        self.one_person_before(i)
    }

    /// "The Kentucky Republican said" after "Senate Majority Leader Mitch
    /// McConnell": a party member's noun after "the", premodified by
    /// capitalised words (a state, a city, "GOP"), is an epithet of the
    /// person named before, as American news writes its second
    /// references (`party_member_nouns`).
    fn party_epithet_of(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        let first = m.first_token;
        if m.kind != MentionKind::Name || m.entity.is_some() || first == 0 || self.tokens.is_empty() {
            return None;
        }
        let the = self.tokens[first - 1].text(self.text);
        if !(the == "the" || the == "The") {
            return None;
        }
        let written = m.text(self.text);
        let (_, last) = written.rsplit_once(' ')?;
        if !crate::lexicon::is(crate::lexicon::Class::PartyMemberNouns, last) {
            return None;
        }
        self.one_person_before(i)
    }

    /// The one person named (by name) in the sentence before mention
    /// `i`'s, or the one before that, when no person is named in `i`'s
    /// own sentence before it.
    fn one_person_before(&self, i: usize) -> Option<usize> {
        let sentence = self.sentence_of_mention[i];
        let mut found: Option<usize> = None;
        for j in (0..i).rev().take(40) {
            if self.sentence_of_mention[j] + 1 < sentence {
                break;
            }
            let o = &self.mentions[j];
            if o.kind != MentionKind::Name || o.speaker_type != SpeakerType::Person {
                continue;
            }
            // A person named in the description's own sentence is
            // another participant ("Reed met the retired mechanic").
            if self.sentence_of_mention[j] == sentence {
                return None;
            }
            match found {
                Some(f) if self.mentions[f].text(self.text) != o.text(self.text) => return None,
                _ => found = Some(j),
            }
        }
        found
    }

    /// The last organisation before mention `i` that the role noun
    /// `head` ("ministry") can stand for.
    fn organization_of_kind(&self, head: &str, i: usize) -> Option<usize> {
        let noun = crate::role_nouns::get(head)?;
        let split = self.org_names.partition_point(|&j| j < i);
        let before = &self.org_names[..split];
        let words = |j: usize| {
            self.mentions[j]
                .text(self.text)
                .split([' ', '-'])
                .map(|w| w.trim_end_matches('.'))
                .collect::<Vec<_>>()
        };
        let of_kind = before.iter().rev().take(300).find(|&&j| {
            words(j).iter().any(|w| noun.name_words.contains(w))
        });
        if of_kind.is_some() || !noun.any_speaker {
            return of_kind.copied();
        }
        before
            .iter()
            .rev()
            .take(300)
            .find(|&&j| {
                self.speaks[j]
                    && !words(j).iter().any(|w| crate::role_nouns::is_kind_word(w))
                    && self.may_be_of_kind(j, head)
            })
            .copied()
    }

    /// Whether organisation mention `j` may be a `head` ("company") by
    /// what the gazetteer says of it: an entry whose roles describe it
    /// ("office of the US president", "political party in France") is
    /// that kind of body, and "the company" does not stand for it unless
    /// a role names the noun. A name the gazetteer lacks may be anything.
    fn may_be_of_kind(&self, j: usize, head: &str) -> bool {
        let Some(e) = self.mentions[j].entity else { return true };
        let roles = &self.gazetteer.entity(e).roles;
        roles.is_empty() || roles.iter().any(|r| r.split(' ').any(|w| w == head))
    }

    /// "a statement from the ministry", "a report by the agency": the
    /// author a document's post-modifier names with a role noun.
    fn author_role_noun(&self, d: usize) -> Option<usize> {
        let (the, rest) = self.document_agent(d, true)?;
        let head = rest.to_lowercase();
        (the && !head.contains(' ')).then(|| self.organization_of_kind(&head, d)).flatten()
    }

    /// The words after the first "from" or "by" (and "of", with
    /// `with_of`) of document mention `d`'s text, past a "the", and
    /// whether "the" was there: the agent a document noun's post-modifier
    /// names (Quirk et al. 1985, 17.38).
    fn document_agent(&self, d: usize, with_of: bool) -> Option<(bool, &'a str)> {
        let written = self.mentions[d].text(self.text);
        let preps: &[&str] = if with_of { &[" from ", " by ", " of "] } else { &[" from ", " by "] };
        let at = preps.iter().filter_map(|p| written.find(p).map(|i| i + p.len())).min()?;
        let rest = &written[at..];
        Some(match rest.strip_prefix("the ") {
            Some(r) => (true, r),
            None => (false, rest),
        })
    }

    /// "a 1989 report from the National Transportation Safety Board":
    /// the capitalised name that ends a document's post-modifier after
    /// "from" or "by", whose words the mention stage kept inside the
    /// description.
    /// Its fullest form among the organisations named in the article.
    fn author_named_after(&self, d: usize) -> Option<String> {
        let (_, rest) = self.document_agent(d, false)?;
        let words: Vec<&str> = rest.split(' ').collect();
        let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
        let joins = |w: &&str| matches!(*w, "of" | "for" | "and" | "on");
        let name_like = words.first().is_some_and(capitalised)
            && words.last().is_some_and(capitalised)
            && words.iter().all(|w| capitalised(w) || joins(w));
        if !name_like {
            return None;
        }
        let longer = self.org_names.iter().rev().map(|&j| self.mentions[j].text(self.text)).find(|t| t.len() > rest.len() && t.ends_with(rest));
        Some(longer.unwrap_or(rest).to_string())
    }

    /// "Ford's statement said": the name whose possessive opens the
    /// document's description, its author.
    fn possessor_name(&self, i: usize) -> Option<usize> {
        let m = &self.mentions[i];
        if self.tokens.is_empty() {
            return None;
        }
        let near = i.saturating_sub(3)..(i + 3).min(self.mentions.len());
        near.into_iter().find(|&j| {
            let o = &self.mentions[j];
            j != i
                && o.kind == MentionKind::Name
                && m.span.start <= o.span.start
                && o.span.end < m.span.end
                && self.tokens.get(o.last_token + 1).is_some_and(|t| {
                    matches!(t.text(self.text), "'s" | "\u{2019}s")
                })
        })
    }

    /// "Ford released a statement on Monday. The statement said ...": the
    /// subject of a verb of issuing (`issuing_verbs`) whose object was a
    /// document of the same head before, in the 60 mentions before.
    fn issuer_of(&self, i: usize, head: &str) -> Option<usize> {
        if self.tokens.is_empty() {
            return None;
        }
        let earlier = self.descriptors_by_head.get(head)?;
        let split = earlier.partition_point(|&j| j < i);
        earlier[..split].iter().rev().take(5).find_map(|&j| {
            let d = &self.mentions[j];
            if i - j > 60 {
                return None;
            }
            let verb = d.first_token.checked_sub(1)?;
            let w = self.tokens[verb].text(self.text).to_lowercase();
            if !crate::lexicon::is(crate::lexicon::Class::IssuingVerbs, &w) {
                return None;
            }
            let subject_end = verb.checked_sub(1)?;
            (j.saturating_sub(4)..j).rev().find(|&k| {
                let o = &self.mentions[k];
                // A name, or a description of a body or a person ("the
                // company"), not another document.
                o.last_token == subject_end
                    && self.tokens[o.first_token].sentence == self.tokens[verb].sentence
                    && (o.kind == MentionKind::Name
                        || o.kind == MentionKind::Descriptor && o.speaker_type != SpeakerType::Unknown)
            })
        })
    }

    /// "its press release", "their statement": the organisation a
    /// possessive pronoun before a document stands for, the most salient
    /// one of the window before (as for a pronoun).
    fn possessor_organization(&mut self, i: usize) -> Option<usize> {
        let written = self.mentions[i].text(self.text).to_lowercase();
        if !(written.starts_with("its ") || written.starts_with("their ")) {
            return None;
        }
        let (para, sentence) =
            (self.paragraph_of_mention[i], self.sentence_of_mention[i]);
        let lo = self.org_names.partition_point(|&j| j < self.window_start(i));
        let hi = self.org_names.partition_point(|&j| j < i);
        let mut best: Option<(f32, usize)> = None;
        for k in lo..hi {
            let j = self.org_names[k];
            let back = (sentence - self.sentence_of_mention[j])
                + (para - self.paragraph_of_mention[j]);
            let w = crate::salience::weight(self.role(j))
                * 0.5f32.powi(back.min(30) as i32);
            if best.is_none_or(|(b, _)| w >= b) {
                best = Some((w, j));
            }
        }
        best.map(|(_, j)| j)
    }

    /// For a description `i` headed by `head` of `research_team_nouns`,
    /// the last description before it headed by another of them with a
    /// post-modifier saying whose team it is ("researchers from the
    /// University of Leeds"), within the document's last 200 mentions.
    fn research_team_of(&self, i: usize, head: &str) -> Option<usize> {
        use crate::lexicon::{is, Class};
        if !is(Class::ResearchTeamNouns, &head.to_lowercase()) {
            return None;
        }
        (i.saturating_sub(200)..i).rev().find(|&j| {
            let o = &self.mentions[j];
            o.kind == MentionKind::Descriptor
                && o.role.is_some()
                && o.head.as_deref().is_some_and(|h| {
                    !h.eq_ignore_ascii_case(head)
                        && is(Class::ResearchTeamNouns, &h.to_lowercase())
                })
        })
    }

    /// For a plural description that counts two ("both officers", "the
    /// two men", "the pair", "the couple"), the last two people named
    /// together before it ("Antoine Quirin and Nicolas Redouane"), within
    /// the 60 mentions before: a definite description of a pair refers
    /// to a pair already introduced (Quirk et al. 1985, §5.27 on
    /// anaphoric "the"; "both" presupposes two known referents).
    fn pair_of(&self, i: usize) -> Option<(usize, usize)> {
        let m = &self.mentions[i];
        if !m.plural || m.kind != MentionKind::Descriptor {
            return None;
        }
        let written = m.text(self.text).to_lowercase();
        let counts_two = written
            .split(' ')
            .any(|w| crate::lexicon::is(crate::lexicon::Class::PairWords, w));
        if !counts_two || self.tokens.is_empty() {
            return None;
        }
        let person = |j: usize| {
            let o = &self.mentions[j];
            o.kind == MentionKind::Name && o.speaker_type == SpeakerType::Person
        };
        (i.saturating_sub(60)..i).rev().find_map(|q| {
            let p = q.checked_sub(1)?;
            let (pm, qm) = (&self.mentions[p], &self.mentions[q]);
            let joined = person(p)
                && person(q)
                && pm.last_token + 2 == qm.first_token
                && self.tokens[pm.last_token + 1]
                    .text(self.text)
                    .eq_ignore_ascii_case("and");
            joined.then_some((p, q))
        })
    }

    fn descriptor(&mut self, i: usize) -> Resolved {
        let (mentions, text) = (self.mentions, self.text);
        let m = &mentions[i];
        let written = m.text(text);
        let head = m.head.as_deref().unwrap_or_default();
        // An indefinite description introduces a new referent (Heim
        // 1982; Quirk et al. 1985, 5.26): "a source close to the talks"
        // after "the news source", "an official" before "a former
        // Danish official, Ole Berg," are somebody else.
        let indefinite = ["a ", "A ", "an ", "An ", "another ", "Another "]
            .iter()
            .any(|d| written.starts_with(d));
        if m.speaker_type == SpeakerType::Person && !m.plural && !indefinite {
            // "the spokeswoman": the last person given that role before;
            // else the first after (a headline names the role, the text
            // the person).
            // Not a person named in the description's own post-modifier:
            // "the wife of John Smith" is not John Smith.
            let inside = |o: &Mention| m.span.start <= o.span.start && o.span.end <= m.span.end;
            let holder = |j: &usize| {
                let o = &self.mentions[*j];
                o.kind == MentionKind::Name
                    && o.speaker_type == SpeakerType::Person
                    && !inside(o)
                    && role_names(o.role.map_or("", |r| &text[r.start..r.end]), head)
            };
            let split = self.role_holders.partition_point(|&j| j < i);
            let found = self.role_holders[..split]
                .iter()
                .rev()
                .take(200)
                .find(|j| holder(j))
                .or_else(|| {
                    self.role_holders[split..]
                        .iter()
                        .take(200)
                        .find(|j| holder(j))
                })
                .copied();
            if let Some(j) = found {
                let mut r = self.resolve(j);
                r.step = Step::Role;
                r.uncertain += 1;
                return r;
            }
            if let Some(j) = self.epithet_of(i) {
                let mut r = self.resolve(j);
                r.step = Step::Role;
                r.uncertain += 1;
                return r;
            }
        }
        if let Some(j) = self.organization_of_role(i) {
            let mut r = self.resolve(j);
            r.step = Step::Role;
            r.uncertain += 1;
            return r;
        }
        if let Some((p, q)) = self.pair_of(i) {
            let names = [self.resolve(p).name, self.resolve(q).name];
            if names.iter().all(|n| !n.is_empty()) {
                return Resolved {
                    name: joint_name(&names),
                    speaker_type: SpeakerType::Group,
                    step: Step::Description,
                    uncertain: 1,
                    ..Resolved::default()
                };
            }
        }
        if let Some(r) = self.descriptions.get(written) {
            return r.clone();
        }
        // The fullest description with the same head noun that contains
        // every word of this one ("the officials" -> "US officials", but
        // "a Turkish official" is not "a former Israeli security
        // official").
        let mut best = strip_determiner(written);
        let mut best_words = best.split(' ').count();
        let mut best_at = i;
        let own: Vec<String> =
            best.split(' ').map(|w| w.to_lowercase()).collect();
        let same_head: &[usize] = if indefinite {
            &[]
        } else {
            self.descriptors_by_head.get(head).map_or(&[], Vec::as_slice)
        };
        for &j in same_head.iter().take(500) {
            let t = strip_determiner(mentions[j].text(text));
            // Only a description of more words can be fuller: its words
            // are lower-cased only then.
            let count = t.split(' ').count();
            if count <= best_words {
                continue;
            }
            let words: Vec<String> =
                t.split(' ').map(|w| w.to_lowercase()).collect();
            if own.iter().all(|w| words.contains(w)) {
                best = t;
                best_words = count;
                best_at = j;
            }
        }
        // "Scientists said" after "researchers from the University of
        // Colorado and the College of Wooster": a team of researchers,
        // its head varied, is the team last described in full.
        // A bare plural inside a sentence is generic ("the consensus among
        // scientists"); a definite one, or one opening its sentence, is
        // the team.
        let definite_or_opening = written.starts_with(char::is_uppercase)
            || ["the ", "these ", "both "].iter().any(|d| written.starts_with(d));
        if best_at == i && !indefinite && definite_or_opening {
            if let Some(j) = self.research_team_of(i, head) {
                let mut r = self.resolve(j);
                r.step = Step::Description;
                r.uncertain += 1;
                self.descriptions.insert(written.to_string(), r.clone());
                return r;
            }
        }
        let best = best.to_string();
        // "The report said" after "a 1989 report from the National
        // Transportation Safety Board": a document speaks for its author.
        if m.speaker_type == SpeakerType::Unknown {
            let span = self.mentions[best_at].span;
            let near = best_at.saturating_sub(10)
                ..(best_at + 30).min(self.mentions.len());
            let author = near.into_iter().find(|&j| {
                let o = &self.mentions[j];
                o.kind == MentionKind::Name
                    && o.speaker_type == SpeakerType::Organization
                    && span.start <= o.span.start
                    && o.span.end <= span.end
            });
            let author = author
                .or_else(|| self.author_role_noun(best_at))
                .or_else(|| self.possessor_organization(i))
                .or_else(|| self.possessor_name(i))
                .or_else(|| self.issuer_of(i, head));
            let r = match author {
                Some(a) => {
                    let mut r = self.resolve(a);
                    r.step = Step::DocumentAuthor;
                    r.uncertain += 1;
                    r
                }
                None if let Some(name) = self.author_named_after(best_at) => Resolved {
                    name,
                    step: Step::DocumentAuthor,
                    uncertain: 1,
                    ..Resolved::default()
                },
                None => Resolved {
                    name: best,
                    step: Step::Description,
                    ..Resolved::default()
                },
            };
            // A document is a source of its own kind, whoever wrote it.
            let r = Resolved { speaker_type: SpeakerType::Document, ..r };
            self.descriptions.insert(written.to_string(), r.clone());
            return r;
        }
        // "A Downing Street spokesman", "a Harbour Homes spokesman": the
        // name premodifying a person noun is the organisation the person
        // speaks for, their role.
        let role = if m.speaker_type == SpeakerType::Person {
            let words: Vec<&str> = strip_determiner(written).split(' ').collect();
            let caps = words
                .iter()
                .take(words.len().saturating_sub(1))
                .take_while(|w| w.starts_with(char::is_uppercase))
                .count();
            if caps > 0 && caps + 1 == words.len() {
                words[..caps].join(" ")
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        // "Officers from Northshire Police": the body a group's members
        // come from, which the mention stage kept as its role.
        let role = if role.is_empty() && m.speaker_type == SpeakerType::Group {
            self.role_text(i)
        } else {
            role
        };
        let r = Resolved {
            name: best,
            speaker_type: m.speaker_type,
            role,
            id: String::new(),
            step: Step::Description,
            ..Resolved::default()
        };
        self.descriptions.insert(written.to_string(), r.clone());
        r
    }
}

impl Mention {
    /// The mention's words.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::Step;
    use crate::Extractor;

    #[test]
    fn the_ascii_org_key_is_the_folded_one() {
        for name in [
            "", " ", "Ministry of Agriculture", "Agriculture Ministry", "the  Department of State",
            "AT&T and Sons", "PG & E", "Bank of the West ", "X", "Of The And",
        ] {
            assert_eq!(super::ascii_org_key(name), super::folded_org_key(name), "{name:?}");
        }
    }

    /// The speaker of each attribution as written, its canonical name and
    /// the step that found it.
    fn resolved(text: &str) -> Vec<(String, String, Step)> {
        let ex = Extractor::shipped(&[]).expect("shipped data");
        let a = ex.analyze(text);
        let r = ex.resolve(&a);
        let clean = a.normalized.text.as_str();
        a.attributions
            .iter()
            .filter_map(|at| at.speaker)
            .map(|m| {
                let x = r.of(m).expect("resolved");
                (a.mentions[m].text(clean).to_string(), x.name.clone(), x.step)
            })
            .collect()
    }

    fn has(
        rows: &[(String, String, Step)],
        w: &str,
        n: &str,
        s: Step,
    ) -> bool {
        rows.iter().any(|(a, b, c)| (a.as_str(), b.as_str(), *c) == (w, n, s))
    }

    #[test]
    fn resolves_a_surname_to_the_fuller_name_in_the_article() {
        let rows = resolved(
            "Maria Lopez arrived in Lima on Monday. \"We are ready,\" Lopez \
             told reporters.",
        );
        assert!(has(&rows, "Lopez", "Maria Lopez", Step::Surname), "{rows:?}");
    }

    #[test]
    fn keeps_a_surname_as_written_without_a_fuller_name() {
        let rows = resolved("\"We are ready,\" Lopez told reporters.");
        assert!(has(&rows, "Lopez", "Lopez", Step::AsWritten), "{rows:?}");
    }

    #[test]
    fn resolves_a_pronoun_to_the_last_person_of_its_gender() {
        let rows = resolved(
            "Maria Lopez spoke on Monday.\n\n\"The budget is balanced,\" \
             she said.",
        );
        assert!(has(&rows, "she", "Maria Lopez", Step::Pronoun), "{rows:?}");
    }

    #[test]
    fn does_not_resolve_a_pronoun_to_a_person_of_the_other_gender() {
        let rows = resolved(
            "Carlos Lopez spoke on Monday.\n\n\"The budget is balanced,\" \
             she said.",
        );
        assert!(!rows.iter().any(|(_, n, _)| n == "Carlos Lopez"), "{rows:?}");
    }

    #[test]
    fn resolves_an_unnamed_source_to_its_fullest_description() {
        let rows = resolved(
            "US officials said on Monday that the talks had failed. \"It \
             is over,\" the officials said.",
        );
        assert!(
            has(&rows, "the officials", "US officials", Step::Description),
            "{rows:?}"
        );
    }

    #[test]
    fn resolves_a_gazetteer_name_to_its_entry() {
        let rows = resolved(
            "\"We would welcome talks,\" John Forbes Kerry told reporters.",
        );
        assert!(
            // The fullest form written in the article names the entry.
            has(
                &rows,
                "John Forbes Kerry",
                "John Forbes Kerry",
                Step::Gazetteer
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn an_institution_written_in_another_word_order_is_the_one_met_before() {
        let rows = resolved(
            "The Ministry of Fisheries closed the bay on Monday. \"Stocks \
             are low,\" the Fisheries Ministry said.",
        );
        assert!(
            has(&rows, "Fisheries Ministry", "Ministry of Fisheries", Step::Alias),
            "{rows:?}"
        );
        // Another ministry is not that one.
        let rows = resolved(
            "The Ministry of Fisheries closed the bay on Monday. \"Stocks \
             are low,\" the Forestry Ministry said.",
        );
        assert!(
            has(&rows, "Forestry Ministry", "Forestry Ministry", Step::AsWritten),
            "{rows:?}"
        );
    }

    #[test]
    fn a_known_institution_takes_its_fullest_form_in_the_article() {
        let rows = resolved(
            "The United States Department of State spoke on Monday. \"We \
             are watching,\" the State Department said.",
        );
        assert!(
            has(
                &rows,
                "State Department",
                "United States Department of State",
                Step::Gazetteer
            ),
            "{rows:?}"
        );
    }

    #[test]
    fn an_acronym_of_an_institution_named_in_full_is_that_institution() {
        let rows = resolved(
            "The Coastal Flood Warning Board met on Monday. \"Levels are \
             rising,\" the CFWB said.",
        );
        assert!(
            has(&rows, "CFWB", "Coastal Flood Warning Board", Step::Alias),
            "{rows:?}"
        );
        // Other initials are another body.
        let rows = resolved(
            "The Coastal Flood Warning Board met on Monday. \"Levels are \
             rising,\" the CFWA said.",
        );
        assert!(has(&rows, "CFWA", "CFWA", Step::AsWritten), "{rows:?}");
    }

    #[test]
    fn it_stands_for_an_organisation_never_a_person() {
        let rows = resolved(
            "Maria Lopez toured the site. Acme Holdings Ltd announced job \
             cuts on Monday. It said the market had shrunk.",
        );
        assert!(has(&rows, "It", "Acme Holdings Ltd", Step::Pronoun), "{rows:?}");
        // No organisation before it: no name, and never the person.
        let rows = resolved(
            "Maria Lopez toured the site on Monday. It said the market had \
             shrunk.",
        );
        assert!(has(&rows, "It", "", Step::Pronoun), "{rows:?}");
        // The expletive "it" of a passive is no speaker.
        let rows = resolved(
            "Acme Holdings Ltd cut jobs. It is said that the market shrank.",
        );
        assert!(!rows.iter().any(|(w, _, _)| w == "It"), "{rows:?}");
    }

    #[test]
    fn they_stands_for_an_organisation_in_british_usage() {
        let rows = resolved(
            "The Harbour Workers Union met on Tuesday. They said the strike \
             would go on.",
        );
        assert!(
            has(&rows, "They", "Harbour Workers Union", Step::Pronoun),
            "{rows:?}"
        );
    }

    #[test]
    fn a_surname_in_another_romanisation_finds_the_full_name() {
        let rows = resolved(
            "Oleksandr Kovalenskyy spoke in Lviv on Monday.\n\n\"We will \
             not give up,\" Kovalensky said.",
        );
        assert!(
            has(&rows, "Kovalensky", "Oleksandr Kovalenskyy", Step::Surname),
            "{rows:?}"
        );
        let rows = resolved(
            "Oleksandr Kovalenskyy spoke in Lviv on Monday.\n\n\"We will \
             not give up,\" Kovalchuk said.",
        );
        assert!(has(&rows, "Kovalchuk", "Kovalchuk", Step::AsWritten), "{rows:?}");
    }

    #[test]
    fn a_hyphenated_surname_finds_the_full_name() {
        let rows = resolved(
            "Christopher Nwosu-Hartley, a geologist, led the survey.\n\n\
             \"The rock is old,\" Nwosu-Hartley said.",
        );
        assert!(
            has(
                &rows,
                "Nwosu-Hartley",
                "Christopher Nwosu-Hartley",
                Step::Surname
            ),
            "{rows:?}"
        );
    }

    /// The speaker names of the rows of a JSONL record.
    fn record_speakers(line: &str) -> Vec<String> {
        let ex = Extractor::shipped(&[]).expect("shipped data");
        let doc = crate::input::parse_record(line.as_bytes()).expect("record");
        ex.extract_document(&doc).into_iter().map(|r| r.speaker_name).collect()
    }

    #[test]
    fn i_outside_quotes_is_the_record_author() {
        let names = record_speakers(
            r#"{"id": "a", "author": "Nadia Okonkwo", "text": "I said the plan would fail. Nobody listened."}"#,
        );
        assert_eq!(names, ["Nadia Okonkwo"], "{names:?}");
        // Without an author field or a byline: no name.
        let names = record_speakers(
            r#"{"id": "a", "text": "I said the plan would fail. Nobody listened."}"#,
        );
        assert_eq!(names, [""], "{names:?}");
    }

    #[test]
    fn i_in_a_labelled_interview_turn_is_the_label() {
        let text = "Reporters spoke to Dana Whitfield, the port's director.\n\n\
             Q: Why did the plan change?\n\n\
             A: Money ran short, I believe.\n\n\
             Whitfield: The pier comes first, I said.\n\n\
             Q: Is it late? I think it is late, I said.";
        let rows = resolved(text);
        let by_i: Vec<&str> = rows
            .iter()
            .filter(|(w, _, _)| w == "I")
            .map(|(_, n, _)| n.as_str())
            .collect();
        assert!(by_i.contains(&"Dana Whitfield"), "{rows:?}");
        // The interviewer's "I" is no speaker called "Q".
        assert!(!rows.iter().any(|(_, n, _)| n == "Q" || n == "Interview"), "{rows:?}");
    }

    #[test]
    fn a_pronoun_keeps_its_chain_and_counts_as_a_guess() {
        let ex = Extractor::shipped(&[]).expect("shipped data");
        let text = "Mick Lynchford spoke on Monday. Lynchford met the \
             minister on Tuesday.\n\n\"They are not listening,\" he said.";
        let a = ex.analyze(text);
        let r = ex.resolve(&a);
        let he = a.attributions.iter().find_map(|at| at.speaker).expect("row");
        let x = r.of(he).expect("resolved");
        assert_eq!((x.name.as_str(), x.step), ("Mick Lynchford", Step::Pronoun));
        assert_eq!(x.chain, ["Lynchford"]);
        assert_eq!(x.uncertain, 1);
        // A full name is no guess and has no chain.
        let a = ex.analyze("\"We are ready,\" Mick Lynchford said.");
        let r = ex.resolve(&a);
        let m = a.attributions.iter().find_map(|at| at.speaker).expect("row");
        let x = r.of(m).expect("resolved");
        assert!(x.chain.is_empty() && x.uncertain == 0, "{x:?}");
    }

    #[test]
    fn a_surname_that_is_a_country_is_the_person_named_in_full() {
        let rows = resolved(
            "Amy Chad teaches in town.\n\n\"We are ready,\" Chad told \
             reporters.",
        );
        assert!(has(&rows, "Chad", "Amy Chad", Step::Surname), "{rows:?}");
        // Without the person: the country.
        let rows = resolved("\"We are ready,\" Chad told reporters.");
        assert!(has(&rows, "Chad", "Chad", Step::Gazetteer), "{rows:?}");
    }

    #[test]
    fn keeps_a_gazetteer_surname_alone_as_written() {
        // A short form matches only after the full name or a title
        // (data/README.md): alone it is an unknown surname.
        let rows =
            resolved("\"We are polite people,\" Lavrov told reporters.");
        assert!(has(&rows, "Lavrov", "Lavrov", Step::AsWritten), "{rows:?}");
    }
}
