//! The word lists the rules read: cues (reporting verbs and phrases),
//! titles, the head nouns of unnamed sources, pronouns, first names with
//! their gender, and demonyms; and the closed classes of English words
//! every stage tests tokens against (`data/words.tsv`, [`is`] and
//! [`Class`]).
//!
//! Input: the shipped files in `data/` (compiled into the binary so it
//! runs anywhere, a Spark worker included). Output: a [`Lexicon`] of
//! lookup tables, built once and shared by every worker thread. Used by
//! the mention, cue and resolution stages.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::gazetteer::{Gazetteer, GazetteerBuilder};
use crate::tsv::{self, DataError};
use crate::types::Gender;
use crate::word_table::WordTable;

macro_rules! data_file {
    ($name:literal) => {
        DataFile {
            name: concat!("data/", $name),
            text: include_str!(concat!("../data/", $name)),
        }
    };
}

/// Whether a lower-case word is a day or a month: capitalised, never a
/// name, and the head of a time phrase. Shared by the mention and rule
/// stages.
pub fn is_calendar_word(w: &str) -> bool {
    // One look-up for both classes.
    let days_or_months = 1 << Class::Days as u64 | 1 << Class::Months as u64;
    words().0.get(w).is_some_and(|&b| b & days_or_months != 0)
}

/// Whether a lower-case word heads a time phrase ("week", "Tuesday",
/// "March"). Shared by the mention and rule stages.
pub fn is_time_word(w: &str) -> bool {
    is(Class::TimeWords, w) || is_calendar_word(w)
}

/// Declares the word classes of `data/words.tsv`: each a variant with
/// its tag in the file's `classes` column.
macro_rules! word_classes {
    ($($variant:ident = $tag:literal: $doc:literal,)*) => {
        /// A closed class of English words listed in `data/words.tsv`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Class {
            $(#[doc = $doc] $variant,)*
        }

        /// Each class's tag in the file.
        const CLASS_TAGS: &[(&str, Class)] = &[$(($tag, Class::$variant)),*];
    };
}

