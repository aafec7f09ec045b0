//! The library's error type: what can go wrong building an
//! [`Extractor`](crate::Extractor).
//!
//! Input: the loaders' `file:line` errors, I/O errors on gazetteer paths,
//! bad rule patterns. Output: one [`Error`] implementing
//! [`std::error::Error`], so that `?` works in a caller's code.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::rules::SelectionError;
use crate::tsv::DataError;

/// Why an [`Extractor`](crate::Extractor) could not be built.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Bad lines in the data or gazetteer files, every one of them, each
    /// naming its `file:line`.
    Data(Vec<DataError>),
    /// A gazetteer file or reader that could not be read.
    Io {
        /// The path, or the name given with the reader.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// A rule pattern that names no rule.
    Rules(SelectionError),
}

impl Error {
    /// The bad data lines, when that is the error (empty otherwise).
    pub fn data_errors(&self) -> &[DataError] {
        match self {
            Error::Data(errors) => errors,
            _ => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Data(errors) => {
                write!(f, "{} bad line(s) in the data files", errors.len())?;
                for e in errors {
                    write!(f, "\n{e}")?;
                }
                Ok(())
            }
            Error::Io { path, .. } => {
                write!(f, "cannot read gazetteer {}", path.display())
            }
            Error::Rules(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Rules(e) => Some(e),
            Error::Data(_) => None,
        }
    }
}

impl From<Vec<DataError>> for Error {
    fn from(errors: Vec<DataError>) -> Error {
        Error::Data(errors)
    }
}

impl From<SelectionError> for Error {
    fn from(e: SelectionError) -> Error {
        Error::Rules(e)
    }
}
