"""The package's layers import one way: core <- features <- site, core <- editor; the core imports no MkDocs or Jinja."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "plugins" / "thidua"
LAYERS = ("core", "features", "site", "editor")
# What each layer may import of the package's other layers.
ALLOWED = {"core": set(), "features": {"core"}, "site": {"core", "features"}, "editor": {"core"}}
FOREIGN_BANNED = {"core": ("mkdocs", "jinja2", "markupsafe", "material"), "features": ("mkdocs", "jinja2", "material"),
                  "editor": ("mkdocs", "jinja2", "material")}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted module) of every import in the file, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    package = parts if parts[-1] == "__init__" else parts[:-1]
    if package and package[-1] == "__init__":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                if not node.module:
                    found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
                    continue
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def _modules(layer: str) -> list[Path]:
    return sorted((PKG / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_imports_flow_one_way(layer):
    wrong = []
    for path in _modules(layer):
        for line, name in _imports(path):
            bits = name.split(".")
            if bits[0] == "thidua" and len(bits) > 1 and bits[1] in LAYERS and bits[1] != layer:
                if bits[1] not in ALLOWED[layer]:
                    wrong.append(f"{path.relative_to(PKG)}:{line} imports {name}")
            if bits[0] in FOREIGN_BANNED.get(layer, ()):
                wrong.append(f"{path.relative_to(PKG)}:{line} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_every_module_sits_in_a_layer():
    flat = sorted(p.name for p in PKG.glob("*.py"))
    assert flat == ["__init__.py", "cli.py"], flat


def test_the_check_catches_a_core_module_importing_mkdocs(tmp_path, monkeypatch):
    """The check above is not vacuous: a core module that imports MkDocs is reported."""
    bad = PKG / "core" / "_layout_probe.py"
    bad.write_text("from mkdocs.plugins import BasePlugin\nfrom ..site import plugin\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError) as caught:
            test_layer_imports_flow_one_way("core")
        assert "imports mkdocs.plugins" in str(caught.value) and "imports thidua.site" in str(caught.value)
    finally:
        bad.unlink()
