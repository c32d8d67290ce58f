"""Search benchmark: the portal's search beside Pagefind on the same built site, in headless Chromium, same queries.

    python bench/search_bench.py 2000 20000        (pip install -r bench/requirements.txt first, for Pagefind)

For each N (search entries, about) it generates a portal (bench/generate.py: plans of real length, skewed places;
no photos, search does not read them), builds it with mkdocs (the search index build is timed on its own too),
runs Pagefind over the same built site, and serves both. For each query (a signer's name with and without
diacritics, đ typed as d, a document number, a place, a phrase from the middle of a plan, an exemplar's name) it
reports, for the portal's /tra-cuu/ page and for Pagefind's JavaScript API:

* gzip KB of every response finished before the first result was known (each file gzipped at level 6, as a server
  would send it), in total and for search alone (index, scripts, WebAssembly);
* ms from the search's start to its first result (portal: also from the arrival of the last index shard);
* whether an expected entry is in the top 3 (its rank).

Budgets (issue 16): ≤ 300 KB at 2,000 entries, ≤ 1 MB at 20,000, first result within 100 ms of the index. Not a test.
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
from generate import EXEMPLARS_PER_PLAN, generate  # noqa: E402

from thidua.features import search  # noqa: E402
from thidua.features.urls import URLS  # noqa: E402
from thidua.core import vntext  # noqa: E402
from thidua.core.catalog import build_catalog  # noqa: E402
from thidua.core.loader import ContentDirs, load  # noqa: E402
from thidua.features import search  # noqa: E402

SUBPATH = "/thi-dua/"
RUNS = 3  # each query is measured this many times; the median run by time is reported
PAGEFIND_HARNESS = """<!doctype html><html lang="vi"><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const started = performance.now();
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({ excerptLength: 30 });
const found = await pagefind.search(q);
const first = found.results.length ? await found.results[0].data() : null;
const rendered = performance.now();
const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
window.pfResult = { urls: top.map(d => d.url), count: found.results.length, started, rendered };
</script></html>
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".mjs": "text/javascript", ".wasm": "application/wasm"}

    requests: list[tuple[float, str]] = []  # (when, path) of every request, for counting bytes

    def do_GET(self) -> None:
        _Handler.requests.append((time.perf_counter(), self.path))
        super().do_GET()

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0]
        return super().translate_path("/" + clean[len(SUBPATH):]) if clean.startswith(SUBPATH) else "/nonexistent"

    def log_message(self, *args) -> None:
        pass


@functools.lru_cache(maxsize=None)
def gzip_size(path: Path, mtime: float) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _bytes_before(driver, site: Path, until: float, search_prefixes: tuple[str, ...]) -> tuple[float, float]:
    """gzip KB of every file the server was asked for within ``until`` ms of the page's own request, in total and
    for search alone. Counted at the server: Pagefind fetches its index from a Web Worker, whose requests neither
    the page's resource timing nor the page's DevTools log lists."""
    requests = list(_Handler.requests)
    page = next((t for t, path in requests if "?q=" in path), None)
    total = search_only = 0
    for at, path in requests:
        if page is None or at < page or (at - page) * 1000 > until:
            continue
        rel = urlparse(path).path[len(SUBPATH):]
        file = site / rel
        if rel == "" or rel.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            continue
        size = gzip_size(file, file.stat().st_mtime)
        total += size
        if rel.startswith(search_prefixes):
            search_only += size
    return total / 1024, search_only / 1024


def _wait(driver, script: str, timeout: float = 60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for: {script}")


def _rank(urls: list[str], expected: set[str]) -> int | None:
    paths = [urlparse(u).path.removeprefix(SUBPATH).lstrip("/") for u in urls]
    return next((i + 1 for i, p in enumerate(paths) if p in expected), None)


def measure_portal(driver, site: Path, base: str, query: str, expected: set[str]) -> dict:
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})  # a fresh visitor: nothing cached, workers' fetches too
    _Handler.requests.clear()
    driver.get(base + "tra-cuu/?q=" + quote(query))
    _wait(driver, "return ['ready','error'].includes(document.getElementById('td-search').dataset.state)")
    timing = driver.execute_script("return window.thiduaSearchTiming")
    urls = driver.execute_script("return [...document.querySelectorAll('#td-results .td-result h3 a')]"
                                 ".slice(0, 3).map(a => a.href)")
    total, only = _bytes_before(driver, site, timing["rendered"], (URLS.search_index_dir, URLS.search_assets))
    return {"kb": total, "search_kb": only, "ms": timing["rendered"] - timing["started"],
            "after_index_ms": timing["rendered"] - timing["arrived"], "results": timing["results"],
            "rank": _rank(urls, expected)}


def measure_pagefind(driver, site: Path, base: str, query: str, expected: set[str]) -> dict:
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})  # a fresh visitor: nothing cached, workers' fetches too
    _Handler.requests.clear()
    driver.get(base + "pagefind-bench.html?q=" + quote(query))
    result = _wait(driver, "return window.pfResult")
    total, only = _bytes_before(driver, site, result["rendered"], ("pagefind/",))
    return {"kb": total, "search_kb": only, "ms": result["rendered"] - result["started"], "after_index_ms": None,
            "results": result["count"], "rank": _rank(result["urls"], expected)}


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=412,915", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})  # a fresh visitor every time
    return driver


