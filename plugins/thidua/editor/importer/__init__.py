"""``thidua import``: an official plan (text, Markdown or .docx) -> a plan entry, and the list of what to fill in.

The importer reads what the document says and nothing more. What it cannot find stays empty and is listed under
"Cần điền" (must be filled before the entry passes ``thidua check``) or "Cần kiểm tra" (found, but worth a look:
a place inferred from context, a date with a blank day, a quoted movement not in the registry).
Movements are matched through :func:`thidua.core.matching.match_movement`, places through the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...core.dates import DateError, parse_date
from ...core.entryfile import render_entry
from ...core.matching import match_movement
from ...core import schema
from ...core.model import KIND_MOVEMENT, KIND_PLAN, Movement
from ...core.schema import model_of
from ..new_entry import entry_id
from ...core.places import PlaceRegistry
from ...core.vntext import canonical
from . import extract as x
from .placefind import find_place
from .source import (Paragraph, SourceError, clean, hard_wrapped, read_paragraphs, read_source, read_text, rewrap,
                     set_aside, untable)

__all__ = ["ImportResult", "import_plan", "import_text", "movements_of", "SourceError", "to_markdown"]


@dataclass
class ImportResult:
    meta: dict
    body: str
    entry_id: str
    to_fill: list[str] = field(default_factory=list)  # "field: what to write"
    to_review: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)  # optional fields the document does not give

    def text(self) -> str:
        header = []
        if self.to_fill:
            header += ["Cần điền trước khi gửi (thidua import không tìm thấy trong văn bản):"]
            header += [f"  - {item}" for item in self.to_fill]
        if self.to_review:
            header += ["Cần kiểm tra lại với văn bản gốc:"] + [f"  - {item}" for item in self.to_review]
        if header:
            header += ["Xóa các dòng ghi chú này khi đã xong; kiểm tra bằng: thidua check <tệp này>"]
        return render_entry(KIND_PLAN, self.meta, self.body, header=header)


_ROMAN_HEAD = re.compile(r"^(?:\*\*)?\s*([IVX]{1,5})\s*[./]\s+(.+?)(?:\*\*)?\s*$")
_NUMBER_START = re.compile(r"^(\s*(?:\*\*)?\s*)(\d{1,3})\.(\s)")


def to_markdown(paragraphs: list[Paragraph], type_index: int) -> str:
    """The full text as the body: Roman sections as headings, paragraph numbers kept (``1\\.``)."""
    out: list[str] = []
    for index, para in enumerate(paragraphs):
        line = para.markdown.strip()
        if index == type_index and not para.heading:
            line = f"**{para.text}**"
        elif index == type_index + 1 and type_index >= 0 and not para.heading and not line.startswith("**"):
            line = f"**{para.text}**"
        elif not para.heading and (m := _ROMAN_HEAD.match(para.text)) and para.text.split(".", 1)[-1].strip().isupper():
            line = f"## {m[1]}. {m[2].strip(' *')}"
        elif not para.bullet:
            line = _NUMBER_START.sub(lambda mm: f"{mm[1]}{mm[2]}\\.{mm[3]}", line)
        out.append(line)
    return "\n\n".join(out) + "\n"


def _movements(text: str, movements: list[Movement], place_names: list[str], theme: str, motto: str,
               references: list) -> tuple[list[dict], list[str]]:
    """Quoted wordings matched to the registry; quotations in a movement context that match nothing are listed."""
    refs: list[dict] = []
    unknown: list[str] = []
    seen_ids: set[str] = set()
    seen_unknown: set[str] = set()
    skip = {canonical(s) for s in (theme, motto) if s} | {canonical(r.summary) for r in references if r.summary}
    for position, wording in x.quotations(text):
        if canonical(wording) in skip or len(wording.split()) < 2:
            continue
        match = match_movement(wording, movements, place_names)
        if match.movement_id:
            if match.movement_id not in seen_ids:
                seen_ids.add(match.movement_id)
                refs.append({"ma": match.movement_id, "nguyen_van": wording})
            continue
        before = canonical(text[max(0, position - 160): position])
        if canonical(wording) in seen_unknown:
            continue  # a movement quoted again is listed once
        if "phong trào" in before or re.search(r"\(\d+\)\s*$", before):
            seen_unknown.add(canonical(wording))
            unknown.append(f"“{wording}” — {match.reason}")
    return refs, unknown


def import_text(text: str, source_name: str, places: PlaceRegistry, movements: list[Movement]) -> ImportResult:
    text, hints = set_aside(text)
    text = untable(text)
    if hard_wrapped(text):  # copied out of a PDF: lines broken inside sentences
        text = rewrap(text)
    paragraphs = read_paragraphs(text)
    if not paragraphs:
        raise SourceError("tệp không có nội dung")
    full = "\n".join(p.text for p in paragraphs)
    header = x.read_header(paragraphs, full)
    fill: list[str] = []
    review: list[str] = []
    missing: list[str] = []

    issuer = header.issuer
    if issuer:
        completed, how = x.complete_issuer(issuer, header.issued_at, full,
                                           hints.get("Nơi ban hành") or hints.get("Cơ quan ban hành", ""))
        if not completed and canonical(issuer) in x.BARE_BODIES:
            # "ỦY BAN NHÂN DÂN" alone and no place line: the plan may name itself in its opening sentence.
            named, how = x.find_self_issuer(paragraphs, "")
            completed = named if canonical(named).startswith(canonical(issuer) + " ") else ""
        if completed:
            issuer = completed
            review.append(how)
    if not issuer:
        issuer, how = x.find_self_issuer(paragraphs, header.issued_at)
        if issuer:
            review.append(how)
    if not issuer:
        fill.append("co_quan_ban_hanh: văn bản không có tên cơ quan ban hành ở đầu và không tự nêu tên; "
                    "ghi tên cơ quan như trên bản ký, ví dụ “Ủy ban nhân dân huyện Bố Trạch”" + _hint(hints, "Cơ quan ban hành",
                                                                                                 "Nơi ban hành"))

    if not header.number_found:
        review.append("văn bản không có dòng “Số: …”: để so_ky_hieu là \"\" (văn bản không số); nếu bản ký có số, ghi vào"
                      + _hint(hints, "Số hiệu"))
    elif header.number.startswith("/"):
        review.append(f"số văn bản để trống (“Số: {header.number}”): giữ nguyên, hoặc ghi số đầy đủ nếu bản ký có số")

    issued = header.issued
    if header.date_precision_note:
        review.append(header.date_precision_note)
    if not issued:
        review.append("văn bản không ghi ngày ban hành: để ngay_ban_hanh là \"\"; nếu bản ký có ngày, ghi vào")
    try:
        issued_value = parse_date(issued)
    except DateError:
        issued_value = parse_date("")
        fill.append(f"ngay_ban_hanh: không đọc được ngày “{issued}”; ghi như văn bản, ví dụ “12/02/2020”")
        issued = ""

    title = x.read_title(paragraphs, header.type_index)
    if not title:
        fill.append("trich_yeu: không tìm thấy trích yếu (dòng sau chữ KẾ HOẠCH); chép tên văn bản vào")

    finding = find_place(places, issuer, header.parent_issuer, full, issued_value)
    if finding.place_id:
        if finding.note:
            review.append(finding.note)
    else:
        hint = f" Các mã có thể: {', '.join(finding.candidates)}." if finding.candidates else ""
        fill.append(f"dia_phuong: {finding.problem}.{hint} Ghi mã địa phương tại thời điểm ban hành "
                    "(xem trang Địa phương; thidua check gợi ý mã gần đúng)")

    theme = x.quoted_after(full, r"chủ đề")
    motto = x.quoted_after(full, r"phương châm(?: hành động)?")
    references = x.read_references(full, header.number)
    for ref in references:
        if not ref.number:
            fill.append(f"can_cu: “{ref.kind} {ref.summary}” được dẫn làm căn cứ nhưng văn bản không ghi số; ghi "
                        "so_ky_hieu của văn bản đó (tra Công báo), hoặc xóa mục này nếu không cần")
    place_names = [header.issued_at] if header.issued_at else []
    if finding.place_id:
        place_names += [p.name for p in [places.get(finding.place_id), *places.ancestors(finding.place_id)] if p]
    movement_refs, unknown = _movements(full, movements, place_names, theme, motto, references)
    for item in unknown:
        review.append(f"phong trào chưa có trong sổ phong trào: {item}")
    window = x.read_period(full, issued)
    tasks, orphans = x.read_tasks(paragraphs)
    for orphan in orphans[:5]:
        review.append(f"đoạn trong “Tổ chức thực hiện” không rõ cơ quan, chưa đưa vào nhiem_vu: “{orphan[:90]}…”")
    for task in tasks:
        if not task["han"] and (phrase := x.yearless_deadline(task["noi_dung"])):
            fill.append(f"nhiem_vu ({task['co_quan']}, mục {task['muc']}): hạn “{phrase}” không ghi năm nên để trống "
                        "han; nếu bản ký cho biết năm, ghi han đủ ngày/tháng/năm")
    milestones = x.read_milestones(full, tasks)
    targets = x.read_targets(paragraphs)
    signer = x.read_signer(paragraphs, full)
    recipients = x.read_recipients(paragraphs)

    for key, value, label in (("chu_de", theme, "chủ đề"), ("phuong_cham", motto, "phương châm"),
                              ("can_cu", references, "văn bản căn cứ"), ("phong_trao", movement_refs, "phong trào"),
                              ("thoi_gian", window.start or window.end, "thời gian đợt thi đua"),
                              ("chi_tieu", targets, "chỉ tiêu đánh số"), ("nhiem_vu", tasks, "nhiệm vụ theo cơ quan"),
                              ("nguoi_ky", signer["ho_ten"], "người ký"), ("noi_nhan", recipients, "nơi nhận")):
        if not value:
            missing.append(f"{key} ({label})")
    if not signer["ho_ten"]:
        review.append("không tìm thấy tên người ký ở cuối văn bản: điền nguoi_ky nếu bản ký có" + _hint(hints, "Người ký"))

    meta = {
        "so_ky_hieu": header.number if header.number_found else "",
        "loai_van_ban": header.doc_type or "Kế hoạch",
        "co_quan_ban_hanh": issuer,
        "co_quan_chu_quan": header.parent_issuer,
        "dia_phuong": finding.place_id,
        "noi_ban_hanh": header.issued_at,
        "ngay_ban_hanh": issued,
        "trich_yeu": title,
        "chu_de": theme,
        "phuong_cham": motto,
        "thoi_gian": {"tu": window.start, "den": window.end, "nguyen_van": window.original,
                      **({"dot": window.rounds} if window.rounds else {})},
        "can_cu": [{"loai": r.kind, "so_ky_hieu": r.number, "ngay": r.date, "co_quan": r.issuer,
                    "trich_yeu": r.summary} for r in references],
        "phong_trao": movement_refs,
        "moc_thoi_gian": milestones,
        "chi_tieu": targets,
        "nhiem_vu": tasks,
        "nguoi_ky": signer,
        "noi_nhan": recipients,
        "nguon": source_name,
    }
    if not window.rounds:
        meta["thoi_gian"].pop("dot", None)
    _keep_the_letter(meta, "\n".join(clean(line) for line in text.split("\n")), fill)
    body = to_markdown(paragraphs, header.type_index)
    return ImportResult(meta, body, entry_id(KIND_PLAN, meta, places), _once(fill), _once(review), _once(missing))


def _hint(hints: dict[str, str], *keys: str) -> str:
    """What a website's metadata block says, for the editor to compare: never written into a field."""
    found = [f"{key}: “{hints[key]}”" for key in keys if hints.get(key)]
    return f" (khối thông tin của trang web ghi {'; '.join(found)} — chỉ để đối chiếu, hãy theo bản ký)" if found else ""


