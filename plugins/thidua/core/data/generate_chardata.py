"""Generate the character data Python and the browser share, from ONE pinned Unicode version.

Python's ``unicodedata`` is the Unicode version of the running Python (3.11: 14.0, 3.12: 15.0, 3.13: 15.1) and a
browser's Unicode property classes, ``normalize`` and ``toLowerCase`` are the browser's. The search must turn a word into the same
term in the build and in every browser, so both sides take what they need from tables generated here:

* for Python (``thidua/core/chardata.py``) and JavaScript alike, three character classes over all of Unicode:
  word characters (Python's ``[^\\W_]``), letters (``[^\\W\\d_]``) and combining marks (canonical combining class
  not 0, what folding drops);
* for JavaScript only (``vntext.js``, between its GENERATED markers), the normalisation and lower-case data of the
  range it handles itself (Latin, combining diacritics, Latin Extended Additional, general punctuation, currency
  signs: all of Vietnamese): one-step canonical decompositions, composition exclusions, combining classes and
  lower-case mappings. Outside that range the browser's own functions are used; Python keeps ``unicodedata`` for
  NFC and ``str.lower`` (the Unicode stability policy keeps an assigned character's normalisation, and these
  tests check its case mapping in the range, the same in every supported Python).

Run with the Python whose Unicode version is pinned below (3.13), or with ``unicodedata2`` of that version:

    /root/.pyenv/versions/3.13.0/bin/python plugins/thidua/core/data/generate_chardata.py [--check]

``--check`` writes nothing and exits 1 when a generated file differs from what it would write.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

UNICODE_VERSION = "15.1.0"
HANDLED = [(0x0000, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF)]

HERE = Path(__file__).resolve().parent
PY_OUT = HERE.parent / "chardata.py"
JS_OUT = HERE.parent.parent / "site" / "assets" / "search" / "vntext.js"
JS_BEGIN = "  // BEGIN GENERATED"
JS_END = "  // END GENERATED"


def unicode_data():
    try:
        import unicodedata2 as ucd
        if ucd.unidata_version == UNICODE_VERSION:
            return ucd
    except ImportError:
        pass
    import unicodedata as ucd
    if ucd.unidata_version != UNICODE_VERSION:
        sys.exit(f"Unicode {UNICODE_VERSION} is pinned; this Python has {ucd.unidata_version}. Run with Python 3.13 "
                 f"or install unicodedata2=={UNICODE_VERSION}.")
    return ucd


def ranges(predicate) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or not predicate(chr(cp)):
            continue
        if found and found[-1][1] == cp - 1:
            found[-1] = (found[-1][0], cp)
        else:
            found.append((cp, cp))
    return found


def py_class(spans: list[tuple[int, int]]) -> str:
    def one(cp: int) -> str:
        return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"
    return "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in spans)


def js_ranges(spans: list[tuple[int, int]]) -> str:
    """Ranges packed for JavaScript: "gap.length" pairs in base 36, each gap from the end of the range before (a
    third of the size of a class of \\u{...} escapes); vntext.js unpacks them into a regular-expression class."""
    def b36(n: int) -> str:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        out = ""
        while True:
            n, r = divmod(n, 36)
            out = digits[r] + out
            if not n:
                return out
    packed, end = [], -1
    for a, b in spans:
        packed.append(f"{b36(a - end - 1)}.{b36(b - a)}")
        end = b
    return ",".join(packed)


def js_string(text: str) -> str:
    """A JavaScript string literal: printable letters as they are, marks, controls and quotes escaped."""
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in '"\\' or cp < 0x20 or cp >= 0x7F and (cp <= 0xA0 or 0x0300 <= cp <= 0x036F or 0x2000 <= cp <= 0x206F):
            out.append(f"\\u{cp:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def generate() -> tuple[str, str]:
    ucd = unicode_data()

    def is_alnum(ch: str) -> bool:  # str.isalnum() from the pinned data, whatever Python runs this
        return ucd.category(ch) in ("Lu", "Ll", "Lt", "Lm", "Lo") or ucd.numeric(ch, None) is not None

    def is_letter(ch: str) -> bool:  # [^\W\d_]: alphanumeric but not a decimal digit (Nd)
        return is_alnum(ch) and ucd.category(ch) != "Nd"

    word, letter = ranges(is_alnum), ranges(is_letter)
    combining = ranges(lambda ch: ucd.combining(ch) > 0)
    digits = ranges(lambda ch: ucd.category(ch) == "Nd")
    assert ranges(lambda ch: is_alnum(ch) and ucd.category(ch) != "Nd") == letter

    handled = [chr(cp) for a, b in HANDLED for cp in range(a, b + 1)]
    in_range = set(handled)
    decompositions, exclusions, classes, lower = [], [], [], []
    for ch in handled:
        raw = ucd.decomposition(ch)
        if raw and not raw.startswith("<"):  # canonical, one step
            parts = "".join(chr(int(h, 16)) for h in raw.split())
            assert set(parts) <= in_range, (ch, parts)
            decompositions.append(ch + parts)
            if len(parts) == 2 and ucd.normalize("NFC", ch) != ch:
                exclusions.append(ch)
            if len(parts) == 2 and ucd.normalize("NFC", ch) == ch:
                assert 0x0300 <= ord(parts[1]) <= 0x036F, ch  # compositions in range: a letter and a mark
        if ucd.combining(ch):
            classes.append(f'"\\u{ord(ch):04x}": {ucd.combining(ch)}')
        if ch.lower() != ch:
            lower.append(ch + ch.lower())
    if ucd.unidata_version == sys.modules["unicodedata"].unidata_version:
        assert all(is_alnum(chr(cp)) == chr(cp).isalnum() for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)

    py = f'''"""Character classes from Unicode {UNICODE_VERSION}, generated by core/data/generate_chardata.py: do not edit.

