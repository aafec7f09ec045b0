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
//! | type | `person`, `organization`, `group`, `document`, `unknown`: the most frequent |
//! | role | the role most often found beside the speaker; may be empty |
//! | id | gazetteer id; may be empty |
//! | quotes | direct and partial quotes |
//! | claims | indirect (reported) claims |
//! | documents | documents with at least one row of the speaker |
//! | first_doc, last_doc | first and last such document, in input order |
//! | gender | `male`, `female` or `unknown` for a person ([`Genders`]); empty for an organization or group |
//! | share | the speaker's quotes and claims over all attributed rows of its group (three decimals) |
//!
//! With `--shares`, one row per group and gender instead
//! ([`GENDER_COLUMNS`]): how many people of each gender are quoted and
//! their share, as source-diversity audits count them (the Gender Gap
//! Tracker's ratio of women to men quoted, per outlet and week). Only
//! persons count; `unknown` is a row of its own, never split between the
//! two.
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
    "gender",
    "share",
];

/// The CSV header of `whosaid speakers --shares`, after the group's
/// column.
pub const GENDER_COLUMNS: &[&str] = &[
    "gender",
    "speakers",
    "quotes",
    "claims",
    "speaker_share",
    "row_share",
];

/// One canonical speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// `male`, `female`, `unknown`; empty for an organization or group
    /// (filled by [`annotate`]).
    pub gender: String,
    /// Quotes and claims over all attributed rows of the group (filled
    /// by [`annotate`]).
    pub share: f64,
}

/// The share of a first name's bearers of one gender from which the
/// name tells the gender: the threshold `scripts/build_data.py` gives
/// the gazetteer's `gender` column, so that both sources say as much.
pub const GENDER_SHARE: f64 = 0.9;

/// Who is known to be a man or a woman: the gazetteer's `gender` column
/// by id, else the first name in `data/first_names.tsv` (US Census 1990
/// frequencies) when at least [`GENDER_SHARE`] of its bearers are of
/// one gender. Anything else is `unknown`: never a guess.
#[derive(Debug, Default)]
pub struct Genders {
    by_id: std::collections::HashMap<String, crate::Gender>,
    first_names: std::collections::HashMap<String, crate::Gender>,
}

impl Genders {
    /// The genders of the gazetteer's people and of the shipped first
    /// names.
    pub fn new(gazetteer: &crate::gazetteer::Gazetteer) -> Genders {
        let mut g = Genders::default();
        for i in 0..gazetteer.len() {
            let e = gazetteer.entity(i);
            if let Some(gender) = e.gender {
                g.by_id.insert(e.output_id().to_string(), gender);
            }
        }
        g.add_first_names(include_str!("../data/first_names.tsv"));
        g
    }

    /// Adds a first-name table (`name gender male_pct female_pct`).
    fn add_first_names(&mut self, text: &str) {
        let header = ["name", "gender", "male_pct", "female_pct"];
        let Ok(rows) = crate::tsv::parse("data/first_names.tsv", text, &header)
        else {
            return;
        };
        for row in rows {
            let c = &row.cells;
            let pct = |cell: &str| cell.trim().parse::<f64>().unwrap_or(0.0);
            let (m, f) = (pct(c[2]), pct(c[3]));
            if m + f <= 0.0 {
                continue;
            }
            let gender = if m / (m + f) >= GENDER_SHARE {
                crate::Gender::Male
            } else if f / (m + f) >= GENDER_SHARE {
                crate::Gender::Female
            } else {
                continue;
            };
            self.first_names.insert(c[0].trim().to_string(), gender);
        }
    }

    /// The `gender` cell of a speaker.
    pub fn of(&self, s: &Speaker) -> &'static str {
        if s.speaker_type != "person" {
            return "";
        }
        let known = self.by_id.get(&s.id).copied().or_else(|| {
            // A one-word name is a surname as often as a first name.
            let mut words = s.name.split_whitespace();
            let first = words.next()?;
            words.next()?;
            self.first_names.get(first).copied()
        });
        match known {
            Some(crate::Gender::Male) => "male",
            Some(crate::Gender::Female) => "female",
            None => "unknown",
        }
    }
}

