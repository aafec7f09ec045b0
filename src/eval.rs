//! Scores an attribution table against a gold file.
//!
//! Input: a gold JSONL file (one document a line: `doc_id`, `text`,
//! `quotes` with `start`, `end`, `kind`, `speaker`, `speaker_aliases`, and
//! optionally `content_spans` and `speaker_spans`) and a prediction file,
//! either the CSV table that `whosaid` writes or JSONL (chosen by the
//! `.jsonl`/`.json` extension). Output: the text that the company scorer
//! `score.py` prints for the same inputs, byte for byte: the table of
//! detection and attribution P/R/F1 for the tracks `quotes`, `claims` and
//! `all`, or its JSON line, then with `errors` one line per missed, extra
//! or misattributed item.
//!
//! Place in the pipeline: last. `whosaid eval GOLD PRED` runs this on a
//! table the extractor wrote, so a run can be scored without Python.
//!
//! Every rule mirrors `score.py` (kept in `tests/data/score.py`, and the
//! integration test compares the two): offsets are code point indices,
//! matching is one-to-one best first with ties broken by the higher
//! prediction index then the higher gold index, figures are rounded like
//! Python's `round(x, 3)`, strings in error lines are printed like
//! Python's `repr()`. Where `score.py` would die with a traceback on
//! malformed input, this returns an [`EvalError`] instead, and it checks
//! every gold field up front, even one that `score.py` would never read.

use indexmap::IndexMap;
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A prediction matches a gold item from this overlap on.
const MIN_IOU: f64 = 0.5;

/// The tracks in the order `score.py` reports them.
const TRACKS: [&str; 3] = ["quotes", "claims", "all"];

/// What to score and how to print it (the scorer's command-line flags).
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// `--only=KIND,...`: score only gold items of these kinds; the others
    /// become `ignore` items.
    pub only: Option<Vec<String>>,
    /// `--errors`: append one line per error after the figures.
    pub errors: bool,
    /// `--json`: print the figures as one JSON line instead of a table.
    pub json: bool,
}

/// Why the inputs could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A line (or CSV record) of the file is malformed.
    #[error("{}:{line}: {why}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// The line, from 1 (where the record starts, for CSV).
        line: u64,
        /// What is wrong with it.
        why: String,
    },
    /// The table and the gold have no document in common.
    #[error(
        "{} and {} share no document id ({preds} documents with rows in \
         the table): nothing to score",
        pred.display(),
        gold.display()
    )]
    NoSharedDoc {
        /// The gold file.
        gold: PathBuf,
        /// The table.
        pred: PathBuf,
        /// Documents with rows in the table.
        preds: usize,
    },
}

fn line_err(path: &Path, line: u64, why: impl Into<String>) -> EvalError {
    EvalError::Line { path: path.to_path_buf(), line, why: why.into() }
}

/// Scores the predictions in `pred` against the gold file `gold` and
/// returns what `score.py GOLD PRED [flags]` prints on stdout.
pub fn evaluate(
    gold: &Path,
    pred: &Path,
    opts: &EvalOptions,
) -> Result<String, EvalError> {
    let mut docs = load_gold(gold)?;
    let preds = load_pred(pred)?;
    // Zeros from a table of other articles (or of no rows) say nothing of
    // the extractor: most likely the wrong file was given.
    if !preds.keys().any(|k| docs.contains_key(k)) {
        return Err(EvalError::NoSharedDoc {
            gold: gold.to_path_buf(),
            pred: pred.to_path_buf(),
            preds: preds.len(),
        });
    }
    if let Some(kinds) = &opts.only {
        restrict(&mut docs, kinds);
    }
    let (counts, errors) = score(&docs, &preds);
    let mut out = String::new();
    if opts.json {
        out.push_str(&report_json(&counts));
    } else {
        out.push_str(&report_table(&counts));
    }
    if opts.errors {
        for e in &errors {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\tgot={}\twant={}\t{}",
                e.doc,
                e.track,
                e.what,
                py_repr(&e.got),
                py_repr(&e.want),
                py_repr(&e.span.chars().take(90).collect::<String>()),
            );
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------
// Input

/// A document id with Python's dict-key equality: the scorer keys its
/// dicts by whatever JSON value `doc_id` holds, so `1`, `1.0` and `true`
/// are one key while `"1"` is another. `shown` is Python's `str()` of the
/// value, printed in error lines.
#[derive(Debug, Clone)]
struct DocKey {
    id: KeyId,
    shown: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum KeyId {
    Str(String),
    Int(i128),
    Float(u64),
    Null,
}

impl PartialEq for DocKey {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for DocKey {}

impl Hash for DocKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl DocKey {
    fn text(s: &str) -> Self {
        DocKey { id: KeyId::Str(s.to_string()), shown: s.to_string() }
    }

    fn from_json(v: &Value) -> Result<Self, String> {
        let (id, shown) = match v {
            Value::String(s) => (KeyId::Str(s.clone()), s.clone()),
            Value::Null => (KeyId::Null, "None".to_string()),
            Value::Bool(b) => {
                let shown = if *b { "True" } else { "False" };
                (KeyId::Int(i128::from(*b)), shown.to_string())
            }
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    (KeyId::Int(i.into()), i.to_string())
                } else if let Some(u) = n.as_u64() {
                    (KeyId::Int(u.into()), u.to_string())
                } else {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    // An integral float equals the int of the same value.
                    let id = if f.fract() == 0.0 && f.abs() < 1e38 {
                        KeyId::Int(f as i128)
                    } else {
                        KeyId::Float(f.to_bits())
                    };
                    (id, py_float_repr(f))
                }
            }
            Value::Array(_) | Value::Object(_) => {
                return Err("doc_id must be a string or a number".into())
            }
        };
        Ok(DocKey { id, shown })
    }
}

/// One gold item, checked and converted at load time.
#[derive(Debug, Clone)]
struct GoldItem {
    kind: String,
    start: f64,
    end: f64,
    /// `(start, end)` followed by the `content_spans` pieces.
    pieces: Vec<(f64, f64)>,
    text: String,
    /// `None` where the gold item names no speaker (a falsy value).
    speaker: Option<String>,
    aliases: Vec<String>,
    /// Non-empty where the gold item says where its speaker is mentioned.
    speaker_spans: Vec<(f64, f64)>,
}

#[derive(Debug, Clone)]
struct GoldDoc {
    text: String,
    items: Vec<GoldItem>,
}

#[derive(Debug, Clone)]
struct Pred {
    start: i64,
    end: i64,
    kind: String,
    name: String,
    mention: String,
    sspan: Option<(f64, f64)>,
}

/// Reads a file as UTF-8 text; the error names the line of a bad byte.
fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = if path.as_os_str() == "-" {
        // `-` is standard input, read once (the format test and the
        // loader both ask for it).
        static STDIN: std::sync::OnceLock<Result<Vec<u8>, String>> =
            std::sync::OnceLock::new();
        let got = STDIN.get_or_init(|| {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
                .map(|_| b)
                .map_err(|e| e.to_string())
        });
        got.clone().map_err(|e| EvalError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(e),
        })?
    } else {
        std::fs::read(path).map_err(|source| EvalError::Read {
            path: path.to_path_buf(),
            source,
        })?
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + good.iter().filter(|&&b| b == b'\n').count() as u64;
        line_err(path, line, "invalid utf-8")
    })
}

