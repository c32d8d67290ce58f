"""Campaign timelines: the catalog's plans as campaign windows and dated marks, laid out year by year.

A plan gives a window (thời gian thi đua, its rounds), milestones (hạn chót, kỷ niệm, sự kiện) and task deadlines.
Each becomes a :class:`TimelineItem` spanning every day its date can mean: "tháng 6/2020" is the whole of June,
"năm 2021" the whole year; nothing is narrowed to a day the document does not give. :func:`layout` places the
items of each year on a 0–100 scale with lanes so that marks do not overlap; the templates only print it.
The same items feed the iCalendar export (``calendars.py``), so the calendar and the pages always agree.
Pure: no MkDocs, no files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..core.catalog import Catalog
from ..core.dates import UNKNOWN, DateValue, Precision
from ..core.model import Entry, Place, Plan
from .feature import Feature, PageSpec
from .urls import URLS

__all__ = [
    "TimelineItem", "Placed", "Row", "YearBlock", "Timeline", "plan_items", "build_timeline",
    "TimelineView", "WINDOW", "ITEM_LABELS", "timeline_pages", "FEATURE",
    "items_by_plan",
]

# How far past the build date the home page lists campaigns and deadlines for the browser to reveal when their day
# comes (a site not rebuilt for that long says the build date's truth, and the daily rebuild keeps it fresh).
LIVE_HORIZON_DAYS = 60

WINDOW = "dot"  # a campaign window (thời gian thi đua) or one of its rounds
ITEM_LABELS = {WINDOW: "Thời gian thi đua", "han": "Hạn chót", "ky-niem": "Kỷ niệm", "su-kien": "Sự kiện"}
# Narrowest a mark is drawn, in percent of a year: about 1.4em on a 412px phone, wide enough to tap and to read
# its number. Only the drawing is widened; the table and the calendar keep the exact span.
MIN_MARK = 6.0
MIN_BAR = 1.5
LANE_EM = 1.7  # height of a lane of the drawing, in em


@dataclass(frozen=True)
class TimelineItem:
    plan_id: str
    kind: str  # WINDOW, "han", "ky-niem", "su-kien"
    text: str
    start_value: DateValue
    end_value: DateValue
    first_day: dt.date
    last_day: dt.date
    open_start: bool = False  # the document gives no start: the bar begins where its end value begins
    open_end: bool = False
    source: str = ""  # "thoi-gian", "moc-thoi-gian" or "nhiem-vu": the front-matter list it comes from

    @property
    def is_window(self) -> bool:
        return self.kind == WINDOW

    @property
    def kind_label(self) -> str:
        return ITEM_LABELS.get(self.kind, self.kind)

    @cached_property  # asked several times per item by pages and calendars
    def precision(self) -> str:
        """The coarser precision of the two ends ("day", "month", …): what the drawn span stands for."""
        order = [Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.YEAR, Precision.UNKNOWN]
        values = [v.precision for v in (self.start_value, self.end_value) if v.known]
        return max(values, key=order.index).value if values else Precision.UNKNOWN.value

    @cached_property
    def when(self) -> str:
        """The date as a reader should see it: "tháng 6/2020", "12/02/2020 – tháng 12/2020", "đến năm 2021"."""
        if self.open_start:
            return f"đến {self.end_value.display()}"
        if self.open_end:
            return f"từ {self.start_value.display()}"
        if not self.is_window or self.start_value == self.end_value:
            return self.start_value.display()
        return f"{self.start_value.display()} – {self.end_value.display()}"

    @cached_property
    def original(self) -> str:
        """The document's own words for the date(s)."""
        values = ([] if self.open_start else [self.start_value]) + ([] if self.open_end else [self.end_value])
        words = [v.original for v in values if v.known and v.original]
        return " – ".join(dict.fromkeys(words))

    def covers(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


def _window(plan: Plan, start: DateValue, end: DateValue, text: str) -> TimelineItem | None:
    if not start.known and not end.known:
        return None
    open_start, open_end = not start.known, not end.known
    if open_start:
        # The campaign cannot start before the plan is issued: the bar begins at the issue date if the document
        # has one, else where its end value begins. Either way the reader is told the start is not written.
        start = plan.issued if plan.issued.known and plan.issued.first_day() <= end.last_day() else end
    if open_end:
        end = start
    return TimelineItem(plan.id, WINDOW, text, start, end, start.first_day(), end.last_day(), open_start=open_start,
                        open_end=open_end, source="thoi-gian")


def plan_items(plan: Plan) -> list[TimelineItem]:
    """The plan's window, its rounds, milestones and task deadlines (a deadline already listed as a milestone once)."""
    items: list[TimelineItem] = []
    period = plan.period
    if window := _window(plan, period.start, period.end, period.name or ITEM_LABELS[WINDOW]):
        items.append(window)
    for number, round_ in enumerate(period.rounds, 1):
        if window := _window(plan, round_.start, round_.end, round_.name or f"Đợt {number}"):
            items.append(window)
    deadlines: set[str] = set()
    for milestone in plan.milestones:
        if milestone.date.known:
            items.append(TimelineItem(plan.id, milestone.kind, milestone.text, milestone.date, milestone.date,
                                      milestone.date.first_day(), milestone.date.last_day(), source="moc-thoi-gian"))
            if milestone.kind == "han":
                deadlines.add(milestone.date.iso())
    for task in plan.tasks:
        if task.deadline.known and task.deadline.iso() not in deadlines:
            deadlines.add(task.deadline.iso())
            text = f"{task.agency}: {task.text}" if task.agency else task.text
            items.append(TimelineItem(plan.id, "han", text, task.deadline, task.deadline, task.deadline.first_day(),
                                      task.deadline.last_day(), source="nhiem-vu"))
    return sorted(items, key=lambda i: (i.first_day, not i.is_window, i.last_day))


def items_by_plan(catalog: Catalog) -> dict[str, list[TimelineItem]]:
    """Every plan's items, computed once per build and shared by pages, timelines and calendars."""
    return catalog.memo("timeline-items", lambda: {p.id: plan_items(p) for p in catalog.plans.values()})


# ----- layout ---------------------------------------------------------------------------------------
@dataclass
class Placed:
    """An item drawn in one year: left and width in percent of the year, its lane, whether it runs on."""

    item: TimelineItem
    left: float
    width: float
    lane: int = 0
    cut_before: bool = False  # starts in an earlier year
    cut_after: bool = False  # goes on into a later year
    number: int = 0  # its row in the year's table, shown on the mark
    top: float = 0.0  # em from the top of its row's track: marks above, bars below them (set by layout)


@dataclass
class Row:
    plan: Plan
    label: str
    bars: list[Placed] = field(default_factory=list)
    marks: list[Placed] = field(default_factory=list)
    bar_lanes: int = 0
    mark_lanes: int = 0
    height: float = 0.0  # em: every lane of marks and bars


@dataclass
class YearBlock:
    year: int
    rows: list[Row]
    entries: list[Placed]  # every item of the year in date order: the table under the drawing
    months: list[tuple[int, float, float]]  # (month, left, width)
    today: float | None = None  # where the build date falls, if in this year


@dataclass
class Timeline:
    years: list[YearBlock]
    plans: list[Plan]
    build_date: dt.date
    items: list[TimelineItem]

    @property
    def empty(self) -> bool:
        return not self.items

    @property
    def single_plan(self) -> bool:
        return len(self.plans) == 1


def _year_span(year: int) -> tuple[dt.date, dt.date, int]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return first, last, (last - first).days + 1


def _place(item: TimelineItem, year: int, minimum: float) -> Placed | None:
    first, last, days = _year_span(year)
    if item.last_day < first or item.first_day > last:
        return None
    start, end = max(item.first_day, first), min(item.last_day, last)
    left = (start - first).days / days * 100
    width = ((end - start).days + 1) / days * 100
    if width < minimum:  # widen around its middle, kept inside the year
        middle = left + width / 2
        width = minimum
        left = min(max(middle - minimum / 2, 0.0), 100.0 - minimum)
    return Placed(item, round(left, 3), round(width, 3), cut_before=item.first_day < first,
                  cut_after=item.last_day > last)


def _lanes(placed: list[Placed]) -> int:
    """Greedy lanes: each item goes into the first lane whose last item ends before it begins."""
    ends: list[float] = []
    for p in sorted(placed, key=lambda p: (p.left, -p.width)):
        for lane, end in enumerate(ends):
            if end <= p.left + 1e-9:
                p.lane, ends[lane] = lane, p.left + p.width
                break
        else:
            p.lane = len(ends)
            ends.append(p.left + p.width)
    return len(ends)


def layout(plans: list[Plan], items_of: dict[str, list[TimelineItem]], build_date: dt.date,
           years: list[int] | None = None) -> list[YearBlock]:
    all_items = [i for p in plans for i in items_of.get(p.id, ())]
    if years is None:
        years = sorted({y for i in all_items for y in range(i.first_day.year, i.last_day.year + 1)})
    blocks = []
    order = {p.id: n for n, p in enumerate(plans)}
    # The plans with an item in each year, in the given order: a plan is looked at only in the years it spans.
    plans_in_year: dict[int, list[Plan]] = {year: [] for year in years}
    for plan in plans:
        spanned = {y for i in items_of.get(plan.id, ()) for y in range(i.first_day.year, i.last_day.year + 1)}
        for year in sorted(spanned):
            if year in plans_in_year:
                plans_in_year[year].append(plan)
    for year in years:
        first, _, days = _year_span(year)
        rows, entries = [], []
        for plan in plans_in_year[year]:
            row = Row(plan, plan.full_label)
            for item in items_of.get(plan.id, ()):
                placed = _place(item, year, MIN_BAR if item.is_window else MIN_MARK)
                if placed:
                    (row.bars if item.is_window else row.marks).append(placed)
            if row.bars or row.marks:
                row.bar_lanes, row.mark_lanes = _lanes(row.bars), _lanes(row.marks)
                row.height = round((row.mark_lanes + row.bar_lanes) * LANE_EM, 1)
                for placed in row.marks:
                    placed.top = round(placed.lane * LANE_EM, 1)
                for placed in row.bars:
                    placed.top = round((row.mark_lanes + placed.lane) * LANE_EM, 1)
                rows.append(row)
                entries += row.bars + row.marks
        if not rows:
            continue
        entries.sort(key=lambda p: (p.item.first_day, order[p.item.plan_id], not p.item.is_window, p.item.text))
        for number, placed in enumerate(entries, 1):
            placed.number = number
        months = []
        for month in range(1, 13):
            start = dt.date(year, month, 1)
            end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
            months.append((month, round((start - first).days / days * 100, 3), round((end - start).days / days * 100, 3)))
        today = round(((build_date - first).days + 0.5) / days * 100, 3) if build_date.year == year else None
        blocks.append(YearBlock(year, rows, entries, months, today))
    return blocks


def build_timeline(plans: list[Plan], build_date: dt.date, years: list[int] | None = None,
                   items_of: dict[str, list[TimelineItem]] | None = None) -> Timeline:
    """Plans (in the order given) drawn year by year; ``years`` restricts the drawing to those years.
    ``items_of`` (plan id -> items, e.g. :func:`items_by_plan`) saves computing them again."""
    if items_of is None:
        items_of = {p.id: plan_items(p) for p in plans}
    blocks = layout(plans, items_of, build_date, years)
    shown = {id(p.item) for b in blocks for p in b.entries}  # by identity: hashing an item hashes all its dates
    drawn_plans = [p for p in plans if any(id(i) in shown for i in items_of[p.id])]
    return Timeline(blocks, drawn_plans, build_date,
                    [i for p in drawn_plans for i in items_of[p.id] if id(i) in shown])


def _oldest_first(plans: list[Plan], items_of: dict[str, list[TimelineItem]]) -> list[Plan]:
    def start(plan: Plan) -> dt.date:
        items = items_of[plan.id]
        return items[0].first_day if items else dt.date.max
    return sorted(plans, key=lambda p: (start(p), p.id))


class TimelineView:
    """What templates ask of timelines: ``thidua.timeline.of(entry)``, what runs now, the next deadlines."""

    # Plans drawn on a place or movement page; more go to the locality's timeline page or the search page.
    # About 5 KB of HTML a plan: a national movement's whole timeline was 958 KB at 1,000 entries.
    entry_cap = 10

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._items = items_by_plan(catalog)

    def plans_of(self, entry: Entry | Place) -> list[Plan]:
        if isinstance(entry, Plan):  # kind "plan"
            return [entry]
        if entry.kind == "place":
            return self.catalog.plans_in(entry.id)
        if entry.kind == "movement":
            return self.catalog.plans_of_movement(entry.id)
        return []

    def of(self, entry: Entry | Place, limit: int | None = None) -> Timeline:
        """The entry's timeline, built once per build; with ``limit``, of its newest ``limit`` plans only (place and
        movement pages draw :attr:`entry_cap`). A place's whole timeline is its /dong-thoi-gian/dia-phuong/ page."""
        return self.catalog.memo(("timeline", entry.kind, entry.id, limit), lambda: build_timeline(
            _oldest_first(self.drawn_plans(entry)[:limit], self._items), self.catalog.build_date,
            items_of=self._items))

    def drawn_plans(self, entry: Entry | Place) -> list[Plan]:
        """The entry's plans that have something to draw, newest first (once per entry: a page counts them and
        draws some)."""
        return self.catalog.memo(("drawn plans", entry.kind, entry.id),
                                 lambda: [p for p in self.plans_of(entry) if self._items.get(p.id)])

    def running(self) -> list[tuple[Plan, TimelineItem]]:
        """Campaign windows that cover the build date, the soonest to end first."""
        day = self.catalog.build_date
        found = [(self.catalog.plans[pid], i) for pid, items in self._items.items() for i in items
                 if i.is_window and i.covers(day)]
        return sorted(found, key=lambda pair: (pair[1].last_day, pair[0].id))

    def running_soon(self, days: int = LIVE_HORIZON_DAYS) -> list[tuple[Plan, TimelineItem]]:
        """Windows that start in the ``days`` after the build date: the home page lists them hidden, and the
        browser shows each once its window covers the reader's day (see assets/live.js)."""
        day = self.catalog.build_date
        until = day + dt.timedelta(days=days)
        found = [(self.catalog.plans[pid], i) for pid, items in self._items.items() for i in items
                 if i.is_window and day < i.first_day <= until]
        return sorted(found, key=lambda pair: (pair[1].last_day, pair[0].id))

    def upcoming(self, limit: int = 5) -> list[tuple[Plan, TimelineItem]]:
        """Deadlines not yet over on the build date, the soonest first."""
        day = self.catalog.build_date
        found = [(self.catalog.plans[pid], i) for pid, items in self._items.items() for i in items
                 if i.kind == "han" and i.last_day >= day]
        return sorted(found, key=lambda pair: (pair[1].first_day, pair[1].last_day, pair[0].id))[:limit]


# ----- pages ----------------------------------------------------------------------------------------
def _filters(catalog: Catalog) -> dict:
    items = items_by_plan(catalog)
    years = sorted({y for its in items.values() for i in its for y in range(i.first_day.year, i.last_day.year + 1)})
    places = [pid for pid in catalog.place_ids if any(items[p.id] for p in catalog.plans_in(pid))]
    places.sort(key=lambda pid: (len(catalog.places.ancestors(pid)), catalog.places.label(pid)))
    return {
        "years": [(y, URLS.timeline_year(y)) for y in years],
        "places": [(pid, catalog.places.label(pid), URLS.timeline_place(pid)) for pid in places],
        "all_url": URLS.timeline,
        "ics_url": URLS.site_calendar,
    }


def timeline_pages(catalog: Catalog) -> list[PageSpec]:
    """/dong-thoi-gian/ with every campaign by year, one page per year and one per locality (filters without JS)."""
    filters = _filters(catalog)
    items = items_by_plan(catalog)
    everything = _oldest_first(list(catalog.plans.values()), items)
    specs = [PageSpec(URLS.source(URLS.timeline), "Dòng thời gian các đợt thi đua", "thidua/timeline.html",
                      {"timeline": build_timeline(everything, catalog.build_date, items_of=items), "filters": filters,
                       "year": None, "place_id": ""}, search=False)]
    for year, url in filters["years"]:
        specs.append(PageSpec(URLS.source(url), f"Dòng thời gian năm {year}", "thidua/timeline.html",
                              {"timeline": build_timeline(everything, catalog.build_date, [year], items),
                               "filters": filters, "year": year, "place_id": ""}, search=False))
    for place_id, label, url in filters["places"]:
        timeline = TimelineView(catalog).of(catalog.places.places[place_id])  # a filter lists known places only
        specs.append(PageSpec(URLS.source(url), f"Dòng thời gian: {label}",
                              "thidua/timeline.html",
                              {"timeline": timeline, "filters": filters,
                               "year": None, "place_id": place_id}, search=False))
    return specs


FEATURE = Feature("timeline", pages=lambda ctx: timeline_pages(ctx.catalog), view=TimelineView)
