"""Accessibility: axe-core (WCAG 2 A and AA rules) in headless Chromium finds nothing on the portal's kinds of page,
in the light scheme, in Material's dark scheme (slate) and in print.

axe-core comes from npm at the exact version in tests/a11y/package-lock.json: `npm ci --prefix tests/a11y`
(.ci/run does it). Nothing of it is served by the site.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "ke-hoach/bo-trach-195-kh-ubnd-2020/", "guong/nguyen-van-a-bo-trach/", "dia-phuong/",
         "dong-thoi-gian/", "tra-cuu/?q=n%C3%B4ng+th%C3%B4n", "nhiem-vu-tuyen-truyen/", "bao-cao/"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_source() -> str:
    if AXE.is_file():
        return AXE.read_text(encoding="utf-8")
    message = "Cần axe-core cho kiểm thử trợ năng: npm ci --prefix tests/a11y"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def _violations(driver, axe: str) -> list[str]:
    driver.execute_script(axe)
    found = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(function (r) {
          done(r.violations.map(function (v) {
            return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
          }));
        }, function (e) { done(['axe failed: ' + e]); });""", TAGS)
    return found


@pytest.mark.parametrize("mode", ["light", "slate", "print"])
def test_no_wcag_violations(browser, served, mode):
    axe = _axe_source()
    driver = browser.driver
    driver.set_script_timeout(120)
    if mode == "print":
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    problems = []
    try:
        for path in PAGES:
            browser.open(served + path)
            if path.startswith("tra-cuu/"):
                from selenium.webdriver.support.ui import WebDriverWait

                WebDriverWait(driver, 15).until(lambda d: d.find_elements("css selector", ".td-result"))
            if mode == "slate":  # what Material's palette toggle does when a site offers the dark scheme
                driver.execute_script("document.body.setAttribute('data-md-color-scheme', 'slate')")
            problems += [f"{path or '/'}: {v}" for v in _violations(driver, axe)]
    finally:
        if mode == "print":
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not problems, "\n".join(problems)