/// Splits text into numbered lines like Python's text-mode file
/// iteration (universal newlines: `\n`, `\r\n` and a lone `\r`).
fn py_lines(text: &str) -> impl Iterator<Item = (u64, &str)> {
    let mut rest = text;
    let mut n = 0u64;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        let cut = rest.find(&['\n', '\r'][..]).unwrap_or(rest.len());
        let line = &rest[..cut];
        let skip = if rest[cut..].starts_with("\r\n") {
            2
        } else {
            usize::from(cut < rest.len())
        };
        rest = &rest[cut + skip..];
        Some((n, line))
    })
}

/// Python's `str.isspace()`: Unicode White_Space plus the four ASCII
/// separators `\x1c`..`\x1f`, which Python also counts.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn parse_json_line(
    path: &Path,
    line: u64,
    raw: &str,
) -> Result<Map<String, Value>, EvalError> {
    let v: Value = serde_json::from_str(raw)
        .map_err(|e| line_err(path, line, format!("invalid json: {e}")))?;
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(line_err(path, line, "not a json object")),
    }
}

fn load_gold(path: &Path) -> Result<IndexMap<DocKey, GoldDoc>, EvalError> {
    let text = read_text(path)?;
    // IndexMap keeps the first position and key of a duplicate doc_id and
    // takes the later value, as a Python dict does.
    let mut docs = IndexMap::new();
    for (n, raw) in py_lines(&text) {
        if raw.chars().all(py_space) {
            continue;
        }
        let d = parse_json_line(path, n, raw)?;
        let bad = |why: String| line_err(path, n, why);
        let key = d
            .get("doc_id")
            .ok_or_else(|| bad("missing doc_id".into()))
            .and_then(|v| DocKey::from_json(v).map_err(bad))?;
        let doc = gold_doc(&d).map_err(bad)?;
        docs.insert(key, doc);
    }
    Ok(docs)
}

fn gold_doc(d: &Map<String, Value>) -> Result<GoldDoc, String> {
    let text = match d.get("text") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err("missing or non-string text".into()),
    };
    let quotes = match d.get("quotes") {
        Some(Value::Array(a)) => a,
        _ => return Err("missing or non-list quotes".into()),
    };
    let items = quotes
        .iter()
        .enumerate()
        .map(|(k, q)| gold_item(q).map_err(|e| format!("quotes[{k}]: {e}")))
        .collect::<Result<_, _>>()?;
    Ok(GoldDoc { text, items })
}

fn gold_item(q: &Value) -> Result<GoldItem, String> {
    let q = q.as_object().ok_or("not an object")?;
    let kind = match q.get("kind") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err("missing or non-string kind".into()),
    };
    let start = number(q.get("start"), "start")?;
    let end = number(q.get("end"), "end")?;
    let mut pieces = vec![(start, end)];
    pieces.extend(pairs(q.get("content_spans"), "content_spans")?);
    let text = match q.get("text") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err("missing or non-string text".into()),
    };
    let speaker = match q.get("speaker") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(v) if truthy(v) => return Err("non-string speaker".into()),
        _ => None,
    };
    let aliases = match q.get("speaker_aliases") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                // norm(None) is "", so a null alias is the empty name.
                Value::Null => Ok(String::new()),
                _ => Err("non-string speaker alias".to_string()),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("speaker_aliases is not a list".into()),
    };
    let speaker_spans = pairs(q.get("speaker_spans"), "speaker_spans")?;
    Ok(GoldItem {
        kind,
        start,
        end,
        pieces,
        text,
        speaker,
        aliases,
        speaker_spans,
    })
}

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A gold offset: any JSON number (score.py only compares and subtracts
/// them, which works on floats too).
fn number(v: Option<&Value>, what: &str) -> Result<f64, String> {
    match v {
        Some(Value::Number(n)) => {
            n.as_f64().ok_or_else(|| format!("{what} is not a number"))
        }
        Some(Value::Bool(b)) => Ok(f64::from(u8::from(*b))),
        Some(_) => Err(format!("{what} is not a number")),
        None => Err(format!("missing {what}")),
    }
}

/// A list of `[start, end]` pairs; absent, null or empty is no pairs.
fn pairs(v: Option<&Value>, what: &str) -> Result<Vec<(f64, f64)>, String> {
    let list = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(format!("{what} is not a list")),
    };
    list.iter()
        .map(|p| match p.as_array().map(Vec::as_slice) {
            Some([a, b]) => {
                Ok((number(Some(a), what)?, number(Some(b), what)?))
            }
            _ => Err(format!("{what}: each entry must be [start, end]")),
        })
        .collect()
}

