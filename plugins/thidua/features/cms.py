"""The editors' web form at ``/bien-tap/``: Decap CMS, served by the site itself, configured from the schema.

Everything the form knows comes from :mod:`thidua.core.schema` at build time: the collections (one per kind of
entry), their fields, labels, hints, required flags, choices and nested lists. So the form and ``thidua check``
cannot disagree (``tests/test_cms.py`` holds it field by field). What the form writes goes through the portal's own
entry format (``site/assets/cms/thidua-cms.js``), which writes the keys, the order, the quoting and the comments of
``thidua new`` (:func:`thidua.core.entryfile.render_entry`), and checks dates with the same rules as
:func:`thidua.core.dates.parse_date`.

The backend is the site's choice (plugin option ``cms``): ``forgejo``, ``github`` and ``gitlab`` open a pull request
for every saved entry (Decap's editorial workflow); ``gitea`` commits to the branch (Decap has no editorial workflow
for Gitea); ``local`` talks to ``decap-server`` on the editor's own machine, which commits to a local branch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..core import schema as s
from ..core.catalog import Catalog
from .feature import Feature, PageSpec
from .urls import URLS

__all__ = ["FEATURE", "CmsSettings", "cms_config", "cms_outputs", "cms_pages", "form_schema", "BACKENDS"]

ASSETS = Path(__file__).parent.parent / "site" / "assets"
VENDOR = ASSETS / "cms" / "vendor"
BACKENDS = ("local", "forgejo", "gitea", "github", "gitlab")
_PULL_REQUEST_BACKENDS = ("local", "forgejo", "github", "gitlab")

# The folder collection of each kind: (collection name, label of one entry, slug template, the field that names it).
_COLLECTIONS = {
    s.KIND_PLAN: ("ke-hoach", "Kế hoạch", "{{noi_ban_hanh}}-{{so_ky_hieu}}", "trich_yeu"),
    s.KIND_EXEMPLAR: ("guong", "Gương điển hình", "{{ten}}", "ten"),
    s.KIND_MOVEMENT: ("phong-trao", "Phong trào", "{{ten}}", "ten"),
    s.KIND_NOTICE: ("lay-y-kien", "Thông báo lấy ý kiến", "{{tieu_de}}", "tieu_de"),
}
# How the form finds an entry a reference points to: what it searches and shows.
_REF_SEARCH = {
    "movement": (["ten", "cach_goi.*"], ["ten"]),
    "plan": (["so_ky_hieu", "trich_yeu", "co_quan_ban_hanh"], ["so_ky_hieu", "trich_yeu"]),
    "exemplar": (["ten", "linh_vuc", "tom_tat"], ["ten"]),
}
_CHOICE_LABELS = {s.LEVELS: s.LEVEL_LABELS, s.SUBJECTS: s.SUBJECT_LABELS, s.MILESTONE_KINDS: s.MILESTONE_LABELS,
                  s.AWARD_FORMS: s.AWARD_FORM_LABELS}
_DATE_HINT = ("Ghi đúng như văn bản: “12/02/2020”, “ngày 12 tháng 02 năm 2020”, “tháng 6/2020”, “Quý I/2025”, "
              "“năm 2021”; để trống nếu văn bản không ghi.")


@dataclass(frozen=True)
class CmsSettings:
    """The plugin option ``cms``: where the form saves. Defaults to ``local`` (decap-server on this machine)."""

    backend: str = "local"
    repo: str = ""  # "phong-vhtt/cong-thi-dua"
    branch: str = "main"
    base_url: str = ""  # the git host for login (OAuth with PKCE): "https://git.tinh.gov.vn"
    api_root: str = ""  # its API when not the default: "https://git.tinh.gov.vn/api/v1"
    app_id: str = ""  # the OAuth application's client id
    local_url: str = "http://localhost:8081/api/v1"  # decap-server, for the local mode
    content_dirs: dict[str, str] = field(default_factory=dict)  # kind -> folder, from the plugin's options

    @classmethod
    def from_option(cls, option: dict, content_dirs: dict[str, str]) -> "CmsSettings":
        """The settings from the plugin option ``cms``; ValueError with a Vietnamese message when it is wrong."""
        known = {name for name in cls.__dataclass_fields__} - {"content_dirs"}
        problems = [f"cms.{key}: không có tùy chọn này; các tùy chọn: {', '.join(sorted(known))}"
                    for key in sorted(set(option) - known)]
        settings = cls(**{k: str(v) for k, v in option.items() if k in known}, content_dirs=content_dirs)
        problems += settings.problems()
        if problems:
            raise ValueError("; ".join(problems))
        return settings

    def problems(self) -> list[str]:
        """What is wrong with the option, in Vietnamese (empty when usable)."""
        out = []
        if self.backend not in BACKENDS:
            out.append(f"cms.backend “{self.backend}” không có; chọn một trong: {', '.join(BACKENDS)}")
        elif self.backend != "local" and not self.repo:
            out.append(f"cms.backend “{self.backend}” cần cms.repo (ví dụ “phong-vhtt/cong-thi-dua”)")
        return out


def _label(field_: s.Field) -> str:
    """The short label of a field: its description up to the first aside, capitalised."""
    if field_.title:
        return field_.title
    text = field_.label
    for stop in (" (", ":", ";"):
        text = text.split(stop, 1)[0]
    return text[:1].upper() + text[1:]


def _may_be_empty(field_: s.Field) -> bool:
    """A key that must be present but may hold "" (a document without a number, a date the document left blank)."""
    return field_.kind in (s.STR, s.DATE) and not field_.choices


def _widget(field_: s.Field) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": field_.key, "label": _label(field_), "hint": field_.label[:1].upper() + field_.label[1:],
                            "required": bool(field_.required and not _may_be_empty(field_))}
    kind = field_.kind
    if field_.choices:
        labels = _CHOICE_LABELS.get(field_.choices, {})
        spec.update(widget="select", options=[{"label": labels.get(c, c), "value": c} for c in field_.choices])
    elif field_.form == "image":
        spec.update(widget="image", choose_url=False)
    elif kind in (s.STR, s.TEXT):
        spec.update(widget="text" if field_.form == "long" else "string")
    elif kind == s.INT:
        spec.update(widget="number", value_type="int")
    elif kind == s.BOOL:
        spec.update(widget="boolean", default=False)
    elif kind == s.DATE:
        spec.update(widget="thidua-date", hint=f"{spec['hint']}. {_DATE_HINT}")
    elif kind in (s.REF, s.LIST_REF) and field_.ref == "place":
        spec.update(widget="thidua-place", multiple=kind == s.LIST_REF)
    elif kind in (s.REF, s.LIST_REF):
        search, display = _REF_SEARCH[field_.ref]
        spec.update(widget="relation", collection=_COLLECTIONS[_kind_of_ref(field_.ref)][0], value_field="{{slug}}",
                    search_fields=search, display_fields=display, multiple=kind == s.LIST_REF)
    elif kind == s.LIST_STR:
        spec.update(widget="list", field={"name": "muc", "label": _label(field_), "widget": "string"})
    elif kind == s.MAP:
        spec.update(widget="object", collapsed=True, fields=[_widget(sub) for sub in field_.fields])
    elif kind == s.LIST_MAP:
        subs = [_widget(sub) for sub in field_.fields]
        first = next((sub for sub in field_.fields if sub.required), field_.fields[0])
        spec.update(widget="list", collapsed=True, fields=subs, summary="{{fields.%s}}" % first.key)
    else:
        raise ValueError(f"no form widget for field kind {kind}")
    return spec


def _kind_of_ref(ref: str) -> str:
    return {"movement": s.KIND_MOVEMENT, "plan": s.KIND_PLAN, "exemplar": s.KIND_EXEMPLAR}[ref]


def _backend(settings: CmsSettings) -> dict[str, Any]:
    if settings.backend == "local":
        # decap-server on the editor's own machine (MODE=git): each saved entry is a branch, published by a merge.
        return {"name": "proxy", "proxy_url": settings.local_url, "branch": settings.branch}
    backend: dict[str, Any] = {"name": settings.backend, "repo": settings.repo, "branch": settings.branch}
    for key in ("base_url", "api_root", "app_id"):
        if value := getattr(settings, key):
            backend[key] = value
    if settings.backend in ("forgejo", "gitea", "gitlab") and settings.app_id:
        backend["auth_type"] = "pkce"
    return backend


def cms_config(settings: CmsSettings) -> dict[str, Any]:
    """Decap's configuration: the backend the site chose and one collection per kind, field for field."""
    config: dict[str, Any] = {"backend": _backend(settings), "locale": "vi", "site_url": "../",
                              "media_folder": "anh", "public_folder": "anh",
                              "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}}
    if settings.backend in _PULL_REQUEST_BACKENDS:
        config["publish_mode"] = "editorial_workflow"
    collections = []
    for kind, fields in s.SCHEMAS.items():
        if kind not in _COLLECTIONS:
            continue
        name, label, slug, identifier = _COLLECTIONS[kind]
        folder = settings.content_dirs.get(kind, "")
        if not folder:
            continue
        widgets = [_widget(f) for f in fields]
        collection: dict[str, Any] = {
            "name": name, "label": s.KIND_LABELS.get(kind, label), "label_singular": label, "folder": folder,
            "create": True, "extension": "md", "format": f"thidua-{name}", "slug": slug,
            "identifier_field": identifier,
            "fields": widgets + [{"name": "body", "label": "Nội dung", "widget": "markdown", "required": False}],
        }
        if any(f.form == "image" for f in fields):
            # Photos go beside the entry, in its folder's "anh/", as the editor's guide says.
            collection.update(media_folder="anh", public_folder="anh")
        collections.append(collection)
    config["collections"] = collections
    return config


def form_schema() -> dict[str, Any]:
    """The schema as the form's entry format reads it: keys, kinds, labels, order (see thidua-cms.js)."""
    def one(f: s.Field) -> dict[str, Any]:
        out: dict[str, Any] = {"key": f.key, "kind": f.kind, "label": f.label, "required": f.required}
        if f.choices:
            out["choices"] = list(f.choices)
        if f.shorthand:
            out["shorthand"] = f.shorthand
        if f.example is not None:
            out["example"] = f.example
        if f.fields:
            out["fields"] = [one(sub) for sub in f.fields]
        return out

    collections = {_COLLECTIONS[k][0]: k for k in s.SCHEMAS if k in _COLLECTIONS}
    return {"kinds": {kind: [one(f) for f in fields] for kind, fields in s.SCHEMAS.items()},
            "collections": collections}


def places_list(catalog: Catalog) -> list[list[str]]:
    """[id, full label, validity] of every unit in the registry, current first, for the place picker."""
    registry = catalog.places
    rows = []
    for place_id in sorted(registry.places, key=registry.sort_key):
        place = registry.places[place_id]
        validity = "" if place.current else f"đơn vị cũ, {registry.validity(place_id)}"
        rows.append([place_id, registry.label(place_id), validity])
    rows.sort(key=lambda row: row[2] != "")
    return rows


_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Biên tập nội dung — {site_name}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<noscript><p>Trang biên tập cần JavaScript. Nếu không dùng được, hãy sửa tệp theo hướng dẫn biên tập.</p></noscript>
</head>
<body>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="vendor/js-yaml/js-yaml.min.js"></script>
<script src="vendor/decap-cms/decap-cms.js"></script>
<script type="module" src="thidua-cms.js"></script>
</body>
</html>
"""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cms_outputs(catalog: Catalog, settings: CmsSettings, site_name: str) -> list[tuple[str, str | bytes]]:
    """(site path, content) of the form: its page, configuration, schema, place list, script and vendored bundle."""
    out: list[tuple[str, str | bytes]] = [
        (URLS.editor_form_file("index.html"), _PAGE.format(site_name=_escape(site_name))),
        (URLS.editor_form_file("config.yml"),
         yaml.safe_dump(cms_config(settings), allow_unicode=True, sort_keys=False, width=120)),
        (URLS.editor_form_file("thidua-schema.json"),
         json.dumps(form_schema(), ensure_ascii=False, separators=(",", ":"))),
        (URLS.place_list, json.dumps(places_list(catalog), ensure_ascii=False, separators=(",", ":"))),
        (URLS.editor_form_file("thidua-cms.js"), (ASSETS / "cms" / "thidua-cms.js").read_bytes()),
        (URLS.place_codes_script, (ASSETS / "cms" / "place-codes.js").read_bytes()),
    ]
    for package in sorted(p for p in VENDOR.iterdir() if p.is_dir()):
        for path in sorted(package.iterdir()):
            out.append((URLS.editor_form_file(f"vendor/{package.name}/{path.name}"), path.read_bytes()))
    return out


def cms_pages(catalog: Catalog) -> list[PageSpec]:
    """The page where editors look up the code of any unit, current or former (it reads the form's place list)."""
    return [PageSpec(URLS.source(URLS.place_codes), "Tra mã địa phương", "thidua/place-codes.html", {
        "data": URLS.place_list, "script": URLS.place_codes_script, "count": len(catalog.places),
    }, search=False, description="Mã của mọi đơn vị hành chính, hiện nay và trước ngày 01/7/2025, tìm theo tên")]


FEATURE = Feature("cms", pages=lambda ctx: cms_pages(ctx.catalog),
                  outputs=lambda ctx: cms_outputs(ctx.catalog, ctx.cms, ctx.site_name))
