"""Generate places.json, the registry of administrative units, from vietnam-provinces and succession.yaml.

Today's 34 provinces and 3,321 communes come from the installed vietnam-provinces (2025.10.1); the 63 former
provinces and their districts from vietnam-provinces 0.6.0, which cannot be installed beside it, so it is read
from a downloaded wheel:

    pip download vietnam-provinces==0.6.0 --no-deps -d /tmp/vp06
    python plugins/thidua/core/data/generate_places.py /tmp/vp06/vietnam_provinces-0.6.0-py3-none-any.whl

Ids (stable: content refers to them):
  current province  "<type>-<name>"                      tinh-ha-tinh, thanh-pho-ha-noi
  current commune   "<type>-<name>-<province name>"      xa-hoan-lao-quang-tri
  former province   "<type>-<name>", "-truoc-2025" when a current unit has that id   tinh-quang-ngai-truoc-2025
  former district   "<type>-<name>-<former province name>"  huyen-bo-trach-quang-binh
A province that was not merged is one unit across the change (tinh-ha-tinh): see succession.yaml.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from thidua.core.vntext import fold, normalize_tones, slugify  # noqa: E402

CHANGE_DAY = "2025-07-01"
LAST_DAY_BEFORE = "2025-06-30"
COLUMNS = ["id", "code", "level", "type", "name", "parent", "valid_from", "valid_to", "successors"]
# Type words at the start of a unit's name in the package ("Thành Phố Đồng Hới" is spelt that way there).
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


def generate(old_wheel: Path) -> dict:
    import vietnam_provinces as vp

    new = json.loads(vp.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    with zipfile.ZipFile(old_wheel) as wheel:
        old = json.loads(wheel.read("vietnam_provinces/data/nested-divisions.json"))
        old_init = wheel.read("vietnam_provinces/__init__.py").decode()
    old_version = _assignment(old_init, "__version__")
    old_data_version = _assignment(old_init, "__data_version__")
    succession = yaml.safe_load((HERE / "succession.yaml").read_text(encoding="utf-8"))

    rows: dict[str, list] = {}

    def add(row: list) -> None:
        if row[0] in rows:
            raise SystemExit(f"id trùng: {row[0]} ({rows[row[0]][4]} / {row[4]})")
        rows[row[0]] = row

    # Today's provinces and communes.
    current_province_id: dict[str, str] = {}  # folded name -> id
    commune_id: dict[tuple[str, str], str] = {}  # (province id, name as written) -> id
    for province in new:
        type_name, name = split_type(province["name"], NEW_PROVINCE_TYPES[province["division_type"]])
        pid = slugify(f"{type_name} {name}")
        current_province_id[_key(name)] = pid
        add([pid, str(province["code"]), "tinh", type_name, name, "", CHANGE_DAY, "", []])
        wards = [(ward, *split_type(ward["name"], NEW_WARD_TYPES[ward["division_type"]])) for ward in province["wards"]]
        for ward, wtype, wname, wid in _disambiguate([(w, t, n, slugify(f"{t} {n} {name}")) for w, t, n in wards]):
            commune_id[(pid, f"{wtype} {wname}")] = wid
            add([wid, str(ward["code"]), "xa", wtype, wname, pid, CHANGE_DAY, "", []])

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

    exact = {(_key(d["province"]), _key(split_type(d["district"])[1])): d for d in succession["districts"]}

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
            add([pid, str(province["code"]), "tinh", type_name, name, "", "", LAST_DAY_BEFORE, [target]])
        districts = [(d, *split_type(d["name"], "Huyện")) for d in province["districts"]]
        for district, dtype, dname, did in _disambiguate([(d, t, n, slugify(f"{t} {n} {name}")) for d, t, n in districts]):
            successors = [target]
            rule = exact.pop((_key(name), _key(dname)), None)
            if rule is not None:
                successor_province = current_province_id[_key(rule["successor_province"])]
                missing = [c for c in rule["communes"] if (successor_province, f"Xã {c}") not in commune_id]
                if missing:
                    raise SystemExit(f"{district['name']}: {rows[successor_province][4]} không có xã {missing}")
                successors = [commune_id[(successor_province, f"Xã {c}")] for c in rule["communes"]]
            add([did, str(district["code"]), "huyen", dtype, dname, pid, "",
                 LAST_DAY_BEFORE, successors])
    if exact:
        raise SystemExit(f"succession.yaml nêu huyện không có trong dữ liệu cũ: {list(exact)}")

    return {
        "source": {
            "current": f"vietnam-provinces {vp.__version__} (dữ liệu ngày {vp.__data_version__})",
            "former": f"vietnam-provinces {old_version} (dữ liệu ngày {old_data_version})",
            "succession": succession["provinces_source"] + "; " + "; ".join(d["source"] for d in succession["districts"]),
        },
        "version": f"{vp.__version__}+{old_version}",
        "data_version": vp.__data_version__,
        "change_day": CHANGE_DAY,
        "columns": COLUMNS,
        "places": list(rows.values()),
    }


def _disambiguate(items: list[tuple]) -> list[tuple]:
    """Units whose names fold to the same slug in one province ("Văn Lăng", "Văn Lang") all get their code appended,
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


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    data = generate(Path(argv[1]))
    out = HERE / "places.json"
    # One unit per line: small diffs when the package data changes, still one json.loads.
    lines = [json.dumps({k: v for k, v in data.items() if k != "places"}, ensure_ascii=False)[:-1] + ', "places": [']
    lines += [json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "," for row in data["places"]]
    lines[-1] = lines[-1].rstrip(",")
    lines.append("]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(data['places'])} đơn vị, {out.stat().st_size} byte")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
