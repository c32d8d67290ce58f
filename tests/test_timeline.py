"""Campaign timelines and the iCalendar export: the pure model, then the repository's site built on a fixed date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build
from thidua.core.dates import parse_date
from thidua.features.calendars import calendar_text, fold_line
from thidua.core.model import DocumentNumber, Milestone, Period, Plan, Source, Task
from thidua.features.timeline import MIN_MARK, build_timeline, plan_items

BUILD_DATE = dt.date(2020, 6, 10)
BO_TRACH = "bo-trach-195-kh-ubnd-2020"


def _plan(**kw) -> Plan:
    base = dict(id="p", source=Source("plans/p.md"), number=DocumentNumber.parse("1/KH-UBND"), doc_type="Kế hoạch",
                issuer="UBND huyện X", place_id="huyen-bo-trach-quang-binh", issued=parse_date("12/02/2020"),
                title="Kế hoạch thử")
    return Plan(**{**base, **kw})


# ----- the model -------------------------------------------------------------------------------------
def test_month_deadline_covers_the_whole_month_and_keeps_its_words():
    plan = _plan(milestones=(Milestone(parse_date("trong tháng 6/2020"), "Kiểm tra", "han"),))
    (item,) = plan_items(plan)
    assert (item.first_day, item.last_day) == (dt.date(2020, 6, 1), dt.date(2020, 6, 30))
    assert item.precision == "month" and item.when == "tháng 6/2020" and item.original == "trong tháng 6/2020"


def test_window_without_start_begins_at_issue_and_says_the_start_is_not_written():
    plan = _plan(period=Period(end=parse_date("năm 2020")))
    (window,) = plan_items(plan)
    assert window.open_start and window.when == "đến năm 2020" and window.original == "năm 2020"
    assert (window.first_day, window.last_day) == (dt.date(2020, 2, 12), dt.date(2020, 12, 31))
    undated = _plan(issued=parse_date(""), period=Period(end=parse_date("quý II/2021")))
    (window,) = plan_items(undated)
    assert (window.first_day, window.last_day) == (dt.date(2021, 4, 1), dt.date(2021, 6, 30))


def test_task_deadline_already_a_milestone_is_drawn_once():
    june = parse_date("tháng 6/2020")
    plan = _plan(milestones=(Milestone(june, "Kiểm tra", "han"),),
                 tasks=(Task("Phòng Nội vụ", "Kiểm tra", june), Task("Phòng Văn hóa và Thông tin", "Báo cáo",
                                                                      parse_date("Quý III/2020"))))
    deadlines = [i for i in plan_items(plan) if i.kind == "han"]
    assert [(i.when, i.source) for i in deadlines] == [("tháng 6/2020", "moc-thoi-gian"), ("quý III/2020", "nhiem-vu")]


def test_layout_puts_colliding_marks_in_separate_lanes_and_spans_years():
    plan = _plan(period=Period(parse_date("01/11/2020"), parse_date("tháng 3/2021")),
                 milestones=(Milestone(parse_date("03/02/2021"), "a", "ky-niem"),
                             Milestone(parse_date("05/02/2021"), "b", "han"),
                             Milestone(parse_date("20/7/2021"), "c", "han")))
    timeline = build_timeline([plan], BUILD_DATE)
    assert [b.year for b in timeline.years] == [2020, 2021]
    y2020, y2021 = timeline.years
    assert y2020.rows[0].bars[0].cut_after and y2021.rows[0].bars[0].cut_before
    assert y2020.today is not None and y2021.today is None
    marks = y2021.rows[0].marks
    assert all(m.width >= MIN_MARK for m in marks)
    for a in marks:
        for b in marks:
            if a is not b and a.lane == b.lane:
                assert a.left + a.width <= b.left + 1e-6 or b.left + b.width <= a.left + 1e-6
    assert marks[0].lane != marks[1].lane and marks[2].lane == 0
    assert [p.number for p in y2021.entries] == list(range(1, len(y2021.entries) + 1))


def test_fold_line_never_exceeds_75_octets_nor_splits_a_character():
    line = "SUMMARY:" + "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh " * 4
    pieces = fold_line(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line


# ----- the built site ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    """The repository's site as built on BUILD_DATE (SOURCE_DATE_EPOCH), so states and DTSTAMP are fixed."""
    out = tmp_path_factory.mktemp("site-2020-06-10")
    epoch = calendar.timegm(BUILD_DATE.timetuple())
    result = run_mkdocs_build(ROOT, out, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class _Collect(HTMLParser):
    """Rows of the timeline tables and the chart's links, with their attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.links: list[dict] = []
        self._row = self._link = None
        self._in_time = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "tr" and "data-kind" in attrs:
            self._row = {**attrs, "time": "", "cells": 0}
        elif tag == "td" and self._row is not None:
            self._row["cells"] += 1
        elif tag == "time" and self._row is not None:
            self._in_time = True
            self._row["time_attrs"] = attrs
        elif tag == "a" and ({"td-tl-bar", "td-tl-mark"} & set(classes)):
            self._link = {**attrs, "text": ""}

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "time":
            self._in_time = False
        elif tag == "a" and self._link is not None:
            self.links.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._in_time and self._row is not None:
            self._row["time"] += data
        if self._link is not None:
            self._link["text"] += data


def _collect(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_bo_trach_plan_page_shows_its_deadlines_with_their_precision(dated_site):
    page = _collect(dated_site / "ke-hoach" / BO_TRACH / "index.html")
    deadlines = [(r["time"], r["data-precision"]) for r in page.rows if r["data-kind"] == "han"]
    assert deadlines == [("15/02/2020", "day"), ("tháng 6/2020", "month"), ("tháng 12/2020", "month")]
    june = next(r for r in page.rows if r["time"] == "tháng 6/2020")
    assert june["time_attrs"]["datetime"] == "2020-06" and "nguyên văn: “tháng 6/2020”" in june["time_attrs"]["title"]
    # The chart draws the June deadline over the whole of June (30 of 366 days), never on an invented day.
    marks = [link for link in page.links if "td-tl-han" in link["class"]]
    june_mark = next(m for m in marks if "tháng 6/2020" in m["title"])
    assert "td-precision-month" in june_mark["class"]
    left, width = map(float, re.match(r"left:([\d.]+)%;width:([\d.]+)%", june_mark["style"]).groups())
    assert left == pytest.approx(152 / 366 * 100, abs=0.01) and width == pytest.approx(30 / 366 * 100, abs=0.01)
    assert all(link["href"] == "./" for link in page.links), "on its own page every bar and mark links to the plan"
    html = (dated_site / "ke-hoach" / BO_TRACH / "index.html").read_text(encoding="utf-8")
    assert 'href="lich.ics"' in html


def test_timeline_page_links_every_bar_to_its_plan_and_has_filters(dated_site):
    page = _collect(dated_site / "dong-thoi-gian" / "index.html")
    bars = [link for link in page.links if "td-tl-bar" in link["class"]]
    plans = {p.stem for p in (ROOT / "plans").glob("*.md")}
    assert {b["data-plan"] for b in bars} == plans
    for link in page.links:
        assert link["href"] == f"../ke-hoach/{link['data-plan']}/"
        assert (dated_site / "ke-hoach" / link["data-plan"] / "index.html").exists()
    html = (dated_site / "dong-thoi-gian" / "index.html").read_text(encoding="utf-8")
    for href in ('href="2020/"', 'href="dia-phuong/huyen-bo-trach-quang-binh/"', 'href="lich.ics"'):
        assert href in html
    year = _collect(dated_site / "dong-thoi-gian" / "2020" / "index.html")
    assert {link["data-plan"] for link in year.links} == {BO_TRACH}
    place = _collect(dated_site / "dong-thoi-gian" / "dia-phuong" / "huyen-binh-son-quang-ngai" / "index.html")
    assert {link["data-plan"] for link in place.links} == {"binh-son-21-kh-ubnd-2025"}


def test_place_and_movement_pages_carry_a_timeline(dated_site):
    for path in ("dia-phuong/huyen-bo-trach-quang-binh", "phong-trao/nong-thon-moi-bo-trach"):
        page = _collect(dated_site / path / "index.html")
        assert {link["data-plan"] for link in page.links} == {BO_TRACH}, path


def test_home_page_shows_running_campaigns_and_next_deadlines(dated_site):
    html = (dated_site / "index.html").read_text(encoding="utf-8")
    running = html[html.index('id="dang-dien-ra"'):html.index('id="han-sap-toi"')]
    upcoming = html[html.index('id="han-sap-toi"'):]
    assert BO_TRACH in running and "binh-son" not in running
    times = re.findall(r'<time class="td-date td-precision-(\w+)"[^>]*>([^<]+)</time>', upcoming)
    assert times[:2] == [("month", "tháng 6/2020"), ("month", "tháng 12/2020")]
    assert "15/02/2020" not in upcoming  # already over on 10/06/2020


def _unfold(raw: bytes) -> list[str]:
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    physical = raw.decode("utf-8").split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith((" ", "\t")):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def test_plan_calendar_is_strict_rfc5545_and_matches_the_milestones(dated_site):
    icalendar = pytest.importorskip("icalendar")
    raw = (dated_site / "ke-hoach" / BO_TRACH / "lich.ics").read_bytes()
    lines = _unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT")
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert all(str(e["DTSTAMP"].to_ical(), "ascii") == "20200610T000000Z" for e in events)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    spans = {(e.decoded("DTSTART"), e.decoded("DTEND")): str(e["SUMMARY"]) for e in events}
    from thidua.core.loader import ContentDirs, load
    plan = next(p for p in load(ROOT, ContentDirs("plans", "exemplars", "movements", "")).plans if p.id == BO_TRACH)
    for milestone in plan.milestones:
        key = (milestone.date.start(), milestone.date.end() + dt.timedelta(days=1))
        assert key in spans, milestone
        assert milestone.date.display() in spans[key]
    assert spans[(dt.date(2020, 6, 1), dt.date(2020, 7, 1))].startswith("Hạn chót (tháng 6/2020)")
    window = spans[(dt.date(2020, 2, 12), dt.date(2021, 1, 1))]
    assert "12/02/2020 – tháng 12/2020" in window


def test_site_calendar_is_reproducible_and_holds_every_plan(dated_site):
    icalendar = pytest.importorskip("icalendar")
    raw = (dated_site / "dong-thoi-gian" / "lich.ics").read_bytes()
    _unfold(raw)
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    plan_ids = {p.stem for p in (ROOT / "plans").glob("*.md")}
    # and the deadline of every public-comment notice (features/notices.py)
    notice_ids = {f"lay-y-kien-{p.stem}" for p in (ROOT / "notices").glob("*.md")}
    assert {str(e["UID"]).split("@")[0].split("-", 1)[1] for e in events} == plan_ids | notice_ids
    plan = _plan(milestones=(Milestone(parse_date("tháng 6/2020"), "Kiểm tra; báo cáo, tổng hợp", "han"),))
    first = calendar_text([plan], BUILD_DATE, "https://example.gov.vn/thi-dua/")
    assert first == calendar_text([plan], BUILD_DATE, "https://example.gov.vn/thi-dua/")
    assert "Kiểm tra\\; báo cáo\\, tổng hợp" in "".join(_unfold(first))


def test_place_and_movement_timelines_draw_the_newest_plans_and_link_to_the_rest(tmp_path, monkeypatch):
    """A national movement's whole timeline was 958 KB at 1,000 entries: entry pages draw TimelineView.entry_cap
    plans (1 here) and link to the locality's whole timeline, or to the movement's plans on the search page."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from thidua.features.timeline import TimelineView

    monkeypatch.setattr(TimelineView, "entry_cap", 1)
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    undated = project / "plans" / "kh-2.md"  # no number, no date; given a window and a movement, it has a bar to draw
    undated.write_text(undated.read_text(encoding="utf-8").replace(
        'trich_yeu:', 'thoi_gian: {tu: "01/01/2023", den: "tháng 12/2023"}\nphong_trao: [{ma: quoc-gia}]\ntrich_yeu:'),
        encoding="utf-8")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    site = tmp_path / "site"
    place = (site / "dia-phuong" / "tinh-ha-tinh" / "index.html").read_text(encoding="utf-8")
    whole = _collect(site / "dong-thoi-gian" / "dia-phuong" / "tinh-ha-tinh" / "index.html")
    drawn = _collect(site / "dia-phuong" / "tinh-ha-tinh" / "index.html")
    assert {link["data-plan"] for link in whole.links} == {"kh-1", "kh-2"}
    assert {link["data-plan"] for link in drawn.links} == {"kh-1"}  # the newest: kh-2 has no issue date
    assert "Dòng thời gian của 1 kế hoạch mới nhất trong 2." in place
    assert 'href="../../dong-thoi-gian/dia-phuong/tinh-ha-tinh/">Xem dòng thời gian đầy đủ' in place
    movement = (site / "phong-trao" / "quoc-gia" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../tra-cuu/?loai=plan&amp;phong-trao=quoc-gia">Xem tất cả 2 kế hoạch của phong trào' in movement
