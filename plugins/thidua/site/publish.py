"""Build into a fresh folder and put it in place only when the whole build succeeded.

MkDocs cleans ``site_dir`` before it writes, so a build that fails half-way leaves a half-written site.
``thidua build`` builds beside the target and swaps folders at the end: readers see the old site or the new one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

__all__ = ["build_and_swap"]


def build_and_swap(config_file: Path, target: Path, *, strict: bool = True) -> Path:
    """Build the site into ``target``; on any failure ``target`` is left exactly as it was and the error propagates."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
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
    os.chmod(staging, 0o755)
    if target.is_symlink():
        # A symlinked target (site -> releases/…) is flipped atomically.
        link = target.parent / f".{target.name}.link-{os.getpid()}"
        link.symlink_to(staging.name)
        os.replace(link, target)
        return staging
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)
    return target
