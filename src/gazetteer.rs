//! The gazetteer: known people, organizations and countries.
//!
//! Input: entity files in the format of `data/people.tsv` (documented in
//! `data/README.md`): the shipped ones, compiled into the binary, and any
//! the user adds with `--gazetteer`. Output: a [`Gazetteer`] compiled once
//! into an Aho-Corasick automaton (leftmost-longest, case-sensitive, whole
//! words only) that the mention stage runs over each document.
//!
//! Short forms (surnames such as "Putin") are not in the automaton: alone
//! they are too ambiguous. The resolver uses them only for a name that
//! follows a title ("President Putin") with no full name in the article.

use aho_corasick::{AhoCorasick, MatchKind};
use indexmap::IndexMap;

use crate::tsv::{self, DataError};
use crate::types::{Gender, Span};

/// The columns of an entity file, in order.
pub const ENTITY_HEADER: &[&str] = &[
    "id",
    "name",
    "type",
    "aliases",
    "short_forms",
    "gender",
    "roles",
    "wikidata",
];

/// What kind of entity a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityType {
    /// A named person.
    Person,
    /// A party, company, outlet, agency, armed group, institution.
    Organization,
    /// A country (speaks as an organization: "Iraq announced").
    Country,
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable id (a Wikidata QID where known).
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Person, organization or country.
    pub kind: EntityType,
    /// Gender of a person, when the data gives it.
    pub gender: Option<Gender>,
    /// Roles, most important first.
    pub roles: Vec<String>,
    /// Wikidata QID or empty.
    pub wikidata: String,
}

impl Entity {
    /// The id written to the `speaker_id` column: the QID when there is one.
    pub fn output_id(&self) -> &str {
        if self.wikidata.is_empty() {
            &self.id
        } else {
            &self.wikidata
        }
    }
}

/// A gazetteer hit in a text.
#[derive(Debug, Clone, Copy)]
pub struct GazetteerMatch {
    /// Where the name is, in bytes of the searched text.
    pub span: Span,
    /// Index into [`Gazetteer::entity`].
    pub entity: usize,
}

