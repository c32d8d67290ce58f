"""Public-comment notices on award nominees (lấy ý kiến nhân dân): their state on the build date, their pages,
their deadline in the calendars and their attached files.

A notice is open from its first day to its last day included (both worked out by the loader from the notice's own
words, see :func:`thidua.core.loader.notice_period`). Its state is a function of the build date alone, so the
daily rebuild moves an expired notice to the archive and off the home page without anyone editing it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlparse

from ..core.catalog import Catalog, catalog_query
from ..core.model import Attachment, Notice
from ..core.schema import AWARD_FORM_LABELS, SUBJECT_LABELS
from ..core.validate import phone_digits
from ..core.vntext import slugify
from ..core.workdays import WorkCalendar
from .feature import Feature, PageSpec
from .urls import URLS

__all__ = ["FEATURE", "NoticeState", "notice_state", "NoticeView", "notice_pages", "notice_outputs", "notice_events",
           "attachment_path", "OPEN", "UPCOMING", "EXPIRED"]

OPEN, UPCOMING, EXPIRED, UNKNOWN_STATE = "dang-lay-y-kien", "sap-mo", "het-han", "khong-ro"


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class NoticeState:
    key: str  # OPEN, UPCOMING, EXPIRED, UNKNOWN_STATE
    label: str  # what the page says, in Vietnamese
    days_left: int | None = None  # working days left, today included, while open

    @property
    def is_open(self) -> bool:
        return self.key == OPEN

    @property
    def current(self) -> bool:
        """Listed with the current notices (open or about to open), not in the archive."""
        return self.key in (OPEN, UPCOMING)


def notice_state(notice: Notice, today: dt.date, workdays: WorkCalendar) -> NoticeState:
    """The notice's state on ``today``: "Sắp mở", "Đang lấy ý kiến — còn N ngày làm việc" or "Đã hết hạn ngày …"."""
    first, last = notice.period.first_day, notice.period.last_day
    if last is None:
        return NoticeState(UNKNOWN_STATE, "Không rõ thời hạn")
    if today > last:
        return NoticeState(EXPIRED, f"Đã hết hạn ngày {_day(last)}")
    if first is not None and today < first:
        return NoticeState(UPCOMING, f"Sắp mở — nhận ý kiến từ ngày {_day(first)} đến hết ngày {_day(last)}")
    left = workdays.working_days_left(today, last)
    if left == 0:
        return NoticeState(OPEN, f"Đang lấy ý kiến — hạn cuối ngày {_day(last)} (ngày nghỉ)", 0)
    if left == 1 and today == last:
        return NoticeState(OPEN, f"Đang lấy ý kiến — hôm nay ({_day(last)}) là ngày cuối", 1)
    return NoticeState(OPEN, f"Đang lấy ý kiến — còn {left} ngày làm việc (đến hết ngày {_day(last)})", left)


@catalog_query
def _state(catalog: Catalog, notice_id: str) -> NoticeState:
    return notice_state(catalog.notices[notice_id], catalog.build_date, catalog.workdays)


def _by_deadline(notices: list[Notice]) -> list[Notice]:
    return sorted(notices, key=lambda n: (n.period.last_day or dt.date.max, n.id))


class NoticeView:
    """What templates ask about notices: ``thidua.notices.open()``, ``.state(n)``, ``.archive()`` …"""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.form_labels = AWARD_FORM_LABELS
        self.subject_labels = SUBJECT_LABELS
        self.section = URLS.kind_index("notice")

    def state(self, notice: Notice) -> NoticeState:
        return _state(self.catalog, notice.id)

    def open(self) -> list[Notice]:
        """Open on the build date, the nearest deadline first."""
        return _by_deadline([n for n in self.catalog.notices.values() if self.state(n).is_open])

    def upcoming(self) -> list[Notice]:
        return _by_deadline([n for n in self.catalog.notices.values() if self.state(n).key == UPCOMING])

    def archive(self) -> list[tuple[int | None, list[Notice]]]:
        """Notices no longer current, by the year of their last day, newest year and deadline first."""
        years: dict[int | None, list[Notice]] = {}
        for notice in self.catalog.notices.values():
            if not self.state(notice).current:
                last = notice.period.last_day
                years.setdefault(last.year if last else None, []).append(notice)
        order = sorted(years, key=lambda y: -1 if y is None else y, reverse=True)
        return [(year, list(reversed(_by_deadline(years[year])))) for year in order]

    def of_exemplar(self, exemplar_id: str) -> list[tuple[Notice, object]]:
        """(notice, nominee) for each notice that consulted on the person or collective an exemplar records."""
        return [(n, x) for n in self.catalog.notices_by_exemplar.get(exemplar_id, ())
                for x in n.nominees if x.exemplar_id == exemplar_id]

    def in_place(self, place_id: str) -> list[Notice]:
        return self.catalog.notices_in(place_id)

    def days_off(self, notice: Notice) -> list[tuple[str, str]]:
        """Holidays inside a period counted in working days: the reader sees why the last day is where it is."""
        period = notice.period
        if not (period.computed and period.first_day and period.last_day):
            return []
        return [(_day(day), name) for day, name in self.catalog.workdays.days_off_between(period.first_day,
                                                                                         period.last_day)]

    def mailto(self, notice: Notice) -> str:
        """A mailto: address; the template escapes it for the attribute. Only a validated address gets here."""
        from urllib.parse import quote

        email = notice.response.email.strip()
        subject = quote(f"Góp ý: {notice.title}"[:180], safe="")
        return f"mailto:{quote(email, safe='@.+-_')}?subject={subject}" if email else ""

    def tel(self, notice: Notice) -> str:
        phone = notice.response.phone.strip()
        return f"tel:{phone_digits(phone)}" if phone else ""

    def attachment_url(self, notice: Notice, attachment: Attachment) -> str:
        return attachment_path(notice, attachment)

    def ics(self, notice: Notice) -> str:
        return notice_ics_path(notice.id)

    def date(self, day: dt.date | None) -> str:
        return _day(day) if day else ""


