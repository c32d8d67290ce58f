"""Files -> raw entries -> diagnostics -> model. The one entry point both the build and the CLI use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .dates import UNKNOWN, DateError, DateValue, parse_date
from .diagnostics import ERROR, Diagnostic
from .frontmatter import RawEntry, read_entry
from .gcpause import collector_paused
from .model import (
    KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN, Attachment, Award, DocRef, DocumentNumber, Exemplar,
    Milestone, Movement, MovementRef, Nominee, NomineeGroup, Notice, NoticePeriod, Period, Plan, Response, Signer,
    Source, Target, Task, meta_list, meta_text,
)
from .places import PlaceRegistry, load_registry
from .validate import check
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


def collect_files(root: Path, dirs: ContentDirs, only: list[Path] | None = None) -> list[tuple[str, Path]]:
    """(kind, path) of every entry file, sorted; sub-folders included. ``only`` narrows to some paths."""
    found: list[tuple[str, Path]] = []
    for kind, folder in dirs.by_kind().items():
        base = root / folder
        if base.is_dir():
            found += [(kind, p) for p in sorted(base.rglob("*.md")) if p.is_file()]
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
    for kind, path in collect_files(root, dirs):
        entry, problems = read_entry(path, path.relative_to(root).as_posix(), kind)
        raw.append(entry)
        diagnostics += problems
    diagnostics = sorted(set(diagnostics + check(raw, places, root)), key=lambda d: (d.path, d.line, d.field))
    if only:
        keep = {p.relative_to(root).as_posix() for _, p in collect_files(root, dirs, only)}
        diagnostics = [d for d in diagnostics if d.path in keep]
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


def _period(data: dict | None) -> Period:
    data = data or {}
    rounds = tuple(Period(_date(r.get("tu")), _date(r.get("den")), name=meta_text(r, "ten"))
                   for r in meta_list(data.get("dot")))
    return Period(_date(data.get("tu")), _date(data.get("den")), meta_text(data, "nguyen_van"), rounds)


def _source(entry: RawEntry) -> Source:
    return Source(entry.path, entry.body_line)


def _build_plan(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    movements = []
    for item in meta_list(m.get("phong_trao")):
        item = {"ma": item} if isinstance(item, str) else item
        movements.append(MovementRef(item["ma"], meta_text(item, "nguyen_van")))
    signer = m.get("nguoi_ky") or {}
    result.plans.append(Plan(
        id=entry.id, source=_source(entry), number=DocumentNumber.parse(meta_text(m, "so_ky_hieu")),
        doc_type=meta_text(m, "loai_van_ban"), issuer=meta_text(m, "co_quan_ban_hanh"), place_id=meta_text(m, "dia_phuong"),
        issued=_date(m.get("ngay_ban_hanh")), title=meta_text(m, "trich_yeu"), body=entry.body,
        parent_issuer=meta_text(m, "co_quan_chu_quan"), issued_at=meta_text(m, "noi_ban_hanh"), theme=meta_text(m, "chu_de"),
        motto=meta_text(m, "phuong_cham"), period=_period(m.get("thoi_gian")),
        implements=tuple(
            DocRef(meta_text(d, "loai"), DocumentNumber.parse(meta_text(d, "so_ky_hieu")), _date(d.get("ngay")),
                   meta_text(d, "co_quan"), meta_text(d, "trich_yeu"), meta_text(d, "ke_hoach"))
            for d in meta_list(m.get("can_cu"))),
        movements=tuple(movements),
        milestones=tuple(Milestone(_date(x.get("ngay")), meta_text(x, "noi_dung"), meta_text(x, "loai") or "han")
                         for x in meta_list(m.get("moc_thoi_gian"))),
        targets=tuple(Target(x.get("so"), meta_text(x, "ten"), meta_text(x, "gia_tri"), meta_text(x, "don_vi"), meta_text(x, "nguyen_van"))
                      for x in meta_list(m.get("chi_tieu"))),
        tasks=tuple(Task(meta_text(x, "co_quan"), meta_text(x, "noi_dung"), _date(x.get("han")), meta_text(x, "muc"))
                    for x in meta_list(m.get("nhiem_vu"))),
        signer=Signer(meta_text(signer, "ho_ten"), meta_text(signer, "chuc_vu"), meta_text(signer, "hinh_thuc"), meta_text(signer, "thay_mat")),
        recipients=tuple(str(x) for x in meta_list(m.get("noi_nhan"))), source_file=meta_text(m, "nguon"),
    ))


def _build_exemplar(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    result.exemplars.append(Exemplar(
        id=entry.id, source=_source(entry), name=meta_text(m, "ten"), subject=meta_text(m, "doi_tuong"),
        place_id=meta_text(m, "dia_phuong"), field_name=meta_text(m, "linh_vuc"), summary=meta_text(m, "tom_tat"), body=entry.body,
        movement_ids=tuple(meta_list(m.get("phong_trao"))), plan_ids=tuple(meta_list(m.get("ke_hoach"))), date=_date(m.get("ngay")),
        awards=tuple(Award(meta_text(a, "hinh_thuc"), meta_text(a, "cap"), meta_text(a, "co_quan"), meta_text(a, "so_quyet_dinh"),
                           _date(a.get("ngay_quyet_dinh"))) for a in meta_list(m.get("khen_thuong"))),
        photo=meta_text(m, "anh"), source_note=meta_text(m, "nguon"), sample=bool(m.get("du_lieu_mau", False)),
    ))


def _build_movement(entry: RawEntry, result: LoadResult) -> None:
    result.movements.append(Movement.from_meta(entry.id, entry.meta, _source(entry), entry.body))


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
        if end.qualifier == "trước" or meta_text(data, "den").lower().startswith("trước"):
            last -= dt.timedelta(days=1)
    elif count and base:
        last, computed = workdays.add_working_days(base.start(), count), True
    return NoticePeriod(meta_text(data, "nguyen_van"), start, end, count, first, last, computed)


def _build_notice(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    posted, issued = _date(m.get("ngay_dang")), _date(m.get("ngay_thong_bao"))
    groups = []
    for g in meta_list(m.get("de_nghi")):
        nominees = tuple(Nominee(
            meta_text(n, "ten"), meta_text(n, "doi_tuong"), meta_text(n, "danh_xung"), meta_text(n, "chuc_vu"), meta_text(n, "don_vi"),
            meta_text(n, "dia_chi"), meta_text(n, "tom_tat"), _attachment(n.get("tep"), "Tóm tắt thành tích"),
            meta_text(n, "guong"), meta_text(n, "ket_qua")) for n in meta_list(g.get("danh_sach")))
        groups.append(NomineeGroup(meta_text(g, "hinh_thuc"), meta_text(g, "loai"), meta_text(g, "so_luong"), nominees))
    proposal = m.get("to_trinh") or {}
    response = m.get("gop_y") or {}
    result.notices.append(Notice(
        id=entry.id, source=_source(entry), title=meta_text(m, "tieu_de"), body_name=meta_text(m, "co_quan"),
        place_id=meta_text(m, "dia_phuong"), number=DocumentNumber.parse(meta_text(m, "so_thong_bao")), issued=issued,
        posted=posted, period=notice_period(m.get("thoi_han") or {}, posted, issued, result.workdays),
        response=Response(meta_text(response, "dia_chi"), meta_text(response, "thu_dien_tu"), meta_text(response, "dien_thoai"),
                          meta_text(response, "yeu_cau"), meta_text(response, "nguyen_van")),
        groups=tuple(groups),
        attachments=tuple(a for a in (_attachment(x.get("tep"), meta_text(x, "mo_ta")) for x in meta_list(m.get("tep_dinh_kem")))
                          if a),
        proposal_number=meta_text(proposal, "so"), proposal_date=_date(proposal.get("ngay")),
        proposal_body=meta_text(proposal, "co_quan"), legal_basis=tuple(str(x) for x in meta_list(m.get("can_cu"))),
        published_on=meta_text(m, "noi_dang"), body=entry.body, source_note=meta_text(m, "nguon"),
        sample=bool(m.get("du_lieu_mau", False)),
    ))


_BUILDERS = {KIND_PLAN: _build_plan, KIND_EXEMPLAR: _build_exemplar, KIND_MOVEMENT: _build_movement,
             KIND_NOTICE: _build_notice}
