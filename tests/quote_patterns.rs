//! Quote attribution, one invented news sentence per construction of
//! English news prose: the speaker before or after the quote, inversion,
//! premodified and appositive names, titles with a surname, pronouns and
//! role nouns across sentences and paragraphs, interrupted and continued
//! quotes, "asked whether", interviews, organisations and US political
//! style ("Sen. Jane Roe (R-Ohio)", "said Tuesday"); and quotes that are
//! not speech (scare quotes, titles of works, names of things). Every
//! sentence is invented; none comes from the evaluation sets.

use whosaid::{Extractor, Row};

fn extract(text: &str) -> Vec<Row> {
    thread_local! {
        static EX: Extractor = Extractor::shipped(&[]).expect("shipped data");
    }
    EX.with(|ex| ex.extract("t", text))
}

/// The row of `quote` has this speaker name and, unless `rule` is empty,
/// this rule.
fn expect(text: &str, quote: &str, speaker: &str, rule: &str) {
    let rows = extract(text);
    let row = rows.iter().find(|r| r.quote == quote).unwrap_or_else(|| {
        panic!("no row {quote:?} in {text:?}; rows: {rows:#?}")
    });
    assert_eq!(row.speaker_name, speaker, "text: {text:?}; row: {row:#?}");
    if !rule.is_empty() {
        assert_eq!(row.rule, rule, "text: {text:?}; row: {row:#?}");
    }
}

/// No row of `quote` names a speaker: it is not speech.
fn expect_no_speaker(text: &str, quote: &str) {
    let rows = extract(text);
    for r in rows.iter().filter(|r| r.quote == quote) {
        assert_eq!(r.speaker, "", "text: {text:?}; row: {r:#?}");
    }
}

