"""The domain model: plans, exemplars, movements and places as frozen values. No MkDocs here.

Glossary (Vietnamese term -> code name): kế hoạch -> Plan, gương / điển hình -> Exemplar,
phong trào -> Movement, địa phương / đơn vị hành chính -> Place, chỉ tiêu -> Target, nhiệm vụ -> Task,
mốc thời gian -> Milestone, căn cứ -> DocRef, khen thưởng -> Award, người ký -> Signer,
thông báo lấy ý kiến nhân dân -> Notice, người / tập thể được đề nghị -> Nominee, nhóm theo hình thức đề nghị ->
NomineeGroup, thời hạn lấy ý kiến -> NoticePeriod, cách gửi ý kiến -> Response.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .dates import UNKNOWN, DateValue, Precision

__all__ = [
    "Entry", "Source", "DocumentNumber", "DocRef", "MovementRef", "Milestone", "Target", "Task", "Signer",
    "Period", "Plan", "Award", "Exemplar", "Movement", "Place", "KIND_PLAN", "KIND_EXEMPLAR",
    "KIND_MOVEMENT", "KIND_PLACE", "KIND_NOTICE", "Nominee", "NomineeGroup", "NoticePeriod", "Response",
    "Attachment", "Notice",
]

KIND_PLAN = "plan"
KIND_EXEMPLAR = "exemplar"
KIND_MOVEMENT = "movement"
KIND_PLACE = "place"
KIND_NOTICE = "notice"


@dataclass(frozen=True)
class Source:
    """Where an entry came from: the file (relative to the project) and the line its body starts on."""

    path: str
    body_line: int = 1


@runtime_checkable
class Entry(Protocol):
    """What every entry an editor writes has, whatever its kind: plans, exemplars, movements and notices alike.

    Lists, feeds, search, open data and the checks ask only this of an entry whose kind they do not need to know.
    ``name`` is what a list or a link shows (a plan's trích yếu, a person's or a movement's name); ``date`` orders
    entries newest first (unknown when the document gives none); ``place_id`` is "" for a national movement.
    Places are not entries: they come from the registry, have no file and no body."""

    kind: str  # KIND_PLAN, KIND_EXEMPLAR, KIND_MOVEMENT or KIND_NOTICE
    id: str
    source: Source | None  # None only for movements the importer reads from entries that have errors
    body: str  # the Markdown below the front matter
    place_id: str

    @property
    def name(self) -> str: ...

    @property
    def date(self) -> DateValue: ...


_STATE_NUMBER = re.compile(r"^\s*(\d*)\s*/\s*(\d{4}\s*/\s*)?([A-ZĐ][\wĐđ.\-]*(?:\s*-\s*[\wĐđ.]+)*)\s*$", re.UNICODE)
_PARTY_NUMBER = re.compile(r"^\s*(\d*)\s*-\s*([A-ZĐ]{1,4})\s*/\s*([\wĐđ.\-]+)\s*$", re.UNICODE)


@dataclass(frozen=True)
class DocumentNumber:
    """Số/ký hiệu: "195/KH-UBND" (state form N/TYPE-ISSUER), "08-CT/TU" (Party form N-TYPE/ISSUER)."""

    raw: str
    number: int | None = None
    symbol: str = ""
    form: str = ""  # "state", "party", or "" when unreadable or absent
    digits: str = ""  # the number as written, leading zeros kept ("08")

    @classmethod
    def parse(cls, raw: str) -> "DocumentNumber":
        text = " ".join((raw or "").split())
        if m := _PARTY_NUMBER.match(text):
            number = int(m[1]) if m[1] else None
            return cls(raw, number, f"{m[2]}/{m[3]}".replace(" ", ""), "party", m[1])
        if m := _STATE_NUMBER.match(text):
            number = int(m[1]) if m[1] else None
            year = (m[2] or "").replace(" ", "")
            return cls(raw, number, (year + m[3]).replace(" ", ""), "state", m[1])
        return cls(raw)

    @property
    def normalized(self) -> str:
        """"195/KH-UBND", "/KH-UBND" when the number was left blank, "08-CT/TU", or the raw text."""
        if self.form == "party":
            kind, issuer = self.symbol.split("/", 1)
            return f"{self.digits}-{kind}/{issuer}"
        if self.form == "state":
            return f"{self.digits}/{self.symbol}"
        return " ".join(self.raw.split())

    @property
    def given(self) -> bool:
        """Whether the document gives a number or a symbol at all: "", " " and "/" give neither."""
        return bool(self.raw.strip(" /"))

    @property
    def shown(self) -> str:
        """The number as shown beside a document ("195/KH-UBND"), "" when the document gives none."""
        return self.normalized if self.given else ""

    def __str__(self) -> str:
        return self.normalized


@dataclass(frozen=True)
class DocRef:
    """A document a plan implements or cites (căn cứ)."""

    kind: str
    number: DocumentNumber
    date: DateValue = UNKNOWN
    issuer: str = ""
    summary: str = ""
    plan_id: str = ""


@dataclass(frozen=True)
class MovementRef:
    movement_id: str
    wording: str = ""


@dataclass(frozen=True)
class Milestone:
    date: DateValue
    text: str
    kind: str = "han"  # han (deadline), ky-niem (anniversary), su-kien (event)


@dataclass(frozen=True)
class Target:
    number: int | None
    name: str
    value: str = ""
    unit: str = ""
    original: str = ""


@dataclass(frozen=True)
class Task:
    agency: str
    text: str
    deadline: DateValue = UNKNOWN
    section: str = ""


@dataclass(frozen=True)
class Signer:
    name: str = ""
    title: str = ""
    formula: str = ""  # "TM.", "KT.", "T/M" as written
    on_behalf_of: str = ""


@dataclass(frozen=True)
class Period:
    start: DateValue = UNKNOWN
    end: DateValue = UNKNOWN
    original: str = ""
    rounds: tuple["Period", ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Plan:
    id: str
    source: Source
    number: DocumentNumber
    doc_type: str
    issuer: str
    place_id: str
    issued: DateValue
    title: str
    body: str = ""
    parent_issuer: str = ""
    issued_at: str = ""
    theme: str = ""
    motto: str = ""
    period: Period = field(default_factory=Period)
    implements: tuple[DocRef, ...] = ()
    movements: tuple[MovementRef, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    targets: tuple[Target, ...] = ()
    tasks: tuple[Task, ...] = ()
    signer: Signer = field(default_factory=Signer)
    recipients: tuple[str, ...] = ()
    source_file: str = ""
    posted: DateValue = UNKNOWN  # ngay_dang: when it went on the portal, if the editor says (see core/history.py)
    sample: bool = False

    kind = KIND_PLAN

    @property
    def name(self) -> str:
        return self.title

    @property
    def date(self) -> DateValue:
        return self.issued

    @property
    def movement_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref.movement_id for ref in self.movements))

    # ----- how a plan is named where it is not the page's subject ---------------------------------------------
    @property
    def has_number(self) -> bool:
        """Whether the plan gives its số, ký hiệu (many drafts and some plans as published do not)."""
        return self.number.given

    @property
    def shown_number(self) -> str:
        """The số, ký hiệu as shown beside the plan ("195/KH-UBND"), "" when the plan gives none."""
        return self.number.shown

    @property
    def label(self) -> str:
        """The plan's short name: "Kế hoạch 195/KH-UBND", or its kind of document alone without a number."""
        return f"{self.doc_type} {self.shown_number}".strip()

    @property
    def full_label(self) -> str:
        """The short name with the issuer, for bars, tables and calendars, where plans of many places meet:
        "Kế hoạch 195/KH-UBND — Ủy ban nhân dân huyện Bố Trạch", or "Kế hoạch của Ủy ban nhân dân …"."""
        if self.has_number:
            return f"{self.doc_type} {self.shown_number} — {self.issuer}"
        return f"{self.doc_type} của {self.issuer}"

    @property
    def number_or_issuer(self) -> str:
        """What tells the plan apart in one cell: its số, ký hiệu, or its issuer when it gives none."""
        return self.shown_number or self.issuer


@dataclass(frozen=True)
class Award:
    form: str
    level: str = ""
    issuer: str = ""
    decision_number: str = ""
    decision_date: DateValue = UNKNOWN


@dataclass(frozen=True)
class Exemplar:
    id: str
    source: Source
    name: str
    subject: str  # ca-nhan | tap-the
    place_id: str
    field_name: str
    summary: str
    body: str = ""
    movement_ids: tuple[str, ...] = ()
    plan_ids: tuple[str, ...] = ()
    date: DateValue = UNKNOWN
    awards: tuple[Award, ...] = ()
    photo: str = ""
    source_note: str = ""
    sample: bool = False
    posted: DateValue = UNKNOWN  # ngay_dang, as for Plan

    kind = KIND_EXEMPLAR


@dataclass(frozen=True)
class Movement:
    id: str
    source: Source
    name: str
    level: str
    body: str = ""
    launched_by: str = ""
    year: int | None = None
    parent_id: str = ""
    place_id: str = ""
    wordings: tuple[str, ...] = ()

    kind = KIND_MOVEMENT

    @property
    def date(self) -> DateValue:
        return DateValue(str(self.year), Precision.YEAR, self.year) if self.year else UNKNOWN


@dataclass(frozen=True)
class Place:
    """An administrative unit over its period of validity. Identified by id, never by name or code alone."""

    id: str
    code: str
    level: str  # tinh, huyen, xa
    type_name: str  # "Tỉnh", "Thành phố", "Huyện", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu" ...
    name: str  # without the type: "Bố Trạch"
    parent_id: str = ""
    valid_from: str = ""
    valid_to: str = ""  # "" while the unit exists
    successor_ids: tuple[str, ...] = ()
    predecessor_ids: tuple[str, ...] = ()
    note: str = ""

    kind = KIND_PLACE

    @property
    def full_name(self) -> str:
        return f"{self.type_name} {self.name}"

    @property
    def current(self) -> bool:
        return not self.valid_to


@dataclass(frozen=True)
class Attachment:
    """A file beside the entry (the list as an image, a summary of achievements as PDF), checked like photos."""

    path: str  # as the editor wrote it, relative to the entry file
    label: str = ""


@dataclass(frozen=True)
class Nominee:
    """A person (Ông/Bà, name, position, unit, address) or a collective proposed for an award."""

    name: str
    subject: str  # ca-nhan | tap-the
    title: str = ""  # danh xưng: Ông, Bà
    position: str = ""
    unit: str = ""
    address: str = ""
    summary: str = ""
    attachment: Attachment | None = None
    exemplar_id: str = ""  # the exemplar recording the award, once decided
    outcome: str = ""


@dataclass(frozen=True)
class NomineeGroup:
    award: str  # the award as the notice writes it: "Huân chương Lao động hạng Ba"
    form: str  # one of schema.AWARD_FORMS: huan-chuong, chien-si-thi-dua-toan-quoc …
    count: str = ""  # "01 cá nhân", as written
    nominees: tuple[Nominee, ...] = ()


@dataclass(frozen=True)
class NoticePeriod:
    """The comment period: the notice's own words, and the first and last day computed from them."""

    original: str
    start: DateValue = UNKNOWN  # "kể từ ngày …" as written
    end: DateValue = UNKNOWN  # "trước ngày 18/10/2024" as written
    working_days: int | None = None
    first_day: dt.date | None = None  # comments are taken from this day …
    last_day: dt.date | None = None  # … to this day, included
    computed: bool = False  # last_day counted in working days (not written by the notice)


@dataclass(frozen=True)
class Response:
    address: str = ""
    email: str = ""
    phone: str = ""
    requirements: str = ""
    original: str = ""


@dataclass(frozen=True)
class Notice:
    id: str
    source: Source
    title: str
    body_name: str  # the body that consults
    place_id: str
    number: DocumentNumber
    issued: DateValue
    posted: DateValue
    period: NoticePeriod
    response: Response
    groups: tuple[NomineeGroup, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    proposal_number: str = ""  # Tờ trình số …
    proposal_date: DateValue = UNKNOWN
    proposal_body: str = ""
    legal_basis: tuple[str, ...] = ()
    published_on: str = ""  # nơi đăng
    body: str = ""
    source_note: str = ""
    sample: bool = False

    kind = KIND_NOTICE

    @property
    def name(self) -> str:
        return self.title

    @property
    def date(self) -> DateValue:
        """The day the notice is dated in lists and feeds: posted, else signed, else the period's first day."""
        for value in (self.posted, self.issued, self.period.start):
            if value.known:
                return value
        if self.period.first_day:
            day = self.period.first_day
            return DateValue(day.strftime("%d/%m/%Y"), Precision.DAY, day.year, day.month, day.day)
        return UNKNOWN

    @property
    def nominees(self) -> tuple[Nominee, ...]:
        return tuple(n for g in self.groups for n in g.nominees)

    @property
    def movement_ids(self) -> tuple[str, ...]:
        return ()
