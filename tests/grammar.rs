//! The rules on the tagger's grammar: speaker phrases from noun-phrase
//! chunks, cue words the tags read as nouns or adjectives, "that" as a
//! relative or a determiner, and a question mark before the speaker. Each
//! case is a sentence written for the test, in the manner of news prose,
//! with a positive and a negative side.

use whosaid::{Extractor, Row};

fn extract(text: &str) -> Vec<Row> {
    thread_local! {
        static EX: Extractor = Extractor::shipped(&[]).expect("shipped data");
    }
    EX.with(|ex| ex.extract("t", text))
}

/// The row whose words are `quote`, or a panic listing the rows.
fn row<'a>(rows: &'a [Row], quote: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.quote == quote)
        .unwrap_or_else(|| panic!("no row {quote:?}; rows: {rows:#?}"))
}

#[test]
fn a_spokeswoman_for_an_organisation_is_the_speaker_not_the_organisation() {
    let rows = extract("A spokeswoman for the department said the report was wrong.");
    let r = row(&rows, "the report was wrong");
    assert_eq!(r.speaker, "A spokeswoman for the department");
    assert_eq!(r.speaker_type, Some(whosaid::SpeakerType::Person));
    let rows = extract("The department said the report was wrong.");
    assert_eq!(row(&rows, "the report was wrong").speaker, "The department");
}

#[test]
fn an_organisation_with_of_inside_is_one_speaker_phrase() {
    let rows = extract("Officials at the Chamber of Commerce said exports had fallen.");
    let r = row(&rows, "exports had fallen");
    assert_eq!(r.speaker_name, "Officials at the Chamber of Commerce");
    // Without the post-modifier the head alone speaks.
    let rows = extract("Officials said exports had fallen.");
    assert_eq!(row(&rows, "exports had fallen").speaker, "Officials");
}

#[test]
fn a_premodifying_name_stays_inside_the_description() {
    let rows = extract("A Downing Street spokesman said the prime minister would not resign.");
    let r = row(&rows, "the prime minister would not resign");
    assert_eq!(r.speaker, "A Downing Street spokesman");
}

#[test]
fn a_name_after_a_description_is_the_speaker() {
    let text = "The new head of the port authority Councillor Maria Lopez \
                opened the terminal. Lopez said the port would hire staff.";
    let rows = extract(text);
    assert_eq!(row(&rows, "the port would hire staff").speaker_name, "Maria Lopez");
}

#[test]
fn states_after_a_preposition_is_a_noun_not_a_cue() {
    let rows = extract("In states that lean Republican, turnout was high.");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows = extract("The memo states that the agency knew of the risk.");
    assert_eq!(row(&rows, "the agency knew of the risk").speaker, "The memo");
}

#[test]
fn a_relative_that_opens_no_reported_clause() {
    let text = "The minister announced policies that help families pay for care.";
    let rows = extract(text);
    assert!(
        rows.iter().all(|r| !r.quote.starts_with("help families")),
        "{rows:#?}"
    );
    let rows = extract("The minister announced that the policies would help families.");
    assert_eq!(
        row(&rows, "the policies would help families").speaker,
        "The minister"
    );
}

#[test]
fn a_question_mark_before_a_named_speaker_keeps_the_speaker() {
    let rows = extract("\"Why would we do that?\" Jane Smith asked.");
    let r = row(&rows, "Why would we do that?");
    assert_eq!((r.speaker_name.as_str(), r.rule), ("Jane Smith", "quote/after/speaker-cue"));
    let rows = extract("\"We will win!\" John Roberts shouted.");
    assert_eq!(row(&rows, "We will win!").speaker_name, "John Roberts");
    // The sentence after the quote must be only the attribution: here it
    // is a new sentence about someone else.
    let rows = extract("\"Why would we do that?\" Jane Smith said the plan would fail.");
    assert!(row(&rows, "Why would we do that?").speaker_name.is_empty(), "{rows:#?}");
}

#[test]
fn coordinated_conjuncts_must_be_alike() {
    let rows = extract("Police and county officials said the driver was drunk.");
    assert_eq!(row(&rows, "the driver was drunk").speaker, "Police and county officials");
}

#[test]
fn a_surname_that_is_also_a_cue_word_is_a_name_when_tagged_proper() {
    let text = "Detective Inspector Paul Grant led the inquiry.\n\n\
                Grant told reporters the man had confessed. \
                \"We are not looking for anyone else,\" he said.";
    let rows = extract(text);
    assert_eq!(row(&rows, "the man had confessed").speaker_name, "Paul Grant");
    assert_eq!(
        row(&rows, "We are not looking for anyone else,").speaker_name,
        "Paul Grant"
    );
    // The verb "grant" stays a verb.
    let rows = extract("The court may grant that the law was unclear.");
    assert!(rows.iter().all(|r| r.speaker_name != "Grant"), "{rows:#?}");
}

#[test]
fn a_cue_word_tagged_as_a_noun_before_a_verb_is_a_subject() {
    let rows = extract("The company cut 200 jobs on Monday, saying demand had collapsed.");
    assert_eq!(row(&rows, "demand had collapsed").speaker, "The company");
    // "demand" as the verb still reports.
    let rows = extract("Protesters demand that the mayor resign.");
    assert_eq!(row(&rows, "the mayor resign").speaker, "Protesters");
}

/// Rows of kind indirect.
fn claims(rows: &[Row]) -> Vec<&str> {
    rows.iter().filter(|r| r.kind == whosaid::Kind::Indirect).map(|r| r.quote.as_str()).collect()
}

#[test]
fn a_bare_complement_without_a_finite_verb_is_an_object_not_a_claim() {
    // Noun-phrase objects of a reporting verb: no tensed verb follows.
    for text in [
        "No group immediately claimed responsibility for the blast at the depot.",
        "Forecasters predict heavy rain along the northern coast on Sunday.",
        "The governor emphasized the importance of early voting in rural counties.",
    ] {
        assert!(claims(&extract(text)).is_empty(), "{text}: {:?}", claims(&extract(text)));
    }
    // A clause: its verb carries tense, even where the tagger may read
    // a regular past tense as a participle after the subject.
    let rows = extract("The company said the workers left because of the heat.");
    row(&rows, "the workers left because of the heat");
    let rows = extract("Neighbours said a woman approached and hit a man with a bottle.");
    row(&rows, "a woman approached and hit a man with a bottle");
    let rows = extract("The union insisted the board reopen the talks before Friday.");
    row(&rows, "the board reopen the talks before Friday");
}

