"""Catalog -> the generated pages: one per entry, per place with content, and paginated lists.

A page is a :class:`PageSpec`: its address, its title, the template that renders it and the objects the
template receives. The plugin turns specs into ``File.generated`` files kept out of the navigation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..core.catalog import URLS, Catalog, entry_url
from .photos import photo_url
from .places import place_tree, province_chart

__all__ = ["PageSpec", "attribute_text", "plain_text", "entry_pages", "list_pages", "PAGE_SIZE"]

PAGE_SIZE = 50

def plain_text(text: str) -> str:
    """One line of text: runs of whitespace (newlines included) become one space."""
    return " ".join(str(text).split())


def attribute_text(text: str) -> Markup:
    """Editor text made safe for an HTML attribute *and* for text, escaped once, where the value is set.

    The page's title and description reach ``<title>``, ``<meta name="description" content="…">`` and the header
    through Material's templates, which print ``page.meta`` unescaped (MkDocs renders with autoescape off). Escaping
    ``& < > " '`` here closes them all; as :class:`~markupsafe.Markup` the value is not escaped a second time by
    templates that do autoescape (``og:title``, the page heading), and a browser shows the characters as written.
    """
    if isinstance(text, Markup):
        return text
    return Markup(escape(plain_text(text)))


@dataclass
class PageSpec:
    src_uri: str  # "ke-hoach/<id>.md": with directory URLs it is served at /ke-hoach/<id>/
    title: str
    template: str
    context: dict = field(default_factory=dict)
    body: str = ""  # Markdown rendered as the page content
    untrusted: bool = False  # editor content: the rendered HTML is sanitised
    description: str = ""
    search: bool = True

    def meta(self) -> dict:
        """The page's metadata, as front matter would give it: the plugin sets it in ``on_page_markdown``."""
        meta = {"title": attribute_text(self.title), "template": self.template}
        if self.description:
            meta["description"] = attribute_text(self.description)
        if not self.search:
            meta["search"] = {"exclude": True}
        return meta

    def markdown(self) -> str:
        """The page's source: its body after a blank line, which tells MkDocs there is no metadata to parse
        (front matter cost a YAML parse per page, 0.1 s at 1,000 entries; the meta comes from :meth:`meta`)."""
        return "\n" + self.body


def _src(kind: str, entry_id: str) -> str:
    return f"{URLS[kind]}/{entry_id}.md"


def entry_pages(catalog: Catalog) -> list[PageSpec]:
    specs: list[PageSpec] = []
    for plan in catalog.plans.values():
        label = f"{plan.doc_type} {plan.number.normalized}".strip() if plan.number.raw.strip(" /") else plan.doc_type
        specs.append(PageSpec(_src("plan", plan.id), f"{label}: {plan.title}", "thidua/plan.html",
                              {"entry": plan}, plan.body, untrusted=True, description=plan.title))
    for exemplar in catalog.exemplars.values():
        specs.append(PageSpec(_src("exemplar", exemplar.id), exemplar.name, "thidua/exemplar.html",
                              {"entry": exemplar, "photo_url": photo_url(exemplar)}, exemplar.body, untrusted=True,
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
    base = URLS[kind]
    pages = max(1, math.ceil(len(items) / page_size))
    specs = []
    for number in range(1, pages + 1):
        def uri(n: int) -> str:
            if order == "newest" and n == 1:
                return f"{base}/index.md"
            return f"{base}/trang/{'cu-' if order == 'oldest' else ''}{n}.md"

        def url(n: int) -> str:
            return uri(n).replace("index.md", "").replace(".md", "/")

        chunk = items[(number - 1) * page_size: number * page_size]
        suffix = f" (trang {number}/{pages})" if pages > 1 else ""
        specs.append(PageSpec(uri(number), title + suffix, "thidua/list.html", {
            "kind": kind, "items": chunk, "order": order, "page": number, "pages": pages, "total": len(items),
            "page_urls": [url(n) for n in range(1, pages + 1)],
            "other_order_url": f"{base}/trang/cu-1/" if order == "newest" else f"{base}/",
        }, search=False))
    return specs


def list_pages(catalog: Catalog, page_size: int = PAGE_SIZE) -> list[PageSpec]:
    specs: list[PageSpec] = []
    for kind, title, items in _LISTS:
        newest = items(catalog)
        specs += _paginate(kind, title, newest, "newest", page_size)
        specs += _paginate(kind, title, list(reversed(newest)), "oldest", page_size)
    specs.append(PageSpec(f"{URLS['movement']}/index.md", "Phong trào thi đua", "thidua/movements.html",
                          {"items": catalog.movements_sorted()}, search=False))
    tree = place_tree(catalog)
    specs.append(PageSpec(f"{URLS['place']}/index.md", "Địa phương", "thidua/places.html",
                          {"place_ids": catalog.place_ids, "tree": tree, "chart": province_chart(tree)}, search=False))
    return specs


def url_of(entry) -> str:
    return entry_url(entry.kind, entry.id)
