"""Movements: the shared matcher, the movement pages across localities, and the validation of wordings and ids."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from thidua.core.loader import load
from thidua.core.matching import MovementMatch, match_movement

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def movements():
    return load(ROOT).movements


@pytest.mark.parametrize("wording,expected", [
    ("Bồ Trạch chung sức xây dựng nông thôn mới", "nong-thon-moi-bo-trach"),  # as the 2020 plan misspells it
    ("Bố Trạch chung sức xây dựng nông thôn mới", "nong-thon-moi-bo-trach"),
    ("bo trach chung suc xay dung nong thon moi", "nong-thon-moi-bo-trach"),  # no diacritics
    ("Toàn dân đoàn kết xây dựng đời sống văn hoá", "doi-song-van-hoa"),  # "hoá" / "hóa"
    ("“Cả nước chung tay vì người nghèo – không để ai bị bỏ lại phía sau”", "vi-nguoi-ngheo"),  # quotes, en dash
    ("Bình Sơn vì người nghèo - Không để ai…", "vi-nguoi-ngheo-binh-son"),  # cut short
    ("Hà Tĩnh vì người nghèo - Không để ai…", "vi-nguoi-ngheo-ha-tinh"),  # own locality's variant, worded freely
    ("Phong trào thi đua Dân vận khéo", "dan-van-kheo"),
    ("Doanh nghiệp Quảng Ninh hội nhập và phát triển", "doanh-nghiep-hoi-nhap"),  # another locality: national
])
def test_matcher_finds_the_movement(movements, wording, expected):
    match = match_movement(wording, movements, ["Quảng Ninh", "Bình Sơn", "Bố Trạch", "Hà Tĩnh"])
    assert isinstance(match, MovementMatch)
    assert match.movement_id == expected, match.reason
    assert match.candidates[0] == expected and match.reason and 0 < match.score <= 1


def test_locality_prefix_falls_back_to_the_national_movement(movements):
    without_local = [m for m in movements if m.id != "vi-nguoi-ngheo-binh-son"]
    match = match_movement("Bình Sơn vì người nghèo - Không để ai bị bỏ lại phía sau", without_local, ["Bình Sơn"])
    assert match.movement_id == "vi-nguoi-ngheo"
    assert "chưa có phong trào riêng của Bình Sơn" in match.reason


@pytest.mark.parametrize("wording", ["Xây dựng giao thông nông thôn", "", "Phong trào thi đua"])
def test_matcher_reports_what_it_cannot_match(movements, wording):
    match = match_movement(wording, movements)
    assert match.movement_id is None and match.reason


@dataclass(frozen=True)
class _Movement:
    id: str
    name: str
    parent_id: str = ""
    wordings: tuple[str, ...] = ()


def test_matcher_does_not_guess_between_equal_candidates():
    twins = [_Movement("suc", "Thi đua chung sức xây dựng nông thôn mới"),
             _Movement("tay", "Thi đua chung tay xây dựng nông thôn mới")]
    match = match_movement("Thi đua chung xây dựng nông thôn mới", twins)
    assert match.movement_id is None and match.score >= 0.8
    assert set(match.candidates) == {"suc", "tay"} and "Người biên tập cần chọn mã" in match.reason


def test_every_seed_wording_matches_its_id(movements):
    for plan in load(ROOT).plans:
        for ref in plan.movements:
            if ref.wording:
                assert match_movement(ref.wording, movements, ["Bình Sơn", "Bố Trạch", "Hà Tĩnh"]).movement_id == \
                    ref.movement_id, (plan.id, ref.wording)


# ----- movement pages ---------------------------------------------------------------------------------------------

def _localities_from_files() -> dict[str, set[str]]:
    """National movement -> places of the plans citing it or a variant, read from the files, not the catalog."""
    result = load(ROOT)
    parent = {m.id: m.parent_id for m in result.movements}

    def root(mid: str) -> str:
        while parent.get(mid):
            mid = parent[mid]
        return mid

    out: dict[str, set[str]] = {}
    for plan in result.plans:
        for ref in plan.movements:
            out.setdefault(root(ref.movement_id), set()).add(plan.place_id)
    return out


def test_national_movements_list_plans_of_every_locality(site):
    localities = _localities_from_files()
    # DOMAIN.md: the movements every locality renames; the seeds cite each from at least two localities.
    for mid in ("nong-thon-moi", "vi-nguoi-ngheo", "doanh-nghiep-hoi-nhap", "van-hoa-cong-so", "hoc-tap-lam-theo-bac"):
        assert len(localities[mid]) >= 2, mid
    for mid, places in localities.items():
        html = (site / "phong-trao" / mid / "index.html").read_text(encoding="utf-8")
        listed = set(re.findall(r'<h3 class="td-locality"><a href="../../dia-phuong/([a-z0-9-]+)/"', html))
        assert listed == places, mid
        assert f"tại {len(places)} địa phương" in html


def test_movement_page_shows_variants_and_related_movements(site):
    html = (site / "phong-trao" / "nong-thon-moi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../nong-thon-moi-bo-trach/"' in html and 'href="../nong-thon-moi-binh-son/"' in html
    related = html[html.index('id="phong-trao-lien-quan"'):]
    assert 'href="../vi-nguoi-ngheo/"' in related and "cùng được nêu trong 3 kế hoạch" in related


# ----- validation -------------------------------------------------------------------------------------------------

PLAN = """---
so_ky_hieu: "12/KH-UBND"
loai_van_ban: "Kế hoạch"
co_quan_ban_hanh: "UBND tỉnh Hà Tĩnh"
dia_phuong: {place}
ngay_ban_hanh: "12/02/2024"
trich_yeu: "Kế hoạch thử"
phong_trao:
- ma: {movement}
  nguyen_van: "{wording}"
---

Toàn văn.
"""


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _diagnostics(project: Path, **values) -> list:
    (project / "plans" / "thu.md").write_text(PLAN.format(**values), encoding="utf-8")
    return [d for d in load(project).diagnostics if d.path == "plans/thu.md"]


def test_wording_that_matches_another_movement_is_a_warning(project):
    found = _diagnostics(project, place="tinh-ha-tinh", movement="quoc-gia",
                         wording="Cả tỉnh chung sức xây dựng nông thôn mới")
    (warning,) = found
    assert warning.severity == "warning" and warning.field == "phong_trao[0].nguyen_van" and warning.line == 10
    assert "dia-phuong" in warning.message and "ma: dia-phuong" in warning.fix


def test_wording_that_matches_its_id_is_silent(project):
    assert not _diagnostics(project, place="tinh-ha-tinh", movement="dia-phuong",
                            wording="Cả tỉnh chung sức xây dựng nông thôn mới")


def test_unknown_place_and_movement_name_file_line_field(project):
    found = _diagnostics(project, place="tinh-ha-tihn", movement="quoc-gai", wording="Cả nước chung sức")
    by_field = {d.field: d for d in found}
    place, movement = by_field["dia_phuong"], by_field["phong_trao[0].ma"]
    assert place.path == movement.path == "plans/thu.md"
    assert place.line == 5 and "không có địa phương nào mang mã “tinh-ha-tihn”" in place.message
    assert "tinh-ha-tinh" in place.fix
    assert movement.line == 9 and "không có phong trào nào mang mã “quoc-gai”" in movement.message
    assert "quoc-gia" in movement.fix
