"""Diagnostics: what is wrong, where, and how to fix it, in Vietnamese, for an editor.

Every check in the project returns these instead of raising, so one run reports every problem in every file.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Diagnostic", "ERROR", "WARNING", "describe_value", "format_report"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    severity: str = ERROR

    def format(self) -> str:
        """``path:line: field: message Sửa: fix`` — the form editors, CI annotations and grep all read."""
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        if self.fix:
            text += f" Cách sửa: {self.fix}"
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path, "line": self.line, "field": self.field, "message": self.message,
            "fix": self.fix, "severity": self.severity,
        }


def format_report(diagnostics: list[Diagnostic]) -> str:
    errors = sum(1 for d in diagnostics if d.severity == ERROR)
    warnings = len(diagnostics) - errors
    files = len({d.path for d in diagnostics})
    return f"{errors} lỗi, {warnings} cảnh báo trong {files} tệp"


def describe_value(value: object) -> str:
    """What an editor wrote, in the editor's words (“một số”, “một danh sách”), never a Python type's name."""
    import datetime as dt

    if value is None:
        return "giá trị rỗng"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"một số ({value})"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"một ngày viết liền không ngoặc kép ({value.isoformat()})"
    if isinstance(value, str):
        return f"chữ “{value}”"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm trường"
    return "một giá trị không đọc được"
