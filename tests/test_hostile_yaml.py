"""Clumsy and hostile front matter: every mistake is reported in Vietnamese at the line where it is, fast, with no
traceback; nothing an editor wrote is read by PyYAML's own rules where the portal has its own (dates)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from thidua.core import schema as s
from thidua.core.entryfile import render_entry
from thidua.core.frontmatter import read_entry
from thidua.core.loader import load

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
HEAD = "---\nten: \"Trần Thị B\"\ndoi_tuong: ca-nhan\ndia_phuong: tinh-ha-tinh\nlinh_vuc: \"Giáo dục\"\n"
TAIL = "tom_tat: \"Gương thử nghiệm.\"\n---\n\nNội dung.\n"
ENGLISH = re.compile(r"\b(found|expected|while|scanning|parsing|mapping|character|token|stream|unacceptable|position|"
                     r"float|int|str|NoneType|date|datetime|ValueError|RecursionError)\b")


def read(tmp_path: Path, text: str, name: str = "x.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_entry(path, f"exemplars/{name}", "exemplar")


def only_problem(tmp_path: Path, text: str) -> tuple[int, str]:
    entry, problems = read(tmp_path, text)
    assert len(problems) >= 1, text
    first = problems[0]
    assert not ENGLISH.search(first.message + " " + first.fix), first.format()
    assert first.format().startswith(f"exemplars/x.md:{first.line}: ")
    return first.line, first.message + " " + first.fix


@pytest.mark.parametrize("text, line, words", [
    # A Tab to indent: libyaml says "found character that cannot start any token".
    (HEAD + "khen_thuong:\n\t- hinh_thuc: \"Giấy khen\"\n" + TAIL, 7, "Tab"),
    (HEAD + "\tngay: \"2020\"\n" + TAIL, 6, "Tab"),
    (HEAD + "nguoi:\n  a: 1\n\t b: 2\n" + TAIL, 8, "Tab"),
    # A quote opened and never closed: libyaml reports a later line; the editor's line is where it opens.
    ("---\nten: \"Trần Thị B\ndoi_tuong: ca-nhan\ndia_phuong: tinh-ha-tinh\nlinh_vuc: \"Giáo dục\"\n" + TAIL, 2, "không đóng"),
    (HEAD + "nguon: 'báo Quảng Bình\n" + TAIL, 6, "không đóng"),
    (HEAD + "ngay: \"tháng 5/2024\n---\n\nNội dung.\n", 6, "không đóng"),
    # "[]" followed by the items the guide says to uncomment.
    (HEAD + "khen_thuong: []\n  - hinh_thuc: \"Giấy khen\"\n    cap: huyen\n" + TAIL, 6, "[]"),
    (HEAD + "khen_thuong: []   # các hình thức\n- hinh_thuc: \"Giấy khen\"\n" + TAIL, 6, "[]"),
    (HEAD + "phong_trao: []\n  - quoc-gia\n" + TAIL, 6, "[]"),
    # A colon inside an unquoted value.
    (HEAD + "nguon: Báo Quảng Bình: số 12\n" + TAIL, 6, "hai chấm"),
    (HEAD + "khen_thuong:\n  - hinh_thuc: Bằng khen: Chủ tịch UBND\n" + TAIL, 7, "hai chấm"),
    # A quotation pasted inside quotes.
    (HEAD + "nguon: \"Ông nói \"làm tốt\" rồi\"\n" + TAIL, 6, "ngoặc kép"),
    (HEAD + "nguon: 'it's'\n" + TAIL, 6, "ngoặc đơn"),
    # Characters YAML reserves.
    (HEAD + "nguon: @baoquangbinh\n" + TAIL, 6, "@"),
    (HEAD + "nguon: [Bản tin] số 3\n" + TAIL, 6, "“[”"),
    (HEAD + "nguon: {Bản tin số 3\n" + TAIL, 6, "“{”"),
    (HEAD + "nguon: !quan-trong\n" + TAIL, 6, "“!”"),
    # A missing space or colon.
    (HEAD + "nguon:\"báo Quảng Bình\"\n" + TAIL, 6, "dấu cách"),
    (HEAD + "nguon \"báo Quảng Bình\"\n" + TAIL, 6, "thiếu dấu hai chấm"),
])
def test_yaml_mistakes_are_named_at_their_line_in_vietnamese(tmp_path, text, line, words):
    got_line, words_got = only_problem(tmp_path, text)
    assert got_line == line, words_got
    assert words in words_got


def test_quotes_that_are_fine_stay_fine(tmp_path):
    entry, problems = read(tmp_path, HEAD + "nguon: Ông nói “làm tốt” rồi\ncach: \"Ông nói \\\"làm tốt\\\" rồi\"\n" + TAIL)
    assert problems == []
    assert entry.meta["nguon"] == "Ông nói “làm tốt” rồi" and entry.meta["cach"] == "Ông nói \"làm tốt\" rồi"


@pytest.mark.parametrize("bomb", [
    # Billion laughs: nine levels of nine aliases.
    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)),
    "a: &a {k: v}\nb: *a\n",
    "ten: &n \"x\"\nlinh_vuc: *n\n",
    "a: &a [*a]\n",
])
def test_aliases_are_refused_at_once(tmp_path, bomb):
    start = time.perf_counter()
    line, words = only_problem(tmp_path, "---\n" + bomb + "---\n")
    assert time.perf_counter() - start < 1.0
    assert "bí danh" in words or "không đóng" in words or "cú pháp" in words


def test_an_alias_bomb_does_not_hang_the_loader(tmp_path):
    """The whole load (check included) returns at once with the alias refused, not after minutes."""
    shutil.copytree(FIXTURE, tmp_path / "p")
    levels = "".join(f"l{i}: &l{i} [{','.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 12))
    (tmp_path / "p" / "exemplars" / "bom.md").write_text("---\nl0: &l0 [\"x\"]\n" + levels + "---\n", encoding="utf-8")
    start = time.perf_counter()
    result = load(tmp_path / "p")
    assert time.perf_counter() - start < 5
    assert any(d.path == "exemplars/bom.md" and "bí danh" in d.message for d in result.errors)


@pytest.mark.parametrize("depth", [13, 200, 5000, 200_000])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path, depth):
    flow = "---\nnguon: " + "[" * depth + "]" * depth + "\n---\n"
    line, words = only_problem(tmp_path, flow)
    assert "lồng nhau" in words and line == 2


def test_deep_block_nesting_is_refused(tmp_path):
    text = "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(400)) + "---\n"
    line, words = only_problem(tmp_path, text)
    assert "lồng nhau" in words


@pytest.mark.parametrize("value, words", [
    ("2020-02-31", "không tồn tại"), ("2021-13-01", "tháng"), ("2019-02-29", "không tồn tại"), ("2024-04-31", "không tồn tại"),
])
def test_impossible_bare_iso_dates_get_the_date_message(tmp_path, value, words):
    shutil.copytree(FIXTURE, tmp_path / "p")
    (tmp_path / "p" / "exemplars" / "d.md").write_text(HEAD + f"ngay: {value}\n" + TAIL, encoding="utf-8")
    result = load(tmp_path / "p")
    [problem] = [d for d in result.diagnostics if d.path == "exemplars/d.md"]
    assert (problem.line, problem.field) == (6, "ngay")
    assert words in problem.message


def test_a_valid_bare_iso_date_still_reads_as_a_day(tmp_path):
    entry, problems = read(tmp_path, HEAD + "ngay: 2020-02-29\n" + TAIL)
    assert problems == [] and str(entry.meta["ngay"]) == "2020-02-29"


def test_a_huge_number_is_a_type_error_not_a_traceback(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "p")
    (tmp_path / "p" / "movements" / "n.md").write_text(
        "---\nten: \"Phong trào\"\ncap: tinh\nnam: " + "1" * 6000 + "\n---\n", encoding="utf-8")
    [problem] = [d for d in load(tmp_path / "p").diagnostics if d.path == "movements/n.md"]
    assert problem.field == "nam" and "số nguyên" in problem.message


@pytest.mark.parametrize("value, words", [("1.5", "một số"), ("[1, 2]", "một danh sách"), ("{a: 1}", "một nhóm trường"),
                                          ("2020-01-01 10:00:00", "một ngày")])
def test_type_mistakes_are_named_in_the_editors_words(tmp_path, value, words):
    shutil.copytree(FIXTURE, tmp_path / "p")
    (tmp_path / "p" / "exemplars" / "t.md").write_text(HEAD + f"ngay: {value}\nnguon: {value}\n" + TAIL,
                                                      encoding="utf-8")
    problems = [d for d in load(tmp_path / "p").diagnostics if d.path == "exemplars/t.md"]
    for problem in problems:
        assert not ENGLISH.search(problem.message), problem.format()
    assert any(words in p.message for p in problems), [p.format() for p in problems]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\x0c", "\x0b"])
def test_raw_control_characters_are_reported_at_their_line(tmp_path, char):
    text = HEAD + f"nguon: \"báo{char}chí\"\n" + TAIL + f"Dòng hai{char}.\n"
    entry, problems = read(tmp_path, text)
    lines = sorted(p.line for p in problems)
    assert lines == [6, 11], [p.format() for p in problems]
    assert all(f"U+{ord(char):04X}" in p.message for p in problems)
    assert problems[0].field == "nguon" and "cột" in problems[0].message
    assert not entry.readable


@pytest.mark.parametrize("escape", ["\\x1b", "\\0", "\\ud800", "\\u2028", "\\x9b"])
def test_control_characters_written_as_escapes_are_refused(tmp_path, escape):
    line, words = only_problem(tmp_path, HEAD + f"nguon: \"a{escape}b\"\n" + TAIL)
    assert line == 6


def test_an_unclosed_front_matter_is_named_as_such(tmp_path):
    line, words = only_problem(tmp_path, HEAD + "tom_tat: \"x\"\n\nNội dung không có dòng đóng.\n")
    assert line == 1 and "thiếu dòng --- đóng phần khai báo" in words


@pytest.mark.parametrize("kind", ["plan", "exemplar", "movement"])
def test_new_entry_templates_stay_valid_when_every_example_is_uncommented(kind):
    """The guide says: remove the "#" of the example lines. Doing it to every line must give valid YAML, and the
    uncommented list items must land in their list."""
    text = render_entry(kind, {})
    front = text.split("---\n")[1]
    assert not re.search(r":\s*\[\]\s*(#.*)?\n\s*#\s*-", front), "a `key: []` is followed by example items"
    uncommented = "\n".join(re.sub(r"^#", "", line) for line in front.splitlines())
    data = yaml.safe_load(uncommented)
    assert isinstance(data, dict)
    for field in s.SCHEMAS[kind]:
        if field.kind == s.LIST_MAP and field.fields:
            assert isinstance(data.get(field.key), list) and data[field.key], field.key


def test_a_new_exemplar_passes_the_check_with_its_examples_uncommented(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "p")
    text = render_entry("exemplar", {"ten": "Trần Văn C", "doi_tuong": "ca-nhan", "dia_phuong": "tinh-ha-tinh",
                                     "linh_vuc": "Giáo dục", "tom_tat": "Gương."})
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("khen_thuong:"))
    for index in range(start + 1, len(lines)):
        if not lines[index].startswith("#  "):
            break
        lines[index] = lines[index][1:]
    (tmp_path / "p" / "exemplars" / "moi.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load(tmp_path / "p")
    assert not [d.format() for d in result.diagnostics if d.path == "exemplars/moi.md"]
    [exemplar] = [e for e in result.exemplars if e.id == "moi"]
    assert exemplar.awards and exemplar.awards[0].form == "Giấy khen"


def _nested(depth: int, shape: str):
    value: object = "x"
    for level in range(depth):
        if shape == "maps" or (shape == "mixed" and level % 2):
            value = {f"k{level}": value}
        else:
            value = [value]
    return value


@pytest.mark.parametrize("shape", ["maps", "lists", "mixed"])
@pytest.mark.parametrize("flow", [False, True, None])
@pytest.mark.parametrize("indent", [2, 4])
def test_nesting_beyond_the_limit_is_refused_in_every_style(tmp_path, shape, flow, indent):
    """The quick screen (skipped for ordinary entries) must see every way of writing deep nesting: block style with
    indentless lists and compact "- - -", flow brackets, and mixtures."""
    text = yaml.dump({"nguon": _nested(14, shape)}, default_flow_style=flow, indent=indent, allow_unicode=True)
    line, words = only_problem(tmp_path, "---\n" + text + "---\n")
    assert "lồng nhau" in words, text
