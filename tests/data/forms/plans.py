"""Plans as data, for make_forms.py: the three shipped seeds re-laid out as signed documents, and synthetic plans of
other layouts (written for these tests, not copied from any real plan).

A plan is a dict: ``left`` (issuer lines above the number), ``number`` (the "Số: …" line or None), ``right`` (motto
lines and the place-and-date line), ``kind`` ("KẾ HOẠCH"), ``title`` (one string), ``body`` (paragraphs as written),
``recipients`` (the "Nơi nhận" lines), ``sign`` (the signature block, top to bottom; "" for the space of the signature)
and ``expected``: the header facts a reader of the signed paper would write down.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def _plain(line: str) -> str:
    """A line of a seed's conversion as printed: Markdown marks off, "$\\geq 100$" and "m<sup>2</sup>" as characters."""
    from thidua.editor.importer.source import clean

    bullet = re.match(r"^\s*[-+]\s+", line)
    text = clean(line[bullet.end():] if bullet else line)
    return f"- {text}" if bullet and text else text


def seed_plan(name: str, left: list[str], signer_lines: int) -> dict:
    """A seed text re-laid out: header from its own Số/date lines (plus the issuer lines given), body as is."""
    lines = [_plain(x) for x in (SEEDS / name).read_text(encoding="utf-8").split("\n")]
    lines = [x for x in lines if x]
    number = next((x for x in lines[:6] if x.startswith("Số")), None)
    date = next((x for x in lines[:6] if ", ngày" in x), None)
    kind_at = next(i for i, x in enumerate(lines) if x == "KẾ HOẠCH")
    title = lines[kind_at + 1]
    recipients_at = next(i for i, x in enumerate(lines) if x.startswith("Nơi nhận"))
    body = lines[kind_at + 2: recipients_at]
    tail = lines[recipients_at + 1:]
    recipients = tail[: len(tail) - signer_lines]
    sign = tail[len(tail) - signer_lines:]
    sign = sign[:-1] + ["", sign[-1]]
    return {"left": left, "number": number, "right": MOTTO + ([date] if date else []), "kind": "KẾ HOẠCH",
            "title": title, "body": body, "recipients": [r.lstrip("- ") for r in recipients], "sign": sign}


