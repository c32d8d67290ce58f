"""The culture office's tasks: the agency registry, task states on a fixed date, and /nhiem-vu-tuyen-truyen/ as built."""

from __future__ import annotations

import calendar
import datetime as dt
import html as htmllib
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build
from thidua.core.agencies import load_agencies
from thidua.core.dates import parse_date
from thidua.features.propaganda import task_state

BO_TRACH = "bo-trach-195-kh-ubnd-2020"


@pytest.mark.parametrize("name,kind,propaganda", [
    ("Phòng Văn hóa và Thông tin", "phong-van-hoa-thong-tin", True),
    ("Phòng VH&TT huyện", "phong-van-hoa-thong-tin", True),
    ("phong van hoa va thong tin", "phong-van-hoa-thong-tin", True),
    ("Trung tâm Truyền thông - Văn hóa - Thể thao huyện", "trung-tam-van-hoa", True),
    ("Đài Truyền thanh - Truyền hình", "dai-truyen-thanh-truyen-hinh", True),
    ("Đài TT-TH huyện", "dai-truyen-thanh-truyen-hinh", True),
    ("Trang TTĐT huyện", "trang-thong-tin-dien-tu", True),
    ("Trang thông tin điện tử huyện", "trang-thong-tin-dien-tu", True),
    ("BBT Website Đảng bộ Khối, (để đăng tải)", "trang-thong-tin-dien-tu", True),
    ("Ban Tuyên giáo Huyện ủy", "ban-tuyen-giao", True),
    ("Ban Tuyên giáo Đảng ủy Khối", "ban-tuyen-giao", True),
    ("Phòng Nội vụ", "noi-vu", False),
    ("Văn phòng Đảng ủy Khối", "van-phong", False),
    ("Ủy ban MTTQVN huyện", "mat-tran", False),
    ("Các cơ quan, đơn vị, địa phương, doanh nghiệp", "chinh-quyen", False),
])
def test_agency_names_plans_use_are_recognised(name, kind, propaganda):
    match = load_agencies().match(name)
    assert match.main is not None and match.main.id == kind
    assert match.propaganda is propaganda


def test_an_unknown_agency_is_not_a_propaganda_task():
    match = load_agencies().match("Công an huyện")
    assert match.kinds == () and not match.propaganda


@pytest.mark.parametrize("deadline,on,state", [
    ("tháng 6/2020", "2020-05-01", "sap-toi"),
    ("tháng 6/2020", "2020-05-26", "den-han"),  # within a week of the month
    ("tháng 6/2020", "2020-06-30", "den-han"),  # the whole month is due: no day was given
    ("tháng 6/2020", "2020-07-01", "qua-han"),
    ("15/02/2020", "2020-02-15", "den-han"),
    ("15/02/2020", "2020-02-16", "qua-han"),
    ("Quý III/2020", "2020-09-30", "den-han"),
    ("", "2020-06-10", "khong-co-han"),
])
def test_task_state_on_a_fixed_build_date(deadline, on, state):
    assert task_state(parse_date(deadline), dt.date.fromisoformat(on)) == state


EXTRA_PLAN = """---
so_ky_hieu: "7/KH-UBND"
loai_van_ban: "Kế hoạch"
co_quan_ban_hanh: "Ủy ban nhân dân huyện Bố Trạch"
dia_phuong: huyen-bo-trach-quang-binh
ngay_ban_hanh: "05/3/2020"
trich_yeu: "Tuyên truyền điển hình tiên tiến năm 2020"
thoi_gian:
  tu: "05/3/2020"
  den: "30/11/2020"
nhiem_vu:
- co_quan: "Trang TTĐT huyện"
  noi_dung: "Đăng chuyên mục điển hình tiên tiến."
  han: "tháng 6/2020"
  muc: "III.1"
- co_quan: "Đài TT-TH huyện"
  noi_dung: "Phát phóng sự về các điển hình."
  han: "31/3/2020"
  muc: "III.2"
- co_quan: "Phòng VH&TT"
  noi_dung: "Tổng kết công tác tuyên truyền."
  han: "Quý IV/2020"
  muc: "III.3"
- co_quan: "Phòng Nội vụ"
  noi_dung: "Tổng hợp, báo cáo."
  han: "tháng 6/2020"
  muc: "III.4"
---

Toàn văn kế hoạch thử.
"""


