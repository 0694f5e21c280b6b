"""End to end in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

Search without diacritics, open an article, follow the archived copy (its script must not run),
chart a figure and download the figures CSV. Screenshots of the search and article pages go to
/tmp/govnews-search.png and /tmp/govnews-article.png for a human look.
"""
from __future__ import annotations

import csv
import io
import shutil
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from test_serve_fixtures import ARTICLES, LABEL_HO_SO, serving

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=vi")
SCREENSHOTS = {"search": Path("/tmp/govnews-search.png"), "article": Path("/tmp/govnews-article.png")}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("browser") / "data", ARTICLES) as s:
        yield s


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    for program in (CHROMIUM, CHROMEDRIVER):
        assert shutil.which(program), f"{program} is missing: run setup.sh (apt-get install chromium chromium-driver)"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}")
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    # An explicit driver path: Selenium Manager never runs, so nothing is downloaded.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def wait(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout).until(condition)


def test_search_open_article_archive_and_figures_csv(browser, served, downloads):
    # 1. Search typed without diacritics.
    browser.get(served.base + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("cai cach hanh chinh", Keys.ENTER)
    wait(browser, EC.url_contains("q=cai+cach+hanh+chinh"))
    hits = wait(browser, EC.presence_of_all_elements_located((By.CSS_SELECTOR, "li.hit h3 a")))
    titles = [h.text for h in hits]
    assert sorted(titles) == sorted(a["title"] for a in ARTICLES)
    assert browser.find_element(By.CSS_SELECTOR, "p.summary").text.startswith("3 kết quả")
    facet_sites = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "section.facet li a")]
    assert {"UBND huyện Minh Long", "UBND huyện Sơn Hà", "2023", "2022"} <= set(facet_sites)  # portals by name
    son_ha = browser.find_element(By.LINK_TEXT, "UBND huyện Sơn Hà")
    assert son_ha.find_element(By.CSS_SELECTOR, "span.site").get_attribute("title") == "sonha.quangngai.gov.vn"
    browser.save_screenshot(str(SCREENSHOTS["search"]))
    son_ha.click()  # the facet filters by the host
    wait(browser, EC.url_contains("site=sonha.quangngai.gov.vn"))
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, "li.hit h3 a")] == [ARTICLES[2]["title"]]
    browser.back()
    wait(browser, EC.presence_of_all_elements_located((By.CSS_SELECTOR, "li.hit h3 a")))

    # 2. Open the 2023 Minh Long article: its figures are highlighted in the text.
    spec = ARTICLES[0]
    browser.find_element(By.LINK_TEXT, spec["title"]).click()
    wait(browser, EC.url_contains(f"/articles/{served.ids[0]}"))
    heading = wait(browser, EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert heading.text == spec["title"]
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.fig")]
    assert marks == ["2.358 hồ sơ1", "95%2"]  # figure text + its footnote number
    assert browser.find_element(By.LINK_TEXT, "Kế hoạch 2553").get_attribute("href") == spec["attachments"][0]["url"]
    browser.save_screenshot(str(SCREENSHOTS["article"]))

    # 3. Follow the archived copy: the page as archived, inside a sandboxed frame, its script inert.
    browser.find_element(By.ID, "archived-link").click()
    wait(browser, EC.url_contains("/archive"))
    frame = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "iframe.archive")))
    assert frame.get_attribute("sandbox") == ""
    browser.switch_to.frame(frame)
    assert wait(browser, EC.presence_of_element_located((By.ID, "title"))).text == spec["title"]
    browser.switch_to.default_content()
    browser.get(frame.get_attribute("src"))
    assert browser.title == spec["title"]  # the archived <script> would have set "SCRIPT RAN"

    # 4. Figures: filter by unit, chart one label, download the CSV.
    browser.get(served.base + "/figures")
    browser.find_element(By.NAME, "unit").send_keys("hồ sơ", Keys.ENTER)
    wait(browser, EC.url_contains("unit="))  # the unfiltered table is on screen until then
    rows = wait(browser, EC.presence_of_all_elements_located((By.CSS_SELECTOR, "table.figures tbody tr")))
    assert len(rows) == 3
    rows[0].find_element(By.CLASS_NAME, "chart-link").click()
    wait(browser, EC.url_contains("label="))
    chart = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
    assert len(chart.find_elements(By.TAG_NAME, "circle")) == 3
    assert LABEL_HO_SO in browser.find_element(By.CSS_SELECTOR, ".chart-box h2").text
    browser.find_element(By.ID, "csv-link").click()
    deadline = time.monotonic() + 10
    files = []
    while time.monotonic() < deadline:
        files = [p for p in downloads.iterdir() if p.suffix == ".csv"]
        if files:
            break
        time.sleep(0.1)
    assert [f.name for f in files] == ["govnews-indicators.csv"]
    rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"))))
    assert sorted(float(r["value"]) for r in rows) == [1204, 1980, 2358]

    # 5. The chart follows the page's filters: one portal (typed in the form), then one year.
    site_box = browser.find_element(By.NAME, "site")
    site_box.send_keys("minhlong.quangngai.gov.vn", Keys.ENTER)
    wait(browser, EC.url_contains("site=minhlong"))
    assert "label=" in browser.current_url  # the chart stays while filters change
    chart = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
    assert len(chart.find_elements(By.TAG_NAME, "circle")) == 2
    assert browser.find_element(By.CSS_SELECTOR, "ul.legend").text.strip() == "UBND huyện Minh Long"
    assert "since=&" in browser.current_url  # the form sent the empty date field: fill it in
    browser.get(browser.current_url.replace("since=&", "since=2023-01-01&"))
    chart = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
    assert len(chart.find_elements(By.TAG_NAME, "circle")) == 1


