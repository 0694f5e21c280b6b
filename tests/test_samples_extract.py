"""Every sample page in tests/data/pages/ extracts to its <name>.expected.json (indicators are checked elsewhere)."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extract import extract_article

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"
EXPECTED = sorted(PAGES.glob("*.expected.json"))
# Keys of the expected JSON that are not Article fields compared as-is.
BODY_CHECKS = ("body_starts_with", "body_ends_with", "body_excludes", "body_includes")
NOT_HERE = ("indicators", "about")


def _load(path: Path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    html = path.with_name(path.name.replace(".expected.json", ".html")).read_bytes()
    return expected, extract_article(html, url=expected.get("url"))


def test_enough_samples():
    kinds = [json.loads(p.read_text(encoding="utf-8"))["page_type"] for p in EXPECTED]
    assert kinds.count("article") >= 28
    assert len(kinds) - kinds.count("article") >= 5


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.replace(".expected.json", "") for p in EXPECTED])
def test_sample(path: Path):
    expected, article = _load(path)
    got = article.to_dict()
    for key, want in expected.items():
        if key in BODY_CHECKS or key in NOT_HERE:
            continue
        assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"
    body = got["body"]
    if "body_starts_with" in expected:
        assert body.startswith(expected["body_starts_with"]), body[:200]
    if "body_ends_with" in expected:
        assert body.endswith(expected["body_ends_with"]), body[-200:]
    for text in expected.get("body_includes", []):
        assert text in body, f"body lacks {text!r}"
    for text in expected.get("body_excludes", []):
        assert text not in body, f"body contains {text!r}"
    if got["page_type"] == "article":
        # Paragraphs separated by exactly one blank line, no stray whitespace.
        assert "\n\n\n" not in body
        assert all(par == par.strip() and par for par in body.split("\n\n"))
        assert body == unicodedata.normalize("NFC", body)
        assert "\u00d0" not in body and "\u00d0" not in (got["title"] or "")
        assert got["language"] == expected.get("language", "vi")
    else:
        assert got["indicators"] == []


def test_seed_sample():
    """The page built from the reference article (DESIGN.md) gives the reference fields."""
    expected, article = _load(PAGES / "liferay62-minhlong-cchc-seed.expected.json")
    assert article.title == "Minh Long tổ chức Hội nghị sơ kết công tác cải cách hành chính 06 tháng đầu năm 2023"
    assert article.published == "2023-08-18T16:01:00+07:00"
    assert article.author == "Hà Trinh"
    assert article.views == 158
    assert article.site_name == "UBND huyện Minh Long"
    assert article.body.startswith("Sáng ngày 02/8/2023, Đồng chí Đinh Văn Điết")
    assert article.body.endswith("phục vụ cải cách hành chính…/.")
    assert len(expected["indicators"]) == 15  # kept for the indicator tests