fn load_pred(path: &Path) -> Result<HashMap<DocKey, Vec<Pred>>, EvalError> {
    // The same test as score.py: the path's text, case-sensitive.
    let name = path.to_string_lossy();
    // Standard input has no name: JSONL starts with `{`.
    let stdin_jsonl = name == "-"
        && read_text(path)?.trim_start().starts_with(['{', '\u{FEFF}']);
    if name.ends_with(".jsonl") || name.ends_with(".json") || stdin_jsonl {
        load_pred_jsonl(path)
    } else {
        load_pred_csv(path)
    }
}

fn load_pred_jsonl(
    path: &Path,
) -> Result<HashMap<DocKey, Vec<Pred>>, EvalError> {
    let text = read_text(path)?;
    let mut preds: HashMap<DocKey, Vec<Pred>> = HashMap::new();
    for (n, raw) in py_lines(&text) {
        if raw.chars().all(py_space) {
            continue;
        }
        let d = parse_json_line(path, n, raw)?;
        let bad = |why: String| line_err(path, n, why);
        // The table of `extract --format jsonl` (one row a line) and the
        // answers of `--jsonl-stream` ({"doc_id", "rows": [...]}).
        let rows: Option<Vec<&Map<String, Value>>> =
            if d.contains_key("quote_start") && !d.contains_key("quotes") {
                Some(vec![&d])
            } else if let Some(Value::Array(rows)) = d.get("rows") {
                Some(rows.iter().filter_map(Value::as_object).collect())
            } else {
                None
            };
        if let Some(rows) = rows {
            if rows.is_empty() {
                continue;
            }
            let key = d
                .get("doc_id")
                .ok_or_else(|| bad("missing doc_id".into()))
                .and_then(|v| DocKey::from_json(v).map_err(bad))?;
            for (k, row) in rows.into_iter().enumerate() {
                let p = row_pred(row)
                    .map_err(|e| bad(format!("row {}: {e}", k + 1)))?;
                preds.entry(key.clone()).or_default().push(p);
            }
            continue;
        }
        let quotes = match d.get("quotes") {
            None => continue,
            Some(Value::Array(a)) => a,
            Some(_) => return Err(bad("quotes is not a list".into())),
        };
        if quotes.is_empty() {
            // score.py never reads doc_id of a document without quotes.
            continue;
        }
        let key = d
            .get("doc_id")
            .ok_or_else(|| bad("missing doc_id".into()))
            .and_then(|v| DocKey::from_json(v).map_err(bad))?;
        for (k, q) in quotes.iter().enumerate() {
            let p =
                json_pred(q).map_err(|e| bad(format!("quotes[{k}]: {e}")))?;
            preds.entry(key.clone()).or_default().push(p);
        }
    }
    Ok(preds)
}

/// A row of our own JSONL table as a prediction: its columns renamed to
/// the scorer's JSONL fields.
fn row_pred(row: &Map<String, Value>) -> Result<Pred, String> {
    let mut q = Map::new();
    for (from, to) in [
        ("quote_start", "start"),
        ("quote_end", "end"),
        ("kind", "kind"),
        ("speaker", "speaker"),
        ("speaker_name", "speaker_name"),
        ("speaker_start", "speaker_start"),
        ("speaker_end", "speaker_end"),
    ] {
        if let Some(v) = row.get(from) {
            q.insert(to.to_string(), v.clone());
        }
    }
    json_pred(&Value::Object(q))
}

/// A string field that Python reads with `x or ""`.
fn opt_str(v: Option<&Value>, what: &str) -> Result<String, String> {
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) if truthy(v) => Err(format!("{what} is not a string")),
        _ => Ok(String::new()),
    }
}

fn json_pred(q: &Value) -> Result<Pred, String> {
    let q = q.as_object().ok_or("not an object")?;
    let start = json_int(q.get("start"), "start")?;
    let end = json_int(q.get("end"), "end")?;
    let kind = opt_str(q.get("kind"), "kind")?.to_lowercase();
    let mention = opt_str(q.get("speaker"), "speaker")?;
    let name = opt_str(q.get("speaker_name"), "speaker_name")?;
    let name = if name.is_empty() { mention.clone() } else { name };
    let sspan = match json_span(q.get("speaker_start"), q.get("speaker_end"))?
    {
        Some(s) => Some(s),
        None => match q.get("speaker_spans") {
            Some(v) if truthy(v) => first_span(v)?,
            _ => None,
        },
    };
    Ok(Pred { start, end, kind, name, mention, sspan })
}

/// `tuple(q["speaker_spans"][0])`; an empty tuple is falsy, so no span.
fn first_span(v: &Value) -> Result<Option<(f64, f64)>, String> {
    let first = v
        .as_array()
        .and_then(|a| a.first())
        .and_then(Value::as_array)
        .ok_or("speaker_spans must be a list of [start, end]")?;
    match first.as_slice() {
        [] => Ok(None),
        [a, b, ..] => Ok(Some((
            number(Some(a), "speaker_spans")?,
            number(Some(b), "speaker_spans")?,
        ))),
        [_] => Err("speaker_spans entry has one number".into()),
    }
}

/// Python's `int(v)` on a JSON value.
fn json_int(v: Option<&Value>, what: &str) -> Result<i64, String> {
    match json_int_opt(v, what)? {
        Some(i) => Ok(i),
        None => Err(format!("{what} is not an integer")),
    }
}

/// Python's `int(v)`: `Ok(None)` where Python raises ValueError (a string
/// that is no integer), `Err` where it raises TypeError or the value does
/// not fit in an i64.
fn json_int_opt(v: Option<&Value>, what: &str) -> Result<Option<i64>, String> {
    match v {
        None => Err(format!("missing {what}")),
        Some(Value::Bool(b)) => Ok(Some(i64::from(*b))),
        Some(Value::Number(n)) => {
            if let Some(i) = n.as_i64() {
                return Ok(Some(i));
            }
            let f = n.as_f64().unwrap_or(f64::NAN).trunc();
            // int(3.7) is 3; beyond i64 we give up rather than wrap.
            if f.is_finite() && f.abs() < 9.2e18 {
                Ok(Some(f as i64))
            } else {
                Err(format!("{what} is out of range"))
            }
        }
        Some(Value::String(s)) => Ok(py_int(s)),
        Some(_) => Err(format!("{what} is not a number")),
    }
}

