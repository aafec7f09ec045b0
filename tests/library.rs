//! The library API: the builder, its typed error, the typed row.

use whosaid::{Error, Extractor, Kind, SpeakerType};

const HEADER: &str =
    "id\tname\ttype\taliases\tshort_forms\tgender\troles\twikidata\n";

fn quellin() -> String {
    format!("{HEADER}my:1\tZorva Quellin\tperson\t\tQuellin\tf\t\t\n")
}

#[test]
fn a_gazetteer_from_a_reader_names_the_speaker() -> Result<(), Error> {
    let text = quellin();
    let x = Extractor::builder()
        .gazetteer_reader("mine.tsv", text.as_bytes())
        .build()?;
    let rows = x.extract("d", "\"We will appeal,\" Zorva Quellin said.");
    assert_eq!(rows[0].speaker_id, "my:1");
    assert_eq!(rows[0].kind, Kind::Direct);
    assert_eq!(rows[0].speaker_type, Some(SpeakerType::Person));
    assert!((0.0..=1.0).contains(&rows[0].confidence));
    Ok(())
}

#[test]
fn bad_lines_come_back_with_file_and_line() {
    let bad = format!("{HEADER}my:1\tonly three\tcells\n");
    let err = Extractor::builder()
        .gazetteer_str("bad.tsv", bad)
        .build()
        .err()
        .expect("a bad line");
    let Error::Data(lines) = &err else { panic!("{err:?}") };
    assert_eq!((lines[0].file.as_str(), lines[0].line), ("bad.tsv", 2));
    assert!(err.to_string().contains("bad.tsv:2:"), "{err}");
    let dynamic: &dyn std::error::Error = &err;
    assert!(dynamic.source().is_none());
}

#[test]
fn a_missing_path_is_an_io_error_naming_it() {
    let err = Extractor::builder()
        .gazetteer_path("no/such/gazetteer.tsv")
        .build()
        .err()
        .expect("no such file");
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert_eq!(err.to_string(), "cannot read gazetteer no/such/gazetteer.tsv");
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn without_the_shipped_gazetteers_only_the_callers_name_entities() {
    let text = "\"We are ready,\" Angela Merkel told reporters.";
    let shipped = Extractor::builder().build().unwrap();
    let bare = Extractor::builder().shipped_gazetteers(false).build().unwrap();
    assert!(!shipped.extract("d", text)[0].speaker_id.is_empty());
    assert!(bare.extract("d", text)[0].speaker_id.is_empty());
}

#[test]
fn the_rule_selection_is_a_builder_option() {
    let text = "The minister said the plan would fail.";
    let all = Extractor::builder().build().unwrap();
    let selection = whosaid::Selection::parse(None, Some("claim/*")).unwrap();
    let some = Extractor::builder().rules(selection).build().unwrap();
    assert!(all.extract("d", text).iter().any(|r| r.kind == Kind::Indirect));
    assert!(some.extract("d", text).is_empty());
}
