"""The model's shared idioms: a plan's number and labels, the entry protocol, and the model made from front matter
by the schema's declarations. Each is written once; a test here fails if another module writes one again."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from thidua.core.dates import UNKNOWN
from thidua.core.loader import load
from thidua.core.model import KIND_MOVEMENT, DocumentNumber, Entry, Place, Plan, Source
from thidua.core.schema import LIST_MAP, MAP, MODELS, SCHEMAS, model_of

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
    good = model_of(KIND_MOVEMENT, "m", {"ten": " Thi đua ", "cap": "tinh", "nam": 2011, "cach_goi": ["A", "B"],
                                    "phong_trao_cha": "p", "dia_phuong": "tinh-x"})
    assert (good.name, good.level, good.year, good.wordings, good.parent_id, good.place_id) == (
        "Thi đua", "tinh", 2011, ("A", "B"), "p", "tinh-x")
    # What the validator and the importer meet before a check has passed: nothing here may raise.
    odd = model_of(KIND_MOVEMENT, "m", {"ten": None, "nam": "2011", "cach_goi": 5})
    assert (odd.name, odd.year, odd.wordings) == ("", None, ("5",))
    assert model_of(KIND_MOVEMENT, "m", {"cach_goi": {"a": 1}}).wordings == ()
    assert model_of(KIND_MOVEMENT, "m", {"cach_goi": "Một cách gọi"}).wordings == ("Một cách gọi",)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_schema_fills_every_attribute_of_the_model_once(kind):
    """The loader reads front matter by the schema alone: every key names the attribute it fills (a mapping
    without a model of its own fills the entry's), and every attribute of an entry is filled by one key, but the
    entry's id, source and body; a nested value's attributes are filled by its keys or left to their defaults."""
    def attrs_of(fields):
        out = []
        for f in fields:
            if f.kind == MAP and f.model is None:
                out += attrs_of(f.fields)
            else:
                assert f.attr, f.key
                out.append(f.attr)
                if f.kind in (MAP, LIST_MAP):
                    inner = attrs_of(f.fields)
                    assert len(inner) == len(set(inner)), inner
                    assert set(inner) <= {a.name for a in dataclasses.fields(f.model)}, (f.key, inner)
        return out
    attrs = attrs_of(SCHEMAS[kind])
    assert len(attrs) == len(set(attrs)), attrs
    assert set(attrs) == {f.name for f in dataclasses.fields(MODELS[kind])} - {"id", "source", "body"}


def test_the_loaded_model_keeps_every_value_the_entry_gives():
    """Round trip on the repository's entries: a value given in front matter reaches the model."""
    result = load(ROOT)
    plan = next(p for p in result.plans if p.implements and p.milestones and p.tasks)
    raw = next(e for e in result.raw if e.id == plan.id)
    assert plan.title == raw.meta["trich_yeu"].strip()
    assert plan.number == DocumentNumber.parse(raw.meta["so_ky_hieu"].strip())
    assert [d.number for d in plan.implements] == [DocumentNumber.parse(d["so_ky_hieu"].strip())
                                                    for d in raw.meta["can_cu"]]
    assert [m.text for m in plan.milestones] == [m["noi_dung"].strip() for m in raw.meta["moc_thoi_gian"]]
    assert all(m.kind for m in plan.milestones)
    assert [t.agency for t in plan.tasks] == [t["co_quan"].strip() for t in raw.meta["nhiem_vu"]]
    notice = next(n for n in result.notices if n.groups)
    raw = next(e for e in result.raw if e.id == notice.id)
    assert [g.award for g in notice.groups] == [g["hinh_thuc"].strip() for g in raw.meta["de_nghi"]]
    assert [n.name for n in notice.nominees] == [n["ten"].strip() for g in raw.meta["de_nghi"]
                                                 for n in g["danh_sach"]]
    assert notice.period.original == raw.meta["thoi_han"]["nguyen_van"].strip() and notice.period.last_day


def test_every_entry_of_every_kind_is_an_entry_and_a_place_is_not():
    result = load(ROOT)
    assert result.ok
    entries = [*result.plans, *result.exemplars, *result.movements, *result.notices]
    assert {e.kind for e in entries} == set(SCHEMAS)
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
