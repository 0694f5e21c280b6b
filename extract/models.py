"""The records govnews produces: Article and Indicator (see DESIGN.md for the JSON)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Indicator:
    """One figure reported in a text; ``body[start:end] == text``."""

    text: str
    start: int
    end: int
    value: float | int
    unit: str
    kind: str  # count | percent | ratio | money | measure
    upper: float | int | None = None
    total: float | int | None = None
    approx: str | None = None
    estimate: bool = False
    change: str | None = None  # "tăng" | "giảm" | None
    reference: str | None = None
    label: str | None = None
    period: str | None = None
    sentence: str = ""
    # where a figure of a document is: its page, and for a table cell its row and column (start/end are
    # then offsets in the cell's text); None for an article's figures, and then left out of to_dict
    page: int | None = None
    row: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        where = {k: v for k, v in (("page", self.page), ("row", self.row), ("column", self.column)) if v is not None}
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "upper": self.upper,
            "total": self.total,
            "unit": self.unit,
            "kind": self.kind,
            "approx": self.approx,
            "estimate": self.estimate,
            "change": self.change,
            "reference": self.reference,
            "label": self.label,
            "period": self.period,
            "sentence": self.sentence,
            **where,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Indicator:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__ if k in data})


@dataclass
class Attachment:
    url: str
    name: str | None = None


@dataclass
class Image:
    url: str
    caption: str | None = None


@dataclass
class Article:
    """An extracted page. Only ``page_type == "article"`` pages become records."""

    url: str | None = None
    site: str | None = None
    site_name: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601, "+07:00" for portal local time
    author: str | None = None
    source: str | None = None
    views: int | None = None
    category: str | None = None
    summary: str | None = None
    body: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    language: str | None = "vi"
    page_type: str = "article"  # article | listing | other
    canonical_url: str | None = None  # <link rel="canonical">, used by the crawler; not in to_dict()
    # What could not be extracted whole ("page cut at 4 MB: …"); empty for a page read entirely.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "site": self.site,
            "site_name": self.site_name,
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "source": self.source,
            "views": self.views,
            "category": self.category,
            "summary": self.summary,
            "body": self.body,
            "attachments": [asdict(a) for a in self.attachments],
            "images": [asdict(i) for i in self.images],
            "indicators": [i.to_dict() for i in self.indicators],
            "language": self.language,
            "page_type": self.page_type,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        simple = {k: data.get(k) for k in cls.__dataclass_fields__
                  if k in data and k not in ("attachments", "images", "indicators", "warnings")}
        return cls(
            **simple,
            attachments=[Attachment(**a) for a in data.get("attachments") or []],
            images=[Image(**i) for i in data.get("images") or []],
            indicators=[Indicator.from_dict(i) for i in data.get("indicators") or []],
            warnings=list(data.get("warnings") or []),
        )
