"""A real `mkdocs build --strict` of a small fixture site: pages, links, pagination, sanitising, failure safety."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import run_mkdocs_build

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("mini")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_every_entry_file_has_a_page(built):
    for folder, url in (("plans", "ke-hoach"), ("exemplars", "guong"), ("movements", "phong-trao")):
        ids = sorted(p.stem for p in (FIXTURE / folder).rglob("*.md"))
        pages = sorted(p.parent.name for p in (built / url).glob("*/index.html") if p.parent.name != "trang")
        assert pages == ids, folder


def test_plan_page_shows_card_and_links_every_way(built):
    html = read(built, "ke-hoach/kh-1")
    assert "12/KH-UBND" in html and "Ủy ban nhân dân tỉnh Hà Tĩnh" in html
    assert 'datetime="2024-03-05"' in html  # "ngày 05 tháng 3 năm 2024" read at day precision
    assert "tháng 6/2024" in html and "Phòng Văn hóa và Thông tin" in html
    links = hrefs(html)
    assert "../../phong-trao/dia-phuong/" in links
    assert "../../dia-phuong/tinh-ha-tinh/" in links
    assert {"../../guong/guong-1/", "../../guong/guong-2/", "../../guong/guong-3/"} <= set(links)


def test_backlinks_from_exemplar_movement_and_place(built):
    assert "../../ke-hoach/kh-1/" in hrefs(read(built, "guong/guong-1"))
    movement = read(built, "phong-trao/quoc-gia")
    assert "../dia-phuong/" in hrefs(movement)  # the local variant, beside it under /phong-trao/
    assert "../../ke-hoach/kh-1/" in hrefs(movement)  # rolled up from the local variant
    place = read(built, "dia-phuong/tinh-ha-tinh")
    assert {"../../ke-hoach/kh-1/", "../../ke-hoach/kh-2/", "../../guong/guong-3/"} <= set(hrefs(place))


def test_plan_without_number_or_date_says_so(built):
    html = read(built, "ke-hoach/kh-2")
    assert "Văn bản không ghi số" in html and "không rõ ngày" in html


def test_lists_are_paginated_and_sortable_by_date(built):
    first = read(built, "guong")
    second = read(built, "guong/trang/2")
    assert "A3" in first and "A2" in first and "A1" not in first  # newest first, two per page
    assert "A1" in second
    oldest = read(built, "guong/trang/cu-1")
    assert oldest.index("Nguyễn Văn A1") < oldest.index("Nguyễn Văn A2")
    assert "trang/2/" in " ".join(hrefs(first))


def test_editor_html_is_sanitised(built):
    html = read(built, "ke-hoach/kh-1")
    body = html[html.index('class="td-body"'):]
    assert "<script>alert" not in body and "javascript:" not in body and "onerror" not in body
    assert "Nội dung kế hoạch" in body


def test_links_are_relative_and_nothing_is_loaded_from_outside(built):
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":  # served at any depth, so MkDocs roots it at site_url's path
            assert not re.search(r'(?:href|src)="/(?!/|thi-dua/)', html)
        else:
            assert not re.search(r'(?:href|src)="/(?!/)', html), f"root-absolute link in {page}"
        loaded = re.findall(r'<(?:script|img|iframe|source)[^>]+src="((?:https?:)?//[^"]+)"', html)
        loaded += [href for rel, href in re.findall(r'<link rel="([^"]+)" href="((?:https?:)?//[^"]+)"', html)
                   if rel not in ("canonical", "alternate")]
        assert loaded == [], f"external asset in {page}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


class _NavLinks(HTMLParser):
    """The targets of the links in Material's navigation (the primary nav and the tabs), as written."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 inside a navigation element
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in ("meta", "img", "input", "br", "link")
            if tag == "a" and dict(attrs).get("href"):
                self.links.append(dict(attrs)["href"])
        elif tag in ("nav", "div") and ("md-nav--primary" in classes or "md-tabs" in classes):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def nav_targets(site: Path, page_url: str) -> set[str]:
    """Every page the navigation of ``page_url`` links to, as a site path ("" for the home page)."""
    parser = _NavLinks()
    parser.feed((site / page_url / "index.html").read_text(encoding="utf-8"))
    base = "https://site.invalid/" + page_url
    targets = {urljoin(base, link.split("#")[0]).removeprefix("https://site.invalid/") for link in parser.links}
    return {t.removesuffix("index.html") for t in targets}


def test_generated_pages_stay_out_of_the_nav(built):
    """A nav listing every entry would put every entry into every page (280 KB a page at 1,000 entries): the
    navigation of every page, generated or not, links only the project's own pages (docs/index.md here)."""
    generated = [p.parent.relative_to(built).as_posix() + "/" for p in built.rglob("index.html") if p.parent != built
                 and 'name="generator" content="mkdocs-' in p.read_text(encoding="utf-8")]  # not the web form's page
    assert len(generated) > 10
    own = {""}  # the fixture's docs/ holds index.md only
    for page_url in ["", *generated]:
        assert nav_targets(built, page_url) == own, page_url


