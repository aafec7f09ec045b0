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
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    let mut rows = Vec::with_capacity(lines + 1);
    let mut errors = Vec::new();
    let mut saw_header = false;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        // Sized for the header once, not grown cell by cell (the data
        // files have some 20,000 lines, read at every start).
        let mut cells: Vec<&str> = Vec::with_capacity(header.len());
        cells.extend(raw.split('\t'));
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
        rows.push(Row { line, cells });
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
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Splits a `|`-separated cell into its non-empty, trimmed values.
pub fn values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|v| !v.is_empty())
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
