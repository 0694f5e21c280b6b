"""The page of one document (an attachment read: PDF, Word, Excel, a scan read by OCR). Pure: data in, HTML out.

A document comes from ``index.documents.get_document``; its text, metadata and figures come from a crawled file
and are escaped like an article's (web/html.py). A figure's ``start``/``end`` count within its own page's text.
"""
from __future__ import annotations

from typing import Any

from web.html import METHOD_LABELS, TEXT, esc, external_link, format_date, safe_href
from web.pages import figures_table, highlighted_body, layout, valid_spans


def _pending(page: dict[str, Any]) -> bool:
    """A scanned page OCR has not read yet (index.documents' rule)."""
    return bool(page.get("needs_ocr")) and page.get("method") == "none"


def _on_page(indicators: list[dict[str, Any]], n: object) -> list[dict[str, Any]]:
    """The figures with every figure of another page blanked, so each keeps its number in the whole document."""
    return [ind if ind.get("page") == n else {} for ind in indicators]


def _method(page: dict[str, Any]) -> str:
    """'Nhận dạng OCR · độ tin cậy OCR 91%'."""
    method = page.get("method")
    text = METHOD_LABELS.get(method, method or "")
    confidence = page.get("confidence")
    if method == "ocr" and isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
        text += " · " + TEXT["doc_confidence"].format(percent=round(confidence * 100))
    return text


def _page(page: dict[str, Any], indicators: list[dict[str, Any]]) -> str:
    n = page.get("n")
    number = int(n) if isinstance(n, int) else 0
    text = page.get("text") or ""
    if _pending(page):
        inner = f'<p class="note pending">{esc(TEXT["doc_page_pending"])}</p>'
    elif text.strip():
        inner = highlighted_body(text, _on_page(indicators, n))
    else:
        inner = f'<p class="empty">{esc(TEXT["doc_empty_page"])}</p>'
    return (f'<section class="doc-page" id="page-{number}"><h3>{esc(TEXT["doc_page"].format(n=number))}'
            f' <span class="method">{esc(_method(page))}</span></h3>{inner}</section>')


def _linked_figures(pages: list[dict[str, Any]], indicators: list[dict[str, Any]]) -> set[int]:
    """Numbers of the figures marked in some page's text (the figures table links them)."""
    linked: set[int] = set()
    for page in pages:
        if not _pending(page):
            linked.update(n for _, _, n in valid_spans(page.get("text") or "", _on_page(indicators, page.get("n"))))
    return linked


def _meta(doc: dict[str, Any], article: dict[str, Any] | None) -> str:
    signer = doc.get("signer") or ""
    if doc.get("position"):
        signer = f'{signer} ({doc["position"]})' if signer else str(doc["position"])
    rows = []
    for key, value in (("doc_number", doc.get("number")), ("doc_kind", doc.get("kind")),
                       ("doc_issuer", doc.get("issuer")), ("doc_place", doc.get("place")),
                       ("doc_date", format_date(doc.get("date"))), ("doc_subject", doc.get("subject")),
                       ("doc_signer", signer), ("doc_pages", doc.get("page_count")),
                       ("doc_format", (doc.get("format") or "").upper()),
                       ("fetched_at", format_date(doc.get("fetched_at")))):
        if value not in (None, ""):
            rows.append(f'<dt>{esc(TEXT[key])}</dt><dd>{esc(value)}</dd>')
    article_url = doc.get("article_url")
    if article is not None:
        rows.append(f'<dt>{esc(TEXT["doc_article"])}</dt><dd><a id="article-link" href="/articles/'
                    f'{int(article["id"])}">{esc(article.get("title") or article_url)}</a></dd>')
    elif article_url:
        rows.append(f'<dt>{esc(TEXT["doc_article"])}</dt>'
                    f'<dd class="url">{external_link(article_url, article_url)}</dd>')
    rows.append(f'<dt>{esc(TEXT["url"])}</dt><dd class="url">{external_link(doc.get("url"), doc.get("url"))}</dd>')
    return f'<dl class="meta">{"".join(rows)}</dl>'


def _notes(doc: dict[str, Any], pages: list[dict[str, Any]]) -> str:
    notes = ""
    if doc.get("error"):
        notes += f'<p class="error" role="alert">{esc(TEXT["doc_error"].format(error=doc["error"]))}</p>'
    pending = sum(1 for p in pages if _pending(p))
    if pending:
        notes += f'<p class="note pending" id="ocr-pending">{esc(TEXT["doc_pending"].format(count=pending))}</p>'
    warnings = [w for w in doc.get("warnings") or [] if w]
    if warnings:
        items = "".join(f"<li>{esc(w)}</li>" for w in warnings)
        notes += f'<details class="warnings"><summary>{esc(TEXT["doc_warnings"])}</summary><ul>{items}</ul></details>'
    return notes


def document_page(doc: dict[str, Any], article: dict[str, Any] | None = None) -> str:
    """A document: metadata, link to its article, the archived original and the original URL, its text page by
    page (how each page was read; figures marked), and its figures with their page.

    ``article``: the stored article the document hangs off ({"id", "title"}), when there is one.
    """
    document_id = int(doc["id"])
    pages = [p for p in doc.get("pages") or [] if isinstance(p, dict)]
    indicators = [i if isinstance(i, dict) else {} for i in doc.get("indicators") or []]
    actions = []
    if article is not None:
        actions.append(f'<a class="button secondary" href="/articles/{int(article["id"])}">'
                       f'{esc(TEXT["back_to_article"])}</a>')
    if (doc.get("archive") or {}).get("warc"):
        actions.append(f'<a class="button" id="original-download" href="/documents/{document_id}/original" '
                       f'download>{esc(TEXT["doc_download"])}</a>')
    if safe_href(doc.get("url")):
        actions.append(external_link(doc.get("url"), TEXT["doc_original"], "button"))
    actions.append(f'<a class="button secondary" href="/api/documents/{document_id}">{esc(TEXT["json"])}</a>')
    title = doc.get("name") or doc.get("number") or doc.get("url") or TEXT["document"]
    heading = " ".join(str(v) for v in (doc.get("kind"), doc.get("number")) if v)
    main = (
        f'<article class="article document"><h1>{esc(title)}</h1>'
        + (f'<p class="doc-kind">{esc(heading)}</p>' if heading and heading != title else "")
        + f'<div class="actions">{"".join(actions)}</div>{_meta(doc, article)}{_notes(doc, pages)}'
        f'<section class="body"><h2>{esc(TEXT["doc_text"])} ({len(pages)})</h2>'
        f'{"".join(_page(p, indicators) for p in pages)}</section>'
        f'<section><h2>{esc(TEXT["doc_figures"])} ({len(indicators)})</h2>'
        f'{figures_table(indicators, _linked_figures(pages, indicators), with_pages=True)}</section></article>'
    )
    return layout(str(title), main)
