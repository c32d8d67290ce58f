"""A person on a phone (412 px) opens a notice open for public comment: the state, the nominees and the ways to
respond are on screen, nothing scrolls sideways, the links dial and write; printed, it is A4 without navigation."""

from __future__ import annotations

import base64
import functools
import http.server
import io
import os
import threading
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from selenium.webdriver.common.by import By

from conftest import _SubPathHandler, SUBPATH, run_mkdocs_build
from test_notices import DEFAULTS, GOOD, _project

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def notice_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("notice-browser")
    long_unit = "Phòng Hợp tác đối ngoại và Quản lý khoa học công nghệ, Trường Đại học Công nghiệp Thành phố Hồ Chí Minh"
    text = GOOD.format(**DEFAULTS).replace("Hội Nông dân xã Thạch Hà <script>alert(1)</script>", long_unit)
    text = text.replace("gop_y:", "tep_dinh_kem:\n  - tep: \"tep/danh-sach.png\"\n    mo_ta: \"Danh sách kèm theo\"\ngop_y:")
    project = _project(root / "p", [("thu", text)], "2024-12-05")
    (project / "notices" / "tep").mkdir()
    Image.new("RGB", (600, 300), (200, 220, 240)).save(project / "notices" / "tep" / "danh-sach.png")
    site = root / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(_SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


def squeeze(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(text.split()))


def test_open_notice_on_a_phone(browser, notice_site, tmp_path):
    browser.driver.set_window_size(412, 915)
    driver = browser.open(notice_site + "lay-y-kien/thu/")
    state = driver.find_element(By.CSS_SELECTOR, ".td-notice-state")
    assert state.is_displayed() and "Đang lấy ý kiến — còn 8 ngày làm việc" in state.text
    body = driver.find_element(By.TAG_NAME, "body").text
    for wanted in ("Bà Lê Thị Hoa", "Hợp tác xã nông nghiệp Xuân An", "16/12/2024", "Cách gửi ý kiến"):
        assert wanted in body, wanted
    assert driver.find_element(By.CSS_SELECTOR, "a[href^='mailto:btdkt@hatinh.gov.vn']").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "a[href='tel:02393855555']").is_displayed()
    image = driver.find_element(By.CSS_SELECTOR, ".td-attachments img")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 600
    assert driver.execute_script("return document.documentElement.scrollWidth") <= driver.execute_script(
        "return window.innerWidth")
    outside = [u for u in browser.requested_urls() if not u.startswith(("data:", "blob:", notice_site))]
    assert outside == [] and browser.console_errors() == []

    driver.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 80)", state)
    shot = Path(os.environ.get("THIDUA_SCREENSHOTS", tmp_path)) / "lay-y-kien-412.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(shot))
    picture = Image.open(shot).convert("RGB")
    colours = picture.getcolors(maxcolors=picture.width * picture.height)
    assert picture.width <= 412 * 2 and len(colours) > 50, f"screenshot {shot} looks blank"
    # The green border of an open notice's state box is painted (thidua.css: .td-state-dang-lay-y-kien).
    assert any(count > 150 and rgb == (46, 125, 50) for count, rgb in colours), "no state box painted"


def test_notice_prints_on_a4_without_navigation(browser, notice_site):
    driver = browser.open(notice_site + "lay-y-kien/thu/")
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    reader = pypdf.PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    text = squeeze(" ".join(page.extract_text() for page in reader.pages))
    for wanted in ("Lê Thị Hoa", "16/12/2024", "Số 1, đường Phan Đình Phùng", "btdkt@hatinh.gov.vn"):
        assert squeeze(wanted) in text, wanted
    assert squeeze("Thêm hạn góp ý vào lịch") not in text
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5


def test_home_page_shows_the_open_notice(browser, notice_site):
    driver = browser.open(notice_site)
    block = driver.find_element(By.CSS_SELECTOR, ".td-home-notices")
    assert "Đang lấy ý kiến nhân dân" in block.text
    block.find_element(By.CSS_SELECTOR, "a[href*='lay-y-kien/thu/']").click()
    assert "lay-y-kien/thu/" in driver.current_url and "404" not in driver.title
