"""``thidua check`` and ``mkdocs build --strict`` give the same verdict on every bad input, and a failed build
leaves the output folder exactly as it was (here: a sentinel file and nothing else). When both accept an input,
the number of entry pages equals the number of entry files."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from conftest import run_mkdocs_build

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
GOOD = """---
ten: "Trần Thị B"
doi_tuong: ca-nhan
dia_phuong: tinh-ha-tinh
linh_vuc: "Giáo dục"
tom_tat: "Gương thử nghiệm."
{extra}---

Nội dung.
{body}"""


def exemplar(name: str, extra: str = "", body: str = "") -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / "exemplars" / name).write_text(GOOD.format(extra=extra, body=body), encoding="utf-8")
    return make


def raw(rel: str, text: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return make


def truncated_photo(root: Path) -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((300, 200), 50).convert("RGB").save(out, "JPEG")
    (root / "exemplars" / "anh").mkdir(exist_ok=True)
    (root / "exemplars" / "anh" / "a.jpg").write_bytes(out.getvalue()[:2000])
    exemplar("co-anh.md", 'anh: "anh/a.jpg"\n')(root)


def body_image(root: Path) -> None:
    from PIL import Image

    (root / "exemplars" / "anh").mkdir(exist_ok=True)
    Image.new("RGB", (40, 30), "red").save(root / "exemplars" / "anh" / "b.jpg")
    exemplar("co-anh-than.md", body="![ảnh](anh/b.jpg)\n")(root)


def linked_entry(root: Path) -> None:
    secret = root.parent / "bi-mat.md"
    secret.write_text(GOOD.format(extra="", body="bí mật"), encoding="utf-8")
    (root / "exemplars" / "lo.md").symlink_to(secret)


def movement_wording_warning(root: Path) -> None:
    plan = root / "plans" / "kh-2.md"
    text = plan.read_text(encoding="utf-8").replace(
        "---\n\n", "phong_trao:\n  - ma: quoc-gia\n    nguyen_van: \"Phong trào hoàn toàn khác hẳn\"\n---\n\n", 1)
    plan.write_text(text, encoding="utf-8")


BAD = {
    "tab": exemplar("tab.md", "khen_thuong:\n\t- hinh_thuc: \"Giấy khen\"\n"),
    "unclosed-quote": exemplar("q.md", "nguon: \"báo\n"),
    "empty-list-then-items": exemplar("l.md", "khen_thuong: []\n  - hinh_thuc: \"Giấy khen\"\n"),
    "alias-bomb": raw("exemplars/bom.md", "---\na: &a [\"lol\",\"lol\"]\nb: &b [*a,*a]\nc: [*b,*b]\n---\n"),
    "deep-nesting": raw("exemplars/sau.md", "---\na: " + "[" * 3000 + "]" * 3000 + "\n---\n"),
    "impossible-date": exemplar("ngay.md", "ngay: 2020-02-31\n"),
    "control-character": exemplar("ctrl.md", "nguon: \"a\x1bb\"\n"),
    "unclosed-fence": raw("exemplars/mo.md", "---\nten: \"A\"\n"),
    "notepad-name": raw("exemplars/ghi-chu.md.txt", GOOD.format(extra="", body="")),
    "index-entry": exemplar("index.md"),
    "capital-name": exemplar("Nguyen Van A.md"),
    "diacritic-name": exemplar("nguyễn-văn-a.md"),
    "remote-image": exemplar("anh-ngoai.md", body="![ảnh](https://baomoi.example/a.jpg)\n"),
    "remote-image-html": exemplar("anh-ngoai-2.md", body='<img src="//cdn.example/a.jpg" alt="x">\n'),
    "remote-image-reference": exemplar("anh-ngoai-3.md", body="![ảnh][1]\n\n[1]: http://cdn.example/a.jpg\n"),
    "missing-body-image": exemplar("anh-thieu.md", body="![ảnh](anh/khong-co.jpg)\n"),
    "body-image-outside": exemplar("anh-ngoai-kho.md", body="![ảnh](../../../etc/hostname.jpg)\n"),
    "truncated-photo": truncated_photo,
    "symlink-entry": linked_entry,
    "docs-at-generated-page": raw("docs/guong/index.md", "# Gương\n"),
    "docs-at-entry-page": raw("docs/guong/guong-1.md", "# Gương 1\n"),
    "docs-at-data-file": raw("docs/du-lieu/ke-hoach.json", "{}"),
    "warning-under-strict": movement_wording_warning,
}
FINE = {
    "body-image-beside-the-entry": body_image,
    "quote-in-curly-quotes": exemplar("trich.md", "nguon: Ông nói “làm tốt” rồi\n"),
    "hostile-summary": exemplar("tan-cong.md", 'nguon: "\\"><script>alert(1)</script>"\n',
                                body='<h2 id="__config">x</h2>\n\n[liên kết](https://vnexpress.net/x)\n'),
}


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua.cli", "check", "--config", str(root / "mkdocs.yml")],
                          capture_output=True, text=True, cwd=root)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(BAD) + sorted(FINE))
def test_check_and_strict_build_agree_and_a_failed_build_touches_nothing(tmp_path, name):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    (BAD.get(name) or FINE[name])(root)
    out = tmp_path / "site"
    out.mkdir()
    (out / "SENTINEL").write_text("trang cũ\n", encoding="utf-8")
    before = _snapshot(out)
    check = _check(root)
    build = run_mkdocs_build(root, out)
    assert "Traceback" not in check.stderr + build.stderr, check.stderr + build.stderr
    assert (check.returncode == 0) == (build.returncode == 0), (check.stdout, check.stderr, build.stderr)
    if name in BAD:
        assert check.returncode == 1 and build.returncode != 0
        assert _snapshot(out) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["p", "site"] + (["bi-mat.md"] if name == "symlink-entry" else []))
        first = next(line for line in check.stdout.splitlines() if line)
        assert first.split(":", 2)[1].isdigit(), first  # file:line: field: message
    else:
        assert check.returncode == 0 and build.returncode == 0, build.stderr
        assert not (out / "SENTINEL").exists()
        for kind, folder in (("guong", "exemplars"), ("ke-hoach", "plans"), ("phong-trao", "movements")):
            files = list((root / folder).rglob("*.md"))
            pages = [p for p in (out / kind).glob("*/index.html") if p.parent.name != "trang"]
            assert len(pages) == len(files), (kind, sorted(p.parent.name for p in pages))
