//! The gazetteer: known people, organizations and countries.
//!
//! Input: entity files in the format of `data/people.tsv` (documented in
//! `data/README.md`): the shipped ones, compiled into the binary, and any
//! the user adds with `--gazetteer`. Output: a [`Gazetteer`] compiled once
//! into a trie of its names, searched leftmost-longest, case-sensitive,
//! whole words only, by the mention stage over each document.
//!
//! Short forms (surnames such as "Putin") are not in the automaton: alone
//! they are too ambiguous. The resolver uses them only for a name that
//! follows a title ("President Putin") with no full name in the article.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::lexicon::WordHash;
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

/// Collects entity files, then compiles them. It borrows the files'
/// text (`'a`) until [`GazetteerBuilder::build`]: names and short forms
/// are kept as slices of it, not as a `String` each.
#[derive(Default)]
pub struct GazetteerBuilder<'a> {
    entities: Vec<Entity>,
    /// (pattern text, entity) in the order claimed: the first entry to
    /// claim a name keeps it (sorted stably and deduplicated by `build`).
    patterns: Vec<(&'a str, usize)>,
    /// (short form, entity) in the order added.
    short_forms: Vec<(&'a str, usize)>,
    ids: HashMap<&'a str, usize, BuildHasherDefault<WordHash>>,
}

impl<'a> GazetteerBuilder<'a> {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder<'a> {
        GazetteerBuilder::default()
    }

    /// Adds every entry of one entity file. `file` names it in errors.
    /// Nothing is added when any line is bad, so a bad user file is
    /// reported whole before any work starts.
    pub fn add_file(
        &mut self,
        file: &str,
        text: &'a str,
    ) -> Result<&mut Self, Vec<DataError>> {
        let mut errors = Vec::new();
        let mut parsed = Vec::new();
        tsv::for_each_row(file, text, ENTITY_HEADER, |line, c| {
            let err = |message: String| DataError {
                file: file.to_string(),
                line,
                message,
            };
            let (id, name) = (c[0].trim(), c[1].trim());
            if id.is_empty() || name.is_empty() {
                errors.push(err("id and name must not be empty".into()));
                return;
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
                    return;
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
                    return;
                }
            };
            parsed.push(Parsed {
                id,
                name,
                kind,
                gender,
                aliases: c[3],
                shorts: c[4],
                roles: c[6],
                wikidata: c[7],
            });
        })?;
        if !errors.is_empty() {
            return Err(errors);
        }
        self.ids.reserve(parsed.len());
        for Parsed { id, name, kind, gender, aliases, shorts, roles, wikidata } in
            parsed
        {
            // A later file's entry with the same id replaces nothing: the
            // user's own file is read last and adds names to the entity.
            let known = self.ids.get(id).copied();
            let index = known.unwrap_or(self.entities.len());
            if is_matchable(name) {
                self.patterns.push((name, index));
            }
            if known.is_none() {
                self.ids.insert(id, index);
                self.entities.push(Entity {
                    id: id.to_string(),
                    name: name.to_string(),
                    kind,
                    gender,
                    roles: tsv::values(roles).map(str::to_string).collect(),
                    wikidata: wikidata.trim().to_string(),
                });
            }
            for alias in tsv::values(aliases) {
                if is_matchable(alias) {
                    self.patterns.push((alias, index));
                }
            }
            for short in tsv::values(shorts) {
                self.short_forms.push((short, index));
            }
        }
        Ok(self)
    }

    /// Compiles the trie.
    pub fn build(self) -> Gazetteer {
        // Sorted by name, a name's claims in the order made, so the first
        // of each run is the claim that keeps it; the trie wants the names
        // sorted anyway. One sort of slices replaces an ordered hash
        // map's String per name and a second sort in the trie.
        let order = sorted_order(&self.patterns);
        let mut names: Vec<&[u8]> = Vec::with_capacity(order.len());
        let mut pattern_entity = Vec::with_capacity(order.len());
        for &i in &order {
            let (name, entity) = self.patterns[i as usize];
            if names.last() != Some(&name.as_bytes()) {
                names.push(name.as_bytes());
                pattern_entity.push(entity);
            }
        }
        // Each short form's entities in the order added, each once.
        let shorts: Vec<(&str, usize)> = sorted_order(&self.short_forms)
            .into_iter()
            .map(|i| self.short_forms[i as usize])
            .collect();
        let mut short_forms = ShortForms::default();
        short_forms.index.reserve(shorts.len());
        let mut i = 0;
        while i < shorts.len() {
            let short = shorts[i].0;
            let from = short_forms.entities.len();
            while i < shorts.len() && shorts[i].0 == short {
                let e = shorts[i].1;
                if !short_forms.entities[from..].contains(&e) {
                    short_forms.entities.push(e);
                }
                i += 1;
            }
            let to = short_forms.entities.len();
            short_forms.index.insert(short.into(), (from as u32, to as u32));
        }
        Gazetteer {
            names: Names::from_sorted(&names),
            pattern_entity,
            entities: self.entities,
            short_forms,
        }
    }
}

