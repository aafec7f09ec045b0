//! Text from the input made safe for a terminal.
//!
//! Input: file names, document ids and quoted words, which an article or a
//! file system may fill with control characters. Output: the same text
//! with every control character written as a visible escape (`\e`, `\n`,
//! `\x07`, `\u{202e}`), as GNU `ls` quotes names. Used by every
//! diagnostic on standard error and by `explain`'s terminal output, so
//! that an escape sequence in an article cannot set the terminal title or
//! clear the screen, and a newline in a file name cannot forge the closing
//! summary line. The table itself is data and is never escaped.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Whether `c` must not reach a terminal as it is: C0 and C1 controls,
/// DEL, and the bidirectional overrides and isolates (a right-to-left
/// override makes `\u{202e}gnp.exe` read as `exe.png`).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character escaped; borrowed when there is none.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !is_unsafe(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x1b' => out.push_str("\\e"),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    Cow::Owned(out)
}

/// A path for a message: lossy UTF-8, control characters escaped.
pub fn shown(path: &Path) -> String {
    escape(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_overrides_only() {
        assert_eq!(escape("plain café “q”"), "plain café “q”");
        assert_eq!(
            escape("a\nb\x1b]0;title\x07\u{202e}gnp.exe\u{85}"),
            "a\\nb\\e]0;title\\x07\\u{202e}gnp.exe\\x85"
        );
        assert!(matches!(escape("ok"), Cow::Borrowed(_)));
    }
}
