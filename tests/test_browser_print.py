"""A person prints an exemplar page: the PDF is A4 and carries the story, not the site's navigation."""

from __future__ import annotations

import base64
import io
import unicodedata

import pytest
from selenium.webdriver.common.by import By

pypdf = pytest.importorskip("pypdf")

PAGE = "guong/nguyen-van-a-bo-trach/"
NAVIGATION = ["Hướng dẫn biên tập", "Giới thiệu", "Dữ liệu mở", "Báo cáo"]  # tab labels not used in the content
FOOTER = "nội dung theo các văn bản gốc"  # the copyright line
A4 = (595.3, 841.9)  # points


def squeeze(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(text.split()))


@pytest.fixture
def desktop(browser):
    """A desktop-wide window, where the navigation tabs are on screen."""
    size = browser.driver.get_window_size()
    browser.driver.set_window_size(1280, 900)
    yield browser
    browser.driver.set_window_size(size["width"], size["height"])


def test_printed_exemplar_page_has_no_navigation(desktop, served):
    driver = desktop.open(served + PAGE)
    screen = driver.find_element(By.TAG_NAME, "body").text
    for label in NAVIGATION + [FOOTER]:
        assert label in screen, f"“{label}” is not on screen, so its absence in print would prove nothing"

    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    reader = pypdf.PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    # PDF text extraction splits Vietnamese words around stacked diacritics ("Nguy ễ n"): compare without spaces.
    text = squeeze(" ".join(page.extract_text() for page in reader.pages))

    for wanted in ("Nguyễn Văn A", "Giấy khen", "1234/QĐ-UBND", "Nông nghiệp"):
        assert squeeze(wanted) in text, f"“{wanted}” is missing from the printed page"
    for label in NAVIGATION + [FOOTER]:
        assert squeeze(label) not in text, f"“{label}” is printed"
    assert squeeze("Cổng thông tin thi đua") not in text  # the header with the site name
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4[0]) < 1.5 and abs(float(box.height) - A4[1]) < 1.5, box  # @page size: A4
    assert desktop.console_errors() == []
