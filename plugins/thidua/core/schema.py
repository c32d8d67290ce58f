"""The front-matter keys of each kind of entry: type, whether required, what they mean (in Vietnamese).

One declaration serves validation, the editor's guide, ``thidua new`` and the importer.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import KIND_EXEMPLAR, KIND_MOVEMENT, KIND_NOTICE, KIND_PLAN

__all__ = ["Field", "SCHEMAS", "LEVELS", "SUBJECTS", "MILESTONE_KINDS", "KIND_LABELS", "AWARD_LEVELS",
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
    Field("ten", STR, "tên đợt", example="Đợt 1"),
    Field("tu", DATE, "ngày bắt đầu, như văn bản ghi", example="12/02/2020"),
    Field("den", DATE, "ngày kết thúc, như văn bản ghi", example="tháng 12/2020"),
)

PLAN_FIELDS = (
    Field("so_ky_hieu", STR, "số và ký hiệu văn bản đúng như văn bản ghi (để “” nếu văn bản không có số)", True,
          example="195/KH-UBND"),
    Field("loai_van_ban", TEXT, "loại văn bản", True, example="Kế hoạch"),
    Field("co_quan_ban_hanh", TEXT, "cơ quan ban hành", True, example="Ủy ban nhân dân huyện Bố Trạch"),
    Field("co_quan_chu_quan", STR, "cơ quan chủ quản ghi phía trên cơ quan ban hành (nếu có)"),
    Field("dia_phuong", REF, "mã địa phương nơi ban hành, theo đơn vị hành chính tại thời điểm ban hành", True,
          ref="place", example="huyen-bo-trach-quang-binh"),
    Field("noi_ban_hanh", STR, "địa danh ở dòng ngày tháng", example="Bố Trạch"),
    Field("ngay_ban_hanh", DATE, "ngày ban hành đúng như văn bản ghi (để “” nếu văn bản không ghi)", True,
          example="12/02/2020"),
    Field("trich_yeu", TEXT, "trích yếu: tên văn bản sau chữ KẾ HOẠCH", True,
          example="Phát động đợt thi đua đặc biệt …", form="long"),
    Field("chu_de", STR, "chủ đề thi đua (trong ngoặc kép trong văn bản)"),
    Field("phuong_cham", STR, "phương châm hành động"),
    Field("thoi_gian", MAP, "thời gian đợt thi đua", fields=(
        Field("tu", DATE, "ngày bắt đầu", example="12/02/2020"),
        Field("den", DATE, "ngày kết thúc", example="tháng 12/2020"),
        Field("nguyen_van", STR, "nguyên văn câu ghi thời gian trong văn bản"),
        Field("dot", LIST_MAP, "các đợt thi đua", fields=_PERIOD_FIELDS),
    )),
    Field("can_cu", LIST_MAP, "các văn bản mà kế hoạch thực hiện hoặc căn cứ", fields=(
        Field("loai", STR, "loại văn bản", example="Chỉ thị"),
        Field("so_ky_hieu", TEXT, "số, ký hiệu", True, example="05-CT/TW"),
        Field("ngay", DATE, "ngày ban hành", example="15/5/2016"),
        Field("co_quan", STR, "cơ quan ban hành", example="Bộ Chính trị"),
        Field("trich_yeu", STR, "trích yếu"),
        Field("ke_hoach", REF, "mã kế hoạch trên cổng (nếu văn bản này cũng có trang)", ref="plan"),
    )),
    Field("phong_trao", LIST_MAP, "các phong trào kế hoạch phát động hoặc tiếp tục", shorthand="ma", fields=(
        Field("ma", REF, "mã phong trào", True, ref="movement", example="nong-thon-moi-bo-trach"),
        Field("nguyen_van", STR, "tên phong trào đúng như văn bản ghi",
              example="Bố Trạch chung sức xây dựng nông thôn mới"),
    )),
    Field("moc_thoi_gian", LIST_MAP, "các mốc thời gian, hạn chót, ngày kỷ niệm", fields=(
        Field("ngay", DATE, "ngày, như văn bản ghi", True, example="15/02/2020"),
        Field("noi_dung", TEXT, "nội dung mốc", True, example="Hoàn thành triển khai đợt thi đua"),
        Field("loai", STR, "loại mốc: han (hạn chót), ky-niem (kỷ niệm), su-kien (sự kiện)", choices=MILESTONE_KINDS,
              example="han"),
    )),
    Field("chi_tieu", LIST_MAP, "các chỉ tiêu thi đua được đánh số", fields=(
        Field("so", INT, "số thứ tự", example=1),
        Field("ten", TEXT, "tên chỉ tiêu", True, example="Tổng giá trị sản xuất"),
        Field("gia_tri", STR, "giá trị, đúng như văn bản ghi", example="28.603,61"),
        Field("don_vi", STR, "đơn vị", example="tỷ đồng"),
        Field("nguyen_van", STR, "nguyên văn dòng chỉ tiêu"),
    )),
    Field("nhiem_vu", LIST_MAP, "nhiệm vụ giao cho từng cơ quan", fields=(
        Field("co_quan", TEXT, "cơ quan được giao", True, example="Phòng Văn hóa và Thông tin"),
        Field("noi_dung", TEXT, "nội dung nhiệm vụ, nguyên văn", True, form="long"),
        Field("han", DATE, "thời hạn, như văn bản ghi (để “” nếu không có)", example="tháng 6/2020"),
        Field("muc", STR, "mục của kế hoạch", example="III.3"),
    )),
    Field("nguoi_ky", MAP, "người ký", fields=(
        Field("ho_ten", STR, "họ và tên", example="Trần Quang Vũ"),
        Field("chuc_vu", STR, "chức vụ", example="Chủ tịch"),
        Field("hinh_thuc", STR, "thể thức ký: TM., KT., T/M … như văn bản ghi", example="TM."),
        Field("thay_mat", STR, "tập thể ký thay mặt", example="Ủy ban nhân dân"),
    )),
    Field("noi_nhan", LIST_STR, "nơi nhận", example=["HĐ TĐKT tỉnh", "Thường trực Huyện ủy"]),
    Field("nguon", STR, "tệp gốc hoặc nơi lấy văn bản", example="000_303aa1fb2b2a5fad.txt"),
    Field("ngay_dang", DATE, "ngày đăng lên cổng (để trống: ngày tệp được đưa vào kho lần đầu)", title="Ngày đăng"),
    Field("du_lieu_mau", BOOL, "true nếu đây là dữ liệu mẫu", example=False, title="Dữ liệu mẫu"),
)

EXEMPLAR_FIELDS = (
    Field("ten", TEXT, "tên cá nhân hoặc tập thể", True, example="Nguyễn Văn A"),
    Field("doi_tuong", STR, "ca-nhan (cá nhân) hoặc tap-the (tập thể)", True, choices=SUBJECTS, example="ca-nhan",
          title="Đối tượng"),
    Field("dia_phuong", REF, "mã địa phương", True, ref="place", example="huyen-bo-trach-quang-binh"),
    Field("linh_vuc", TEXT, "lĩnh vực", True, example="Nông nghiệp"),
    Field("phong_trao", LIST_REF, "mã các phong trào", ref="movement", example=["nong-thon-moi-bo-trach"]),
    Field("ke_hoach", LIST_REF, "mã các kế hoạch liên quan", ref="plan", example=["bo-trach-195-kh-ubnd-2020"]),
    Field("ngay", DATE, "thời điểm được ghi nhận, như văn bản ghi", example="tháng 5/2020"),
    Field("khen_thuong", LIST_MAP, "các hình thức khen thưởng", fields=(
        Field("hinh_thuc", TEXT, "hình thức", True, example="Giấy khen"),
        Field("cap", STR, "cấp khen thưởng", choices=AWARD_LEVELS, example="huyen"),
        Field("co_quan", STR, "người hoặc cơ quan khen thưởng", example="Chủ tịch UBND huyện Bố Trạch"),
        Field("so_quyet_dinh", STR, "số quyết định", example="1234/QĐ-UBND"),
        Field("ngay_quyet_dinh", DATE, "ngày quyết định", example="20/5/2020"),
    )),
    Field("tom_tat", TEXT, "tóm tắt một, hai câu", True, example="Hiến 500 m² đất làm đường liên thôn.",
          form="long"),
    Field("anh", STR, "ảnh (đường dẫn tới tệp ảnh trong kho, tính từ tệp này)", example="anh/nguyen-van-a.jpg",
          form="image"),
    Field("nguon", STR, "nguồn thông tin"),
    Field("ngay_dang", DATE, "ngày đăng lên cổng (để trống: ngày tệp được đưa vào kho lần đầu)", title="Ngày đăng"),
    Field("du_lieu_mau", BOOL, "true nếu đây là dữ liệu mẫu", example=False, title="Dữ liệu mẫu"),
)

MOVEMENT_FIELDS = (
    Field("ten", TEXT, "tên chính thức của phong trào", True, example="Cả nước chung sức xây dựng nông thôn mới"),
    Field("cap", STR, "cấp phát động", True, choices=LEVELS, example="quoc-gia"),
    Field("phat_dong_boi", STR, "cơ quan phát động", example="Thủ tướng Chính phủ"),
    Field("nam", INT, "năm phát động", example=2011),
    Field("phong_trao_cha", REF, "mã phong trào cấp trên (phong trào địa phương trỏ tới phong trào toàn quốc)",
          ref="movement", example="nong-thon-moi"),
    Field("dia_phuong", REF, "mã địa phương của phong trào địa phương", ref="place"),
    Field("cach_goi", LIST_STR, "các cách văn bản gọi phong trào này",
          example=["Bố Trạch chung sức xây dựng nông thôn mới"]),
)

_NOMINEE_FIELDS = (
    Field("ten", TEXT, "họ và tên (cá nhân) hoặc tên tập thể, đúng như thông báo ghi", True, example="Phan Hồng Hải"),
    Field("doi_tuong", STR, "ca-nhan (cá nhân) hoặc tap-the (tập thể)", True, choices=SUBJECTS, example="ca-nhan"),
    Field("danh_xung", STR, "Ông hoặc Bà (cá nhân)", choices=TITLES, example="Ông"),
    Field("chuc_vu", STR, "chức vụ", example="Hiệu trưởng"),
    Field("don_vi", STR, "đơn vị công tác", example="Trường Đại học Công nghiệp Thành phố Hồ Chí Minh"),
    Field("dia_chi", STR, "địa chỉ (nếu thông báo ghi)"),
    Field("tom_tat", STR, "tóm tắt thành tích (nếu thông báo đăng)"),
    Field("tep", STR, "tệp tóm tắt thành tích đính kèm (PDF hoặc ảnh, đặt cạnh tệp này)", example="tep/tom-tat.pdf"),
    Field("guong", REF, "mã gương điển hình ghi nhận khen thưởng, khi đã có quyết định", ref="exemplar"),
    Field("ket_qua", STR, "kết quả, khi đã có (ví dụ số, ngày quyết định khen thưởng)"),
)

NOTICE_FIELDS = (
    Field("tieu_de", TEXT, "tiêu đề thông báo", True,
          example="Lấy ý kiến nhân dân đối với đề nghị khen thưởng Chiến sĩ thi đua toàn quốc"),
    Field("co_quan", TEXT, "cơ quan lấy ý kiến, đúng như thông báo ghi", True, example="Bộ Công Thương"),
    Field("dia_phuong", REF, "mã địa phương nơi cơ quan lấy ý kiến đóng trụ sở", ref="place",
          example="thanh-pho-ha-noi"),
    Field("so_thong_bao", STR, "số, ký hiệu thông báo (nếu có)", example="123/TB-BTĐKT"),
    Field("ngay_thong_bao", DATE, "ngày ký thông báo, như văn bản ghi", example="25/11/2024"),
    Field("ngay_dang", DATE, "ngày đăng lên cổng", example="26/11/2024"),
    Field("noi_dang", STR, "nơi đăng", example="Cổng thông tin điện tử Bộ Công Thương"),
    Field("can_cu", LIST_STR, "căn cứ pháp lý, nguyên văn",
          example=["Khoản 2, Điều 46 Nghị định số 98/2023/NĐ-CP"]),
    Field("to_trinh", MAP, "tờ trình đề nghị khen thưởng (nếu thông báo nêu)", fields=(
        Field("so", STR, "số tờ trình", example="45/TTr-UBND"),
        Field("ngay", DATE, "ngày tờ trình", example="20/11/2024"),
        Field("co_quan", STR, "cơ quan trình", example="Ủy ban nhân dân xã …"),
    )),
    Field("de_nghi", LIST_MAP, "người, tập thể được đề nghị, nhóm theo hình thức khen thưởng", fields=(
        Field("hinh_thuc", TEXT, "hình thức khen thưởng đúng như thông báo ghi", True,
              example="Huân chương Lao động hạng Ba"),
        Field("loai", STR, "loại hình thức khen thưởng", True, choices=AWARD_FORMS,
              example="huan-chuong"),
        Field("so_luong", STR, "số lượng như thông báo ghi", example="01 cá nhân"),
        Field("danh_sach", LIST_MAP, "từng người, tập thể", fields=_NOMINEE_FIELDS),
    )),
    Field("tep_dinh_kem", LIST_MAP, "tệp đính kèm (danh sách dạng ảnh, PDF), đặt cạnh tệp này", fields=(
        Field("tep", TEXT, "đường dẫn tệp, tính từ tệp này", True, example="tep/danh-sach.jpg"),
        Field("mo_ta", STR, "mô tả", example="Danh sách tập thể, cá nhân"),
    )),
    Field("thoi_han", MAP, "thời hạn lấy ý kiến", True, fields=(
        Field("nguyen_van", TEXT, "nguyên văn câu ghi thời hạn", True,
              example="trong vòng 10 ngày làm việc kể từ ngày 26 tháng 11 năm 2024"),
        Field("tu", DATE, "ngày bắt đầu tính (“kể từ ngày …”)", example="26/11/2024"),
        Field("den", DATE, "hạn cuối như văn bản ghi (“trước ngày …”)", example="trước ngày 18/10/2024"),
        Field("so_ngay_lam_viec", INT, "số ngày làm việc (“trong vòng 10 ngày làm việc”)", example=10),
    )),
    Field("gop_y", MAP, "cách gửi ý kiến", True, fields=(
        Field("dia_chi", STR, "địa chỉ nhận thư góp ý", example="Số 54, phố Hai Bà Trưng, Hà Nội"),
        Field("thu_dien_tu", STR, "thư điện tử", example="thiduakhenthuong@example.gov.vn"),
        Field("dien_thoai", STR, "điện thoại", example="024 3825 4321"),
        Field("yeu_cau", STR, "yêu cầu đối với ý kiến, nguyên văn",
              example="bằng văn bản có chữ ký, ghi rõ họ tên, điện thoại, địa chỉ liên hệ"),
        Field("nguyen_van", STR, "nguyên văn câu hướng dẫn gửi ý kiến"),
    )),
    Field("nguon", STR, "nơi lấy thông báo (địa chỉ trang gốc)"),
    Field("du_lieu_mau", BOOL, "true nếu đây là dữ liệu mẫu", example=False),
)

SCHEMAS: dict[str, tuple[Field, ...]] = {
    KIND_PLAN: PLAN_FIELDS,
    KIND_EXEMPLAR: EXEMPLAR_FIELDS,
    KIND_MOVEMENT: MOVEMENT_FIELDS,
    KIND_NOTICE: NOTICE_FIELDS,
}
