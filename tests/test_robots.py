"""robots.txt rules: our group or '*', Crawl-delay, Sitemap lines, unavailable sites."""
from crawler.robots import Robots, agent_token

UA = "govnews/0.1 (+https://github.com/govnews/govnews)"
TEXT = b"""User-agent: *
Disallow: /tim-kiem
Disallow: /c/
Crawl-delay: 3

User-agent: govnews
Disallow: /noi-bo/
Crawl-delay: 2

Sitemap: http://h/sitemap.xml
"""


def test_group_naming_our_agent_wins():
    robots = Robots.from_response(200, TEXT)
    assert agent_token(UA) == "govnews"
    assert not robots.allows("http://h/noi-bo/danh-ba", UA)
    assert robots.allows("http://h/tim-kiem?q=x", UA)  # our group replaces '*'
    assert not robots.allows("http://h/tim-kiem?q=x", "OtherBot/1.0")
    assert robots.crawl_delay(UA) == 2.0
    assert robots.crawl_delay("OtherBot/1.0") == 3.0
    assert robots.sitemaps() == ["http://h/sitemap.xml"]


def test_star_group_applies_to_us_when_none_names_us():
    robots = Robots.from_response(200, b"User-agent: *\nDisallow: /admin/\n")
    assert not robots.allows("http://h/admin/login", UA)
    assert robots.allows("http://h/-/tin", UA)
    assert robots.crawl_delay(UA) is None


def test_missing_means_allowed_and_unavailable_means_nothing():
    assert Robots.from_response(404, b"").allows("http://h/anything", UA)
    assert Robots.from_response(410, None).allows("http://h/anything", UA)
    assert not Robots.from_response(503, b"").allows("http://h/anything", UA)
    assert not Robots.from_response(None, None).allows("http://h/", UA)
    # garbage is no rules, not a crash
    assert Robots.from_response(200, b"\x00\xff<html>oops</html>").allows("http://h/x", UA)
