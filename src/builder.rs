//! [`ExtractorBuilder`]: how a caller puts an [`Extractor`] together.
//!
//! Input: whether to use the shipped gazetteer files, the caller's own
//! gazetteers (paths, readers or strings), the rules to run. Output: an
//! [`Extractor`], or an [`Error`] naming every bad `file:line`.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::gazetteer::GazetteerBuilder;
use crate::lexicon::{self, Lexicon};
use crate::rules::Selection;
use crate::Extractor;

/// Builds an [`Extractor`]; see [`Extractor::builder`].
///
/// ```
/// # fn main() -> Result<(), whosaid::Error> {
/// let tsv = "id\tname\ttype\taliases\tshort_forms\tgender\troles\twikidata\n\
///            my:1\tZorva Quellin\tperson\t\tQuellin\tf\tlawyer\t\n";
/// let extractor = whosaid::Extractor::builder()
///     .gazetteer_str("mine.tsv", tsv)
///     .build()?;
/// let text = "\"We will appeal,\" Zorva Quellin said.";
/// let rows = extractor.extract("doc", text);
/// assert_eq!(rows[0].speaker_id, "my:1");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use]
pub struct ExtractorBuilder {
    shipped_gazetteers: bool,
    sources: Vec<Source>,
    selection: Selection,
}

/// A gazetteer the caller gave: read now (text) or at build (path).
#[derive(Debug)]
enum Source {
    Text { name: String, text: String },
    Path(PathBuf),
    Unreadable { name: String, error: std::io::Error },
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            shipped_gazetteers: true,
            sources: Vec::new(),
            selection: Selection::all(),
        }
    }
}

impl ExtractorBuilder {
    /// A builder with the shipped data, no gazetteer of the caller's and
    /// every rule.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Whether the shipped gazetteer files (people, organisations,
    /// outlets, ...) name entities (default: yes). Off, only the caller's
    /// gazetteers do; the word lists (cues, titles, pronouns) are always
    /// the shipped ones, since the rules cannot run without them.
    pub fn shipped_gazetteers(mut self, on: bool) -> ExtractorBuilder {
        self.shipped_gazetteers = on;
        self
    }

    /// Adds a gazetteer file, read by [`ExtractorBuilder::build`]; its
    /// errors name the path.
    pub fn gazetteer_path(
        mut self,
        path: impl AsRef<Path>,
    ) -> ExtractorBuilder {
        self.sources.push(Source::Path(path.as_ref().to_path_buf()));
        self
    }

    /// Adds a gazetteer given as text; `name` is what its errors name.
    pub fn gazetteer_str(
        mut self,
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> ExtractorBuilder {
        self.sources
            .push(Source::Text { name: name.into(), text: text.into() });
        self
    }

    /// Adds a gazetteer read at once from `reader` (UTF-8); `name` is what
    /// its errors name. A read error is returned by
    /// [`ExtractorBuilder::build`].
    pub fn gazetteer_reader(
        mut self,
        name: impl Into<String>,
        mut reader: impl Read,
    ) -> ExtractorBuilder {
        let name = name.into();
        let mut text = String::new();
        self.sources.push(match reader.read_to_string(&mut text) {
            Ok(_) => Source::Text { name, text },
            Err(error) => Source::Unreadable { name, error },
        });
        self
    }

    /// Runs only the rules `selection` keeps (default: all); see
    /// [`Selection::parse`].
    pub fn rules(mut self, selection: Selection) -> ExtractorBuilder {
        self.selection = selection;
        self
    }

    /// Reads the gazetteer paths and compiles the data: every bad line of
    /// every file is in the [`Error::Data`] returned, the first file
    /// that cannot be read is an [`Error::Io`].
    pub fn build(self) -> Result<Extractor, Error> {
        let mut files = Vec::with_capacity(self.sources.len());
        for source in self.sources {
            files.push(match source {
                Source::Text { name, text } => (name, text),
                Source::Path(path) => match std::fs::read_to_string(&path) {
                    Ok(text) => (path.display().to_string(), text),
                    Err(source) => return Err(Error::Io { path, source }),
                },
                Source::Unreadable { name, error } => {
                    return Err(Error::Io {
                        path: name.into(),
                        source: error,
                    });
                }
            });
        }
        compile(self.shipped_gazetteers, &files, self.selection)
    }
}

/// The lexicon and gazetteer compiled, errors in file order: the word
/// lists, the shipped gazetteer files (when on), then the caller's.
pub(crate) fn compile(
    shipped_gazetteers: bool,
    files: &[(String, String)],
    selection: Selection,
) -> Result<Extractor, Error> {
    let mut errors = Vec::new();
    let lexicon = Lexicon::shipped().map_err(|e| errors.extend(e)).ok();
    let gazetteer = if shipped_gazetteers {
        lexicon::build_gazetteer(files).map_err(|e| errors.extend(e)).ok()
    } else {
        let mut builder = GazetteerBuilder::new();
        for (name, text) in files {
            if let Err(e) = builder.add_file(name, text) {
                errors.extend(e);
            }
        }
        Some(builder.build())
    };
    match (lexicon, gazetteer) {
        (Some(lexicon), Some(gazetteer)) if errors.is_empty() => {
            Ok(Extractor { gazetteer, lexicon, selection })
        }
        _ => Err(Error::Data(errors)),
    }
}
