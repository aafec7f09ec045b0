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
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::mentions::MentionKind;
use crate::normalize::{fold_whitespace, CharIndex};
use crate::resolve::Resolution;
use crate::rules::{rule_info, Attribution, Selection};
use crate::{gather, output, Analysis, Row};

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even when piped or with NO_COLOR.
    Always,
    /// Never.
    Never,
}

/// Arguments of `whosaid explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A .txt file (or a .jsonl file: every record is explained), or -
    /// for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Explain only row N (the quote_id column).
    #[arg(long, value_name = "N")]
    pub quote: Option<usize>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or
    /// never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto,
        value_name = "WHEN")]
    pub color: ColorChoice,
    /// Add your own gazetteer file. May be repeated.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// Run only these rules: ids or globs, comma-separated
    /// (--rules 'claim/*,quote/before'; ids in README.md).
    #[arg(long, value_name = "IDS")]
    pub rules: Option<String>,
    /// Skip these rules: ids or globs, comma-separated.
    #[arg(long, value_name = "IDS")]
    pub skip_rules: Option<String>,
}

/// Whether to colour, given the choice, whether standard output is a
/// terminal and the NO_COLOR variable (https://no-color.org: set and not
/// empty means no colour, unless asked for explicitly).
pub fn use_color(
    choice: ColorChoice,
    tty: bool,
    no_color: Option<&str>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && no_color.is_none_or(str::is_empty),
    }
}

/// Runs `whosaid explain`.
pub fn run(a: ExplainArgs) -> Result<ExitCode> {
    let rules = Selection::parse(a.rules.as_deref(), a.skip_rules.as_deref())?;
    let extractor = gather::extractor(&a.gazetteer)?.with_rules(rules);
    let no_color = std::env::var("NO_COLOR").ok();
    let color = use_color(
        a.color,
        std::io::stdout().is_terminal(),
        no_color.as_deref(),
    );
    let style = Style { on: color };
    let mut out = String::new();
    let mut found = false;
    let tally = gather::documents(std::slice::from_ref(&a.file), &mut |doc| {
        let analysis = extractor.analyze(&doc.text);
        let resolution = extractor.resolve(&analysis);
        let rows = output::rows(&doc.id, &analysis, &resolution);
        if a.quote.is_none_or(|n| rows.iter().any(|r| r.quote_id == n)) {
            found = true;
        }
        explain(&mut out, &analysis, &resolution, &rows, a.quote, style);
    });
    gather::write_stdout(out.as_bytes())?;
    if let (Some(n), false, true) = (a.quote, found, tally.processed > 0) {
        bail!("no row {n} in {}", a.file.display());
    }
    Ok(tally.exit_code())
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
            "direct" => "32",
            "partial" => "36",
            _ => "33",
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
        if (s, e, at.kind.as_str())
            == (row.quote_start, row.quote_end, row.kind)
        {
            out[r] = Some(at);
            r += 1;
        }
    }
    out
}

/// Writes the explanation of one document.
pub fn explain(
    out: &mut String,
    a: &Analysis<'_>,
    resolution: &Resolution,
    rows: &[Row],
    only: Option<usize>,
    style: Style,
) {
    let Some(first) = rows.first() else {
        let _ = writeln!(out, "(no quote or claim found)\n");
        return;
    };
    let selected: Vec<&Row> =
        rows.iter().filter(|r| only.is_none_or(|n| r.quote_id == n)).collect();
    if selected.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{} ({} rows)\n",
        style.paint("1", &first.doc_id),
        rows.len()
    );
    paragraphs(out, a, rows, &selected, style);
    let ats = row_attributions(a, rows);
    for row in selected {
        let at = ats[row.quote_id - 1];
        row_explanation(out, a, row, at, resolution, style);
    }
}

/// The paragraphs holding the selected rows (all of them when every row
/// is selected), with the rows' words marked.
fn paragraphs(
    out: &mut String,
    a: &Analysis<'_>,
    rows: &[Row],
    selected: &[&Row],
    style: Style,
) {
    let original = a.original;
    let byte_at: Vec<usize> = original
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(original.len()))
        .collect();
    let to_byte = |c: usize| byte_at[c.min(byte_at.len() - 1)];
    let all = selected.len() == rows.len();
    for (p, para) in a.segments.paragraphs.iter().enumerate() {
        let n = p + 1;
        if !all && !selected.iter().any(|r| r.paragraph == n) {
            continue;
        }
        let start = a.normalized.to_original(para.span.start);
        let end = a.normalized.to_original(para.span.end);
        // Marks: (byte, closing?, row); closings first at one position,
        // inner ones first.
        let mut marks: Vec<(usize, bool, usize)> = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let (s, e) = (to_byte(r.quote_start), to_byte(r.quote_end));
            if s < end && e > start {
                marks.push((s.max(start), false, i));
                marks.push((e.min(end), true, i));
            }
        }
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
            line.push_str(&original[cursor..pos]);
            cursor = pos;
            let id = rows[i].quote_id;
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
        line.push_str(&original[cursor..end]);
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