/// The order of `items` by their text, items of equal text in their
/// order in `items`. Sorted as (first eight bytes, index) pairs, which
/// compare without a call, and only the runs that share their first eight
/// bytes by the whole text: a stable sort of the (text, entity) pairs
/// themselves compared them through memcmp, 21 M instructions at every
/// start (callgrind).
fn sorted_order(items: &[(&str, usize)]) -> Vec<u32> {
    let mut keys: Vec<(u64, u32)> = items
        .iter()
        .zip(0..)
        .map(|(&(text, _), i)| (prefix_key(text.as_bytes()), i))
        .collect();
    keys.sort_unstable();
    let text = |i: u32| items[i as usize].0.as_bytes();
    let mut lo = 0;
    while lo < keys.len() {
        let mut hi = lo + 1;
        while hi < keys.len() && keys[hi].0 == keys[lo].0 {
            hi += 1;
        }
        if hi - lo > 1 {
            keys[lo..hi].sort_unstable_by(|a, b| {
                text(a.1).cmp(text(b.1)).then(a.1.cmp(&b.1))
            });
        }
        lo = hi;
    }
    keys.into_iter().map(|(_, i)| i).collect()
}

/// The first eight bytes of a name as a big-endian number (zeros past its
/// end): ordered as the names are whenever two differ, so a sort compares
/// the slices only for names that share their first eight bytes.
fn prefix_key(name: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = name.len().min(8);
    w[..n].copy_from_slice(&name[..n]);
    u64::from_be_bytes(w)
}

/// The cells of a good entity row, kept until the whole file is checked.
struct Parsed<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityType,
    gender: Option<Gender>,
    aliases: &'a str,
    shorts: &'a str,
    roles: &'a str,
    wikidata: &'a str,
}

/// Short form -> the entities it may stand for, as a range of one list.
#[derive(Default)]
struct ShortForms {
    index: HashMap<Box<str>, (u32, u32), BuildHasherDefault<WordHash>>,
    entities: Vec<usize>,
}

/// The names as a trie, searched for the leftmost-longest non-overlapping
/// matches: the matches an Aho-Corasick automaton gives in that mode
/// (Aho and Corasick 1975; the `aho-corasick` crate's `LeftmostLongest`),
/// which this replaced because compiling the automaton for the shipped
/// names was 40% of the start-up's instructions (BENCHMARKS.md). The
/// trie is built from the sorted names in one pass; a search tries each
/// position in turn, and a table of the names' first two bytes lets it
/// skip nearly every position of prose at once.
struct Names {
    /// Each node's first child in `labels`.
    first: Vec<u32>,
    /// Each node's number of children.
    count: Vec<u16>,
    /// Children's bytes, sorted within a node; the child at `i` is node
    /// `i + 1` (nodes and labels are made together, after the root).
    labels: Vec<u8>,
    /// The name (pattern index) that ends at a node, or [`NONE`].
    ends: Vec<u32>,
    /// The root's child by byte, or [`NONE`].
    root: Box<[u32; 256]>,
    /// Whether the pair of bytes `b0 << 8 | b1` begins a name: a byte a
    /// pair, not a bit, since the search tests every position of the
    /// text and a byte is tested without a shift.
    pairs: Box<[bool; 65536]>,
}

