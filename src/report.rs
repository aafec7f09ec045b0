//! The review page: one self-contained HTML file in which a journalist
//! reads each article with its quotes and claims marked in place.
//!
//! Input: every document's original text and its [`Row`]s (the output
//! stage's, so the page shows exactly what the table says), plus the
//! `Speaker`s of the speakers table. Output: one HTML string with
//! inline CSS and a small inline script, and no reference to anything
//! outside the file (a Content-Security-Policy forbids it).
//!
//! Layout, chosen to stay usable for 1,000 articles in one file: a table
//! of contents, a speakers panel (an inline SVG bar chart whose bars link
//! to each speaker's list of quotes), a filter (by speaker and by kind;
//! the script reveals it, so the page reads fine without scripts), then
//! one collapsible `<details>` section per article (open when there are
//! few, closed when there are many; the browser skips laying out what is
//! off screen with `content-visibility`).
//!
//! Each row is a `<mark class="hl">` carrying `data-row-id="DOC#N"` whose
//! text, once the tooltip (`.tip`) and speaker labels (`.lbl`) inside it
//! are left out and white space is folded, is the row's `quote` column.
//! Claims may contain partial quotes, so marks nest; when two rows cross
//! without nesting, the later one is cut into pieces, the second and
//! later pieces carrying the class `cont`. All text is escaped: article
//! text cannot inject markup.

use std::fmt::Write as _;

use crate::normalize::normalize;
use crate::speakers::{speaker_key, Speaker};
use crate::{Kind, Row};

/// One article for the page.
pub struct ReportDoc {
    /// The document id.
    pub id: String,
    /// The original text (the rows' offsets index it).
    pub text: String,
    /// Its rows: at most [`ROWS_SHOWN_PER_ARTICLE`].
    pub rows: Vec<Row>,
    /// Rows past [`ROWS_SHOWN_PER_ARTICLE`], counted but not marked.
    pub hidden: usize,
}

/// The most rows one article's text is marked with. A page is read by a
/// person: past a few thousand marks nobody reviews them one by one, and
/// keeping every row of a document dense with quotes (a 20 MB transcript
/// has a million) would cost gigabytes. The rest are counted in the
/// article's heading; `whosaid extract` gives them all.
pub const ROWS_SHOWN_PER_ARTICLE: usize = 5000;

/// Articles beyond this number start collapsed, so that a page of a
/// thousand articles opens as a table of contents.
const OPEN_UP_TO: usize = 30;

/// Bars drawn in the chart; the full list follows it.
const CHART_BARS: usize = 25;

/// Speaker colours: a light tint behind the words (dark text on it keeps
/// a contrast above 10:1) and a dark shade for borders. The label beside
/// each highlight names the speaker, so colour is never the only cue.
const PALETTE: &[(&str, &str)] = &[
    ("#cfe2ff", "#0b4fa8"),
    ("#ffdcaa", "#a34d00"),
    ("#cdeecd", "#1e6b1e"),
    ("#f8cfe0", "#9c1c55"),
    ("#e3d7f5", "#5b2d9c"),
    ("#fff0a0", "#6f5b00"),
    ("#c8ecee", "#0d6266"),
    ("#f1d3c4", "#8a3a17"),
    ("#d8ebbd", "#4b6b12"),
    ("#d6dcf7", "#2b3c9e"),
    ("#ecd2f2", "#7a2a8a"),
    ("#d9e4e8", "#34525e"),
];

/// Escapes text for element content and attribute values alike.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(s, &mut out);
    out
}

/// Text from an article (an id, a speaker label), escaped and isolated
/// from the page's text direction: a right-to-left override inside it
/// cannot reorder what follows (`\u{202e}gnp.exe` showing as `exe.png`).
fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", esc(s))
}

/// What the page knows of a speaker: its rank in the speakers table
/// (which gives its colour and its anchor).
struct SpeakerIndex {
    rank: indexmap::IndexMap<String, usize>,
}

impl SpeakerIndex {
    fn new(speakers: &[Speaker]) -> SpeakerIndex {
        let rank = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let key = if s.id.is_empty() {
                    format!("name:{}", s.name)
                } else {
                    format!("id:{}", s.id)
                };
                (key, i)
            })
            .collect();
        SpeakerIndex { rank }
    }

    fn of(&self, row: &Row) -> Option<usize> {
        speaker_key(row).and_then(|k| self.rank.get(&k).copied())
    }
}

