"""``thidua remove-samples``: the going-live step. Removes every entry marked ``du_lieu_mau: true`` and what points to it.

What points to a sample, in entries that stay: an exemplar's ``ke_hoach`` naming a sample plan, a plan's
``can_cu[].ke_hoach`` naming one. Those references are taken out of the files (only that line or that list item; the
rest of the file, the signed text above all, is not touched). A sample exemplar's photo goes with it unless an
entry that stays uses the same file. A link to a sample page in the hand-written pages (``docs/``) cannot be edited
safely: it is reported as ``file:line`` and nothing is removed until it is fixed. Then ``thidua check`` runs on what
is left: the command ends only on a project that builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostic
from ..core.frontmatter import RawEntry
from ..core.loader import ContentDirs, load
from ..core.model import KIND_EXEMPLAR, KIND_PLAN

__all__ = ["SamplePlan", "plan_removal", "apply_removal"]

_URL_DIR = {KIND_PLAN: "ke-hoach", KIND_EXEMPLAR: "guong"}


@dataclass
class SamplePlan:
    """What the command will do, worked out before anything is changed."""

    remove: list[Path] = field(default_factory=list)  # entry files and photos
    edits: dict[Path, dict[int, str | None]] = field(default_factory=dict)  # file -> {line number: new text or None}
    problems: list[Diagnostic] = field(default_factory=list)
    samples: list[RawEntry] = field(default_factory=list)


def _is_sample(entry: RawEntry) -> bool:
    return entry.meta.get("du_lieu_mau") is True


def _edit_reference(root: Path, entry: RawEntry, key_path: str, sample_id: str, plan: SamplePlan) -> None:
    """Take ``sample_id`` out of the line ``key_path`` is on: a block list item, a flow list, or a scalar."""
    path = root / entry.path
    number = entry.line_of(key_path)
    lines = plan.edits.setdefault(path, {})
    text = lines.get(number, path.read_text(encoding="utf-8").splitlines()[number - 1])
    if text is None:
        return
    quoted = rf"""(?P<q>["']?){re.escape(sample_id)}(?P=q)"""
    item = re.fullmatch(rf"\s*-\s+{quoted}\s*(#.*)?", text)
    flow = re.fullmatch(r"(\s*[\w]+:\s*)\[(.*)\](\s*(#.*)?)", text)
    scalar = re.fullmatch(rf"(?P<lead>\s*(?:-\s+)?)[\w]+:\s*{quoted}\s*(#.*)?", text)
    if item:
        lines[number] = None
    elif flow:
        kept = [x.strip() for x in flow.group(2).split(",") if x.strip().strip("\"'") != sample_id and x.strip()]
        lines[number] = f"{flow.group(1)}[{', '.join(kept)}]{flow.group(3)}"
    elif scalar and not scalar.group("lead").strip():
        lines[number] = None
    else:
        plan.problems.append(Diagnostic(entry.path, number, key_path.split("[")[0],
                                        f"không tự xóa được mã “{sample_id}” của dữ liệu mẫu khỏi dòng này.",
                                        f"xóa mã “{sample_id}” bằng tay rồi chạy lại lệnh."))


def plan_removal(root: Path, dirs: ContentDirs, docs_dir: Path | None) -> SamplePlan:
    result = load(root, dirs)
    plan = SamplePlan()
    if not result.ok:
        plan.problems += result.errors
        return plan
    plan.samples = [e for e in result.raw if _is_sample(e)]
    sample_ids = {(e.kind, e.id) for e in plan.samples}
    sample_plans = {i for k, i in sample_ids if k == KIND_PLAN}
    staying = [e for e in result.raw if not _is_sample(e)]
    for entry in plan.samples:
        plan.remove.append(root / entry.path)
    # Photos: a sample's photo goes unless an entry that stays shows the same file.
    kept_photos = {((root / e.path).parent / e.meta["anh"]).resolve() for e in staying if e.meta.get("anh")}
    for entry in plan.samples:
        if entry.meta.get("anh"):
            photo = ((root / entry.path).parent / str(entry.meta["anh"])).resolve()
            if photo.is_file() and photo not in kept_photos:
                plan.remove.append(photo)
    for entry in staying:
        if entry.kind == KIND_EXEMPLAR:
            for n, ref in enumerate(entry.meta.get("ke_hoach") or []):
                if ref in sample_plans:
                    _edit_reference(root, entry, f"ke_hoach[{n}]", ref, plan)
        if entry.kind == KIND_PLAN:
            for n, ref in enumerate(entry.meta.get("can_cu") or []):
                if isinstance(ref, dict) and ref.get("ke_hoach") in sample_plans:
                    _edit_reference(root, entry, f"can_cu[{n}].ke_hoach", ref["ke_hoach"], plan)
    if docs_dir is not None and docs_dir.is_dir():
        pattern = re.compile(r"(?<![\w-])(" + "|".join(
            re.escape(f"{_URL_DIR[k]}/{i}") for k, i in sorted(sample_ids) if k in _URL_DIR) + r")(?=[/#.)\s\"']|$)")
        if sample_ids:
            for page in sorted(docs_dir.rglob("*.md")):
                for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                    for match in pattern.finditer(line):
                        plan.problems.append(Diagnostic(
                            page.relative_to(root).as_posix(), number, "liên kết",
                            f"trang viết tay dẫn tới dữ liệu mẫu “{match.group(1)}”.",
                            "bỏ hoặc đổi liên kết này rồi chạy lại lệnh."))
    return plan


def apply_removal(plan: SamplePlan) -> None:
    for path, changes in plan.edits.items():
        text = path.read_text(encoding="utf-8")
        ending = "\n" if text.endswith("\n") else ""
        lines = text.splitlines()
        out = [changes.get(n, line) for n, line in enumerate(lines, 1)]
        path.write_text("\n".join(line for line in out if line is not None) + ending, encoding="utf-8")
    for path in plan.remove:
        path.unlink(missing_ok=True)
