"""Files -> raw entries -> diagnostics -> model. The one entry point both the build and the CLI use."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .dates import UNKNOWN, DateError, DateValue, parse_date
from .diagnostics import ERROR, Diagnostic
from .frontmatter import RawEntry, read_entry
from .gcpause import collector_paused
from .model import (
    KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN, Attachment, Award, DocRef, DocumentNumber, Exemplar,
    Milestone, Movement, MovementRef, Nominee, NomineeGroup, Notice, NoticePeriod, Period, Plan, Response, Signer,
    Source, Target, Task,
)
from .places import PlaceRegistry, load_registry
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
    diagnostics = sorted(set(diagnostics + check(raw, places, root)), key=lambda d: (d.path, d.line, d.field))
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
    result = LoadResult(raw, diagnostics, places, workdays=workdays)
    if not result.errors:
        for entry in raw:
            _BUILDERS[entry.kind](entry, result)
    return result


def _date(value: object) -> DateValue:
    try:
        return parse_date(value)
    except DateError:  # unreachable after check(); kept so a model is never built from a bad date
        return UNKNOWN


def _text(meta: dict, key: str) -> str:
    value = meta.get(key)
    return "" if value is None else str(value).strip()


def _list(value: object) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, (str, dict)) else list(value)


def _period(data: dict | None) -> Period:
    data = data or {}
    rounds = tuple(Period(_date(r.get("tu")), _date(r.get("den")), name=_text(r, "ten")) for r in _list(data.get("dot")))
    return Period(_date(data.get("tu")), _date(data.get("den")), _text(data, "nguyen_van"), rounds)


def _source(entry: RawEntry) -> Source:
    return Source(entry.path, entry.body_line)


def _build_plan(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    movements = []
    for item in _list(m.get("phong_trao")):
        item = {"ma": item} if isinstance(item, str) else item
        movements.append(MovementRef(item["ma"], _text(item, "nguyen_van")))
    signer = m.get("nguoi_ky") or {}
    result.plans.append(Plan(
        id=entry.id, source=_source(entry), number=DocumentNumber.parse(_text(m, "so_ky_hieu")),
        doc_type=_text(m, "loai_van_ban"), issuer=_text(m, "co_quan_ban_hanh"), place_id=_text(m, "dia_phuong"),
        issued=_date(m.get("ngay_ban_hanh")), title=_text(m, "trich_yeu"), body=entry.body,
        parent_issuer=_text(m, "co_quan_chu_quan"), issued_at=_text(m, "noi_ban_hanh"), theme=_text(m, "chu_de"),
        motto=_text(m, "phuong_cham"), period=_period(m.get("thoi_gian")),
        implements=tuple(
            DocRef(_text(d, "loai"), DocumentNumber.parse(_text(d, "so_ky_hieu")), _date(d.get("ngay")),
                   _text(d, "co_quan"), _text(d, "trich_yeu"), _text(d, "ke_hoach"))
            for d in _list(m.get("can_cu"))),
        movements=tuple(movements),
        milestones=tuple(Milestone(_date(x.get("ngay")), _text(x, "noi_dung"), _text(x, "loai") or "han")
                         for x in _list(m.get("moc_thoi_gian"))),
        targets=tuple(Target(x.get("so"), _text(x, "ten"), _text(x, "gia_tri"), _text(x, "don_vi"), _text(x, "nguyen_van"))
                      for x in _list(m.get("chi_tieu"))),
        tasks=tuple(Task(_text(x, "co_quan"), _text(x, "noi_dung"), _date(x.get("han")), _text(x, "muc"))
                    for x in _list(m.get("nhiem_vu"))),
        signer=Signer(_text(signer, "ho_ten"), _text(signer, "chuc_vu"), _text(signer, "hinh_thuc"), _text(signer, "thay_mat")),
        recipients=tuple(str(x) for x in _list(m.get("noi_nhan"))), source_file=_text(m, "nguon"),
        posted=_date(m.get("ngay_dang")), sample=bool(m.get("du_lieu_mau", False)),
    ))


def _build_exemplar(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    result.exemplars.append(Exemplar(
        id=entry.id, source=_source(entry), name=_text(m, "ten"), subject=_text(m, "doi_tuong"),
        place_id=_text(m, "dia_phuong"), field_name=_text(m, "linh_vuc"), summary=_text(m, "tom_tat"), body=entry.body,
        movement_ids=tuple(_list(m.get("phong_trao"))), plan_ids=tuple(_list(m.get("ke_hoach"))), date=_date(m.get("ngay")),
        awards=tuple(Award(_text(a, "hinh_thuc"), _text(a, "cap"), _text(a, "co_quan"), _text(a, "so_quyet_dinh"),
                           _date(a.get("ngay_quyet_dinh"))) for a in _list(m.get("khen_thuong"))),
        photo=_text(m, "anh"), source_note=_text(m, "nguon"), sample=bool(m.get("du_lieu_mau", False)),
        posted=_date(m.get("ngay_dang")),
    ))


def _build_movement(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    result.movements.append(Movement(
        id=entry.id, source=_source(entry), name=_text(m, "ten"), level=_text(m, "cap"), body=entry.body,
        launched_by=_text(m, "phat_dong_boi"), year=m.get("nam"), parent_id=_text(m, "phong_trao_cha"),
        place_id=_text(m, "dia_phuong"), wordings=tuple(str(x) for x in _list(m.get("cach_goi"))),
    ))


def _attachment(value: object, label: str = "") -> Attachment | None:
    return Attachment(value.strip(), label) if isinstance(value, str) and value.strip() else None


def notice_period(data: dict, posted, issued, workdays: WorkCalendar) -> NoticePeriod:
    """The period's words, and its first and last day: "trước ngày D" ends the day before D; "N ngày làm việc kể
    từ ngày D" (or from posting, when no day is written) ends on the N-th working day after D."""
    start, end = _date(data.get("tu")), _date(data.get("den"))
    count = data.get("so_ngay_lam_viec")
    count = count if isinstance(count, int) and not isinstance(count, bool) else None
    base = next((v for v in (start, posted, issued) if v.known and v.precision.value == "day"), None)
    first = base.start() if base else None
    last, computed = None, False
    if end.known:
        last = end.end()
        if end.qualifier == "trước" or _text(data, "den").lower().startswith("trước"):
            last -= dt.timedelta(days=1)
    elif count and base:
        last, computed = workdays.add_working_days(base.start(), count), True
    return NoticePeriod(_text(data, "nguyen_van"), start, end, count, first, last, computed)