/// The colour class of a row: `c0`.. for ranked speakers, `cx` for a
/// speaker mention with no canonical name, `una` for no speaker.
fn colour_class(row: &Row, rank: Option<usize>) -> String {
    match rank {
        Some(r) => format!("c{}", r % PALETTE.len()),
        None if row.speaker.is_empty() => "una".to_string(),
        None => "cx".to_string(),
    }
}

/// The label beside a highlight.
fn label(row: &Row) -> &str {
    if !row.speaker_name.is_empty() {
        &row.speaker_name
    } else if !row.speaker.is_empty() {
        &row.speaker
    } else {
        "unattributed"
    }
}

/// Renders the whole page.
pub fn render(docs: &[ReportDoc], speakers: &[Speaker]) -> String {
    render_with_fields(docs, &[], speakers)
}

/// [`render`], with each article's fields (`fields[d]` for `docs[d]`,
/// as `(name, value)`; empty ones are left out) shown above its text.
pub fn render_with_fields(
    docs: &[ReportDoc],
    fields: &[Vec<(String, String)>],
    speakers: &[Speaker],
) -> String {
    let index = SpeakerIndex::new(speakers);
    let total: usize = docs.iter().map(|d| d.rows.len() + d.hidden).sum();
    let unattributed: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.speaker.is_empty())
                .map(move |(i, _)| (d, i))
        })
        .collect();
    let mut by_speaker: Vec<Vec<(usize, usize)>> =
        vec![Vec::new(); speakers.len()];
    for (d, doc) in docs.iter().enumerate() {
        for (i, row) in doc.rows.iter().enumerate() {
            if let Some(r) = index.of(row) {
                by_speaker[r].push((d, i));
            }
        }
    }

    let mut h = String::with_capacity(
        docs.iter().map(|d| d.text.len() * 2 + d.rows.len() * 600).sum(),
    );
    // The head's `C0` line stands for the palette rules.
    let (head, tail) = HEAD.split_once("\nC0\n").expect("palette marker");
    h.push_str(head);
    h.push('\n');
    h.push_str(&palette_css());
    h.push_str(tail);
    let _ = writeln!(
        h,
        "<header><h1>Who said what</h1><p>{} article{}, {} quotes and \
         claims, {} speakers, {} unattributed. Made by whosaid {}.</p>\
         </header>",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        total,
        speakers.len(),
        unattributed.len(),
        env!("CARGO_PKG_VERSION"),
    );
    // Two columns on a wide screen: the articles, and beside them the
    // panel a reader keeps in view (legend, speakers). In the markup the
    // articles come first: they are the page.
    h.push_str("<div class=\"cols\">\n<main id=\"main\">\n");
    toc(&mut h, docs);
    filters(&mut h, speakers, !unattributed.is_empty());
    let _ = writeln!(
        h,
        "<section id=\"articles\" aria-labelledby=\"articles-h\">\
         <h2 id=\"articles-h\">Articles</h2>"
    );
    let open = docs.len() <= OPEN_UP_TO;
    for (d, doc) in docs.iter().enumerate() {
        article(&mut h, d, doc, fields.get(d).map_or(&[][..], Vec::as_slice), &index, open);
    }
    h.push_str("</section>\n</main>\n");
    h.push_str("<aside aria-label=\"Speakers and legend\">\n");
    legend(&mut h);
    speakers_panel(&mut h, docs, speakers, &by_speaker, &unattributed);
    gender_panel(&mut h, docs, fields, speakers, &index);
    h.push_str("</aside>\n</div>\n");
    h.push_str(SCRIPT);
    h.push_str("</body>\n</html>\n");
    h
}

fn counts(doc: &ReportDoc) -> String {
    let rows = &doc.rows;
    let quotes = rows.iter().filter(|r| r.kind != Kind::Indirect).count();
    let claims = rows.len() - quotes;
    let una = rows.iter().filter(|r| r.speaker.is_empty()).count();
    let mut s = format!(
        "{quotes} quote{}, {claims} claim{}",
        if quotes == 1 { "" } else { "s" },
        if claims == 1 { "" } else { "s" }
    );
    if una > 0 {
        let _ = write!(s, ", {una} unattributed");
    }
    if doc.hidden > 0 {
        let _ = write!(
            s,
            "; {} more rows not marked (the page marks at most \
             {ROWS_SHOWN_PER_ARTICLE}: whosaid extract lists them all)",
            doc.hidden
        );
    }
    s
}

