"""``thidua dia-phuong TÊN``: the code (id) of any unit of the place registry, current or former, found by name.

Editors write ids (``xa-gio-linh-quang-tri``) in entry files; this finds them from what they know: a name with or
without diacritics, with or without its type ("xã Gio Linh", "gio linh quang tri"). Units that exist today come
first; a former unit says until when it existed.
"""

from __future__ import annotations

import argparse
import sys

from ..core.places import PlaceRegistry, load_registry
from ..core.vntext import fold

__all__ = ["find_units", "run_place_codes"]


def find_units(registry: PlaceRegistry, query: str, limit: int = 20) -> list[str]:
    """Ids of the units whose full label holds every word of the query (folded), current units first."""
    words = fold(query).split()
    if not words:
        return []
    hits = [pid for pid in registry.places if all(w in fold(registry.label(pid)) for w in words)]
    def order(pid: str) -> tuple:
        place = registry.places[pid]
        exact = fold(place.name) == " ".join(words) or fold(place.full_name) == " ".join(words)
        return (not place.current, not exact, registry.sort_key(pid))
    return sorted(hits, key=order)[:limit]


def _validity(registry: PlaceRegistry, place_id: str) -> str:
    place = registry.places[place_id]
    return "đang tồn tại" if place.current else f"đơn vị cũ, {registry.validity(place_id)}"


def run_place_codes(args: argparse.Namespace) -> int:
    registry = load_registry()
    query = " ".join(args.ten)
    found = find_units(registry, query, args.limit)
    if not found:
        print(f"Không tìm thấy đơn vị nào có tên “{query}”. Cách sửa: gõ ít chữ hơn (ví dụ chỉ tên riêng "
              "“gio linh”), có dấu hay không dấu đều được.", file=sys.stderr)
        return 1
    width = max(len(pid) for pid in found)
    for pid in found:
        print(f"{pid.ljust(width)}  {registry.label(pid)} ({_validity(registry, pid)})")
    return 0
