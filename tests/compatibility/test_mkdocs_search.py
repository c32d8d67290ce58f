"""Beside MkDocs' own search plugin: it indexes every page thidua generates (it keeps state from page events, so no
page may be rendered where it cannot see it), and both searches are in the site."""

from __future__ import annotations

import json
import re

from compatibility.helpers import build, entry_pages, project_with


def test_every_entry_page_is_in_mkdocs_search_index(tmp_path):
    project = project_with(tmp_path, plugins_before="  - search\n")
    site = tmp_path / "site"
    result = build(project, site, "--verbose")
    assert result.returncode == 0, result.stderr
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    pages = entry_pages(project)
    assert len(pages) >= 5 and pages <= locations, sorted(pages - locations)
    # The page share stays off, and the log says why; thidua's own search index is whole.
    # (With the Material theme, `search` is Material's build of MkDocs' search plugin.)
    assert re.search(r"có plugin khác nhận các sự kiện của trang: (material/)?search\.", result.stderr)
    manifest = json.loads((site / "tra-cuu" / "chi-muc" / "index.json").read_text(encoding="utf-8"))
    assert manifest and (site / "assets" / "thidua" / "search" / "vntext.js").is_file()
