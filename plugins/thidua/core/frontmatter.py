"""Reading entry files: YAML front matter with the line of every key, and the Markdown body.

Nothing here knows what the keys mean; it reports YAML problems with their line and keeps going.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
import re

from typing import TYPE_CHECKING

import yaml

from .diagnostics import Diagnostic
from .yamlhelp import explain_yaml_error
from .vntext import CONTROL_CHARS, nfc

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
if TYPE_CHECKING:  # the C loader, when built, has the pure-Python one's interface
    _Base = yaml.SafeLoader
else:
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Front matter is a few levels deep (thoi_gian.dot[].tu is four); anything far deeper is a mistake or an attack,
# and composing it recursively would exhaust the stack.
MAX_DEPTH = 12
CONTROL = CONTROL_CHARS
_CONTROL_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x0B: "tab dọc", 0x0C: "ngắt trang", 0x2028: "ngắt dòng Unicode",
                  0x2029: "ngắt đoạn Unicode", 0x85: "NEL"}


def _line(event: yaml.Event) -> int:
    """The line (from 0) where a parser event starts; events read from text always have their mark."""
    return event.start_mark.line if event.start_mark is not None else 0


def describe_char(char: str) -> str:
    """“U+001B (ESC)”: how a message names an invisible character."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    return f"U+{code:04X}" + (f" ({name})" if name else "")