def _once(items: list[str]) -> list[str]:
    """Each thing to fill or check once, in the order it was found (the document's order within each part)."""
    seen: set[str] = set()
    out = []
    for item in items:
        if canonical(item) not in seen:
            seen.add(canonical(item))
            out.append(item)
    return out


# --- the letter kept --------------------------------------------------------------------------------------------

# Text fields that are not quotations of the document: a category, a section reference, a code, the file name.
_NOT_QUOTED = {"loai_van_ban", "nguon", "nhiem_vu.muc", "moc_thoi_gian.loai"}
# Names the importer may put together from two places of the document (the header's body name and the place
# line; "KT." above "TM."): each piece must be the document's own words, and the import says so for review.
_COMPOSED = {"co_quan_ban_hanh", "co_quan_chu_quan", "nguoi_ky.thay_mat"}
_MARKUP = re.compile(r"[\s*_`#\\]+")


def letters(text: str) -> str:
    """The text for span comparison: case, tone-mark placement, white space and Markdown marks aside."""
    return _MARKUP.sub("", canonical(text))


def is_span(value: str, source: str, pieces: int = 1) -> bool:
    """Whether ``value`` is a verbatim span of ``source`` (as :func:`letters`), or at most ``pieces`` spans."""
    target = letters(value)
    if not target or target in source:
        return True
    if pieces < 2:
        return False
    words = value.split()
    for cut in range(1, len(words)):
        if letters(" ".join(words[:cut])) in source and is_span(" ".join(words[cut:]), source, pieces - 1):
            return True
    return False