fn toc(h: &mut String, docs: &[ReportDoc]) {
    let _ = write!(
        h,
        "<nav aria-label=\"Articles\" class=\"toc\"><details{}>\
         <summary>Contents: {} article{}</summary><ol>",
        if docs.len() <= OPEN_UP_TO { " open" } else { "" },
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
    );
    for (d, doc) in docs.iter().enumerate() {
        let _ = write!(
            h,
            "<li><a href=\"#a{d}\">{}</a> <span class=\"muted\">{}</span>\
             </li>",
            bdi(&doc.id),
            counts(doc)
        );
    }
    h.push_str("</ol></details></nav>\n");
}

fn legend(h: &mut String) {
    h.push_str(
        "<section class=\"legend\" aria-labelledby=\"legend-h\">\
         <h2 id=\"legend-h\">How to read the marks</h2><p>\
         <mark class=\"hl k-direct c0 demo\">direct quote</mark> \
         <mark class=\"hl k-partial c0 demo\">partial quote</mark> \
         <mark class=\"hl k-indirect c0 demo\">reported claim</mark> \
         <mark class=\"hl k-direct una demo\">unattributed quote</mark>\
         </p><p>Each speaker has a colour and is named in a label after \
         the words; the border says the kind: solid for a direct quote, \
         double for a partial one, dotted for a claim, dashed red for a \
         quote nobody was found to say. Hover or focus (Tab) a mark to \
         see its cue, rule and confidence.</p></section>\n",
    );
}

fn speakers_panel(
    h: &mut String,
    docs: &[ReportDoc],
    speakers: &[Speaker],
    by_speaker: &[Vec<(usize, usize)>],
    unattributed: &[(usize, usize)],
) {
    h.push_str(
        "<section id=\"speakers\" aria-labelledby=\"speakers-h\">\
         <h2 id=\"speakers-h\">Speakers</h2>\n",
    );
    // The chart: the most quoted speakers, then the unattributed rows.
    let mut bars: Vec<(String, String, usize, usize, String)> = speakers
        .iter()
        .take(CHART_BARS)
        .enumerate()
        .map(|(i, s)| {
            (
                s.name.clone(),
                format!("#sp-{i}"),
                s.quotes,
                s.claims,
                format!("c{}", i % PALETTE.len()),
            )
        })
        .collect();
    if !unattributed.is_empty() {
        let quotes = unattributed
            .iter()
            .filter(|&&(d, i)| docs[d].rows[i].kind != Kind::Indirect)
            .count();
        bars.push((
            "(unattributed)".into(),
            "#sp-una".into(),
            quotes,
            unattributed.len() - quotes,
            "una".into(),
        ));
    }
    if speakers.len() > CHART_BARS {
        let _ = write!(
            h,
            "<p>The {CHART_BARS} most quoted of {} speakers; all are \
             listed below the chart.</p>",
            speakers.len()
        );
    }
    let max = bars.iter().map(|b| b.2 + b.3).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (150.0, 130.0, 22.0);
    let height = row_h * bars.len() as f64 + 36.0;
    let _ = write!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 380 {height}\" width=\"380\" \
         height=\"{height}\" aria-labelledby=\"chart-t chart-d\" \
         role=\"group\"><title id=\"chart-t\">Quotes and claims per \
         speaker</title><desc id=\"chart-d\">Solid bars count direct and \
         partial quotes, hatched bars reported claims. Each bar links to \
         the speaker's quotes.</desc>\
         <defs><pattern id=\"hatch\" width=\"6\" height=\"6\" \
         patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>\
         <rect width=\"3\" height=\"6\" fill=\"#27466e\"/></pattern>\
         </defs>\
         <g class=\"axis\"><rect x=\"{label_w}\" y=\"6\" width=\"14\" \
         height=\"12\" fill=\"#27466e\"/><text x=\"{}\" y=\"16\">quotes\
         </text><rect x=\"{}\" y=\"6\" width=\"14\" height=\"12\" \
         fill=\"url(#hatch)\" stroke=\"#27466e\"/><text x=\"{}\" y=\"16\">\
         claims</text></g>",
        label_w + 20.0,
        label_w + 90.0,
        label_w + 110.0,
    );
    for (i, (name, href, quotes, claims, class)) in bars.iter().enumerate() {
        let y = 30.0 + row_h * i as f64;
        let wq = bar_w * *quotes as f64 / max as f64;
        let wc = bar_w * *claims as f64 / max as f64;
        let short: String = if name.chars().count() > 19 {
            name.chars().take(18).collect::<String>() + "…"
        } else {
            name.clone()
        };
        let _ = write!(
            h,
            "<a href=\"{href}\" class=\"bar\"><title>{}: {} quote{}, {} \
             claim{}</title><rect class=\"sw {class}\" x=\"0\" y=\"{}\" \
             width=\"12\" height=\"12\"/><text x=\"18\" y=\"{}\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{wq:.1}\" \
             height=\"16\" fill=\"#27466e\"/><rect x=\"{:.1}\" y=\"{}\" \
             width=\"{wc:.1}\" height=\"16\" fill=\"url(#hatch)\" \
             stroke=\"#27466e\"/><text x=\"{:.1}\" y=\"{}\">{} · {}</text>\
             </a>",
            esc(name),
            quotes,
            if *quotes == 1 { "" } else { "s" },
            claims,
            if *claims == 1 { "" } else { "s" },
            y + 2.0,
            y + 13.0,
            esc(&short),
            y,
            label_w + wq,
            y,
            label_w + wq + wc + 6.0,
            y + 13.0,
            quotes,
            claims,
        );
    }
    h.push_str("</svg>\n<ol class=\"speakers\">");
    for (i, s) in speakers.iter().enumerate() {
        let mut about = s.speaker_type.clone();
        if !s.role.is_empty() {
            about.push_str(", ");
            about.push_str(&s.role);
        }
        let _ = write!(
            h,
            "<li id=\"sp-{i}\"><details><summary><span class=\"sw c{}\" \
             aria-hidden=\"true\"></span> <strong>{}</strong> \
             <span class=\"muted\">({})</span>: {} quote{}, {} claim{}, \
             {} article{}</summary><ul>",
            i % PALETTE.len(),
            bdi(&s.name),
            bdi(&about),
            s.quotes,
            if s.quotes == 1 { "" } else { "s" },
            s.claims,
            if s.claims == 1 { "" } else { "s" },
            s.documents,
            if s.documents == 1 { "" } else { "s" },
        );
        quote_links(h, docs, &by_speaker[i]);
        h.push_str("</ul></details></li>");
    }
    if !unattributed.is_empty() {
        let _ = write!(
            h,
            "<li id=\"sp-una\"><details><summary><span class=\"sw una\" \
             aria-hidden=\"true\"></span> <strong>Unattributed</strong>: \
             {} row{} with no speaker found</summary><ul>",
            unattributed.len(),
            if unattributed.len() == 1 { "" } else { "s" },
        );
        quote_links(h, docs, unattributed);
        h.push_str("</ul></details></li>");
    }
    h.push_str("</ol></section>\n");
}