word_classes! {
    NounVerbForms = "noun_verb_forms": "Cue forms that are as often nouns (\"a report\", \"his comments\").",
    Negations = "negations": "Negations before a cue: a negated report is no claim (\"did not say\").",
    BeForms = "be_forms": "Forms of \"be\" before a participle cue: a passive (\"is said to be\") reports no speaker.",
    NounDeterminers = "noun_determiners": "Determiners before a cue form that make it a noun (\"the report\", \"his comments\").",
    NounLikeParticiples = "noun_like_participles": "-ing cues that are common nouns (\"a storm warning\", \"the daily briefing\"): after a noun they are nouns; other -ing cues after a noun are reduced relatives (\"a motion claiming ...\") and report speech.",
    ParticipleLeads = "participle_leads": "Words after which an -ing cue is a verb.",
    Conditionals = "conditionals": "Conditionals before a cue: a conditional report is no claim (\"if he says\").",
    BoilerplateLines = "boilerplate_lines": "Lines that scraped news pages carry between paragraphs and that are not part of the article.",
    Abbreviations = "abbreviations": "Abbreviations after which a period does not end a sentence: titles and other common ones in English news (AP Stylebook abbreviations).",
    SentenceOpeners = "sentence_openers": "Words that open sentences and never follow an initialism inside one.",
    Elisions = "elisions": "Words written with a leading apostrophe for elided letters: these never open a quote ('em, 'til, rock 'n' roll, 'tis).",
    NotNames = "not_names": "Capitalised words that start sentences or headlines but are not names.",
    NameParticles = "name_particles": "Lower-case particles inside names (\"Haider al-Abadi\" is one token, but \"Ursula von der Leyen\" and \"Bank of England\" need these).",
    Postnominals = "postnominals": "Letters after a name that are not part of it (\"Kama Melly QC\").",
    OrgHeads = "org_heads": "Last words that make a capitalised sequence an organization.",
    Determiners = "determiners": "Words that may open a description: determiners and quantifiers.",
    NotModifiers = "not_modifiers": "Lower-case words that end a description's modifiers going left: function words and verbs that cannot modify a noun.",
    Suffixes = "suffixes": "English agent suffixes of a person noun (\"astronomer\", \"scientist\"); word endings, not words.",
    NotAgents = "not_agents": "Words with an agent suffix that are no person noun (\"after\", \"other\", \"former\").",
    AfterRoleNoun = "after_role_noun": "Words that may follow a role noun used alone (\"the minister has\", \"the secretary of\", \"the spokesman who\").",
    IrregularPasts = "irregular_pasts": "Irregular past tenses of reporting verbs.",
    CommonVerbs = "common_verbs": "Irregular past tenses and common verbs that may stand before a noun.",
    BetweenSubjectAndVerb = "between_subject_and_verb": "Adverbs and auxiliaries that may stand between a subject and its verb (\"Kerry also said\", \"Obama has repeatedly said\").",
    Adverbials = "adverbials": "Words between a verb and its reported clause that are not the clause (\"said Tuesday\", \"said yesterday\"; days are in `days`).",
    TimePrefixes = "time_prefixes": "Words that start a time adverbial only before a time word (\"on Tuesday\", \"last week\", \"this morning\"); elsewhere they may open the clause (\"said this is not likely\").",
    TimeWords = "time_words": "Time words after a `time_prefixes` word, besides days and months.",
    Prepositions = "prepositions": "Prepositions before which \"that\" is a determiner.",
    MediaNouns = "media_nouns": "Where words are said or written: the nouns that end a phrase such as \"in a statement\" or \"on Twitter\" between a cue and its clause.",
    Auxiliaries = "auxiliaries": "Auxiliaries and copulas: a finite verb in what follows a cue.",
    IrregularVerbs = "irregular_verbs": "Irregular past tenses and common present forms that make a clause (\"said prices rose\", \"said the plan works\").",
    AudienceNouns = "audience_nouns": "Nouns of an audience after \"told\" (\"told the press the drugs ...\").",
    NotClauseStarts = "not_clause_starts": "Words that cannot open a reported clause.",
    SubjectStarters = "subject_starters": "Words that open a clause as (part of) its subject.",
    TitleAbbreviations = "title_abbreviations": "Abbreviated titles written with a period (AP Stylebook).",
    Days = "days": "Days of the week, which head time phrases (\"said Tuesday\").",
    Months = "months": "Months, which head time phrases (\"last March\").",
    NewClauseLinkers = "new_clause_linkers": "Conjunctions that, before a subject, start a new clause of the writer's after an attribution set inside a claim (\"X, the study says, but the ministry ...\").",
    PastOnlyForms = "past_only_forms": "Irregular past tenses that are never past participles (\"fell\", not \"fallen\"; Quirk et al. 1985, §3.14-3.16 on irregular verbs): tagged VBN they are still the tensed verb.",
    SourceAdjuncts = "source_adjuncts": "Cue lemmas that name whose view a clause is as \"according to\" does: the source follows the phrase and the clause stands before it or after its comma (\"In the view of the bank, ...\").",
    WorkNouns = "work_nouns": "Nouns of a named work or campaign, and \"titled\", before a quoted title (the film \"Summer Rain\"): the quote is a name, not speech.",
    AssertionLightVerbs = "assertion_light_verbs": "Verbs that, with a content noun as object, assert its clause (\"expressed concern that\", \"voiced confidence that\"): the verb's subject says it.",
    ContentClauseNouns = "content_clause_nouns": "Nouns that take a that-clause as their complement (\"claims that the vote was rigged\"; the commonest of Biber et al. 1999, §8.13): after a verb whose object they head, the clause is the noun's, not the verb's.",
    NamingParticiples = "naming_participles": "Past participles of the verbs of naming (the \"dub\" verbs of Levin 1993, §29.3) that, right after a noun (\"a program called 'Learning Together'\"), make the quote after them a name, not speech.",
    ResearchTeamNouns = "research_team_nouns": "Plural heads by which science news names one team of researchers (\"researchers\", \"scientists\", \"the authors\", \"the team\"): a bare or definite one stands for the team described in full before.",
    SourcePostModifiers = "source_post_modifiers": "Adjectives and participles that, with a preposition after an unnamed source, say how it knows (\"sources close to the president\", \"people familiar with the matter\", \"officials briefed on the talks\"): the phrase is the source's post-modifier, and its noun phrase does not speak.",
    PartyMemberNouns = "party_member_nouns": "Nouns of a party's member, capitalised (\"Republican\", \"Democrat\"): after \"the\" and a place (\"the Kentucky Republican\"), a second reference to the person named before.",
    IssuingVerbs = "issuing_verbs": "Past tenses of the verbs that put out a document (\"released a statement\", \"issued a report\"): their subject is the author the document later speaks for.",
    PairWords = "pair_words": "Words by which a plural description counts two (\"both officers\", \"the two men\", \"the pair\"): it refers to two people named together before.",
    InterviewLabels = "interview_labels": "Labels of the turns of an interview written as a transcript (\"Q:\", \"Interview:\"): before a colon they are no speaker's name.",
}

