"""What went wrong in a hand-written front matter, in the editor's words, at the line where the mistake is.

PyYAML (libyaml) reports where parsing *stopped*, in English: a quote left open on line 3 is reported at
line 9, ``khen_thuong: []`` followed by items at the first item. :func:`explain_yaml_error` looks at the lines
up to where parsing stopped for the mistakes editors make (a Tab, a quote left open, a quotation pasted inside
quotes, ``[]`` followed by items, a colon inside a value) and names the first one it finds; when none fits it
translates libyaml's problem and keeps its line.
"""

from __future__ import annotations

import re

import yaml

__all__ = ["explain_yaml_error"]

_KEY_VALUE = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?P<key>[^\s:#\"'][^:#]*?)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
_GLUED = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*):(?=[^\s/:])")
_FIELD_NAME = re.compile(r"^[a-z_][a-z0-9_]*[ \t]+\S")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]|$)")

_QUOTE_FIX = ("đặt cả giá trị trong một cặp ngoặc kép trên cùng một dòng, ví dụ `ten: \"Nguyễn Văn A\"`; "
              "trong giá trị, dùng ngoặc kép cong “ ” hoặc viết \\\" thay cho dấu \".")


def _strip_comment(value: str) -> str:
    """A plain value without its trailing `` # comment``."""
    cut = re.search(r"[ \t]#", value)
    return (value[: cut.start()] if cut else value).rstrip()


def _double_quoted_end(value: str) -> int | None:
    """Index just after the closing quote of a double-quoted scalar that starts ``value``, or None if open."""
    index = 1
    while index < len(value):
        char = value[index]
        if char == "\\":
            index += 2
            continue
        if char == '"':
            return index + 1
        index += 1
    return None


def _single_quoted_end(value: str) -> int | None:
    index = 1
    while index < len(value):
        if value[index] == "'":
            if value[index + 1: index + 2] == "'":
                index += 2
                continue
            return index + 1
        index += 1
    return None


def _line_problem(lines: list[str], number: int) -> tuple[str, str] | None:
    """(message, fix) when line ``number`` (from 0) shows one of the usual mistakes, else None."""
    line = lines[number].rstrip("\r\n")
    stripped = line.lstrip(" \t")
    if not stripped or stripped.startswith("#"):
        return None
    indent = line[: len(line) - len(stripped)]
    if "\t" in indent:
        return ("dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách.",
                "xóa Tab ở đầu dòng và thụt vào bằng dấu cách (hai dấu cách mỗi bậc), như các dòng khác.")
    if glued := _GLUED.match(line):
        return (f"sau “{glued.group(1)}:” thiếu một dấu cách.", f"viết “{glued.group(1)}: giá trị” (dấu cách sau dấu hai chấm).")
    match = _KEY_VALUE.match(line)
    if match is None:
        if ":" not in stripped and not stripped.startswith(("-", "[", "{", "]", "}", '"', "'", "|", ">")) and \
                _FIELD_NAME.match(stripped):
            return ("dòng này thiếu dấu hai chấm “:” sau tên trường.", "viết “ten_truong: giá trị”.")
        return None
    key, value = match["key"].strip(), (match["value"] or "").strip()
    if value.startswith('"') or value.startswith("'"):
        end = (_double_quoted_end if value[0] == '"' else _single_quoted_end)(value)
        kind = "kép" if value[0] == '"' else "đơn"
        if end is None:
            return (f"giá trị của “{key}” mở ngoặc {kind} ở dòng này nhưng không đóng "
                    "trên cùng dòng.", "thêm dấu " + value[0] + " ở cuối giá trị; " + _QUOTE_FIX)
        rest = _strip_comment(value[end:]).strip()
        if rest:
            return (f"giá trị của “{key}” có dấu ngoặc {kind} ở giữa (thường do dán "
                    "một câu trích dẫn): YAML hiểu giá trị kết thúc ở dấu ngoặc thứ hai.", _QUOTE_FIX)
        return None
    if value[:1] in ("[", "{") and value not in ("[]", "{}") and not re.fullmatch(r"(\[\]|\{\})[ \t]+#.*", value):
        try:
            yaml.safe_load(value)
        except yaml.YAMLError:
            return (f"giá trị của “{key}” bắt đầu bằng “{value[0]}” nên YAML hiểu là một danh sách hay một nhóm, "
                    "nhưng nó không đóng đúng cách.",
                    f"nếu đây là chữ, đặt cả giá trị trong ngoặc kép: `{key}: \"{_strip_comment(value)}\"`; nếu là danh "
                    "sách, viết dạng `[ma-1, ma-2]`.")
        return None
    if value in ("[]", "{}") or re.fullmatch(r"(\[\]|\{\})[ \t]+#.*", value):
        following = _next_content(lines, number)
        if following is not None:
            next_line = lines[following]
            next_indent = len(next_line) - len(next_line.lstrip(" \t"))
            if next_indent > len(indent) or (_ITEM.match(next_line) and next_indent >= len(indent)):
                return (f"“{key}: {value[:2]}” là một danh sách rỗng, nhưng các dòng sau lại ghi các mục của nó.",
                        f"xóa “{value[:2]}” sau “{key}:” (để lại “{key}:”), giữ các dòng “- …” bên dưới.")
        return None
    plain = _strip_comment(value)
    if plain and plain[0] not in "[{|>&*!" and (": " in plain or plain.endswith(":")):
        return (f"giá trị của “{key}” có dấu hai chấm “:” theo sau là dấu cách; YAML hiểu đó là một trường mới.",
                f"đặt cả giá trị trong ngoặc kép: `{key}: \"{plain.replace(chr(34), '“')}\"`.")
    if plain[:1] in ("@", "`", "%"):
        return (f"giá trị của “{key}” bắt đầu bằng ký tự “{plain[0]}”, YAML không cho phép.",
                f"đặt cả giá trị trong ngoặc kép: `{key}: \"{plain}\"`.")
    return None


