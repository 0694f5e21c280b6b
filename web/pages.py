"""The HTML pages of `govnews serve`. Pure functions: data in, an HTML string out.

Every value from the archive is escaped here (see web/html.py); the only pre-built HTML taken
from elsewhere is the search snippet, and that is checked to hold nothing but text and <mark> tags.
"""
from __future__ import annotations

import re
from typing import Any

from index.figures import format_number
from web.html import (
    KIND_LABELS,
    TEXT,
    esc,
    external_link,
    format_date,
    local_href,
    safe_href,
)

PAGE_WINDOW = 3  # page links shown either side of the current page
FACET_SITES = 20  # sites listed in the facet column (the busiest first)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_MARK_TAGS = re.compile(r"(</?mark>)")


def layout(title: str, main: str, active: str = "") -> str:
    nav = "".join(
        f'<a href="{href}"{" class=active" if key == active else ""}>{esc(TEXT[key])}</a>'
        for key, href in (("nav_search", "/"), ("nav_figures", "/figures"), ("nav_api", "/api")))
    return (
        '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)} · govnews</title>'
        '<link rel="stylesheet" href="/static/style.css">'
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        '</head><body>'
        f'<header class="top"><a class="brand" href="/">{esc(TEXT["app"])}</a>'
        f'<span class="tagline">{esc(TEXT["tagline"])}</span><nav>{nav}</nav></header>'
        f'<main>{main}</main></body></html>\n'
    )


def error_page(status: int, message: str) -> str:
    heading = TEXT["not_found"] if status == 404 else (
        TEXT["bad_request"] if status < 500 else TEXT["server_error"])
    body = f'<section class="error"><h1>{esc(heading)}</h1>'
    if status != 404 and message:
        body += f'<p>{esc(message)}</p>'
    body += f'<p><a href="/">{esc(TEXT["nav_search"])}</a></p></section>'
    return layout(heading, body)


# ---------------------------------------------------------------- search

def _field(name: str, label: str, value: object, kind: str = "text", placeholder: str = "") -> str:
    ph = f' placeholder="{esc(placeholder)}"' if placeholder else ""
    return (f'<label>{esc(label)}<input type="{kind}" name="{name}" value="{esc(value)}"{ph}></label>')


def _select(name: str, label: str, value: object, options: list[tuple[str, str]]) -> str:
    opts = "".join(
        f'<option value="{esc(v)}"{" selected" if v == value else ""}>{esc(text)}</option>'
        for v, text in options)
    return f'<label>{esc(label)}<select name="{name}">{opts}</select></label>'


def _search_form(params: dict[str, Any]) -> str:
    sort_options = [("relevance", TEXT["sort_relevance"]), ("date", TEXT["sort_date"])]
    return (
        '<form class="search" method="get" action="/" role="search">'
        '<div class="searchbar">'
        f'<input type="search" name="q" value="{esc(params.get("q"))}" '
        f'placeholder="{esc(TEXT["search_placeholder"])}" aria-label="{esc(TEXT["nav_search"])}" autofocus>'
        f'<button type="submit">{esc(TEXT["search_button"])}</button></div>'
        f'<fieldset class="filters"><legend>{esc(TEXT["filters"])}</legend>'
        + _field("since", TEXT["since"], params.get("since"), "date")
        + _field("until", TEXT["until"], params.get("until"), "date")
        + _field("site", TEXT["site"], params.get("site"), placeholder="vd: minhlong.quangngai.gov.vn")
        + _field("category", TEXT["category"], params.get("category"))
        + _select("sort", TEXT["sort"], params.get("sort") or "relevance", sort_options)
        + f'<a class="clear" href="{local_href("/", {"q": params.get("q")})}">{esc(TEXT["clear_filters"])}</a>'
        '</fieldset></form>'
    )


def safe_snippet(snippet_html: object, snippet: object) -> str:
    """The search snippet with its <mark> tags; falls back to escaped plain text if it holds any other tag."""
    if isinstance(snippet_html, str):
        pieces = _MARK_TAGS.split(snippet_html)
        if all(p in ("<mark>", "</mark>") or ("<" not in p and ">" not in p and '"' not in p)
               for p in pieces) and snippet_html.count("<mark>") == snippet_html.count("</mark>"):
            return snippet_html
    return esc(snippet)