/// The word table: each word's classes as bits.
#[derive(Debug, Default)]
pub struct Words(HashMap<&'static str, u64, BuildHasherDefault<WordHash>>);

/// Parses `data/words.tsv` (or a file like it), reporting every bad line
/// as `file:line`.
pub fn parse_words(
    file: &str,
    text: &'static str,
) -> Result<Words, Vec<DataError>> {
    let mut out = Words::default();
    let mut errors = Vec::new();
    tsv::for_each_row(file, text, &["word", "classes"], |line, cells| {
        let mut bits = 0u64;
        for tag in tsv::values(cells[1]) {
            match CLASS_TAGS.iter().find(|(t, _)| *t == tag) {
                Some(&(_, c)) => bits |= 1 << c as u64,
                None => errors.push(DataError {
                    file: file.to_string(),
                    line,
                    message: format!("unknown class {tag:?}"),
                }),
            }
        }
        if out.0.insert(cells[0], bits).is_some() {
            errors.push(DataError {
                file: file.to_string(),
                line,
                message: format!("{:?} listed twice", cells[0]),
            });
        }
    })?;
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The shipped word table, loaded once: by [`Lexicon::shipped`], which
/// checks it (so that a bad line is reported as `file:line`), or at the
/// first use by a stage that has no lexicon.
static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();

fn shipped_words() -> Result<Words, Vec<DataError>> {
    let f = data_file!("words.tsv");
    parse_words(f.name, f.text)
}

fn words() -> &'static Words {
    WORDS.get_or_init(|| shipped_words().unwrap_or_else(|e| panic!("{}", e[0])))
}

/// Whether `word`, exactly as written, is in `class`.
#[inline]
pub fn is(class: Class, word: &str) -> bool {
    words().0.get(word).is_some_and(|&b| b & 1 << class as u64 != 0)
}

/// The classes of `word`, exactly as written, as bits for [`has`]: one
/// look-up for all the classes a stage asks of one word.
#[inline]
#[allow(dead_code)] // a stage's own look-ups; the mention stage's are in [`Lexicon::word`]
pub fn classes(word: &str) -> u64 {
    words().0.get(word).copied().unwrap_or(0)
}

/// Whether the bits of [`classes`] hold `class`.
#[inline]
pub fn has(bits: u64, class: Class) -> bool {
    bits & 1 << class as u64 != 0
}

/// Title abbreviations and the role nouns that stand for their holder
/// (`data/title_roles.tsv`: "Sen." -> "senator"), keyed by the title as
/// written.
pub struct TitleRoles(HashMap<&'static str, Vec<&'static str>, BuildHasherDefault<WordHash>>);

/// Parses `data/title_roles.tsv` (or a file like it), reporting every bad
/// line as `file:line`.
pub fn parse_title_roles(
    file: &str,
    text: &'static str,
) -> Result<TitleRoles, Vec<DataError>> {
    let mut out = TitleRoles(HashMap::default());
    let mut errors = Vec::new();
    for row in tsv::parse(file, text, &["title", "role_nouns"])? {
        let nouns: Vec<&'static str> =
            row.cells[1].split('|').map(str::trim).filter(|w| !w.is_empty()).collect();
        if nouns.is_empty() || nouns.iter().any(|w| w.chars().any(char::is_uppercase)) {
            errors.push(DataError {
                file: file.to_string(),
                line: row.line,
                message: "role nouns must be lower case and |-separated".into(),
            });
        } else if out.0.insert(row.cells[0].trim(), nouns).is_some() {
            errors.push(DataError {
                file: file.to_string(),
                line: row.line,
                message: format!("{:?} listed twice", row.cells[0]),
            });
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// Whether the role noun `noun` ("senator") stands for the holder of the
/// title `title` as written ("Sen."), by `data/title_roles.tsv`.
pub fn title_means(title: &str, noun: &str) -> bool {
    static ROLES: std::sync::LazyLock<TitleRoles> = std::sync::LazyLock::new(|| {
        let f = data_file!("title_roles.tsv");
        parse_title_roles(f.name, f.text).unwrap_or_else(|e| panic!("{}", e[0]))
    });
    ROLES.0.get(title).is_some_and(|nouns| nouns.contains(&noun))
}

/// Whether `title` as written ("Mr", "Dr.") is an honorific of the
/// shipped `data/titles.tsv`: a courtesy title, which says nothing of the
/// office of the person it precedes ("Pope" and "Senator" do).
pub fn is_honorific(title: &str) -> bool {
    static HONORIFICS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let f = data_file!("titles.tsv");
        let mut out = Vec::new();
        // The file is checked when the lexicon loads; a bad row here
        // only leaves its title out.
        let _ = tsv::for_each_row(f.name, f.text, &["title", "kind", "gender"], |_, cells| {
            if cells[1] == "honorific" {
                out.push(cells[0]);
            }
        });
        out
    });
    HONORIFICS.contains(&title)
}

/// A shipped data file: its name in messages and its text.
pub struct DataFile {
    /// `data/<file name>`.
    pub name: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

/// The entity files shipped with the tool, in load order.
pub fn shipped_entity_files() -> [DataFile; 3] {
    [
        data_file!("people.tsv"),
        data_file!("orgs.tsv"),
        data_file!("countries.tsv"),
    ]
}

/// The lexicon files shipped with the tool.
pub fn shipped_lexicon_files() -> [DataFile; 6] {
    [
        data_file!("cues.tsv"),
        data_file!("titles.tsv"),
        data_file!("speaker_nouns.tsv"),
        data_file!("pronouns.tsv"),
        data_file!("first_names.tsv"),
        data_file!("demonyms.tsv"),
    ]
}

/// Builds the gazetteer from the shipped files plus the user's `extra`
/// files `(name, text)`.
pub fn build_gazetteer(
    extra: &[(String, String)],
) -> Result<Gazetteer, Vec<DataError>> {
    let mut builder = GazetteerBuilder::new();
    let mut errors = Vec::new();
    for f in shipped_entity_files() {
        if let Err(e) = builder.add_file(f.name, f.text) {
            errors.extend(e);
        }
    }
    for (name, text) in extra {
        if let Err(e) = builder.add_file(name, text) {
            errors.extend(e);
        }
    }
    if errors.is_empty() {
        Ok(builder.build())
    } else {
        Err(errors)
    }
}

/// What a cue word tells the rules.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The lemma ("say" for "said").
    pub lemma: String,
    /// `speech`, `belief` or `report`.
    pub class: String,
    /// `neutral`, `assertive`, `concessive` or `negative`: written to the
    /// `cue_class` column so a fact-checker can filter.
    pub stance: String,
    /// "..., said X" is normal usage for this verb.
    pub inversion: bool,
    /// The verb takes an addressee ("told reporters").
    pub addressee: bool,
    /// What the verb takes without "that".
    pub complement: Complement,
}

/// What a cue takes without "that": the `complement` column of
/// `data/cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// A bare clause, even with a bare noun as its subject ("said human
    /// actions had little to do with it"): the reporting verbs that PARC
    /// and the Gender Gap Tracker's rules treat as clause-taking.
    Clause,
    /// A noun phrase ("urged restraint", "promised retaliation"): a claim
    /// only with "that".
    NounPhrase,
    /// Either, a noun phrase far more often ("announced a new
    /// initiative"): a clause only with a pronoun or name subject, or a
    /// finite verb after the noun.
    Both,
}

/// What a title tells the rules.
#[derive(Debug, Clone)]
pub struct Title {
    /// `honorific`, `political`, `military`, `job`, `religious`, `royal`.
    pub kind: String,
    /// The gender the title implies ("spokeswoman", "Mrs").
    pub gender: Option<Gender>,
}

/// The speaker type a head noun gives an unnamed source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounType {
    /// "officials", "sources", "analysts".
    Group,
    /// "the government", "police", "the ministry".
    Organization,
    /// "the report", "a statement".
    Document,
    /// "the spokesman", "a witness".
    Person,
}

