"""Per-site templates learned from a site's own pages: chrome, placeholders, field paths, refinement."""
from __future__ import annotations

from extract.models import Article, Indicator
from extract.template import MIN_TEMPLATE_PAGES, SiteTemplate, learn_template, refine_article

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hải", "Phạm Minh", "Hoàng Lan"]


def page(n: int, byline: bool = True) -> str:
    author = f'<p class="tacgia">{NAMES[n % len(NAMES)]}</p>' if byline else ""
    return f"""<html><body>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức - Sự kiện</a></li></ul>
<div class="detail"><h1 class="title">Hội nghị số {n} về cải cách hành chính</h1>
<div class="info"><span class="date">Ngày đăng: {n % 28 + 1:02d}/03/2024 08:15</span>
<span class="editor">Ban biên tập</span></div>
<div class="content"><p>Sáng ngày {n % 28 + 1}/3, huyện tổ chức hội nghị thứ {n} với 12 xã tham dự.</p>
<p>Kết quả giải quyết 2.358 hồ sơ đúng hạn trong đợt {n}.</p>{author}</div>
<h3>Tin liên quan</h3></div>
<div class="footer">Bản quyền thuộc UBND huyện Krông Nô</div></body></html>"""


def rules_article(n: int, *, author: str | None, published: str | None = None, body_extra: str = "") -> Article:
    body = (f"Sáng ngày {n % 28 + 1}/3, huyện tổ chức hội nghị thứ {n} với 12 xã tham dự.\n\n"
            f"Kết quả giải quyết 2.358 hồ sơ đúng hạn trong đợt {n}." + body_extra)
    start = body.index("2.358")
    return Article(url=f"http://x.gov.vn/tin/{n}", site="x.gov.vn", title=f"Hội nghị số {n} về cải cách hành chính",
                   published=published, author=author, body=body,
                   indicators=[Indicator(text="2.358 hồ sơ", start=start, end=start + 11, value=2358, unit="hồ sơ",
                                         kind="count")])


def learned() -> SiteTemplate:
    pairs = []
    for n in range(30):
        # the rules found the byline on most pages, took the editor placeholder on a few, found the date on most
        author = "Ban biên tập" if n % 5 == 0 else NAMES[n % len(NAMES)]
        pairs.append((page(n), rules_article(n, author=author, published=f"2024-03-{n % 28 + 1:02d}T08:15:00+07:00")))
    template = learn_template("x.gov.vn", pairs)
    assert template is not None
    return template


def test_chrome_placeholders_and_field_paths_are_learned():
    template = learned()
    assert template.pages == 30
    assert {"trang chủ", "tin liên quan", "bản quyền thuộc ubnd huyện krông nô", "ban biên tập"} <= template.chrome
    assert template.placeholders == {"ban biên tập"}
    assert not any("nguyễn văn an" == c for c in template.chrome)  # one reporter of five is not template text
    assert template.fields["author"].path.startswith("p.tacgia")
    assert template.fields["published"].path.startswith("span.date")
    assert template.fields["title"].agreement == 1.0
    assert SiteTemplate.from_dict(template.to_dict()) == template


def test_refine_drops_a_placeholder_byline_and_reads_the_template_byline():
    template = learned()
    refined = refine_article(rules_article(3, author="Ban biên tập"), page(3), template)
    assert refined.author == NAMES[3]


def test_refine_fills_a_missing_date_and_keeps_what_the_rules_found():
    template = learned()
    refined = refine_article(rules_article(7, author=None), page(7), template)
    assert refined.published == "2024-03-08T08:15:00+07:00"
    assert refined.author == NAMES[2]
    kept = rules_article(7, author="Lê Hải", published="2024-03-08T08:15:00+07:00")
    assert refine_article(kept, page(7), template) is kept


def test_refine_leaves_a_page_without_byline_without_author():
    template = learned()
    refined = refine_article(rules_article(4, author=None), page(4, byline=False), template)
    assert refined.author is None


def test_refine_trims_template_lines_from_the_body_and_keeps_figure_spans():
    template = learned()
    article = rules_article(9, author="Hoàng Lan", published="2024-03-10T08:15:00+07:00")
    article.body = "Trang chủ\n\n" + article.body + "\n\nTin liên quan"
    article.indicators[0].start += len("Trang chủ\n\n")
    article.indicators[0].end += len("Trang chủ\n\n")
    refined = refine_article(article, page(9), template)
    assert refined.body.startswith("Sáng ngày") and refined.body.endswith("trong đợt 9.")
    figure = refined.indicators[0]
    assert refined.body[figure.start:figure.end] == figure.text == "2.358 hồ sơ"


def test_too_few_pages_learn_nothing():
    pairs = [(page(n), rules_article(n, author=None)) for n in range(MIN_TEMPLATE_PAGES - 1)]
    assert learn_template("x.gov.vn", pairs) is None
    assert learn_template("x.gov.vn", [("<<<not html", rules_article(0, author=None))] * 25) is not None


def test_a_title_that_is_template_text_teaches_no_title_path():
    pairs = []
    for n in range(30):
        article = rules_article(n, author=None)
        article.title = "Trang chủ"  # the rules took the portal's chrome as every page's title
        pairs.append((page(n), article))
    template = learn_template("x.gov.vn", pairs)
    assert "title" not in template.fields
    assert "published" not in template.fields  # the rules found no dates: nothing to learn from
