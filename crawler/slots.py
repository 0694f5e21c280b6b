"""Per-host scheduling: one slot per host (never two requests in flight, delays, backoff, budgets) over the frontier.

Modelled on Scrapy's downloader ``Slot`` and scheduler. A host is "busy" from the moment one of its requests is
handed to a fetch thread until the writer has processed the answer; the next request to it starts no earlier
than ``delay`` (or robots.txt ``Crawl-delay``, or ``Retry-After``) after the previous one finished.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from crawler.frontier import Frontier
from crawler.options import CrawlOptions, Job, Outcome, Stats
from crawler.pgfrontier import in_shard
from crawler.robots import Robots
from crawler.urls import Scope, canonicalize, host_key, is_calendar, url_pattern

HUNG_UP_PAUSE = 1.0  # seconds a host is left alone after we cut off one of its answers
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this is capped (it would stall a crawl for days)
GUESSED_PATHS = (("/sitemap.xml", "sitemap"),)  # asked of every host besides robots.txt Sitemap: lines
# Frontier order (lower first): sitemaps and feeds, then what they list, then links, then more listing pages.
PRIORITY = {"sitemap": 0, "feed": 0, "listed": 1, "page": 2, "attachment": 2, "pagination": 3}
RECENT_LINKS = 20_000  # links remembered as already queued this run (an LRU; the frontier itself is in SQLite)
IDLE_WAIT = 1.0  # longest wait for an answer before looking at the slots again
HOST_BUSY_WAIT = 0.5  # seconds before asking again for a host another crawl worker holds (shared frontier)

log = logging.getLogger("govnews.crawl")


def retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@dataclass
class HostSlot:
    name: str
    scheme: str
    delay: float
    busy: bool = False
    next_allowed: float = 0.0
    wake: float = 0.0  # when to look at its queue again (inf: nothing queued)
    robots: Robots | None = None
    robots_attempts: int = 0
    robots_url: str | None = None  # where robots.txt redirected to
    robots_hops: int = 0
    done: bool = False  # max pages reached, or robots.txt unavailable
    fetched: int = 0
    unreachable: str | None = None  # why robots.txt could not be fetched at all

    def idle(self) -> bool:
        return self.done or self.wake == float("inf")


class Scheduler:
    """The host slots of one crawl and the frontier behind them: what to fetch next, and when."""

    def __init__(self, state: Frontier, scope: Scope, options: CrawlOptions, stats: Stats):
        self.state = state
        self.scope = scope
        self.options = options
        self.stats = stats
        self.gen = 0  # the crawl run, set once the run has started
        self.hosts: dict[str, HostSlot] = {}
        self._turn = 0
        self._recent: OrderedDict[str, None] = OrderedDict()  # bounded: memory stays flat however big the crawl

    # -- slots and the queue ---------------------------------------------------------------------

    def slot(self, host: str, scheme: str = "http") -> HostSlot:
        slot = self.hosts.get(host)
        if slot is None:
            slot = HostSlot(host, scheme, self.options.delay)
            self.hosts[host] = slot
            self.state.ensure_host(host, scheme)
            self._load_robots(slot)
        return slot

    def _load_robots(self, slot: HostSlot) -> bool:
        """Use the robots.txt answer the state holds for this host, if recent enough."""
        row = self.state.host(slot.name)
        if row["robots_at"] and time.time() - row["robots_at"] < self.options.robots_max_age \
                and row["robots_status"] is not None:
            self.set_robots(slot, Robots.from_response(row["robots_status"], row["robots_body"]))
            return True
        return False

    def set_robots(self, slot: HostSlot, robots: Robots) -> None:
        slot.robots = robots
        delay = robots.crawl_delay(self.options.agent)
        if delay is not None:
            slot.delay = max(self.options.delay, min(delay, MAX_CRAWL_DELAY))
        base = f"{slot.scheme}://{slot.name}"
        extra = [(url, "sitemap") for url in robots.sitemaps()] + [(base + p, kind) for p, kind in GUESSED_PATHS]
        for url, kind in extra:
            url = canonicalize(url)
            if url and self.scope.allows(url):
                self.enqueue(url, kind=kind, depth=0, priority=PRIORITY[kind], parent_pattern=None)
        slot.wake = 0.0

    def enqueue(self, url: str, *, kind: str, depth: int, priority: int, parent_pattern: str | None,
                hops: int = 0, newer: str | None = None, referrer: str | None = None) -> bool:
        """Queue ``url`` (True when this call queued it) and wake its host; ``referrer``: the page linking it."""
        if newer is None and hops == 0:
            # Menus and sidebars repeat the same links on every page: skip the database for recent repeats.
            if url in self._recent:
                self._recent.move_to_end(url)
                return False
            self._recent[url] = None
            if len(self._recent) > RECENT_LINKS:
                self._recent.popitem(last=False)
        host = host_key(url)
        if not in_shard(host, self.options.shard):
            return False
        added = self.state.enqueue(url=url, host=host, kind=kind, depth=depth, priority=priority, gen=self.gen,
                                   pattern=url_pattern(url), parent_pattern=parent_pattern, hops=hops, newer=newer,
                                   referrer=referrer)
        if added:
            slot = self.hosts.get(host) or self.slot(host, urlsplit(url).scheme)
            slot.wake = 0.0
        return added

    # -- choosing the next requests --------------------------------------------------------------

    def ready(self, free: int) -> list[Job]:
        """Up to ``free`` jobs, at most one per host, from hosts whose delay has passed; their slots turn busy."""
        now = time.time()
        slots = list(self.hosts.values())
        self._turn = (self._turn + 1) % max(len(slots), 1)  # rotate, so no host is always served first
        jobs = []
        for slot in slots[self._turn:] + slots[:self._turn]:
            if len(jobs) >= free:
                break
            if slot.busy or slot.done or slot.wake > now or slot.next_allowed > now:
                continue
            job = self._next_job(slot, now)
            if job is not None:
                slot.busy = True
                jobs.append(job)
        return jobs

    def next_dispatch_in(self, saturated: bool) -> float:
        """Seconds until a host may be asked again (at most ``IDLE_WAIT``)."""
        now = time.time()
        if saturated:
            return IDLE_WAIT
        times = [max(s.wake, s.next_allowed) for s in self.hosts.values() if not s.busy and not s.done]
        return min(max(min(times, default=now + IDLE_WAIT) - now, 0.001), IDLE_WAIT)

    def all_idle(self) -> bool:
        return all(slot.idle() for slot in self.hosts.values())

    def done_hosts(self) -> list[str]:
        return [name for name, slot in self.hosts.items() if slot.done]

    def look_again(self, after: float) -> None:
        """Wake every idle host in ``after`` seconds: another worker sharing the frontier may queue work."""
        wake = time.time() + after
        for slot in self.hosts.values():
            if not slot.done and slot.wake == float("inf"):
                slot.wake = wake

    def _next_job(self, slot: HostSlot, now: float) -> Job | None:
        if slot.robots is None and not self._load_robots(slot):  # another worker may have read it meanwhile
            if not self.state.claim_host(slot.name):  # another worker sharing the frontier is at this host
                slot.wake = now + HOST_BUSY_WAIT
                return None
            return Job(slot.name, slot.robots_url or f"{slot.scheme}://{slot.name}/robots.txt", hops=slot.robots_hops)
        while True:
            row = self.state.next_for_host(slot.name, now)
            if row is None:
                wake = self.state.next_wake(slot.name)
                slot.wake = wake if wake is not None else float("inf")
                return None
            if self.options.max_pages is not None and \
                    self.state.run_pages(slot.name, self.gen) >= self.options.max_pages:
                slot.done = True
                log.info("%s: --max-pages %d reached", slot.name, self.options.max_pages)
                return None
            if not slot.robots.allows(row["url"], self.options.agent):
                self.state.update(row["id"], status="robots", reason="disallowed by robots.txt")
                self.stats.robots += 1
                continue
            if row["kind"] == "page" and self._over_budget(row["pattern"], is_calendar(row["url"])):
                self.state.update(row["id"], status="skipped", reason="URL pattern budget spent (trap)")
                self.stats.skipped += 1
                continue
            return Job(slot.name, row["url"], dict(row), row["hops"])

    def _over_budget(self, pattern: str | None, calendar: bool) -> bool:
        """A URL pattern gets a few pages; more only while it proves to lead to (or to be) articles.

        Calendars get the few pages and no more, even when their pages look like articles.
        """
        if not pattern:
            return False
        pages, articles, self_articles = self.state.pattern_counts(pattern)
        if calendar:
            return pages + self_articles >= self.options.pattern_budget
        return self_articles == 0 and pages >= self.options.pattern_budget and articles < pages

    # -- after an answer -------------------------------------------------------------------------

    def release(self, outcome: Outcome) -> HostSlot:
        """The host of ``outcome`` is free again, after its delay; returns its slot."""
        slot = self.hosts[outcome.job.host]
        slot.busy = False
        # Count the delay from when we are done with the answer, not from its last byte: never early.
        slot.next_allowed = max(outcome.finished, time.time()) + slot.delay
        # When we hung up first (timeout, deadline, size cap) the server may still be busy with that request:
        # give it time to notice before asking anything else, so it never serves us twice at once.
        if outcome.error is not None and outcome.error.reason.endswith(("timed out", "too slow")):
            slot.next_allowed += self.options.timeout[1]
        elif outcome.result is not None and outcome.result.truncated:
            slot.next_allowed += HUNG_UP_PAUSE
        return slot

    def hold(self, slot: HostSlot, seconds: float) -> None:
        """Ask nothing of ``slot``'s host for ``seconds`` from now (Retry-After, robots.txt retries)."""
        slot.next_allowed = max(slot.next_allowed, time.time() + seconds)

    def backoff(self, attempts: int) -> float:
        return self.options.retry_base * 2 ** (attempts - 1)
