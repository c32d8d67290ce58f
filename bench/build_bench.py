"""Build benchmark: a portal of N exemplars (bench/generate.py: a photo each, a full-length plan per 20, skewed places)
beside plain MkDocs + Material building the same bodies with the same images, in the same run.

    python bench/build_bench.py 1000 10000 [--repeat 2] [--skip-serve] [--skip-browser]

For each N both projects are generated once (photos come from bench/.photo-pool/, made once and reused). Then:

* cold: one portal build with an empty photo cache (every photo checked and processed: photos per second);
* warm: --repeat portal builds with nothing changed, alternating with plain builds so a busy machine slows both
  alike (every build writes into a new folder, kept until the end: see settle);
* wall and CPU time (user + system of the build and every process it started, threads included), medians;
* peak memory of all of a build's processes together (PSS, sampled every 10 ms in one more build of each, untimed);
* bytes per page: the HTML of entry pages, and every byte a page view transfers in headless Chromium (CDP
  Network.loadingFinished, encoded lengths) for an exemplar and a plan page, portal and plain;
* serve: the seconds from saving one exemplar (plain: its page) to `mkdocs serve` answering with the new text.

Nothing here is a test; figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

SUBPATH = "/thi-dua/"


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
    """Let the disk finish writing before the next build is timed (built sites are kept until the end: deleting
    one leaves file system work that lands in the next build)."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(2)


def measure_build(project: Path, site: Path, memory: bool = False) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MiB (all processes) of one `mkdocs build` of ``project``."""
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
    peak_mib = max(peak[0] / 2**20, usage.ru_maxrss / 1024)
    return elapsed, usage.ru_utime + usage.ru_stime, peak_mib


def mean_bytes(pages: list[Path]) -> float:
    return sum(p.stat().st_size for p in pages) / max(1, len(pages))


# ----- a page view in Chromium ----------------------------------------------------------------------------------
class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0]
        return super().translate_path("/" + clean[len(SUBPATH):]) if clean.startswith(SUBPATH) else "/nonexistent"

    def log_message(self, *args) -> None:
        pass


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=412,915", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--no-first-run"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def page_view_bytes(driver, site: Path, path: str) -> tuple[int, int, list[str]]:
    """(bytes, requests, the largest requests) of one fresh page view of ``site``/``path``, cache disabled."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.get("about:blank")
        driver.get_log("performance")
        driver.get(f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}{path}")
        time.sleep(2.0)  # scripts' own fetches (a theme's sitemap, a search index) come after the load event
        urls, sizes = {}, {}
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message.get("method") == "Network.requestWillBeSent":
                urls[params["requestId"]] = params["request"]["url"]
            elif message.get("method") == "Network.loadingFinished":
                sizes[params["requestId"]] = params["encodedDataLength"]
        largest = sorted(((size, urls.get(rid, "?")) for rid, size in sizes.items()), reverse=True)[:3]
        return sum(sizes.values()), len(sizes), [f"{u.rsplit('/', 2)[-2:]}={s // 1024} KB" for s, u in largest]
    finally:
        server.shutdown()


