"""The pure parts of the web pages: figure highlighting, safe links and snippets, numbers, the chart."""
from __future__ import annotations

from datetime import date

import pytest

from index.figures import format_number
from web.chart import Point, figure_series, line_chart
from web.html import format_date, safe_href
from web.pages import highlighted_body, safe_snippet


def fig(body: str, text: str, **extra) -> dict:
    start = body.index(text)
    return {"text": text, "start": start, "end": start + len(text), **extra}


def test_highlight_wraps_each_figure_and_splits_paragraphs():
    body = "Có 12 hộ <nghèo>.\n\nĐạt 95% kế hoạch\nvà 3 xã."
    html = highlighted_body(body, [fig(body, "12 hộ"), fig(body, "95%"), fig(body, "3 xã")])
    assert html == ('<p>Có <mark class="fig" id="fig-1">12 hộ<sup>1</sup></mark> &lt;nghèo&gt;.</p>'
                    '<p>Đạt <mark class="fig" id="fig-2">95%<sup>2</sup></mark> kế hoạch<br>'
                    'và <mark class="fig" id="fig-3">3 xã<sup>3</sup></mark>.</p>')


def test_highlight_skips_wrong_overlapping_and_out_of_range_spans():
    body = "Tổng 2.358 hồ sơ."
    good = fig(body, "2.358 hồ sơ")
    overlapping = fig(body, "hồ sơ")
    wrong = {"text": "999", "start": 0, "end": 3}
    outside = {"text": "x", "start": 50, "end": 51}
    html = highlighted_body(body, [good, overlapping, wrong, outside, {"text": None}])
    assert html.count("<mark") == 1 and 'id="fig-1"' in html


def test_highlight_of_a_span_across_paragraphs_keeps_tags_balanced():
    body = "một\n\nhai"
    html = highlighted_body(body, [{"text": body, "start": 0, "end": len(body)}])
    assert html.count("<mark") == html.count("</mark>") == 2 and html.count('id="fig-1"') == 1


@pytest.mark.parametrize("url, ok", [
    ("https://x.gov.vn/a?b=1", True), ("http://x.gov.vn/", True), ("HTTPS://X.GOV.VN/", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,x", False),
    ("//evil.example/", False), ("/local", False), ("https:///nohost", False), ("http://x/\r\nSet-Cookie: a", False),
    (None, False), (42, False),
])
def test_only_absolute_http_urls_become_links(url, ok):
    assert (safe_href(url) is not None) == ok


def test_snippet_keeps_mark_tags_only():
    assert safe_snippet("a <mark>cải</mark> &amp; b", "x") == "a <mark>cải</mark> &amp; b"
    assert safe_snippet('<mark onclick="x">a</mark>', "a <b>") == "a &lt;b&gt;"
    assert safe_snippet("<script>x</script>", "<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert safe_snippet(None, "plain") == "plain"


@pytest.mark.parametrize("value, text", [(2358, "2.358"), (1500000000, "1.500.000.000"), (12.6, "12,6"),
                                         (95.0, "95"), (0.25, "0,25"), (-3, "-3"), (None, ""), (True, "True")])
def test_vietnamese_number_format(value, text):
    assert format_number(value) == text


def test_dates_are_shown_day_first():
    assert format_date("2023-08-18T16:01:00+07:00") == "18/08/2023 16:01"
    assert format_date("2023-03-02") == "02/03/2023"
    assert format_date(None) == "" and format_date("hôm qua") == "hôm qua"


def test_chart_draws_one_line_per_site_with_escaped_tooltips():
    points = [Point(date(2022, 7, 10), 1980, "a.gov.vn", "<b>1.980</b>"),
              Point(date(2023, 8, 18), 2358, "a.gov.vn", "2.358"),
              Point(date(2023, 3, 2), -5, "b.gov.vn", "âm")]
    svg = line_chart(points, "hồ sơ")
    assert svg.count("<polyline") == 1 and svg.count("<circle") == 3
    assert "&lt;b&gt;1.980&lt;/b&gt;" in svg and "<b>" not in svg
    assert "a.gov.vn" in svg and "b.gov.vn" in svg
    assert line_chart([], "x") == ""
    assert line_chart([Point(date(2023, 1, 1), 7, "a", "")], "x").count("<circle") == 1


def test_series_keeps_the_label_in_one_unit_with_dates():
    rows = [{"label": "Hồ sơ  tiếp nhận", "unit": "hồ sơ", "value": 5, "published": "2023-01-02", "site": "a"},
            {"label": "hồ sơ tiếp nhận", "unit": "%", "value": 50, "published": "2023-02-02", "site": "a"},
            {"label": "hồ sơ tiếp nhận", "unit": "hồ sơ", "value": 7, "published": None, "site": "a"},
            {"label": "khác", "unit": "hồ sơ", "value": 9, "published": "2023-03-02", "site": "a"},
            {"label": "hồ sơ tiếp nhận", "unit": "hồ sơ", "value": 8, "published": "2023-04-05T10:00:00+07:00",
             "site": "b"}]
    points = figure_series(rows, "hồ sơ tiếp nhận")
    assert [(p.day, p.value, p.series) for p in points] == [(date(2023, 1, 2), 5.0, "a"), (date(2023, 4, 5), 8.0, "b")]
