"""The editors' web form agrees with the checker: its configuration is the schema, field for field; what it writes
is what ``thidua new`` writes, byte for byte; its date check gives the checker's verdict and message."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from thidua.core import schema as s
from thidua.core.dates import DateError, parse_date
from thidua.core.entryfile import render_entry
from thidua.core.frontmatter import read_entry
from thidua.features.cms import CmsSettings, cms_config, form_schema

ROOT = Path(__file__).resolve().parent.parent
CMS_JS = ROOT / "plugins" / "thidua" / "site" / "assets" / "cms" / "thidua-cms.js"
JS_YAML = ROOT / "plugins" / "thidua" / "site" / "assets" / "cms" / "vendor" / "js-yaml" / "js-yaml.min.js"
DIRS = {s.KIND_PLAN: "plans", s.KIND_EXEMPLAR: "exemplars", s.KIND_MOVEMENT: "movements", s.KIND_NOTICE: "notices"}
HOSTILE = ['"><script>alert(1)</script>', "a: b # c", "dòng 1\ndòng 2", "tab\there", "'single'", "yes", "null",
           "  lề  ", "\\ backslash", "emoji 🎉", "“ngoặc kép” và ‘đơn’", "- gạch đầu", "[mảng]", "{x: 1}", "&anchor",
           "*alias", "!tag", "%", "@", "`", "|", ">", "#", "\u2028"]


def node(script: str) -> str:
    if shutil.which("node") is None:
        pytest.fail("node (Node.js 20) is needed to run the form's script; it is on every machine of this project")
    result = subprocess.run(["node", "--input-type=module"], input=script, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _collections(settings: CmsSettings | None = None) -> dict[str, dict]:
    settings = settings or CmsSettings(content_dirs=DIRS)
    return {c["folder"]: c for c in cms_config(settings)["collections"]}


def _assert_same_fields(fields: tuple[s.Field, ...], widgets: list[dict], where: str) -> None:
    assert [w["name"] for w in widgets] == [f.key for f in fields], where
    for field, widget in zip(fields, widgets):
        at = f"{where}.{field.key}"
        empty_allowed = field.kind in (s.STR, s.DATE) and not field.choices
        assert widget["required"] == (field.required and not empty_allowed), at
        assert field.label.lower() in widget["hint"].lower(), at
        if field.choices:
            assert widget["widget"] == "select" and [o["value"] for o in widget["options"]] == list(field.choices), at
        elif field.kind == s.DATE:
            assert widget["widget"] == "thidua-date", at
        elif field.kind in (s.REF, s.LIST_REF):
            if field.ref == "place":
                assert widget["widget"] == "thidua-place", at
            else:
                target = {"movement": "phong-trao", "plan": "ke-hoach", "exemplar": "guong"}[field.ref]
                assert (widget["widget"], widget["collection"], widget["value_field"]) == ("relation", target, "{{slug}}"), at
            assert widget["multiple"] == (field.kind == s.LIST_REF), at
        elif field.kind == s.INT:
            assert (widget["widget"], widget["value_type"]) == ("number", "int"), at
        elif field.kind == s.BOOL:
            assert widget["widget"] == "boolean", at
        elif field.kind in (s.MAP, s.LIST_MAP):
            assert widget["widget"] == ("object" if field.kind == s.MAP else "list"), at
            _assert_same_fields(field.fields, widget["fields"], at)
        elif field.kind == s.LIST_STR:
            assert widget["widget"] == "list" and widget["field"]["widget"] == "string", at
        else:
            assert widget["widget"] in ("string", "text", "image"), at


@pytest.mark.parametrize("kind", list(DIRS))
def test_configuration_is_the_schema_field_for_field(kind):
    collection = _collections()[DIRS[kind]]
    assert collection["fields"][-1]["name"] == "body"
    _assert_same_fields(s.SCHEMAS[kind], collection["fields"][:-1], kind)
    assert collection["format"] == f"thidua-{collection['name']}"
    assert form_schema()["collections"][collection["name"]] == kind


def test_the_drift_check_fails_when_the_form_loses_a_field():
    """The comparison above is not vacuous: a form missing a key, or with a wrong required flag, is caught."""
    widgets = _collections()["exemplars"]["fields"][:-1]
    with pytest.raises(AssertionError):
        _assert_same_fields(s.SCHEMAS[s.KIND_EXEMPLAR], widgets[:-1], "exemplar")
    wrong = [dict(w, required=not w["required"]) if w["name"] == "ten" else w for w in widgets]
    with pytest.raises(AssertionError):
        _assert_same_fields(s.SCHEMAS[s.KIND_EXEMPLAR], wrong, "exemplar")


@pytest.mark.parametrize("backend, pull_requests", [("local", True), ("forgejo", True), ("github", True),
                                                    ("gitlab", True), ("gitea", False)])
def test_backends_open_pull_requests_where_they_can(backend, pull_requests):
    config = cms_config(CmsSettings(backend=backend, repo="so-vh/cong", app_id="abc", base_url="https://git.tinh.vn",
                                    content_dirs=DIRS))
    assert (config.get("publish_mode") == "editorial_workflow") is pull_requests
    assert config["locale"] == "vi"
    if backend == "local":
        assert config["backend"] == {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"}
    else:
        assert config["backend"]["repo"] == "so-vh/cong" and config["backend"]["app_id"] == "abc"


def test_a_wrong_backend_is_refused_in_vietnamese():
    assert "không có" in CmsSettings(backend="svn").problems()[0]
    assert "cms.repo" in CmsSettings(backend="forgejo").problems()[0]
    assert CmsSettings().problems() == []


def _metas() -> list[tuple[str, dict, str]]:
    """Every entry of the repository, and hostile values in every text key of each kind."""
    out = []
    for kind, folder in DIRS.items():
        for path in sorted((ROOT / folder).rglob("*.md")):
            entry, _problems = read_entry(path, str(path.relative_to(ROOT)), kind)
            out.append((kind, json.loads(json.dumps(entry.meta, default=str)), entry.body))
        for index, text in enumerate(HOSTILE):
            meta = {f.key: text for f in s.SCHEMAS[kind] if f.kind in (s.STR, s.TEXT, s.DATE)}
            meta.update({f.key: [{sub.key: text for sub in f.fields if sub.kind in (s.STR, s.TEXT, s.DATE)}]
                         for f in s.SCHEMAS[kind] if f.kind == s.LIST_MAP and index % 2})
            out.append((kind, meta, text))
    return out


def test_the_form_writes_what_thidua_new_writes():
    cases = _metas()
    fields = form_schema()["kinds"]
    payload = json.dumps([[fields[kind], meta, body] for kind, meta, body in cases], ensure_ascii=False)
    script = (f"import {{ renderEntry }} from {json.dumps(str(CMS_JS))};\n"
              f"const cases = {payload};\n"
              "process.stdout.write(JSON.stringify(cases.map(c => renderEntry(c[0], c[1], c[2]))));")
    written = json.loads(node(script))
    assert len(written) == len(cases) > 30
    for (kind, meta, body), js_text in zip(cases, written):
        assert js_text == render_entry(kind, meta, body), meta


def test_what_the_form_writes_reads_back_the_same():
    """A file read by the form and saved unchanged is byte-identical: js-yaml's core schema keeps dates as text."""
    cases = [(kind, render_entry(kind, meta, body)) for kind, meta, body in _metas()]
    fields = form_schema()["kinds"]
    payload = json.dumps([[fields[kind], text] for kind, text in cases], ensure_ascii=False)
    script = (f"import {{ createRequire }} from 'node:module';\n"
              f"import {{ renderEntry, parseEntry }} from {json.dumps(str(CMS_JS))};\n"
              f"const yaml = createRequire(import.meta.url)({json.dumps(str(JS_YAML))});\n"
              f"const cases = {payload};\n"
              "process.stdout.write(JSON.stringify(cases.map(c => { const d = parseEntry(c[0], c[1], yaml);"
              " const body = d.body; delete d.body; return renderEntry(c[0], d, body); })));")
    for (kind, text), again in zip(cases, json.loads(node(script))):
        assert again == text


