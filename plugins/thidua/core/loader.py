"""Files -> raw entries -> diagnostics -> model. The one entry point both the build and the CLI use."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .dates import DateValue
from .diagnostics import ERROR, Diagnostic
from .frontmatter import RawEntry, read_entry
from .gcpause import collector_paused
from .model import (
    KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN, Exemplar, Movement, Notice, NoticePeriod, Plan, Source,
)
from .places import PlaceRegistry, load_registry
from .schema import convert, field_of, model_of
from .photos import PhotoCache
from .validate import check
from .vntext import slugify
from .workdays import CalendarError, WorkCalendar, load_calendar

__all__ = ["ContentDirs", "LoadResult", "load", "collect_files"]


@dataclass(frozen=True)
class ContentDirs:
    """Where each kind of entry lives, relative to the project root (the folder of mkdocs.yml)."""

    plans: str = "plans"
    exemplars: str = "exemplars"
    movements: str = "movements"
    places_extra: str = ""
    notices: str = "notices"
    days_off_extra: str = ""  # the site's own list of swapped days (see workdays.py)
    cache_dir: str = ".cache/thidua"  # checked and processed photos (core.photos.PhotoCache); "" for none

    def by_kind(self) -> dict[str, str]:
        return {KIND_PLAN: self.plans, KIND_EXEMPLAR: self.exemplars, KIND_MOVEMENT: self.movements,
                KIND_NOTICE: self.notices}


@dataclass
class LoadResult:
    raw: list[RawEntry]
    diagnostics: list[Diagnostic]
    places: PlaceRegistry
    plans: list[Plan] = field(default_factory=list)
    exemplars: list[Exemplar] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    workdays: WorkCalendar = field(default_factory=WorkCalendar)
    photos: PhotoCache | None = None  # the photos' verdicts and copies, for the build to reuse

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


# Files an editor may have meant as an entry: Notepad's "x.md.txt", "x.markdown", "X.MD". They are reported, never
# silently skipped. Source documents (.docx, .pdf) and photos are not entries and are left alone.
_ENTRY_LIKE = (".markdown", ".mdown", ".mkd", ".mkdn", ".txt", ".text", ".yml", ".yaml", ".html", ".htm")


def _entry_like(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(".md") or ".md." in lower or lower.endswith(_ENTRY_LIKE)


def _suggest_name(name: str) -> str:
    stem = name
    while "." in stem and stem.rsplit(".", 1)[1].lower() in {"md", "txt", "text", "markdown", "mdown", "mkd", "mkdn",
                                                             "yml", "yaml", "html", "htm"}:
        stem = stem.rsplit(".", 1)[0]
    return (slugify(stem) or "muc-moi") + ".md"


def _scan(root: Path, dirs: ContentDirs) -> tuple[list[tuple[str, Path]], list[Diagnostic]]:
    """Every entry file, and a diagnostic for every file or link in the content folders that is not read.

    Symbolic links are never followed: an entry that is a link (or sits in a linked folder) could publish any
    file readable on the build host.
    """
    found: list[tuple[str, Path]] = []
    problems: list[Diagnostic] = []

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    def link(path: Path) -> None:
        target = os.path.realpath(path)
        where = "ngoài kho nội dung" if not Path(target).is_relative_to(root) else "một chỗ khác trong kho"
        problems.append(Diagnostic(rel(path), 1, "(tệp)",
                                   f"“{path.name}” là liên kết tượng trưng (symlink) trỏ tới {where}; cổng không đọc "
                                   "liên kết, chỉ đọc tệp thật trong thư mục nội dung.",
                                   "xóa liên kết và chép nội dung vào một tệp .md thật trong thư mục này."))

    for kind, folder in dirs.by_kind().items():
        base = root / folder
        if base.is_symlink() and not base.resolve().is_relative_to(root):
            link(base)
            continue
        if not base.is_dir():
            continue
        for current, subdirs, files in os.walk(base, followlinks=False):
            here = Path(current)
            for name in sorted(subdirs):
                if (here / name).is_symlink():
                    link(here / name)
            subdirs[:] = sorted(d for d in subdirs if not (here / d).is_symlink())
            for name in sorted(files):
                path = here / name
                if path.is_symlink():
                    if _entry_like(name) or not path.resolve().is_relative_to(root):
                        link(path)
                    continue
                if name.endswith(".md"):
                    found.append((kind, path))
                elif _entry_like(name):
                    problems.append(Diagnostic(
                        rel(path), 1, "(tệp)",
                        f"tệp “{name}” nằm trong thư mục nội dung nhưng không có đuôi .md nên không được đọc "
                        "(thường do Notepad lưu thành “.md.txt” hoặc do đuôi viết hoa).",
                        f"đổi tên tệp thành “{_suggest_name(name)}” (Notepad: Save as… → Save as type: All files)."))
    found.sort(key=lambda item: (item[1].as_posix()))
    return sorted(found, key=lambda item: list(dirs.by_kind()).index(item[0])), problems


def collect_files(root: Path, dirs: ContentDirs, only: list[Path] | None = None) -> list[tuple[str, Path]]:
    """(kind, path) of every entry file, sorted; sub-folders included, links never. ``only`` narrows to some paths."""
    found, _ = _scan(root.resolve(), dirs)
    if only:
        wanted = [p.resolve() for p in only]
        found = [(k, p) for k, p in found if any(p.resolve() == w or w in p.resolve().parents for w in wanted)]
    return found


def load(root: Path, dirs: ContentDirs = ContentDirs(), only: list[Path] | None = None) -> LoadResult:
    """Read every entry, check every entry, and build the model of those that passed.

    References are checked against all entries of the project even when ``only`` narrows what is reported.
    """
    with collector_paused():
        return _load(root, dirs, only)


def _load(root: Path, dirs: ContentDirs, only: list[Path] | None) -> LoadResult:
    root = root.resolve()
    extra = root / dirs.places_extra if dirs.places_extra else None
    places = load_registry(extra)
    raw: list[RawEntry] = []
    diagnostics: list[Diagnostic] = []
    files, diagnostics = _scan(root, dirs)
    for kind, path in files:
        entry, problems = read_entry(path, path.relative_to(root).as_posix(), kind)
        raw.append(entry)
        diagnostics += problems
    photos = PhotoCache(root / dirs.cache_dir if dirs.cache_dir else None)
    diagnostics = sorted(set(diagnostics + check(raw, places, root, photos)), key=lambda d: (d.path, d.line, d.field))
    photos.save()
    if only:
        wanted = [p.resolve() for p in only]
        keep = {p.relative_to(root).as_posix() for _, p in collect_files(root, dirs, only)}
        diagnostics = [d for d in diagnostics if d.path in keep or any(
            (root / d.path).absolute() == w or w in (root / d.path).absolute().parents for w in wanted)]
    try:
        workdays = load_calendar(root / dirs.days_off_extra if dirs.days_off_extra else None, dirs.days_off_extra)
    except CalendarError as error:
        diagnostics.append(Diagnostic(error.path, error.line, error.field, error.message, error.fix))
        workdays = WorkCalendar()
    result = LoadResult(raw, diagnostics, places, workdays=workdays, photos=photos)
    if not result.errors:
        models: dict[str, list[Any]] = {KIND_PLAN: result.plans, KIND_EXEMPLAR: result.exemplars, KIND_MOVEMENT: result.movements,
                  KIND_NOTICE: result.notices}
        for entry in raw:
            # Each key is read as core/schema.py declares it: the attribute it fills and its kind of value.
            model = model_of(entry.kind, entry.id, entry.meta, Source(entry.path, entry.body_line), entry.body)
            if entry.kind == KIND_NOTICE:
                model = replace(model, period=_timed(model.period, model.posted, model.issued, result.workdays))
            models[entry.kind].append(model)
    return result


def notice_period(data: dict, posted: DateValue, issued: DateValue, workdays: WorkCalendar) -> NoticePeriod:
    """A notice's ``thoi_han`` as the model holds it, with its first and last day (see :func:`_timed`)."""
    return _timed(convert(field_of(KIND_NOTICE, "thoi_han"), data), posted, issued, workdays)


def _timed(period: NoticePeriod, posted: DateValue, issued: DateValue, workdays: WorkCalendar) -> NoticePeriod:
    """The period's first and last day, from its words: "trước ngày D" ends the day before D; "N ngày làm việc kể
    từ ngày D" (or from posting, when no day is written) ends on the N-th working day after D."""
    start, end, count = period.start, period.end, period.working_days
    base = next((v for v in (start, posted, issued) if v.known and v.precision.value == "day"), None)
    first = base.start() if base else None
    last, computed = None, False
    if end.known:
        last = end.last_day()
        if end.qualifier == "trước" or end.original.strip().lower().startswith("trước"):
            last -= dt.timedelta(days=1)
    elif count and base:
        last, computed = workdays.add_working_days(base.first_day(), count), True
    return replace(period, first_day=first, last_day=last, computed=computed)

