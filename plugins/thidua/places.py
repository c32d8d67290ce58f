"""The registry of administrative units, before and after 1 July 2025, with successor links.

A place is identified by its registry id; name and code together only help editors find that id.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Place
from .vntext import fold

__all__ = ["PlaceRegistry", "load_registry"]

DATA = Path(__file__).parent / "data"


@dataclass
class PlaceRegistry:
    places: dict[str, Place]
    version: str = ""
    source: str = ""
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        children: dict[str, list[str]] = defaultdict(list)
        for place in self.places.values():
            if place.parent_id:
                children[place.parent_id].append(place.id)
        self._children = dict(children)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.places

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def children(self, place_id: str) -> list[Place]:
        return [self.places[i] for i in self._children.get(place_id, ())]

    def ancestors(self, place_id: str) -> list[Place]:
        """Parents from the nearest up to the province."""
        chain: list[Place] = []
        place = self.places.get(place_id)
        while place and place.parent_id and place.parent_id in self.places:
            place = self.places[place.parent_id]
            chain.append(place)
        return chain

    def successors(self, place_id: str) -> list[Place]:
        place = self.places.get(place_id)
        return [self.places[i] for i in place.successor_ids if i in self.places] if place else []

    def predecessors(self, place_id: str) -> list[Place]:
        place = self.places.get(place_id)
        return [self.places[i] for i in place.predecessor_ids if i in self.places] if place else []

    def label(self, place_id: str) -> str:
        """"Huyện Bố Trạch, Tỉnh Quảng Bình": the unit and the units above it, as it was."""
        place = self.places.get(place_id)
        if place is None:
            return place_id
        names = [place.full_name] + [p.full_name.replace("Tỉnh", "tỉnh").replace("Thành phố", "thành phố")
                                     for p in self.ancestors(place_id)]
        return ", ".join(names)

    def closest_ids(self, wrong: str, limit: int = 3) -> list[str]:
        """Ids whose folded form shares the most words with a mistyped id (for suggestions)."""
        import difflib

        folded = {fold(pid): pid for pid in self.places}
        return [folded[m] for m in difflib.get_close_matches(fold(wrong), list(folded), n=limit, cutoff=0.6)]


def _place_from_record(record: dict) -> Place:
    return Place(
        id=record["id"], code=str(record.get("code", "")), level=record["level"], type_name=record["type"],
        name=record["name"], parent_id=record.get("parent", ""), valid_from=str(record.get("valid_from", "")),
        valid_to=str(record.get("valid_to", "")), successor_ids=tuple(record.get("successors", ())),
        predecessor_ids=tuple(record.get("predecessors", ())), note=record.get("note", ""),
    )


def load_registry(extra: Path | None = None) -> PlaceRegistry:
    """The packaged registry, plus the site's own additions (a YAML file of the same shape) if given."""
    data = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    records = list(data["places"])
    if extra is not None and extra.exists():
        records += yaml.safe_load(extra.read_text(encoding="utf-8")).get("places", [])
    places = {r["id"]: _place_from_record(r) for r in records}
    # Predecessor links are derived so the data states each change once.
    derived: dict[str, list[str]] = defaultdict(list)
    for place in places.values():
        for successor in place.successor_ids:
            derived[successor].append(place.id)
    for pid, preds in derived.items():
        if pid in places:
            place = places[pid]
            merged = tuple(dict.fromkeys(place.predecessor_ids + tuple(preds)))
            places[pid] = Place(**{**place.__dict__, "predecessor_ids": merged})
    return PlaceRegistry(places, version=str(data.get("version", "")), source=str(data.get("source", "")))
