//! The speakers table: who gets quoted, across a whole input.
//!
//! Input: the [`Row`]s of every document, in input order. Output: one
//! [`Speaker`] per canonical speaker (the gazetteer id when there is one,
//! else the canonical name) with its counts, and the CSV writer of
//! `whosaid speakers`. It runs after the output stage, on the finished
//! rows, so it sees exactly what the quote table says; `report` draws its
//! speakers panel from it too.
//!
//! The columns, in order:
//!
//! | column | meaning |
//! | --- | --- |
//! | name | canonical name (the first one met for a gazetteer id) |
//! | type | `person`, `organization`, `group`, `unknown`: the most frequent |
//! | role | the role most often found beside the speaker; may be empty |
//! | id | gazetteer id; may be empty |
//! | quotes | direct and partial quotes |
//! | claims | indirect (reported) claims |
//! | documents | documents with at least one row of the speaker |
//! | first_doc, last_doc | first and last such document, in input order |
//!
//! Rows are sorted by quotes + claims, most first, then by first
//! appearance. Rows with no canonical name (unattributed quotes,
//! unresolved pronouns) belong to nobody and are left out: they are
//! counted in [`SpeakerTable::nameless`].

use indexmap::IndexMap;
use serde::Serialize;

use crate::{Kind, Row, SpeakerType};

/// The CSV header of `whosaid speakers`.
pub const SPEAKER_COLUMNS: &[&str] = &[
    "name",
    "type",
    "role",
    "id",
    "quotes",
    "claims",
    "documents",
    "first_doc",
    "last_doc",
];

/// One canonical speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Canonical name.
    pub name: String,
    /// Most frequent speaker type.
    #[serde(rename = "type")]
    pub speaker_type: String,
    /// Most frequent role; may be empty.
    pub role: String,
    /// Gazetteer id; may be empty.
    pub id: String,
    /// Direct and partial quotes.
    pub quotes: usize,
    /// Indirect claims.
    pub claims: usize,
    /// Documents quoting the speaker.
    pub documents: usize,
    /// First such document, in input order.
    pub first_doc: String,
    /// Last such document, in input order.
    pub last_doc: String,
}

#[derive(Debug, Default)]
struct Acc {
    speaker: Option<Speaker>,
    types: IndexMap<String, usize>,
    roles: IndexMap<String, usize>,
    last_doc_index: Option<usize>,
}

/// Accumulates rows document by document; memory grows with the number
/// of speakers, not of rows.
#[derive(Debug, Default)]
pub struct SpeakerTable {
    by_key: IndexMap<String, Acc>,
    docs: usize,
    /// Rows with no canonical speaker name.
    pub nameless: usize,
}

/// The key that merges the rows of one speaker: the gazetteer id when
/// there is one (so "Lavrov" and "Sergey Lavrov" with the same id meet),
/// else the canonical name. `None` for rows with no canonical speaker.
pub fn speaker_key(row: &Row) -> Option<String> {
    if !row.speaker_id.is_empty() {
        Some(format!("id:{}", row.speaker_id))
    } else if !row.speaker_name.is_empty() {
        Some(format!("name:{}", row.speaker_name))
    } else {
        None
    }
}

impl SpeakerTable {
    /// An empty table.
    pub fn new() -> SpeakerTable {
        SpeakerTable::default()
    }

    /// Adds the rows of the next document.
    pub fn add_document(&mut self, doc_id: &str, rows: &[Row]) {
        let doc_index = self.docs;
        self.docs += 1;
        for row in rows {
            let Some(key) = speaker_key(row) else {
                self.nameless += 1;
                continue;
            };
            let acc = self.by_key.entry(key).or_default();
            let s = acc.speaker.get_or_insert_with(|| Speaker {
                name: row.speaker_name.clone(),
                speaker_type: String::new(),
                role: String::new(),
                id: row.speaker_id.clone(),
                quotes: 0,
                claims: 0,
                documents: 0,
                first_doc: doc_id.to_string(),
                last_doc: String::new(),
            });
            if row.kind == Kind::Indirect {
                s.claims += 1;
            } else {
                s.quotes += 1;
            }
            if acc.last_doc_index != Some(doc_index) {
                acc.last_doc_index = Some(doc_index);
                s.documents += 1;
                s.last_doc = doc_id.to_string();
            }
            *acc.types.entry(row.speaker_type.map_or("", SpeakerType::as_str).to_string()).or_default() += 1;
            if !row.speaker_role.is_empty() {
                *acc.roles.entry(row.speaker_role.clone()).or_default() += 1;
            }
        }
    }

