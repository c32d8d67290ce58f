"""The /dia-phuong/ overview: the tree of places with content, arranged by today's provinces, and the
proportional chart of entries per province. Pure functions of the catalog; the template draws them.

A current province gathers its communes and, under "trước 01/7/2025", the former provinces it continues with
their districts. A province that was not merged is one unit: its former districts sit under itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.catalog import Catalog

__all__ = ["PlaceNode", "place_tree", "ProvinceBar", "province_chart"]


@dataclass
class PlaceNode:
    place_id: str
    plans: int
    exemplars: int
    children: list["PlaceNode"] = field(default_factory=list)  # units below, of the same period
    former: list["PlaceNode"] = field(default_factory=list)  # former units this one continues

    @property
    def total(self) -> int:
        return self.plans + self.exemplars


def _leaf(catalog: Catalog, place_id: str) -> PlaceNode:
    return PlaceNode(place_id, len(catalog.plans_in(place_id)), len(catalog.exemplars_in(place_id)))


def _with_children(catalog: Catalog, place_id: str, current: bool) -> list[PlaceNode]:
    pages = set(catalog.place_ids)
    kids = [p for p in catalog.places.children(place_id) if p.id in pages and p.current == current]
    return [_leaf(catalog, p.id) for p in sorted(kids, key=lambda p: catalog.places.sort_key(p.id))]


def place_tree(catalog: Catalog) -> list[PlaceNode]:
    """Today's provinces that have a page, each with its communes and the former units it continues."""
    places, pages = catalog.places, set(catalog.place_ids)
    roots = [pid for pid in catalog.place_ids if places.places[pid].level == "tinh" and places.places[pid].current]
    tree: list[PlaceNode] = []
    for pid in sorted(roots, key=places.sort_key):
        node = PlaceNode(pid, len(catalog.plans_in(pid)) + len(catalog.plans_from_former(pid)),
                         len(catalog.exemplars_in(pid)) + len(catalog.exemplars_from_former(pid)),
                         children=_with_children(catalog, pid, current=True))
        former_here = _with_children(catalog, pid, current=False)
        if former_here:  # not merged: its former districts are its own children
            node.former.append(PlaceNode(pid, sum(n.plans for n in former_here), sum(n.exemplars for n in former_here),
                                         children=former_here))
        for unit in places.former_units(pid):
            if unit.id in pages:
                leaf = _leaf(catalog, unit.id)
                leaf.children = _with_children(catalog, unit.id, current=False)
                node.former.append(leaf)
        tree.append(node)
    return tree


@dataclass(frozen=True)
class ProvinceBar:
    place_id: str
    plans: int
    exemplars: int
    plans_pct: float  # width of each segment, in percent of the longest bar
    exemplars_pct: float


def province_chart(tree: list[PlaceNode]) -> list[ProvinceBar]:
    """One bar per province, longest first: plans and exemplars, proportional to the province with most."""
    longest = max((n.total for n in tree), default=0) or 1
    rows = sorted(tree, key=lambda n: (-n.total, n.place_id))
    return [ProvinceBar(n.place_id, n.plans, n.exemplars, round(100 * n.plans / longest, 2),
                        round(100 * n.exemplars / longest, 2)) for n in rows]
