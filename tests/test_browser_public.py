"""Issue 19 where a reader looks: headless Chromium at phone widths.

The site name is not cut off at 360 and 412 px; a plan page leads to its full text and folds what the text repeats
(heights measured); the dates that depend on the reader's day are redone in the browser and agree with a build made
on that day; search results say which entries are samples.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, SUBPATH, _SubPathHandler, run_mkdocs_build

PAGES = ["", "ke-hoach/bo-trach-195-kh-ubnd-2020/", "guong/nguyen-van-a-bo-trach/", "dia-phuong/",
         "dong-thoi-gian/", "tra-cuu/?q=n%C3%B4ng+th%C3%B4n", "nhiem-vu-tuyen-truyen/", "bao-cao/"]


@pytest.fixture()
def phone(browser):
    yield browser
    browser.driver.set_window_size(412, 915)


def test_site_name_is_not_cut_off_on_phones(phone, served):
    driver = phone.driver
    for width in (360, 412):
        driver.set_window_size(width, 800)
        for path in PAGES:
            phone.open(served + path)
            name, header = driver.execute_script("""
                var e = document.querySelector('.md-header__topic .md-ellipsis');
                var h = document.querySelector('.md-header').getBoundingClientRect();
                var r = e.getBoundingClientRect();
                return [{text: e.textContent.trim(), sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight,
                         ch: e.clientHeight, top: r.top, bottom: r.bottom, right: r.right},
                        {top: h.top, bottom: h.bottom, width: document.documentElement.clientWidth}];""")
            where = f"{width}px {path}: {name}"
            assert name["text"] == "Cổng thông tin thi đua", where
            assert name["sw"] <= name["cw"] and name["sh"] <= name["ch"], where
            assert header["top"] <= name["top"] and name["bottom"] <= header["bottom"], where
            assert name["right"] <= header["width"], where
            assert driver.execute_script("return document.documentElement.scrollWidth") <= header["width"], \
                f"{where}: the page scrolls sideways"


def test_plan_page_leads_to_its_full_text_and_folds_repeats(phone, served):
    driver = phone.driver
    phone.open(served + "ke-hoach/bo-trach-195-kh-ubnd-2020/")
    measure = """
        var top = function (id) { return document.getElementById(id).getBoundingClientRect().top + scrollY; };
        return {height: document.documentElement.scrollHeight, text: top('toan-van'),
                jump: document.querySelector('a[href="#toan-van"]').getBoundingClientRect().top + scrollY,
                source: document.body.innerText.indexOf('000_303aa1fb2b2a5fad') >= 0};"""
    folded = driver.execute_script(measure)
    driver.execute_script("document.querySelectorAll('details.td-fold').forEach(function (d) { d.open = true; })")
    unfolded = driver.execute_script(measure)
    print(f"plan page at 412 px: {folded['height']} px folded, {unfolded['height']} px with every table open; "
          f"full text at {folded['text']} px (was {unfolded['text']} px)")
    assert folded["jump"] < 915, "the link to the full text is on the first screen"
    assert not folded["source"], "the importer's file name is not shown to the public"
    assert folded["text"] < unfolded["text"] - 1000 and folded["height"] < unfolded["height"] - 1000
    driver.execute_script("document.querySelectorAll('details.td-fold').forEach(function (d) { d.open = false; })")
    driver.find_element("css selector", 'a[href="#toan-van"]').click()
    assert abs(driver.execute_script("return document.getElementById('toan-van').getBoundingClientRect().top")) < 150


def test_search_results_say_which_entries_are_samples(phone, served):
    driver = phone.driver
    phone.open(served + "tra-cuu/?q=g%C6%B0%C6%A1ng")
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(lambda d: d.find_elements("css selector", ".td-result"))
    rows = driver.execute_script("""return Array.prototype.map.call(document.querySelectorAll('.td-result'),
        function (li) { return [li.querySelector('a').getAttribute('href'), !!li.querySelector('.td-sample-tag')]; });""")
    exemplars = [(href, tagged) for href, tagged in rows if "/guong/" in href]
    assert exemplars and all(tagged for _, tagged in exemplars), rows  # every exemplar of the repository is a sample
    assert not any(tagged for href, tagged in rows if "/guong/" not in href), rows


# ----- dates for the reader's day ---------------------------------------------------------------------------------

FAKE_TODAY = """(function () {
  var fixed = new Date(%d, %d, %d, 12, 0, 0).getTime(), Real = Date;
  function Fake() {
    if (!(this instanceof Fake)) return new Real(fixed).toString();
    return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))()
                            : new Real(fixed);
  }
  Fake.now = function () { return fixed; }; Fake.UTC = Real.UTC; Fake.parse = Real.parse; Fake.prototype = Real.prototype;
  Date = Fake;
})();"""


def _serve(directory: Path):
    handler = functools.partial(_SubPathHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"


@pytest.fixture(scope="module")
def dated_project(tmp_path_factory) -> Path:
    """The repository's content with deadlines on the culture office's tasks (the repository's have none)."""
    project = tmp_path_factory.mktemp("dated") / "p"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "releases", "tests",
                                                                 "bench", "__pycache__"))
    plan = project / "plans" / "bo-trach-195-kh-ubnd-2020.md"
    text = plan.read_text(encoding="utf-8")
    deadlines = {"Phòng Văn hóa và Thông tin": "15/02/2020", "Đài Truyền thanh - Truyền hình": "tháng 6/2020",
                 "Trang thông tin điện tử huyện": "20/03/2020"}
    for agency, deadline in deadlines.items():
        text, n = re.subn(rf'(- co_quan: "{agency}"\n(?:  (?!han:).*\n)*?  )han: ""', rf'\1han: "{deadline}"', text)
        assert n == 1, agency
    plan.write_text(text, encoding="utf-8")
    return project


