"""The build's output files (search index, feeds, calendars, open data, reports, photos), made and written
while MkDocs renders the pages.

Making them is about a fifth of a build (0.9 s of 4.9 s at 1,000 entries, most of it the search index) and
needs nothing MkDocs computes after ``on_files``: only the catalog. So when :func:`~thidua.site.forked.can_fork`, a
forked child makes and writes them while the parent renders pages, and the parent collects the child's result in
``on_post_build``. Otherwise (``parallel: false``, one core, Windows, ``mkdocs serve``'s rebuilds) the same
function runs in the process itself, at once. Both ways write the same bytes (tested).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..features.photos import PhotoError
from ..features.registry import BuildContext, Output, produce_outputs
from .forked import ForkedTask, can_fork

__all__ = ["start_outputs", "write_outputs", "clash_message"]


def write_outputs(outputs: list[Output], site_dir: str | Path) -> None:
    """Write each output under ``site_dir``, creating folders once each."""
    made: set[str] = set()
    for output in outputs:
        path = os.path.join(site_dir, output.path)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if isinstance(output.content, Path):
            shutil.copyfile(output.content, path)  # in the kernel, without reading it into Python
            continue
        content = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        with open(path, "wb") as f:
            f.write(content)


def clash_message(paths: list[str]) -> str:
    return ("Các tệp trong docs/ trùng địa chỉ với tệp tự sinh: " + ", ".join(paths)
            + ". Đổi tên hoặc chuyển các tệp đó sang thư mục khác trong docs/.")


def _make_and_write(context: BuildContext, site_dir: str, taken: Collection[str]) -> None:
    try:
        outputs = produce_outputs(context)
    except PhotoError as error:
        raise PluginError(str(error)) from None
    clashes = [o.path for o in outputs if o.path in taken]
    if clashes:
        raise PluginError(clash_message(clashes))
    write_outputs(outputs, site_dir)


def start_outputs(context: BuildContext, site_dir: str, taken: Collection[str],
                  parallel: bool = True) -> ForkedTask | None:
    """Make and write the outputs: in a forked child (returned, to wait for) when it helps, else now (None)."""
    if parallel and can_fork():
        return ForkedTask(lambda: _make_and_write(context, site_dir, taken),
                          "ghi các tệp dữ liệu (chỉ mục tra cứu, bản tin, lịch, dữ liệu mở)")
    _make_and_write(context, site_dir, taken)
    return None