/// The genders the gender chart tells apart, in its order, with their
/// colours (Okabe and Ito's colour-blind safe palette) and hatching.
const GENDERS: [(&str, &str); 3] =
    [("female", "#d55e00"), ("male", "#0072b2"), ("unknown", "#999999")];

/// Groups at most in one gender chart.
const GENDER_BARS: usize = 24;

/// Rows of persons, by gender, per outlet and per month: drawn only when
/// the speakers carry a gender ([`crate::speakers::annotate`]) and some
/// article has an `outlet` (or `source`) or a `date`. Unattributed rows
/// and organizations are in no bar.
fn gender_panel(
    h: &mut String,
    docs: &[ReportDoc],
    fields: &[Vec<(String, String)>],
    speakers: &[Speaker],
    index: &SpeakerIndex,
) {
    if speakers.iter().all(|s| s.gender.is_empty()) {
        return;
    }
    let field = |d: usize, names: &[&str]| -> String {
        let f = fields.get(d).map_or(&[][..], Vec::as_slice);
        names
            .iter()
            .find_map(|n| {
                f.iter()
                    .find(|(k, v)| k == n && !v.trim().is_empty())
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    let mut outlets: Vec<(String, [usize; 3])> = Vec::new();
    let mut months: Vec<(String, [usize; 3])> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let outlet = field(d, &["outlet", "source"]);
        let date = field(d, &["date"]);
        let month = match date.get(..7) {
            Some(m) if date.as_bytes().get(4) == Some(&b'-') => m.to_string(),
            _ => String::new(),
        };
        for row in &doc.rows {
            let Some(g) = index
                .of(row)
                .and_then(|r| GENDERS.iter().position(|g| g.0 == speakers[r].gender))
            else {
                continue;
            };
            for (groups, key) in [(&mut outlets, &outlet), (&mut months, &month)] {
                if key.is_empty() {
                    continue;
                }
                match groups.iter_mut().find(|(k, _)| k == key) {
                    Some((_, n)) => n[g] += 1,
                    None => {
                        let mut n = [0; 3];
                        n[g] = 1;
                        groups.push((key.clone(), n));
                    }
                }
            }
        }
    }
    if outlets.is_empty() && months.is_empty() {
        return;
    }
    months.sort();
    h.push_str(
        "<section id=\"genders\" aria-labelledby=\"genders-h\">\
         <h2 id=\"genders-h\">Who is quoted, by gender</h2>\n<p>Quotes \
         and claims of persons, by the gender the gazetteer or the \
         first-name table gives them (unknown when neither is sure); \
         unattributed rows and organizations are left out.</p>\n",
    );
    if !outlets.is_empty() {
        gender_chart(h, "go", "per outlet", &outlets);
    }
    if !months.is_empty() {
        gender_chart(h, "gm", "per month", &months);
    }
    h.push_str("</section>\n");
}

/// One chart of stacked bars: a group a row, its rows split by gender.
fn gender_chart(
    h: &mut String,
    id: &str,
    what: &str,
    groups: &[(String, [usize; 3])],
) {
    let shown = &groups[..groups.len().min(GENDER_BARS)];
    if groups.len() > shown.len() {
        let _ = write!(
            h,
            "<p>The first {GENDER_BARS} of {} groups {what}.</p>",
            groups.len()
        );
    }
    let max = shown.iter().map(|(_, n)| n.iter().sum::<usize>()).max();
    let max = max.unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (120.0, 170.0, 22.0);
    let height = row_h * shown.len() as f64 + 36.0;
    let _ = write!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 380 {height}\" width=\"380\" \
         height=\"{height}\" aria-labelledby=\"{id}-t\" role=\"img\">\
         <title id=\"{id}-t\">Quotes and claims by speaker gender, \
         {what}</title><g class=\"axis\">"
    );
    for (i, (name, colour)) in GENDERS.iter().enumerate() {
        let x = label_w + 80.0 * i as f64;
        let _ = write!(
            h,
            "<rect x=\"{x}\" y=\"6\" width=\"14\" height=\"12\" \
             fill=\"{colour}\"/><text x=\"{}\" y=\"16\">{name}</text>",
            x + 18.0
        );
    }
    h.push_str("</g>");
    for (i, (group, n)) in shown.iter().enumerate() {
        let y = 30.0 + row_h * i as f64;
        let short: String = if group.chars().count() > 16 {
            group.chars().take(15).collect::<String>() + "…"
        } else {
            group.clone()
        };
        let _ = write!(
            h,
            "<g><title>{}: {} female, {} male, {} unknown</title>\
             <text x=\"0\" y=\"{}\">{}</text>",
            esc(group),
            n[0],
            n[1],
            n[2],
            y + 13.0,
            esc(&short)
        );
        let mut x = label_w;
        for (k, (_, colour)) in GENDERS.iter().enumerate() {
            let w = bar_w * n[k] as f64 / max as f64;
            if n[k] > 0 {
                let _ = write!(
                    h,
                    "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" \
                     height=\"16\" fill=\"{colour}\"/>"
                );
            }
            x += w;
        }
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{}\">{} · {} · {}</text></g>",
            x + 6.0,
            y + 13.0,
            n[0],
            n[1],
            n[2]
        );
    }
    h.push_str("</svg>\n");
}

