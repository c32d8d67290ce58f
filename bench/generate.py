"""Portals for benchmarks that look like real ones: N exemplars, each with a photo of its own, a plan of real length
for every 20 exemplars, the repository's movements, a skewed spread over places. They pass `thidua check`.

    python bench/generate.py OUT_DIR N [--plain] [--no-photos]

* Plans are the shipped plans (their whole bodies and front matter, 19-25 KB each) under new numbers, dates, places
  and signers: a plan's text is as long and as varied as a real one.
* Exemplars take the shipped exemplars' bodies and awards, with a name, a place and a photo of their own.
* Places follow a Zipf law over a few hundred units (a provincial capital has many exemplars, most communes a few),
  movements too (the national ones are cited most), as on a real portal.
* Photos: a pool of distinct pictures (4.3 megapixels, noise over gradients so JPEG is ~2 MB as a phone's photo is)
  is made once with Pillow and kept in ``bench/.photo-pool/`` (made again only when missing); each exemplar's
  photo is one of them with its own JPEG comment, so every exemplar's file has bytes of its own (the build's cache
  cannot share work between two exemplars) at no cost to generate. Files are hard links where the file system
  allows, so 10,000 photos do not take 20 GB twice.

--plain writes the same bodies (with the same images) as plain MkDocs pages instead: one page per plan and per
exemplar, under docs/p/. Entries are deterministic for a given N (seeded), so runs compare like with like.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
from pathlib import Path

from thidua.core.places import load_registry

ROOT = Path(__file__).resolve().parent.parent
POOL = Path(__file__).resolve().parent / ".photo-pool"
POOL_SIZE = 24
PHOTO_SIZE = (2400, 1800)
EXEMPLARS_PER_PLAN = 20
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Tô Lương Võ".split()
MIDDLE = "Văn Thị Đình Quang Ngọc Minh Thanh Xuân Hữu Đức Thu Kim".split()
GIVEN = "An Bình Cường Dũng Đông Giang Hà Hải Hạnh Hòa Hùng Khánh Lan Linh Long Mai Nam Nga Phong Phúc Quân Sơn " \
        "Tâm Thảo Thắng Trâm Trung Tuấn Vân Yến".split()
MKDOCS_YML = """site_name: Benchmark
site_url: https://example.gov.vn/thi-dua/
theme:
  name: material
  language: vi
  font: false
plugins:
{plugins}
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
  - admonition
  - def_list