# ----- pages -------------------------------------------------------------------------------------------------------
def notice_pages(catalog: Catalog) -> list[PageSpec]:
    specs = [PageSpec(URLS.source(URLS.kind_index("notice")), "Lấy ý kiến nhân dân", "thidua/notices.html", {},
                      search=False,
                      description="Danh sách tập thể, cá nhân được đề nghị khen thưởng đang được lấy ý kiến nhân dân "
                                  "và các đợt lấy ý kiến đã kết thúc.")]
    for notice in catalog.notices.values():
        specs.append(PageSpec(URLS.source(URLS.entry("notice", notice.id)), notice.title, "thidua/notice.html",
                              {"entry": notice},
                              notice.body, untrusted=True, description=f"{notice.body_name}: {notice.period.original}"))
    return specs


# ----- files -------------------------------------------------------------------------------------------------------
def notice_ics_path(notice_id: str) -> str:
    return URLS.notice_calendar(notice_id)


def attachment_path(notice: Notice, attachment: Attachment) -> str:
    """Where an attached file is served: under the notice's address, named from the editor's file name."""
    name = PurePosixPath(attachment.path)
    stem = slugify(name.stem) or "tep"
    digest = hashlib.sha1(attachment.path.encode("utf-8")).hexdigest()[:6]
    suffix = ".pdf" if name.suffix.lower() == ".pdf" else ".jpg"  # images are served re-encoded as JPEG
    return URLS.notice_file(notice.id, f"{stem}-{digest}{suffix}")


def _attachments(notice: Notice):
    yield from notice.attachments
    for nominee in notice.nominees:
        if nominee.attachment:
            yield nominee.attachment


def notice_outputs(catalog: Catalog, project_root: str, site_url: str) -> list[tuple[str, bytes]]:
    """Each notice's attached files (images re-encoded without metadata, PDFs as they are) and its calendar."""
    from ..core.photos import web_photo

    out: list[tuple[str, bytes]] = []
    for notice in sorted(catalog.notices.values(), key=lambda n: n.id):
        folder = (Path(project_root) / notice.source.path).parent
        for attachment in {a.path: a for a in _attachments(notice)}.values():
            source = folder / attachment.path
            data = source.read_bytes() if source.suffix.lower() == ".pdf" else web_photo(source)
            out.append((attachment_path(notice, attachment), data))
        events = notice_events([notice], catalog.build_date, site_url)
        if events:
            from .calendars import calendar_text

            out.append((notice_ics_path(notice.id), calendar_text([], catalog.build_date, site_url,
                                                                  f"Hạn góp ý: {notice.title}", extra_events=events)))
    return out


def notice_events(notices: list[Notice], build_date: dt.date, site_url: str) -> list[list[str]]:
    """The last day of each notice's period as an all-day iCalendar event (unfolded, escaped content lines)."""
    from .calendars import escape_text

    host = urlparse(site_url).netloc or "thidua.invalid"
    stamp = f"{build_date:%Y%m%d}T000000Z"
    events = []
    for notice in sorted(notices, key=lambda n: n.id):
        last = notice.period.last_day
        if last is None:
            continue
        period = notice.period
        lines = [f"{notice.body_name}: {notice.title}", f"Thời hạn (nguyên văn): “{period.original}”",
                 f"Ngày cuối nhận ý kiến: {_day(last)}" + (" (tính theo ngày làm việc)" if period.computed else "")]
        if notice.response.address:
            lines.append(f"Gửi ý kiến về: {notice.response.address}")
        if notice.response.email:
            lines.append(f"Thư điện tử: {notice.response.email}")
        if notice.response.phone:
            lines.append(f"Điện thoại: {notice.response.phone}")
        key = f"{notice.id}|{last.isoformat()}"
        event = [
            "BEGIN:VEVENT",
            f"UID:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}-{URLS.kinds['notice']}-{notice.id}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{last:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text('Hạn cuối góp ý: ' + notice.title)}",
            f"DESCRIPTION:{escape_text(chr(10).join(lines))}",
            f"CATEGORIES:{escape_text('Lấy ý kiến nhân dân')}",
            "TRANSP:TRANSPARENT",
        ]
        if site_url:
            event.append(f"URL:{urljoin(site_url, URLS.entry('notice', notice.id))}")
        event.append("END:VEVENT")
        events.append(event)
    return events


FEATURE = Feature("notices", pages=lambda ctx: notice_pages(ctx.catalog),
                  outputs=lambda ctx: notice_outputs(ctx.catalog, ctx.project_root, ctx.site_url), view=NoticeView)
