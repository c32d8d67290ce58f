"""Which registry place issued a plan: the unit the issuer names, as it was on the date, in the document's province.

Never by name alone: the unit type must agree ("huyện Bố Trạch" is not "xã Bố Trạch"), the unit must have existed
on the issue date, and when several remain the province the issuer or the text names must pick one. Otherwise the
answer is empty with the candidates, for the editor to choose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...core.dates import DateValue
from ...core.model import Place
from ...core.places import PlaceRegistry
from ...core.vntext import canonical

__all__ = ["PlaceFinding", "find_place"]

_UNIT = re.compile(r"(?<!\w)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?!ủy\b)"
                   r"((?:[^\s,;.()]+)(?:\s+[^\s,;.()]+){0,4})")
_COMMITTEE = {"tỉnh ủy": "tỉnh", "huyện ủy": "huyện", "thành ủy": "thành phố", "quận ủy": "quận", "thị ủy": "thị xã"}
_COMMITTEE_RE = re.compile(r"(?<!\w)(tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy)\s+((?:[^\s,;.()]+)(?:\s+[^\s,;.()]+){0,4})")
# Bodies that sit at province level without naming the province in their own name.
_PROVINCIAL = re.compile(r"(?<!\w)(đảng ủy khối|khối các cơ quan|sở\s|ban thi đua\s*-?\s*khen thưởng tỉnh|tỉnh ủy|"
                         r"ủy ban nhân dân tỉnh|hội đồng nhân dân tỉnh|tỉnh đoàn|liên đoàn lao động tỉnh)")
_STOP = {"ban", "hành", "phát", "động", "về", "và", "của", "năm", "lần", "thứ", "nhiệm", "kỳ", "giai", "đoạn"}


@dataclass
class PlaceFinding:
    place_id: str = ""
    note: str = ""  # how it was found, for the editor to confirm
    problem: str = ""  # why it is empty
    candidates: list[str] = field(default_factory=list)


def _valid_on(place: Place, date: DateValue) -> bool:
    if not date.known or date.start() is None:
        return True
    start, end = date.start().isoformat(), date.end().isoformat()
    return (not place.valid_from or place.valid_from <= end) and (not place.valid_to or place.valid_to >= start)


def _units(text: str) -> list[tuple[str, str]]:
    """(unit type, name words) named in a text, e.g. ("huyện", "bố trạch")."""
    low = canonical(text)
    found = [(m[1], m[2]) for m in _UNIT.finditer(low)]
    found += [(_COMMITTEE[m[1]], m[2]) for m in _COMMITTEE_RE.finditer(low)]
    return found


def _matches(registry: PlaceRegistry, unit: str, words: str, date: DateValue) -> list[Place]:
    """Places of that type whose name is the longest prefix of ``words``, valid on the date."""
    tokens = [w for w in words.split()]
    for length in range(min(len(tokens), 4), 0, -1):
        name = " ".join(tokens[:length])
        if tokens[length - 1] in _STOP:
            continue
        hits = [p for p in registry.named(f"{unit} {name}") if canonical(p.name) == name and _valid_on(p, date)]
        if hits:
            return hits
    return []


def _province(registry: PlaceRegistry, place: Place) -> Place | None:
    chain = [place, *registry.ancestors(place.id)]
    return next((p for p in chain if p.level == "tinh"), None)


def _named_provinces(registry: PlaceRegistry, text: str, date: DateValue) -> Counter:
    """How often the text names each province (by its name, after "tỉnh" or alone), valid on the date."""
    low = canonical(text)
    counts: Counter = Counter()
    for place in registry.at_level("tinh"):
        if not _valid_on(place, date):
            continue
        # A city province only counts with its type: "Hồ Chí Minh" alone is the President's name in these texts.
        prefix = r"(?:thành phố|tp\.?)\s+" if canonical(place.type_name) == "thành phố" else ""
        n = len(re.findall(rf"(?<!\w){prefix}{re.escape(canonical(place.name))}(?!\w)", low))
        if n:
            counts[place.id] = n
    return counts


def find_place(registry: PlaceRegistry, issuer: str, parent_issuer: str, text: str, date: DateValue) -> PlaceFinding:
    context = _named_provinces(registry, f"{parent_issuer} {text}", date)
    for source in (issuer, parent_issuer):
        for unit, words in _units(source):
            hits = _matches(registry, unit, words, date)
            if not hits:
                continue
            if len(hits) > 1:
                parent_named = {p.id for p in hits if (prov := _province(registry, p)) and prov.id in context}
                narrowed = [p for p in hits if p.id in parent_named]
                if len(narrowed) == 1:
                    hits = narrowed
                elif len(hits) > 1:  # former communes of one name in one province: the district the text names
                    where = canonical(f"{parent_issuer} {text[:3000]}")
                    by_district = [p for p in (narrowed or hits) if (d := registry.get(p.parent_id)) and d.level == "huyen"
                                   and re.search(rf"(?<!\w){re.escape(canonical(d.full_name))}(?!\w)", where)]
                    if len(by_district) == 1:
                        hits = by_district
            if len(hits) == 1:
                place = hits[0]
                how = "tên cơ quan ban hành" if source is issuer else "tên cơ quan chủ quản"
                note = ("" if source is issuer and date.known
                        else f"địa phương “{registry.label(place.id)}” tìm theo {how}"
                             + ("" if date.known else " (văn bản không ghi ngày, chưa đối chiếu được thời điểm)"))
                return PlaceFinding(place.id, note)
            return PlaceFinding(problem=f"có {len(hits)} đơn vị “{unit} {words}” trong sổ địa phương; "
                                        "chọn một mã đúng với thời điểm ban hành",
                                candidates=[p.id for p in hits])
    if _PROVINCIAL.search(canonical(f"{issuer} {parent_issuer} {text[:3000]}")) and context:
        ranked = context.most_common()
        best, count = ranked[0]
        same_name = [pid for pid in context if canonical(registry.places[pid].name)
                     == canonical(registry.places[best].name)]
        if (len(ranked) == 1 or count >= 2 * ranked[1][1]) and len(same_name) == 1:
            place = registry.places[best]
            return PlaceFinding(best, f"cơ quan ban hành cấp tỉnh không ghi tên tỉnh; chọn “{registry.label(best)}” vì "
                                      f"văn bản nhắc tới {count} lần — hãy xác nhận")
        return PlaceFinding(problem="cơ quan ban hành cấp tỉnh không ghi tên tỉnh và văn bản nhắc nhiều tỉnh "
                                    "hoặc tỉnh đã đổi (không rõ ngày ban hành)",
                            candidates=[pid for pid, _ in ranked[:4]])
    # A unit named but not existing on the document's date ("xã Gio Linh" in 2024): offer the units of that name,
    # former and current, with their provinces and validity, for the editor to choose.
    on = date.start().isoformat() if date.known and date.start() is not None else ""
    named = [f"{unit} {' '.join(w for w in words.split()[:4] if w not in _STOP)}" for unit, words in _units(issuer)]
    options = list(dict.fromkeys(o for n in named for o in registry.suggestions(n, on=on)))
    if options:
        return PlaceFinding(problem="tên đơn vị trong cơ quan ban hành không khớp đơn vị nào tồn tại vào ngày ban hành; "
                                    "các đơn vị cùng tên: " + "; ".join(options[:6]),
                            candidates=[o.split(" ", 1)[0] for o in options[:6]])
    return PlaceFinding(problem="không xác định được địa phương từ tên cơ quan ban hành")
