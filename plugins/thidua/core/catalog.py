"""The catalog: every index the pages need (by place, by movement, by plan, in date order), built once per build.

Pure functions of the model; nothing here reads files or knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import UNKNOWN
from .history import VIETNAM
from .model import Exemplar, Movement, Notice, Place, Plan
from .places import PlaceRegistry
from .workdays import WorkCalendar

__all__ = ["Catalog", "build_catalog", "catalog_query"]


def _newest_first(items: list) -> list:
    return sorted(items, key=lambda e: (e.date.sort_key(), e.id), reverse=True)


def catalog_query(method):
    """Memoise a query on the catalog: it is built once per build and never changes, while the same query is asked
    by several pages and outputs (a place page, its feed, its timeline, its task list). A method of the catalog,
    or a function of another module whose first argument is the catalog (arguments hashable). Callers must not
    mutate what they get back."""
    name = f"{method.__module__}.{method.__qualname__}"

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        return self.memo((name, args, tuple(sorted(kwargs.items()))), lambda: method(self, *args, **kwargs))
    return wrapper


@dataclass
class Catalog:
    plans: dict[str, Plan]
    exemplars: dict[str, Exemplar]
    movements: dict[str, Movement]
    places: PlaceRegistry
    build_date: dt.date
    plans_by_place: dict[str, list[Plan]] = field(default_factory=dict)
    exemplars_by_place: dict[str, list[Exemplar]] = field(default_factory=dict)
    plans_by_movement: dict[str, list[Plan]] = field(default_factory=dict)
    exemplars_by_movement: dict[str, list[Exemplar]] = field(default_factory=dict)
    exemplars_by_plan: dict[str, list[Exemplar]] = field(default_factory=dict)
    plans_citing_plan: dict[str, list[Plan]] = field(default_factory=dict)
    movement_children: dict[str, list[Movement]] = field(default_factory=dict)
    movements_by_place: dict[str, list[Movement]] = field(default_factory=dict)
    place_ids: list[str] = field(default_factory=list)
    notices: dict[str, Notice] = field(default_factory=dict)
    notices_by_place: dict[str, list[Notice]] = field(default_factory=dict)
    notices_by_exemplar: dict[str, list[Notice]] = field(default_factory=dict)
    workdays: WorkCalendar = field(default_factory=WorkCalendar)
    added: dict[str, dt.datetime] = field(default_factory=dict)  # entry file -> first commit (core/history.py)
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def published(self, entry) -> dt.datetime:
        """When ``entry`` went on the portal (core/history.py): ``ngay_dang``, its file's first commit, else the
        build date (not committed yet, or not a git checkout)."""
        posted = getattr(entry, "posted", UNKNOWN)
        if posted.known:
            day = posted.first_day()
        elif (when := self.added.get(entry.source.path)) is not None:
            return when
        else:
            day = self.build_date
        return dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM)

    def sample_count(self, kind: str) -> int:
        """How many plans or exemplars are marked ``du_lieu_mau`` (pages say so beside every count)."""
        entries = self.plans if kind == "plan" else self.exemplars
        return self.memo(("samples", kind), lambda: sum(1 for e in entries.values() if getattr(e, "sample", False)))

    def memo(self, key, compute):
        """``compute()`` once per build: for data other modules derive from the catalog (timeline items …)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = compute()
            return value

    # ----- lists in display order -------------------------------------------------------------
    @catalog_query
    def plans_newest(self) -> list[Plan]:
        return _newest_first(list(self.plans.values()))

    @catalog_query
    def exemplars_newest(self) -> list[Exemplar]:
        return _newest_first(list(self.exemplars.values()))

    @catalog_query
    def movements_sorted(self) -> list[Movement]:
        order = {"quoc-gia": 0, "tinh": 1, "khoi": 2, "nganh": 3, "huyen": 4, "xa": 5, "co-so": 6}
        return sorted(self.movements.values(), key=lambda m: (order.get(m.level, 9), m.name))

    @catalog_query
    def notices_newest(self) -> list[Notice]:
        return _newest_first(list(self.notices.values()))

    # ----- places ------------------------------------------------------------------------------
    def place(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    @catalog_query
    def descendants(self, place_id: str) -> list[str]:
        return self.places.descendants(place_id)

    @catalog_query
    def plans_in(self, place_id: str) -> list[Plan]:
        """Plans issued in the place or in any unit below it, newest first."""
        ids = [place_id, *self.descendants(place_id)]
        return _newest_first([p for i in ids for p in self.plans_by_place.get(i, ())])

    @catalog_query
    def exemplars_in(self, place_id: str) -> list[Exemplar]:
        ids = [place_id, *self.descendants(place_id)]
        return _newest_first([e for i in ids for e in self.exemplars_by_place.get(i, ())])

    @catalog_query
    def notices_in(self, place_id: str) -> list[Notice]:
        ids = [place_id, *self.descendants(place_id)]
        return _newest_first([n for i in ids for n in self.notices_by_place.get(i, ())])

    @catalog_query
    def plans_from_former(self, place_id: str) -> list[Plan]:
        """Plans of the former units this place continues (current Quảng Trị: former Quảng Bình, Quảng Trị)."""
        return _newest_first([p for i in self.places.rollup_former(place_id) for p in self.plans_by_place.get(i, ())])

    @catalog_query
    def exemplars_from_former(self, place_id: str) -> list[Exemplar]:
        return _newest_first([e for i in self.places.rollup_former(place_id)
                              for e in self.exemplars_by_place.get(i, ())])

    @catalog_query
    def plans_from_successors(self, place_id: str) -> list[Plan]:
        """For a former unit: plans of the units it became (huyện Gio Linh shows what xã Gio Linh issued since)."""
        return _newest_first([p for i in self.places.rollup_today(place_id) for p in self.plans_by_place.get(i, ())])

    @catalog_query
    def exemplars_from_successors(self, place_id: str) -> list[Exemplar]:
        return _newest_first([e for i in self.places.rollup_today(place_id) for e in self.exemplars_by_place.get(i, ())])

    @catalog_query
    def movements_in(self, place_id: str) -> list[tuple[Movement, int]]:
        """Movements active in a place (cited by its plans or exemplars, before or after the merger), with the
        number of those entries citing each, most cited first."""
        entries = [*self.plans_in(place_id), *self.plans_from_former(place_id), *self.exemplars_in(place_id),
                   *self.exemplars_from_former(place_id)]
        counts: dict[str, int] = defaultdict(int)
        for entry in entries:
            for movement_id in dict.fromkeys(entry.movement_ids):
                if movement_id in self.movements:
                    counts[movement_id] += 1
        return [(self.movements[m], n) for m, n in sorted(counts.items(), key=lambda kv: (-kv[1],
                                                                                           self.movements[kv[0]].name))]

    # ----- movements ---------------------------------------------------------------------------
    @catalog_query
    def movement_family(self, movement_id: str) -> list[str]:
        """The movement and all its local variants, at any depth."""
        out, stack = [movement_id], [movement_id]
        while stack:
            for child in self.movement_children.get(stack.pop(), ()):
                out.append(child.id)
                stack.append(child.id)
        return out

    @catalog_query
    def plans_of_movement(self, movement_id: str, *, with_variants: bool = True) -> list[Plan]:
        ids = self.movement_family(movement_id) if with_variants else [movement_id]
        seen = {p.id: p for i in ids for p in self.plans_by_movement.get(i, ())}
        return _newest_first(list(seen.values()))

    @catalog_query
    def exemplars_of_movement(self, movement_id: str, *, with_variants: bool = True) -> list[Exemplar]:
        ids = self.movement_family(movement_id) if with_variants else [movement_id]
        seen = {e.id: e for i in ids for e in self.exemplars_by_movement.get(i, ())}
        return _newest_first(list(seen.values()))

    @catalog_query
    def movement_localities(self, movement_id: str) -> list[tuple[str, list[Plan]]]:
        """(place id, plans) for every locality that launched or continued the movement or a local variant."""
        grouped: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans_of_movement(movement_id):
            grouped[plan.place_id].append(plan)
        return sorted(grouped.items(), key=lambda kv: self.places.label(kv[0]))

    @catalog_query
    def related_movements(self, movement_id: str) -> list[tuple[Movement, int]]:
        """Movements cited together with this one (or its variants) in the same plans, with how many plans."""
        family = set(self.movement_family(movement_id))
        counts: dict[str, int] = defaultdict(int)
        for plan in self.plans_of_movement(movement_id):
            for other in set(plan.movement_ids) - family:
                if other in self.movements:
                    counts[other] += 1
        return [(self.movements[m], n) for m, n in sorted(counts.items(), key=lambda kv: (-kv[1],
                                                                                           self.movements[kv[0]].name))]

    @catalog_query
    def movement_ancestors(self, movement_id: str) -> list[Movement]:
        chain: list[Movement] = []
        current = self.movements.get(movement_id)
        while current and current.parent_id in self.movements and len(chain) < 20:
            current = self.movements[current.parent_id]
            chain.append(current)
        return chain


def _group(items, key) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        for k in key(item):
            grouped[k].append(item)
    return {k: _newest_first(v) if hasattr(v[0], "date") else v for k, v in grouped.items()}


def build_catalog(plans: list[Plan], exemplars: list[Exemplar], movements: list[Movement], places: PlaceRegistry,
                  build_date: dt.date, notices: Sequence[Notice] = (), workdays: WorkCalendar | None = None,
                  added: dict[str, dt.datetime] | None = None) -> Catalog:
    catalog = Catalog(
        plans={p.id: p for p in plans}, exemplars={e.id: e for e in exemplars}, movements={m.id: m for m in movements},
        places=places, build_date=build_date, notices={n.id: n for n in notices},
        workdays=workdays if workdays is not None else WorkCalendar(), added=dict(added or {}),
    )
    catalog.notices_by_place = _group(notices, lambda n: [n.place_id] if n.place_id else [])
    catalog.notices_by_exemplar = _group(notices, lambda n: list(dict.fromkeys(
        x.exemplar_id for x in n.nominees if x.exemplar_id)))
    catalog.plans_by_place = _group(plans, lambda p: [p.place_id])
    catalog.exemplars_by_place = _group(exemplars, lambda e: [e.place_id])
    catalog.plans_by_movement = _group(plans, lambda p: p.movement_ids)
    catalog.exemplars_by_movement = _group(exemplars, lambda e: e.movement_ids)
    catalog.exemplars_by_plan = _group(exemplars, lambda e: e.plan_ids)
    catalog.plans_citing_plan = _group(plans, lambda p: [d.plan_id for d in p.implements if d.plan_id])
    catalog.movement_children = {k: sorted(v, key=lambda m: m.name)
                                 for k, v in _group(movements, lambda m: [m.parent_id] if m.parent_id else []).items()}
    catalog.movements_by_place = _group(movements, lambda m: [m.place_id] if m.place_id else [])
    with_content = (set(catalog.plans_by_place) | set(catalog.exemplars_by_place) | set(catalog.movements_by_place)
                    | set(catalog.notices_by_place))
    pages: set[str] = set()
    for place_id in with_content:
        pages.add(place_id)
        pages.update(p.id for p in places.ancestors(place_id))
        # What the place and the units above it are today, with their provinces (content rolls up there).
        for unit in (place_id, *(p.id for p in places.ancestors(place_id))):
            for successor in places.successors(unit):
                pages.add(successor.id)
                pages.update(p.id for p in places.ancestors(successor.id))
    catalog.place_ids = sorted(pid for pid in pages if pid in places)
    return catalog
