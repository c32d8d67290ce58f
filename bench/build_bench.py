"""Build benchmark: the plugin's site of N synthetic entries beside plain MkDocs pages of the same count.

    python bench/build_bench.py 1000 10000 [--repeat 3]

For each N, both projects are generated once, then built --repeat times each, alternating portal and plain so a
busy machine slows both alike; every build writes into a new folder, kept until the end (see settle). Reported: the
median wall time of each project's `mkdocs build` (a child process) and the plugin's overhead from those medians;
"paired", the median over runs of each portal build's time against the plain build right after it; the median CPU
time (user + system, the build's own processes included: the portal forks helpers when it has a second core) and
its overhead; the peak memory of all of a build's processes together (proportional set size, sampled every 10 ms in
one more build of each project, not timed); the mean HTML bytes per entry page. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

def _tree_pss(pid: int) -> int:
    """Proportional resident bytes of a process and its descendants, from /proc (0 where it cannot be read).

    PSS, not RSS: a forked child shares the parent's pages until either writes to them, and RSS would count a
    shared page once per process."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            pass
    return total


def settle() -> None:
    """Let the disk finish writing before the next build is timed.

    Built sites are kept until the end (deleted with the temporary folder): deleting one leaves the file system
    work to do long after rmtree and sync return, and that work lands in the next build. Measured here when each
    build's site was deleted before the next, the last plain build (the only one not preceded by a deletion) was
    the fastest in three runs out of three: at 10,000 entries, 19.7 s against 21.6, 30.8, 32.4 and 33.0 s; and
    creating files right after deleting the portal's 3,200 took three times longer per file (openat 265 µs against
    87 µs).
    """
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(2)


def measure_build(project: Path, site: Path, memory: bool = False) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MiB (all processes) of one `mkdocs build` of ``project``.

    Memory is sampled only when asked, in builds that are not timed: reading /proc/<pid>/smaps_rollup of every
    process each 10 ms takes CPU from the build, three times as often for the portal's three processes."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], _tree_pss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    if memory:
        sampler.join()
    if status != 0:
        raise SystemExit(f"build failed in {project}")
    # wait4's maxrss is the largest single process of the tree; the sampled sum is what the machine needs.
    peak_mib = max(peak[0] / 2**20, usage.ru_maxrss / 1024)
    return elapsed, usage.ru_utime + usage.ru_stime, peak_mib


def mean_bytes(pages: list[Path]) -> float:
    return sum(p.stat().st_size for p in pages) / max(1, len(pages))


def run(n: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        portal, plain = Path(tmp) / "portal", Path(tmp) / "plain"
        generate(portal, n)
        generate(plain, n, plain=True)
        settle()  # writing the projects is disk work too
        runs: dict[str, list[tuple[float, float, float]]] = {"portal": [], "plain": []}
        for run_no in range(repeat):
            for name, project in (("portal", portal), ("plain", plain)):
                site = project / f"site-{run_no}"
                runs[name].append(measure_build(project, site))
                settle()
        peaks = {}
        for name, project in (("portal", portal), ("plain", plain)):  # one more build each, for memory only
            site = project / "site-memory"
            peaks[name] = measure_build(project, site, memory=True)[2]
            settle()
        last = f"site-{repeat - 1}"
        site = portal / last
        entry_pages = [p for d in ("ke-hoach", "guong") for p in (site / d).glob("*/index.html") if p.parent.name != "trang"]
        plain_pages = list((plain / last / "p").glob("*/index.html"))
        med = {k: [statistics.median(r[i] for r in v) for i in range(3)] for k, v in runs.items()}
        return {
            "n": n, "portal_s": med["portal"][0], "plain_s": med["plain"][0],
            "portal_walls": [r[0] for r in runs["portal"]], "plain_walls": [r[0] for r in runs["plain"]],
            "overhead": med["portal"][0] / med["plain"][0] - 1,
            # Each portal build against the plain build right after it: on a machine whose speed drifts during
            # the run (a shared virtual machine), neighbours in time compare like with like.
            "paired": statistics.median(a[0] / b[0] for a, b in zip(runs["portal"], runs["plain"])) - 1,
            "portal_cpu": med["portal"][1], "plain_cpu": med["plain"][1],
            "cpu_overhead": med["portal"][1] / med["plain"][1] - 1,
            "portal_mib": max(peaks["portal"], *(r[2] for r in runs["portal"])),
            "plain_mib": max(peaks["plain"], *(r[2] for r in runs["plain"])),
            "entry_page_bytes": mean_bytes(entry_pages), "plain_page_bytes": mean_bytes(plain_pages),
            "html_pages": sum(1 for _ in site.rglob("*.html")),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'N':>7} {'portal s':>9} {'plain s':>8} {'overhead':>9} {'paired':>7} {'portal CPU':>11} {'plain CPU':>10} "
          f"{'CPU ovh':>8} {'portal MiB':>11} {'plain MiB':>10} {'B/entry page':>13} {'B/plain page':>13} "
          f"{'HTML pages':>11}  runs (portal | plain)")
    for n in args.sizes:
        r = run(n, args.repeat)
        walls = " ".join(f"{s:.1f}" for s in r["portal_walls"]) + " | " + " ".join(f"{s:.1f}" for s in r["plain_walls"])
        print(f"{r['n']:>7} {r['portal_s']:>9.1f} {r['plain_s']:>8.1f} {r['overhead']:>+9.0%} {r['paired']:>+7.0%} "
              f"{r['portal_cpu']:>11.1f} "
              f"{r['plain_cpu']:>10.1f} {r['cpu_overhead']:>+8.0%} {r['portal_mib']:>11.0f} {r['plain_mib']:>10.0f} "
              f"{r['entry_page_bytes']:>13,.0f} {r['plain_page_bytes']:>13,.0f} {r['html_pages']:>11}  {walls}",
              flush=True)


if __name__ == "__main__":
    main()
