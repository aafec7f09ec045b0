//! Role nouns of organisations, from `data/role_nouns.tsv`: which names
//! "the ministry" or "the company" can stand for.
//!
//! Input: the shipped file, read once. Output: for a lower-case head noun,
//! the words an organisation's name must contain. Used by the resolve
//! stage for singular definite descriptions of organisations (a definite
//! description refers to the most salient entity that fits it: Russell
//! 1905; in news, the organisation of that kind named last).

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a role noun can stand for.
#[derive(Debug, Default)]
pub struct RoleNoun {
    /// Words of an organisation's name ("Ministry", "Ltd").
    pub name_words: Vec<&'static str>,
    /// An organisation without such a word also fits when it spoke.
    pub any_speaker: bool,
}

const FILE: &str = include_str!("../data/role_nouns.tsv");

fn table() -> &'static HashMap<&'static str, RoleNoun> {
    static TABLE: OnceLock<HashMap<&'static str, RoleNoun>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows = crate::tsv::parse("data/role_nouns.tsv", FILE, &[
            "noun",
            "name_words",
        ])
        // The shipped file is checked by the test below.
        .unwrap_or_default();
        rows.into_iter()
            .map(|r| {
                let mut noun = RoleNoun::default();
                for w in crate::tsv::values(r.cells[1]) {
                    if w == "*" {
                        noun.any_speaker = true;
                    } else {
                        noun.name_words.push(w);
                    }
                }
                (r.cells[0], noun)
            })
            .collect()
    })
}

/// Whether `word` is a name word of some role noun: such a name is of a
/// known kind ("Ministry of Health" is no company).
pub fn is_kind_word(word: &str) -> bool {
    table().values().any(|n| n.name_words.contains(&word))
}

/// The role noun `head` (lower case), if it is one.
pub fn get(head: &str) -> Option<&'static RoleNoun> {
    table().get(head)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_file_parses() {
        let rows =
            crate::tsv::parse("data/role_nouns.tsv", super::FILE, &[
                "noun",
                "name_words",
            ]);
        assert!(rows.is_ok_and(|r| r.len() > 20));
        let company = super::get("company").expect("company");
        assert!(company.any_speaker && company.name_words.contains(&"Ltd"));
        assert!(super::get("ministry").is_some_and(|m| !m.any_speaker));
        assert!(super::get("spokesman").is_none());
    }
}
