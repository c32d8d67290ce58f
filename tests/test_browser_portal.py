"""A person on a phone opens the portal served under a sub-path: pages render, links work, nothing leaves the site."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By

PAGES = [
    ("", "Cổng thông tin thi đua"),
    ("ke-hoach/bo-trach-195-kh-ubnd-2020/", "195/KH-UBND"),
    ("guong/nguyen-van-a-bo-trach/", "Nguyễn Văn A"),
    ("dia-phuong/huyen-bo-trach-quang-binh/", "Bố Trạch"),
    ("phong-trao/nong-thon-moi/", "Cả nước chung sức xây dựng nông thôn mới"),
]


@pytest.mark.parametrize("path,heading", PAGES)
def test_page_renders_under_subpath_without_outside_requests(browser, served, path, heading):
    driver = browser.open(served + path)
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    assert heading in h1
    base = urlparse(served)
    outside = [u for u in browser.requested_urls()
               if not u.startswith(("data:", "blob:")) and (urlparse(u).netloc != base.netloc
                                                             or not urlparse(u).path.startswith(base.path))]
    assert outside == [], f"requests that leave the site or its sub-path: {outside}"
    assert browser.console_errors() == []


def test_links_from_plan_page_lead_to_existing_pages(browser, served):
    driver = browser.open(served + "ke-hoach/bo-trach-195-kh-ubnd-2020/")
    hrefs = {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "article a[href]")}
    internal = sorted(h for h in hrefs if h.startswith(served) and "#" not in h)
    assert any("/phong-trao/" in h for h in internal) and any("/guong/" in h for h in internal)
    assert any("/dia-phuong/huyen-bo-trach-quang-binh/" in h for h in internal)
    for href in internal:
        browser.open(href)
        assert "404" not in driver.title, f"broken link {href}"
        assert driver.find_elements(By.TAG_NAME, "h1"), f"no heading at {href}"


@pytest.mark.parametrize("path,heading", PAGES)
def test_a_page_view_fetches_nothing_that_grows_with_the_site(browser, served, path, heading):
    """The feed links must not make Material's script fetch sitemap.xml (it takes every link[rel=alternate] for a
    language version); nor may a page other than /tra-cuu/ load the search index."""
    import time

    driver = browser.open(served + path)
    assert heading in driver.find_element(By.TAG_NAME, "h1").text
    feeds = driver.find_elements(By.CSS_SELECTOR, 'link[type="application/atom+xml"]')
    assert feeds and all("alternate" in f.get_attribute("rel").split() for f in feeds), "feed autodiscovery"
    time.sleep(1.0)  # Material's fetches start after the page has loaded
    grows = [u for u in browser.requested_urls()
             if urlparse(u).path.endswith(("sitemap.xml", "sitemap.xml.gz")) or "/tra-cuu/chi-muc/" in u]
    assert grows == []
