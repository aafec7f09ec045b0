//! Strict reading of the tab-separated data files in `data/` and of the
//! user's own gazetteer files.
//!
//! Input: a file's text and the header it must have. Output: its rows as
//! cells, or every bad line as a [`DataError`] naming `file:line`. Used by
//! the gazetteer and lexicon loaders before any document is read.

use std::fmt;

/// One bad line of a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file's name as given (a path, or `data/<name>` for shipped
    /// files).
    pub file: String,
    /// 1-based line number; 0 for an error about the whole file.
    pub line: usize,
    /// What is wrong, in lower case.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// A data row: its 1-based line number and its cells.
#[derive(Debug)]
pub struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// The cells, exactly as many as the header has columns.
    pub cells: Vec<&'a str>,
}

/// Parses `text` as a TSV file with the given header. Blank lines and lines
/// starting with `#` are skipped; the first other line must be the header;
/// every later line must have exactly the header's number of cells. Every
/// bad line is reported, not only the first.
pub fn parse<'a>(
    file: &str,
    text: &'a str,
    header: &[&str],
) -> Result<Vec<Row<'a>>, Vec<DataError>> {
    let mut rows = Vec::new();
    for_each_row(file, text, header, |line, cells| {
        rows.push(Row { line, cells: cells.to_vec() });
    })?;
    Ok(rows)
}

/// What [`parse`] does, handing each good row to `row` (its line number
/// and cells) instead of collecting them: the cells are in one buffer
/// used again for every row, so a reader that keeps what it needs of a
/// row allocates nothing for it (the gazetteer's 15,000 rows are read at
/// every start). Rows come before an error found on a later line; the
/// result says whether there was one.
pub fn for_each_row<'a>(
    file: &str,
    text: &'a str,
    header: &[&str],
    mut row: impl FnMut(usize, &[&'a str]),
) -> Result<(), Vec<DataError>> {
    let mut errors = Vec::new();
    let mut saw_header = false;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // The lines and cells cut by hand from the bytes: `str::lines` then
    // `split('\t')` searched each short cell with its own memchr call.
    // Tabs and newlines are ASCII, so every cut is on a character
    // boundary.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut line = 0;
    let mut cells: Vec<&str> = Vec::with_capacity(header.len());
    while start < bytes.len() {
        line += 1;
        let nl = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        let mut end = nl;
        // What `str::lines` strips ("\r\n"), then one more '\r' as the
        // reading by lines did.
        if nl < bytes.len() && end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let raw = &text[start..end];
        start = nl + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        cells.clear();
        let mut cell = 0;
        for (i, &b) in raw.as_bytes().iter().enumerate() {
            if b == b'\t' {
                cells.push(&raw[cell..i]);
                cell = i + 1;
            }
        }
        cells.push(&raw[cell..]);
        if !saw_header {
            saw_header = true;
            if cells != header {
                errors.push(DataError {
                    file: file.to_string(),
                    line,
                    message: format!(
                        "expected the header {:?} (tab separated), found {:?}",
                        header.join("\t"),
                        raw
                    ),
                });
                return Err(errors);
            }
            continue;
        }
        if cells.len() != header.len() {
            errors.push(DataError {
                file: file.to_string(),
                line,
                message: format!(
                    "expected {} tab-separated columns ({}), found {}",
                    header.len(),
                    header.join(", "),
                    cells.len()
                ),
            });
            continue;
        }
        row(line, &cells);
    }
    if !saw_header {
        errors.push(DataError {
            file: file.to_string(),
            line: 0,
            message: format!(
                "no header line; expected {:?}",
                header.join("\t")
            ),
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Splits a `|`-separated cell into its non-empty, trimmed values.
pub fn values(cell: &str) -> impl Iterator<Item = &str> {
    // `cell.split('|')`, cut by hand: most cells are empty or one value,
    // where the char searcher's memchr call cost more than the cell.
    let mut rest = Some(cell);
    std::iter::from_fn(move || loop {
        let r = rest?;
        let (value, next) = match r.bytes().position(|b| b == b'|') {
            Some(i) => (&r[..i], Some(&r[i + 1..])),
            None => (r, None),
        };
        rest = next;
        let value = value.trim();
        if !value.is_empty() {
            return Some(value);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_skips_comments() {
        let text = "# comment\nname\tgender\n\nAnna\tf\n# x\nBob\tm\n";
        let rows = parse("t.tsv", text, &["name", "gender"]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 6);
        assert_eq!(rows[1].cells, vec!["Bob", "m"]);
    }

    #[test]
    fn reports_every_bad_line_with_file_and_line() {
        let text = "name\tgender\nAnna\nBob\tm\tx\nCid\tm\n";
        let errs = parse("t.tsv", text, &["name", "gender"]).unwrap_err();
        let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 2);
        assert!(shown[0].starts_with("t.tsv:2: expected 2"), "{shown:?}");
        assert!(shown[1].starts_with("t.tsv:3: expected 2"), "{shown:?}");
    }

    #[test]
    fn wrong_header_is_an_error() {
        let errs =
            parse("t.tsv", "nom\tgenre\n", &["name", "gender"]).unwrap_err();
        assert_eq!(errs[0].line, 1);
        assert!(parse("t.tsv", "# only\n", &["name"]).is_err());
    }
}
