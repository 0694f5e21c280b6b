"""Apache Spark: re-derive whole WARC archives on a cluster (``govnews reprocess --spark``; see README.md here)."""
