"""`thidua build -d`: releases behind an atomically flipped link, stale staging cleaned, pruning, errors as `thidua check`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"


def thidua(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**env, "SOURCE_DATE_EPOCH": "1717200000"})


@pytest.fixture()
def project(tmp_path) -> Path:
    shutil.copytree(MINI, tmp_path / "p")
    return tmp_path / "p"


def readme_block(language: str, marker: str) -> str:
    """The README's fenced block of ``language`` that contains ``marker``: tests run what the README says."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(rf"```{language}\n(.*?)```", text, re.S):
        if marker in block:
            return block
    raise AssertionError(f"README has no ```{language} block with {marker!r}")


def test_symlinked_site_is_flipped_and_releases_pruned(project, tmp_path):
    srv = tmp_path / "srv"
    target = srv / "site"
    for n in range(4):
        result = thidua("build", "-d", str(target), "--keep", "2", cwd=project)
        assert result.returncode == 0, result.stderr
        # Material's English end-of-life notice is kept from admins.
        assert "end of life" not in result.stderr + result.stdout
        assert target.is_symlink()
        live = target.resolve()
        assert live.parent == (srv / "releases").resolve() and (live / "index.html").is_file()
        if n:
            assert live != previous, "each build makes a new release; the link moves"
        previous = live
    kept = sorted(p.name for p in (srv / "releases").iterdir() if not p.name.startswith("."))
    assert len(kept) == 2 and live.name in kept, kept
    assert not [p for p in srv.iterdir() if p.name.startswith(".site.")], list(srv.iterdir())


def test_flip_replaces_the_link_not_the_folder_it_points_to(project, tmp_path):
    """The old bug: resolve() before is_symlink() made the build replace the release in place."""
    srv = tmp_path / "srv"
    old = srv / "releases" / "20200101000000"
    old.mkdir(parents=True)
    (old / "index.html").write_text("old", encoding="utf-8")
    (srv / "site").symlink_to(old)
    seen = []
    from thidua.site import publish

    real_replace = os.replace

    def spy(src, dst):
        seen.append((Path(src), Path(dst)))
        return real_replace(src, dst)

    publish.os.replace = spy
    try:
        from mkdocs.config import load_config  # noqa: F401  (imported before cwd changes)

        os.environ["SOURCE_DATE_EPOCH"] = "1717200000"
        release = publish.build_and_swap(project / "mkdocs.yml", srv / "site", keep=5)
    finally:
        publish.os.replace = real_replace
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    assert (old / "index.html").read_text(encoding="utf-8") == "old", "the previous release is untouched"
    assert (srv / "site").is_symlink() and (srv / "site").resolve() == release.resolve()
    # One rename of a fresh link onto the live name: atomic for readers.
    assert [(s.parent, d) for s, d in seen] == [(srv, srv / "site")] and seen[0][0].is_symlink() is False


def test_real_folder_becomes_a_release_and_stale_staging_is_removed(project, tmp_path):
    srv = tmp_path / "srv"
    (srv / "site").mkdir(parents=True)
    (srv / "site" / "index.html").write_text("plain mkdocs build", encoding="utf-8")
    # What a killed build leaves: a staging folder in releases/ and, from older versions, a hidden sibling.
    (srv / "releases" / ".staging-20240101000000").mkdir(parents=True)
    (srv / ".site.new-abc123").mkdir()
    result = thidua("build", "-d", str(srv / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (srv / "site").is_symlink()
    names = [p.name for p in (srv / "releases").iterdir()]
    assert not [n for n in names if n.startswith(".staging-")], names
    assert not (srv / ".site.new-abc123").exists()
    kept = [p for p in (srv / "releases").iterdir() if (p / "index.html").is_file()
            and (p / "index.html").read_text(encoding="utf-8") == "plain mkdocs build"]
    assert len(kept) == 1, "the folder that was live is kept as a release, not deleted"


def test_failed_build_prints_the_check_lines_and_keeps_the_site(project, tmp_path):
    srv = tmp_path / "srv"
    assert thidua("build", "-d", str(srv / "site"), cwd=project).returncode == 0
    live = (srv / "site").resolve()
    bad = project / "exemplars" / "guong-1.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("dia_phuong:", "dia_phuong_sai:", 1), encoding="utf-8")
    check = thidua("check", cwd=project)
    assert check.returncode == 1
    lines = [line for line in (check.stdout + check.stderr).splitlines() if re.match(r"^\S+\.md:\d+: ", line)]
    assert lines, check.stdout + check.stderr
    result = thidua("build", "-d", str(srv / "site"), cwd=project)
    assert result.returncode == 1
    assert "được giữ nguyên" in result.stderr
    for line in lines:
        assert line in result.stderr, (line, result.stderr)
    assert (srv / "site").resolve() == live
    assert not [p for p in (srv / "releases").iterdir() if p.name.startswith(".staging-")]


def test_readme_shell_recipe_works_after_thidua_build(project, tmp_path):
    srv = tmp_path / "srv"
    assert thidua("build", "-d", str(srv / "site"), cwd=project).returncode == 0
    recipe = readme_block("bash", "mv -T").replace("/srv/thi-dua", str(srv))
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "mkdocs").symlink_to(Path(sys.executable).parent / "mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", recipe.replace(".venv/bin", str(venv))],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    after_shell = (srv / "site").resolve()
    assert (after_shell / "index.html").is_file() and after_shell.parent == (srv / "releases").resolve()
    # ...and thidua takes its turn again after the shell.
    assert thidua("build", "-d", str(srv / "site"), cwd=project).returncode == 0
    assert (srv / "site").resolve() != after_shell


def test_thidua_serve_passes_options_to_mkdocs_without_the_english_notice(project):
    import socket
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    process = subprocess.Popen([sys.executable, "-m", "thidua.cli", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Serving on" in line:
                break
    finally:
        process.terminate()
        process.wait(timeout=20)
    output = "".join(lines)
    assert f"Serving on http://127.0.0.1:{port}/thi-dua/" in output, output
    assert "end of life" not in output