def facet_sites(facets: dict[str, dict[str, int]]) -> list[tuple[str, int]]:
    """(host, count) of the sites the facet column lists, the busiest first."""
    return sorted((facets.get("site") or {}).items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SITES]


def site_label(host: object, names: dict[str, str]) -> str:
    """A portal as people know it: its name, with its host in the tooltip (the host when it has no name)."""
    return f'<span class="site" title="{esc(host)}">{esc(names.get(host) or host)}</span>'


def _facet_list(title: str, items: list[tuple[str, int, str, bool]], clear_href: str) -> str:
    """items: (label HTML, count, href, active)."""
    if not items:
        return ""
    lis = "".join(
        f'<li{" class=active" if active else ""}><a href="{href}">{label}</a>'
        f'<span class="count">{esc(format_number(count))}</span></li>'
        for label, count, href, active in items)
    clear = f' <a class="clear" href="{clear_href}">×</a>' if any(i[3] for i in items) else ""
    return f'<section class="facet"><h2>{esc(title)}{clear}</h2><ul>{lis}</ul></section>'


def _facets(params: dict[str, Any], facets: dict[str, dict[str, int]], names: dict[str, str]) -> str:
    base = {k: v for k, v in params.items() if k != "page"}
    site_items = [(site_label(host, names), n, local_href("/", {**base, "site": host}), host == params.get("site"))
                  for host, n in facet_sites(facets)]
    years = sorted((facets.get("year") or {}).items(), reverse=True)
    year_items = []
    for year, n in years:
        since, until = f"{year}-01-01", f"{year}-12-31"
        active = params.get("since") == since and params.get("until") == until
        year_items.append((esc(year), n, local_href("/", {**base, "since": since, "until": until}), active))
    return (_facet_list(TEXT["facet_site"], site_items, local_href("/", {**base, "site": None}))
            + _facet_list(TEXT["facet_year"], year_items,
                          local_href("/", {**base, "since": None, "until": None})))


def _pagination(params: dict[str, Any], page: int, pages: int) -> str:
    if pages <= 1:
        return ""

    def link(n: int, text: str, css: str = "") -> str:
        cls = f' class="{css}"' if css else ""
        return f'<a{cls} href="{local_href("/", {**params, "page": n})}">{esc(text)}</a>'

    parts = []
    if page > 1:
        parts.append(link(page - 1, TEXT["prev"], "prev"))
    for n in range(max(1, page - PAGE_WINDOW), min(pages, page + PAGE_WINDOW) + 1):
        parts.append(f'<span class="current">{n}</span>' if n == page else link(n, str(n)))
    if page < pages:
        parts.append(link(page + 1, TEXT["next"], "next"))
    label = TEXT["page_of"].format(page=page, pages=pages)
    return f'<nav class="pages" aria-label="{esc(label)}">{"".join(parts)}</nav>'


def document_hit_id(hit: Any) -> int | None:
    """The document id of a search hit on a document (attachment), None for an article hit."""
    raw = getattr(hit, "document_id", None) if getattr(hit, "type", "article") == "document" else None
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{1,18}", raw):
        raw = int(raw)
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def _hit(hit: Any, articles: dict[str, dict[str, Any]]) -> str:
    """One search result; a document hit names the document, its page and its article (``articles``: the
    stored article of each article_url, {"id", "title"})."""
    date = format_date(hit.published)
    meta = site_label(hit.site, {hit.site: hit.site_name} if hit.site_name else {})
    if date:
        meta += f' · <time datetime="{esc(hit.published)}">{esc(date)}</time>'
    original = external_link(hit.url, TEXT["original"], "original")
    href, css = f"/articles/{int(hit.id)}", "hit"
    document_id = document_hit_id(hit)
    if document_id is not None:
        page = getattr(hit, "page", None)
        href, css = f"/documents/{document_id}" + (f"#page-{page}" if isinstance(page, int) else ""), "hit doc-hit"
        label = TEXT["doc_hit"] + (" · " + TEXT["doc_page_short"].format(n=page) if isinstance(page, int) else "")
        article_url = getattr(hit, "article_url", None)
        article = articles.get(article_url) if isinstance(article_url, str) else None
        in_article = (f'<a href="/articles/{int(article["id"])}">{esc(article.get("title") or article_url)}</a>'
                      if article else external_link(article_url, article_url) if article_url else "")
        meta = (f'<span class="doc-badge">{esc(label)}</span> · {meta}'
                + (f' · {esc(TEXT["doc_in_article"])} {in_article}' if in_article else ""))
    return (
        f'<li class="{css}">'
        f'<h3><a href="{href}">{esc(hit.title or hit.url)}</a></h3>'
        f'<div class="meta">{meta} · {original}</div>'
        f'<p class="snippet">{safe_snippet(hit.snippet_html, hit.snippet)}</p></li>'
    )