fn quote_links(h: &mut String, docs: &[ReportDoc], rows: &[(usize, usize)]) {
    for &(d, i) in rows {
        let row = &docs[d].rows[i];
        let mut preview: String = row.quote.chars().take(90).collect();
        if row.quote.chars().count() > 90 {
            preview.push('…');
        }
        let _ = write!(
            h,
            "<li><a href=\"#q{d}-{}\">{} ¶{}</a> <span class=\"muted\">{}\
             </span> “{}”</li>",
            row.quote_id,
            bdi(&docs[d].id),
            row.paragraph,
            row.kind,
            bdi(&preview),
        );
    }
}

fn filters(h: &mut String, speakers: &[Speaker], has_unattributed: bool) {
    h.push_str(
        "<form id=\"filters\" class=\"filters\" hidden role=\"search\" \
         aria-label=\"Filter the highlights\"><label>Speaker \
         <select id=\"f-speaker\"><option value=\"\">all speakers</option>",
    );
    for (i, s) in speakers.iter().enumerate() {
        let _ = write!(h, "<option value=\"{i}\">{}</option>", esc(&s.name));
    }
    if has_unattributed {
        h.push_str("<option value=\"una\">(unattributed)</option>");
    }
    h.push_str(
        "</select></label><fieldset><legend>Kinds</legend>\
         <label><input type=\"checkbox\" name=\"kind\" value=\"direct\" \
         checked> direct</label><label><input type=\"checkbox\" \
         name=\"kind\" value=\"partial\" checked> partial</label>\
         <label><input type=\"checkbox\" name=\"kind\" value=\"indirect\" \
         checked> claims</label></fieldset><label><input type=\"checkbox\" \
         id=\"f-only\"> only articles with matches</label> \
         <button type=\"button\" id=\"f-open\">expand all</button> \
         <button type=\"button\" id=\"f-close\">collapse all</button> \
         <output id=\"f-status\" aria-live=\"polite\"></output></form>\n",
    );
}