SEED_PLANS = {
    # The seed has no issuer lines (lost in its conversion); the signed paper has them: the hand entry's issuer.
    "seed000": (seed_plan("000_303aa1fb2b2a5fad.txt", ["ỦY BAN NHÂN DÂN", "HUYỆN BỐ TRẠCH"], 3),
                "plans/bo-trach-195-kh-ubnd-2020.md"),
    # A Party plan without number or date, whose issuer is named in its opening sentence only.
    "seed001": (seed_plan("001_f14f69ecf0e9450c.txt", [], 4), "plans/ha-tinh-dang-uy-khoi-2021.md"),
    "seed004": (seed_plan("004_53c0be273c9cb1a6.txt", ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"], 2),
                "plans/binh-son-21-kh-ubnd-2025.md"),
}

SYNTHETIC = {
    # Provincial issuer, blank number, blank day, campaign window, KT. signature, a theme with a dash that wraps,
    # a target "ít nhất 90%", a law cited without a number.
    "tinh-so-trong": {
        "left": ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"],
        "number": "Số: /KH-UBND",
        "right": MOTTO + ["Quảng Bình, ngày      tháng 4 năm 2022"],
        "kind": "KẾ HOẠCH",
        "title": "Tổ chức đợt thi đua cao điểm chào mừng kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh và "
                 "47 năm Ngày giải phóng miền Nam, thống nhất đất nước",
        "body": [
            "Căn cứ Luật Thi đua, khen thưởng năm 2022; căn cứ Kế hoạch số 112/KH-UBND ngày 10/3/2022 của Ủy ban "
            "nhân dân tỉnh Quảng Bình về công tác thi đua, khen thưởng năm 2022, Ủy ban nhân dân tỉnh ban hành "
            "Kế hoạch tổ chức đợt thi đua cao điểm như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Tạo khí thế thi đua sôi nổi trong các cấp, các ngành với chủ đề: “Quảng Bình đoàn kết, năng động "
            "sáng tạo - Thi đua lập thành tích chào mừng các ngày lễ lớn của đất nước năm 2022”.",
            "2. Đợt thi đua gắn với phong trào “Quảng Bình chung tay vì người nghèo - Không để ai bị bỏ lại "
            "phía sau”, thực hiện theo phương châm: “Đoàn kết, kỷ cương, sáng tạo, hiệu quả”.",
            "II. CHỈ TIÊU",
            "(1) Tỷ lệ cơ quan, đơn vị đăng ký thi đua đạt ít nhất 90%;",
            "(2) Số mô hình, cách làm hay được nhân rộng: 25 mô hình;",
            "(3) Tỷ lệ hồ sơ khen thưởng giải quyết đúng hạn: 100%.",
            "III. THỜI GIAN THI ĐUA",
            "Thời gian thi đua: Từ ngày 25/4 đến ngày 30/5/2022.",
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh)",
            "- Hướng dẫn, theo dõi, đôn đốc các đơn vị triển khai đợt thi đua; tổng hợp kết quả, báo cáo Ủy ban "
            "nhân dân tỉnh trước ngày 10/6/2022.",
            "2. Sở Văn hóa và Thể thao, Báo Quảng Bình, Đài Phát thanh và Truyền hình Quảng Bình: tuyên truyền "
            "gương người tốt, việc tốt trong đợt thi đua.",
            "3. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch hưởng ứng, "
            "hoàn thành trong tháng 5/2022.",
            "Trên đây là Kế hoạch tổ chức đợt thi đua cao điểm năm 2022 của Ủy ban nhân dân tỉnh./.",
        ],
        "recipients": ["Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương);", "Thường trực Tỉnh ủy;",
                       "Các sở, ban, ngành;", "Lưu: VT, NC."],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Hoàng Minh Thử"],
        "expected": {"so_ky_hieu": "/KH-UBND", "ngay_ban_hanh": "tháng 4/2022", "noi_ban_hanh": "Quảng Bình",
                     "dia_phuong": "tinh-quang-binh", "co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Quảng Bình",
                     "co_quan_chu_quan": "",
                     "trich_yeu": "Tổ chức đợt thi đua cao điểm chào mừng kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí "
                                  "Minh và 47 năm Ngày giải phóng miền Nam, thống nhất đất nước",
                     "nguoi_ky": {"ho_ten": "Hoàng Minh Thử", "chuc_vu": "Phó Chủ tịch", "hinh_thuc": "KT.",
                                  "thay_mat": "Chủ tịch Ủy ban nhân dân"},
                     "chu_de": "Quảng Bình đoàn kết, năng động sáng tạo - Thi đua lập thành tích chào mừng các ngày "
                               "lễ lớn của đất nước năm 2022",
                     "thoi_gian": {"tu": "25/4/2022", "den": "30/5/2022"}},
    },
    # A sector office under its parent body, sections 1. to 5. with 5.1, 5.2, rounds "thứ nhất / thứ hai",
    # deadlines "trước ngày …", a date in words, tasks given to lists of units, a signature without TM./KT.
    "phong-giao-duc": {
        "left": ["UBND HUYỆN BỐ TRẠCH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
        "number": "Số: 45/KH-PGDĐT",
        "right": MOTTO + ["Bố Trạch, ngày 15 tháng 9 năm 2023"],
        "kind": "KẾ HOẠCH",
        "title": "Tổ chức phong trào thi đua “Dạy tốt - Học tốt” năm học 2023 - 2024",
        "body": [
            "Thực hiện Kế hoạch số 120/KH-UBND ngày 05/9/2023 của Ủy ban nhân dân huyện Bố Trạch về công tác thi "
            "đua, khen thưởng năm học 2023 - 2024, Phòng Giáo dục và Đào tạo xây dựng kế hoạch như sau:",
            "1. Mục đích",
            "Đẩy mạnh phong trào thi đua “Dạy tốt - Học tốt” trong các trường học trên địa bàn huyện.",
            "2. Yêu cầu",
            "Phong trào thi đua được tổ chức thiết thực, hiệu quả, tránh hình thức.",
            "3. Chỉ tiêu",
            "(1) Tỷ lệ giáo viên đạt chuẩn nghề nghiệp ít nhất 95%;",
            "(2) Tỷ lệ học sinh hoàn thành chương trình lớp học: 98,5%.",
            "4. Thời gian thi đua",
            "Đợt thi đua thứ nhất: từ ngày 05/9/2023 đến ngày 20/11/2023.",
            "Đợt thi đua thứ hai: từ ngày 21/11/2023 đến ngày 26/3/2024.",
            "5. Tổ chức thực hiện",
            "5.1. Bộ phận Thi đua - Khen thưởng",
            "- Hướng dẫn các trường đăng ký thi đua, tổng hợp danh sách trước ngày 30/9/2023.",
            "- Tổng hợp kết quả đợt thi đua thứ nhất, báo cáo Trưởng phòng trước ngày 30 tháng 11 năm 2023.",
            "5.2. Các trường mầm non, tiểu học, trung học cơ sở",
            "- Xây dựng kế hoạch hưởng ứng và gửi về Phòng Giáo dục và Đào tạo trước ngày 25/9.",
            "5.3. Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên, Trường Phổ thông dân tộc nội trú huyện: "
            "phối hợp tổ chức các hoạt động của phong trào thi đua.",
            "Trên đây là Kế hoạch tổ chức phong trào thi đua “Dạy tốt - Học tốt” năm học 2023 - 2024./.",
        ],
        "recipients": ["UBND huyện (để b/c);", "Các trường học trực thuộc;", "Lưu: VT."],
        "sign": ["TRƯỞNG PHÒNG", "", "Lê Thị Hồng Nhung"],
        "expected": {"so_ky_hieu": "45/KH-PGDĐT", "ngay_ban_hanh": "15/9/2023", "noi_ban_hanh": "Bố Trạch",
                     "dia_phuong": "huyen-bo-trach-quang-binh",
                     "co_quan_ban_hanh": "Phòng Giáo dục và Đào tạo",
                     "co_quan_chu_quan": "Ủy ban nhân dân huyện Bố Trạch",
                     "trich_yeu": "Tổ chức phong trào thi đua “Dạy tốt - Học tốt” năm học 2023 - 2024",
                     "nguoi_ky": {"ho_ten": "Lê Thị Hồng Nhung", "chuc_vu": "Trưởng phòng", "hinh_thuc": "",
                                  "thay_mat": ""}},
    },
    # No issuer lines at all: the plan names itself in its opening sentence, and the locality comes from it.
    "huyen-cau-mo-dau": {
        "left": [],
        "number": "Số: 88/KH-UBND",
        "right": MOTTO + ["Quảng Ninh, ngày 02 tháng 10 năm 2024"],
        "kind": "KẾ HOẠCH",
        "title": "Phát động phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát” trên địa bàn huyện năm 2024",
        "body": [
            "Ủy ban nhân dân huyện Quảng Ninh xây dựng và triển khai kế hoạch phát động phong trào thi đua như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Huy động sức mạnh của cả hệ thống chính trị, các tầng lớp nhân dân chung tay xóa nhà tạm, nhà dột nát.",
            "II. THỜI GIAN",
            "Đợt 1: từ ngày 05/10/2024 đến ngày 31/12/2024.",
            "Đợt 2: từ ngày 02/01/2025 đến ngày 30/6/2025.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Phòng Nội vụ chủ trì, hướng dẫn các xã, thị trấn triển khai, tổng hợp kết quả trước ngày "
            "30 tháng 11 năm 2024.",
            "2. Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Thể thao và Truyền thông huyện: tuyên truyền "
            "rộng rãi phong trào trên các phương tiện thông tin đại chúng.",
            "3. Ủy ban nhân dân các xã, thị trấn xây dựng kế hoạch thực hiện, báo cáo kết quả trước ngày 15/12.",
        ],
        "recipients": ["UBND tỉnh (để b/c);", "TT Huyện ủy, TT HĐND huyện;", "Lưu: VT."],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trương Văn Mẫu"],
        "expected": {"so_ky_hieu": "88/KH-UBND", "ngay_ban_hanh": "02/10/2024", "noi_ban_hanh": "Quảng Ninh",
                     "dia_phuong": "huyen-quang-ninh-quang-binh",
                     "co_quan_ban_hanh": "Ủy ban nhân dân huyện Quảng Ninh", "co_quan_chu_quan": "",
                     "trich_yeu": "Phát động phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát” trên địa bàn "
                                  "huyện năm 2024",
                     "nguoi_ky": {"ho_ten": "Trương Văn Mẫu", "chuc_vu": "Chủ tịch", "hinh_thuc": "TM.",
                                  "thay_mat": "Ủy ban nhân dân"}},
    },
    # A Party committee of a district: "Số 12-KH/HU" without colon, Arabic sections only, "giai đoạn", T/M signature.
    "huyen-uy-giai-doan": {
        "left": ["ĐẢNG BỘ TỈNH HÀ TĨNH", "HUYỆN ỦY HƯƠNG KHÊ", "*"],
        "number": "Số 12-KH/HU",
        "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hương Khê, ngày 20 tháng 3 năm 2023"],
        "kind": "KẾ HOẠCH",
        "title": "Thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025",
        "body": [
            "Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao chất lượng, hiệu quả công "
            "tác dân vận; Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:",
            "1. Mục đích, yêu cầu",
            "Nâng cao nhận thức của cấp ủy, chính quyền về phong trào thi đua “Dân vận khéo”.",
            "2. Nội dung",
            "Giai đoạn 1 (từ ngày 01/4/2023 đến ngày 31/12/2023): xây dựng mô hình điểm ở mỗi xã, thị trấn.",
            "Giai đoạn 2 (từ ngày 01/01/2024 đến ngày 31/12/2025): nhân rộng các mô hình có hiệu quả.",
            "3. Tổ chức thực hiện",
            "3.1. Ban Dân vận Huyện ủy chủ trì, hướng dẫn, theo dõi, tổng hợp, báo cáo Ban Thường vụ Huyện ủy "
            "trước ngày 15/12/2023.",
            "3.2. Các chi bộ, đảng bộ cơ sở: xây dựng kế hoạch thực hiện phù hợp với tình hình địa phương.",
        ],
        "recipients": ["Ban Dân vận Tỉnh ủy;", "Các chi bộ, đảng bộ cơ sở;", "Lưu VP Huyện ủy."],
        "sign": ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Phan Văn Mẫu"],
        "expected": {"so_ky_hieu": "12-KH/HU", "ngay_ban_hanh": "20/3/2023", "noi_ban_hanh": "Hương Khê",
                     "dia_phuong": "huyen-huong-khe-ha-tinh", "co_quan_ban_hanh": "Huyện ủy Hương Khê",
                     "co_quan_chu_quan": "Đảng bộ tỉnh Hà Tĩnh",
                     "trich_yeu": "Thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025",
                     "nguoi_ky": {"ho_ten": "Phan Văn Mẫu", "chuc_vu": "Phó Bí thư", "hinh_thuc": "T/M",
                                  "thay_mat": "Ban Thường vụ"}},
    },
}

