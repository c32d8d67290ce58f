"""Dates as documents write them: a value with a precision, and always the original words.

"12/02/2020" is a day, "tháng 6/2020" a month, "Quý I/2025" a quarter, "năm 2021" a year and a blank
signing line ("ngày   tháng 4 năm 2022") a month: the parser never invents a day or a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from .diagnostics import describe_value
from .vntext import nfc

__all__ = ["Precision", "DateValue", "DateError", "parse_date", "parse_range", "UNKNOWN"]


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    UNKNOWN = "unknown"


PRECISION_LABELS = {
    Precision.DAY: "ngày",
    Precision.MONTH: "tháng",
    Precision.QUARTER: "quý",
    Precision.YEAR: "năm",
    Precision.UNKNOWN: "không rõ",
}

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}


class DateError(ValueError):
    """A date the document could not have meant; the message is for an editor, in Vietnamese."""


@dataclass(frozen=True, order=False)
class DateValue:
    original: str
    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    qualifier: str = ""

    @property
    def known(self) -> bool:
        return self.precision is not Precision.UNKNOWN

    # Every precision finer than a year comes with its parts (parse_date sets them): these say so to the type checker.
    def _month(self) -> int:
        assert self.month is not None, self
        return self.month

    def _day(self) -> int:
        assert self.day is not None, self
        return self.day

    def _quarter(self) -> int:
        assert self.quarter is not None, self
        return self.quarter

    def start(self) -> dt.date | None:
        """First day the value can mean."""
        if self.year is None:
            return None
        if self.precision is Precision.DAY:
            return dt.date(self.year, self._month(), self._day())
        if self.precision is Precision.MONTH:
            return dt.date(self.year, self._month(), 1)
        if self.precision is Precision.QUARTER:
            return dt.date(self.year, 3 * self._quarter() - 2, 1)
        return dt.date(self.year, 1, 1)

    def end(self) -> dt.date | None:
        """Last day the value can mean."""
        if self.year is None:
            return None
        if self.precision is Precision.DAY:
            return dt.date(self.year, self._month(), self._day())
        if self.precision is Precision.MONTH:
            return dt.date(self.year, self._month(), calendar.monthrange(self.year, self._month())[1])
        if self.precision is Precision.QUARTER:
            last = 3 * self._quarter()
            return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])
        return dt.date(self.year, 12, 31)

    def first_day(self) -> dt.date:
        """start() of a value known to be known (a caller that checked ``known``)."""
        start = self.start()
        if start is None:
            raise ValueError(f"first_day() of an unknown date: {self.original!r}")
        return start

    def last_day(self) -> dt.date:
        """end() of a value known to be known."""
        end = self.end()
        if end is None:
            raise ValueError(f"last_day() of an unknown date: {self.original!r}")
        return end

    def sort_key(self) -> tuple:
        start = self.start()
        return (0, dt.date.min) if start is None else (1, start)

    def iso(self) -> str:
        """ISO 8601 at the value's own precision: 2020-02-12, 2020-06, 2025-Q1, 2021, or ""."""
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision is Precision.QUARTER:
            return f"{self.year:04d}-Q{self.quarter}"
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        return ""

    def html_datetime(self) -> str:
        """The value for HTML's ``<time datetime>``: :meth:`iso`, except a quarter, which HTML has no form for,
        written as its year (the element's text still says the quarter). "" when unknown: then no ``<time>``."""
        if self.precision is Precision.QUARTER:
            return f"{self.year:04d}"
        return self.iso()

    def display(self) -> str:
        """Vietnamese reading form: 12/02/2020, tháng 6/2020, quý I/2025, năm 2021, không rõ ngày."""
        if self.precision is Precision.DAY:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.precision is Precision.MONTH:
            return f"tháng {self.month}/{self.year}"
        if self.precision is Precision.QUARTER:
            return f"quý {_ROMAN_OUT[self._quarter()]}/{self.year}"
        if self.precision is Precision.YEAR:
            return f"năm {self.year}"
        return "không rõ ngày"

    def __str__(self) -> str:
        return self.display()


UNKNOWN = DateValue("", Precision.UNKNOWN)