def _next_content(lines: list[str], number: int) -> int | None:
    for index in range(number + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


_PROBLEMS = (
    ("cannot start any token", "có ký tự mà YAML không cho phép đứng ở đầu giá trị (thường là phím Tab, “@” hoặc “`”)"),
    ("tab character", "có phím Tab ở chỗ YAML chỉ nhận dấu cách"),
    ("mapping values are not allowed", "có dấu hai chấm “:” ở chỗ YAML không chờ một trường mới"),
    ("did not find expected key", "dòng này không phải một trường “khóa: giá trị” đúng chỗ, hoặc thụt lề sai"),
    ("expected <block end>", "dòng này không phải một trường “khóa: giá trị” đúng chỗ, hoặc thụt lề sai"),
    ("did not find expected '-'", "trong danh sách, mỗi mục phải bắt đầu bằng “- ”"),
    ("did not find expected ',' or ']'", "danh sách trong ngoặc vuông “[…]” không được đóng đúng cách"),
    ("did not find expected ',' or '}'", "nhóm trong ngoặc nhọn “{…}” không được đóng đúng cách"),
    ("unexpected end of stream", "phần khai báo kết thúc khi một giá trị (thường là ngoặc kép) còn mở"),
    ("could not find expected ':'", "thiếu dấu hai chấm “:” sau tên trường"),
    ("found unknown escape character", "trong ngoặc kép có dấu “\\” theo sau là ký tự không hợp lệ"),
    ("found unhashable key", "tên trường không phải một chữ"),
    ("found undefined alias", "giá trị bắt đầu bằng “*”"),
    ("block sequence entries are not allowed", "mục “- …” đặt sai chỗ (cùng dòng với một trường, hoặc thụt lề sai)"),
    ("unicode", "trong ngoặc kép có chuỗi thoát “\\u…” hay “\\x…” không phải một ký tự hợp lệ"),
    ("escape", "trong ngoặc kép có chuỗi thoát “\\…” không hợp lệ"),
    ("could not determine a constructor", "giá trị bắt đầu bằng “!” (YAML hiểu là một kiểu dữ liệu)"),
    ("found duplicate anchor", "giá trị bắt đầu bằng “&”"),
)


def _translate(problem: str) -> str:
    for english, vietnamese in _PROBLEMS:
        if english in problem:
            return vietnamese
    return "cú pháp không đúng"


def explain_yaml_error(front: str, error: yaml.YAMLError) -> tuple[int, str, str]:
    """(line from 0 within ``front``, message, fix) for a YAML error, in Vietnamese."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    lines = front.split("\n")
    stop = min(mark.line, len(lines) - 1) if mark is not None else len(lines) - 1
    for number in range(0, stop + 1):
        found = _line_problem(lines, number)
        if found:
            return number, f"lỗi cú pháp YAML: {found[0]}", f"{found[1]}"
    problem = str(getattr(error, "problem", "") or "")
    context_mark = getattr(error, "context_mark", None)
    if "end of stream" in problem and context_mark is not None:
        # libyaml names where the open quote or bracket began as the context: that is the editor's line.
        return (context_mark.line, "lỗi cú pháp YAML: giá trị mở ngoặc ở dòng này nhưng không đóng.",
                "thêm dấu ngoặc đóng ở cuối giá trị; " + _QUOTE_FIX)
    return (stop, f"lỗi cú pháp YAML: {_translate(problem)}.",
            "kiểm tra dòng này và dòng ngay trên nó: thụt lề bằng dấu cách, mỗi trường dạng “khóa: giá trị”, giá trị có "
            "dấu “:” hay dấu ngoặc kép thì đặt trong ngoặc kép.")