# Layouts the plans above do not cover (written for these tests, not copied from any real plan).
SYNTHETIC.update({
    # A Party committee of the province's agencies and enterprises: three issuer lines over "*", "Số 45-KH/ĐUK",
    # the Party's line instead of the national motto, a T/M signature by a deputy secretary.
    "dang-uy-khoi": {
        "left": ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "*"],
        "number": "Số 45-KH/ĐUK",
        "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Ngãi, ngày 05 tháng 3 năm 2025"],
        "kind": "KẾ HOẠCH",
        "title": "Tổ chức phong trào thi đua lập thành tích chào mừng Đại hội đại biểu Đảng bộ Khối Cơ quan và "
                 "Doanh nghiệp tỉnh lần thứ II, nhiệm kỳ 2025 - 2030",
        "body": [
            "Thực hiện Kế hoạch số 280-KH/TU ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy Quảng Ngãi về tổ chức đại hội "
            "đảng bộ các cấp, Ban Thường vụ Đảng ủy Khối ban hành kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Động viên cán bộ, đảng viên trong Đảng bộ Khối thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.",
            "II. THỜI GIAN THI ĐUA",
            "Từ ngày 10/3/2025 đến ngày 30/8/2025.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Văn phòng Đảng ủy Khối tổng hợp, báo cáo kết quả về Ban Thường vụ Đảng ủy Khối chậm nhất ngày "
            "15/9/2025.",
            "2. Ban Tuyên giáo Đảng ủy Khối hướng dẫn các tổ chức cơ sở đảng tuyên truyền về phong trào thi đua.",
            "3. Các tổ chức cơ sở đảng trực thuộc xây dựng kế hoạch hưởng ứng, gửi về Đảng ủy Khối trước ngày 25/3/2025.",
        ],
        "recipients": ["Thường trực Tỉnh ủy (b/c);", "Các tổ chức cơ sở đảng trực thuộc;", "Lưu Văn phòng Đảng ủy Khối."],
        "sign": ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Nguyễn Thị Mẫu"],
        "expected": {"so_ky_hieu": "45-KH/ĐUK", "ngay_ban_hanh": "05/3/2025", "noi_ban_hanh": "Quảng Ngãi",
                     "dia_phuong": "tinh-quang-ngai-truoc-2025",
                     "co_quan_ban_hanh": "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh",
                     "co_quan_chu_quan": "Đảng bộ tỉnh Quảng Ngãi",
                     "trich_yeu": "Tổ chức phong trào thi đua lập thành tích chào mừng Đại hội đại biểu Đảng bộ Khối "
                                  "Cơ quan và Doanh nghiệp tỉnh lần thứ II, nhiệm kỳ 2025 - 2030",
                     "nguoi_ky": {"ho_ten": "Nguyễn Thị Mẫu", "chuc_vu": "Phó Bí thư", "hinh_thuc": "T/M",
                                  "thay_mat": "Ban Thường vụ"}},
    },
    # A ward's People's Committee after 1 July 2025 (two-level local government): "UBND PHƯỜNG …" on one line,
    # the ward's name as the place of issue, a signature for the committee by its vice-chairman.
    "phuong-sau-sap-nhap": {
        "left": ["UBND PHƯỜNG CẨM THÀNH"],
        "number": "Số: 12/KH-UBND",
        "right": MOTTO + ["Cẩm Thành, ngày 15 tháng 8 năm 2025"],
        "kind": "KẾ HOẠCH",
        "title": "Phát động phong trào thi đua “Chung tay xây dựng phường văn minh, sạch đẹp” năm 2025",
        "body": [
            "Căn cứ Luật Thi đua, khen thưởng năm 2022; Ủy ban nhân dân phường Cẩm Thành ban hành Kế hoạch phát động "
            "phong trào thi đua như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Phát huy sức mạnh của cả hệ thống chính trị và Nhân dân trên địa bàn phường sau khi sắp xếp đơn vị hành "
            "chính.",
            "II. THỜI GIAN",
            "Từ ngày 20/8/2025 đến ngày 31/12/2025.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Văn phòng HĐND và UBND phường tổng hợp, báo cáo kết quả về Ủy ban nhân dân phường trước ngày 20/12/2025.",
            "2. Phòng Văn hóa - Xã hội hướng dẫn các tổ dân phố đăng ký thi đua.",
            "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường phối hợp tuyên truyền, vận động Nhân dân tham gia.",
        ],
        "recipients": ["UBND tỉnh (b/c);", "Thường trực Đảng ủy phường;", "Lưu: VT."],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Võ Văn Mẫu"],
        "expected": {"so_ky_hieu": "12/KH-UBND", "ngay_ban_hanh": "15/8/2025", "noi_ban_hanh": "Cẩm Thành",
                     "dia_phuong": "phuong-cam-thanh-quang-ngai",
                     "co_quan_ban_hanh": "Ủy ban nhân dân phường Cẩm Thành", "co_quan_chu_quan": "",
                     "trich_yeu": "Phát động phong trào thi đua “Chung tay xây dựng phường văn minh, sạch đẹp” năm 2025",
                     "nguoi_ky": {"ho_ten": "Võ Văn Mẫu", "chuc_vu": "Phó Chủ tịch", "hinh_thuc": "KT.",
                                  "thay_mat": "Chủ tịch Ủy ban nhân dân"}},
    },
    # A mass organisation: the provincial labour federation under the national one, "TM. BAN THƯỜNG VỤ / CHỦ TỊCH".
    "lien-doan-lao-dong": {
        "left": ["TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH QUẢNG TRỊ"],
        "number": "Số: 25/KH-LĐLĐ",
        "right": MOTTO + ["Quảng Trị, ngày 18 tháng 2 năm 2024"],
        "kind": "KẾ HOẠCH",
        "title": "Tổ chức phong trào thi đua “Lao động giỏi, lao động sáng tạo” trong công nhân, viên chức, lao động "
                 "năm 2024",
        "body": [
            "Thực hiện Kế hoạch số 10/KH-TLĐ ngày 05/01/2024 của Tổng Liên đoàn Lao động Việt Nam, Ban Thường vụ "
            "Liên đoàn Lao động tỉnh xây dựng kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Khơi dậy tinh thần lao động sáng tạo trong công nhân, viên chức, lao động trên địa bàn tỉnh.",
            "II. CHỈ TIÊU",
            "(1) Số sáng kiến được công nhận: ít nhất 300 sáng kiến;",
            "(2) Tỷ lệ công đoàn cơ sở phát động phong trào: 100%.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Ban Tuyên giáo - Nữ công hướng dẫn các công đoàn cơ sở tổ chức phong trào.",
            "2. Văn phòng Liên đoàn Lao động tỉnh tổng hợp, báo cáo kết quả trước ngày 15/12/2024.",
            "3. Các công đoàn ngành, công đoàn cơ sở trực thuộc đăng ký thi đua trước ngày 31/3/2024.",
        ],
        "recipients": ["Tổng Liên đoàn Lao động Việt Nam (b/c);", "Thường trực Tỉnh ủy;", "Lưu: VT, TG-NC."],
        "sign": ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "Lê Thị Mẫu"],
        "expected": {"so_ky_hieu": "25/KH-LĐLĐ", "ngay_ban_hanh": "18/2/2024", "noi_ban_hanh": "Quảng Trị",
                     "dia_phuong": "tinh-quang-tri-truoc-2025", "co_quan_ban_hanh": "Liên đoàn Lao động tỉnh Quảng Trị",
                     "co_quan_chu_quan": "Tổng LĐLĐ Việt Nam",
                     "trich_yeu": "Tổ chức phong trào thi đua “Lao động giỏi, lao động sáng tạo” trong công nhân, "
                                  "viên chức, lao động năm 2024",
                     "nguoi_ky": {"ho_ten": "Lê Thị Mẫu", "chuc_vu": "Chủ tịch", "hinh_thuc": "TM.",
                                  "thay_mat": "Ban Thường vụ"}},
    },
    # A school under the provincial department of education: "HIỆU TRƯỞNG" signing alone, a deadline
    # "chậm nhất ngày 20/12/2024", a school year as the campaign's time.
    "truong-thpt": {
        "left": ["SỞ GIÁO DỤC VÀ ĐÀO TẠO QUẢNG NGÃI", "TRƯỜNG THPT TRẦN QUỐC TUẤN"],
        "number": "Số: 156/KH-THPTTQT",
        "right": MOTTO + ["Quảng Ngãi, ngày 10 tháng 10 năm 2024"],
        "kind": "KẾ HOẠCH",
        "title": "Tổ chức phong trào thi đua “Đổi mới, sáng tạo trong dạy và học” năm học 2024 - 2025",
        "body": [
            "Căn cứ Kế hoạch số 2150/KH-SGDĐT ngày 20/9/2024 của Sở Giáo dục và Đào tạo Quảng Ngãi về công tác thi "
            "đua, khen thưởng năm học 2024 - 2025, Trường THPT Trần Quốc Tuấn xây dựng kế hoạch như sau:",
            "1. Mục đích, yêu cầu",
            "Nâng cao chất lượng dạy và học, khuyến khích giáo viên, học sinh đổi mới, sáng tạo.",
            "2. Chỉ tiêu",
            "(1) Tỷ lệ giáo viên đăng ký thi đua: 100%;",
            "(2) Số sáng kiến kinh nghiệm được công nhận cấp trường: ít nhất 20 sáng kiến.",
            "3. Tổ chức thực hiện",
            "3.1. Các tổ chuyên môn tổ chức cho giáo viên đăng ký danh hiệu thi đua, gửi về Văn phòng nhà trường "
            "chậm nhất ngày 20/12/2024.",
            "3.2. Văn phòng nhà trường tổng hợp, báo cáo Hiệu trưởng trước ngày 30/12/2024.",
            "3.3. Đoàn Thanh niên trường phát động phong trào thi đua trong học sinh.",
        ],
        "recipients": ["Sở GDĐT (b/c);", "Các tổ chuyên môn;", "Lưu: VT."],
        "sign": ["HIỆU TRƯỞNG", "", "Trần Văn Mẫu"],
        "expected": {"so_ky_hieu": "156/KH-THPTTQT", "ngay_ban_hanh": "10/10/2024", "noi_ban_hanh": "Quảng Ngãi",
                     "dia_phuong": "tinh-quang-ngai-truoc-2025", "co_quan_ban_hanh": "Trường THPT Trần Quốc Tuấn",
                     "co_quan_chu_quan": "Sở Giáo dục và Đào tạo Quảng Ngãi",
                     "trich_yeu": "Tổ chức phong trào thi đua “Đổi mới, sáng tạo trong dạy và học” năm học 2024 - 2025",
                     "nguoi_ky": {"ho_ten": "Trần Văn Mẫu", "chuc_vu": "Hiệu trưởng", "hinh_thuc": "",
                                  "thay_mat": ""}},
    },
})
