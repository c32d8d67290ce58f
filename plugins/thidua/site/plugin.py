"""MkDocs plugin ``thidua``: wires MkDocs events to the modules that do the work, and nothing else."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel, get_files

from ..core.catalog import build_catalog
from ..core.diagnostics import WARNING, format_report
from ..core.history import first_added
from ..core.loader import ContentDirs, load
from ..features.cms import CmsSettings
from ..features.registry import BuildContext, produce_pages
from .clashes import page_clashes
from .forked import why_not_fork
from .outputs import OutputsJob, check_still_ours, clash_message, register_outputs
from .staging import StagedOutput
from .pageshare import PageShare
from ..features.entries import PAGE_SIZE
from ..features.photos import PhotoError, body_image_files
from ..features.urls import URLS
from .view import NO_VIEW, View
from .sanitize import clean_html

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

__all__ = ["ThiduaPlugin", "ThiduaConfig"]

log = logging.getLogger("mkdocs.plugins.thidua")
TEMPLATES = Path(__file__).parent / "templates"
# Templates that replace the theme's own (404.html): searched after the site's custom_dir, before the theme.
TEMPLATES_FIRST = Path(__file__).parent / "templates_first"
ASSETS = Path(__file__).parent / "assets"
ERROR_TEMPLATE = "thidua/build-errors.html"


class ThiduaConfig(base.Config):
    plans_dir = c.Type(str, default="plans")
    """Folder of plan entries, relative to mkdocs.yml."""
    exemplars_dir = c.Type(str, default="exemplars")
    """Folder of exemplar entries."""
    movements_dir = c.Type(str, default="movements")
    """Folder of movement entries."""
    places_extra = c.Type(str, default="")
    """Optional YAML file of the site's own additions to the place registry."""
    notices_dir = c.Type(str, default="notices")
    """Folder of public-comment notices (lấy ý kiến nhân dân)."""
    days_off_extra = c.Type(str, default="")
    """Optional YAML file of the site's own days off and swapped working days (format: core/data/ngay-nghi-bu.yaml)."""
    page_size = c.Type(int, default=PAGE_SIZE)
    """Entries per list page."""
    build_date = c.Optional(c.Type(str))
    """The date the site describes ("running now", "past due"), YYYY-MM-DD. Default: SOURCE_DATE_EPOCH, else today."""
    cms = c.Type(dict, default={})
    """The editors' web form at /bien-tap/: ``backend`` (local, forgejo, gitea, github, gitlab), ``repo``, ``branch``,
    ``base_url``, ``api_root``, ``app_id``, ``local_url``. Default: local (decap-server on the editor's machine)."""
    cache_dir = c.Type(str, default=".cache/thidua")
    """Folder (relative to mkdocs.yml) of the checked and processed photos, reused by every build, ``mkdocs serve``
    rebuild and ``thidua check``; keep it between CI runs to build fast. "" keeps nothing."""
    parallel = c.Type(bool, default=True)
    """Use a second core, when the machine has one: write the data files (search index, feeds, calendars, open
    data) and render a share of the generated pages in forked processes. False: do everything in one process."""


def build_date(configured: str | None) -> dt.date:
    if configured:
        return dt.date.fromisoformat(configured)
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


