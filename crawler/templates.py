"""Learn each site's template from its archived article pages, and hand templates to extraction.

A site gets a template once it has ``MIN_TEMPLATE_PAGES`` stored articles; it is learned again when the site
has grown to twice the pages it was learned from (up to ``TEMPLATE_SAMPLE`` pages, spread over the site's
history). Learning reads the archive, never the network, and runs the page rules alone, so a template never
learns from its own output.
"""
from __future__ import annotations

import logging
from pathlib import Path

from base.warcread import read_record
from extract.decode import decode_html
from extract.template import MIN_TEMPLATE_PAGES, SiteTemplate, learn_template
from index import templates as T
from index.store import Store

TEMPLATE_SAMPLE = 200  # pages a template is learned from at most: enough for the chrome of any template
RELEARN_GROWTH = 2  # learn again once a site has this many times the pages its template saw

log = logging.getLogger("govnews.crawl")


def _sample(locations: list, size: int) -> list:
    """``size`` items spread evenly over ``locations`` (all of them when there are fewer)."""
    if len(locations) <= size:
        return locations
    step = len(locations) / size
    return [locations[int(i * step)] for i in range(size)]


def _rules_pairs(data_dir: Path, locations: list):
    from extract import extract_article

    for _, url, warc, offset in locations:
        try:
            response = read_record(data_dir, warc, offset)
            html = decode_html(response.body, response.charset)
            article = extract_article(html, url=url)
        except Exception as err:  # a damaged record or page: learn from the others
            log.info("template: skipped %s: %s", url, err)
            continue
        if article.page_type == "article":
            yield html, article


def needs_learning(store: Store, site: str, articles: int) -> bool:
    if articles < MIN_TEMPLATE_PAGES:
        return False
    known = T.get_template(store, site)
    return known is None or (known["pages"] < TEMPLATE_SAMPLE and articles >= RELEARN_GROWTH * known["pages"])


def learn_site_templates(data_dir: Path, store: Store) -> list[str]:
    """Learn the template of every site that has enough new pages for one; returns the sites learned."""
    learned = []
    for site, count in sorted(T.article_counts_by_site(store).items()):
        if not site or not needs_learning(store, site, count):
            continue
        locations = _sample(T.site_article_locations(store, site), TEMPLATE_SAMPLE)
        template = learn_template(site, _rules_pairs(Path(data_dir), locations))
        if template is not None:
            T.save_template(store, site, template.to_dict(), template.pages)
            learned.append(site)
            log.info("template: learned %s from %d pages (%s)", site, template.pages, ", ".join(template.fields))
    return learned


def load_templates(store: Store) -> dict[str, SiteTemplate]:
    """Every site's template, ready for extraction (site -> template)."""
    return {site: SiteTemplate.from_dict(row["template"]) for site, row in T.templates(store).items()}
