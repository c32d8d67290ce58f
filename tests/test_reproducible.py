"""Two builds of the same content are byte-identical, so district servers sync only what changed."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
from pathlib import Path

from conftest import ROOT, run_mkdocs_build

EPOCH = 1740787200  # 2025-03-01T00:00:00Z


def digests(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    # Different hash seeds, so set or dict ordering that leaks into the output shows up as a difference.
    trees = []
    for name, seed in (("a", "1"), ("b", "2")):
        out = tmp_path / name
        result = run_mkdocs_build(ROOT, out, env={"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        trees.append(digests(out))
    first, second = trees
    assert sorted(first) == sorted(second), f"files in only one build: {sorted(set(first) ^ set(second))}"
    differing = [path for path in first if first[path] != second[path]]
    assert differing == [], f"files that differ between two builds: {differing}"
    assert len(first) > 100


def test_sitemap_dates_follow_the_build_date_not_the_clock(tmp_path):
    out = tmp_path / "site"
    result = run_mkdocs_build(ROOT, out, env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    assert result.returncode == 0, result.stderr
    day = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).date().isoformat()
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {day}
    raw = (out / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == EPOCH  # gzip header mtime
    assert gzip.decompress(raw).decode("utf-8") == sitemap
