"""Feeds of new plans and exemplars: Atom 1.0 and RSS 2.0, site-wide, per place and per movement.

Every link is absolute (from ``site_url``); without one the site has no feeds, since a feed reader cannot
resolve a relative address. Ids are the entries' permanent addresses and times are the entries' own dates,
never the time of the build, so two builds of the same content give the same bytes.

"New" means new on the portal: entries are ordered by the time they were published (``Catalog.published``:
``ngay_dang``, else the first commit of the entry's file, else the build date; see core/history.py), so a 2015 plan
added today comes first, and an entry whose document has no date is listed like any other.

Feed files sit at the site root (``ban-tin.atom.xml``, ``ban-tin-dia-phuong-<id>.atom.xml`` …). Pages announce
them with ``<link rel="alternate feed">``: Material's script fetches the ``sitemap.xml`` beside every link whose
rel is exactly "alternate" (it takes them for language versions), which cost every page view the whole sitemap,
once per feed link (see ``partials/head.html``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime

from ..core.catalog import Catalog
from ..core.history import VIETNAM
from .feature import Feature
from .open_data import absolute
from .urls import URLS
from ..core.model import KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLACE, KIND_PLAN, Entry, Place

__all__ = ["FEATURE", "FeedView", "MAX_ENTRIES", "Feed", "feed_date", "feeds", "feed_outputs", "feed_links", "feed_paths"]

MAX_ENTRIES = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE, RSS_TYPE = "application/atom+xml", "application/rss+xml"


@dataclass(frozen=True)
class Feed:
    key: str  # "" for the site, else "<kind>/<id>"
    title: str
    subtitle: str
    page_path: str  # the HTML page the feed follows, relative to the site root
    stem: str  # file name without ".atom.xml" / ".rss.xml", at the site root (see the module docstring)
    entries: list

    @property
    def atom_path(self) -> str:
        return URLS.atom(self.stem)

    @property
    def rss_path(self) -> str:
        return URLS.rss(self.stem)


def feed_date(entry, catalog: Catalog) -> dt.datetime:
    """When an entry went on the portal (see the module docstring)."""
    return catalog.published(entry)


def _updated(feed: "Feed", catalog: Catalog) -> dt.datetime:
    """When a feed last changed: its newest entry, or the build date for a site with nothing published yet."""
    if feed.entries:
        return feed_date(feed.entries[0], catalog)
    day = catalog.build_date
    return dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM)


def _document_day(entry) -> dt.date:
    return entry.date.start() if entry.date.known else dt.date.min


def _newest(entries, catalog: Catalog) -> list:
    """The MAX_ENTRIES entries published last; ties (one commit added several) newest document first."""
    ranked = sorted(entries, key=lambda e: (feed_date(e, catalog), _document_day(e), e.kind, e.id), reverse=True)
    return ranked[:MAX_ENTRIES]


def feeds(catalog: Catalog, site_name: str) -> list[Feed]:
    """Every feed with at least one entry: the site, each place page, each movement."""
    out = [Feed("", f"{site_name}: kế hoạch và gương mới", "Kế hoạch thi đua và gương người tốt, việc tốt mới nhất",
                "", URLS.feed(), _newest([*catalog.plans.values(), *catalog.exemplars.values(),
                                          *catalog.notices.values()], catalog))]
    for place_id in catalog.place_ids:
        label = catalog.places.label(place_id)
        entries = _newest([*catalog.plans_in(place_id), *catalog.exemplars_in(place_id), *catalog.notices_in(place_id)],
                          catalog)
        if entries:
            out.append(Feed(f"{KIND_PLACE}/{place_id}", f"{site_name}: {label}",
                            f"Kế hoạch và gương mới ở {label} và các đơn vị trực thuộc",
                            URLS.entry(KIND_PLACE, place_id), URLS.feed(KIND_PLACE, place_id), entries))
    for movement in sorted(catalog.movements.values(), key=lambda m: m.id):
        entries = _newest([*catalog.plans_of_movement(movement.id), *catalog.exemplars_of_movement(movement.id)],
                          catalog)
        if entries:
            path = URLS.entry(KIND_MOVEMENT, movement.id)
            out.append(Feed(f"{KIND_MOVEMENT}/{movement.id}", f"{site_name}: phong trào “{movement.name}”",
                            f"Kế hoạch và gương mới của phong trào “{movement.name}” và các cách gọi ở địa phương",
                            path, URLS.feed(KIND_MOVEMENT, movement.id), entries))
    return out


# ----- what each entry says in a feed ----------------------------------------------------------------
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """Editor text without the control characters XML 1.0 forbids (they would make the feed unreadable)."""
    return _NOT_XML.sub("", " ".join(str(text).split()))


def _title(entry) -> str:
    mark = "[Dữ liệu mẫu] " if getattr(entry, "sample", False) else ""
    if entry.kind == KIND_PLAN:
        return mark + f"{entry.label}: {entry.title}"
    return mark + entry.name


def _summary(entry, catalog: Catalog) -> str:
    if entry.kind == KIND_PLAN:
        when = f", {entry.issued.display()}" if entry.issued.known else ""
        return f"{entry.issuer} ({catalog.places.label(entry.place_id)}){when}: {entry.title}"
    if entry.kind == KIND_NOTICE:
        names = ", ".join(f"{x.title} {x.name}".strip() for x in entry.nominees)
        last = entry.period.last_day
        deadline = f" Hạn góp ý: {last:%d/%m/%Y} (“{entry.period.original}”)." if last else ""
        return f"{entry.body_name} lấy ý kiến nhân dân{': ' + names if names else ''}.{deadline}"
    return entry.summary


def _categories(entry, catalog: Catalog) -> list[tuple[str, str]]:
    return [(mid, catalog.movements[mid].name) for mid in entry.movement_ids if mid in catalog.movements]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _clean(text)
    return element


def _serialise(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _with_items(root: ET.Element, parent: ET.Element, items: list[str], level: int) -> str:
    """``root`` serialised with ``items`` (elements already serialised as indented at ``level``) appended to
    ``parent``: the same text as adding them to the tree, then indenting and serialising it whole."""
    head = _serialise(root)
    closing = f"\n{' ' * (level - 1)}</{parent.tag}>" + ("" if parent is root else f"\n</{root.tag}>") + "\n"
    if not head.endswith(closing):
        raise ValueError(f"unexpected end of feed: {head[-80:]!r}")
    indent = "\n" + " " * level
    return head[: -len(closing)] + indent + indent.join(items) + closing


def _item(build, level: int) -> str:
    """An entry of a feed serialised on its own, indented as it is at ``level`` inside the feed."""
    element = build()
    ET.indent(element, space=" ", level=level)
    return ET.tostring(element, encoding="unicode")


def _cached_item(cache: dict | None, key: tuple, build, level: int) -> str:
    """An entry reads the same in every feed it is in (the site's, its places', its movements'): built once."""
    if cache is None:
        return _item(build, level)
    if key not in cache:
        cache[key] = _item(build, level)
    return cache[key]


def _atom_entry(entry, catalog: Catalog, site_url: str) -> ET.Element:
    url = absolute(site_url, URLS.entry(entry.kind, entry.id))
    stamp = feed_date(entry, catalog).isoformat()
    item = ET.Element("entry")
    _sub(item, "id", url)
    _sub(item, "title", _title(entry))
    _sub(item, "link", rel="alternate", type="text/html", href=url)
    _sub(item, "published", stamp)
    _sub(item, "updated", stamp)
    _sub(item, "summary", _summary(entry, catalog), type="text")
    for term, label in _categories(entry, catalog):
        _sub(item, "category", term=term, label=_clean(label), scheme=absolute(site_url, URLS.kind_index(KIND_MOVEMENT)))
    return item


def _rss_item(entry, catalog: Catalog, site_url: str) -> ET.Element:
    url = absolute(site_url, URLS.entry(entry.kind, entry.id))
    item = ET.Element("item")
    _sub(item, "title", html.escape(_clean(_title(entry)), quote=False))  # readers render RSS titles as HTML too
    _sub(item, "link", url)
    _sub(item, "guid", url, isPermaLink="true")
    _sub(item, "pubDate", format_datetime(feed_date(entry, catalog)))
    # An RSS description is HTML (RSS 2.0; every reader renders it): the editor's text is escaped as HTML here,
    # then as XML by the serialiser, so "<script>" in a summary arrives as text, not markup.
    _sub(item, "description", html.escape(_clean(_summary(entry, catalog)), quote=False))
    for _term, label in _categories(entry, catalog):
        _sub(item, "category", label)
    return item


def atom(feed: Feed, catalog: Catalog, site_url: str, site_name: str, cache: dict | None = None) -> str:
    """The Atom document of ``feed``; ``cache`` (a dict shared by the feeds of one build) keeps entries serialised."""
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "vi"})
    _sub(root, "id", absolute(site_url, feed.atom_path))
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.subtitle)
    _sub(root, "updated", _updated(feed, catalog).isoformat())
    _sub(root, "link", rel="self", type=ATOM_TYPE, href=absolute(site_url, feed.atom_path))
    _sub(root, "link", rel="alternate", type="text/html", href=absolute(site_url, feed.page_path))
    author = _sub(root, "author")
    _sub(author, "name", site_name)
    _sub(author, "uri", absolute(site_url, ""))
    items = [_cached_item(cache, ("atom", e.kind, e.id), lambda e=e: _atom_entry(e, catalog, site_url), 1)
             for e in feed.entries]
    return _with_items(root, root, items, 1)


