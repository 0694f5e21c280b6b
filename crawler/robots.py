"""robots.txt rules (protego) for one host, built from the answer to ``GET /robots.txt``.

RFC 9309: a 4xx answer means no rules; a 5xx answer or no answer means the site is
unavailable, so nothing may be crawled (the pipeline retries robots.txt first).
"""
from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups name: ``govnews/0.1 (+url)`` -> ``govnews``."""
    return (user_agent.split("/", 1)[0].split() or ["*"])[0]


@dataclass
class Robots:
    parser: Protego | None  # None: the site gave no usable answer
    allow_all: bool = False

    @classmethod
    def from_response(cls, status: int | None, body: bytes | None) -> Robots:
        if status is not None and 200 <= status < 300:
            text = (body or b"").decode("utf-8", errors="replace").lstrip("\ufeff")
            try:
                return cls(Protego.parse(text))
            except Exception:  # a malformed file is no rules, not a crash
                return cls(None, allow_all=True)
        if status is not None and 400 <= status < 500:
            return cls(None, allow_all=True)
        return cls(None)

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(url, agent_token(user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent_token(user_agent))
        return float(delay) if delay is not None else None

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []
