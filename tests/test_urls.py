"""One table of addresses: features/urls.py spells every generated address and facet name; nothing else does.

The checks read the table itself for what an address looks like (its folders, its file names), so a new address
added to the table is guarded at once.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from thidua.features.urls import URLS, Urls

PKG = Path(__file__).resolve().parent.parent / "plugins" / "thidua"
TEMPLATES = PKG / "site" / "templates"
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
TABLE = PKG / "features" / "urls.py"


def _addresses() -> list[str]:
    """Every address the table spells, with sample arguments for its functions."""
    values = [v for f in dataclasses.fields(Urls) if isinstance(v := getattr(URLS, f.name), str)]
    values += list(URLS.kinds.values())
    values += [URLS.kind_index(k) for k in URLS.kinds] + [URLS.entry(k, "x") for k in URLS.kinds] + [URLS.list_page("plan", 2, "oldest")]
    values += [URLS.timeline_year(2025), URLS.timeline_place("x"), URLS.site_calendar, URLS.plan_calendar("x"),
               URLS.tasks_agency_kind("x"), URLS.tasks_place("x"), URLS.open_data_file("x", "json"),
               URLS.atom(URLS.feed("place", "x")), URLS.rss(URLS.feed()), URLS.search_index_file("x"),
               URLS.search_asset("x.js"), URLS.exemplar_photo("x"), URLS.search_manifest]
    return [v for v in values if v]


def _address_pattern() -> re.Pattern:
    """A literal that starts like a generated address: a page folder of the table ("ke-hoach/", "du-lieu/")
    followed by "/" or ".", a folder of the table two levels deep ("assets/thidua", "anh/guong"), or that ends
    like a generated file (a name ending ".ics", the feeds; a bare extension is a file type, not an address)."""
    addresses = _addresses()
    tops = {a.split("/")[0] for a in addresses if a.endswith("/") and a.count("/") == 1}
    deeper = {"/".join(a.split("/")[:2]) for a in addresses if a.count("/") >= 2 and a.split("/")[0] not in tops}
    suffixes = {".atom.xml", ".rss.xml", ".ics"}
    alternatives = ([re.escape(t) + r"(?:[/.]|$)" for t in sorted(deeper)]
                    + [re.escape(t) + r"[/.]" for t in sorted(tops)])
    return re.compile(r"^(?:" + "|".join(alternatives) + r")|.(?:" + "|".join(map(re.escape, sorted(suffixes)))
                      + r")$")


def _folder_names() -> set[str]:
    """The table's page folders and the feeds' stem as bare names ("du-lieu", "ban-tin"): a module of the features
    or of the site that holds one is building addresses of its own."""
    return {a.split("/")[0] for a in _addresses() if a.endswith("/") and a.count("/") == 1} | {URLS.feed_stem}


ADDRESS = _address_pattern()
FOLDERS = _folder_names()
FACETS = {f.param for f in URLS.facets}


def test_the_pattern_knows_the_table():
    for good in ("ke-hoach/", "dong-thoi-gian/2025/", "du-lieu/x.csv", "ban-tin.atom.xml", "assets/thidua/x.css",
                 "tra-cuu/chi-muc/index.json", "anh/guong/a.jpg", "x/lich.ics"):
        assert ADDRESS.search(good), good
    for innocent in ("plan", "ke-hoach", "195/KH-UBND", "Dòng thời gian", "plans/a.md", "anh/nguyen-van-a.jpg", ".ics"):
        assert not ADDRESS.search(innocent), innocent


# ----- templates ----------------------------------------------------------------------------------------------
_JINJA = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_STRING = re.compile(r"""'([^'\\]*)'|"([^"\\]*)\"""")


def template_offences(text: str) -> list[str]:
    """The literal addresses a template's Jinja code writes: a string given to ``| url`` or that looks like a
    generated address, or a facet name."""
    found = []
    for match in _JINJA.finditer(text):
        code = match.group(0)
        line = text.count("\n", 0, match.start()) + 1
        for piped in re.finditer(r"""('[^']*'|"[^"]*")\s*\|\s*url\b""", code):
            found.append(f"{line}: {piped.group(1)} | url")
        for s in _STRING.finditer(code):
            literal = s.group(1) if s.group(1) is not None else s.group(2)
            if ADDRESS.search(literal) or literal in FACETS:
                found.append(f"{line}: {literal!r}")
    return found


