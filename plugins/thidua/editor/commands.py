"""The editors' commands behind ``thidua check``, ``thidua new`` and ``thidua import``: arguments in, exit code out.

:mod:`thidua.cli` only declares the commands; the work is here and in the modules named for each job
(:mod:`thidua.editor.formats`, :mod:`thidua.editor.new_entry`, :mod:`thidua.editor.importer`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from ..core import schema as s
from .formats import as_github, as_json, as_text
from ..core.diagnostics import ERROR, Diagnostic
from ..core.loader import LoadResult, collect_files, load
from .new_entry import KIND_BY_WORD, NewEntry, ask_missing, new_entry, write_new
from ..core.places import load_registry
from ..core.projectconfig import NO_CONFIG, content_dirs, docs_dir, find_config, strict_mode

__all__ = ["run_check", "run_new", "run_import", "run_remove_samples", "add_new_arguments", "find_config", "content_dirs"]


# --- check ---------------------------------------------------------------------------------------------------------

def run_check(args: argparse.Namespace,
              project_checks: Callable[[Path, LoadResult], list[Diagnostic]] | None = None) -> int:
    """``project_checks`` adds what only a whole build can see (pages of docs/ at generated addresses); it runs
    when every entry passed and no path narrows the check. Under ``strict: true`` warnings fail, as in the build."""
    config = find_config(args.config)
    if config is None:
        print(NO_CONFIG, file=sys.stderr)
        return 2
    root = config.parent
    only = [Path(p) for p in args.paths] or None
    missing = [str(p) for p in only or [] if not p.exists()]
    if missing:
        print("Không có tệp hoặc thư mục: " + ", ".join(missing), file=sys.stderr)
        return 2
    dirs = content_dirs(config)
    checked = len(collect_files(root.resolve(), dirs, only))
    if only and not checked:
        folders = ", ".join(f"{d}/" for d in dirs.by_kind().values())
        print(f"Không có mục nội dung nào trong {', '.join(map(str, only))}: chỉ kiểm tra tệp .md trong {folders}.",
              file=sys.stderr)
        return 2
    result = load(root, dirs, only)
    diagnostics = list(result.diagnostics)
    if result.ok and not only and project_checks is not None:
        diagnostics += project_checks(config, result)
    strict = strict_mode(config) if getattr(args, "strict", None) is None else args.strict
    ok = not any(d.severity == ERROR or strict for d in diagnostics)
    if args.format == "json":
        sys.stdout.write(as_json(diagnostics, checked, ok))
    elif args.format == "github":
        sys.stdout.write(as_github(diagnostics, checked, ok))
    else:
        out, err = as_text(diagnostics, checked, ok)
        sys.stdout.write(out)
        sys.stderr.write(err)
        if strict and not ok and all(d.severity != ERROR for d in diagnostics):
            sys.stderr.write("Cổng được xây dựng với --strict: cảnh báo cũng chặn việc xây dựng trang, cần sửa "
                             "(hoặc chạy thidua check --no-strict để chỉ xem).\n")
    return 0 if ok else 1


# --- new -----------------------------------------------------------------------------------------------------------

def _flag(key: str) -> str:
    return "--" + key.replace("_", "-")


def add_new_arguments(parser: argparse.ArgumentParser, kind: str) -> None:
    """One flag per top-level one-value key of the kind (``--ten``, ``--dia-phuong`` …), from the schema."""
    for field in s.SCHEMAS[kind]:
        if field.kind in (s.STR, s.TEXT, s.DATE, s.REF, s.INT, s.BOOL):
            example = f" (ví dụ: {field.example})" if field.example not in (None, "") else ""
            parser.add_argument(_flag(field.key), dest=f"field_{field.key}", metavar=field.key.upper(),
                                help=f"{field.label}{example}")
    parser.add_argument("-o", "--output", help="ghi vào tệp này thay vì thư mục mặc định")
    parser.add_argument("--config", help="đường dẫn tới mkdocs.yml")
    parser.add_argument("--khong-hoi", action="store_true", help="không hỏi, kể cả khi chạy trong cửa sổ lệnh")


def _given(args: argparse.Namespace, kind: str) -> tuple[dict, list[str]]:
    given: dict = {}
    problems: list[str] = []
    from .new_entry import check_answer

    places = load_registry()
    for field in s.SCHEMAS[kind]:
        value = getattr(args, f"field_{field.key}", None)
        if value is None:
            continue
        if field.kind == s.BOOL:
            given[field.key] = value.strip().lower() in ("true", "1", "co", "có", "yes")
            continue
        checked, problem = check_answer(kind, field.key, value, places)
        if problem:
            problems.append(f"{_flag(field.key)}: {problem}")
        else:
            given[field.key] = checked
    return given, problems


def run_new(args: argparse.Namespace, ask: Callable[[str], str] = input, interactive: bool | None = None) -> int:
    kind = KIND_BY_WORD[args.loai]
    config = find_config(args.config)
    if config is None and not args.output:
        print(NO_CONFIG, file=sys.stderr)
        return 2
    given, problems = _given(args, kind)
    if problems:
        print("Giá trị chưa đúng:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    places = load_registry()
    if interactive is None:
        interactive = sys.stdin.isatty() and not args.khong_hoi
    if interactive:
        given = ask_missing(kind, given, places, ask, lambda line: print(line, file=sys.stderr))
    entry: NewEntry = new_entry(kind, given, places)
    folder = (config.parent / content_dirs(config).by_kind()[kind]) if config else Path.cwd()
    try:
        path = write_new(entry, folder, Path(args.output) if args.output else None)
    except FileExistsError as error:
        print(f"Đã có tệp {error}: không ghi đè. Đặt tên khác bằng -o TỆP hoặc sửa thẳng tệp đó.", file=sys.stderr)
        return 1
    print(path)
    if entry.missing:
        print("Cần điền: " + ", ".join(entry.missing) + f". Sau đó chạy: thidua check {path}", file=sys.stderr)
    return 0


# --- import --------------------------------------------------------------------------------------------------------

def run_import(args: argparse.Namespace) -> int:
    from .importer import SourceError, import_plan, movements_of

    config = find_config(args.config)
    if config is None:
        print(NO_CONFIG, file=sys.stderr)
        return 2
    root = config.parent
    dirs = content_dirs(config)
    project = load(root, dirs)  # the registries: places and the movements editors have already written
    try:
        result = import_plan(Path(args.file), project.places, movements_of(project.raw))
    except SourceError as error:
        print(f"Không nhập được: {error}.", file=sys.stderr)
        return 2
    target = Path(args.output) if args.output else root / dirs.plans / f"{result.entry_id}.md"
    if target.exists():
        print(f"Đã có tệp {target}: không ghi đè. Nếu đây là văn bản khác, đặt tên bằng -o TỆP.", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(result.text())
    print(target)
    report = []
    if result.to_fill:
        report += ["Cần điền:"] + [f"  - {item}" for item in result.to_fill]
    if result.to_review:
        report += ["Cần kiểm tra:"] + [f"  - {item}" for item in result.to_review]
    if result.not_found:
        report += ["Văn bản không có (để trống): " + ", ".join(result.not_found)]
    # The same check the build runs, on the new file only, so the editor sees exactly what is left.
    if target.resolve().is_relative_to((root / dirs.plans).resolve()):
        check = load(root, dirs, [target])
        errors = [d for d in check.diagnostics if d.path.endswith(target.name)]
        if errors:
            report += ["thidua check còn báo:"] + [f"  {d.format()}" for d in errors]
        else:
            report += ["thidua check: tệp mới không có lỗi."]
    print("\n".join(report), file=sys.stderr)
    return 0


# --- remove-samples ------------------------------------------------------------------------------------------------

def run_remove_samples(args: argparse.Namespace) -> int:
    from .samples import apply_removal, plan_removal

    config = find_config(args.config)
    if config is None:
        print(NO_CONFIG, file=sys.stderr)
        return 2
    root = config.parent.resolve()
    dirs = content_dirs(config)
    plan = plan_removal(root, dirs, docs_dir(config))
    if plan.problems:
        for problem in plan.problems:
            print(problem.format(), file=sys.stderr)
        print("Chưa xóa gì: sửa các dòng trên rồi chạy lại.", file=sys.stderr)
        return 1
    if not plan.samples:
        print("Không có mục nào đánh dấu du_lieu_mau: true.")
        return 0
    for path in plan.remove:
        print(f"xóa {path.relative_to(root).as_posix()}")
    for path, changes in plan.edits.items():
        for number in sorted(changes):
            print(f"sửa {path.relative_to(root).as_posix()}:{number}: bỏ mã của dữ liệu mẫu")
    if args.dry_run:
        print(f"(Chạy thử: chưa thay đổi gì. {len(plan.samples)} mục mẫu.)")
        return 0
    apply_removal(plan)
    after = load(root, dirs)
    for problem in after.diagnostics:
        print(problem.format(), file=sys.stderr)
    print(f"Đã xóa {len(plan.samples)} mục dữ liệu mẫu." + ("" if after.ok else " Còn lỗi ở trên: sửa rồi chạy thidua check."))
    return 0 if after.ok else 1

