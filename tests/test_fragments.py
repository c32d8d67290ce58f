"""Fragments printed in Python (fragments.py): links exactly as MkDocs' | url writes them, every value escaped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import itertools
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from mkdocs.utils import normalize_url

from conftest import ROOT
from thidua.core.catalog import build_catalog
from thidua.core.dates import DateValue, parse_date
from thidua.features.propaganda import propaganda_tasks
from thidua.site.fragments import Fragments, relative_url
from thidua.core.loader import load
from thidua.core.model import DocumentNumber, Milestone
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


# ----- hostile editor text through every printer ------------------------------------------------------------------
# What an editor may type anywhere: markup, an attribute break-out either quote, an entity typed as text, a script URL.
HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>\' onmouseover=\'alert(3)\' &amp; javascript:alert(4)'
HOSTILE_PATHS = ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                 'x/"><script>alert(1)</script>/', "x/' onmouseover='alert(1)/"]


class _Markup(HTMLParser):
    """Every tag and attribute of a fragment, as a browser would parse it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(html: str, shown: int = 0) -> None:
    """No tag, attribute or link came from the hostile text, and it is shown, as typed, ``shown`` times at least."""
    parsed = _Markup(html)
    assert not {"script", "img"} & set(parsed.tags), parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")], parsed.attrs
    links = [value for name, value in parsed.attrs if name in ("href", "src", "action")]
    assert not [v for v in links if re.sub(r"[\t\n\r ]", "", v).lower().startswith(("javascript:", "data:"))], links
    seen = "".join(parsed.text) + " ".join(value for _, value in parsed.attrs)
    assert seen.count(HOSTILE) >= shown, html  # shown as the editor typed it, "&amp;" included


@pytest.fixture
def hostile_view(view):
    """A view whose every label from outside the entry (a place's name from places_extra, a level's label) is
    hostile too."""
    nasty = View(view.catalog)
    nasty.place_label = lambda place_id: HOSTILE
    nasty.place_url = lambda place_id: HOSTILE_PATHS[0]
    nasty.level_labels = {}
    return nasty


def _hostile_date() -> DateValue:
    return dataclasses.replace(parse_date("tháng 6/2020"), original=HOSTILE)


def test_entry_list_keeps_hostile_text_inert(hostile_view):
    catalog = hostile_view.catalog
    plan = dataclasses.replace(next(iter(catalog.plans.values())), title=HOSTILE, number=DocumentNumber.parse(HOSTILE),
                               issued=_hostile_date())
    exemplar = dataclasses.replace(next(iter(catalog.exemplars.values())), name=HOSTILE, date=_hostile_date())
    movement = dataclasses.replace(next(iter(catalog.movements.values())), name=HOSTILE, level=HOSTILE,
                                   place_id="tinh-x")
    html = str(hostile_view.fragments.entry_list([plan, exemplar, movement], page("dia-phuong/tinh-ha-tinh/")))
    # names, the plan's number, the place label twice, the level, the two dates' original words
    assert_inert(html, shown=8)


def test_filter_links_and_pager_keep_hostile_labels_and_paths_inert(hostile_view):
    choices = [(f"k{n}", HOSTILE, path) for n, path in enumerate(HOSTILE_PATHS)]
    for current in ("", "k1"):
        html = str(hostile_view.fragments.filter_links(choices, current, page("dong-thoi-gian/dia-phuong/a/")))
        assert_inert(html, shown=len(choices))
    html = str(hostile_view.fragments.pager(HOSTILE_PATHS, 2, page("guong/trang/2/")))
    assert_inert(html)
    assert html.count('href="#"') == 2  # both script links link nowhere; the others are escaped paths


def test_place_link_keeps_a_hostile_name_and_address_inert(hostile_view):
    for path in HOSTILE_PATHS:
        hostile_view.place_url = lambda place_id, path=path: path
        assert_inert(str(hostile_view.fragments.place_link("tinh-x", page("ke-hoach/kh-1/"))), shown=1)
    hostile_view.place_url = lambda place_id: ""
    assert_inert(str(hostile_view.fragments.place_link("tinh-x", page("ke-hoach/kh-1/"))), shown=1)


def test_date_keeps_the_documents_hostile_words_inert(hostile_view):
    assert_inert(str(hostile_view.fragments.date(_hostile_date())), shown=1)


def test_task_items_keep_hostile_text_inert(hostile_view):
    tasks = propaganda_tasks(hostile_view.catalog)
    assert tasks, "the repository's plans give no propaganda task to print"
    task = tasks[0]
    exemplar = dataclasses.replace(next(iter(hostile_view.catalog.exemplars.values())), name=HOSTILE)
    kind = dataclasses.replace(task.agency.kinds[0], label=HOSTILE + " (loại cơ quan)")  # not the agency's own name
    nasty = dataclasses.replace(
        task,
        plan=dataclasses.replace(task.plan, doc_type=HOSTILE, issuer=HOSTILE, number=DocumentNumber.parse(HOSTILE)),
        task=dataclasses.replace(task.task, agency=HOSTILE, text=HOSTILE, section=HOSTILE, deadline=_hostile_date()),
        agency=dataclasses.replace(task.agency, kinds=(kind, *task.agency.kinds[1:])),
        answers=(exemplar,) * 7)
    html = str(hostile_view.fragments.task_items([nasty], page("nhiem-vu-tuyen-truyen/")))
    # agency, kind label, text, section, doc type, number, issuer, place, the deadline's words, 5 answers
    assert_inert(html, shown=14)


def test_timeline_keeps_hostile_plan_text_inert(hostile_view):
    plan = next(p for p in hostile_view.catalog.plans.values() if p.issued.known)
    nasty = dataclasses.replace(plan, doc_type=HOSTILE, issuer=HOSTILE, number=DocumentNumber.parse(HOSTILE),
                                milestones=(Milestone(_hostile_date(), HOSTILE, "han"),), tasks=())
    other = dataclasses.replace(nasty, id=plan.id + "-2")
    hostile_view.catalog.plans[other.id] = other
    try:
        for plans in ([nasty], [nasty, other]):  # one plan's page, and a page of many (labels, plan column)
            timeline = build_timeline(plans, dt.date(2020, 6, 10))
            assert_inert(str(hostile_view.fragments.timeline_years(timeline, page("dong-thoi-gian/"))), shown=3)
    finally:
        del hostile_view.catalog.plans[other.id]


HOSTILE_TESTS = {
    "entry_list": test_entry_list_keeps_hostile_text_inert,
    "filter_links": test_filter_links_and_pager_keep_hostile_labels_and_paths_inert,
    "pager": test_filter_links_and_pager_keep_hostile_labels_and_paths_inert,
    "place_link": test_place_link_keeps_a_hostile_name_and_address_inert,
    "date": test_date_keeps_the_documents_hostile_words_inert,
    "task_items": test_task_items_keep_hostile_text_inert,
    "timeline_years": test_timeline_keeps_hostile_plan_text_inert,
}


def test_every_printer_is_fed_hostile_text():
    """A new printer in fragments.py needs its hostile test above, and its line here."""
    public = {name for name, _ in inspect.getmembers(Fragments, inspect.isfunction) if not name.startswith("_")}
    assert public == set(HOSTILE_TESTS)
    for printer, test in HOSTILE_TESTS.items():
        assert f"fragments.{printer}(" in inspect.getsource(test), (printer, test.__name__)
