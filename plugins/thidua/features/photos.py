"""Exemplar photos on the site: WebP copies at several widths and a JPEG fallback per exemplar with a photo.

Checking and processing a photo, and keeping the results between builds, is :mod:`thidua.core.photos`; this
feature decides where the copies go and what a page needs to show them (:class:`PhotoView`). The JPEG, 1200
pixels wide, is also the share card's image (Zalo and Facebook show cards from 600 pixels wide up).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.bodyimages import body_images, is_remote, local_path, site_path
from ..core.photos import PhotoCache, Variant, clean_image
from .feature import Feature
from .urls import URLS

__all__ = ["FEATURE", "PhotoView", "photo_url", "photo_views", "photo_outputs", "body_image_files", "PhotoError"]


def photo_url(exemplar) -> str:
    """Where the JPEG copy of an exemplar's photo is served, relative to the site root ("" without a photo)."""
    return URLS.exemplar_photo(exemplar.id) if getattr(exemplar, "photo", "") else ""


def _variant_url(exemplar_id: str, variant: Variant) -> str:
    """The JPEG at :meth:`URLS.exemplar_photo`, the WebP copies beside it: "anh/guong/<id>-480.webp"."""
    jpeg = URLS.exemplar_photo(exemplar_id)
    return jpeg if variant.name == "jpg" else f"{jpeg.removesuffix('.jpg')}-{variant.name}"


@dataclass(frozen=True)
class PhotoView:
    """What a page needs to show a photo: the JPEG (src, share card) with its size, and the WebP srcset."""

    src: str
    width: int
    height: int
    webp: tuple[tuple[str, int], ...]  # (site path, width), narrowest first


def _sources(catalog, project_root: str) -> dict[str, Path]:
    root = Path(project_root)
    return {ex.id: (root / ex.source.path).parent / ex.photo
            for ex in sorted(catalog.exemplars.values(), key=lambda e: e.id) if ex.photo}


def _processed(catalog, project_root: str,
               cache: PhotoCache | None) -> tuple[PhotoCache, dict[str, tuple[str, list[Variant]]]]:
    """The cache, and exemplar id -> (cache key, copies), every photo processed (or found in the cache) once per
    build."""
    def work():
        photos = cache if cache is not None else PhotoCache(None)
        sources = _sources(catalog, project_root)
        try:
            made = photos.all_variants(list(sources.values()))
        except Exception:  # noqa: BLE001 - the check decoded it; a file changed since must not traceback
            photos.save()  # what was made is kept
            broken = next(ex for ex in sorted(catalog.exemplars.values(), key=lambda e: e.id) if ex.photo
                          and not _processes(photos, sources[ex.id]))
            raise PhotoError(f"{broken.source.path}: anh: không xử lý được ảnh “{broken.photo}” "
                             "(tệp đã thay đổi hoặc hỏng sau khi kiểm tra). Cách sửa: chạy thidua check, thay ảnh bằng "
                             "một tệp JPEG hoặc PNG đọc được.") from None
        photos.save()
        return photos, {eid: made[path] for eid, path in sources.items()}
    return catalog.memo(("photos", project_root, id(cache)), work)


def _processes(photos: PhotoCache, path: Path) -> bool:
    try:
        photos.variants(path)
        return True
    except Exception:  # noqa: BLE001
        return False


def photo_views(catalog, project_root: str, cache: PhotoCache | None = None) -> dict[str, PhotoView]:
    """exemplar id -> how its page shows its photo."""
    _, processed = _processed(catalog, project_root, cache)
    views = {}
    for eid, (_, variants) in processed.items():
        jpeg = next(v for v in variants if v.name == "jpg")
        webp = tuple((_variant_url(eid, v), v.width) for v in variants if v.name != "jpg")
        views[eid] = PhotoView(_variant_url(eid, jpeg), jpeg.width, jpeg.height, webp)
    return views


def photo_outputs(catalog, project_root: str, cache: PhotoCache | None = None) -> list[tuple[str, bytes | Path]]:
    """(site path, cached file or bytes) of every copy of every exemplar's photo; then the copies no exemplar uses
    any more leave the cache. The photos were checked when entries were loaded."""
    photos, processed = _processed(catalog, project_root, cache)
    out: list[tuple[str, bytes | Path]] = []
    for eid, (key, variants) in processed.items():
        out += [(_variant_url(eid, v), photos.file(key, v)) for v in variants]
    photos.clean()
    photos.save()
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


FEATURE = Feature("photos", outputs=lambda ctx: photo_outputs(ctx.catalog, ctx.project_root, ctx.photos))