DATES = ["", "  ", "12/02/2020", "12.02.2020", "12-02-2020", "ngày 12 tháng 02 năm 2020", "ngày   tháng 4 năm 2022",
         "tháng 6/2020", "Tháng 6 năm 2020", "6/2020", "Quý I/2025", "quý iv năm 2024", "Quý 5/2025", "năm 2021", "2021",
         "trước 15/02/2020", "hoàn thành trước ngày 15/02/2020", "trong tháng 6/2020", "cuối năm 2020", "2020-02-12",
         "31/02/2020", "29/02/2021", "29/02/2024", "00/01/2020", "12/13/2020", "tháng 13/2020", "1899", "2101",
         "25/4", "ngày 25/4", "không rõ", "Chưa rõ", "hôm qua", "12/02/20", "…/…/2020", "ngày … tháng … năm 2020",
         "12 / 02 / 2020", "ngày12/02/2020", "Từ ngày 25/4 đến ngày 30/5/2022", "tháng 0/2020", "15/02/2020."]


def test_the_form_checks_dates_as_the_checker_does():
    def python(value: str) -> str:
        try:
            parse_date(value)
        except DateError as error:
            return str(error)
        return ""

    script = (f"import {{ dateProblem }} from {json.dumps(str(CMS_JS))};\n"
              f"process.stdout.write(JSON.stringify({json.dumps(DATES, ensure_ascii=False)}.map(dateProblem)));")
    js = json.loads(node(script))
    assert [python(d) for d in DATES] == js
    assert sum(1 for p in js if p) >= 10 and sum(1 for p in js if not p) >= 15  # both verdicts exercised


