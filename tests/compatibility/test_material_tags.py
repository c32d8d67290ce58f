"""Beside Material's tags plugin: pages of docs/ keep their tags and the tags index lists them, while thidua's
generated pages (which carry no tags) are all built."""

from __future__ import annotations

from compatibility.helpers import build, entry_pages, project_with


def test_tags_index_lists_tagged_pages_and_every_entry_page_is_built(tmp_path):
    project = project_with(tmp_path, plugins_after="  - tags\n")
    (project / "docs" / "the.md").write_text("---\ntags:\n  - Thi đua\n---\n# Trang có thẻ\n\nNội dung.\n",
                                             encoding="utf-8")
    (project / "docs" / "the-tags.md").write_text("# Thẻ\n\n<!-- material/tags -->\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    tags_page = (site / "the-tags" / "index.html").read_text(encoding="utf-8")
    assert "Thi đua" in tags_page and "Trang có thẻ" in tags_page
    assert all((site / page / "index.html").is_file() for page in entry_pages(project))
