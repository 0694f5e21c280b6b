"""`govnews serve` over real HTTP on 127.0.0.1: JSON API, pages, archived copies, read-only, no traversal."""
from __future__ import annotations

import csv
import http.client
import io
import re
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from test_serve_fixtures import (
    ARTICLES,
    LABEL_HO_SO,
    MINH_LONG,
    SON_HA,
    WARC_NAME,
    get,
    page_html,
    serving,
    to_article,
)

from cli import main as cli_main
from index.store import Store

REPO = Path(__file__).resolve().parent.parent
HIT_KEYS = {"url", "title", "site", "site_name", "published", "score", "snippet"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve") / "data"
    with serving(data, ARTICLES) as served:
        # Records that point outside the archive folder: the server must never follow them.
        with Store.open(data) as store:
            for n, warc in enumerate(("../records.sqlite", "/etc/passwd", "../../../../etc/passwd")):
                spec = {**ARTICLES[2], "url": f"https://{SON_HA}/-/bad-archive-{n}", "figures": []}
                article_id, _ = store.save_article(to_article(spec), fetched_at="2024-01-05T08:00:00+00:00",
                                                   warc=warc, offset=0)
                served.ids.append(article_id)
        yield served


def api(served, path: str, /, **params):
    return get(f"{served.base}{path}?{urlencode(params)}" if params else f"{served.base}{path}")


def raw_get(site, path: str, method: str = "GET", host_header: str | None = None) -> tuple[int, bytes]:
    """Send ``path`` byte for byte (urllib would normalise dot segments)."""
    host, port = site.base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest(method, path, skip_host=host_header is not None, skip_accept_encoding=True)
        if host_header is not None:
            conn.putheader("Host", host_header)
        conn.endheaders()
        reply = conn.getresponse()
        return reply.status, reply.read()
    finally:
        conn.close()


# ---------------------------------------------------------------- /api/search

def test_api_search_without_diacritics_finds_all_three_with_facets(site):
    reply = api(site, "/api/search", q="cai cach hanh chinh")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    data = reply.json()
    assert data["total"] == 3 and data["page"] == 1 and data["pages"] == 1
    assert {h["title"] for h in data["hits"]} == {a["title"] for a in ARTICLES}
    for hit in data["hits"]:
        assert HIT_KEYS <= set(hit)
        assert isinstance(hit["score"], float) and hit["snippet"]
    assert data["facets"]["site"] == {MINH_LONG: 2, SON_HA: 1}
    assert data["facets"]["year"] == {"2023": 2, "2022": 1}


def test_api_search_filters_sort_and_pages(site):
    only_son_ha = api(site, "/api/search", q="ho so", site=SON_HA).json()
    assert [h["site"] for h in only_son_ha["hits"]] == [SON_HA]
    in_2022 = api(site, "/api/search", q="ho so", since="2022-01-01", until="2022-12-31").json()
    assert [h["published"][:4] for h in in_2022["hits"]] == ["2022"]
    by_date = api(site, "/api/search", q="cai cach", sort="date").json()
    dates = [h["published"][:10] for h in by_date["hits"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    pages = [api(site, "/api/search", q="cai cach", sort="date", limit=1, page=n).json() for n in (1, 2, 3)]
    assert [p["pages"] for p in pages] == [3, 3, 3]
    assert [p["hits"][0]["url"] for p in pages] == [h["url"] for h in by_date["hits"]]


@pytest.mark.parametrize("params", [
    {"q": ""}, {}, {"q": '"unclosed phrase'}, {"q": "x", "limit": "0"}, {"q": "x", "limit": "abc"},
    {"q": "x", "limit": "101"}, {"q": "x", "page": "0"}, {"q": "x", "page": "-1"}, {"q": "x", "sort": "size"},
    {"q": "x", "since": "2023-13-45"}, {"q": "x", "since": "2024-01-01", "until": "2023-01-01"},
    {"q": "x" * 2000}, {"q": "x\x00y"},
])
def test_api_search_bad_queries_are_400_with_json_error(site, params):
    reply = api(site, "/api/search", **params)
    assert reply.status == 400
    error = reply.json()
    assert error["status"] == 400 and error["error"] and "\n" not in error["error"]


# ---------------------------------------------------------------- /api/articles

def test_api_article_is_the_stored_record(site):
    reply = api(site, f"/api/articles/{site.ids[0]}")
    assert reply.status == 200
    with Store.open(site.data_dir) as store:
        assert reply.json() == store.get_article(site.ids[0])
    assert reply.json()["archive"]["warc"] == WARC_NAME


@pytest.mark.parametrize("path", ["/api/articles/999999", "/api/articles/abc", "/api/articles/1.5",
                                  "/api/articles/" + "9" * 40, "/api/articles/-1", "/api/nothing"])
def test_api_unknown_article_or_route_is_json_404(site, path):
    reply = api(site, path)
    assert reply.status == 404
    assert reply.json()["status"] == 404


# ---------------------------------------------------------------- /api/indicators

def test_api_indicators_filters_by_unit_and_kind(site):
    data = api(site, "/api/indicators", unit="hồ sơ").json()
    assert data["count"] == len(data["indicators"]) == 3
    assert sorted(row["value"] for row in data["indicators"]) == [1204, 1980, 2358]
    for row in data["indicators"]:
        assert row["label"] == LABEL_HO_SO
        assert {"article_id", "title", "url", "published", "site", "start", "end"} <= set(row)
    percent = api(site, "/api/indicators", kind="percent").json()["indicators"]
    assert [(r["text"], r["value"]) for r in percent] == [("95%", 95)]
    assert api(site, "/api/indicators", limit=2).json()["count"] == 2
    assert api(site, "/api/indicators", unit="tấn").json() == {"indicators": [], "count": 0}


def test_api_indicators_csv_download(site):
    reply = api(site, "/api/indicators", unit="hồ sơ", format="csv")
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in reply.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.body.decode("utf-8-sig"))))
    assert sorted(float(r["value"]) for r in rows) == [1204, 1980, 2358]
    assert {r["unit"] for r in rows} == {"hồ sơ"}


