"""What each feature adds to a build, in one list, so the plugin class stays a switchboard.

A *page producer* turns the catalog into generated pages (:class:`~thidua.features.entries.PageSpec`).
An *output producer* turns it into other files of the site (JSON, CSV, feeds, calendars, search shards):
:class:`Output` objects that :mod:`thidua.site.outputs` writes into the site folder, while MkDocs renders the pages.
Add a feature by appending its producer here; order is the order of the lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..core.catalog import Catalog
from .open_data import open_data_outputs, open_data_pages
from .feeds import feed_outputs
from ..core.gcpause import collector_paused
from .calendars import calendar_outputs
from .cms import CmsSettings, cms_outputs, cms_pages
from .entries import PageSpec, entry_pages, list_pages
from .photos import photo_outputs
from .reports import report_outputs, report_pages
from .search import search_outputs, search_pages
from .propaganda import task_pages
from .notices import notice_outputs, notice_pages
from .timeline import timeline_pages

__all__ = ["BuildContext", "Output", "PAGE_PRODUCERS", "OUTPUT_PRODUCERS", "produce_pages", "produce_outputs"]


@dataclass(frozen=True)
class BuildContext:
    catalog: Catalog
    site_url: str  # "https://example.gov.vn/thi-dua/" or "" when mkdocs.yml has none
    page_size: int
    project_root: str  # folder of mkdocs.yml, for features that read entry assets (photos)
    site_name: str = ""  # config.site_name, for feed titles and authors
    cms: CmsSettings = CmsSettings()  # where the editors' web form saves, and the content folders it edits


@dataclass(frozen=True)
class Output:
    path: str  # relative to the site root, e.g. "du-lieu/ke-hoach.json"
    content: str | bytes


PAGE_PRODUCERS: list[Callable[[BuildContext], list[PageSpec]]] = [
    lambda ctx: entry_pages(ctx.catalog),
    lambda ctx: list_pages(ctx.catalog, ctx.page_size),
    lambda ctx: timeline_pages(ctx.catalog),
    lambda ctx: task_pages(ctx.catalog),
    lambda ctx: open_data_pages(ctx.catalog, ctx.site_url),
    lambda ctx: report_pages(ctx.catalog),
    lambda ctx: search_pages(ctx.catalog),
    lambda ctx: cms_pages(ctx.catalog),
    lambda ctx: notice_pages(ctx.catalog),
]
OUTPUT_PRODUCERS: list[Callable[[BuildContext], list[Output]]] = [
    lambda ctx: [Output(path, content) for path, content in calendar_outputs(ctx.catalog, ctx.site_url)],
    lambda ctx: [Output(path, content) for path, content in open_data_outputs(ctx.catalog, ctx.site_url)],
    lambda ctx: [Output(path, content) for path, content in feed_outputs(ctx.catalog, ctx.site_url, ctx.site_name)],
    lambda ctx: [Output(path, content) for path, content in report_outputs(ctx.catalog)],
    lambda ctx: [Output(path, content) for path, content in search_outputs(ctx.catalog)],
    lambda ctx: [Output(path, content) for path, content in photo_outputs(ctx.catalog, ctx.project_root)],
    lambda ctx: [Output(path, content) for path, content in cms_outputs(ctx.catalog, ctx.cms, ctx.site_name)],
    lambda ctx: [Output(path, content) for path, content in notice_outputs(ctx.catalog, ctx.project_root, ctx.site_url)],
]


def produce_pages(context: BuildContext) -> list[PageSpec]:
    """Every generated page of the build."""
    with collector_paused():
        return [spec for producer in PAGE_PRODUCERS for spec in producer(context)]


def produce_outputs(context: BuildContext) -> list[Output]:
    """Every other output file of the build."""
    with collector_paused():
        return [output for producer in OUTPUT_PRODUCERS for output in producer(context)]
