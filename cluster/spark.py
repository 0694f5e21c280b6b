"""``govnews reprocess --spark``: re-derive articles, figures and documents from WARC files on Apache Spark.

The job, in passes (every function the executors run is pyspark-free, in ``cluster.archive`` and
``cluster.records``):

1. the driver expands the inputs (files, folders, globs; any Hadoop file system) to WARC files;
2. one task per file lists its records and cuts it into ranges of about ``split_bytes`` (``archive.list_file``);
3. one task per range reads its records and runs the one-machine extraction on each (``records.derive``);
4. shuffles keep what one machine keeps: the newest fetch of each URL, one article per identity (canonical
   URL), one per content; attachments are joined to the articles that link them and read (``--ocr``);
5. each dataset is written as Parquet, partitioned by site and year, with dynamic partition overwrite: a
   re-run (after a kill, or on the same input) replaces exactly the partitions it writes, no duplicates.

The datasets and their columns: ``cluster/schema.py``. Cluster use: ``cluster/README.md``.
"""
from __future__ import annotations

import operator
import os
import time
from dataclasses import dataclass
from pathlib import Path

from pyspark import StorageLevel

from base.errors import BadInput
from cluster import archive, records, schema

SPLIT_BYTES = 8 * 2**20  # compressed WARC bytes per task at most: about a thousand pages, 10-20 s of extraction
MIN_SPLIT_BYTES = 256 * 2**10  # and at least (a task costs Spark tens of milliseconds)
TASKS_PER_CORE = 3  # small inputs are cut finer, so that every core gets work and the slowest range matters less
WARC_SUFFIXES = (".warc.gz", ".warc")
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class JobResult:
    files: int
    ranges: int
    records: int
    articles: int
    indicators: int
    documents: int
    document_indicators: int
    errors: int
    seconds: float


def spark_session(master: str | None = None, *, quiet: bool = False, conf: dict[str, str] | None = None):
    """A SparkSession for the job. ``master`` None: the one spark-submit gives, else ``local[*]``.

    Local masters run the executors' Python on this machine: they get this tree on their path.
    """
    from pyspark.sql import SparkSession

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        master = "local[*]"
    builder = SparkSession.builder.appName("govnews-reprocess")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
        builder = builder.config("spark.executorEnv.PYTHONPATH", path)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    if quiet:
        spark.sparkContext.setLogLevel("ERROR")
    return spark


def expand_inputs(spark, patterns: list[str]) -> list[tuple[str, int]]:
    """(URI, size) of the WARC files of files, folders (their ``*.warc.gz``/``*.warc``) and globs, through
    Hadoop's file systems (local, ``hdfs://``, ``s3a://``); sorted, each once."""
    jvm = spark.sparkContext._jvm
    hadoop_conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: dict[str, int] = {}
    for pattern in patterns:
        path = jvm.org.apache.hadoop.fs.Path(pattern)
        try:
            fs = path.getFileSystem(hadoop_conf)
            statuses = fs.globStatus(path) or []
        except Exception as err:
            raise BadInput(f"cannot read {pattern}: {str(err).splitlines()[0][:200]}") from None
        matched = {}
        for status in statuses:
            children = fs.listStatus(status.getPath()) if status.isDirectory() else [status]
            matched.update((c.getPath().toString(), c.getLen()) for c in children
                           if c.isFile() and c.getPath().getName().endswith(WARC_SUFFIXES))
        if not matched:
            raise BadInput(f"no WARC files match {pattern}")
        found.update(matched)
    return sorted(found.items())


