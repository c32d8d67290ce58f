"""Every check on entries, returning diagnostics (file, line, field, message, fix) — never stopping at the first.

The build and ``thidua check`` both call :func:`check`; nothing else decides whether an entry is valid.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections import defaultdict
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from . import schema as s
from .dates import DateError, DateValue, parse_date
from .diagnostics import ERROR, WARNING, Diagnostic, describe_value
from .bodyimages import BodyImage, body_images, is_remote, local_path, site_path
from .frontmatter import RawEntry
from .matching import MovementMatch, match_movement
from .model import KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN, DocumentNumber
from .photos import PhotoCache, check_photo
from .places import PlaceRegistry
from .vntext import fold, slugify

__all__ = ["check", "Known", "RESERVED_IDS", "valid_email", "valid_phone", "phone_digits"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Names under an entry's folder that the portal generates itself: the list page (index; README is read as an
# index by MkDocs), its pages (trang/…), calendars and the like. An entry with one of these names would lose its
# page to the generated one, or take it.
RESERVED_IDS = frozenset({"index", "readme", "trang", "lich", "tim-kiem", "tra-cuu", "du-lieu", "anh", "ban-tin"})

_TYPE_NAMES = {
    s.STR: "một chuỗi chữ", s.TEXT: "một chuỗi chữ", s.INT: "một số nguyên", s.BOOL: "true hoặc false",
    s.DATE: "một ngày tháng", s.REF: "một mã", s.LIST_STR: "một danh sách", s.LIST_REF: "một danh sách mã",
    s.MAP: "một nhóm trường", s.LIST_MAP: "một danh sách",
}
_REF_NAMES = {"place": "địa phương", "movement": "phong trào", "plan": "kế hoạch", "exemplar": "gương"}
_REF_WHERE = {
    "place": "xem danh sách mã tại trang Địa phương hoặc thêm đơn vị vào sổ địa phương",
    "movement": "tạo tệp movements/<mã>.md hoặc dùng mã đã có",
    "plan": "tạo tệp plans/<mã>.md hoặc dùng mã đã có",
    "exemplar": "tạo tệp exemplars/<mã>.md hoặc dùng mã đã có",
}


@dataclass
class Known:
    """The ids that references may point to, gathered from every file name before any check runs, and the names
    editors write instead of them (a movement's name or wording, a plan's number), for suggestions."""

    ids: dict[str, set[str]]
    places: PlaceRegistry
    names: dict[str, dict[str, set[str]]] = dataclasses.field(default_factory=dict)  # ref -> folded name -> ids

    def has(self, ref: str, value: str) -> bool:
        return value in self.places if ref == "place" else value in self.ids.get(ref, set())

    def suggest(self, ref: str, value: str) -> list[str]:
        if ref == "place":  # by id or by name, former and current units, each with its province and validity
            return self.places.suggestions(value)
        by_name = sorted(self.names.get(ref, {}).get(_name_key(value), ()))
        pool = {fold(i): i for i in self.ids.get(ref, set())}
        close = [pool[m] for m in difflib.get_close_matches(fold(value), list(pool), n=3, cutoff=0.6)]
        return list(dict.fromkeys(by_name + close))[:3]


def _name_key(text: object) -> str:
    """A name as compared for suggestions: folded, quotes and spacing aside ("Doanh nghiệp …" = "doanh nghiep …")."""
    return " ".join(fold(str(text)).replace("“", " ").replace("”", " ").replace('"', " ").split())


def _names(entries: list[RawEntry]) -> dict[str, dict[str, set[str]]]:
    """What editors call movements and plans, folded: a movement's name and wordings, a plan's number."""
    names: dict[str, dict[str, set[str]]] = {"movement": defaultdict(set), "plan": defaultdict(set)}
    for entry in entries:
        if entry.kind == KIND_MOVEMENT:
            movement = s.model_of(KIND_MOVEMENT, entry.id, entry.meta)
            for name in (movement.name, *movement.wordings):
                if name.strip():
                    names["movement"][_name_key(name)].add(entry.id)
        elif entry.kind == KIND_PLAN:
            number = entry.meta.get("so_ky_hieu")
            if isinstance(number, str) and DocumentNumber.parse(number).given:
                names["plan"][_name_key(number)].add(entry.id)
    return names


def _example(field: s.Field) -> str:
    value = field.example
    if value is None:
        return f"{field.key}: …"
    if isinstance(value, list):
        return f"{field.key}: [{', '.join(map(str, value))}]"
    if isinstance(value, str):
        return f'{field.key}: "{value}"'
    return f"{field.key}: {str(value).lower() if isinstance(value, bool) else value}"


class _Checker:
    def __init__(self, entry: RawEntry, known: Known, out: list[Diagnostic]) -> None:
        self.entry, self.known, self.out = entry, known, out

    def report(self, path: str, message: str, fix: str = "", severity: str = ERROR) -> None:
        self.out.append(Diagnostic(self.entry.path, self.entry.line_of(path), path, message, fix, severity))

    def mapping(self, fields: tuple[s.Field, ...], data: dict, prefix: str) -> None:
        by_key = {f.key: f for f in fields}
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            field = by_key.get(str(key))
            if field is None:
                close = difflib.get_close_matches(str(key), list(by_key), n=1, cutoff=0.5)
                hint = f"có phải là “{close[0]}”? " if close else ""
                self.report(path, f"trường “{key}” không có trong mẫu khai báo.",
                            f"{hint}Các trường hợp lệ: {', '.join(by_key)}.")
                continue
            self.value(field, value, path)
        for field in fields:
            if field.required and field.key not in data:
                where = f"trong “{prefix}” " if prefix else ""
                self.report(prefix or field.key, f"thiếu trường bắt buộc “{field.key}” {where}({field.label}).",
                            f"thêm dòng `{_example(field)}`.")

    def value(self, field: s.Field, value: object, path: str) -> None:
        kind = field.kind
        if value is None and kind in (s.STR, s.DATE, s.LIST_STR, s.LIST_REF, s.LIST_MAP):
            # An empty key means "the document does not say"; for a list it is the empty list, so that the
            # commented example items `thidua new` writes under `khen_thuong:` stay valid when uncommented.
            return
        if kind in (s.STR, s.TEXT):
            if not isinstance(value, str):
                self.report(path, f"cần {_TYPE_NAMES[kind]}, nhận được {_describe(value)}.",
                            f"đặt giá trị trong ngoặc kép, ví dụ `{_example(field)}`.")
            elif kind == s.TEXT and not value.strip():
                self.report(path, f"“{field.key}” ({field.label}) không được để trống.", f"ví dụ `{_example(field)}`.")
            elif field.choices and value not in field.choices:
                close = difflib.get_close_matches(fold(value), field.choices, n=1, cutoff=0.4)
                hint = f"có phải là “{close[0]}”? " if close else ""
                self.report(path, f"giá trị “{value}” không hợp lệ.",
                            f"{hint}Chọn một trong: {', '.join(field.choices)}.")
        elif kind == s.INT:
            if isinstance(value, bool) or not isinstance(value, int):
                self.report(path, f"cần {_TYPE_NAMES[kind]}, nhận được {_describe(value)}.",
                            f"viết số không có ngoặc kép, ví dụ `{_example(field)}`.")
        elif kind == s.BOOL:
            if not isinstance(value, bool):
                self.report(path, f"cần true hoặc false, nhận được {_describe(value)}.", "viết `true` hoặc `false`.")
        elif kind == s.DATE:
            try:
                parse_date(value)
            except DateError as error:
                self.report(path, f"{error}.", "ghi ngày đúng như văn bản, ví dụ “12/02/2020” hoặc “tháng 6/2020”.")
        elif kind == s.REF:
            self.ref(field, value, path)
        elif kind in (s.LIST_STR, s.LIST_REF):
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list):
                self.report(path, f"cần {_TYPE_NAMES[kind]}, nhận được {_describe(value)}.",
                            f"viết dạng `{_example(field)}`.")
                return
            for index, item in enumerate(items):
                item_path = f"{path}[{index}]"
                if kind == s.LIST_REF:
                    self.ref(field, item, item_path)
                elif not isinstance(item, str):
                    self.report(item_path, f"cần một chuỗi chữ, nhận được {_describe(item)}.",
                                "đặt giá trị trong ngoặc kép.")
        elif kind == s.MAP:
            if not isinstance(value, dict):
                self.report(path, f"cần {_TYPE_NAMES[kind]} ({', '.join(f.key for f in field.fields)}), "
                                  f"nhận được {_describe(value)}.", "viết mỗi trường con trên một dòng, thụt vào hai dấu cách.")
                return
            self.mapping(field.fields, value, path)
        elif kind == s.LIST_MAP:
            if not isinstance(value, list):
                self.report(path, f"cần {_TYPE_NAMES[kind]}, nhận được {_describe(value)}.",
                            "mỗi mục bắt đầu bằng “- ” trên một dòng riêng.")
                return
            for index, item in enumerate(value):
                item_path = f"{path}[{index}]"
                if field.shorthand and isinstance(item, str):
                    item = {field.shorthand: item}
                if not isinstance(item, dict):
                    self.report(item_path, f"mỗi mục cần các trường {', '.join(f.key for f in field.fields)}, "
                                           f"nhận được {_describe(item)}.", "viết mục dạng “- truong: giá trị”.")
                    continue
                self.mapping(field.fields, item, item_path)

    def ref(self, field: s.Field, value: object, path: str) -> None:
        name = _REF_NAMES[field.ref]
        if not isinstance(value, str) or not value.strip():
            self.report(path, f"cần mã {name}, nhận được {_describe(value)}.", f"ví dụ `{_example(field)}`.")
            return
        if not self.known.has(field.ref, value):
            close = self.known.suggest(field.ref, value)
            hint = f"có phải là “{'”, “'.join(close)}”? " if close else ""
            self.report(path, f"không có {name} nào mang mã “{value}”.", f"{hint}{_REF_WHERE[field.ref]}.".strip())


def _describe(value: object) -> str:
    return describe_value(value)


def _check_period(checker: _Checker, data: object, path: str) -> None:
    if not isinstance(data, dict):
        return
    try:
        start, end = parse_date(data.get("tu")), parse_date(data.get("den"))
    except DateError:
        return  # already reported by the field check
    if start.known and end.known and start.first_day() > end.last_day():
        checker.report(f"{path}.den", f"ngày kết thúc “{end.original}” trước ngày bắt đầu “{start.original}”.",
                       "kiểm tra lại thứ tự hoặc năm của hai ngày.")
    for index, round_ in enumerate(data.get("dot") or []):
        _check_period(checker, round_, f"{path}.dot[{index}]")


_FILE_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".webp", ".gif")
_IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff")


def _check_file(checker: _Checker, project_root: Path, path: str, value: str, images_only: bool = False,
                photos: PhotoCache | None = None) -> None:
    """A file an entry points to (a photo, a notice's attachment): inside the repository, present, readable.
    ``photos``: where an image's verdict is kept for the same bytes, name and limits (core.photos.PhotoCache)."""
    target = (project_root / checker.entry.path).parent / value
    noun = "ảnh" if images_only else "tệp"
    folder = project_root / checker.entry.path.split("/", 1)[0]
    if not Path(os.path.realpath(target)).is_relative_to(os.path.realpath(folder)) or _linked(folder, target):
        # Inside the entry's content folder and reached without a link: else any file of the build host could be
        # published as a "photo" or an attachment.
        checker.report(path, f"{noun} “{value}” nằm ngoài kho nội dung (ngoài thư mục {folder.name}/) hoặc đi qua "
                             "một liên kết tượng trưng (symlink).",
                       f"chép {noun} vào thư mục của tệp này (ví dụ exemplars/anh/) và ghi đường dẫn tương đối."
                       if images_only else "chép tệp vào thư mục của tệp này và ghi đường dẫn tương đối.")
    elif not target.is_file():
        checker.report(path, f"không tìm thấy {'tệp ảnh' if images_only else 'tệp'} “{value}”.",
                       f"đặt {noun} cạnh tệp này (hoặc trong thư mục con) và ghi đường dẫn tương đối.")
    elif not images_only and target.suffix.lower() not in _FILE_TYPES:
        checker.report(path, f"tệp “{value}” có đuôi “{target.suffix}”, cổng chỉ đăng PDF hoặc ảnh.",
                       "lưu lại thành PDF (hoặc JPEG, PNG) rồi sửa đường dẫn.")
    elif images_only or target.suffix.lower() in _IMAGE_TYPES:
        if problem := (photos.check(target) if photos is not None else check_photo(target)):
            checker.report(path, *problem)
    elif target.stat().st_size > MAX_FILE_BYTES:
        checker.report(path, f"tệp “{value}” nặng {target.stat().st_size / 1024 / 1024:.1f} MB, quá giới hạn "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB.", "nén hoặc tách tệp PDF rồi thay tệp.")
    elif target.read_bytes()[:5] != b"%PDF-":
        checker.report(path, f"tệp “{value}” không phải PDF đọc được.", "xuất lại tệp thành PDF.")


MAX_FILE_BYTES = 20 * 1024 * 1024
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 .()\-]*[0-9]$")


def phone_digits(value: str) -> str:
    """A phone number as a tel: link dials it: digits, and a leading + kept."""
    digits = re.sub(r"\D", "", value)
    return ("+" + digits) if value.strip().startswith("+") else digits


def valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip())) and len(value.strip()) <= 254


