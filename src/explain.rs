//! `whosaid explain`: why the tool chose each speaker.
//!
//! Input: one document's [`Analysis`] (every stage's output: mentions,
//! cues, frames, attributions) and its [`Row`]s. Output: plain text, with
//! ANSI colour on request: the article's paragraphs with each row's words
//! marked `[N|...|N]`, then for each row the rule that decided (and its
//! description), the speaker's mention and how it was resolved, the cue,
//! and the candidates the rules weighed: the frames (a cue with its
//! speaker) in the row's paragraph and the one before, nearest first, the
//! chosen one marked `>`, and the mentions around. It reads the pipeline
//! from the outside, after the output stage: the candidates are what the
//! sieve had in front of it, not a trace of its every test.

use std::fmt::Write as _;

use crate::diag::escape;
use crate::mentions::MentionKind;
use crate::normalize::{fold_whitespace, CharIndex};
use crate::resolve::Resolution;
use crate::rules::{rule_info, Attribution};
use crate::window::{Shift, Window};
use crate::{Analysis, Kind, Row, SpeakerType};

/// Text of the article for the terminal: line breaks and tabs as spaces
/// (the paragraph is folded to one line), other control characters
/// escaped.
fn term(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_whitespace() && c.is_control() { ' ' } else { c })
        .collect();
    escape(&spaced).into_owned()
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Colour on.
    pub on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn open(&self, code: &str) -> &'static str {
        if !self.on {
            return "";
        }
        match code {
            "32" => "\x1b[32m",
            "36" => "\x1b[36m",
            "33" => "\x1b[33m",
            "31" => "\x1b[31m",
            _ => "\x1b[0m",
        }
    }
}

/// The ANSI colour of a row: green direct, cyan partial, yellow claim,
/// red when nobody was found.
fn kind_colour(row: &Row) -> &'static str {
    if row.speaker.is_empty() {
        "31"
    } else {
        match row.kind {
            Kind::Direct => "32",
            Kind::Partial => "36",
            Kind::Indirect => "33",
        }
    }
}

/// Pairs each row with its attribution: the output stage drops
/// attributions whose words are empty, so they are matched by offsets.
fn row_attributions<'a>(
    a: &'a Analysis<'_>,
    rows: &[Row],
) -> Vec<Option<&'a Attribution>> {
    let chars = CharIndex::new(a.original);
    let mut out = vec![None; rows.len()];
    let mut r = 0;
    for at in &a.attributions {
        let Some(row) = rows.get(r) else { break };
        let s = chars.chars_before(a.normalized.to_original(at.span.start));
        let e = chars.chars_before(a.normalized.to_original(at.span.end));
        if (s, e, at.kind) == (row.quote_start, row.quote_end, row.kind)
        {
            out[r] = Some(at);
            r += 1;
        }
    }
    out
}

/// Writes the explanation of one document, or of one window of a long
/// one (see [`crate::window`]): the analysis and `rows` are the window's,
/// `shift` and `window` (its number from 1 and its bytes) say where it
/// is, and `only` is a row number of the whole document.
#[allow(clippy::too_many_arguments)]
pub fn explain(
    out: &mut dyn std::fmt::Write,
    a: &Analysis<'_>,
    resolution: &Resolution,
    rows: &[Row],
    only: Option<usize>,
    style: Style,
    shift: Shift,
    window: Option<(usize, Window)>,
) {
    let Some(first) = rows.first() else {
        if window.is_none() {
            let _ = writeln!(out, "(no quote or claim found)\n");
        }
        return;
    };
    let selected: Vec<&Row> = rows
        .iter()
        .filter(|r| only.is_none_or(|n| r.quote_id + shift.quote_ids == n))
        .collect();
    if selected.is_empty() {
        return;
    }
    let _ = match window {
        None => writeln!(
            out,
            "{} ({} rows)\n",
            style.paint("1", &escape(&first.doc_id)),
            rows.len()
        ),
        Some((n, w)) => writeln!(
            out,
            "{} window {n}, bytes {}\u{2013}{} ({} rows, #{}\u{2013}#{})\n",
            style.paint("1", &escape(&first.doc_id)),
            w.start,
            w.end,
            rows.len(),
            shift.quote_ids + 1,
            shift.quote_ids + rows.len()
        ),
    };
    paragraphs(out, a, rows, &selected, style, shift);
    let ats = row_attributions(a, rows);
    let index = Index::new(a);
    for row in selected {
        let at = ats[row.quote_id - 1];
        row_explanation(out, a, &index, row, at, resolution, style, shift);
    }
}