# ----- mkdocs serve: saving one entry to its page rebuilt ---------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_latency(project: Path, source: Path, page: str, timeout: float = 900) -> float:
    """Seconds from saving ``source`` (a marker word appended) to `mkdocs serve` answering ``page`` with it."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q", "-a", f"127.0.0.1:{port}",
                             "-f", str(project / "mkdocs.yml")], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}{SUBPATH}{page}"
    try:
        deadline = time.time() + timeout
        while "<html" not in _get(url):
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit(f"mkdocs serve did not start for {project}")
            time.sleep(0.2)
        time.sleep(3)  # the watcher is set up after the first build
        marker = f"moclamviec{int(time.time())}"
        original = source.read_text(encoding="utf-8")
        start = time.perf_counter()
        source.write_text(original + f"\n\nĐã cập nhật {marker}.\n", encoding="utf-8")
        while marker not in _get(url):
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"the page of {source} was not rebuilt")
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        source.write_text(original, encoding="utf-8")
        return seconds
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()


def run(n: int, repeat: int, workdir: Path, serve: bool, chromium: bool) -> dict:
    portal, plain = workdir / f"portal-{n}", workdir / f"plain-{n}"
    for project in (portal, plain):
        shutil.rmtree(project, ignore_errors=True)
    generate(portal, n)
    generate(plain, n, plain=True)
    photos = sum(1 for _ in (portal / "exemplars" / "anh").glob("*.jpg"))
    settle()
    cache = portal / ".cache" / "thidua"
    shutil.rmtree(cache, ignore_errors=True)
    cold = measure_build(portal, portal / "site-cold")
    settle()
    runs: dict[str, list[tuple[float, float, float]]] = {"portal": [], "plain": []}
    for run_no in range(repeat):
        for name, project in (("portal", portal), ("plain", plain)):
            runs[name].append(measure_build(project, project / f"site-{run_no}"))
            settle()
    peaks = {}
    for name, project in (("portal", portal), ("plain", plain)):
        peaks[name] = measure_build(project, project / "site-memory", memory=True)[2]
        settle()
    last = f"site-{repeat - 1}"
    site = portal / last
    entry_pages = [p for d in ("ke-hoach", "guong") for p in (site / d).glob("*/index.html") if p.parent.name != "trang"]
    plain_pages = list((plain / last / "p").glob("*/index.html"))
    med = {k: [statistics.median(r[i] for r in v) for i in range(3)] for k, v in runs.items()}
    result = {
        "n": n, "photos": photos, "cold_s": cold[0], "cold_cpu": cold[1], "photos_per_s": photos / cold[0],
        "portal_s": med["portal"][0], "plain_s": med["plain"][0],
        "portal_cpu": med["portal"][1], "plain_cpu": med["plain"][1],
        "walls": [r[0] for r in runs["portal"]], "plain_walls": [r[0] for r in runs["plain"]],
        "portal_mib": max(peaks["portal"], cold[2], *(r[2] for r in runs["portal"])),
        "plain_mib": max(peaks["plain"], *(r[2] for r in runs["plain"])),
        "entry_html": mean_bytes(entry_pages), "plain_html": mean_bytes(plain_pages),
        "html_pages": sum(1 for _ in site.rglob("*.html")),
    }
    if chromium:
        driver = browser()
        try:
            for label, root, page in (("portal exemplar", site, "guong/guong-1/"), ("portal plan", site, "ke-hoach/kh-1/"),
                                      ("plain exemplar", plain / last, "p/guong-1/"), ("plain plan", plain / last, "p/kh-1/")):
                result[f"view {label}"] = page_view_bytes(driver, root, page)
        finally:
            driver.quit()
    if serve:
        result["serve portal s"] = serve_latency(portal, portal / "exemplars" / "guong-1.md", "guong/guong-1/")
        result["serve plain s"] = serve_latency(plain, plain / "docs" / "p" / "guong-1.md", "p/guong-1/")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None, help="kept afterwards; default: a temporary folder")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            r = run(n, args.repeat, workdir, not args.skip_serve, not args.skip_browser)
            print(f"\nN = {n} exemplars ({r['photos']} photos, {r['html_pages']} HTML pages)")
            print(f"  cold portal build: {r['cold_s']:.1f} s wall, {r['cold_cpu']:.1f} s CPU, "
                  f"{r['photos_per_s']:.1f} photos/s")
            print(f"  warm portal build: {r['portal_s']:.1f} s wall, {r['portal_cpu']:.1f} s CPU "
                  f"(runs {', '.join(f'{w:.1f}' for w in r['walls'])})")
            print(f"  plain MkDocs:      {r['plain_s']:.1f} s wall, {r['plain_cpu']:.1f} s CPU "
                  f"(runs {', '.join(f'{w:.1f}' for w in r['plain_walls'])})")
            print(f"  warm / plain:      {r['portal_s'] / r['plain_s']:.2f}x wall, {r['portal_cpu'] / r['plain_cpu']:.2f}x CPU")
            print(f"  peak memory:       portal {r['portal_mib']:.0f} MiB, plain {r['plain_mib']:.0f} MiB")
            print(f"  HTML per page:     portal entry pages {r['entry_html']:,.0f} B, plain {r['plain_html']:,.0f} B")
            for key, value in r.items():
                if key.startswith("view "):
                    print(f"  page view {key[5:]:16} {value[0] / 1024:8.0f} KB in {value[1]} requests; largest {value[2]}")
            if "serve portal s" in r:
                print(f"  serve, save to page: portal {r['serve portal s']:.1f} s, plain {r['serve plain s']:.1f} s")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