def test_broken_entry_fails_the_build_and_keeps_the_previous_site(tmp_path):
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    site = tmp_path / "site"
    assert run_mkdocs_build(tmp_path, site).returncode == 0
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    bad = tmp_path / "exemplars" / "guong-1.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace('ngay: "01/04/2024"', 'ngay: "31/02/2024"'), encoding="utf-8")
    result = run_mkdocs_build(tmp_path, site)
    assert result.returncode != 0
    assert "exemplars/guong-1.md:8: ngay: ngày 31/02/2024 không tồn tại" in result.stderr + result.stdout
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before


def test_thidua_build_swaps_only_after_a_complete_build(tmp_path):
    """A failure after MkDocs started writing (a broken link in strict mode) must not touch the live site."""
    from thidua.cli import main

    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    live = tmp_path / "public" / "site"
    assert main(["build", "--config", str(tmp_path / "mkdocs.yml"), "-d", str(live)]) == 0
    assert (live / "ke-hoach" / "kh-1" / "index.html").is_file()
    before = {p.relative_to(live).as_posix(): p.read_bytes() for p in live.rglob("*") if p.is_file()}
    (tmp_path / "docs" / "index.md").write_text("[hỏng](khong-co.md)\n", encoding="utf-8")
    assert main(["build", "--config", str(tmp_path / "mkdocs.yml"), "-d", str(live)]) == 1
    after = {p.relative_to(live).as_posix(): p.read_bytes() for p in live.rglob("*") if p.is_file()}
    assert after == before
    # No staging folder left behind: the live link and its one release (see tests/test_publish.py).
    assert sorted(p.name for p in live.parent.iterdir()) == ["releases", "site"]
    assert [p.name for p in (live.parent / "releases").iterdir() if not p.name.startswith(".lock")] \
        == [live.resolve().name]



def test_place_validity_dates_read_the_vietnamese_way(site):
    html = (site / "dia-phuong" / "huyen-bo-trach-quang-binh" / "index.html").read_text(encoding="utf-8")
    assert "Đến 30/06/2025; không còn là đơn vị hành chính" in html
    assert "2025-06-30" not in html.split('class="td-card"')[1].split("</section>")[0]


def entry_links(html: str, section: str) -> list[str]:
    """The entry links listed under the h2 with id ``section`` (up to the next h2)."""
    start = html.index(f'<h2 id="{section}"')
    end = html.find("<h2 ", start + 1)
    return re.findall(r'<li class="td-item[^"]*">\s*<a href="([^"]+)"', html[start:end if end > 0 else None])


def test_long_lists_show_the_newest_then_link_to_all_of_them(built):
    # page_size is 2 in the fixture; Hà Tĩnh and both movements have 3 exemplars, dated 01-03/04/2024.
    place = read(built, "dia-phuong/tinh-ha-tinh")
    assert entry_links(place, "guong") == ["../../guong/guong-3/", "../../guong/guong-2/"]
    assert 'href="../../tra-cuu/?loai=exemplar&amp;dia-phuong=tinh-ha-tinh">Xem tất cả 3 gương</a>' in place
    movement = read(built, "phong-trao/quoc-gia")
    assert entry_links(movement, "guong") == ["../../guong/guong-3/", "../../guong/guong-2/"]
    assert 'href="../../tra-cuu/?loai=exemplar&amp;phong-trao=quoc-gia">Xem tất cả 3 gương</a>' in movement
    # Two plans: not more than page_size, so listed whole, by locality, with no link.
    assert "Xem tất cả 2 kế hoạch" not in movement and 'class="td-locality"' in movement


def test_search_link_of_a_capped_list_finds_exactly_that_list(built):
    """The link's facets select the same entries the page counts: the place and the units below it."""
    manifest = json.loads((built / "tra-cuu" / "chi-muc" / "index.json").read_text(encoding="utf-8"))
    facets = json.loads((built / "tra-cuu" / "chi-muc" / manifest["facets"]).read_text(encoding="utf-8"))
    places = [p for p, _ in facets["places"]]
    kinds = [k for k, _ in manifest["kinds"]]
    chosen = [n for n in range(manifest["count"])
              if kinds[facets["doc"]["k"][n]] == "exemplar"
              and places.index("tinh-ha-tinh") in facets["doc"]["p"][n]]
    assert len(chosen) == 3


def test_a_new_portal_with_no_entry_yet_builds(tmp_path):
    """A district starting out has content folders and no entry: every page and feed is still made."""
    import shutil

    project = tmp_path / "moi"
    shutil.copytree(FIXTURE, project)
    for entry in project.rglob("*.md"):
        if entry.parent != project / "docs":
            entry.unlink()
    out = tmp_path / "site"
    result = run_mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    assert "<updated>2024-06-01T00:00:00+07:00</updated>" in (out / "ban-tin.atom.xml").read_text(encoding="utf-8")
    assert (out / "ke-hoach" / "index.html").exists() and (out / "tra-cuu" / "index.html").exists()