/// The paragraphs holding the selected rows (all of them when every row
/// is selected), with the rows' words marked.
fn paragraphs(
    out: &mut dyn std::fmt::Write,
    a: &Analysis<'_>,
    rows: &[Row],
    selected: &[&Row],
    style: Style,
    shift: Shift,
) {
    let original = a.original;
    // Char offsets to bytes in one pass over the text: a table of every
    // character's byte would take 8 bytes a character.
    let mut wanted: Vec<usize> =
        rows.iter().flat_map(|r| [r.quote_start, r.quote_end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let bytes = chars_to_bytes(original, &wanted);
    let to_byte = |c: usize| {
        wanted.binary_search(&c).map_or(original.len(), |i| bytes[i])
    };
    let bounds: Vec<(usize, usize)> = a
        .segments
        .paragraphs
        .iter()
        .map(|p| {
            (
                a.normalized.to_original(p.span.start),
                a.normalized.to_original(p.span.end),
            )
        })
        .collect();
    // Marks: (byte, closing?, row), filed under each paragraph a row
    // touches: each row costs the paragraphs it spans, not all of them.
    let mut marks_of: Vec<Vec<(usize, bool, usize)>> =
        vec![Vec::new(); bounds.len()];
    for (i, r) in rows.iter().enumerate() {
        let (s, e) = (to_byte(r.quote_start), to_byte(r.quote_end));
        let mut p = bounds.partition_point(|&(_, pe)| pe <= s);
        while p < bounds.len() && bounds[p].0 < e {
            let (start, end) = bounds[p];
            if s < end && e > start {
                marks_of[p].push((s.max(start), false, i));
                marks_of[p].push((e.min(end), true, i));
            }
            p += 1;
        }
    }
    let all = selected.len() == rows.len();
    for (p, para) in a.segments.paragraphs.iter().enumerate() {
        let n = p + 1;
        if !all && !selected.iter().any(|r| r.paragraph == n) {
            continue;
        }
        let n = n + shift.paragraphs;
        let (start, end) = bounds[p];
        // Closings first at one position, inner ones first.
        let mut marks = std::mem::take(&mut marks_of[p]);
        marks.sort_by(|x, y| {
            x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(if x.1 {
                y.2.cmp(&x.2)
            } else {
                x.2.cmp(&y.2)
            })
        });
        let mut line = String::new();
        let mut cursor = start;
        let mut stack: Vec<usize> = Vec::new();
        for (pos, closing, i) in marks {
            line.push_str(&term(&original[cursor..pos]));
            cursor = pos;
            let id = rows[i].quote_id + shift.quote_ids;
            let code = kind_colour(&rows[i]);
            if closing {
                stack.retain(|&j| j != i);
                let _ = write!(line, "{}|{id}]", style.open(code));
                let back =
                    stack.last().map_or("0", |&j| kind_colour(&rows[j]));
                line.push_str(style.open(back));
            } else {
                let _ = write!(line, "{}[{id}|", style.open(code));
                stack.push(i);
            }
        }
        line.push_str(&term(&original[cursor..end]));
        let tag = if para.boilerplate { " (furniture)" } else { "" };
        let _ = writeln!(
            out,
            "{} {}{}\n",
            style.paint("2", &format!("¶{n}{tag}")),
            fold_whitespace(&line),
            style.open("0"),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn row_explanation(
    out: &mut dyn std::fmt::Write,
    a: &Analysis<'_>,
    index: &Index,
    row: &Row,
    at: Option<&Attribution>,
    resolution: &Resolution,
    style: Style,
    shift: Shift,
) {
    let text = a.normalized.text.as_str();
    let head = format!(
        "#{} {} ¶{}",
        row.quote_id + shift.quote_ids,
        row.kind,
        row.paragraph + shift.paragraphs
    );
    let _ = writeln!(
        out,
        "{} \u{201C}{}\u{201D}",
        style.paint(&format!("1;{}", kind_colour(row)), &head),
        escape(&row.quote)
    );
    let desc = rule_info(row.rule).map_or("", |r| r.description);
    let _ = writeln!(
        out,
        "  rule       {} (confidence {}): {}",
        style.paint("1", row.rule),
        row.confidence_text(),
        desc
    );
    // The frame finder (and refinements) that found the speaker.
    for id in row.frame.split('+').filter(|f| !f.is_empty()) {
        let desc = rule_info(id).map_or("", |r| r.description);
        let _ =
            writeln!(out, "  frame      {}: {}", style.paint("1", id), desc);
    }
    let Some(at) = at else {
        let _ = writeln!(
            out,
            "  (the pipeline's record of this row was not found)\n"
        );
        return;
    };
    match at.speaker {
        Some(m) => {
            let mention = &a.mentions[m];
            let r = resolution.of(m).cloned().unwrap_or_default();
            let kind = match mention.kind {
                MentionKind::Name => "name",
                MentionKind::Pronoun => "pronoun",
                MentionKind::Descriptor => "description",
            };
            let mut s = format!(
                "  speaker    \u{201C}{}\u{201D} ({kind}, characters {}\u{2013}{})",
                escape(&row.speaker),
                row.speaker_start.unwrap_or(0) + shift.chars,
                row.speaker_end.unwrap_or(0) + shift.chars
            );
            if r.name.is_empty() {
                let _ = write!(s, ", no canonical name found");
            } else {
                // The chain: "he" -> "Lynch" -> Mick Lynch.
                for c in &r.chain {
                    let _ = write!(s, " -> \u{201C}{}\u{201D}", escape(c));
                }
                let _ =
                    write!(s, " -> {}", style.paint("1", &escape(&r.name)));
            }
            let _ = write!(s, " [resolution step: {}", r.step.as_str());
            if r.uncertain > 0 {
                let _ = write!(s, ", {} uncertain", r.uncertain);
            }
            let _ = write!(s, "]");
            let _ = writeln!(out, "{s}");
            let mut facts = vec![format!(
                "type {}",
                row.speaker_type.map_or("", SpeakerType::as_str)
            )];
            if !row.speaker_role.is_empty() {
                facts.push(format!(
                    "role \u{201C}{}\u{201D}",
                    escape(&row.speaker_role)
                ));
            }
            if !row.speaker_id.is_empty() {
                facts
                    .push(format!("gazetteer id {}", escape(&row.speaker_id)));
            }
            let _ = writeln!(out, "             {}", facts.join(", "));
        }
        None => {
            let _ = writeln!(
                out,
                "  speaker    {}",
                style.paint("31", "none found: no rule linked a speaker")
            );
        }
    }
    let (q_first, q_last) = token_range(a, at.span.start, at.span.end);
    if let Some(c) = at.cue {
        let cue = &a.cues[c];
        let _ = writeln!(
            out,
            "  cue        \u{201C}{}\u{201D} ({}, {})",
            escape(cue.span_text(text)),
            cue.info.lemma,
            distance(a, cue.first_token, cue.last_token, q_first, q_last)
        );
    } else if let Some(span) = at.colon_cue {
        let _ = writeln!(
            out,
            "  cue        \u{201C}{}\u{201D} (headline colon)",
            escape(&text[span.start..span.end])
        );
    } else if at.speaker.is_some() {
        let _ = writeln!(
            out,
            "  cue        none: the speaker comes from the sentence or the \
             paragraph, not from a reporting verb"
        );
    }
    if !row.via.is_empty() {
        let _ = writeln!(out, "  via        {}", escape(&row.via));
    }
    candidates(out, a, index, at, q_first, q_last, style);
    let _ = writeln!(out);
}

/// Candidates shown for a row, at most: the frames nearest the row's
/// words (as the sieve scans near them first) and the mentions nearest
/// them. Without a cap, a paragraph of a thousand reported claims would
/// list its thousand frames under each of its thousand rows: output and
/// time quadratic in the paragraph.
const FRAMES_SHOWN: usize = 8;
const MENTIONS_SHOWN: usize = 12;

/// The frames and mentions of a document in text order, built once, so
/// that each row finds its neighbours by binary search instead of by a
/// scan of the whole document.
pub struct Index {
    /// Frame indices by (paragraph of the cue, first token).
    frames: Vec<(usize, usize, usize)>,
    /// Frame indices by cue.
    frames_of_cue: std::collections::HashMap<usize, Vec<usize>>,
    /// Mention indices by (paragraph, start byte).
    mentions: Vec<(usize, usize, usize)>,
}

impl Index {
    fn new(a: &Analysis<'_>) -> Index {
        let para_of =
            |tok: usize| a.segments.paragraph_of(a.tokens[tok].span.start);
        let mut frames: Vec<(usize, usize, usize)> = a
            .frames
            .iter()
            .enumerate()
            .map(|(i, f)| (para_of(a.cues[f.cue].first_token), f.first, i))
            .collect();
        frames.sort_unstable();
        let mut frames_of_cue: std::collections::HashMap<usize, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, f) in a.frames.iter().enumerate() {
            frames_of_cue.entry(f.cue).or_default().push(i);
        }
        let mut mentions: Vec<(usize, usize, usize)> = a
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                (a.segments.paragraph_of(m.span.start), m.span.start, i)
            })
            .collect();
        mentions.sort_unstable();
        Index { frames, frames_of_cue, mentions }
    }
}

/// Up to `n` items of `sorted[lo..hi]` around the position where `key`
/// would go: the neighbourhood in which the nearest ones are.
fn around(
    lo: usize,
    hi: usize,
    at: usize,
    n: usize,
) -> std::ops::Range<usize> {
    let from = at.saturating_sub(n).max(lo);
    let to = (at + n).min(hi);
    from..to.max(from)
}

/// The frames the rules weighed: those whose cue is in the row's
/// paragraph or the one before, nearest first, and the mentions of the
/// row's paragraph nearest the words.
fn candidates(
    out: &mut dyn std::fmt::Write,
    a: &Analysis<'_>,
    index: &Index,
    at: &Attribution,
    q_first: usize,
    q_last: usize,
    style: Style,
) {
    let text = a.normalized.text.as_str();
    let para_of =
        |tok: usize| a.segments.paragraph_of(a.tokens[tok].span.start);
    let p_lo = at.paragraph.saturating_sub(1);
    let fs = &index.frames;
    let lo = fs.partition_point(|&(p, _, _)| p < p_lo);
    let hi = fs.partition_point(|&(p, _, _)| p <= at.paragraph);
    let mid =
        lo + fs[lo..hi].partition_point(|&(_, first, _)| first < q_first);
    let mut near: Vec<usize> = fs[around(lo, hi, mid, 2 * FRAMES_SHOWN)]
        .iter()
        .map(|&(_, _, i)| i)
        .collect();
    // The chosen frame may lie farther away (a cue paragraphs before).
    let mut total = hi - lo;
    if let Some(c) = at.cue {
        for &i in index.frames_of_cue.get(&c).into_iter().flatten() {
            let p = para_of(a.cues[a.frames[i].cue].first_token);
            if p != at.paragraph && p + 1 != at.paragraph {
                total += 1;
            }
            if !near.contains(&i) {
                near.push(i);
            }
        }
    }
    let mut frames: Vec<(usize, usize)> = near
        .into_iter()
        .map(|i| {
            let f = &a.frames[i];
            (i, gap(f.first, f.last, q_first, q_last))
        })
        .collect();
    frames.sort_by_key(|&(i, d)| (d, i));
    let shown = frames.len().min(FRAMES_SHOWN);
    let _ = writeln!(
        out,
        "  candidates {} frame{} (a cue and its speaker) in \u{B6}{}{}{}",
        total,
        if total == 1 { "" } else { "s" },
        if at.paragraph > 0 {
            format!("{}\u{2013}", at.paragraph)
        } else {
            String::new()
        },
        at.paragraph + 1,
        if total > shown {
            format!(", the {shown} nearest")
        } else {
            String::new()
        }
    );
    for &(i, _) in frames.iter().take(shown) {
        let f = &a.frames[i];
        let cue = &a.cues[f.cue];
        let chosen = at.cue == Some(f.cue);
        let who = f.speaker.map_or("(no speaker)".to_string(), |m| {
            format!("\u{201C}{}\u{201D}", escape(a.mentions[m].text(text)))
        });
        let mut notes = vec![distance(a, f.first, f.last, q_first, q_last)];
        if f.inverted {
            notes.push("speaker after the cue".into());
        }
        if f.trailing {
            notes.push("closes its sentence".into());
        }
        if f.parenthetical {
            notes.push("\u{201C}as ...\u{201D}: reports nothing".into());
        }
        if let Some(v) = f.via {
            notes.push(format!("via {}", escape(a.mentions[v].text(text))));
        }
        let p = para_of(cue.first_token) + 1;
        let line = format!(
            "  {} {:<14} {:<28} \u{B6}{p}, {}",
            if chosen { ">" } else { " " },
            format!("\u{201C}{}\u{201D}", escape(cue.span_text(text))),
            who,
            notes.join(", ")
        );
        let _ = writeln!(
            out,
            "{}",
            if chosen { style.paint("1", &line) } else { line }
        );
    }
    if at.cue.is_none() && at.speaker.is_some() {
        let _ = writeln!(out, "    (no frame chosen: see the rule above)");
    }
    // The mentions of the row's paragraph nearest its words, as possible
    // speakers, in text order; the speaker always among them.
    let ms = &index.mentions;
    let lo = ms.partition_point(|&(p, _, _)| p < at.paragraph);
    let hi = ms.partition_point(|&(p, _, _)| p <= at.paragraph);
    let mid = lo
        + ms[lo..hi].partition_point(|&(_, start, _)| start < at.span.start);
    let mut near: Vec<(usize, usize)> = ms
        [around(lo, hi, mid, MENTIONS_SHOWN)]
    .iter()
    .map(|&(_, start, i)| {
        let d = if start < at.span.start {
            at.span.start - start
        } else {
            start.saturating_sub(at.span.end)
        };
        (d, i)
    })
    .collect();
    near.sort_unstable();
    near.truncate(MENTIONS_SHOWN);
    let mut shown_mentions: Vec<usize> =
        near.into_iter().map(|(_, i)| i).collect();
    if let Some(sp) = at.speaker {
        let in_para =
            a.segments.paragraph_of(a.mentions[sp].span.start) == at.paragraph;
        if in_para && !shown_mentions.contains(&sp) {
            shown_mentions.push(sp);
        }
    }
    shown_mentions.sort_by_key(|&i| (a.mentions[i].span.start, i));
    let mentions: Vec<String> = shown_mentions
        .iter()
        .map(|&i| {
            let m = &a.mentions[i];
            let kind = match m.kind {
                MentionKind::Name => "name",
                MentionKind::Pronoun => "pronoun",
                MentionKind::Descriptor => "description",
            };
            let mark = if Some(i) == at.speaker { "*" } else { "" };
            format!("{mark}{} ({kind})", escape(m.text(text)))
        })
        .collect();
    if !mentions.is_empty() {
        let of = if hi - lo > mentions.len() {
            format!(", the {} nearest of {}", mentions.len(), hi - lo)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  mentions   in \u{B6}{}{of} (* the speaker): {}",
            at.paragraph + 1,
            mentions.join(", ")
        );
    }
}

/// The byte offsets of the sorted char offsets `wanted` in `text`, in
/// one pass; an offset past the end maps to the text's length.
fn chars_to_bytes(text: &str, wanted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(wanted.len());
    let mut chars = text.char_indices().map(|(b, _)| b).enumerate().peekable();
    for &w in wanted {
        loop {
            match chars.peek() {
                Some(&(c, b)) if c == w => {
                    out.push(b);
                    break;
                }
                Some(&(c, _)) if c < w => {
                    chars.next();
                }
                _ => {
                    out.push(text.len());
                    break;
                }
            }
        }
    }
    out
}

/// The tokens `[first, last]` covering bytes `start..end` of the clean
/// text.
fn token_range(a: &Analysis<'_>, start: usize, end: usize) -> (usize, usize) {
    let first = a.tokens.partition_point(|t| t.span.end <= start);
    let last = a.tokens.partition_point(|t| t.span.start < end);
    (first, last.saturating_sub(1).max(first))
}

/// Tokens between two token ranges (0 when they touch or overlap).
fn gap(f_first: usize, f_last: usize, q_first: usize, q_last: usize) -> usize {
    if f_last < q_first {
        q_first - f_last - 1
    } else if f_first > q_last {
        f_first - q_last - 1
    } else {
        0
    }
}

/// Where a token range stands from the row's words, in words.
fn distance(
    a: &Analysis<'_>,
    f_first: usize,
    f_last: usize,
    q_first: usize,
    q_last: usize,
) -> String {
    let words = |from: usize, to: usize| {
        a.tokens[from..to].iter().filter(|t| t.word).count()
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if f_last < q_first {
        let n = words(f_last + 1, q_first);
        format!("before the words, {n} word{} between", plural(n))
    } else if f_first > q_last {
        let n = words(q_last + 1, f_first);
        format!("after the words, {n} word{} between", plural(n))
    } else {
        "inside the words".to_string()
    }
}

trait SpanText {
    fn span_text<'t>(&self, text: &'t str) -> &'t str;
}

impl SpanText for crate::cues::CueMatch<'_> {
    fn span_text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}