const NONE: u32 = u32::MAX;

impl Names {
    /// The trie of `names` (unique, each at least two bytes long: see
    /// [`is_matchable`]); a match's pattern index is the name's index in
    /// `names`.
    #[cfg(test)]
    fn new(names: &[&str]) -> Names {
        let mut sorted: Vec<(&[u8], u32)> =
            names.iter().zip(0..).map(|(n, i)| (n.as_bytes(), i)).collect();
        sorted.sort_unstable();
        let mut t = Names::from_sorted(
            &sorted.iter().map(|&(n, _)| n).collect::<Vec<_>>(),
        );
        for p in t.ends.iter_mut().filter(|p| **p != NONE) {
            *p = sorted[*p as usize].1;
        }
        t
    }

    /// The trie of `sorted` (sorted, unique, each at least two bytes
    /// long: see [`is_matchable`]); a match's pattern index is the name's
    /// index in `sorted`.
    fn from_sorted(sorted: &[&[u8]]) -> Names {
        // At most a node a byte: reserved once, not grown.
        let cap = sorted.iter().map(|n| n.len()).sum::<usize>() + 1;
        let mut t = Names {
            first: Vec::with_capacity(cap),
            count: Vec::with_capacity(cap),
            labels: Vec::with_capacity(cap),
            ends: Vec::with_capacity(cap),
            root: Box::new([NONE; 256]),
            pairs: vec![false; 65536].into_boxed_slice().try_into().expect("65536 pairs"),
        };
        t.first.push(0);
        t.count.push(0);
        t.ends.push(NONE);
        for name in sorted {
            if let [b0, b1, ..] = **name {
                let bit = usize::from(b0) << 8 | usize::from(b1);
                t.pairs[bit] = true;
            }
        }
        // A node is the prefix of length `depth` shared by the names
        // `sorted[lo..hi]`; its children are made together, so that they
        // are contiguous, and the child for the label at `i` is node
        // `i + 1` (see `child`). Nodes wait on a stack.
        let mut todo = vec![(0u32, 0usize, sorted.len(), 0usize)];
        while let Some((node, lo, hi, depth)) = todo.pop() {
            if hi - lo == 1 {
                // One name left (most of the nodes): the rest of it is a
                // chain of single children, made at once.
                let name = sorted[lo];
                let mut node = node as usize;
                for &b in &name[depth..] {
                    t.first[node] = t.labels.len() as u32;
                    t.count[node] = 1;
                    let child = t.ends.len();
                    t.first.push(0);
                    t.count.push(0);
                    t.ends.push(NONE);
                    t.labels.push(b);
                    if node == 0 {
                        t.root[usize::from(b)] = child as u32;
                    }
                    node = child;
                }
                t.ends[node] = lo as u32;
                continue;
            }
            let mut j = lo;
            // A name that is the prefix itself sorts first (names are
            // unique: at most one).
            while j < hi && sorted[j].len() == depth {
                t.ends[node as usize] = j as u32;
                j += 1;
            }
            t.first[node as usize] = t.labels.len() as u32;
            while j < hi {
                let b = sorted[j][depth];
                let mut k = j + 1;
                while k < hi && sorted[k][depth] == b {
                    k += 1;
                }
                let child = t.ends.len() as u32;
                t.first.push(0);
                t.count.push(0);
                t.ends.push(NONE);
                t.labels.push(b);
                if node == 0 {
                    t.root[usize::from(b)] = child;
                }
                todo.push((child, j, k, depth + 1));
                j = k;
            }
            t.count[node as usize] =
                (t.labels.len() - t.first[node as usize] as usize) as u16;
        }
        t
    }

