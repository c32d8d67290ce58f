"""Feeds: every Atom and RSS file parses cleanly, lists the right entries with absolute links, and pages announce them."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from conftest import ROOT
from thidua.core.catalog import build_catalog
from thidua.features.feeds import MAX_ENTRIES, _clean, feed_outputs
from thidua.core.loader import load

SITE_URL = "https://example.gov.vn/thi-dua/"


@pytest.fixture(scope="module")
def catalog():
    result = load(ROOT)
    assert result.ok
    return build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1),
                         result.notices, result.workdays)


def parse(path: Path):
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def all_feeds(site: Path) -> list[Path]:
    return sorted([*site.glob("ban-tin*.atom.xml"), *site.glob("ban-tin*.rss.xml")])


def page_of(site: Path, feed: Path) -> Path:
    """The page a feed follows: ban-tin-dia-phuong-<id>.atom.xml -> dia-phuong/<id>/index.html."""
    stem = feed.name.split(".")[0].removeprefix("ban-tin")
    for folder in ("dia-phuong", "phong-trao"):
        if stem.startswith(f"-{folder}-"):
            return site / folder / stem.removeprefix(f"-{folder}-") / "index.html"
    assert stem == "", feed
    return site / "index.html"


def entry_ids(parsed) -> list[str]:
    return [e.link.removeprefix(SITE_URL) for e in parsed.entries]


def test_every_feed_is_valid_with_absolute_links(site):
    feeds = all_feeds(site)
    assert len(feeds) >= 6
    for path in feeds:
        parsed = parse(path)
        assert parsed.version == ("atom10" if path.name.endswith(".atom.xml") else "rss20"), path
        assert parsed.feed.title and parsed.entries, path
        for e in parsed.entries:
            assert e.link.startswith(SITE_URL), e.link
            assert (site / e.link.removeprefix(SITE_URL) / "index.html").is_file(), f"{path}: {e.link} has no page"
            assert e.id == e.link
        stamp = "updated_parsed" if path.name.endswith(".atom.xml") else "published_parsed"
        times = [e[stamp] for e in parsed.entries]
        assert all(times), path
        assert times == sorted(times, reverse=True), f"{path}: not newest first"
        assert len({e.id for e in parsed.entries}) == len(parsed.entries)


def test_atom_and_rss_of_a_feed_list_the_same_entries(site):
    for atom in site.glob("ban-tin*.atom.xml"):
        assert entry_ids(parse(atom)) == entry_ids(parse(atom.with_name(atom.name.replace(".atom.", ".rss.")))), atom


def test_site_feed_has_every_plan_and_exemplar(site, catalog):
    parsed = parse(site / "ban-tin.atom.xml")
    expected = ({f"ke-hoach/{i}/" for i in catalog.plans} | {f"guong/{i}/" for i in catalog.exemplars}
                | {f"lay-y-kien/{i}/" for i in catalog.notices})
    assert catalog.notices
    assert len(expected) <= MAX_ENTRIES
    assert set(entry_ids(parsed)) == expected
    assert parsed.feed.link == SITE_URL
    assert any(link.rel == "self" and link.href == SITE_URL + "ban-tin.atom.xml" for link in parsed.feed.links)


def _git_follow_first_added(path: str) -> str:
    """What `git log --follow` says for one file: the independent check of core/history.py's one command."""
    out = subprocess.run(["git", "log", "--follow", "--diff-filter=A", "--format=%cI", "--", path], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return out[-1]


def test_entry_times_are_when_the_entries_reached_the_portal(site, catalog):
    entries = {e.link.removeprefix(SITE_URL): e for e in parse(site / "ban-tin.atom.xml").entries}
    for entry in [*catalog.plans.values(), *catalog.exemplars.values()]:
        url = f"{'ke-hoach' if entry.kind == 'plan' else 'guong'}/{entry.id}/"
        expected = dt.datetime.fromisoformat(_git_follow_first_added(entry.source.path))
        assert dt.datetime.fromisoformat(entries[url].updated) == expected, url


def _commit(repo: Path, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.gov.vn", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.gov.vn"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


def test_new_means_new_on_the_portal(tmp_path):
    """A 2015 plan committed last leads the feed; renames keep their date; ngay_dang wins; undated entries are in;
    a file not committed yet counts from the build date."""
    from conftest import run_mkdocs_build

    repo = tmp_path / "p"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", repo)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "plans" / "kh-2.md").rename(tmp_path / "kh-2.md")
    (repo / "exemplars" / "guong-3.md").rename(tmp_path / "guong-3.md")
    _commit(repo, "first", "2024-01-10T09:00:00+07:00")
    subprocess.run(["git", "mv", "exemplars/guong-1.md", "exemplars/guong-mot.md"], cwd=repo, check=True)
    _commit(repo, "rename", "2024-03-01T09:00:00+07:00")
    old = (tmp_path / "kh-2.md").read_text(encoding="utf-8")
    old = re.sub(r"^ngay_ban_hanh:.*$", 'ngay_ban_hanh: "05/01/2015"', old, count=1, flags=re.M)
    (repo / "plans" / "kh-2.md").write_text(old, encoding="utf-8")
    _commit(repo, "an old plan, added late", "2024-05-20T15:30:00+07:00")
    undated = (tmp_path / "guong-3.md").read_text(encoding="utf-8")
    undated = re.sub(r"^ngay:.*\n", "", undated, count=1, flags=re.M)
    (repo / "exemplars" / "guong-3.md").write_text(undated, encoding="utf-8")  # not committed
    posted = (repo / "exemplars" / "guong-2.md").read_text(encoding="utf-8")
    (repo / "exemplars" / "guong-2.md").write_text(posted.replace("---\n", "---\nngay_dang: \"15/02/2024\"\n", 1),
                                                   encoding="utf-8")
    out = tmp_path / "site"
    result = run_mkdocs_build(repo, out)
    assert result.returncode == 0, result.stderr
    entries = parse(out / "ban-tin.atom.xml").entries
    times = {e.link.removeprefix(SITE_URL): e.updated for e in entries}
    assert entry_ids(parse(out / "ban-tin.atom.xml"))[:2] == ["guong/guong-3/", "ke-hoach/kh-2/"], times
    assert times["guong/guong-3/"].startswith("2024-06-01T00:00:00+07:00")  # the build date (mkdocs.yml)
    assert times["ke-hoach/kh-2/"] == "2024-05-20T15:30:00+07:00"
    assert times["guong/guong-mot/"] == "2024-01-10T09:00:00+07:00"  # renamed in March: still January
    assert times["guong/guong-2/"].startswith("2024-02-15T00:00:00+07:00")  # ngay_dang
    assert times["ke-hoach/kh-1/"] == "2024-01-10T09:00:00+07:00"


def test_place_feed_covers_the_place_and_the_units_below(site, catalog):
    place = "tinh-quang-binh"
    parsed = parse(site / f"ban-tin-dia-phuong-{place}.atom.xml")
    expected = {f"ke-hoach/{p.id}/" for p in catalog.plans_in(place)} | {f"guong/{e.id}/" for e in catalog.exemplars_in(place)}
    assert expected and set(entry_ids(parsed)) == expected
    assert "guong/nguyen-van-a-bo-trach/" in expected  # an exemplar of a district below the province


def test_movement_feed_includes_local_variants(site, catalog):
    parsed = parse(site / "ban-tin-phong-trao-nong-thon-moi.atom.xml")
    ids = set(entry_ids(parsed))
    assert "ke-hoach/bo-trach-195-kh-ubnd-2020/" in ids  # cites the Bố Trạch variant, not the national one
    assert "guong/nguyen-van-a-bo-trach/" in ids
    terms = {t.term for e in parsed.entries for t in e.get("tags", [])}
    assert "nong-thon-moi-bo-trach" in terms


def test_pages_announce_their_feeds(site, catalog):
    # rel holds the "alternate" token (feed autodiscovery) but is not "alternate" alone (see partials/head.html)
    link = re.compile(r'<link rel="alternate feed" type="application/(atom|rss)\+xml" title="[^"]+" href="([^"]+)">')
    checked = 0
    for path in all_feeds(site):
        page = page_of(site, path)
        html = page.read_text(encoding="utf-8")
        hrefs = [href for _kind, href in link.findall(html)]
        targets = {(page.parent / href).resolve() for href in hrefs}
        assert path.resolve() in targets, f"{page} does not announce {path}"
        checked += 1
    assert checked == len(all_feeds(site))
    # an exemplar page announces the site feed too
    html = (site / "guong" / "nguyen-van-a-bo-trach" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../ban-tin.atom.xml"' in html


def test_every_place_and_movement_with_dated_entries_has_a_feed(site, catalog):
    names = {p.name for p in all_feeds(site)}
    for place in catalog.place_ids:
        if catalog.plans_in(place) or catalog.exemplars_in(place):
            assert f"ban-tin-dia-phuong-{place}.atom.xml" in names, place
    for movement in catalog.movements:
        if catalog.plans_of_movement(movement) or catalog.exemplars_of_movement(movement):
            assert f"ban-tin-phong-trao-{movement}.rss.xml" in names, movement


def test_no_site_url_means_no_feeds(catalog):
    assert feed_outputs(catalog, "", "Cổng") == []
    assert feed_outputs(catalog, SITE_URL, "Cổng")


def test_control_characters_in_editor_text_cannot_break_the_xml():
    assert _clean("Tên\x0bcó\x00ký tự\x1f lạ") == "Tên cóký tự lạ"
