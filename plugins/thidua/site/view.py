"""What templates see: a small view over the catalog with the lookups and labels pages need.

Templates receive ``thidua`` (this view) and ``spec`` (the page being rendered). They build addresses with
``thidua.url(entry) | url`` or from the table of addresses, ``thidua.urls.timeline | url``, so that every link is
relative and the site works under any sub-path. What a feature shows templates is its own view object, made by
the feature (:attr:`~thidua.features.feature.Feature.view`) and found here under its name: ``thidua.timeline``,
``thidua.propaganda``, ``thidua.feeds``, ``thidua.search``.
"""

from __future__ import annotations

from ..core.catalog import Catalog
from ..core.dates import PRECISION_LABELS, DateValue, parse_date
from ..core.model import Entry, Place
from .fragments import Fragments
from ..features.entries import PAGE_SIZE
from ..features.registry import feature_views
from ..features.urls import URLS
from ..core.schema import KIND_LABELS, LEVEL_LABELS, MILESTONE_LABELS, SUBJECT_LABELS

__all__ = ["View", "NO_VIEW"]


class _NoCatalog:
    """What templates see as ``thidua`` while the content has errors (``mkdocs serve`` shows them in the pages):
    the addresses only, and false in a test, so a template skips what needs the catalog (``{% if thidua %}``)."""

    urls = URLS

    def __bool__(self) -> bool:
        return False


NO_VIEW = _NoCatalog()


class View:
    def __init__(self, catalog: Catalog, list_cap: int = PAGE_SIZE) -> None:
        self.catalog = catalog
        self.list_cap = list_cap  # entries a place or movement page lists before linking to all of them
        self.urls = URLS  # every address: thidua.urls.timeline, thidua.urls.entry(kind, id) …
        self.kind_labels = KIND_LABELS
        self.level_labels = LEVEL_LABELS
        self.subject_labels = SUBJECT_LABELS
        self.milestone_labels = MILESTONE_LABELS
        self.precision_labels = {k.value: v for k, v in PRECISION_LABELS.items()}
        self._features = feature_views(catalog)  # thidua.timeline.of(entry), thidua.search.query(…) …
        clashes = set(self._features) & set(dir(self))
        if clashes:
            raise ValueError(f"features named like the view's own attributes: {sorted(clashes)}")
        self.fragments = Fragments(self)  # thidua.fragments.entry_list(items, page), .timeline_years(timeline, page)

    def __getattr__(self, name: str):
        """A feature's view, by the feature's name: ``thidua.timeline`` …"""
        try:
            return self.__dict__["_features"][name]
        except KeyError:
            raise AttributeError(name) from None

    # addresses -----------------------------------------------------------------------------------
    def url(self, entry: Entry | Place) -> str:
        return URLS.entry(entry.kind, entry.id)

    def place_url(self, place_id: str) -> str:
        return URLS.entry("place", place_id) if place_id in self.catalog.place_ids else ""

    # lookups -------------------------------------------------------------------------------------
    def plan(self, plan_id: str):
        return self.catalog.plans.get(plan_id)

    def movement(self, movement_id: str):
        return self.catalog.movements.get(movement_id)

    def place(self, place_id: str):
        return self.catalog.places.get(place_id)

    def place_label(self, place_id: str) -> str:
        return self.catalog.places.label(place_id)

    def former_units(self, place_id: str) -> list[str]:
        """The former units whose content a place's page gathers, top units only (their pages gather the rest)."""
        former = self.catalog.places.rollup_former(place_id)
        inside = set(former)
        return [pid for pid in former
                if not any(a.id in inside for a in self.catalog.places.ancestors(pid))]

    def date(self, value: DateValue) -> str:
        return value.display() if value.known else "không rõ ngày"

    def registry_date(self, iso: str) -> str:
        """A registry date (ISO, "2025-06-30") the way Vietnamese readers write it: "30/06/2025"."""
        return parse_date(iso).display() if iso else ""

    def date_title(self, value: DateValue) -> str:
        """Tooltip: the precision and the original words, so a reader sees what the document wrote."""
        if not value.known:
            return "Văn bản không ghi ngày"
        return f"Độ chính xác: {PRECISION_LABELS[value.precision]}; nguyên văn: “{value.original}”"
