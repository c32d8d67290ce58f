"""Editor content is untrusted: the HTML rendered from an entry's Markdown is cleaned with nh3 (ammonia).

Kept: what Markdown and the configured extensions produce (headings with their ids, tables, lists, links,
images, admonitions). Gone: scripts, styles, iframes, forms, event-handler attributes, javascript: URLs;
``name`` attributes and every ``id`` but a heading's anchor (an id such as ``__config`` or ``search`` clobbers
the theme's own elements and DOM globals: DOM clobbering); images from another host (the site requests
nothing from outside; ``thidua check`` refuses them, this is the net under it).
"""

from __future__ import annotations

import re

import nh3

__all__ = ["clean_html", "is_remote_url"]

_TAGS = set(nh3.ALLOWED_TAGS) - {"map", "area"}
_GENERIC = {"id", "class", "title", "lang", "dir"}
_ATTRIBUTES = {
    "*": _GENERIC,
    "a": _GENERIC | {"href"},
    "img": _GENERIC | {"src", "alt", "width", "height", "loading"},
    "td": _GENERIC | {"colspan", "rowspan", "align"},
    "th": _GENERIC | {"colspan", "rowspan", "align", "scope"},
    "ol": _GENERIC | {"start", "type"},
    "time": _GENERIC | {"datetime"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# What the toc extension's slugify makes of a heading. The theme's and the portal's own ids start with "__",
# "md-", "td-" or "tl-" (``__config``, ``__drawer``, ``md-…``, ``td-search…``, ``tl-nam-…``): never an editor's.
_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
_RESERVED = ("md-", "td-", "tl-")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_remote_url(url: str) -> bool:
    """True for an address that leaves the site: with a scheme (``http:``, ``data:``…) or protocol-relative."""
    url = "".join(url.split()).replace("\\", "/")  # browsers ignore whitespace in URLs and read "\\" as "/"
    return url.startswith("//") or bool(_SCHEME.match(url))


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        if tag in _HEADINGS and _ANCHOR.match(value) and not value.startswith(_RESERVED):
            return value
        return None
    if tag == "img" and attribute == "src" and is_remote_url(value):
        return None
    return value


def clean_html(html: str) -> str:
    return nh3.clean(
        html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES, strip_comments=True,
        link_rel=None, clean_content_tags={"script", "style"}, attribute_filter=_filter,
    )
