"""Beside a hook file (MkDocs' `hooks:`): the hook sees thidua's data files in MkDocs' Files, finds them complete on
disk in its on_post_build, and a file the hook adds at one of their addresses fails the build before anything of
thidua's is written."""

from __future__ import annotations

import json

import pytest

from compatibility.helpers import build, project_with
from conftest import run_mkdocs_build

WATCHING_HOOK = '''
import json, os
from pathlib import Path

state = {}


def on_env(env, config, files):
    state["files"] = files
    return env


def on_page_context(context, page, config, nav):
    # Pages render after on_env: by now every data file is in Files, whichever process made it.
    state.setdefault("seen_in_page_events", sorted(f.src_uri for f in state["files"] if f.generated_by == "thidua"
                                                   and not f.src_uri.endswith(".md")))
    return context


def on_post_build(config):
    site = Path(config.site_dir)
    ours = [f for f in state["files"] if f.generated_by == "thidua" and not f.is_documentation_page()]
    report = {
        "data_files": sorted(f.src_uri for f in ours),
        "seen_in_page_events": state.get("seen_in_page_events", []),
        "incomplete": sorted(f.src_uri for f in ours
                             if not (site / f.dest_uri).is_file() or (site / f.dest_uri).read_bytes() != f.content_bytes),
        "pages_missing": sorted(f.dest_uri for f in state["files"].documentation_pages()
                                if not (site / f.dest_uri).is_file()),
    }
    Path(os.environ["HOOK_REPORT"]).write_text(json.dumps(report), encoding="utf-8")
'''

CLASHING_HOOK = '''
from mkdocs.structure.files import File


def on_files(files, config):
    files.append(File.generated(config, "du-lieu/ke-hoach.json", content="{}"))
    return files
'''


def test_hook_sees_the_data_files_in_files_and_complete_on_disk(tmp_path):
    project = project_with(tmp_path, extra="hooks:\n  - hooks/watch.py\n")
    (project / "hooks").mkdir()
    (project / "hooks" / "watch.py").write_text(WATCHING_HOOK, encoding="utf-8")
    report_path = tmp_path / "report.json"
    result = run_mkdocs_build(project, tmp_path / "site", env={"HOOK_REPORT": str(report_path)})
    assert result.returncode == 0, result.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {"tra-cuu/chi-muc/index.json", "du-lieu/ke-hoach.json", "dong-thoi-gian/lich.ics",
            "ban-tin.atom.xml"} <= set(report["data_files"])
    assert report["seen_in_page_events"] == report["data_files"]
    assert report["incomplete"] == [] and report["pages_missing"] == []


@pytest.mark.parametrize("parallel", [True, False])
def test_hook_file_at_a_data_file_address_fails_the_build_before_thidua_writes(tmp_path, parallel):
    # In one process the data files are registered in thidua's on_files, before the hook adds its own: the clash is
    # found in on_env all the same, before MkDocs writes any file.
    project = project_with(tmp_path, extra="hooks:\n  - hooks/clash.py\n",
                           thidua_options=f"      parallel: {str(parallel).lower()}\n")
    (project / "hooks").mkdir()
    (project / "hooks" / "clash.py").write_text(CLASHING_HOOK, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode != 0
    assert "trùng địa chỉ với tệp tự sinh: du-lieu/ke-hoach.json (plugin hooks/clash.py)" in result.stderr, result.stderr
    written = [p for p in site.rglob("*") if p.is_file()] if site.exists() else []
    assert written == []