def text_values(meta: dict) -> list[tuple[str, object, object]]:
    """(path, container, key) of every quoted text value of a plan's fields, for checking against the source."""
    out = []
    by_key = {f.key: f for f in schema.SCHEMAS[KIND_PLAN]}

    def walk(fields, data: dict, prefix: str) -> None:
        for f in fields:
            path = f"{prefix}{f.key}"
            if path in _NOT_QUOTED or f.key not in data:
                continue
            value = data[f.key]
            if f.kind in (schema.STR, schema.TEXT) and isinstance(value, str):
                out.append((path, data, f.key))
            elif f.kind == schema.LIST_STR and isinstance(value, list):
                out.extend((path, value, i) for i in range(len(value)))
            elif f.kind == schema.MAP and isinstance(value, dict):
                walk(f.fields, value, f"{path}.")
            elif f.kind == schema.LIST_MAP and isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        walk(f.fields, item, f"{path}.")
    walk(by_key.values(), meta, "")
    return out


def _keep_the_letter(meta: dict, source: str, fill: list[str]) -> None:
    """Every quoted value is the document's own words; one that is not is taken out and listed for the editor."""
    src = letters(source)
    dropped: list[tuple[object, object]] = []
    for path, container, key in text_values(meta):
        value = container[key]
        if not isinstance(value, str) or is_span(value, src, 2 if path in _COMPOSED else 1):
            continue
        fill.append(f"{path}: không lấy được nguyên văn từ văn bản (“{' '.join(value.split())[:80]}”); "
                    "chép đúng từ bản ký")
        if isinstance(container, list):
            dropped.append((container, value))
        else:
            container[key] = ""
    for container, value in dropped:
        container.remove(value)
    # An item of a list whose required words were taken out is no item: the editor gets it from the list above.
    for key, required in (("nhiem_vu", ("co_quan", "noi_dung")), ("moc_thoi_gian", ("noi_dung",)),
                          ("chi_tieu", ("ten",))):
        meta[key] = [item for item in meta.get(key) or [] if all(item.get(k) for k in required)]