/// Collects entity files, then compiles them.
#[derive(Default)]
pub struct GazetteerBuilder {
    entities: Vec<Entity>,
    /// Pattern text -> entity; the first entry to claim a name keeps it.
    patterns: IndexMap<String, usize>,
    short_forms: IndexMap<String, Vec<usize>>,
    ids: IndexMap<String, usize>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds every entry of one entity file. `file` names it in errors.
    /// Nothing is added when any line is bad, so a bad user file is
    /// reported whole before any work starts.
    pub fn add_file(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<&mut Self, Vec<DataError>> {
        let rows = tsv::parse(file, text, ENTITY_HEADER)?;
        let mut errors = Vec::new();
        let mut parsed = Vec::with_capacity(rows.len());
        for row in rows {
            let err = |message: String| DataError {
                file: file.to_string(),
                line: row.line,
                message,
            };
            let c = &row.cells;
            let (id, name) = (c[0].trim(), c[1].trim());
            if id.is_empty() || name.is_empty() {
                errors.push(err("id and name must not be empty".into()));
                continue;
            }
            let kind = match c[2].trim() {
                "person" => EntityType::Person,
                "organization" => EntityType::Organization,
                "country" => EntityType::Country,
                other => {
                    errors.push(err(format!(
                        "type must be person, organization or country, \
                         not {other:?}"
                    )));
                    continue;
                }
            };
            let gender = match c[5].trim() {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                "" => None,
                other => {
                    errors.push(err(format!(
                        "gender must be m, f or empty, not {other:?}"
                    )));
                    continue;
                }
            };
            parsed.push((
                Entity {
                    id: id.to_string(),
                    name: name.to_string(),
                    kind,
                    gender,
                    roles: tsv::values(c[6]).map(str::to_string).collect(),
                    wikidata: c[7].trim().to_string(),
                },
                tsv::values(c[3]).map(str::to_string).collect::<Vec<_>>(),
                tsv::values(c[4]).map(str::to_string).collect::<Vec<_>>(),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for (entity, aliases, shorts) in parsed {
            // A later file's entry with the same id replaces nothing: the
            // user's own file is read last and adds names to the entity.
            let index = match self.ids.get(&entity.id) {
                Some(&i) => i,
                None => {
                    self.entities.push(entity.clone());
                    self.ids
                        .insert(entity.id.clone(), self.entities.len() - 1);
                    self.entities.len() - 1
                }
            };
            for name in std::iter::once(&entity.name).chain(&aliases) {
                if is_matchable(name) {
                    self.patterns.entry(name.clone()).or_insert(index);
                }
            }
            for short in shorts {
                let list = self.short_forms.entry(short).or_default();
                if !list.contains(&index) {
                    list.push(index);
                }
            }
        }
        Ok(self)
    }

    /// Compiles the automaton.
    pub fn build(self) -> Gazetteer {
        let names: Vec<&str> =
            self.patterns.keys().map(String::as_str).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("gazetteer patterns are plain strings");
        Gazetteer {
            pattern_entity: self.patterns.values().copied().collect(),
            entities: self.entities,
            short_forms: self.short_forms,
            automaton,
        }
    }
}

/// A name is worth matching alone when it has a capital and is not a
/// single letter: lower-case words and "A" collide with prose.
fn is_matchable(name: &str) -> bool {
    name.chars().count() >= 2 && name.chars().any(char::is_uppercase)
}

/// The compiled gazetteer: immutable, shared by every worker thread.
pub struct Gazetteer {
    entities: Vec<Entity>,
    pattern_entity: Vec<usize>,
    short_forms: IndexMap<String, Vec<usize>>,
    automaton: AhoCorasick,
}

impl Gazetteer {
    /// The entry at `index`.
    pub fn entity(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entities a short form such as "Putin" may stand for.
    pub fn short_form(&self, short: &str) -> &[usize] {
        self.short_forms.get(short).map_or(&[], Vec::as_slice)
    }

    /// Every whole-word gazetteer name in `text`, leftmost-longest.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = GazetteerMatch> + 'a {
        self.automaton.find_iter(text).filter_map(move |m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if word(before) || word(after) {
                return None;
            }
            Some(GazetteerMatch {
                span: Span::new(m.start(), m.end()),
                entity: self.pattern_entity[m.pattern().as_usize()],
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "id\tname\ttype\taliases\tshort_forms\tgender\troles\twikidata\n\
        Q1\tSergey Lavrov\tperson\tSergei Lavrov\tLavrov\tm\tForeign Minister of Russia\tQ1\n\
        o:cnn\tCNN\torganization\tCable News Network\t\t\t\t\n\
        RU\tRussia\tcountry\tRussian Federation\t\t\t\t\n";

    fn gazetteer() -> Gazetteer {
        let mut b = GazetteerBuilder::new();
        b.add_file("people.tsv", FILE).unwrap();
        b.build()
    }

    #[test]
    fn matches_names_and_aliases_on_word_boundaries() {
        let g = gazetteer();
        let text = "Sergei Lavrov told CNN that the Russian Federation and \
                    Russians in CNNX agree.";
        let found: Vec<(&str, &str)> = g
            .find_iter(text)
            .map(|m| {
                (
                    &text[m.span.start..m.span.end],
                    g.entity(m.entity).name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("Sergei Lavrov", "Sergey Lavrov"),
                ("CNN", "CNN"),
                ("Russian Federation", "Russia")
            ]
        );
        assert_eq!(g.short_form("Lavrov"), &[0]);
        assert_eq!(g.entity(0).output_id(), "Q1");
        assert_eq!(g.entity(0).gender, Some(Gender::Male));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut b = GazetteerBuilder::new();
        let text =
            "id\tname\ttype\taliases\tshort_forms\tgender\troles\twikidata\n\
            x\tX Y\trobot\t\t\t\t\t\n\
            y\t\tperson\t\t\t\t\t\n\
            z\tZ\tperson\t\t\tq\t\t\n";
        let errs = b.add_file("mine.tsv", text).err().unwrap();
        let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown[0].starts_with("mine.tsv:2: type must be"));
        assert!(shown[1].starts_with("mine.tsv:3: id and name"));
        assert!(shown[2].starts_with("mine.tsv:4: gender must be"));
    }

    #[test]
    fn gazetteer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Gazetteer>();
    }
}
