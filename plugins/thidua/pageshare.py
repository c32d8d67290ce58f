"""A share of the generated pages, read and rendered by a forked child while MkDocs reads and renders the others.

Reading (Markdown to HTML) and rendering pages is most of a build, and nearly every page of the portal is one the
plugin generates. When :func:`~thidua.forked.can_fork` and no other plugin is installed (another plugin may keep
state from its page events, such as a search index, that a child's pages would never reach), the build goes so:

1. ``on_nav`` (files and navigation final, no page read yet): :meth:`PageShare.plan` picks every other generated page
   that is not in the navigation, makes its :class:`~mkdocs.structure.pages.Page` as MkDocs would, and takes it
   out of the build's files, so MkDocs' reading loop, which is listed right after this event, skips it. The
   navigation's pages are moved to the front of that loop.
2. The first ``on_pre_page``: the share goes back into the files, so links to it resolve as usual
   (:meth:`PageShare.page_starting`). Once the navigation's pages are read (their titles and metadata are in every
   page's navigation), the child is forked: it reads its share through the same steps and events as MkDocs
   (``pre_page``, ``page_markdown``, ``page_content``), then renders it as MkDocs does (``page_context``,
   ``post_page``), and sends back each page's anchors.
3. ``on_env``: the share leaves the files again, so MkDocs does not render it (:meth:`PageShare.pages_read`).
4. ``on_post_build``: the parent waits for the child and checks the anchor links from and to its pages, as MkDocs
   does for its own (:meth:`PageShare.finish`).

Templates still see every page in ``pages`` (the plugin's ``on_template_context`` and ``on_page_context``), in
MkDocs' order, so the sitemap lists them all. Built either way, the site is the same, byte for byte (tested).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Collection

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from .forked import ForkedTask, can_fork

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

__all__ = ["PageShare", "read_pages", "render_pages", "CHILD_SHARE"]

PLUGINS_WITHOUT_PAGE_STATE = frozenset({"thidua"})
CHILD_SHARE = 0.5  # of the generated pages not in the navigation; the parent also copies the theme's files


def read_pages(pages: list[Page], *, config: MkDocsConfig, files: Files) -> None:
    """Read pages as MkDocs' build does for each page (its ``_populate_page``), through the same public steps."""
    for page in pages:
        config._current_page = page  # what MkDocs sets while it reads a page, for `!relative` paths in mkdocs.yml
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        except Exception as error:
            raise PluginError(f"Lỗi khi đọc trang {page.file.src_uri}: {error}") from error
        finally:
            config._current_page = None


def render_pages(pages: list[Page], *, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment,
                 doc_files: list[File]) -> None:
    """Render and write pages as MkDocs' build does for each page (its ``_build_page``), through the same public
    functions."""
    for page in pages:
        page.active = True  # the theme marks the current page with it
        config._current_page = page
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
            config._current_page = None


def _anchors(page: Page) -> list:
    """What anchor checks need of a page the child read: its own anchors and the anchors it links to."""
    links = {target.src_uri: dict(found) for target, found in (page.links_to_anchors or {}).items()}
    return [sorted(page.present_anchor_ids or ()), links]


class PageShare:
    """The pages a child reads and renders, and what the parent needs to finish the build without them."""

    def __init__(self, share: list[File], doc_files: list[File], in_nav: set[str], *, files: Files,
                 config: MkDocsConfig, nav: Navigation):
        self.share = share
        self.doc_files = doc_files  # every page, in MkDocs' order: the sitemap's list
        self.in_nav = in_nav
        self.files = files  # the build's files, one object from on_files to the end
        self.config = config
        self.nav = nav
        self.restored = False  # the share is back in the build's files
        self.task: ForkedTask | None = None
        self.forked = False

    @property
    def pages(self) -> list[Page]:
        return [f.page for f in self.share]

    @classmethod
    def plan(cls, files: Files, generated: Collection[str], *, config: MkDocsConfig, nav: Navigation,
             parallel: bool) -> PageShare | None:
        """Take the child's share out of ``files`` before MkDocs lists the pages to read; None (and nothing
        changed) when a child does not help or is not safe."""
        if not (parallel and can_fork() and set(config.plugins) <= PLUGINS_WITHOUT_PAGE_STATE):
            return None
        doc_files = list(files.documentation_pages())
        in_nav = {page.file.src_uri for page in nav.pages}
        ours = [f for f in doc_files if f.src_uri in generated and f.src_uri not in in_nav]
        share = [f for i, f in enumerate(ours) if int((i + 1) * CHILD_SHARE) > int(i * CHILD_SHARE)]
        if not share:
            return None
        taken = set(share)
        for f in share:
            Page(None, f, config)  # as MkDocs' loop makes a page that is not in the navigation
            files.remove(f)
        for f in doc_files:  # the navigation's pages first: the child starts once they are read
            if f.src_uri not in in_nav and f not in taken:
                files.remove(f)
                files.append(f)
        return cls(share, doc_files, in_nav, files=files, config=config, nav=nav)

    def page_starting(self, page: Page) -> None:
        """``on_pre_page``: links to the share resolve from the first page read; the child starts after the
        navigation's pages."""
        self._restore()
        if not self.forked and page.file.src_uri not in self.in_nav:
            self._start()

    def pages_read(self) -> None:
        """``on_env``: every page the parent reads is read; MkDocs must not render the share."""
        self._restore()
        if not self.forked:  # every page MkDocs read is in the navigation
            self._start()
        for f in self.share:
            self.files.remove(f)

    def _restore(self) -> None:
        if not self.restored:
            self.restored = True
            for f in self.share:
                self.files.append(f)

    def _start(self) -> None:
        self.forked = True  # before the fork: the child's own page events must not fork again
        pages, files, config, nav = self.pages, self.files, self.config, self.nav

        def work() -> dict:
            read_pages(pages, config=config, files=files)
            env = config.theme.get_env()  # as MkDocs makes it; no other plugin is there to change it in on_env
            render_pages(pages, config=config, nav=nav, env=env, doc_files=self.doc_files)
            return {page.file.src_uri: _anchors(page) for page in pages}

        self.task = ForkedTask(work, f"đọc và dựng {len(pages)} trang")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def finish(self) -> None:
        """Wait for the child, then check the anchor links from its pages and into them, as MkDocs checks the links
        between its own pages (MkDocs skipped links into pages it did not read)."""
        anchors = self.task.wait() if self.task is not None else {}
        files = self.files
        by_uri = {f.src_uri: f for f in files}
        by_uri.update((f.src_uri, f) for f in self.share)
        for f in self.share:
            present, links = anchors[f.src_uri]
            f.page.present_anchor_ids = set(present)
            f.page.links_to_anchors = {by_uri[target]: found for target, found in links.items() if target in by_uri}
        level = self.config.validation.links.anchors
        for page in self.pages:
            page.validate_anchor_links(files=files, log_level=level)
        taken = set(self.share)
        for f in self.doc_files:
            page = f.page
            if f in taken or page is None or not page.links_to_anchors:
                continue
            into_share = {target: found for target, found in page.links_to_anchors.items() if target in taken}
            if into_share:
                own, page.links_to_anchors = page.links_to_anchors, into_share
                try:
                    page.validate_anchor_links(files=files, log_level=level)
                finally:
                    page.links_to_anchors = own
