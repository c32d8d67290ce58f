"""How long the place registry takes to load (every build loads it) and how big its data file is.

    /tmp/venv/bin/python bench/places_bench.py
Each run is a fresh interpreter, so the per-process cache in places.py does not hide the cost.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import time
t0 = time.perf_counter()
from thidua.core.places import load_registry, DATA_FILE
t1 = time.perf_counter()
registry = load_registry()
t2 = time.perf_counter()
registry.today_sentence("huyen-bo-trach-quang-binh"); registry.rollup_former("tinh-quang-tri")
registry.today_sentence("xa-gio-linh-quang-tri"); registry.suggestions("xã Gio Linh")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, len(registry), DATA_FILE.stat().st_size)
"""


def main(runs: int = 7) -> None:
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(ROOT / "plugins")}).stdout.split()
        samples.append([float(x) for x in out[:3]] + [int(out[3]), int(out[4])])
    med = [statistics.median(s[i] for s in samples) for i in range(3)]
    print(f"units: {samples[0][3]}, places.json: {samples[0][4] / 1024:.0f} KiB")
    print(f"median of {runs}: import {med[0] * 1000:.1f} ms, load_registry {med[1] * 1000:.1f} ms, "
          f"first queries (sentences, province rollup, name index) {med[2] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
