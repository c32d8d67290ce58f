"""Reports for the emulation board: exemplars and awards by place × movement × month and year.

One tidy table of counts (:func:`report_rows`) gives the CSV ``bao-cao/guong-khen-thuong.csv`` and the page
``/bao-cao/`` with its tables and a bar chart drawn at build time as inline SVG (no script, prints as is).

Counting rules, stated on the page: an exemplar is counted at the date it was recognised, an award at the
date of its decision (the exemplar's date when the decision has none); both under the exemplar's place as it
was, and under each movement the exemplar belongs to (so totals by movement can exceed the number of
exemplars). A date known only to the year or quarter has no month: the month is left empty, never guessed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..core.catalog import Catalog
from ..core.dates import DateValue, Precision
from .open_data import to_csv
from .feature import Feature, PageSpec
from .urls import URLS

__all__ = ["FEATURE", "ReportRow", "report_rows", "yearly", "monthly", "bar_chart",
           "report_outputs", "report_pages"]

CSV_HEADER = ["nam", "quy", "thang", "dia_phuong", "dia_phuong_ten", "tinh", "phong_trao", "phong_trao_ten",
              "phong_trao_goc", "so_guong", "so_khen_thuong"]


@dataclass(frozen=True)
class ReportRow:
    year: int | None
    quarter: int | None
    month: int | None
    place_id: str
    movement_id: str  # "" when the exemplar names no movement
    exemplars: int
    awards: int


_RowKey = tuple[int | None, int | None, int | None, str, str]  # year, quarter, month, place, movement


def _period(value: DateValue) -> tuple[int | None, int | None, int | None]:
    """(year, quarter, month) as far as the date says; nothing finer than the document wrote."""
    if value.precision in (Precision.DAY, Precision.MONTH) and value.month is not None:
        return value.year, (value.month - 1) // 3 + 1, value.month
    if value.precision is Precision.QUARTER:
        return value.year, value.quarter, None
    if value.precision is Precision.YEAR:
        return value.year, None, None
    return None, None, None


def _order(key: tuple) -> tuple:
    # Unknown periods last; then by place and movement id, so rows never move between builds.
    year, quarter, month, place_id, movement_id = key
    return (year is None, year or 0, quarter is None, quarter or 0, month is None, month or 0, place_id, movement_id)


def report_rows(catalog: Catalog) -> list[ReportRow]:
    exemplars: Counter[_RowKey] = Counter()
    awards: Counter[_RowKey] = Counter()
    for e in catalog.exemplars.values():
        movements = e.movement_ids or ("",)
        for movement_id in movements:
            exemplars[(*_period(e.date), e.place_id, movement_id)] += 1
            for award in e.awards:
                when = award.decision_date if award.decision_date.known else e.date
                awards[(*_period(when), e.place_id, movement_id)] += 1
    keys = sorted(set(exemplars) | set(awards), key=_order)
    return [ReportRow(*key, exemplars[key], awards[key]) for key in keys]


def _distinct_by(catalog: Catalog, key) -> tuple[Counter, Counter]:
    """Exemplars and awards counted once each (not once per movement), grouped by ``key(period)``."""
    exemplars: Counter = Counter()
    awards: Counter = Counter()
    for e in catalog.exemplars.values():
        exemplars[key(_period(e.date))] += 1
        for award in e.awards:
            awards[key(_period(award.decision_date if award.decision_date.known else e.date))] += 1
    return exemplars, awards


def yearly(catalog: Catalog) -> list[dict]:
    exemplars, awards = _distinct_by(catalog, lambda p: p[0])
    years = sorted(set(exemplars) | set(awards), key=lambda y: (y is None, y or 0))
    return [{"year": y, "exemplars": exemplars[y], "awards": awards[y]} for y in years]


def monthly(catalog: Catalog) -> list[dict]:
    exemplars, awards = _distinct_by(catalog, lambda p: (p[0], p[2]))
    keys = sorted(set(exemplars) | set(awards), key=lambda k: (k[0] is None, k[0] or 0, k[1] is None, k[1] or 0))
    return [{"year": y, "month": m, "exemplars": exemplars[(y, m)], "awards": awards[(y, m)]} for y, m in keys]


def _root_movement(catalog: Catalog, movement_id: str) -> str:
    chain = catalog.movement_ancestors(movement_id)
    return chain[-1].id if chain else movement_id


def _province(catalog: Catalog, place_id: str) -> str:
    chain = [catalog.places.get(place_id), *catalog.places.ancestors(place_id)]
    provinces = [p for p in chain if p is not None and p.level == "tinh"]
    return catalog.places.label(provinces[0].id) if provinces else ""


def by_place_and_movement(catalog: Catalog, rows: list[ReportRow]) -> list[dict]:
    exemplars: Counter = Counter()
    awards: Counter = Counter()
    for row in rows:
        exemplars[(row.place_id, row.movement_id)] += row.exemplars
        awards[(row.place_id, row.movement_id)] += row.awards
    out = []
    for place_id, movement_id in sorted(exemplars, key=lambda k: (catalog.places.label(k[0]), k[1])):
        movement = catalog.movements.get(movement_id)
        out.append({"place_id": place_id, "place": catalog.places.label(place_id), "movement": movement,
                    "exemplars": exemplars[(place_id, movement_id)], "awards": awards[(place_id, movement_id)]})
    return out


# ----- the chart ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    series: str  # "exemplars" | "awards"


def _nice_ceiling(value: int) -> int:
    """Smallest of 2, 4, 6, 8, 10, 20, 40 … at or above value: an even top, so the middle tick is whole."""
    magnitude = 1
    while True:
        for factor in (2, 4, 6, 8, 10):
            if factor * magnitude >= value:
                return factor * magnitude
        magnitude *= 10


def bar_chart(series: list[dict], width: int = 640, height: int = 260) -> dict:
    """Geometry of a grouped bar chart (one group per year, a bar for exemplars and one for awards).

    Numbers only: the template draws it, so a site can restyle it, and prints every value as text.
    """
    left, right, top, bottom = 48, 10, 24, 40  # room for labels drawn up to 23 units high on a phone (thidua.css)
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([1] + [max(s["exemplars"], s["awards"]) for s in series])
    ceiling = _nice_ceiling(peak)
    group = plot_w / max(1, len(series))
    bar_w = min(40.0, group * 0.35)
    bars, labels = [], []
    for i, s in enumerate(series):
        centre = left + group * i + group / 2
        for offset, name in ((-bar_w, "exemplars"), (0, "awards")):
            h = plot_h * s[name] / ceiling
            bars.append(Bar(round(centre + offset, 1), round(top + plot_h - h, 1), round(bar_w, 1), round(h, 1),
                            s[name], name))
        labels.append({"x": round(centre, 1), "text": str(s["year"]) if s["year"] is not None else "không rõ"})
    ticks = [{"y": round(top + plot_h - plot_h * v / ceiling, 1), "value": v}
             for v in sorted({0, ceiling // 2, ceiling})]
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "baseline": top + plot_h, "bars": bars, "labels": labels, "ticks": ticks, "label_y": height - 12}


# ----- producers -----------------------------------------------------------------------------------
def report_outputs(catalog: Catalog) -> list[tuple[str, bytes]]:
    rows = []
    for r in report_rows(catalog):
        movement = catalog.movements.get(r.movement_id)
        rows.append([r.year, r.quarter, r.month, r.place_id, catalog.places.label(r.place_id),
                     _province(catalog, r.place_id), r.movement_id, movement.name if movement else "",
                     _root_movement(catalog, r.movement_id) if movement else "", r.exemplars, r.awards])
    return [(URLS.report_csv, to_csv(CSV_HEADER, rows))]


def report_pages(catalog: Catalog) -> list[PageSpec]:
    years = yearly(catalog)
    total_awards = sum(len(e.awards) for e in catalog.exemplars.values())
    context = {
        "csv": URLS.report_csv, "years": years, "months": monthly(catalog), "chart": bar_chart(years),
        "by_place_movement": by_place_and_movement(catalog, report_rows(catalog)),
        "total_exemplars": len(catalog.exemplars), "total_awards": total_awards, "build_date": catalog.build_date,
        "sample_exemplars": sum(1 for e in catalog.exemplars.values() if e.sample),
        "sample_awards": sum(len(e.awards) for e in catalog.exemplars.values() if e.sample),
    }
    return [PageSpec(URLS.source(URLS.reports), "Báo cáo thi đua, khen thưởng", "thidua/report.html", context,
                     description="Số gương người tốt, việc tốt và số khen thưởng theo địa phương, phong trào, "
                                 "tháng và năm.", search=False)]


FEATURE = Feature("reports", pages=lambda ctx: report_pages(ctx.catalog), outputs=lambda ctx: report_outputs(ctx.catalog))
