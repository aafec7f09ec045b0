//! Criterion benches of the pipeline's stages on a fixed generated corpus
//! (`whosaid::corpus`, seed 1): gazetteer build, normalize, scan (segment
//! and quotes), analyze (every stage up to the rules), write (rows to CSV
//! in memory) and the whole extraction. Throughput is in input bytes, so
//! the stages can be compared with each other and with `scripts/bench.sh`.
//!
//! `cargo bench --bench pipeline` (add `-- normalize` for one stage).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::output::{Format, RowEncoder};
use whosaid::{normalize, quotes, segment, Extractor};

/// About 256 KB of documents: long enough to average over, short enough
/// for a sample to take tens of milliseconds.
fn corpus() -> Vec<(String, String)> {
    let mut jsonl = Vec::new();
    whosaid::corpus::generate(&mut jsonl, 1, 1).unwrap();
    let mut docs = Vec::new();
    let mut bytes = 0;
    for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let d = whosaid::input::parse_record(line).unwrap();
        bytes += d.text.len();
        docs.push((d.id, d.text));
        if bytes > 256 * 1024 {
            break;
        }
    }
    docs
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let extractor = Extractor::shipped(&[]).unwrap();

    let mut g = c.benchmark_group("build");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("gazetteer", |b| {
        b.iter(|| Extractor::shipped(&[]).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64))
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for (_, t) in &docs {
                std::hint::black_box(normalize::normalize(t));
            }
        })
    });
    let clean: Vec<String> =
        docs.iter().map(|(_, t)| normalize::normalize(t).text).collect();
    g.bench_function("scan", |b| {
        b.iter(|| {
            for t in &clean {
                let s = segment::segment(t);
                std::hint::black_box(quotes::scan(t, &s));
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for (_, t) in &docs {
                std::hint::black_box(extractor.analyze(t).attributions.len());
            }
        })
    });
    g.bench_function("resolve and rows", |b| {
        let analyses: Vec<_> =
            docs.iter().map(|(_, t)| extractor.analyze(t)).collect();
        b.iter(|| {
            for ((id, _), a) in docs.iter().zip(&analyses) {
                let r = extractor.resolve(a);
                std::hint::black_box(whosaid::output::rows(id, a, &r));
            }
        })
    });
    let rows: Vec<_> =
        docs.iter().map(|(id, t)| extractor.extract(id, t)).collect();
    g.bench_function("write", |b| {
        let encoder = RowEncoder::new(Format::Csv);
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for r in &rows {
                encoder.encode(r, &mut out);
            }
            std::hint::black_box(out.len())
        })
    });
    g.bench_function("extract+write", |b| {
        let encoder = RowEncoder::new(Format::Csv);
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for (id, t) in &docs {
                encoder.encode(&extractor.extract(id, t), &mut out);
            }
            std::hint::black_box(out.len())
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
