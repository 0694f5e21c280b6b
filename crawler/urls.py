"""Canonical URLs, crawl scope and URL patterns (for trap budgets).

One article must have one URL: ``canonicalize`` drops what does not identify
content (fragments, tracking and redirect parameters, Liferay layout
parameters, session ids), sorts the query and normalises escapes, and keeps what
does (Liferay ``p_p_id`` and ``…_cur``, ``ItemID``, ``p``, …).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import (
    parse_qsl,
    quote,
    unquote,
    urlencode,
    urljoin,
    urlsplit,
    urlunsplit,
)

MAX_URL_LENGTH = 1024  # longer URLs are parameter soup (session ids, filters), never an article address

# Query parameters that never identify content: tracking, redirects back to where the reader came from,
# comment replies, session ids. Matched on the lower-cased name.
DROP_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "zarsrc", "ref_src",
    "redirect", "inheritredirect", "backurl", "returnurl", "replytocom",
    "phpsessid", "jsessionid", "sessionid", "sid", "aspsessionid",
    # Liferay layout parameters: where a portlet sits on the page, not what it shows
    "p_p_lifecycle", "p_p_mode", "p_p_col_id", "p_p_col_pos", "p_p_col_count", "p_r_p_564233524_resetcur",
})
DROP_PARAM_PREFIXES = ("utm_",)
# Liferay namespaces portlet parameters: "_com_liferay_..._INSTANCE_x_redirect"; these suffixes are redirects.
DROP_PARAM_SUFFIXES = ("_redirect", "_backurl", "_inheritredirect")
# Parameter values that are the default and so say nothing: p_p_state=normal is the same page as none.
DEFAULT_PARAM_VALUES = {"p_p_state": {"normal"}}

# Print views duplicate an article in a bare layout: never fetched as pages. A parameter named here
# (None: whatever its value), or any parameter whose value is one of PRINT_VALUES ("?mode=print",
# "?action=print", "?type=inbai"), or a path segment such as "/print/", "/in-bai/", "print.aspx".
PRINT_VIEW_PARAMS = {"p_p_state": {"pop_up", "exclusive"}, "print": None, "printable": None, "isprint": None,
                     "inbai": None, "print-friendly": None, "tmpl": {"component"}}
PRINT_VALUES = frozenset({"print", "printable", "printview", "print-view", "printer", "inbai", "in-bai", "ban-in"})
PRINT_VIEW_PATH = re.compile(r"/(print|printable|in-?bai(?:-?viet)?|in-?tin|ban-?in|print-?view|printpreview|"
                             r"print-?friendly)(/|$|\.)", re.I)

# Documents a portal attaches to its pages (reports, plans, decisions): fetched and archived, never parsed as pages.
ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods")
ATTACHMENT_IN_PATH = re.compile(r"^/documents/.*\.(pdf|docx?|xlsx?|odt|ods)/", re.I)
# The same documents recognised by the Content-Type of a link that has no telling extension ("/download?id=7").
ATTACHMENT_TYPES = frozenset({
    "application/pdf", "application/x-pdf", "application/msword", "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
})
# A web-archive capture path ("/web/20180330081814/http://host/page"; "im_"/"id_" variants; the "//" sometimes
# collapsed): sites rebuilt from captures keep such links, and what they name is the captured URL, not a local page.
WEB_ARCHIVE_PATH = re.compile(r"^/web/\d{4,14}(?:[a-z]{2}_)?/(https?):?/+(.+)$", re.I)
# Hosts that are web archives themselves: crawling one of them, its capture links are its pages.
WEB_ARCHIVE_HOSTS = frozenset({"web.archive.org", "wayback.archive.org", "archive.org"})
# Links to these are never crawled as pages (images, media, archives, code).
SKIP_EXTENSIONS = (
    ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".svg", ".ico", ".tif", ".tiff",
    ".mp3", ".mp4", ".avi", ".wmv", ".flv", ".mov", ".wav", ".ogg", ".webm", ".m4a",
    ".zip", ".rar", ".7z", ".gz", ".tar", ".exe", ".msi", ".apk", ".iso", ".dmg",
    ".css", ".js", ".json", ".woff", ".woff2", ".ttf", ".eot", ".ppt", ".pptx", ".rtf",
)
# Query parameters of calendars and date archives: an endless space whatever the pages look like.
CALENDAR_PARAMS = frozenset({"month", "thang", "date", "ngay", "day", "week", "tuan", "fromdate", "todate",
                             "tungay", "denngay", "calendar", "lich"})
CALENDAR_VALUE = re.compile(r"^(\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}[-/.]\d{4})$")
DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/:@!$&'()*+,;=-._~"
_SAFE_QUERY = "/:@!$'()*,;-._~?"
_DIGITS = re.compile(r"\d+")
# A path segment that names one article (an id, or a headline slug), not a section ("tin-tuc", "thoi-su").
_ARTICLE_SEGMENT = re.compile(r"\d|^(?:[^-_]+[-_]){4,}[^-_]+")
_ESCAPED_SLASH = re.compile("%2f", re.I)
_JSESSION = re.compile(r";jsessionid=[^/?#]*", re.I)


def _keep_param(name: str, value: str) -> bool:
    low = name.lower()
    if low in DROP_PARAMS or low.startswith(DROP_PARAM_PREFIXES) or low.endswith(DROP_PARAM_SUFFIXES):
        return False
    return value not in DEFAULT_PARAM_VALUES.get(low, ())


def _requote(text: str, safe: str) -> str:
    """Percent-encode consistently: decode what needs no escaping, escape non-ASCII (NFC first).

    An escaped slash stays escaped: ``a%2Fb`` is one path segment, ``a/b`` two.
    """
    parts = _ESCAPED_SLASH.split(text)
    return "%2F".join(quote(unicodedata.normalize("NFC", unquote(part, errors="surrogateescape")), safe=safe,
                            errors="surrogateescape") for part in parts)


def _quote_query(text: str, *_args) -> str:
    """Quote one already-decoded query name or value (parse_qsl decoded it once; never decode twice)."""
    return quote(unicodedata.normalize("NFC", text), safe=_SAFE_QUERY)


def host_key(url: str) -> str:
    """The scope key of a URL: lower-case host, with the port when it is not the scheme's default."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").rstrip(".")
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host


