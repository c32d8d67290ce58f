"""Generate places.json, the registry of administrative units before and after 1 July 2025, with commune-level
successor links, each citing the resolution that made it.

Sources, all downloaded wheels whose sha256 is checked (the output is reproducible from them):

    pip download --no-deps -d /tmp/vp vietnam-provinces==2026.9.0 vietnam-provinces==0.6.0 vietnamadminunits==1.0.4
    (vietnam-provinces 2026.9.0 needs Python 3.12 to install; downloading it works from any Python:
     add --python-version 3.12 --only-binary=:all: to that one)
    python plugins/thidua/core/data/generate_places.py /tmp/vp/vietnam_provinces-2026.9.0-py3-none-any.whl \
        /tmp/vp/vietnam_provinces-0.6.0-py3-none-any.whl /tmp/vp/vietnamadminunits-1.0.4-py3-none-any.whl

- vietnam-provinces 2026.9.0: today's 34 provinces and 3,321 communes (codes of the GSO list, Công văn
  1027/CTK-CSCL) and its conversion table of 2025 (``_ward_conversion_2025.py``, from the official
  "Bảng chuyển đổi ĐVHC mới - cũ"): every commune existing on 30 June 2025 -> the new communes it went to, with a
  flag for the communes divided between several. Read as data (``ast``), never imported.
- vietnam-provinces 0.6.0 (data of 2025-01-04): the 63 former provinces, 696 districts and 10,051 communes
  (its successor, the ``legacy`` module of 2026.9.0, holds the same units).
- vietnamadminunits 1.0.4: the second source. Its own 2025 converter (by name keys) is compared link by link with
  the first; it also names the 10 communes created in early 2025 that 0.6.0 predates.
- succession-review.yaml (ours): every commune on which the sources disagree, and what was kept (the generator stops
  on a disagreement it does not list, and on a listed one whose sources changed since it was reviewed).
- succession.yaml (ours): Resolution 202/2025/QH15 (which former provinces each province continues), the 34
  resolutions of 16 June 2025 (one per province) and the district-level islands without communes.

Ids (stable: content refers to them):
  current province  "<type>-<name>"                          tinh-ha-tinh, thanh-pho-ha-noi
  current commune   "<type>-<name>-<province name>"          xa-hoan-lao-quang-tri
  former province   "<type>-<name>", "-truoc-2025" when a current unit has that id   tinh-quang-ngai-truoc-2025
  former district   "<type>-<name>-<former province name>"   huyen-bo-trach-quang-binh
  former commune    "<type>-<name>-<former district id>"     thi-tran-gio-linh-huyen-gio-linh-quang-tri
Names that fold to the same slug within one parent get the unit's code appended to every one of them.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from thidua.core.vntext import fold, normalize_tones, slugify  # noqa: E402

CHANGE_DAY = "2025-07-01"
LAST_DAY_BEFORE = "2025-06-30"
# One row per unit. "split": 1 when the resolution divided the unit between several successors.
# "resolution": key into the top-level "resolutions" table (the one that made the unit's successor links).
COLUMNS = ["id", "code", "level", "type", "name", "parent", "valid_from", "valid_to", "successors", "split",
           "resolution", "note"]
SHA256 = {
    "vietnam_provinces-2026.9.0-py3-none-any.whl": "b5f3540a98937d38b9bebcbdb792fa4f5b9712737d41b05c7254beb2308ebcd1",
    "vietnam_provinces-0.6.0-py3-none-any.whl": "4b5772870efdcb7c58a64fbdc0e0c9ce497e67017a0c189dff99582ddadb7815",
    "vietnamadminunits-1.0.4-py3-none-any.whl": "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35",
}
# Type words at the start of a unit's name in the packages ("Thành Phố Đồng Hới", "xã Bắc Sơn" are spelt so there).
TYPES = ("Thành phố", "Tỉnh", "Thị xã", "Thị trấn", "Huyện", "Quận", "Xã", "Phường", "Đặc khu")
NEW_PROVINCE_TYPES = {"tỉnh": "Tỉnh", "thành phố trung ương": "Thành phố"}
NEW_WARD_TYPES = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}


def split_type(full: str, default: str = "") -> tuple[str, str]:
    """"Thành Phố Đồng Hới" -> ("Thành phố", "Đồng Hới"); names are tone-normalised ("Hoà" -> "Hòa")."""
    full = normalize_tones(" ".join(full.split()))
    for type_name in TYPES:
        if fold(full).startswith(fold(type_name) + " "):
            return type_name, full[len(type_name) + 1:]
    return default, full


def _key(name: str) -> str:
    return fold(" ".join(name.replace("-", " ").split()))


def _vau_key(text: str) -> str:
    """vietnamadminunits' keys: folded, letters and digits only ("Xã Gio Linh" -> "xagiolinh")."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def checked(path: Path) -> Path:
    expected = SHA256.get(path.name)
    if expected is None:
        raise SystemExit(f"{path.name}: không phải tệp nguồn đã biết ({', '.join(SHA256)})")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        raise SystemExit(f"{path.name}: sha256 {digest} khác {expected}; tải lại đúng phiên bản")
    return path


