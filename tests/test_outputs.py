"""The data files (search index, feeds, calendars, open data) are written by a second process while MkDocs renders
the pages, or by the build's own process: the same bytes either way, and every failure fails the build."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, run_mkdocs_build
from thidua import features, outputs
from thidua.catalog import build_catalog
from thidua.features import BuildContext, Output
from thidua.loader import load
from thidua.outputs import OutputJob

MINI = ROOT / "tests" / "fixtures" / "mini"


def tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def with_parallel(project: Path, dest: Path, parallel: bool) -> Path:
    shutil.copytree(project, dest)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - thidua:\n" in text
    config.write_text(text.replace("  - thidua:\n", f"  - thidua:\n      parallel: {str(parallel).lower()}\n"),
                      encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def context():
    result = load(MINI)
    assert result.ok
    catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1))
    return BuildContext(catalog, "https://example.gov.vn/thi-dua/", 10, str(MINI), site_name="Cổng")


def test_second_process_and_own_process_write_the_same_site(tmp_path):
    sites = {}
    for parallel in (True, False):
        project = with_parallel(MINI, tmp_path / f"project-{parallel}", parallel)
        out = tmp_path / f"site-{parallel}"
        result = run_mkdocs_build(project, out, "--verbose")
        assert result.returncode == 0, result.stderr
        forked = "ghi các tệp dữ liệu trong khi dựng các trang" in result.stderr
        assert forked is (parallel and len(os.sched_getaffinity(0)) > 1), result.stderr
        sites[parallel] = tree(out)
    assert sites[True] == sites[False]
    assert {"dong-thoi-gian/lich.ics", "ban-tin.atom.xml", "du-lieu/ke-hoach.json", "tra-cuu/chi-muc/index.json"} \
        <= set(sites[True])


@pytest.mark.parametrize("parallel", [True, False])
def test_docs_file_at_an_output_address_fails_the_build_and_names_it(tmp_path, parallel):
    project = with_parallel(MINI, tmp_path / "project", parallel)
    (project / "docs" / "du-lieu").mkdir(parents=True)
    (project / "docs" / "du-lieu" / "ke-hoach.json").write_text("{}", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "trùng địa chỉ với tệp tự sinh: du-lieu/ke-hoach.json" in result.stderr


def test_docs_page_at_a_generated_page_address_fails_the_build(tmp_path):
    project = with_parallel(MINI, tmp_path / "project", True)
    (project / "docs" / "guong").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "guong" / "index.md").write_text("# Gương\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "trùng địa chỉ với tệp tự sinh: guong/index.md" in result.stderr


@pytest.fixture
def forking(monkeypatch):
    """Fork even though pytest may run other threads (the test server): the child only runs the producers."""
    if not hasattr(os, "fork"):
        pytest.skip("no os.fork on this system")
    monkeypatch.setattr(outputs, "can_fork", lambda: True)


def test_child_error_fails_the_build_with_its_message(context, tmp_path, monkeypatch, forking):
    def broken(ctx):
        raise ValueError("bộ tạo tệp hỏng")
    monkeypatch.setattr(features, "OUTPUT_PRODUCERS", [broken])
    job = OutputJob(context, str(tmp_path), set())
    assert job.pid is not None and job.pid != os.getpid()
    with pytest.raises(PluginError) as raised:
        job.wait()
    assert "Lỗi khi tạo các tệp dữ liệu" in str(raised.value)
    assert "ValueError: bộ tạo tệp hỏng" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_child_that_dies_fails_the_build(context, tmp_path, monkeypatch, forking):
    monkeypatch.setattr(features, "OUTPUT_PRODUCERS", [lambda ctx: os._exit(3)])
    job = OutputJob(context, str(tmp_path), set())
    with pytest.raises(PluginError, match="dừng bất thường \\(mã 3\\)"):
        job.wait()


def test_child_writes_what_the_producers_make(context, tmp_path, monkeypatch, forking):
    monkeypatch.setattr(features, "OUTPUT_PRODUCERS", [
        lambda ctx: [Output("a/b/c.json", '{"tên": "Bố Trạch"}'), Output("d.bin", b"\x00\x01")]])
    job = OutputJob(context, str(tmp_path), set())
    job.wait()
    assert (tmp_path / "a" / "b" / "c.json").read_text(encoding="utf-8") == '{"tên": "Bố Trạch"}'
    assert (tmp_path / "d.bin").read_bytes() == b"\x00\x01"


def test_cancel_stops_and_reaps_the_child(context, tmp_path, monkeypatch, forking):
    monkeypatch.setattr(features, "OUTPUT_PRODUCERS", [lambda ctx: time.sleep(60) or []])
    job = OutputJob(context, str(tmp_path), set())
    pid = job.pid
    start = time.monotonic()
    job.cancel()
    assert time.monotonic() - start < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    job.wait()  # nothing left to wait for


def test_without_parallel_the_outputs_are_written_at_once(context, tmp_path, monkeypatch):
    monkeypatch.setattr(features, "OUTPUT_PRODUCERS", [lambda ctx: [Output("x.txt", "một")]])
    job = OutputJob(context, str(tmp_path), set(), parallel=False)
    assert job.pid is None
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "một"
