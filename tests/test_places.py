"""The place registry: sizes against published counts, stable and unique ids, succession links, place pages."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import vietnam_provinces
import yaml

from thidua.core.places import DATA_FILE, load_registry
from thidua.core.vntext import fold

DATA = Path(DATA_FILE).parent
STABLE_IDS = {  # ids that content already uses: they must never change
    "huyen-bo-trach-quang-binh": ("huyen", "Bố Trạch"), "tinh-quang-binh": ("tinh", "Quảng Bình"),
    "tinh-ha-tinh": ("tinh", "Hà Tĩnh"), "huyen-binh-son-quang-ngai": ("huyen", "Bình Sơn"),
    "tinh-quang-ngai-truoc-2025": ("tinh", "Quảng Ngãi"), "tinh-quang-tri": ("tinh", "Quảng Trị"),
    "tinh-quang-ngai": ("tinh", "Quảng Ngãi"), "xa-hoan-lao-quang-tri": ("xa", "Hoàn Lão"),
    "xa-bo-trach-quang-tri": ("xa", "Bố Trạch"), "xa-phong-nha-quang-tri": ("xa", "Phong Nha"),
    "xa-nam-trach-quang-tri": ("xa", "Nam Trạch"), "xa-binh-son-quang-ngai": ("xa", "Bình Sơn"),
    "xa-van-tuong-quang-ngai": ("xa", "Vạn Tường"), "phuong-thanh-sen-ha-tinh": ("xa", "Thành Sen"),
    "thanh-pho-ha-noi": ("tinh", "Hà Nội"),
}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _counts(registry):
    return Counter((p.level, p.current) for p in registry.places.values())


def test_sizes_match_published_counts(registry):
    counts = _counts(registry)
    # Nghị quyết 202/2025/QH15: 34 provinces from 1 July 2025, 63 before; 3,321 communes, wards and special zones.
    assert counts[("tinh", True)] == 34
    assert counts[("xa", True)] == 3321
    # 11 provinces were not merged and are one unit across the change, so 63 former = 52 records + 11 shared.
    unchanged = [p for p in registry.places.values() if p.level == "tinh" and p.current and not p.valid_from]
    assert len(unchanged) == 11
    assert counts[("tinh", False)] + len(unchanged) == 63
    # vietnam-provinces 0.6.0 (data of 2025-01-04): 696 district-level units, all ceased on 1 July 2025.
    assert counts[("huyen", False)] == 696 and counts[("huyen", True)] == 0


def test_current_units_are_the_installed_package(registry):
    meta = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    assert meta["data_version"] == vietnam_provinces.__data_version__
    assert vietnam_provinces.__version__ in meta["source"]["current"] and "0.6.0" in meta["source"]["former"]
    package = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    ours = {(p.parent_id, p.code) for p in registry.places.values() if p.level == "xa"}
    theirs = {(str(pr["code"]), str(w["code"])) for pr in package for w in pr["wards"]}
    province_code = {p.id: p.code for p in registry.places.values() if p.level == "tinh" and p.current}
    assert {(province_code[parent], code) for parent, code in ours} == theirs


def test_ids_unique_in_the_data_file_and_stable():
    rows = json.loads(DATA_FILE.read_text(encoding="utf-8"))["places"]
    ids = [row[0] for row in rows]
    duplicated = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicated
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    registry = load_registry()
    for place_id, (level, name) in STABLE_IDS.items():
        place = registry.get(place_id)
        assert place is not None, place_id
        assert (place.level, place.name) == (level, name)


def test_names_and_codes_are_reused_so_neither_identifies_a_place(registry):
    by_name = Counter(fold(p.full_name) for p in registry.places.values())
    by_code = Counter((p.level, p.code) for p in registry.places.values())
    assert by_name[fold("Tỉnh Quảng Trị")] == 2 and by_name[fold("Xã Bình Minh")] > 1
    assert registry.get("tinh-quang-tri").code == registry.get("tinh-quang-binh").code == "44"
    assert max(by_code.values()) > 1


def test_succession_table_covers_every_former_province_once(registry):
    table = yaml.safe_load((DATA / "succession.yaml").read_text(encoding="utf-8"))["provinces"]
    assert len(table) == 34
    old_names = [fold(n) for names in table.values() for n in names]
    assert len(old_names) == 63 and len(set(old_names)) == 63
    former = [p for p in registry.places.values() if p.level == "tinh" and not p.current]
    for province in former:
        (successor,) = registry.successors(province.id)
        assert successor.level == "tinh" and successor.current
        assert fold(province.name) in [fold(n) for n in table[_table_key(table, successor.name)]]
    assert {fold(p.name) for p in registry.former_units("tinh-phu-tho")} == {"phu tho", "vinh phuc", "hoa binh"}
    assert {p.id for p in registry.former_units("tinh-ca-mau")} == {"tinh-ca-mau-truoc-2025", "tinh-bac-lieu"}


def _table_key(table, name):
    return next(k for k in table if fold(k) == fold(name))


def test_every_former_district_leads_to_todays_province_of_its_former_province(registry):
    for district in (p for p in registry.places.values() if p.level == "huyen"):
        former_province = registry.get(district.parent_id)
        todays = {p.id for p in registry.today(former_province.id)}
        assert {registry.province(p.id).id for p in registry.today(district.id)} == todays, district.id


@pytest.mark.parametrize("district,province,communes", [
    ("huyen-bo-trach-quang-binh", "tinh-quang-tri",
     ["Hoàn Lão", "Bố Trạch", "Đông Trạch", "Nam Trạch", "Bắc Trạch", "Phong Nha", "Thượng Trạch"]),
    ("huyen-binh-son-quang-ngai", "tinh-quang-ngai", ["Bình Sơn", "Bình Minh", "Bình Chương", "Vạn Tường", "Đông Sơn"]),
])
def test_exact_commune_successors(registry, district, province, communes):
    successors = registry.successors(district)
    assert [p.name for p in successors] == communes
    assert {p.parent_id for p in successors} == {province}
    assert all(district in p.predecessor_ids for p in successors)


def test_today_sentence(registry):
    assert registry.today_sentence("huyen-bo-trach-quang-binh") == (
        "Huyện Bố Trạch, tỉnh Quảng Bình — từ 01/7/2025 thuộc tỉnh Quảng Trị: xã Hoàn Lão, xã Bố Trạch, xã Đông Trạch, "
        "xã Nam Trạch, xã Bắc Trạch, xã Phong Nha, xã Thượng Trạch.")
    assert registry.today_sentence("tinh-quang-binh") == "Tỉnh Quảng Bình — từ 01/7/2025 thuộc tỉnh Quảng Trị."
    assert "tỉnh Quảng Bình, tỉnh Quảng Trị (cũ)" in registry.today_sentence("tinh-quang-tri")
    assert registry.label("tinh-quang-ngai-truoc-2025") == "Tỉnh Quảng Ngãi (trước 01/7/2025)"
    assert "giữ nguyên" in registry.today_sentence("tinh-ha-tinh")


def test_unchanged_province_is_one_unit_with_former_districts_and_current_communes(registry):
    children = registry.children("tinh-ha-tinh")
    assert {p.level for p in children} == {"huyen", "xa"}
    assert "tinh-ha-tinh-truoc-2025" not in registry
    assert registry.ancestors("phuong-thanh-sen-ha-tinh")[-1].id == "tinh-ha-tinh"


def test_rollup_of_current_province_reaches_former_units(registry):
    former = set(registry.rollup_former("tinh-quang-tri"))
    assert {"tinh-quang-binh", "tinh-quang-tri-truoc-2025", "huyen-bo-trach-quang-binh"} <= former
    assert "tinh-ha-tinh" not in former and not registry.rollup_former("tinh-ha-tinh")


def test_closest_ids_suggests_by_id_and_by_name(registry):
    assert registry.closest_ids("huyen-bo-trach")[0] == "huyen-bo-trach-quang-binh"
    assert set(registry.closest_ids("bo trach")) >= {"xa-bo-trach-quang-tri", "huyen-bo-trach-quang-binh"}


# ----- the built site -------------------------------------------------------------------------------------------

def _page(site: Path, place_id: str) -> str:
    return (site / "dia-phuong" / place_id / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("place_id,section", [
    ("huyen-bo-trach-quang-binh", 'id="ke-hoach"'),  # issued there
    ("tinh-quang-binh", 'id="ke-hoach"'),  # rolled up from its district
    ("tinh-quang-tri", 'id="ke-hoach-don-vi-cu"'),  # rolled up from the former province it continues
])
def test_bo_trach_plan_on_place_pages(site, place_id, section):
    html = _page(site, place_id)
    after = html[html.index(section):]
    section_html = after[: after.find("<h2", 10)]
    assert 'href="../../ke-hoach/bo-trach-195-kh-ubnd-2020/"' in section_html


def test_place_page_links_former_and_current_both_ways(site):
    district = _page(site, "huyen-bo-trach-quang-binh")
    assert "từ 01/7/2025 thuộc tỉnh Quảng Trị: xã Hoàn Lão" in district
    assert 'href="../xa-hoan-lao-quang-tri/"' in district
    assert 'href="../tinh-quang-binh/"' in district  # breadcrumb
    commune = _page(site, "xa-hoan-lao-quang-tri")
    assert 'href="../huyen-bo-trach-quang-binh/"' in commune
    province = _page(site, "tinh-quang-tri")
    assert 'href="../tinh-quang-binh/"' in province and "Phong trào triển khai tại đây" in province


def test_places_overview_has_a_self_contained_chart_and_the_tree(site):
    html = (site / "dia-phuong" / "index.html").read_text(encoding="utf-8")
    chart = html[html.index('class="td-chart"'): html.index("</figure>")]
    assert chart.count('<svg class="td-bar"') == 3
    assert "http" not in chart
    widths = [float(w) for w in re.findall(r'class="td-bar-plan" x="0" y="0" width="([\d.]+)%"', chart)]
    assert widths and max(widths) <= 100
    for place_id in ("tinh-quang-tri", "tinh-quang-binh", "huyen-bo-trach-quang-binh", "tinh-ha-tinh"):
        assert f'href="{place_id}/"' in html


def test_places_overview_on_a_phone(browser, served):
    """At phone width (412 px) the bars fit the screen, scale with the counts and their links work."""
    from selenium.webdriver.common.by import By

    driver = browser.open(served + "dia-phuong/")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.td-bar")
    assert len(bars) == 3
    viewport = driver.execute_script("return document.documentElement.clientWidth")
    for bar in bars:
        assert 0 < bar.rect["x"] and bar.rect["x"] + bar.rect["width"] <= viewport
    assert driver.execute_script("return document.documentElement.scrollWidth") <= viewport
    plan_widths = [r.rect["width"] for r in driver.find_elements(By.CSS_SELECTOR, "svg.td-bar rect.td-bar-plan")]
    assert all(w > 0 for w in plan_widths)
    label = driver.find_element(By.CSS_SELECTOR, ".td-bars .td-bar-label a")
    assert label.value_of_css_property("font-size").endswith("px") and float(label.value_of_css_property("font-size")[:-2]) >= 12
    label.click()
    assert "Tỉnh" in driver.find_element(By.TAG_NAME, "h1").text