#[test]
fn the_source_of_according_to_is_a_whole_noun_phrase() {
    // The source phrase runs on past its name ("'s projections",
    // "records", "of the ... Department"): the attribution still closes
    // the sentence.
    let rows = extract("Turnout rose to a record high in three counties, according to NBC's projections.");
    row(&rows, "Turnout rose to a record high in three counties");
    let rows = extract("The bridge was built in 1921 according to UNESCO's statistics.");
    assert_eq!(row(&rows, "The bridge was built in 1921").speaker_name, "UNESCO");
    let rows = extract("The fire started at about 3 a.m., according to Fire Chief Ann Lee of the Dover Fire Department.");
    assert_eq!(row(&rows, "The fire started at about 3 a.m.").speaker_name, "Ann Lee");
    // A clause after the source is no closing attribution's.
    let rows = extract("The fire started at about 3 a.m., according to Ann Lee, who arrived first.");
    assert!(!claims(&rows).contains(&"who arrived first"), "{:?}", claims(&rows));
}

#[test]
fn a_participle_that_reports_nothing_leaves_the_clause_to_the_closing_attribution() {
    let rows = extract("The senator had a valid permit allowing him to carry weapons, Reuters reported.");
    assert_eq!(
        row(&rows, "The senator had a valid permit allowing him to carry weapons").speaker_name,
        "Reuters"
    );
    // A frame inside that reports a clause keeps it: the closing
    // attribution only reports that report.
    let rows = extract("The senator said the permit was valid, Reuters reported.");
    assert!(claims(&rows).contains(&"the permit was valid"), "{:?}", claims(&rows));
    assert!(!claims(&rows).contains(&"The senator said the permit was valid"));
}

#[test]
fn an_attribution_between_commas_inside_a_claim_leaves_the_claim_whole() {
    let text = "The old dam was never safe, officials have said, and should have been closed years ago.";
    let rows = extract(text);
    row(&rows, "The old dam was never safe, officials have said, and should have been closed years ago");
    // A new clause with its own subject after the attribution is the
    // writer's; so is an absolute "with" adjunct.
    let rows = extract("The driver was taken to hospital, according to the police, with burns to his arms.");
    row(&rows, "The driver was taken to hospital");
    // Another cue in the sentence reports its own clause.
    let rows = extract("Residents, according to the radio, said the water was brown.");
    assert!(claims(&rows).contains(&"the water was brown"), "{:?}", claims(&rows));
    assert!(!claims(&rows).iter().any(|c| c.starts_with("Residents")));
}

