"""Exemplar photos: checked when entries are checked, made light for phones when the site is built.

An editor's photo (``anh``: a path relative to the entry) must be an image Pillow can open, at most
:data:`MAX_BYTES` and :data:`MAX_PIXELS`. The build writes one web copy per exemplar: at most
:data:`WEB_WIDTH` pixels wide, JPEG, EXIF (camera, GPS position) stripped after turning the picture upright,
and the same bytes for the same input so rebuilds do not churn.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path


__all__ = ["MAX_BYTES", "MAX_PIXELS", "WEB_WIDTH", "check_photo", "web_photo", "clean_image"]

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
WEB_WIDTH = 1200
WEB_QUALITY = 82
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "MPO")


def check_photo(path: Path) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) in Vietnamese, or None when the photo is usable."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (f"tệp ảnh “{path.name}” nặng {size / 1024 / 1024:.1f} MB, quá giới hạn {MAX_BYTES // 1024 // 1024} MB.",
                "thu nhỏ ảnh (ví dụ chiều ngang 2000 điểm ảnh) hoặc lưu lại dạng JPEG rồi thay tệp.")
    from PIL import Image  # here: most builds have no photo, and Pillow takes 30 ms to load

    bomb_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # the header is read first and held to MAX_PIXELS below, in the editor's words
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                kind = image.format or ""
                if width * height > MAX_PIXELS:
                    return (f"ảnh “{path.name}” có {width}×{height} điểm ảnh ({width * height / 1e6:.0f} triệu), "
                            f"quá giới hạn {MAX_PIXELS // 1_000_000} triệu.",
                            "thu nhỏ ảnh trước khi đưa lên (chiều ngang khoảng 2000 điểm ảnh là đủ).")
                # Decode every pixel, as the build will: verify() passes a truncated JPEG that load() refuses.
                image.load()
    except Exception as error:  # noqa: BLE001 - a malformed file raises whatever its decoder raises; never a traceback
        reason = "tệp bị cắt cụt, tải lên chưa hết" if "truncated" in str(error).lower() else "tệp hỏng hoặc không phải ảnh"
        return (f"tệp “{path.name}” không phải ảnh đọc được ({reason}).",
                "dùng ảnh JPEG hoặc PNG; nếu ảnh chụp từ điện thoại, xuất lại thành JPEG rồi chép lại tệp.")
    finally:
        Image.MAX_IMAGE_PIXELS = bomb_limit
    if kind not in FORMATS:
        return (f"ảnh “{path.name}” có định dạng {kind or 'không rõ'}, cổng không dùng được.",
                "lưu lại thành JPEG hoặc PNG.")
    return None


def web_photo(path: Path) -> bytes:
    """The web copy: upright, RGB, at most WEB_WIDTH wide, JPEG without metadata, deterministic bytes."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            background = Image.new("RGB", image.size, (255, 255, 255))
            background.paste(image, mask=image.getchannel("A"))
            image = background
        else:
            image = image.convert("RGB")
        if image.width > WEB_WIDTH:
            height = max(1, round(image.height * WEB_WIDTH / image.width))
            image = image.resize((WEB_WIDTH, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        # No exif=, no icc_profile=: nothing of the camera or the place it was taken goes out.
        image.save(out, "JPEG", quality=WEB_QUALITY, optimize=True, progressive=True, subsampling="4:2:0")
        return out.getvalue()


_SAVE_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WEBP"}


def clean_image(path: Path) -> bytes:
    """An image of an entry's body as published: upright, in its own format, without EXIF or other metadata."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        kind = _SAVE_AS.get(image.format or "", "PNG")
        upright = ImageOps.exif_transpose(image)
        if kind == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        out = io.BytesIO()
        options = {"quality": 90, "optimize": True} if kind == "JPEG" else {}
        upright.save(out, kind, **options)
        return out.getvalue()