def _build_notice(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    posted, issued = _date(m.get("ngay_dang")), _date(m.get("ngay_thong_bao"))
    groups = []
    for g in _list(m.get("de_nghi")):
        nominees = tuple(Nominee(
            _text(n, "ten"), _text(n, "doi_tuong"), _text(n, "danh_xung"), _text(n, "chuc_vu"), _text(n, "don_vi"),
            _text(n, "dia_chi"), _text(n, "tom_tat"), _attachment(n.get("tep"), "Tóm tắt thành tích"),
            _text(n, "guong"), _text(n, "ket_qua")) for n in _list(g.get("danh_sach")))
        groups.append(NomineeGroup(_text(g, "hinh_thuc"), _text(g, "loai"), _text(g, "so_luong"), nominees))
    proposal = m.get("to_trinh") or {}
    response = m.get("gop_y") or {}
    result.notices.append(Notice(
        id=entry.id, source=_source(entry), title=_text(m, "tieu_de"), body_name=_text(m, "co_quan"),
        place_id=_text(m, "dia_phuong"), number=DocumentNumber.parse(_text(m, "so_thong_bao")), issued=issued,
        posted=posted, period=notice_period(m.get("thoi_han") or {}, posted, issued, result.workdays),
        response=Response(_text(response, "dia_chi"), _text(response, "thu_dien_tu"), _text(response, "dien_thoai"),
                          _text(response, "yeu_cau"), _text(response, "nguyen_van")),
        groups=tuple(groups),
        attachments=tuple(a for a in (_attachment(x.get("tep"), _text(x, "mo_ta")) for x in _list(m.get("tep_dinh_kem")))
                          if a),
        proposal_number=_text(proposal, "so"), proposal_date=_date(proposal.get("ngay")),
        proposal_body=_text(proposal, "co_quan"), legal_basis=tuple(str(x) for x in _list(m.get("can_cu"))),
        published_on=_text(m, "noi_dang"), body=entry.body, source_note=_text(m, "nguon"),
        sample=bool(m.get("du_lieu_mau", False)),
    ))


_BUILDERS = {KIND_PLAN: _build_plan, KIND_EXEMPLAR: _build_exemplar, KIND_MOVEMENT: _build_movement,
             KIND_NOTICE: _build_notice}
