"""Canonical URLs, scope and URL patterns."""
from crawler.urls import (
    Scope,
    canonicalize,
    host_key,
    is_attachment,
    is_plausible_canonical,
    is_print_view,
    url_pattern,
)

LIFERAY = ("http://h/web/guest/tin-tuc?p_p_id=com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet"
           "_INSTANCE_abc&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
           "&_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_abc_cur=3"
           "&_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_abc_delta=10"
           "&_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_abc_redirect=%2Fweb%2Fguest")


def test_tracking_fragment_and_order_do_not_matter():
    base = canonicalize("http://example.gov.vn/tin?b=2&a=1")
    assert base == "http://example.gov.vn/tin?a=1&b=2"
    for variant in ("HTTP://Example.GOV.vn:80/tin?a=1&b=2#top", "http://example.gov.vn/tin?utm_source=fb&b=2&a=1",
                    "http://example.gov.vn/tin?a=1&fbclid=XYZ&b=2&gclid=1", "http://example.gov.vn/tin?b=2&a=1&utm_medium=x"):
        assert canonicalize(variant) == base


def test_redirect_and_reply_params_dropped_content_params_kept():
    assert canonicalize("http://h/-/bai-viet?redirect=%2Fhome&inheritRedirect=true") == "http://h/-/bai-viet"
    assert canonicalize("http://h/2023/05/tin/?replytocom=17") == "http://h/2023/05/tin/"
    assert canonicalize("http://h/Pages/tin.aspx?ItemID=42") == "http://h/Pages/tin.aspx?ItemID=42"
    assert canonicalize("http://h/?p=123") == "http://h/?p=123"
    url = canonicalize(LIFERAY)
    assert "p_p_id=com_liferay_asset_publisher" in url and "_INSTANCE_abc_cur=3" in url and "_delta=10" in url
    assert "redirect" not in url and "p_p_lifecycle" not in url and "p_p_state" not in url


def test_relative_links_unicode_and_junk():
    assert canonicalize("../tin-tức/a b", "http://h/x/y/z") == "http://h/x/tin-t%E1%BB%A9c/a%20b"
    # NFD and NFC spellings of the same slug are one URL
    assert canonicalize("http://h/tin-t\u01b0\u0301c") == canonicalize("http://h/tin-t\u1EE9c")
    assert canonicalize("http://h/a%2fb?q=a%26b") == "http://h/a%2Fb?q=a%26b"
    for junk in ("javascript:void(0)", "mailto:a@b.vn", "tel:0255", "ftp://h/x", "  "):
        assert canonicalize(junk, "http://h/") is None
    assert canonicalize("http://h/a;jsessionid=ABC123?x=1") == "http://h/a?x=1"
    assert canonicalize("https://h:443") == "https://h/"


def test_print_views_and_attachments():
    assert is_print_view("http://h/-/tin?p_p_state=pop_up")
    assert is_print_view("http://h/vi/news/print/48212/")
    assert not is_print_view("http://h/-/tin?p_p_state=maximized")
    # Print views of other CMS families: any parameter valued "print", Joomla's component template,
    # print paths of .NET and PHP portals.
    for url in ("http://h/tin-tuc/chi-tiet/12/slug?mode=print", "http://h/Default.aspx?tabid=5&action=print",
                "http://h/index.php?option=com_content&id=12&tmpl=component&print=1", "http://h/in-bai/12345",
                "http://h/tin-tuc/12-slug.html?isprint=1", "http://h/news/print.aspx?id=12", "http://h/a?type=inbai"):
        assert is_print_view(url), url
    for url in ("http://h/tin-tuc/chi-tiet/12/in-an-bao-bi-xuat-khau", "http://h/tin/in-dam-dau-an?layout=blog",
                "http://h/index.php?option=com_content&view=article&id=12", "http://h/printing-house/"):
        assert not is_print_view(url), url
    assert is_attachment("http://h/uploads/ke-hoach.PDF")
    assert is_attachment("http://h/documents/20182/0/ke-hoach.docx/7f3c-uuid?t=1")
    assert not is_attachment("http://h/-/pdf-la-gi")


def test_scope_is_host_and_port():
    scope = Scope.from_seeds(["http://127.0.0.1:8001/", "https://huyen.gov.vn/"])
    assert host_key("http://127.0.0.1:8001/x") == "127.0.0.1:8001"
    assert scope.allows("http://127.0.0.1:8001/a")
    assert not scope.allows("http://127.0.0.1:8002/a")
    assert scope.allows("http://huyen.gov.vn/a")
    assert not scope.allows("http://xa.huyen.gov.vn/a")
    assert not scope.allows("http://tinh.gov.vn/a")
    wide = Scope.from_seeds(["https://huyen.gov.vn/"], subdomains=True, allow_domains=["tinh.gov.vn"])
    assert wide.allows("http://xa.huyen.gov.vn/a") and wide.allows("https://tinh.gov.vn/")
    assert not wide.allows("http://evilhuyen.gov.vn/")


def test_patterns_fold_numbers_and_values():
    a = url_pattern(canonicalize("http://h/lich-cong-tac?month=2026-02"))
    b = url_pattern(canonicalize("http://h/lich-cong-tac?month=2031-11"))
    assert a == b
    assert url_pattern("http://h/page/2/") == url_pattern("http://h/page/37/")
    assert url_pattern("http://h/lich?month=1") != url_pattern("http://h/lich?day=1")


def test_calendars_recognised():
    from crawler.urls import is_calendar

    assert is_calendar("http://h/lich-cong-tac?month=2024-11")
    assert is_calendar("http://h/su-kien?d=18/08/2023")
    assert is_calendar("http://h/Pages/lich.aspx?Thang=8")
    assert not is_calendar("http://h/2023/12/bai-viet/")
    assert not is_calendar("http://h/tin?page=3")
    assert not is_calendar("http://h/Pages/tin.aspx?ItemID=2023")


def test_canonical_links_that_cannot_name_the_article():
    url = "http://h/tin-tuc/chi-tiet/12345/hoi-nghi-tong-ket"
    # A template's fixed canonical: the home page or the section above the article.
    assert not is_plausible_canonical("http://h/", url)
    assert not is_plausible_canonical("http://h/tin-tuc", url)
    assert not is_plausible_canonical("http://h/tin-tuc/chi-tiet/", url)
    # The article's own address in another form, an alias elsewhere, a query-identified page.
    assert is_plausible_canonical("http://h/tin-tuc/chi-tiet/12345/hoi-nghi-tong-ket/", url)
    assert is_plausible_canonical("http://h/-/hoi-nghi-tong-ket", url)
    assert is_plausible_canonical("http://h/tin-tuc?id=12345", url)
    assert is_plausible_canonical("http://h/tin-tuc/chi-tiet/12345", url + "/print")
    assert is_plausible_canonical("https://other.gov.vn/tin-tuc", url)
    slug = "http://h/-/hoi-nghi-tong-ket-cong-tac-cai-cach"
    assert is_plausible_canonical(slug, slug + "/amp")
    assert not is_plausible_canonical("http://h/thoi-su", "http://h/thoi-su/hoi-nghi-tong-ket-a12345.html")
