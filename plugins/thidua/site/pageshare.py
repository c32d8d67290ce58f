"""A share of the generated pages, rendered by a forked child while MkDocs renders the others.

Rendering and writing pages is most of a build, and nearly every page of the portal is one the plugin generates.
When :func:`~thidua.site.forked.why_not_fork` finds no reason against it and no other plugin is installed (another plugin may keep state from its page
events, such as a search index, that a child's pages would never reach), ``on_env`` - the first moment every page
is read and the navigation and Jinja environment are final - takes a share of the generated pages out of the
build's files, so MkDocs does not render them, and forks a child that renders them the way MkDocs does: the same
context, template, ``page_context`` and ``post_page`` events and file. Templates still see every page in
``pages`` (the plugin's ``on_template_context`` and ``on_page_context``), so the sitemap lists them all, and
anchors in the child's pages are checked in the parent after it is done.
Built either way, the site is the same, byte for byte (tested).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Collection

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.utils import write_file

from .forked import ForkedTask

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

__all__ = ["PageShare", "render_pages", "CHILD_SHARE"]

log = logging.getLogger("mkdocs.plugins.thidua")

PLUGINS_WITHOUT_PAGE_STATE = frozenset({"thidua"})
CHILD_SHARE = 0.5  # of the generated pages; the parent also copies the theme's files and writes the sitemap


def render_pages(pages: list[Page], *, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment,
                 doc_files: list[File]) -> None:
    """Render and write pages as MkDocs' build does for each page, through the same public functions."""
    for page in pages:
        page.active = True  # the theme marks the current page with it
        try:
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            if output.strip():
                write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        except Exception as error:
            raise PluginError(f"Lỗi khi dựng trang {page.file.src_uri}: {error}") from error
        finally:
            page.active = False


class PageShare:
    """The child rendering its share, and what the parent needs to finish the build without those pages."""

    def __init__(self, task: ForkedTask, pages: list[Page], doc_files: list[File], files: Files):
        self.task = task
        self.pages = pages
        self.doc_files = doc_files  # every page, in MkDocs' order: the sitemap's list
        self.files = files

    @classmethod
    def start(cls, files: Files, generated: Collection[str], *, config: MkDocsConfig, nav: Navigation,
              env: jinja2.Environment, parallel: bool) -> PageShare | None:
        """Fork the child and take its pages out of ``files``; None (and nothing changed) when that does not help."""
        if not parallel:
            return None
        others = sorted(set(config.plugins) - PLUGINS_WITHOUT_PAGE_STATE)
        if others:
            log.info("thidua: mọi trang dựng trong tiến trình chính vì có plugin khác nhận các sự kiện của trang: %s.",
                     ", ".join(others))
            return None
        doc_files = list(files.documentation_pages())
        ours = [f for f in doc_files if f.src_uri in generated and f.page is not None]
        share = [f for i, f in enumerate(ours) if int((i + 1) * CHILD_SHARE) > int(i * CHILD_SHARE)]
        if not share:
            return None
        pages = [page for f in share if (page := f.page) is not None]  # all of them: ours keeps only read pages
        task = ForkedTask(lambda: render_pages(pages, config=config, nav=nav, env=env, doc_files=doc_files),
                          f"dựng {len(pages)} trang")
        for f in share:
            files.remove(f)
        return cls(task, pages, doc_files, files)

    def finish(self, config: MkDocsConfig) -> None:
        """Wait for the child, then check the anchors its pages link to, as MkDocs does for the pages it renders."""
        self.task.wait()
        for page in self.pages:
            page.validate_anchor_links(files=self.files, log_level=config.validation.links.anchors)
