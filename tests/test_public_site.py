"""Issue 19's rough edges, read from the built site: anchors, 404, plan page, tasks order, samples marked everywhere,
and the going-live command that removes them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build

MINI = ROOT / "tests" / "fixtures" / "mini"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_heading_anchors_keep_d():
    from thidua.core.vntext import heading_slug

    assert heading_slug("4. Đề nghị Ban Tuyên giáo Huyện ủy", "-") == "4-de-nghi-ban-tuyen-giao-huyen-uy"
    assert heading_slug("ĐẶC ĐIỂM, TÌNH HÌNH", "_") == "dac_diem_tinh_hinh"
    assert heading_slug("Điều 1 — “Quy định”", "-") == "dieu-1-quy-dinh"


def test_plan_headings_and_their_links(site):
    html = page(site, "ke-hoach/bo-trach-195-kh-ubnd-2020")
    assert 'id="4-de-nghi-ban-tuyen-giao-huyen-uy"' in html and 'id="4-e-nghi' not in html
    ids = set(re.findall(r'id="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids, target


def test_404_page_is_vietnamese_with_a_way_back(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" not in html
    assert "<title>Không tìm thấy trang" in html and "Không tìm thấy trang</h1>" in html
    # MkDocs renders 404.html with addresses from site_url's path: right at any depth under /thi-dua/.
    assert 'href="/thi-dua/"' in html and 'action="/thi-dua/tra-cuu/"' in html
    assert re.search(r'href="/thi-dua/assets/stylesheets/main\.\w+\.min\.css"', html)


def test_plan_page_shows_no_import_file_name_and_folds_what_the_text_repeats(site):
    html = page(site, "ke-hoach/bo-trach-195-kh-ubnd-2020")
    assert "000_303aa1fb2b2a5fad" not in html and "<dt>Nguồn</dt>" not in html
    assert '<a href="#toan-van">' in html
    assert re.search(r'<details class="td-fold"><summary><h2 id="moc-thoi-gian">', html)
    assert re.search(r'<details class="td-fold"><summary><h2 id="nhiem-vu">', html)


def test_tasks_overdue_first_and_agency_named_once(site):
    html = page(site, "nhiem-vu-tuyen-truyen")
    states = re.findall(r'<li class="td-task" id="[^"]+" data-plan="[^"]+" data-state="([^"]+)"', html)
    order = ["qua-han", "den-han", "sap-toi", "khong-co-han"]
    assert states and [order.index(s) for s in states] == sorted(order.index(s) for s in states), states
    for head in re.findall(r'<p class="td-task-head">(.*?)</p>', html):
        name = re.search(r"<strong>(.*?)</strong>", head).group(1)
        assert head.count(name) == 1, head


def test_reading_order_puts_past_due_first():
    import datetime as dt

    from thidua.core.dates import parse_date
    from thidua.features.propaganda import OVERDUE, NO_DEADLINE, UPCOMING, DUE, PlanTask, reading_order, task_state

    class T:  # the fields reading_order reads
        def __init__(self, deadline):
            self.deadline = parse_date(deadline) if deadline else parse_date("")

    on = dt.date(2025, 3, 1)
    tasks = [PlanTask(None, T(d), n, None, task_state(T(d).deadline, on), ()) for n, d in
             enumerate(["", "10/03/2025", "tháng 1/2025", "05/03/2025", "01/06/2025", "15/12/2024"], 1)]
    ordered = [(t.number, t.state) for t in reading_order(tasks)]
    assert ordered == [(3, OVERDUE), (6, OVERDUE), (4, DUE), (2, UPCOMING), (5, UPCOMING), (1, NO_DEADLINE)], ordered


def test_samples_are_marked_everywhere(site):
    import datetime as dt

    from thidua.core.catalog import build_catalog
    from thidua.core.loader import load

    result = load(ROOT)
    catalog = build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1))
    samples = {e.id for e in catalog.exemplars.values() if e.sample}
    assert samples, "the repository ships sample exemplars"
    home = page(site, "")
    assert f"{len(catalog.exemplars)} gương</a> (trong đó {len(samples)} là dữ liệu mẫu)" in home
    for path in ("", "guong", "nhiem-vu-tuyen-truyen", "dia-phuong/tinh-quang-binh"):
        html = page(site, path)
        for item in re.findall(r'<li class="td-item td-item-exemplar">(.*?)</li>', html, re.S):
            entry_id = re.search(r'href="([^"]*/)?([^/"]+)/"', item).group(2)
            assert ("td-sample-tag" in item) == (entry_id in samples), (path, item)
    sample_notices = {n.id for n in result.notices if n.sample}
    for item in re.findall(r'<li class="td-item td-item-notice">(.*?)</li>', page(site, "lay-y-kien"), re.S):
        entry_id = re.search(r'href="([^"]*/)?([^/"]+)/"', item).group(2)
        assert ("td-sample-tag" in item) == (entry_id in sample_notices), item
        report = page(site, "bao-cao")
    assert f"Trong đó {len(samples)} gương" in report
    feed = (site / "ban-tin.atom.xml").read_text(encoding="utf-8")
    for entry_id in samples:
        title = re.search(rf"<title>([^<]*)</title>\s*<link rel=\"alternate\" type=\"text/html\" href=\"[^\"]*/guong/{entry_id}/\"",
                          feed)
        assert title and title.group(1).startswith("[Dữ liệu mẫu] "), entry_id
    manifest = next(json.loads(p.read_text(encoding="utf-8")) for p in (site / "tra-cuu").rglob("*.json")
                    if '"pipeline"' in p.read_text(encoding="utf-8")[:200])
    assert len(manifest["doc"]["s"]) == len(samples)


def _thidua(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_remove_samples_removes_them_and_what_links_to_them(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(MINI, project)
    # A sample plan, cited by a real plan and named by a real exemplar; a sample exemplar with a photo.
    sample_plan = (project / "plans" / "kh-2.md").read_text(encoding="utf-8")
    (project / "plans" / "kh-mau.md").write_text(sample_plan.replace("---\n", "---\ndu_lieu_mau: true\n", 1),
                                                 encoding="utf-8")
    real = project / "exemplars" / "guong-2.md"
    real.write_text(real.read_text(encoding="utf-8").replace("ke_hoach: [kh-1]", "ke_hoach: [kh-1, kh-mau]")
                    .replace("du_lieu_mau: true", "du_lieu_mau: false"), encoding="utf-8")
    plan = project / "plans" / "2024" / "kh-1.md"
    plan_text = plan.read_text(encoding="utf-8")
    plan.write_text(plan_text.replace("---\n", "---\ncan_cu:\n  - loai: Kế hoạch\n    so_ky_hieu: \"5/KH\"\n"
                                      "    ke_hoach: kh-mau\n", 1), encoding="utf-8")
    body_before = plan_text.split("---", 2)[2]
    assert _thidua("check", cwd=project).returncode == 0, _thidua("check", cwd=project).stdout
    dry = _thidua("remove-samples", "--dry-run", cwd=project)
    assert dry.returncode == 0 and "xóa plans/kh-mau.md" in dry.stdout and (project / "plans" / "kh-mau.md").exists()
    done = _thidua("remove-samples", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (project / "plans" / "kh-mau.md").exists()
    assert not (project / "exemplars" / "guong-1.md").exists() and not (project / "exemplars" / "guong-3.md").exists()
    assert "ke_hoach: [kh-1]\n" in real.read_text(encoding="utf-8")
    after = plan.read_text(encoding="utf-8")
    assert "kh-mau" not in after and 'so_ky_hieu: "5/KH"' in after and after.split("---", 2)[2] == body_before
    assert _thidua("check", cwd=project).returncode == 0
    assert run_mkdocs_build(project, tmp_path / "site").returncode == 0
    assert _thidua("remove-samples", cwd=project).stdout.startswith("Không có mục nào")


def test_remove_samples_stops_on_a_hand_written_link(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(MINI, project)
    (project / "docs" / "index.md").write_text("Xem [một gương](guong/guong-1/index.md).\n", encoding="utf-8")
    result = _thidua("remove-samples", cwd=project)
    assert result.returncode == 1
    assert "docs/index.md:1: liên kết: trang viết tay dẫn tới dữ liệu mẫu “guong/guong-1”." in result.stderr
    assert "Cách sửa:" in result.stderr
    assert (project / "exemplars" / "guong-1.md").exists(), "nothing removed until the link is fixed"
