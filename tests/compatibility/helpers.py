"""A small portal (tests/fixtures/mini) built with thidua beside one neighbouring plugin, as a person would build it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, run_mkdocs_build

MINI = ROOT / "tests" / "fixtures" / "mini"


def project_with(tmp_path: Path, *, plugins_before: str = "", plugins_after: str = "", extra: str = "",
                 thidua_options: str = "") -> Path:
    """A copy of the mini portal whose mkdocs.yml lists ``plugins_before`` and ``plugins_after`` around thidua
    (YAML list items, indented as under ``plugins:``), plus ``extra`` top-level YAML."""
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "plugins:\n  - thidua:\n" in text
    text = text.replace("  - thidua:\n", "  - thidua:\n" + thidua_options, 1)
    text = text.replace("plugins:\n", "plugins:\n" + plugins_before, 1)
    text = text.replace("markdown_extensions:", plugins_after + "markdown_extensions:", 1)
    config.write_text(text + extra, encoding="utf-8")
    return project


def entry_pages(project: Path) -> set[str]:
    """The address of every entry page of the project: plans, exemplars, movements."""
    folders = {"plans": "ke-hoach", "exemplars": "guong", "movements": "phong-trao"}
    return {f"{address}/{p.stem}/" for folder, address in folders.items() for p in (project / folder).rglob("*.md")}


def build(project: Path, site: Path, *extra: str):
    """`mkdocs build --strict` of the project, in a child process."""
    return run_mkdocs_build(project, site, *extra)