def test_the_form_page_is_kept_from_search_engines_and_loads_only_its_own_files(site):
    page = (site / "bien-tap" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "http" not in page.replace('http-equiv', '')
    config = yaml.safe_load((site / "bien-tap" / "config.yml").read_text(encoding="utf-8"))
    assert [c["name"] for c in config["collections"]] == ["ke-hoach", "guong", "phong-trao", "lay-y-kien"]
    assert (site / "bien-tap" / "vendor" / "decap-cms" / "decap-cms.js").is_file()
    places = json.loads((site / "bien-tap" / "dia-phuong.json").read_text(encoding="utf-8"))
    assert len(places) > 4000 and all(len(row) == 3 for row in places)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "bien-tap/index.html" not in sitemap and "<loc>https://example.gov.vn/thi-dua/bien-tap/</loc>" not in sitemap


def test_vendored_files_are_the_published_packages():
    result = subprocess.run(["python3", str(ROOT / "tools" / "vendor_frontend.py"), "--check"], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_editor_finds_the_code_of_a_commune_without_content(browser, served):
    driver = browser.open(served + "dia-phuong/")
    driver.find_element("link text", "Tra mã địa phương").click()
    box = driver.find_element("id", "td-codes-q")
    box.send_keys("xa gio linh")
    driver.implicitly_wait(5)
    first = driver.find_element("css selector", "#td-codes-rows li")
    assert first.text.startswith("xa-gio-linh-quang-tri\nXã Gio Linh, tỉnh Quảng Trị")
    box.clear()
    box.send_keys("huyen bo trach")
    row = driver.find_element("xpath", "//ol[@id='td-codes-rows']/li[code='huyen-bo-trach-quang-binh']")
    assert "đơn vị cũ, đến 30/6/2025" in row.text
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    assert all(url.startswith(served) for url in browser.requested_urls() if url.startswith("http"))


def test_the_command_line_finds_codes_too():
    result = subprocess.run([sys.executable, "-m", "thidua.cli", "dia-phuong", "xã", "Gio", "Linh"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout.startswith("xa-gio-linh-quang-tri")
    result = subprocess.run([sys.executable, "-m", "thidua.cli", "dia-phuong", "khong co dau"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 1 and "Không tìm thấy" in result.stderr