#[test]
fn adjuncts_between_the_cue_and_a_clause_without_that_are_skipped() {
    for (text, claim) in [
        ("The mayor said on last Friday the bridge would reopen.", "the bridge would reopen"),
        (
            "The mayor said at a press conference yesterday morning the bridge would reopen.",
            "the bridge would reopen",
        ),
        (
            "The agency announced via Twitter around 9 am (1400 UTC), the flights had been cancelled.",
            "the flights had been cancelled",
        ),
        ("The mayor said, as of Monday, the bridge was closed.", "the bridge was closed"),
        ("He told a reporter at the scene the fire had spread quickly.", "the fire had spread quickly"),
        ("She told the inquiry she had seen the car.", "she had seen the car"),
        ("Police noted no arrests had been made.", "no arrests had been made"),
        ("Hospital officials said 18 people died.", "18 people died"),
    ] {
        let rows = extract(text);
        assert_eq!(claims(&rows), vec![claim], "{text}");
    }
    // A preposition before a subject and its verb is a subordinator: its
    // clause is no adjunct to skip, and a relative pronoun opens no
    // reported clause.
    let rows = extract("The mayor spoke after he left the meeting early.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
    let rows = extract("He continued in the interview which was broadcast on Sunday.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
    // A participle's adjuncts end at their comma.
    let rows = extract("Starting in 2015 and continuing for two years, the firm hired 300 engineers.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
}

#[test]
fn a_cue_word_after_an_adjective_is_a_noun() {
    let rows = extract("The governor declared a national state of emergency, which closed the schools.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
    let rows = extract("The governor states the schools will close.");
    row(&rows, "the schools will close");
}

#[test]
fn a_subject_and_its_verb_after_tell_make_a_clause_not_a_directive() {
    let rows = extract("She told the panel she was asked to leave the building early.");
    row(&rows, "she was asked to leave the building early");
    let rows = extract("She told the panel to leave the building early.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
}

#[test]
fn a_quote_after_a_second_cue_is_not_the_first_cues_object() {
    let text = "The coast guard confirmed the crew had been found alive, adding \"We are all relieved tonight.\"";
    let rows = extract(text);
    row(&rows, "the crew had been found alive");
}

#[test]
fn those_and_a_participle_after_tell_are_the_addressee() {
    let rows = extract("The chief told those gathered to stay calm and go home.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
}

#[test]
fn a_verb_of_finding_out_reports_a_that_clause_only() {
    let rows = extract("The inspectors found that the wiring had been installed badly.");
    row(&rows, "the wiring had been installed badly");
    let rows = extract("Earlier tests have shown that the vaccine is safe for children.");
    row(&rows, "the vaccine is safe for children");
    // The bare object of "find" or "show" is a thing found or shown.
    for text in [
        "Police found the car of the missing woman near the river.",
        "The museum showed the paintings the collector had donated.",
    ] {
        assert!(claims(&extract(text)).is_empty(), "{text}: {:?}", claims(&extract(text)));
    }
}

#[test]
fn a_tensed_verb_after_a_noun_after_a_determiner_is_a_cue() {
    let rows = extract("The lawsuit claims the new rule is illegal.");
    assert_eq!(row(&rows, "the new rule is illegal").speaker, "The lawsuit");
    let rows = extract("The engineers estimate the repairs will cost millions.");
    row(&rows, "the repairs will cost millions");
    // A noun after a determiner and a modifier stays a noun.
    let rows = extract("The initial reports were wrong about the fire.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
}

#[test]
fn an_attributive_participle_or_a_noun_premodifier_is_no_cue() {
    let text = "Officials announced that 337 suspected users were arrested.";
    assert_eq!(claims(&extract(text)), vec!["337 suspected users were arrested"]);
    let text = "Photographs, videos and text messages from the night were deleted.";
    assert!(claims(&extract(text)).is_empty(), "{:?}", claims(&extract(text)));
    // The verb after its subject stays a cue.
    let rows = extract("Police suspected the fire was set on purpose.");
    row(&rows, "the fire was set on purpose");
}

#[test]
fn an_inflected_cue_form_is_never_a_noun_premodifier() {
    // Only a base form ("text", "report") is both noun and verb; "told"
    // before a noun is the verb with its addressee.
    // (The tagger reads this "told" NN.)
    let text = "Ann Marsh, another lawyer for the victim, told reporters \"Families in this \
                town who have been hurt do not have to explain themselves.\"";
    let rows = extract(text);
    let quote = "Families in this town who have been hurt do not have to explain themselves.";
    assert_eq!(row(&rows, quote).speaker_name, "Ann Marsh");
    assert_eq!(row(&rows, quote).cue, "told");
}

#[test]
fn a_claim_inside_a_fronted_adverbial_clause_ends_where_the_main_clause_begins() {
    let text = "While the survey says most firms grew, there are doubts about the figures.";
    assert_eq!(claims(&extract(text)), vec!["most firms grew"]);
    let text = "Although everyone agreed that the rules were unclear, artist Mara Kent defended them.";
    let rows = extract(text);
    row(&rows, "the rules were unclear");
    // Not fronted: a comma inside the reported clause does not cut it.
    let text = "The survey says most firms grew, and many hired more staff in the spring.";
    assert_eq!(
        claims(&extract(text)),
        vec!["most firms grew, and many hired more staff in the spring"]
    );
}

#[test]
fn a_curly_apostrophe_after_a_plural_is_a_possessive_not_a_closing_quote() {
    for mark in ["'", "\u{2019}"] {
        let text =
            format!("The inspectors{mark} report said the dam was unsafe.");
        let rows = extract(&text);
        let r = row(&rows, "the dam was unsafe");
        assert_eq!(r.speaker, format!("The inspectors{mark} report"));
    }
    // After an opening single quote the same mark closes the quote.
    let rows = extract(
        "She called the plan \u{2018}a disaster for farmers\u{2019} and said \
         it would fail.",
    );
    assert_eq!(row(&rows, "a disaster for farmers").speaker, "She");
}

#[test]
fn a_known_organisation_followed_by_of_names_a_longer_institution() {
    let rows = extract(
        "The Progressive Party of Concerned People said the vote was rigged.",
    );
    let r = row(&rows, "the vote was rigged");
    assert_eq!(r.speaker, "Progressive Party of Concerned People");
    assert_eq!(r.speaker_type, Some(whosaid::SpeakerType::Organization));
    // Without "of" the known name stays as it is.
    let rows = extract("The Progressive Party said the vote was rigged.");
    assert_eq!(row(&rows, "the vote was rigged").speaker, "Progressive Party");
}

#[test]
fn and_inside_an_institutions_name_coordinates_its_fields() {
    let rows = extract(
        "The Department of Fisheries and Oceans said the stocks had recovered.",
    );
    assert_eq!(
        row(&rows, "the stocks had recovered").speaker_name,
        "Department of Fisheries and Oceans"
    );
    let rows = extract(
        "A spokeswoman for the Institute of Geology and Mining said the \
         quarry was safe.",
    );
    assert!(row(&rows, "the quarry was safe")
        .speaker_name
        .ends_with("Institute of Geology and Mining"));
    // A person after "and" is a second speaker, and a known name is whole.
    let rows = extract(
        "The Department of Justice and Maria Lopez said the case was closed.",
    );
    assert!(!row(&rows, "the case was closed").speaker_name.contains(" and "));
    let rows = extract("The Bank of England and Barclays said rates would rise.");
    let r = row(&rows, "rates would rise");
    assert!(!r.speaker.starts_with("and ") && !r.speaker_name.contains(" and "), "{r:#?}");
}

#[test]
fn a_fronted_adjunct_is_not_the_agent_of_a_participle() {
    let rows = extract(
        "Through its lawyers on Friday, the club denied the charges, \
         adding \"the claims are baseless.\"",
    );
    let r = row(&rows, "the claims are baseless.");
    assert_eq!(r.speaker, "the club");
    // Without a comma the preposition governs one noun phrase.
    let rows = extract(
        "At the hearing the union went further, arguing \"no member \
         was ever misled.\"",
    );
    assert_eq!(row(&rows, "no member was ever misled.").speaker, "the union");
    // No fronted adjunct: the sentence's first mention is the agent.
    let rows = extract(
        "The club denied the charges, adding \"the claims are \
         baseless.\"",
    );
    assert_eq!(row(&rows, "the claims are baseless.").speaker, "The club");
}

#[test]
fn a_noun_phrase_after_a_preposition_is_no_inverted_speaker() {
    let text = "The crash happened late on Sunday.\n\nThe pilot's \
                brother, Peter Hall, said on local radio, \"We just want \
                answers.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "We just want answers.").speaker_name, "Peter Hall");
    // Right after the verb, the name is the postposed subject.
    let rows = extract("\"We just want answers,\" said Peter Hall on local radio.");
    assert_eq!(row(&rows, "We just want answers,").speaker_name, "Peter Hall");
}

#[test]
fn a_prepositional_phrase_after_an_inverted_speaker_ends_the_attribution() {
    let text = "Nobody saw it coming.\n\n\"Nobody expected the crash\" \
                said Carl Mint in a radio interview.";
    let rows = extract(text);
    assert_eq!(row(&rows, "Nobody expected the crash").speaker_name, "Carl Mint");
    // A verb after the name: the name opens a reported clause.
    let rows = extract("The minister said Gazprom can't supply the pipeline.");
    assert!(rows.iter().all(|r| r.speaker_name != "Gazprom"), "{rows:#?}");
}

#[test]
fn an_age_between_commas_leaves_the_name_the_antecedent_of_who() {
    let rows = extract(
        "Among the passengers was plumber Sam Cole, 41, who described \
         the cabin: \"There was smoke everywhere.\"",
    );
    assert_eq!(row(&rows, "There was smoke everywhere.").speaker_name, "Sam Cole");
    // A bare number that is no age after a name is no supplement: the
    // relative then has no named antecedent next to it.
    let rows = extract(
        "The flight landed at gate 41, which said: \"Welcome home.\"",
    );
    assert_eq!(row(&rows, "Welcome home.").speaker_name, "");
}

#[test]
fn a_cue_inside_a_dash_parenthetical_does_not_lead_into_the_quote() {
    let rows = extract(
        "Union leader Lisa Grant answered within the hour \u{2014} a \
         reply the newspaper described as furious \u{2014} \"We will \
         respect the result.\"",
    );
    assert_eq!(row(&rows, "We will respect the result.").speaker_name, "Lisa Grant");
    // One dash: no parenthetical, the cue before it leads in.
    let rows = extract(
        "The newspaper described the vote as close \u{2014} \"We will \
         respect the result.\"",
    );
    assert_eq!(row(&rows, "We will respect the result.").speaker, "The newspaper");
}

#[test]
fn a_name_premodified_by_lower_case_nouns_after_a_quote_is_the_speaker() {
    let text = "The bridge closed at noon.\n\n\"It was a shock to \
                everyone,\" former county fire chief Helen Brook told \
                reporters.";
    let rows = extract(text);
    assert_eq!(row(&rows, "It was a shock to everyone,").speaker_name, "Helen Brook");
    // Words that are no noun phrase with the name keep the frame apart.
    let text = "The bridge closed at noon.\n\n\"It was a shock to \
                everyone,\" and later that week in a long interview \
                Helen Brook told reporters more.";
    let rows = extract(text);
    assert_ne!(row(&rows, "It was a shock to everyone,").speaker_name, "Helen Brook");
}

#[test]
fn a_fragment_reported_by_according_to_with_no_named_subject_is_the_sources() {
    let rows = extract(
        "Rents jumped by a \"record margin\" in May, according to a \
         Harbour Homes spokesman.",
    );
    assert_eq!(row(&rows, "record margin").speaker, "a Harbour Homes spokesman");
    // A named subject said the fragment; "according to" only reports it.
    let rows = extract(
        "Senator Ruth Kane called the vote a \"betrayal\" on Tuesday, \
         according to NBC.",
    );
    assert_eq!(row(&rows, "betrayal").speaker_name, "Ruth Kane");
}

#[test]
fn the_name_in_apposition_to_a_descriptive_subject_said_the_fragment() {
    let rows = extract(
        "The former chairman of Birch Holdings and member of the board, \
         Alan Park, called the deal \"a disgrace\" hours before the \
         paper reported it.",
    );
    assert_eq!(row(&rows, "a disgrace").speaker_name, "Alan Park");
    // A verb before the comma: the name is an object's appositive.
    let rows = extract(
        "The board hired a new chief, Alan Park, and called the deal \"a \
         disgrace\" hours before the paper reported it.",
    );
    assert_ne!(row(&rows, "a disgrace").speaker_name, "Alan Park");
}

#[test]
fn a_quote_after_a_colon_is_the_one_person_the_clause_before_names() {
    let text = "The car left the road.\n\nFirst on the scene was \
                off-duty paramedic Omar Haddad, 35, whose advice was simple: \
                \"Keep the driver talking.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "Keep the driver talking.").speaker_name, "Omar Haddad");
    // Two people before the colon: neither is chosen by the colon.
    let text = "The car left the road.\n\nParamedics Omar Haddad and Ann \
                Lee gave simple advice: \"Keep the driver talking.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "Keep the driver talking.").speaker_name, "");
}

#[test]
fn a_quote_sentence_after_a_sentence_naming_one_person_is_that_persons() {
    let text = "Rita Moss runs the bakery on Mill Lane.\n\nThe flood \
                reached her ovens on Tuesday night, and Moss has not \
                reopened since. \"We lost everything in an hour.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "We lost everything in an hour.").speaker_name, "Rita Moss");
    // Two people in the sentence before: no one is chosen by it.
    let text = "The flood reached the ovens of Moss and Lee on Tuesday \
                night. \"We lost everything in an hour.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "We lost everything in an hour.").speaker_name, "");
}

#[test]
fn an_age_before_an_appositive_leaves_the_name_the_subject() {
    let rows = extract("Ann Lee, 70, a widow, said she had \"nowhere to go\".");
    assert_eq!(row(&rows, "nowhere to go").speaker_name, "Ann Lee");
    // A number after a common noun is no age: it is the subject.
    let rows = extract(
        "Of the tenants, 70, a majority, said they had \"nowhere to go\".",
    );
    assert!(!row(&rows, "nowhere to go").speaker.contains("tenants"));
}

#[test]
fn a_surname_before_a_colon_or_possessive_may_name_the_speaker() {
    let text = "Jo Reed is the mayor.\n\nReed's reply was short: \"No comment.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "No comment.").speaker_name, "Jo Reed");
    // Two surnames: the colon names no one speaker.
    let text = "Jo Reed and Al Lee run the council.\n\nThe reply from Reed \
                and Lee was short: \"No comment.\"";
    let rows = extract(text);
    assert_eq!(row(&rows, "No comment.").speaker_name, "");
}

#[test]
fn a_coordinated_cue_shares_the_subject_of_the_first_conjuncts_verb() {
    let rows = extract(
        "The founder of Kestrel Foods and treasurer of the county growers' \
         union, Alan Park, described the plan as \"short-sighted\" and said \
         \"the town needs the jobs.\"",
    );
    assert_eq!(row(&rows, "short-sighted").speaker_name, "Alan Park");
    assert_eq!(row(&rows, "the town needs the jobs.").speaker_name, "Alan Park");
    // The organisation of a fronted adjunct, opening the sentence, is
    // not the subject the conjuncts share.
    let rows = extract(
        "At Birch Holdings, the chairman, Alan Park, met staff and said \
         \"the town needs the jobs.\"",
    );
    assert_ne!(row(&rows, "the town needs the jobs.").speaker_name, "Birch Holdings");
}

#[test]
fn a_mandative_subjunctive_after_a_directive_verb_is_a_claim() {
    // H&P 2002 ch. 11 §7.1.1: "urge", "request", "ask" govern a bare
    // subjunctive clause without "that".
    let rows = extract("The mayor urged the council be dissolved before spring.");
    assert_eq!(row(&rows, "the council be dissolved before spring").speaker, "The mayor");
    let rows = extract("The families requested the hearing be held in public.");
    assert_eq!(row(&rows, "the hearing be held in public").speaker, "The families");
    let rows = extract("The union asked the contract be reopened before the vote.");
    assert_eq!(row(&rows, "the contract be reopened before the vote").speaker, "The union");
    // An object and an infinitive, or a bare object: no clause.
    for text in [
        "The mayor urged the council to keep the bridge closed.",
        "The families requested a public hearing on the closure.",
        "The mayor urged restraint after the protest on Sunday.",
    ] {
        assert!(claims(&extract(text)).is_empty(), "{text}: {:?}", claims(&extract(text)));
    }
}

#[test]
fn a_verb_of_finding_with_an_object_and_a_tensed_verb_reports_a_clause() {
    let rows = extract("Officials found the pumps were faulty.");
    assert_eq!(row(&rows, "the pumps were faulty").speaker, "Officials");
    // An object with a verbless predicative is no clause, whatever the
    // tagger reads the predicative as.
    for text in [
        "The satellite image showed the tanker adrift near the coast.",
        "The divers found the wreck intact on the sea floor.",
    ] {
        assert!(claims(&extract(text)).is_empty(), "{text}: {:?}", claims(&extract(text)));
    }
}

#[test]
fn observe_with_a_bare_object_is_perception_not_a_report() {
    for text in [
        "The inspectors observed three cracks formed along the weld and sealed them.",
        "Sailors read the weather by observing the sky turned red at dawn.",
    ] {
        assert!(claims(&extract(text)).is_empty(), "{text}: {:?}", claims(&extract(text)));
    }
    let rows = extract("The minister observed that the compounds were unstable.");
    assert_eq!(row(&rows, "the compounds were unstable").speaker, "The minister");
    let rows = extract("The minister observed they had been unstable for years.");
    assert_eq!(row(&rows, "they had been unstable for years").speaker, "The minister");
    // Set between commas inside a relative clause, it reports the
    // predicate after it.
    let rows = extract("Divers mapped the reefs, which, they observed, bleached in warm years.");
    let c = claims(&rows);
    assert!(c.iter().any(|q| q.contains("bleached in warm years")), "{c:?}");
}

#[test]
fn a_comment_clause_stays_a_claim_beside_a_cue_that_reports_nothing() {
    // "describe as" in a relative clause reports no clause of its own.
    let rows = extract(
        "Because the soil is dry, says the survey, the crops fail early in \
         what officials describe as a crisis.",
    );
    let r = row(
        &rows,
        "Because the soil is dry, says the survey, the crops fail early in \
         what officials describe as a crisis",
    );
    assert_eq!(r.speaker, "the survey");
    // A cue with its own clause keeps the sentence to itself.
    let rows = extract("Witnesses, according to the radio, said the bridge had collapsed.");
    assert_eq!(claims(&rows), vec!["the bridge had collapsed"]);
}

#[test]
fn according_to_after_a_percentage_closes_the_claim() {
    let rows = extract("Unemployment reached 7% according to the statistics office.");
    let r = row(&rows, "Unemployment reached 7%");
    assert!(r.speaker_name.contains("statistics office"), "{r:#?}");
    // Without "according to" a percentage ends no attribution.
    assert!(claims(&extract("Unemployment reached 7% in the coastal region.")).is_empty());
}

#[test]
fn by_before_a_time_is_no_agent_of_the_cue() {
    let rows = extract("Officials estimated by Friday the river would crest.");
    assert_eq!(row(&rows, "the river would crest").speaker, "Officials");
    // "as reported by" names an agent: no cue of its own.
    let rows = extract("The river crested on Friday, as reported by local radio.");
    assert!(rows.iter().all(|r| r.cue != "reported" || r.rule != "claim/cue-clause"), "{rows:#?}");
}

#[test]
fn a_citing_aside_between_the_cue_and_its_clause_is_skipped() {
    let rows = extract("The broadcaster reported, citing police sources, the suspect had fled.");
    assert_eq!(row(&rows, "the suspect had fled").speaker, "The broadcaster");
    // A participle reporting its own clause is no aside.
    let rows = extract("The broadcaster reported, saying the suspect had fled.");
    assert!(claims(&rows).iter().all(|q| !q.starts_with("saying")), "{rows:#?}");
}

#[test]
fn a_headline_reports_a_clause_with_an_auxiliary() {
    let rows = extract("Minister reaffirms new budget is ready\n\nThe budget was published on Monday.");
    assert_eq!(row(&rows, "new budget is ready").speaker, "Minister");
    let rows = extract("Minister announces new budget for schools\n\nThe budget was published on Monday.");
    assert!(claims(&rows).is_empty(), "{rows:#?}");
}

#[test]
fn a_direct_quote_after_a_comma_ends_the_reported_clause() {
    let rows = extract(
        "The company noted that it had switched to a new plastic, \"which is better for the planet.\"",
    );
    assert_eq!(row(&rows, "it had switched to a new plastic").speaker, "The company");
    assert_eq!(row(&rows, "which is better for the planet.").kind, whosaid::Kind::Direct);
    // A quoted fragment inside the clause stays in it.
    let rows = extract("The mayor said the plan was \"a disaster\" for farmers.");
    row(&rows, "the plan was \"a disaster\" for farmers");
    // After an adverbial, the quote is the cue's object, no claim.
    let rows = extract("The mayor said on Monday, \"The plan is a disaster for farmers.\"");
    assert!(claims(&rows).is_empty(), "{rows:#?}");
}

#[test]
fn reads_reports_the_wording_of_a_document() {
    let rows = extract("Because the law is vague, reads the motion, the ban cannot stand.");
    let r = row(&rows, "Because the law is vague, reads the motion, the ban cannot stand");
    assert_eq!(r.speaker, "the motion");
    // Reading a text aloud reports nothing.
    assert!(claims(&extract("She read the report aloud to the council.")).is_empty());
}

#[test]
fn a_partial_quote_after_a_comment_clause_stays_in_the_claim() {
    let text = "Three of the men were, according to court records, \"deeply involved\" in the scheme.";
    let rows = extract(text);
    let r = row(&rows, &text[..text.len() - 1]);
    assert_eq!(r.speaker, "court records");
    assert_eq!(r.kind, whosaid::Kind::Indirect);
    // A full quote on each side is an interrupted quote, no claim.
    let rows = extract("\"The men were involved,\" according to court records, \"and they knew it.\"");
    assert!(claims(&rows).is_empty(), "{rows:#?}");
}

#[test]
fn an_addressee_phrase_runs_over_its_noun_premodifiers() {
    let rows = extract("He told a news conference the talks had stalled.");
    assert_eq!(row(&rows, "the talks had stalled").speaker, "He");
    // A plural noun before a tensed verb is the clause's subject.
    let rows = extract("He told a news conference prices had risen.");
    assert_eq!(row(&rows, "prices had risen").speaker, "He");
}

#[test]
fn a_relative_or_an_appositive_after_the_source_of_according_to_is_skipped() {
    let rows = extract(
        "According to the report, which was published on Monday, the driver had been drinking.",
    );
    assert_eq!(row(&rows, "the driver had been drinking").speaker, "the report");
    let rows = extract("According to Smith, a spokesman for the firm, the plan failed.");
    assert_eq!(row(&rows, "the plan failed").speaker, "Smith");
    // A subject with its own relative clause after the comma stays.
    let rows = extract("According to the minister, the talks, which began in May, had stalled.");
    assert_eq!(
        row(&rows, "the talks, which began in May, had stalled").speaker,
        "the minister"
    );
}

#[test]
fn an_irregular_past_is_a_cue_whatever_the_tagger_reads() {
    // The tagger may read "wrote" after "executive" as a noun.
    let rows = extract("The chief executive wrote that profits would fall.");
    assert_eq!(row(&rows, "profits would fall").speaker, "The chief executive");
    // A base form after an adjective is still a noun: no cue.
    let rows = extract("The annual report was published on Monday.");
    assert!(rows.is_empty(), "{rows:#?}");
    // After a number or a determiner the past form is the noun.
    let rows = extract("The nurse had one thought: the ward must close.");
    assert!(rows.iter().all(|r| r.cue != "thought"), "{rows:#?}");
}

#[test]
fn a_comment_clause_keeps_the_addressee_of_its_verb() {
    let rows = extract("The decision, the minister told reporters, was final.");
    let r = row(&rows, "The decision, the minister told reporters, was final");
    assert_eq!(r.speaker, "the minister");
    // Between the two halves of a quote it interrupts the quote.
    let rows = extract(
        "\"The decision is final,\" the minister told reporters, \"and it stands.\"",
    );
    assert!(claims(&rows).is_empty(), "{rows:#?}");
}

#[test]
fn any_common_noun_heading_the_subject_of_a_cue_speaks() {
    // "service" and "guards" are in no list of speaker nouns: the tags
    // and chunks make them the subject's head.
    let rows = extract(
        "Crews from the Cumbria Fire and Rescue Service attended the \
         blaze.\n\nThe fire service said the cause was not yet known.",
    );
    let r = row(&rows, "the cause was not yet known");
    assert_eq!(r.speaker, "The fire service");
    assert_eq!(r.speaker_name, "Cumbria Fire and Rescue Service");
    let rows = extract("Both guards said the gate had been locked.");
    assert_eq!(row(&rows, "the gate had been locked").speaker, "Both guards");
    // An adverb the tagger may read as a noun is not a subject's head,
    // and a noun before a noun is no head.
    let rows = extract("House spokesman Ann Lee meanwhile said the talks had stalled.");
    assert_eq!(row(&rows, "the talks had stalled").speaker_name, "Ann Lee");
    let rows = extract("The gate guards' union rejected the offer.");
    assert!(rows.is_empty(), "{rows:#?}");
    // The object of a preposition is inside a longer subject, which says
    // how the source knows.
    let rows = extract("A source close to the talks said the deal was off.");
    assert_eq!(row(&rows, "the deal was off").speaker, "A source close to the talks");
}

#[test]
fn a_lone_comma_between_a_named_subject_and_its_verb_is_no_appositive() {
    let rows = extract(
        "Chief Inspector Jane Moss of the National Crime Agency (NCA), \
         announced the inquiry had been closed.",
    );
    assert_eq!(row(&rows, "the inquiry had been closed").speaker_name, "Jane Moss");
    let rows = extract("The National Crime Agency (NCA), announced the inquiry had been closed.");
    assert_eq!(
        row(&rows, "the inquiry had been closed").speaker_name,
        "National Crime Agency"
    );
    // No name before the comma: nothing is guessed.
    let rows = extract("After a long debate in the chamber, announced the inquiry had been closed.");
    assert_eq!(row(&rows, "the inquiry had been closed").speaker_name, "");
}

#[test]
fn a_viewpoint_phrase_names_the_source_like_according_to() {
    // "In the view of X," and "in the opinion of X" name whose view the
    // clause is (Quirk et al. 1985, 8.127).
    let rows = extract("In the view of the central bank, the economy will recover next year.");
    let r = row(&rows, "the economy will recover next year");
    assert_eq!(r.speaker, "the central bank");
    assert_eq!(r.rule, "claim/according-to");
    let rows = extract("The tax cut will pay for itself, in the opinion of most economists.");
    assert_eq!(row(&rows, "The tax cut will pay for itself").speaker, "most economists");
    // The literal sense names no one: no claim.
    let rows = extract("In the view of the old town, a church stands on the hill.");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows = extract("The house was built in the view of the sea.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn a_name_with_the_definite_article_closes_a_sentence_as_its_speaker() {
    // "the Tribune", "the Institute for Fiscal Studies": the article is
    // part of the name's noun phrase, so the attribution still closes
    // the sentence after its comma.
    let rows = extract("Several roads were closed on Monday, the Zenith Tribune reported.");
    let r = row(&rows, "Several roads were closed on Monday");
    assert_eq!(r.speaker_name, "Zenith Tribune");
    assert_eq!(r.rule, "claim/trailing");
    let rows = extract("The plan costs too much, the Institute for Fiscal Studies said.");
    assert_eq!(row(&rows, "The plan costs too much").speaker_name, "Institute for Fiscal Studies");
    // Not after a verb that takes the name as its object.
    let rows = extract("Several roads were closed on Monday, angering the Tribune.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn an_abbreviated_company_name_is_the_subject_of_its_verb() {
    // The period of "Corp." ends no sentence: the name is the subject.
    let rows = extract("Zentrix Corp. said in a statement that it would cut 500 jobs.");
    assert_eq!(row(&rows, "it would cut 500 jobs").speaker_name, "Zentrix Corp");
    // A sentence's own period is no abbreviation: the next sentence's
    // verb has no subject across it.
    let rows = extract("The talks ended at Zentrix Corp. Said to be angry, the union left.");
    assert!(rows.iter().all(|r| r.speaker_name != "Zentrix Corp"), "{rows:#?}");
}

#[test]
fn a_number_with_digit_groups_opens_no_appositive() {
    // "4,000" is one token; its comma opens no supplement.
    let rows = extract("The company, which employs 4,000 people, said profits fell by half.");
    assert_eq!(row(&rows, "profits fell by half").speaker, "The company");
    // A comma between numbers in a list still separates them.
    let rows = extract("The scores were 4, 000 and 12, the referee said.");
    assert!(rows.iter().any(|r| r.speaker == "the referee"), "{rows:#?}");
}

#[test]
fn quoted_as_saying_reports_the_subjects_words() {
    let rows = extract("Dana Whitfield was quoted as saying the team would win the cup.");
    let r = row(&rows, "the team would win the cup");
    assert_eq!(r.speaker_name, "Dana Whitfield");
    // "a saying" is a noun: no report.
    let rows = extract("The old saying that pride comes before a fall proved true.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn a_conjoined_clause_with_its_own_attribution_ends_the_reported_clause() {
    let rows = extract("Lena Park insisted the deal was fair, while critics said it was a betrayal.");
    assert_eq!(row(&rows, "the deal was fair").speaker_name, "Lena Park");
    assert_eq!(row(&rows, "it was a betrayal").speaker, "critics");
    // Without a reporting verb of its own the "while" clause is reported.
    let rows = extract("Lena Park said prices rose, while wages stayed flat.");
    row(&rows, "prices rose, while wages stayed flat");
}

#[test]
fn a_closing_attribution_may_carry_a_premodifying_role_or_an_appositive() {
    let rows = extract("The plant will reopen next week, company spokesman Tom Reyes said.");
    let r = row(&rows, "The plant will reopen next week");
    assert_eq!((r.speaker_name.as_str(), r.rule), ("Tom Reyes", "claim/trailing"));
    let rows = extract("The plant will reopen next week, said Tom Reyes, a company spokesman.");
    let r = row(&rows, "The plant will reopen next week");
    assert_eq!((r.speaker_name.as_str(), r.rule), ("Tom Reyes", "claim/trailing"));
    // A clause after the name is no appositive: the attribution does not
    // close the sentence, and the clause after it is reported instead.
    let rows = extract("The plant is old, said Tom Reyes, who added that it would close.");
    assert!(rows.iter().all(|r| r.quote != "The plant is old"), "{rows:#?}");
}

#[test]
fn a_court_ruling_that_reports_a_finding_but_ruling_a_country_does_not() {
    let rows = extract("The appeals court ruled on Monday that the ban could stand.");
    assert_eq!(row(&rows, "the ban could stand").speaker, "The appeals court");
    let rows = extract("The party ruled the country for decades.");
    assert!(rows.is_empty(), "{rows:#?}");
    let rows = extract("Officials ruled out a deal with the rebels.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn a_sentence_initial_adjective_is_no_name_and_auxiliaries_keep_the_subject_head() {
    let rows = extract("Environmental groups have long argued that the dam harms fish.");
    assert_eq!(row(&rows, "the dam harms fish").speaker, "Environmental groups");
    let rows = extract("Both sides have said they want a ceasefire.");
    assert_eq!(row(&rows, "they want a ceasefire").speaker, "Both sides");
    // A capitalised name opening the sentence stays a name.
    let rows = extract("Greenfield argued that the dam harms fish.");
    assert_eq!(row(&rows, "the dam harms fish").speaker, "Greenfield");
}

#[test]
fn a_closing_attribution_may_name_its_addressee() {
    let rows = extract("The bill would fail, Senate Majority Leader John Doe, R-Ky., told reporters.");
    let r = row(&rows, "The bill would fail");
    assert_eq!((r.speaker_name.as_str(), r.rule), ("John Doe", "claim/trailing"));
    let rows = extract("The bill would fail, Doe told the Gazette on Monday.");
    assert_eq!(row(&rows, "The bill would fail").speaker_name, "Doe");
    // The object of "tell" followed by a clause: that clause is reported.
    let rows = extract("The vote was close, and Doe told reporters the bill would fail.");
    assert_eq!(row(&rows, "the bill would fail").speaker_name, "Doe");
}

#[test]
fn a_pronoun_opening_the_clause_is_the_agent_of_its_participle() {
    let text = "Jane Roe runs a bakery in Leeds. She was quoted as saying business was slow.";
    assert_eq!(row(&extract(text), "business was slow").speaker_name, "Jane Roe");
    // A pronoun object is no agent: the subject before it is.
    let text = "The mayor thanked them on Monday, saying the town was grateful.";
    assert_eq!(row(&extract(text), "the town was grateful").speaker, "The mayor");
}

#[test]
fn a_cue_word_heading_a_compound_after_an_indefinite_article_is_a_noun() {
    // "in a phone call": "call" after "a phone" is the compound's head,
    // not a verb reporting the clause after it.
    let rows = extract(
        "The paper said that, in a phone call in late July, Jane Roe may have asked Tom Reed to resign.",
    );
    for r in &rows {
        assert!(
            r.cue != "call",
            "\"call\" of \"a phone call\" is a noun: {r:#?}"
        );
    }
    assert!(rows.iter().any(|r| r.cue == "said"), "{rows:#?}");
}

#[test]
fn a_past_only_form_after_its_subject_is_the_clause_verb_whatever_the_tag() {
    // "stole" spells a noun too; after "the men" it is the tensed verb.
    let rows = extract("Prosecutors allege the men stole more than $2 million.");
    assert_eq!(claims(&rows), vec!["the men stole more than $2 million"], "{rows:#?}");
}

#[test]
fn a_subordinator_opens_a_claim_only_as_a_fronted_adverbial_clause() {
    // An adjunct of the reporting clause is no claim.
    let rows = extract("The union warned of strikes if the deal is rejected.");
    assert!(claims(&rows).is_empty(), "{:?}", claims(&rows));
    // A content clause may open with its own conditional clause.
    let rows = extract("The minister said if the rain continues, the dam will fail.");
    assert_eq!(
        claims(&rows),
        vec!["if the rain continues, the dam will fail"],
        "{rows:#?}"
    );
}

#[test]
fn a_participle_of_a_cue_after_the_subject_head_post_modifies_it() {
    // Anonymous sourcing: the reduced relative "briefed on the matter"
    // belongs to the subject, and "said" is the clause's verb.
    let rows = extract("Two people briefed on the matter said the mayor would resign.");
    assert_eq!(row(&rows, "the mayor would resign").speaker_name, "Two people briefed on the matter");
    // The person the source is close to does not speak.
    let rows = extract("Sources close to President Trump said the mayor would resign.");
    assert_eq!(
        row(&rows, "the mayor would resign").speaker_name,
        "Sources close to President Trump"
    );
    let rows = extract("A person with knowledge of the plan said it would be announced Monday.");
    assert_eq!(row(&rows, "it would be announced Monday").speaker_name, "person with knowledge of the plan");
}

#[test]
fn a_participle_after_than_or_as_reports_nothing() {
    let rows = extract("The economy is growing faster than expected, the minister said on Tuesday.");
    assert_eq!(claims(&rows), vec!["The economy is growing faster than expected"], "{rows:#?}");
}

#[test]
fn a_that_clause_after_a_content_noun_object_is_the_nouns_not_the_verbs() {
    // Smith dismisses the claims; the claim is not Smith's.
    let rows = extract("Jane Roe dismissed claims that the vote was rigged.");
    assert!(rows.iter().all(|r| r.speaker_name != "Jane Roe"), "{rows:#?}");
    // A noun that takes no content clause leaves the clause to the verb.
    let rows = extract("The Daily Planet cited a security source that the attack was planned.");
    assert_eq!(row(&rows, "the attack was planned").speaker_name, "Daily Planet");
}

#[test]
fn a_claim_inside_a_non_restrictive_relative_ends_with_it() {
    let rows = extract("Tom Reed, who said the mine was safe, resigned on Friday.");
    assert_eq!(claims(&rows), vec!["the mine was safe"], "{rows:#?}");
}

#[test]
fn a_content_nouns_clause_is_said_by_its_possessor_or_the_asserting_subject() {
    let rows = extract("Jane Roe's claim that the vote was rigged was rejected by the court.");
    assert_eq!(claims(&rows), vec!["the vote was rigged"], "{rows:#?}");
    assert_eq!(row(&rows, "the vote was rigged").speaker_name, "Jane Roe");
    let rows = extract("Health officials voiced concern that the virus could spread.");
    assert_eq!(row(&rows, "the virus could spread").speaker_name, "Health officials");
    // A relative clause after the noun; someone else's claim.
    let rows = extract("Jane Roe's claim that he made on Monday was false.");
    assert!(claims(&rows).is_empty(), "{rows:#?}");
}

#[test]
fn headline_clauses_after_a_noun_read_for_a_cue_or_a_verb_read_for_a_noun() {
    // "suspect" before a participle is a noun, the clause's subject.
    let rows = extract("Police say suspect fled on foot\n\nThe story follows.");
    assert_eq!(claims(&rows), vec!["suspect fled on foot"], "{rows:#?}");
    // "finds" read as a plural noun still opens its clause.
    let rows = extract("Study finds coffee may protect liver\n\nThe story follows.");
    assert_eq!(claims(&rows), vec!["coffee may protect liver"], "{rows:#?}");
}

#[test]
fn a_that_after_a_finite_verb_opens_a_coordinated_clause_not_the_first() {
    // Without "that", the clause starts after the verb; the "that" after
    // "and" opens a second clause of the same report.
    let rows = extract("He said the tax cut would pay for itself and that critics were wrong.");
    let r = row(&rows, "the tax cut would pay for itself and that critics were wrong");
    assert_eq!(r.kind, whosaid::Kind::Indirect);
    // Before the clause, a "that" some words after the verb still opens it.
    let rows = extract("The minister told reporters on Monday that the talks had failed.");
    row(&rows, "the talks had failed");
}

#[test]
fn a_relation_with_to_and_a_member_noun_are_part_of_the_speaker_phrase() {
    let rows = extract("An adviser to the president said the talks were over.");
    assert_eq!(row(&rows, "the talks were over").speaker, "An adviser to the president");
    let rows = extract("Members of the committee said they had not seen the report.");
    assert_eq!(
        row(&rows, "they had not seen the report").speaker,
        "Members of the committee"
    );
    // The committee alone is the speaker when it speaks.
    let rows = extract("The committee said it had not seen the report.");
    assert_eq!(row(&rows, "it had not seen the report").speaker, "The committee");
}

#[test]
fn a_person_named_after_a_preposition_is_inside_the_speaker_phrase() {
    // The lawyer, the aide and the spokesman speak, not the person they
    // act for.
    for (text, speaker) in [
        ("A lawyer for John Smith said the report was wrong.", "A lawyer for John Smith"),
        ("An aide to President Biden said the report was wrong.", "An aide to President Biden"),
        ("A spokesman for President Trump said the report was wrong.", "A spokesman for President Trump"),
        ("The wife of John Smith said the report was wrong.", "The wife of John Smith"),
        ("A spokeswoman for the Justice Department said the report was wrong.", "A spokeswoman for the Justice Department"),
    ] {
        let rows = extract(text);
        let r = row(&rows, "the report was wrong");
        assert_eq!(r.speaker, speaker, "{text}");
        assert!(!["John Smith", "Joseph Biden", "Donald Trump"].contains(&r.speaker_name.as_str()), "{text}");
    }
    // A name right after the description, without a preposition, is the
    // person it describes.
    let rows = extract("The new head of the port authority Councillor Maria Lopez said the report was wrong.");
    assert_eq!(row(&rows, "the report was wrong").speaker_name, "Maria Lopez");
}

#[test]
fn with_of_membership_post_modifies_a_source() {
    let rows = extract("An official with the Department of Homeland Security said the report was wrong.");
    let r = row(&rows, "the report was wrong");
    assert_eq!(r.speaker, "An official with the Department of Homeland Security");
    assert_eq!(r.speaker_type, Some(whosaid::SpeakerType::Person));
    // The department alone speaks when it is the subject.
    let rows = extract("The Department of Homeland Security said the report was wrong.");
    assert_eq!(row(&rows, "the report was wrong").speaker_name, "Department of Homeland Security");
}

#[test]
fn names_coordinated_as_the_subject_are_one_joint_speaker() {
    let rows = extract(
        "Police chief Nick Adderley met reporters.\n\nAdderley and Stephen Mold said the immunity should be waived.",
    );
    let r = row(&rows, "the immunity should be waived");
    assert_eq!(r.speaker, "Adderley and Stephen Mold");
    assert_eq!(r.speaker_name, "Nick Adderley and Stephen Mold");
    assert_eq!(r.speaker_type, Some(whosaid::SpeakerType::Group));
    assert_eq!(r.speaker_id, "");
    let rows = extract("\"We will fight,\" said Jane Roe and Tom Baker.");
    assert_eq!(row(&rows, "We will fight,").speaker_name, "Jane Roe and Tom Baker");
    // A name joined to an object is no part of the subject.
    let rows = extract("John Smith met Tom Baker and Jane Roe said the deal was dead.");
    assert_eq!(row(&rows, "the deal was dead").speaker_name, "Jane Roe");
}

#[test]
fn a_past_that_is_never_a_participle_opens_the_clause_of_a_verb_of_showing() {
    let rows = extract("The memo shows the agency knew about the risks.");
    assert_eq!(row(&rows, "the agency knew about the risks").speaker, "The memo");
    // A regular past may be a participle of an object: no clause.
    let rows = extract("Police found the man injured in the street.");
    assert!(rows.is_empty(), "{rows:#?}");
}

#[test]
fn a_closing_attribution_closes_over_a_bracketed_party_and_an_appositive() {
    for text in [
        "The report was wrong, said Sen. Chuck Schumer (D-N.Y.).",
        "The report was wrong, said Schumer, a New York Democrat.",
        "The report was wrong, said Schumer, a New York Democrat, in a statement.",
    ] {
        let rows = extract(text);
        let r = row(&rows, "The report was wrong");
        assert_eq!(r.rule, "claim/trailing", "{text}");
    }
    // A clause after the name is no appositive: the sentence does not
    // close with the attribution.
    let rows = extract("The report was wrong, said Schumer, the plan failed.");
    assert!(rows.iter().all(|r| r.rule != "claim/trailing"), "{rows:#?}");
}

#[test]
fn a_plural_subject_read_as_a_verb_and_its_post_modifier_speak() {
    // The tagger reads "Republicans" and "Aides" as verbs in -s; a
    // sentence does not open with a tensed verb and a preposition.
    let rows = extract("Aides to the governor say privately that he will not run again.");
    assert_eq!(row(&rows, "he will not run again").speaker, "Aides to the governor");
    let rows = extract("Republicans on the committee contend that the subpoena is invalid.");
    assert_eq!(row(&rows, "the subpoena is invalid").speaker, "Republicans");
    let rows = extract("Democrats in the House said the vote was rigged.");
    assert_eq!(row(&rows, "the vote was rigged").speaker, "Democrats");
    // The committee speaks when it is the subject.
    let rows = extract("The committee said the vote was rigged.");
    assert_eq!(row(&rows, "the vote was rigged").speaker, "The committee");
}
