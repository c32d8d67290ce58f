"""A person on a phone opens /dong-thoi-gian/: the chart renders (screenshot), fits the screen, and every bar and mark
leads to an existing plan page; nothing is loaded from outside the site."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from PIL import Image
from selenium.webdriver.common.by import By


def _outside(browser, served) -> list[str]:
    base = urlparse(served)
    return [u for u in browser.requested_urls()
            if not u.startswith(("data:", "blob:")) and (urlparse(u).netloc != base.netloc
                                                         or not urlparse(u).path.startswith(base.path))]


def test_timeline_page_renders_on_a_phone_and_every_bar_links_to_a_plan(browser, served, tmp_path):
    driver = browser.open(served + "dong-thoi-gian/")
    assert "Dòng thời gian" in driver.find_element(By.TAG_NAME, "h1").text
    assert _outside(browser, served) == []
    assert browser.console_errors() == []

    bars = driver.find_elements(By.CSS_SELECTOR, "a.td-tl-bar")
    marks = driver.find_elements(By.CSS_SELECTOR, "a.td-tl-mark")
    assert len(bars) >= 3 and marks
    for link in bars + marks:
        assert link.is_displayed() and link.size["width"] >= 8 and link.size["height"] >= 8
        assert link.get_attribute("aria-label") and link.get_attribute("title")
    # The chart fits a 412px-wide phone: nothing forces sideways scrolling.
    assert driver.execute_script("return document.documentElement.scrollWidth") <= driver.execute_script(
        "return window.innerWidth")

    chart = driver.find_element(By.CSS_SELECTOR, ".td-timeline")
    # Scroll the chart just below the fixed header, then photograph the screen as the person sees it.
    driver.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 120)", chart)
    shot = Path(os.environ.get("THIDUA_SCREENSHOTS", tmp_path)) / "dong-thoi-gian.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(shot))
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=image.width * image.height)
    assert image.width > 300 and len(colours) > 50, f"screenshot {shot} looks blank ({len(colours)} colours)"
    # The bars' fill colour is there: the chart was painted, not just its text.
    assert any(count > 200 and rgb == (255, 224, 178) for count, rgb in colours), "no campaign bar painted"

    hrefs = sorted({link.get_attribute("href") for link in bars + marks})
    assert all(urlparse(h).path.startswith(urlparse(served).path + "ke-hoach/") for h in hrefs)
    for href in hrefs:
        browser.open(href)
        assert "404" not in driver.title, f"broken link {href}"
        assert driver.find_elements(By.CSS_SELECTOR, ".td-plan h1"), f"not a plan page: {href}"
        assert driver.find_elements(By.CSS_SELECTOR, "#dong-thoi-gian"), f"plan page without timeline: {href}"


def test_year_filter_page_is_reachable_without_javascript_links(browser, served):
    driver = browser.open(served + "dong-thoi-gian/")
    link = driver.find_element(By.CSS_SELECTOR, "nav.td-filters a[href$='2020/']")
    browser.open(link.get_attribute("href"))
    assert "2020" in driver.find_element(By.TAG_NAME, "h1").text
    plans = {a.get_attribute("data-plan") for a in driver.find_elements(By.CSS_SELECTOR, "a.td-tl-bar")}
    assert plans == {"bo-trach-195-kh-ubnd-2020"}
    assert _outside(browser, served) == []
