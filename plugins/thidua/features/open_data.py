"""Open data: the catalog as JSON and CSV files under ``du-lieu/``, and the page that documents every field.

Each data set is declared once as a list of :class:`Column` (key, Vietnamese description, value kind, getter).
The same declaration gives the JSON records, the CSV header and rows, the field tables of the ``/du-lieu/``
page and ``du-lieu/danh-muc.json``, so the three can never disagree. Field order is the declaration order;
records are sorted by their keys, so two builds of the same content give the same bytes.

Shape rules (documented on the page): a date is three fields — ``<key>`` (ISO 8601 at its own precision:
2020-02-12, 2020-06, 2025-Q1, 2021 or ""), ``<key>_do_chinh_xac`` (day, month, quarter, year, unknown) and
``<key>_nguyen_van`` (the words of the document); a list is a JSON array and, in CSV, one item per line of
the cell. CSV is UTF-8 with a BOM and CRLF line ends so Excel opens Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..core.catalog import Catalog
from ..core.dates import UNKNOWN, DateValue
from .feature import Feature, PageSpec
from .urls import URLS

__all__ = ["FEATURE", "FORMAT_VERSION", "Column", "Dataset", "datasets", "open_data_outputs", "open_data_pages",
           "absolute", "to_csv"]

FORMAT_VERSION = "1.0"
"""Shape version of every file: raise the minor number when fields are added, the major when any changes."""

# Value kinds, and how the documentation page names them.
TEXT, ID, URL, INT, BOOL, DATE, LIST = "text", "id", "url", "int", "bool", "date", "list"
KIND_NAMES = {
    TEXT: "chuỗi", ID: "mã (chữ thường, không dấu)", URL: "địa chỉ trang", INT: "số nguyên", BOOL: "đúng/sai",
    DATE: "ngày (3 trường)", LIST: "danh sách",
}
_PRECISION_FIELD, _ORIGINAL_FIELD = "_do_chinh_xac", "_nguyen_van"


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Vietnamese, shown on /du-lieu/ and in danh-muc.json
    kind: str
    # A row is one entry of the data set's kind (plan, exemplar, movement, place, notice): they share no base class.
    get: Callable[[Any], Any]

    def field_names(self) -> list[str]:
        if self.kind == DATE:
            return [self.key, self.key + _PRECISION_FIELD, self.key + _ORIGINAL_FIELD]
        return [self.key]

    def values(self, row: Any) -> list:
        value = self.get(row)
        if self.kind == DATE:
            value = value if isinstance(value, DateValue) else UNKNOWN
            return [value.iso(), value.precision.value, value.original]
        if self.kind == LIST:
            return [[str(v) for v in value]]
        if self.kind == INT:
            return [value if isinstance(value, int) and not isinstance(value, bool) else None]
        if self.kind == BOOL:
            return [bool(value)]
        return ["" if value is None else str(value)]


@dataclass(frozen=True)
class Dataset:
    name: str  # file stem: du-lieu/<name>.json, du-lieu/<name>.csv
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: list  # already in their published order

    def field_names(self) -> list[str]:
        return [name for column in self.columns for name in column.field_names()]

    def records(self) -> list[dict]:
        names = self.field_names()
        return [dict(zip(names, self.values(row))) for row in self.rows]

    def values(self, row) -> list:
        return [v for column in self.columns for v in column.values(row)]

    def fields_doc(self) -> list[dict]:
        """Every field with its description, dates expanded into their three fields."""
        doc = []
        for c in self.columns:
            if c.kind == DATE:
                doc += [{"ten": c.key, "kieu": "chuỗi ISO 8601", "mo_ta": f"{c.label}: giá trị ISO 8601 theo đúng độ chính xác"},
                        {"ten": c.key + _PRECISION_FIELD, "kieu": "chuỗi",
                         "mo_ta": f"{c.label}: độ chính xác (day, month, quarter, year, unknown)"},
                        {"ten": c.key + _ORIGINAL_FIELD, "kieu": "chuỗi", "mo_ta": f"{c.label}: nguyên văn trong văn bản"}]
            else:
                doc.append({"ten": c.key, "kieu": KIND_NAMES[c.kind], "mo_ta": c.label})
        return doc


def absolute(site_url: str, path: str) -> str:
    """The address of a site path: absolute under site_url when the site has one, else from the site root."""
    return (site_url.rstrip("/") + "/" + path) if site_url else "/" + path


def _date(label: str, key: str, get) -> Column:
    return Column(key, label, DATE, get)


def datasets(catalog: Catalog, site_url: str) -> list[Dataset]:
    """Every data set of the portal, in the order the page lists them."""
    def url(kind: str) -> Callable[[Any], str]:
        return lambda e: absolute(site_url, URLS.entry(kind, e.id))

    places = catalog.places
    plans = sorted(catalog.plans.values(), key=lambda p: p.id)
    exemplars = sorted(catalog.exemplars.values(), key=lambda e: e.id)
    movements = sorted(catalog.movements.values(), key=lambda m: m.id)
    place_rows = [places.get(pid) for pid in catalog.place_ids]

    def children(entries, attribute):
        return [(entry, number, item) for entry in entries
                for number, item in enumerate(getattr(entry, attribute), start=1)]

    notices = sorted(catalog.notices.values(), key=lambda n: n.id)
    notice_rows = [(n, g_no, x_no, g, x) for n in notices for g_no, g in enumerate(n.groups, start=1)
                   for x_no, x in enumerate(g.nominees, start=1)]

    def iso_day(day) -> str:
        return day.isoformat() if day else ""

    plan_ref = Column("ke_hoach", "mã kế hoạch (trường ma của ke-hoach)", ID, lambda r: r[0].id)
    number = Column("stt", "số thứ tự trong kế hoạch, từ 1", INT, lambda r: r[1])

    return [
        Dataset("ke-hoach", "Kế hoạch", "Mỗi dòng một kế hoạch phát động phong trào thi đua.", (
            Column("ma", "mã kế hoạch trên cổng", ID, lambda p: p.id),
            Column("dia_chi", "địa chỉ trang của kế hoạch", URL, url("plan")),
            Column("so_ky_hieu", "số và ký hiệu đúng như văn bản ghi (rỗng nếu văn bản không có số)", TEXT,
                   lambda p: p.number.raw),
            Column("so_ky_hieu_chuan", "số và ký hiệu đã chuẩn hóa khoảng trắng", TEXT, lambda p: p.number.normalized),
            Column("loai_van_ban", "loại văn bản", TEXT, lambda p: p.doc_type),
            Column("co_quan_ban_hanh", "cơ quan ban hành", TEXT, lambda p: p.issuer),
            Column("co_quan_chu_quan", "cơ quan chủ quản ghi phía trên cơ quan ban hành", TEXT, lambda p: p.parent_issuer),
            Column("dia_phuong", "mã địa phương nơi ban hành, theo đơn vị hành chính khi ban hành (xem dia-phuong)", ID,
                   lambda p: p.place_id),
            Column("dia_phuong_ten", "tên địa phương nơi ban hành, kèm các cấp trên, như khi ban hành", TEXT,
                   lambda p: places.label(p.place_id)),
            Column("noi_ban_hanh", "địa danh ở dòng ngày tháng", TEXT, lambda p: p.issued_at),
            _date("ngày ban hành", "ngay_ban_hanh", lambda p: p.issued),
            Column("trich_yeu", "trích yếu", TEXT, lambda p: p.title),
            Column("chu_de", "chủ đề thi đua", TEXT, lambda p: p.theme),
            Column("phuong_cham", "phương châm", TEXT, lambda p: p.motto),
            _date("thời gian thi đua, từ", "thoi_gian_tu", lambda p: p.period.start),
            _date("thời gian thi đua, đến", "thoi_gian_den", lambda p: p.period.end),
            Column("thoi_gian_nguyen_van", "nguyên văn câu ghi thời gian thi đua", TEXT, lambda p: p.period.original),
            Column("phong_trao", "mã các phong trào kế hoạch phát động hoặc tiếp tục (xem phong-trao)", LIST,
                   lambda p: [m.movement_id for m in p.movements]),
            Column("phong_trao_nguyen_van", "tên các phong trào đúng như văn bản ghi, cùng thứ tự với phong_trao", LIST,
                   lambda p: [m.wording for m in p.movements]),
            Column("nguoi_ky_ho_ten", "người ký: họ và tên", TEXT, lambda p: p.signer.name),
            Column("nguoi_ky_chuc_vu", "người ký: chức vụ", TEXT, lambda p: p.signer.title),
            Column("nguoi_ky_hinh_thuc", "người ký: thể thức ký (TM., KT. …)", TEXT, lambda p: p.signer.formula),
            Column("nguoi_ky_thay_mat", "người ký: tập thể ký thay mặt", TEXT, lambda p: p.signer.on_behalf_of),
            Column("noi_nhan", "nơi nhận", LIST, lambda p: p.recipients),
            Column("so_can_cu", "số văn bản căn cứ (xem can-cu)", INT, lambda p: len(p.implements)),
            Column("so_chi_tieu", "số chỉ tiêu (xem chi-tieu)", INT, lambda p: len(p.targets)),
            Column("so_nhiem_vu", "số nhiệm vụ (xem nhiem-vu)", INT, lambda p: len(p.tasks)),
            Column("so_guong", "số gương gắn với kế hoạch", INT, lambda p: len(catalog.exemplars_by_plan.get(p.id, ()))),
            Column("nguon", "tệp gốc hoặc nơi lấy văn bản", TEXT, lambda p: p.source_file),
        ), plans),
        Dataset("can-cu", "Văn bản căn cứ", "Mỗi dòng một văn bản mà một kế hoạch thực hiện hoặc căn cứ.", (
            plan_ref, number,
            Column("loai", "loại văn bản", TEXT, lambda r: r[2].kind),
            Column("so_ky_hieu", "số, ký hiệu như kế hoạch ghi", TEXT, lambda r: r[2].number.raw),
            _date("ngày ban hành văn bản căn cứ", "ngay", lambda r: r[2].date),
            Column("co_quan", "cơ quan ban hành", TEXT, lambda r: r[2].issuer),
            Column("trich_yeu", "trích yếu", TEXT, lambda r: r[2].summary),
            Column("ke_hoach_tren_cong", "mã kế hoạch trên cổng nếu văn bản căn cứ cũng có trang", ID,
                   lambda r: r[2].plan_id),
        ), children(plans, "implements")),
        Dataset("chi-tieu", "Chỉ tiêu", "Mỗi dòng một chỉ tiêu thi đua được đánh số trong một kế hoạch.", (
            plan_ref, number,
            Column("so", "số thứ tự chỉ tiêu như văn bản ghi", INT, lambda r: r[2].number),
            Column("ten", "tên chỉ tiêu", TEXT, lambda r: r[2].name),
            Column("gia_tri", "giá trị, đúng như văn bản ghi (dấu phẩy thập phân kiểu Việt Nam)", TEXT, lambda r: r[2].value),
            Column("don_vi", "đơn vị", TEXT, lambda r: r[2].unit),
            Column("nguyen_van", "nguyên văn dòng chỉ tiêu", TEXT, lambda r: r[2].original),
        ), children(plans, "targets")),
        Dataset("moc-thoi-gian", "Mốc thời gian", "Mỗi dòng một mốc thời gian, hạn chót hoặc ngày kỷ niệm của một kế hoạch.", (
            plan_ref, number,
            _date("ngày của mốc", "ngay", lambda r: r[2].date),
            Column("noi_dung", "nội dung mốc", TEXT, lambda r: r[2].text),
            Column("loai", "loại mốc: han (hạn chót), ky-niem (kỷ niệm), su-kien (sự kiện)", ID, lambda r: r[2].kind),
        ), children(plans, "milestones")),
        Dataset("dot-thi-dua", "Đợt thi đua", "Mỗi dòng một đợt trong thời gian thi đua của một kế hoạch.", (
            plan_ref, number,
            Column("ten", "tên đợt", TEXT, lambda r: r[2].name),
            _date("ngày bắt đầu đợt", "tu", lambda r: r[2].start),
            _date("ngày kết thúc đợt", "den", lambda r: r[2].end),
        ), [(p, n, r) for p in plans for n, r in enumerate(p.period.rounds, start=1)]),
        Dataset("nhiem-vu", "Nhiệm vụ", "Mỗi dòng một nhiệm vụ kế hoạch giao cho một cơ quan.", (
            plan_ref, number,
            Column("co_quan", "cơ quan được giao, như văn bản ghi", TEXT, lambda r: r[2].agency),
            Column("noi_dung", "nội dung nhiệm vụ, nguyên văn", TEXT, lambda r: r[2].text),
            _date("thời hạn", "han", lambda r: r[2].deadline),
            Column("muc", "mục của kế hoạch", TEXT, lambda r: r[2].section),
        ), children(plans, "tasks")),
        Dataset("guong", "Gương người tốt, việc tốt", "Mỗi dòng một cá nhân hoặc tập thể được ghi nhận.", (
            Column("ma", "mã gương trên cổng", ID, lambda e: e.id),
            Column("dia_chi", "địa chỉ trang của gương", URL, url("exemplar")),
            Column("ten", "tên cá nhân hoặc tập thể", TEXT, lambda e: e.name),
            Column("doi_tuong", "ca-nhan (cá nhân) hoặc tap-the (tập thể)", ID, lambda e: e.subject),
            Column("dia_phuong", "mã địa phương (xem dia-phuong)", ID, lambda e: e.place_id),
            Column("dia_phuong_ten", "tên địa phương, kèm các cấp trên", TEXT, lambda e: places.label(e.place_id)),
            Column("linh_vuc", "lĩnh vực", TEXT, lambda e: e.field_name),
            Column("tom_tat", "tóm tắt", TEXT, lambda e: e.summary),
            Column("phong_trao", "mã các phong trào (xem phong-trao)", LIST, lambda e: e.movement_ids),
            Column("ke_hoach", "mã các kế hoạch liên quan (xem ke-hoach)", LIST, lambda e: e.plan_ids),
            _date("thời điểm được ghi nhận", "ngay", lambda e: e.date),
            Column("so_khen_thuong", "số hình thức khen thưởng (xem khen-thuong)", INT, lambda e: len(e.awards)),
            Column("nguon", "nguồn thông tin", TEXT, lambda e: e.source_note),
            Column("du_lieu_mau", "true nếu là dữ liệu mẫu, không phải người, tập thể có thật", BOOL, lambda e: e.sample),
        ), exemplars),
        Dataset("khen-thuong", "Khen thưởng", "Mỗi dòng một hình thức khen thưởng của một gương.", (
            Column("guong", "mã gương (trường ma của guong)", ID, lambda r: r[0].id),
            number,
            Column("hinh_thuc", "hình thức khen thưởng", TEXT, lambda r: r[2].form),
            Column("cap", "cấp khen thưởng", ID, lambda r: r[2].level),
            Column("co_quan", "người hoặc cơ quan khen thưởng", TEXT, lambda r: r[2].issuer),
            Column("so_quyet_dinh", "số quyết định", TEXT, lambda r: r[2].decision_number),
            _date("ngày quyết định", "ngay_quyet_dinh", lambda r: r[2].decision_date),
        ), children(exemplars, "awards")),
        Dataset("lay-y-kien", "Lấy ý kiến nhân dân",
                "Mỗi dòng một thông báo lấy ý kiến nhân dân về tập thể, cá nhân được đề nghị khen thưởng.", (
            Column("ma", "mã thông báo trên cổng", ID, lambda n: n.id),
            Column("dia_chi", "địa chỉ trang của thông báo", URL, url("notice")),
            Column("tieu_de", "tiêu đề", TEXT, lambda n: n.title),
            Column("co_quan", "cơ quan lấy ý kiến", TEXT, lambda n: n.body_name),
            Column("dia_phuong", "mã địa phương (xem dia-phuong)", ID, lambda n: n.place_id),
            Column("so_thong_bao", "số, ký hiệu thông báo như văn bản ghi", TEXT, lambda n: n.number.raw),
            _date("ngày thông báo", "ngay_thong_bao", lambda n: n.issued),
            _date("ngày đăng", "ngay_dang", lambda n: n.posted),
            Column("to_trinh_so", "số tờ trình đề nghị", TEXT, lambda n: n.proposal_number),
            _date("ngày tờ trình", "to_trinh_ngay", lambda n: n.proposal_date),
            Column("to_trinh_co_quan", "cơ quan trình", TEXT, lambda n: n.proposal_body),
            Column("thoi_han_nguyen_van", "thời hạn, nguyên văn thông báo", TEXT, lambda n: n.period.original),
            Column("so_ngay_lam_viec", "số ngày làm việc thông báo ghi", INT, lambda n: n.period.working_days),
            Column("ngay_dau", "ngày đầu nhận ý kiến, YYYY-MM-DD (rỗng nếu thông báo không cho biết)", TEXT,
                   lambda n: iso_day(n.period.first_day)),
            Column("ngay_cuoi", "ngày cuối nhận ý kiến, YYYY-MM-DD", TEXT, lambda n: iso_day(n.period.last_day)),
            Column("ngay_cuoi_da_tinh", "true nếu cổng tính ngày cuối theo ngày làm việc (thông báo không ghi ngày)",
                   BOOL, lambda n: n.period.computed),
            Column("gop_y_dia_chi", "địa chỉ gửi ý kiến", TEXT, lambda n: n.response.address),
            Column("gop_y_thu_dien_tu", "thư điện tử nhận ý kiến", TEXT, lambda n: n.response.email),
            Column("gop_y_dien_thoai", "điện thoại", TEXT, lambda n: n.response.phone),
            Column("gop_y_yeu_cau", "yêu cầu đối với ý kiến", TEXT, lambda n: n.response.requirements),
            Column("so_nguoi_duoc_de_nghi", "số tập thể, cá nhân có tên (xem nguoi-duoc-de-nghi)", INT,
                   lambda n: len(n.nominees)),
            Column("nguon", "nơi lấy thông báo", TEXT, lambda n: n.source_note),
            Column("du_lieu_mau", "true nếu là dữ liệu mẫu", BOOL, lambda n: n.sample),
        ), notices),
        Dataset("nguoi-duoc-de-nghi", "Tập thể, cá nhân được đề nghị khen thưởng",
                "Mỗi dòng một tập thể hoặc cá nhân trong một thông báo lấy ý kiến nhân dân.", (
            Column("thong_bao", "mã thông báo (trường ma của lay-y-kien)", ID, lambda r: r[0].id),
            Column("nhom", "số thứ tự nhóm hình thức khen thưởng trong thông báo, từ 1", INT, lambda r: r[1]),
            Column("stt", "số thứ tự trong nhóm, từ 1", INT, lambda r: r[2]),
            Column("hinh_thuc", "hình thức khen thưởng đề nghị, như thông báo ghi", TEXT, lambda r: r[3].award),
            Column("loai_hinh_thuc", "loại hình thức (huan-chuong, chien-si-thi-dua-toan-quoc …)", ID, lambda r: r[3].form),
            Column("doi_tuong", "ca-nhan hoặc tap-the", ID, lambda r: r[4].subject),
            Column("danh_xung", "Ông, Bà", TEXT, lambda r: r[4].title),
            Column("ten", "họ và tên hoặc tên tập thể", TEXT, lambda r: r[4].name),
            Column("chuc_vu", "chức vụ", TEXT, lambda r: r[4].position),
            Column("don_vi", "đơn vị", TEXT, lambda r: r[4].unit),
            Column("dia_chi", "địa chỉ", TEXT, lambda r: r[4].address),
            Column("guong", "mã gương ghi nhận khen thưởng, khi đã có (xem guong)", ID, lambda r: r[4].exemplar_id),
            Column("ket_qua", "kết quả, khi đã có", TEXT, lambda r: r[4].outcome),
        ), notice_rows),
        Dataset("phong-trao", "Phong trào", "Mỗi dòng một phong trào: toàn quốc hoặc cách gọi của một địa phương.", (
            Column("ma", "mã phong trào trên cổng", ID, lambda m: m.id),
            Column("dia_chi", "địa chỉ trang của phong trào", URL, url("movement")),
            Column("ten", "tên chính thức", TEXT, lambda m: m.name),
            Column("cap", "cấp phát động", ID, lambda m: m.level),
            Column("phat_dong_boi", "cơ quan phát động", TEXT, lambda m: m.launched_by),
            Column("nam", "năm phát động", INT, lambda m: m.year),
            Column("phong_trao_cha", "mã phong trào cấp trên", ID, lambda m: m.parent_id),
            Column("dia_phuong", "mã địa phương của phong trào địa phương", ID, lambda m: m.place_id),
            Column("cach_goi", "các cách văn bản gọi phong trào", LIST, lambda m: m.wordings),
            Column("so_ke_hoach", "số kế hoạch gắn trực tiếp với phong trào", INT,
                   lambda m: len(catalog.plans_by_movement.get(m.id, ()))),
            Column("so_guong", "số gương gắn trực tiếp với phong trào", INT,
                   lambda m: len(catalog.exemplars_by_movement.get(m.id, ()))),
        ), movements),
        Dataset("dia-phuong", "Địa phương",
                "Mỗi dòng một đơn vị hành chính có nội dung trên cổng, cùng các đơn vị cấp trên và đơn vị kế thừa.", (
            Column("ma", "mã địa phương trên cổng (không dùng tên hay mã hành chính một mình để nhận diện)", ID,
                   lambda p: p.id),
            Column("dia_chi", "địa chỉ trang của địa phương", URL, lambda p: absolute(site_url, URLS.entry("place", p.id))),
            Column("ma_hanh_chinh", "mã đơn vị hành chính (có thể trùng giữa trước và sau 01/7/2025)", TEXT, lambda p: p.code),
            Column("cap", "cấp: tinh, huyen, xa", ID, lambda p: p.level),
            Column("loai", "loại đơn vị: Tỉnh, Thành phố, Huyện, Xã, Phường …", TEXT, lambda p: p.type_name),
            Column("ten", "tên không kèm loại đơn vị", TEXT, lambda p: p.name),
            Column("ten_day_du", "tên đầy đủ kèm các cấp trên", TEXT, lambda p: places.label(p.id)),
            Column("don_vi_cap_tren", "mã đơn vị cấp trên", ID, lambda p: p.parent_id),
            Column("hieu_luc_tu", "ngày bắt đầu tồn tại (nếu biết), YYYY-MM-DD", TEXT, lambda p: p.valid_from),
            Column("hieu_luc_den", "ngày thôi tồn tại, YYYY-MM-DD; rỗng nếu đang tồn tại", TEXT, lambda p: p.valid_to),
            Column("nay_thuoc", "mã các đơn vị kế thừa", LIST, lambda p: p.successor_ids),
            Column("truoc_day", "mã các đơn vị trước đây hợp thành đơn vị này", LIST, lambda p: p.predecessor_ids),
            Column("ghi_chu", "ghi chú", TEXT, lambda p: p.note),
            Column("so_ke_hoach", "số kế hoạch ban hành tại chính đơn vị này", INT,
                   lambda p: len(catalog.plans_by_place.get(p.id, ()))),
            Column("so_guong", "số gương ở chính đơn vị này", INT, lambda p: len(catalog.exemplars_by_place.get(p.id, ()))),
        ), place_rows),
    ]


# ----- writers ---------------------------------------------------------------------------------------
def to_json(dataset: Dataset, extra: dict | None = None) -> str:
    document = {
        "phien_ban": FORMAT_VERSION,
        "tap_du_lieu": dataset.name,
        "tieu_de": dataset.title,
        "mo_ta": dataset.description,
        **(extra or {}),
        "truong": dataset.field_names(),
        "so_ban_ghi": len(dataset.rows),
        "ban_ghi": dataset.records(),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if isinstance(value, list):
        value = "\n".join(value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    elif value is None:
        value = ""
    text = str(value)
    # Excel runs a cell that starts like a formula; editor text is untrusted, and "- Phòng …" is common.
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: list[str], rows: Iterable[list]) -> bytes:
    """UTF-8 with BOM, CRLF, every field quoted when needed: what Excel opens with Vietnamese text intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _dataset_csv(dataset: Dataset) -> bytes:
    return to_csv(dataset.field_names(), (dataset.values(row) for row in dataset.rows))


