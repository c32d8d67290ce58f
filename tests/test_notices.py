"""Public-comment notices (lấy ý kiến nhân dân): working days across Tết and swapped days, a notice's state on fixed
build dates, bad input refused with file:line: field in Vietnamese, and a real build of a small site on two dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import run_mkdocs_build
from thidua.core.loader import ContentDirs, load, notice_period
from thidua.core.model import KIND_NOTICE
from thidua.core.workdays import OFF, WORK, DayChange, WorkCalendar, load_calendar
from thidua.features.notices import EXPIRED, OPEN, UPCOMING, notice_state

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
D = dt.date

# ----- working days ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendar()


def test_tet_2024_is_skipped(cal):
    # Hà Nội's notice of 06/02/2024: "10 ngày làm việc kể từ khi đăng tải". Tết Giáp Thìn: 08/02–14/02/2024 off.
    for day in (D(2024, 2, 8), D(2024, 2, 9), D(2024, 2, 12), D(2024, 2, 13), D(2024, 2, 14)):
        assert not cal.is_working_day(day), day
    assert cal.is_working_day(D(2024, 2, 7)) and cal.is_working_day(D(2024, 2, 15))
    # 07/02 is the 1st, then 15, 16, 19–23, 26, 27/02.
    assert cal.add_working_days(D(2024, 2, 6), 10) == D(2024, 2, 27)
    assert cal.add_working_days(D(2024, 2, 6), 1) == D(2024, 2, 7)
    assert cal.add_working_days(D(2024, 2, 7), 1) == D(2024, 2, 15)


def test_tet_2025_lunar_new_year_and_hung_kings(cal):
    # Tết Ất Tỵ: 25/01–02/02/2025 (Mon 27 to Fri 31 off, and Sat 1/2 is mùng 4).
    assert [cal.is_working_day(D(2025, 1, d)) for d in range(27, 32)] == [False] * 5
    assert cal.add_working_days(D(2025, 1, 24), 3) == D(2025, 2, 5)
    # Giỗ Tổ Hùng Vương, 10/3 âm lịch: Monday 07/04/2025.
    assert "Hùng Vương" in cal.holiday_name(D(2025, 4, 7))
    assert cal.add_working_days(D(2025, 4, 4), 1) == D(2025, 4, 8)


def test_compensating_day_off_and_swapped_saturday(cal):
    # 2025: Friday 02/05 off in exchange for Saturday 26/04, which is worked.
    assert cal.is_working_day(D(2025, 4, 26))
    assert not cal.is_working_day(D(2025, 5, 2))
    assert cal.add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)
    assert cal.add_working_days(D(2025, 4, 29), 1) == D(2025, 5, 5)  # 30/4, 1/5, 2/5 off, then the weekend
    # A day the site announces (not in the package) moves the deadline; a Saturday made a working day counts.
    site = WorkCalendar((DayChange(D(2024, 12, 2), OFF, "Nghỉ bù thử", "Thông báo thử"),
                         DayChange(D(2024, 11, 30), WORK, "Làm bù thử", "Thông báo thử")))
    assert cal.add_working_days(D(2024, 11, 26), 10) == D(2024, 12, 10)
    assert site.add_working_days(D(2024, 11, 26), 3) == D(2024, 11, 29)
    assert site.add_working_days(D(2024, 11, 26), 4) == D(2024, 11, 30)
    assert site.add_working_days(D(2024, 11, 26), 5) == D(2024, 12, 3)


def test_site_days_off_file_is_read_and_a_bad_one_is_refused(tmp_path):
    (tmp_path / "nghi.yaml").write_text(textwrap.dedent("""\
        ngay:
          - ngay: 2024-12-02
            loai: nghi
            ten: "Nghỉ bù"
            nguon: "Thông báo số 1/TB-X"
        """), encoding="utf-8")
    assert not load_calendar(tmp_path / "nghi.yaml").is_working_day(D(2024, 12, 2))
    (tmp_path / "xau.yaml").write_text("ngay:\n  - ngay: 2024-12-02\n    loai: nghỉ\n    nguon: x\n", encoding="utf-8")
    project = _project(tmp_path / "p", [])
    (project / "xau.yaml").write_text((tmp_path / "xau.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = load(project, ContentDirs(days_off_extra="xau.yaml"))
    assert [d.format() for d in result.errors] == [
        "xau.yaml:3: ngay[0].loai: giá trị “nghỉ” không hợp lệ. Cách sửa: chọn một trong: nghi, lam-viec."]


# ----- the period and the state -----------------------------------------------------------------------------------

def _notice(**period):
    from thidua.core.dates import parse_date
    from thidua.core.model import DocumentNumber, Notice, Response, Source

    p = notice_period(period, parse_date(period.pop("_posted", None)), parse_date(None), load_calendar())
    return Notice("x", Source("notices/x.md"), "T", "B", "", DocumentNumber.parse(""), parse_date(None),
                  parse_date(None), p, Response("a"))


@pytest.mark.parametrize("today, key, label", [
    (D(2024, 11, 20), UPCOMING, "Sắp mở — nhận ý kiến từ ngày 26/11/2024 đến hết ngày 10/12/2024"),
    (D(2024, 11, 26), OPEN, "Đang lấy ý kiến — còn 11 ngày làm việc (đến hết ngày 10/12/2024)"),
    (D(2024, 12, 2), OPEN, "Đang lấy ý kiến — còn 7 ngày làm việc (đến hết ngày 10/12/2024)"),
    (D(2024, 12, 7), OPEN, "Đang lấy ý kiến — còn 2 ngày làm việc (đến hết ngày 10/12/2024)"),
    (D(2024, 12, 10), OPEN, "Đang lấy ý kiến — hôm nay (10/12/2024) là ngày cuối"),
    (D(2024, 12, 11), EXPIRED, "Đã hết hạn ngày 10/12/2024"),
    (D(2026, 1, 1), EXPIRED, "Đã hết hạn ngày 10/12/2024"),
])
def test_state_of_a_working_day_notice_on_fixed_build_dates(today, key, label):
    notice = _notice(nguyen_van="trong vòng 10 ngày làm việc kể từ ngày 26 tháng 11 năm 2024",
                     tu="ngày 26 tháng 11 năm 2024", so_ngay_lam_viec=10)
    assert notice.period.computed and notice.period.last_day == D(2024, 12, 10)
    state = notice_state(notice, today, load_calendar())
    assert (state.key, state.label) == (key, label)


def test_a_date_written_before_a_day_ends_the_day_before():
    notice = _notice(nguyen_van="trước ngày 18/10/2024", den="trước ngày 18/10/2024")
    assert notice.period.last_day == D(2024, 10, 17) and not notice.period.computed
    assert notice_state(notice, D(2024, 10, 17), load_calendar()).key == OPEN
    assert notice_state(notice, D(2024, 10, 18), load_calendar()).label == "Đã hết hạn ngày 17/10/2024"
    # Counted from posting when the notice says "kể từ khi đăng tải" (Hà Nội, 06/02/2024, across Tết).
    posted = _notice(nguyen_van="trong thời hạn 10 ngày làm việc kể từ khi đăng tải thông tin", so_ngay_lam_viec=10,
                     _posted="06/02/2024")
    assert posted.period.last_day == D(2024, 2, 27)


# ----- bad input ---------------------------------------------------------------------------------------------------

GOOD = """\
---
tieu_de: "Lấy ý kiến nhân dân đối với đề nghị tặng Huân chương Lao động hạng Ba"
co_quan: "Ban Thi đua - Khen thưởng tỉnh Hà Tĩnh"
dia_phuong: tinh-ha-tinh
ngay_dang: "{posted}"
de_nghi:
  - hinh_thuc: "Huân chương Lao động hạng Ba"
    loai: {form}
    so_luong: "01 cá nhân, 01 tập thể"
    danh_sach:
      - ten: "{name}"
        doi_tuong: ca-nhan
        danh_xung: "Bà"
        chuc_vu: "Chủ tịch Hội Nông dân xã"
        don_vi: "Hội Nông dân xã Thạch Hà <script>alert(1)</script>"
        guong: guong-1
      - ten: "Hợp tác xã nông nghiệp Xuân An"
        doi_tuong: tap-the