# ----- reading the sources ---------------------------------------------------------------------------------------
def _literal(node):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Call):
        return [_literal(a) for a in node.args]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [_literal(e) for e in node.elts]
    raise SystemExit(f"không đọc được bảng chuyển đổi: {ast.dump(node)[:80]}")


def read_conversion(wheel: zipfile.ZipFile, table: str = "OLD_TO_NEW") -> dict:
    """OLD_TO_NEW: old commune code -> (district code, province code, divided, [(new commune code, province code)]).
    NEW_TO_OLD: new commune code -> the old commune codes it was made from."""
    tree = ast.parse(wheel.read("vietnam_provinces/_ward_conversion_2025.py").decode())
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == table \
                and isinstance(node.value, ast.Dict):
            out: dict[str, Any] = {}
            for key, value in zip(node.value.keys, node.value.values):
                assert isinstance(key, ast.Constant)  # the table's keys are literal codes
                if table == "NEW_TO_OLD":
                    (code, _), olds = _literal(value)
                    out[code] = [old[0] for old in olds]
                    continue
                (code, district, province, divided), news = _literal(value)
                if code != key.value:
                    raise SystemExit(f"bảng chuyển đổi: khóa {key.value!r} khác mã {code}")
                out[code] = (district, province, divided, [tuple(n) for n in news])
            return out
    raise SystemExit(f"không thấy {table} trong _ward_conversion_2025.py")


def _wheel_version(wheel: zipfile.ZipFile, package: str) -> tuple[str, str]:
    source = wheel.read(f"{package}/__init__.py").decode()
    return _assignment(source, "__version__"), _assignment(source, "__data_version__")


