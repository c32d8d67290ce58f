"""The feature registry: every feature's pages and files reach the build, the collector does not walk the build's
objects while they are made, and what templates see of a feature is found under its name."""

from __future__ import annotations

import gc
from collections import Counter

import pytest

from conftest import ROOT, build_context
from thidua.features import registry as features
from thidua.features.feature import Feature, Output
from thidua.features.registry import FEATURES, feature_views, produce_outputs, produce_pages
from thidua.site.view import View


@pytest.fixture(scope="module")
def context():
    return build_context(ROOT, 50)


def _keep_alive(count: int) -> list:
    """Allocate ``count`` small containers that stay alive, as producers do (records, trees, postings)."""
    return [[n] for n in range(count)]


def _full_collections_while(work) -> int:
    """How many full collections (generation 2, which walk every tracked object) ran while ``work()`` ran."""
    seen = []

    def callback(phase, info):
        if phase == "start":
            seen.append(info["generation"])
    gc.callbacks.append(callback)
    try:
        work()
    finally:
        gc.callbacks.remove(callback)
    return Counter(seen)[2]


def test_no_full_collection_walks_the_objects_producers_keep(context, monkeypatch):
    """A full collection walks every live object and frees nothing here (12 s of a 58 s build at 10,000 entries).
    The control shows that the same allocations trigger full collections when the registry does not step in."""
    kept = []
    gc.enable()
    gc.collect()
    control = _full_collections_while(lambda: kept.append(_keep_alive(2_000_000)))
    kept.clear()
    gc.collect()
    assert control > 0, "the control allocates too little to trigger a full collection: the test proves nothing"
    monkeypatch.setattr(features, "FEATURES", [
        Feature("pages", pages=lambda ctx: kept.append(_keep_alive(2_000_000)) or []),
        Feature("outputs", outputs=lambda ctx: kept.append(_keep_alive(2_000_000)) or [])])
    during = _full_collections_while(lambda: (produce_pages(context), produce_outputs(context)))
    assert during == 0
    assert gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_producing_leaves_the_collector_as_it_found_it(context, monkeypatch, enabled):
    monkeypatch.setattr(features, "FEATURES", [Feature("nothing")])
    (gc.enable if enabled else gc.disable)()
    try:
        assert produce_pages(context) == [] and produce_outputs(context) == []
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_a_failed_producer_leaves_the_collector_as_it_found_it(context, monkeypatch):
    def broken(ctx):
        raise RuntimeError("hỏng")
    monkeypatch.setattr(features, "FEATURES", [Feature("broken", pages=broken)])
    gc.enable()
    with pytest.raises(RuntimeError):
        produce_pages(context)
    assert gc.isenabled()


def test_produce_gives_every_page_and_output_of_every_feature_once(context):
    """What produce_pages and produce_outputs give is exactly every feature's own, in the registry's order, and
    every feature that adds pages or files adds some for the repository's content."""
    specs, outputs = produce_pages(context), produce_outputs(context)
    expected_pages, expected_outputs = [], []
    for feature in FEATURES:
        own_pages = [s.src_uri for s in feature.pages(context)]
        own_outputs = [o.path if isinstance(o, Output) else o[0] for o in feature.outputs(context)]
        if feature.pages is not Feature.pages:
            assert own_pages, f"{feature.name} adds no page"
        if feature.outputs is not Feature.outputs:
            assert own_outputs, f"{feature.name} writes no file"
        expected_pages += own_pages
        expected_outputs += own_outputs
    assert [s.src_uri for s in specs] == expected_pages
    assert [o.path for o in outputs] == expected_outputs
    assert all(isinstance(o, Output) for o in outputs)
    assert not [u for u, n in Counter(expected_pages).items() if n > 1]
    assert not [p for p, n in Counter(expected_outputs).items() if n > 1]


def test_every_feature_has_a_unique_name_and_templates_see_its_view(context):
    names = [f.name for f in FEATURES]
    assert len(names) == len(set(names))
    view = View(context.catalog)
    for name, shown in feature_views(context.catalog).items():
        assert type(getattr(view, name)) is type(shown)
    with pytest.raises(AttributeError):
        view.no_such_feature  # noqa: B018


def test_a_feature_named_like_the_views_own_attribute_is_refused(context, monkeypatch):
    monkeypatch.setattr(features, "FEATURES", [Feature("url", view=lambda catalog: object())])
    with pytest.raises(ValueError, match="url"):
        View(context.catalog)
