"""Reading entry files: YAML front matter with the line of every key, and the Markdown body.

Nothing here knows what the keys mean; it reports YAML problems with their line and keeps going.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Diagnostic
from .vntext import nfc

__all__ = ["RawEntry", "read_entry", "split_front_matter"]

_FENCE = "---"


@dataclass
class RawEntry:
    """One file as read: its meta, the line of each key path ("khen_thuong[0].cap"), and its body."""

    kind: str
    id: str
    path: str
    meta: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    readable: bool = True

    def line_of(self, key_path: str) -> int:
        """The line of a key, or of its nearest parent, or of the front matter's start."""
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            cut = max(key_path.rfind("."), key_path.rfind("["))
            key_path = key_path[:cut] if cut > 0 else ""
        return 1


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in (_FENCE, "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None, text, 1


# libyaml's parser where PyYAML was built with it: entry loading is the build's largest fixed cost.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> tuple[yaml.Node | None, object]:
    """Parse once: the node tree (for the line of every key) and the value built from it."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


def _walk(node: yaml.Node, prefix: str, offset: int, lines: dict[str, int], problems: list[tuple[int, str, str]]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            path = f"{prefix}.{key}" if prefix else key
            line = key_node.start_mark.line + offset
            if key in seen:
                problems.append((line, path, f"khóa “{key}” được khai báo hai lần (dòng {seen[key]} và dòng {line})"))
            seen[key] = line
            lines[path] = line
            _walk(value_node, path, offset, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            lines[path] = item.start_mark.line + offset
            _walk(item, path, offset, lines, problems)


def read_entry(path: Path, rel_path: str, kind: str) -> tuple[RawEntry, list[Diagnostic]]:
    """Read one entry file. Problems come back as diagnostics; the entry is returned either way."""
    entry = RawEntry(kind=kind, id=path.stem, path=rel_path)
    try:
        text = nfc(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        entry.readable = False
        return entry, [Diagnostic(rel_path, 1, "(tệp)", f"tệp không phải văn bản UTF-8 (byte {error.start}).",
                                  "lưu lại tệp với bảng mã UTF-8.")]
    front, body, body_line = split_front_matter(text.lstrip("\ufeff"))
    entry.body, entry.body_line = body, body_line
    if front is None:
        entry.readable = False
        return entry, [Diagnostic(rel_path, 1, "(đầu tệp)", "tệp không có phần khai báo YAML ở đầu.",
                                  "mở đầu tệp bằng một dòng “---”, các trường khai báo, rồi một dòng “---”.")]
    offset = 2  # line 1 is the opening fence; YAML marks count from 0
    try:
        node, data = _parse(front)
    except yaml.MarkedYAMLError as error:
        entry.readable = False
        mark = error.problem_mark or error.context_mark
        line = (mark.line + offset) if mark else 1
        problem = (error.problem or "lỗi cú pháp").strip()
        return entry, [Diagnostic(rel_path, line, "(YAML)", f"lỗi cú pháp YAML: {problem}.",
                                  "kiểm tra dấu hai chấm, thụt lề bằng dấu cách và đặt giá trị có dấu “:” trong ngoặc kép.")]
    except yaml.YAMLError as error:
        entry.readable = False
        return entry, [Diagnostic(rel_path, 1, "(YAML)", f"lỗi YAML: {error}.", "sửa phần khai báo ở đầu tệp.")]
    if not isinstance(data, dict):
        entry.readable = False
        return entry, [Diagnostic(rel_path, 2, "(YAML)", "phần khai báo phải là các cặp “khóa: giá trị”.",
                                  "viết mỗi trường trên một dòng dạng “ten: Nguyễn Văn A”.")]
    problems: list[tuple[int, str, str]] = []
    _walk(node, "", offset, entry.lines, problems)
    entry.meta = data
    diagnostics = [Diagnostic(rel_path, line, key, message, "giữ lại một khai báo, xóa khai báo thừa.")
                   for line, key, message in problems]
    return entry, diagnostics
