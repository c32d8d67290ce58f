"""Reading an official plan: .txt / .md as converted from the signed file, or a .docx, into paragraphs.

Converted documents carry Markdown emphasis, escaped list numbers ("1\\."), LaTeX for symbols (``$\\geq 100$``),
HTML superscripts and paragraphs broken at page ends ("Quyết" / "định số …"). :func:`read_paragraphs` returns the
paragraphs twice: ``text`` with all of that undone, for reading fields, and ``markdown`` for the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...core.vntext import nfc

__all__ = ["Paragraph", "read_text", "read_paragraphs", "clean", "SourceError"]


class SourceError(ValueError):
    """The file cannot be read as a plan; the message is for an editor, in Vietnamese."""


@dataclass
class Paragraph:
    text: str  # plain: no Markdown, no bullet mark, symbols spelled as characters
    markdown: str  # the line as written (Markdown kept), continuation lines joined
    heading: int = 0  # Markdown heading level (#, ##, …), 0 when not a heading
    bullet: bool = False  # began with "-", "+", "•"


def _docx_text(path: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError as error:  # pragma: no cover - pinned in requirements.txt
        raise SourceError("cần thư viện python-docx để đọc tệp .docx (pip install -r requirements.txt)") from error
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a damaged or non-Word file
        raise SourceError(f"không mở được tệp Word “{path.name}”: {error}") from error
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    lines: list[str] = []

    def cell_lines(table: Table) -> None:
        # Header and signature blocks are two-column tables: read the left column, then the right one.
        columns = max((len(row.cells) for row in table.rows), default=0)
        for column in range(columns):
            # Merged cells repeat the same <w:tc>. Keep the elements themselves, not id()s: an lxml proxy that
            # is no longer referenced can be freed and its id reused by another cell's proxy.
            seen: list = []
            for row in table.rows:
                if column < len(row.cells):
                    cell = row.cells[column]
                    if any(cell._tc is element for element in seen):
                        continue
                    seen.append(cell._tc)
                    for paragraph in cell.paragraphs:
                        lines.extend(paragraph.text.split("\n"))
                    lines.append("")

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(DocxParagraph(child, document).text.split("\n"))
            lines.append("")
        elif tag == "tbl":
            cell_lines(Table(child, document))
    return "\n".join(lines)


def read_text(path: Path) -> str:
    """The document as text (NFC). .docx through python-docx; anything else as UTF-8 text."""
    if not path.is_file():
        raise SourceError(f"không có tệp “{path}”")
    if path.suffix.lower() == ".docx":
        return nfc(_docx_text(path))
    if path.suffix.lower() == ".doc":
        raise SourceError("tệp .doc (Word 97–2003) không đọc được; mở bằng Word hoặc LibreOffice rồi lưu thành .docx")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"tệp “{path.name}” không phải văn bản UTF-8 (byte {error.start}); "
                          "lưu lại với bảng mã UTF-8 hoặc dùng tệp .docx") from error
    return nfc(text).replace("\r\n", "\n").replace("\r", "\n")


_LATEX = [
    (re.compile(r"\\geq?\b|\\ge\b"), "≥"), (re.compile(r"\\leq?\b|\\le\b"), "≤"), (re.compile(r"\\times\b"), "×"),
    (re.compile(r"\\%"), "%"), (re.compile(r"\\approx\b"), "≈"),
]
_MATH = re.compile(r"\$([^$\n]{1,80})\$")
_SUP = {"2": "²", "3": "³"}
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+(?=\w)|(?<=\w)_+(?!\w)")
_BULLET = re.compile(r"^\s*(?:[-+•●▪–]\s+)")
_HEADING = re.compile(r"^\s*(#{1,6})\s+")


def _symbols(text: str) -> str:
    def math(m: re.Match[str]) -> str:
        inner = m[1]
        for pattern, char in _LATEX:
            inner = pattern.sub(char, inner)
        return " " + inner.strip() + " "

    text = _MATH.sub(math, text)
    return re.sub(r"<sup>\s*(\d)\s*</sup>", lambda m: _SUP.get(m[1], "^" + m[1]), text)


def clean(line: str) -> str:
    """A line without Markdown marks: what the document says, for reading fields."""
    text = _symbols(line.replace("\u00a0", " ").replace("\u200b", ""))
    text = _HEADING.sub("", text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def _continues(previous: str, line: str) -> bool:
    """A paragraph cut at a page end: the next one starts in lower case and the first did not end a sentence."""
    first = line.lstrip("*_ ")
    return bool(previous) and bool(first) and first[0].islower() and not previous.rstrip("*_ ").endswith(
        (".", ":", ";", "!", "?"))


def read_paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines as paragraphs; a line that continues the previous one across a page break is joined."""
    paragraphs: list[Paragraph] = []
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        heading = _HEADING.match(raw)
        bullet = bool(_BULLET.match(raw)) and not heading
        plain = clean(_BULLET.sub("", raw) if bullet else raw)
        if not plain:
            continue
        if paragraphs and not heading and not bullet and _continues(paragraphs[-1].text, plain) \
                and not paragraphs[-1].heading and not paragraphs[-1].text.isupper():
            last = paragraphs[-1]
            last.text = f"{last.text} {plain}"
            last.markdown = f"{last.markdown.rstrip()} {_symbols(raw.strip())}"
            continue
        paragraphs.append(Paragraph(plain, _symbols(raw.rstrip()), len(heading[1]) if heading else 0, bullet))
    return paragraphs
