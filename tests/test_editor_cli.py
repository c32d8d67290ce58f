"""`thidua check` output forms and `thidua new`: every key, a name from the data, no overwrite, passes check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.core import schema as s
from thidua.editor.formats import as_github
from thidua.core.diagnostics import WARNING, Diagnostic
from thidua.core.loader import load
from thidua.editor.new_entry import ask_missing
from thidua.core.places import load_registry

from test_importer import _project_copy


def _thidua(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture()
def project(tmp_path) -> Path:
    return _project_copy(tmp_path)


def test_github_annotations_escape_and_point_at_the_line():
    out = as_github([Diagnostic("plans/a,b.md", 7, "ngay", "sai 100%\ndòng hai: x", "ghi “12/02/2020”."),
                     Diagnostic("exemplars/c.md", 3, "(mã)", "tên tệp", "", WARNING)], 2, False)
    first, second, summary = out.strip().split("\n")
    assert first == ("::error file=plans/a%2Cb.md,line=7,title=ngay::sai 100%25%0Adòng hai: x "
                     "Cách sửa: ghi “12/02/2020”.")
    assert second.startswith("::warning file=exemplars/c.md,line=3,title=(mã)::")
    assert summary.startswith("Đã kiểm tra 2 mục:")


def test_check_formats_and_exit_codes(project):
    bad = project / "exemplars" / "loi.md"
    bad.write_text('---\nten: "A"\ndoi_tuong: ca nhan\ndia_phuong: tinh-ha-tinh\nlinh_vuc: "x"\n'
                   'tom_tat: "y"\nngay: "31/02/2020"\n---\n', encoding="utf-8")
    text = _thidua("check", "exemplars/loi.md", cwd=project)
    assert text.returncode == 1
    lines = text.stdout.strip().split("\n")
    assert lines[0].startswith("exemplars/loi.md:3: doi_tuong: giá trị “ca nhan” không hợp lệ. Cách sửa: ")
    assert lines[1].startswith("exemplars/loi.md:7: ngay: ngày 31/02/2020 không tồn tại")
    assert "Đã kiểm tra 1 mục: 2 lỗi" in text.stderr
    data = json.loads(_thidua("check", "--format", "json", cwd=project).stdout)
    assert data["ok"] is False and {d["field"] for d in data["diagnostics"]} == {"doi_tuong", "ngay"}
    github = _thidua("check", "--format", "github", cwd=project)
    assert github.returncode == 1 and "::error file=exemplars/loi.md,line=7,title=ngay::" in github.stdout
    bad.unlink()
    assert _thidua("check", cwd=project).returncode == 0
    assert _thidua("check", "docs", cwd=project).returncode == 2  # no entries there: said, not silently passed


ESSENTIALS = {
    "ke-hoach": ["--so-ky-hieu", "7/KH-UBND", "--co-quan-ban-hanh", "Ủy ban nhân dân huyện Bố Trạch",
                 "--dia-phuong", "huyen-bo-trach-quang-binh", "--ngay-ban-hanh", "tháng 3/2021",
                 "--trich-yeu", "Phát động thi đua năm 2021"],
    "guong": ["--ten", "Lê Thị Mẫu", "--doi-tuong", "ca-nhan", "--dia-phuong", "huyen-bo-trach-quang-binh",
              "--linh-vuc", "Giáo dục", "--tom-tat", "Dạy học miễn phí cho trẻ em khó khăn."],
    "phong-trao": ["--ten", "Bố Trạch chung tay vì người nghèo", "--cap", "huyen"],
}
NAMES = {"ke-hoach": "plans/bo-trach-7-kh-ubnd-2021.md", "guong": "exemplars/le-thi-mau-bo-trach.md",
         "phong-trao": "movements/bo-trach-chung-tay-vi-nguoi-ngheo.md"}
KINDS = {"ke-hoach": "plan", "guong": "exemplar", "phong-trao": "movement"}


@pytest.mark.parametrize("word", list(ESSENTIALS))
def test_new_entry_has_every_key_a_name_from_the_data_and_passes_check(project, word):
    made = _thidua("new", word, "--khong-hoi", *ESSENTIALS[word], cwd=project)
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path == project / NAMES[word]
    text = path.read_text(encoding="utf-8")
    for field in s.SCHEMAS[KINDS[word]]:  # written as a key, or as a commented example for empty ids/numbers
        assert f"\n{field.key}:" in text or f"\n#{field.key}:" in text, field.key  # "#" removed: a valid key
    assert "# " in text.split("---")[1]  # Vietnamese comments
    check = _thidua("check", str(path), cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    again = _thidua("new", word, "--khong-hoi", *ESSENTIALS[word], cwd=project)
    assert again.returncode == 1 and "không ghi đè" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_new_without_essentials_lists_them_and_check_names_them(project):
    made = _thidua("new", "guong", "--khong-hoi", "--ten", "Trần Văn Mẫu", cwd=project)
    assert made.returncode == 0 and "Cần điền: doi_tuong, dia_phuong, linh_vuc, tom_tat" in made.stderr
    check = _thidua("check", made.stdout.strip(), cwd=project)
    assert check.returncode == 1
    assert {line.split(": ")[1] for line in check.stdout.strip().split("\n")} >= {"dia_phuong", "linh_vuc", "tom_tat"}


def test_bad_flag_value_is_refused_with_the_reason(project):
    made = _thidua("new", "guong", "--khong-hoi", "--dia-phuong", "huyen-bo-trach", cwd=project)
    assert made.returncode == 2 and "huyen-bo-trach-quang-binh" in made.stderr


def test_interactive_questions_retry_until_the_answer_is_valid():
    replies = iter(["Phạm Văn Mẫu", "ca nhan", "ca-nhan", "bo-trach", "huyen-bo-trach-quang-binh", "Y tế",
                    "Hiến máu 30 lần."])
    said: list[str] = []
    answers = ask_missing("exemplar", {}, load_registry(), lambda prompt: next(replies), said.append)
    assert answers == {"ten": "Phạm Văn Mẫu", "doi_tuong": "ca-nhan", "dia_phuong": "huyen-bo-trach-quang-binh",
                       "linh_vuc": "Y tế", "tom_tat": "Hiến máu 30 lần."}
    assert len(said) == 2 and "ca-nhan" in said[0]
