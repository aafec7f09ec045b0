"""Run `whosaid` over a JSONL archive on Apache Spark.

    spark-submit --files /path/to/whosaid \
        scripts/spark/whosaid_spark.py INPUT.jsonl OUTPUT_DIR

INPUT is one or more JSONL files or folders ({"doc_id"|"id", "text"} a
line), read as plain lines and handed unchanged to the binary. `--keep
url,date` carries those record fields into extra columns after the
table's, as `whosaid extract --keep` does. Each
partition runs one `whosaid extract --jsonl-stream --threads 1` through
Spark SQL's `TRANSFORM ... USING`, which writes and reads the pipe as
UTF-8 whatever the executor's locale, and fails the task (and so the job)
when the program exits non-zero. The answers are flattened into the quote
table: OUTPUT_DIR/table/ holds CSV files with a header and the columns of
`whosaid extract` in the same order; OUTPUT_DIR/errors/ holds the records
that could not be read, as JSON lines {"doc_id", "error"}, so nothing is
dropped silently.

`--mode trace` runs `whosaid trace` instead (the same words across the
archive, see README.md): each partition runs `whosaid trace
--sketch-stream`, which extracts each record and answers with its sketch
(rows, fingerprints, MinHash signature); the lines are numbered before
they are shared out, so the driver puts the answers back in input order
in OUTPUT_DIR/sketches.jsonl and runs `whosaid trace --sketches` on them
there: OUTPUT_DIR/quotes.csv and OUTPUT_DIR/occurrences.csv are the
tables a single `whosaid trace INPUT --occurrences ...` writes, byte for
byte. The extraction, nearly all of the work, is spread out; the tracing,
which must see the documents in order, is one streaming pass.

Why not `RDD.pipe`: PySpark starts the program with an empty environment
and, unless `checkCode=True`, ignores its exit status, so a crash loses
rows without a word; and a JVM pipe that decodes with the platform
charset corrupts non-ASCII text under `LANG=C`.
"""

