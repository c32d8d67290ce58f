"""Fragments printed in Python (fragments.py): links exactly as MkDocs' | url writes them, every value escaped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from types import SimpleNamespace

import pytest
from mkdocs.utils import normalize_url

from conftest import ROOT
from thidua.core.catalog import build_catalog
from thidua.core.dates import parse_date
from thidua.site.fragments import relative_url
from thidua.core.loader import load
from thidua.core.model import Milestone
from thidua.site.view import View
from thidua.features.timeline import build_timeline

NASTY = '<script>alert("x")</script> & \'co\''
NASTY_ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;co&#39;"


def page(url: str):
    return SimpleNamespace(url=url)


@pytest.fixture(scope="module")
def view():
    result = load(ROOT)
    assert result.ok
    return View(build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1)))


def test_relative_url_is_what_mkdocs_url_filter_writes():
    pages = ["", "index.html", "404.html", "ke-hoach/", "ke-hoach/kh-1/", "ke-hoach/trang/cu-2/",
             "dong-thoi-gian/dia-phuong/tinh-ha-tinh/", "a/index.html", "a/b", "a/../b/", "./a/", "a//b/"]
    paths = ["", "ke-hoach/", "ke-hoach/kh-1/", "ke-hoach/kh-2/", "dia-phuong/tinh-ha-tinh/", "guong",
             "dong-thoi-gian/lich.ics", "ke-hoach/kh-1/lich.ics", "#top", "/abs/", "https://example.gov.vn/x/",
             "../up/", "a//b/", "a/./b/", "du_lieu/ke-hoach.csv"]
    for url, path in itertools.product(pages, paths):
        assert relative_url(path, page(url)) == normalize_url(path, page=page(url)), (url, path)


def test_entry_list_escapes_editor_text_and_links_from_the_page(view):
    exemplar = next(iter(view.catalog.exemplars.values()))
    nasty = dataclasses.replace(exemplar, name=NASTY)
    html = str(view.fragments.entry_list([nasty], page("dia-phuong/tinh-ha-tinh/")))
    assert "<script>" not in html and NASTY_ESCAPED in html
    assert f'<a href="../../guong/{exemplar.id}/">' in html
    html = str(view.fragments.entry_list([nasty], page("guong/khac/")))
    assert f'<a href="../{exemplar.id}/">' in html


def test_timeline_escapes_milestone_text_everywhere_it_is_printed(view):
    plan = next(p for p in view.catalog.plans.values() if p.issued.known)
    nasty = dataclasses.replace(plan, milestones=(Milestone(parse_date("tháng 6/2020"), NASTY, "han"),), tasks=())
    timeline = build_timeline([nasty], dt.date(2020, 6, 10))
    html = str(view.fragments.timeline_years(timeline, page(f"ke-hoach/{plan.id}/")))
    assert "<script>" not in html
    assert html.count(NASTY_ESCAPED) == 3  # the mark's title and aria-label, and the table's row
    assert NASTY_ESCAPED + "</td>" in html and 'href="./"' in html


def test_pager_and_filters_mark_the_current_choice(view):
    urls = ["guong/", "guong/trang/2/", "guong/trang/3/"]
    html = str(view.fragments.pager(urls, 2, page("guong/trang/2/")))
    assert html == ('<li><a href="../../">1</a></li><li><span aria-current="page">2</span></li>'
                    '<li><a href="../3/">3</a></li>')
    choices = [("a", "Tỉnh <A>", "dong-thoi-gian/dia-phuong/a/"), ("b", "Xã B", "dong-thoi-gian/dia-phuong/b/")]
    html = str(view.fragments.filter_links(choices, "b", page("dong-thoi-gian/dia-phuong/b/")))
    assert html == '<a href="../a/">Tỉnh &lt;A&gt;</a> · <strong aria-current="page">Xã B</strong>'


def test_filter_links_reused_across_a_folder_are_those_of_each_page(view):
    """Links printed once per folder must equal the links computed from each page, even for paths below a page."""
    choices = [("a", "A", "loc/a/"), ("b", "B", "loc/b/"), ("c", "C", "loc/c/"), ("ab", "A/B", "loc/a/b/"),
               ("top", "Top", "loc/"), ("other", "Other", "khac/a/"), ("file", "File", "loc/b/lich.ics")]
    for url in ["loc/a/", "loc/b/", "loc/c/", "loc/x/", "loc/a/", "khac/a/", "loc/"]:
        for current in ["", "a", "b", "file"]:
            html = str(view.fragments.filter_links(choices, current, page(url)))
            expected = " · ".join(
                f'<strong aria-current="page">{label}</strong>' if key == current
                else f'<a href="{normalize_url(path, page=page(url))}">{label}</a>' for key, label, path in choices)
            assert html == expected, (url, current)