@pytest.mark.parametrize("params", [{"kind": "weight"}, {"format": "xml"}, {"limit": "many"},
                                    {"since": "not-a-date"}])
def test_api_indicators_bad_parameters_are_400(site, params):
    reply = api(site, "/api/indicators", **params)
    assert reply.status == 400
    assert reply.json()["error"]


# ---------------------------------------------------------------- HTML pages

def test_search_page_lists_hits_facets_and_keeps_the_query(site):
    reply = api(site, "/", q="cai cach hanh chinh")
    assert reply.status == 200 and reply.headers["Content-Type"] == "text/html; charset=utf-8"
    html = reply.text
    assert 'value="cai cach hanh chinh"' in html
    for spec, article_id in zip(ARTICLES, site.ids):
        assert f'href="/articles/{article_id}"' in html and spec["title"] in html
    assert "3 kết quả" in html
    # Each hit names its portal the way people know it; the host stays in the tooltip.
    assert f'<span class="site" title="{MINH_LONG}">UBND huyện Minh Long</span>' in html
    assert f"site={quote(MINH_LONG)}" in html and "since=2022-01-01&amp;until=2022-12-31" in html


def test_search_page_shows_a_bad_query_as_a_message(site):
    reply = api(site, "/", q='"open')
    assert reply.status == 400
    assert 'role="alert"' in reply.text and "&quot;open" in reply.text


def test_home_page_without_query_shows_size_newest_articles_and_sites(site):
    reply = api(site, "/")
    assert reply.status == 200
    assert f"Kho lưu trữ có {len(site.ids)} bài viết" in reply.text
    latest = re.findall(r'<li><a href="/articles/(\d+)">', reply.text)
    assert len(latest) == len(site.ids) and latest[0] == str(site.ids[0])  # newest first: 18/08/2023
    assert latest[-1] == str(site.ids[1])  # oldest last: 10/07/2022
    # Portals by name, the host in the tooltip.
    assert re.search(rf'<span class="site" title="{re.escape(SON_HA)}">UBND huyện Sơn Hà</span>'
                     r'<span class="count">4</span>', reply.text)


def test_article_page_highlights_figures_and_links_out(site):
    spec, article_id = ARTICLES[0], site.ids[0]
    html = api(site, f"/articles/{article_id}").text
    assert f"<h1>{spec['title']}</h1>" in html
    assert (f'<mark class="fig" id="fig-1" title="{LABEL_HO_SO} · 6 tháng đầu năm 2023">'
            '2.358 hồ sơ<sup>1</sup></mark>') in html
    assert re.search(r'<mark class="fig" id="fig-2" title="[^"]+">95%<sup>2</sup></mark>', html)
    assert '<a href="#fig-1">1</a>' in html and LABEL_HO_SO in html
    assert f'href="{spec["url"]}" rel="noopener noreferrer nofollow"' in html
    assert f'href="/articles/{article_id}/archive"' in html
    assert "Kế hoạch 2553" in html and spec["attachments"][0]["url"] in html
    assert "Hà Trinh" in html and "18/08/2023 16:01" in html


def test_archived_copy_is_the_warc_record_under_a_sandbox(site):
    article_id = site.ids[0]
    wrapper = api(site, f"/articles/{article_id}/archive")
    assert wrapper.status == 200
    assert (f'<iframe class="archive" sandbox="" referrerpolicy="no-referrer" src="/archive/{article_id}"'
            in wrapper.text)
    copy = api(site, f"/archive/{article_id}")
    assert copy.status == 200
    assert copy.body == page_html(ARTICLES[0])
    assert copy.headers["Content-Type"] == "text/html; charset=utf-8"
    policy = copy.headers["Content-Security-Policy"]
    assert policy.startswith("sandbox;") and "allow-scripts" not in policy and "allow-same-origin" not in policy
    assert "default-src 'none'" in policy


