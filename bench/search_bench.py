"""Search benchmark: index build time, gzip bytes before the first result, and time from index to first result.

    python bench/search_bench.py 2000 20000

For each N it generates a synthetic portal (bench/generate.py), builds its search index with search.py (timed), and
puts the index into a copy of the real site's /tra-cuu/ page (built once from this repository with mkdocs, so the
page, theme and scripts are the real ones). Headless Chromium then opens /tra-cuu/?q=… for a few queries and reports:

* gzip bytes of every response that finished before the first result was on screen (each file compressed at gzip
  level 6 as a server would send it), in total and for search alone (scripts, manifest, shards, chunks);
* ms from the moment the last byte of the query's last index shard arrived (before it is parsed) to ranked results,
  to the first result on screen (which includes fetching the chunk with its title), and to the whole first page of
  results and the facets drawn, read from window.thiduaSearchTiming (performance.now()); and ms from navigation
  start to the first result on screen.

Budget (issue 5): ≤ 300 KB at 2,000 entries, ≤ 1 MB at 20,000, first result within 100 ms of the index. Not a test.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from thidua.features import search  # noqa: E402
from thidua.features.urls import URLS  # noqa: E402
from thidua.core.catalog import build_catalog  # noqa: E402
from thidua.core.loader import ContentDirs, load  # noqa: E402

QUERIES = ["nguoi tot viec tot", "nông thôn mới", "195/KH-UBND", "Bố Trạch", "phong trào 7"]
SUBPATH = "/thi-dua/"
RUNS = 3  # each query is measured this many times; the median run is reported


def build_real_site(out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"mkdocs build failed:\n{done.stderr}")


def synthetic_index(n: int, site: Path) -> dict:
    """Generate N entries, build their index (timed) and put it in place of the site's own."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), n)
        result = load(Path(tmp), ContentDirs("plans", "exemplars", "movements", ""))
        catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 1, 1))
    start = time.perf_counter()
    outputs = search.search_outputs(catalog)
    seconds = time.perf_counter() - start
    shutil.rmtree(site / URLS.search_index_dir)
    index_bytes = 0
    for path, content in outputs:
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        target.write_bytes(data)
        if path.startswith(URLS.search_index_dir):
            index_bytes += len(data)
    shards = sum(1 for p, _ in outputs if "/s." in p)
    return {"entries": len(catalog.plans) + len(catalog.exemplars) + len(catalog.movements) + len(catalog.place_ids),
            "build_s": seconds, "index_mb": index_bytes / 1e6, "shards": shards}


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0]
        return super().translate_path("/" + clean[len(SUBPATH):]) if clean.startswith(SUBPATH) else "/nonexistent"

    def log_message(self, *args) -> None:
        pass


@functools.lru_cache(maxsize=None)
def gzip_size(path: Path, mtime: float) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def measure(site: Path, driver, base: str, query: str) -> dict:
    driver.get("about:blank")
    driver.get(base + "tra-cuu/?q=" + quote(query))
    deadline = time.time() + 60
    while time.time() < deadline:
        state = driver.execute_script("return document.getElementById('td-search').dataset.state")
        if state in ("ready", "error"):
            break
        time.sleep(0.02)
    timing = driver.execute_script("return window.thiduaSearchTiming")
    entries = driver.execute_script(
        "return [[location.href, 0]].concat(performance.getEntriesByType('resource')"
        ".map(e => [e.name, e.responseEnd]))")
    total = search_only = 0
    for url, end in entries:
        if end > timing["rendered"]:
            continue
        rel = urlparse(url).path[len(SUBPATH):]
        file = site / rel
        if rel == "" or rel.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            continue
        size = gzip_size(file, file.stat().st_mtime)
        total += size
        if rel.startswith((URLS.search_index_dir, URLS.search_assets)):
            search_only += size
    return {"query": query, "results": timing["results"], "shards": timing["shards"],
            "to_ranked_ms": timing["ranked"] - timing["arrived"], "to_rendered_ms": timing["rendered"] - timing["arrived"],
            "done_ms": timing["done"] - timing["arrived"], "page_ms": timing["rendered"],
            "gzip_kb": total / 1024, "search_gzip_kb": search_only / 1024}


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=412,915", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_real_site(site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
        driver = browser()
        try:
            for n in sizes:
                info = synthetic_index(n, site)
                print(f"\nN={n}: {info['entries']} search entries, index built in {info['build_s']:.1f} s, "
                      f"{info['index_mb']:.1f} MB of JSON in {info['shards']} shards")
                print(f"  {'query':22} {'results':>7} {'shards':>6} {'gzip KB':>8} {'search KB':>9} "
                      f"{'ranked ms':>9} {'first ms':>8} {'all ms':>9} {'page ms':>8}")
                for query in QUERIES:
                    runs = sorted((measure(site, driver, base, query) for _ in range(RUNS)), key=lambda r: r["to_rendered_ms"])
                    row = runs[len(runs) // 2]  # the median run by time to the first result
                    print(f"  {query:22} {row['results']:7d} {row['shards']:6d} {row['gzip_kb']:8.1f} "
                          f"{row['search_gzip_kb']:9.1f} {row['to_ranked_ms']:9.1f} {row['to_rendered_ms']:8.1f} {row['done_ms']:9.1f} "
                          f"{row['page_ms']:8.0f}")
        finally:
            driver.quit()
            server.shutdown()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 20000])
