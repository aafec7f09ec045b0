//! Using whosaid as a library: build an extractor with a gazetteer of
//! your own, extract the rows of an article, write them as CSV.
//!
//! ```sh
//! cargo run --example library
//! ```

use std::io::{self, Write};

use whosaid::{Extractor, Format, Kind, Selection, TableWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The shipped data, plus one person the shipped gazetteer does not
    // know (same columns as data/people.tsv), and every rule but the
    // claim rules.
    let people =
        "id\tname\ttype\taliases\tshort_forms\tgender\troles\twikidata\n\
                  my:1\tZorva Quellin\tperson\t\tQuellin\tf\tlawyer\t\n";
    let extractor = Extractor::builder()
        .gazetteer_str("my_people.tsv", people)
        .rules(Selection::parse(None, Some("claim/*"))?)
        .build()?;

    let article =
        "\"We will appeal,\" Zorva Quellin told reporters on Monday.\n\n\
                   \"The ruling ignores the evidence,\" Quellin said.";
    let rows = extractor.extract("article-1", article);
    for row in &rows {
        assert_ne!(row.kind, Kind::Indirect);
        eprintln!("{} said {:?} ({})", row.speaker_name, row.quote, row.rule);
    }

    let mut table = TableWriter::new(Format::Csv, io::stdout().lock())?;
    for row in &rows {
        table.write(row)?;
    }
    table.finish()?.flush()?;
    Ok(())
}
