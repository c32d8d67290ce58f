"""How ``thidua check`` prints diagnostics: text for people, JSON for machines, GitHub annotations for CI.

The ``github`` form is the workflow-command syntax that GitHub, Gitea and Forgejo Actions turn into annotations
on the lines of a pull request: ``::error file=plans/x.md,line=7,title=ngay_ban_hanh::message``.
"""

from __future__ import annotations

import json

from ..core.diagnostics import ERROR, Diagnostic, format_report

__all__ = ["as_text", "as_json", "as_github", "escape_data", "escape_property"]


def escape_data(text: str) -> str:
    """The message part of a workflow command: %, CR and LF must be escaped or the runner cuts the message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): additionally ":" and "," which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_text(diagnostics: list[Diagnostic], checked: int, ok: bool) -> tuple[str, str]:
    """(stdout, stderr): one line per problem, then a summary."""
    lines = "\n".join(d.format() for d in diagnostics)
    if ok:
        summary = f"Đã kiểm tra {checked} mục: không có lỗi."
        if diagnostics:
            summary = f"Đã kiểm tra {checked} mục: không có lỗi ({format_report(diagnostics)})."
        return (lines + "\n" if lines else "") + summary + "\n", ""
    return (lines + "\n" if lines else ""), f"Đã kiểm tra {checked} mục: {format_report(diagnostics)}.\n"


def as_json(diagnostics: list[Diagnostic], checked: int, ok: bool) -> str:
    return json.dumps({"ok": ok, "entries": checked, "diagnostics": [d.as_dict() for d in diagnostics]},
                      ensure_ascii=False, indent=2) + "\n"


def as_github(diagnostics: list[Diagnostic], checked: int, ok: bool) -> str:
    lines = []
    for d in diagnostics:
        level = "error" if d.severity == ERROR else "warning"
        message = d.message + (f" Cách sửa: {d.fix}" if d.fix else "")
        lines.append(f"::{level} file={escape_property(d.path)},line={d.line},title={escape_property(d.field)}::"
                     f"{escape_data(message)}")
    summary = f"Đã kiểm tra {checked} mục: " + ("không có lỗi." if ok else f"{format_report(diagnostics)}.")
    return "\n".join(lines + [summary]) + "\n"