def movements_of(raw_entries: list) -> list[Movement]:
    """The movement registry from the raw entries, so the importer works even while other entries have errors."""
    out = []
    for entry in raw_entries:
        if entry.kind != "movement" or not entry.readable:
            continue
        out.append(model_of(KIND_MOVEMENT, entry.id, entry.meta))
    return out


def import_plan(path: Path, places: PlaceRegistry, movements: list[Movement]) -> ImportResult:
    text, how = read_source(path)
    result = import_text(text, path.name, places, movements)
    if how == "ocr":
        _mark_ocr(result)
    return result


def _mark_ocr(result: ImportResult) -> None:
    """A scan read by OCR: every field filled from it is listed for checking against the paper, first."""
    filled = []
    for key, value in result.meta.items():
        if key == "nguon" or not value or (isinstance(value, dict) and not any(value.values())):
            continue
        shown = value if isinstance(value, str) else f"{len(value)} mục" if isinstance(value, list) else "…"
        filled.append(f"{key} (đọc bằng OCR: “{shown}”): đối chiếu từng chữ với bản giấy")
    result.to_review[:0] = ["văn bản là bản quét, chữ được đọc bằng nhận dạng chữ (OCR) và có thể sai: mọi trường "
                            "dưới đây phải đối chiếu với bản giấy"] + filled
