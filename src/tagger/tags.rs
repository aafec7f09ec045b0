//! The tag sets: Penn Treebank tags ([`Xpos`], as in the XPOS column of the
//! UD English Web Treebank) and Universal POS tags ([`Upos`]), and the pair
//! the tagger predicts for a word ([`PosTag`]).
//!
//! Input: tag names as written in CoNLL-U. Output: one-byte enums with
//! predicates for the rules. Place in the pipeline: the vocabulary of the
//! `tag` stage (input → normalize → segment → **tag** → quotes → ...).

macro_rules! tag_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every tag, in the order of their numbers.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The tag as written in CoNLL-U.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )* }
            }

            /// The tag written `text` in CoNLL-U, if there is one.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $( $text => Some($name::$variant), )* _ => None }
            }

            /// The tag numbered `n` (its `as u8`), if there is one.
            pub fn from_u8(n: u8) -> Option<$name> {
                $name::ALL.get(usize::from(n)).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

tag_enum! {
    /// A Penn Treebank part-of-speech tag, with the additions of the
    /// English Web Treebank (ADD, AFX, GW, HYPH, NFP, XX).
    Xpos {
        /// `$`: currency sign.
        Dollar = "$",
        /// `''`: closing quotation mark.
        CloseQuote = "''",
        /// `,`: comma.
        Comma = ",",
        /// `-LRB-`: opening bracket.
        LeftBracket = "-LRB-",
        /// `-RRB-`: closing bracket.
        RightBracket = "-RRB-",
        /// `.`: sentence-final punctuation.
        Period = ".",
        /// `:`: colon, semicolon, dash, ellipsis.
        Colon = ":",
        /// `ADD`: e-mail address or URL.
        Add = "ADD",
        /// `AFX`: affix written apart ("pre", "anti").
        Afx = "AFX",
        /// `CC`: coordinating conjunction.
        Cc = "CC",
        /// `CD`: cardinal number.
        Cd = "CD",
        /// `DT`: determiner (also demonstrative "that").
        Dt = "DT",
        /// `EX`: existential "there".
        Ex = "EX",
        /// `FW`: foreign word.
        Fw = "FW",
        /// `GW`: "goes with", a piece of a word split by a space.
        Gw = "GW",
        /// `HYPH`: hyphen.
        Hyph = "HYPH",
        /// `IN`: preposition or subordinating conjunction (also
        /// complementizer "that").
        In = "IN",
        /// `JJ`: adjective.
        Jj = "JJ",
        /// `JJR`: comparative adjective.
        Jjr = "JJR",
        /// `JJS`: superlative adjective.
        Jjs = "JJS",
        /// `LS`: list item marker.
        Ls = "LS",
        /// `MD`: modal.
        Md = "MD",
        /// `NFP`: superfluous punctuation (emoticons, "***").
        Nfp = "NFP",
        /// `NN`: singular or mass noun.
        Nn = "NN",
        /// `NNP`: singular proper noun.
        Nnp = "NNP",
        /// `NNPS`: plural proper noun.
        Nnps = "NNPS",
        /// `NNS`: plural noun.
        Nns = "NNS",
        /// `PDT`: predeterminer ("all the").
        Pdt = "PDT",
        /// `POS`: possessive ending "'s".
        Pos = "POS",
        /// `PRP`: personal pronoun.
        Prp = "PRP",
        /// `PRP$`: possessive pronoun.
        PrpPossessive = "PRP$",
        /// `RB`: adverb.
        Rb = "RB",
        /// `RBR`: comparative adverb.
        Rbr = "RBR",
        /// `RBS`: superlative adverb.
        Rbs = "RBS",
        /// `RP`: particle ("gave up").
        Rp = "RP",
        /// `SYM`: symbol.
        Sym = "SYM",
        /// `TO`: "to".
        To = "TO",
        /// `UH`: interjection.
        Uh = "UH",
        /// `VB`: verb, base form.
        Vb = "VB",
        /// `VBD`: verb, past tense.
        Vbd = "VBD",
        /// `VBG`: verb, gerund or present participle.
        Vbg = "VBG",
        /// `VBN`: verb, past participle.
        Vbn = "VBN",
        /// `VBP`: verb, present tense, not third person singular.
        Vbp = "VBP",
        /// `VBZ`: verb, present tense, third person singular.
        Vbz = "VBZ",
        /// `WDT`: wh-determiner (also relative "that").
        Wdt = "WDT",
        /// `WP`: wh-pronoun.
        Wp = "WP",
        /// `WP$`: possessive wh-pronoun.
        WpPossessive = "WP$",
        /// `WRB`: wh-adverb.
        Wrb = "WRB",
        /// `XX`: unknown (older EWT releases).
        Xx = "XX",
        /// `` `` ``: opening quotation mark.
        OpenQuote = "``",
    }
}

tag_enum! {
    /// A Universal Dependencies part-of-speech tag.
    Upos {
        /// Adjective.
        Adj = "ADJ",
        /// Adposition (preposition).
        Adp = "ADP",
        /// Adverb.
        Adv = "ADV",
        /// Auxiliary (be, have, do, modals as auxiliaries).
        Aux = "AUX",
        /// Coordinating conjunction.
        Cconj = "CCONJ",
        /// Determiner.
        Det = "DET",
        /// Interjection.
        Intj = "INTJ",
        /// Noun.
        Noun = "NOUN",
        /// Numeral.
        Num = "NUM",
        /// Particle.
        Part = "PART",
        /// Pronoun.
        Pron = "PRON",
        /// Proper noun.
        Propn = "PROPN",
        /// Punctuation.
        Punct = "PUNCT",
        /// Subordinating conjunction (also complementizer "that").
        Sconj = "SCONJ",
        /// Symbol.
        Sym = "SYM",
        /// Verb.
        Verb = "VERB",
        /// Other.
        X = "X",
    }
}

impl Xpos {
    /// Any verb form: VB, VBD, VBG, VBN, VBP, VBZ (not MD).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Xpos::Vb
                | Xpos::Vbd
                | Xpos::Vbg
                | Xpos::Vbn
                | Xpos::Vbp
                | Xpos::Vbz
        )
    }

    /// A verb form that carries tense: VBD, VBP, VBZ, or a modal (MD).
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Xpos::Vbd | Xpos::Vbp | Xpos::Vbz | Xpos::Md)
    }

    /// A participle: VBN or VBG.
    pub fn is_participle(self) -> bool {
        matches!(self, Xpos::Vbn | Xpos::Vbg)
    }

    /// A common or proper noun, singular or plural.
    pub fn is_noun(self) -> bool {
        matches!(self, Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Nnps)
    }

    /// A proper noun: NNP or NNPS.
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Xpos::Nnp | Xpos::Nnps)
    }

    /// A plural noun: NNS or NNPS.
    pub fn is_plural_noun(self) -> bool {
        matches!(self, Xpos::Nns | Xpos::Nnps)
    }

    /// An adjective: JJ, JJR, JJS.
    pub fn is_adjective(self) -> bool {
        matches!(self, Xpos::Jj | Xpos::Jjr | Xpos::Jjs)
    }

    /// An adverb: RB, RBR, RBS.
    pub fn is_adverb(self) -> bool {
        matches!(self, Xpos::Rb | Xpos::Rbr | Xpos::Rbs)
    }

    /// A personal or possessive pronoun: PRP, PRP$.
    pub fn is_pronoun(self) -> bool {
        matches!(self, Xpos::Prp | Xpos::PrpPossessive)
    }

    /// A wh-word: WDT, WP, WP$, WRB.
    pub fn is_wh(self) -> bool {
        matches!(self, Xpos::Wdt | Xpos::Wp | Xpos::WpPossessive | Xpos::Wrb)
    }

    /// A word that can start a noun phrase before its head: DT, PDT,
    /// PRP$, WP$, CD (a quantifier or number).
    pub fn is_determiner_like(self) -> bool {
        matches!(
            self,
            Xpos::Dt
                | Xpos::Pdt
                | Xpos::PrpPossessive
                | Xpos::WpPossessive
                | Xpos::Cd
        )
    }

    /// A punctuation tag (including quotation marks, brackets, HYPH and
    /// NFP).
    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            Xpos::CloseQuote
                | Xpos::OpenQuote
                | Xpos::Comma
                | Xpos::LeftBracket
                | Xpos::RightBracket
                | Xpos::Period
                | Xpos::Colon
                | Xpos::Hyph
                | Xpos::Nfp
        )
    }
}

