"""A failed ``mkdocs build`` never touches the output folder.

MkDocs empties ``site_dir`` right after ``on_pre_build`` and, under ``--strict``, aborts on warnings only after
everything is written. So the plugin points ``site_dir`` at a fresh folder beside it before MkDocs cleans
anything, and puts that folder in place at the very end of ``on_post_build``, only when the build succeeded and
(under strict) logged no warning. Whatever fails, in any plugin or template, readers keep the previous site.
:mod:`thidua.site.publish` (``thidua build``) does the same from outside; the two nest.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["StagedOutput"]


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedOutput:
    def __init__(self, config: MkDocsConfig, target: Path, staging: Path) -> None:
        self.target, self.staging = target, staging
        self.counter = _Counter()
        logging.getLogger("mkdocs").addHandler(self.counter)
        config.site_dir = str(staging)

    @classmethod
    def start(cls, config: MkDocsConfig, enabled: bool = True) -> StagedOutput | None:
        if not enabled:
            return None
        target = Path(config.site_dir).absolute()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        return cls(config, target, staging)

    def _detach(self, config: MkDocsConfig | None = None) -> None:
        logging.getLogger("mkdocs").removeHandler(self.counter)
        if config is not None:
            config.site_dir = str(self.target)

    def discard(self) -> None:
        self._detach()
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self, config: MkDocsConfig) -> None:
        if config.strict and self.counter.count:
            # MkDocs aborts right after this event: the previous site stays as it was.
            self.discard()
            config.site_dir = str(self.target)
            return
        self._detach(config)
        os.chmod(self.staging, 0o755)
        target = self.target
        if target.is_symlink():  # site -> releases/…: flip the link atomically
            link = target.parent / f".{target.name}.link-{os.getpid()}"
            link.symlink_to(self.staging.name)
            os.replace(link, target)
            return
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        try:
            if target.exists():
                os.rename(target, old)
            os.rename(self.staging, target)
        except OSError:
            # The target cannot be renamed (a mount point, the current folder): replace its contents instead.
            if old.exists() and not target.exists():
                os.rename(old, target)
            for child in list(target.iterdir()):
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            for child in list(self.staging.iterdir()):
                os.rename(child, target / child.name)
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        shutil.rmtree(old, ignore_errors=True)