/// score.py's `span_of` on JSON values.
fn json_span(
    a: Option<&Value>,
    b: Option<&Value>,
) -> Result<Option<(f64, f64)>, String> {
    let blank = |v: Option<&Value>| match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        _ => false,
    };
    if blank(a) || blank(b) {
        return Ok(None);
    }
    let a = json_int_opt(a, "speaker_start")?;
    let b = json_int_opt(b, "speaker_end")?;
    Ok(a.zip(b).map(|(a, b)| (a as f64, b as f64)))
}

/// score.py's `span_of` on CSV cells.
fn csv_span(a: Option<&str>, b: Option<&str>) -> Option<(f64, f64)> {
    let a = py_int(a.filter(|s| !s.is_empty())?)?;
    let b = py_int(b.filter(|s| !s.is_empty())?)?;
    Some((a as f64, b as f64))
}

fn load_pred_csv(
    path: &Path,
) -> Result<HashMap<DocKey, Vec<Pred>>, EvalError> {
    let text = read_text(path)?;
    // Python opens the table as utf-8-sig: one leading BOM is dropped.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut preds: HashMap<DocKey, Vec<Pred>> = HashMap::new();
    // Python takes the first line as the header even when it is blank
    // (no columns at all); the csv crate would skip it and take the next.
    let mut header: Option<HashMap<String, usize>> =
        text.starts_with(&['\n', '\r'][..]).then(HashMap::new);
    for rec in rd.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(text, p.byte()));
            line_err(path, line, format!("bad csv: {e}"))
        })?;
        let line = rec.position().map_or(0, |p| line_at(text, p.byte()));
        let Some(cols) = &header else {
            // DictReader: the last of two same-named columns wins.
            let cols = rec.iter().enumerate().map(|(i, h)| (h.to_string(), i));
            header = Some(cols.collect());
            continue;
        };
        // DictReader's row dict: a column the row is too short for is None,
        // a column missing from the header raises KeyError.
        let cell = |name: &str| cols.get(name).and_then(|&i| rec.get(i));
        let need = |name: &str| {
            if !cols.contains_key(name) {
                return Err(line_err(path, line, format!("no {name} column")));
            }
            cell(name).ok_or_else(|| {
                line_err(path, line, format!("row has no {name} value"))
            })
        };
        if !cols.contains_key("doc_id") {
            return Err(line_err(path, line, "no doc_id column"));
        }
        // A row too short for doc_id files under None, as in Python.
        let doc = match cell("doc_id") {
            Some(d) => DocKey::text(d),
            None => DocKey { id: KeyId::Null, shown: "None".into() },
        };
        let int = |name: &str| {
            let s = need(name)?;
            py_int(s).ok_or_else(|| {
                line_err(
                    path,
                    line,
                    format!("{name} is not an integer: {s:?}"),
                )
            })
        };
        let start = int("quote_start")?;
        let end = int("quote_end")?;
        preds.entry(doc).or_default().push(Pred {
            start,
            end,
            kind: cell("kind").unwrap_or("").to_lowercase(),
            name: cell("speaker_name").unwrap_or("").to_string(),
            mention: cell("speaker").unwrap_or("").to_string(),
            sspan: csv_span(cell("speaker_start"), cell("speaker_end")),
        });
    }
    Ok(preds)
}

/// The line number of the record the csv crate reports at `byte`: its
/// position lies before the blank lines it skipped, so skip them too.
fn line_at(text: &str, byte: u64) -> u64 {
    let head = text.as_bytes();
    let mut at = usize::try_from(byte).unwrap_or(head.len()).min(head.len());
    while at < head.len() && matches!(head[at], b'\r' | b'\n') {
        at += 1;
    }
    let head = &head[..at];
    let breaks = head
        .iter()
        .enumerate()
        .filter(|&(i, &b)| {
            b == b'\n' || (b == b'\r' && head.get(i + 1) != Some(&b'\n'))
        })
        .count();
    1 + breaks as u64
}

/// Python's `int(s)` for a string: surrounding whitespace, a sign, decimal
/// digits of any script, single underscores between digits. `None` where
/// Python raises ValueError, and past the i64 range.
fn py_int(s: &str) -> Option<i64> {
    // int() strips ASCII whitespace and non-ASCII Unicode whitespace,
    // not the \x1c..\x1f separators that str.strip() also takes.
    let s = s.trim_matches(char::is_whitespace);
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut value: i64 = 0;
    let mut seen_digit = false;
    let mut after_underscore = false;
    for c in digits.chars() {
        if c == '_' {
            if !seen_digit || after_underscore {
                return None;
            }
            after_underscore = true;
            continue;
        }
        let d = decimal_value(c)?;
        value = value.checked_mul(10)?.checked_add(i64::from(d))?;
        seen_digit = true;
        after_underscore = false;
    }
    if !seen_digit || after_underscore {
        return None;
    }
    Some(if neg { -value } else { value })
}

/// The value of a Unicode decimal digit (category Nd). Unicode encodes
/// every set of them as a run of ten from 0 to 9 and some runs touch, so
/// the value is the distance from the start of the run, modulo ten.
fn decimal_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    let is_nd = |c: char| nd_re().is_match(c.encode_utf8(&mut [0; 4]));
    if !is_nd(c) {
        return None;
    }
    let mut first = c as u32;
    while let Some(prev) = first.checked_sub(1).and_then(char::from_u32) {
        if !is_nd(prev) {
            break;
        }
        first -= 1;
    }
    Some(((c as u32 - first) % 10) as u8)
}

fn nd_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\p{Nd}$").expect("static regex"))
}