def _build_on(project: Path, out: Path, day: str) -> Path:
    epoch = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp())
    result = run_mkdocs_build(project, out, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stderr
    return out


def _read_live(driver) -> dict:
    return driver.execute_script("""
        function shown(sel) { return Array.prototype.filter.call(document.querySelectorAll(sel), function (e) {
            return e.offsetParent !== null; }); }
        return {
          today: Array.prototype.map.call(document.querySelectorAll('[data-td-today],[data-td-as-of]'),
                                          function (t) { return [t.getAttribute('datetime'), t.textContent]; }),
          windows: shown('[data-td-live=window] li a').map(function (a) { return a.getAttribute('href'); }),
          deadlines: shown('[data-td-live=deadline] li').map(function (li) { return li.textContent.trim(); }),
          empties: shown('[data-td-empty]').length,
          tasks: Array.prototype.map.call(document.querySelectorAll('.td-task'), function (li) {
            return [li.id, li.getAttribute('data-state'), li.querySelector('.td-state').textContent]; }),
          counts: shown('[data-td-count]').map(function (c) { return c.textContent.trim(); }),
          lines: Array.prototype.map.call(document.querySelectorAll('.td-tl-chart'), function (c) {
            return [c.getAttribute('data-td-year')].concat(Array.prototype.map.call(
              c.querySelectorAll('.td-tl-today'), function (l) { return parseFloat(l.style.left).toFixed(2); })); })
        };""")


def test_dates_follow_the_readers_day(phone, dated_project, tmp_path):
    """A site built on 1 February 2020, read on later days, shows what a build on that day shows."""
    driver = phone.driver
    built = _build_on(dated_project, tmp_path / "built", "2020-02-01")
    server, base = _serve(built)
    try:
        for day in ("2020-02-14", "2020-03-01", "2020-07-01"):
            y, m, d = (int(x) for x in day.split("-"))
            script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                            {"source": FAKE_TODAY % (y, m - 1, d)})
            try:
                truth_site = _build_on(dated_project, tmp_path / f"truth-{day}", day)
                truth_server, truth_base = _serve(truth_site)
                try:
                    seen = {}
                    for name, url in (("live", base), ("truth", truth_base)):
                        phone.open(url)
                        home = _read_live(driver)
                        phone.open(url + "nhiem-vu-tuyen-truyen/")
                        tasks = _read_live(driver)
                        phone.open(url + "dong-thoi-gian/")
                        timeline = _read_live(driver)
                        seen[name] = (home, tasks, timeline)
                finally:
                    truth_server.shutdown()
            finally:
                driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
            (home, tasks, timeline), (truth_home, truth_tasks, truth_timeline) = seen["live"], seen["truth"]
            assert timeline["lines"] == truth_timeline["lines"], (day, timeline["lines"], truth_timeline["lines"])
            assert any(len(year) > 1 for year in timeline["lines"]), timeline["lines"]  # the 2020 chart has its line
            shown_day = f"{d:02d}/{m:02d}/{y}"
            assert home["today"] and all(t == [day, shown_day] for t in home["today"]), (day, home["today"])
            assert tasks["today"] == [[day, shown_day]], (day, tasks["today"])
            assert home["windows"] == truth_home["windows"], (day, home, truth_home)
            assert home["deadlines"] == truth_home["deadlines"], (day, home, truth_home)
            assert home["empties"] == truth_home["empties"], day
            assert sorted(tasks["tasks"]) == sorted(truth_tasks["tasks"]), (day, tasks["tasks"], truth_tasks["tasks"])
            assert tasks["counts"] == truth_tasks["counts"], (day, tasks["counts"], truth_tasks["counts"])
            states = {s for _, s, _ in tasks["tasks"]}
            if day == "2020-07-01":
                assert "qua-han" in states, tasks["tasks"]
    finally:
        server.shutdown()


def test_without_javascript_the_build_dates_text_stands(dated_project, tmp_path):
    built = _build_on(dated_project, tmp_path / "built", "2020-03-01")
    home = (built / "index.html").read_text(encoding="utf-8")
    assert 'Đang diễn ra ngày <time data-td-today datetime="2020-03-01">01/03/2020</time>' in home
    visible = re.findall(r'<li class="td-item" data-td-from="[^"]+" data-td-to="[^"]+">', home)
    assert len(visible) == 1  # the Bố Trạch campaign, shown without script
    tasks = (built / "nhiem-vu-tuyen-truyen" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'data-state="qua-han">\s*<p class="td-task-head"><span class="td-state td-state-qua-han" '
                     r'data-td-state-from="2020-02-15" data-td-state-to="2020-02-15"', tasks)


def test_report_chart_text_is_readable_on_phones(phone, served):
    driver = phone.driver
    for width in (360, 412):
        driver.set_window_size(width, 800)
        phone.open(served + "bao-cao/")
        sizes = driver.execute_script("""
            var svg = document.querySelector('.td-rp-chart svg');
            var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Array.prototype.map.call(svg.querySelectorAll('text'), function (t) {
              return parseFloat(getComputedStyle(t).fontSize) * scale; });""")
        assert sizes and min(sizes) >= 11, (width, sizes)
        # Wide tables scroll inside their own box; the page itself never scrolls sideways.
        assert driver.execute_script("return document.documentElement.scrollWidth <= "
                                     "document.documentElement.clientWidth")
