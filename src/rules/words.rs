//! Word tests the rules share.
//!
//! Input: a lower-case token. Output: whether it heads a time phrase. The
//! word lists themselves are data (`data/words.tsv`, read by
//! [`crate::lexicon`]), and so is the test, which the mention stage shares.

pub(super) use crate::lexicon::is_time_word;