def _overview(overview: dict[str, Any]) -> str:
    """Before any search: archive size, newest articles, articles per site."""
    documents = overview.get("documents") or 0
    welcome = TEXT["welcome_documents" if documents else "welcome"].format(
        count=format_number(overview["count"]), documents=format_number(documents))
    html = f'<p class="welcome">{esc(welcome)}</p>'
    names = overview.get("names") or {}
    items = []
    for row in overview["latest"]:
        date = format_date(row["published"])
        items.append(f'<li><a href="/articles/{int(row["id"])}">{esc(row["title"] or row["url"])}</a>'
                     f'<div class="meta">{site_label(row["site"], names)}'
                     f'{" · " + esc(date) if date else ""}</div></li>')
    sites = "".join(f'<li>{site_label(site, names)}<span class="count">{esc(format_number(n))}</span></li>'
                    for site, n in overview["sites"])
    if items:
        html += ('<div class="results">'
                 f'<aside class="facets"><section class="facet"><h2>{esc(TEXT["home_sites"])}</h2>'
                 f'<ul>{sites}</ul></section></aside>'
                 f'<section class="listing"><h2 class="latest">{esc(TEXT["home_latest"])}</h2>'
                 f'<ul class="latest">{"".join(items)}</ul></section></div>')
    return html


def search_page(params: dict[str, Any], result: Any = None, *, error: str | None = None,
                elapsed: float | None = None, overview: dict[str, Any] | None = None,
                site_names: dict[str, str] | None = None, articles: dict[str, dict[str, Any]] | None = None) -> str:
    """The home page: search form, then results with facets, or an overview when nothing was asked.

    ``articles``: the article (id, title) of each document hit's article_url."""
    body = _search_form(params)
    q = params.get("q") or ""
    if error:
        body += f'<p class="error" role="alert">{esc(error)}</p>'
    elif result is None:
        if overview is not None:
            body += _overview(overview)
    else:
        summary = TEXT["results"].format(total=format_number(result.total))
        if q:
            summary += " " + TEXT["results_for"].format(q=q)
        if elapsed is not None:
            summary += " " + TEXT["elapsed"].format(seconds=format_number(round(elapsed, 3)))
        hits = "".join(_hit(h, articles or {}) for h in result.hits)
        listing = (f'<ol class="hits">{hits}</ol>' if hits
                   else f'<p class="empty">{esc(TEXT["no_results"])}</p>')
        body += (
            '<div class="results">'
            f'<aside class="facets">{_facets(params, result.facets or {}, site_names or {})}</aside>'
            f'<section class="listing"><p class="summary">{esc(summary)}</p>{listing}'
            f'{_pagination(params, result.page, result.pages)}</section></div>'
        )
    title = f"{q} – {TEXT['nav_search']}" if q else TEXT["nav_search"]
    return layout(title, body, "nav_search")


# ---------------------------------------------------------------- article

def valid_spans(body: str, indicators: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    """(start, end, figure number) for figures whose span matches the body, without overlaps."""
    spans = []
    for number, ind in enumerate(indicators, 1):
        start, end = ind.get("start"), ind.get("end")
        if (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)
                and body[start:end] == ind.get("text")):
            spans.append((start, end, number))
    spans.sort()
    kept: list[tuple[int, int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _escape_lines(text: str) -> str:
    return "<br>".join(esc(line) for line in text.split("\n"))


def highlighted_body(body: str, indicators: list[dict[str, Any]]) -> str:
    """The article text as <p> paragraphs, each figure wrapped in <mark class="fig" id="fig-N">."""
    spans = valid_spans(body, indicators)
    bounds, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(body)))
    anchored: set[int] = set()
    out = []
    for p_start, p_end in bounds:
        if p_start >= p_end:
            continue
        html, cursor = [], p_start
        for start, end, number in spans:
            if end <= p_start or start >= p_end:
                continue
            start, end = max(start, p_start), min(end, p_end)
            html.append(_escape_lines(body[cursor:start]))
            anchor = "" if number in anchored else f' id="fig-{number}"'
            anchored.add(number)
            hint = " · ".join(str(v) for v in (indicators[number - 1].get("label"),
                                                indicators[number - 1].get("period")) if v)
            tip = f' title="{esc(hint)}"' if hint else ""
            html.append(f'<mark class="fig"{anchor}{tip}>{_escape_lines(body[start:end])}'
                        f'<sup>{number}</sup></mark>')
            cursor = end
        html.append(_escape_lines(body[cursor:p_end]))
        out.append(f'<p>{"".join(html)}</p>')
    return "".join(out)


