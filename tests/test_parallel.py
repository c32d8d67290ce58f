"""With a second core, forked processes make the data files (search index, feeds, calendars, open data) while MkDocs
reads the pages, and render a share of the generated pages while MkDocs renders the rest; without, one process does
all and says why. The same bytes either way, and whatever fails in a child fails the build with its message."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, build_context, run_mkdocs_build
from thidua.features import registry as features
from thidua.site import forked
from thidua.features.feature import Feature, Output
from thidua.site.forked import ForkedTask
from thidua.site.outputs import OutputsJob

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
    return build_context(MINI, 10)


def test_second_process_and_own_process_write_the_same_site(tmp_path):
    sites = {}
    for parallel in (True, False):
        project = with_parallel(MINI, tmp_path / f"project-{parallel}", parallel)
        # A theme override that prints how many pages a template sees: the same from every page, either way.
        (project / "overrides").mkdir()
        (project / "overrides" / "main.html").write_text(
            '{% extends "base.html" %}{% block extrahead %}{{ super() }}'
            '<meta name="td-pages" content="{{ pages | length }}">{% endblock %}', encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  font: false\n", "  font: false\n  custom_dir: overrides\n"), encoding="utf-8")
        out = tmp_path / f"site-{parallel}"
        result = run_mkdocs_build(project, out, "--verbose")
        assert result.returncode == 0, result.stderr
        two_cores = len(os.sched_getaffinity(0)) > 1
        assert ("đang tạo các tệp dữ liệu" in result.stderr) is (parallel and two_cores), result.stderr
        assert ("không dùng tiến trình phụ (parallel: false trong mkdocs.yml)" in result.stderr) is (not parallel)
        assert ("trang trong" in result.stderr and "đã dựng" in result.stderr) is (parallel and two_cores)
        sites[parallel] = tree(out)
    assert sites[True] == sites[False]
    # Every page the theme rendered (the editors' form, bien-tap/index.html, is a data file, not a theme page).
    pages = [page for page in (tmp_path / "site-True").rglob("index.html")
             if page.relative_to(tmp_path / "site-True").as_posix() != "bien-tap/index.html"]
    counts = {re.search(r'name="td-pages" content="(\d+)"', page.read_text(encoding="utf-8")).group(1)
              for page in pages}
    assert counts == {str(len(pages))}
    assert {"dong-thoi-gian/lich.ics", "ban-tin.atom.xml", "du-lieu/ke-hoach.json", "tra-cuu/chi-muc/index.json"} \
        <= set(sites[True])


def test_links_into_and_out_of_the_childs_pages_resolve_and_their_anchors_are_checked(tmp_path):
    """The child renders every other generated page (here, an exemplar page or two: the first test shows the child
    at work on this project): links to its pages resolve, and anchors are checked both ways, with MkDocs' own
    messages, as when one process does everything."""
    warnings = {}
    for parallel in (True, False):
        project = with_parallel(MINI, tmp_path / f"project-{parallel}", parallel)
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8")
        ids = sorted(p.stem for p in (project / "exemplars").glob("*.md"))
        for exemplar in (project / "exemplars").glob("*.md"):
            with exemplar.open("a", encoding="utf-8") as f:
                f.write("\n## Ket qua\n\nXem [trang chủ](../index.md#muc-khong-co).\n")
        (project / "docs" / "lien-ket.md").write_text("# Liên kết\n\n" + "".join(
            f"- [{i}](guong/{i}.md#ket-qua), [{i} sai](guong/{i}.md#khong-co)\n" for i in ids), encoding="utf-8")
        out = tmp_path / f"site-{parallel}"
        result = run_mkdocs_build(project, out)  # not --verbose: at DEBUG, MkDocs checks no anchor
        assert result.returncode != 0  # the wrong anchors, under --strict
        warnings[parallel] = {line for line in result.stderr.splitlines() if line.startswith("WARNING")}
        for i in ids:
            assert (f"Doc file 'lien-ket.md' contains a link 'guong/{i}.md#khong-co', but the doc 'guong/{i}.md' "
                    "does not contain an anchor '#khong-co'.") in result.stderr
            assert (f"Doc file 'guong/{i}.md' contains a link '../index.md#muc-khong-co', but the doc 'index.md' "
                    "does not contain an anchor '#muc-khong-co'.") in result.stderr
        assert "#ket-qua" not in result.stderr and "not found among documentation files" not in result.stderr
        assert not out.exists()  # a build that fails, even on warnings under --strict, writes nothing
        assert run_mkdocs_build(project, out, "--no-strict").returncode == 0
        html = (out / "lien-ket" / "index.html").read_text(encoding="utf-8")
        assert all(f'href="../guong/{i}/#ket-qua"' in html for i in ids)
    assert warnings[True] == warnings[False] and len(warnings[True]) >= 2 * 3


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
    """Fork even though pytest may run other threads (the test server): the children only run our code."""
    if not hasattr(os, "fork"):
        pytest.skip("no os.fork on this system")
    monkeypatch.setattr(forked, "why_not_fork", lambda: None)


def test_child_error_fails_the_build_with_its_message(context, monkeypatch, forking):
    def broken(ctx):
        raise ValueError("bộ tạo tệp hỏng")
    monkeypatch.setattr(features, "FEATURES", [Feature("broken", outputs=broken)])
    job = OutputsJob(context, fork=True)
    assert job.task is not None and job.task.pid not in (None, os.getpid())
    with pytest.raises(PluginError) as raised:
        job.collect()
    assert "Lỗi khi tạo các tệp dữ liệu" in str(raised.value)
    assert "ValueError: bộ tạo tệp hỏng" in str(raised.value)


def test_child_that_dies_fails_the_build(forking):
    task = ForkedTask(lambda: os._exit(3), "thử")
    with pytest.raises(PluginError, match="Tiến trình thử dừng bất thường \\(mã 3\\)"):
        task.wait()


def test_child_warnings_are_logged_in_the_parent(forking, caplog):
    def work():
        logging.getLogger("mkdocs.plugins.thidua").warning("cảnh báo từ tiến trình con")
        logging.getLogger("mkdocs.commands.build").info("thông tin")
    with caplog.at_level(logging.INFO, logger="mkdocs"):  # the child logs at the levels set when it forks
        ForkedTask(work, "thử").wait()
    logged = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert ("mkdocs.plugins.thidua", logging.WARNING, "cảnh báo từ tiến trình con") in logged
    assert ("mkdocs.commands.build", logging.INFO, "thông tin") in logged


def test_child_returns_what_the_producers_make(context, monkeypatch, forking):
    made = [Output("a/b/c.json", '{"tên": "Bố Trạch"}'), Output("d.bin", b"\x00\x01")]
    monkeypatch.setattr(features, "FEATURES", [Feature("test", outputs=lambda ctx: made)])
    job = OutputsJob(context, fork=True)
    assert job.task is not None
    assert job.collect() == made
    assert job.collect() == made  # collected once, kept


def test_cancel_stops_and_reaps_the_child(forking):
    task = ForkedTask(lambda: time.sleep(60), "thử")
    pid = task.pid
    start = time.monotonic()
    task.cancel()
    assert time.monotonic() - start < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    task.wait()  # nothing left to wait for


def test_without_parallel_the_outputs_are_made_at_once(context, monkeypatch):
    monkeypatch.setattr(features, "FEATURES", [Feature("test", outputs=lambda ctx: [Output("x.txt", "một")])])
    job = OutputsJob(context, fork=False)
    assert job.task is None and job.outputs == [Output("x.txt", "một")]


@pytest.mark.parametrize("parallel", [True, False])
def test_template_error_in_a_generated_page_fails_the_build_and_names_the_page(tmp_path, parallel):
    project = with_parallel(MINI, tmp_path / "project", parallel)
    overrides = project / "overrides" / "thidua"
    overrides.mkdir(parents=True)
    (overrides / "exemplar.html").write_text('{% extends "thidua/entry.html" %}{% block card %}'
                                             '{{ spec.context.entry.khong_co.nua }}{% endblock %}', encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "guong/" in result.stderr and "khong_co" in result.stderr, result.stderr


def test_why_not_fork_says_why(monkeypatch):
    import threading

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert forked.why_not_fork() in ("máy chỉ có một lõi", "có luồng khác đang chạy (mkdocs serve dựng lại trang từ luồng "
                                     "theo dõi tệp)")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert "luồng khác" in forked.why_not_fork()
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert forked.why_not_fork() is None
    monkeypatch.delattr(os, "fork")
    assert forked.why_not_fork() == "hệ điều hành này không có fork"