thoi_han:
  nguyen_van: "{words}"
  tu: "{start}"
  so_ngay_lam_viec: 10
  den: "{end}"
gop_y:
  dia_chi: "Số 1, đường Phan Đình Phùng, thành phố Hà Tĩnh"
  thu_dien_tu: "{email}"
  dien_thoai: "{phone}"
  yeu_cau: "bằng văn bản có chữ ký, ghi rõ họ tên, điện thoại, địa chỉ liên hệ"
---

Thông báo thử: Bà **Lê Thị Hoa** và Hợp tác xã nông nghiệp Xuân An.
"""
DEFAULTS = dict(posted="02/12/2024", form="huan-chuong", name="Lê Thị Hoa",
                words="trong vòng 10 ngày làm việc kể từ ngày 02/12/2024", start="02/12/2024", end="",
                email="btdkt@hatinh.gov.vn", phone="0239 3855 555")


def _project(root: Path, notices: list[tuple[str, str]], build_date: str = "2024-12-05") -> Path:
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    (root / "docs" / "index.md").write_text("---\ntemplate: thidua/home.html\ntitle: Trang chủ\n---\n\nCổng thử.\n",
                                            encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r'build_date: "[^"]*"', f'build_date: "{build_date}"', config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    folder = root / "notices"
    folder.mkdir(exist_ok=True)
    for name, text in notices:
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def _messages(tmp_path, **changes) -> list[str]:
    project = _project(tmp_path, [("thu", GOOD.format(**{**DEFAULTS, **changes}))])
    return [d.format() for d in load(project).errors]


def test_the_good_notice_passes(tmp_path):
    project = _project(tmp_path, [("thu", GOOD.format(**DEFAULTS))])
    result = load(project)
    assert result.ok, [d.format() for d in result.diagnostics]
    notice = result.notices[0]
    assert notice.kind == KIND_NOTICE and notice.period.last_day == D(2024, 12, 16)
    assert [(x.title, x.name, x.subject) for x in notice.nominees] == [
        ("Bà", "Lê Thị Hoa", "ca-nhan"), ("", "Hợp tác xã nông nghiệp Xuân An", "tap-the")]


def test_end_before_start_is_refused(tmp_path):
    assert _messages(tmp_path, end="trước ngày 20/11/2024") == [
        "notices/thu.md:23: thoi_han.den: hạn cuối “trước ngày 20/11/2024” trước ngày bắt đầu “02/12/2024”. "
        "Cách sửa: kiểm tra lại thứ tự hoặc năm của hai ngày."]


def test_unknown_award_form_is_refused_with_a_suggestion(tmp_path):
    [message] = _messages(tmp_path, form="huan-chuon")
    assert message.startswith("notices/thu.md:8: de_nghi[0].loai: giá trị “huan-chuon” không hợp lệ. "
                              "Cách sửa: có phải là “huan-chuong”? Chọn một trong: huan-chuong, huy-chuong,")
    [message] = _messages(tmp_path, form="bang-khen-chu-tich-nuoc")
    assert message.startswith("notices/thu.md:8: de_nghi[0].loai: giá trị “bang-khen-chu-tich-nuoc” không hợp lệ.")


def test_a_nominee_without_a_name_is_refused(tmp_path):
    assert _messages(tmp_path, name="") == [
        "notices/thu.md:11: de_nghi[0].danh_sach[0].ten: “ten” (họ và tên (cá nhân) hoặc tên tập thể, đúng như "
        "thông báo ghi) không được để trống. Cách sửa: ví dụ `ten: \"Phan Hồng Hải\"`."]
    text = GOOD.format(**DEFAULTS).replace('      - ten: "Lê Thị Hoa"\n        doi_tuong: ca-nhan\n',
                                           '      - doi_tuong: ca-nhan\n')
    project = _project(tmp_path / "b", [("thu", text)])
    messages = [d.format() for d in load(project).errors]
    assert messages == ["notices/thu.md:11: de_nghi[0].danh_sach[0]: thiếu trường bắt buộc “ten” trong "
                        "“de_nghi[0].danh_sach[0]” (họ và tên (cá nhân) hoặc tên tập thể, đúng như thông báo ghi). "
                        "Cách sửa: thêm dòng `ten: \"Phan Hồng Hải\"`."]


@pytest.mark.parametrize("field, value, line, expected", [
    ("email", "btdkt@", 26, "gop_y.thu_dien_tu: “btdkt@” không phải địa chỉ thư điện tử."),
    ("email", 'a@b.vn" onmouseover="x', 26, "gop_y.thu_dien_tu: “a@b.vn\" onmouseover=\"x” không phải địa chỉ"),
    ("phone", "gọi 0239", 27, "gop_y.dien_thoai: “gọi 0239” không phải số điện thoại."),
    ("phone", "123", 27, "gop_y.dien_thoai: “123” không phải số điện thoại."),
])
def test_bad_email_and_phone_are_refused(tmp_path, field, value, line, expected):
    [message] = _messages(tmp_path, **{field: value.replace('"', '\\"')})
    assert message.startswith(f"notices/thu.md:{line}: {expected}"), message


def test_a_period_that_cannot_end_is_refused(tmp_path):
    assert _messages(tmp_path, start="", posted="", end="") == [
        "notices/thu.md:19: thoi_han: không tính được hạn cuối lấy ý kiến. Cách sửa: ghi `den: \"trước ngày …\"` như "
        "thông báo, hoặc `so_ngay_lam_viec` cùng `tu` (ngày bắt đầu tính) hay `ngay_dang` (khi thông báo tính từ "
        "ngày đăng)."]


def test_a_missing_attachment_is_refused(tmp_path):
    text = GOOD.format(**DEFAULTS).replace("gop_y:", "tep_dinh_kem:\n  - tep: \"tep/danh-sach.pdf\"\ngop_y:")
    project = _project(tmp_path, [("thu", text)])
    assert [d.format() for d in load(project).errors] == [
        "notices/thu.md:25: tep_dinh_kem[0].tep: không tìm thấy tệp “tep/danh-sach.pdf”. Cách sửa: đặt tệp cạnh "
        "tệp này (hoặc trong thư mục con) và ghi đường dẫn tương đối."]


def test_check_and_build_give_the_same_verdict(tmp_path):
    project = _project(tmp_path, [("thu", GOOD.format(**{**DEFAULTS, "form": "huan-chuon"}))])
    check = subprocess.run([sys.executable, "-m", "thidua.cli", "check"], cwd=project, capture_output=True, text=True)
    build = run_mkdocs_build(project, tmp_path / "out")
    assert check.returncode == 1 and build.returncode != 0
    line = next(x for x in check.stdout.splitlines() if x.startswith("notices/thu.md:8:"))
    assert line in build.stdout + build.stderr
    assert not (tmp_path / "out" / "lay-y-kien").exists()


# ----- a real build on two dates -----------------------------------------------------------------------------------

def _build(tmp_path: Path, build_date: str) -> Path:
    project = _project(tmp_path / f"p-{build_date}", [("thu", GOOD.format(**DEFAULTS))], build_date)
    site = tmp_path / f"site-{build_date}"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("notices")
    return _build(root, "2024-12-05"), _build(root, "2024-12-17")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_home_block_appears_while_open_and_disappears_after(two_builds):
    open_site, later_site = two_builds
    home = (open_site / "index.html").read_text(encoding="utf-8")
    assert 'id="dang-lay-y-kien"' in home and "lay-y-kien/thu/" in home
    assert "Đang lấy ý kiến — còn 8 ngày làm việc (đến hết ngày 16/12/2024)" in _text(home)
    later = (later_site / "index.html").read_text(encoding="utf-8")
    assert 'id="dang-lay-y-kien"' not in later and "lay-y-kien/thu/" not in later
    # The section: open first on the first date, in the 2024 archive on the second.
    section = _text((open_site / "lay-y-kien" / "index.html").read_text(encoding="utf-8"))
    assert "Đang lấy ý kiến (1)" in section and "Chưa có thông báo nào đã kết thúc" in section
    section = (later_site / "lay-y-kien" / "index.html").read_text(encoding="utf-8")
    assert "Đang lấy ý kiến (0)" in _text(section)
    assert re.search(r'id="nam-2024".*?lay-y-kien/thu/|id="nam-2024".*?thu/', section, re.S)
    page = _text((later_site / "lay-y-kien" / "thu" / "index.html").read_text(encoding="utf-8"))
    assert "Đã hết hạn ngày 16/12/2024" in page


def test_notice_page_shows_words_computed_date_and_safe_links(two_builds):
    html = (two_builds[0] / "lay-y-kien" / "thu" / "index.html").read_text(encoding="utf-8")
    text = _text(html)
    assert "“trong vòng 10 ngày làm việc kể từ ngày 02/12/2024”" in text
    assert "Ngày cuối nhận ý kiến 16/12/2024" in text
    assert 'href="mailto:btdkt@hatinh.gov.vn?subject=' in html
    assert 'href="tel:02393855555"' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Bà Lê Thị Hoa" in text and "Hợp tác xã nông nghiệp Xuân An" in text
    assert "../../guong/guong-1/" in html  # the outcome links to the exemplar


def test_exemplar_and_place_pages_link_back(two_builds):
    site = two_builds[0]
    exemplar = (site / "guong" / "guong-1" / "index.html").read_text(encoding="utf-8")
    assert "../../lay-y-kien/thu/" in exemplar and "Lấy ý kiến nhân dân trước khi khen thưởng" in exemplar
    place = (site / "dia-phuong" / "tinh-ha-tinh" / "index.html").read_text(encoding="utf-8")
    assert "../../lay-y-kien/thu/" in place


def test_calendar_feed_open_data_and_search_carry_the_notice(two_builds):
    site = two_builds[0]
    from icalendar import Calendar

    calendar = Calendar.from_ical((site / "dong-thoi-gian" / "lich.ics").read_bytes())
    deadlines = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith("Hạn cuối góp ý")]
    assert len(deadlines) == 1 and deadlines[0].decoded("DTSTART") == D(2024, 12, 16)
    own = Calendar.from_ical((site / "lay-y-kien" / "thu" / "lich.ics").read_bytes())
    assert [e.decoded("DTSTART") for e in own.walk("VEVENT")] == [D(2024, 12, 16)]

    import feedparser

    feed = feedparser.parse((site / "ban-tin.atom.xml").read_bytes())
    assert feed.bozo == 0 and any(e.link.endswith("/lay-y-kien/thu/") for e in feed.entries)

    data = json.loads((site / "du-lieu" / "lay-y-kien.json").read_text(encoding="utf-8"))
    [record] = data["ban_ghi"]
    assert record["ngay_cuoi"] == "2024-12-16" and record["ngay_cuoi_da_tinh"] is True
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu" / "nguoi-duoc-de-nghi.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["ten"], r["doi_tuong"], r["guong"]) for r in rows] == [
        ("Lê Thị Hoa", "ca-nhan", "guong-1"), ("Hợp tác xã nông nghiệp Xuân An", "tap-the", "")]

    from thidua.features.search import shard_for

    index = site / "tra-cuu" / "chi-muc"
    manifest = json.loads((index / "index.json").read_text(encoding="utf-8"))
    assert ["notice", "Lấy ý kiến nhân dân"] in manifest["kinds"]
    facets = json.loads((index / manifest["facets"]).read_text(encoding="utf-8"))  # the kinds of entries, and more
    notice_no = [n for n, k in enumerate(facets["doc"]["k"]) if manifest["kinds"][k][0] == "notice"]
    assert len(notice_no) == 1
    for word in ("hoa", "Hoa", "xuan", "Xuân", "thach", "Thạch"):  # name and unit, with and without diacritics
        shard = json.loads((index / shard_for(manifest, word)).read_text(encoding="utf-8"))
        [gaps] = [gaps for term, gaps, _ in shard if term == word.lower()]
        documents = [sum(gaps[:i + 1]) for i in range(len(gaps))]
        assert notice_no[0] in documents, word


def test_an_award_name_that_contradicts_its_form_is_a_warning(tmp_path):
    project = _project(tmp_path, [("thu", GOOD.format(**{**DEFAULTS, "form": "chien-si-thi-dua-toan-quoc"}))])
    result = load(project)
    assert result.ok and [d.format() for d in result.diagnostics] == [
        "notices/thu.md:8: de_nghi[0].loai: “Huân chương Lao động hạng Ba” là Huân chương, nhưng loai ghi "
        "“chien-si-thi-dua-toan-quoc”. Cách sửa: có phải là `loai: huan-chuong`?"]


def test_a_deadline_before_posting_is_refused(tmp_path):
    assert _messages(tmp_path, start="", posted="02/12/2024", end="trước ngày 01/12/2024") == [
        "notices/thu.md:23: thoi_han.den: hạn cuối “trước ngày 01/12/2024” trước ngày đăng “02/12/2024”. "
        "Cách sửa: kiểm tra lại thứ tự hoặc năm của hai ngày."]


def test_the_guide_example_of_a_notice_passes(tmp_path):
    guide = (Path(__file__).resolve().parent.parent / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(---\n.*?\n---\n.*?)```", guide, flags=re.S)
    example = next(b for b in blocks if "so_ngay_lam_viec:" in b)
    project = _project(tmp_path, [("vi-du", example)])
    (project / "notices" / "tep").mkdir()
    (project / "notices" / "tep" / "danh-sach.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = load(project)
    assert result.ok, [d.format() for d in result.diagnostics]
    [notice] = result.notices
    assert notice.period.last_day == D(2024, 12, 10) and len(notice.nominees) == 2


def test_thidua_new_writes_a_notice_that_check_reads(tmp_path):
    project = _project(tmp_path, [])
    new = subprocess.run([sys.executable, "-m", "thidua.cli", "new", "lay-y-kien", "--tieu-de", "Lấy ý kiến thử",
                          "--co-quan", "Ban Thi đua - Khen thưởng tỉnh Hà Tĩnh", "--dia-phuong", "tinh-ha-tinh",
                          "--ngay-dang", "02/12/2024"], cwd=project, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert new.returncode == 0, new.stderr
    written = project / new.stdout.strip().splitlines()[-1]
    assert written.parent == project / "notices" and written.name.startswith("lay-y-kien-")
    check = subprocess.run([sys.executable, "-m", "thidua.cli", "check", str(written)], cwd=project,
                           capture_output=True, text=True)
    assert check.returncode == 1
    fields = {line.split(": ")[1] for line in check.stdout.splitlines() if line.startswith("notices/")}
    assert fields == {"de_nghi", "thoi_han", "thoi_han.nguyen_van", "gop_y"}, check.stdout
