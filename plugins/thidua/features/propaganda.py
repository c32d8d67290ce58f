"""The culture office's tasks: every task a plan assigns, its agency kind, its state on the build date, and what
on the portal answers it. Tasks of culture and propaganda agencies are propaganda tasks (see agencies.py).

State on the build date: "không có hạn" when the plan gives no deadline; "sắp tới" before the deadline's window;
"đến hạn" from DUE_SOON_DAYS before the first day the deadline can mean to its last day ("tháng 6/2020" is due all
June); "quá hạn" after it. What answers a task: the exemplars published for its plan. Pure; no MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.agencies import AgencyKind, AgencyMatch, AgencyRegistry, load_agencies
from ..core.catalog import Catalog
from ..core.dates import UNKNOWN, DateValue
from ..core.model import Exemplar, Plan, Task
from .feature import Feature, PageSpec
from .urls import URLS

__all__ = ["PlanTask", "task_state", "plan_tasks", "propaganda_tasks", "STATES", "STATE_LABELS",
           "DUE_SOON_DAYS", "reading_order", "TaskView", "FEATURE", "task_pages"]

DUE_SOON_DAYS = 7
UPCOMING, DUE, OVERDUE, NO_DEADLINE = "sap-toi", "den-han", "qua-han", "khong-co-han"
STATES = (OVERDUE, DUE, UPCOMING, NO_DEADLINE)
STATE_LABELS = {UPCOMING: "sắp tới", DUE: "đến hạn", OVERDUE: "quá hạn", NO_DEADLINE: "không có hạn"}


def task_state(deadline: DateValue, on: dt.date) -> str:
    if not deadline.known:
        return NO_DEADLINE
    if on > deadline.last_day():
        return OVERDUE
    if on >= deadline.first_day() - dt.timedelta(days=DUE_SOON_DAYS):
        return DUE
    return UPCOMING


@dataclass(frozen=True)
class PlanTask:
    plan: Plan
    task: Task
    number: int  # 1-based position among the plan's tasks
    agency: AgencyMatch
    state: str
    answers: tuple[Exemplar, ...]  # newest first

    @property
    def anchor(self) -> str:
        return f"{self.plan.id}-nv{self.number}"

    @property
    def propaganda(self) -> bool:
        return self.agency.propaganda

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def latest_answer(self) -> DateValue:
        dated = [e.date for e in self.answers if e.date.known]
        return max(dated, key=lambda d: d.sort_key()) if dated else UNKNOWN


def plan_tasks(catalog: Catalog, registry: AgencyRegistry | None = None) -> list[PlanTask]:
    """Every task of every plan, plans newest first, tasks in the order the plan lists them."""
    registry = registry or load_agencies()
    out = []
    for plan in catalog.plans_newest():
        answers = tuple(catalog.exemplars_by_plan.get(plan.id, ()))
        for number, task in enumerate(plan.tasks, 1):
            out.append(PlanTask(plan, task, number, registry.match(task.agency),
                                task_state(task.deadline, catalog.build_date), answers))
    return out


def reading_order(tasks: list[PlanTask]) -> list[PlanTask]:
    """The order a reader acts on: past due (latest first), due, upcoming (soonest first), then without a deadline;
    ties keep the plans' order (newest plan first, tasks as the plan lists them)."""
    def key(t: PlanTask) -> tuple[int, int]:
        rank = STATES.index(t.state)
        if t.state == OVERDUE:
            return rank, -t.task.deadline.last_day().toordinal()
        if t.state in (DUE, UPCOMING):
            return rank, t.task.deadline.first_day().toordinal()
        return rank, 0

    return sorted(tasks, key=key)


def propaganda_tasks(catalog: Catalog, registry: AgencyRegistry | None = None) -> list[PlanTask]:
    """Propaganda tasks in reading order (see :func:`reading_order`)."""
    return reading_order([t for t in plan_tasks(catalog, registry) if t.propaganda])


class TaskView:
    """What templates ask of tasks: ``thidua.propaganda.state_labels``, ``thidua.propaganda.of_plan(plan)``."""

    state_labels = STATE_LABELS

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._propaganda: list[PlanTask] | None = None

    def propaganda(self) -> list[PlanTask]:
        if self._propaganda is None:
            self._propaganda = propaganda_tasks(self.catalog)
        return self._propaganda

    def of_plan(self, plan: Plan) -> list[PlanTask]:
        return [t for t in self.propaganda() if t.plan.id == plan.id]

    def counts(self, tasks: list[PlanTask]) -> list[tuple[str, str, int]]:
        """(state, label, how many) in the order a reader acts on them: past due first."""
        return [(s, STATE_LABELS[s], sum(1 for t in tasks if t.state == s)) for s in STATES]


def task_pages(catalog: Catalog) -> list[PageSpec]:
    """/nhiem-vu-tuyen-truyen/ with every propaganda task, one page per agency kind and one per locality."""
    tasks = propaganda_tasks(catalog)
    kinds: dict[str, AgencyKind] = {}
    for t in tasks:
        for kind in t.agency.propaganda_kinds:
            kinds.setdefault(kind.id, kind)
    with_tasks = {t.plan.id for t in tasks}
    plan_ids_in = {pid: {p.id for p in catalog.plans_in(pid)} for pid in catalog.place_ids}
    places = [pid for pid in catalog.place_ids if not plan_ids_in[pid].isdisjoint(with_tasks)]
    places.sort(key=lambda pid: (len(catalog.places.ancestors(pid)), catalog.places.label(pid)))
    filters = {
        "kinds": [(k.id, k.label, URLS.tasks_agency_kind(k.id)) for k in kinds.values()],
        "places": [(pid, catalog.places.label(pid), URLS.tasks_place(pid)) for pid in places],
        "all_url": URLS.tasks,
    }

    def spec(uri: str, title: str, chosen: list[PlanTask], kind_id: str = "", place_id: str = ""):
        return PageSpec(uri, title, "thidua/tasks.html", {"tasks": chosen, "filters": filters, "kind_id": kind_id,
                                                           "place_id": place_id}, search=False)

    specs = [spec(URLS.source(URLS.tasks), "Nhiệm vụ tuyên truyền", tasks)]
    for kind_id, label, url in filters["kinds"]:
        chosen = [t for t in tasks if any(k.id == kind_id for k in t.agency.propaganda_kinds)]
        specs.append(spec(URLS.source(url), f"Nhiệm vụ tuyên truyền: {label}", chosen,
                          kind_id=kind_id))
    for place_id, label, url in filters["places"]:
        ids = plan_ids_in[place_id]
        specs.append(spec(URLS.source(url), f"Nhiệm vụ tuyên truyền: {label}",
                          [t for t in tasks if t.plan.id in ids], place_id=place_id))
    return specs


FEATURE = Feature("propaganda", pages=lambda ctx: task_pages(ctx.catalog), view=TaskView)