macro_rules! speakers {
    ($($name:ident: $text:expr => $quote:expr, $speaker:expr, $rule:expr;)*) => {
        $(#[test] fn $name() { expect($text, $quote, $speaker, $rule); })*
    };
}

macro_rules! not_speech {
    ($($name:ident: $text:expr => $quote:expr;)*) => {
        $(#[test] fn $name() { expect_no_speaker($text, $quote); })*
    };
}

speakers! {
    before_comma:
        "Jane Roe said, \"We will rebuild the bridge.\""
        => "We will rebuild the bridge.", "Jane Roe", "quote/before";
    before_colon:
        "Jane Roe said: \"We will rebuild the bridge.\""
        => "We will rebuild the bridge.", "Jane Roe", "quote/before";
    before_colon_surname:
        "Jane Roe chairs the council.\n\nRoe said: \"We will rebuild the bridge.\""
        => "We will rebuild the bridge.", "Jane Roe", "quote/before";
    before_premodified:
        "County fire chief Jane Roe said: \"The fire is contained.\""
        => "The fire is contained.", "Jane Roe", "quote/before";
    before_appositive:
        "Jane Roe, the chief executive of Acme, said: \"Sales fell sharply.\""
        => "Sales fell sharply.", "Jane Roe", "quote/before";
    before_told:
        "Jane Roe told reporters: \"Sales fell sharply.\""
        => "Sales fell sharply.", "Jane Roe", "quote/before";
    after_speaker_cue:
        "\"We will rebuild the bridge,\" Jane Roe said."
        => "We will rebuild the bridge,", "Jane Roe", "quote/after/speaker-cue";
    after_speaker_cue_time:
        "\"We will rebuild the bridge,\" Jane Roe said on Monday."
        => "We will rebuild the bridge,", "Jane Roe", "quote/after/speaker-cue";
    after_speaker_cue_adverb:
        "\"We will rebuild the bridge,\" Jane Roe said proudly."
        => "We will rebuild the bridge,", "Jane Roe", "quote/after/speaker-cue";
    after_told:
        "\"We will rebuild the bridge,\" Roe told reporters on Monday."
        => "We will rebuild the bridge,", "Roe", "quote/after/speaker-cue";
    after_inversion:
        "\"We will rebuild the bridge,\" said Jane Roe."
        => "We will rebuild the bridge,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_time:
        "\"We will rebuild the bridge,\" said Jane Roe on Monday."
        => "We will rebuild the bridge,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_premod:
        "\"The fire is contained,\" said county fire chief Jane Roe."
        => "The fire is contained,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_participle_premod:
        "\"The fire is contained,\" said retired county fire chief Jane Roe."
        => "The fire is contained,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_org_premod:
        "\"Sales fell sharply,\" said Acme Corp. chief executive Jane Roe."
        => "Sales fell sharply,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_possessive_premod:
        "\"Sales fell sharply,\" said Acme's chief executive Jane Roe."
        => "Sales fell sharply,", "Jane Roe", "quote/after/cue-speaker";
    after_speaker_premod:
        "\"The fire is contained,\" county fire chief Jane Roe said."
        => "The fire is contained,", "Jane Roe", "quote/after/speaker-cue";
    after_speaker_participle_premod:
        "\"The fire is contained,\" retired fire chief Jane Roe said."
        => "The fire is contained,", "Jane Roe", "quote/after/speaker-cue";
    after_inversion_appositive:
        "\"Sales fell sharply,\" said Jane Roe, the chief executive of Acme."
        => "Sales fell sharply,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_age:
        "\"The water rose fast,\" said Jane Roe, 54, a retired teacher."
        => "The water rose fast,", "Jane Roe", "quote/after/cue-speaker";
    after_inversion_relative:
        "\"The water rose fast,\" said Jane Roe, who lives near the river."
        => "The water rose fast,", "Jane Roe", "quote/after/cue-speaker";
    after_speaker_appositive:
        "\"Sales fell sharply,\" Jane Roe, the company's chief executive, said."
        => "Sales fell sharply,", "Jane Roe", "quote/after/speaker-cue";
    after_description_then_name:
        "\"Sales fell sharply,\" the company's chief executive, Jane Roe, said."
        => "Sales fell sharply,", "Jane Roe", "quote/after/speaker-cue";
    after_inversion_description_then_name:
        "\"Sales fell sharply,\" said the company's chief executive, Jane Roe."
        => "Sales fell sharply,", "Jane Roe", "quote/after/cue-speaker";
    after_age_speaker_cue:
        "\"The water rose fast,\" Roe, 54, said."
        => "The water rose fast,", "Roe", "quote/after/speaker-cue";
    after_said_of:
        "Jane Roe lived next door for years.\n\n\"He was a kind man,\" Roe said of her neighbour."
        => "He was a kind man,", "Jane Roe", "quote/after/speaker-cue";
    after_wrote:
        "\"The law is unclear,\" Judge Jane Roe wrote in her opinion."
        => "The law is unclear,", "Jane Roe", "quote/after/speaker-cue";
    after_asked_inversion:
        "\"Why now?\" asked Tom Baker, a local resident."
        => "Why now?", "Tom Baker", "quote/after/cue-speaker";
    after_according_to:
        "\"The dam is safe,\" according to Jane Roe, the state engineer."
        => "The dam is safe,", "Jane Roe", "";
    title_ms_surname:
        "Jane Roe runs the shelter.\n\n\"We are full every night,\" said Ms. Roe."
        => "We are full every night,", "Jane Roe", "quote/after/cue-speaker";
    title_dr_surname_before:
        "Dr. Roe said: \"The vaccine is safe.\""
        => "The vaccine is safe.", "Roe", "quote/before";
    title_mr_surname_after:
        "\"The vaccine is safe,\" Mr. Baker said."
        => "The vaccine is safe,", "Baker", "quote/after/speaker-cue";
    pronoun_same_sentence_before:
        "Jane Roe spoke on Monday. \"We are ready,\" she said."
        => "We are ready,", "Jane Roe", "quote/after/speaker-cue";
    pronoun_across_paragraph:
        "Mayor Jane Roe opened the meeting on Monday.\n\n\"The budget is balanced,\" she said."
        => "The budget is balanced,", "Jane Roe", "quote/after/speaker-cue";
    pronoun_across_paragraph_gender:
        "Tom Baker met Jane Roe on Monday to discuss the budget.\n\n\"We agreed on nothing,\" she said."
        => "We agreed on nothing,", "Jane Roe", "quote/after/speaker-cue";
    pronoun_surname_antecedent:
        "Jane Roe chairs the council.\n\nRoe praised the staff on Monday.\n\n\"They worked hard,\" she said."
        => "They worked hard,", "Jane Roe", "quote/after/speaker-cue";
    pronoun_added:
        "Jane Roe chairs the council. \"We need more money,\" she added."
        => "We need more money,", "Jane Roe", "quote/after/speaker-cue";
    pronoun_before_colon:
        "Jane Roe chairs the council.\n\nShe said: \"We need more money.\""
        => "We need more money.", "Jane Roe", "quote/before";
    role_spokeswoman_added:
        "Jane Roe, a spokeswoman for the council, confirmed the closure. \"Drivers should plan ahead,\" the spokeswoman added."
        => "Drivers should plan ahead,", "Jane Roe", "quote/after/speaker-cue";
    role_mayor_after:
        "Mayor Jane Roe opened the meeting.\n\n\"The budget is balanced,\" the mayor said."
        => "The budget is balanced,", "Jane Roe", "quote/after/speaker-cue";
    role_unnamed_spokesman:
        "\"We are investigating,\" a police spokesman said."
        => "We are investigating,", "police spokesman", "quote/after/speaker-cue";
    org_ministry_statement:
        "\"The vaccine is safe,\" the health ministry said in a statement."
        => "The vaccine is safe,", "health ministry", "quote/after/speaker-cue";
    org_named_company:
        "\"We will appeal the ruling,\" Acme Corp. said in a statement."
        => "We will appeal the ruling,", "Acme Corp", "quote/after/speaker-cue";
    group_speakers:
        "\"We are exhausted,\" the firefighters said."
        => "We are exhausted,", "firefighters", "quote/after/speaker-cue";
    interrupted_name:
        "\"We are ready,\" Jane Roe said, \"and we will win.\""
        => "and we will win.", "Jane Roe", "quote/interrupted";
    interrupted_pronoun:
        "Jane Roe chairs the council. \"We are ready,\" she said, \"and we will win.\""
        => "and we will win.", "Jane Roe", "quote/interrupted";
    same_paragraph_second_quote:
        "\"We are ready,\" Jane Roe said. \"We have trained for months.\""
        => "We have trained for months.", "Jane Roe", "";
    continued_open_paragraph:
        "Jane Roe said: \"The bridge will close for a month. Drivers should plan ahead.\n\n\"We will run a ferry in the meantime.\""
        => "We will run a ferry in the meantime.", "Jane Roe", "";
    continued_open_paragraph_after:
        "\"The bridge will close for a month,\" Jane Roe said. \"Drivers should plan ahead.\n\n\"We will run a ferry in the meantime.\""
        => "We will run a ferry in the meantime.", "Jane Roe", "";
    previous_sentence_speech_verb:
        "Jane Roe told reporters the plant would stay open. \"We have no plans to close it.\""
        => "We have no plans to close it.", "Jane Roe", "";
    asked_whether_colon:
        "Jane Roe runs the plant.\n\nAsked whether the plant would close, Roe said: \"Not this year.\""
        => "Not this year.", "Jane Roe", "quote/before";
    asked_whether_comma:
        "Asked whether the plant would close, Jane Roe said, \"Not this year.\""
        => "Not this year.", "Jane Roe", "quote/before";
    asked_whether_after:
        "\"Not this year,\" Jane Roe said when asked whether the plant would close."
        => "Not this year,", "Jane Roe", "quote/after/speaker-cue";
    interview_question:
        "\"Will the plant close?\" asked reporter Tom Baker.\n\n\"No, it will stay open,\" replied Jane Roe."
        => "Will the plant close?", "Tom Baker", "quote/after/cue-speaker";
    interview_answer:
        "\"Will the plant close?\" asked reporter Tom Baker.\n\n\"No, it will stay open,\" replied Jane Roe."
        => "No, it will stay open,", "Jane Roe", "quote/after/cue-speaker";
    interview_alternating_surnames:
        "Tom Baker interviewed Jane Roe.\n\n\"When will it open?\" Baker asked.\n\n\"Next year,\" Roe said."
        => "Next year,", "Jane Roe", "quote/after/speaker-cue";
    nested_outer:
        "\"He told me, 'Leave now,' and I left,\" said Jane Roe."
        => "He told me, 'Leave now,' and I left,", "Jane Roe", "quote/after/cue-speaker";
    us_said_weekday:
        "\"We will not back down,\" Roe said Tuesday."
        => "We will not back down,", "Roe", "quote/after/speaker-cue";
    us_said_weekday_statement:
        "\"We will not back down,\" Jane Roe said Tuesday in a statement."
        => "We will not back down,", "Jane Roe", "quote/after/speaker-cue";
    us_sen_party_parens:
        "\"The bill is dead,\" Sen. Jane Roe (R-Ohio) said."
        => "The bill is dead,", "Jane Roe", "quote/after/speaker-cue";
    us_sen_party_commas:
        "\"The bill is dead,\" Sen. Jane Roe, R-Ohio, said."
        => "The bill is dead,", "Jane Roe", "quote/after/speaker-cue";
    us_said_sen_party:
        "\"The bill is dead,\" said Sen. Jane Roe, D-Ohio."
        => "The bill is dead,", "Jane Roe", "quote/after/cue-speaker";
    us_said_rep_parens:
        "\"The bill is dead,\" said Rep. Tom Baker (D-Calif.)."
        => "The bill is dead,", "Tom Baker", "quote/after/cue-speaker";
    us_leader_title:
        "\"The bill is dead,\" Senate Majority Leader Tom Baker said."
        => "The bill is dead,", "Tom Baker", "quote/after/speaker-cue";
    us_press_secretary_told:
        "\"The president is confident,\" White House press secretary Jane Roe told reporters."
        => "The president is confident,", "Jane Roe", "quote/after/speaker-cue";
    us_tweeted:
        "\"The election was fair,\" Roe tweeted."
        => "The election was fair,", "Roe", "quote/after/speaker-cue";
    us_wrote_on_twitter:
        "\"The election was fair,\" Jane Roe wrote on Twitter."
        => "The election was fair,", "Jane Roe", "quote/after/speaker-cue";
    us_said_a_democrat:
        "\"The election was fair,\" said Roe, a Democrat."
        => "The election was fair,", "Roe", "quote/after/cue-speaker";
    us_republican_from:
        "\"The election was fair,\" Roe, a Republican from Ohio, said in a statement."
        => "The election was fair,", "Roe", "quote/after/speaker-cue";
    us_news_conference:
        "\"We have the votes,\" Jane Roe said at a news conference."
        => "We have the votes,", "Jane Roe", "quote/after/speaker-cue";
    us_told_outlet_reporter:
        "\"We have the votes,\" Jane Roe told CNN's Tom Baker."
        => "We have the votes,", "Jane Roe", "quote/after/speaker-cue";
    us_told_object_person:
        "Jane Roe met Tom Baker on Monday. \"We have the votes,\" Roe told Baker."
        => "We have the votes,", "Jane Roe", "quote/after/speaker-cue";
    us_present_says:
        "\"We have the votes,\" Roe says."
        => "We have the votes,", "Roe", "quote/after/speaker-cue";
    us_present_says_inversion:
        "\"We have the votes,\" says Jane Roe, a farmer in Iowa."
        => "We have the votes,", "Jane Roe", "quote/after/cue-speaker";
    us_explains_inversion:
        "\"The soil is dry,\" explains Jane Roe, a farmer."
        => "The soil is dry,", "Jane Roe", "quote/after/cue-speaker";
    us_org_white_house:
        "\"The report is false,\" the White House said."
        => "The report is false,", "White House", "quote/after/speaker-cue";
    us_quoted_as_saying:
        "\"We regret the error,\" Roe was quoted as saying."
        => "We regret the error,", "Roe", "";
    us_said_according_to_outlet:
        "\"We regret the error,\" Jane Roe said, according to the Daily Bugle."
        => "We regret the error,", "Jane Roe", "";
    us_spokeswoman_named:
        "Roe's spokeswoman, Ann Lee, said: \"The senator is resting.\""
        => "The senator is resting.", "Ann Lee", "quote/before";
    us_in_statement_before:
        "In a statement, Jane Roe said: \"We regret the error.\""
        => "We regret the error.", "Jane Roe", "quote/before";
    us_voice_breaking:
        "\"We have nothing left,\" Jane Roe said, her voice breaking."
        => "We have nothing left,", "Jane Roe", "quote/after/speaker-cue";
    us_pronoun_after_claim_paragraph:
        "Jane Roe said the plan was flawed.\n\n\"It will never work,\" she said."
        => "It will never work,", "Jane Roe", "quote/after/speaker-cue";
    us_pronoun_object_intervenes:
        "Jane Roe thanked Tom Baker for his help.\n\n\"He saved my life,\" she said."
        => "He saved my life,", "Jane Roe", "quote/after/speaker-cue";
    us_he_two_men_subject:
        "Tom Baker praised Carl Dunn on Monday. \"He saved the company,\" Baker said."
        => "He saved the company,", "Tom Baker", "quote/after/speaker-cue";
    us_governor_title:
        "\"Schools will reopen,\" Gov. Jane Roe said."
        => "Schools will reopen,", "Jane Roe", "quote/after/speaker-cue";
    us_said_lowercase_role_name:
        "\"Schools will reopen,\" said state schools superintendent Jane Roe."
        => "Schools will reopen,", "Jane Roe", "quote/after/cue-speaker";
    us_former_premod:
        "\"Schools will reopen,\" said former Gov. Jane Roe."
        => "Schools will reopen,", "Jane Roe", "quote/after/cue-speaker";
    us_acting_premod:
        "\"Schools will reopen,\" acting Gov. Jane Roe said."
        => "Schools will reopen,", "Jane Roe", "quote/after/speaker-cue";
    us_longtime_premod:
        "\"Schools will reopen,\" said longtime Democratic strategist Jane Roe."
        => "Schools will reopen,", "Jane Roe", "quote/after/cue-speaker";
    us_then_adding_colon:
        "\"Schools will reopen,\" Jane Roe said, adding: \"Teachers will be paid.\""
        => "Teachers will be paid.", "Jane Roe", "";
    us_quote_after_claim_same_sentence:
        "Jane Roe said the schools would reopen. \"Teachers will be paid,\" she said."
        => "Teachers will be paid,", "Jane Roe", "quote/after/speaker-cue";
    b3_second_sentence_after_frame:
        "\"We are ready,\" Jane Roe said in an interview. \"We have trained for months.\""
        => "We have trained for months.", "Jane Roe", "";
    b3_said_surname_age:
        "Jane Roe fled the fire.\n\n\"I lost everything,\" said Roe, 54."
        => "I lost everything,", "Jane Roe", "quote/after/cue-speaker";
    b3_she_added_colon:
        "\"We are ready,\" Jane Roe said. She added: \"We need more trucks.\""
        => "We need more trucks.", "Jane Roe", "";
    b3_dr_full_appositive_at:
        "\"The virus is spreading,\" said Dr. Jane Roe, an epidemiologist at the state university."
        => "The virus is spreading,", "Jane Roe", "quote/after/cue-speaker";
    b3_executive_director_of:
        "\"Farmers are worried,\" said Jane Roe, executive director of the Ohio Farm Bureau."
        => "Farmers are worried,", "Jane Roe", "quote/after/cue-speaker";
    b3_participle_adjunct:
        "\"Justice was done,\" Jane Roe said, standing outside the courthouse."
        => "Justice was done,", "Jane Roe", "quote/after/speaker-cue";
    b3_told_by_phone:
        "Jane Roe runs the clinic.\n\n\"We are out of beds,\" she told the Daily Bugle by phone."
        => "We are out of beds,", "Jane Roe", "quote/after/speaker-cue";
    b3_said_tuesday_adding:
        "\"We are out of beds,\" Roe said Tuesday, adding that more nurses were coming."
        => "We are out of beds,", "Roe", "quote/after/speaker-cue";
    b3_but_before_colon:
        "Jane Roe backed the plan.\n\nBut Roe said: \"It is not enough.\""
        => "It is not enough.", "Jane Roe", "quote/before";
    b3_still_comma:
        "Still, Jane Roe said, \"It is not enough.\""
        => "It is not enough.", "Jane Roe", "";
    b3_added_later:
        "\"It is not enough,\" Roe added later."
        => "It is not enough,", "Roe", "quote/after/speaker-cue";
    b3_floor_remarks:
        "\"It is not enough,\" Jane Roe said in remarks on the Senate floor."
        => "It is not enough,", "Jane Roe", "quote/after/speaker-cue";
    b3_question_asked:
        "\"Who will pay for it?\" Jane Roe asked."
        => "Who will pay for it?", "Jane Roe", "";
    b3_exclamation_shouted:
        "\"Go home!\" Jane Roe shouted."
        => "Go home!", "Jane Roe", "";
    b3_with_a_laugh:
        "\"I never liked the job,\" Jane Roe said with a laugh."
        => "I never liked the job,", "Jane Roe", "quote/after/speaker-cue";
    b3_warned:
        "\"Prices will rise,\" Jane Roe warned."
        => "Prices will rise,", "Jane Roe", "quote/after/speaker-cue";
    b3_insisted:
        "\"Prices will not rise,\" Jane Roe insisted."
        => "Prices will not rise,", "Jane Roe", "quote/after/speaker-cue";
    b3_recalled:
        "\"The water came at night,\" Jane Roe recalled."
        => "The water came at night,", "Jane Roe", "quote/after/speaker-cue";
    b3_quipped:
        "\"I should have stayed in bed,\" Jane Roe quipped."
        => "I should have stayed in bed,", "Jane Roe", "quote/after/speaker-cue";
    b3_acknowledged:
        "\"We made mistakes,\" Jane Roe acknowledged."
        => "We made mistakes,", "Jane Roe", "quote/after/speaker-cue";
    b3_appositive_told:
        "\"We made mistakes,\" Roe, the chairwoman of the committee, told reporters."
        => "We made mistakes,", "Roe", "quote/after/speaker-cue";
    b3_whose_relative:
        "\"The plant must stay,\" said Jane Roe, whose district includes the plant."
        => "The plant must stay,", "Jane Roe", "quote/after/cue-speaker";
    b3_says_colon:
        "Jane Roe says: \"The plant must stay.\""
        => "The plant must stay.", "Jane Roe", "quote/before";
    b3_put_it_colon:
        "Jane Roe put it bluntly: \"We are broke.\""
        => "We are broke.", "Jane Roe", "";
    b3_message_colon:
        "Jane Roe had a simple message: \"We are broke.\""
        => "We are broke.", "Jane Roe", "";
    b3_in_interview_claim_then_colon:
        "In an interview, Jane Roe said the plant was safe: \"We test it every day.\""
        => "We test it every day.", "Jane Roe", "";
    b3_told_that_partial:
        "Jane Roe told the crowd that the plant was \"perfectly safe\"."
        => "perfectly safe", "Jane Roe", "";
    b3_according_to_comma_quote:
        "According to Jane Roe, \"the plant is safe.\""
        => "the plant is safe.", "Jane Roe", "";
    b3_mr_after_full_name:
        "Tom Baker owns the mill.\n\n\"We will rebuild,\" Mr. Baker said."
        => "We will rebuild,", "Tom Baker", "quote/after/speaker-cue";
    b3_two_quotes_two_speakers:
        "\"We will rebuild,\" Tom Baker said. \"We will not,\" Jane Roe replied."
        => "We will not,", "Jane Roe", "quote/after/speaker-cue";
    b3_told_reporters_inversion:
        "\"We will rebuild,\" Tom Baker told reporters, \"and soon.\""
        => "and soon.", "Tom Baker", "quote/interrupted";
    b3_pronoun_second_paragraph_after_quote:
        "\"We will rebuild,\" Tom Baker said.\n\n\"It will take a year,\" he said."
        => "It will take a year,", "Tom Baker", "quote/after/speaker-cue";
    b3_spokesperson_for_named:
        "\"We are reviewing the ruling,\" said Ann Lee, a spokeswoman for Acme."
        => "We are reviewing the ruling,", "Ann Lee", "quote/after/cue-speaker";
    b3_spokesperson_unnamed_for:
        "\"We are reviewing the ruling,\" a spokeswoman for Acme said."
        => "We are reviewing the ruling,", "spokeswoman for Acme", "";
    b4_same_paragraph_after_pronoun:
        "Jane Roe, the mayor, said the plan would save money.\n\n\"It is the right thing to do,\" she said. \"We cannot wait.\""
        => "We cannot wait.", "Jane Roe", "";
    b4_previous_paragraph_bare:
        "\"We will rebuild,\" Jane Roe said.\n\n\"The town deserves it.\""
        => "The town deserves it.", "Jane Roe", "";
    b4_previous_paragraph_second_speaker:
        "\"We will rebuild,\" Jane Roe said.\n\n\"It will cost too much,\" Tom Baker said.\n\n\"Nobody has asked us.\""
        => "Nobody has asked us.", "Tom Baker", "";
    b4_who_added_colon:
        "\"We will rebuild,\" said Jane Roe, who added: \"The town deserves it.\""
        => "The town deserves it.", "Jane Roe", "";
    b4_partial_in_claim:
        "Jane Roe said she was \"deeply saddened\" by the loss."
        => "deeply saddened", "Jane Roe", "";
    b4_described_as:
        "Jane Roe described the ruling as \"a victory for families\"."
        => "a victory for families", "Jane Roe", "";
    b4_possessor_colon:
        "Jane Roe's reaction was swift: \"This is wrong.\""
        => "This is wrong.", "Jane Roe", "";
    b4_participle_between_before:
        "Jane Roe, speaking to reporters, said: \"We are ready.\""
        => "We are ready.", "Jane Roe", "quote/before";
    b4_relative_between_before:
        "Jane Roe, who has led the union since 2010, said: \"We are ready.\""
        => "We are ready.", "Jane Roe", "quote/before";
    b4_relative_between_after:
        "\"We are ready,\" Jane Roe, who has led the union since 2010, said."
        => "We are ready,", "Jane Roe", "quote/after/speaker-cue";
    b4_says_possessor_appositive:
        "\"We are ready,\" says the union's leader, Jane Roe."
        => "We are ready,", "Jane Roe", "quote/after/cue-speaker";
    b4_ministry_said_in_statement_colon:
        "The ministry said in a statement: \"The vaccine is safe.\""
        => "The vaccine is safe.", "ministry", "quote/before";
    b4_fronted_participle_before:
        "Speaking at a rally on Monday, Jane Roe said: \"We will win.\""
        => "We will win.", "Jane Roe", "quote/before";
    b4_fronted_participle_partial:
        "Speaking at a rally on Monday, Jane Roe said the party \"will win\"."
        => "will win", "Jane Roe", "";
    b4_told_rally_to_cheers:
        "\"We will win,\" Jane Roe told a rally in Ohio, to loud cheers."
        => "We will win,", "Jane Roe", "quote/after/speaker-cue";
    b4_before_leaving:
        "Jane Roe thanked the crowd. \"We will win,\" she said, before leaving the stage."
        => "We will win,", "Jane Roe", "quote/after/speaker-cue";
    b4_asked_replied_colon:
        "Jane Roe chairs the committee.\n\nAsked about the plan, she replied: \"It is dead.\""
        => "It is dead.", "Jane Roe", "quote/before";
    b4_replied_when_asked:
        "Jane Roe chairs the committee.\n\n\"It is dead,\" she replied when asked about the plan."
        => "It is dead,", "Jane Roe", "quote/after/speaker-cue";
    b4_reporter_asked:
        "\"Is it dead?\" a reporter asked. \"Yes,\" Jane Roe said."
        => "Is it dead?", "reporter", "";
    b4_reporter_asked_answer:
        "\"Is it dead?\" a reporter asked. \"Yes,\" Jane Roe said."
        => "Yes,", "Jane Roe", "quote/after/speaker-cue";
    b4_in_her_speech:
        "In her speech, Jane Roe said: \"We will win.\""
        => "We will win.", "Jane Roe", "quote/before";
    b4_curly_after:
        "\u{201c}We will win,\u{201d} Jane Roe said."
        => "We will win,", "Jane Roe", "quote/after/speaker-cue";
    b4_curly_inversion_premod:
        "\u{201c}We will win,\u{201d} said party chairwoman Jane Roe."
        => "We will win,", "Jane Roe", "quote/after/cue-speaker";
    b4_single_quotes:
        "'We will win,' Jane Roe said."
        => "We will win,", "Jane Roe", "quote/after/speaker-cue";
    b4_british_ms_colon_single:
        "Jane Roe runs the shop.\n\nMs Roe said: 'We will win.'"
        => "We will win.", "Jane Roe", "quote/before";
    b4_mrs_age_colon:
        "Mrs Roe, 61, said: \"We will win.\""
        => "We will win.", "Roe", "quote/before";
    b4_curly_apostrophe:
        "\u{201c}We won\u{2019}t stop,\u{201d} Jane Roe said."
        => "We won\u{2019}t stop,", "Jane Roe", "quote/after/speaker-cue";
    b4_quote_with_colon_inside:
        "\"There is one rule: no phones,\" Jane Roe said."
        => "There is one rule: no phones,", "Jane Roe", "quote/after/speaker-cue";
    b4_long_quote_two_sentences_attrib_end:
        "\"We will win. The voters are with us,\" Jane Roe said."
        => "We will win. The voters are with us,", "Jane Roe", "quote/after/speaker-cue";
    b4_dash_attrib:
        "\"We will win\" \u{2014} Jane Roe, party chairwoman"
        => "We will win", "Jane Roe", "";
    b5_comma_outside_after:
        "\"We will win\", Jane Roe said."
        => "We will win", "Jane Roe", "quote/after/speaker-cue";
    b5_comma_outside_inversion:
        "\"We will win\", said Jane Roe."
        => "We will win", "Jane Roe", "quote/after/cue-speaker";
    b5_told_wikinews_comma:
        "Jane Roe told Wikinews, \"We will win.\""
        => "We will win.", "Jane Roe", "quote/before";
    b5_told_wikinews_after:
        "\"We will win\", Jane Roe told Wikinews."
        => "We will win", "Jane Roe", "quote/after/speaker-cue";
    b5_according_to_then_quote:
        "According to Jane Roe, \"We will win\"."
        => "We will win", "Jane Roe", "";
    b5_stated_in_release:
        "Jane Roe stated \"we will win\" in a press release."
        => "we will win", "Jane Roe", "";
    b5_said_that_partial:
        "Jane Roe said that \"we will win\"."
        => "we will win", "Jane Roe", "";
    b5_in_release_stated_comma:
        "In a press release Jane Roe stated, \"We will win.\""
        => "We will win.", "Jane Roe", "quote/before";
    b5_wrote_in_blog:
        "Jane Roe wrote in a blog post: \"We will win.\""
        => "We will win.", "Jane Roe", "quote/before";
    b5_posted_on_facebook:
        "Jane Roe posted on Facebook, \"We will win.\""
        => "We will win.", "Jane Roe", "";
    b5_on_twitter_wrote:
        "On Twitter, Jane Roe wrote \"We will win\"."
        => "We will win", "Jane Roe", "";
    b5_police_statement_colon:
        "Police said in a statement: \"Two men were arrested.\""
        => "Two men were arrested.", "Police", "quote/before";
    b5_spokesperson_told_wikinews:
        "A spokesperson for Acme told Wikinews \"the plant will reopen\"."
        => "the plant will reopen", "spokesperson for Acme", "";
    b5_spokesperson_after_comma_outside:
        "\"The plant will reopen\", a spokesperson for Acme said."
        => "The plant will reopen", "spokesperson for Acme", "";
    b5_went_on_to_say:
        "Jane Roe went on to say \"we will win\"."
        => "we will win", "Jane Roe", "";
    b5_continued_colon:
        "Jane Roe spoke first. She continued: \"We will win.\""
        => "We will win.", "Jane Roe", "quote/before";
    b5_then_said:
        "Tom Baker took the stage. He then said \"we will win\"."
        => "we will win", "Tom Baker", "";
    b5_later_added_that:
        "Later, Jane Roe added that \"we will win\"."
        => "we will win", "Jane Roe", "";
    b5_told_bbc_that:
        "Jane Roe told the BBC that \"we will win\"."
        => "we will win", "Jane Roe", "";
    b5_period_outside_colon:
        "Jane Roe said: \"We will win\"."
        => "We will win", "Jane Roe", "quote/before";
    b6_document_possessor_before:
        "The Transport Agency published its findings on Monday.\n\nThe agency's report concluded: \"The bridge is unsafe.\""
        => "The bridge is unsafe.", "Transport Agency", "quote/before";
    b6_document_possessor_after:
        "The Ohio Transport Agency inspected the bridge. \"It must close,\" the agency's report said."
        => "It must close,", "Ohio Transport Agency", "quote/after/speaker-cue";
    b6_document_named_possessor:
        "\"It must close,\" Acme Corp's report said."
        => "It must close,", "Acme Corp", "quote/after/speaker-cue";
    b6_person_possessor_is_not_author:
        "\"We will appeal,\" Jane Roe's lawyer said."
        => "We will appeal,", "Jane Roe's lawyer", "quote/after/speaker-cue";
    b6_quoted_as_saying_full:
        "\"We regret the error,\" Jane Roe was quoted as saying."
        => "We regret the error,", "Jane Roe", "quote/after/speaker-cue";
    b6_quoted_as_saying_pronoun:
        "Jane Roe ran the firm for a decade.\n\n\"We regret the error,\" she was quoted as saying."
        => "We regret the error,", "Jane Roe", "quote/after/speaker-cue";
    b3_senator_role:
        "Sen. Jane Roe voted against the bill.\n\n\"It is a giveaway,\" the senator said."
        => "It is a giveaway,", "Jane Roe", "quote/after/speaker-cue";
    b3_governor_told:
        "Gov. Jane Roe closed the schools on Monday.\n\n\"It is the safe choice,\" the governor told reporters."
        => "It is the safe choice,", "Jane Roe", "quote/after/speaker-cue";
    // Quotative inversion with any common noun as the postposed subject
    // (the noun need not be listed in data/speaker_nouns.tsv).
    after_cue_unlisted_noun:
        "\"It's a sad day,\" said a librarian who asked not to be named."
        => "It's a sad day,", "librarian", "quote/after/cue-speaker";
    after_cue_unlisted_noun_definite:
        "\"The brakes failed,\" said the plumber."
        => "The brakes failed,", "plumber", "quote/after/cue-speaker";
    // A surname that is also a month is a name once the person was
    // named in full.
    surname_that_is_a_month:
        "Prime Minister Theresa May met union leaders.\n\nMay said: \"This is a good deal.\""
        => "This is a good deal.", "Theresa May", "";
    // "call" as a verb of naming with a quoted object complement.
    called_the_decision:
        "The mayor called the decision \"a betrayal of the town\"."
        => "a betrayal of the town", "mayor", "quote/before";
    what_critics_called:
        "The bill was met with what Jane Roe called \"a disaster for farmers\"."
        => "a disaster for farmers", "Jane Roe", "";
    // A conjunction after the quote opens a clause whose verb reports
    // another quote.
    conjunction_after_quote_opens_another_clause:
        "Acme called the demand \"unusual\", while Zenco, in a post on Tuesday, called it \"unexpected\"."
        => "unusual", "Acme", "quote/before";
    title_with_of_and_a_place_is_no_name:
        "Tom Reed, the acting Prime Minister of Freedonia, criticised the raid, calling it \"an act of war\"."
        => "an act of war", "Tom Reed", "";

    // A paragraph that only introduces a person, then a paragraph made of
    // a quote.
    previous_paragraph_names_the_speaker:
        "Jane Roe, the mayor, spoke to reporters on Monday.\n\n\"The budget is balanced. We will not raise taxes.\""
        => "The budget is balanced. We will not raise taxes.", "Jane Roe", "quote/previous-paragraph";
    previous_paragraph_pronoun_subject:
        "Jane Roe voted against the plan. She spoke for ten minutes.\n\n\"This plan punishes the poor.\""
        => "This plan punishes the poor.", "Jane Roe", "quote/previous-paragraph";

    question_then_speaker_and_addressee:
        "Jane Roe spoke last.\n\n\"Is this the town we want?\" Tom Reed asked the crowd."
        => "Is this the town we want?", "Tom Reed", "quote/after/speaker-cue";

}

not_speech! {
    neg_scare_quote:
        "The so-called \"peace plan\" was rejected on Monday."
        => "peace plan";
    neg_title_of_work:
        "She starred in the film \"Summer Rain\" in 2004."
        => "Summer Rain";
    neg_word_mention:
        "The word \"freedom\" appears 12 times in the text."
        => "freedom";
    neg_nickname:
        "The storm, nicknamed \"the Beast\", closed schools across the state."
        => "the Beast";
    neg_book_title_claim:
        "Jane Roe claims that her favourite song is \"Blue Morning\"."
        => "Blue Morning";
    neg_no_speaker:
        "The museum reopened on Monday.\n\n\"Welcome back\" was painted over the door."
        => "Welcome back";
    neg_song_title_sang:
        "The choir sang \"Blue Morning\" at the funeral."
        => "Blue Morning";
    neg_named_operation:
        "The army launched \"Operation Sandstorm\" on Monday."
        => "Operation Sandstorm";
    neg_program_called:
        "The college ran a course at the prison called \"Learning Together\"."
        => "Learning Together";

}

// Constructions not read yet (measured, not asserted):
// - coordinated_inversion: '"We are ready," said Jane Roe and Tom Baker.' -> Jane Roe and Tom Baker
// - us_statement_said: 'Acme issued a statement on Monday. "We regret the error," the statement said.' -> Acme
