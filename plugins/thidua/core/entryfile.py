"""Writing entry files: front matter in the order of :mod:`thidua.core.schema`, with a Vietnamese comment on each key.

``thidua new`` and ``thidua import`` both write through :func:`render_entry`, so a written file always has every
key of its kind, in the same order as the editor's guide, and reads back through the same loader as the build.
Keys left without a value are written so that they still pass ``thidua check``: empty text as ``""``, empty lists
as ``[]`` (a list of groups as an empty key followed by commented example items, which stay valid YAML when the
editor removes their ``#``), and optional references and numbers (which cannot be empty) as a commented-out
example line.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from . import schema as s

__all__ = ["render_entry", "scalar"]

_COMMENT_COLUMN = 44
_PLAIN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def scalar(field: s.Field, value: object) -> str:
    """One YAML scalar: text always double-quoted (JSON strings are valid YAML), ids and choices bare."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = "" if value is None else str(value)
    if field.kind in (s.REF, s.LIST_REF) or field.choices:
        if _PLAIN.match(text) and text not in ("true", "false", "null", "yes", "no", "on", "off"):
            return text
    return json.dumps(text, ensure_ascii=False)


def _with_comment(line: str, comment: str) -> str:
    if not comment:
        return line
    return f"{line.ljust(_COMMENT_COLUMN - 1)} # {comment}"


def _label(field: s.Field) -> str:
    label = field.label
    if field.required:
        label += " (bắt buộc)"
    if field.choices:
        label += f"; chọn: {' | '.join(field.choices)}"
    return label


def _example_lines(field: s.Field, indent: str) -> list[str]:
    """Commented example of one item of a list of groups, so an editor sees every sub-key."""
    lines = []
    for index, sub in enumerate(field.fields):
        lead = f"{indent}- " if index == 0 else f"{indent}  "
        if sub.example is None and sub.kind in (s.REF, s.INT):
            # An empty id or number is an error: this one stays a comment once the "#" before it is removed.
            lines.append(_with_comment(f"#{lead}# {sub.key}: …", _label(sub)))
            continue
        example = sub.example if sub.example is not None else ""
        lines.append(_with_comment(f"#{lead}{sub.key}: {scalar(sub, example)}", _label(sub)))
    return lines


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _field_lines(field: s.Field, value: Any, indent: str, comments: bool) -> list[str]:  # parsed YAML
    comment = _label(field) if comments else ""
    key = f"{indent}{field.key}:"
    kind = field.kind
    if kind in (s.REF, s.INT) and _is_empty(value):
        # An empty id or number is an error; an absent key means "not given".
        example = field.example if field.example is not None else ("…" if kind == s.REF else 0)
        # "#" right before the key: removing it, as the guide says, leaves the key at its own indentation.
        return [_with_comment(f"#{key} {scalar(field, example)}", comment or field.label)]
    if kind in (s.STR, s.TEXT, s.DATE, s.REF, s.INT, s.BOOL):
        if kind == s.BOOL and value is None:
            value = False
        return [_with_comment(f"{key} {scalar(field, value)}", comment)]
    if kind in (s.LIST_STR, s.LIST_REF):
        items = list(value or [])
        if not items:
            return [_with_comment(f"{key} []", comment)]
        if kind == s.LIST_REF:
            return [_with_comment(f"{key} [{', '.join(scalar(field, i) for i in items)}]", comment)]
        return [_with_comment(key, comment)] + [f"{indent}  - {scalar(field, i)}" for i in items]
    if kind == s.MAP:
        data = value if isinstance(value, dict) else {}
        lines = [_with_comment(key, comment)]
        for sub in field.fields:
            lines += _field_lines(sub, data.get(sub.key), indent + "  ", comments)
        return lines
    if kind == s.LIST_MAP:
        items = list(value or [])
        if not items:
            if not comments:
                return [f"{key} []"]
            # No "[]" here: the guide says to remove the "#" of the example items below, and "key: []" followed
            # by items is a YAML error. An empty key is an empty list to the checker.
            return [_with_comment(key, comment + "; bỏ dấu # ở các dòng mẫu dưới đây")] + _example_lines(field, indent + "  ")
        lines = [_with_comment(key, comment)]
        for item in items:
            item_lines: list[str] = []
            for sub in field.fields:
                if sub.key not in item:
                    continue
                sub_value = item[sub.key]
                if _is_empty(sub_value) and sub.kind in (s.REF, s.INT):
                    continue  # optional id or number not given: leave the key out of the item
                # A key of the item, nested lists and groups included, two spaces in; the first key takes the "- ".
                item_lines += _field_lines(sub, sub_value, indent + "  ", False)
            if item_lines:
                item_lines[0] = f"{indent}- " + item_lines[0][len(indent) + 2:]
            lines += item_lines
        return lines
    raise ValueError(f"unknown field kind {kind}")


def render_entry(kind: str, meta: dict, body: str = "", *, comments: bool = True,
                 header: Iterable[str] = ()) -> str:
    """The text of an entry file: ``---``, every key of the kind in schema order, ``---``, the body.

    ``header`` lines become YAML comments right after the opening fence (what the importer could not find).
    """
    lines = ["---"] + [f"# {h}" if h else "#" for h in header]
    for field in s.SCHEMAS[kind]:
        lines += _field_lines(field, meta.get(field.key), "", comments)
    lines.append("---")
    text = "\n".join(lines) + "\n"
    if body:
        text += "\n" + body.strip("\n") + "\n"
    return text