def split_size(total_bytes: int, cores: int) -> int:
    """Compressed bytes per range: ``TASKS_PER_CORE`` ranges per core, within the bounds above."""
    return max(MIN_SPLIT_BYTES, min(SPLIT_BYTES, total_bytes // max(cores * TASKS_PER_CORE, 1)))


def run_job(spark, inputs: list[str], out: str, *, ocr: bool = False, split_bytes: int | None = None) -> JobResult:
    """Re-derive ``inputs`` (WARC files, folders, globs) into the Parquet datasets under ``out``.

    ``split_bytes``: compressed bytes per range (default: ``split_size`` of the input and the cluster's cores).
    """
    started = time.monotonic()
    sc = spark.sparkContext
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    sized = expand_inputs(spark, inputs)
    files = [path for path, _size in sized]
    split_bytes = split_bytes or split_size(sum(size for _path, size in sized), sc.defaultParallelism)
    listings = sc.parallelize(files, len(files)).map(lambda p: archive.list_file(p, split_bytes)).collect()
    hosts = frozenset().union(*(listing.hosts for listing in listings))
    ranges = [(listing.path, start, end) for listing in listings for start, end in listing.ranges]
    scope = sc.broadcast(hosts)
    derived = (sc.parallelize(ranges, max(len(ranges), 1))
               .flatMap(lambda r: archive.read_range(r[0], r[1], r[2], scope.value))
               .persist(StorageLevel.MEMORY_AND_DISK))
    damage = [listing.damage for listing in listings if listing.damage is not None]
    pages = derived.filter(lambda r: r["kind"] == records.PAGE).keyBy(lambda r: r["url"]) \
        .reduceByKey(records.later)
    # the crawler fetched an article's attachment links as documents: an HTML answer there (a "file not
    # found" page, a viewer) is no article and no extraction error
    attached = pages.values().filter(lambda r: r["article"] is not None).flatMap(records.attachment_links)
    pages = pages.subtractByKey(attached).values()
    articles = (pages.filter(lambda r: r["article"] is not None)
                .keyBy(lambda r: r["ident"]).reduceByKey(records.identity_winner).values()
                .keyBy(lambda r: r["content_hash"]).reduceByKey(records.earlier).values()
                .persist(StorageLevel.MEMORY_AND_DISK))
    errors = (pages.filter(lambda r: r["error"] is not None)
              .union(derived.filter(lambda r: r["kind"] == records.DAMAGED))
              .union(sc.parallelize(damage, 1))
              .map(records.error_row))
    linked = _linked_files(derived, articles)
    # read once (OCR is the costly part of a whole run), written twice and counted
    documents = linked.map(lambda doc: records.document_row(doc, archive.read_body(doc["path"], doc["offset"]), ocr)) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    for name, rows in (("articles", articles.map(records.article_row)),
                       ("indicators", articles.flatMap(records.indicator_rows)),
                       ("documents", documents),
                       ("document_indicators", documents.flatMap(records.document_indicator_rows)),
                       ("errors", errors)):
        _write(spark, rows, name, out)
    # one job counts everything, from cached records and the shuffles the writes left behind
    tally = sc.union([derived.map(lambda _r: ("records", 1)), articles.map(lambda _r: ("articles", 1)),
                      articles.map(lambda r: ("indicators", len(r["article"]["indicators"]))),
                      documents.map(lambda _r: ("documents", 1)),
                      documents.map(lambda r: ("document_indicators", len(r["indicators"]))),
                      errors.map(lambda _r: ("errors", 1))]) \
        .reduceByKey(operator.add).collectAsMap()
    derived.unpersist()
    articles.unpersist()
    documents.unpersist()
    scope.destroy()
    return JobResult(files=len(files), ranges=len(ranges), seconds=time.monotonic() - started,
                     **{key: tally.get(key, 0) for key in ("records", "articles", "indicators", "documents",
                                                     "document_indicators", "errors")})


def _linked_files(derived, articles):
    """The newest archived copy of each file an article links, with that article (the first by URL when several
    link it: one row per document). Reading them is a stage of its own: OCR, the costly part of a whole run,
    spreads over its own tasks."""
    files = derived.filter(lambda r: r["kind"] == records.FILE).keyBy(lambda r: r["url"]) \
        .reduceByKey(records.later)
    links = articles.flatMap(records.attachment_links).reduceByKey(min)
    return files.join(links).map(lambda kv: {
        **kv[1][0], "article_url": kv[1][1][0], "site": kv[1][1][1], "year": kv[1][1][2]})


def _write(spark, rows, name: str, out: str) -> None:
    """Rows -> ``out/name`` as Parquet partitioned by site (and year)."""
    columns = schema.DATASETS[name]
    keys = [k for k in schema.PARTITIONS if k in columns.fieldNames()]
    frame = spark.createDataFrame(rows.map(lambda row: schema.as_tuple(columns, row)), columns)
    # one file per partition folder and shuffle partition: few, large files
    frame.repartition(*keys).write.mode("overwrite").partitionBy(*keys).parquet(f"{out.rstrip('/')}/{name}")