/// The hash of the word tables: the keys are short words looked up for
/// nearly every token, where SipHash's setup cost showed in the profile
/// (BENCHMARKS.md), and then FNV-1a's byte at a time (about 160
/// instructions a cue lookup, callgrind). This one reads a word eight
/// bytes at a time, a short tail as two overlapping loads (the way of
/// wyhash), each step one multiply, and mixes the result once in
/// `finish` (splitmix64's finalizer, so hashbrown's bucket and tag bits
/// both depend on every byte). The tables are built from our own files
/// and never iterated, so the hash-flooding resistance of SipHash buys
/// nothing here and the hash does not change any output.
pub struct WordHash(u64);

impl Default for WordHash {
    fn default() -> WordHash {
        WordHash(0xcbf2_9ce4_8422_2325)
    }
}

/// An odd 64-bit constant (the golden ratio's), for the steps.
const STEP: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordHash {
    #[inline(always)]
    fn step(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(STEP).rotate_left(31);
    }
}

impl Hasher for WordHash {
    #[inline]
    fn finish(&self) -> u64 {
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.step(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let n = rest.len();
        let tail = if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([
                rest[n - 4],
                rest[n - 3],
                rest[n - 2],
                rest[n - 1],
            ]);
            u64::from(lo) | u64::from(hi) << 32
        } else if n > 0 {
            u64::from(rest[0])
                | u64::from(rest[n / 2]) << 8
                | u64::from(rest[n - 1]) << 16
        } else {
            0
        };
        // The length too: the overlapping loads of two tails of
        // different lengths can be equal.
        self.step(tail ^ (n as u64) << 56);
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.step(u64::from(b));
    }
}

