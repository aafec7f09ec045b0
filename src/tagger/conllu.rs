//! A reader of CoNLL-U files (Universal Dependencies), for training and
//! evaluating the tagger.
//!
//! Input: the text of a `.conllu` file. Output: its sentences, each the
//! word forms (column 2) with their universal tag (column 4, UPOS) and
//! Penn Treebank tag (column 5, XPOS). Multiword-token lines (`1-2`) and
//! empty nodes (`1.1`) are skipped: the tagger tags syntactic words, as
//! the treebank's gold tokens give them. Malformed lines are errors that
//! name the file and the line. Place in the pipeline: outside it; the
//! `train-tagger` and `tagger-eval` commands read treebanks with it.

use std::path::Path;

use super::tags::{PosTag, Upos, Xpos};

/// One sentence of a treebank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The word forms.
    pub words: Vec<String>,
    /// Their gold tags.
    pub tags: Vec<PosTag>,
    /// The line of its first word (1-based).
    pub line: usize,
}

/// A malformed line of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    /// The file, as given.
    pub file: String,
    /// The line, 1-based; 0 when the file could not be read.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ConlluError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for ConlluError {}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, ConlluError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConlluError {
        file: name.clone(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    parse(&name, &text)
}

/// Parses the text of a CoNLL-U file named `file` (for the errors).
pub fn parse(file: &str, text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current =
        Sentence { words: Vec::new(), tags: Vec::new(), line: 0 };
    let error = |line: usize, message: String| ConlluError {
        file: file.to_string(),
        line,
        message,
    };
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::replace(
                    &mut current,
                    Sentence { words: Vec::new(), tags: Vec::new(), line: 0 },
                ));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(error(
                number,
                format!(
                    "expected 10 tab-separated columns, found {}",
                    columns.len()
                ),
            ));
        }
        let id = columns[0];
        if id.contains('-') || id.contains('.') {
            // A multiword token ("1-2") or an empty node ("1.1").
            let ok = id.split(['-', '.']).all(|p| {
                !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())
            });
            if !ok {
                return Err(error(number, format!("bad word id {id:?}")));
            }
            continue;
        }
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error(number, format!("bad word id {id:?}")));
        }
        let form = columns[1];
        if form.is_empty() {
            return Err(error(number, "empty word form".into()));
        }
        let upos = Upos::parse(columns[3]).ok_or_else(|| {
            error(
                number,
                format!("unknown UPOS tag {:?} in column 4", columns[3]),
            )
        })?;
        let xpos = Xpos::parse(columns[4]).ok_or_else(|| {
            error(
                number,
                format!("unknown XPOS tag {:?} in column 5", columns[4]),
            )
        })?;
        if current.words.is_empty() {
            current.line = number;
        }
        current.words.push(form.to_string());
        current.tags.push(PosTag { xpos, upos });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "# text = I don't know.
1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
2.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_
3\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_

1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_
";

    #[test]
    fn skips_multiword_tokens_and_empty_nodes() {
        let s = parse("t.conllu", SNIPPET).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, ["I", "do", "know"]);
        assert_eq!(s[0].tags[1], PosTag::new(Xpos::Vbp, Upos::Aux));
        assert_eq!(s[0].line, 3);
        assert_eq!(s[1].words, ["Yes"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n2\tgo\tgo\tVERB\tVBX\t_\t1\tx\t_\t_\n";
        let e = parse("bad.conllu", bad).unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.conllu:2: unknown XPOS tag \"VBX\" in column 5"
        );
        let e = parse("bad.conllu", "1\tI\tI\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("10 tab-separated columns"));
        let e =
            parse("b", "x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n").unwrap_err();
        assert!(e.message.contains("bad word id"));
    }
}
