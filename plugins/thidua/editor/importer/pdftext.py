"""A born-digital PDF plan as text that reads as signed: one line per paragraph, tables read column by column.

The text layer comes from pypdf's layout mode, which keeps each printed line and places words by their position
(one character per column). From there:

- page furniture goes: page numbers ("2", "- 2 -", "Trang 2/5") at the top or bottom of a page, and lines repeated at
  the top or bottom of several pages (a running header or footer, digits aside);
- a two-column table (the header: issuer | national motto, number | place and date; the signature: recipients |
  signer) is recognised by the wide gap between its cells and read left column first, then right column, as the
  .docx reader does;
- lines broken inside a sentence are joined: a line that fills the width and does not end a sentence continues on
  the next one (see :func:`_continues` for the dash that opens a line, first-line indents and centred titles). A
  word broken after a hyphen ("KH-" / "UBND") is joined without a space and keeps its hyphen: Vietnamese is not
  hyphenated at line ends, so a hyphen there is part of the text;
- tables are looked for only in the header and the signature block; elsewhere the layout's spacing is collapsed.

Nothing is corrected or guessed: words come out as the PDF has them, in its order.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ...core.vntext import nfc

__all__ = ["pdf_text", "ScannedPdf"]


class ScannedPdf(ValueError):
    """The PDF has no text layer (a scan)."""


_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?\s*$", re.IGNORECASE)
_GAP = re.compile(r"\S(\s{4,})\S")
_LIST = re.compile(r"^(?:[-+•●▪–]\s|\d{1,2}(?:\.\d{1,2})*\s*[.)]\s|[IVX]{1,5}\s*[./]\s|[a-zđ]\)\s|\(\d{1,3}\)\s)")
_DOC_TYPE = re.compile(r"^(KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN|PHƯƠNG ÁN|QUYẾT ĐỊNH|CHỈ THỊ|THÔNG BÁO)\s*:?$")
_OPENER = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Nhằm|Để|Năm 20\d\d|Nhân dịp|Hưởng ứng|Qua \d|I\.\s|1\.\s)")
_SIGNATURE = re.compile(r"^Nơi nhận\b|^(?:TM|T/M|KT|K/T|TL|TUQ)\.?\s+[A-ZĐ]|\s(?:TM|T/M|KT|K/T)\.?\s+[A-ZĐ][A-ZĐ]")
_END = re.compile(r"(?:[.;:!?…]|\./\.)[”\"’)]*\s*$")


def _pages(path: Path) -> list[list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    pages = []
    for page in reader.pages:
        try:
            text = page.extract_text(extraction_mode="layout")
        except Exception:  # pypdf's layout mode fails on some odd pages: fall back to its plain mode
            text = page.extract_text() or ""
        pages.append([line.rstrip() for line in nfc(text).replace("\r", "").split("\n")])
    return pages


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Page numbers and running headers/footers out; the body of each page kept as it is."""
    def edges(lines: list[str]) -> list[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return filled[:3] + filled[-3:]

    repeated: Counter = Counter()
    for lines in pages:
        repeated.update({_furniture_key(lines[i]) for i in edges(lines)})
    threshold = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in pages:
        drop = set()
        for i in edges(lines):
            if _PAGE_NUMBER.match(lines[i]) or (len(pages) > 1 and repeated[_furniture_key(lines[i])] >= threshold):
                drop.add(i)
        kept = [line for i, line in enumerate(lines) if i not in drop]
        # A lone short line at the very bottom, far below the text: a footer (one-page documents have no repeats).
        filled = [i for i, line in enumerate(kept) if line.strip()]
        if len(filled) > 1:
            last, before = filled[-1], filled[-2]
            line = kept[last]
            if last - before > 6 and len(line) - len(line.lstrip()) < 20 and len(line.strip()) < 90:
                kept = kept[:last]
        out.append(kept)
    return out


def _cells(line: str, split: int) -> tuple[str, str] | None:
    """(left, right) when the line has a wide gap ending near the right column's start; None otherwise."""
    for m in _GAP.finditer(line):
        right_at = m.end(1)
        if abs(right_at - split) <= 12 or right_at >= split:
            return line[: m.start(1) + 1].strip(), line[right_at:].strip()
    return None


def _table_split(lines: list[str], width: int) -> int:
    """Where a second column starts, if some line has a wide gap past a third of the width."""
    starts = [m.end(1) for line in lines for m in _GAP.finditer(line) if m.end(1) > width // 3]
    return min(starts) if starts else 0


def _column_join(parts: list[str]) -> list[str]:
    """Lines of one table column: a line continues the one before in lower case or with a digit (the year of a
    wrapped date line), inside an open parenthesis, or under a recipient ("- …") that has not ended."""
    out: list[str] = []
    for part in parts:
        if out and part and out[-1] and not out[-1].isupper() and not _END.search(out[-1]) and (
                part[0].islower() or part[0].isdigit() or out[-1].count("(") > out[-1].count(")")
                or (out[-1].startswith("- ") and not _LIST.match(part))):  # a recipient wrapped in its cell
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _continues(previous: str, prev_line: str, text: str, indent: int, base: int, width: int,
               indented: bool = False) -> bool:
    """Whether a printed line continues the paragraph of the line above it. ``indented``: the document opens its
    paragraphs with a first-line indent, so a line at the margin after a full line goes on with the paragraph even
    when the line above ended a sentence."""
    if not prev_line.strip() or not previous:
        return False
    if previous.endswith(":") and text[0] in "“\"":
        return True  # "… với chủ đề:" / "“…”": the quotation belongs to its sentence
    if previous.isupper() or _DOC_TYPE.match(previous):
        return False
    full = len(prev_line.rstrip()) >= width * 0.9
    if _END.search(previous):
        # A sentence ended at the right margin; the paragraph goes on if the next line is at the margin and the
        # document indents its paragraphs, or if it goes on in lower case after a semicolon.
        return (full and indent <= base + 1 and not _LIST.match(text) and not text.isupper()
                and not previous.endswith((":", "./.")) and (indented or (text[0].islower() and previous.endswith(";"))))
    if text[0].islower():
        return True
    if len(prev_line.rstrip()) < width * 0.8:
        return False  # the line above ended short: its paragraph ended there
    left = len(prev_line) - len(prev_line.lstrip())
    if left > base + 10 and abs(left - (width - len(prev_line.rstrip()))) <= 4 and indent <= base + 1:
        return False  # a centred line (the title) above a line at the margin: the body starts
    if _LIST.match(text) and not text.startswith("- "):
        return False
    if text.startswith("- "):
        # A dash opening a line after a full line that did not end its sentence: the text's own dash ("chính trị" /
        # "- xã hội", “A" / "- B”) when it goes on in lower case, inside an open quotation, in a range, or at the margin of a
        # document whose paragraphs and bullets are indented; otherwise a bullet.
        return (text[2:3].islower() or previous.count("“") > previous.count("”") or previous.count('"') % 2 == 1
                or (text[2:3].isdigit() and previous[-1:].isdigit())  # "năm học 2023" / "- 2024": a range
                or (indented and indent <= base + 1))
    if base + 2 < indent <= base + 12:
        return False  # a first-line indent opens a paragraph
    return True


def _reflow(lines: list[str]) -> list[str]:
    body = [line for line in lines if len(line.strip()) > 30]
    width = sorted(len(line) for line in body)[int(len(body) * 0.9)] if body else 80
    indents = Counter(len(line) - len(line.lstrip()) for line in body)
    base = indents.most_common(1)[0][0] if indents else 0
    # Paragraphs opened by a first-line indent: a few lines in twenty start a little right of the margin.
    indented = sum(n for at, n in indents.items() if base + 2 < at <= base + 12) >= max(3, len(body) // 20)
    out: list[str] = []
    prev_line = ""
    title = 0  # 1: the document type was the last paragraph; 2: in the title paragraph that follows it
    # Tables are in the header (above the document type) and the signature block (from "Nơi nhận" or the signing
    # formula on): a wide gap elsewhere is a justified line's spacing, never a column.
    header_end = next((i for i, line in enumerate(lines[:60]) if _DOC_TYPE.match(line.strip())), min(12, len(lines)))
    sign_start = next((i for i in range(header_end, len(lines))
                       if _SIGNATURE.search(" ".join(lines[i].split()))), len(lines))
    index = 0
    while index < len(lines):
        line = lines[index]
        in_table_zone = index < header_end or index >= sign_start
        split = _table_split([line], width) if in_table_zone and _GAP.search(line.strip()) else 0
        if split and _cells(line, split):
            # A table: this row and the following rows with a cell in either column, blank rows allowed.
            left: list[str] = []
            right: list[str] = []
            blank = 0
            while index < len(lines):
                row = lines[index]
                if not row.strip():
                    blank += 1
                    if blank > 6:
                        break
                    index += 1
                    continue
                cells = _cells(row, split)
                indent = len(row) - len(row.lstrip())
                lone = row.strip()
                if cells:
                    a, b = cells
                elif _DOC_TYPE.match(lone) or (blank and (lone.isupper() or len(lone) > 40)):
                    break  # the document type under the header, or a centred line after it
                elif indent >= split - 12:
                    a, b = "", row.strip()
                elif len(row.rstrip()) < split and (_LIST.match(row.strip()) or left):
                    a, b = row.strip(), ""
                else:
                    break
                blank = 0
                if a:
                    left.append(a)
                if b:
                    right.append(b)
                index += 1
            out += _column_join(left) + _column_join(right)
            prev_line = ""
            continue
        text = " ".join(line.split())  # pypdf's layout spacing is not the document's
        if not text:
            out.append("")
            index += 1
            continue
        indent = len(line) - len(line.lstrip())
        previous = out[-1] if out else ""
        if title == 2 and _OPENER.match(text):
            previous = ""  # the plan's first sentence, after a title that ran to the margin
        if previous and _continues(previous, prev_line, text, indent, base, width, indented):
            glue = "" if re.search(r"\w-$", previous) else " "
            out[-1] = previous + glue + text
        else:
            out.append(text)
            title = 1 if _DOC_TYPE.match(text) else (2 if title == 1 else 0)
        prev_line = line
        index += 1
    return out


def pdf_text(path: Path) -> str:
    """The plan's text, paragraphs one per line (blank lines between blocks). Raises ScannedPdf without a text layer."""
    pages = _pages(path)
    letters = sum(1 for lines in pages for line in lines for ch in line if ch.isalpha())
    if letters < 40 * max(1, len(pages)) // 2:
        raise ScannedPdf(path.name)
    lines: list[str] = []
    for page in _strip_furniture(pages):
        while page and not page[-1].strip():
            page = page[:-1]
        while page and not page[0].strip():
            page = page[1:]
        lines += page  # no blank line between pages: a sentence may run on
    return "\n".join(_reflow(lines)) + "\n"
