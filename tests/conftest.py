"""Shared fixtures: the project's site built once, a server for it under a sub-path, and headless Chromium.

Browser tests need Debian's chromium and chromedriver (.ci/run installs them). Without them a test is
skipped on a developer's machine and fails under CI=true, so CI can never pass by skipping.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "/thi-dua/"
FIXED_BUILD_DATE = "2025-03-01"


def build_context(project: Path, page_size: int = 50):
    """The BuildContext a build of ``project`` gives its producers, on a fixed date."""
    import datetime as dt

    from thidua.core.catalog import build_catalog
    from thidua.features.registry import BuildContext
    from thidua.core.loader import load

    result = load(project)
    assert result.ok, result.diagnostics
    catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1),
                         result.notices, result.workdays)
    return BuildContext(catalog, "https://example.gov.vn/thi-dua/", page_size, str(project), site_name="Cổng")


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict`, in a child process as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir),
         *extra],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The repository's own site, built once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, as a district server hosting it at https://…/thi-dua/ would."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def served(site) -> str:
    """Base URL of the site served from 127.0.0.1 under the sub-path."""
    handler = functools.partial(_SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


def _need_browser() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    try:
        import selenium  # noqa: F401
    except ImportError:
        chromium = None
    if chromium and driver:
        return chromium, driver
    message = ("Cần Chromium, chromedriver và selenium cho kiểm thử trình duyệt: "
               "apt-get install chromium chromium-driver; pip install -r requirements-dev.txt")
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


class Browser:
    """A headless Chromium that records every request and console message of the pages it opens."""

    def __init__(self, driver) -> None:
        self.driver = driver

    def open(self, url: str):
        self.driver.get_log("performance")  # drop what earlier pages logged
        self.driver.get_log("browser")
        self.driver.get(url)
        return self.driver

    def requested_urls(self) -> list[str]:
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def console_errors(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]


@pytest.fixture(scope="session")
def browser():
    chromium, driver_path = _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=412,915", "--lang=vi"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield Browser(driver)
    finally:
        driver.quit()