/// Fills the `gender` and `share` of a group's speakers.
pub fn annotate(speakers: &mut [Speaker], genders: &Genders) {
    let total: usize = speakers.iter().map(|s| s.quotes + s.claims).sum();
    for s in speakers {
        s.gender = genders.of(s).to_string();
        s.share = if total == 0 {
            0.0
        } else {
            (s.quotes + s.claims) as f64 / total as f64
        };
    }
}

/// One row of `--shares`: a gender within a group.
#[derive(Debug, Clone, PartialEq)]
pub struct GenderShare {
    /// `male`, `female` or `unknown`.
    pub gender: &'static str,
    /// Persons of that gender quoted.
    pub speakers: usize,
    /// Their quotes.
    pub quotes: usize,
    /// Their claims.
    pub claims: usize,
    /// Their share of the group's persons.
    pub speaker_share: f64,
    /// Their share of the group's persons' quotes and claims.
    pub row_share: f64,
}

/// The gender rows of an annotated group: `female`, `male`, `unknown`,
/// each present only when some person has it.
pub fn gender_shares(speakers: &[Speaker]) -> Vec<GenderShare> {
    let persons: Vec<&Speaker> =
        speakers.iter().filter(|s| !s.gender.is_empty()).collect();
    let people = persons.len();
    let rows: usize = persons.iter().map(|s| s.quotes + s.claims).sum();
    let mut out = Vec::new();
    for gender in ["female", "male", "unknown"] {
        let of: Vec<&&Speaker> =
            persons.iter().filter(|s| s.gender == gender).collect();
        if of.is_empty() {
            continue;
        }
        let quotes = of.iter().map(|s| s.quotes).sum();
        let claims = of.iter().map(|s| s.claims).sum();
        out.push(GenderShare {
            gender,
            speakers: of.len(),
            quotes,
            claims,
            speaker_share: of.len() as f64 / people as f64,
            row_share: if rows == 0 {
                0.0
            } else {
                (quotes + claims) as f64 / rows as f64
            },
        });
    }
    out
}

/// The `--shares` table as CSV: the group's column first when there is
/// one; for a spreadsheet as [`to_excel_csv`] when `excel`.
pub fn shares_csv(
    groups: &[(String, Vec<Speaker>)],
    column: Option<&str>,
    excel: bool,
) -> std::io::Result<Vec<u8>> {
    let mut b = csv::WriterBuilder::new();
    b.has_headers(false);
    let start = if excel {
        b.terminator(csv::Terminator::CRLF);
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    let mut w = b.from_writer(start);
    let head: Vec<&str> =
        column.into_iter().chain(GENDER_COLUMNS.iter().copied()).collect();
    w.write_record(head)?;
    for (group, speakers) in groups {
        for g in gender_shares(speakers) {
            let mut cells = vec![
                g.gender.to_string(),
                g.speakers.to_string(),
                g.quotes.to_string(),
                g.claims.to_string(),
                format!("{:.3}", g.speaker_share),
                format!("{:.3}", g.row_share),
            ];
            if column.is_some() {
                cells.insert(0, group.clone());
            }
            if excel {
                let (safe, _) =
                    crate::output::excel_record(cells.iter().map(String::as_str));
                w.write_record(safe)?;
            } else {
                w.write_record(&cells)?;
            }
        }
    }
    w.into_inner().map_err(|e| e.into_error())
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

    /// Adds the rows of the next document (the tests' shorthand for
    /// [`Self::begin_document`] and [`Self::add_rows`]).
    #[cfg(test)]
    pub fn add_document(&mut self, doc_id: &str, rows: &[Row]) {
        self.begin_document();
        self.add_rows(doc_id, rows);
    }

    /// Starts counting a new document, whose rows [`Self::add_rows`]
    /// then adds (a window of a long document at a time).
    pub fn begin_document(&mut self) {
        self.docs += 1;
    }

    /// Counts rows of the document begun last.
    pub fn add_rows(&mut self, doc_id: &str, rows: &[Row]) {
        let doc_index = self.docs.saturating_sub(1);
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
                gender: String::new(),
                share: 0.0,
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

/// How `speakers --by` groups articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum GroupBy {
    /// The record's `outlet` field, else its `source`.
    Outlet,
    /// `YYYY-MM` of the record's `date`.
    Month,
    /// The ISO 8601 week of the record's `date` (`YYYY-Www`).
    Week,
}

impl GroupBy {
    /// The JSONL fields the grouping reads, in order of preference.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            GroupBy::Outlet => &["outlet", "source"],
            GroupBy::Month | GroupBy::Week => &["date"],
        }
    }

    /// The name of the table's first column.
    pub fn column(self) -> &'static str {
        match self {
            GroupBy::Outlet => "outlet",
            GroupBy::Month => "month",
            GroupBy::Week => "week",
        }
    }
}

