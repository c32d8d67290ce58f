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


# ----- processed once: the cache ---------------------------------------------------------------------------
def _two_photos(root: Path) -> None:
    _jpeg(root / "exemplars" / "anh" / "a.jpg", size=(3000, 2000))  # sideways (EXIF orientation 6), big: drafted
    (root / "exemplars" / "b.md").write_text(
        "---\nten: \"Tổ B\"\ndoi_tuong: tap-the\ndia_phuong: tinh-ha-tinh\nlinh_vuc: \"Nông nghiệp\"\n"
        "tom_tat: \"Nuôi ong.\"\nanh: \"anh/b.png\"\n---\n", encoding="utf-8")
    Image.new("RGBA", (400, 300), (200, 30, 30, 128)).save(root / "exemplars" / "anh" / "b.png")  # narrower than 480


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_copies_are_webp_at_each_width_and_a_jpeg_upright_without_exif(tmp_path):
    root = _project(tmp_path)
    _two_photos(root)
    made = dict((v.name, (v, data)) for v, data in photos.web_variants(root / "exemplars" / "anh" / "a.jpg"))
    assert sorted(made) == ["1200.webp", "480.webp", "800.webp", "jpg"]
    for name, (variant, data) in made.items():
        image = Image.open(io.BytesIO(data))
        assert image.format == ("JPEG" if name == "jpg" else "WEBP")
        assert image.size == (variant.width, variant.height)
        assert variant.height > variant.width  # upright: the camera was held sideways
        assert not image.getexif()
    assert made["480.webp"][0].width == 480 and made["jpg"][0].width == 1200
    small = photos.web_variants(root / "exemplars" / "anh" / "b.png")
    assert [(v.name, v.width, v.height) for v, _ in small] == [("400.webp", 400, 300), ("jpg", 400, 300)]
    assert [d for _, d in small] == [d for _, d in photos.web_variants(root / "exemplars" / "anh" / "b.png")]


def test_a_warm_build_neither_checks_nor_processes_a_photo_again(tmp_path, monkeypatch):
    from conftest import build_context
    from thidua.features.photos import photo_outputs

    root = _project(tmp_path)
    _two_photos(root)
    cold = load(root)
    assert cold.ok and (root / ".cache" / "thidua" / "index.json").is_file()
    first = photo_outputs(build_context(root).catalog, str(root), cold.photos)
    cold_bytes = {path: (f.read_bytes() if isinstance(f, Path) else f) for path, f in first}

    def fail(*args, **kwargs):
        raise AssertionError("done again although cached")

    monkeypatch.setattr(photos, "check_photo", fail)
    monkeypatch.setattr(photos, "web_variants", fail)
    warm = load(root)
    assert warm.ok
    second = photo_outputs(build_context(root).catalog, str(root), warm.photos)
    assert {path: f.read_bytes() for path, f in second} == cold_bytes
    assert sorted(cold_bytes) == ["anh/guong/a-1200.webp", "anh/guong/a-480.webp", "anh/guong/a-800.webp",
                                  "anh/guong/a.jpg", "anh/guong/b-400.webp", "anh/guong/b.jpg"]


def test_a_changed_photo_or_limit_is_checked_again_and_stale_copies_leave_the_cache(tmp_path, monkeypatch):
    from conftest import build_context
    from thidua.features.photos import photo_outputs

    root = _project(tmp_path)
    _two_photos(root)
    photo_outputs(build_context(root).catalog, str(root), load(root).photos)
    sets = root / ".cache" / "thidua" / "photos"
    before = {p.name for p in sets.iterdir()}
    assert len(before) == 2
    Image.new("RGB", (640, 480), (10, 10, 200)).save(root / "exemplars" / "anh" / "b.png")
    photo_outputs(build_context(root).catalog, str(root), load(root).photos)
    after = {p.name for p in sets.iterdir()}
    assert len(after) == 2 and len(after & before) == 1  # the old copies of b.png are gone
    monkeypatch.setattr(photos, "MAX_PIXELS", 1_000_000)  # a new limit: the verdict is not the cached one
    assert any("điểm ảnh" in d.message for d in load(root).diagnostics)


def test_cold_and_warm_builds_write_the_same_site_and_the_cache_folder_is_an_option(tmp_path):
    from conftest import run_mkdocs_build

    root = _project(tmp_path / "p")
    _two_photos(root)
    for name in ("a.md", "b.md"):  # dated: a site without any dated entry fails to write its feed (not ours)
        path = root / "exemplars" / name
        path.write_text(path.read_text(encoding="utf-8").replace("---\nten:", "---\nngay: \"tháng 3/2024\"\nten:"),
                        encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\nsite_url: https://example.gov.vn/thi-dua/\ntheme:\n  name: material\n"
                                     "plugins:\n  - thidua:\n      build_date: \"2025-03-01\"\n"
                                     "      cache_dir: ../bo-dem\n", encoding="utf-8")
    builds = []
    for n in range(3):
        if n == 2:
            import shutil
            shutil.rmtree(tmp_path / "bo-dem")  # cold again
        done = run_mkdocs_build(root, tmp_path / f"site{n}")
        assert done.returncode == 0, done.stderr
        builds.append(_tree(tmp_path / f"site{n}"))
    assert builds[0] == builds[1] == builds[2]
    assert (tmp_path / "bo-dem" / "index.json").is_file() and not (root / ".cache").exists()
    page = builds[0]["guong/a/index.html"].decode("utf-8")
    assert '<source type="image/webp" srcset="../../anh/guong/a-480.webp 480w, ../../anh/guong/a-800.webp 800w, ' \
           '../../anh/guong/a-1200.webp 1200w"' in page
    assert 'src="../../anh/guong/a.jpg" width="1200" height="1800"' in page
    assert '<meta property="og:image:width" content="1200">' in page
