"""The agency registry: kinds of agency that plans assign tasks to, and the many names plans use for them.

Plans call the same office by many names ("Phòng Văn hóa và Thông tin", "Phòng VH&TT", "Trang TTĐT huyện",
"BBT Website Đảng bộ Khối"). Names are compared after folding (vntext.fold), with punctuation as spaces, "&" as
"và" and the abbreviations of ``data/agencies.yaml`` spelled out. Culture and propaganda kinds mark their tasks
as propaganda tasks. Pure: the packaged YAML is read once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .vntext import fold

__all__ = ["AgencyKind", "AgencyRegistry", "AgencyMatch", "load_agencies", "normalize_name"]

DATA = Path(__file__).parent / "data" / "agencies.yaml"
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class AgencyKind:
    id: str
    label: str
    propaganda: bool
    names: tuple[str, ...]


@dataclass(frozen=True)
class AgencyMatch:
    """What an agency text names: its kinds in the order the text names them (the first is the main one)."""

    text: str
    kinds: tuple[AgencyKind, ...]

    @property
    def main(self) -> AgencyKind | None:
        return self.kinds[0] if self.kinds else None

    @property
    def propaganda(self) -> bool:
        return any(kind.propaganda for kind in self.kinds)

    @property
    def propaganda_kinds(self) -> tuple[AgencyKind, ...]:
        return tuple(kind for kind in self.kinds if kind.propaganda)


def normalize_name(text: str, abbreviations: dict[str, str] | None = None) -> str:
    """Folded words separated by single spaces, abbreviations spelled out: "Trang TTĐT" -> "trang thong tin dien tu"."""
    words = _NON_WORD.sub(" ", fold(text.replace("&", " và "))).split()
    if abbreviations:
        words = [part for word in words for part in abbreviations.get(word, word).split()]
    return " ".join(words)


class AgencyRegistry:
    def __init__(self, kinds: list[AgencyKind], abbreviations: dict[str, str]) -> None:
        self.kinds = {kind.id: kind for kind in kinds}
        self.abbreviations = abbreviations
        # Longest names first, so "Phòng Văn hóa và Thông tin" wins over "Phòng Văn hóa" at the same place.
        self._patterns = sorted(
            ((normalize_name(name, abbreviations), kind) for kind in kinds for name in kind.names),
            key=lambda pair: -len(pair[0]),
        )

    def get(self, kind_id: str) -> AgencyKind | None:
        return self.kinds.get(kind_id)

    @functools.lru_cache(maxsize=4096)
    def match(self, text: str) -> AgencyMatch:
        """Every kind the text names, ordered by where the text first names it."""
        haystack = f" {normalize_name(text, self.abbreviations)} "
        first: dict[str, int] = {}
        for pattern, kind in self._patterns:
            position = haystack.find(f" {pattern} ")
            if position >= 0 and position < first.get(kind.id, len(haystack)):
                first[kind.id] = position
        order = list(self.kinds)
        ids = sorted(first, key=lambda kid: (first[kid], order.index(kid)))
        return AgencyMatch(text, tuple(self.kinds[kid] for kid in ids))


@functools.lru_cache(maxsize=4)
def load_agencies(path: Path = DATA) -> AgencyRegistry:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    abbreviations = {str(k): str(v) for k, v in (data.get("abbreviations") or {}).items()}
    kinds = [AgencyKind(str(k["id"]), str(k["label"]), bool(k.get("tuyen_truyen")), tuple(map(str, k["names"])))
             for k in data["kinds"]]
    return AgencyRegistry(kinds, abbreviations)
