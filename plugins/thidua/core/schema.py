"""The front-matter keys of each kind of entry: type, whether required, what they mean (in Vietnamese).

One declaration serves validation, the editor's guide, ``thidua new``, the web form, the importer and the loader:
each key also names the model attribute it fills, and :func:`model_of` makes the model from the declarations, so a
key is named here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .dates import UNKNOWN, DateError, DateValue, parse_date
from .model import (
    KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN, Attachment, Award, DocRef, DocumentNumber, Exemplar,
    Milestone, Movement, MovementRef, Nominee, NomineeGroup, Notice, NoticePeriod, Period, Plan, Response, Signer,
    Source, Target, Task,
)

__all__ = ["Field", "SCHEMAS", "MODELS", "model_of", "field_of", "convert", "LEVELS", "SUBJECTS", "MILESTONE_KINDS", "KIND_LABELS", "AWARD_LEVELS",
           "AWARD_FORMS", "AWARD_FORM_LABELS", "TITLES"]

# Value kinds
STR = "str"  # one line of text, may be ""
TEXT = "text"  # text that must not be empty
INT = "int"
BOOL = "bool"
DATE = "date"  # a date as written; see dates.parse_date
REF = "ref"  # the id of another entry or place
LIST_STR = "list_str"
LIST_REF = "list_ref"
MAP = "map"
LIST_MAP = "list_map"


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    label: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str = ""  # "place", "movement", "plan" for REF / LIST_REF
    fields: tuple["Field", ...] = ()  # for MAP / LIST_MAP
    shorthand: str = ""  # LIST_MAP: a plain string item stands for {shorthand: item}
    example: object = None
    form: str = ""  # how the editors' web form shows it, beyond its kind: "long" (several lines), "image" (a photo)
    title: str = ""  # the form's short label, where the start of ``label`` does not make one
    attr: str = ""  # the model's attribute this key fills ("" for none)
    model: type | None = None  # MAP, LIST_MAP: the model of the value or of each item; a MAP without one fills
    #                            attributes of the entry itself (a notice's proposal)
    parse: Callable[[str], Any] | None = None  # STR, TEXT: what the text becomes (a DocumentNumber …)
    default: object = None  # what an empty value stands for


LEVELS = ("quoc-gia", "tinh", "huyen", "xa", "khoi", "nganh", "co-so")
LEVEL_LABELS = {
    "quoc-gia": "Toàn quốc", "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã", "khoi": "Khối, cụm",
    "nganh": "Ngành", "co-so": "Cơ sở",
}
AWARD_LEVELS = LEVELS
SUBJECTS = ("ca-nhan", "tap-the")
SUBJECT_LABELS = {"ca-nhan": "Cá nhân", "tap-the": "Tập thể"}
MILESTONE_KINDS = ("han", "ky-niem", "su-kien")
MILESTONE_LABELS = {"han": "Hạn chót", "ky-niem": "Kỷ niệm", "su-kien": "Sự kiện"}
KIND_LABELS = {KIND_PLAN: "Kế hoạch", KIND_EXEMPLAR: "Gương điển hình", KIND_MOVEMENT: "Phong trào", "place": "Địa phương",
               KIND_NOTICE: "Lấy ý kiến nhân dân"}
# Forms of award a notice consults on (Luật Thi đua, khen thưởng 2022: hình thức khen thưởng, danh hiệu thi đua).
AWARD_FORM_LABELS = {
    "huan-chuong": "Huân chương",
    "huy-chuong": "Huy chương",
    "danh-hieu-vinh-du-nha-nuoc": "Danh hiệu vinh dự Nhà nước (Anh hùng, Nhà giáo nhân dân, Thầy thuốc nhân dân …)",
    "giai-thuong-ho-chi-minh": "Giải thưởng Hồ Chí Minh",
    "giai-thuong-nha-nuoc": "Giải thưởng Nhà nước",
    "chien-si-thi-dua-toan-quoc": "Chiến sĩ thi đua toàn quốc",
    "co-thi-dua-chinh-phu": "Cờ thi đua của Chính phủ",
    "bang-khen-thu-tuong": "Bằng khen của Thủ tướng Chính phủ",
    "chien-si-thi-dua-bo-tinh": "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "co-thi-dua-bo-tinh": "Cờ thi đua của bộ, ban, ngành, tỉnh",
    "bang-khen-bo-tinh": "Bằng khen của bộ, ban, ngành, tỉnh",
    "ky-niem-chuong": "Kỷ niệm chương",
    "khac": "Hình thức khác",
}
AWARD_FORMS = tuple(AWARD_FORM_LABELS)
TITLES = ("Ông", "Bà")

_PERIOD_FIELDS = (
    Field("ten", STR, "tên đợt", example="Đợt 1", attr="name"),
    Field("tu", DATE, "ngày bắt đầu, như văn bản ghi", example="12/02/2020", attr="start"),
    Field("den", DATE, "ngày kết thúc, như văn bản ghi", example="tháng 12/2020", attr="end"),
)

PLAN_FIELDS = (
    Field("so_ky_hieu", STR, "số và ký hiệu văn bản đúng như văn bản ghi (để “” nếu văn bản không có số)", True,
          example="195/KH-UBND", attr="number", parse=DocumentNumber.parse),
    Field("loai_van_ban", TEXT, "loại văn bản", True, example="Kế hoạch", attr="doc_type"),
    Field("co_quan_ban_hanh", TEXT, "cơ quan ban hành", True, example="Ủy ban nhân dân huyện Bố Trạch", attr="issuer"),
    Field("co_quan_chu_quan", STR, "cơ quan chủ quản ghi phía trên cơ quan ban hành (nếu có)", attr="parent_issuer"),
    Field("dia_phuong", REF, "mã địa phương nơi ban hành, theo đơn vị hành chính tại thời điểm ban hành", True,
          ref="place", example="huyen-bo-trach-quang-binh", attr="place_id"),
    Field("noi_ban_hanh", STR, "địa danh ở dòng ngày tháng", example="Bố Trạch", attr="issued_at"),
    Field("ngay_ban_hanh", DATE, "ngày ban hành đúng như văn bản ghi (để “” nếu văn bản không ghi)", True,
          example="12/02/2020", attr="issued"),
    Field("trich_yeu", TEXT, "trích yếu: tên văn bản sau chữ KẾ HOẠCH", True,
          example="Phát động đợt thi đua đặc biệt …", form="long", attr="title"),
    Field("chu_de", STR, "chủ đề thi đua (trong ngoặc kép trong văn bản)", attr="theme"),
    Field("phuong_cham", STR, "phương châm hành động", attr="motto"),
    Field("thoi_gian", MAP, "thời gian đợt thi đua", attr="period", model=Period, fields=(
        Field("tu", DATE, "ngày bắt đầu", example="12/02/2020", attr="start"),
        Field("den", DATE, "ngày kết thúc", example="tháng 12/2020", attr="end"),
        Field("nguyen_van", STR, "nguyên văn câu ghi thời gian trong văn bản", attr="original"),
        Field("dot", LIST_MAP, "các đợt thi đua", attr="rounds", model=Period, fields=_PERIOD_FIELDS),
    )),
    Field("can_cu", LIST_MAP, "các văn bản mà kế hoạch thực hiện hoặc căn cứ", attr="implements", model=DocRef, fields=(
        Field("loai", STR, "loại văn bản", example="Chỉ thị", attr="kind"),
        Field("so_ky_hieu", TEXT, "số, ký hiệu", True, example="05-CT/TW", attr="number", parse=DocumentNumber.parse),
        Field("ngay", DATE, "ngày ban hành", example="15/5/2016", attr="date"),
        Field("co_quan", STR, "cơ quan ban hành", example="Bộ Chính trị", attr="issuer"),
        Field("trich_yeu", STR, "trích yếu", attr="summary"),
        Field("ke_hoach", REF, "mã kế hoạch trên cổng (nếu văn bản này cũng có trang)", ref="plan", attr="plan_id"),
    )),
    Field("phong_trao", LIST_MAP, "các phong trào kế hoạch phát động hoặc tiếp tục", shorthand="ma",
          attr="movements", model=MovementRef, fields=(
        Field("ma", REF, "mã phong trào", True, ref="movement", example="nong-thon-moi-bo-trach", attr="movement_id"),
        Field("nguyen_van", STR, "tên phong trào đúng như văn bản ghi",
              example="Bố Trạch chung sức xây dựng nông thôn mới", attr="wording"),
    )),
    Field("moc_thoi_gian", LIST_MAP, "các mốc thời gian, hạn chót, ngày kỷ niệm", attr="milestones", model=Milestone,
          fields=(
        Field("ngay", DATE, "ngày, như văn bản ghi", True, example="15/02/2020", attr="date"),
        Field("noi_dung", TEXT, "nội dung mốc", True, example="Hoàn thành triển khai đợt thi đua", attr="text"),
        Field("loai", STR, "loại mốc: han (hạn chót), ky-niem (kỷ niệm), su-kien (sự kiện)", choices=MILESTONE_KINDS,
              example="han", attr="kind", default="han"),
    )),
    Field("chi_tieu", LIST_MAP, "các chỉ tiêu thi đua được đánh số", attr="targets", model=Target, fields=(
        Field("so", INT, "số thứ tự", example=1, attr="number"),
        Field("ten", TEXT, "tên chỉ tiêu", True, example="Tổng giá trị sản xuất", attr="name"),
        Field("gia_tri", STR, "giá trị, đúng như văn bản ghi", example="28.603,61", attr="value"),
        Field("don_vi", STR, "đơn vị", example="tỷ đồng", attr="unit"),
        Field("nguyen_van", STR, "nguyên văn dòng chỉ tiêu", attr="original"),
    )),
    Field("nhiem_vu", LIST_MAP, "nhiệm vụ giao cho từng cơ quan", attr="tasks", model=Task, fields=(
        Field("co_quan", TEXT, "cơ quan được giao", True, example="Phòng Văn hóa và Thông tin", attr="agency"),
        Field("noi_dung", TEXT, "nội dung nhiệm vụ, nguyên văn", True, form="long", attr="text"),
        Field("han", DATE, "thời hạn, như văn bản ghi (để “” nếu không có)", example="tháng 6/2020", attr="deadline"),
        Field("muc", STR, "mục của kế hoạch", example="III.3", attr="section"),
    )),
    Field("nguoi_ky", MAP, "người ký", attr="signer", model=Signer, fields=(
        Field("ho_ten", STR, "họ và tên", example="Trần Quang Vũ", attr="name"),
        Field("chuc_vu", STR, "chức vụ", example="Chủ tịch", attr="title"),
        Field("hinh_thuc", STR, "thể thức ký: TM., KT., T/M … như văn bản ghi", example="TM.", attr="formula"),
        Field("thay_mat", STR, "tập thể ký thay mặt", example="Ủy ban nhân dân", attr="on_behalf_of"),
    )),
    Field("noi_nhan", LIST_STR, "nơi nhận", example=["HĐ TĐKT tỉnh", "Thường trực Huyện ủy"], attr="recipients"),
    Field("nguon", STR, "tệp gốc hoặc nơi lấy văn bản", example="000_303aa1fb2b2a5fad.txt", attr="source_file"),
    Field("ngay_dang", DATE, "ngày đăng lên cổng (để trống: ngày tệp được đưa vào kho lần đầu)", title="Ngày đăng",
          attr="posted"),
    Field("du_lieu_mau", BOOL, "true nếu đây là dữ liệu mẫu", example=False, title="Dữ liệu mẫu", attr="sample"),
)

EXEMPLAR_FIELDS = (
    Field("ten", TEXT, "tên cá nhân hoặc tập thể", True, example="Nguyễn Văn A", attr="name"),
    Field("doi_tuong", STR, "ca-nhan (cá nhân) hoặc tap-the (tập thể)", True, choices=SUBJECTS, example="ca-nhan",
          title="Đối tượng", attr="subject"),
    Field("dia_phuong", REF, "mã địa phương", True, ref="place", example="huyen-bo-trach-quang-binh", attr="place_id"),
    Field("linh_vuc", TEXT, "lĩnh vực", True, example="Nông nghiệp", attr="field_name"),
    Field("phong_trao", LIST_REF, "mã các phong trào", ref="movement", example=["nong-thon-moi-bo-trach"],
          attr="movement_ids"),
    Field("ke_hoach", LIST_REF, "mã các kế hoạch liên quan", ref="plan", example=["bo-trach-195-kh-ubnd-2020"],
          attr="plan_ids"),
    Field("ngay", DATE, "thời điểm được ghi nhận, như văn bản ghi", example="tháng 5/2020", attr="date"),
    Field("khen_thuong", LIST_MAP, "các hình thức khen thưởng", attr="awards", model=Award, fields=(
        Field("hinh_thuc", TEXT, "hình thức", True, example="Giấy khen", attr="form"),
        Field("cap", STR, "cấp khen thưởng", choices=AWARD_LEVELS, example="huyen", attr="level"),
        Field("co_quan", STR, "người hoặc cơ quan khen thưởng", example="Chủ tịch UBND huyện Bố Trạch", attr="issuer"),
        Field("so_quyet_dinh", STR, "số quyết định", example="1234/QĐ-UBND", attr="decision_number"),
        Field("ngay_quyet_dinh", DATE, "ngày quyết định", example="20/5/2020", attr="decision_date"),
    )),
    Field("tom_tat", TEXT, "tóm tắt một, hai câu", True, example="Hiến 500 m² đất làm đường liên thôn.",
          form="long", attr="summary"),
    Field("anh", STR, "ảnh (đường dẫn tới tệp ảnh trong kho, tính từ tệp này)", example="anh/nguyen-van-a.jpg",
          form="image", attr="photo"),
    Field("nguon", STR, "nguồn thông tin", attr="source_note"),
    Field("ngay_dang", DATE, "ngày đăng lên cổng (để trống: ngày tệp được đưa vào kho lần đầu)", title="Ngày đăng",
          attr="posted"),
    Field("du_lieu_mau", BOOL, "true nếu đây là dữ liệu mẫu", example=False, title="Dữ liệu mẫu", attr="sample"),
)

MOVEMENT_FIELDS = (
    Field("ten", TEXT, "tên chính thức của phong trào", True, example="Cả nước chung sức xây dựng nông thôn mới",
          attr="name"),
    Field("cap", STR, "cấp phát động", True, choices=LEVELS, example="quoc-gia", attr="level"),
    Field("phat_dong_boi", STR, "cơ quan phát động", example="Thủ tướng Chính phủ", attr="launched_by"),
    Field("nam", INT, "năm phát động", example=2011, attr="year"),
    Field("phong_trao_cha", REF, "mã phong trào cấp trên (phong trào địa phương trỏ tới phong trào toàn quốc)",
          ref="movement", example="nong-thon-moi", attr="parent_id"),
    Field("dia_phuong", REF, "mã địa phương của phong trào địa phương", ref="place", attr="place_id"),
    Field("cach_goi", LIST_STR, "các cách văn bản gọi phong trào này",
          example=["Bố Trạch chung sức xây dựng nông thôn mới"], attr="wordings"),
)

def _summary_file(path: str) -> Attachment | None:
    return Attachment(path, "Tóm tắt thành tích") if path else None


_NOMINEE_FIELDS = (
    Field("ten", TEXT, "họ và tên (cá nhân) hoặc tên tập thể, đúng như thông báo ghi", True, example="Phan Hồng Hải",
          attr="name"),
    Field("doi_tuong", STR, "ca-nhan (cá nhân) hoặc tap-the (tập thể)", True, choices=SUBJECTS, example="ca-nhan",
          attr="subject"),
    Field("danh_xung", STR, "Ông hoặc Bà (cá nhân)", choices=TITLES, example="Ông", attr="title"),
    Field("chuc_vu", STR, "chức vụ", example="Hiệu trưởng", attr="position"),
    Field("don_vi", STR, "đơn vị công tác", example="Trường Đại học Công nghiệp Thành phố Hồ Chí Minh", attr="unit"),
    Field("dia_chi", STR, "địa chỉ (nếu thông báo ghi)", attr="address"),
    Field("tom_tat", STR, "tóm tắt thành tích (nếu thông báo đăng)", attr="summary"),
    Field("tep", STR, "tệp tóm tắt thành tích đính kèm (PDF hoặc ảnh, đặt cạnh tệp này)", example="tep/tom-tat.pdf",
          attr="attachment", parse=_summary_file),
    Field("guong", REF, "mã gương điển hình ghi nhận khen thưởng, khi đã có quyết định", ref="exemplar",
          attr="exemplar_id"),
    Field("ket_qua", STR, "kết quả, khi đã có (ví dụ số, ngày quyết định khen thưởng)", attr="outcome"),
)

NOTICE_FIELDS = (
    Field("tieu_de", TEXT, "tiêu đề thông báo", True,
          example="Lấy ý kiến nhân dân đối với đề nghị khen thưởng Chiến sĩ thi đua toàn quốc", attr="title"),
    Field("co_quan", TEXT, "cơ quan lấy ý kiến, đúng như thông báo ghi", True, example="Bộ Công Thương",
          attr="body_name"),
    Field("dia_phuong", REF, "mã địa phương nơi cơ quan lấy ý kiến đóng trụ sở", ref="place",
          example="thanh-pho-ha-noi", attr="place_id"),
    Field("so_thong_bao", STR, "số, ký hiệu thông báo (nếu có)", example="123/TB-BTĐKT",
          attr="number", parse=DocumentNumber.parse),
    Field("ngay_thong_bao", DATE, "ngày ký thông báo, như văn bản ghi", example="25/11/2024", attr="issued"),
    Field("ngay_dang", DATE, "ngày đăng lên cổng", example="26/11/2024", attr="posted"),
    Field("noi_dang", STR, "nơi đăng", example="Cổng thông tin điện tử Bộ Công Thương", attr="published_on"),
    Field("can_cu", LIST_STR, "căn cứ pháp lý, nguyên văn",
          example=["Khoản 2, Điều 46 Nghị định số 98/2023/NĐ-CP"], attr="legal_basis"),
    Field("to_trinh", MAP, "tờ trình đề nghị khen thưởng (nếu thông báo nêu)", fields=(
        Field("so", STR, "số tờ trình", example="45/TTr-UBND", attr="proposal_number"),
        Field("ngay", DATE, "ngày tờ trình", example="20/11/2024", attr="proposal_date"),
        Field("co_quan", STR, "cơ quan trình", example="Ủy ban nhân dân xã …", attr="proposal_body"),
    )),
    Field("de_nghi", LIST_MAP, "người, tập thể được đề nghị, nhóm theo hình thức khen thưởng", attr="groups",
          model=NomineeGroup, fields=(
        Field("hinh_thuc", TEXT, "hình thức khen thưởng đúng như thông báo ghi", True,
              example="Huân chương Lao động hạng Ba", attr="award"),
        Field("loai", STR, "loại hình thức khen thưởng", True, choices=AWARD_FORMS,
              example="huan-chuong", attr="form"),
        Field("so_luong", STR, "số lượng như thông báo ghi", example="01 cá nhân", attr="count"),
        Field("danh_sach", LIST_MAP, "từng người, tập thể", attr="nominees", model=Nominee, fields=_NOMINEE_FIELDS),
    )),
    Field("tep_dinh_kem", LIST_MAP, "tệp đính kèm (danh sách dạng ảnh, PDF), đặt cạnh tệp này", attr="attachments",
          model=Attachment, fields=(
        Field("tep", TEXT, "đường dẫn tệp, tính từ tệp này", True, example="tep/danh-sach.jpg", attr="path"),
        Field("mo_ta", STR, "mô tả", example="Danh sách tập thể, cá nhân", attr="label"),
    )),
    Field("thoi_han", MAP, "thời hạn lấy ý kiến", True, attr="period", model=NoticePeriod, fields=(
        Field("nguyen_van", TEXT, "nguyên văn câu ghi thời hạn", True,
              example="trong vòng 10 ngày làm việc kể từ ngày 26 tháng 11 năm 2024", attr="original"),
        Field("tu", DATE, "ngày bắt đầu tính (“kể từ ngày …”)", example="26/11/2024", attr="start"),
        Field("den", DATE, "hạn cuối như văn bản ghi (“trước ngày …”)", example="trước ngày 18/10/2024", attr="end"),
        Field("so_ngay_lam_viec", INT, "số ngày làm việc (“trong vòng 10 ngày làm việc”)", example=10,
              attr="working_days"),
    )),
    Field("gop_y", MAP, "cách gửi ý kiến", True, attr="response", model=Response, fields=(
        Field("dia_chi", STR, "địa chỉ nhận thư góp ý", example="Số 54, phố Hai Bà Trưng, Hà Nội", attr="address"),
        Field("thu_dien_tu", STR, "thư điện tử", example="thiduakhenthuong@example.gov.vn", attr="email"),
        Field("dien_thoai", STR, "điện thoại", example="024 3825 4321", attr="phone"),
        Field("yeu_cau", STR, "yêu cầu đối với ý kiến, nguyên văn",
              example="bằng văn bản có chữ ký, ghi rõ họ tên, điện thoại, địa chỉ liên hệ", attr="requirements"),
        Field("nguyen_van", STR, "nguyên văn câu hướng dẫn gửi ý kiến", attr="original"),
    )),
    Field("nguon", STR, "nơi lấy thông báo (địa chỉ trang gốc)", attr="source_note"),
    Field("du_lieu_mau", BOOL, "true nếu đây là dữ liệu mẫu", example=False, attr="sample"),
)

SCHEMAS: dict[str, tuple[Field, ...]] = {
    KIND_PLAN: PLAN_FIELDS,
    KIND_EXEMPLAR: EXEMPLAR_FIELDS,
    KIND_MOVEMENT: MOVEMENT_FIELDS,
    KIND_NOTICE: NOTICE_FIELDS,
}

MODELS: dict[str, type] = {KIND_PLAN: Plan, KIND_EXEMPLAR: Exemplar, KIND_MOVEMENT: Movement, KIND_NOTICE: Notice}


# ----- front matter -> model, by the declarations above ------------------------------------------------------------
def _date(value: object) -> DateValue:
    try:
        return parse_date(value)
    except DateError:  # reported by validation; a model is never built from a bad date
        return UNKNOWN


def _items(value: object) -> list:
    """A list's items: a single value stands for a list of one, null (or a mapping) for none."""
    if isinstance(value, list):
        return value
    return [] if value is None or isinstance(value, dict) else [value]


