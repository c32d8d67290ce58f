"""Work done in a forked child while the build goes on in the parent: the child's log, its result, its error, its end.

The child shares the parent's memory until it writes to it and never returns into MkDocs: whatever happens it
ends with ``os._exit``. What it logs on the ``mkdocs`` loggers is collected instead of printed, and sent back with
what the work returned, or its error, through a pipe; :meth:`ForkedTask.wait` logs it again in the parent, so
``--strict`` counts the child's warnings as its own, and returns the result or raises the error as a
:class:`PluginError`.

Forking is worth it only with a second core, and safe only while no other thread runs (a lock held by another
thread at the fork stays held in the child): :func:`why_not_fork` says which does not hold, if any. ``mkdocs
serve`` rebuilds from its watcher thread, so its rebuilds run everything in-process.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import threading
import time
import traceback
from typing import Any, Callable

from mkdocs.exceptions import PluginError

__all__ = ["ForkedTask", "can_fork", "why_not_fork"]

log = logging.getLogger("mkdocs.plugins.thidua")


def why_not_fork() -> str | None:
    """Why a second process would not help or not be safe here (in Vietnamese, for the build's log), or None."""
    if not hasattr(os, "fork"):
        return "hệ điều hành này không có fork"
    if threading.active_count() > 1:
        return "có luồng khác đang chạy (mkdocs serve dựng lại trang từ luồng theo dõi tệp)"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return "máy chỉ có một lõi"
    return None


def can_fork() -> bool:
    """A second process helps here: fork exists, a second core is free to us, and no other thread runs."""
    return why_not_fork() is None


class _Collect(logging.Handler):
    def __init__(self, records: list):
        super().__init__(logging.DEBUG)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class ForkedTask:
    """``work()`` run in a forked child; ``what`` names it in messages (Vietnamese, for the person building).

    What ``work`` returns is pickled back to the parent and returned by :meth:`wait`."""

    def __init__(self, work: Callable[[], Any], what: str):
        self.what = what
        read_end, write_end = os.pipe()
        # Objects alive now are shared with the child until written to; the parent's cycle collector would
        # write to every one of them (its bookkeeping is in each object's header) and copy every page.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child: never leaves this block
            code, start = 0, time.perf_counter()
            report: dict[str, Any] = {"log": [], "error": None, "result": None}
            try:
                os.close(read_end)
                gc.disable()  # it ends soon; collecting would only copy the parent's pages it shares
                mkdocs_log = logging.getLogger("mkdocs")
                for handler in list(mkdocs_log.handlers):
                    mkdocs_log.removeHandler(handler)
                mkdocs_log.addHandler(_Collect(report["log"]))
                report["result"] = work()
            except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
                code = 1
                report["error"] = str(error) if isinstance(error, PluginError) else (
                    f"Lỗi khi {what}:\n{traceback.format_exc()}")
            finally:
                try:
                    report["seconds"] = round(time.perf_counter() - start, 3)
                    try:
                        data = pickle.dumps(report, pickle.HIGHEST_PROTOCOL)
                    except Exception:  # noqa: BLE001 - a result that cannot be sent is the child's error
                        code, report["result"] = 1, None
                        report["error"] = f"Lỗi khi {what}:\n{traceback.format_exc()}"
                        data = pickle.dumps(report, pickle.HIGHEST_PROTOCOL)
                    _write_all(write_end, data)
                finally:
                    os._exit(code)
        os.close(write_end)
        self.pid: int | None = pid
        self._pipe: int | None = read_end
        log.debug("thidua: tiến trình %d đang %s", pid, what)

    def wait(self) -> Any:
        """Once the child is done, log what it logged and return what its work returned; raise PluginError if it
        failed. Waiting again returns None."""
        if self.pid is None or self._pipe is None:
            return None
        with os.fdopen(self._pipe, "rb") as pipe:
            self._pipe = None
            data = pipe.read()
        pid, status = os.waitpid(self.pid, 0)
        self.pid = None
        gc.unfreeze()
        code = os.waitstatus_to_exitcode(status)
        try:
            report = pickle.loads(data) if data else {}
        except Exception:  # noqa: BLE001 - a child killed while writing: its exit code says what happened
            report = {}
        for name, level, message in report.get("log", []):
            logging.getLogger(name).log(level, message)
        log.debug("thidua: tiến trình %d đã %s trong %s giây", pid, self.what, report.get("seconds", "?"))
        if report.get("error") or code != 0:
            raise PluginError(report.get("error") or (
                f"Tiến trình {self.what} dừng bất thường (mã {code}); chưa xây dựng xong trang. Chạy lại; nếu lỗi "
                "lặp lại, đặt parallel: false cho plugin thidua trong mkdocs.yml để làm việc đó ngay trong tiến "
                "trình chính và xem lỗi."))
        return report.get("result")

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
        gc.unfreeze()
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