def open_data_outputs(catalog: Catalog, site_url: str) -> list[tuple[str, str | bytes]]:
    """(path, content) of every data file: each data set as JSON and CSV, and the catalogue danh-muc.json."""
    outputs: list[tuple[str, str | bytes]] = []
    index = []
    for dataset in datasets(catalog, site_url):
        json_path, csv_path = URLS.open_data_file(dataset.name, "json"), URLS.open_data_file(dataset.name, "csv")
        outputs.append((json_path, to_json(dataset)))
        outputs.append((csv_path, _dataset_csv(dataset)))
        index.append({"tap_du_lieu": dataset.name, "tieu_de": dataset.title, "mo_ta": dataset.description,
                      "json": absolute(site_url, json_path), "csv": absolute(site_url, csv_path),
                      "so_ban_ghi": len(dataset.rows), "truong": dataset.fields_doc()})
    catalogue = {"phien_ban": FORMAT_VERSION, "tap_du_lieu": "danh-muc",
                 "mo_ta": "Danh mục các tập dữ liệu mở của cổng và mô tả từng trường.", "cac_tap": index}
    outputs.append((URLS.open_data_catalogue, json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n"))
    return outputs


def open_data_pages(catalog: Catalog, site_url: str) -> list[PageSpec]:
    sets = [{"name": d.name, "title": d.title, "description": d.description, "count": len(d.rows),
             "json": URLS.open_data_file(d.name, "json"), "csv": URLS.open_data_file(d.name, "csv"),
             "fields": d.fields_doc()}
            for d in datasets(catalog, site_url)]
    return [PageSpec(URLS.source(URLS.open_data), "Dữ liệu mở", "thidua/open-data.html",
                     {"datasets": sets, "version": FORMAT_VERSION},
                     description="Dữ liệu mở của cổng thi đua: kế hoạch, gương, phong trào, địa phương, nhiệm vụ "
                                 "dạng JSON và CSV, kèm mô tả từng trường.")]


FEATURE = Feature("open_data", pages=lambda ctx: open_data_pages(ctx.catalog, ctx.site_url),
                  outputs=lambda ctx: open_data_outputs(ctx.catalog, ctx.site_url))
