"""A normal install builds the portal: the wheel made from plugins/, installed in a fresh virtualenv with only the
dependencies it declares, builds the repository's site with --strict, the same files as the editable install.

The editable install (``-e ./plugins``) runs from the source tree and sees every package of the development
virtualenv, so it hides a file left out of the wheel or an import of an undeclared package: this test does not.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ROOT

PLUGINS = ROOT / "plugins"
PACKAGE = PLUGINS / "thidua"
# Generation scripts shipped beside their data, run by hand with their own tools, never imported by the plugin.
NOT_RUNTIME = set((PACKAGE / "core" / "data").glob("generate_*.py"))


def declared() -> list[str]:
    with (PLUGINS / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["dependencies"]


def dist_name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def third_party_imports() -> dict[str, set[str]]:
    """Top-level module -> the plugin files importing it, for every import outside the standard library."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path in NOT_RUNTIME:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "thidua":
                    found.setdefault(top, set()).add(str(path.relative_to(PLUGINS)))
    return found


def test_every_imported_package_is_declared_with_a_range_matching_the_pins():
    dists = metadata.packages_distributions()
    deps = {dist_name(r): r for r in declared()}
    undeclared = {}
    for module, files in third_party_imports().items():
        owners = {d.lower().replace("_", "-") for d in dists.get(module, [])}
        assert owners, f"{module} (imported by {sorted(files)}) is not installed in the development virtualenv"
        if not owners & set(deps):
            undeclared[module] = sorted(files)
    assert not undeclared, f"imported at run time but not in plugins/pyproject.toml's dependencies: {undeclared}"
    # requirements.txt pins exactly what pyproject declares in ranges: each pin satisfies its range.
    from packaging.requirements import Requirement

    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    for name, requirement in deps.items():
        assert name in pins, f"{name} is declared in plugins/pyproject.toml but not pinned in requirements.txt"
        assert Requirement(requirement).specifier.contains(pins[name]), (requirement, pins[name])


def tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.slow  # a wheel, a virtualenv and two builds of the portal: about a minute; .ci/run runs it
def test_wheel_installed_with_its_declared_dependencies_builds_the_portal(tmp_path):
    # Build from a copy: an in-tree build leaves build/ and *.egg-info behind in plugins/.
    source = tmp_path / "plugins"
    shutil.copytree(PLUGINS, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source)
    [wheel] = wheels.glob("mkdocs_thidua-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    # The declared ranges, resolved to requirements.txt's exact versions (constraints add no package), so the
    # site can be compared byte for byte with the development build.
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("".join(line + "\n" for line in (ROOT / "requirements.txt").read_text(encoding="utf-8")
                                   .splitlines() if not line.startswith("-e")), encoding="utf-8")
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-c", constraints, wheel)

    installed = run(python, "-c", "import thidua, sys; print(thidua.__file__)").stdout.strip()
    assert Path(installed).is_relative_to(venv), installed  # the wheel's copy, not the source tree
    listed = {d["name"].lower() for d in json.loads(run(python, "-m", "pip", "list", "--format=json").stdout)}
    assert not listed & {"pytest", "selenium", "vietnam-provinces", "icalendar"}, listed  # nothing of the dev set

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1740787200"}  # 2025-03-01
    sites = {}
    for name, mkdocs in (("wheel", venv / "bin" / "mkdocs"), ("editable", Path(sys.executable).parent / "mkdocs")):
        sites[name] = tmp_path / f"site-{name}"
        run(mkdocs, "build", "--strict", "-f", ROOT / "mkdocs.yml", "-d", sites[name], env=env, cwd=tmp_path)
    wheel_tree, editable_tree = tree(sites["wheel"]), tree(sites["editable"])
    assert {"index.html", "tra-cuu/index.html", "assets/thidua/thidua.css", "assets/thidua/search/vntext.js",
            "tra-cuu/chi-muc/index.json", "dia-phuong/index.html"} <= set(wheel_tree)
    assert sorted(wheel_tree) == sorted(editable_tree)
    assert wheel_tree == editable_tree  # same versions (the pins), same bytes