class ThiduaPlugin(BasePlugin[ThiduaConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Per-build state is reset here: `mkdocs serve` keeps this object across rebuilds.
        self.root = Path(config.config_file_path).parent
        self.dirs = ContentDirs(self.config.plans_dir, self.config.exemplars_dir, self.config.movements_dir,
                                self.config.places_extra, self.config.notices_dir, self.config.days_off_extra,
                                self.config.cache_dir)
        self.catalog = None
        self.view = None
        self.specs = {}
        self.outputs = None  # OutputsJob: the data files, made now or by a forked child
        self.data_files = []  # their File objects, once registered in MkDocs' Files
        self.serial_reason = None  # why everything runs in this process, when it does
        self.page_share = None  # PageShare rendering some generated pages, when forked
        self.nav = None
        self.output = None  # StagedOutput: the build writes beside site_dir and is put in place when it succeeded
        # Our templates come after the theme's and custom_dir's, so a site can override any of them.
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        try:
            self.cms = CmsSettings.from_option(self.config.cms, self.dirs.by_kind())
        except ValueError as error:
            raise PluginError(f"mkdocs.yml, plugin thidua: {error}") from None
        self.build_errors = []  # in `mkdocs serve`, content errors shown in the browser instead of a stuck server
        if str(TEMPLATES_FIRST) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES_FIRST))
        if URLS.css not in config.extra_css:
            config.extra_css.append(URLS.css)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Everything a build can fail on is found here, before MkDocs cleans site_dir: the entries' checks
        # (warnings too, under strict: MkDocs would abort on them only after writing the site) and address clashes.
        result = load(self.root, self.dirs)
        for diagnostic in result.diagnostics:
            (log.warning if diagnostic.severity == WARNING else log.error)(diagnostic.format())
        blocking = result.errors or (config.strict and result.diagnostics)
        if blocking:
            if self.command == "serve":
                # The editor looks at the browser, not the terminal: every page shows the errors until they are fixed.
                self.build_errors = [d for d in result.diagnostics if d.severity != WARNING or config.strict]
                log.error("Nội dung có lỗi (%s); trang xem trước hiện danh sách lỗi cho tới khi sửa xong.",
                          format_report(result.diagnostics))
                return
            raise PluginError(f"Nội dung có lỗi ({format_report(result.diagnostics)}"
                              f"{'; chế độ strict: cảnh báo cũng chặn' if result.ok else ''}); chưa xây dựng trang. "
                              "Sửa các lỗi ở trên rồi chạy lại (kiểm tra nhanh: thidua check).")
        date = build_date(self.config.build_date)
        # One `git log` for every entry file: when each reached the portal (feeds' "new").
        added = first_added(self.root, list(self.dirs.by_kind().values()))
        self.catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, date,
                                     result.notices, result.workdays, added)
        self.photos = result.photos
        self.view = View(self.catalog, list_cap=self.config.page_size)
        self.context = BuildContext(self.catalog, config.site_url or "", self.config.page_size, str(self.root),
                                    site_name=config.site_name, cms=self.cms, photos=self.photos)
        try:
            specs = produce_pages(self.context)  # exemplar pages: every photo processed, or found in the cache
        except PhotoError as error:
            raise PluginError(str(error)) from None
        if clashes := page_clashes(config, get_files(config), specs):
            for diagnostic in clashes:
                log.error(diagnostic.format())
            if self.command == "serve":
                self.build_errors = clashes
                return
            raise PluginError(clash_message([d.path.partition("/")[2] or d.path for d in clashes])
                              + " Chưa xây dựng trang.")
        self.specs = {s.src_uri: s for s in specs}
        self.output = StagedOutput.start(config, enabled=getattr(self, "command", "build") == "build"
                                         and not getattr(self, "dirty", False))
        log.info("thidua: %d kế hoạch, %d gương, %d phong trào, %d địa phương có nội dung", len(result.plans),
                 len(result.exemplars), len(result.movements), len(self.catalog.place_ids))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.build_errors:
            return files
        taken = {f.src_uri for f in files}
        clashes = [s for s in self.specs if s in taken]
        if clashes:  # found in on_pre_build already; kept for a site_dir MkDocs did not clean (--dirty)
            raise PluginError(clash_message(clashes))
        for spec in self.specs.values():
            files.append(File.generated(config, spec.src_uri, content=spec.markdown(),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        files.append(File.generated(config, URLS.css, abs_src_path=str(ASSETS / "thidua.css")))
        files.append(File.generated(config, URLS.live_js, abs_src_path=str(ASSETS / "live.js")))
        try:
            images = body_image_files(self.catalog, str(self.root))
        except PhotoError as error:
            raise PluginError(str(error)) from None
        for path, content in images:
            if path not in taken:
                files.append(File.generated(config, path, content=content))
        self.serial_reason = "parallel: false trong mkdocs.yml" if not self.config.parallel else why_not_fork()
        if self.serial_reason is not None:
            log.info("thidua: không dùng tiến trình phụ (%s); mọi việc làm trong tiến trình chính.", self.serial_reason)
        # Forked: a child makes the data files while MkDocs reads the pages; they are registered in on_env.
        self.outputs = OutputsJob(self.context, fork=self.serial_reason is None)
        if self.serial_reason is not None:
            self.data_files = register_outputs(files, self.outputs.collect(), config)
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.nav = nav
        return nav

    # Last: every page is read by now (the data-file child has had all that time), every other plugin has added its
    # files, and other plugins' env changes must be in the page-share child's copy. Nothing is written yet: MkDocs
    # copies the static files right after on_env, so a clash is found before any file is in site_dir.
    @event_priority(-100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.outputs is None:  # `mkdocs serve` showing content errors: no catalog, nothing generated
            return env
        if self.data_files:
            check_still_ours(files, self.data_files)  # registered in on_files: no plugin since replaced one
        else:
            self.data_files = register_outputs(files, self.outputs.collect(), config)
        self.page_share = PageShare.start(files, self.specs, config=config, nav=self.nav, env=env,
                                          parallel=self.serial_reason is None)
        return env

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        context["build_errors"] = self.build_errors  # 404.html: an entry's address while its file has errors
        context["thidua"] = self.view or NO_VIEW  # 404.html's header links to the search page too
        if self.page_share is not None:  # sitemap.xml, 404.html: also the pages the child renders
            context["pages"] = self.page_share.doc_files
        return context

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs stamps every page (sitemap.xml lastmod, the sitemap.xml.gz header) with today's date unless
        # SOURCE_DATE_EPOCH is set; the site describes build_date, so two builds of the same content match.
        if self.catalog is not None:
            page.update_date = self.catalog.build_date.isoformat()
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.build_errors:
            page.meta["template"] = ERROR_TEMPLATE
            return markdown
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            page.meta.update(spec.meta())  # title and description escaped once there: the theme prints them as is
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        return clean_html(html) if spec is not None and spec.untrusted else html

    @event_priority(-50)  # late: after theme plugins have filled the context we add to
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        context["build_errors"] = self.build_errors
        context["thidua"] = self.view or NO_VIEW
        context["spec"] = self.specs.get(page.file.src_uri)
        if self.page_share is not None:
            context["pages"] = self.page_share.doc_files  # every page, wherever it is rendered
        return context

    # First of all on_post_build events: the page-share child's pages must be on disk, complete, before any other
    # plugin or hook (a minifier, an offline or privacy plugin, a deploy hook) reads the site.
    @event_priority(100)
    def _join_page_share(self, *, config: MkDocsConfig) -> None:
        if self.page_share is not None:
            self.page_share.finish(config)

    # Last: other plugins' post-build writes go into the staged folder before it is put in place.
    @event_priority(-100)
    def _put_site_in_place(self, *, config: MkDocsConfig) -> None:
        if self.output is not None:
            self.output.finish(config)

    on_post_build = CombinedEvent(_join_page_share, _put_site_in_place)

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        # An entry's address while its file has errors is a 404 in `mkdocs serve`: it shows the errors too.
        if self.build_errors and template_name == "404.html" and "<body" in output:
            env = config.theme.get_env()
            box = env.get_template("thidua/partials/build-errors.html").render(build_errors=self.build_errors)
            head, _, rest = output.partition("<body")
            tag, _, body = rest.partition(">")
            return f"{head}<body{tag}>{box}{body}"
        return output

    def on_build_error(self, *, error: Exception) -> None:
        if self.outputs is not None:
            self.outputs.cancel()
        if self.page_share is not None:
            self.page_share.task.cancel()
        if self.output is not None:
            self.output.discard()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in self.dirs.by_kind().values():
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        if self.dirs.days_off_extra and (self.root / self.dirs.days_off_extra).is_file():
            server.watch(str(self.root / self.dirs.days_off_extra))
        return server
