"""Matching a movement's wording, as a document quotes it, to a movement of the registry.

Shared by the build (validation of ``phong_trao[].nguyen_van``) and the importer. Localities rename national
movements ("Bố Trạch chung sức xây dựng nông thôn mới" for "Cả nước chung sức …"), documents misspell them
("Bồ Trạch"), place tone marks differently ("hoà"/"hòa"), quote them with any quote mark and dash, or cut them
short ("Bình Sơn vì người nghèo - Không để ai…"). The matcher tolerates all of that, prefers the local variant of
the wording's own locality, falls back to the national movement, and answers ``movement_id=None`` with the
candidates and a reason when it cannot decide: it never guesses.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Protocol

from .vntext import fold, normalize_tones

__all__ = ["MovementMatch", "match_movement", "normalize_wording", "ACCEPT", "MARGIN", "LOCAL_BONUS"]

ACCEPT = 0.8  # below this similarity a wording is not taken as a citation of a movement
MARGIN = 0.05  # the best movement must lead the next one (outside its own family) by this much
LOCAL_BONUS = 0.06  # a local variant of the wording's own locality outranks its national movement

# Words that stand for "the whole country / the whole province" in a movement's name, where a locality
# puts its own name ("Cả nước chung sức…" -> "Bố Trạch chung sức…", "Doanh nghiệp Việt Nam…" -> "Doanh nghiệp Hà Tĩnh…").
_GENERIC_SCOPES = ("ca nuoc", "toan quoc", "viet nam", "ca tinh", "toan tinh", "ca huyen", "toan huyen", "ca xa",
                   "toan xa")
# Leading words that say "this is a movement" and are not part of its name.
_LEADS = ("phong trao thi dua", "phong trao")
_QUOTES = re.compile("[\"'“”„‟«»‘’‚‛`]")
_DASHES = re.compile("[\u2010-\u2015\u2212-]")
_ELLIPSIS = re.compile(r"(\u2026|\.\.\.+)\s*$")
_WORD = re.compile(r"[a-z0-9]+")
_PLACE_TOKEN = "§dp"


class _MovementLike(Protocol):  # read-only: Movement and validation's frozen _MovementNames both fit
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parent_id(self) -> str: ...
    @property
    def wordings(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class MovementMatch:
    wording: str
    movement_id: str | None
    score: float
    candidates: tuple[str, ...]
    reason: str  # Vietnamese, why matched / why not


def normalize_wording(text: str) -> str:
    """Canonical tones, no quotes, one kind of dash, single spaces: how a wording is shown in reasons."""
    text = _QUOTES.sub("", normalize_tones(text or ""))
    text = _DASHES.sub(" - ", text)
    return " ".join(text.split()).strip(" .,;:-")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(fold(normalize_wording(_ELLIPSIS.sub("", text or ""))))


def _display(text: str, phrase: tuple[str, ...]) -> str:
    """The words of ``text`` that folded to ``phrase``, as written ("Bồ Trạch"), for reasons shown to people."""
    words = re.findall(r"[^\W_]+", _QUOTES.sub("", normalize_tones(text or "")))
    folded = [fold(w) for w in words]
    for i in range(len(folded)):
        if tuple(folded[i: i + len(phrase)]) == phrase:
            return " ".join(words[i: i + len(phrase)])
    return " ".join(phrase)


def _strip_lead(tokens: list[str]) -> list[str]:
    for lead in _LEADS:
        words = lead.split()
        if tokens[: len(words)] == words and len(tokens) > len(words):
            return tokens[len(words):]
    return tokens


class _Localities:
    """Locality names (folded token tuples), longest first, so "Bố Trạch" masks before "Trạch" could."""

    def __init__(self, names: Iterable[str]) -> None:
        phrases = {tuple(_tokens(n)) for n in names} | {tuple(s.split()) for s in _GENERIC_SCOPES}
        self.phrases = sorted((p for p in phrases if p), key=len, reverse=True)

    def mask(self, tokens: list[str]) -> tuple[list[str], tuple[tuple[str, ...], ...]]:
        """The tokens with every locality replaced by one placeholder, and the localities found."""
        out: list[str] = []
        found: list[tuple[str, ...]] = []
        i = 0
        while i < len(tokens):
            for phrase in self.phrases:
                if tuple(tokens[i: i + len(phrase)]) == phrase:
                    out.append(_PLACE_TOKEN)
                    found.append(phrase)
                    i += len(phrase)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out, tuple(found)


def _specific(found: tuple[tuple[str, ...], ...]) -> set[tuple[str, ...]]:
    generic = set(_GENERIC_SCOPES)
    return {p for p in found if " ".join(p) not in generic}


def _names(text: str, phrases: set[tuple[str, ...]]) -> str:
    return ", ".join(sorted(_display(text, p) for p in phrases))


@dataclass
class _Form:
    movement: _MovementLike
    text: str
    canonical: str
    tokens: list[str]
    masked: list[str]
    localities: set[tuple[str, ...]]


def _forms(movements: list[_MovementLike], localities: _Localities) -> list[_Form]:
    forms = []
    for movement in movements:
        for text in dict.fromkeys((movement.name, *movement.wordings)):
            if not text or not text.strip():
                continue
            tokens = _strip_lead(_tokens(text))
            masked, found = localities.mask(tokens)
            forms.append(_Form(movement, text, normalize_wording(text).lower(), tokens, masked, _specific(found)))
    return forms


def _inferred_localities(movements: list[_MovementLike]) -> list[str]:
    """Names a local variant puts where its parent says "Cả nước"/"Việt Nam": learnt from the registry itself."""
    by_id = {m.id: m for m in movements}
    names: list[str] = []
    generic = _Localities(())
    for movement in movements:
        parent = by_id.get(movement.parent_id or "")
        if parent is None:
            continue
        for local_text in (movement.name, *movement.wordings):
            local = _strip_lead(_tokens(local_text))
            for parent_text in (parent.name, *parent.wordings):
                masked, found = generic.mask(_strip_lead(_tokens(parent_text)))
                if not found:
                    continue
                # The parent's generic scope sits at one position; the local words there are the locality.
                at = masked.index(_PLACE_TOKEN)
                before, after = masked[:at], masked[at + 1:]
                if local[:at] != before:
                    continue
                tail = local[at:]
                # The shortest run of words after which the parent's name resumes (possibly a few words on).
                for length in (1, 2, 3, 4):
                    rest = tail[length:length + 2]
                    if len(rest) == 2 and any(after[k:k + 2] == rest for k in range(4)):
                        names.append(" ".join(tail[:length]))
                        break
    return names


def _family_root(movement: _MovementLike, by_id: dict[str, _MovementLike]) -> _MovementLike:
    seen = {movement.id}
    while movement.parent_id in by_id and movement.parent_id not in seen:
        movement = by_id[movement.parent_id]
        seen.add(movement.id)
    return movement


def _similarity(wording: list[str], form: list[str], truncated: bool) -> float:
    if truncated and len(form) > len(wording):
        # A quotation cut short is compared with the same length of the name (plus the words it may skip).
        form = form[: len(wording) + 2]
    return difflib.SequenceMatcher(None, wording, form, autojunk=False).ratio()


def match_movement(wording: str, movements: Iterable[_MovementLike], place_names: Iterable[str] = ()) -> MovementMatch:
    """The movement a quoted wording cites, or ``movement_id=None`` with candidates and the reason.

    ``place_names`` are locality names ("Bình Sơn", "Hà Tĩnh") that may replace "Cả nước"/"Việt Nam" in a
    wording; names found in the local variants of ``movements`` are added to them.
    """
    pool = list(movements)
    shown = normalize_wording(wording)
    if not _tokens(wording):
        return MovementMatch(wording, None, 0.0, (), "nguyên văn trống, không có gì để đối chiếu.")
    if not pool:
        return MovementMatch(wording, None, 0.0, (), "chưa có phong trào nào trong sổ phong trào.")
    localities = _Localities([*place_names, *_inferred_localities(pool)])
    by_id = {m.id: m for m in pool}
    forms = _forms(pool, localities)
    truncated = bool(_ELLIPSIS.search((wording or "").strip()))
    tokens = _strip_lead(_tokens(wording))
    masked, found = localities.mask(tokens)
    wording_places = _specific(found)
    key = normalize_wording(wording).lower()

    best: dict[str, tuple[float, str]] = {}

    def offer(movement: _MovementLike, score: float, why: str) -> None:
        if score > best.get(movement.id, (-1.0, ""))[0]:
            best[movement.id] = (score, why)

    for form in forms:
        name = f"“{form.text}”"
        if key == form.canonical:
            offer(form.movement, 1.0, f"trùng nguyên văn với cách gọi {name}")
        elif tokens == form.tokens:
            offer(form.movement, 0.98, f"trùng cách gọi {name} khi bỏ qua dấu thanh, hoa thường, dấu ngoặc và gạch nối")
        elif truncated and len(tokens) >= 3 and form.tokens[: len(tokens)] == tokens:
            offer(form.movement, 0.95, f"là phần đầu của cách gọi {name} (nguyên văn bị cắt bằng dấu …)")
        else:
            local_variant = bool(form.movement.parent_id) and bool(form.localities)
            if local_variant and not (form.localities & wording_places):
                # The local name of another locality: it stands for its family's national movement instead.
                target = _family_root(form.movement, by_id)
                other = _names(form.text, form.localities)
                why_prefix = f"cùng mẫu tên với cách gọi {name} của địa phương khác ({other}), quy về phong trào chung"
                bonus = 0.0
            else:
                target, why_prefix = form.movement, f"giống cách gọi {name}"
                # Same locality as the local variant: it is that locality's own campaign, not the national one.
                bonus = LOCAL_BONUS if local_variant else 0.0
                if bonus:
                    why_prefix += " của cùng địa phương"
            if masked == form.masked and _PLACE_TOKEN in masked:
                offer(target, 0.9 + bonus, f"{why_prefix} khi thay tên địa phương")
                continue
            score = min(0.97, _similarity(masked, form.masked, truncated) * 0.95 + bonus)
            offer(target, score, f"{why_prefix} (độ giống {score:.2f})")

    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    candidates = tuple(mid for mid, (score, _) in ranked[:5] if score >= ACCEPT * 0.6)
    top_id, (top_score, top_why) = ranked[0]
    if top_score < ACCEPT:
        near = "; ".join(f"{mid} ({score:.2f})" for mid, (score, _) in ranked[:3])
        return MovementMatch(wording, None, round(top_score, 3), candidates,
                             f"không phong trào nào đủ giống “{shown}” (cần từ {ACCEPT:.2f}); gần nhất: {near}. "
                             "Chọn mã phong trào đúng hoặc tạo phong trào mới.")
    top_root = _family_root(by_id[top_id], by_id).id
    rivals = [(mid, score) for mid, (score, _) in ranked[1:]
              if top_score - score < MARGIN and _family_root(by_id[mid], by_id).id != top_root]
    same_family = [(mid, score) for mid, (score, _) in ranked[1:]
                   if top_score - score < MARGIN / 5 and _family_root(by_id[mid], by_id).id == top_root]
    if rivals or same_family:
        tied = ", ".join(f"{mid} ({score:.2f})" for mid, score in [(top_id, top_score), *rivals, *same_family])
        return MovementMatch(wording, None, round(top_score, 3), candidates,
                             f"“{shown}” giống nhiều phong trào gần như nhau: {tied}. Người biên tập cần chọn mã.")
    reason = top_why
    if wording_places and by_id[top_id].parent_id == "" and top_score < 1.0:
        reason += f"; chưa có phong trào riêng của {_names(wording, wording_places)} nên gắn với phong trào chung"
    return MovementMatch(wording, top_id, round(top_score, 3), candidates, reason + ".")
