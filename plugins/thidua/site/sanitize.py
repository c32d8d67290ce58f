"""Editor content is untrusted: the HTML rendered from an entry's Markdown is cleaned with nh3 (ammonia).

Kept: what Markdown and the configured extensions produce (headings with their ids, tables, lists, links,
images, admonitions). Gone: scripts, styles, iframes, forms, event-handler attributes, javascript: URLs.
"""

from __future__ import annotations

import nh3

__all__ = ["clean_html"]

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


def clean_html(html: str) -> str:
    return nh3.clean(
        html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES, strip_comments=True,
        link_rel=None, clean_content_tags={"script", "style"},
    )