def rss(feed: Feed, catalog: Catalog, site_url: str, cache: dict | None = None) -> str:
    """The RSS 2.0 document of ``feed``; ``cache`` as for :func:`atom`."""
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", absolute(site_url, feed.page_path))
    _sub(channel, "description", feed.subtitle)
    _sub(channel, "language", "vi")
    _sub(channel, "lastBuildDate", format_datetime(_updated(feed, catalog)))
    _sub(channel, "atom:link", rel="self", type=RSS_TYPE, href=absolute(site_url, feed.rss_path))
    items = [_cached_item(cache, ("rss", e.kind, e.id), lambda e=e: _rss_item(e, catalog, site_url), 2)
             for e in feed.entries]
    return _with_items(root, channel, items, 2)


def feed_outputs(catalog: Catalog, site_url: str, site_name: str) -> list[tuple[str, str]]:
    """(path, content) of every feed; none when mkdocs.yml has no site_url (a feed needs absolute links)."""
    if not site_url:
        return []
    out: list[tuple[str, str]] = []
    cache: dict = {}
    for feed in feeds(catalog, site_name):
        out.append((feed.atom_path, atom(feed, catalog, site_url, site_name, cache)))
        out.append((feed.rss_path, rss(feed, catalog, site_url, cache)))
    return out


