"""Images in an entry's body: where the browser would fetch them from, and which repository file each one is.

An editor pasting from a news site brings ``![](https://…)`` or ``<img src="//…">``: the site would request it
from outside (an intranet has no Internet; a remote image also tells a third party who reads the page). The check
refuses those; an image saved beside the entry and written ``![mô tả](anh/ten.jpg)`` is published with the page
(:func:`site_path` says where), its metadata stripped like the exemplar's photo.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

__all__ = ["BodyImage", "body_images", "is_remote", "site_path"]

_MD_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)")
_MD_REF_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?:\[((?:[^\]\\]|\\.)*)\])?")
_MD_REF_DEF = re.compile(r"^ {0,3}\[((?:[^\]\\]|\\.)+)\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_HTML_TAG = re.compile(r"<[a-zA-Z][^>]*>", re.S)
# Attributes that make the browser load something (an <a href> is a link the reader may follow, not a load).
_LOADING_ATTR = re.compile(
    r"""(?:^|\s)(src|srcset|poster|data|background|href|xlink:href|lowsrc|dynsrc)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""",
    re.I)
_CSS_URL = re.compile(r"""url\(\s*(?:&quot;|&#39;|["'])?\s*([^)"'\s&]+)""", re.I)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class BodyImage:
    offset: int  # in the body
    url: str  # as written
    markdown: bool  # ![…](…): MkDocs rewrites its address for the page; raw HTML keeps it as written


def is_remote(url: str) -> bool:
    """True for an address that leaves the site: with a scheme (``http:``, ``data:``…) or protocol-relative."""
    url = "".join(url.split()).replace("\\", "/")  # browsers ignore whitespace in URLs and read "\\" as "/"
    return url.startswith("//") or bool(_SCHEME.match(url))


def body_images(body: str) -> list[BodyImage]:
    """Every image-like address of the body, in order."""
    found: set[BodyImage] = set()
    refs = {m.group(1).strip().lower(): m.group(2) for m in _MD_REF_DEF.finditer(body)}
    for match in _MD_IMAGE.finditer(body):
        found.add(BodyImage(match.start(), match.group(1), True))
    for match in _MD_REF_IMAGE.finditer(body):
        label = (match.group(2) or match.group(1) or "").strip().lower()
        url = refs.get(label)
        if url and body[match.end():match.end() + 1] != "(":
            found.add(BodyImage(match.start(), url, True))
    for tag in _HTML_TAG.finditer(body):
        text = tag.group()
        opening = re.match(r"<([a-zA-Z][\w:-]*)", text)
        if opening is None:  # _HTML_TAG matches only tags that open with a name
            continue
        name = opening.group(1).lower()
        for attr in _LOADING_ATTR.finditer(text[len(name) + 1:]):
            key, value = attr.group(1).lower(), attr.group(2).strip("\"'")
            if key in ("href", "xlink:href") and name not in ("image", "use", "link"):
                continue
            urls = [part.split()[0] for part in value.split(",") if part.split()] if key == "srcset" else [value]
            found.update(BodyImage(tag.start(), url, False) for url in urls)
        found.update(BodyImage(tag.start(), url, False) for url in _CSS_URL.findall(text))
    return sorted(found, key=lambda image: (image.offset, image.url))


def local_path(url: str) -> str:
    """The file part of a relative address: without query or fragment, percent-decoding undone."""
    return unquote(url.split("#", 1)[0].split("?", 1)[0])


def site_path(page_folder: str, url: str) -> str | None:
    """Where a relative image of a page in ``page_folder`` (``guong``) lands in the site, or None if it climbs out."""
    path = posixpath.normpath(posixpath.join(page_folder, local_path(url)))
    return None if path.startswith("../") or path == ".." or path.startswith("/") else path