The same classes are in site/assets/search/vntext.js, so the build and the browser split and fold text alike,
whatever Unicode version the running Python or the browser has.
"""

UNICODE_VERSION = "{UNICODE_VERSION}"
# Python's [^\\W_] (str.isalnum): letters and digits of every script.
WORD = "{py_class(word)}"
# Python's [^\\W\\d_]: WORD without decimal digits.
LETTER = "{py_class(letter)}"
# Canonical combining class not 0 (unicodedata.combining): the marks folding drops.
COMBINING = "{py_class(combining)}"
'''
    js = "\n".join([
        f"{JS_BEGIN} by plugins/thidua/core/data/generate_chardata.py from Unicode {UNICODE_VERSION}: do not edit.",
        f'  var UNICODE_VERSION = "{UNICODE_VERSION}";',
        "  // Character classes as chardata.py's: letters and digits, decimal digits (a letter is a word character",
        "  // that is not one), combining marks. Packed ranges: see classOf below.",
        f'  var WORD_RANGES = "{js_ranges(word)}";',
        f'  var DIGIT_RANGES = "{js_ranges(digits)}";',
        f'  var COMBINING_RANGES = "{js_ranges(combining)}";',
        "  // The range normalised and lower-cased with the tables below rather than the browser's functions.",
        f'  var HANDLED_RANGES = "{js_ranges(HANDLED)}";',
        "  // |-separated: a character and its one-step canonical decomposition.",
        f"  var DECOMPOSITIONS = {js_string('|'.join(decompositions))};",
        "  // Characters with a two-character decomposition that NFC never composes again.",
        f"  var EXCLUSIONS = {js_string(''.join(exclusions))};",
        "  // The canonical combining class of each mark in the range.",
        f"  var CLASSES = {{{', '.join(classes)}}};",
        "  // |-separated: a character and its lower case (full mapping, as str.lower and toLowerCase).",
        f"  var LOWER = {js_string('|'.join(lower))};",
        JS_END,
    ])
    return py, js


def main(argv: list[str]) -> int:
    check = "--check" in argv
    py, js_block = generate()
    js_text = JS_OUT.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(JS_BEGIN) + r".*?" + re.escape(JS_END), re.S)
    assert pattern.search(js_text), f"{JS_OUT} has no GENERATED block"
    js = pattern.sub(lambda m: js_block, js_text, count=1)
    stale = [p for p, text in ((PY_OUT, py), (JS_OUT, js)) if not p.exists() or p.read_text(encoding="utf-8") != text]
    if check:
        for p in stale:
            print(f"{p} is not what {Path(__file__).name} generates from Unicode {UNICODE_VERSION}")
        return 1 if stale else 0
    for p, text in ((PY_OUT, py), (JS_OUT, js)):
        p.write_text(text, encoding="utf-8")
    print(f"wrote {PY_OUT} and the generated block of {JS_OUT} (Unicode {UNICODE_VERSION})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