# ----- autodiscovery ---------------------------------------------------------------------------------
def feed_paths(catalog: Catalog, entry=None) -> list[dict]:
    """The feeds a page announces with <link rel="alternate">: its own (place, movement), then the site's.

    Paths are relative to the site root; templates pass them through ``| url``. Every page asks, so the answers
    are kept on the catalog: the site's links were otherwise a pass over every entry on each of N pages.
    """
    site = catalog.memo(("feed-paths",), lambda: _site_feed_paths(catalog))
    if entry is None or entry.kind not in (KIND_PLACE, KIND_MOVEMENT):
        return site
    return catalog.memo(("feed-paths", entry.kind, entry.id), lambda: _own_feed_paths(catalog, entry) + site)


def _own_feed_paths(catalog: Catalog, entry) -> list[dict]:
    if entry.kind == KIND_PLACE:
        entries = [*catalog.plans_in(entry.id), *catalog.exemplars_in(entry.id), *catalog.notices_in(entry.id)]
        name = catalog.places.label(entry.id)
    else:
        entries = [*catalog.plans_of_movement(entry.id), *catalog.exemplars_of_movement(entry.id)]
        name = f"phong trào “{entry.name}”"
    if not entries:
        return []
    stem = URLS.feed(entry.kind, entry.id)
    return [{"type": ATOM_TYPE, "title": f"Tin mới: {name} (Atom)", "path": URLS.atom(stem)},
            {"type": RSS_TYPE, "title": f"Tin mới: {name} (RSS)", "path": URLS.rss(stem)}]


def _site_feed_paths(catalog: Catalog) -> list[dict]:
    if not catalog.plans and not catalog.exemplars and not catalog.notices:
        return []
    return [{"type": ATOM_TYPE, "title": "Kế hoạch và gương mới (Atom)", "path": URLS.atom(URLS.feed())},
            {"type": RSS_TYPE, "title": "Kế hoạch và gương mới (RSS)", "path": URLS.rss(URLS.feed())}]


def feed_links(catalog: Catalog, site_url: str, entry=None) -> list[dict]:
    """Autodiscovery links; none when the site has no site_url (then it has no feeds)."""
    return feed_paths(catalog, entry) if site_url else []


class FeedView:
    """What templates ask of feeds: ``thidua.feeds.links(entry, site_url)``, the feeds a page announces."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def links(self, entry: Entry | Place | None, site_url: str) -> list[dict]:
        """<link rel=alternate> of a page: the entry's own feeds, then the site's (paths for | url)."""
        return feed_links(self.catalog, site_url, entry)


FEATURE = Feature("feeds", outputs=lambda ctx: feed_outputs(ctx.catalog, ctx.site_url, ctx.site_name), view=FeedView)
