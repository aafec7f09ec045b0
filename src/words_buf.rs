//! A phrase of words joined by single spaces, built on the stack: the
//! mention stage looks up multi-word titles and noun compounds ("chief
//! of staff", "news agency") a word at a time, and a `String` per look-up
//! was an allocation per capitalised word (callgrind: `title_at` was the
//! most frequent caller of the allocator's reserve).

/// Words joined by spaces in a 64-byte buffer, moved to a `String` only
/// when they outgrow it.
pub struct WordsBuf {
    buf: [u8; 64],
    len: usize,
    heap: Option<String>,
}

impl WordsBuf {
    /// An empty phrase.
    #[inline]
    pub fn new() -> WordsBuf {
        WordsBuf { buf: [0; 64], len: 0, heap: None }
    }

    /// Appends `word`, after a space unless the phrase is empty.
    #[inline]
    pub fn push_word(&mut self, word: &str) {
        let space = usize::from(self.len > 0 || self.heap.is_some());
        if let Some(h) = &mut self.heap {
            h.push(' ');
            h.push_str(word);
            return;
        }
        let need = self.len + space + word.len();
        if need > self.buf.len() {
            let mut h = String::with_capacity(need * 2);
            h.push_str(self.as_str());
            if space == 1 {
                h.push(' ');
            }
            h.push_str(word);
            self.heap = Some(h);
            return;
        }
        if space == 1 {
            self.buf[self.len] = b' ';
        }
        self.buf[self.len + space..need].copy_from_slice(word.as_bytes());
        self.len = need;
    }

    /// The phrase.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            // Only whole `&str`s and ASCII spaces are copied in.
            None => std::str::from_utf8(&self.buf[..self.len])
                .expect("whole words copied"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WordsBuf;

    #[test]
    fn words_are_joined_by_single_spaces_on_the_stack_and_past_it() {
        let mut p = WordsBuf::new();
        p.push_word("chief");
        assert_eq!(p.as_str(), "chief");
        p.push_word("of");
        p.push_word("staff");
        assert_eq!(p.as_str(), "chief of staff");
        let long = "é".repeat(30);
        p.push_word(&long);
        assert_eq!(p.as_str(), format!("chief of staff {long}"));
        p.push_word("x");
        assert_eq!(p.as_str(), format!("chief of staff {long} x"));
        let mut q = WordsBuf::new();
        q.push_word(&long);
        q.push_word(&long);
        assert_eq!(q.as_str(), format!("{long} {long}"));
    }
}
