//! The `whosaid._whosaid` extension module: the Rust side of the Python
//! package `whosaid`.
//!
//! Input: article texts (and ids) handed over by Python, plus the
//! gazetteer files an [`Extractor`] is built from. Output: the rows of
//! the table as Python dicts, keyed by the CSV contract's column names
//! in contract order (`whosaid::output::COLUMNS`), with typed values:
//! `int` offsets and counts, `float` confidence, `None` for an empty
//! cell. Offsets are code point offsets, which are Python `str` indices.
//!
//! Place: a thin layer over `whosaid::Extractor`; streaming, record
//! checking, pyarrow and pandas live in `python/whosaid/__init__.py`.
//! The GIL is released while the pipeline runs, so Python threads and
//! the rayon pool of `extract_batch` run extraction in parallel.

use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rayon::prelude::*;
use serde_json::Value;

use whosaid::output::{Row, COLUMNS};

/// A compiled extractor: the gazetteer and word lists, built once.
///
/// Immutable and shared: one instance may be used from many threads.
#[pyclass(module = "whosaid._whosaid", name = "Extractor", frozen)]
struct PyExtractor {
    inner: whosaid::Extractor,
}

#[pymethods]
impl PyExtractor {
    /// Builds an extractor from the shipped data and the gazetteer
    /// files at `gazetteers` (same columns as data/people.tsv).
    /// `shipped=False` leaves the shipped gazetteer out.
    #[new]
    #[pyo3(signature = (gazetteers=None, shipped=true))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<Vec<PathBuf>>,
        shipped: bool,
    ) -> PyResult<PyExtractor> {
        let mut builder = whosaid::Extractor::builder().shipped_gazetteers(shipped);
        for path in gazetteers.unwrap_or_default() {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                PyOSError::new_err(format!(
                    "cannot read gazetteer {}: {e}",
                    path.display()
                ))
            })?;
            builder = builder.gazetteer_str(path.display().to_string(), text);
        }
        match py.allow_threads(|| builder.build()) {
            Ok(inner) => Ok(PyExtractor { inner }),
            Err(e) => {
                let lines: Vec<String> =
                    e.data_errors().iter().map(|e| e.to_string()).collect();
                Err(PyValueError::new_err(format!(
                    "{} bad line(s) in the gazetteer files:\n{}",
                    lines.len(),
                    lines.join("\n")
                )))
            }
        }
    }

    /// The rows of one document, as dicts in column order.
    #[pyo3(signature = (text, doc_id=None, html=false))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: String,
        doc_id: Option<String>,
        html: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let id = doc_id.unwrap_or_default();
        let rows = py.allow_threads(|| run(&self.inner, &id, &text, html));
        rows_to_list(py, &rows)
    }

    /// The rows of each `(doc_id, text)` pair, one list a document, in
    /// input order, extracted on `threads` threads (default: all cores).
    /// The rows are the same whatever the thread count.
    #[pyo3(signature = (docs, threads=None, html=false))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<(String, String)>,
        threads: Option<usize>,
        html: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let inner = &self.inner;
        let all: Result<Vec<Vec<Row>>, String> = py.allow_threads(|| {
            let work = || {
                docs.par_iter()
                    .map(|(id, text)| run(inner, id, text, html))
                    .collect::<Vec<_>>()
            };
            match threads {
                None => Ok(work()),
                Some(1) => Ok(docs
                    .iter()
                    .map(|(id, text)| run(inner, id, text, html))
                    .collect()),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map(|pool| pool.install(work))
                    .map_err(|e| format!("cannot start {n} threads: {e}")),
            }
        });
        let all = all.map_err(PyOSError::new_err)?;
        let out = PyList::empty(py);
        for rows in &all {
            out.append(rows_to_list(py, rows)?)?;
        }
        Ok(out)
    }
}

/// One document through the pipeline.
fn run(
    extractor: &whosaid::Extractor,
    id: &str,
    text: &str,
    html: bool,
) -> Vec<Row> {
    if html {
        extractor.extract_html(id, text)
    } else {
        extractor.extract(id, text)
    }
}

/// Rows as a list of dicts. Each row goes through serde, so that a
/// column added to `Row` and `COLUMNS` reaches Python without a change
/// here.
fn rows_to_list<'py>(
    py: Python<'py>,
    rows: &[Row],
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for row in rows {
        let value = serde_json::to_value(row)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(PyValueError::new_err("a row is not an object"));
        };
        let dict = PyDict::new(py);
        for &column in COLUMNS {
            let v = map.get(column).unwrap_or(&Value::Null);
            dict.set_item(column, cell(py, column, v)?)?;
        }
        out.append(dict)?;
    }
    Ok(out)
}

/// One typed cell: numbers as `int`, `confidence` as `float`, empty
/// strings and absent spans as `None`.
fn cell<'py>(
    py: Python<'py>,
    column: &str,
    v: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) if s.is_empty() => py.None().into_bound(py),
        Value::String(s) if column == "confidence" => match s.parse::<f64>() {
            Ok(f) => f.into_pyobject(py)?.into_any(),
            Err(_) => s.into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        other => other.to_string().into_pyobject(py)?.into_any(),
    })
}

/// The Rust core of the `whosaid` Python package.
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add("COLUMNS", COLUMNS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
