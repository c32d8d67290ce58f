"""``thidua``: the editors' command line — declarations only; each command's work lives in its own module.

``check`` runs the build's loader and checks without building, ``new`` writes an entry from the schema, ``import``
reads an official plan, ``dia-phuong`` finds a unit's code by name, ``build`` builds and swaps the site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.projectconfig import NO_CONFIG, find_config

__all__ = ["main"]


def _check(args: argparse.Namespace) -> int:
    from .editor.commands import run_check
    from .site.clashes import project_clashes  # what only the build can see: pages of docs/ at generated addresses

    return run_check(args, project_checks=project_clashes)


def _new(args: argparse.Namespace) -> int:
    from .editor.commands import run_new

    return run_new(args)


def _import(args: argparse.Namespace) -> int:
    from .editor.commands import run_import

    return run_import(args)


def _place_codes(args: argparse.Namespace) -> int:
    from .editor.place_codes import run_place_codes

    return run_place_codes(args)


def _build(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .site.publish import build_and_swap

    config = find_config(args.config)
    if config is None:
        print(NO_CONFIG, file=sys.stderr)
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
    check.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                       help="cảnh báo cũng là lỗi, như mkdocs build --strict (mặc định: có, trừ khi mkdocs.yml đặt "
                            "strict: false)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="định dạng kết quả: text (người đọc), json (máy đọc), github (chú thích trong pull request)")
    check.set_defaults(run=_check)
    from .editor.commands import add_new_arguments
    from .editor.new_entry import KIND_BY_WORD

    new = commands.add_parser("new", help="tạo tệp mới có đủ các trường và chú thích tiếng Việt")
    kinds = new.add_subparsers(dest="loai", required=True, metavar="{ke-hoach,guong,phong-trao,lay-y-kien}")
    for word, kind in KIND_BY_WORD.items():
        sub = kinds.add_parser(word, help={"ke-hoach": "kế hoạch", "guong": "gương người tốt, việc tốt",
                                           "phong-trao": "phong trào",
                                           "lay-y-kien": "thông báo lấy ý kiến nhân dân"}[word])
        add_new_arguments(sub, kind)
        sub.set_defaults(run=_new)
    imp = commands.add_parser("import", help="đọc văn bản kế hoạch (.txt, .md, .docx) và viết tệp kế hoạch")
    imp.add_argument("file", help="tệp văn bản kế hoạch")
    imp.add_argument("-o", "--output", help="tệp kết quả (mặc định: plans/<mã>.md, in ra đường dẫn)")
    imp.add_argument("--config", help="đường dẫn tới mkdocs.yml")
    imp.set_defaults(run=_import)
    codes = commands.add_parser("dia-phuong", help="tìm mã của một đơn vị hành chính (hiện nay hoặc trước đây) theo tên")
    codes.add_argument("ten", nargs="+", help="tên đơn vị, có dấu hay không dấu, ví dụ: xã Gio Linh")
    codes.add_argument("--limit", type=int, default=20, help="số đơn vị tối đa in ra (mặc định 20)")
    codes.set_defaults(run=_place_codes)
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
