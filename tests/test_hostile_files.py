"""Files that are not what they seem: links out of the repository, Notepad's ".md.txt", names the site generates
itself, names that are not addresses, broken and oversized photos. Each is refused with a message, never dropped
silently, never a traceback; and what the check refuses is exactly what the build refuses."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from thidua.core.loader import collect_files, load
from thidua.core.photos import check_photo

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
EXEMPLAR = """---
ten: "Trần Thị B"
doi_tuong: ca-nhan
dia_phuong: tinh-ha-tinh
linh_vuc: "Giáo dục"
tom_tat: "Gương thử nghiệm."
{extra}---

Nội dung.
"""


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    return root


def errors_of(root: Path, rel: str) -> list[str]:
    return [d.format() for d in load(root).errors if d.path == rel]


# --- 6. symbolic links -------------------------------------------------------------------------------------------

@pytest.fixture
def secret(tmp_path) -> Path:
    outside = tmp_path / "host"
    outside.mkdir()
    target = outside / "secret.md"
    target.write_text(EXEMPLAR.format(extra="") + "MẬT KHẨU MÁY CHỦ\n", encoding="utf-8")
    return target


def test_an_entry_linked_to_a_file_outside_is_refused(project, secret):
    (project / "exemplars" / "lo.md").symlink_to(secret)
    [error] = errors_of(project, "exemplars/lo.md")
    assert "liên kết tượng trưng" in error and "ngoài kho" in error
    assert not [e for e in load(project).exemplars if e.id == "lo"]


def test_a_linked_folder_of_entries_is_refused_and_not_read(project, secret):
    (project / "exemplars" / "ngoai").symlink_to(secret.parent, target_is_directory=True)
    result = load(project)
    assert any(d.path == "exemplars/ngoai" and "liên kết tượng trưng" in d.message for d in result.errors)
    assert all("ngoai" not in str(p) for _, p in collect_files(project, __import__("thidua.core.loader").core.loader.ContentDirs()))


def test_a_linked_content_folder_outside_the_repository_is_refused(tmp_path, secret):
    root = tmp_path / "q"
    shutil.copytree(FIXTURE, root)
    shutil.rmtree(root / "exemplars")
    (root / "exemplars").symlink_to(secret.parent, target_is_directory=True)
    result = load(root)
    assert any(d.path == "exemplars" for d in result.errors) and not result.exemplars


def test_an_entry_linked_inside_the_repository_is_refused_too(project):
    (project / "exemplars" / "ban-sao.md").symlink_to(project / "exemplars" / "guong-1.md")
    assert any("liên kết tượng trưng" in e for e in errors_of(project, "exemplars/ban-sao.md"))


@pytest.mark.parametrize("photo", ["../../host/anh.jpg", "/etc/hostname", "lien-ket.jpg", "thu-muc/anh.jpg"])
def test_a_photo_outside_or_through_a_link_is_refused(project, tmp_path, photo):
    from PIL import Image

    host = tmp_path / "host"
    host.mkdir(exist_ok=True)
    Image.new("RGB", (8, 8)).save(host / "anh.jpg")
    (project / "exemplars" / "lien-ket.jpg").symlink_to(host / "anh.jpg")
    (project / "exemplars" / "thu-muc").symlink_to(host, target_is_directory=True)
    (project / "exemplars" / "a.md").write_text(EXEMPLAR.format(extra=f'anh: "{photo}"\n'), encoding="utf-8")
    [error] = [e for e in errors_of(project, "exemplars/a.md") if ": anh: " in e]
    assert "nằm ngoài kho nội dung" in error and "liên kết tượng trưng" in error


# --- 8. files that are not read, names the site generates ----------------------------------------------------------

@pytest.mark.parametrize("name, suggestion", [
    ("nguyen-van-a.md.txt", "nguyen-van-a.md"), ("nguyen-van-a.markdown", "nguyen-van-a.md"),
    ("Nguyen-Van-A.MD", "nguyen-van-a.md"), ("ghi-chu.txt", "ghi-chu.md"), ("a.Md", "a.md"),
])
def test_a_file_the_build_would_not_read_is_reported(project, name, suggestion):
    (project / "exemplars" / name).write_text(EXEMPLAR.format(extra=""), encoding="utf-8")
    [error] = errors_of(project, f"exemplars/{name}")
    assert f"“{suggestion}”" in error and "không được đọc" in error


def test_photos_and_source_documents_beside_entries_are_not_reported(project):
    (project / "exemplars" / "anh").mkdir()
    (project / "exemplars" / "anh" / "a.jpg").write_bytes(b"\xff\xd8")
    (project / "plans" / "van-ban.pdf").write_bytes(b"%PDF")
    assert not [d for d in load(project).diagnostics if d.path.endswith((".jpg", ".pdf"))]


@pytest.mark.parametrize("folder, name", [("exemplars", "index"), ("plans", "index"), ("plans", "trang"),
                                          ("movements", "index"), ("exemplars", "readme"), ("plans", "lich")])
def test_an_entry_named_like_a_generated_page_is_refused(project, folder, name):
    source = next((project / folder).glob("*.md"))
    shutil.copy(source, project / folder / f"{name}.md")
    [error] = errors_of(project, f"{folder}/{name}.md")
    assert "trùng một địa chỉ cổng tự sinh" in error


# --- 9. names that are not addresses --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, suggestion", [
    ("Nguyen-Van-A", "nguyen-van-a"), ("nguyen van a", "nguyen-van-a"), ("nguyễn-văn-a", "nguyen-van-a"),
    ("a_b", "a-b"), ("-a-", "a"), ("a--b", "a-b"), ("ĐẶNG THỊ Đ", "dang-thi-d"),
])
def test_a_file_name_that_is_not_an_address_is_an_error_with_a_suggestion(project, name, suggestion):
    (project / "exemplars" / f"{name}.md").write_text(EXEMPLAR.format(extra=""), encoding="utf-8")
    [error] = errors_of(project, f"exemplars/{name}.md")
    assert f"đổi tên tệp thành “{suggestion}.md”" in error


# --- 10. photos -----------------------------------------------------------------------------------------------------

def _jpeg(size=(64, 48)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_jpeg_is_refused_by_the_check(tmp_path, cut):
    data = _jpeg((400, 300))
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: int(len(data) * cut)])
    problem = check_photo(path)
    assert problem and "không phải ảnh đọc được" in problem[0] and "Error" not in problem[0]


@pytest.mark.parametrize("size", [(7000, 7000), (20000, 20000), (60000, 60000)])
def test_a_decompression_bomb_is_reported_by_the_pixel_limit(tmp_path, size):
    """A PNG header claiming a huge picture: refused by its size, in Vietnamese, before anything is decoded."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size[0], size[1], 8, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")
    path = tmp_path / "bom.png"
    path.write_bytes(png)
    problem = check_photo(path)
    assert problem and "quá giới hạn 40 triệu" in problem[0] and f"{size[0]}×{size[1]}" in problem[0]


