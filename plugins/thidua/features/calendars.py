"""iCalendar export (RFC 5545): the timeline's items as all-day events, for the whole site and for each plan.

A date of month or quarter precision is an all-day span over every day it can mean, and its summary keeps the
document's words ("tháng 6/2020"), so a calendar never shows a day the document does not give. UIDs are derived
from the plan and the item, DTSTAMP from the build date: the same content builds the same bytes.
Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from urllib.parse import urljoin, urlparse

from ..core.catalog import Catalog
from ..core.dates import PRECISION_LABELS, Precision
from ..core.model import Plan
from ..core.vntext import strip_controls
from .feature import Feature
from .timeline import TimelineItem, items_by_plan, plan_items
from .urls import URLS

__all__ = ["FEATURE", "calendar_outputs", "calendar_text", "fold_line", "escape_text"]

PRODID = "-//Cong thong tin thi dua//thidua//VI"
LIMIT = 75  # octets per line, CRLF excluded (RFC 5545, 3.1)


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545, 3.3.11), without the control characters a content line cannot carry."""
    value = strip_controls(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets; every piece after the first starts with a space."""
    if len(line) * 4 <= LIMIT:  # at most 4 octets a character: short enough without encoding it
        return [line]
    data = line.encode("utf-8")
    pieces, start, limit = [], 0, LIMIT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before the character it belongs to
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, LIMIT - 1  # later pieces start with a space
    pieces.append(data[start:].decode("utf-8"))
    return pieces[:1] + [" " + piece for piece in pieces[1:]]


def _uid(item: TimelineItem, host: str) -> str:
    key = "|".join((item.plan_id, item.kind, item.source, item.first_day.isoformat(), item.last_day.isoformat(),
                    item.text))
    return f"{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}-{item.plan_id}@{host}"


def _summary(item: TimelineItem, plan: Plan) -> str:
    if item.is_window:
        return f"{item.kind_label} ({item.when}) — {plan.number_or_issuer}: {plan.title}"
    return f"{item.kind_label} ({item.when}): {item.text}"


def _description(item: TimelineItem, plan: Plan) -> str:
    values = [v for v in (item.start_value, item.end_value) if v.known]
    precision = PRECISION_LABELS[Precision(item.precision)]
    lines = [f"{plan.full_label}: {plan.title}", f"Thời gian: {item.when} (độ chính xác: {precision})"]
    if item.original:
        lines.append(f"Nguyên văn: “{item.original}”")
    if item.open_start:
        lines.append("Văn bản không ghi ngày bắt đầu.")
    if item.open_end:
        lines.append("Văn bản không ghi ngày kết thúc.")
    if item.is_window and item.text != "Thời gian thi đua":
        lines.append(item.text)
    elif not item.is_window:
        lines.append(item.text)
    if values and any(v.precision is not Precision.DAY for v in values):
        lines.append("Sự kiện kéo dài cả khoảng thời gian mà văn bản ghi; văn bản không ghi ngày cụ thể.")
    return "\n".join(lines)


def _event(item: TimelineItem, plan: Plan, stamp: str, host: str, site_url: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(item, host)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{item.first_day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{item.last_day + dt.timedelta(days=1):%Y%m%d}",  # DTEND of a date is exclusive
        f"SUMMARY:{escape_text(_summary(item, plan))}",
        f"DESCRIPTION:{escape_text(_description(item, plan))}",
        f"CATEGORIES:{escape_text(item.kind_label)}",
        "TRANSP:TRANSPARENT",
    ]
    if site_url:
        lines.append(f"URL:{urljoin(site_url, URLS.entry('plan', plan.id))}")
    lines.append("END:VEVENT")
    return lines


def _folded(lines: list[str]) -> str:
    return "".join(piece + "\r\n" for line in lines for piece in fold_line(line))


def calendar_text(plans: list[Plan], build_date: dt.date, site_url: str = "", name: str = "",
                  items_of: dict[str, list[TimelineItem]] | None = None, events: dict | None = None,
                  extra_events: Sequence[list[str]] = ()) -> bytes:
    """The calendar of ``plans``. ``items_of`` gives their items; ``events`` (a dict shared by the calendars of one
    build) keeps each event's text, which the site calendar and the plan's own calendar both carry.
    ``extra_events``: other features' events (a notice's deadline), as escaped, unfolded content lines."""
    host = urlparse(site_url).netloc or "thidua.invalid"
    stamp = f"{build_date:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    parts = [_folded(lines)]
    for plan in sorted(plans, key=lambda p: p.id):
        for number, item in enumerate(items_of[plan.id] if items_of is not None else plan_items(plan)):
            key = (plan.id, number, stamp, host, site_url)
            text = events.get(key) if events is not None else None
            if text is None:
                text = _folded(_event(item, plan, stamp, host, site_url))
                if events is not None:
                    events[key] = text
            parts.append(text)
    parts += [_folded(event) for event in extra_events]
    parts.append(_folded(["END:VCALENDAR"]))
    return "".join(parts).encode("utf-8")


def calendar_outputs(catalog: Catalog, site_url: str) -> list[tuple[str, bytes]]:
    """(path, bytes) of the site's calendar and one calendar per plan that has a dated item."""
    plans = list(catalog.plans.values())
    items = items_by_plan(catalog)
    events: dict[tuple, str] = {}
    from .notices import notice_events  # here: notices import this module for their own calendars

    deadlines = notice_events(list(catalog.notices.values()), catalog.build_date, site_url)
    out = [(URLS.site_calendar, calendar_text(plans, catalog.build_date, site_url,
                                              "Cổng thông tin thi đua: dòng thời gian", items, events, deadlines))]
    for plan in sorted(plans, key=lambda p: p.id):
        if items[plan.id]:
            out.append((URLS.plan_calendar(plan.id),
                        calendar_text([plan], catalog.build_date, site_url, plan.full_label, items, events)))
    return out


FEATURE = Feature("calendars", outputs=lambda ctx: calendar_outputs(ctx.catalog, ctx.site_url))