def _templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html")) + sorted(OVERRIDES.rglob("*.html"))


def test_the_template_check_can_fail():
    assert template_offences("""<a href="{{ 'ke-hoach/' | url }}">""")
    assert template_offences("""<a href="{{ '' | url }}">""")
    assert template_offences("""{% if page.url == "tra-cuu/" %}""")
    assert template_offences("""{% for p in [("loai", "Loại")] %}""")
    assert template_offences("""<a href="{{ (base ~ '/lich.ics') | url }}">""")
    assert not template_offences("""<a href="{{ thidua.urls.timeline | url }}">dong-thoi-gian/</a>""")
    assert not template_offences("""{% if e.kind == "place" %}""")


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(p.parents[2])))
def test_templates_take_addresses_from_the_table(path):
    offences = template_offences(path.read_text(encoding="utf-8"))
    assert not offences, f"{path}: addresses written in the template, not taken from thidua.urls:\n" + "\n".join(
        offences)


# ----- Python ---------------------------------------------------------------------------------------------------
def module_offences(source: str, builds_pages: bool = True) -> list[str]:
    """The string literals of a module (docstrings aside) that spell a generated address: f-strings are read with
    their placeholders as "*", so f"{folder}/lich.ics" and f"ke-hoach/{id}/" are caught too. In the modules that
    build the site (``builds_pages``), a bare folder name ("du-lieu") given a name of its own too (a constant, a
    table's value); a data set called after its kind, or the editor's ``thidua new ke-hoach``, is no address."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    inside_fstrings = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    assigned = set()  # constants given a name: X = "...", X = {"k": "..."}, X = ("...", …)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = node.value
            parts = value.values if isinstance(value, ast.Dict) else getattr(value, "elts", [value])
            assigned |= {id(v) for v in parts}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
              and id(node) not in inside_fstrings):
            text = node.value
        else:
            continue
        if ADDRESS.search(text) or (builds_pages and text in FOLDERS and id(node) in assigned):
            found.append(f"{node.lineno}: {text!r}")
    return found


def test_the_module_check_can_fail():
    assert module_offences('SITE_ICS = "dong-thoi-gian/lich.ics"')
    assert module_offences('def f(i):\n    return f"{i}/lich.ics"')
    assert module_offences('URL = f"ke-hoach/{x}/"')
    assert module_offences('INDEX_DIR = "tra-cuu/chi-muc"')
    assert module_offences('DATA_DIR = "du-lieu"')
    assert module_offences('URLS = {"plan": "ke-hoach"}')
    assert not module_offences('KINDS = ["ke-hoach"]', builds_pages=False)
    assert not module_offences('def f():\n    """Served at ke-hoach/<id>/."""\n    return URLS.entry("plan", i)')


@pytest.mark.parametrize("path", [p for p in sorted(PKG.rglob("*.py")) if p != TABLE],
                         ids=lambda p: str(p.relative_to(PKG)))
def test_modules_take_addresses_from_the_table(path):
    builds_pages = path.relative_to(PKG).parts[0] in ("core", "features", "site")
    offences = module_offences(path.read_text(encoding="utf-8"), builds_pages)
    assert not offences, f"{path}: addresses spelt outside features/urls.py:\n" + "\n".join(offences)


def test_the_search_script_filters_by_the_tables_facets():
    """search.js is served as it is (its bytes are the site's), so it names the facets itself: it must name the
    table's, in the table's order."""
    script = (PKG / "site" / "assets" / "search" / "search.js").read_text(encoding="utf-8")
    declared = re.findall(r'\{ param: "([^"]+)", legend: "([^"]+)" \}', script)
    assert declared == [(f.param, f.legend) for f in URLS.facets]


def test_page_sources_follow_directory_urls():
    assert URLS.source("ke-hoach/") == "ke-hoach/index.md"
    assert URLS.source("ke-hoach/kh-1/") == "ke-hoach/kh-1.md"
    assert URLS.source(URLS.list_page("plan", 3, "oldest")) == "ke-hoach/trang/cu-3.md"
    assert URLS.source(URLS.timeline_place("tinh-x")) == "dong-thoi-gian/dia-phuong/tinh-x.md"
