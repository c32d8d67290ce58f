"""How close an imported plan is to a hand-checked entry, field by field (for tests and bench/import_accuracy.py).

One-value fields score 1 or 0 after normalisation (tone marks, case, spaces; dates by value and precision;
numbers in their normal form). Lists score the F1 of their items, an item counting only when every sub-field the
hand entry gives agrees. Groups (thoi_gian, nguoi_ky) score the share of their sub-fields that agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core import schema as s
from ...core.dates import DateError, parse_date
from ...core.model import DocumentNumber
from ...core.vntext import canonical

__all__ = ["FieldScore", "compare", "table", "header_facts"]


@dataclass(frozen=True)
class FieldScore:
    key: str
    score: float
    detail: str = ""


def _norm(field: s.Field, value: object) -> object:
    if value is None:
        value = ""
    if field.kind == s.DATE:
        try:
            date = parse_date(value)
        except DateError:
            return ("?", str(value))
        return (date.precision.value, date.iso())
    if field.key == "so_ky_hieu":
        number = DocumentNumber.parse(str(value))
        return canonical(number.normalized if number.form else str(value))
    if field.kind == s.INT:
        return value
    return canonical(str(value)).strip(" .;,")


def _item(field: s.Field, item: object, keys: list[str]) -> tuple:
    if not isinstance(item, dict):
        item = {field.shorthand: item} if field.shorthand else {"": item}
    subs = {f.key: f for f in field.fields}
    return tuple(_norm(subs[k], item.get(k)) for k in keys)


def _list_score(field: s.Field, got: list, want: list) -> tuple[float, str]:
    if field.kind == s.LIST_STR:
        g = [canonical(str(x)).strip(" .;,") for x in got or []]
        w = [canonical(str(x)).strip(" .;,") for x in want or []]
    else:
        keys = sorted({k for item in want or [] if isinstance(item, dict) for k in item} or
                      {f.key for f in field.fields if f.required})
        keys = [k for k in keys if k in {f.key for f in field.fields}]
        g = [_item(field, x, keys) for x in got or []]
        w = [_item(field, x, keys) for x in want or []]
    if not g and not w:
        return 1.0, "cả hai trống"
    remaining = list(w)
    hits = 0
    for item in g:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    precision = hits / len(g) if g else 0.0
    recall = hits / len(w) if w else 0.0
    f1 = 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)
    return f1, f"{hits} khớp / {len(g)} nhập / {len(w)} mẫu"


def compare(got: dict, want: dict) -> list[FieldScore]:
    scores = []
    for field in s.SCHEMAS["plan"]:
        g, w = got.get(field.key), want.get(field.key)
        if field.kind in (s.LIST_MAP, s.LIST_STR, s.LIST_REF):
            score, detail = _list_score(field, g or [], w or [])
        elif field.kind == s.MAP:
            g, w = g or {}, w or {}
            subs = [f for f in field.fields if f.kind not in (s.LIST_MAP,) and (f.key in w or f.key in g)]
            agree = [f.key for f in subs if _norm(f, g.get(f.key)) == _norm(f, w.get(f.key))]
            score = len(agree) / len(subs) if subs else 1.0
            detail = f"{len(agree)}/{len(subs)} trường con"
        else:
            score = 1.0 if _norm(field, g) == _norm(field, w) else 0.0
            detail = "" if score else f"nhập “{g}” ≠ mẫu “{w}”"
        scores.append(FieldScore(field.key, score, detail))
    return scores


def table(results: dict[str, list[FieldScore]]) -> tuple[str, float]:
    """A text table (field × document, and the mean per field) and the overall mean."""
    names = list(results)
    keys = [f.key for f in next(iter(results.values()))]
    width = max(len(k) for k in keys) + 2
    lines = ["trường".ljust(width) + "".join(n[:10].rjust(12) for n in names) + "trung bình".rjust(12)]
    total = []
    for index, key in enumerate(keys):
        row = [results[n][index].score for n in names]
        mean = sum(row) / len(row)
        total.append(mean)
        lines.append(key.ljust(width) + "".join(f"{v:12.2f}" for v in row) + f"{mean:12.2f}")
    overall = sum(total) / len(total)
    lines.append("tất cả".ljust(width) + "".join(
        f"{sum(f.score for f in results[n]) / len(keys):12.2f}" for n in names) + f"{overall:12.2f}")
    return "\n".join(lines), overall


HEADER_FACTS = ("so_ky_hieu", "ngay_ban_hanh", "noi_ban_hanh", "dia_phuong", "co_quan_ban_hanh", "trich_yeu")
SIGNER_FACTS = ("ho_ten", "chuc_vu", "hinh_thuc", "thay_mat")


def header_facts(got: dict, want: dict) -> list[tuple[str, bool, str]]:
    """(fact, right, detail) for the header facts: number, date, place, issuer, title, and the signer's four parts."""
    fields = {f.key: f for f in s.SCHEMAS["plan"]}
    out = []
    for key in HEADER_FACTS:
        if key not in want:
            continue
        g, w = _norm(fields[key], got.get(key)), _norm(fields[key], want.get(key))
        out.append((key, g == w, f"nhập “{got.get(key)}” ≠ mẫu “{want.get(key)}”"))
    signer_field = {f.key: f for f in fields["nguoi_ky"].fields}
    g_signer, w_signer = got.get("nguoi_ky") or {}, want.get("nguoi_ky") or {}
    for key in SIGNER_FACTS:
        if key not in w_signer:
            continue
        g, w = _norm(signer_field[key], g_signer.get(key)), _norm(signer_field[key], w_signer.get(key))
        out.append((f"nguoi_ky.{key}", g == w, f"nhập “{g_signer.get(key)}” ≠ mẫu “{w_signer.get(key)}”"))
    return out