"""


def _picture(seed: int) -> bytes:
    """A deterministic 'photo': coarse and mid noise over gradients, a little fine grain: JPEG ~2 MB at 4.3 MP."""
    from PIL import Image

    rng = random.Random(seed)
    w, h = PHOTO_SIZE
    size = (w, h)

    def channel():
        coarse = Image.frombytes("L", (w // 16, h // 16), rng.randbytes((w // 16) * (h // 16))).resize(
            size, Image.Resampling.BICUBIC)
        mid = Image.frombytes("L", (w // 4, h // 4), rng.randbytes((w // 4) * (h // 4))).resize(
            size, Image.Resampling.BILINEAR)
        gradient = Image.linear_gradient("L").rotate(rng.randrange(360)).resize(size)
        return Image.blend(Image.blend(coarse, gradient, 0.5), mid, 0.35)

    image = Image.merge("RGB", [channel() for _ in range(3)])
    image = Image.blend(image, Image.frombytes("L", size, rng.randbytes(w * h)).convert("RGB"), 0.12)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def photo_pool() -> list[bytes]:
    POOL.mkdir(exist_ok=True)
    pool = []
    for i in range(POOL_SIZE):
        path = POOL / f"{i:02d}.jpg"
        if not path.is_file():
            path.write_bytes(_picture(1000 + i))
        pool.append(path.read_bytes())
    return pool


def own_photo(pool: list[bytes], i: int) -> bytes:
    """Picture i % pool with a JPEG comment (COM segment) right after the start marker: bytes of its own."""
    base = pool[i % len(pool)]
    comment = f"exemplar {i}".encode()
    return base[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + base[2:]


def write_photo(store: Path, pool: list[bytes], i: int) -> Path:
    """The photo of exemplar i, written once in ``store`` (reused by every project generated after)."""
    path = store / f"{i}.jpg"
    if not path.is_file():
        path.write_bytes(own_photo(pool, i))
    return path


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        target.write_bytes(source.read_bytes())


def _zipf(rng: random.Random, items: list, exponent: float = 1.0):
    weights = [1 / (k + 1) ** exponent for k in range(len(items))]
    return lambda: rng.choices(items, weights)[0]


def _split(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


def _plans() -> list[tuple[str, str]]:
    return [_split(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "plans").glob("*.md"))]


def _exemplars() -> list[tuple[str, str]]:
    return [_split(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "exemplars").glob("*.md"))]


def _set(front: str, key: str, value: str) -> str:
    """Replace a top-level scalar of a front matter (or add it)."""
    line = f"{key}: {value}"
    pattern = re.compile(rf"^{key}:.*$", re.MULTILINE)
    return pattern.sub(lambda m: line, front, count=1) if pattern.search(front) else front + line + "\n"


def _drop(front: str, key: str) -> str:
    """Remove a top-level key with its indented or list lines."""
    return re.sub(rf"^{key}:.*\n(?:[ -].*\n)*", "", front, flags=re.MULTILINE)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def generate(out: Path, n: int, plain: bool = False, seed: int = 2025, photos: bool = True,
             photo_store: Path | None = None) -> dict:
    """Write the project; returns what a benchmark needs to know (an exemplar's file, queries' expected pages)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "index.md").write_text("# Trang chủ\n\nCổng thử tải.\n", encoding="utf-8")
    pool = photo_pool() if photos else []
    store = photo_store or (POOL / "own")
    store.mkdir(parents=True, exist_ok=True)
    registry = load_registry()
    units = sorted(p for p in registry.places if registry.places[p].current)
    rng.shuffle(units)
    units = units[:300]
    place = _zipf(rng, units, 1.0)
    movement_ids = sorted(p.stem for p in (ROOT / "movements").glob("*.md"))
    rng.shuffle(movement_ids)
    movement = _zipf(rng, movement_ids, 0.8)
    plans, exemplars = _plans(), _exemplars()
    n_plans = max(3, n // EXEMPLARS_PER_PLAN)
    info: dict = {"plans": [], "exemplars": []}
    if plain:
        (out / "mkdocs.yml").write_text(MKDOCS_YML.format(plugins="  - search") + "nav:\n  - index.md\n"
                                        + "not_in_nav: |\n  /p/**\n", encoding="utf-8")
        pages = out / "docs" / "p"
        pages.mkdir(exist_ok=True)
    else:
        (out / "mkdocs.yml").write_text(MKDOCS_YML.format(plugins="  - thidua:\n      build_date: \"2025-06-01\""),
                                        encoding="utf-8")
        for folder in ("plans", "exemplars", "movements"):
            (out / folder).mkdir(exist_ok=True)
        for path in (ROOT / "movements").glob("*.md"):
            (out / "movements" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    plan_ids = []
    for i in range(n_plans):
        front, body = plans[i % len(plans)]
        year = 2016 + i % 10
        pid, signer, where = f"kh-{i}", _name(rng), place()
        front = _set(front, "so_ky_hieu", f'"{i + 1}/KH-UBND"')
        front = _set(front, "dia_phuong", where)
        front = _set(front, "ngay_ban_hanh", f'"{1 + i % 28:02d}/{1 + i % 12:02d}/{year}"')
        front = re.sub(r'^(\s+ho_ten:).*$', lambda m: f'{m.group(1)} "{signer}"', front, count=1, flags=re.MULTILINE)
        front = _drop(front, "nguon")
        plan_ids.append(pid)
        info["plans"].append({"id": pid, "signer": signer, "number": f"{i + 1}/KH-UBND", "place": where})
        if plain:
            (pages / f"{pid}.md").write_text(f"# Kế hoạch {i + 1}/KH-UBND\n\n{body}", encoding="utf-8")
        else:
            (out / "plans" / f"{pid}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    for i in range(n):
        front, body = exemplars[i % len(exemplars)]
        eid, name, where = f"guong-{i}", f"{_name(rng)} {i}", place()
        photo = write_photo(store, pool, i) if photos else None
        if plain:
            image = ""
            if photo:
                _link(photo, out / "docs" / "p" / "anh" / f"{eid}.jpg")
                image = f"![Ảnh: {name}](anh/{eid}.jpg)\n\n"
            (pages / f"{eid}.md").write_text(f"# {name}\n\n{image}{body}", encoding="utf-8")
            continue
        front = _set(front, "ten", f'"{name}"')
        front = _set(front, "dia_phuong", where)
        front = _drop(_drop(front, "phong_trao"), "ke_hoach")
        front += f"phong_trao:\n- {movement()}\nke_hoach:\n- {rng.choice(plan_ids)}\n"
        front = _drop(front, "anh")
        if photo:
            _link(photo, out / "exemplars" / "anh" / f"{eid}.jpg")
            front += f'anh: "anh/{eid}.jpg"\n'
        (out / "exemplars" / f"{eid}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        info["exemplars"].append({"id": eid, "name": name, "place": where})
    return info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int, help="exemplars")
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--no-photos", action="store_true")
    args = parser.parse_args()
    generate(args.out, args.n, args.plain, photos=not args.no_photos)


if __name__ == "__main__":
    main()