/// `restrict()`: gold items of other kinds become `ignore` items.
fn restrict(docs: &mut IndexMap<DocKey, GoldDoc>, kinds: &[String]) {
    for d in docs.values_mut() {
        for g in &mut d.items {
            if !kinds.contains(&g.kind) {
                g.kind = "ignore".to_string();
            }
        }
    }
}

// ---------------------------------------------------------------------
// Names

fn non_word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Python's \w on str is letters (L*), numbers (N*) and "_"; Rust's \w
    // also takes combining marks and other connector punctuation, so the
    // class is spelled out.
    RE.get_or_init(|| Regex::new(r"[^\p{L}\p{N}_' -]+").expect("static regex"))
}

fn article_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(the|a|an) ").expect("static regex"))
}

fn particle_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(al|el|bin|ben|van|von|de)-").expect("static regex")
    })
}

/// score.py's `norm()`: lower case, curly apostrophe straightened, other
/// punctuation to spaces, a leading article dropped, spaces collapsed.
fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace('\u{2019}', "'");
    let s = non_word_re().replace_all(&s, " ");
    // Only plain spaces are left that Python's strip() and \s could see.
    let s = article_re().replace(s.trim_matches(' '), "");
    s.split(' ').filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
}

/// score.py's `surname()`: the last word of the normalised name, without
/// a particle such as "al-".
fn surname(name: &str) -> String {
    let n = norm(name);
    match n.split(' ').rfind(|t| !t.is_empty()) {
        Some(last) => particle_re().replace(last, "").into_owned(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------
// Scoring

fn iou1(a0: f64, a1: f64, b0: f64, b1: f64) -> f64 {
    let inter = a1.min(b1) - a0.max(b0);
    if inter <= 0.0 {
        return 0.0;
    }
    inter / (a1.max(b1) - a0.min(b0))
}

/// Overlap of a prediction with a gold item or with its best piece.
fn iou(p: &Pred, g: &GoldItem) -> f64 {
    let (p0, p1) = (p.start as f64, p.end as f64);
    g.pieces.iter().map(|&(a, b)| iou1(p0, p1, a, b)).fold(0.0, f64::max)
}

fn track_of(kind: &str, gold: bool) -> Option<&'static str> {
    match kind {
        "direct" | "partial" => Some("quotes"),
        "indirect" => Some("claims"),
        "ignore" => Some("ignore"),
        // A gold item of another kind belongs only to "all"; a kind-less
        // (or unknown-kind) prediction is a quote.
        _ if gold => None,
        _ => Some("quotes"),
    }
}

/// `(strict, lenient)`, or `None` where the gold item names no speaker.
fn speaker_ok(p: &Pred, g: &GoldItem) -> Option<(bool, bool)> {
    let speaker = g.speaker.as_deref()?;
    let gold = norm(speaker);
    let name = norm(&p.name);
    let strict = if g.speaker_spans.is_empty() {
        name == gold
    } else {
        p.sspan.is_some_and(|(s0, s1)| {
            g.speaker_spans.iter().any(|&(a, b)| iou1(s0, s1, a, b) > 0.0)
        })
    };
    let lenient = strict || {
        let mention = norm(&p.mention);
        let sur = surname(speaker);
        let known = |n: &str| {
            n == gold || n == sur || g.aliases.iter().any(|a| norm(a) == n)
        };
        known(&name) || known(&mention)
    };
    Some((strict, lenient))
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: u64,
    fp: u64,
    fn_: u64,
    pred_spk: u64,
    gold_spk: u64,
    strict: u64,
    lenient: u64,
}

#[derive(Debug, Clone)]
struct ErrorLine {
    doc: String,
    track: &'static str,
    what: &'static str,
    span: String,
    got: String,
    want: String,
}

/// Python's `s[a:b]` on code points, negative indices included.
fn py_slice(chars: &[char], a: i64, b: i64) -> String {
    let len = chars.len() as i64;
    let fix = |i: i64| {
        let i = if i < 0 { i + len } else { i };
        i.clamp(0, len) as usize
    };
    let (a, b) = (fix(a), fix(b));
    if a >= b {
        return String::new();
    }
    chars[a..b].iter().collect()
}

/// Best-first one-to-one matching: pairs at or above MIN_IOU, taken in
/// the order of Python's `sorted((iou, i, j), reverse=True)`, so a tie
/// goes to the later prediction, then to the later gold item.
fn match_pairs(ps: &[&Pred], gs: &[&GoldItem]) -> Vec<Option<usize>> {
    let mut pairs = Vec::new();
    for (i, p) in ps.iter().enumerate() {
        for (j, g) in gs.iter().enumerate() {
            let o = iou(p, g);
            if o >= MIN_IOU {
                pairs.push((o, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2))
    });
    let mut pm = vec![None; ps.len()];
    let mut taken = vec![false; gs.len()];
    for (_, i, j) in pairs {
        if pm[i].is_none() && !taken[j] {
            pm[i] = Some(j);
            taken[j] = true;
        }
    }
    pm
}

fn score(
    docs: &IndexMap<DocKey, GoldDoc>,
    preds: &HashMap<DocKey, Vec<Pred>>,
) -> ([Counts; 3], Vec<ErrorLine>) {
    let mut counts = [Counts::default(); 3];
    let mut errors = Vec::new();
    let none = Vec::new();
    for (key, d) in docs {
        let chars: Vec<char> = d.text.chars().collect();
        let golds: Vec<_> =
            d.items.iter().map(|g| (g, track_of(&g.kind, true))).collect();
        let ps: Vec<_> = preds
            .get(key)
            .unwrap_or(&none)
            .iter()
            .map(|p| (p, track_of(&p.kind, false)))
            .collect();
        for (c, t) in counts.iter_mut().zip(TRACKS) {
            let gs: Vec<&GoldItem> = golds
                .iter()
                .filter(|(_, gt)| {
                    *gt == Some(t) || (t == "all" && *gt != Some("ignore"))
                })
                .map(|(g, _)| *g)
                .collect();
            let pt: Vec<&Pred> = ps
                .iter()
                .filter(|(_, pt)| *pt == Some(t) || t == "all")
                .map(|(p, _)| *p)
                .collect();
            let pm = match_pairs(&pt, &gs);
            let mut gm = vec![None; gs.len()];
            for (i, j) in pm.iter().enumerate() {
                if let Some(j) = j {
                    gm[*j] = Some(i);
                }
            }
            // An unmatched prediction on an ignore item or inside a
            // matched item (a nested quote, a piece) is not counted.
            let ignored: Vec<&GoldItem> = golds
                .iter()
                .filter(|(_, gt)| *gt == Some("ignore"))
                .map(|(g, _)| *g)
                .chain(
                    gm.iter()
                        .zip(&gs)
                        .filter(|(m, _)| m.is_some())
                        .map(|(_, g)| *g),
                )
                .collect();
            for (p, m) in pt.iter().zip(&pm) {
                if m.is_some() {
                    continue;
                }
                let (p0, p1) = (p.start as f64, p.end as f64);
                if ignored.iter().any(|g| {
                    iou(p, g) >= MIN_IOU || (g.start <= p0 && p1 <= g.end)
                }) {
                    continue;
                }
                c.fp += 1;
                if !p.name.is_empty() || !p.mention.is_empty() {
                    c.pred_spk += 1;
                }
                errors.push(ErrorLine {
                    doc: key.shown.clone(),
                    track: t,
                    what: "extra",
                    span: py_slice(&chars, p.start, p.end),
                    got: or(&p.name, &p.mention).to_string(),
                    want: String::new(),
                });
            }
            for (g, m) in gs.iter().zip(&gm) {
                if g.speaker.is_some() {
                    c.gold_spk += 1;
                }
                let Some(i) = m else {
                    c.fn_ += 1;
                    errors.push(ErrorLine {
                        doc: key.shown.clone(),
                        track: t,
                        what: "missed",
                        span: g.text.clone(),
                        got: String::new(),
                        want: g.speaker.clone().unwrap_or_default(),
                    });
                    continue;
                };
                let p = pt[*i];
                c.tp += 1;
                // A gold item that names no speaker is not scored for
                // attribution.
                let Some((strict, lenient)) = speaker_ok(p, g) else {
                    continue;
                };
                if !p.name.is_empty() || !p.mention.is_empty() {
                    c.pred_spk += 1;
                }
                c.strict += u64::from(strict);
                c.lenient += u64::from(lenient);
                if !strict {
                    errors.push(ErrorLine {
                        doc: key.shown.clone(),
                        track: t,
                        what: "speaker",
                        span: g.text.clone(),
                        got: or(or(&p.name, &p.mention), "(none)").to_string(),
                        want: g.speaker.clone().unwrap_or_default(),
                    });
                }
            }
        }
    }
    (counts, errors)
}

/// Python's `a or b` on strings.
fn or<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.is_empty() {
        b
    } else {
        a
    }
}

// ---------------------------------------------------------------------
// Output

/// `prf()`: precision, recall and F1, each through Python's round(x, 3).
fn prf(tp: u64, np: u64, ng: u64) -> [f64; 3] {
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    [round3(p), round3(r), round3(f)]
}

struct Row {
    gold: u64,
    predicted: u64,
    figures: [[f64; 3]; 3],
}

fn rows(c: &[Counts; 3]) -> Vec<Row> {
    c.iter()
        .map(|k| Row {
            gold: k.tp + k.fn_,
            predicted: k.tp + k.fp,
            figures: [
                prf(k.tp, k.tp + k.fp, k.tp + k.fn_),
                prf(k.strict, k.pred_spk, k.gold_spk),
                prf(k.lenient, k.pred_spk, k.gold_spk),
            ],
        })
        .collect()
}

fn report_table(c: &[Counts; 3]) -> String {
    let mut out = format!(
        "{:8} {:>5} {:>5}  {:>20}  {:>20}  {:>20}\n",
        "track",
        "gold",
        "pred",
        "detection P/R/F1",
        "attribution strict",
        "lenient"
    );
    for (t, r) in TRACKS.iter().zip(rows(c)) {
        let f = |x: [f64; 3]| {
            format!("{}/{}/{}", fmt3(x[0]), fmt3(x[1]), fmt3(x[2]))
        };
        let _ = writeln!(
            out,
            "{t:8} {:5} {:5}  {:>20}  {:>20}  {:>20}",
            r.gold,
            r.predicted,
            f(r.figures[0]),
            f(r.figures[1]),
            f(r.figures[2])
        );
    }
    out
}

/// `json.dumps(report(c))` with its default separators.
fn report_json(c: &[Counts; 3]) -> String {
    let names = ["detection", "attribution_strict", "attribution_lenient"];
    let tracks: Vec<String> = TRACKS
        .iter()
        .zip(rows(c))
        .map(|(t, r)| {
            let mut s = format!(
                "\"{t}\": {{\"gold\": {}, \"predicted\": {}",
                r.gold, r.predicted
            );
            for (name, x) in names.iter().zip(r.figures) {
                let _ = write!(
                    s,
                    ", \"{name}\": [{}, {}, {}]",
                    py_float_repr(x[0]),
                    py_float_repr(x[1]),
                    py_float_repr(x[2])
                );
            }
            s.push('}');
            s
        })
        .collect();
    format!("{{{}}}\n", tracks.join(", "))
}

/// Splits a finite f64 into sign, mantissa and power of two: |x| = m·2^e.
fn decompose(x: f64) -> (bool, u64, i32) {
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (neg, frac, -1074)
    } else {
        (neg, frac | (1 << 52), exp - 1075)
    }
}

/// |x|·1000 rounded to an integer, half to even on the exact binary value
/// (what CPython's dtoa does for round(x, 3) and "%.3f"). `None` where x
/// is already an integer too large for the arithmetic here.
fn thousandths(x: f64) -> Option<u128> {
    let (_, m, e) = decompose(x);
    let scaled = u128::from(m) * 1000;
    if e >= 0 {
        return scaled.checked_shl(e as u32).filter(|v| v >> e == scaled);
    }
    let s = (-e) as u32;
    if s >= 127 {
        // scaled < 2^63, so the value is below half a unit: rounds to 0.
        return Some(0);
    }
    let q = scaled >> s;
    let rem = scaled - (q << s);
    let half = 1u128 << (s - 1);
    let up = rem > half || (rem == half && q % 2 == 1);
    Some(q + u128::from(up))
}

/// Python's `round(x, 3)` for a float.
pub(crate) fn round3(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let Some(k) = thousandths(x) else { return x };
    // CPython turns the rounded decimal string back into a double with a
    // correctly rounded strtod; Rust's parse is correctly rounded too.
    let v: f64 = format!("{k}e-3").parse().unwrap_or(x);
    if x.is_sign_negative() {
        -v
    } else {
        v
    }
}

/// Python's `"%.3f" % x`.
fn fmt3(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    match thousandths(x) {
        Some(k) => {
            let sign = if x.is_sign_negative() { "-" } else { "" };
            format!("{sign}{}.{:03}", k / 1000, k % 1000)
        }
        // An integer beyond u128/1000: Rust prints its exact digits.
        None => format!("{x:.3}"),
    }
}

/// Python's `repr()` of a float: the shortest digits that read back the
/// same, in fixed notation for exponents from -4 to 15.
fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Rust's {:e} gives the same shortest round-trip digits.
    let sci = format!("{x:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let n = digits.len() as i32;
    if (-4..16).contains(&exp) {
        if exp < 0 {
            let zeros = "0".repeat((-exp - 1) as usize);
            format!("{sign}0.{zeros}{digits}")
        } else if exp + 1 >= n {
            let zeros = "0".repeat((exp + 1 - n) as usize);
            format!("{sign}{digits}{zeros}.0")
        } else {
            let (a, b) = digits.split_at((exp + 1) as usize);
            format!("{sign}{a}.{b}")
        }
    } else {
        let (a, b) = digits.split_at(1);
        let frac = if b.is_empty() { String::new() } else { format!(".{b}") };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{a}{frac}e{esign}{:02}", exp.abs())
    }
}

fn unprintable_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Python's str.isprintable() is false for categories C* and Z*.
    RE.get_or_init(|| Regex::new(r"^[\p{C}\p{Z}]$").expect("static regex"))
}

