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

Why not `RDD.pipe`: PySpark starts the program with an empty environment
and, unless `checkCode=True`, ignores its exit status, so a crash loses
rows without a word; and a JVM pipe that decodes with the platform
charset corrupts non-ASCII text under `LANG=C`.
"""

import argparse
import shlex

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


if __name__ == "__main__":
    main()
