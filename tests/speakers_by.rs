//! `whosaid speakers --by outlet|month|week`: one block of speakers per
//! group of articles, the group named in a first column.

use std::io::Write;
use std::process::{Command, Stdio};

const RECORDS: &str = concat!(
    r#"{"id":"a","outlet":"Daily Post","date":"2024-03-01","text":"\"We will win,\" Anna Reyes said."}"#, "\n",
    r#"{"id":"b","source":"Evening Star","date":"2024-03-20","text":"\"We will win,\" Anna Reyes said. \"Not this year,\" said Tom Hill."}"#, "\n",
    r#"{"id":"c","outlet":"Daily Post","date":"2024-04-02","text":"\"It is over,\" Tom Hill said."}"#, "\n",
    r#"{"id":"d","text":"\"Later,\" Tom Hill said."}"#, "\n",
);

fn speakers(args: &[&str]) -> Vec<Vec<String>> {
    speakers_of(RECORDS, args)
}

fn speakers_of(records: &str, args: &[&str]) -> Vec<Vec<String>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("speakers")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    child.stdin.take().unwrap().write_all(records.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&out.stdout[..]);
    r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect()
}

fn pick(table: &[Vec<String>], group: &str, name: &str) -> Vec<String> {
    table
        .iter()
        .find(|r| r[0] == group && r[1] == name)
        .unwrap_or_else(|| panic!("no {name} in {group:?}: {table:?}"))
        .clone()
}

#[test]
fn by_outlet_counts_each_outlet_apart_and_falls_back_to_source() {
    let t = speakers(&["--by", "outlet"]);
    assert_eq!(t[0][..2], ["outlet".to_string(), "name".to_string()]);
    assert_eq!(pick(&t, "Daily Post", "Anna Reyes")[5], "1");
    assert_eq!(pick(&t, "Daily Post", "Tom Hill")[5], "1");
    assert_eq!(pick(&t, "Evening Star", "Tom Hill")[5], "1");
    // A record with neither field is in the group with no name.
    assert_eq!(pick(&t, "", "Tom Hill")[5], "1");
}

#[test]
fn by_month_and_week_read_the_date() {
    let t = speakers(&["--by", "month"]);
    assert_eq!(t[0][0], "month");
    assert_eq!(pick(&t, "2024-03", "Anna Reyes")[5], "2");
    assert_eq!(pick(&t, "2024-04", "Tom Hill")[5], "1");
    let t = speakers(&["--by", "week"]);
    assert_eq!(pick(&t, "2024-W09", "Anna Reyes")[5], "1");
    assert_eq!(pick(&t, "2024-W12", "Anna Reyes")[5], "1");
}

#[test]
fn without_by_the_table_has_no_group_column() {
    let t = speakers(&[]);
    assert_eq!(t[0][0], "name");
    let hill: Vec<&Vec<String>> = t.iter().filter(|r| r[0] == "Tom Hill").collect();
    assert_eq!(hill.len(), 1);
    assert_eq!(hill[0][4], "3");
}

fn cell<'a>(table: &'a [Vec<String>], row: &'a [String], name: &str) -> &'a str {
    let at = table[0].iter().position(|c| c == name).expect(name);
    &row[at]
}

#[test]
fn gender_comes_from_the_first_name_table_and_shares_add_up_per_group() {
    let t = speakers(&["--by", "outlet"]);
    let anna = pick(&t, "Daily Post", "Anna Reyes");
    let tom = pick(&t, "Daily Post", "Tom Hill");
    assert_eq!(cell(&t, &anna, "gender"), "female");
    assert_eq!(cell(&t, &tom, "gender"), "male");
    assert_eq!(cell(&t, &anna, "share"), "0.500");
    let evening = pick(&t, "Evening Star", "Tom Hill");
    assert_eq!(cell(&t, &evening, "share"), "0.500");
    let t = speakers(&["--by", "outlet", "--shares"]);
    assert_eq!(
        t[0],
        ["outlet", "gender", "speakers", "quotes", "claims", "speaker_share", "row_share"]
    );
    let post: Vec<&Vec<String>> = t.iter().filter(|r| r[0] == "Daily Post").collect();
    assert_eq!(post.len(), 2);
    assert_eq!(post[0][1..], ["female", "1", "1", "0", "0.500", "0.500"]);
    assert_eq!(post[1][1..], ["male", "1", "1", "0", "0.500", "0.500"]);
}

#[test]
fn gender_is_unknown_below_the_threshold_and_never_for_a_single_name() {
    // "Robin": 87% of bearers are women in the census table, under the
    // 90% it takes; "Hill" alone could be anyone.
    let records = concat!(
        r#"{"id":"a","text":"\"The road stays shut,\" Robin Hale said. \"We agree,\" said Anna Reyes. \"No,\" Hill said."}"#,
        "\n",
    );
    let t = speakers_of(records, &[]);
    let find = |name: &str| {
        t.iter().find(|r| r[0] == name).unwrap_or_else(|| panic!("{name}: {t:?}")).clone()
    };
    assert_eq!(cell(&t, &find("Robin Hale"), "gender"), "unknown");
    assert_eq!(cell(&t, &find("Anna Reyes"), "gender"), "female");
    let shares = speakers_of(records, &["--shares"]);
    let unknown = shares.iter().find(|r| r[0] == "unknown").expect("an unknown row");
    assert_eq!(unknown[1], "2", "{shares:?}");
}
