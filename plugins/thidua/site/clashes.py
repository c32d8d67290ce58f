"""Addresses taken twice: a page in ``docs/`` where the portal generates one, or two generated pages on one address.

Found before MkDocs cleans the output folder (the plugin's ``on_pre_build``) and by ``thidua check``, with the
docs file's path, so a clash never fails a build half-way. Addresses are compared as MkDocs writes them
(``ke-hoach/abc.md`` and ``ke-hoach/abc/index.md`` are both ``ke-hoach/abc/index.html``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files, get_files

from ..core.diagnostics import Diagnostic

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..core.loader import LoadResult
    from ..features.feature import PageSpec

__all__ = ["output_clashes", "page_clashes", "project_clashes"]


def _docs_prefix(config: MkDocsConfig) -> str:
    docs_dir = Path(config.docs_dir)
    try:
        return docs_dir.relative_to(Path(config.config_file_path).parent).as_posix()
    except ValueError:
        return docs_dir.as_posix()


def _source_of(spec: PageSpec) -> str:
    entry = spec.context.get("entry") if spec.context else None
    source = getattr(entry, "source", None)
    return getattr(source, "path", "") or ""


def page_clashes(config: MkDocsConfig, docs: Files, specs: list[PageSpec]) -> list[Diagnostic]:
    """One diagnostic per docs file (or entry file) whose page lands on an address the portal generates."""
    docs_prefix = _docs_prefix(config)
    owner: dict[str, tuple[PageSpec, File]] = {}
    out: list[Diagnostic] = []
    for spec in specs:
        file = File(spec.src_uri, None, config.site_dir, config.use_directory_urls)
        other = owner.get(file.dest_uri)
        if other is not None:
            first, second = _source_of(other[0]), _source_of(spec)
            path = second or first or spec.src_uri
            out.append(Diagnostic(path, 1, "(địa chỉ)",
                                  f"trang của mục này và trang “{other[0].src_uri}” cùng địa chỉ “{file.url}”.",
                                  "đổi tên tệp của mục (tên tệp là địa chỉ của trang)."))
            continue
        owner[file.dest_uri] = (spec, file)
    for file in docs:
        hit = owner.get(file.dest_uri)
        if hit is None or file.generated_by:
            continue
        spec = hit[0]
        out.append(Diagnostic(f"{docs_prefix}/{file.src_uri}", 1, "(địa chỉ)",
                              f"trang này có cùng địa chỉ “{file.url}” với trang cổng tự sinh ({spec.title}); hai trang "
                              "không thể cùng một chỗ.",
                              "đổi tên tệp hoặc chuyển nó sang thư mục khác trong docs/ (ví dụ docs/gioi-thieu/…)."))
    return out


def output_clashes(config: MkDocsConfig, docs: Files, outputs: list[str]) -> list[Diagnostic]:
    """A file of docs/ (an image, a JSON file) at the path of a data file the portal writes."""
    docs_prefix = _docs_prefix(config)
    paths = set(outputs)
    return [Diagnostic(f"{docs_prefix}/{file.src_uri}", 1, "(địa chỉ)",
                       f"tệp này có cùng đường dẫn “{file.dest_uri}” với một tệp dữ liệu cổng tự sinh.",
                       "đổi tên tệp hoặc chuyển nó sang thư mục khác trong docs/.")
            for file in docs if not file.is_documentation_page() and file.dest_uri in paths]


def project_clashes(config_file: Path, result: LoadResult) -> list[Diagnostic]:
    """For ``thidua check``: the clashes the build would find, from the project's mkdocs.yml."""
    import datetime as dt

    from mkdocs.config import load_config

    from ..core.catalog import build_catalog
    from ..core.projectconfig import content_dirs
    from ..features.cms import CmsSettings
    from ..features.registry import BuildContext, produce_outputs, produce_pages

    config = load_config(str(config_file))
    catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date.today(),
                            result.notices, result.workdays)
    plugin = config.plugins.get("thidua")
    options = plugin.config if plugin is not None else None
    page_size = getattr(options, "page_size", 50)
    try:
        cms = CmsSettings.from_option(options.cms, content_dirs(config_file).by_kind())
    except (AttributeError, ValueError):  # no plugin options, or a bad cms option the build reports itself
        cms = CmsSettings()
    context = BuildContext(catalog, config.site_url or "", page_size, str(config_file.parent),
                           site_name=config.site_name, cms=cms)
    docs = get_files(config)
    found = page_clashes(config, docs, produce_pages(context))
    if any(not f.is_documentation_page() for f in docs):
        # Data files are made only when docs/ has files that could sit where one goes (costly: search, photos).
        found += output_clashes(config, docs, [o.path for o in produce_outputs(context)])
    return found
