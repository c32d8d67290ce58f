"""Synthetic portals for benchmarks: N entries (plans, exemplars, movements) that pass `thidua check`.

    python bench/generate.py OUT_DIR N [--plain]

--plain writes the same number of plain MkDocs pages of similar text instead, for comparison.
Entries are deterministic for a given N (seeded), so runs compare like with like.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from thidua.core.places import load_registry

WORDS = ("thi đua yêu nước xây dựng nông thôn mới người tốt việc tốt điển hình tiên tiến chung tay vì người nghèo "
         "không để ai bị bỏ lại phía sau văn hóa công sở học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh "
         "doanh nghiệp hội nhập phát triển chuyển đổi số cải cách hành chính an sinh xã hội giảm nghèo bền vững").split()
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
LETTERS = "A B C D E G H K L M N P Q S T V X Y".split()
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
"""


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(_text(rng, 60).capitalize() + "." for _ in range(count))


def generate(out: Path, n: int, plain: bool = False, seed: int = 2025) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "index.md").write_text("# Trang chủ\n\nCổng thử tải.\n", encoding="utf-8")
    if plain:
        (out / "mkdocs.yml").write_text(MKDOCS_YML.format(plugins="  - search") + "nav:\n  - index.md\n"
                                        + "not_in_nav: |\n  /p/**\n", encoding="utf-8")
        pages = out / "docs" / "p"
        pages.mkdir(exist_ok=True)
        for i in range(n):
            (pages / f"{i}.md").write_text(f"# Trang {i}\n\n{_paragraphs(rng, 4)}\n", encoding="utf-8")
        return
    (out / "mkdocs.yml").write_text(MKDOCS_YML.format(plugins="  - thidua:\n      build_date: \"2025-01-01\""),
                                    encoding="utf-8")
    registry = load_registry()
    places = sorted(registry.places)
    rng.shuffle(places)
    places = places[: max(20, n // 25)]
    n_movements = max(5, n // 20)
    n_plans = max(5, n // 5)
    n_exemplars = n - n_movements - n_plans
    for folder in ("plans", "exemplars", "movements"):
        (out / folder).mkdir(exist_ok=True)
    for i in range(n_movements):
        parent = f"\nphong_trao_cha: pt-0" if i else ""
        (out / "movements" / f"pt-{i}.md").write_text(
            f'---\nten: "Phong trào {i} {_text(rng, 5)}"\ncap: {"quoc-gia" if i == 0 else "tinh"}{parent}\n'
            f'cach_goi: ["{_text(rng, 6)}"]\n---\n\n{_paragraphs(rng, 1)}\n', encoding="utf-8")
    for i in range(n_plans):
        year = 2016 + i % 10
        movements = "\n".join(f"  - ma: pt-{rng.randrange(n_movements)}" for _ in range(3))
        tasks = "\n".join(f'  - co_quan: "Phòng Văn hóa và Thông tin"\n    noi_dung: "{_text(rng, 25)}"\n'
                          f'    han: "tháng {1 + k}/{year}"\n    muc: "III.{k + 1}"' for k in range(3))
        (out / "plans" / f"kh-{i}.md").write_text(
            f'---\nso_ky_hieu: "{i}/KH-UBND"\nloai_van_ban: "Kế hoạch"\nco_quan_ban_hanh: "Ủy ban nhân dân {i}"\n'
            f'dia_phuong: {rng.choice(places)}\nngay_ban_hanh: "{1 + i % 28:02d}/{1 + i % 12:02d}/{year}"\n'
            f'trich_yeu: "{_text(rng, 18)}"\nthoi_gian: {{tu: "01/01/{year}", den: "tháng 12/{year}"}}\n'
            f'phong_trao:\n{movements}\nnhiem_vu:\n{tasks}\n---\n\n## I. MỤC ĐÍCH\n\n{_paragraphs(rng, 6)}\n',
            encoding="utf-8")
    for i in range(n_exemplars):
        year = 2016 + i % 10
        (out / "exemplars" / f"guong-{i}.md").write_text(
            f'---\nten: "{rng.choice(SURNAMES)} Văn {rng.choice(LETTERS)}{i}"\ndoi_tuong: ca-nhan\n'
            f'dia_phuong: {rng.choice(places)}\nlinh_vuc: "Nông nghiệp"\nphong_trao: [pt-{rng.randrange(n_movements)}]\n'
            f'ke_hoach: [kh-{rng.randrange(n_plans)}]\nngay: "tháng {1 + i % 12}/{year}"\n'
            f'khen_thuong:\n  - hinh_thuc: "Giấy khen"\n    cap: huyen\n    so_quyet_dinh: "{i}/QĐ-UBND"\n'
            f'tom_tat: "{_text(rng, 20)}"\ndu_lieu_mau: true\n---\n\n{_paragraphs(rng, 3)}\n', encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    generate(args.out, args.n, args.plain)


if __name__ == "__main__":
    main()