@pytest.fixture(scope="module")
def tasks_site(tmp_path_factory) -> Path:
    """A copy of the project with one more plan whose propaganda tasks have deadlines, built on 10/06/2020."""
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "docs", "plans", "exemplars", "movements", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy(source, project / name)
    (project / "plans" / "bo-trach-7-kh-ubnd-2020.md").write_text(EXTRA_PLAN, encoding="utf-8")
    out = tmp_path_factory.mktemp("tasks-site")
    epoch = calendar.timegm(dt.date(2020, 6, 10).timetuple())
    result = run_mkdocs_build(project, out, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _tasks(html: str) -> dict[str, str]:
    """id -> the <li> of each task on a tasks page."""
    return {m[1]: m[0] for m in re.finditer(r'<li class="td-task" id="([^"]+)".*?</li>\s*(?=<li class="td-task"|</ol>)',
                                              html, re.S)}


def _exemplars_of(plan_id: str) -> set[str]:
    found = set()
    for path in (ROOT / "exemplars").glob("*.md"):
        front = path.read_text(encoding="utf-8").split("---", 2)[1]
        if re.search(rf"^\s*-\s*{re.escape(plan_id)}\s*$", front, re.M):
            found.add(path.stem)
    return found


def test_culture_office_task_is_listed_with_the_exemplars_that_answer_it(tasks_site):
    html = (tasks_site / "nhiem-vu-tuyen-truyen" / "index.html").read_text(encoding="utf-8")
    tasks = _tasks(html)
    culture = [li for li in tasks.values() if f'data-plan="{BO_TRACH}"' in li
               and "<strong>Phòng Văn hóa và Thông tin</strong>" in li and "gương người tốt, việc tốt" in li]
    assert len(culture) == 1
    li = culture[0]
    answers = set(re.findall(r'href="\.\./guong/([^/"]+)/"', li))
    expected = _exemplars_of(BO_TRACH)
    assert expected and answers == expected
    assert f"{len(expected)} gương" in li and "mục III.3" in li
    assert 'data-state="khong-co-han"' in li and "Kế hoạch không ghi thời hạn" in li
    # Tasks of non-propaganda agencies are not listed.
    assert "<strong>Phòng Nội vụ</strong>" not in html


def test_task_states_on_the_build_date_as_built(tasks_site):
    html = (tasks_site / "nhiem-vu-tuyen-truyen" / "index.html").read_text(encoding="utf-8")
    states = {htmllib.unescape(re.search(r"<strong>([^<]+)</strong>", li)[1]): re.search(r'data-state="([^"]+)"', li)[1]
              for li in _tasks(html).values() if 'data-plan="bo-trach-7-kh-ubnd-2020"' in li}
    assert states == {"Trang TTĐT huyện": "den-han", "Đài TT-TH huyện": "qua-han", "Phòng VH&TT": "sap-toi"}
    assert re.search(r'td-precision-month"[^>]*>tháng 6/2020</time>', html)


def test_views_per_agency_and_per_locality(tasks_site):
    base = tasks_site / "nhiem-vu-tuyen-truyen"
    culture = (base / "co-quan" / "phong-van-hoa-thong-tin" / "index.html").read_text(encoding="utf-8")
    assert {re.search(r'data-plan="([^"]+)"', li)[1] for li in _tasks(culture).values()} == {
        BO_TRACH, "binh-son-21-kh-ubnd-2025", "bo-trach-7-kh-ubnd-2020"}
    radio = _tasks((base / "co-quan" / "dai-truyen-thanh-truyen-hinh" / "index.html").read_text(encoding="utf-8"))
    assert all("Đài" in re.search(r"<strong>([^<]+)</strong>", li)[1] for li in radio.values()) and len(radio) == 2
    bo_trach = (base / "dia-phuong" / "huyen-bo-trach-quang-binh" / "index.html").read_text(encoding="utf-8")
    plans = {re.search(r'data-plan="([^"]+)"', li)[1] for li in _tasks(bo_trach).values()}
    assert plans == {BO_TRACH, "bo-trach-7-kh-ubnd-2020"}
    province = (base / "dia-phuong" / "tinh-quang-binh" / "index.html").read_text(encoding="utf-8")
    assert len(_tasks(province)) == len(_tasks(bo_trach))