def figure_value(ind: dict[str, Any]) -> str:
    """'2.358', '27.000–32.000', '5/5', with 'hơn'/'ước'/'tăng' qualifiers in front."""
    text = format_number(ind.get("value"))
    if ind.get("upper") is not None:
        text += "–" + format_number(ind.get("upper"))
    if ind.get("total") is not None:
        text += "/" + format_number(ind.get("total"))
    qualifiers = [q for q in (ind.get("change"), ind.get("approx"),
                              TEXT["estimate"] if ind.get("estimate") else None) if q]
    return " ".join([*qualifiers, text])


def figures_table(indicators: list[dict[str, Any]], linked: set[int], *, with_pages: bool = False) -> str:
    """The figures, numbered; a number links to its mark in the text when it is in ``linked``; with_pages adds
    each figure's page (a document's figures), linking to that page."""
    if not indicators:
        return f'<p class="empty">{esc(TEXT["doc_no_figures" if with_pages else "no_figures"])}</p>'
    rows = []
    for number, ind in enumerate(indicators, 1):
        ref = f'<a href="#fig-{number}">{number}</a>' if number in linked else str(number)
        page = ind.get("page")
        page_cell = ""
        if with_pages:
            page_cell = (f'<td class="num"><a href="#page-{page}">{page}</a></td>'
                         if isinstance(page, int) else "<td></td>")
        rows.append(
            f'<tr><td class="num">{ref}</td>{page_cell}<td class="text">{esc(ind.get("text"))}</td>'
            f'<td class="value">{esc(figure_value(ind))}</td><td>{esc(ind.get("unit"))}</td>'
            f'<td class="kind">{esc(KIND_LABELS.get(ind.get("kind"), ind.get("kind")))}</td>'
            f'<td class="label">{esc(ind.get("label"))}</td><td>{esc(ind.get("period"))}</td></tr>')
    head = "".join(f"<th>{esc(TEXT[k])}</th>" for k in
                   ("fig_text", "fig_value", "fig_unit", "fig_kind", "fig_label", "fig_period"))
    page_head = f'<th>{esc(TEXT["doc_pages_col"])}</th>' if with_pages else ""
    return (f'<div class="table-wrap"><table class="figures"><thead><tr><th>#</th>{page_head}{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _link_list(items: list[dict[str, Any]], text_key: str) -> str:
    lis = []
    for item in items:
        url = item.get("url")
        text = item.get(text_key) or url
        lis.append(f'<li>{external_link(url, text)}</li>')
    return f'<ul class="links">{"".join(lis)}</ul>'


def documents_list(documents: list[dict[str, Any]]) -> str:
    """An article's documents (index.documents.documents_of rows), each linking to its page."""
    items = []
    for doc in documents:
        facts = [esc(v) for v in (doc.get("kind"), doc.get("number") and f'{TEXT["doc_number"]}: {doc["number"]}',
                                  format_date(doc.get("date"))) if v]
        if doc.get("page_count"):
            facts.append(esc(f'{doc["page_count"]} {TEXT["doc_pages_col"].lower()}'))
        if doc.get("ocr_pending"):
            facts.append(f'<span class="pending">{esc(TEXT["doc_pending_short"].format(count=doc["ocr_pending"]))}'
                         '</span>')
        items.append(f'<li><a href="/documents/{int(doc["id"])}">{esc(doc.get("name") or doc.get("url"))}</a>'
                     f'<div class="meta">{" · ".join(facts)}</div></li>')
    return f'<ul class="documents">{"".join(items)}</ul>'


def article_page(article: dict[str, Any], documents: list[dict[str, Any]] | None = None) -> str:
    """All of an article: metadata, text with highlighted figures, figures, documents read, attachments, images."""
    article_id = int(article["id"])
    body = article.get("body") or ""
    indicators = article.get("indicators") or []
    meta_rows = []
    for key, value in (
        ("site_name", article.get("site_name")),
        ("site", article.get("site")),
        ("published", format_date(article.get("published"))),
        ("author", article.get("author")),
        ("source", article.get("source")),
        ("category", article.get("category")),
        ("views", format_number(article.get("views")) if article.get("views") is not None else None),
        ("fetched_at", format_date(article.get("fetched_at"))),
    ):
        if value not in (None, ""):
            meta_rows.append(f'<dt>{esc(TEXT[key])}</dt><dd>{esc(value)}</dd>')
    meta_rows.append(f'<dt>{esc(TEXT["url"])}</dt><dd class="url">'
                     f'{external_link(article.get("url"), article.get("url"))}</dd>')
    actions = []
    if safe_href(article.get("url")):
        actions.append(external_link(article.get("url"), TEXT["original"], "button"))
    if (article.get("archive") or {}).get("warc"):
        actions.append(f'<a class="button" id="archived-link" href="/articles/{article_id}/archive">'
                       f'{esc(TEXT["archived"])}</a>')
    actions.append(f'<a class="button secondary" href="/api/articles/{article_id}">{esc(TEXT["json"])}</a>')
    summary = (f'<p class="summary-text">{esc(article.get("summary"))}</p>'
               if article.get("summary") else "")
    main = (
        f'<article class="article"><h1>{esc(article.get("title") or article.get("url"))}</h1>'
        f'<div class="actions">{"".join(actions)}</div>'
        f'<dl class="meta">{"".join(meta_rows)}</dl>{summary}'
        f'<section class="body"><h2>{esc(TEXT["body"])}</h2>{highlighted_body(body, indicators)}</section>'
        f'<section><h2>{esc(TEXT["figures"])} ({len(indicators)})</h2>'
        f'{figures_table(indicators, {n for _, _, n in valid_spans(body, indicators)})}</section>'
    )
    if documents:
        main += f'<section id="documents"><h2>{esc(TEXT["documents"])}</h2>{documents_list(documents)}</section>'
    if article.get("attachments"):
        main += (f'<section><h2>{esc(TEXT["attachments"])}</h2>'
                 f'{_link_list(article["attachments"], "name")}</section>')
    if article.get("images"):
        main += f'<section><h2>{esc(TEXT["images"])}</h2>{_link_list(article["images"], "caption")}</section>'
    main += "</article>"
    return layout(article.get("title") or TEXT["body"], main)


def archive_page(article: dict[str, Any], archived_date: str | None = None) -> str:
    """The archived copy inside a sandboxed frame (no scripts, no same-origin), under a banner."""
    article_id = int(article["id"])
    banner = TEXT["archive_banner"].format(url=article.get("url") or "",
                                           date=format_date(archived_date or article.get("fetched_at")))
    main = (
        f'<div class="archive-banner"><a href="/articles/{article_id}">{esc(TEXT["back_to_article"])}</a>'
        f'<span>{esc(banner)}</span>'
        f'<a href="/archive/{article_id}" target="_blank" rel="noopener">{esc(TEXT["archive_open"])}</a></div>'
        f'<iframe class="archive" sandbox="" referrerpolicy="no-referrer" src="/archive/{article_id}" '
        f'title="{esc(TEXT["archived"])}"></iframe>'
    )
    return layout(f'{TEXT["archived"]}: {article.get("title") or ""}', main)


# ---------------------------------------------------------------- figures

def _figures_form(params: dict[str, Any]) -> str:
    kinds = [("", TEXT["fig_any_kind"])] + list(KIND_LABELS.items())
    return (
        '<form class="search" method="get" action="/figures">'
        '<div class="searchbar">'
        f'<input type="search" name="q" value="{esc(params.get("q"))}" '
        f'placeholder="{esc(TEXT["fig_query"])}" aria-label="{esc(TEXT["nav_figures"])}">'
        f'<button type="submit">{esc(TEXT["search_button"])}</button></div>'
        f'<fieldset class="filters"><legend>{esc(TEXT["filters"])}</legend>'
        + _field("unit", TEXT["fig_unit"], params.get("unit"), placeholder=TEXT["fig_unit_placeholder"])
        + _select("kind", TEXT["fig_kind"], params.get("kind") or "", kinds)
        + _field("since", TEXT["since"], params.get("since"), "date")
        + _field("until", TEXT["until"], params.get("until"), "date")
        + _field("site", TEXT["site"], params.get("site"))
        # the charted label stays while the filters change: the chart follows them
        + (f'<input type="hidden" name="label" value="{esc(params["label"])}">' if params.get("label") else "")
        + '</fieldset></form>'
    )


def _figure_document(row: dict[str, Any], document_id: int | None) -> str:
    """'Văn bản: <name> · tr. 3' under the article of a figure read from a document."""
    page = row.get("page")
    name = row.get("document_name") or row.get("document_url")
    anchor = f"#page-{page}" if isinstance(page, int) else ""
    link = (f'<a href="/documents/{int(document_id)}{anchor}">{esc(name)}</a>' if document_id is not None
            else external_link(row.get("document_url"), name))
    where = f' · {esc(TEXT["doc_page_short"].format(n=page))}' if page is not None else ""
    return f'<div class="doc-ref">{esc(TEXT["document"])}: {link}{where}</div>'


def figures_page(params: dict[str, Any], rows: list[dict[str, Any]] | None, *, truncated: bool = False,
                 chart: str = "", chart_label: str | None = None, chart_unit: str | None = None,
                 csv_href: str = "", error: str | None = None, site_names: dict[str, str] | None = None,
                 document_ids: dict[str, int] | None = None) -> str:
    """Figures search: form, optional chart of one label over time, table of figures, CSV link.

    A figure read from a document names it and its page, linking to the document page when its id is in
    ``document_ids`` (document_url -> id)."""
    body = _figures_form(params)
    if error:
        body += f'<p class="error" role="alert">{esc(error)}</p>'
        return layout(TEXT["nav_figures"], body, "nav_figures")
    if chart_label:
        title = TEXT["chart_title"].format(label=chart_label, unit=chart_unit or "")
        inner = chart or f'<p class="empty">{esc(TEXT["chart_none"])}</p>'
        body += f'<section class="chart-box"><h2>{esc(title)}</h2>{inner}</section>'
    rows = rows or []
    count = TEXT["fig_count"].format(count=format_number(len(rows)))
    body += (f'<div class="toolbar"><span class="summary">{esc(count)}</span>'
             f'<a class="button" id="csv-link" href="{csv_href}" download>{esc(TEXT["csv"])}</a></div>')
    if truncated:
        body += f'<p class="note">{esc(TEXT["fig_truncated"].format(shown=format_number(len(rows))))}</p>'
    if not rows:
        body += f'<p class="empty">{esc(TEXT["fig_none"])}</p>'
    else:
        if not chart_label:
            body += f'<p class="note">{esc(TEXT["chart_hint"])}</p>'
        table_rows = []
        names = site_names or {}
        base = {k: v for k, v in params.items() if k not in ("label",)}
        for row in rows:
            article_id = row.get("article_id")
            article = (f'<a href="/articles/{int(article_id)}">{esc(row.get("title") or row.get("url"))}</a>'
                       if isinstance(article_id, int) else esc(row.get("title")))
            if row.get("document_url"):
                article += _figure_document(row, (document_ids or {}).get(row["document_url"]))
            chart_link = ""
            if row.get("label"):
                href = local_href("/figures", {**base, "label": row["label"], "unit": row.get("unit")})
                chart_link = f'<a class="chart-link" href="{href}">{esc(TEXT["fig_chart"])}</a>'
            table_rows.append(
                f'<tr><td class="text">{esc(row.get("text"))}</td><td class="value">{esc(figure_value(row))}</td>'
                f'<td>{esc(row.get("unit"))}</td>'
                f'<td class="kind">{esc(KIND_LABELS.get(row.get("kind"), row.get("kind")))}</td>'
                f'<td class="label">{esc(row.get("label"))}</td><td>{esc(row.get("period"))}</td>'
                f'<td class="article-cell">{article}<div class="meta">{site_label(row.get("site"), names)} · '
                f'{esc(format_date(row.get("published")))}</div></td><td>{chart_link}</td></tr>')
        head = "".join(f"<th>{esc(TEXT[k])}</th>" for k in (
            "fig_text", "fig_value", "fig_unit", "fig_kind", "fig_label", "fig_period", "fig_article"))
        body += (f'<div class="table-wrap"><table class="figures"><thead><tr>{head}<th></th></tr></thead>'
                 f'<tbody>{"".join(table_rows)}</tbody></table></div>')
    return layout(TEXT["nav_figures"], body, "nav_figures")
