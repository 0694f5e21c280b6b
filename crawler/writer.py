"""The writer: the one thread that writes the WARC files, the crawl state and the records store.

Every response is in the WARC file (flushed) before the state says so; what a response changes (retries,
redirects, links queued, the article stored or a duplicate noted) is decided here, for a fresh fetch and for a
response replayed from the archive after a kill alike.
"""
from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from urllib.parse import urlsplit

from crawler.analyze import Analysis
from crawler.discover import Link
from crawler.fetch import FetchError
from crawler.frontier import Frontier
from crawler.options import CrawlOptions, Outcome, Stats
from crawler.robots import Robots
from crawler.slots import PRIORITY, HostSlot, Scheduler, retry_after
from crawler.urls import (
    MAX_URL_LENGTH,
    article_identity,
    canonicalize,
    host_key,
    is_attachment,
    is_attachment_type,
    is_print_view,
    is_skipped_file,
)
from crawler.warc import WarcWriter

MAX_REDIRECT_HOPS = 5
MAX_ROBOTS_HOPS = 5

log = logging.getLogger("govnews.crawl")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Writer:
    """Turns outcomes into archive records, state rows and stored articles (``store`` is an ``index.store.Store``;
    ``warc`` may be None when nothing is fetched, as in ``govnews reprocess``)."""

    def __init__(self, state: Frontier, store, warc: WarcWriter | None, scheduler: Scheduler,
                 options: CrawlOptions, stats: Stats):
        self.state = state
        self.store = store
        self.warc = warc
        self.scheduler = scheduler
        self.options = options
        self.stats = stats
        self.unindexed = 0  # articles stored since the search index was last brought up to date

    # -- one outcome ---------------------------------------------------------------------------

    def process(self, outcome: Outcome) -> None:
        job = outcome.job
        slot = self.scheduler.release(outcome)
        try:
            if job.row is None:
                self._robots_outcome(slot, outcome)
            elif outcome.error is not None:
                self._fetch_error(job.row, outcome.error)
            else:
                self._archive_and_apply(slot, job.row, outcome)
        finally:
            self.state.commit()

    def _archive_and_apply(self, slot: HostSlot, row: dict, outcome: Outcome) -> None:
        result = outcome.result
        if result.status == 304:
            name, offset, end = self.warc.write_revisit(result, row.get("warc_date"))
        else:
            name, offset, end = self.warc.write_exchange(result)
        try:
            self.response(slot, row, result.status, result.headers, outcome.analysis, name, offset, end, now_iso())
            self.state.warc_done(name, end)
        except Exception as err:  # a bug on one page must not stop the crawl; the page is archived
            log.exception("processing %s", row["url"])
            self.state.commit()
            self.state.update(row["id"], status="failed", reason=f"internal error: {err}"[:300],
                              warc=name, warc_offset=offset)
            self.state.warc_done(name, end)
            self.stats.failed += 1

    def _robots_outcome(self, slot: HostSlot, outcome: Outcome) -> None:
        result = outcome.result
        if result is not None:
            name, _offset, end = self.warc.write_exchange(result)
            self.state.warc_done(name, end)
        status = result.status if result is not None else None
        if status is not None and 300 <= status < 400:
            target = canonicalize(result.headers.get("location", ""), outcome.job.url)
            if target and host_key(target) == slot.name and outcome.job.hops < MAX_ROBOTS_HOPS:
                slot.robots_url, slot.robots_hops = target, outcome.job.hops + 1
                return  # the next dispatch of this host asks the new location
            status = 404  # robots.txt redirected elsewhere: no rules for this host
        if status is None or status == 429 or status >= 500:
            self._robots_unavailable(slot, outcome, status)
            return
        self.state.set_robots(slot.name, status, result.body if status < 300 else None, slot.robots_attempts)
        log.info("robots.txt of %s: HTTP %s", slot.name, status)
        self.scheduler.set_robots(slot, Robots.from_response(status, result.body))
        slot.next_allowed = max(slot.next_allowed, outcome.finished + slot.delay)  # Crawl-delay from now on

    def _robots_unavailable(self, slot: HostSlot, outcome: Outcome, status: int | None) -> None:
        result = outcome.result
        slot.robots_attempts += 1
        wait = retry_after(result.headers.get("retry-after")) if result is not None else None
        reason = outcome.error.reason if outcome.error else f"HTTP {status}"
        if slot.robots_attempts <= self.options.max_retries:
            delay = max(self.scheduler.backoff(slot.robots_attempts), min(wait or 0, self.options.max_retry_after))
            self.scheduler.hold(slot, delay)
            log.info("robots.txt of %s: %s, retry in %.1f s", slot.name, reason, delay)
            return
        log.warning("robots.txt of %s unavailable (%s): host not crawled this run", slot.name, reason)
        slot.done = True
        slot.unreachable = reason

    def _fetch_error(self, row: dict, error: FetchError) -> None:
        attempts = row["attempts"] + 1
        if error.transient and attempts <= self.options.max_retries:
            self.state.update(row["id"], attempts=attempts, next_try=time.time() + self.scheduler.backoff(attempts),
                              reason=error.reason)
            log.info("%s: %s (retry %d)", row["url"], error.reason, attempts)
            return
        self.state.update(row["id"], status="failed", reason=error.reason, attempts=attempts)
        self.stats.failed += 1
        log.warning("%s: failed: %s", row["url"], error.reason)

    # -- an HTTP answer ----------------------------------------------------------------------------

    def response(self, slot: HostSlot, row: dict, status: int, headers: dict[str, str],
                 analysis: Analysis | None, warc: str, offset: int, end: int, warc_date: str) -> None:
        """Everything a response changes, for a fresh fetch or a replay from the archive."""
        self.state.count_page(slot.name, self.scheduler.gen)
        self.stats.fetched += 1
        slot.fetched += 1
        log.info("%s %s", status, row["url"])
        if status == 429 or status >= 500:
            self._server_busy(slot, row, status, headers)
        elif status == 304:
            self.state.update(row["id"], status="unchanged", http_status=304, fetched_at=now_iso())
            self.stats.not_modified += 1
            if analysis is not None:
                self._enqueue_links(row, analysis.links, listed=analysis.kind in ("sitemap", "feed"))
        elif 300 <= status < 400:
            self._redirect(row, status, headers)
        else:
            common = {"http_status": status, "warc": warc, "warc_offset": offset, "warc_date": warc_date,
                      "fetched_at": now_iso(), "etag": headers.get("etag"),
                      "last_modified": headers.get("last-modified"), "attempts": row["attempts"]}
            if status >= 400:
                self.state.update(row["id"], status="failed", reason=f"HTTP {status}", **common)
                self.stats.failed += 1
            else:
                self._content(row, headers, analysis or Analysis("binary"), common)

    def _server_busy(self, slot: HostSlot, row: dict, status: int, headers: dict[str, str]) -> None:
        """429 or 5xx: retried after the backoff or the server's Retry-After, whichever is longer."""
        attempts = row["attempts"] + 1
        wait = retry_after(headers.get("retry-after"))
        wait = min(wait, self.options.max_retry_after) if wait is not None else None
        if wait is not None:
            self.scheduler.hold(slot, wait)
        if attempts <= self.options.max_retries:
            delay = max(self.scheduler.backoff(attempts), wait or 0.0)
            self.state.update(row["id"], attempts=attempts, next_try=time.time() + delay, http_status=status,
                              reason=f"HTTP {status}")
            return
        self.state.update(row["id"], status="failed", reason=f"HTTP {status}", http_status=status,
                          attempts=attempts)
        self.stats.failed += 1

    def _content(self, row: dict, headers: dict[str, str], analysis: Analysis, common: dict) -> None:
        """A 2xx answer: a sitemap or feed read, a document archived, a page's links queued, an article stored."""
        url = row["url"]
        common["content_hash"] = analysis.content_hash
        if analysis.kind in ("sitemap", "feed"):
            self.state.update(row["id"], status="fetched", page_type=analysis.kind, reason=None, **common)
            self._enqueue_links(row, analysis.links, listed=True)
            return
        if row["kind"] == "page" and is_attachment_type(headers.get("content-type", "")):
            row["kind"] = common["kind"] = "attachment"  # a document behind a link without a telling extension
        if analysis.kind != "html" or row["kind"] == "attachment":  # a document link answering HTML is no article
            done = "fetched" if row["kind"] == "attachment" else "not_article"
            self.state.update(row["id"], status=done, page_type=analysis.kind, reason=analysis.error, **common)
            return
        article = analysis.article
        is_article = article is not None and article.page_type == "article" and not is_print_view(url)
        self._enqueue_links(row, analysis.links)
        if analysis.error is not None:
            self.state.update(row["id"], status="failed", reason=analysis.error, page_type="html", **common)
            self.stats.failed += 1
            log.warning("%s: extraction failed: %s", url, analysis.error)
            return
        if not is_article:
            self.state.update(row["id"], status="not_article", reason=None,
                              page_type=article.page_type if article else None, **common)
            self.state.bump_pattern(row["pattern"], "pages")
            return
        if self.options.attachments:
            for attachment in article.attachments:
                target = canonicalize(attachment.url, url)
                if target and self.scheduler.scope.allows(target) and len(target) <= MAX_URL_LENGTH:
                    self.scheduler.enqueue(target, kind="attachment", depth=row["depth"] + 1,
                                           priority=PRIORITY["attachment"], parent_pattern=row["pattern"],
                                           referrer=url)
        self.store_article(row, article, analysis.content_hash, common)

    def store_article(self, row: dict, article, content_hash: str, common: dict) -> None:
        """Store ``article`` under its canonical URL, or note the row as a duplicate of the one stored."""
        url = row["url"]
        ident = article_identity(url, article.canonical_url, self.scheduler.scope)
        if ident != url and self.state.article_stored(ident, row["id"]):
            dup = ident
        else:
            dup = self.state.find_article_by_hash(content_hash, ident)
        if dup is not None:
            self.state.update(row["id"], status="duplicate", dup_of=dup, page_type="article", article_url=dup,
                              reason=None, **common)
            self.stats.duplicates += 1
            return
        article.url = ident
        if not article.site:
            article.site = urlsplit(ident).hostname
        # The store writes through its own connection: ours must hold no write transaction meanwhile.
        self.state.commit()
        _id, change = self.store.save_article(article, fetched_at=common["fetched_at"], warc=common["warc"],
                                              offset=common["warc_offset"], content_hash=content_hash)
        setattr(self.stats, change, getattr(self.stats, change) + 1)
        if change != "unchanged":
            self.unindexed += 1
        self.state.update(row["id"], status="fetched", page_type="article", article_url=ident, reason=None,
                          **common)
        if change == "new":
            self.state.bump_pattern(row["parent_pattern"], "articles")
            self.state.bump_pattern(row["pattern"], "self_articles")
        if ident != url:
            self.state.mark_alias(ident, host_key(ident), url, self.scheduler.gen)

    def _redirect(self, row: dict, status: int, headers: dict[str, str]) -> None:
        target = canonicalize(headers.get("location", ""), row["url"])
        if target is None or target == row["url"]:
            self.state.update(row["id"], status="failed", reason=f"HTTP {status} without a usable Location",
                              http_status=status)
            self.stats.failed += 1
            return
        reason = f"-> {target}"
        if not self.scheduler.scope.allows(target):
            reason += " (out of scope)"
            self.stats.offsite += 1
        elif row["hops"] >= MAX_REDIRECT_HOPS:
            reason += " (too many redirects)"
        elif not self.scheduler.enqueue(target, kind=row["kind"], depth=row["depth"], priority=0,
                                        parent_pattern=row["parent_pattern"], hops=row["hops"] + 1,
                                        referrer=row.get("referrer")):
            reason += " (already known)"
        self.state.update(row["id"], status="redirect", reason=reason, http_status=status, fetched_at=now_iso())

    def _enqueue_links(self, row: dict, links: list[Link], *, listed: bool = False) -> None:
        for link in links:
            url = link.url
            if not self.scheduler.scope.allows(url):
                self.stats.offsite += 1
                continue
            rel = link.rel
            if len(url) > MAX_URL_LENGTH or is_print_view(url) or (
                    rel not in ("sitemap", "feed") and is_skipped_file(url)):
                continue
            if rel == "attachment" or is_attachment(url):
                # From any page, not only articles: notices ("Xem chi tiết tại đây") and document lists are
                # not articles, and the document is their content.
                if not self.options.attachments:
                    continue
                kind, depth = "attachment", row["depth"] + 1
            elif rel in ("sitemap", "feed"):
                kind, depth = rel, row["depth"]
            else:
                kind = "page"
                depth = row["depth"] + (0 if rel == "pagination" else 1)
                if self.options.max_depth is not None and depth > self.options.max_depth:
                    continue
            priority = PRIORITY["listed"] if listed and kind == "page" else PRIORITY.get(rel, PRIORITY["page"])
            self.scheduler.enqueue(url, kind=kind, depth=depth, priority=priority, parent_pattern=row["pattern"],
                                   newer=(link.lastmod or "")[:10] or None, referrer=row["url"])
