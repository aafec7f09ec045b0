//! The attribution rules on real news sentences: for each, the quote or
//! claim expected, its kind, the speaker's canonical name and the rule id.
//! Negative cases check that nothing is attributed where nobody spoke.

use whosaid::{Extractor, Row};

fn extract(text: &str) -> Vec<Row> {
    thread_local! {
        static EX: Extractor = Extractor::shipped(&[]).expect("shipped data");
    }
    EX.with(|ex| ex.extract("t", text))
}

/// Asserts a row with these words exists, with this kind, speaker name
/// and rule.
fn expect(text: &str, quote: &str, kind: &str, speaker: &str, rule: &str) {
    let rows = extract(text);
    let row = rows.iter().find(|r| r.quote == quote).unwrap_or_else(|| {
        panic!("no row {quote:?} in {text:?}; rows: {rows:#?}")
    });
    assert_eq!(
        (row.kind.as_str(), row.speaker_name.as_str(), row.rule),
        (kind, speaker, rule),
        "text: {text:?}"
    );
}

macro_rules! attributes {
    ($($name:ident: $text:expr => $quote:expr, $kind:expr, $speaker:expr, $rule:expr;)*) => {
        $(#[test] fn $name() { expect($text, $quote, $kind, $speaker, $rule); })*
    };
}

attributes! {
    attributes_speaker_after_quote:
        "Sergey Lavrov met reporters. \"We are polite people, we don't come if not invited,\" Lavrov told reporters."
        => "We are polite people, we don't come if not invited,", "direct", "Sergey Lavrov", "quote/after/speaker-cue";
    attributes_inverted_speaker:
        "\"If we have these sufficient grounds, the appropriateness will be evaluated,\" said Ilya Rogachev."
        => "If we have these sufficient grounds, the appropriateness will be evaluated,", "direct", "Ilya Rogachev", "quote/after/cue-speaker";
    attributes_single_guillemets_like_curly_quotes:
        "\u{2039}We will appeal,\u{203A} said Ilya Rogachev."
        => "We will appeal,", "direct", "Ilya Rogachev", "quote/after/cue-speaker";
    attributes_speaker_before_colon:
        "Kerry spoke in Paris. Later John Kerry said: \"We have said before that we would welcome Russian contributions.\""
        => "We have said before that we would welcome Russian contributions.", "direct", "John Kerry", "quote/before";
    attributes_interrupted_quote:
        "\"We are ready,\" said Katya Lee, \"and we will not stop now.\""
        => "and we will not stop now.", "direct", "Katya Lee", "quote/interrupted";
    attributes_paragraph_made_of_a_quote:
        "\"We will not stop,\" Carrie Lam said on Tuesday.\n\n\"There have been chaotic scenes at the airport.\""
        => "There have been chaotic scenes at the airport.", "direct", "Carrie Lam", "quote/previous-paragraph";
    attributes_pronoun_to_last_person:
        "Jane Smith, the mayor, spoke on Monday.\n\n\"The budget is balanced,\" she said."
        => "The budget is balanced,", "direct", "Jane Smith", "quote/after/speaker-cue";
    attributes_partial_quote_in_claim:
        "In his call with Lavrov, John Kerry warned that Russian support for Assad \u{201C}risks exacerbating and extending the conflict\u{201D}."
        => "risks exacerbating and extending the conflict", "partial", "John Kerry", "quote/in-claim";
    attributes_titled_name_without_title:
        "White House spokesman Josh Earnest said Obama and Putin might meet in New York."
        => "Obama and Putin might meet in New York", "indirect", "Josh Earnest", "claim/cue-clause";
    attributes_claim_after_that:
        "US Secretary of State John Kerry said Wednesday that Russia has proposed holding talks on Syria."
        => "Russia has proposed holding talks on Syria", "indirect", "John Kerry", "claim/cue-clause";
    attributes_trailing_claim_to_group:
        "Russia has deployed about 200 naval infantry soldiers to the airfield, US officials said."
        => "Russia has deployed about 200 naval infantry soldiers to the airfield", "indirect", "US officials", "claim/trailing";
    attributes_according_to:
        "More than 1000 people have been arrested since the protests began in June, according to The Guardian."
        => "More than 1000 people have been arrested since the protests began in June", "indirect", "The Guardian", "claim/according-to";
    attributes_participle_to_person:
        "This was echoed by Ilya Rogachev, director of the ministry's department, saying Moscow would consider airstrikes in Iraq."
        => "Moscow would consider airstrikes in Iraq", "indirect", "Ilya Rogachev", "claim/participle";
    attributes_appositive_name:
        "The Senate Minority Leader, Chuck Schumer, said on Friday that the talks had failed completely."
        => "the talks had failed completely", "indirect", "Chuck Schumer", "claim/cue-clause";
    attributes_person_of_place:
        "Republican committee member Doug Collins of Georgia said the inquiry was not formal at all."
        => "the inquiry was not formal at all", "indirect", "Doug Collins", "claim/cue-clause";
    attributes_name_in_apposition_after_a_quote:
        "\"He told me no twice,\" the witness, Paul Grant, said."
        => "He told me no twice,", "direct", "Paul Grant", "quote/after/speaker-cue";
    attributes_subject_across_a_relative_clause:
        "A source present during the talks, who spoke on condition of anonymity, said a deal was close."
        => "a deal was close", "indirect", "source", "claim/cue-clause";
    attributes_source_with_how_it_knows:
        "A source familiar with the talks, who spoke on condition of anonymity, said a deal was close."
        => "a deal was close", "indirect", "source familiar with the talks", "claim/cue-clause";
    attributes_colon_name:
        "Karen Hill spoke first.\n\nHill: \"We will not give up.\""
        => "We will not give up.", "direct", "Karen Hill", "quote/colon-name";
    attributes_dash_byline:
        "\"This is a dark day for the city\" \u{2014} Councillor Tom Brown"
        => "This is a dark day for the city", "direct", "Tom Brown", "quote/dash-byline";
    attributes_claim_after_a_leading_adverbial:
        "In a statement, the company said it would appeal the decision."
        => "it would appeal the decision", "indirect", "company", "claim/cue-clause";
    attributes_role_before_name_and_comma:
        "The company's chief executive, Jane Doe, said profits would fall this year."
        => "profits would fall this year", "indirect", "Jane Doe", "claim/cue-clause";
    attributes_headline_colon:
        "Kerry: US looks at Russian offer of military talks on Syria\n\nJohn Kerry spoke on Tuesday."
        => "US looks at Russian offer of military talks on Syria", "indirect", "John Kerry", "claim/headline-colon";
}

#[test]
fn outlet_reporting_a_fragment_goes_to_via() {
    let rows = extract("Barack Obama said he was \"willing to work with Putin, but only if Assad goes,\" CNN reported.");
    let partial = rows.iter().find(|r| r.kind.as_str() == "partial").expect("partial");
    assert_eq!(partial.speaker_name, "Barack Obama");
    assert_eq!(partial.via, "CNN");
}

#[test]
fn dont_attribute_scare_quotes_without_a_speaker() {
    let rows = extract(
        "But thus far officials have issued \u{201C}stern\u{201D} warnings.",
    );
    let q = rows.iter().find(|r| r.quote == "stern").expect("row kept");
    assert_eq!(q.speaker, "");
    assert_eq!(q.rule, "quote/unattributed");
}

#[test]
fn dont_claim_negated_or_passive_reports() {
    for text in [
        "Kerry did not indicate whether the talks covered the fight against Islamic State.",
        "The US is said to be reducing intelligence coordination with Iraq.",
        "Did the minister say that the talks would resume next week?",
        "Russia promises retaliation for US sanctions over Ukraine",
        "The law says nothing about drones.",
        "The professor suggested reading the report first.",
        "If the minister said that the talks had failed, markets would fall.",
        "The company added 200 jobs last month.",
        "He wrote a book about the war in 2010.",
        "She told a story about her childhood in Ohio.",
        "The agency reported a loss of $3 million for the quarter.",
    ] {
        let rows = extract(text);
        assert!(
            rows.iter().all(|r| r.kind.as_str() != "indirect" || r.speaker.is_empty()),
            "{text:?}: {rows:#?}"
        );
        assert!(rows.iter().all(|r| r.kind.as_str() != "indirect"), "{text:?}: {rows:#?}");
    }
}

#[test]
fn dont_claim_what_describes_an_inverted_speaker() {
    let rows = extract("\"We will appeal the ruling,\" said John Smith, a spokesman for the company.");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].speaker_name, "John Smith");
}

