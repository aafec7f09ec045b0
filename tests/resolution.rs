//! Who "he" and "she" are: the resolve stage on sentences written for
//! the test in the manner of news prose, positive and negative.

use whosaid::{Extractor, Row};

fn extract(text: &str) -> Vec<Row> {
    Extractor::shipped(&[]).expect("shipped data").extract("t", text)
}

fn speaker_of(rows: &[Row], quote: &str) -> String {
    rows.iter()
        .find(|r| r.quote == quote)
        .unwrap_or_else(|| panic!("no row {quote:?}; rows: {rows:#?}"))
        .speaker_name
        .clone()
}

#[test]
fn a_lone_surname_with_a_role_in_apposition_is_a_pronoun_antecedent() {
    let rows = extract(
        "Smith, the club's captain, scored twice. \"It was a team effort,\" he said.",
    );
    assert_eq!(speaker_of(&rows, "It was a team effort,"), "Smith");
    // Without a role, a lone capitalised word of unknown type is not
    // taken for a person: "Arsenal scored twice" has no "he".
    let rows = extract("Arsenal scored twice. \"It was a team effort,\" he said.");
    assert_ne!(speaker_of(&rows, "It was a team effort,"), "Arsenal");
}
