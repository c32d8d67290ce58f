"""Working days in Vietnam: weekends, public holidays (Tết Nguyên Đán by the lunar calendar) and the days the
government swaps each year.

The public holidays come from the ``holidays`` package (pinned in requirements.txt): its Vietnamese calendar has
Tết Dương lịch, Tết Nguyên Đán from the lunar calendar (29/30 Tết to mùng 4/5, with the days moved off weekends as
the Labour Code rules), Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5, Quốc khánh (2 days since 2021), Ngày Văn hóa Việt
Nam (24/11, since 2026), and the swaps it knows ("Ngày nghỉ (thay cho ngày …)" and the Saturday worked instead).

Announcements the package does not know yet (a swap announced for next year) go in a YAML list: the portal's own
``core/data/ngay-nghi-bu.yaml`` and, if the site has one, the site's file (option ``days_off_extra``). Each entry
names its source. A day listed as a day off is not a working day; a day listed as a working day is one, even a
Saturday.

How a period in working days is counted: "N ngày làm việc kể từ ngày D" does not count D itself (Điều 147 Bộ luật
Dân sự 2015: when a period is set in days, its first day is the day after the one named), so the last day is the
N-th working day after D.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["WorkCalendar", "DayChange", "load_calendar", "read_changes", "CalendarError", "PORTAL_FILE"]

PORTAL_FILE = Path(__file__).parent / "data" / "ngay-nghi-bu.yaml"
OFF, WORK = "nghi", "lam-viec"


class CalendarError(ValueError):
    """A problem in a days-off file, for an editor, in Vietnamese: where, which field, what, how to fix it."""

    def __init__(self, path: str, line: int, field: str, message: str, fix: str) -> None:
        super().__init__(f"{path}:{line}: {field}: {message} Cách sửa: {fix}")
        self.path, self.line, self.field, self.message, self.fix = path, line, field, message, fix


@dataclass(frozen=True)
class DayChange:
    day: dt.date
    kind: str  # OFF or WORK
    name: str
    source: str


@dataclass
class WorkCalendar:
    changes: tuple[DayChange, ...] = ()
    _off: dict[dt.date, str] = field(default_factory=dict, init=False, repr=False)
    _work: set[dt.date] = field(default_factory=set, init=False, repr=False)
    _years: dict[int, object] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for change in self.changes:
            if change.kind == OFF:
                self._off[change.day] = change.name
                self._work.discard(change.day)
            else:
                self._work.add(change.day)
                self._off.pop(change.day, None)

    def _holidays(self, year: int):
        if year not in self._years:
            import holidays  # loaded when a notice counts working days, not at every build

            self._years[year] = holidays.country_holidays("VN", years=year, language="vi")
        return self._years[year]

    def holiday_name(self, day: dt.date) -> str:
        """Why ``day`` is a day off ("Tết Nguyên Đán", "Thứ Bảy" …), or "" for a working day."""
        if day in self._work:
            return ""
        if day in self._off:
            return self._off[day]
        calendar = self._holidays(day.year)
        if day in calendar:
            return calendar.get(day)
        if day in getattr(calendar, "weekend_workdays", ()):
            return ""
        if day.weekday() == 5:
            return "Thứ Bảy"
        if day.weekday() == 6:
            return "Chủ Nhật"
        return ""

    def is_working_day(self, day: dt.date) -> bool:
        return not self.holiday_name(day)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted; see the module docstring)."""
        day, left = start, count
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_left(self, today: dt.date, last: dt.date) -> int:
        """Working days from ``today`` to ``last``, both counted when they are working days."""
        days, day = 0, today
        while day <= last:
            days += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return days

    def days_off_between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """The non-weekend days off in ``first``..``last`` with their names: what a reader is told was skipped."""
        out, day = [], first
        while day <= last:
            name = self.holiday_name(day)
            if name and name not in ("Thứ Bảy", "Chủ Nhật"):
                out.append((day, name))
            day += dt.timedelta(days=1)
        return out


def _line_of(node: yaml.Node | None, index: int, key: str = "") -> int:
    if node is None:
        return 1
    try:
        item = node.value[index]
        if key:
            for k, v in item.value:
                if k.value == key:
                    return v.start_mark.line + 1
        return item.start_mark.line + 1
    except (AttributeError, IndexError, TypeError):
        return 1


def read_changes(path: Path, label: str | None = None) -> tuple[DayChange, ...]:
    """The days listed in a days-off file. Raises CalendarError naming the file, line and field."""
    label = label or str(path)
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise CalendarError(label, mark.line + 1 if mark else 1, "(tệp)", "không đọc được YAML.",
                            "kiểm tra thụt lề và dấu hai chấm.") from error
    items = data.get("ngay") if isinstance(data, dict) else None
    if items is None:
        return ()
    days_node = None
    if node is not None and hasattr(node, "value"):
        days_node = next((v for k, v in node.value if getattr(k, "value", None) == "ngay"), None)
    if not isinstance(items, list):
        raise CalendarError(label, 1, "ngay", "cần một danh sách.", "mỗi ngày một mục bắt đầu bằng “- ”.")
    out = []
    for index, item in enumerate(items):
        where = f"ngay[{index}]"
        if not isinstance(item, dict):
            raise CalendarError(label, _line_of(days_node, index), where, "cần các trường ngay, loai, ten, nguon.",
                                "viết mục dạng “- ngay: 2025-05-02”.")
        value = item.get("ngay")
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                value = None
        if not isinstance(value, dt.date):
            raise CalendarError(label, _line_of(days_node, index, "ngay"), f"{where}.ngay", "cần ngày dạng YYYY-MM-DD.",
                                "ví dụ `ngay: 2025-05-02`.")
        kind = item.get("loai")
        if kind not in (OFF, WORK):
            raise CalendarError(label, _line_of(days_node, index, "loai"), f"{where}.loai",
                                f"giá trị “{kind}” không hợp lệ.", f"chọn một trong: {OFF}, {WORK}.")
        source = item.get("nguon")
        if not isinstance(source, str) or not source.strip():
            raise CalendarError(label, _line_of(days_node, index), f"{where}.nguon",
                                "thiếu nguồn (văn bản công bố ngày nghỉ).",
                                "ghi số, ngày văn bản và nơi đăng, ví dụ `nguon: \"Thông báo số …\"`.")
        out.append(DayChange(value, kind, str(item.get("ten") or ("Ngày nghỉ" if kind == OFF else "Ngày làm bù")),
                             source.strip()))
    return tuple(out)


def load_calendar(site_file: Path | None = None, label: str | None = None) -> WorkCalendar:
    """The portal's list, then the site's (later entries win)."""
    changes = read_changes(PORTAL_FILE, "plugins/thidua/core/data/ngay-nghi-bu.yaml")
    if site_file is not None:
        if not site_file.is_file():
            raise CalendarError(label or str(site_file), 1, "days_off_extra", "không tìm thấy tệp.",
                                "sửa đường dẫn trong mkdocs.yml (tính từ thư mục của mkdocs.yml).")
        changes += read_changes(site_file, label)
    return WorkCalendar(changes)