fn article(
    h: &mut String,
    d: usize,
    doc: &ReportDoc,
    fields: &[(String, String)],
    index: &SpeakerIndex,
    open: bool,
) {
    let _ = write!(
        h,
        "<article id=\"a{d}\" class=\"doc\" aria-labelledby=\"h{d}\">\
         <details{}><summary><h3 id=\"h{d}\">{}</h3> <span class=\"muted\">\
         {}</span></summary><div class=\"text\">",
        if open { " open" } else { "" },
        bdi(&doc.id),
        counts(doc),
    );
    let shown: Vec<_> = fields.iter().filter(|(_, v)| !v.is_empty()).collect();
    if !shown.is_empty() {
        h.push_str("<dl class=\"meta muted\">");
        for (name, value) in shown {
            let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(name), bdi(value));
        }
        h.push_str("</dl>");
    }
    highlight(h, d, doc, index);
    h.push_str("</div></details></article>\n");
}

/// Writes the article text with every row marked, nesting marks and
/// cutting crossing ones into pieces.
fn highlight(h: &mut String, d: usize, doc: &ReportDoc, index: &SpeakerIndex) {
    let text = doc.text.as_str();
    // Code point offset -> byte offset, for the rows' offsets: one sweep
    // over the text for the offsets the rows use (a table for every code
    // point would cost 8 bytes a byte).
    let mut wanted: Vec<usize> =
        doc.rows.iter().flat_map(|r| [r.quote_start, r.quote_end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut byte_of = Vec::with_capacity(wanted.len());
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .enumerate();
    for &c in &wanted {
        let b = chars
            .by_ref()
            .find(|&(i, _)| i == c)
            .map_or(text.len(), |(_, b)| b);
        byte_of.push(b);
    }
    let to_byte = |c: usize| {
        byte_of[wanted.binary_search(&c).expect("a row's offset")]
    };
    struct Span {
        start: usize,
        end: usize,
        row: usize,
    }
    let mut spans: Vec<Span> = doc
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Span {
            start: to_byte(r.quote_start),
            end: to_byte(r.quote_end),
            row: i,
        })
        .filter(|s| s.start < s.end)
        .collect();
    // Outer first: by start, then the longer one.
    spans.sort_by(|a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.row.cmp(&b.row))
    });
    let mut bounds: Vec<usize> =
        spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();

    let ranks: Vec<Option<usize>> =
        doc.rows.iter().map(|r| index.of(r)).collect();
    let mut open: Vec<usize> = Vec::new(); // indices into `spans`
    let mut next = 0;
    let mut cursor = 0;
    for &b in &bounds {
        text_chunk(h, &text[cursor..b]);
        cursor = b;
        if let Some(depth) = open.iter().position(|&s| spans[s].end <= b) {
            // Close everything from the first ended mark up, then reopen
            // the ones still running as continued pieces.
            let closed = open.split_off(depth);
            for &s in closed.iter().rev() {
                h.push_str("</mark>");
                if spans[s].end <= b {
                    let row = &doc.rows[spans[s].row];
                    let class = colour_class(row, ranks[spans[s].row]);
                    let _ = write!(
                        h,
                        "<span class=\"lbl {class}\">{}</span>",
                        bdi(label(row))
                    );
                }
            }
            for s in closed.into_iter().filter(|&s| spans[s].end > b) {
                open_mark(h, d, doc, &ranks, spans[s].row, true);
                open.push(s);
            }
        }
        while next < spans.len() && spans[next].start == b {
            open_mark(h, d, doc, &ranks, spans[next].row, false);
            open.push(next);
            next += 1;
        }
    }
    text_chunk(h, &text[cursor..]);
}

/// Writes a piece of original text as the `quote` column shows it
/// (entities decoded, typed quote marks straightened), escaped. Line
/// breaks stay: the text block keeps them.
fn text_chunk(h: &mut String, original: &str) {
    if original.is_empty() {
        return;
    }
    escape(&normalize(original).text, h);
}

