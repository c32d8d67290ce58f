"""features.produce_pages and produce_outputs: every producer runs with Python's cycle collector paused, and its
state is restored after."""

from __future__ import annotations

import gc

import pytest

from conftest import ROOT, build_context
from thidua.features import registry as features
from thidua.features.registry import produce_outputs, produce_pages


@pytest.fixture(scope="module")
def context():
    return build_context(ROOT, 50)


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_is_paused_while_producing_and_restored_after(context, monkeypatch, enabled):
    seen = []
    monkeypatch.setattr(features, "PAGE_PRODUCERS", [lambda ctx: seen.append(gc.isenabled()) or []])
    monkeypatch.setattr(features, "OUTPUT_PRODUCERS", [lambda ctx: seen.append(gc.isenabled()) or []])
    (gc.enable if enabled else gc.disable)()
    try:
        assert produce_pages(context) == [] and produce_outputs(context) == []
        assert seen == [False, False] and gc.isenabled() is enabled
    finally:
        gc.enable()


def test_collector_is_restored_when_a_producer_fails(context, monkeypatch):
    def broken(ctx):
        raise RuntimeError("hỏng")
    monkeypatch.setattr(features, "PAGE_PRODUCERS", [broken])
    gc.enable()
    with pytest.raises(RuntimeError):
        produce_pages(context)
    assert gc.isenabled()


def test_produce_gives_every_page_and_output(context):
    specs, outputs = produce_pages(context), produce_outputs(context)
    uris = {s.src_uri for s in specs}
    assert {"ke-hoach/index.md", "dong-thoi-gian/index.md", "nhiem-vu-tuyen-truyen/index.md"} <= uris
    paths = {o.path for o in outputs}
    assert {"dong-thoi-gian/lich.ics", "ban-tin.atom.xml", "du-lieu/ke-hoach.json"} <= paths
