"""The editor's guide documents every front-matter key, with an example that itself passes validation; the
developer notes name files that exist."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from thidua.core.loader import load
from thidua.core.schema import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"


def _keys(fields, prefix=""):
    for field in fields:
        yield field.key
        yield from _keys(field.fields)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_key_is_documented(kind):
    text = GUIDE.read_text(encoding="utf-8")
    missing = [key for key in _keys(SCHEMAS[kind]) if not re.search(rf"\b{key}:", text)]
    assert missing == [], f"keys of {kind} missing from the editor's guide: {missing}"


def test_guide_examples_pass_validation(tmp_path):
    """The exemplar and movement examples of the guide, copied as an editor would, are valid entries."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(---\n.*?\n---\n.*?)```", text, flags=re.S)
    shutil.copytree(ROOT / "movements", tmp_path / "movements")
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "exemplars").mkdir()
    exemplar = next(b for b in blocks if "doi_tuong:" in b).replace('anh: "anh/nguyen-van-a.jpg"', 'anh: ""')
    movement = next(b for b in blocks if "phong_trao_cha:" in b)
    (tmp_path / "exemplars" / "vi-du.md").write_text(exemplar, encoding="utf-8")
    (tmp_path / "movements" / "vi-du-phong-trao.md").write_text(movement, encoding="utf-8")
    result = load(tmp_path)
    assert result.ok, [d.format() for d in result.diagnostics]


def test_performance_notes_name_files_that_exist():
    """PERFORMANCE.md tells what not to simplify, by file: a moved or renamed file must be followed there."""
    root = Path(__file__).resolve().parent.parent
    text = (root / "PERFORMANCE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:core|features|site|editor|bench|tests)/[\w/.-]+\.(?:py|js|html))`", text))
    named |= set(re.findall(r"`(site/templates/thidua/)`", text))
    assert len(named) > 15
    missing = [n for n in sorted(named)
               if not (root / "plugins" / "thidua" / n).exists() and not (root / n).exists()]
    assert not missing, missing
