"""The model's shared idioms: a plan's number and labels, movements read from front matter, the entry protocol.
Each is written once, in core/model.py; a test here fails if another module writes one of them again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thidua.core.dates import UNKNOWN
from thidua.core.loader import load
from thidua.core.model import DocumentNumber, Entry, Movement, Place, Plan, Source

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "plugins" / "thidua"


def plan(number: str, doc_type: str = "Kế hoạch", issuer: str = "Ủy ban nhân dân huyện Bố Trạch") -> Plan:
    return Plan("kh", Source("plans/kh.md"), DocumentNumber.parse(number), doc_type, issuer, "", UNKNOWN, "Thi đua")


@pytest.mark.parametrize("raw, given", [("195/KH-UBND", True), ("/KH-UBND", True), ("08-CT/TU", True),
                                        ("", False), ("  ", False), ("/", False), (" / ", False)])
def test_a_number_is_given_unless_only_blanks_and_slashes(raw, given):
    assert DocumentNumber.parse(raw).given is given
    assert plan(raw).has_number is given


def test_labels_with_and_without_a_number():
    numbered, blank = plan("195 /KH-UBND"), plan("")
    assert numbered.shown_number == "195/KH-UBND" and blank.shown_number == ""
    assert numbered.label == "Kế hoạch 195/KH-UBND" and blank.label == "Kế hoạch"
    assert numbered.full_label == "Kế hoạch 195/KH-UBND — Ủy ban nhân dân huyện Bố Trạch"
    assert blank.full_label == "Kế hoạch của Ủy ban nhân dân huyện Bố Trạch"
    assert numbered.number_or_issuer == "195/KH-UBND" and blank.number_or_issuer == "Ủy ban nhân dân huyện Bố Trạch"


def test_a_movement_is_read_from_any_front_matter_without_failing():
    good = Movement.from_meta("m", {"ten": " Thi đua ", "cap": "tinh", "nam": 2011, "cach_goi": ["A", "B"],
                                    "phong_trao_cha": "p", "dia_phuong": "tinh-x"})
    assert (good.name, good.level, good.year, good.wordings, good.parent_id, good.place_id) == (
        "Thi đua", "tinh", 2011, ("A", "B"), "p", "tinh-x")
    # What the validator and the importer meet before a check has passed: nothing here may raise.
    odd = Movement.from_meta("m", {"ten": None, "nam": "2011", "cach_goi": 5})
    assert (odd.name, odd.year, odd.wordings) == ("", None, ("5",))
    assert Movement.from_meta("m", {"cach_goi": {"a": 1}}).wordings == ()
    assert Movement.from_meta("m", {"cach_goi": "Một cách gọi"}).wordings == ("Một cách gọi",)


def test_every_entry_of_every_kind_is_an_entry_and_a_place_is_not():
    result = load(ROOT)
    assert result.ok
    entries = [*result.plans, *result.exemplars, *result.movements]
    assert {e.kind for e in entries} == {"plan", "exemplar", "movement"}
    assert all(isinstance(e, Entry) for e in entries)
    place = next(iter(result.places.places.values()))
    assert isinstance(place, Place) and not isinstance(place, Entry)


_IDIOMS = {
    "whether a plan has a number": re.compile(r"""number\.raw\.strip\(|\.raw\.strip\(["'] /["']\)"""),
    "a plan's label": re.compile(r"""doc_type\}? \{?[\w.]*number\.normalized|doc_type, number\)"""),
    "a movement read from front matter": re.compile(r"""meta(?:\.get\(|\[)["']cach_goi["']"""),
}


@pytest.mark.parametrize("path", sorted([*PKG.rglob("*.py"), *PKG.rglob("*.html")]),
                         ids=lambda p: str(p.relative_to(PKG)))
def test_the_idioms_are_written_once(path):
    if path == PKG / "core" / "model.py":
        return
    text = path.read_text(encoding="utf-8")
    again = [f"{what}: {m.group(0)}" for what, pattern in _IDIOMS.items() for m in pattern.finditer(text)]
    assert not again, f"{path} writes again what core/model.py defines:\n" + "\n".join(again)
