"""Vietnamese text: Unicode normalisation, tone-mark placement, diacritic folding, slugs.

Every comparison of Vietnamese words in the project goes through this module so that the build,
the CLI, the importer and the search index agree on what "the same word" means.
"""

from __future__ import annotations

import re
import unicodedata

from . import chardata

__all__ = ["heading_slug", "nfc", "normalize_tones", "fold", "slugify", "canonical", "words", "CONTROL_CHARS", "strip_controls"]

# Characters that have no business in editor text: C0 controls but tab, LF and CR; DEL; C1 controls; the
# Unicode line and paragraph separators (YAML and Python count them as line breaks, editors cannot see them);
# non-characters; lone surrogates (only reachable through escapes such as "\ud800"). ``thidua check`` refuses
# them; writers of XML, iCalendar and the like drop them as well.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """``text`` without :data:`CONTROL_CHARS`."""
    return CONTROL_CHARS.sub("", text)


# Tone marks that the two spelling conventions place differently in open syllables
# ("hoà" / "hòa", "thuỷ" / "thủy"). We keep the form used by official documents.
_TONED_A = "àáảãạ"
_TONED_E = "èéẻẽẹ"
_TONED_Y = "ỳýỷỹỵ"
_TONED_O = "òóỏõọ"
_TONED_U = "ùúủũụ"
# A letter as [^\W\d_] sees it, from Unicode as chardata.py pins it (not the running Python's): vntext.js has the
# same class, so both sides move the same tone marks whatever their Unicode versions.
_LETTER = f"[{chardata.LETTER}]"

_OA = re.compile(rf"([oO])([{_TONED_A}{_TONED_E}{_TONED_A.upper()}{_TONED_E.upper()}])(?!{_LETTER})")
_UY = re.compile(rf"(?<![qQ])([uU])([{_TONED_Y}{_TONED_Y.upper()}])(?!{_LETTER})")


def nfc(text: str) -> str:
    """Compose combining marks: documents converted from PDF or Word mix NFC and NFD."""
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match[str], targets: str) -> str:
    first, toned = match.group(1), match.group(2)
    lower = toned.lower()
    for plain, row in (("a", _TONED_A), ("e", _TONED_E), ("y", _TONED_Y)):
        if lower in row:
            tone = row.index(lower)
            moved = targets[tone]
            base = plain.upper() if toned.isupper() else plain
            return (moved.upper() if first.isupper() else moved) + base
    return match.group(0)


def normalize_tones(text: str) -> str:
    """NFC, then put the tone mark where official documents put it ("hoà" -> "hòa", "thuỷ" -> "thủy")."""
    text = nfc(text)
    text = _OA.sub(lambda m: _move_tone(m, _TONED_O), text)
    return _UY.sub(lambda m: _move_tone(m, _TONED_U), text)


# The marks fold drops (canonical combining class not 0), as chardata.py pins them and vntext.js drops them.
_COMBINING = re.compile(f"[{chardata.COMBINING}]")


def fold(text: str) -> str:
    """Lower case without diacritics, đ -> d: what people type on a phone without a Vietnamese keyboard."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed)).lower()


def canonical(text: str) -> str:
    """Lower case, NFC, tone marks in one place and white space collapsed: for exact comparison."""
    return " ".join(normalize_tones(text).lower().split())


_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII slug for ids and addresses: "Huyện Bố Trạch" -> "huyen-bo-trach"."""
    return _NON_WORD.sub("-", fold(text)).strip("-")


def heading_slug(value: str, separator: str = "-") -> str:
    """Markdown's toc ``slugify``: Python-Markdown's own rule (NFKD, ASCII, ``\\w``, lower case), but with đ -> d.

    The stock rule drops "đ" (it has no decomposition): "Đề nghị" became "e-nghi". Named in mkdocs.yml as
    ``toc: slugify: !!python/name:thidua.core.vntext.heading_slug``.
    """
    ascii_text = fold(value).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"[^\w\s-]", "", ascii_text).strip()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, ascii_text)


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Words of a text, NFC and tone-normalised, lower case."""
    return _WORD.findall(canonical(text))
