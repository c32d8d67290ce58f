"""`mkdocs serve` shows content errors in the browser, in Vietnamese, with the same lines as `thidua check`, and
shows the site again once the file is fixed (the terminal alone is not where an editor looks)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for(url: str, predicate, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            _status, text = _get(url)
            if predicate(text):
                return text
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never matched; last page:\n{text[:2000]}")


def test_serve_shows_content_errors_in_the_page_until_fixed(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    exemplar = sorted((project / "exemplars").glob("*.md"))[0]
    good = exemplar.read_text(encoding="utf-8")
    bad = good.replace("linh_vuc:", "linh_vu:", 1)
    assert bad != good
    exemplar.write_text(bad, encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        home = f"http://127.0.0.1:{port}/thi-dua/"
        page = _wait_for(home, lambda text: "td-build-errors" in text)
        rel = exemplar.relative_to(project).as_posix()
        assert "Nội dung có lỗi, trang chưa được dựng lại" in page
        assert f"<code>{rel}:" in page and "<strong>linh_vu</strong>" in page and "Cách sửa:" in page
        status, missing = _get(f"{home}guong/{exemplar.stem}/")
        assert status == 404 and "td-build-errors" in missing and "linh_vu" in missing
        exemplar.write_text(good, encoding="utf-8")
        _wait_for(f"{home}guong/{exemplar.stem}/", lambda text: "td-build-errors" not in text and exemplar.stem in text)
        assert "td-build-errors" not in _get(home)[1]
    finally:
        server.terminate()
        server.wait(timeout=10)