def canonicalize(url: str, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (resolved against ``base``), or None if it is not a crawlable http(s) URL."""
    url = (url or "").strip()
    if not url or url.lower().startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    netloc = host if not port or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _requote(_JSESSION.sub("", parts.path) or "/", _SAFE_PATH)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if _keep_param(k, v)]
    query = urlencode(sorted(pairs), quote_via=_quote_query)
    return urlunsplit((scheme, netloc, path, query, ""))


def is_print_view(url: str) -> bool:
    parts = urlsplit(url)
    if PRINT_VIEW_PATH.search(parts.path):
        return True
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        wanted = PRINT_VIEW_PARAMS.get(name.lower(), False)
        if wanted is None or (wanted and value.lower() in wanted) or value.lower() in PRINT_VALUES:
            return True
    return False


def is_plausible_canonical(canonical: str, url: str) -> bool:
    """Whether a page's <link rel="canonical"> can name the article at url.

    Templates that print one fixed canonical on every page point it at the site or at the section the
    article sits in ("/tin-tuc" for "/tin-tuc/chi-tiet/12/slug"): a canonical that is the home page or an
    ancestor of the article's own path would merge every article of the section into one record.
    """
    c, u = urlsplit(canonical), urlsplit(url)
    if host_key(canonical) != host_key(url):
        return True  # the scope decides about other hosts
    cpath, upath = c.path.rstrip("/"), u.path.rstrip("/")
    if not cpath:
        return False
    if c.query or cpath == upath or not upath.startswith(cpath + "/"):
        return True
    # An article may own the paths below it ("/12345/print", "/slug-of-the-headline/amp").
    return bool(_ARTICLE_SEGMENT.search(cpath.rsplit("/", 1)[-1]))


def extension(url: str) -> str:
    path = urlsplit(url).path.lower()
    last = path.rsplit("/", 1)[-1]
    return "." + last.rsplit(".", 1)[-1] if "." in last else ""


def is_attachment(url: str) -> bool:
    """A document link; Liferay puts the file name mid-path (``/documents/1/2/ke-hoach.pdf/<uuid>``)."""
    return extension(url) in ATTACHMENT_EXTENSIONS or bool(ATTACHMENT_IN_PATH.search(urlsplit(url).path))


def is_attachment_type(content_type: str) -> bool:
    """A response whose Content-Type is a document (PDF, Word, Excel, OpenDocument)."""
    return content_type.split(";", 1)[0].strip().lower() in ATTACHMENT_TYPES


def archived_target(url: str) -> str:
    """The URL a web-archive capture link names (``/web/2018…/http://host/p`` → ``http://host/p``), else ``url``."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() in WEB_ARCHIVE_HOSTS:
        return url
    match = WEB_ARCHIVE_PATH.match(parts.path)
    if match is None:
        return url
    target = f"{match.group(1).lower()}://{match.group(2)}"
    return canonicalize(target + (f"?{parts.query}" if parts.query else "")) or url


def is_skipped_file(url: str) -> bool:
    return extension(url) in SKIP_EXTENSIONS


def is_calendar(url: str) -> bool:
    """A URL whose query picks a date or period (``?month=2026-02``, ``?ngay=18/08/2023``)."""
    return any(name.lower() in CALENDAR_PARAMS or CALENDAR_VALUE.match(value)
               for name, value in parse_qsl(urlsplit(url).query, keep_blank_values=True))


def url_pattern(url: str) -> str:
    """Host + path with numbers folded + sorted parameter names: the unit of the trap budget.

    ``/lich?month=2026-02`` and ``/lich?month=2026-03`` share a pattern; so do ``/page/2/`` and ``/page/3/``.
    """
    parts = urlsplit(url)
    names = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    path = _DIGITS.sub("#", unquote(parts.path))
    return f"{host_key(url)}{path}?{'&'.join(names)}"


@dataclass
class Scope:
    """Which hosts a crawl may touch: the seeds' hosts, optionally their subdomains, plus allowed domains."""

    hosts: set[str] = field(default_factory=set)
    subdomains: bool = False
    allowed: set[str] = field(default_factory=set)

    @classmethod
    def from_seeds(cls, seeds: list[str], subdomains: bool = False, allow_domains: list[str] | None = None) -> Scope:
        allowed = {d.strip().lower().rstrip(".") for d in allow_domains or [] if d.strip()}
        return cls({host_key(s) for s in seeds}, subdomains, allowed)

    def allows(self, url: str) -> bool:
        key = host_key(url)
        if not key:
            return False
        if key in self.hosts or key in self.allowed:
            return True
        host = key.split(":", 1)[0]
        if host in self.allowed or any(host.endswith("." + d) for d in self.allowed if ":" not in d):
            return True
        if self.subdomains:
            for seed in self.hosts:
                seed_host, _, seed_port = seed.partition(":")
                port = key.partition(":")[2]
                if host.endswith("." + seed_host) and port == seed_port:
                    return True
        return False


def article_identity(url: str, canonical: str | None, scope: Scope) -> str:
    """The URL an article fetched from ``url`` is stored under: its <link rel="canonical"> when that names
    another in-scope page that is no print view and no home page, else ``url``. The one rule for the crawl's
    writer and for ``reprocess --spark``."""
    if canonical and canonical != url and scope.allows(canonical) and not is_print_view(canonical) \
            and urlsplit(canonical).path not in ("", "/"):
        return canonical
    return url