#[test]
fn dont_claim_a_direct_quote_lead_in() {
    let rows = extract("Doug Collins said on Twitter, \"Until the full House votes, nobody is conducting a formal inquiry.\"");
    assert!(rows.iter().all(|r| r.kind.as_str() != "indirect"), "{rows:#?}");
    assert_eq!(rows[0].speaker_name, "Doug Collins");
}

#[test]
fn offsets_slice_the_original_text() {
    let text = "Putin\\'s aides said: &quot;We are ready &amp; willing,&quot; Moscow\u{2019}s envoy Ivan Petrov told reporters.";
    let rows = extract(text);
    assert!(!rows.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for r in &rows {
        let slice: String = chars[r.quote_start..r.quote_end].iter().collect();
        assert_eq!(whosaid::normalize::display_text(&slice), r.quote);
    }
}

#[test]
fn dont_take_a_noun_that_is_a_cue_form_for_a_cue() {
    let rows = extract(
        "While the US officials' report suggested that Russia's bombing \
         would involve the warplanes already deployed, other reports \
         suggest Russia has relocated a number of its bombers.",
    );
    let claims: Vec<&Row> =
        rows.iter().filter(|r| r.kind.as_str() == "indirect").collect();
    assert_eq!(claims.len(), 2, "{rows:#?}");
    assert!(claims.iter().all(|r| !r.speaker.is_empty()), "{rows:#?}");
}
