"""HTML fragments that repeat hundreds of times per page, written in Python instead of Jinja.

A timeline of two hundred plans or a list of five hundred entries is the bulk of the pages that show them; Jinja
spends most of its time there on attribute lookups, filters and generator steps per printed value. The
functions here print the same markup (byte for byte what the templates printed before) with every value escaped
by markupsafe, as Jinja's autoescape does, and return Markup. Templates call them through ``thidua.fragments``
with the page, so links stay relative to the page (MkDocs' own ``normalize_url``, the ``| url`` filter); a path that
would run script when followed (``javascript:`` …) links nowhere ("#").
Pure: no catalog lookups beyond the view's labels.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape
from mkdocs.utils import normalize_url

from ..core.vntext import fold
from ..features.propaganda import DUE_SOON_DAYS
from ..features.urls import URLS

# Beside every sample entry in a list (du_lieu_mau: true): readers must never take it for a real person or plan.
SAMPLE_TAG = ' <span class="td-sample-tag">Dữ liệu mẫu</span>'

__all__ = ["Fragments"]


def _e(value) -> str:
    return str(escape(value))


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def _runs_script(path: str) -> bool:
    """Whether a link to ``path`` would run code (javascript:, vbscript:, data:): read as browsers read it, without
    tabs and line breaks and after leading blanks and control characters."""
    probe = re.sub(r"[\t\n\r]", "", path).lstrip("".join(map(chr, range(33))))
    scheme = _SCHEME.match(probe)
    return scheme is not None and scheme[1].lower() not in _SAFE_SCHEMES


_PLAIN_PATH = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*/?")


def _page_parts(page_url: str) -> list[str]:
    dirname, _, basename = page_url.rpartition("/")
    if "." in basename:  # as mkdocs.utils.get_relative_url: a file name is not a folder
        page_url = dirname
    return [part for part in page_url.split("/") if part]


def relative_url(path: str, page, here: list[str] | None = None) -> str:
    """What MkDocs' ``normalize_url(path, page=page)`` (the ``| url`` filter) returns, computed directly for the
    plain site-root paths pages link to ("ke-hoach/kh-1/"): a page of thousands of links spent most of its time
    normalising paths that need none. Anything else goes to MkDocs itself."""
    if page is None or not _PLAIN_PATH.fullmatch(path):
        return normalize_url(path, page=page)
    here = _page_parts(page.url) if here is None else here
    if any(part in (".", "..") for part in here):
        return normalize_url(path, page=page)
    dest = path.rstrip("/").split("/")
    common = 0
    for a, b in zip(here, dest):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(here) - common) + dest[common:]) or "."
    return link + "/" if path.endswith("/") else link


_ANY = object()  # a path relative_url leaves to MkDocs: its link may depend on the whole page address


def _part_at(path: str, depth: int):
    """The folder name of a link path at ``depth`` (None if it is shorter), _ANY if the path is not plain."""
    if not _PLAIN_PATH.fullmatch(path):
        return _ANY
    parts = path.rstrip("/").split("/")
    return parts[depth] if len(parts) > depth else None


class Fragments:
    """``thidua.fragments``: markup for lists and timelines; ``page`` is the page being rendered."""

    def __init__(self, view) -> None:
        self.view = view
        self._filters: dict[tuple, tuple] = {}  # (id(choices), page's folder) -> (choices, page name, links, parts)
        self._items: dict[int, tuple] = {}  # id(timeline item) -> (item, its escaped words …)

    @staticmethod
    def _linker(page):
        """path relative to the site root -> the escaped link from ``page``, as ``| url`` writes it."""
        cache: dict[str, str] = {}
        here = _page_parts(page.url) if page is not None else None

        def href(path: str) -> str:
            try:
                return cache[path]
            except KeyError:
                link = cache[path] = "#" if _runs_script(path) else _e(relative_url(path, page, here))
                return link
        return href

    # ----- lists of entries -----------------------------------------------------------------------
    def entry_list(self, items, page) -> Markup:
        """Plans, exemplars or movements with kind, place and date (partials/macros.html, entry_list)."""
        href = self._linker(page)
        view = self.view
        out = ['\n<ul class="td-list">\n  ']
        for item in items:
            kind = item.kind
            meta = []
            if kind == "plan" and item.has_number:
                meta.append(f'<span class="td-number">{_e(item.number.normalized)}</span> · ')
            meta.append("\n      ")
            if item.place_id:
                meta.append(f"{_e(view.place_label(item.place_id))} · ")
            meta.append("\n      ")
            if kind != "movement":
                date = item.date
                iso = date.html_datetime()
                # A <time> only for a date a machine can read; "không rõ ngày" is plain text.
                meta.append(f'<time title="{_e(view.date_title(date))}" datetime="{_e(iso)}">{_e(view.date(date))}</time>'
                            if iso else f'<span title="{_e(view.date_title(date))}">{_e(view.date(date))}</span>')
            else:
                meta.append(_e(view.level_labels.get(item.level, item.level)))
            tag = SAMPLE_TAG if getattr(item, "sample", False) else ""
            out.append(f'\n  <li class="td-item td-item-{_e(kind)}">\n'
                       f'    <a href="{href(URLS.entry(kind, item.id))}">{_e(item.name)}</a>{tag}\n'
                       f'    <span class="td-meta">\n      {"".join(meta)}\n    </span>\n  </li>\n  ')
        out.append("\n</ul>\n")
        return Markup("".join(out))

    def filter_links(self, choices, current: str, page) -> Markup:
        """The locality filter of the timeline and task pages: every (id, label, path) as a link, `current` in
        bold. There is one such page per locality, each listing every locality: the links are the same from every
        page of a folder (/dong-thoi-gian/dia-phuong/*/), so they are printed once per folder and reused."""
        links = self._filter_anchors(choices, page)
        if current:
            for n, (key, label, _path) in enumerate(choices):
                if key == current:
                    links = [*links[:n], f'<strong aria-current="page">{_e(label)}</strong>', *links[n + 1:]]
                    break
        return Markup(" · ".join(links))

    def _filter_anchors(self, choices, page) -> list[str]:
        here = _page_parts(page.url) if page is not None else []
        if not here or any(part in (".", "..") for part in here):
            href = self._linker(page)
            return [f'<a href="{href(path)}">{_e(label)}</a>' for _key, label, path in choices]
        # From folder/<last>/ a link depends on <last> only where the path's part at that depth could equal it:
        # a link computed from one page of the folder holds for another unless that part is either page's name.
        depth, last = len(here) - 1, here[-1]
        key = (id(choices), tuple(here[:-1]))
        cached = self._filters.get(key)
        if cached is None or cached[0] is not choices:
            href = self._linker(page)
            anchors = [f'<a href="{href(path)}">{_e(label)}</a>' for _key, label, path in choices]
            parts = [_part_at(path, depth) for _key, _label, path in choices]
            cached = self._filters[key] = (choices, last, anchors, parts)
        _, computed_from, anchors, parts = cached
        if last != computed_from:
            stale = [n for n, part in enumerate(parts) if part is _ANY or part in (last, computed_from)]
            if stale:
                href, anchors = self._linker(page), list(anchors)
                for n in stale:
                    anchors[n] = f'<a href="{href(choices[n][2])}">{_e(choices[n][1])}</a>'
        return anchors

    def pager(self, urls: list[str], current: int, page) -> Markup:
        """The page numbers of a paginated list, `current` (from 1) unlinked. Every page of a list links every
        other, so a list of N entries prints (N/page size)² of these."""
        href = self._linker(page)
        return Markup("".join(f'<li><span aria-current="page">{number}</span></li>' if number == current
                              else f'<li><a href="{href(path)}">{number}</a></li>'
                              for number, path in enumerate(urls, 1)))

    def place_link(self, place_id: str, page) -> Markup:
        """A link to a place's page, or its name alone when it has none (partials/macros.html, place_link)."""
        label = _e(self.view.place_label(place_id))
        path = self.view.place_url(place_id)
        return Markup(f'<a href="{self._linker(page)(path)}">{label}</a>' if path else label)

    def date(self, value) -> Markup:
        """A date at its own precision, the document's words in the tooltip (partials/macros.html, date)."""
        return Markup(self._date(value))

    def _date(self, value) -> str:
        iso = value.html_datetime()
        tag = "time" if iso else "span"  # a <time> only for a date a machine can read
        return (f'<{tag} class="td-date td-precision-{_e(value.precision.value)}" title="{_e(self.view.date_title(value))}"'
                + (f' datetime="{_e(iso)}"' if iso else "") + f">{_e(self.view.date(value))}</{tag}>")

    # ----- propaganda tasks -----------------------------------------------------------------------
    def task_items(self, tasks, page) -> Markup:
        """The items of the task list of /nhiem-vu-tuyen-truyen/ pages (tasks.html)."""
        href = self._linker(page)
        view = self.view
        out = []
        for t in tasks:
            plan, task = t.plan, t.task
            plan_link = href(URLS.entry("plan", plan.id))
            kinds = ""
            # The kind of agency, unless it only repeats the name the plan gives ("Phòng Văn hóa và Thông tin").
            labels = [k.label for k in t.agency.propaganda_kinds if fold(k.label) != fold(task.agency)]
            if t.agency.main and labels:
                kinds = f' <span class="td-meta td-inline-meta">{"; ".join(_e(k) for k in labels)}</span>'
            number = plan.shown_number
            section = f", mục {_e(task.section)}" if task.section else ""
            deadline = task.deadline
            # The deadline's first and last days: live.js recomputes the state for the reader's day.
            live = (f' data-td-state-from="{deadline.start().isoformat()}" data-td-state-to="{deadline.end().isoformat()}"'
                    f' data-td-soon="{DUE_SOON_DAYS}"' if deadline.known else "")
            if deadline.known:
                due = (f'{self._date(deadline)} <span class="td-meta td-inline-meta">(độ chính xác: '
                       f'{_e(view.precision_labels[deadline.precision.value])})</span>')
            else:
                due = "Kế hoạch không ghi thời hạn"
            answers = t.answers
            if answers:
                latest = t.latest_answer
                newest = f", mới nhất {self._date(latest)}" if latest.known else ""
                items = "".join(f'<li><a href="{href(URLS.entry(e.kind, e.id))}">{_e(e.name)}</a>'
                                f'{SAMPLE_TAG if e.sample else ""}</li>' for e in answers[:5])
                if len(answers) > 5:
                    items += f'<li><a href="{plan_link}#guong-lien-quan">và {len(answers) - 5} gương khác</a></li>'
                answered = f'{len(answers)} gương{newest}:\n        <ul class="td-inline">{items}</ul>\n        '
            else:
                answered = "Chưa có gương nào được đăng theo kế hoạch này."
            out.append(
                f'\n  <li class="td-task" id="{_e(t.anchor)}" data-plan="{_e(plan.id)}" data-state="{_e(t.state)}">\n'
                f'    <p class="td-task-head"><span class="td-state td-state-{_e(t.state)}"{live}>{_e(t.state_label)}</span> '
                f'<strong>{_e(task.agency)}</strong>{kinds}</p>\n'
                f'    <p class="td-task-text">{_e(task.text)}</p>\n    <dl>\n'
                f'      <dt>Kế hoạch</dt><dd><a href="{plan_link}">{_e(plan.doc_type)} {_e(number)} — {_e(plan.issuer)}</a>'
                f'{section} <span class="td-meta td-inline-meta">{_e(view.place_label(plan.place_id))}</span></dd>\n'
                f'      <dt>Thời hạn</dt><dd>{due}</dd>\n'
                f'      <dt>Đã đăng trên cổng</dt><dd class="td-answers">{answered}</dd>\n    </dl>\n  </li>\n  ')
        return Markup("".join(out))

    # ----- timelines ------------------------------------------------------------------------------
    def _item_text(self, item) -> tuple[str, ...]:
        """An item's escaped words, the same on every timeline it is drawn in (its plan's, places', movements',
        years'): computed once. Items live as long as the build's catalog, so identity is a safe key."""
        cached = self._items.get(id(item))
        if cached is None or cached[0] is not item:
            title = f"Độ chính xác: {_e(self.view.precision_labels[item.precision])}"
            if item.original:
                title += f"; nguyên văn: “{_e(item.original)}”"
            # A window ("03/02/2025 – năm 2025") is two dates, not one: plain text; a mark is one <time>.
            iso = "" if item.is_window else item.start_value.html_datetime()
            datetime = f' datetime="{_e(iso)}"' if iso else ""
            cached = self._items[id(item)] = (item, _e(item.kind), _e(item.kind_label), _e(item.when), _e(item.text),
                                              _e(item.precision), datetime, title)
        return cached[1:]

    def timeline_years(self, timeline, page) -> Markup:
        """Each year of a timeline: the chart of positioned links, then its table (partials/timeline.html).
        Numbers (positions, row numbers, years) are printed as Jinja prints them, str(); text is escaped."""
        href = self._linker(page)
        view = self.view
        single = timeline.single_plan
        today_title = _e(f"Ngày {timeline.build_date.strftime('%d/%m/%Y')}")
        out = []
        for block in timeline.years:
            year = block.year
            axis = "".join(f'<span style="left:{left}%;width:{width}%">{month}</span>'
                           for month, left, width in block.months)
            grid = "".join(f'<span class="td-tl-grid" style="left:{left}%" aria-hidden="true"></span>'
                           for month, left, width in block.months if month > 1)
            today = (f'<span class="td-tl-today" style="left:{block.today}%" title="{today_title}" '
                     f'aria-hidden="true"></span>' if block.today is not None else "")
            out.append(f'\n  <section class="td-tl-year" aria-labelledby="tl-nam-{year}">\n'
                       f'    <h3 id="tl-nam-{year}">Năm {year}</h3>\n'
                       f'    <div class="td-tl-chart" data-td-year="{year}" role="group" aria-label="Biểu đồ năm {year}; bảng bên dưới liệt kê '
                       f'đầy đủ">\n'
                       f'      <div class="td-tl-axis" aria-hidden="true">{axis}</div>\n      ')
            for row in block.rows:
                link = href(URLS.entry("plan", row.plan.id))
                label = _e(row.label)
                plan_id = _e(row.plan.id)
                bars = []
                for p in row.bars:
                    item = p.item
                    kind, kind_label, when, text, _precision, _datetime, _title = self._item_text(item)
                    classes = "td-tl-bar" + (" td-tl-open-start" if item.open_start else "") + (
                        " td-tl-open-end" if item.open_end else "") + (" td-tl-cut-before" if p.cut_before else "") + (
                        " td-tl-cut-after" if p.cut_after else "")
                    bars.append(f'<a class="{classes}" href="{link}" data-plan="{plan_id}" data-kind="{kind}" '
                                f'style="left:{p.left}%;width:{p.width}%;top:{p.top}em" '
                                f'title="{kind_label}: {when} — {label}" '
                                f'aria-label="{p.number}. {kind_label} {when}: {label}">{text} · {when}</a>')
                marks = []
                for p in row.marks:
                    kind, kind_label, when, text, precision, _datetime, _title = self._item_text(p.item)
                    marks.append(f'<a class="td-tl-mark td-tl-{kind} td-precision-{precision}" href="{link}" '
                                 f'data-plan="{plan_id}" data-kind="{kind}" '
                                 f'style="left:{p.left}%;width:{p.width}%;top:{p.top}em" '
                                 f'title="{kind_label} {when}: {text}" '
                                 f'aria-label="{p.number}. {kind_label} {when}: {text}">{p.number}</a>')
                row_label = "" if single else f'<a class="td-tl-label" href="{link}">{label}</a>'
                out.append(f'\n      <div class="td-tl-row">\n        {row_label}\n'
                           f'        <div class="td-tl-track" style="height:{row.height}em">\n'
                           f'          {grid}\n          {"".join(bars)}\n          {"".join(marks)}\n'
                           f'          {today}\n        </div>\n      </div>\n      ')
            plan_column = "" if single else '<th scope="col">Kế hoạch</th>'
            out.append(f'\n    </div>\n    <table class="td-table td-tl-table">\n'
                       f'      <caption>Các mốc năm {year}</caption>\n'
                       f'      <thead><tr><th scope="col">#</th><th scope="col">Thời gian</th><th scope="col">Loại</th>'
                       f'<th scope="col">Nội dung</th>{plan_column}</tr></thead>\n      <tbody>\n      ')
            for p in block.entries:
                item = p.item
                kind, kind_label, when, text, precision, datetime, title = self._item_text(item)
                tag = "time" if datetime else "span"
                notes = ((' <span class="td-original">(văn bản không ghi ngày bắt đầu)</span>' if item.open_start else "")
                         + (' <span class="td-original">(từ năm trước)</span>' if p.cut_before else "")
                         + (' <span class="td-original">(sang năm sau)</span>' if p.cut_after else ""))
                plan_cell = ""
                if not single:
                    plan = view.plan(item.plan_id)
                    number = plan.number_or_issuer
                    plan_cell = (f'<td><a class="td-number" href="{href(URLS.entry("plan", plan.id))}">'
                                 f'{_e(number)}</a></td>')
                out.append(f'\n        <tr data-kind="{kind}" data-precision="{precision}"><td>{p.number}</td>'
                           f'<td><{tag} class="td-date td-precision-{precision}"{datetime} title="{title}">{when}'
                           f'</{tag}>{notes}</td><td>{kind_label}</td><td>{text}</td>{plan_cell}</tr>\n      ')
            out.append("\n      </tbody>\n    </table>\n  </section>\n  ")
        return Markup("".join(out))
