"""``thidua``: the editors' command line — declarations only; each command's work lives in its own module.

``check`` runs the build's loader and checks without building, ``new`` writes an entry from the schema, ``import``
reads an official plan, ``dia-phuong`` finds a unit's code by name, ``build`` builds and swaps the site.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .core.projectconfig import NO_CONFIG, find_config
from .site.publish import DEFAULT_KEEP

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


def _remove_samples(args: argparse.Namespace) -> int:
    from .editor.commands import run_remove_samples

    return run_remove_samples(args)


def _build(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .site.publish import PublishError, build_and_swap, echo_problems

    config = find_config(args.config)
    if config is None:
        print(NO_CONFIG, file=sys.stderr)
        return 2
    if args.keep < 1:
        print(f"--keep {args.keep}: phải giữ ít nhất 1 bản. Cách sửa: --keep 5.", file=sys.stderr)
        return 2
    target = Path(args.site_dir) if args.site_dir else config.parent / "site"
    releases = Path(args.releases) if args.releases else None
    try:
        # The same file:line: field lines as `thidua check`, printed as the plugin finds them.
        with echo_problems(sys.stderr):
            done = build_and_swap(config, target, keep=args.keep, releases=releases, gzip_copies=not args.no_gzip)
    except (MkDocsException, PublishError, SystemExit) as error:
        print(f"Xây dựng thất bại, trang cũ ở {target} được giữ nguyên. {error}", file=sys.stderr)
        return 1
    print(f"Đã xây dựng xong và thay trang tại {target} (-> {done}).")
    return 0


def _serve(args: argparse.Namespace) -> int:
    """``mkdocs serve`` for editors, without Material's English notice (see :func:`quiet_theme_notice`)."""
    quiet_theme_notice()
    # In this process, not a child: stopping `thidua serve` (Ctrl+C, a service manager, a test) stops the server.
    from mkdocs.__main__ import cli

    try:
        cli.main(args=["serve", *args.mkdocs_args], prog_name="mkdocs")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def quiet_theme_notice() -> None:
    """Material 9.7+ prints an English end-of-life notice at every ``mkdocs`` run unless NO_MKDOCS_2_WARNING is set
    (material/templates/__init__.py). It is meant for theme authors, not for editors or admins; our commands set it.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


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
    imp = commands.add_parser("import", help="đọc văn bản kế hoạch (.pdf, .docx, .txt, .md, bản chép từ trang web) và viết tệp kế hoạch")
    imp.add_argument("file", help="tệp văn bản kế hoạch")
    imp.add_argument("-o", "--output", help="tệp kết quả (mặc định: plans/<mã>.md, in ra đường dẫn)")
    imp.add_argument("--config", help="đường dẫn tới mkdocs.yml")
    imp.set_defaults(run=_import)
    codes = commands.add_parser("dia-phuong", help="tìm mã của một đơn vị hành chính (hiện nay hoặc trước đây) theo tên")
    codes.add_argument("ten", nargs="+", help="tên đơn vị, có dấu hay không dấu, ví dụ: xã Gio Linh")
    codes.add_argument("--limit", type=int, default=20, help="số đơn vị tối đa in ra (mặc định 20)")
    codes.set_defaults(run=_place_codes)
    samples = commands.add_parser("remove-samples", help="trước khi đưa cổng vào hoạt động: xóa mọi mục "
                                  "du_lieu_mau: true và các chỗ trỏ tới chúng")
    samples.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không thay đổi gì")
    samples.add_argument("--config", help="đường dẫn tới mkdocs.yml")
    samples.set_defaults(run=_remove_samples)
    build = commands.add_parser("build", help="xây dựng trang vào thư mục tạm, chỉ thay trang cũ khi đã xong hoàn toàn")
    build.add_argument("-d", "--site-dir", help="thư mục trang (mặc định: site cạnh mkdocs.yml)")
    build.add_argument("--config", help="đường dẫn tới mkdocs.yml")
    build.add_argument("--releases", help="thư mục chứa các bản đã xây dựng (mặc định: releases cạnh thư mục trang)")
    build.add_argument("--keep", type=int, default=DEFAULT_KEEP,
                       help=f"số bản mới nhất được giữ lại để quay về khi cần (mặc định: {DEFAULT_KEEP})")
    build.add_argument("--no-gzip", action="store_true",
                       help="không ghi bản nén .gz cạnh các tệp văn bản lớn (dùng cho gzip_static của nginx)")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="xem trước trang (mkdocs serve), mọi tham số chuyển cho mkdocs")
    serve.add_argument("mkdocs_args", nargs=argparse.REMAINDER, help="ví dụ: -a 0.0.0.0:8000")
    serve.set_defaults(run=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    quiet_theme_notice()
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"] and not {"-h", "--help"} & set(argv[1:]):
        # Everything after "serve" is mkdocs serve's (argparse would take "-a" for one of ours).
        return _serve(argparse.Namespace(mkdocs_args=argv[1:]))
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
