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
    let s = "That figure was wrong , she said .";
    assert_eq!(xpos(s, "That"), Xpos::Dt);
    let s = "He noted that number in his report .";
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
fn alleged_as_modifier_and_as_verb() {
    // Before a noun the treebank writes "alleged" JJ or VBN (4 and 3 times
    // in EWT train); what the rules need is that it is no finite verb.
    let s = "The alleged attacker was arrested on Monday .";
    let t = tag_of(s, "alleged", 0);
    assert!(matches!(t.xpos, Xpos::Jj | Xpos::Vbn), "{t}");
    assert!(!t.xpos.is_finite_verb());
    let s = "Prosecutors alleged that he stole the money .";
    assert_eq!(xpos(s, "alleged"), Xpos::Vbd);
    assert_eq!(xpos(s, "that"), Xpos::In);
    let s = "He was charged with alleged fraud .";
    assert!(!tag_of(s, "alleged", 0).xpos.is_finite_verb());
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
    assert!(tagged[3].1.xpos.is_verb(), "{tagged:?}");
    // In a headline a capital says little: common words are no names.
    let s = "Senate Passes Plan That Would Cut Taxes";
    let tagged = tag(s);
    assert_eq!(tagged[1].1.xpos, Xpos::Vbz, "{tagged:?}");
    assert_eq!(tagged[2].1.upos, Upos::Noun, "{tagged:?}");
    assert_eq!(tagged[3].1.xpos, Xpos::Wdt, "{tagged:?}");
    assert_eq!(tagged[4].1.xpos, Xpos::Md, "{tagged:?}");
    assert_eq!(tagged[6].1.xpos, Xpos::Nns, "{tagged:?}");
}

#[test]
fn all_capitals() {
    let s = "POLICE SAY SUSPECT FLED AFTER SHOOTING";
    let tagged = tag(s);
    assert_eq!(tagged[1].1.xpos, Xpos::Vbp, "{tagged:?}");
    assert!(tagged[3].1.xpos.is_verb(), "{tagged:?}");
    let s = "THE MINISTER SAID THAT THE TALKS HAD FAILED";
    let tagged = tag(s);
    assert_eq!(tagged[2].1.xpos, Xpos::Vbd, "{tagged:?}");
    assert_eq!(tagged[3].1.xpos, Xpos::In, "{tagged:?}");
    assert_eq!(tagged[7].1.xpos, Xpos::Vbn, "{tagged:?}");
    let s = "The NATO chief said the alliance was ready .";
    assert_eq!(tag_of(s, "NATO", 0).upos, Upos::Propn);
    assert_eq!(xpos(s, "said"), Xpos::Vbd);
}

#[test]
fn whosaid_tokens_are_tagged_one_tag_each() {
    use whosaid::{quotes, segment, tokens};
    let text = "\u{201c}We didn\u{2019}t know,\u{201d} Russia\u{2019}s minister said. \
                The memo states that it\u{2019}s over.";
    let segments = segment::segment(text);
    let quotes = quotes::scan(text, &segments);
    let mut toks = Vec::new();
    tokens::tokenize(text, &segments, &quotes, &mut toks);
    let mut tags = Vec::new();
    Tagger::shipped().tag_tokens(text, &toks, &mut tags);
    assert_eq!(tags.len(), toks.len());
    let of = |word: &str| {
        let i = toks.iter().position(|t| t.text(text) == word).unwrap();
        tags[i]
    };
    assert_eq!(of("\u{201c}"), PosTag::new(Xpos::OpenQuote, Upos::Punct));
    assert_eq!(of("\u{201d}"), PosTag::new(Xpos::CloseQuote, Upos::Punct));
    assert_eq!(of("didn\u{2019}t").xpos, Xpos::Vbd);
    assert_eq!(of("know").xpos, Xpos::Vb);
    assert_eq!(of("Russia").xpos, Xpos::Nnp);
    assert_eq!(of("\u{2019}s").xpos, Xpos::Pos);
    assert_eq!(of("said").xpos, Xpos::Vbd);
    assert_eq!(of("states").xpos, Xpos::Vbz);
    assert_eq!(of("that").xpos, Xpos::In);
}