def test_a_truncated_photo_fails_check_and_build_alike_without_traceback(project, tmp_path):
    from conftest import run_mkdocs_build

    (project / "exemplars" / "anh").mkdir()
    data = _jpeg((400, 300))
    (project / "exemplars" / "anh" / "a.jpg").write_bytes(data[: len(data) // 2])
    (project / "exemplars" / "a.md").write_text(EXEMPLAR.format(extra='anh: "anh/a.jpg"\n'), encoding="utf-8")
    [error] = errors_of(project, "exemplars/a.md")
    assert error.startswith("exemplars/a.md:7: anh: ")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "exemplars/a.md:7: anh: " in result.stderr


# --- 11. pages of docs/ at generated addresses ----------------------------------------------------------------------

@pytest.mark.parametrize("docs_file", ["guong/index.md", "ke-hoach/index.md", "guong/guong-1.md", "guong/guong-1/index.md",
                                       "dia-phuong/index.md", "ke-hoach/trang/cu-1.md"])
def test_a_docs_page_at_a_generated_address_is_found_by_the_check(project, docs_file):
    import subprocess
    import sys

    path = project / "docs" / docs_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Trang riêng\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "thidua.cli", "check", "--config", str(project / "mkdocs.yml")],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/{docs_file}:1: (địa chỉ): " in result.stdout


@pytest.mark.parametrize("docs_file", ["du-lieu/ke-hoach.json", "ban-tin.rss.xml", "dong-thoi-gian/lich.ics"])
def test_a_docs_file_at_a_data_file_path_is_found_by_the_check(project, docs_file):
    import subprocess
    import sys

    path = project / "docs" / docs_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "thidua.cli", "check", "--config", str(project / "mkdocs.yml")],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/{docs_file}:1: (địa chỉ): " in result.stdout
