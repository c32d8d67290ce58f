"""Exemplar photos: checked like every other field, and shrunk for phones at build time."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from thidua.core import photos
from thidua.core.loader import load

ROOT = Path(__file__).resolve().parent.parent


def _project(tmp_path: Path, photo: str = "anh/a.jpg") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - thidua\n", encoding="utf-8")
    (tmp_path / "exemplars" / "anh").mkdir(parents=True)
    (tmp_path / "exemplars" / "a.md").write_text(
        "---\nten: \"Tổ A\"\ndoi_tuong: tap-the\ndia_phuong: tinh-ha-tinh\nlinh_vuc: \"Nông nghiệp\"\n"
        f"tom_tat: \"Trồng rau sạch.\"\nanh: \"{photo}\"\n---\n", encoding="utf-8")
    return tmp_path


def _jpeg(path: Path, size=(2400, 1600), exif: bool = True) -> None:
    image = Image.new("RGB", size, (30, 140, 60))
    data = Image.Exif()
    if exif:
        data[0x010F] = "May anh X"  # Make
        data[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    image.save(path, "JPEG", exif=data.tobytes() if exif else b"")


def _photo_errors(root: Path) -> list[str]:
    return [d.format() for d in load(root).diagnostics if d.field == "anh"]


def test_a_good_photo_passes(tmp_path):
    root = _project(tmp_path)
    _jpeg(root / "exemplars" / "anh" / "a.jpg")
    assert _photo_errors(root) == []


def test_not_an_image_is_reported_with_file_line_and_fix(tmp_path):
    root = _project(tmp_path)
    (root / "exemplars" / "anh" / "a.jpg").write_bytes(b"GIF89a not really")
    [error] = _photo_errors(root)
    assert error.startswith("exemplars/a.md:7: anh: tệp “a.jpg” không phải ảnh đọc được")
    assert "Cách sửa: dùng ảnh JPEG hoặc PNG" in error


def test_too_many_pixels_and_too_many_bytes(tmp_path, monkeypatch):
    root = _project(tmp_path)
    _jpeg(root / "exemplars" / "anh" / "a.jpg")
    monkeypatch.setattr(photos, "MAX_PIXELS", 1_000_000)
    [error] = _photo_errors(root)
    assert "2400×1600 điểm ảnh" in error and "thu nhỏ ảnh" in error
    monkeypatch.setattr(photos, "MAX_PIXELS", 40_000_000)
    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    [error] = _photo_errors(root)
    assert "quá giới hạn" in error and "MB" in error


def test_missing_photo_and_photo_outside_the_repository(tmp_path):
    root = _project(tmp_path, "anh/khong-co.jpg")
    assert "không tìm thấy tệp ảnh" in _photo_errors(root)[0]
    root2 = _project(tmp_path / "b", "../../../etc/passwd")
    assert "nằm ngoài kho nội dung" in _photo_errors(root2)[0]


def test_web_copy_is_small_upright_without_exif_and_deterministic(tmp_path):
    source = tmp_path / "a.jpg"
    _jpeg(source)
    first, second = photos.web_photo(source), photos.web_photo(source)
    assert first == second
    image = Image.open(io.BytesIO(first))
    # The camera held it sideways (orientation 6): upright it is 1600 wide, 2400 tall -> 1200 × 1800.
    assert image.size == (1200, 1800) and image.format == "JPEG"
    assert not image.getexif() and "exif" not in image.info
    assert len(first) < source.stat().st_size


def test_sample_photo_is_built_and_shown_on_the_exemplar_page(site):
    page = (site / "guong" / "to-hop-tac-rau-sach-thon-x-bo-trach" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../anh/guong/to-hop-tac-rau-sach-thon-x-bo-trach.jpg"' in page
    built = site / "anh" / "guong" / "to-hop-tac-rau-sach-thon-x-bo-trach.jpg"
    original = ROOT / "exemplars" / "anh" / "to-hop-tac-rau-sach-thon-x-bo-trach.jpg"
    assert Image.open(built).width == 1200 and built.stat().st_size < original.stat().st_size