import argparse
import os
import shlex
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The CSV columns of `whosaid extract`, in order (COLUMNS in
# src/output.rs), with the types of the JSON rows.
COLUMNS = [
    ("doc_id", T.StringType()),
    ("quote_id", T.LongType()),
    ("kind", T.StringType()),
    ("quote", T.StringType()),
    ("quote_start", T.LongType()),
    ("quote_end", T.LongType()),
    ("speaker", T.StringType()),
    ("speaker_start", T.LongType()),
    ("speaker_end", T.LongType()),
    ("speaker_name", T.StringType()),
    ("speaker_type", T.StringType()),
    ("speaker_role", T.StringType()),
    ("speaker_id", T.StringType()),
    ("cue", T.StringType()),
    ("via", T.StringType()),
    ("rule", T.StringType()),
    ("confidence", T.StringType()),
    ("paragraph", T.LongType()),
    ("cue_class", T.StringType()),
    ("frame", T.StringType()),
]


def answer_schema(columns):
    """The schema of one `--jsonl-stream` answer line."""
    return T.StructType(
        [
            T.StructField("doc_id", T.StringType()),
            T.StructField(
                "rows",
                T.ArrayType(
                    T.StructType([T.StructField(n, t) for n, t in columns])
                ),
            ),
            T.StructField("error", T.StringType()),
        ]
    )


ANSWER = answer_schema(COLUMNS)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", nargs="+", help="JSONL files or folders")
    p.add_argument("output", help="output folder (table/ and errors/)")
    p.add_argument(
        "--binary",
        default="whosaid",
        help="file name of the binary shipped with --files (default whosaid)",
    )
    p.add_argument(
        "--partitions",
        type=int,
        help="repartition the input lines first (default: as read)",
    )
    p.add_argument(
        "--single-file",
        action="store_true",
        help="write one CSV file (all rows through one task)",
    )
    p.add_argument(
        "--keep",
        default="",
        metavar="FIELD,...",
        help="JSONL fields to copy into extra columns after the table's "
        "(as `whosaid extract --keep`; read as strings)",
    )
    p.add_argument(
        "--mode",
        choices=["extract", "trace"],
        default="extract",
        help="extract: the quote table (default); trace: the quotations "
        "and occurrences tables of `whosaid trace`",
    )
    args = p.parse_args()
    keep = [k.strip() for k in args.keep.split(",") if k.strip()]
    # Kept fields are read as strings: a number comes through as written.
    columns = COLUMNS + [(k, T.StringType()) for k in keep]

    spark = SparkSession.builder.appName("whosaid").getOrCreate()
    master = spark.sparkContext.master
    # On YARN and Kubernetes, --files lands in each executor's working
    # folder; in local mode it stays in the driver's SparkFiles folder.
    if master.startswith("local"):
        program = SparkFiles.get(args.binary)
    else:
        program = "./" + args.binary
    if args.mode == "trace":
        status = trace(spark, args, program, keep)
        spark.stop()
        sys.exit(status)
    q = shlex.quote(program)
    # TRANSFORM runs the command with /bin/bash -c. The chmod covers
    # stores that drop the executable bit.
    command = (
        f"chmod u+x {q} 2>/dev/null; "
        f"exec {q} extract --jsonl-stream --threads 1 --quiet"
        + (f" --keep {shlex.quote(','.join(keep))}" if keep else "")
    )

    lines = spark.read.text(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)
    lines.createOrReplaceTempView("whosaid_input")
    # One column in, one out: no field delimiter is ever applied, and the
    # binary writes JSON with every control character escaped, so each
    # answer is exactly one line.
    answers = spark.sql(
        "SELECT TRANSFORM(value) USING '"
        + command.replace("\\", "\\\\").replace("'", "\\'")
        + "' AS (answer STRING) FROM whosaid_input"
    )
    parsed = answers.select(F.from_json("answer", answer_schema(columns)).alias("a")).select(
        "a.*"
    )
    parsed.cache()

    table = parsed.where(F.col("error").isNull()).select(
        F.explode("rows").alias("r")
    )
    table = table.select([F.col("r." + n).alias(n) for n, _ in columns])
    if args.single_file:
        table = table.coalesce(1)
    # RFC 4180 like the binary: quote with ", double an inner ", and write
    # an empty field (not "") for an empty string.
    (
        table.write.mode("overwrite")
        .option("header", True)
        .option("quote", '"')
        .option("escape", '"')
        .option("emptyValue", "")
        .option("encoding", "UTF-8")
        .csv(args.output + "/table")
    )
    errors = parsed.where(F.col("error").isNotNull()).select("doc_id", "error")
    errors.write.mode("overwrite").json(args.output + "/errors")
    n_errors = errors.count()
    print(f"whosaid_spark: {n_errors} record(s) answered with an error")
    spark.stop()


def trace(spark, args, program, keep):
    """`--mode trace`: sketches in the partitions, the trace on the driver.

    Returns the exit status of `whosaid trace --sketches` (1 when some
    records could not be read, as a single run says)."""
    q = shlex.quote(program)
    keep_arg = f" --keep {shlex.quote(','.join(keep))}" if keep else ""
    command = (
        f"chmod u+x {q} 2>/dev/null; "
        f"exec {q} trace --sketch-stream --quiet{keep_arg}"
    )
    sc = spark.sparkContext
    # textFile keeps the files and their lines in order (spark.read.text
    # packs file splits by size), and zipWithIndex numbers them.
    lines = (
        sc.textFile(",".join(args.input))
        .zipWithIndex()
        .filter(lambda x: x[0].strip() != "")
        .map(lambda x: (x[1], x[0]))
    )
    df = spark.createDataFrame(lines, "n BIGINT, value STRING")
    if args.partitions:
        df = df.repartition(args.partitions)
    df.createOrReplaceTempView("whosaid_trace_input")
    # Two columns in: `n\x01record` (TRANSFORM's field separator), which
    # the binary answers `n\x01sketch` (JSON has no raw control
    # character, so the split is exact).
    answers = spark.sql(
        "SELECT TRANSFORM(n, value) USING '"
        + command.replace("\\", "\\\\").replace("'", "\\'")
        + "' AS (n BIGINT, sketch STRING) FROM whosaid_trace_input"
    )
    os.makedirs(args.output, exist_ok=True)
    sketches = os.path.join(args.output, "sketches.jsonl")
    count = 0
    with open(sketches, "w", encoding="utf-8") as f:
        for row in answers.orderBy("n").toLocalIterator():
            f.write(row.sketch + "\n")
            count += 1
    # The driver has the --files too, in its SparkFiles folder.
    local = SparkFiles.get(args.binary)
    os.chmod(local, os.stat(local).st_mode | 0o100)
    cmd = [local, "trace", "--quiet", "--sketches"]
    if keep:
        cmd += ["--keep", ",".join(keep)]
    cmd += [
        "-o",
        os.path.join(args.output, "quotes.csv"),
        "--occurrences",
        os.path.join(args.output, "occurrences.csv"),
        sketches,
    ]
    status = subprocess.run(cmd).returncode
    print(f"whosaid_spark: {count} sketch lines traced, exit status {status}")
    return 0 if status in (0, 1) else status


if __name__ == "__main__":
    main()