fn row_explanation(
    out: &mut String,
    a: &Analysis<'_>,
    row: &Row,
    at: Option<&Attribution>,
    resolution: &Resolution,
    style: Style,
) {
    let text = a.normalized.text.as_str();
    let head = format!("#{} {} ¶{}", row.quote_id, row.kind, row.paragraph);
    let _ = writeln!(
        out,
        "{} \u{201C}{}\u{201D}",
        style.paint(&format!("1;{}", kind_colour(row)), &head),
        row.quote
    );
    let desc = rule_info(row.rule).map_or("", |r| r.description);
    let _ = writeln!(
        out,
        "  rule       {} (confidence {}): {}",
        style.paint("1", row.rule),
        row.confidence,
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
                row.speaker,
                row.speaker_start.unwrap_or(0),
                row.speaker_end.unwrap_or(0)
            );
            if r.name.is_empty() {
                let _ = write!(s, ", no canonical name found");
            } else {
                let _ = write!(s, " -> {}", style.paint("1", &r.name));
            }
            let _ = write!(s, " [resolution step: {}]", r.step.as_str());
            let _ = writeln!(out, "{s}");
            let mut facts = vec![format!("type {}", row.speaker_type)];
            if !row.speaker_role.is_empty() {
                facts.push(format!(
                    "role \u{201C}{}\u{201D}",
                    row.speaker_role
                ));
            }
            if !row.speaker_id.is_empty() {
                facts.push(format!("gazetteer id {}", row.speaker_id));
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
            cue.span_text(text),
            cue.info.lemma,
            distance(a, cue.first_token, cue.last_token, q_first, q_last)
        );
    } else if let Some(span) = at.colon_cue {
        let _ = writeln!(
            out,
            "  cue        \u{201C}{}\u{201D} (headline colon)",
            &text[span.start..span.end]
        );
    } else if at.speaker.is_some() {
        let _ = writeln!(
            out,
            "  cue        none: the speaker comes from the sentence or the \
             paragraph, not from a reporting verb"
        );
    }
    if !row.via.is_empty() {
        let _ = writeln!(out, "  via        {}", row.via);
    }
    candidates(out, a, at, q_first, q_last, style);
    let _ = writeln!(out);
}

/// The frames the rules weighed: those whose cue is in the row's
/// paragraph or the one before, nearest first, and the mentions of the
/// row's paragraph.
fn candidates(
    out: &mut String,
    a: &Analysis<'_>,
    at: &Attribution,
    q_first: usize,
    q_last: usize,
    style: Style,
) {
    let text = a.normalized.text.as_str();
    let para_of =
        |tok: usize| a.segments.paragraph_of(a.tokens[tok].span.start);
    let mut frames: Vec<(usize, usize)> = a
        .frames
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let p = para_of(a.cues[f.cue].first_token);
            p == at.paragraph || p + 1 == at.paragraph || Some(f.cue) == at.cue
        })
        .map(|(i, f)| (i, gap(f.first, f.last, q_first, q_last)))
        .collect();
    frames.sort_by_key(|&(i, d)| (d, i));
    let shown = frames.len().min(8);
    let _ = writeln!(
        out,
        "  candidates {} frame{} (a cue and its speaker) in \u{B6}{}{}{}",
        frames.len(),
        if frames.len() == 1 { "" } else { "s" },
        if at.paragraph > 0 {
            format!("{}\u{2013}", at.paragraph)
        } else {
            String::new()
        },
        at.paragraph + 1,
        if frames.len() > shown {
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
            format!("\u{201C}{}\u{201D}", a.mentions[m].text(text))
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
            notes.push(format!("via {}", a.mentions[v].text(text)));
        }
        let p = para_of(cue.first_token) + 1;
        let line = format!(
            "  {} {:<14} {:<28} \u{B6}{p}, {}",
            if chosen { ">" } else { " " },
            format!("\u{201C}{}\u{201D}", cue.span_text(text)),
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
    // The mentions of the row's paragraph, as possible speakers.
    let mentions: Vec<String> = a
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| a.segments.paragraph_of(m.span.start) == at.paragraph)
        .map(|(i, m)| {
            let kind = match m.kind {
                MentionKind::Name => "name",
                MentionKind::Pronoun => "pronoun",
                MentionKind::Descriptor => "description",
            };
            let mark = if Some(i) == at.speaker { "*" } else { "" };
            format!("{mark}{} ({kind})", m.text(text))
        })
        .collect();
    if !mentions.is_empty() {
        let _ = writeln!(
            out,
            "  mentions   in \u{B6}{} (* the speaker): {}",
            at.paragraph + 1,
            mentions.join(", ")
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_choice_tty_and_no_color() {
        use ColorChoice::*;
        assert!(use_color(Auto, true, None));
        assert!(use_color(Auto, true, Some("")));
        assert!(!use_color(Auto, true, Some("1")));
        assert!(!use_color(Auto, false, None));
        assert!(use_color(Always, false, Some("1")));
        assert!(!use_color(Never, true, None));
    }
}
