"""The editors' web form end to end, as an editor uses it: headless Chromium on the built site, saving through a real
decap-server (the local backend, from the npm registry) into a throw-away git repository.

An exemplar with an award and a photo, and a plan with a task, are created in the form and saved; each arrives as a
branch of its own (the local form of a pull request), and the files on it pass ``thidua check`` and build into pages.
No request leaves the site except to the backend.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image

from conftest import ROOT, SUBPATH, _SubPathHandler, run_mkdocs_build

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
COPIED = ("mkdocs.yml", "docs", "overrides", "plans", "exemplars", "movements")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Kiểm thử", "GIT_AUTHOR_EMAIL": "kiem-thu@example.invalid",
           "GIT_COMMITTER_NAME": "Kiểm thử", "GIT_COMMITTER_EMAIL": "kiem-thu@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    """A throw-away copy of the portal in git, decap-server (MODE=git) on it, and the site built to use it."""
    if not DECAP_SERVER.exists():
        message = "Cần decap-server cho kiểm thử trang biên tập: chạy `npm ci` ở thư mục gốc của kho."
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    repo = tmp_path_factory.mktemp("repo")
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name)
    port = _free_port()
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins:\n  - thidua\n" in config
    (repo / "mkdocs.yml").write_text(config.replace(
        "plugins:\n  - thidua\n",
        f"plugins:\n  - thidua:\n      cms:\n        local_url: http://127.0.0.1:{port}/api/v1\n"), encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Cổng thi đua")
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port),
                                   "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"})
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("decap-server did not start")
        site = tmp_path_factory.mktemp("site")
        result = run_mkdocs_build(repo, site)
        assert result.returncode == 0, result.stderr
        handler = functools.partial(_SubPathHandler, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        yield {"repo": repo, "port": port, "url": f"http://127.0.0.1:{httpd.server_address[1]}{SUBPATH}bien-tap/",
               "start": _git(repo, "rev-parse", "main").strip()}
        httpd.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _field(driver, key: str):
    return driver.find_element("css selector", f'[id^="{key}-field-"]')


def _choose(driver, key: str, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box = _field(driver, key)
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def _place(driver, key: str, query: str, expected: str) -> None:
    _field(driver, key).send_keys(query)
    hits = driver.find_elements("css selector", "[data-thidua-place] button")
    chosen = [h for h in hits if h.text.startswith(expected)]
    assert chosen, [h.text for h in hits]
    chosen[0].click()


def _button(driver, text: str):
    return driver.find_element("xpath", f"//button[normalize-space(.)='{text}']")


def _open_new(browser, backend, collection: str):
    driver = browser.open(backend["url"])
    driver.implicitly_wait(10)
    logins = driver.find_elements("xpath", "//button[contains(., 'Đăng nhập')]")
    if logins:
        logins[0].click()
    driver.find_element("xpath", "//*[contains(., 'Bộ sưu tập')]")
    driver.get(f"{backend['url']}#/collections/{collection}/new")
    _field(driver, "ten" if collection != "ke-hoach" else "trich_yeu")
    return driver


def _save(driver) -> None:
    _button(driver, "Lưu").click()
    driver.find_element("xpath", "//*[contains(translate(., 'ĐÃLƯU', 'đãlưu'), 'đã được lưu')]")


def _check_and_build(backend, branch: str, tmp_path: Path) -> Path:
    checkout = tmp_path / branch.replace("/", "-")
    checkout.mkdir()
    archive = subprocess.run(["git", "archive", branch], cwd=backend["repo"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "x"], cwd=checkout, input=archive, check=True)
    check = subprocess.run([sys.executable, "-m", "thidua.cli", "check"], cwd=checkout, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    site = tmp_path / f"{checkout.name}-site"
    result = run_mkdocs_build(checkout, site)
    assert result.returncode == 0, result.stderr
    return site


def _only_local_requests(browser, backend) -> None:
    for url in browser.requested_urls():
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob"):
            continue
        assert parsed.hostname == "127.0.0.1", url


def test_an_editor_adds_an_exemplar_with_an_award_and_a_photo(browser, backend, tmp_path):
    photo = tmp_path / "hoa.jpg"
    Image.new("RGB", (640, 480), (180, 40, 40)).save(photo, quality=85)
    driver = _open_new(browser, backend, "guong")
    _field(driver, "ten").send_keys("Nguyễn Thị Hoa")
    _choose(driver, "doi_tuong", "Cá nhân")
    _place(driver, "dia_phuong", "xa gio linh", "Xã Gio Linh, tỉnh Quảng Trị")
    _field(driver, "linh_vuc").send_keys("Nông nghiệp")
    _field(driver, "ngay").send_keys("tháng 5/2025")
    driver.find_element("xpath", "//button[contains(., 'Thêm các hình thức khen thưởng')]").click()
    _field(driver, "hinh_thuc").send_keys("Giấy khen")
    _choose(driver, "cap", "Cấp xã")
    _field(driver, "co_quan").send_keys("Chủ tịch UBND xã Gio Linh")
    _field(driver, "tom_tat").send_keys("Hiến 300 m² đất làm đường thôn.")
    driver.find_element("xpath", "//button[contains(., 'Chọn một hình')]").click()
    driver.find_element("css selector", "input[type=file]").send_keys(str(photo))
    driver.find_element("xpath", "//button[contains(., 'Lấy những cái đã chọn')]").click()
    _save(driver)
    _only_local_requests(browser, backend)

    branch = "cms/guong/nguyen-thi-hoa"
    assert branch in _git(backend["repo"], "branch", "--list", "cms/*")
    assert _git(backend["repo"], "rev-parse", "main").strip() == backend["start"]  # main untouched until accepted
    text = _git(backend["repo"], "show", f"{branch}:exemplars/nguyen-thi-hoa.md")
    assert 'dia_phuong: xa-gio-linh-quang-tri' in text and 'anh: "anh/hoa.jpg"' in text
    assert '- hinh_thuc: "Giấy khen"\n  cap: xa\n' in text
    site = _check_and_build(backend, branch, tmp_path)
    page = (site / "guong" / "nguyen-thi-hoa" / "index.html").read_text(encoding="utf-8")
    assert "Nguyễn Thị Hoa" in page and "Giấy khen" in page
    assert (site / "anh" / "guong" / "nguyen-thi-hoa.jpg").exists()


def test_an_editor_adds_a_plan_with_a_task(browser, backend, tmp_path):
    driver = _open_new(browser, backend, "ke-hoach")
    _field(driver, "so_ky_hieu").send_keys("45/KH-UBND")
    _field(driver, "loai_van_ban").send_keys("Kế hoạch")
    _field(driver, "co_quan_ban_hanh").send_keys("Ủy ban nhân dân xã Gio Linh")
    _place(driver, "dia_phuong", "gio linh quang tri", "Xã Gio Linh, tỉnh Quảng Trị")
    _field(driver, "noi_ban_hanh").send_keys("Gio Linh")
    _field(driver, "ngay_ban_hanh").send_keys("ngày 10 tháng 9 năm 2025")
    _field(driver, "trich_yeu").send_keys("Phát động phong trào thi đua năm 2025")
    driver.find_element("xpath", "//button[contains(., 'Thêm nhiệm vụ giao cho từng cơ quan')]").click()
    _field(driver, "co_quan").send_keys("Công chức Văn hóa - Xã hội")
    _field(driver, "noi_dung").send_keys("Tuyên truyền gương người tốt, việc tốt trên hệ thống loa.")
    _field(driver, "han").send_keys("tháng 12/2025")
    _save(driver)

    branches = _git(backend["repo"], "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/ke-hoach/").split()
    assert len(branches) == 1, branches
    branch = branches[0]
    name = branch.rsplit("/", 1)[1]
    text = _git(backend["repo"], "show", f"{branch}:plans/{name}.md")
    assert 'so_ky_hieu: "45/KH-UBND"' in text and 'han: "tháng 12/2025"' in text
    site = _check_and_build(backend, branch, tmp_path)
    page = (site / "ke-hoach" / name / "index.html").read_text(encoding="utf-8")
    assert "Tuyên truyền gương người tốt, việc tốt trên hệ thống loa." in page


def test_a_date_the_checker_refuses_is_refused_by_the_form(browser, backend):
    driver = _open_new(browser, backend, "guong")
    _field(driver, "ten").send_keys("Trần Văn Thử")
    _field(driver, "ngay").send_keys("31/02/2025")
    _button(driver, "Lưu").click()
    driver.find_element("xpath", "//*[contains(., 'ngày 31/02/2025 không tồn tại: tháng 2/2025 chỉ có 28 ngày')]")
    assert "cms/guong/tran-van-thu" not in _git(backend["repo"], "branch", "--list", "cms/*")