def read_vau(wheel_path: Path) -> dict:
    """vietnamadminunits: its units by code and key, and its 2025 converter resolved to codes."""
    with zipfile.ZipFile(wheel_path) as wheel, tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "dataset.db"
        db_path.write_bytes(wheel.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(wheel.read("vietnamadminunits/data/converter_2025.json"))
        db = sqlite3.connect(db_path)
        legacy = db.execute("select provinceCode, districtCode, wardCode, province, district, ward, provinceKey, "
                            "districtKey, wardKey from admin_units_legacy").fetchall()
        new = db.execute("select provinceCode, wardCode, ward, provinceKey, wardKey from admin_units").fetchall()
        db.close()
    old_by_key = {f"{r[6]}_{r[7]}_{r[8] or ''}": r for r in legacy}
    new_by_key = {(r[3], r[4]): int(r[1]) for r in new}
    links: dict[str, set[int]] = defaultdict(set)  # old key -> new codes

    def new_code(province: str, ward: str) -> int:  # a few keys keep their diacritics ("xãvănlang")
        return new_by_key.get((province, ward), new_by_key.get((province, _vau_key(ward)), -1))
    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                links[old].add(new_code(new_province, new_ward))
    for new_province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                links[old].add(new_code(new_province, part["newWardKey"]))
    by_code = {}
    for key, targets in links.items():
        row = old_by_key.get(key)
        if row is None or not row[2]:
            continue
        by_code[int(row[2])] = targets
    district_links = {int(old_by_key[k][1]): t for k, t in links.items() if k in old_by_key and not old_by_key[k][2]}
    return {"links": by_code, "district_links": district_links,
            "wards": {int(r[2]): r for r in legacy if r[2]}}


# ----- building ---------------------------------------------------------------------------------------------------
def generate(new_wheel_path: Path, old_wheel_path: Path, vau_wheel_path: Path) -> dict:
    with zipfile.ZipFile(checked(new_wheel_path)) as wheel:
        new = json.loads(wheel.read("vietnam_provinces/data/nested-divisions.json"))
        conversion = read_conversion(wheel)
        new_to_old = read_conversion(wheel, "NEW_TO_OLD")
        new_version, new_data_version = _wheel_version(wheel, "vietnam_provinces")
    with zipfile.ZipFile(checked(old_wheel_path)) as wheel:
        old = json.loads(wheel.read("vietnam_provinces/data/nested-divisions.json"))
        old_version, old_data_version = _wheel_version(wheel, "vietnam_provinces")
    vau = read_vau(checked(vau_wheel_path))
    succession = yaml.safe_load((HERE / "succession.yaml").read_text(encoding="utf-8"))

    rows: dict[str, list] = {}

    def add(row: list) -> None:
        if row[0] in rows:
            raise SystemExit(f"id trùng: {row[0]} ({rows[row[0]][4]} / {row[4]})")
        rows[row[0]] = row

    # Today's provinces and communes.
    current_province_id: dict[str, str] = {}  # folded name -> id
    new_commune_id: dict[int, str] = {}  # code -> id
    province_of_commune: dict[str, str] = {}
    for province in new:
        type_name, name = split_type(province["name"], NEW_PROVINCE_TYPES[province["division_type"]])
        pid = slugify(f"{type_name} {name}")
        current_province_id[_key(name)] = pid
        add([pid, str(province["code"]), "tinh", type_name, name, "", CHANGE_DAY, "", [], 0, ""])
        wards = [(ward, *split_type(ward["name"], NEW_WARD_TYPES[ward["division_type"]])) for ward in province["wards"]]
        for ward, wtype, wname, wid in _disambiguate([(w, t, n, slugify(f"{t} {n} {name}")) for w, t, n in wards]):
            new_commune_id[ward["code"]] = wid
            province_of_commune[wid] = pid
            add([wid, str(ward["code"]), "xa", wtype, wname, pid, CHANGE_DAY, "", [], 0, ""])

    # The resolution of 16 June 2025 that arranged each province's communes.
    resolutions: dict[str, str] = {}
    resolution_of: dict[str, str] = {}  # current province id -> resolution key
    for province_name, number in succession["resolutions"].items():
        pid = current_province_id[_key(province_name)]
        key = str(number)
        resolutions[key] = (f"Nghị quyết {number}/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc "
                            f"sắp xếp các đơn vị hành chính cấp xã của {rows[pid][3].lower()} {rows[pid][4]} năm 2025")
        resolution_of[pid] = key
    if len(resolution_of) != len(current_province_id):
        raise SystemExit("succession.yaml: thiếu nghị quyết của " + ", ".join(
            rows[p][4] for p in current_province_id.values() if p not in resolution_of))
    resolutions["202"] = succession["provinces_source"]

    # Which current province each former one became (Resolution 202/2025/QH15).
    became: dict[str, str] = {}
    unchanged: set[str] = set()
    for new_name, old_names in succession["provinces"].items():
        target = current_province_id[_key(new_name)]
        for old_name in old_names:
            if _key(old_name) in became:
                raise SystemExit(f"{old_name} xuất hiện hai lần trong succession.yaml")
            became[_key(old_name)] = target
        if len(old_names) == 1 and _key(old_names[0]) == _key(new_name):
            unchanged.add(_key(new_name))
    islands = {(_key(i["province"]), _key(split_type(i["district"])[1])): i for i in succession["islands"]}

    def successor_ids(codes, where: str) -> list[str]:
        missing = [c for c, _ in codes if c not in new_commune_id]
        if missing:
            raise SystemExit(f"{where}: mã xã mới {missing} không có trong danh sách hiện nay")
        return list(dict.fromkeys(new_commune_id[c] for c, _ in codes))

    reviewed = {e["ma"]: e for e in yaml.safe_load((HERE / "succession-review.yaml").read_text(encoding="utf-8"))
                ["disagreements"]}
    applied: set[int] = set()

    def settle(code: int, wid: str, first: list[str], second: list[str]) -> tuple[list[str], str]:
        """The successors kept for a former commune: the first source's, unless the two sources disagree, when the
        review file must say what was kept (and must have seen these very answers)."""
        entry = reviewed.get(code)
        if entry is None:
            if sorted(first) != second or not first:
                raise SystemExit(f"{wid} ({code}): hai nguồn khác nhau ({sorted(first)} / {second}) mà "
                                 "succession-review.yaml chưa xét. Cách sửa: đối chiếu nghị quyết, ghi vào tệp xét duyệt")
            return first, ""
        if sorted(entry["vietnam_provinces"]) != sorted(first) or sorted(entry["vietnamadminunits"]) != second:
            raise SystemExit(f"{wid} ({code}): nguồn đã đổi so với lần xét trong succession-review.yaml "
                             f"({sorted(first)} / {second}). Cách sửa: xét lại mục này")
        if entry["id"] != wid:
            raise SystemExit(f"succession-review.yaml: mã {code} là {wid}, không phải {entry['id']}")
        applied.add(code)
        kept = list(entry["ket_qua"])
        unknown = [k for k in kept if k not in rows]
        if unknown:
            raise SystemExit(f"succession-review.yaml: {code}: không có đơn vị {unknown}")
        if not kept:
            return [], ("Không có trong bảng chuyển đổi ngày 01/7/2025: đã nhập, đổi loại hoặc đổi tên trong đợt sắp "
                        "xếp 2024–2025; thôi tồn tại chậm nhất ngày 30/6/2025, ngày chính xác chưa rõ.")
        return kept, ""

    seen_codes: set[int] = set()
    extra_by_district: dict[int, list[int]] = defaultdict(list)  # communes created in early 2025 (not in 0.6.0)
    old_codes = {w["code"] for p in old for d in p["districts"] for w in d["wards"]}
    for code, (district_code, _, _, _) in conversion.items():
        if code not in old_codes:
            extra_by_district[district_code].append(code)

    for province in old:
        type_name, name = split_type(province["name"], "Tỉnh")
        target = became[_key(name)]
        if _key(name) in unchanged:
            pid = target  # one unit across the change: the current record stands for both periods
            rows[pid][6] = ""
        else:
            pid = slugify(f"{type_name} {name}")
            if pid in rows:
                pid += "-truoc-2025"
            add([pid, str(province["code"]), "tinh", type_name, name, "", "", LAST_DAY_BEFORE, [target], 0, "202"])
        districts = [(d, *split_type(d["name"], "Huyện")) for d in province["districts"]]
        for district, dtype, dname, did in _disambiguate([(d, t, n, slugify(f"{t} {n} {name}")) for d, t, n in districts]):
            communes = [(w, *split_type(w["name"], "Xã")) for w in district["wards"]]
            for code in extra_by_district.get(district["code"], ()):
                row = vau["wards"][code]
                communes.append(({"code": code, "name": row[5]}, *split_type(row[5], "Xã")))
            district_successors: list[str] = []
            district_resolutions: list[str] = []
            for ward, wtype, wname, wid in _disambiguate([(w, t, n, f"{slugify(f'{t} {n}')}-{did}")
                                                          for w, t, n in communes]):
                code = ward["code"]
                seen_codes.add(code)
                entry = conversion.get(code)
                first = successor_ids(entry[3], f"{wtype} {wname} ({code})") if entry else []
                second = sorted(new_commune_id.get(c, f"?{c}") for c in vau["links"].get(code, ()))
                successors, note = settle(code, wid, first, second)
                keys = list(dict.fromkeys(resolution_of[province_of_commune[s]] for s in successors))
                district_successors += successors
                district_resolutions += keys
                divided = bool(entry and entry[2]) or len(successors) > 1
                add([wid, str(code), "xa", wtype, wname, did, "", LAST_DAY_BEFORE, successors, 1 if divided else 0,
                     ",".join(keys)] + ([note] if note else []))
            island = islands.pop((_key(name), _key(dname)), None)
            if island is not None:
                if communes:
                    raise SystemExit(f"succession.yaml: {district['name']} có xã, không phải huyện đảo")
                sid = current_province_id[_key(island["successor_province"])]
                wtype, wname = split_type(island["successor"])
                district_successors = [f"{slugify(f'{wtype} {wname} {rows[sid][4]}')}"]
                if district_successors[0] not in rows:
                    raise SystemExit(f"succession.yaml: không có {island['successor']}")
                district_resolutions = [resolution_of[sid]]
            if not district_successors:
                district_successors = [target]  # every commune merged away before 2025 (none so far)
                district_resolutions = ["202"]
            add([did, str(district["code"]), "huyen", dtype, dname, pid, "", LAST_DAY_BEFORE,
                 list(dict.fromkeys(district_successors)), 0, ",".join(dict.fromkeys(district_resolutions))])
    if islands:
        raise SystemExit(f"succession.yaml nêu huyện không có trong dữ liệu cũ: {list(islands)}")
    stale = sorted(set(reviewed) - applied)
    if stale:
        raise SystemExit(f"succession-review.yaml xét các mã không còn cần xét hoặc không có: {stale}")
    unplaced = sorted(set(conversion) - seen_codes)
    if unplaced:
        raise SystemExit(f"bảng chuyển đổi có xã cũ không thuộc huyện nào: {unplaced[:10]}")

    _cross_check(rows, conversion, new_to_old, new_commune_id, became)
    meta = {
        "source": {
            "current": f"vietnam-provinces {new_version} (dữ liệu ngày {new_data_version})",
            "former": f"vietnam-provinces {old_version} (dữ liệu ngày {old_data_version})",
            "succession": f"vietnam-provinces {new_version}, bảng chuyển đổi 2025; đối chiếu vietnamadminunits 1.0.4; "
                          + succession["provinces_source"] + "; 34 nghị quyết ngày 16/6/2025 của Ủy ban Thường vụ "
                          "Quốc hội về sắp xếp đơn vị hành chính cấp xã",
        },
        "version": f"{new_version}+{old_version}",
        "data_version": new_data_version,
        "change_day": CHANGE_DAY,
        "resolutions": dict(sorted(resolutions.items())),
        "columns": COLUMNS,
        "places": list(rows.values()),
    }
    return meta


def _cross_check(rows: dict, conversion: dict, new_to_old: dict, new_commune_id: dict, became: dict) -> None:
    """The sources' own lists against each other and against what was built; any failure stops the generator."""
    # 1. The package's two directions agree: each new commune is made from exactly the old ones pointing at it.
    inverse: dict[int, set[int]] = defaultdict(set)
    for code, (_, _, _, news) in conversion.items():
        for new_code, _ in news:
            inverse[new_code].add(code)
    if inverse != {k: set(v) for k, v in new_to_old.items()}:
        bad = sorted(k for k in set(inverse) | set(new_to_old) if inverse.get(k) != set(new_to_old.get(k, ())))
        raise SystemExit(f"bảng chuyển đổi: hai chiều không khớp ở các xã mới {bad[:10]}")
    # 2. Every current commune is made from at least one former unit; counts are the published ones.
    made_from: dict[str, list[str]] = defaultdict(list)
    for row in rows.values():
        for successor in row[8]:
            made_from[successor].append(row[0])
    orphans = [i for i in new_commune_id.values() if not made_from.get(i)]
    if orphans:
        raise SystemExit(f"xã mới không hình thành từ đơn vị cũ nào: {orphans[:10]}")
    levels: defaultdict[tuple[str, bool], int] = defaultdict(int)  # (level, current) -> units
    for row in rows.values():
        levels[(row[2], row[7] == "")] += 1
    if levels[("tinh", True)] != 34 or levels[("xa", True)] != 3321 or levels[("huyen", False)] != 696:
        raise SystemExit(f"số đơn vị khác số đã công bố: {dict(levels)}")
    # 3. A former commune's successors lie in the province its former province became (Resolution 202/2025/QH15).
    for row in rows.values():
        if row[2] != "xa" or row[6]:
            continue
        province = rows[rows[row[5]][5]]
        for successor in row[8]:
            if rows[successor][5] != became[_key(province[4])]:
                raise SystemExit(f"{row[0]}: {successor} không thuộc tỉnh mà {province[4]} hợp thành")


def _disambiguate(items: list[tuple]) -> list[tuple]:
    """Units whose names fold to the same slug in one parent ("Văn Lăng", "Văn Lang") all get their code appended,
    so that neither takes the plain id by the accident of order."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item[-1]] = counts.get(item[-1], 0) + 1
    return [(*item[:-1], f"{item[-1]}-{item[0]['code']}" if counts[item[-1]] > 1 else item[-1]) for item in items]


def _assignment(source: str, name: str) -> str:
    for line in source.splitlines():
        if line.startswith(name):
            return line.split("=", 1)[1].strip().strip("'\"")
    return ""


def write_places(meta: dict, out: Path) -> None:
    """One unit per line, compact: a unit's parent and successors are row numbers, its level, type, dates and
    resolution indexes into small tables ("tables"). Half the size of ids everywhere, and half the parse time;
    still one ``json.loads`` and a readable line per unit."""
    rows = meta["places"]
    index = {row[0]: i for i, row in enumerate(rows)}
    tables: dict[str, list[str]] = {"level": ["tinh", "huyen", "xa"], "type": sorted({r[3] for r in rows}),
                                    "date": sorted({r[6] for r in rows} | {r[7] for r in rows}),
                                    "resolution": sorted({r[10] for r in rows})}

    def compact(row: list) -> list:
        out = [row[0], int(row[1]), tables["level"].index(row[2]), tables["type"].index(row[3]), row[4],
               index[row[5]] if row[5] else -1, tables["date"].index(row[6]), tables["date"].index(row[7]),
               [index[s] for s in row[8]], row[9], tables["resolution"].index(row[10])]
        return out + row[11:]  # the note, when there is one

    head = {k: v for k, v in meta.items() if k != "places"}
    head["tables"] = tables
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "places": [']
    lines += [json.dumps(compact(row), ensure_ascii=False, separators=(",", ":")) + "," for row in rows]
    lines[-1] = lines[-1].rstrip(",")
    lines.append("]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    meta = generate(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    out = HERE / "places.json"
    write_places(meta, out)
    print(f"{out}: {len(meta['places'])} đơn vị, {out.stat().st_size} byte")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
