"""Catalog -> the generated pages: one per entry, per place with content, and paginated lists.

A page is a :class:`PageSpec`: its address, its title, the template that renders it and the objects the
template receives. The plugin turns specs into ``File.generated`` files kept out of the navigation.
"""

from __future__ import annotations

import math

from ..core.catalog import Catalog
from .feature import Feature, PageSpec
from .photos import photo_url, photo_views
from .places import place_tree, province_chart
from .urls import URLS

__all__ = ["FEATURE", "entry_pages", "list_pages", "PAGE_SIZE"]

PAGE_SIZE = 50

def _src(kind: str, entry_id: str) -> str:
    return URLS.source(URLS.entry(kind, entry_id))


def entry_pages(catalog: Catalog, photos: dict | None = None) -> list[PageSpec]:
    """The page of every entry. ``photos``: exemplar id -> :class:`~thidua.features.photos.PhotoView`."""
    specs: list[PageSpec] = []
    photos = photos or {}
    for plan in catalog.plans.values():
        specs.append(PageSpec(_src("plan", plan.id), f"{plan.label}: {plan.title}", "thidua/plan.html",
                              {"entry": plan}, plan.body, untrusted=True, description=plan.title))
    for exemplar in catalog.exemplars.values():
        specs.append(PageSpec(_src("exemplar", exemplar.id), exemplar.name, "thidua/exemplar.html",
                              {"entry": exemplar, "photo_url": photo_url(exemplar) if exemplar.id in photos else "",
                               "photo": photos.get(exemplar.id)}, exemplar.body, untrusted=True,
                              description=exemplar.summary))
    for movement in catalog.movements.values():
        specs.append(PageSpec(_src("movement", movement.id), movement.name, "thidua/movement.html",
                              {"entry": movement}, movement.body, untrusted=True))
    for place_id in catalog.place_ids:
        place = catalog.place(place_id)
        specs.append(PageSpec(_src("place", place_id), catalog.places.label(place_id), "thidua/place.html",
                              {"entry": place}))
    return specs


_LISTS = (
    ("plan", "Kế hoạch thi đua", lambda c: c.plans_newest()),
    ("exemplar", "Gương người tốt, việc tốt", lambda c: c.exemplars_newest()),
)


def _paginate(kind: str, title: str, items: list, order: str, page_size: int) -> list[PageSpec]:
    pages = max(1, math.ceil(len(items) / page_size))
    page_urls = [URLS.list_page(kind, n, order) for n in range(1, pages + 1)]
    specs = []
    for number in range(1, pages + 1):
        chunk = items[(number - 1) * page_size: number * page_size]
        suffix = f" (trang {number}/{pages})" if pages > 1 else ""
        specs.append(PageSpec(URLS.source(page_urls[number - 1]), title + suffix, "thidua/list.html", {
            "kind": kind, "items": chunk, "order": order, "page": number, "pages": pages, "total": len(items),
            "page_urls": page_urls,
            "other_order_url": URLS.list_page(kind, 1, "oldest" if order == "newest" else "newest"),
        }, search=False))
    return specs


def list_pages(catalog: Catalog, page_size: int = PAGE_SIZE) -> list[PageSpec]:
    specs: list[PageSpec] = []
    for kind, title, items in _LISTS:
        newest = items(catalog)
        specs += _paginate(kind, title, newest, "newest", page_size)
        specs += _paginate(kind, title, list(reversed(newest)), "oldest", page_size)
    specs.append(PageSpec(URLS.source(URLS.kind_index("movement")), "Phong trào thi đua", "thidua/movements.html",
                          {"items": catalog.movements_sorted()}, search=False))
    tree = place_tree(catalog)
    specs.append(PageSpec(URLS.source(URLS.kind_index("place")), "Địa phương", "thidua/places.html",
                          {"place_ids": catalog.place_ids, "tree": tree, "chart": province_chart(tree)}, search=False))
    return specs


FEATURE = Feature("entries", pages=lambda ctx: [*entry_pages(ctx.catalog, photo_views(ctx.catalog, ctx.project_root, ctx.photos)),
                                                *list_pages(ctx.catalog, ctx.page_size)])
