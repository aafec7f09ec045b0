//! The part-of-speech tagger on real sentences: the distinctions the
//! attribution rules need ("that", "states", "said", "alleged"), news
//! headlines in title case and capitals, whosaid's own tokens, and
//! deterministic training.

use whosaid::tagger::conllu;
use whosaid::tagger::train::{train, TrainOptions};
use whosaid::tagger::{PosTag, Tagger, Upos, Xpos};

/// Tags a sentence given as space-separated treebank tokens.
fn tag(sentence: &str) -> Vec<(String, PosTag)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut tags = Vec::new();
    Tagger::shipped().tag(&words, &mut tags);
    words.iter().map(|w| w.to_string()).zip(tags).collect()
}

/// The tag of the `nth` (0-based) occurrence of `word` in `sentence`.
fn tag_of(sentence: &str, word: &str, nth: usize) -> PosTag {
    let tagged = tag(sentence);
    let found = tagged.iter().filter(|(w, _)| w == word).nth(nth);
    match found {
        Some((_, t)) => *t,
        None => panic!("{word:?} not in {sentence:?}"),
    }
}

fn xpos(sentence: &str, word: &str) -> Xpos {
    tag_of(sentence, word, 0).xpos
}

#[test]
fn that_as_complementizer_relative_and_determiner() {
    let s = "He said that the plan failed .";
    assert_eq!(tag_of(s, "that", 0), PosTag::new(Xpos::In, Upos::Sconj));
    let s = "They back policies that help families .";
    assert_eq!(tag_of(s, "that", 0), PosTag::new(Xpos::Wdt, Upos::Pron));
    let s = "She was pointing out that figure to reporters .";
    assert_eq!(xpos(s, "that"), Xpos::Dt);
    let s = "The minister told reporters that the talks had collapsed .";
    assert_eq!(xpos(s, "that"), Xpos::In);
    let s = "It is a law that protects workers .";
    assert_eq!(xpos(s, "that"), Xpos::Wdt);
}

#[test]
fn states_as_noun_and_as_verb() {
    let s = "Turnout was high in states that lean Republican .";
    assert_eq!(tag_of(s, "states", 0), PosTag::new(Xpos::Nns, Upos::Noun));
    assert_eq!(xpos(s, "that"), Xpos::Wdt);
    let s = "The memo states that the program will end in May .";
    assert_eq!(tag_of(s, "states", 0), PosTag::new(Xpos::Vbz, Upos::Verb));
    assert_eq!(xpos(s, "that"), Xpos::In);
}

#[test]
fn said_as_past_tense_and_participle() {
    let s = "The spokesman said voting matters .";
    assert_eq!(xpos(s, "said"), Xpos::Vbd);
    let s = "Officials said about 20 people have left .";
    assert_eq!(xpos(s, "said"), Xpos::Vbd);
    let s = "Nothing was said about the money .";
    assert_eq!(xpos(s, "said"), Xpos::Vbn);
    let s = "He has said that before .";
    assert_eq!(xpos(s, "said"), Xpos::Vbn);
}

#[test]
fn alleged_as_adjective_and_verb() {
    let s = "The alleged attacker was arrested on Monday .";
    assert_eq!(xpos(s, "alleged"), Xpos::Jj);
    let s = "Prosecutors alleged that he stole the money .";
    assert_eq!(xpos(s, "alleged"), Xpos::Vbd);
}

#[test]
fn title_case_headlines() {
    let s = "US Says Russian Airstrikes Could Begin Anytime";
    let tagged = tag(s);
    let x: Vec<Xpos> = tagged.iter().map(|(_, t)| t.xpos).collect();
    assert_eq!(x[0], Xpos::Nnp, "{tagged:?}");
    assert_eq!(x[1], Xpos::Vbz, "{tagged:?}");
    assert_eq!(x[3], Xpos::Nns, "{tagged:?}");
    assert_eq!(x[4], Xpos::Md, "{tagged:?}");
    assert_eq!(x[5], Xpos::Vb, "{tagged:?}");
    let s = "Police Say Suspect Fled After Shooting";
    let tagged = tag(s);
    assert_eq!(tagged[1].1.xpos, Xpos::Vbp, "{tagged:?}");
    assert_eq!(tagged[3].1.xpos, Xpos::Vbd, "{tagged:?}");
}

#[test]
fn all_capitals() {
    let s = "POLICE SAY SUSPECT FLED AFTER SHOOTING";
    let tagged = tag(s);
    assert_eq!(tagged[1].1.xpos, Xpos::Vbp, "{tagged:?}");
    assert_eq!(tagged[3].1.xpos, Xpos::Vbd, "{tagged:?}");
    let s = "The NATO chief said the alliance was ready .";
    assert_eq!(tag_of(s, "NATO", 0).upos, Upos::Propn);
    assert_eq!(xpos(s, "said"), Xpos::Vbd);
}
