//! A table of words built once and then only read: the lexicon's entry
//! for each token is looked up in it ([`crate::lexicon::Lexicon::word`]).
//!
//! A word of up to 16 bytes is held as two numbers and its length (see
//! [`pack`]), which tell it from every other such word, so that a probe
//! compares three numbers instead of calling `memcmp`, and the hash is
//! two multiplies of those numbers. hashbrown with
//! [`crate::lexicon::WordHash`] took about 135 instructions a token
//! (hash, finalizer, group probe and a `bcmp` call); this about 40
//! (callgrind, 400 KB Wikinews: 511.8 -> 503.3 instructions a byte in
//! all). Longer words are compared in full.
//! The lookups give the same entries as the map they are built from, so
//! no output changes.

/// An empty slot.
const EMPTY: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Slot {
    a: u64,
    b: u64,
    len: u64,
    /// Index of the value, or [`EMPTY`].
    value: u32,
}

const EMPTY_SLOT: Slot = Slot { a: 0, b: 0, len: u64::MAX, value: EMPTY };

/// The words of a map, with its values, for exact look-ups.
#[derive(Debug)]
pub struct WordTable<V> {
    /// Open addressing, linear probing, at most a quarter full.
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: a slot is the top bits of the hash.
    shift: u32,
    keys: Vec<String>,
    values: Vec<V>,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::new(Vec::new())
    }
}

/// A word as two numbers that, with its length, determine it when it is
/// at most 16 bytes long: its first and last eight bytes (they overlap
/// below 16), its first and last four below 8, its first, middle and
/// last byte below 4 (the way of [`crate::lexicon::WordHash`]'s tail).
#[inline(always)]
fn pack(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    // One load each: built of four single bytes, a `u32` took nine
    // instructions.
    let u64_at = |i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&w[i..i + 8]);
        u64::from_le_bytes(x)
    };
    let u32_at = |i: usize| {
        let mut x = [0u8; 4];
        x.copy_from_slice(&w[i..i + 4]);
        u64::from(u32::from_le_bytes(x))
    };
    if n >= 8 {
        (u64_at(0), u64_at(n - 8))
    } else if n >= 4 {
        (u32_at(0) | u32_at(n - 4) << 32, 0)
    } else if n > 0 {
        (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        )
    } else {
        (0, 0)
    }
}

#[inline(always)]
fn hash(a: u64, b: u64, len: u64) -> u64 {
    let h = (a ^ len.rotate_right(5)).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b;
    h.wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

impl<V> WordTable<V> {
    /// The table of `entries` (their keys distinct, as a map's are).
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> WordTable<V> {
        let (keys, values): (Vec<String>, Vec<V>) = entries.into_iter().unzip();
        // At most a quarter full: a probe about every second look-up
        // found a neighbour's word at half full (the shipped lexicon's
        // 1,900 words in 4,096 slots).
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![EMPTY_SLOT; size],
            shift: 64 - size.trailing_zeros(),
            keys,
            values,
        };
        let mask = size - 1;
        for (k, key) in t.keys.iter().enumerate() {
            let (a, b) = pack(key.as_bytes());
            let len = key.len() as u64;
            let mut i = (hash(a, b, len) >> t.shift) as usize;
            while t.slots[i].value != EMPTY {
                i = (i + 1) & mask;
            }
            t.slots[i] = Slot { a, b, len, value: k as u32 };
        }
        t
    }

    /// The value of `word`, exactly as written. Inlined: a call, its
    /// saved registers and its return took a third of a look-up.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        let w = word.as_bytes();
        let (a, b) = pack(w);
        let len = w.len() as u64;
        let mask = self.slots.len() - 1;
        let mut i = (hash(a, b, len) >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.a == a
                && s.b == b
                && s.len == len
                && (len <= 16 || self.keys[s.value as usize] == word)
            {
                return Some(&self.values[s.value as usize]);
            }
            if s.value == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of words.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_word_and_no_other() {
        let words = [
            "", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh",
            "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq",
            "abcdefghijklmnopr", "xbcdefghijklmnopq", "said", "é", "ölz",
        ];
        let t = WordTable::new(words.iter().map(|w| (w.to_string(), w.len())));
        for w in words {
            assert_eq!(t.get(w), Some(&w.len()), "{w}");
        }
        for w in [
            "b", "ba", "abd", "abce", "abcdf", "abcdefh", "abcdefgi",
            "abcdefghij", "abcdefghijklmnoq", "abcdefghijklmnops",
            "abcdefghijklmnopqr", "aid", "sai", "e", "olz",
        ] {
            assert_eq!(t.get(w), None, "{w}");
        }
        let empty: WordTable<u8> = WordTable::default();
        assert_eq!(empty.get("said"), None);
        assert_eq!(t.len(), words.len());
    }
}