type Map<V> = HashMap<String, V, BuildHasherDefault<WordHash>>;

/// A map hashed with [`WordHash`], for other per-document tables of short
/// keys that are never iterated (the resolver's).
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHash>>;

/// What the lexicon lists of one lower-case word: its single-word cue,
/// title and source noun, and its classes in `data/words.tsv`, kept in
/// one entry so that a stage asking all of them of a token hashes the
/// word once ([`Lexicon::word`]). Multi-word titles and noun compounds
/// ("chief of staff", "news agency") are entries too.
#[derive(Debug, Default)]
struct WordEntry {
    classes: u64,
    noun: Option<(NounType, bool)>,
    /// Index in [`Lexicon::cue_list`].
    cue: Option<u32>,
    /// Index in [`Lexicon::title_list`].
    title: Option<u32>,
    /// The word is the first of a title of several words ("chief" of
    /// "chief of staff").
    opens_title_phrase: bool,
}

/// All the lexicon says of one lower-case word, from one look-up
/// ([`Lexicon::word`]): what [`classes`], [`Lexicon::noun`],
/// [`Lexicon::cue`] and [`Lexicon::title`] give for it.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo<'a> {
    /// Its classes, as bits for [`has`].
    pub classes: u64,
    /// Its type and plurality as the head noun of an unnamed source.
    pub noun: Option<(NounType, bool)>,
    /// The cue it is.
    pub cue: Option<&'a Cue>,
    /// The title it is.
    pub title: Option<&'a Title>,
    /// Whether a title of several words starts with it ("chief" of
    /// "chief of staff"): where not, no longer phrase from it is a
    /// title.
    pub opens_title_phrase: bool,
}