    /// The child of `node` by `byte`.
    #[inline]
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let first = self.first[node as usize] as usize;
        let labels =
            &self.labels[first..first + usize::from(self.count[node as usize])];
        let i = if labels.len() <= 8 {
            labels.iter().position(|&l| l == byte)?
        } else {
            labels.binary_search(&byte).ok()?
        };
        Some((first + i + 1) as u32)
    }

    /// The longest name that starts at `start` of `hay`: its end and
    /// pattern index.
    #[inline]
    fn longest_at(&self, hay: &[u8], start: usize) -> Option<(usize, u32)> {
        let mut node = self.root[usize::from(hay[start])];
        if node == NONE {
            return None;
        }
        let mut best = None;
        let mut i = start + 1;
        loop {
            let p = self.ends[node as usize];
            if p != NONE {
                best = Some((i, p));
            }
            match hay.get(i).and_then(|&b| self.child(node, b)) {
                Some(c) => node = c,
                None => return best,
            }
            i += 1;
        }
    }

    /// The first match at or after `at`: start, end, pattern index.
    #[inline]
    fn find_from(&self, hay: &[u8], at: usize) -> Option<(usize, usize, u32)> {
        let mut from = at;
        loop {
            let rest = hay.get(from..)?;
            let k = rest.windows(2).position(|w| {
                self.pairs[usize::from(w[0]) << 8 | usize::from(w[1])]
            })?;
            let start = from + k;
            if let Some((end, p)) = self.longest_at(hay, start) {
                return Some((start, end, p));
            }
            from = start + 1;
        }
    }

    /// The leftmost-longest non-overlapping matches in `hay`, in order.
    fn find_iter<'a>(
        &'a self,
        hay: &'a [u8],
    ) -> impl Iterator<Item = (usize, usize, u32)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(hay, at)?;
            at = m.1;
            Some(m)
        })
    }
}

/// A name is worth matching alone when it has a capital and is not a
/// single letter: lower-case words and "A" collide with prose.
fn is_matchable(name: &str) -> bool {
    let mut chars = name.chars();
    let two = chars.next().is_some() && chars.next().is_some();
    // An ASCII name's capitals are ASCII (most names; no char decoding).
    two && if name.is_ascii() {
        name.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        name.chars().any(char::is_uppercase)
    }
}

/// The compiled gazetteer: immutable, shared by every worker thread.
pub struct Gazetteer {
    entities: Vec<Entity>,
    pattern_entity: Vec<usize>,
    short_forms: ShortForms,
    names: Names,
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
        self.short_forms.index.get(short).map_or(&[], |&(from, to)| {
            &self.short_forms.entities[from as usize..to as usize]
        })
    }

    /// Every whole-word gazetteer name in `text`, leftmost-longest.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = GazetteerMatch> + 'a {
        self.names.find_iter(text.as_bytes()).filter_map(move |(s, e, p)| {
            // A name's bytes are whole characters of valid UTF-8, so a
            // match starts and ends on character boundaries.
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if word(before) || word(after) {
                return None;
            }
            Some(GazetteerMatch {
                span: Span::new(s, e),
                entity: self.pattern_entity[p as usize],
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

    /// The trie gives the matches of an Aho-Corasick automaton in
    /// leftmost-longest mode (what the gazetteer used before), on names
    /// that are prefixes of each other, overlap, share their ends and
    /// are non-ASCII, over texts made of their pieces.
    #[test]
    fn trie_matches_like_a_leftmost_longest_automaton() {
        let names = [
            "Ann", "Ann Lee", "Ann Leeds", "Lee", "Lee Ann", "nn L",
            "Leeds United", "eds U", "Zoë", "Zoë Ball", "ë B", "AB", "ABC",
            "BC", "BCD", "al-Sadr", "Sadr City", "Mc", "McCain", "Cain",
        ];
        let reference = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(names)
            .unwrap();
        let trie = Names::new(&names);
        let pieces = [
            "Ann", " Lee", "ds", " United", "Zo", "ë", " Ball", "A", "B",
            "C", "D", " ", "al-", "Sadr", " City", "Mc", "Cain", "x", "nn",
            ", ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 12) as usize;
            let mut r = seed;
            for _ in 0..len {
                text.push_str(pieces[(r % pieces.len() as u64) as usize]);
                r = r.rotate_right(5).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            let want: Vec<(usize, usize, u32)> = reference
                .find_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
                .collect();
            let got: Vec<_> = trie.find_iter(text.as_bytes()).collect();
            assert_eq!(got, want, "{text:?}");
        }
        assert!(Names::new(&[]).find_iter(b"Ann Lee").next().is_none());
    }

    #[test]
    fn gazetteer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Gazetteer>();
    }
}
