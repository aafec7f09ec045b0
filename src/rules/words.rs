//! Word tests the rules share.
//!
//! Input: a lower-case token. Output: whether it heads a time phrase. The
//! word lists themselves are data (`data/words.tsv`, read by
//! [`crate::lexicon`]).

use crate::lexicon::{is, is_calendar_word, Class};

/// Whether a lower-case word heads a time phrase ("week", "Tuesday",
/// "March").
pub(super) fn is_time_word(w: &str) -> bool {
    is(Class::TimeWords, w) || is_calendar_word(w)
}
