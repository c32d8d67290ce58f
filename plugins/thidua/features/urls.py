"""The one table of addresses: every page, file and search facet name the portal generates, defined here once.

As Material's blog config declares ``post_url_format``, ``archive_url_format`` … and Pelican pairs every ``*_URL``
with its ``*_SAVE_AS``, this module is the only place that spells an address. Python asks :data:`URLS`
(``URLS.entry("plan", id)``, ``URLS.timeline``); templates ask the same object as ``thidua.urls``
(``{{ thidua.urls.timeline | url }}``). ``tests/test_urls.py`` fails when a template or another module writes an
address of its own.

Every address is relative to the site root, with no leading slash, so that ``| url`` (MkDocs' ``normalize_url``)
makes it relative to the page and the site works under any sub-path. A page address ends with "/": with directory
URLs, the page's source ``<folder>/index.md`` (a section's first page) or ``<folder>/<name>.md`` is served at
``<folder>/`` or ``<folder>/<name>/``; :meth:`Urls.source` gives the source of a page address.

The addresses are the design card's (Vietnamese, without diacritics); changing one breaks every link readers keep.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

__all__ = ["URLS", "Urls", "Facet"]


@dataclass(frozen=True)
class Facet:
    """A filter of the search page: its query parameter (``?loai=plan``) and the legend a reader sees."""

    name: str  # what it filters by, in code: "kind", "place", "movement", "year"
    param: str
    legend: str


@dataclass(frozen=True)
class Urls:
    # ----- entry pages, one folder per kind: <folder>/<id>/; the folder's first page lists the kind ----------------
    kinds: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(
        {"plan": "ke-hoach", "exemplar": "guong", "movement": "phong-trao", "place": "dia-phuong",
         "notice": "lay-y-kien"}))
    list_pages: str = "trang"  # <kind folder>/trang/<n>/ newest first, <kind folder>/trang/cu-<n>/ oldest first
    oldest_prefix: str = "cu-"
    # ----- timeline and calendars -----------------------------------------------------------------------------
    timeline: str = "dong-thoi-gian/"  # then <year>/ and dia-phuong/<place id>/
    timeline_places: str = "dia-phuong"
    calendar_file: str = "lich.ics"  # the site's, in the timeline folder, and each plan's, in its page's folder
    # ----- the culture office's propaganda tasks --------------------------------------------------------------
    tasks: str = "nhiem-vu-tuyen-truyen/"  # then co-quan/<agency kind>/ and dia-phuong/<place id>/
    tasks_agency_kinds: str = "co-quan"
    tasks_places: str = "dia-phuong"
    # ----- reports and open data ------------------------------------------------------------------------------
    reports: str = "bao-cao/"
    report_csv: str = "bao-cao/guong-khen-thuong.csv"
    open_data: str = "du-lieu/"
    open_data_catalogue: str = "du-lieu/danh-muc.json"
    # ----- feeds: at the site root, not beside their pages (see features/feeds.py) ---------------------------
    feed_stem: str = "ban-tin"
    # ----- search ---------------------------------------------------------------------------------------------
    search: str = "tra-cuu/"
    search_index_dir: str = "tra-cuu/chi-muc"
    search_manifest: str = "tra-cuu/chi-muc/index.json"
    search_assets: str = "assets/thidua/search"
    facets: tuple[Facet, ...] = (
        Facet("kind", "loai", "Loại"), Facet("place", "dia-phuong", "Địa phương"),
        Facet("movement", "phong-trao", "Phong trào"), Facet("year", "nam", "Năm"))
    # ----- notices (lấy ý kiến nhân dân): their attached files beside their page -------------------------------
    notice_files: str = "tep"
    # ----- the editors' web form and the place-code finder -----------------------------------------------------
    editor_form: str = "bien-tap/"  # Decap CMS, its configuration and its vendored bundle
    place_codes: str = "dia-phuong/tra-ma/"  # no place id is "tra-ma"
    place_list: str = "bien-tap/dia-phuong.json"  # every unit and its code, for the form and the finder
    place_codes_script: str = "bien-tap/tra-ma.js"
    # ----- photos and assets ----------------------------------------------------------------------------------
    exemplar_photos: str = "anh/guong"
    css: str = "assets/thidua/thidua.css"
    live_js: str = "assets/thidua/live.js"  # dates for the reader's day; pages that need it load it themselves
    root: str = ""  # the site's home page

    # ----- entries -------------------------------------------------------------------------------------------
    def entry(self, kind: str, entry_id: str) -> str:
        """The page of an entry: ``ke-hoach/<id>/``."""
        return f"{self.kinds[kind]}/{entry_id}/"

    def kind_index(self, kind: str) -> str:
        """The first page of a kind's list (plans, exemplars) or overview (movements, places): ``ke-hoach/``."""
        return f"{self.kinds[kind]}/"

    def list_page(self, kind: str, number: int, order: str = "newest") -> str:
        """Page ``number`` (from 1) of a kind's list, ``order`` "newest" or "oldest" first."""
        if order == "newest" and number == 1:
            return self.kind_index(kind)
        prefix = self.oldest_prefix if order == "oldest" else ""
        return f"{self.kinds[kind]}/{self.list_pages}/{prefix}{number}/"

    # ----- timeline and calendars ----------------------------------------------------------------------------
    def timeline_year(self, year: int) -> str:
        return f"{self.timeline}{year}/"

    def timeline_place(self, place_id: str) -> str:
        """The page of a locality's whole timeline."""
        return f"{self.timeline}{self.timeline_places}/{place_id}/"

    @property
    def site_calendar(self) -> str:
        """Every milestone of every plan, as iCalendar."""
        return self.timeline + self.calendar_file

    def plan_calendar(self, plan_id: str) -> str:
        """One plan's milestones, as iCalendar, beside its page."""
        return self.entry("plan", plan_id) + self.calendar_file

    def notice_calendar(self, notice_id: str) -> str:
        """A notice's comment deadline, as iCalendar, beside its page."""
        return self.entry("notice", notice_id) + self.calendar_file

    # ----- notices and the editors' form -----------------------------------------------------------------------
    def notice_file(self, notice_id: str, file_name: str) -> str:
        """A notice's attached file, by the name the site gives it (``features/notices.py``)."""
        return f"{self.entry('notice', notice_id)}{self.notice_files}/{file_name}"

    def editor_form_file(self, name: str) -> str:
        """A file of the editors' web form: its page, configuration, schema, scripts, vendored bundle."""
        return f"{self.editor_form}{name}"

    # ----- propaganda tasks ----------------------------------------------------------------------------------
    def tasks_agency_kind(self, kind_id: str) -> str:
        return f"{self.tasks}{self.tasks_agency_kinds}/{kind_id}/"

    def tasks_place(self, place_id: str) -> str:
        return f"{self.tasks}{self.tasks_places}/{place_id}/"

    # ----- open data -----------------------------------------------------------------------------------------
    def open_data_file(self, name: str, extension: str) -> str:
        """A data set's file: ``du-lieu/<name>.json`` or ``.csv``."""
        return f"{self.open_data}{name}.{extension}"

    # ----- feeds ---------------------------------------------------------------------------------------------
    def feed(self, kind: str = "", entry_id: str = "") -> str:
        """A feed's file name without its format's extension: the site's (no kind), a place's or a movement's."""
        return f"{self.feed_stem}-{self.kinds[kind]}-{entry_id}" if kind else self.feed_stem

    def atom(self, stem: str) -> str:
        return f"{stem}.atom.xml"

    def rss(self, stem: str) -> str:
        return f"{stem}.rss.xml"

    # ----- search --------------------------------------------------------------------------------------------
    def search_index_file(self, name: str) -> str:
        """A file of the search index (shards, chunks, the manifest), by its name inside the index folder."""
        return f"{self.search_index_dir}/{name}"

    def search_asset(self, script: str) -> str:
        return f"{self.search_assets}/{script}"

    @property
    def facet_params(self) -> tuple[str, ...]:
        return tuple(f.param for f in self.facets)

    # ----- photos --------------------------------------------------------------------------------------------
    def exemplar_photo(self, exemplar_id: str) -> str:
        """The web copy of an exemplar's photo."""
        return f"{self.exemplar_photos}/{exemplar_id}.jpg"

    # ----- page sources --------------------------------------------------------------------------------------
    @staticmethod
    def source(page_url: str) -> str:
        """The Markdown source MkDocs serves at a page address: a top folder's page is its ``index.md``
        (``ke-hoach/`` <- ``ke-hoach/index.md``), any deeper page a file named for its last part
        (``ke-hoach/kh-1/`` <- ``ke-hoach/kh-1.md``)."""
        path = page_url.rstrip("/")
        return f"{path}/index.md" if "/" not in path else f"{path}.md"


URLS = Urls()