def test_document_page_from_its_article_and_the_original_downloads(browser, served, downloads):
    """The report PDF read and archived beside the first article: listed on the article, shown with its
    figures marked, and its archived original saved as a file, not opened in the browser."""
    from test_serve_documents import REPORT_PDF, REPORT_URL, archive

    from extract.documents import extract_document
    from index.documents import save_document
    from index.store import Store

    pdf = REPORT_PDF.read_bytes()
    document = extract_document(pdf, filename=REPORT_PDF.name, url=REPORT_URL, article_url=ARTICLES[0]["url"])
    warc, offset = archive(served.data_dir, REPORT_URL, pdf, "application/pdf")
    with Store.open(served.data_dir) as store:
        document_id, _ = save_document(store, document.to_dict(), fetched_at="2024-01-05T08:00:00+00:00",
                                       warc=warc, offset=offset)
    browser.get(f"{served.base}/articles/{served.ids[0]}")
    browser.find_element(By.CSS_SELECTOR, "ul.documents a").click()
    wait(browser, EC.url_contains(f"/documents/{document_id}"))
    assert browser.find_element(By.CSS_SELECTOR, "p.doc-kind").text == "BÁO CÁO 412/BC-UBND"
    marks = browser.find_elements(By.CSS_SELECTOR, "#page-1 mark.fig")
    assert marks[0].text == "38,2 tỷ đồng1" and len(marks) == len(document.indicators)
    browser.save_screenshot("/tmp/govnews-document.png")
    page_url = browser.current_url
    browser.find_element(By.ID, "original-download").click()
    deadline, files = time.monotonic() + 10, []
    while time.monotonic() < deadline and not files:
        files = [p for p in downloads.iterdir() if p.suffix == ".pdf"]
        time.sleep(0.1)
    assert [f.name for f in files] == ["bao-cao-tong-ket-ntm-2022.pdf"] and files[0].read_bytes() == pdf
    assert browser.current_url == page_url  # downloaded, never shown in place of the page
    browser.find_element(By.ID, "article-link").click()
    wait(browser, EC.url_contains(f"/articles/{served.ids[0]}"))
