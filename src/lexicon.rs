//! The word lists the rules read: cues (reporting verbs and phrases),
//! titles, the head nouns of unnamed sources, pronouns, first names with
//! their gender, and demonyms.
//!
//! Input: the shipped files in `data/` (compiled into the binary so it
//! runs anywhere, a Spark worker included). Output: a [`Lexicon`] of
//! lookup tables, built once and shared by every worker thread. Used by
//! the mention, cue and resolution stages.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::gazetteer::{Gazetteer, GazetteerBuilder};
use crate::tsv::{self, DataError};
use crate::Gender;

/// Days of the week, which head time phrases ("said Tuesday").
pub const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Months, which head time phrases ("last March").
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a lower-case word is a day or a month: capitalised, never a
/// name, and the head of a time phrase. Shared by the mention and rule
/// stages.
pub fn is_calendar_word(w: &str) -> bool {
    DAYS.contains(&w) || MONTHS.contains(&w)
}

/// A shipped data file: its name in messages and its text.
pub struct DataFile {
    /// `data/<file name>`.
    pub name: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

macro_rules! data_file {
    ($name:literal) => {
        DataFile {
            name: concat!("data/", $name),
            text: include_str!(concat!("../data/", $name)),
        }
    };
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

/// FNV-1a (Fowler, Noll, Vo): the keys are short words looked up for
/// nearly every token, where SipHash's setup cost showed in the profile
/// (BENCHMARKS.md). The tables are built from our own files, so the
/// hash-flooding resistance of SipHash buys nothing here.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The lookup tables.
pub struct Lexicon {
    cues: Map<Cue>,
    /// Multi-word cues ("according to"), lower case, longest first.
    pub cue_phrases: Vec<(String, Cue)>,
    /// First word of a multi-word cue -> its indexes in `cue_phrases`.
    cue_phrase_first: HashMap<String, Vec<usize>>,
    titles: Map<Title>,
    /// The longest title in words ("chief of staff" is 3).
    pub max_title_words: usize,
    nouns: Map<(NounType, bool)>,
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
            cues: Map::default(),
            cue_phrases: Vec::new(),
            cue_phrase_first: HashMap::default(),
            titles: Map::default(),
            max_title_words: 1,
            nouns: Map::default(),
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
        let header =
            ["lemma", "forms", "class", "stance", "inversion", "addressee"];
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
            let cue = Cue {
                lemma: c[0].trim().to_string(),
                class: c[2].trim().to_string(),
                stance: stance.to_string(),
                inversion: yes(c[4]),
                addressee: yes(c[5]),
            };
            for form in tsv::values(c[1]) {
                let form = form.to_lowercase();
                if form.contains(' ') {
                    self.cue_phrases.push((form, cue.clone()));
                } else {
                    self.cues.entry(form).or_insert_with(|| cue.clone());
                }
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
            match self.titles.get_mut(&title) {
                Some(old)
                    if old.kind == "honorific" && new.kind != "honorific" =>
                {
                    old.kind = new.kind;
                    old.gender = old.gender.or(new.gender);
                }
                Some(_) => {}
                None => {
                    self.titles.insert(title, new);
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
            self.nouns
                .entry(c[0].trim().to_lowercase())
                .or_insert((kind, c[2].trim() == "pl"));
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
        for row in tsv::parse(file, text, &header)? {
            let c = &row.cells;
            let gender = match c[1].trim() {
                "male" | "m" => Some(Gender::Male),
                "female" | "f" => Some(Gender::Female),
                _ => None,
            };
            self.first_names.insert(c[0].trim().to_string(), gender);
        }
        Ok(())
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
    pub fn cue_phrases_from<'s>(
        &'s self,
        first: &str,
    ) -> impl Iterator<Item = (&'s str, &'s Cue)> + 's {
        self.cue_phrase_first.get(first).into_iter().flatten().map(move |&i| {
            (self.cue_phrases[i].0.as_str(), &self.cue_phrases[i].1)
        })
    }

    /// The cue a single word is, matched case-insensitively.
    pub fn cue(&self, word: &str) -> Option<&Cue> {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.cues.get(word);
        }
        // Most words are short ASCII ("Said"): lower them on the stack
        // rather than allocate a String for every capitalised token.
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).expect("ASCII");
            return self.cues.get(lower);
        }
        self.cues.get(&word.to_lowercase())
    }

    /// The title a lower-case word or phrase is.
    pub fn title(&self, lower: &str) -> Option<&Title> {
        self.titles.get(lower.trim_end_matches('.'))
    }

    /// The type and plurality of an unnamed source's head noun.
    pub fn noun(&self, lower: &str) -> Option<(NounType, bool)> {
        self.nouns.get(lower).copied()
    }

    /// The gender and plurality of a pronoun.
    pub fn pronoun(&self, lower: &str) -> Option<(Option<Gender>, bool)> {
        self.pronouns.get(lower).copied()
    }

    /// Whether `name` is a known first name, and its gender if clear.
    pub fn first_name(&self, name: &str) -> Option<Option<Gender>> {
        self.first_names.get(name).copied()
    }

    /// Whether `word` is a demonym ("Iraqi", "French").
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
