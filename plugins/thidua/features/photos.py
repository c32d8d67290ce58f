"""Exemplar photos on the site: one web copy per exemplar with a photo, at :func:`photo_url`.

Checking and processing a photo is :mod:`thidua.core.photos`; this feature decides where the copies go.
"""

from __future__ import annotations

from pathlib import Path

from ..core.bodyimages import body_images, is_remote, local_path, site_path
from ..core.photos import clean_image, web_photo
from .feature import Feature
from .urls import URLS

__all__ = ["FEATURE", "photo_url", "photo_outputs", "body_image_files", "PhotoError"]


def photo_url(exemplar) -> str:
    """Where the web copy of an exemplar's photo is served, relative to the site root ("" without a photo)."""
    return URLS.exemplar_photo(exemplar.id) if getattr(exemplar, "photo", "") else ""


def photo_outputs(catalog, project_root: str) -> list[tuple[str, bytes]]:
    """(site path, JPEG bytes) for every exemplar with a photo. The photo was checked when entries were loaded."""
    out = []
    root = Path(project_root)
    for exemplar in sorted(catalog.exemplars.values(), key=lambda e: e.id):
        if not exemplar.photo:
            continue
        source = (root / exemplar.source.path).parent / exemplar.photo
        try:
            out.append((photo_url(exemplar), web_photo(source)))
        except Exception as error:  # noqa: BLE001 - the check decoded it; a file changed since must not traceback
            raise PhotoError(f"{exemplar.source.path}: anh: không xử lý được ảnh “{exemplar.photo}” "
                             "(tệp đã thay đổi hoặc hỏng sau khi kiểm tra). Cách sửa: chạy thidua check, thay ảnh bằng một tệp JPEG "
                             "hoặc PNG đọc được.") from None
    return out


class PhotoError(Exception):
    """A photo that passed the check but could not be made into its web copy; the message is for the editor."""


def body_image_files(catalog, project_root: str) -> list[tuple[str, bytes]]:
    """(site path, bytes) of the images entries' bodies show (``![…](anh/x.jpg)``), checked when entries were loaded.

    They are pages' files, not outputs: MkDocs checks the body's links against them."""
    root = Path(project_root)
    seen: dict[str, bytes] = {}
    entries = [*catalog.plans.values(), *catalog.exemplars.values(), *catalog.movements.values()]
    for entry in sorted(entries, key=lambda e: (e.kind, e.id)):
        for image in body_images(entry.body or ""):
            path = local_path(image.url)
            if not image.markdown or is_remote(image.url) or not path.strip():
                continue
            where = site_path(URLS.kinds[entry.kind], path)
            if where is None or where in seen:
                continue
            source = (root / entry.source.path).parent / path
            try:
                seen[where] = clean_image(source)
            except Exception:  # noqa: BLE001 - the check decoded it; a file changed since must not traceback
                raise PhotoError(f"{entry.source.path}: (nội dung): không xử lý được ảnh “{image.url}” (tệp đã thay "
                                 "đổi hoặc hỏng sau khi kiểm tra). Cách sửa: chạy thidua check, thay ảnh bằng một tệp "
                                 "JPEG hoặc PNG đọc được.") from None
    return sorted(seen.items())


FEATURE = Feature("photos", outputs=lambda ctx: photo_outputs(ctx.catalog, ctx.project_root))
