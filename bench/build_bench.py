"""Build benchmark: the plugin's site of N synthetic entries beside plain MkDocs pages of the same count.

    python bench/build_bench.py 1000 10000

For each N, reports wall time and peak memory of each `mkdocs build` (a child process, measured with wait4),
the mean HTML bytes per entry page, and the plugin's overhead over plain MkDocs. Nothing here is a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402


def measure_build(project: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of one `mkdocs build` of ``project``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site")], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {project}")
    return elapsed, usage.ru_maxrss / 1024


def mean_bytes(pages: list[Path]) -> float:
    return sum(p.stat().st_size for p in pages) / max(1, len(pages))


def run(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        portal, plain = Path(tmp) / "portal", Path(tmp) / "plain"
        generate(portal, n)
        generate(plain, n, plain=True)
        portal_s, portal_mib = measure_build(portal)
        plain_s, plain_mib = measure_build(plain)
        site = portal / "site"
        entry_pages = [p for d in ("ke-hoach", "guong") for p in (site / d).glob("*/index.html") if p.parent.name != "trang"]
        plain_pages = list((plain / "site" / "p").glob("*/index.html"))
        return {
            "n": n, "portal_s": portal_s, "plain_s": plain_s, "overhead": portal_s / plain_s - 1,
            "portal_mib": portal_mib, "plain_mib": plain_mib,
            "entry_page_bytes": mean_bytes(entry_pages), "plain_page_bytes": mean_bytes(plain_pages),
            "html_pages": sum(1 for _ in site.rglob("*.html")),
        }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000]
    print(f"{'N':>7} {'portal s':>9} {'plain s':>8} {'overhead':>9} {'portal MiB':>11} {'plain MiB':>10} "
          f"{'B/entry page':>13} {'B/plain page':>13} {'HTML pages':>11}")
    for n in sizes:
        r = run(n)
        print(f"{r['n']:>7} {r['portal_s']:>9.1f} {r['plain_s']:>8.1f} {r['overhead']:>+9.0%} {r['portal_mib']:>11.0f} "
              f"{r['plain_mib']:>10.0f} {r['entry_page_bytes']:>13,.0f} {r['plain_page_bytes']:>13,.0f} {r['html_pages']:>11}",
              flush=True)


if __name__ == "__main__":
    main()
