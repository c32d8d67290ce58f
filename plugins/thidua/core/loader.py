"""Files -> raw entries -> diagnostics -> model. The one entry point both the build and the CLI use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .dates import UNKNOWN, DateError, DateValue, parse_date
from .diagnostics import ERROR, Diagnostic
from .frontmatter import RawEntry, read_entry
from .gcpause import collector_paused
from .model import (
    KIND_EXEMPLAR, KIND_MOVEMENT, KIND_PLAN, Award, DocRef, DocumentNumber, Exemplar, Milestone, Movement,
    MovementRef, Period, Plan, Signer, Source, Target, Task,
)
from .places import PlaceRegistry, load_registry
from .validate import check

__all__ = ["ContentDirs", "LoadResult", "load", "collect_files"]


@dataclass(frozen=True)
class ContentDirs:
    """Where each kind of entry lives, relative to the project root (the folder of mkdocs.yml)."""

    plans: str = "plans"
    exemplars: str = "exemplars"
    movements: str = "movements"
    places_extra: str = ""

    def by_kind(self) -> dict[str, str]:
        return {KIND_PLAN: self.plans, KIND_EXEMPLAR: self.exemplars, KIND_MOVEMENT: self.movements}


@dataclass
class LoadResult:
    raw: list[RawEntry]
    diagnostics: list[Diagnostic]
    places: PlaceRegistry
    plans: list[Plan] = field(default_factory=list)
    exemplars: list[Exemplar] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)

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
    result = LoadResult(raw, diagnostics, places)
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
    ))


def _build_movement(entry: RawEntry, result: LoadResult) -> None:
    m = entry.meta
    result.movements.append(Movement(
        id=entry.id, source=_source(entry), name=_text(m, "ten"), level=_text(m, "cap"), body=entry.body,
        launched_by=_text(m, "phat_dong_boi"), year=m.get("nam"), parent_id=_text(m, "phong_trao_cha"),
        place_id=_text(m, "dia_phuong"), wordings=tuple(str(x) for x in _list(m.get("cach_goi"))),
    ))


_BUILDERS = {KIND_PLAN: _build_plan, KIND_EXEMPLAR: _build_exemplar, KIND_MOVEMENT: _build_movement}
