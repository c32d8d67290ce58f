"""The portal project as the command line sees it: where mkdocs.yml is, and which folders hold the entries.

One reader of mkdocs.yml for every command, so ``thidua check`` reads the same folders as the build.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .loader import ContentDirs

__all__ = ["NO_CONFIG", "find_config", "content_dirs", "docs_dir", "strict_mode"]

NO_CONFIG = "Không tìm thấy mkdocs.yml. Chạy lệnh trong thư mục của cổng hoặc dùng --config."


def find_config(value: str | None) -> Path | None:
    """The given mkdocs.yml, or the nearest one from the current folder upwards; None when there is none."""
    if value:
        path = Path(value)
        return path if path.is_file() else None
    start = Path.cwd()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV and !!python tags; we only need the plugin's own options."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def content_dirs(config_file: Path) -> ContentDirs:
    """The plugin's folder options from mkdocs.yml."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "thidua" in plugin:
            options = plugin["thidua"] or {}
            return ContentDirs(options.get("plans_dir", "plans"), options.get("exemplars_dir", "exemplars"),
                               options.get("movements_dir", "movements"), options.get("places_extra", ""),
                               options.get("notices_dir", "notices"), options.get("days_off_extra", ""),
                               options.get("cache_dir", ContentDirs.cache_dir))
    return ContentDirs()


def docs_dir(config_file: Path) -> Path:
    """The site's hand-written pages folder (``docs_dir``, default ``docs``), absolute."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}
    return config_file.parent.resolve() / str(data.get("docs_dir") or "docs")


def strict_mode(config_file: Path) -> bool:
    """Whether warnings block publishing. The portal is built with ``--strict`` (CI, ``thidua build``, and
    ``strict: true`` in its mkdocs.yml), where MkDocs refuses a warning like an error; so the check does too,
    unless mkdocs.yml says ``strict: false``."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}
    return data.get("strict") is not False
