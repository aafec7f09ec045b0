//! Prints the frames (cue and speaker) of a text given on stdin: a debug
//! view of the rule stage. With TAGS set, the tokens and their tags too.
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let ex = whosaid::Extractor::shipped(&[]).unwrap();
    let a = ex.analyze(&text);
    let t = a.normalized.text.as_str();
    if std::env::var_os("TAGS").is_some() {
        let line: Vec<String> = a
            .tokens
            .iter()
            .zip(&a.tags)
            .map(|(tok, tag)| format!("{}/{:?}", &t[tok.span.start..tok.span.end], tag.xpos))
            .collect();
        eprintln!("tags {}", line.join(" "));
    }
    for m in &a.mentions {
        eprintln!(
            "mention {:?} {:?} {:?} gender={:?} role={:?}",
            m.text(t),
            m.kind,
            m.speaker_type,
            m.gender,
            m.role.map(|r| &t[r.start..r.end])
        );
    }
    for f in &a.frames {
        let c = &a.cues[f.cue];
        println!(
            "frame cue={:?} speaker={:?} inv={} trailing={} via={:?}",
            &t[c.span.start..c.span.end],
            f.speaker.map(|s| a.mentions[s].text(t)),
            f.inverted,
            f.trailing,
            f.via.map(|s| a.mentions[s].text(t))
        );
    }
    for r in ex.extract("x", &text) {
        println!(
            "row {} {:?} speaker={:?} name={:?} rule={}",
            r.kind, r.quote, r.speaker, r.speaker_name, r.rule
        );
    }
}