def queries(info: dict, project: Path) -> list[tuple[str, set[str]]]:
    """(query, pages any of which is a right answer) built from what was generated."""
    plans = info["plans"]
    by_signer: dict[str, set[str]] = {}
    for p in plans:
        by_signer.setdefault(p["signer"], set()).add(f"ke-hoach/{p['id']}/")
    signer = plans[0]["signer"]
    dsigner = next((s for s in sorted(by_signer) if "Đ" in s), signer)
    plan = plans[len(plans) // 2]
    text = (project / "plans" / f"{plan['id']}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    found = search.words(search.plain_text(text))
    # The first 8 words from the middle on that no movement or exemplar also holds (not a movement's name it quotes).
    others = " ".join(" ".join(vntext.fold(w) for w in search.words(p.read_text(encoding="utf-8")))
                      for folder in ("movements", "exemplars") for p in (project / folder).glob("*.md"))
    phrase = next(" ".join(found[i:i + 8]) for i in range(len(found) // 2, len(found) - 8)
                  if " ".join(vntext.fold(w) for w in found[i:i + 8]) not in others)
    same_body = {f"ke-hoach/{p['id']}/" for p in plans
                 if (project / "plans" / f"{p['id']}.md").read_text(encoding="utf-8").split("---\n", 2)[2] == text}
    registry = load(project, ContentDirs()).places
    place = registry.get(plan["place"])
    exemplar = info["exemplars"][len(info["exemplars"]) // 3]
    return [
        (signer, by_signer[signer]),
        (vntext.fold(signer), by_signer[signer]),
        (vntext.fold(dsigner).replace("đ", "d"), by_signer[dsigner]),
        (plan["number"], {f"ke-hoach/{plan['id']}/"}),
        (place.name, {f"dia-phuong/{plan['place']}/"}),
        (vntext.fold(place.name), {f"dia-phuong/{plan['place']}/"}),
        (phrase, same_body),
        (vntext.fold(phrase), same_body),
        (exemplar["name"], {f"guong/{exemplar['id']}/"}),
    ]


def prepare(n: int, tmp: Path) -> tuple[Path, dict, dict]:
    """Generate, build with mkdocs, index with Pagefind; the built site, the generated info, figures."""
    project, site = tmp / f"portal-{n}", tmp / f"site-{n}"
    exemplars = max(20, int(n / (1 + 1 / EXEMPLARS_PER_PLAN)) - 350)  # the rest: plans, movements, place pages
    info = generate(project, exemplars, photos=False)
    result = load(project, ContentDirs())
    catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 6, 1))
    start = time.perf_counter()
    built = search.build_search(catalog)
    index_s = time.perf_counter() - start
    entries = built.manifest["count"]
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"mkdocs build failed:\n{done.stderr}")
    start = time.perf_counter()
    pf = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True)
    pagefind_s = time.perf_counter() - start
    if pf.returncode:
        raise SystemExit(f"pagefind failed:\n{pf.stdout}\n{pf.stderr}")
    (site / "pagefind-bench.html").write_text(PAGEFIND_HARNESS, encoding="utf-8")
    index_mb = sum(p.stat().st_size for p in (site / URLS.search_index_dir).iterdir()) / 1e6
    pagefind_mb = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1e6
    return site, info | {"project": project}, {"entries": entries, "index_s": index_s, "index_mb": index_mb,
                                                "pagefind_s": pagefind_s, "pagefind_mb": pagefind_mb,
                                                "pages": sum(1 for _ in site.rglob("*.html"))}


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        driver = browser()
        try:
            for n in sizes:
                site, info, figures = prepare(n, Path(tmp))
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
                threading.Thread(target=server.serve_forever, daemon=True).start()
                base = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
                print(f"\nN={n}: {figures['entries']} search entries, {figures['pages']} HTML pages. Portal index built in "
                      f"{figures['index_s']:.1f} s, {figures['index_mb']:.1f} MB of JSON; Pagefind indexed in "
                      f"{figures['pagefind_s']:.1f} s, {figures['pagefind_mb']:.1f} MB")
                print(f"  {'query':42} | {'portal: KB':>10} {'search':>6} {'ms':>6} {'idx ms':>6} {'rank':>4} "
                      f"| {'Pagefind: KB':>12} {'search':>6} {'ms':>6} {'rank':>4}")
                for query, expected in queries(info, info["project"]):
                    rows = []
                    for measure in (measure_portal, measure_pagefind):
                        runs = sorted((measure(driver, site, base, query, expected) for _ in range(RUNS)),
                                      key=lambda r: r["ms"])
                        rows.append(runs[len(runs) // 2])
                    p, f = rows
                    show = lambda r: "-" if r is None else str(r)  # noqa: E731
                    print(f"  {query[:42]:42} | {p['kb']:10.1f} {p['search_kb']:6.1f} {p['ms']:6.0f} "
                          f"{p['after_index_ms']:6.0f} {show(p['rank']):>4} | {f['kb']:12.1f} {f['search_kb']:6.1f} "
                          f"{f['ms']:6.0f} {show(f['rank']):>4}", flush=True)
                server.shutdown()
                shutil.rmtree(site)
        finally:
            driver.quit()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 20000])