def _value(field: Field, value: object) -> Any:
    """A front-matter value as the model holds it. Lenient on purpose: the validator and the importer read
    movements before a check has passed, and a wrong type becomes an empty value, never an exception."""
    if field.kind in (MAP, LIST_MAP):
        def one(item: object) -> Any:
            if isinstance(item, str) and field.shorthand:
                item = {field.shorthand: item}
            return _make(field.model, field.fields, item if isinstance(item, dict) else {})
        if field.kind == MAP:
            return one(value)
        return tuple(one(item) for item in _items(value)
                     if isinstance(item, dict) or (field.shorthand and isinstance(item, str)))
    if field.kind == DATE:
        return _date(value)
    if field.kind == INT:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if field.kind == BOOL:
        return bool(value)
    if field.kind in (LIST_STR, LIST_REF):
        return tuple(str(item) for item in _items(value) if not isinstance(item, (dict, list)))
    text = "" if value is None else str(value).strip()
    if not text and field.default is not None:
        text = str(field.default)
    return field.parse(text) if field.parse else text


def _values(fields: tuple[Field, ...], meta: dict) -> dict[str, Any]:
    """Every attribute the fields fill from ``meta``; a MAP without a model of its own fills the entry's."""
    values: dict[str, Any] = {}
    for f in fields:
        if f.kind == MAP and f.model is None:
            inner = meta.get(f.key)
            values.update(_values(f.fields, inner if isinstance(inner, dict) else {}))
        elif f.attr:
            values[f.attr] = _value(f, meta.get(f.key))
    return values


def convert(field: Field, value: object) -> Any:
    """One front-matter value as the model holds it, by its declaration."""
    return _value(field, value)


def _make(model: type | None, fields: tuple[Field, ...], meta: dict, **given: Any) -> Any:
    assert model is not None, "a LIST_MAP field declares its model"
    return model(**{**_values(fields, meta), **given})


def model_of(kind: str, entry_id: str, meta: dict, source: Source | None = None, body: str = "") -> Any:
    """The model of an entry (Plan, Exemplar, Movement, Notice) from its front matter, by the declarations of its
    kind: each key fills the attribute its :class:`Field` names, converted by its value kind. What the model
    computes beyond the words (a notice's first and last day, from working days) the loader adds after."""
    return _make(MODELS[kind], SCHEMAS[kind], meta, id=entry_id, source=source, body=body)


def field_of(kind: str, key: str) -> Field:
    """The declaration of a top-level key of an entry of ``kind``."""
    return next(f for f in SCHEMAS[kind] if f.key == key)
