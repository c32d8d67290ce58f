"""Dates as documents write them, document numbers, and Vietnamese text normalisation."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.core.dates import DateError, Precision, parse_date, parse_range
from thidua.core.model import DocumentNumber
from thidua.core.vntext import canonical, fold, normalize_tones, slugify


@pytest.mark.parametrize("text,precision,start,end,shown", [
    ("12/02/2020", Precision.DAY, dt.date(2020, 2, 12), dt.date(2020, 2, 12), "12/02/2020"),
    ("ngày 12 tháng 02 năm 2020", Precision.DAY, dt.date(2020, 2, 12), dt.date(2020, 2, 12), "12/02/2020"),
    ("hoàn thành trước 15/02/2020", Precision.DAY, dt.date(2020, 2, 15), dt.date(2020, 2, 15), "15/02/2020"),
    ("trong tháng 6/2020", Precision.MONTH, dt.date(2020, 6, 1), dt.date(2020, 6, 30), "tháng 6/2020"),
    ("tháng 12/2020", Precision.MONTH, dt.date(2020, 12, 1), dt.date(2020, 12, 31), "tháng 12/2020"),
    ("ngày   tháng 4 năm 2022", Precision.MONTH, dt.date(2022, 4, 1), dt.date(2022, 4, 30), "tháng 4/2022"),
    ("Quý I/2025", Precision.QUARTER, dt.date(2025, 1, 1), dt.date(2025, 3, 31), "quý I/2025"),
    ("quý 3 năm 2024", Precision.QUARTER, dt.date(2024, 7, 1), dt.date(2024, 9, 30), "quý III/2024"),
    ("năm 2021", Precision.YEAR, dt.date(2021, 1, 1), dt.date(2021, 12, 31), "năm 2021"),
    ("29/02/2024", Precision.DAY, dt.date(2024, 2, 29), dt.date(2024, 2, 29), "29/02/2024"),
])
def test_dates_keep_their_precision(text, precision, start, end, shown):
    value = parse_date(text)
    assert (value.precision, value.start(), value.end(), value.display(), value.original) == (
        precision, start, end, shown, text)


def test_blank_date_is_unknown_not_invented():
    value = parse_date("")
    assert value.precision is Precision.UNKNOWN and value.start() is None and value.iso() == ""


@pytest.mark.parametrize("text,fragment", [
    ("31/02/2020", "không tồn tại"), ("29/02/2023", "chỉ có 28 ngày"), ("13/2020", "tháng 13"),
    ("25/4", "thiếu năm"), ("hôm qua", "không đọc được"), ("01/01/1800", "ngoài khoảng"),
])
def test_impossible_dates_are_refused(text, fragment):
    with pytest.raises(DateError, match=fragment):
        parse_date(text)


def test_range_with_the_year_written_once():
    start, end = parse_range("Từ ngày 25/4 đến ngày 30/5/2022")
    assert (start.start(), end.end()) == (dt.date(2022, 4, 25), dt.date(2022, 5, 30))
    with pytest.raises(DateError, match="sau ngày kết thúc"):
        parse_range("từ ngày 30/5 đến ngày 25/4/2022")


@pytest.mark.parametrize("raw,normalized,number,form", [
    ("195/KH-UBND", "195/KH-UBND", 195, "state"),
    ("195 /KH-UBND", "195/KH-UBND", 195, "state"),
    ("Số: /KH-UBND".split(": ")[1], "/KH-UBND", None, "state"),
    ("08 - CT/TU", "08-CT/TU", 8, "party"),
    ("12-KH/HU", "12-KH/HU", 12, "party"),
    ("91/2017/NĐ-CP", "91/2017/NĐ-CP", 91, "state"),
    ("", "", None, ""),
])
def test_document_numbers(raw, normalized, number, form):
    parsed = DocumentNumber.parse(raw)
    assert (parsed.normalized, parsed.number, parsed.form) == (normalized, number, form)


def test_folding_and_tone_placement():
    assert fold("Người tốt, việc tốt — Đăng") == "nguoi tot, viec tot — dang"
    assert normalize_tones("Hoà Bình, thuỷ lợi, khoẻ") == "Hòa Bình, thủy lợi, khỏe"
    assert normalize_tones("Quý I, hoàn thành, quyết") == "Quý I, hoàn thành, quyết"
    assert canonical("  HOÀ   Bình ") == canonical("hòa bình")
    assert slugify("Huyện Bố Trạch") == "huyen-bo-trach"
    decomposed = "Ha\u0300 No\u0323\u0302i"  # NFD as some converters emit it
    assert canonical(decomposed) == "hà nội"
