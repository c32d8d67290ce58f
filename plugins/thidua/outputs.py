"""The build's output files (search index, feeds, calendars, open data, reports, photos), made and written
while MkDocs renders the pages.

Making them is about a fifth of a build (0.9 s of 4.9 s at 1,000 entries, most of it the search index) and
needs nothing MkDocs computes after ``on_files``: only the catalog. So when the machine has a second core the
plugin forks, and the child makes and writes them while the parent renders pages; the parent collects the
child's result in ``on_post_build`` and fails the build with the child's error if it had one. Without a second
core, without ``os.fork`` (Windows), or when other threads run (``mkdocs serve``'s reloader: forking a threaded
process can deadlock the child), the same function runs in the process itself, at once. Both ways write the
same bytes (tested).

The child shares the parent's memory until it writes to it; it never returns into MkDocs: whatever happens,
it ends with ``os._exit`` and its result (nothing, or the error's text) goes through a pipe.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import threading
import traceback
from collections.abc import Collection
from pathlib import Path

from mkdocs.exceptions import PluginError

from .features import BuildContext, Output, produce_outputs

__all__ = ["OutputJob", "write_outputs", "can_fork", "clash_message"]

log = logging.getLogger("mkdocs.plugins.thidua")


def write_outputs(outputs: list[Output], site_dir: str | Path) -> None:
    """Write each output under ``site_dir``, creating folders once each."""
    made: set[str] = set()
    for output in outputs:
        path = os.path.join(site_dir, output.path)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        content = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        with open(path, "wb") as f:
            f.write(content)


def _check_and_write(context: BuildContext, site_dir: str, taken: Collection[str]) -> None:
    outputs = produce_outputs(context)
    clashes = [o.path for o in outputs if o.path in taken]
    if clashes:
        raise PluginError(clash_message(clashes))
    write_outputs(outputs, site_dir)


def clash_message(paths: list[str]) -> str:
    return ("Các tệp trong docs/ trùng địa chỉ với tệp tự sinh: " + ", ".join(paths)
            + ". Đổi tên hoặc chuyển các tệp đó sang thư mục khác trong docs/.")


def can_fork() -> bool:
    """A second process helps here: fork exists, a second core is free to us, and no other thread runs."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1


class OutputJob:
    """Make and write the outputs: in a forked child when ``parallel`` and :func:`can_fork`, else at once."""

    def __init__(self, context: BuildContext, site_dir: str, taken: Collection[str], parallel: bool = True):
        self.pid: int | None = None
        self._pipe: int | None = None
        if not (parallel and can_fork()):
            _check_and_write(context, site_dir, taken)
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never leaves this block
            code = 0
            try:
                os.close(read_end)
                gc.disable()  # it ends soon; collecting would only copy the parent's pages it shares
                _check_and_write(context, site_dir, taken)
            except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
                code = 1
                text = str(error) if isinstance(error, PluginError) else (
                    "Lỗi khi tạo các tệp dữ liệu (chỉ mục tra cứu, bản tin, lịch, dữ liệu mở):\n"
                    + traceback.format_exc())
                try:
                    os.write(write_end, text.encode("utf-8", "replace"))
                except BaseException:  # noqa: BLE001
                    pass
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid, self._pipe = pid, read_end
        log.debug("thidua: tiến trình %d ghi các tệp dữ liệu trong khi dựng các trang", pid)

    def wait(self) -> None:
        """Return once the outputs are written; raise PluginError, with the child's message, if they were not."""
        if self.pid is None:
            return
        chunks = []
        with os.fdopen(self._pipe, "rb") as pipe:
            self._pipe = None
            while chunk := pipe.read(65536):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        message = b"".join(chunks).decode("utf-8", "replace").strip()
        if os.waitstatus_to_exitcode(status) != 0 or message:
            raise PluginError(message or "Tiến trình ghi các tệp dữ liệu (chỉ mục tra cứu, bản tin, lịch, dữ liệu mở) "
                              f"dừng bất thường (mã {os.waitstatus_to_exitcode(status)}); chưa xây dựng xong trang. "
                              "Chạy lại; nếu lỗi lặp lại, đặt parallel: false cho plugin thidua trong mkdocs.yml "
                              "để ghi các tệp đó ngay trong tiến trình chính và xem lỗi.")

    def cancel(self) -> None:
        """Stop the child (the build failed elsewhere) and reap it."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        self.pid = None
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
