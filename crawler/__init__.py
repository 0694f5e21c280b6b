"""The crawler: fetch politely, archive every response, extract, store. One module, one job:

- ``pipeline``   the crawl loop wiring the parts below; ``crawl()`` (public: ``CrawlOptions``, ``crawl``, ``reprocess``)
- ``options``    ``CrawlOptions`` (defaults from ``base.settings``), the work items between threads, the counters
- ``slots``      per-host scheduling: one slot per host, delays, Retry-After, backoff, page and trap budgets
- ``frontier``   the interface to the crawl state (``Frontier``), implemented on SQLite by ``state.CrawlState``
- ``state``      the frontier and the fate of every URL, in ``records.sqlite``
- ``writer``     the one writer: WARC records, state rows, stored articles, links queued
- ``workers``    fetch threads, the extraction process pool, the search-index child process
- ``replay``     recovery after a kill: archived responses the state never saw
- ``reprocess``  ``govnews reprocess``: archived pages through today's extractor
- ``progress``   the crawl log, the progress bar, the summary line
- ``fetch``      one HTTP GET with size cap, timeouts and a per-response deadline; ``fetch_url`` for ``extract URL``
- ``analyze``, ``discover``, ``urls``, ``robots``, ``warc``, ``index_child``: page analysis, link discovery,
  canonical URLs and scope, robots.txt, WARC writing, ``python -m crawler.index_child DATA``
"""
