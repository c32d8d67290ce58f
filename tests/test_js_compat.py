"""The site's own JavaScript runs on the browsers Vietnamese phones run: Safari 15 and Chrome 90 and later.

Nothing newer than they support, checked in every script the site ships (and every inline script of a template):
regular-expression lookbehind (Safari 16.4), named groups and Unicode property classes (their results would also
depend on the browser's Unicode version), optional chaining and nullish operators written as such, and the few
newer built-ins (``.at()``, ``Object.hasOwn``, ``findLast``, ``structuredClone``: Safari 15.4, Chrome 92+).
Regular expressions built at run time (vntext.js builds its classes from packed ranges) are checked by running
the script under node with ``RegExp`` watched.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from test_search import VNTEXT_JS, _need_node

ASSETS = ROOT / "plugins" / "thidua" / "site" / "assets"
TEMPLATES = [ROOT / "plugins" / "thidua" / "site" / "templates", ROOT / "overrides"]

# (what, pattern) of what Safari 15 / Chrome 90 do not support, as it appears in source text.
TOO_NEW = [
    ("regular-expression lookbehind", r"\(\?<[=!]"),
    ("named capture group", r"\(\?<[A-Za-z_$]"),
    ("named back-reference", r"\\k<"),
    ("Unicode property class", r"\\[pP]\{"),
    ("optional chaining", r"\?\.(?![0-9])"),
    ("nullish operator", r"\?\?"),
    ("logical assignment", r"(?:\|\||&&)="),
    ("Array/String .at()", r"\.at\("),
    ("Object.hasOwn", r"Object\.hasOwn\b"),
    ("findLast", r"\.findLast(?:Index)?\("),
    ("structuredClone", r"\bstructuredClone\("),
    ("regular-expression flag d or v", r"new RegExp\([^;]*,\s*\"[gimsuy]*[dv]"),
]


def shipped_scripts() -> dict[str, str]:
    """The site's own scripts; vendored packages (a vendor/ folder: Decap CMS for the editors' form, from npm at
    exact versions) are their makers' builds, targeted by them, and not ours to rewrite."""
    scripts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(ASSETS.rglob("*.js"))
               if "vendor" not in p.relative_to(ASSETS).parts}
    for folder in TEMPLATES:
        for page in sorted(folder.rglob("*.html")):
            for i, body in enumerate(re.findall(r"<script\b[^>]*>(.*?)</script>", page.read_text(encoding="utf-8"),
                                                re.S)):
                if body.strip():
                    scripts[f"{page.relative_to(ROOT)} <script> {i + 1}"] = body
    return scripts


def test_the_site_ships_its_search_scripts():
    assert {"vntext.js", "rank.js", "search.js"} <= {Path(name).name for name in shipped_scripts()}


@pytest.mark.parametrize("what,pattern", TOO_NEW, ids=[w for w, _ in TOO_NEW])
def test_no_script_uses_what_safari_15_or_chrome_90_lack(what, pattern):
    found = [(name, text.count("\n", 0, m.start()) + 1, m.group(0))
             for name, text in shipped_scripts().items() for m in re.finditer(pattern, text)]
    assert found == [], f"{what}: {found}"


def test_the_checks_find_what_they_look_for():
    samples = {"regular-expression lookbehind": "/(?<![qQ])u/", "named capture group": "/(?<year>\\d+)/",
               "Unicode property class": "/\\p{L}/u", "optional chaining": "a?.b", "nullish operator": "a ?? b",
               "Array/String .at()": "xs.at(-1)", "regular-expression flag d or v": 'new RegExp(s, "gd");'}
    for what, pattern in TOO_NEW:
        if what in samples:
            assert re.search(pattern, samples[what]), what
    assert not re.search(TOO_NEW[4][1], "a ? .5 : b")


_WATCH = r"""
const seen = [];
const Native = RegExp;
global.RegExp = new Proxy(Native, {
  construct(target, args) { seen.push([String(args[0] instanceof Native ? args[0].source : args[0]), String(args[1] || "")]); return new target(...args); },
  apply(target, self, args) { seen.push([String(args[0]), String(args[1] || "")]); return target(...args); },
});
const v = require(process.argv[1]);
for (const x of ["Hoà Bình", "thuỷ", "Nghe\u0301 An", "195/KH-UBND", "ΟΔΟΣ"]) {
  v.fold(x); v.canonical(x); v.normalizeTones(x); v.words(x); v.isWordChar(x.charAt(0));
}
console.log(JSON.stringify(seen));
"""


def test_regular_expressions_built_at_run_time_are_old_enough():
    done = subprocess.run([_need_node(), "-e", _WATCH, str(VNTEXT_JS)], capture_output=True, text=True, check=True)
    built = json.loads(done.stdout)
    assert len(built) >= 5  # the classes, the tone rules, the word pattern
    for source, flags in built:
        assert set(flags) <= set("gimuy"), (source, flags)
        for what, pattern in TOO_NEW[:4]:
            assert not re.search(pattern, source), (what, source[:200])
