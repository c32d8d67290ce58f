"""Field accuracy of `thidua import`, per kind of source: txt, docx, pdf (two producers), web copy, word table.

Run: .venv/bin/python bench/import_accuracy.py [-v]   (prints the tables for the closing note; exit 0)

Two measures:
- every field of the three seed plans against their hand-checked entries (plans/*.md), for the seeds' own .txt
  and for the seeds re-laid out as .docx, .pdf, web copy and word-table paste (tests/data/forms/);
- the header facts (number, date, place, issuer, title, signer) of every plan in tests/data/forms/plans.py, the
  synthetic plans included, per kind. The signer counts as four facts (name, title, formula, on whose behalf).
The forms are made by tests/data/forms/make_forms.py from tests/data/forms/plans.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from thidua.core.frontmatter import read_entry
from thidua.core.loader import load
from thidua.editor.importer import import_plan, movements_of
from thidua.editor.importer.accuracy import compare, header_facts, table

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "tests" / "data" / "forms"
sys.path.insert(0, str(FORMS))
from plans import SEED_PLANS, SYNTHETIC  # noqa: E402

KINDS = {"txt": "txt", "docx": "docx", "pdf": "pdf", "chromium": "pdf Chrome", "web": "bản web", "tab": "bảng Word",
         "scan": "pdf quét"}  # the scan is read by OCR, and only when Tesseract is installed
SEED_TEXTS = {"seed000": "000_303aa1fb2b2a5fad.txt", "seed001": "001_f14f69ecf0e9450c.txt",
              "seed004": "004_53c0be273c9cb1a6.txt"}


def source(name: str, kind: str) -> Path | None:
    if kind == "txt" and name in SEED_TEXTS:
        return ROOT / "tests" / "data" / "seeds" / SEED_TEXTS[name]
    if kind == "scan":
        from thidua.editor.importer import ocr

        if not ocr.available():
            return None
    ext = {"txt": "txt", "docx": "docx", "pdf": "pdf", "chromium": "pdf", "web": "txt", "tab": "txt", "scan": "pdf"}[kind]
    path = FORMS / f"{name}.{kind}.{ext}"
    return path if path.is_file() else None


def expected_plans(root: Path = ROOT) -> dict[str, dict]:
    """Plan name -> the expected meta: the hand entry for a seed, the header facts for a synthetic plan."""
    out = {}
    for name, (_, entry) in SEED_PLANS.items():
        want, problems = read_entry(root / entry, entry, "plan")
        assert not problems, problems
        out[name] = want.meta
    for name, plan in SYNTHETIC.items():
        out[name] = plan["expected"]
    return out


def measure(root: Path = ROOT) -> tuple[dict, dict, dict]:
    """(full-field scores of the seeds by kind, header facts by kind as (right, total, misses), results by file)."""
    project = load(root)
    movements = movements_of(project.raw)
    expected = expected_plans(root)
    seeds: dict[str, dict] = {}
    header: dict[str, list] = {}
    results: dict[str, object] = {}
    for kind in KINDS:
        seeds[kind] = {}
        right = total = 0
        misses: list[str] = []
        for name, want in expected.items():
            path = source(name, kind)
            if path is None:
                continue
            got = import_plan(path, project.places, movements)
            results[f"{name}.{kind}"] = got
            if name in SEED_PLANS:  # the source file's name is not read from the document
                seeds[kind][name] = [score for score in compare(got.meta, want) if score.key != "nguon"]
            for key, ok, detail in header_facts(got.meta, want):
                total += 1
                right += ok
                if not ok:
                    misses.append(f"{name}.{kind} {key}: {detail}")
        if total:
            header[kind] = [right, total, misses]
    return seeds, header, results


def main() -> int:
    verbose = "-v" in sys.argv
    seeds, header, _ = measure()
    print("Dữ kiện đầu văn bản (số, ngày, nơi ban hành, địa phương, cơ quan, trích yếu, người ký ×4), theo loại nguồn:")
    all_right = all_total = 0
    for kind, (right, total, misses) in header.items():
        all_right += right
        all_total += total
        print(f"  {KINDS[kind]:<10} {right:>3}/{total:<3} {right / total:6.1%}")
        for miss in misses if verbose else misses[:4]:
            print(f"      sai: {miss[:170]}")
    print(f"  {'tất cả':<10} {all_right:>3}/{all_total:<3} {all_right / all_total:6.1%}")
    print("\nMọi trường của ba văn bản mẫu so với mục nhập đã kiểm tay, theo loại nguồn (trung bình theo trường):")
    for kind, results in seeds.items():
        if not results:
            continue
        text, overall = table(results)
        print(f"  {KINDS[kind]:<10} {overall:6.1%}")
        if verbose:
            print(text)
            for name, scores in results.items():
                for score in scores:
                    if score.score < 1:
                        print(f"      {name} {score.key}: {score.score:.2f} {score.detail[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
