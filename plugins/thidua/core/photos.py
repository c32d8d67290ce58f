"""Exemplar photos: checked when entries are checked, made light for phones when the site is built, each once.

An editor's photo (``anh``: a path relative to the entry) must be an image Pillow can open, at most
:data:`MAX_BYTES` and :data:`MAX_PIXELS`. The build makes, per photo, WebP copies :data:`WIDTHS` wide (at most the
photo's own width) and one JPEG :data:`WEB_WIDTH` wide (the fallback and the share card), upright, EXIF (camera,
GPS position) stripped, the same bytes for the same input so rebuilds do not churn.

:class:`PhotoCache` keeps both the check's verdict and the processed copies in a folder (``cache_dir``, default
``.cache/thidua/`` under the project), content-addressed as Hugo's resource cache and Material's social-card cache
are: a copy's key is the source's bytes (SHA-256), the processing parameters, Pillow's and its codecs' versions and
this module's own code; a verdict's key adds the file name and the limits. A file's hash is looked up by its size
and modification time first (as git's index does), so a warm build reads no photo at all. Copies no build used are
removed after the build (one project per cache folder). The bytes written are the cached bytes: a cold and a warm
build give the same site.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import shutil
import tempfile
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


__all__ = ["MAX_BYTES", "MAX_PIXELS", "WEB_WIDTH", "WIDTHS", "check_photo", "web_photo", "web_variants",
           "PhotoCache", "Variant", "clean_image"]

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
WEB_WIDTH = 1200
WEB_QUALITY = 82
WIDTHS = (480, 800, 1200)  # WebP copies for srcset: a phone, a phone at 2x or a tablet, a wide screen
WEBP_QUALITY = 78
WEBP_METHOD = 2  # of 0-6: 4 took 1.7 times as long for 7% fewer bytes on a phone photo
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "MPO")
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]  # any change to the rules or the processing


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


def _upright_rgb(image, width: int | None = None):
    """The picture upright, RGB on white; when ``width`` is given and the file is a JPEG, decoded at the smallest
    DCT scale still at least that wide (a 4000-pixel phone photo decodes at 2000: four times less work)."""
    from PIL import Image, ImageOps

    if width and image.format in ("JPEG", "MPO"):
        turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # stored sideways: its height is the width
        upright_width = image.height if turned else image.width
        if upright_width > width:
            scale = width / upright_width
            image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _shrunk(image, width: int):
    from PIL import Image

    if image.width <= width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _jpeg(image) -> bytes:
    out = io.BytesIO()
    # No exif=, no icc_profile=: nothing of the camera or the place it was taken goes out.
    image.save(out, "JPEG", quality=WEB_QUALITY, optimize=True, progressive=True, subsampling="4:2:0")
    return out.getvalue()


def web_photo(path: Path) -> bytes:
    """The JPEG web copy: upright, RGB, at most WEB_WIDTH wide, without metadata, deterministic bytes."""
    from PIL import Image

    with Image.open(path) as image:
        return _jpeg(_shrunk(_upright_rgb(image), WEB_WIDTH))


@dataclass(frozen=True)
class Variant:
    """One processed copy: ``name`` is "480.webp" … or "jpg"; its pixel size."""

    name: str
    width: int
    height: int

    @property
    def mime(self) -> str:
        return "image/webp" if self.name.endswith(".webp") else "image/jpeg"


def web_variants(path: Path) -> list[tuple[Variant, bytes]]:
    """Every copy the site serves of a photo: WebP at each of WIDTHS (no wider than the photo), then the JPEG at
    WEB_WIDTH. The photo is decoded once; the smaller copies are shrunk from the largest."""
    from PIL import Image

    with Image.open(path) as image:
        large = _shrunk(_upright_rgb(image, max(WIDTHS + (WEB_WIDTH,))), max(WIDTHS + (WEB_WIDTH,)))
    out: list[tuple[Variant, bytes]] = []
    for width in sorted({min(w, large.width) for w in WIDTHS}, reverse=True):
        copy = _shrunk(large, width)
        data = io.BytesIO()
        copy.save(data, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
        out.append((Variant(f"{copy.width}.webp", copy.width, copy.height), data.getvalue()))
    jpeg = _shrunk(large, WEB_WIDTH)
    out.append((Variant("jpg", jpeg.width, jpeg.height), _jpeg(jpeg)))
    return sorted(out, key=lambda pair: (pair[0].name == "jpg", pair[0].width))


def _versions() -> str:
    import PIL
    from PIL import features

    return "|".join((PIL.__version__, str(features.version("jpg")), str(features.version("webp")),
                     str(features.version("zlib"))))


def _processing_key(sha: str) -> str:
    params = json.dumps([WIDTHS, WEB_WIDTH, WEB_QUALITY, WEBP_QUALITY, WEBP_METHOD, _versions(), _CODE])
    return hashlib.sha256(f"{sha}|{params}".encode()).hexdigest()


class PhotoCache:
    """Checked verdicts and processed copies of photos, in ``folder`` (see the module's notes).

    ``index.json`` holds, per source file, its size, modification time and SHA-256 (so an unchanged file is not
    read again), the verdict of each check and the pixel sizes of each set of copies. ``photos/<key>/`` holds the
    copies of one photo. Safe to delete at any time: everything is made again.
    """

    INDEX = "index.json"

    def __init__(self, folder: Path | str | None):
        self.folder = Path(folder) if folder else None
        self._lock = threading.Lock()
        self._files: dict[str, list] = {}
        self._checks: dict[str, list | None] = {}
        self._sets: dict[str, list] = {}
        self._used_files: set[str] = set()
        self._used_checks: set[str] = set()
        self._used_sets: set[str] = set()
        self._dirty = False
        self._memory: dict[str, dict[str, bytes]] = {}  # the copies, when there is no folder to keep them in
        if self.folder is not None:
            try:
                data = json.loads((self.folder / self.INDEX).read_text(encoding="utf-8"))
                if data.get("version") == 1:
                    self._files, self._checks, self._sets = data["files"], data["checks"], data["sets"]
            except (OSError, ValueError, KeyError, TypeError):
                pass  # no cache yet, or one from another version: made again

    # ----- sources -----------------------------------------------------------------------------------------
    def digest(self, path: Path) -> str:
        """The SHA-256 of a file's bytes, from the index when its size and modification time have not changed."""
        stat = path.stat()
        key = os.fspath(path.resolve())
        with self._lock:
            self._used_files.add(key)
            known = self._files.get(key)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._lock:
            self._files[key] = [stat.st_size, stat.st_mtime_ns, digest]
            self._dirty = True
        return digest

    # ----- checks ------------------------------------------------------------------------------------------
    def check(self, path: Path) -> tuple[str, str] | None:
        """:func:`check_photo`'s verdict, made once per content, name and limits."""
        if self.folder is None:
            return check_photo(path)
        if path.stat().st_size > MAX_BYTES:  # not worth hashing: the check says so from the size alone
            return check_photo(path)
        limits = json.dumps([path.name, MAX_BYTES, MAX_PIXELS, FORMATS, _versions(), _CODE], ensure_ascii=False)
        key = hashlib.sha256(f"{self.digest(path)}|{limits}".encode()).hexdigest()
        with self._lock:
            self._used_checks.add(key)
            if key in self._checks:
                cached = self._checks[key]
                return (cached[0], cached[1]) if cached else None
        verdict = check_photo(path)
        with self._lock:
            self._checks[key] = list(verdict) if verdict else None
            self._dirty = True
        return verdict

    # ----- copies ------------------------------------------------------------------------------------------
    def variants(self, path: Path) -> tuple[str, list[Variant]]:
        """(key, copies) of a photo, made now unless cached. The copies' bytes are at :meth:`file`."""
        key = _processing_key(self.digest(path))
        with self._lock:
            self._used_sets.add(key)
            known = self._sets.get(key)
        if known is not None and self.folder is not None and (self.folder / "photos" / key).is_dir():
            return key, [Variant(*v) for v in known]
        made = web_variants(path)
        if self.folder is not None:
            target = self.folder / "photos" / key
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
            for variant, data in made:
                (staging / variant.name).write_bytes(data)
            try:
                os.replace(staging, target)  # whole or not at all: a build stopped halfway leaves no half set
            except OSError:  # made meanwhile by another build
                shutil.rmtree(staging, ignore_errors=True)
        else:
            with self._lock:
                self._memory[key] = {v.name: data for v, data in made}
        variants = [v for v, _ in made]
        with self._lock:
            self._sets[key] = [[v.name, v.width, v.height] for v in variants]
            self._dirty = True
        return key, variants

    def file(self, key: str, variant: Variant) -> Path | bytes:
        """Where a copy's bytes are (or the bytes themselves when there is no cache folder)."""
        if self.folder is None:
            return self._memory[key][variant.name]
        return self.folder / "photos" / key / variant.name

    def all_variants(self, paths: list[Path], workers: int | None = None) -> dict[Path, tuple[str, list[Variant]]]:
        """:meth:`variants` of many photos; those not cached are made on every core (Pillow decodes, resizes and
        encodes without holding the GIL, so threads suffice, also in ``mkdocs serve``'s rebuilds)."""
        unique = list(dict.fromkeys(paths))
        workers = workers or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
        if workers <= 1 or len(unique) < 2:
            return {p: self.variants(p) for p in unique}
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(zip(unique, pool.map(self.variants, unique)))

    # ----- upkeep ------------------------------------------------------------------------------------------
    def save(self) -> None:
        """Write the index (when it changed), keeping only what this run used when it used anything."""
        if self.folder is None:
            return
        with self._lock:
            if not self._dirty:
                return
            checks = {k: v for k, v in self._checks.items() if k in self._used_checks} if self._used_checks else self._checks
            sets = {k: v for k, v in self._sets.items() if k in self._used_sets} if self._used_sets else self._sets
            files = {k: v for k, v in self._files.items() if k in self._used_files} if self._used_files else self._files
            data = {"version": 1, "files": files, "checks": checks, "sets": sets}
            self._dirty = False
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = self.folder / ".gitignore"
        if not tag.exists():
            tag.write_text("# thidua's cache of checked and processed photos: safe to delete, not to commit\n*\n",
                           encoding="utf-8")
        fd, temporary = tempfile.mkstemp(prefix=".index-", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        os.replace(temporary, self.folder / self.INDEX)

    def clean(self) -> int:
        """Remove the copies no photo of this build used (after a build made or reused all of them)."""
        if self.folder is None or not (self.folder / "photos").is_dir():
            return 0
        removed = 0
        with self._lock:
            used = set(self._used_sets)
        for entry in os.scandir(self.folder / "photos"):
            if entry.name not in used:
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
        with self._lock:
            for key in [k for k in self._sets if k not in used]:
                del self._sets[key]
                self._dirty = True
        return removed


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