/// The lookup tables.
pub struct Lexicon {
    /// Cues, titles, source nouns and word classes by lower-case word,
    /// while the files are read; then moved into `entries`.
    words: Map<WordEntry>,
    /// The same, for look-ups: one a token ([`Lexicon::word`]).
    entries: WordTable<WordEntry>,
    /// A bit per byte that begins a key of `words`: most punctuation
    /// tokens are answered without hashing.
    first_bytes: [u64; 4],
    /// The single-word cues: one a row of `data/cues.tsv`, shared by its
    /// forms.
    cue_list: Vec<Cue>,
    /// The titles.
    title_list: Vec<Title>,
    /// Multi-word cues ("according to"), lower case, longest first.
    pub cue_phrases: Vec<(String, Cue)>,
    /// First word of a multi-word cue -> its indexes in `cue_phrases`
    /// (looked up for every word, twice: FNV, not SipHash).
    cue_phrase_first: Map<Vec<usize>>,
    /// The longest title in words ("chief of staff" is 3).
    pub max_title_words: usize,
    pronouns: Map<(Option<Gender>, bool)>,
    first_names: Map<Option<Gender>>,
    demonyms: Map<String>,
}

impl Lexicon {
    /// Loads the shipped lexicon files.
    pub fn shipped() -> Result<Lexicon, Vec<DataError>> {
        let [cues, titles, nouns, pronouns, first, demonyms] =
            shipped_lexicon_files();
        let mut errors = Vec::new();
        let mut lex = Lexicon {
            // Room for the shipped words at once (about 2,000).
            words: Map::with_capacity_and_hasher(2048, Default::default()),
            entries: WordTable::default(),
            first_bytes: [0; 4],
            cue_list: Vec::new(),
            title_list: Vec::new(),
            cue_phrases: Vec::new(),
            cue_phrase_first: Map::default(),
            max_title_words: 1,
            pronouns: Map::default(),
            first_names: Map::default(),
            demonyms: Map::default(),
        };
        let mut collect = |r: Result<(), Vec<DataError>>| {
            if let Err(e) = r {
                errors.extend(e);
            }
        };
        collect(lex.load_cues(cues.name, cues.text));
        collect(lex.load_titles(titles.name, titles.text));
        collect(lex.load_nouns(nouns.name, nouns.text));
        collect(lex.load_pronouns(pronouns.name, pronouns.text));
        collect(lex.load_first_names(first.name, first.text));
        collect(lex.load_demonyms(demonyms.name, demonyms.text));
        // The table parsed once, for the lexicon and for [`is`].
        let table = match WORDS.get() {
            Some(t) => Ok(t),
            None => shipped_words().map(|t| WORDS.get_or_init(|| t)),
        };
        collect(table.map(|table| {
            for (&word, &bits) in &table.0 {
                lex.words.entry(word.to_string()).or_default().classes = bits;
            }
        }));
        let title_roles = data_file!("title_roles.tsv");
        collect(parse_title_roles(title_roles.name, title_roles.text).map(|_| ()));
        for key in lex.words.keys() {
            let b = usize::from(key.as_bytes().first().copied().unwrap_or(0));
            lex.first_bytes[b >> 6] |= 1 << (b & 63);
        }
        // Drained, not dropped: its memory stays taken, so that the
        // gazetteer's vectors, built next, still grow in place at the
        // top of the heap (freed, its hole made their reallocations copy:
        // 0.7 M more instructions at every start, callgrind).
        lex.entries = WordTable::new(lex.words.drain());
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    fn load_cues(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<(), Vec<DataError>> {
        let header = [
            "lemma",
            "forms",
            "class",
            "stance",
            "inversion",
            "addressee",
            "complement",
        ];
        let mut errors = Vec::new();
        for row in tsv::parse(file, text, &header)? {
            let c = &row.cells;
            let yes = |s: &str| s.trim() == "yes";
            let stance = c[3].trim();
            if !matches!(
                stance,
                "neutral" | "assertive" | "concessive" | "negative"
            ) {
                errors.push(DataError {
                    file: file.into(),
                    line: row.line,
                    message: format!(
                        "stance must be neutral, assertive, concessive or \
                         negative, not {stance:?}"
                    ),
                });
                continue;
            }
            let complement = match c[6].trim() {
                "clause" => Complement::Clause,
                "np" => Complement::NounPhrase,
                "both" => Complement::Both,
                other => {
                    errors.push(DataError {
                        file: file.into(),
                        line: row.line,
                        message: format!(
                            "complement must be clause, np or both, not \
                             {other:?}"
                        ),
                    });
                    continue;
                }
            };
            let cue = Cue {
                lemma: c[0].trim().to_string(),
                class: c[2].trim().to_string(),
                stance: stance.to_string(),
                inversion: yes(c[4]),
                addressee: yes(c[5]),
                complement,
            };
            let index = self.cue_list.len() as u32;
            let mut single = false;
            for form in tsv::values(c[1]) {
                let form = form.to_lowercase();
                if form.contains(' ') {
                    self.cue_phrases.push((form, cue.clone()));
                } else {
                    let entry = self.words.entry(form).or_default();
                    if entry.cue.is_none() {
                        entry.cue = Some(index);
                        single = true;
                    }
                }
            }
            if single {
                self.cue_list.push(cue);
            }
        }
        self.cue_phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        self.cue_phrase_first.clear();
        for (i, (phrase, _)) in self.cue_phrases.iter().enumerate() {
            let first = phrase.split(' ').next().unwrap_or("").to_string();
            self.cue_phrase_first.entry(first).or_default().push(i);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn load_titles(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<(), Vec<DataError>> {
        for row in tsv::parse(file, text, &["title", "kind", "gender"])? {
            let c = &row.cells;
            let title = c[0].trim().trim_end_matches('.').to_lowercase();
            self.max_title_words =
                self.max_title_words.max(title.split(' ').count());
            let new = Title {
                kind: c[1].trim().to_string(),
                gender: parse_gender(c[2]),
            };
            // "Professor" (honorific) and "professor" (job) meet in lower
            // case: the job wins, so the word alone still names a role.
            let old = self.words.get(&title).and_then(|e| e.title);
            match old.map(|i| &mut self.title_list[i as usize]) {
                Some(old)
                    if old.kind == "honorific" && new.kind != "honorific" =>
                {
                    old.kind = new.kind;
                    old.gender = old.gender.or(new.gender);
                }
                Some(_) => {}
                None => {
                    if let Some((first, _)) = title.split_once(' ') {
                        self.words.entry(first.to_string()).or_default().opens_title_phrase = true;
                    }
                    let index = self.title_list.len() as u32;
                    self.title_list.push(new);
                    self.words.entry(title).or_default().title = Some(index);
                }
            }
        }
        Ok(())
    }

    fn load_nouns(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<(), Vec<DataError>> {
        let mut errors = Vec::new();
        for row in tsv::parse(file, text, &["noun", "type", "number"])? {
            let c = &row.cells;
            let kind = match c[1].trim() {
                "group" => NounType::Group,
                "organization" => NounType::Organization,
                "document" => NounType::Document,
                "person" => NounType::Person,
                other => {
                    errors.push(DataError {
                        file: file.into(),
                        line: row.line,
                        message: format!(
                            "type must be group, organization, document or \
                             person, not {other:?}"
                        ),
                    });
                    continue;
                }
            };
            let entry = self.words.entry(c[0].trim().to_lowercase()).or_default();
            if entry.noun.is_none() {
                entry.noun = Some((kind, c[2].trim() == "pl"));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn load_pronouns(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<(), Vec<DataError>> {
        let header = ["form", "gender", "number", "type"];
        for row in tsv::parse(file, text, &header)? {
            let c = &row.cells;
            self.pronouns.insert(
                c[0].trim().to_lowercase(),
                (parse_gender(c[1]), c[2].trim() == "pl"),
            );
        }
        Ok(())
    }

    fn load_first_names(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<(), Vec<DataError>> {
        let header = ["name", "gender", "male_pct", "female_pct"];
        // Row by row, no list of rows (5,000 of them, read at every start).
        tsv::for_each_row(file, text, &header, |_, c| {
            let gender = match c[1].trim() {
                "male" | "m" => Some(Gender::Male),
                "female" | "f" => Some(Gender::Female),
                _ => None,
            };
            self.first_names.insert(c[0].trim().to_string(), gender);
        })
    }

    fn load_demonyms(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<(), Vec<DataError>> {
        for row in tsv::parse(file, text, &["demonym", "country_id"])? {
            let c = &row.cells;
            self.demonyms
                .insert(c[0].trim().to_string(), c[1].trim().to_string());
        }
        Ok(())
    }

    /// The multi-word cues starting with the lower-case word `first`,
    /// longest first, each as its words and its cue.
    #[inline]
    pub fn cue_phrases_from<'s>(
        &'s self,
        first: &str,
    ) -> impl Iterator<Item = (&'s str, &'s Cue)> + 's {
        self.cue_phrase_first.get(first).into_iter().flatten().map(move |&i| {
            (self.cue_phrases[i].0.as_str(), &self.cue_phrases[i].1)
        })
    }

    /// The cue a single word is, matched case-insensitively.
    #[inline]
    pub fn cue(&self, word: &str) -> Option<&Cue> {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.entry_cue(word);
        }
        // Most words are short ASCII ("Said"): lower them on the stack
        // rather than allocate a String for every capitalised token.
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).expect("ASCII");
            return self.entry_cue(lower);
        }
        self.entry_cue(&word.to_lowercase())
    }

    #[inline]
    fn entry_cue(&self, lower: &str) -> Option<&Cue> {
        self.entries.get(lower).and_then(|e| e.cue).map(|i| &self.cue_list[i as usize])
    }

    /// What [`classes`], [`Lexicon::noun`], [`Lexicon::cue`] and
    /// [`Lexicon::title`] say of the lower-case word `lower`, from one
    /// look-up: the mention stage asks them of nearly every token.
    #[inline]
    pub fn word(&self, lower: &str) -> WordInfo<'_> {
        let b = usize::from(lower.as_bytes().first().copied().unwrap_or(0));
        let entry = if self.first_bytes[b >> 6] >> (b & 63) & 1 != 0 {
            self.entries.get(lower)
        } else {
            None
        };
        // A title is looked up without its final periods ("Sen."): that
        // word's entry is another one.
        let title = if lower.ends_with('.') {
            self.title(lower)
        } else {
            entry.and_then(|e| e.title).map(|i| &self.title_list[i as usize])
        };
        match entry {
            Some(e) => WordInfo {
                classes: e.classes,
                noun: e.noun,
                cue: e.cue.map(|i| &self.cue_list[i as usize]),
                title,
                opens_title_phrase: e.opens_title_phrase,
            },
            None => WordInfo { title, ..WordInfo::default() },
        }
    }

    /// The title a lower-case word or phrase is.
    #[inline]
    pub fn title(&self, lower: &str) -> Option<&Title> {
        self.entries
            .get(lower.trim_end_matches('.'))
            .and_then(|e| e.title)
            .map(|i| &self.title_list[i as usize])
    }

    /// The type and plurality of an unnamed source's head noun.
    #[inline]
    pub fn noun(&self, lower: &str) -> Option<(NounType, bool)> {
        self.entries.get(lower).and_then(|e| e.noun)
    }

    /// The gender and plurality of a pronoun.
    #[inline]
    pub fn pronoun(&self, lower: &str) -> Option<(Option<Gender>, bool)> {
        self.pronouns.get(lower).copied()
    }

    /// Whether `name` is a known first name, and its gender if clear.
    #[inline]
    pub fn first_name(&self, name: &str) -> Option<Option<Gender>> {
        self.first_names.get(name).copied()
    }

    /// Whether `word` is a demonym ("Iraqi", "French").
    #[inline]
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains_key(word)
    }
}

fn parse_gender(cell: &str) -> Option<Gender> {
    match cell.trim() {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}