_QUALIFIERS = (
    "hoàn thành trước", "hoàn thành trong", "hoàn thành", "chậm nhất", "trước", "trong", "cuối", "đầu",
    "giữa", "sau", "từ", "đến", "vào",
)
_BLANKS = re.compile(r"[\s_.…]+")
_DMY = re.compile(r"^(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LONG = re.compile(r"^(?:ngày\s*(\d{1,2})?\s*)?tháng\s*(\d{1,2})\s*(?:năm\s*|/\s*)(\d{4})$")
_MY = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")
_QUARTER = re.compile(r"^quý\s*(iv|iii|ii|i|[1-4])\s*(?:năm\s*|/\s*)(\d{4})$")
_YEAR = re.compile(r"^(?:năm\s*)?(\d{4})$")
_DM = re.compile(r"^(?:ngày\s*)?(\d{1,2})\s*/\s*(\d{1,2})$")


def _strip_qualifier(text: str) -> tuple[str, str]:
    for qualifier in _QUALIFIERS:
        if text.startswith(qualifier + " "):
            return qualifier, text[len(qualifier):].strip()
    return "", text


def _check_year(year: int, original: str) -> None:
    if not 1900 <= year <= 2100:
        raise DateError(f"năm {year} trong “{original}” nằm ngoài khoảng 1900–2100")


def _day(original: str, qualifier: str, day: int, month: int, year: int) -> DateValue:
    _check_year(year, original)
    if not 1 <= month <= 12:
        raise DateError(f"tháng {month} trong “{original}” không tồn tại (tháng từ 1 đến 12)")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(
            f"ngày {day:02d}/{month:02d}/{year} không tồn tại: tháng {month}/{year} chỉ có {last} ngày"
        )
    return DateValue(original, Precision.DAY, year, month, day, qualifier=qualifier)


def _month(original: str, qualifier: str, month: int, year: int) -> DateValue:
    _check_year(year, original)
    if not 1 <= month <= 12:
        raise DateError(f"tháng {month} trong “{original}” không tồn tại (tháng từ 1 đến 12)")
    return DateValue(original, Precision.MONTH, year, month, qualifier=qualifier)


def parse_date(value: object, *, default_year: int | None = None) -> DateValue:
    """Parse a date as a document writes it. Raises DateError with a Vietnamese message.

    ``default_year`` is only for the first half of a range whose year is written once
    ("từ ngày 25/4 đến ngày 30/5/2022"); a lone "25/4" without it is an error, never a guess.
    """
    if value is None:
        return UNKNOWN
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateValue(value.strftime("%d/%m/%Y"), Precision.DAY, value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        _check_year(value, str(value))
        return DateValue(str(value), Precision.YEAR, value)
    if not isinstance(value, str):
        raise DateError(f"cần một ngày tháng như “12/02/2020”, nhận được {describe_value(value)}")
    original = nfc(value).strip()
    text = _BLANKS.sub(" ", original.lower()).strip(" ,;.")
    if text in ("", "không rõ", "không có", "chưa rõ"):
        return DateValue(original, Precision.UNKNOWN)
    qualifier, text = _strip_qualifier(text)
    if m := _ISO.match(text):
        return _day(original, qualifier, int(m[3]), int(m[2]), int(m[1]))
    if m := _DMY.match(text):
        return _day(original, qualifier, int(m[1]), int(m[2]), int(m[3]))
    if m := _LONG.match(text):
        if m[1]:
            return _day(original, qualifier, int(m[1]), int(m[2]), int(m[3]))
        return _month(original, qualifier, int(m[2]), int(m[3]))
    if m := _MY.match(text):
        return _month(original, qualifier, int(m[1]), int(m[2]))
    if m := _QUARTER.match(text):
        year = int(m[2])
        _check_year(year, original)
        return DateValue(original, Precision.QUARTER, year, quarter=_ROMAN[m[1]], qualifier=qualifier)
    if m := _YEAR.match(text):
        year = int(m[1])
        _check_year(year, original)
        return DateValue(original, Precision.YEAR, year, qualifier=qualifier)
    if m := _DM.match(text):
        if default_year is None:
            raise DateError(f"“{original}” thiếu năm; hãy ghi đủ năm như văn bản, ví dụ “{m[1]}/{m[2]}/2022”")
        return _day(original, qualifier, int(m[1]), int(m[2]), default_year)
    raise DateError(
        f"không đọc được ngày “{original}”; hãy ghi như văn bản: “12/02/2020”, “ngày 12 tháng 02 năm 2020”, "
        "“tháng 6/2020”, “Quý I/2025”, “năm 2021”, hoặc để trống “” nếu văn bản không ghi"
    )


_RANGE = re.compile(r"^(?:từ\s+)?(?:ngày\s+)?(.+?)\s+(?:đến|tới|-|–)\s+(?:hết\s+)?(?:ngày\s+)?(.+)$")


def parse_range(value: str) -> tuple[DateValue, DateValue]:
    """"Từ ngày 25/4 đến ngày 30/5/2022": the year written once, at the end, applies to both ends."""
    text = _BLANKS.sub(" ", nfc(value).strip().lower())
    m = _RANGE.match(text)
    if not m:
        raise DateError(f"không đọc được khoảng thời gian “{value}”; ví dụ “Từ ngày 25/4 đến ngày 30/5/2022”")
    end = parse_date(m[2])
    start = parse_date(m[1], default_year=end.year)
    if start.known and end.known and start.first_day() > end.last_day():
        raise DateError(f"trong “{value}” ngày bắt đầu {start} sau ngày kết thúc {end}")
    return start, end