def test_figures_page_table_chart_and_csv_link(site):
    html = api(site, "/figures", unit="hồ sơ").text
    assert html.count("<tr>") == 4  # header + 3 figures
    csv_link = re.search(r'id="csv-link" href="([^"]+)"', html).group(1)
    assert csv_link.replace("&amp;", "&") == f"/api/indicators?{urlencode({'unit': 'hồ sơ', 'format': 'csv'})}"
    chart = api(site, "/figures", unit="hồ sơ", label=LABEL_HO_SO).text
    svg = re.search(r'<svg class="chart".*?</svg>', chart, re.S).group(0)
    assert svg.count("<circle") == 3 and svg.count("<polyline") == 1  # Minh Long: 2 points joined; Sơn Hà: 1
    assert "2.358 hồ sơ" in svg and MINH_LONG in chart and SON_HA in chart


def test_figures_page_bad_kind_is_a_400_page(site):
    reply = api(site, "/figures", kind="<b>")
    assert reply.status == 400 and "&lt;b&gt;" in reply.text


def test_api_doc_page_and_static_files(site):
    assert "/api/search" in api(site, "/api").text
    css = api(site, "/static/style.css")
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css") and b"mark.fig" in css.body


# ---------------------------------------------------------------- security

@pytest.mark.parametrize("path", ["/", "/?q=ho+so", "/articles/1", "/figures", "/api/search?q=ho+so",
                                  "/api/indicators", "/nowhere"])
def test_every_response_sets_nosniff_and_a_policy(site, path):
    reply = get(site.base + path)
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in reply.headers["Content-Security-Policy"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_read_only_other_methods_are_405(site, method):
    status, _ = raw_get(site, "/api/search?q=x", method)
    assert status == 405


def test_head_answers_without_a_body(site):
    status, body = raw_get(site, "/api/indicators", "HEAD")
    assert status == 200 and body == b""


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2frecords.sqlite", "/static/../records.sqlite", "/static/style.css/../../serve.py",
    "/static/serve.py", "/static/api.html", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
    "/archive/../records.sqlite", "/archive/%2e%2e%2frecords.sqlite", "/archive/1/../../etc/passwd",
    "/articles/1/../../../etc/passwd", "//etc/passwd", "/records.sqlite", "/warc/" + WARC_NAME,
    "/static//etc/passwd", "/static/\\..\\..\\etc\\passwd",
])
def test_no_path_reaches_files(site, path):
    status, body = raw_get(site, path)
    assert status in (400, 404)
    assert b"root:" not in body and b"SQLite format" not in body and b"WARC/" not in body


def test_archive_records_pointing_outside_the_archive_are_404(site):
    for article_id in site.ids[3:]:
        status, body = raw_get(site, f"/archive/{article_id}")
        assert status == 404 and b"root:" not in body and b"SQLite" not in body
        assert raw_get(site, f"/articles/{article_id}")[0] == 200


def test_query_parameters_never_choose_the_archive_file(site):
    status, body = raw_get(site, f"/archive/{site.ids[0]}?warc=../records.sqlite&offset=0&path=/etc/passwd")
    assert status == 200 and body == page_html(ARTICLES[0])


@pytest.mark.parametrize("host, status", [("evil.example", 400), ("evil.example:8080", 400),
                                          ("127.0.0.1.evil.example", 400), ("localhost:8080", 200),
                                          ("127.0.0.1", 200), ("[::1]:80", 200)])
def test_loopback_server_refuses_foreign_host_names(site, host, status):
    assert raw_get(site, "/api/search?q=ho+so", host_header=host)[0] == status


# ---------------------------------------------------------------- the command

def test_serve_command_without_archive_exits_2(tmp_path, capsys):
    assert cli_main(["serve", "--data", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("govnews: ") and err.count("\n") == 1


def test_serve_command_on_a_busy_port_exits_2(site, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        code = cli_main(["serve", "--data", str(site.data_dir), "--port", str(busy.getsockname()[1])])
    assert code == 2 and "cannot listen" in capsys.readouterr().err


def test_serve_command_serves_until_interrupted(site):
    proc = subprocess.Popen([sys.executable, "-c", "import cli, sys; sys.exit(cli.main(sys.argv[1:]))",
                             "serve", "--data", str(site.data_dir), "--port", "0"],
                            cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        reply = get(f"http://127.0.0.1:{match.group(1)}/api/search?q=rung+tap+trung")
        assert reply.status == 200 and reply.json()["total"] == 1
    finally:
        proc.send_signal(2)  # SIGINT, like Ctrl+C
        assert proc.wait(10) == 0
        proc.stderr.close()