/// The group of an article from its kept fields (in the order of
/// [`GroupBy::fields`]); empty when it has none that fits.
pub fn group_of(by: GroupBy, fields: &[crate::input::Field]) -> String {
    let first = fields.iter().map(|f| f.cell().trim()).find(|c| !c.is_empty());
    let Some(value) = first else { return String::new() };
    match by {
        GroupBy::Outlet => value.to_string(),
        GroupBy::Month => year_month_day(value)
            .map(|(y, m, _)| format!("{y:04}-{m:02}"))
            .unwrap_or_default(),
        GroupBy::Week => year_month_day(value)
            .and_then(|(y, m, d)| iso_week(y, m, d))
            .map(|(y, w)| format!("{y:04}-W{w:02}"))
            .unwrap_or_default(),
    }
}

/// The year, month and day a date written `YYYY-MM-DD` (an ISO 8601 date
/// or the start of a timestamp) or `YYYY-MM` (day 1) names.
pub(crate) fn year_month_day(value: &str) -> Option<(i64, u32, u32)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = value.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let y = digits(0..4)?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let m = u32::try_from(digits(5..7)?).ok().filter(|m| (1..=12).contains(m))?;
    let d = if b.get(7) == Some(&b'-') {
        u32::try_from(digits(8..10)?).ok().filter(|d| (1..=31).contains(d))?
    } else {
        1
    };
    Some((y, m, d))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the
/// days-from-civil algorithm of Howard Hinnant's "chrono-compatible
/// low-level date algorithms").
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let (m, d) = (i64::from(m), i64::from(d));
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO 8601 week-numbering year and week of a date: weeks start on
/// Monday and week 1 holds the year's first Thursday.
fn iso_week(y: i64, m: u32, d: u32) -> Option<(i64, u32)> {
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday: weekday 1 (Monday) to 7 (Sunday).
    let weekday = (days + 3).rem_euclid(7) + 1;
    let thursday = days - weekday + 4;
    let week_year = {
        // The year the week's Thursday falls in.
        let mut wy = y;
        if thursday < days_from_civil(y, 1, 1) {
            wy -= 1;
        } else if thursday >= days_from_civil(y + 1, 1, 1) {
            wy += 1;
        }
        wy
    };
    let week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
    u32::try_from(week).ok().map(|w| (week_year, w))
}

/// The header: the group's column first when there is one.
fn header(column: Option<&str>) -> Vec<&str> {
    column.into_iter().chain(SPEAKER_COLUMNS.iter().copied()).collect()
}

