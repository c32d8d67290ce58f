"""What a newcomer does: import a plan, fill what the importer lists, pass `thidua check`, build, see the page.

Everything runs in a temporary copy of the project, through the same commands an editor types.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_mkdocs_build
from test_importer import _docx, _project_copy


def _thidua(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_import_fill_check_build_and_see_the_plan(tmp_path):
    pytest.importorskip("docx")
    project = _project_copy(tmp_path)
    # A provincial plan with its day left blank on the signing line: the province cannot be told apart
    # (Quảng Ngãi before and after 1 July 2025), so the importer must leave it to the editor.
    source = _docx(tmp_path / "ke-hoach-tinh.docx", "")

    imported = _thidua("import", str(source), cwd=project)
    assert imported.returncode == 0, imported.stderr
    entry = Path(imported.stdout.strip())
    assert entry.parent == project / "plans"
    assert "Cần điền:" in imported.stderr and "dia_phuong" in imported.stderr
    listed = re.search(r"Các mã có thể: ([^.]+)\.", imported.stderr)
    assert listed, imported.stderr

    check = _thidua("check", str(entry), cwd=project)
    assert check.returncode == 1
    assert re.search(rf"{re.escape(entry.relative_to(project).as_posix())}:\d+: dia_phuong: ", check.stdout)

    # The editor reads the signed copy (issued in March 2025, before the merger) and fills the place.
    text = entry.read_text(encoding="utf-8")
    assert "tinh-quang-ngai-truoc-2025" in listed[1]
    text = re.sub(r"^# ?dia_phuong: .*$", "dia_phuong: tinh-quang-ngai-truoc-2025", text, count=1, flags=re.M)
    text = re.sub(r'^ngay_ban_hanh: ""', 'ngay_ban_hanh: "tháng 3/2025"', text, count=1, flags=re.M)
    lines = text.split("\n")
    text = "\n".join(lines[:1] + [line for line in lines[1:] if not line.startswith("#   - ")
                                  and not line.startswith("# Cần") and not line.startswith("# Xóa")])
    entry.write_text(text, encoding="utf-8")

    check = _thidua("check", str(entry), cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "không có lỗi" in check.stdout

    site = tmp_path / "site"
    build = run_mkdocs_build(project, site)
    assert build.returncode == 0, build.stdout + build.stderr
    page = site / "ke-hoach" / entry.stem / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "15/KH-UBND" in html and "Chung tay xóa nhà tạm, nhà dột nát" in html
    assert "Sở Xây dựng" in html and "Nguyễn Thị Mẫu" in html
    listing = (site / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert f"{entry.stem}/" in listing


def test_a_pdf_plan_imports_fills_checks_and_builds(tmp_path):
    """`thidua import plan.pdf` -> entry -> fill what it lists -> `thidua check` passes -> the site builds."""
    project = _project_copy(tmp_path)
    source = Path(__file__).parent / "data" / "forms" / "tinh-so-trong.pdf.pdf"

    imported = _thidua("import", str(source), cwd=project)
    assert imported.returncode == 0, imported.stderr
    entry = Path(imported.stdout.strip())
    assert entry.parent == project / "plans"
    # The law cited without a number is kept and its number asked for; nothing else is missing.
    listed = imported.stderr.split("Cần kiểm tra:")[0]
    assert "Cần điền:" in listed and "Luật Thi đua, khen thưởng năm 2022" in listed
    assert listed.count("\n  - ") == 1, imported.stderr

    check = _thidua("check", str(entry), cwd=project)
    assert check.returncode == 1 and "can_cu[1].so_ky_hieu" in check.stdout

    text = entry.read_text(encoding="utf-8")
    # The blank number and the blank day stay as the signed paper has them.
    assert 'so_ky_hieu: "/KH-UBND"' in text and 'ngay_ban_hanh: "tháng 4/2022"' in text
    assert "Quảng Bình đoàn kết, năng động sáng tạo - Thi đua lập thành tích" in text
    text = text.replace('- loai: "Luật"\n  so_ky_hieu: ""', '- loai: "Luật"\n  so_ky_hieu: "06/2022/QH15"', 1)
    entry.write_text("\n".join(line for line in text.split("\n") if not line.startswith("#   - ")
                               and not line.startswith("# Cần") and not line.startswith("# Xóa")), encoding="utf-8")

    check = _thidua("check", str(entry), cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr

    site = tmp_path / "site"
    build = run_mkdocs_build(project, site)
    assert build.returncode == 0, build.stdout + build.stderr
    html = (site / "ke-hoach" / entry.stem / "index.html").read_text(encoding="utf-8")
    assert "Hoàng Minh Thử" in html and "Tổ chức đợt thi đua cao điểm" in html and "06/2022/QH15" in html
