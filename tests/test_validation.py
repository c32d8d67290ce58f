"""Loading and validation: every kind of bad input gives a Vietnamese message naming file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thidua.core.loader import load

FIXTURE = Path(__file__).parent / "fixtures" / "mini"

GOOD_EXEMPLAR = """---
ten: "Trần Thị B"
doi_tuong: ca-nhan
dia_phuong: tinh-ha-tinh
linh_vuc: "Giáo dục"
phong_trao: [quoc-gia]
ngay: "tháng 5/2024"
tom_tat: "Gương thử nghiệm."
---

Nội dung.
"""


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def write(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def diagnostics_for(project: Path, rel: str) -> list[tuple[int, str, str]]:
    result = load(project)
    return [(d.line, d.field, d.message + " " + d.fix) for d in result.diagnostics if d.path == rel]


def test_fixture_is_valid(project):
    result = load(project)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert len(result.plans) == 2 and len(result.exemplars) == 3 and len(result.movements) == 2


def test_good_exemplar_is_valid(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR)
    assert diagnostics_for(project, "exemplars/b.md") == []


def test_yaml_syntax_error_names_its_line(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace('linh_vuc: "Giáo dục"', 'linh_vuc: "Giáo dục'))
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert field == "(YAML)" and "lỗi cú pháp YAML" in message and 5 <= line <= 7


def test_missing_front_matter(project):
    write(project, "exemplars/b.md", "Chỉ có nội dung.\n")
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert (line, field) == (1, "(đầu tệp)") and "---" in message


def test_missing_required_field_says_what_to_add(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace('tom_tat: "Gương thử nghiệm."\n', ""))
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert field == "tom_tat" and "thiếu trường bắt buộc “tom_tat”" in message and "tom_tat:" in message


def test_wrong_type(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace('linh_vuc: "Giáo dục"', "linh_vuc: [1, 2]"))
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert (line, field) == (5, "linh_vuc") and "cần một chuỗi chữ" in message


def test_unknown_key_suggests_the_closest(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace("dia_phuong:", "dia_phuon:"))
    found = diagnostics_for(project, "exemplars/b.md")
    assert (4, "dia_phuon") in [(l, f) for l, f, _ in found]
    assert any("có phải là “dia_phuong”" in m for _, _, m in found)
    assert any(f == "dia_phuong" and "thiếu trường bắt buộc" in m for _, f, m in found)


def test_impossible_date(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace('ngay: "tháng 5/2024"', 'ngay: "31/02/2020"'))
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert (line, field) == (7, "ngay") and "31/02/2020 không tồn tại" in message


def test_unreadable_date_and_date_without_year(project):
    text = GOOD_EXEMPLAR.replace('ngay: "tháng 5/2024"', 'ngay: "25/4"')
    write(project, "exemplars/b.md", text)
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert field == "ngay" and "thiếu năm" in message


def test_end_before_start(project):
    plan = project / "plans/2024/kh-1.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace('den: "tháng 12/2024"', 'den: "tháng 1/2024"'), encoding="utf-8")
    found = diagnostics_for(project, "plans/2024/kh-1.md")
    assert [(l, f) for l, f, _ in found] == [(8, "thoi_gian.den")]
    assert "trước ngày bắt đầu" in found[0][2]


def test_duplicate_ids_across_subfolders(project):
    write(project, "exemplars/2025/guong-1.md", GOOD_EXEMPLAR)
    found = diagnostics_for(project, "exemplars/guong-1.md") + diagnostics_for(project, "exemplars/2025/guong-1.md")
    assert any(f == "(mã)" and "trùng" in m for _, f, m in found)


def test_duplicate_key(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace('linh_vuc: "Giáo dục"', 'linh_vuc: "Giáo dục"\nlinh_vuc: "Y tế"'))
    found = diagnostics_for(project, "exemplars/b.md")
    assert any(f == "linh_vuc" and "hai lần" in m and line == 6 for line, f, m in found)


@pytest.mark.parametrize("key,value,name", [
    ("phong_trao", "[quoc-gai]", "phong trào"),
    ("dia_phuong", "tinh-ha-tihn", "địa phương"),
    ("ke_hoach", "[kh-9]", "kế hoạch"),
])
def test_reference_to_missing_entry(project, key, value, name):
    text = GOOD_EXEMPLAR
    text = text.replace(f"{key}: [quoc-gia]", f"{key}: {value}").replace(f"{key}: tinh-ha-tinh", f"{key}: {value}")
    if key == "ke_hoach":
        text = text.replace("ngay:", f"ke_hoach: {value}\nngay:")
    write(project, "exemplars/b.md", text)
    found = diagnostics_for(project, "exemplars/b.md")
    hit = [m for _, f, m in found if f.startswith(key)]
    assert hit and f"không có {name} nào mang mã" in hit[0]
    if key != "ke_hoach":
        assert "có phải là" in hit[0]


def test_invalid_choice(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace("doi_tuong: ca-nhan", "doi_tuong: ca nhan"))
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert (line, field) == (3, "doi_tuong") and "ca-nhan" in message


def test_movement_parent_cycle(project):
    path = project / "movements/quoc-gia.md"
    path.write_text(path.read_text(encoding="utf-8").replace("cap: quoc-gia", "cap: quoc-gia\nphong_trao_cha: dia-phuong"),
                    encoding="utf-8")
    found = diagnostics_for(project, "movements/quoc-gia.md") + diagnostics_for(project, "movements/dia-phuong.md")
    assert any("vòng lặp" in m for _, _, m in found)


def test_every_problem_in_every_file_in_one_run(project):
    write(project, "exemplars/b.md", GOOD_EXEMPLAR.replace('ngay: "tháng 5/2024"', 'ngay: "31/02/2020"')
          .replace("doi_tuong: ca-nhan", "doi_tuong: 3"))
    write(project, "exemplars/c.md", GOOD_EXEMPLAR.replace("linh_vuc", "linh_vu"))
    result = load(project)
    assert not result.ok
    assert {d.path for d in result.errors} == {"exemplars/b.md", "exemplars/c.md"}
    assert len(result.errors) >= 4
    formatted = result.errors[0].format()
    assert formatted.startswith("exemplars/b.md:3: doi_tuong: ")


def test_non_utf8_file(project):
    (project / "exemplars/b.md").write_bytes("---\nten: \"Tr\xe1n\"\n---\n".encode("latin-1"))
    [(line, field, message)] = diagnostics_for(project, "exemplars/b.md")
    assert field == "(tệp)" and "UTF-8" in message
