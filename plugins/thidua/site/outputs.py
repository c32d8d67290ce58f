"""The build's data files (search index, feeds, calendars, open data, reports, photos): made from the catalog,
registered in MkDocs' ``Files`` as generated files, and written by MkDocs with the site's other files.

Registered in ``Files``, they are seen by every other plugin and hook (``files``, ``content_bytes``), and a clash
with a file of ``docs/`` or of another plugin is found before anything is written: :func:`register_outputs` fails
the build on it, naming the files.

Making them is about a fifth of a build (0.9 s of 4.9 s at 1,000 entries, most of it the search index) and needs
nothing MkDocs computes after ``on_files``: only the catalog. So when :func:`~thidua.site.forked.why_not_fork`
finds no reason against it, a forked child makes them from ``on_files`` while the parent reads the pages (MkDocs
turns every page's Markdown into HTML between ``on_files`` and ``on_env``, about as long as making the data
files), and the parent collects them in ``on_env``. Otherwise (``parallel: false``, one core, Windows, ``mkdocs
serve``'s rebuilds) they are made at once, in ``on_files``. Both ways give the same files, byte for byte (tested).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..features.photos import PhotoError
from ..features.registry import BuildContext, Output, produce_outputs
from .forked import ForkedTask

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

__all__ = ["OutputsJob", "register_outputs", "clash_message"]


def clash_message(paths: list[str], owners: dict[str, str] | None = None) -> str:
    """The files at addresses the plugin generates, each with where it comes from (docs/ or a plugin)."""
    owners = owners or {}
    named = [f"{p} ({owners[p]})" if p in owners else p for p in paths]
    return ("Các tệp trong docs/ hoặc của plugin khác trùng địa chỉ với tệp tự sinh: " + ", ".join(named)
            + ". Đổi tên hoặc chuyển các tệp đó sang thư mục khác trong docs/, hoặc đổi cấu hình plugin kia.")


def _owner(file: File) -> str:
    return f"plugin {file.generated_by}" if file.generated_by else f"docs/{file.src_uri}"


def register_outputs(files: Files, outputs: list[Output], config: MkDocsConfig) -> list[File]:
    """Add each output to ``files`` as a generated file MkDocs writes; raise PluginError, adding nothing, when
    any of their addresses is taken."""
    taken = files.src_uris
    clashes = sorted({o.path for o in outputs if o.path in taken})
    twice = sorted(path for path, n in Counter(o.path for o in outputs).items() if n > 1)
    if twice:  # two features writing one address: a programming error, said plainly all the same
        raise PluginError(f"Hai tính năng của thidua cùng sinh tệp: {', '.join(twice)}.")
    if clashes:
        raise PluginError(clash_message(clashes, {p: _owner(taken[p]) for p in clashes}))
    added = [File.generated(config, o.path, abs_src_path=str(o.content), inclusion=InclusionLevel.NOT_IN_NAV)
             if isinstance(o.content, Path)  # a cached file (photos): MkDocs copies it, in the kernel
             else File.generated(config, o.path, content=o.content, inclusion=InclusionLevel.NOT_IN_NAV)
             for o in outputs]
    for file in added:
        files.append(file)
    return added


def check_still_ours(files: Files, ours: list[File]) -> None:
    """Raise PluginError when a plugin that ran after ours replaced one of the data files in ``files``."""
    replaced = [f.src_uri for f in ours if files.src_uris.get(f.src_uri) is not f]
    if replaced:
        raise PluginError(clash_message(replaced, {p: _owner(files.src_uris[p]) for p in replaced
                                                   if p in files.src_uris}))


def _produce(context: BuildContext) -> list[Output]:
    try:
        return produce_outputs(context)
    except PhotoError as error:  # an editor's photo that cannot be read: said with its file, as other content errors
        raise PluginError(str(error)) from None


class OutputsJob:
    """The data files of one build: made now, or by a forked child collected with :meth:`collect`."""

    def __init__(self, context: BuildContext, *, fork: bool):
        self.task: ForkedTask | None = None
        self.outputs: list[Output] | None = None
        if fork:
            self.task = ForkedTask(lambda: _produce(context),
                                   "tạo các tệp dữ liệu (chỉ mục tra cứu, bản tin, lịch, dữ liệu mở)")
        else:
            self.outputs = _produce(context)

    def collect(self) -> list[Output]:
        """The outputs, waiting for the child if one makes them (its error is raised as PluginError)."""
        if self.outputs is None:
            assert self.task is not None
            self.outputs = self.task.wait()
            self.task = None
        return self.outputs

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
