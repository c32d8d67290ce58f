"""Build into a fresh release folder and put it live only when the whole build succeeded.

MkDocs cleans ``site_dir`` before it writes, so a build that fails half-way leaves a half-written site.
``thidua build -d SITE`` builds into ``releases/.staging-…`` beside ``SITE``, renames it to ``releases/<UTC stamp>``
and points the symbolic link ``SITE`` at it with one ``rename(2)``: readers see the old site or the new one, never a
mix. The layout is the one the README's shell recipe makes (``ln -sfn`` then ``mv -T``), so the two can take turns.

- ``SITE`` a real folder (a first run, or a site made by ``mkdocs build``): it is moved into ``releases/`` and the
  link put in its place (the one moment without a site is between two renames in the same folder).
- Text files over 1 KB get a `.gz` copy beside them for nginx's `gzip_static`.
- A lock (``releases/.lock``) keeps two builds apart; while it is held, any ``.staging-*`` left by a killed build is
  stale and removed.
- After a flip, the newest ``keep`` releases are kept and the older ones removed; the live one is never removed.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import gzip
import logging
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["build_and_swap", "precompress", "releases_dir_for", "PublishError", "DEFAULT_KEEP", "STAGING_PREFIX"]

DEFAULT_KEEP = 5
STAGING_PREFIX = ".staging-"
LOCK_NAME = ".lock"


class PublishError(Exception):
    """A problem of the host (another build running, a target that is not a folder): the live site is untouched."""


def releases_dir_for(target: Path) -> Path:
    """``/srv/thi-dua/site`` keeps its releases in ``/srv/thi-dua/releases`` (the README's layout)."""
    return target.parent / "releases"


def _absolute(path: Path) -> Path:
    # Not resolve(): a symlinked target must stay the link, not the folder it points to.
    return Path(os.path.abspath(path))


@contextmanager
def _locked(releases: Path) -> Iterator[None]:
    handle = open(releases / LOCK_NAME, "a")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES):
                raise PublishError(f"Một lần xây dựng khác đang chạy ({releases / LOCK_NAME} đang bị khóa). "
                                   "Cách sửa: đợi lần đó xong rồi chạy lại.") from None
            raise
        yield
    finally:
        handle.close()


def _remove_stale_staging(releases: Path, target: Path) -> list[Path]:
    """Staging folders of killed builds: under the lock no other build is running, so every one is stale."""
    stale = [p for p in releases.iterdir() if p.name.startswith(STAGING_PREFIX)]
    # The layout before releases/: hidden siblings .site.new-* / .site.old-* / .site.link-*.
    old_layout = re.compile(rf"\.{re.escape(target.name)}\.(new|old|link)-")
    stale += [p for p in target.parent.iterdir() if old_layout.match(p.name)]
    for path in stale:
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
    return stale


def _release_name(releases: Path, now: dt.datetime) -> str:
    stamp = now.strftime("%Y%m%d%H%M%S")
    name, n = stamp, 1
    while (releases / name).exists():
        n += 1
        name = f"{stamp}-{n}"
    return name


def _is_release(path: Path) -> bool:
    return not path.name.startswith(".") and path.is_dir() and not path.is_symlink()


def prune(releases: Path, keep: int, live: Path | None) -> list[Path]:
    """Remove all but the newest ``keep`` releases (names sort by time); the live release always stays."""
    found = sorted((p for p in releases.iterdir() if _is_release(p)), key=lambda p: p.name, reverse=True)
    live_real = live.resolve() if live is not None else None
    removed = []
    for path in found[max(keep, 1):]:
        if live_real is not None and path.resolve() == live_real:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _flip(target: Path, release: Path, releases: Path) -> None:
    """Point ``target`` at ``release`` atomically (one rename of a fresh link over the old one)."""
    link = target.parent / f".{target.name}.link-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(release, target.parent))
    if target.exists() and not target.is_symlink():
        if not target.is_dir():
            link.unlink()
            raise PublishError(f"{target} là một tệp, không phải thư mục trang. Cách sửa: chọn thư mục khác với -d.")
        # A real folder (first run, or a plain `mkdocs build`): keep it as a release, then link in its place.
        built = dt.datetime.fromtimestamp(target.stat().st_mtime, dt.timezone.utc)
        os.rename(target, releases / _release_name(releases, built))
    os.replace(link, target)


def build_and_swap(config_file: Path, target: Path, *, strict: bool = True, keep: int = DEFAULT_KEEP,
                   releases: Path | None = None, now: dt.datetime | None = None, gzip_copies: bool = True) -> Path:
    """Build the site and make ``target`` a link to the new release; return the release folder.

    On any failure ``target`` is left exactly as it was and the error propagates.
    """
    from mkdocs.commands.build import build  # here: `thidua check` and `--help` need no MkDocs
    from mkdocs.config import load_config

    target = _absolute(target)
    releases = _absolute(releases) if releases is not None else releases_dir_for(target)
    releases.mkdir(parents=True, exist_ok=True)
    with _locked(releases):
        _remove_stale_staging(releases, target)
        name = _release_name(releases, now or dt.datetime.now(dt.timezone.utc))
        staging = releases / f"{STAGING_PREFIX}{name}"
        staging.mkdir()
        try:
            config = load_config(str(config_file), site_dir=str(staging), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if gzip_copies:
            precompress(staging)
        os.chmod(staging, 0o755)
        release = releases / name
        os.rename(staging, release)
        _flip(target, release, releases)
        prune(releases, keep, target)
    return release


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".csv", ".ics", ".svg", ".txt")
MIN_COMPRESS = 1024


def precompress(site: Path) -> int:
    """Write ``name.gz`` beside every text file over 1 KB, for nginx's ``gzip_static`` (no compression per request).

    Deterministic (``mtime=0``, no file name), so two builds of the same content stay byte-identical; a copy that
    would not be smaller is not written. Returns how many were written.
    """
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < MIN_COMPRESS:
            continue
        target = path.with_name(path.name + ".gz")
        if target.exists():  # MkDocs' own sitemap.xml.gz
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            target.write_bytes(packed)
            written += 1
    return written


@contextmanager
def echo_problems(stream) -> Iterator[None]:
    """While building, print MkDocs' warnings and errors (the plugin's ``file:line: field: …`` lines) to ``stream``.

    ``mkdocs build`` prints them through its own handler; ``thidua build`` calls MkDocs as a library, which has none.
    """
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
