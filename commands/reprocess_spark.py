"""``govnews reprocess --spark WARC… --out DIR [--master URL] [--ocr]``: run the Spark job and say what it wrote."""
from __future__ import annotations

import glob
import sys
from urllib.parse import urlsplit

from base.errors import BadInput


def run_reprocess_spark(warcs: list[str], out: str | None, *, master: str | None = None, ocr: bool = False,
                        quiet: bool = False) -> int:
    if not warcs:
        raise BadInput("reprocess --spark: give the WARC files (files, folders or globs)")
    if not out:
        raise BadInput("reprocess --spark: --out DIR is needed (the Parquet datasets go there)")
    for pattern in warcs:  # a local typo is reported before Spark takes seconds to start
        if not urlsplit(pattern).scheme and not glob.glob(pattern):
            raise BadInput(f"no WARC files match {pattern}")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise BadInput("reprocess --spark needs pyspark: pip install 'govnews[spark]'") from None
    from cluster.spark import run_job, spark_session

    running = SparkSession.getActiveSession()  # called from a program that already runs Spark: leave it running
    try:
        # Spark's stage progress bar on a terminal only, as govnews's own progress displays
        progress = {"spark.ui.showConsoleProgress": str(sys.stderr.isatty() and not quiet).lower()}
        spark = running or spark_session(master, quiet=quiet, conf=progress)
    except Exception as err:  # no Java, a bad master URL: one line, not a JVM trace
        raise BadInput(f"cannot start Spark ({master or 'local[*]'}): {str(err).splitlines()[0][:200]}") from None
    try:
        result = run_job(spark, warcs, out, ocr=ocr)
    finally:
        if running is None:
            spark.stop()
    if not quiet:
        print(f"reprocessed {result.records} archived records from {result.files} WARC file(s) in "
              f"{result.ranges} range(s): {result.articles} articles, {result.indicators} indicators, "
              f"{result.documents} documents, {result.errors} errors -> {out} ({result.seconds:.1f} s)",
              file=sys.stderr)
    return 0