/// A quoted sentence that ends a sentence is left untagged with
/// `Tails::UntaggedQuotedSentence`, and every token before it keeps the tag
/// of the whole sentence's decoding; a quotation that opens in lower case
/// (part of the sentence's grammar), or that opens the sentence, is tagged.
#[test]
fn quoted_sentence_tails_are_left_untagged_and_the_rest_unchanged() {
    use whosaid::tagger::{Tails, TagScratch, UNTAGGED};
    use whosaid::{quotes, segment, tokens};
    let text = "Lee told reporters on Monday, \"We will stay and fight.\" \
                Her aide said the plan was \"a total disaster.\" \
                \"We will go,\" the aide said later. \
                The judge said \"It is over\".";
    let segments = segment::segment(text);
    let quotes = quotes::scan(text, &segments);
    let mut toks = Vec::new();
    tokens::tokenize(text, &segments, &quotes, &mut toks);
    let mut all = Vec::new();
    Tagger::shipped().tag_tokens(text, &toks, &mut all);
    let mut tails = Vec::new();
    Tagger::shipped().tag_sentences_with(
        text,
        &toks,
        |_| true,
        Tails::UntaggedQuotedSentence,
        &mut TagScratch::new(),
        &mut tails,
    );
    assert_eq!(tails.len(), toks.len());
    let at = |word: &str, nth: usize| {
        toks.iter().enumerate().filter(|(_, t)| t.text(text) == word).nth(nth).unwrap().0
    };
    // The quoted sentences: untagged (but for tag-dictionary words, such
    // as "We", which keep their one tag).
    for (word, nth) in [("stay", 0), ("fight", 0), ("over", 0)] {
        assert_eq!(tails[at(word, nth)], UNTAGGED, "{word}");
    }
    // The partial quote and the quote that opens its sentence: tagged.
    for (word, nth) in [("total", 0), ("disaster", 0), ("go", 0)] {
        assert_ne!(tails[at(word, nth)], UNTAGGED, "{word}");
    }
    // Every tagged token has the whole sentence's tag.
    for (i, (t, a)) in tails.iter().zip(&all).enumerate() {
        if *t != UNTAGGED {
            assert_eq!(t, a, "{}", toks[i].text(text));
        }
    }
    assert_eq!(tails[at("told", 0)].xpos, Xpos::Vbd);
    assert_eq!(tails[at("said", 1)].xpos, Xpos::Vbd);
}

/// Nine sentences of treebank-style CoNLL-U, written for this test.
const TINY_TREEBANK: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tmemo\tmemo\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tstates\tstate\tVERB\tVBZ\t_\t0\troot\t_\t_
4\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
5\tit\tit\tPRON\tPRP\t_\t6\tnsubj\t_\t_
6\tended\tend\tVERB\tVBD\t_\t3\tccomp\t_\t_
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tSome\tsome\tDET\tDT\t_\t2\tdet\t_\t_
2\tstates\tstate\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tlean\tlean\tVERB\tVBP\t_\t0\troot\t_\t_
4\tleft\tleft\tADV\tRB\t_\t3\tadvmod\t_\t_
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
4\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

#[test]
fn training_is_deterministic() {
    let sentences = conllu::parse("tiny.conllu", TINY_TREEBANK).unwrap();
    assert_eq!(sentences.len(), 3);
    let opts = TrainOptions {
        epochs: 3,
        title_case_share: 0.5,
        upper_case_share: 0.3,
        ..TrainOptions::default()
    };
    let first = train(&sentences, &opts, false, |_| {});
    let second = train(&sentences, &opts, false, |_| {});
    assert_eq!(first, second);
    let other_seed = TrainOptions { seed: 99, ..opts };
    // A different seed shuffles differently; the file must still load.
    let third = train(&sentences, &other_seed, false, |_| {});
    let tagger = Tagger::from_bytes(&third).unwrap();
    let mut tags = Vec::new();
    tagger.tag(
        &["The", "memo", "states", "that", "it", "ended", "."],
        &mut tags,
    );
    assert_eq!(tags.len(), 7);
    // Trained on it, the tiny tagger gets its own training sentence right.
    let tagger = Tagger::from_bytes(&first).unwrap();
    tagger.tag(&sentences[0].words, &mut tags);
    assert_eq!(tags, sentences[0].tags);
}

#[test]
fn shipped_weights_are_small_and_complete() {
    let tagger = Tagger::shipped();
    assert!(tagger.labels().len() > 50, "{}", tagger.labels().len());
    assert!(tagger.weight_count() > 100_000);
    let size = std::fs::metadata(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/tagger.bin"
    ))
    .unwrap()
    .len();
    assert!(size <= 8 << 20, "data/tagger.bin is {size} bytes");
    let mut tags = Vec::new();
    tagger.tag::<&str>(&[], &mut tags);
    assert!(tags.is_empty());
}

#[test]
fn one_scratch_serves_two_taggers() {
    use whosaid::tagger::TagScratch;
    let sentences = conllu::parse("tiny.conllu", TINY_TREEBANK).unwrap();
    let opts = TrainOptions { epochs: 2, ..TrainOptions::default() };
    let tiny =
        Tagger::from_bytes(&train(&sentences, &opts, false, |_| {})).unwrap();
    let shipped = Tagger::shipped();
    let words = ["Officials", "said", "that", "states", "lean", "left", "."];
    let alone = |t: &Tagger| {
        let mut tags = Vec::new();
        t.tag_with(&words, &mut TagScratch::new(), &mut tags);
        tags
    };
    let (want_tiny, want_shipped) = (alone(&tiny), alone(shipped));
    let mut scratch = TagScratch::new();
    let mut tags = Vec::new();
    for _ in 0..2 {
        tiny.tag_with(&words, &mut scratch, &mut tags);
        assert_eq!(tags, want_tiny);
        shipped.tag_with(&words, &mut scratch, &mut tags);
        assert_eq!(tags, want_shipped);
    }
}