fn open_mark(
    h: &mut String,
    d: usize,
    doc: &ReportDoc,
    ranks: &[Option<usize>],
    i: usize,
    continued: bool,
) {
    let row = &doc.rows[i];
    let class = colour_class(row, ranks[i]);
    let speaker = match (ranks[i], row.speaker.is_empty()) {
        (Some(r), _) => r.to_string(),
        (None, true) => "una".to_string(),
        (None, false) => "x".to_string(),
    };
    let row_id = esc(&format!("{}#{}", doc.id, row.quote_id));
    if continued {
        let _ = write!(
            h,
            "<mark class=\"hl cont k-{} {class}\" data-row-id=\"{row_id}\" \
             data-kind=\"{}\" data-speaker=\"{speaker}\">",
            row.kind, row.kind
        );
        return;
    }
    let q = row.quote_id;
    let _ = write!(
        h,
        "<mark class=\"hl k-{} {class}\" id=\"q{d}-{q}\" \
         data-row-id=\"{row_id}\" data-kind=\"{}\" \
         data-speaker=\"{speaker}\" tabindex=\"0\" \
         aria-describedby=\"t{d}-{q}\"><span class=\"tip\" \
         role=\"tooltip\" id=\"t{d}-{q}\">",
        row.kind, row.kind
    );
    let kind = match row.kind {
        Kind::Direct => "direct quote",
        Kind::Partial => "partial quote",
        Kind::Indirect => "reported claim",
    };
    let _ = write!(h, "<b>{kind} #{q}</b>");
    if row.speaker.is_empty() {
        h.push_str("<br>speaker: none found (unattributed)");
    } else {
        let _ = write!(h, "<br>speaker: {}", bdi(&row.speaker));
        if !row.speaker_name.is_empty() && row.speaker_name != row.speaker {
            let _ = write!(h, " → {}", bdi(&row.speaker_name));
        }
        if !row.speaker_role.is_empty() {
            let _ = write!(h, " ({})", esc(&row.speaker_role));
        }
    }
    if !row.cue.is_empty() {
        let _ = write!(h, "<br>cue: {}", esc(&row.cue));
    }
    if !row.via.is_empty() {
        let _ = write!(h, "<br>via: {}", esc(&row.via));
    }
    let _ = write!(
        h,
        "<br>rule: {}<br>confidence: {}<br>paragraph {}, characters \
         {}–{}</span>",
        esc(row.rule),
        esc(&row.confidence_text()),
        row.paragraph,
        row.quote_start,
        row.quote_end
    );
}