/// Python's `repr()` of a str.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            _ if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c < ' ' || c == '\x7f' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ if c.is_ascii() => out.push(c),
            _ if !unprintable_re().is_match(c.encode_utf8(&mut [0; 4])) => {
                out.push(c)
            }
            _ if (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            _ => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    // Expected values below were printed by python3 running score.py's own
    // functions (norm, surname, round, "%.3f", repr).
    use super::*;

    #[test]
    fn norm_matches_python() {
        let cases = [
            ("The Kremlin", "kremlin"),
            ("Sergey  Lavrov!", "sergey lavrov"),
            ("O\u{2019}Brien", "o'brien"),
            ("an American", "american"),
            ("Anna", "anna"),
            ("a", "a"),
            ("the", "the"),
            // A combining accent is not \w in Python, unlike in Rust.
            ("e\u{301}clair", "e clair"),
            ("_x_ 2\u{b2}", "_x_ 2\u{b2}"),
            ("", ""),
            ("  The   U.S.  State Department ", "u s state department"),
            ("\u{130}stanbul", "i stanbul"),
            ("\u{39f}\u{394}\u{39f}\u{3a3}", "\u{3bf}\u{3b4}\u{3bf}\u{3c2}"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "norm({input:?})");
        }
    }

    #[test]
    fn surname_matches_python() {
        let cases = [
            ("Sergey Lavrov", "lavrov"),
            ("John al-Rashid", "rashid"),
            ("Ludwig van-Beethoven", "beethoven"),
            ("", ""),
            ("!!!", ""),
            ("de-Gaulle", "gaulle"),
            ("Al-Assad", "assad"),
        ];
        for (input, want) in cases {
            assert_eq!(surname(input), want, "surname({input:?})");
        }
    }

    fn gold(start: f64, end: f64, pieces: &[(f64, f64)]) -> GoldItem {
        let mut all = vec![(start, end)];
        all.extend_from_slice(pieces);
        GoldItem {
            kind: "direct".into(),
            start,
            end,
            pieces: all,
            text: String::new(),
            speaker: None,
            aliases: Vec::new(),
            speaker_spans: Vec::new(),
        }
    }

    fn pred(start: i64, end: i64) -> Pred {
        Pred {
            start,
            end,
            kind: String::new(),
            name: String::new(),
            mention: String::new(),
            sspan: None,
        }
    }

    #[test]
    fn iou_of_spans_and_pieces() {
        assert_eq!(iou1(0.0, 10.0, 0.0, 10.0), 1.0);
        assert_eq!(iou1(0.0, 10.0, 5.0, 15.0), 5.0 / 15.0);
        assert_eq!(iou1(0.0, 10.0, 0.0, 5.0), 0.5);
        // Touching and reversed spans do not overlap.
        assert_eq!(iou1(0.0, 10.0, 10.0, 20.0), 0.0);
        assert_eq!(iou1(10.0, 0.0, 0.0, 10.0), 0.0);
        // An interrupted quote: the best piece counts.
        let g = gold(0.0, 100.0, &[(0.0, 20.0), (60.0, 100.0)]);
        assert_eq!(iou(&pred(60, 100), &g), 1.0);
        assert_eq!(iou(&pred(0, 100), &g), 1.0);
        assert_eq!(iou(&pred(0, 10), &g), 0.5);
        assert_eq!(iou(&pred(200, 300), &g), 0.0);
    }

    #[test]
    fn matching_is_best_first_with_pythons_tie_order() {
        let g1 = gold(0.0, 10.0, &[]);
        let g2 = gold(0.0, 10.0, &[]);
        let (p1, p2) = (pred(0, 10), pred(0, 10));
        // Equal overlaps: the later prediction takes the later gold item.
        assert_eq!(match_pairs(&[&p1, &p2], &[&g1]), vec![None, Some(0)]);
        assert_eq!(match_pairs(&[&p1], &[&g1, &g2]), vec![Some(1)]);
        assert_eq!(
            match_pairs(&[&p1, &p2], &[&g1, &g2]),
            vec![Some(0), Some(1)]
        );
        // A better overlap wins whatever the order.
        let near = pred(0, 9);
        assert_eq!(match_pairs(&[&near, &p1], &[&g1]), vec![None, Some(0)]);
        assert_eq!(match_pairs(&[&p1, &near], &[&g1]), vec![Some(0), None]);
        // Exactly MIN_IOU is a match, just under is not.
        let g3 = gold(0.0, 11.0, &[]);
        assert_eq!(match_pairs(&[&pred(0, 5)], &[&g1]), vec![Some(0)]);
        assert_eq!(match_pairs(&[&pred(0, 5)], &[&g3]), vec![None]);
    }

    #[test]
    fn round3_and_fmt3_match_python() {
        let cases = [
            (0.0005, 0.001, "0.001"),
            (0.0015, 0.002, "0.002"),
            (0.0025, 0.003, "0.003"),
            (2.675, 2.675, "2.675"),
            // Exact binary ties go to the even neighbour.
            (0.1875, 0.188, "0.188"),
            (0.0625, 0.062, "0.062"),
            (0.8125, 0.812, "0.812"),
            (1.0 / 3.0, 0.333, "0.333"),
            (2.0 / 3.0, 0.667, "0.667"),
            (5.0 / 6.0, 0.833, "0.833"),
            (0.9995, 1.0, "1.000"),
            (1.0, 1.0, "1.000"),
            (0.0, 0.0, "0.000"),
        ];
        for (x, r, s) in cases {
            assert_eq!(round3(x), r, "round({x}, 3)");
            assert_eq!(fmt3(x), s, "'%.3f' % {x}");
        }
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (0.95, "0.95"),
            (1.0, "1.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123.456, "123.456"),
            (1e22, "1e+22"),
            (-2.5e-7, "-2.5e-07"),
        ];
        for (x, want) in cases {
            assert_eq!(py_float_repr(x), want);
        }
    }

    #[test]
    fn str_repr_matches_python() {
        let cases = [
            ("plain", "'plain'"),
            ("it's", "\"it's\""),
            ("say \"hi\"", "'say \"hi\"'"),
            ("both ' and \"", "'both \\' and \"'"),
            ("tab\there\nnl\\", "'tab\\there\\nnl\\\\'"),
            ("\0\x7f\x1b", "'\\x00\\x7f\\x1b'"),
            (
                "\u{a0}\u{200b}\u{2028}\u{1f6a2}\u{e9}",
                "'\\xa0\\u200b\\u2028\u{1f6a2}\u{e9}'",
            ),
            ("\u{e0001}", "'\\U000e0001'"),
        ];
        for (s, want) in cases {
            assert_eq!(py_repr(s), want);
        }
    }

    #[test]
    fn slices_and_ints_like_python() {
        let chars: Vec<char> = "a\u{1f6a2}bcdef".chars().collect();
        assert_eq!(py_slice(&chars, 1, 3), "\u{1f6a2}b");
        assert_eq!(py_slice(&chars, -3, -1), "de");
        assert_eq!(py_slice(&chars, 5, 2), "");
        assert_eq!(py_slice(&chars, 4, 99), "def");
        assert_eq!(py_int(" 12 "), Some(12));
        assert_eq!(py_int("+5"), Some(5));
        assert_eq!(py_int("-3"), Some(-3));
        assert_eq!(py_int("1_000"), Some(1000));
        assert_eq!(py_int("\u{663}\u{664}"), Some(34));
        assert_eq!(py_int("1__0"), None);
        assert_eq!(py_int("3.5"), None);
        assert_eq!(py_int(""), None);
        assert_eq!(py_int("\x1c7"), None);
    }

    #[test]
    fn doc_keys_compare_like_python_dict_keys() {
        let k = |s: &str| {
            DocKey::from_json(&serde_json::from_str(s).expect("test json"))
                .expect("hashable")
        };
        assert_eq!(k("7"), k("7.0"));
        assert_eq!(k("1"), k("true"));
        assert_ne!(k("7"), k("\"7\""));
        assert_eq!(k("7.0").shown, "7.0");
        assert_eq!(k("true").shown, "True");
        assert_eq!(k("null").shown, "None");
    }

    #[test]
    fn universal_newlines() {
        let lines: Vec<_> = py_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(
            lines,
            vec![(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]
        );
    }

    fn scratch(name: &str, body: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("whosaid-eval-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, body).expect("temp file");
        path
    }

    #[test]
    fn errors_name_file_and_line() {
        let doc = "{\"doc_id\": \"d\", \"text\": \"abc\", \"quotes\": []}\n";
        let gold = scratch("g.jsonl", &format!("{doc}\n{{oops\n"));
        let pred = scratch("p.csv", "doc_id,quote_start,quote_end\nd,1,x\n");
        let opts = EvalOptions::default();
        let e = evaluate(&gold, &pred, &opts).expect_err("bad gold");
        assert!(matches!(e, EvalError::Line { line: 3, .. }), "{e}");
        assert!(e.to_string().contains("g.jsonl:3: invalid json"), "{e}");
        let good = scratch("g2.jsonl", doc);
        let e = evaluate(&good, &pred, &opts).expect_err("bad pred");
        assert!(e.to_string().contains("p.csv:2: quote_end"), "{e}");
        let missing = gold.with_file_name("nope.jsonl");
        let e = evaluate(&missing, &pred, &opts).expect_err("no file");
        assert!(matches!(e, EvalError::Read { .. }), "{e}");
        assert!(e.to_string().starts_with("cannot read "), "{e}");
    }
}