/// The table as CSV, header first: one block of rows per group (one group
/// with no column when `column` is `None`).
pub fn to_csv(
    groups: &[(String, Vec<Speaker>)],
    column: Option<&str>,
) -> std::io::Result<Vec<u8>> {
    let mut w =
        csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    w.write_record(header(column))?;
    for (group, speakers) in groups {
        for s in speakers {
            let mut cells = cells_of(s);
            if column.is_some() {
                cells.insert(0, group.clone());
            }
            w.write_record(&cells)?;
        }
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// A speaker's cells, in the order of [`SPEAKER_COLUMNS`].
fn cells_of(s: &Speaker) -> Vec<String> {
    vec![
        s.name.clone(),
        s.speaker_type.clone(),
        s.role.clone(),
        s.id.clone(),
        s.quotes.to_string(),
        s.claims.to_string(),
        s.documents.to_string(),
        s.first_doc.clone(),
        s.last_doc.clone(),
        s.gender.clone(),
        format!("{:.3}", s.share),
    ]
}

/// The table as CSV for a spreadsheet: the cells of [`to_csv`] made
/// safe as `extract --excel` makes them ([`crate::output::excel_cell`]),
/// a UTF-8 byte order mark, CRLF line ends. A doc id, a name or a role
/// comes from the articles, and `=HYPERLINK(...)` must stay text.
pub fn to_excel_csv(
    groups: &[(String, Vec<Speaker>)],
    column: Option<&str>,
) -> std::io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(header(column))?;
    for (group, speakers) in groups {
        for s in speakers {
            let mut cells = cells_of(s);
            if column.is_some() {
                cells.insert(0, group.clone());
            }
            let (safe, cut) = crate::output::excel_record(cells.iter().map(String::as_str));
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
    }
    w.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks_follow_the_first_thursday() {
        // 2021-01-03 is a Sunday of the last week of 2020 (ISO 2020-W53);
        // 2024-12-30 is a Monday of 2025-W01.
        assert_eq!(iso_week(2021, 1, 3), Some((2020, 53)));
        assert_eq!(iso_week(2021, 1, 4), Some((2021, 1)));
        assert_eq!(iso_week(2024, 12, 30), Some((2025, 1)));
        assert_eq!(iso_week(2026, 12, 1), Some((2026, 49)));
    }

    #[test]
    fn groups_read_dates_and_outlets_and_leave_the_rest_empty() {
        use crate::input::Field;
        let f = |s: &str| vec![Field::Text(s.to_string())];
        assert_eq!(group_of(GroupBy::Month, &f("2024-03-01T10:00:00Z")), "2024-03");
        assert_eq!(group_of(GroupBy::Week, &f("2024-03-01")), "2024-W09");
        assert_eq!(group_of(GroupBy::Month, &f("March 2024")), "");
        assert_eq!(group_of(GroupBy::Month, &f("2024-13-01")), "");
        let outlet = vec![Field::Missing, Field::Text("Reuters".into())];
        assert_eq!(group_of(GroupBy::Outlet, &outlet), "Reuters");
        assert_eq!(group_of(GroupBy::Outlet, &[Field::Missing]), "");
    }

    #[test]
    fn first_names_tell_a_gender_only_above_the_share() {
        let mut g = Genders::default();
        g.add_first_names(
            "name\tgender\tmale_pct\tfemale_pct\n\
             Ada\tfemale\t0.0\t0.057\n\
             Jordan\tmale\t0.056\t0.012\n\
             Tom\tmale\t0.117\t0.0\n",
        );
        let person = |name: &str, kind: &str| Speaker {
            name: name.into(),
            speaker_type: kind.into(),
            role: String::new(),
            id: String::new(),
            quotes: 1,
            claims: 0,
            documents: 1,
            first_doc: String::new(),
            last_doc: String::new(),
            gender: String::new(),
            share: 0.0,
        };
        assert_eq!(g.of(&person("Ada Obi", "person")), "female");
        assert_eq!(g.of(&person("Tom Hill", "person")), "male");
        // 82% men: under the share, so not a guess.
        assert_eq!(g.of(&person("Jordan Price", "person")), "unknown");
        assert_eq!(g.of(&person("Tom", "person")), "unknown");
        assert_eq!(g.of(&person("Tom Hill Ltd", "organization")), "");
        let mut group = vec![
            person("Ada Obi", "person"),
            person("Tom Hill", "person"),
            person("Ada Lee", "person"),
            person("City Council", "organization"),
        ];
        annotate(&mut group, &g);
        assert_eq!(group[0].share, 0.25);
        let shares = gender_shares(&group);
        assert_eq!(shares.len(), 2);
        assert_eq!((shares[0].gender, shares[0].speakers), ("female", 2));
        assert!((shares[0].speaker_share - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!((shares[1].gender, shares[1].quotes), ("male", 1));
    }

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