class _Loader(_Base):
    """Safe loading with the mistakes of hand-written YAML turned into values the checks can report by line.

    An impossible date written bare (``ngay: 2020-02-31``) stays text, so the date check says what is wrong with
    it; a number too long to convert stays text, so the type check reports it.
    """

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    def construct_yaml_int(self, node):
        try:
            return super().construct_yaml_int(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


class FrontMatterError(Exception):
    """A front matter that cannot be read, with the line (in the front matter, from 0) and words for the editor."""

    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


def _screen(text: str) -> None:
    """Walk the event stream once (libyaml's parser keeps its own stack: no recursion, no expansion) and refuse
    aliases and deep nesting before anything is composed. An alias bomb is refused here in microseconds."""
    loader = _Base(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise FrontMatterError(
                    _line(event), f"phần khai báo dùng bí danh YAML “*{event.anchor}”; cổng không nhận neo "
                    "(&) và bí danh (*).",
                    "viết thẳng giá trị vào từng trường; nếu giá trị bắt đầu bằng “*” hay “&”, đặt nó trong ngoặc kép.")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(
                        _line(event), f"phần khai báo lồng nhau quá {MAX_DEPTH} tầng.",
                        "mỗi trường chỉ lồng vài tầng như mẫu của thidua new; kiểm tra các dấu “[”, “{” và thụt lề.")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


# Text that could hold an alias (*), an anchor (&), or nest deeper than MAX_DEPTH: compact "- - -" or "? ?"
# chains, flow brackets, or a line indented twelve columns or more (two levels per two columns at the most).
# Everything else is screened by construction, so the common entry skips the extra pass over its events.
_RISKY = re.compile(r"[*&]|^[ \t]{12,}\S|(?:^|[ \t])[-?][ \t]+[-?](?:[ \t]|$)", re.M)


def _parse(text: str) -> tuple[yaml.Node | None, object]:
    """Parse once: the node tree (for the line of every key) and the value built from it."""
    if text.count("[") + text.count("{") > MAX_DEPTH or _RISKY.search(text):
        _screen(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


def _walk(node: yaml.Node, prefix: str, offset: int, lines: dict[str, int], problems: list[tuple[int, str, str, str]]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            path = f"{prefix}.{key}" if prefix else key
            line = key_node.start_mark.line + offset
            if key in seen:
                problems.append((line, path, f"khóa “{key}” được khai báo hai lần (dòng {seen[key]} và dòng {line}).",
                                 "giữ lại một khai báo, xóa khai báo thừa."))
            seen[key] = line
            lines[path] = line
            _walk(value_node, path, offset, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            lines[path] = item.start_mark.line + offset
            _walk(item, path, offset, lines, problems)
    elif isinstance(node, yaml.ScalarNode) and (bad := CONTROL.search(str(node.value))):
        # Reached only through an escape in quotes ("\x1b", "\ud800"): raw ones are refused before parsing.
        problems.append((node.start_mark.line + offset, prefix or "(YAML)",
                         f"giá trị có ký tự điều khiển {describe_char(bad.group())} (viết bằng chuỗi thoát “\\…”).",
                         "xóa chuỗi thoát đó khỏi giá trị trong ngoặc kép."))


def _control_characters(text: str, front_end: int, rel_path: str) -> list[Diagnostic]:
    """One diagnostic per line with an invisible control character, at its real line and column."""
    out: list[Diagnostic] = []
    seen_lines: set[int] = set()
    for match in CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line in seen_lines:
            continue
        seen_lines.add(line)
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        key = _KEY_AT.match(text[text.rfind("\n", 0, match.start()) + 1:match.start()])
        field = key.group(1) if key and line <= front_end else ("(YAML)" if line <= front_end else "(nội dung)")
        out.append(Diagnostic(rel_path, line, field,
                              f"dòng này có ký tự điều khiển không nhìn thấy {describe_char(match.group())} ở cột {column}.",
                              "xóa ký tự đó (thường lẫn vào khi dán từ Word, PDF hay trang web): gõ lại vài chữ quanh "
                              "cột này."))
        if len(out) >= 20:
            break
    return out


_KEY_AT = re.compile(r"\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:")


def read_entry(path: Path, rel_path: str, kind: str) -> tuple[RawEntry, list[Diagnostic]]:
    """Read one entry file. Problems come back as diagnostics; the entry is returned either way."""
    entry = RawEntry(kind=kind, id=path.stem, path=rel_path)
    try:
        text = nfc(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        entry.readable = False
        return entry, [Diagnostic(rel_path, 1, "(tệp)", f"tệp không phải văn bản UTF-8 (byte {error.start}).",
                                  "lưu lại tệp với bảng mã UTF-8.")]
    text = text.lstrip("\ufeff")
    front, body, body_line = split_front_matter(text)
    if CONTROL.search(text):
        # Before YAML: libyaml would name the first one by a character offset, in English; and Python's
        # splitlines counts some of them as line breaks, which would shift every line number after them.
        entry.readable = False
        return entry, _control_characters(text, body_line - 1 if front is not None else 0, rel_path)
    entry.body, entry.body_line = body, body_line
    if front is None:
        entry.readable = False
        if text.splitlines()[:1] and text.splitlines()[0].strip() == _FENCE:
            return entry, [Diagnostic(rel_path, 1, "(đầu tệp)",
                                      "thiếu dòng --- đóng phần khai báo: phần khai báo mở ở dòng 1 nhưng không có dòng "
                                      "“---” nào kết thúc nó.",
                                      "thêm một dòng chỉ có “---” ngay sau trường khai báo cuối cùng, trước phần nội dung.")]
        return entry, [Diagnostic(rel_path, 1, "(đầu tệp)", "tệp không có phần khai báo YAML ở đầu.",
                                  "mở đầu tệp bằng một dòng “---”, các trường khai báo, rồi một dòng “---”.")]
    offset = 2  # line 1 is the opening fence; YAML marks count from 0
    try:
        node, data = _parse(front)
    except FrontMatterError as error:
        entry.readable = False
        return entry, [Diagnostic(rel_path, error.line + offset, "(YAML)", error.message, error.fix)]
    except yaml.YAMLError as error:
        entry.readable = False
        line, message, fix = explain_yaml_error(front, error)
        return entry, [Diagnostic(rel_path, line + offset, "(YAML)", message, fix)]
    except (ValueError, TypeError, OverflowError, RecursionError) as error:  # a constructor's own complaint
        entry.readable = False
        return entry, [Diagnostic(rel_path, 1, "(YAML)", "không đọc được phần khai báo.",
                                  "viết mỗi trường trên một dòng dạng “ten: Nguyễn Văn A”, như mẫu của thidua new.")]
    if not isinstance(data, dict):
        entry.readable = False
        return entry, [Diagnostic(rel_path, 2, "(YAML)", "phần khai báo phải là các cặp “khóa: giá trị”.",
                                  "viết mỗi trường trên một dòng dạng “ten: Nguyễn Văn A”.")]
    problems: list[tuple[int, str, str, str]] = []
    assert node is not None  # a mapping was parsed, so it has a node
    _walk(node, "", offset, entry.lines, problems)
    entry.meta = data
    diagnostics = [Diagnostic(rel_path, line, key, message, fix) for line, key, message, fix in problems]
    return entry, diagnostics