impl Upos {
    /// A verb or an auxiliary.
    pub fn is_verbal(self) -> bool {
        matches!(self, Upos::Verb | Upos::Aux)
    }

    /// A noun, proper noun or pronoun: something that can head a
    /// noun phrase.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron)
    }
}

/// The two tags the tagger gives a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PosTag {
    /// The Penn Treebank tag.
    pub xpos: Xpos,
    /// The universal tag.
    pub upos: Upos,
}

impl PosTag {
    /// A pair of tags.
    pub const fn new(xpos: Xpos, upos: Upos) -> PosTag {
        PosTag { xpos, upos }
    }
}

impl std::fmt::Display for PosTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.xpos, self.upos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &x in Xpos::ALL {
            assert_eq!(Xpos::parse(x.as_str()), Some(x));
            assert_eq!(Xpos::from_u8(x as u8), Some(x));
        }
        for &u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
            assert_eq!(Upos::from_u8(u as u8), Some(u));
        }
        assert_eq!(Xpos::parse("PRP$"), Some(Xpos::PrpPossessive));
        assert_eq!(Xpos::parse("nn"), None);
    }

    #[test]
    fn predicates() {
        assert!(Xpos::Vbz.is_finite_verb() && Xpos::Vbz.is_verb());
        assert!(!Xpos::Vbn.is_finite_verb() && Xpos::Vbn.is_participle());
        assert!(Xpos::Md.is_finite_verb() && !Xpos::Md.is_verb());
        assert!(Xpos::Nnps.is_noun() && Xpos::Nnps.is_plural_noun());
        assert!(!Xpos::Prp.is_noun());
        assert!(Xpos::Hyph.is_punctuation() && !Xpos::Sym.is_punctuation());
    }
}
