"""When each entry file reached the portal: the first commit that added it, from one ``git log`` per build.

"New" in the portal's feeds means new on the portal, not a recent document: a 2015 plan added today is news. The
date an entry is published (:func:`published`) is, in this order:

1. ``ngay_dang`` in the entry's front matter, when the editor gives it (a backlog imported at once, a correction);
2. the time of the first commit that added the file, following renames (``git mv`` keeps the date);
3. the build date, when the file is not committed yet or the project is not a git checkout (a copied tree):
   the build that publishes it is when it appears. Never the file's mtime: copying a tree changes it, and two builds
   of the same content must give the same bytes.

A shallow clone (CI's ``--depth 1``) sees every file added by its one commit: deploy from a full clone.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

__all__ = ["first_added", "VIETNAM"]

VIETNAM = dt.timezone(dt.timedelta(hours=7))
_MARK = "\x01"


def first_added(root: Path, folders: list[str]) -> dict[str, dt.datetime]:
    """``{path relative to root: time first added}`` for the files under ``folders``; empty when not in git.

    One command for every file: ``git log --reverse --diff-filter=AR --name-status`` walks history oldest first,
    and a rename carries the old name's date to the new one (what ``--follow`` does for one file).
    """
    command = ["git", "-c", "core.quotepath=false", "log", "--reverse", "--relative", "-M", "--diff-filter=AR",
               "--name-status", f"--format={_MARK}%cI", "--", *folders]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError:  # no git on this machine
        return {}
    if result.returncode != 0:  # not a git checkout, or no commits yet
        return {}
    return parse_log(result.stdout)


def parse_log(text: str) -> dict[str, dt.datetime]:
    added: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in text.splitlines():
        if line.startswith(_MARK):
            when = dt.datetime.fromisoformat(line[1:].strip()).astimezone(VIETNAM)
        elif line and when is not None:
            status, *paths = line.split("\t")
            if status.startswith("A") and paths:
                added.setdefault(paths[0], when)
            elif status.startswith("R") and len(paths) == 2:
                added[paths[1]] = added.pop(paths[0], when)
    return added