    /// The speakers, most quoted first.
    pub fn finish(self) -> Vec<Speaker> {
        let mut out: Vec<Speaker> = self
            .by_key
            .into_values()
            .filter_map(|acc| {
                let mut s = acc.speaker?;
                s.speaker_type = most_frequent(&acc.types);
                s.role = most_frequent(&acc.roles);
                Some(s)
            })
            .collect();
        // A stable sort keeps first appearance among equal counts.
        out.sort_by_key(|s| std::cmp::Reverse(s.quotes + s.claims));
        out
    }
}

/// The most frequent value, the first met among equals; empty if none.
fn most_frequent(counts: &IndexMap<String, usize>) -> String {
    let mut best: Option<(&String, usize)> = None;
    for (value, &n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((value, n));
        }
    }
    best.map(|(v, _)| v.clone()).unwrap_or_default()
}

/// The table as CSV, header first.
pub fn to_csv(speakers: &[Speaker]) -> std::io::Result<Vec<u8>> {
    let mut w =
        csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    w.write_record(SPEAKER_COLUMNS)?;
    for s in speakers {
        w.serialize(s)?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// The table as CSV for a spreadsheet: the cells of [`to_csv`] made
/// safe as `extract --excel` makes them ([`crate::output::excel_cell`]),
/// a UTF-8 byte order mark, CRLF line ends. A doc id, a name or a role
/// comes from the articles, and `=HYPERLINK(...)` must stay text.
pub fn to_excel_csv(speakers: &[Speaker]) -> std::io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(SPEAKER_COLUMNS)?;
    for s in speakers {
        let counts = [s.quotes, s.claims, s.documents].map(|n| n.to_string());
        let cells = [
            s.name.as_str(),
            &s.speaker_type,
            &s.role,
            &s.id,
            &counts[0],
            &counts[1],
            &counts[2],
            &s.first_doc,
            &s.last_doc,
        ];
        let (safe, cut) = crate::output::excel_record(cells);
        if cut > 0 {
            eprintln!(
                "whosaid: {}: warning: {cut} cell(s) over {} characters cut \
                 to fit a spreadsheet (--excel)",
                crate::diag::escape(&s.first_doc),
                crate::output::EXCEL_CELL_LIMIT
            );
        }
        w.write_record(safe)?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: Kind, name: &str, id: &str, role: &str) -> Row {
        Row {
            doc_id: String::new(),
            quote_id: 1,
            kind,
            quote: "q".into(),
            quote_start: 0,
            quote_end: 1,
            speaker: name.into(),
            speaker_start: None,
            speaker_end: None,
            speaker_name: name.into(),
            speaker_type: (!name.is_empty()).then_some(SpeakerType::Person),
            speaker_role: role.into(),
            speaker_id: id.into(),
            cue: String::new(),
            via: String::new(),
            rule: "r",
            confidence: 0.5,
            paragraph: 1,
            cue_class: String::new(),
            frame: String::new(),
        }
    }

    #[test]
    fn merges_by_id_counts_documents_and_sorts_by_count() {
        let mut t = SpeakerTable::new();
        t.add_document(
            "a",
            &[
                row(Kind::Direct, "Ann Lee", "", "mayor"),
                row(Kind::Indirect, "Bo Ek", "Q1", ""),
                row(Kind::Partial, "", "", ""),
            ],
        );
        t.add_document("b", &[]);
        t.add_document(
            "c",
            &[
                row(Kind::Direct, "Bo Ek", "Q1", "minister"),
                row(Kind::Indirect, "Bo Ek", "Q1", "minister"),
            ],
        );
        assert_eq!(t.nameless, 1);
        let s = t.finish();
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].name.as_str(), s[0].quotes, s[0].claims, s[0].documents),
            ("Bo Ek", 1, 2, 2)
        );
        assert_eq!(
            (s[0].first_doc.as_str(), s[0].last_doc.as_str()),
            ("a", "c")
        );
        assert_eq!(s[0].role, "minister");
        assert_eq!(
            (s[1].name.as_str(), s[1].role.as_str()),
            ("Ann Lee", "mayor")
        );
    }
}
