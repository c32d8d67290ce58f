"""``thidua new``: a new entry file with every key of its kind, Vietnamese comments, and a name made from its data.

The keys, labels and examples come from :mod:`thidua.core.schema`; this module only decides which keys are the
essentials to ask for, what the file is called, and refuses to overwrite a file that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..core import schema as s
from ..core.dates import DateError, parse_date
from ..core.entryfile import render_entry
from ..core.model import DocumentNumber, KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN
from ..core.places import PlaceRegistry
from ..core.vntext import nfc, slugify

__all__ = ["KIND_BY_WORD", "ESSENTIALS", "NewEntry", "entry_id", "new_entry", "check_answer", "write_new"]

KIND_BY_WORD = {"ke-hoach": KIND_PLAN, "guong": KIND_EXEMPLAR, "phong-trao": KIND_MOVEMENT, "lay-y-kien": KIND_NOTICE}

# What an editor must give before the file can pass `thidua check`: the required keys of the kind,
# except those with an obvious default.
ESSENTIALS = {
    KIND_PLAN: ("so_ky_hieu", "co_quan_ban_hanh", "dia_phuong", "ngay_ban_hanh", "trich_yeu"),
    KIND_EXEMPLAR: ("ten", "doi_tuong", "dia_phuong", "linh_vuc", "tom_tat"),
    KIND_MOVEMENT: ("ten", "cap"),
    KIND_NOTICE: ("tieu_de", "co_quan", "dia_phuong", "ngay_dang"),
}
DEFAULTS = {
    KIND_PLAN: {"loai_van_ban": "Kế hoạch"},
    KIND_EXEMPLAR: {"du_lieu_mau": False},
    KIND_MOVEMENT: {},
    KIND_NOTICE: {"du_lieu_mau": False},
}
BODIES = {
    KIND_PLAN: "<!-- Dán toàn văn kế hoạch ở đây. Dùng “## ” cho các mục La Mã (I., II., III.) "
               "và “1\\.” (có dấu \\) để giữ số thứ tự đoạn. -->\n",
    KIND_EXEMPLAR: "<!-- Viết bài giới thiệu gương điển hình ở đây: việc làm, kết quả, ý nghĩa. -->\n",
    KIND_MOVEMENT: "<!-- Mô tả ngắn về phong trào: ai phát động, khi nào, nhằm mục đích gì. -->\n",
    KIND_NOTICE: "<!-- Dán toàn văn thông báo lấy ý kiến nhân dân ở đây, đúng như đã đăng. Điền thoi_han, de_nghi và "
                 "gop_y ở phần khai báo phía trên (xem docs/bien-tap/lay-y-kien.md). -->\n",
}
_MAX_SLUG = 70


def fields_of(kind: str) -> dict[str, s.Field]:
    return {f.key: f for f in s.SCHEMAS[kind]}


def _short_slug(text: str) -> str:
    slug = slugify(text)
    if len(slug) <= _MAX_SLUG:
        return slug
    return slug[:_MAX_SLUG].rsplit("-", 1)[0]


def _year(value: object) -> str:
    try:
        date = parse_date(value)
    except DateError:
        return ""
    return str(date.year) if date.year else ""


def entry_id(kind: str, meta: dict, places: PlaceRegistry) -> str:
    """The file name (without .md) made from the data: where, which document or who, and when."""
    place = places.get(str(meta.get("dia_phuong") or ""))
    where = slugify(place.name) if place else ""
    if kind == KIND_PLAN:
        where = slugify(str(meta.get("noi_ban_hanh") or "")) or where
        number = DocumentNumber.parse(str(meta.get("so_ky_hieu") or ""))
        if number.number is not None:
            what = slugify(number.normalized)
        else:
            what = _short_slug(str(meta.get("co_quan_ban_hanh") or ""))[:40].rsplit("-", 1)[0]
            if number.symbol:
                what = "-".join(p for p in (what, slugify(number.symbol)) if p)
        parts = [where, what, _year(meta.get("ngay_ban_hanh"))]
    elif kind == KIND_EXEMPLAR:
        parts = [_short_slug(str(meta.get("ten") or "")), where]
    elif kind == KIND_NOTICE:
        parts = ["lay-y-kien", _short_slug(str(meta.get("co_quan") or ""))[:40].rsplit("-", 1)[0],
                 _year(meta.get("ngay_dang") or meta.get("ngay_thong_bao"))]
    else:
        parts = [_short_slug(str(meta.get("ten") or ""))]
    slug = "-".join(p for p in parts if p)
    slug = re.sub(r"-+", "-", slug).strip("-")
    return slug or {KIND_PLAN: "ke-hoach-moi", KIND_EXEMPLAR: "guong-moi", KIND_MOVEMENT: "phong-trao-moi",
                    KIND_NOTICE: "lay-y-kien-moi"}[kind]


def check_answer(kind: str, key: str, answer: str, places: PlaceRegistry, movements: set[str] = frozenset()
                 ) -> tuple[object, str]:
    """(value, "") for a good answer, or (None, Vietnamese reason and what would be right)."""
    field = fields_of(kind)[key]
    answer = nfc(answer).strip()
    if field.kind == s.TEXT and not answer:
        return None, f"“{key}” không được để trống."
    if field.choices and answer not in field.choices:
        return None, f"chọn một trong: {', '.join(field.choices)}."
    if field.kind == s.DATE:
        try:
            parse_date(answer)
        except DateError as error:
            return None, f"{error}."
    if field.kind == s.INT:
        if not answer.isdigit():
            return None, "cần một số, ví dụ 2011."
        return int(answer), ""
    if field.kind == s.REF and field.ref == "place":
        if answer not in places:
            close = places.suggestions(answer)
            hint = f" Có phải là: {', '.join(close)}?" if close else ""
            return None, f"không có địa phương mã “{answer}”.{hint}"
    if field.kind == s.REF and field.ref == "movement" and answer and movements and answer not in movements:
        return None, f"không có phong trào mã “{answer}”."
    return answer, ""


@dataclass
class NewEntry:
    kind: str
    meta: dict
    entry_id: str
    text: str
    missing: list[str] = field(default_factory=list)


def new_entry(kind: str, given: dict, places: PlaceRegistry) -> NewEntry:
    """Every key of the kind, the given values filled in, and the list of essentials still missing."""
    meta = {**DEFAULTS[kind], **{k: v for k, v in given.items() if v is not None}}
    missing = [key for key in ESSENTIALS[kind] if key not in meta or (meta[key] == "" and key != "so_ky_hieu"
                                                                      and key != "ngay_ban_hanh")]
    header = []
    if missing:
        header = ["Cần điền trước khi gửi: " + ", ".join(missing) + ".",
                  "Kiểm tra bằng lệnh: thidua check <tệp này>"]
    return NewEntry(kind, meta, entry_id(kind, meta, places),
                    render_entry(kind, meta, BODIES[kind], header=header), missing)


def ask_missing(kind: str, given: dict, places: PlaceRegistry, ask: Callable[[str], str],
                say: Callable[[str], None], movements: set[str] = frozenset()) -> dict:
    """Ask for each missing essential until the answer is acceptable; an empty answer leaves it for later."""
    answers = dict(given)
    fields = fields_of(kind)
    for key in ESSENTIALS[kind]:
        if answers.get(key) not in (None, ""):
            continue
        field = fields[key]
        example = field.example if field.example is not None else ""
        choices = f" [{' | '.join(field.choices)}]" if field.choices else ""
        while True:
            reply = ask(f"{field.label}{choices} (ví dụ: {example}; Enter để điền sau): ")
            if not reply.strip():
                break
            value, problem = check_answer(kind, key, reply, places, movements)
            if not problem:
                answers[key] = value
                break
            say(f"  Chưa đúng: {problem}")
    return answers


def write_new(entry: NewEntry, folder: Path, output: Path | None = None) -> Path:
    """Write the file; never overwrite. Raises FileExistsError with the path that exists."""
    target = output if output is not None else folder / f"{entry.entry_id}.md"
    if target.exists():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": fail rather than overwrite, even in a race
        handle.write(entry.text)
    return target