def valid_phone(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return bool(_PHONE.match(value.strip())) and 8 <= len(digits) <= 13


# Words of an award's name (folded) that tell its form: a group whose ``loai`` says otherwise is likely a slip.
_FORM_WORDS = (
    ("chien si thi dua toan quoc", "chien-si-thi-dua-toan-quoc"), ("co thi dua cua chinh phu", "co-thi-dua-chinh-phu"),
    ("bang khen cua thu tuong", "bang-khen-thu-tuong"), ("giai thuong ho chi minh", "giai-thuong-ho-chi-minh"),
    ("giai thuong nha nuoc", "giai-thuong-nha-nuoc"), ("huan chuong", "huan-chuong"), ("huy chuong", "huy-chuong"),
    ("ky niem chuong", "ky-niem-chuong"), ("anh hung", "danh-hieu-vinh-du-nha-nuoc"),
    *((f"{who} {grade}", "danh-hieu-vinh-du-nha-nuoc") for who in ("nha giao", "thay thuoc", "nghe si", "nghe nhan")
      for grade in ("nhan dan", "uu tu")),
)


def _award_form(award: str) -> str:
    folded = fold(award).lower()
    return next((form for words, form in _FORM_WORDS if words in folded), "")


def _check_notice(checker: _Checker, project_root: Path | None) -> None:
    """What the schema cannot say of a notice: the period, the ways to respond, the files, someone to consult on."""
    meta = checker.entry.meta
    period = meta.get("thoi_han")
    if isinstance(period, dict):
        parsed: tuple[DateValue, DateValue, DateValue] | None
        try:
            parsed = parse_date(period.get("tu")), parse_date(period.get("den")), parse_date(meta.get("ngay_dang"))
        except DateError:
            parsed = None  # already reported by the field check
        count = period.get("so_ngay_lam_viec")
        count_ok = isinstance(count, int) and not isinstance(count, bool)
        if isinstance(count, int) and count_ok and not 1 <= count <= 120:
            checker.report("thoi_han.so_ngay_lam_viec", f"số ngày làm việc {count} không hợp lý.",
                           "ghi đúng số ngày như thông báo, ví dụ `so_ngay_lam_viec: 10`.")
        if parsed is not None:
            start, end, posted = parsed
            for value, key in ((start, "tu"), (end, "den")):
                if value.known and value.precision.value != "day":
                    checker.report(f"thoi_han.{key}", f"“{value.original}” không chỉ rõ một ngày.",
                                   "thời hạn lấy ý kiến cần ngày cụ thể, ví dụ “26/11/2024”.")
            # "trước ngày D" ends the day before D (see loader.notice_period)
            last = end.last_day() - dt.timedelta(days=1 if end.qualifier == "trước" else 0) if end.known else None
            if start.known and last is not None and start.first_day() > last:
                checker.report("thoi_han.den", f"hạn cuối “{end.original}” trước ngày bắt đầu “{start.original}”.",
                               "kiểm tra lại thứ tự hoặc năm của hai ngày.")
            elif not start.known and posted.known and last is not None and posted.first_day() > last:
                checker.report("thoi_han.den", f"hạn cuối “{end.original}” trước ngày đăng “{posted.original}”.",
                               "kiểm tra lại thứ tự hoặc năm của hai ngày.")
            if not end.known and not (count_ok and (start.known or posted.known)):
                checker.report("thoi_han", "không tính được hạn cuối lấy ý kiến.",
                               "ghi `den: \"trước ngày …\"` như thông báo, hoặc `so_ngay_lam_viec` cùng `tu` "
                               "(ngày bắt đầu tính) hay `ngay_dang` (khi thông báo tính từ ngày đăng).")
    response = meta.get("gop_y")
    if isinstance(response, dict):
        email, phone = response.get("thu_dien_tu"), response.get("dien_thoai")
        if isinstance(email, str) and email.strip() and not valid_email(email):
            checker.report("gop_y.thu_dien_tu", f"“{email}” không phải địa chỉ thư điện tử.",
                           "ghi một địa chỉ dạng ten@co-quan.gov.vn, không kèm chữ khác.")
        if isinstance(phone, str) and phone.strip() and not valid_phone(phone):
            checker.report("gop_y.dien_thoai", f"“{phone}” không phải số điện thoại.",
                           "ghi chữ số (8 đến 13 số), có thể có dấu cách, dấu chấm, gạch ngang, ví dụ “024 3825 4321”.")
        if not any(isinstance(v, str) and v.strip()
                   for v in (response.get(k) for k in ("dia_chi", "thu_dien_tu", "dien_thoai", "nguyen_van"))):
            checker.report("gop_y", "không có cách nào để gửi ý kiến (địa chỉ, thư điện tử, điện thoại).",
                           "ghi ít nhất `dia_chi:` như thông báo.")
    groups = meta.get("de_nghi")
    groups = groups if isinstance(groups, list) else []
    for index, group in enumerate(groups):
        if not isinstance(group, dict) or not isinstance(group.get("hinh_thuc"), str):
            continue
        said, chosen = _award_form(group["hinh_thuc"]), group.get("loai")
        if said and chosen in s.AWARD_FORMS and chosen != said and chosen != "khac":
            checker.report(f"de_nghi[{index}].loai", f"“{group['hinh_thuc']}” là {s.AWARD_FORM_LABELS[said]}, "
                                                     f"nhưng loai ghi “{chosen}”.", f"có phải là `loai: {said}`?",
                           WARNING)
    files = meta.get("tep_dinh_kem")
    files = files if isinstance(files, list) else []
    if not any(isinstance(g, dict) and g.get("danh_sach") for g in groups) and not files:
        checker.report("de_nghi", "thông báo không có người, tập thể nào được đề nghị và không có tệp danh sách.",
                       "ghi `de_nghi:` với `danh_sach:`, hoặc `tep_dinh_kem:` khi danh sách chỉ có trong tệp đính kèm.")
    if project_root is None:
        return
    for index, item in enumerate(files):
        if isinstance(item, dict) and isinstance(item.get("tep"), str) and item["tep"].strip():
            _check_file(checker, project_root, f"tep_dinh_kem[{index}].tep", item["tep"])
    for g, group in enumerate(groups):
        people = group.get("danh_sach") if isinstance(group, dict) else None
        for n, person in enumerate(people if isinstance(people, list) else []):
            if isinstance(person, dict) and isinstance(person.get("tep"), str) and person["tep"].strip():
                _check_file(checker, project_root, f"de_nghi[{g}].danh_sach[{n}].tep", person["tep"])


def _check_movement_tree(entries: list[RawEntry], out: list[Diagnostic]) -> None:
    parents = {e.id: e.meta.get("phong_trao_cha") for e in entries if isinstance(e.meta.get("phong_trao_cha"), str)}
    by_id = {e.id: e for e in entries}
    for start in parents:
        seen, node = [start], parents.get(start)
        while node and node in parents:
            if node == start:
                entry = by_id[start]
                chain = " → ".join(seen + [start])
                out.append(Diagnostic(entry.path, entry.line_of("phong_trao_cha"), "phong_trao_cha",
                                      f"phong trào cấp trên tạo thành vòng lặp: {chain}.",
                                      "phong trào toàn quốc không có phong_trao_cha; địa phương trỏ lên toàn quốc."))
                break
            if node in seen:
                break
            seen.append(node)
            node = parents.get(node)



def _check_movement_wordings(plans: list[RawEntry], movements: list[RawEntry], places: PlaceRegistry,
                             out: list[Diagnostic]) -> None:
    """Warn when a plan quotes a movement (``phong_trao[].nguyen_van``) that the matcher ties to another id."""
    def text(value: object) -> str:
        return value if isinstance(value, str) else ""

    pool = [s.model_of(KIND_MOVEMENT, e.id, e.meta) for e in movements]
    known = {m.id for m in pool}
    place_ids = {text(e.meta.get("dia_phuong")) for e in (*plans, *movements)}
    names = places.names({a.id for pid in place_ids if pid in places for a in (places.places[pid], *places.ancestors(pid))})
    # Plans quote the same few movement names over and over; each match compares with every movement's every form
    # (55 ms): one match per distinct wording, not per quotation (22 s of a 1,000-exemplar build otherwise).
    matched: dict[str, MovementMatch] = {}
    for entry in plans:
        items = entry.meta.get("phong_trao")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            wording, movement_id = text(item.get("nguyen_van")), text(item.get("ma"))
            if not wording.strip() or movement_id not in known:
                continue  # nothing quoted, or an unknown id: already reported by the reference check
            match = matched.get(wording)
            if match is None:
                match = matched[wording] = match_movement(wording, pool, names)
            if match.movement_id == movement_id or (match.movement_id is None and movement_id in match.candidates):
                continue
            path = f"phong_trao[{index}].nguyen_van"
            if match.movement_id:
                message = (f"nguyên văn “{wording}” ứng với phong trào “{match.movement_id}”, không phải “{movement_id}” "
                           f"({match.reason.rstrip('.')}).")
                fix = f"kiểm tra lại mã: có thể cần `ma: {match.movement_id}`, hoặc thêm cách gọi này vào cach_goi của “{movement_id}”."
            else:
                message = f"nguyên văn “{wording}” không khớp phong trào “{movement_id}”: {match.reason}"
                fix = f"kiểm tra lại mã, hoặc thêm cách gọi này vào cach_goi của movements/{movement_id}.md."
            out.append(Diagnostic(entry.path, entry.line_of(path), path, message, fix, WARNING))


def _check_duplicate_plans(plans: list[RawEntry], out: list[Diagnostic]) -> None:
    """The same plan entered twice: same issuer, number and year, or imported from the same source file."""
    def text(value: object) -> str:
        return " ".join(fold(value).split()) if isinstance(value, str) else ""

    def year(value: object) -> str:
        try:
            return str(parse_date(value).year or "") if isinstance(value, str) else ""
        except DateError:
            return ""

    by_number: dict[tuple[str, str, str], RawEntry] = {}
    by_source: dict[str, RawEntry] = {}
    for entry in sorted(plans, key=lambda e: e.path):
        meta = entry.meta
        number = text(meta.get("so_ky_hieu")).replace(" ", "")
        issuer = text(meta.get("co_quan_ban_hanh"))
        # A blank number ("/KH-UBND") names no document: two such plans may well be different ones.
        if issuer and number and not number.startswith("/"):
            key = (issuer, number, year(meta.get("ngay_ban_hanh")))
            if key in by_number:
                other = by_number[key]
                out.append(Diagnostic(
                    entry.path, entry.line_of("so_ky_hieu"), "so_ky_hieu",
                    f"kế hoạch này trùng với tệp {other.path}: cùng cơ quan ban hành “{meta.get('co_quan_ban_hanh')}”, "
                    f"số “{meta.get('so_ky_hieu')}”" + (f" và năm {key[2]}" if key[2] else "")
                    + " — một văn bản được nhập hai lần (ví dụ từ bản .txt và bản .docx).",
                    f"giữ một tệp, xóa tệp còn lại; nếu là hai văn bản khác nhau thì sửa số, cơ quan hoặc ngày ban hành "
                    f"cho đúng bản ký ({entry.path} và {other.path})."))
            else:
                by_number[key] = entry
        source = text(meta.get("nguon"))
        if source:
            if source in by_source:
                other = by_source[source]
                out.append(Diagnostic(
                    entry.path, entry.line_of("nguon"), "nguon",
                    f"kế hoạch này được nhập từ cùng tệp gốc “{meta.get('nguon')}” với tệp {other.path}.",
                    f"giữ một trong hai tệp ({entry.path}, {other.path}); nếu là hai văn bản khác nhau thì ghi nguon "
                    "cho đúng tệp gốc của từng văn bản."))
            else:
                by_source[source] = entry


def _linked(folder: Path, target: Path) -> bool:
    """True when some part of ``target``'s path below ``folder`` is a symbolic link."""
    try:
        parts = Path(os.path.normpath(target)).relative_to(folder).parts
    except ValueError:
        return True
    current = folder
    for part in parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_SAVE_IMAGE = ("tải ảnh về, lưu vào kho cạnh tệp này (ví dụ exemplars/anh/ten-anh.jpg) rồi ghi “![mô tả](anh/ten-anh.jpg)”; "
               "ảnh chính của gương ghi ở trường “anh:”. Liên kết tới trang khác thì vẫn dùng được.")


def _body_images(entry: RawEntry, project_root: Path | None, published: dict[str, tuple[str, Path]]) -> list[Diagnostic]:
    """Images of the body: none from another host; each local one a real image inside the content folder."""
    out: list[Diagnostic] = []

    def report(image: BodyImage, message: str, fix: str) -> None:
        line = entry.body_line + entry.body.count("\n", 0, image.offset)
        out.append(Diagnostic(entry.path, line, "(nội dung)", message, fix))

    for image in body_images(entry.body):
        shown = image.url if len(image.url) <= 80 else image.url[:77] + "…"
        if is_remote(image.url):
            report(image, f"ảnh “{shown}” lấy từ một trang khác; cổng không tải gì từ bên ngoài (trên mạng nội bộ ảnh sẽ "
                          "hỏng, và trang ngoài biết ai đang đọc).", _SAVE_IMAGE)
            continue
        path = local_path(image.url)
        if project_root is None or not path.strip() or not image.markdown:
            continue  # raw HTML keeps its address as written: at worst a missing image of the site itself
        folder = project_root / entry.path.split("/", 1)[0]
        target = (project_root / entry.path).parent / path
        # Whether the image climbs out of its page's folder depends on the folder's depth (one), not on its
        # address, which is the features' business (features/urls.py): any one-level folder tells.
        where = site_path(entry.kind, path)
        if not path.lower().endswith(_IMAGE_SUFFIXES):
            report(image, f"“{shown}” không phải tệp ảnh JPEG, PNG, GIF hay WEBP.", "lưu ảnh thành JPEG hoặc PNG.")
        elif (where is None or not Path(os.path.realpath(target)).is_relative_to(os.path.realpath(folder))
              or _linked(folder, target)):
            report(image, f"ảnh “{shown}” nằm ngoài thư mục {folder.name}/ hoặc đi qua một liên kết tượng trưng.",
                   f"chép ảnh vào thư mục {folder.name}/anh/ và ghi đường dẫn tương đối từ tệp này.")
        elif not target.is_file():
            report(image, f"không tìm thấy tệp ảnh “{shown}”.",
                   "đặt ảnh cạnh tệp này (ví dụ trong thư mục anh/) và ghi đường dẫn tương đối.")
        elif problem := check_photo(target):
            report(image, *problem)
        elif published.setdefault(where, (entry.path, target.resolve()))[1] != target.resolve():
            report(image, f"ảnh “{shown}” trùng địa chỉ {where} với một ảnh khác của tệp {published[where][0]}.",
                   "đổi tên một trong hai tệp ảnh.")
    return out


def check(entries: list[RawEntry], places: PlaceRegistry, project_root: Path | None = None,
          photo_cache: PhotoCache | None = None) -> list[Diagnostic]:
    """All problems of all entries: schema, dates, references, duplicates, ranges, cycles, photos (each photo's
    verdict from ``photo_cache`` when it has one for the same bytes, name and limits)."""
    out: list[Diagnostic] = []
    by_kind: dict[str, list[RawEntry]] = defaultdict(list)
    for entry in entries:
        by_kind[entry.kind].append(entry)
    known = Known({kind: {e.id for e in group} for kind, group in by_kind.items()}, places, _names(entries))
    for kind, group in by_kind.items():
        first: dict[str, RawEntry] = {}
        for entry in group:
            if entry.id in first:
                other = first[entry.id]
                out.append(Diagnostic(entry.path, 1, "(mã)",
                                      f"mã “{entry.id}” trùng với tệp {other.path}: hai mục cùng kiểu phải có tên tệp khác nhau.",
                                      "đổi tên một trong hai tệp (mã là tên tệp, không kể .md)."))
            else:
                first[entry.id] = entry
            if not _ID.match(entry.id):
                # An error, not a warning: the id is the page's address, the calendar's UID and the data files' key,
                # and the strict build refuses what the check only warned about.
                suggestion = slugify(entry.id) or "muc-moi"
                out.append(Diagnostic(entry.path, 1, "(mã)",
                                      f"tên tệp “{entry.id}.md” phải viết thường, không dấu, không dấu cách, nối bằng "
                                      "gạch ngang (tên tệp là địa chỉ của trang).",
                                      f"đổi tên tệp thành “{suggestion}.md”."))
            elif entry.id in RESERVED_IDS:
                out.append(Diagnostic(entry.path, 1, "(mã)",
                                      f"tên tệp “{entry.id}.md” trùng một địa chỉ cổng tự sinh (trang danh sách, trang "
                                      "phân trang, lịch…); trang của mục này sẽ bị thay thế.",
                                      "đổi tên tệp theo tên của mục, ví dụ “nguyen-van-a-bo-trach.md”."))
    for entry in entries:
        if not entry.readable:
            continue
        checker = _Checker(entry, known, out)
        checker.mapping(s.SCHEMAS[entry.kind], entry.meta, "")
        if entry.kind == KIND_PLAN:
            _check_period(checker, entry.meta.get("thoi_gian"), "thoi_gian")
        if entry.kind == KIND_MOVEMENT and entry.meta.get("phong_trao_cha") == entry.id:
            checker.report("phong_trao_cha", "phong trào không thể là cấp trên của chính nó.", "xóa dòng này hoặc sửa mã.")
        photo = entry.meta.get("anh")
        if project_root is not None and isinstance(photo, str) and photo.strip():
            _check_file(checker, project_root, "anh", photo, images_only=True, photos=photo_cache)
        if entry.kind == KIND_NOTICE:
            _check_notice(checker, project_root)
    published: dict[str, tuple[str, Path]] = {}
    for entry in entries:
        if entry.readable:
            out += _body_images(entry, project_root, published)
    _check_movement_tree([e for e in by_kind.get(KIND_MOVEMENT, []) if e.readable], out)
    _check_duplicate_plans([e for e in by_kind.get(KIND_PLAN, []) if e.readable], out)
    _check_movement_wordings([e for e in by_kind.get(KIND_PLAN, []) if e.readable],
                             [e for e in by_kind.get(KIND_MOVEMENT, []) if e.readable], places, out)
    return sorted(set(out), key=lambda d: (d.path, d.line, d.field, d.message))
