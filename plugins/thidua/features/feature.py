"""What a feature is: the pages it adds, the files it writes and what templates see of it, as one object.

A feature module (``timeline``, ``feeds``, ``search`` …) ends with ``FEATURE = Feature(...)``, and
:mod:`~thidua.features.registry` lists those objects: adding a feature is its own module, its templates and one
line there. Everything a feature touches of the build goes through this module's types:

- :class:`BuildContext`, what a feature reads (the catalog and a few settings of ``mkdocs.yml``);
- :class:`PageSpec`, a generated page: its source address, title, template and the objects the template receives;
- :class:`Output`, any other file of the site (JSON, CSV, feeds, calendars, search shards, photos);
- :class:`Feature` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from markupsafe import Markup, escape

from ..core.catalog import Catalog
from ..core.photos import PhotoCache

if TYPE_CHECKING:
    from .cms import CmsSettings

__all__ = ["BuildContext", "PageSpec", "Output", "Feature", "plain_text", "attribute_text"]


@dataclass(frozen=True)
class BuildContext:
    catalog: Catalog
    site_url: str  # "https://example.gov.vn/thi-dua/" or "" when mkdocs.yml has none
    page_size: int
    project_root: str  # folder of mkdocs.yml, for features that read entry assets (photos)
    site_name: str = ""  # config.site_name, for feed titles and authors
    cms: CmsSettings = field(default_factory=lambda: _no_cms())  # where the editors' web form saves, what it edits
    photos: PhotoCache | None = None  # checked and processed photos, kept between builds (None: made in memory)


def _no_cms() -> CmsSettings:
    from .cms import CmsSettings  # here: the form is a feature, and every feature imports this module

    return CmsSettings()


@dataclass(frozen=True)
class Output:
    path: str  # relative to the site root, e.g. "du-lieu/ke-hoach.json"
    content: str | bytes | Path  # a Path: a file to copy as it is (a cached photo)


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
        meta: dict[str, Any] = {"title": attribute_text(self.title), "template": self.template}
        if self.description:
            meta["description"] = attribute_text(self.description)
        if not self.search:
            meta["search"] = {"exclude": True}
        return meta

    def markdown(self) -> str:
        """The page's source: its body after a blank line, which tells MkDocs there is no metadata to parse
        (front matter cost a YAML parse per page, 0.1 s at 1,000 entries; the meta comes from :meth:`meta`)."""
        return "\n" + self.body


def _nothing(context: BuildContext) -> list:
    return []


@dataclass(frozen=True)
class Feature:
    """One feature of the portal, everything it adds to a build.

    ``pages`` and ``outputs`` run once per build, in the parent process for pages and, when the build is
    parallel, in a forked child for outputs (:mod:`thidua.site.outputs`): an output producer must need nothing but
    its :class:`BuildContext`. ``outputs`` may give :class:`Output` objects or (path, content) pairs. ``view``, if
    given, makes what templates see of the feature from the catalog, once per build, as ``thidua.<name>``.
    """

    name: str  # also the attribute templates use: thidua.timeline, thidua.search …
    pages: Callable[[BuildContext], Iterable[PageSpec]] = _nothing
    outputs: Callable[[BuildContext], Iterable[Output | tuple[str, str | bytes | Path]]] = _nothing
    view: Callable[[Catalog], Any] | None = None
