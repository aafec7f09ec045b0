//! Which rules run: `--rules` and `--skip-rules`.
//!
//! Input: two comma-separated lists of rule ids or globs (`claim/*`,
//! `frame/*-left`). Output: a [`Selection`] the sieves ask before running
//! each rule. A pattern that matches no rule id is an error, so a typo
//! does not silently run everything.

use std::fmt;

use super::RULES;

/// The rules switched on; by default all of them.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Ids switched off.
    off: Vec<&'static str>,
}

/// A `--rules` or `--skip-rules` pattern that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionError {
    /// The pattern.
    pub pattern: String,
}

impl fmt::Display for SelectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no rule matches '{}' (see the rule ids in README.md)",
            self.pattern
        )
    }
}

impl std::error::Error for SelectionError {}

impl Selection {
    /// Every rule.
    pub fn all() -> Selection {
        Selection::default()
    }

    /// Only the rules matching `only` (all when `None`), minus those
    /// matching `skip`. Both are comma-separated ids or globs, where `*`
    /// stands for any run of characters. The frame finders find the
    /// speakers of every other rule: `only` keeps them all unless it
    /// names one (`--rules 'claim/*'` runs the claim rules with their
    /// speakers).
    pub fn parse(
        only: Option<&str>,
        skip: Option<&str>,
    ) -> Result<Selection, SelectionError> {
        let only = only.map(patterns).transpose()?;
        let skip = skip.map(patterns).transpose()?.unwrap_or_default();
        let names_frames = only.as_ref().is_some_and(|o| {
            o.iter()
                .any(|p| RULES.iter().any(|r| is_frame(r.id) && glob(p, r.id)))
        });
        let off = RULES
            .iter()
            .map(|r| r.id)
            .filter(|id| {
                let kept = only.as_ref().is_none_or(|o| {
                    o.iter().any(|p| glob(p, id))
                        || is_frame(id) && !names_frames
                });
                !kept || skip.iter().any(|p| glob(p, id))
            })
            .collect();
        Ok(Selection { off })
    }

    /// Whether rule `id` runs.
    pub fn on(&self, id: &str) -> bool {
        !self.off.contains(&id)
    }
}

/// Whether `id` is a frame finder's or a refinement's.
fn is_frame(id: &str) -> bool {
    id.starts_with("frame/")
}

/// The patterns of a list, each checked to match some rule.
fn patterns(list: &str) -> Result<Vec<String>, SelectionError> {
    let mut out = Vec::new();
    for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if !RULES.iter().any(|r| glob(p, r.id)) {
            return Err(SelectionError { pattern: p.to_string() });
        }
        out.push(p.to_string());
    }
    Ok(out)
}

/// Whether `id` matches `pattern`, where `*` matches any run of
/// characters (ids are short: the backtracking is bounded).
fn glob(pattern: &str, id: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == id,
        Some((head, rest)) => {
            let Some(tail) = id.strip_prefix(head) else { return false };
            (0..=tail.len())
                .filter(|&i| tail.is_char_boundary(i))
                .any(|i| glob(rest, &tail[i..]))
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::RuleInfo;
    use crate::{Extractor, Row};

    fn extract(text: &str) -> Vec<Row> {
        thread_local! {
            static EX: Extractor =
                Extractor::shipped(&[]).expect("shipped data");
        }
        EX.with(|ex| ex.extract("t", text))
    }

    /// Whether `row` was decided by rule `id` (a frame finder or a
    /// refinement is named in the `frame` column).
    fn decided_by(row: &Row, id: &str) -> bool {
        if is_frame(id) {
            row.frame.split('+').any(|f| f == id)
        } else {
            row.rule == id
        }
    }

    /// Runs a rule's examples (a row with the words, the rule and the
    /// speaker) and negatives (no row decided by the rule).
    pub(crate) fn check(rule: &RuleInfo) {
        assert!(!rule.examples.is_empty(), "{}: no example", rule.id);
        assert!(!rule.negatives.is_empty(), "{}: no negative", rule.id);
        for ex in rule.examples {
            let rows = extract(ex.text);
            let row = rows.iter().find(|r| r.quote == ex.quote);
            let row = row.unwrap_or_else(|| {
                panic!(
                    "{}: no row {:?} in {:?}: {rows:#?}",
                    rule.id, ex.quote, ex.text
                )
            });
            assert!(
                decided_by(row, rule.id) && row.speaker_name == ex.speaker,
                "{}: {:?} gave {row:#?}",
                rule.id,
                ex.text
            );
        }
        for text in rule.negatives {
            let rows = extract(text);
            assert!(
                !rows.iter().any(|r| decided_by(r, rule.id)),
                "{}: negative {text:?} gave {rows:#?}",
                rule.id
            );
        }
    }

    #[test]
    fn globs_select_families() {
        let s = Selection::parse(Some("claim/*"), None).unwrap();
        assert!(s.on("claim/trailing") && !s.on("quote/before"));
        // The frame finders stay unless named.
        assert!(s.on("frame/subject-left"));
        let s = Selection::parse(Some("claim/*,frame/speaker-right"), None)
            .unwrap();
        assert!(s.on("frame/speaker-right") && !s.on("frame/subject-left"));
        let s =
            Selection::parse(None, Some("frame/*-left,quote/before")).unwrap();
        assert!(!s.on("frame/subject-left") && !s.on("quote/before"));
        assert!(s.on("frame/speaker-right") && s.on("claim/trailing"));
    }

    #[test]
    fn a_pattern_naming_no_rule_is_an_error() {
        let e = Selection::parse(Some("claim/nothing"), None).unwrap_err();
        assert_eq!(e.pattern, "claim/nothing");
        assert!(Selection::parse(None, Some("quote/*,")).is_ok());
    }
}
