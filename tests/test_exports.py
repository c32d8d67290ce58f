"""Open data and reports: every JSON and CSV the site emits parses, has the documented shape, and says what the entries say."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from thidua.core.catalog import build_catalog
from thidua.features.open_data import FORMAT_VERSION, to_csv
from thidua.core.loader import load

import datetime as dt

DATASETS = ("ke-hoach", "can-cu", "chi-tieu", "moc-thoi-gian", "dot-thi-dua", "nhiem-vu", "guong", "khen-thuong",
            "lay-y-kien", "nguoi-duoc-de-nghi", "phong-trao", "dia-phuong")


@pytest.fixture(scope="module")
def catalog():
    result = load(ROOT)
    assert result.ok
    return build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1),
                         result.notices, result.workdays)


def read_json(site: Path, name: str) -> dict:
    return json.loads((site / "du-lieu" / f"{name}.json").read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM, Excel would garble Vietnamese text"
    text = raw.decode("utf-8-sig")
    first_line = raw.split(b"\n", 1)[0]
    assert first_line.endswith(b"\r"), f"{path.name}: header line does not end in CRLF"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    # every record ends with CRLF: the reader saw as many records as there are CRLF-terminated records
    assert raw.count(b"\r\n") == len(rows), f"{path.name}: a record does not end in CRLF"
    return rows


def excel_cell(value) -> str:
    if isinstance(value, list):
        value = "\n".join(value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    elif value is None:
        value = ""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def test_every_json_file_of_the_site_parses(site):
    files = sorted(site.rglob("*.json"))
    assert any(p.parent.name == "du-lieu" for p in files)
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", DATASETS)
def test_dataset_json_and_csv_have_the_same_documented_shape(site, name):
    data = read_json(site, name)
    assert data["phien_ban"] == FORMAT_VERSION and data["tap_du_lieu"] == name
    assert data["so_ban_ghi"] == len(data["ban_ghi"])
    for record in data["ban_ghi"]:
        assert list(record) == data["truong"], "fields out of the declared order"
    rows = read_csv(site / "du-lieu" / f"{name}.csv")
    assert rows[0] == data["truong"]
    assert len(rows) - 1 == len(data["ban_ghi"])
    for row, record in zip(rows[1:], data["ban_ghi"]):
        assert row == [excel_cell(record[k]) for k in data["truong"]]
    page = (site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    for field in data["truong"]:
        assert f"<code>{field}</code>" in page, f"/du-lieu/ does not document {name}.{field}"
    assert f'href="{name}.json"' in page and f'href="{name}.csv"' in page


def test_catalogue_lists_every_dataset_with_its_fields(site):
    catalogue = json.loads((site / "du-lieu" / "danh-muc.json").read_text(encoding="utf-8"))
    assert catalogue["phien_ban"] == FORMAT_VERSION
    assert [d["tap_du_lieu"] for d in catalogue["cac_tap"]] == list(DATASETS)
    for entry in catalogue["cac_tap"]:
        data = read_json(site, entry["tap_du_lieu"])
        assert [f["ten"] for f in entry["truong"]] == data["truong"]
        assert all(f["mo_ta"] for f in entry["truong"])
        assert entry["json"].startswith("https://example.gov.vn/thi-dua/du-lieu/")


def test_records_match_the_entries(site, catalog):
    def ids(name, key="ma"):
        return [r[key] for r in read_json(site, name)["ban_ghi"]]

    assert ids("ke-hoach") == sorted(catalog.plans)
    assert ids("guong") == sorted(catalog.exemplars)
    assert ids("phong-trao") == sorted(catalog.movements)
    assert ids("dia-phuong") == catalog.place_ids
    assert catalog.notices and ids("lay-y-kien") == sorted(catalog.notices)
    assert Counter(ids("nguoi-duoc-de-nghi", "thong_bao")) == Counter(
        {n.id: len(n.nominees) for n in catalog.notices.values() if n.nominees})
    assert Counter(ids("nhiem-vu", "ke_hoach")) == Counter({p.id: len(p.tasks) for p in catalog.plans.values() if p.tasks})
    assert Counter(ids("khen-thuong", "guong")) == Counter(
        {e.id: len(e.awards) for e in catalog.exemplars.values() if e.awards})
    assert len(ids("chi-tieu", "ke_hoach")) == sum(len(p.targets) for p in catalog.plans.values())
    assert len(ids("can-cu", "ke_hoach")) == sum(len(p.implements) for p in catalog.plans.values())
    # every place an entry points to is described
    places = set(ids("dia-phuong"))
    assert {p.place_id for p in catalog.plans.values()} | {e.place_id for e in catalog.exemplars.values()} <= places


def test_dates_keep_iso_precision_and_original_words(site, catalog):
    plans = {r["ma"]: r for r in read_json(site, "ke-hoach")["ban_ghi"]}
    bo_trach = plans["bo-trach-195-kh-ubnd-2020"]
    assert bo_trach["ngay_ban_hanh"] == "2020-02-12"
    assert bo_trach["ngay_ban_hanh_do_chinh_xac"] == "day"
    assert bo_trach["ngay_ban_hanh_nguyen_van"] == catalog.plans["bo-trach-195-kh-ubnd-2020"].issued.original
    assert bo_trach["so_ky_hieu"] == "195/KH-UBND"
    assert bo_trach["dia_chi"] == "https://example.gov.vn/thi-dua/ke-hoach/bo-trach-195-kh-ubnd-2020/"
    ha_tinh = plans["ha-tinh-dang-uy-khoi-2021"]  # no date line: nothing is invented
    assert (ha_tinh["ngay_ban_hanh"], ha_tinh["ngay_ban_hanh_do_chinh_xac"]) == ("", "unknown")
    assert (ha_tinh["thoi_gian_den"], ha_tinh["thoi_gian_den_do_chinh_xac"]) == ("2021", "year")
    exemplar = {r["ma"]: r for r in read_json(site, "guong")["ban_ghi"]}["nguyen-van-a-bo-trach"]
    assert (exemplar["ngay"], exemplar["ngay_do_chinh_xac"], exemplar["ngay_nguyen_van"]) == ("2020-05", "month", "tháng 5/2020")
    assert exemplar["ten"] == "Nguyễn Văn A" and exemplar["phong_trao"] == ["nong-thon-moi-bo-trach"]
    assert exemplar["du_lieu_mau"] is True


def test_csv_keeps_vietnamese_text_for_excel(site):
    rows = read_csv(site / "du-lieu" / "guong.csv")
    header, body = rows[0], rows[1:]
    names = [r[header.index("ten")] for r in body]
    assert "Nguyễn Văn A" in names


def test_csv_cells_cannot_run_as_excel_formulas():
    text = to_csv(["a", "b"], [["=HYPERLINK(\"http://x\")", "- Phòng Văn hóa"], [["x", "y"], None]]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "'- Phòng Văn hóa"]
    assert rows[2] == ["x\ny", ""]


def test_report_csv_counts_every_exemplar_and_award(site, catalog):
    rows = read_csv(site / "bao-cao" / "guong-khen-thuong.csv")
    header, body = rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]
    assert header[:3] == ["nam", "quy", "thang"]
    per_movement = sum(max(1, len(e.movement_ids)) for e in catalog.exemplars.values())
    assert sum(int(r["so_guong"]) for r in body) == per_movement
    assert sum(int(r["so_khen_thuong"]) for r in body) == sum(
        len(e.awards) * max(1, len(e.movement_ids)) for e in catalog.exemplars.values())
    # "tháng 5/2020" in Bố Trạch, movement nong-thon-moi-bo-trach: one exemplar, its award decided 20/5/2020
    row = [r for r in body if (r["nam"], r["thang"], r["dia_phuong"], r["phong_trao"])
           == ("2020", "5", "huyen-bo-trach-quang-binh", "nong-thon-moi-bo-trach")]
    assert len(row) == 1 and row[0]["so_guong"] == "1" and row[0]["quy"] == "2"
    assert row[0]["phong_trao_goc"] == "nong-thon-moi"


def test_report_page_has_an_accessible_chart_and_the_totals(site, catalog):
    html = (site / "bao-cao" / "index.html").read_text(encoding="utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert 'aria-labelledby="td-chart-title td-chart-desc"' in html
    years = Counter(e.date.year for e in catalog.exemplars.values())
    for year, count in years.items():
        assert f"{year}: {count} gương" in html  # the chart's text description
    assert f"<strong>{len(catalog.exemplars)}</strong> gương" in html
    assert 'href="guong-khen-thuong.csv"' in html
    assert "<script" not in html.split('<svg', 1)[1].split("</svg>", 1)[0]


def test_data_and_report_pages_are_in_the_navigation(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="du-lieu/"' in home and 'href="bao-cao/"' in home
