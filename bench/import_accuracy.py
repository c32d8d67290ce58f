"""Field accuracy of `thidua import` on the three seed plans against their hand-checked entries.

Run: /tmp/venv/bin/python bench/import_accuracy.py   (prints the table for the closing note; exit 0)
The seed texts are the copies in tests/data/seeds/; the hand entries are plans/*.md of the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

from thidua.core.frontmatter import read_entry
from thidua.editor.importer import import_plan, movements_of
from thidua.editor.importer.accuracy import compare, table
from thidua.core.loader import load

ROOT = Path(__file__).resolve().parent.parent
PAIRS = {  # seed text -> hand-checked entry
    "000_303aa1fb2b2a5fad.txt": "plans/bo-trach-195-kh-ubnd-2020.md",
    "001_f14f69ecf0e9450c.txt": "plans/ha-tinh-dang-uy-khoi-2021.md",
    "004_53c0be273c9cb1a6.txt": "plans/binh-son-21-kh-ubnd-2025.md",
}


def measure(root: Path = ROOT) -> dict:
    project = load(root)
    movements = movements_of(project.raw)
    results = {}
    for seed, expected in PAIRS.items():
        got = import_plan(root / "tests" / "data" / "seeds" / seed, project.places, movements)
        want, problems = read_entry(root / expected, expected, "plan")
        assert not problems, problems
        results[seed.split("_")[0]] = compare(got.meta, want.meta)
    return results


def main() -> int:
    results = measure()
    text, overall = table(results)
    print(text)
    print(f"\nĐộ chính xác trung bình theo trường: {overall:.1%}")
    for name, scores in results.items():
        for score in scores:
            if score.score < 1 and score.detail:
                print(f"  {name} {score.key}: {score.score:.2f} ({score.detail[:150]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
