"""``thidua``: the editors' command line. ``thidua check`` runs the build's loader and checks, without building."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from .diagnostics import format_report
from .loader import ContentDirs, load

__all__ = ["main"]


def _find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return candidate
    return None


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV and !!python tags; we only need the plugin's own options."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def content_dirs(config_file: Path) -> ContentDirs:
    """The plugin's folder options from mkdocs.yml, so the CLI reads the same folders as the build."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "thidua" in plugin:
            options = plugin["thidua"] or {}
            return ContentDirs(options.get("plans_dir", "plans"), options.get("exemplars_dir", "exemplars"),
                               options.get("movements_dir", "movements"), options.get("places_extra", ""))
    return ContentDirs()


def _check(args: argparse.Namespace) -> int:
    config = Path(args.config) if args.config else _find_config(Path.cwd())
    if config is None or not config.is_file():
        print("Không tìm thấy mkdocs.yml. Chạy lệnh trong thư mục của cổng hoặc dùng --config.", file=sys.stderr)
        return 2
    root = config.parent
    only = [Path(p) for p in args.paths] or None
    missing = [str(p) for p in only or [] if not p.exists()]
    if missing:
        print("Không có tệp hoặc thư mục: " + ", ".join(missing), file=sys.stderr)
        return 2
    result = load(root, content_dirs(config), only)
    if args.format == "json":
        json.dump({"ok": result.ok, "entries": len(result.raw),
                   "diagnostics": [d.as_dict() for d in result.diagnostics]}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for diagnostic in result.diagnostics:
            print(diagnostic.format())
        checked = len(only and [d for d in result.raw] or result.raw)
        if result.ok:
            print(f"Đã kiểm tra {checked} mục: không có lỗi." + (f" ({format_report(result.diagnostics)})" if result.diagnostics else ""))
        else:
            print(f"Đã kiểm tra {checked} mục: {format_report(result.diagnostics)}.", file=sys.stderr)
    return 0 if result.ok else 1


def _build(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .publish import build_and_swap

    config = Path(args.config) if args.config else _find_config(Path.cwd())
    if config is None or not config.is_file():
        print("Không tìm thấy mkdocs.yml. Chạy lệnh trong thư mục của cổng hoặc dùng --config.", file=sys.stderr)
        return 2
    target = Path(args.site_dir) if args.site_dir else config.parent / "site"
    try:
        done = build_and_swap(config, target)
    except (MkDocsException, SystemExit) as error:
        print(f"Xây dựng thất bại, trang cũ ở {target} được giữ nguyên. {error}", file=sys.stderr)
        return 1
    print(f"Đã xây dựng xong và thay trang tại {target} ({done}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description="Công cụ cho cán bộ biên tập cổng thông tin thi đua.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra các tệp nội dung như khi xây dựng trang, không xây dựng")
    check.add_argument("paths", nargs="*", help="tệp hoặc thư mục cần kiểm tra (mặc định: tất cả)")
    check.add_argument("--config", help="đường dẫn tới mkdocs.yml (mặc định: tìm từ thư mục hiện tại trở lên)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="định dạng kết quả")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="xây dựng trang vào thư mục tạm, chỉ thay trang cũ khi đã xong hoàn toàn")
    build.add_argument("-d", "--site-dir", help="thư mục trang (mặc định: site cạnh mkdocs.yml)")
    build.add_argument("--config", help="đường dẫn tới mkdocs.yml")
    build.set_defaults(run=_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