const HEAD: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Who said what: review</title>
<style>
:root { color-scheme: light; --ink: #111; --muted: #4a4a4a; --una: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 82rem; padding: 0 1.25rem 4rem;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #fff; }
a { color: #0b3d91; }
a:focus-visible, summary:focus-visible, button:focus-visible,
select:focus-visible, input:focus-visible, .bar:focus-visible {
  outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd400; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 9; }
.cols { display: grid; gap: 0 2.5rem;
  grid-template-columns: minmax(0, 48rem) minmax(0, 25rem); }
@media (max-width: 60rem) { .cols { grid-template-columns: minmax(0, 1fr); } }
aside { font-size: .92rem; }
header h1 { margin: 1.2rem 0 .2rem; font-size: 1.7rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; }
.muted { color: var(--muted); font-size: .9em; }
.toc ol { margin: .4rem 0; }
.legend p { margin: .4rem 0; }
summary { cursor: pointer; }
summary h3 { display: inline; font-size: 1.1rem; margin: 0; }
.doc { border-top: 1px solid #ccc; padding: .6rem 0; }
.text { white-space: pre-wrap; line-height: 2.1; max-width: 46rem;
  overflow-wrap: anywhere; content-visibility: auto;
  contain-intrinsic-size: auto 40rem; }
.hl, .lbl, .tip, bdi { unicode-bidi: isolate; }
.hl { position: relative; color: var(--ink); background: var(--bg);
  padding: 1px 0; border-radius: 2px; border-bottom: 3px solid var(--fg); }
.hl.k-partial { border-bottom-style: double; border-bottom-width: 4px; }
.hl.k-indirect { background: var(--bg2); border-bottom-style: dotted; }
.hl.una { --bg: #fff; --bg2: #fff; --fg: var(--una);
  outline: 2px dashed var(--una); outline-offset: 1px; border-bottom: 0; }
.hl:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
.hl.demo { padding: 1px 4px; }
.lbl { font-size: .72rem; line-height: 1; font-weight: 600; padding: 1px 4px;
  margin: 0 2px; border-radius: 8px; border: 1px solid var(--fg);
  background: var(--bg); color: var(--ink); white-space: nowrap;
  vertical-align: 1px; }
.lbl.una { color: var(--una); background: #fff; border-style: dashed; }
.tip { display: none; position: absolute; left: 0; bottom: calc(100% + 6px);
  z-index: 5; width: max-content; max-width: 26rem; white-space: normal;
  line-height: 1.4; font-size: .85rem; text-align: left; background: #1b1b1b;
  color: #fff; padding: .4rem .6rem; border-radius: 4px; font-weight: 400; }
.hl:focus > .tip, .hl:hover:not(:has(.hl:hover)) > .tip { display: block; }
.hl.off { background: none; border-bottom-color: transparent; outline: 0; }
.hl.off + .lbl { display: none; }
.sw { display: inline-block; width: .9em; height: .9em; vertical-align: -1px;
  background: var(--bg); border: 2px solid var(--fg); fill: var(--bg);
  stroke: var(--fg); stroke-width: 2px; }
.sw.una { background: #fff; border: 2px dashed var(--una); fill: #fff;
  stroke: var(--una); stroke-dasharray: 3 2; }
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: var(--ink); }
.bar:hover text, .bar:focus text { text-decoration: underline; }
.speakers li { margin: .15rem 0; }
.speakers ul { font-size: .92rem; }
.filters { position: sticky; top: 0; z-index: 8; background: #f4f6f8;
  border: 1px solid #c4ccd4; border-radius: 6px; padding: .5rem .8rem;
  margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem;
  align-items: center; }
.filters[hidden] { display: none; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .6rem; }
.filters legend { float: left; margin-right: .4rem; }
.doc.nomatch { display: none; }
C0
@media print { .filters, .tip { display: none !important; }
  .text { content-visibility: visible; } }
</style>
</head>
<body>
<a class="skip" href="#articles">Skip to the articles</a>
"##;

const SCRIPT: &str = r##"<script>
(function () {
  "use strict";
  var form = document.getElementById("filters");
  form.hidden = false;
  var who = document.getElementById("f-speaker");
  var only = document.getElementById("f-only");
  var status = document.getElementById("f-status");
  var kinds = form.querySelectorAll("input[name=kind]");
  var marks = document.querySelectorAll("mark.hl[data-row-id]");
  var docs = document.querySelectorAll("article.doc");
  function apply() {
    var want = {}, shown = 0;
    kinds.forEach(function (k) { want[k.value] = k.checked; });
    var sp = who.value;
    marks.forEach(function (m) {
      var on = want[m.dataset.kind] && (sp === "" || m.dataset.speaker === sp);
      m.classList.toggle("off", !on);
      if (on && !m.classList.contains("cont")) { shown++; }
    });
    docs.forEach(function (a) {
      var hit = a.querySelector("mark.hl:not(.off)") !== null;
      a.classList.toggle("nomatch", only.checked && !hit);
    });
    status.textContent = shown + " of " +
      document.querySelectorAll("mark.hl:not(.cont)[data-row-id]").length +
      " highlights shown";
  }
  form.addEventListener("change", apply);
  function openAll(v) {
    document.querySelectorAll("article.doc > details").forEach(function (d) {
      d.open = v;
    });
  }
  document.getElementById("f-open").addEventListener("click", function () { openAll(true); });
  document.getElementById("f-close").addEventListener("click", function () { openAll(false); });
  // Opens the sections around a linked quote or speaker.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    var own = el.querySelector(":scope > details");
    if (own) { own.open = true; }
    el.scrollIntoView();
    if (el.tabIndex >= 0) { el.focus({ preventScroll: true }); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  apply();
})();
</script>
"##;

/// The colour rules, one class per palette entry.
fn palette_css() -> String {
    let mut css = String::new();
    for (i, (bg, fg)) in PALETTE.iter().enumerate() {
        let _ = writeln!(
            css,
            ".c{i} {{ --bg: {bg}; --bg2: color-mix(in srgb, {bg} 55%, \
             #fff); --fg: {fg}; }}"
        );
    }
    css.push_str(".cx { --bg: #e6e6e6; --bg2: #f2f2f2; --fg: #555; }\n");
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        let mut s = String::new();
        escape("<script>alert('x')</script> & \"q\"", &mut s);
        assert_eq!(
            s,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
