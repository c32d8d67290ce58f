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

__all__ = ["Paragraph", "read_text", "read_source", "read_paragraphs", "clean", "SourceError", "set_aside", "untable", "hard_wrapped",
           "rewrap"]


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


def _pdf(path: Path) -> tuple[str, str]:
    try:
        from .pdftext import ScannedPdf, pdf_text
    except ImportError as error:  # pragma: no cover - pinned in requirements.txt
        raise SourceError("cần thư viện pypdf để đọc tệp PDF (pip install -r requirements.txt)") from error
    try:
        return pdf_text(path), ""
    except ScannedPdf as error:
        from . import ocr

        if ocr.available():
            text = ocr.ocr_pdf(path)
            if sum(ch.isalpha() for ch in text) >= 40:
                return text, "ocr"
        raise SourceError(
            f"tệp PDF “{path.name}” là bản quét (chỉ có ảnh, không có lớp chữ) nên không đọc được chữ nào; "
            "dùng bản Word (.docx) hoặc PDF xuất từ Word của văn bản, hoặc cài nhận dạng chữ (apt-get install "
            "tesseract-ocr tesseract-ocr-vie) rồi nhập lại và đối chiếu từng trường với bản giấy") from error
    except SourceError:
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged, encrypted or non-PDF file
        raise SourceError(f"không mở được tệp PDF “{path.name}” ({type(error).__name__}: {error}); "
                          "tệp có thể hỏng hoặc có mật khẩu: mở bằng trình đọc PDF rồi in/lưu lại thành PDF mới") from error


def read_text(path: Path) -> str:
    """The document as text (NFC). .docx through python-docx, .pdf through its text layer; else UTF-8 text."""
    return read_source(path)[0]


def read_source(path: Path) -> tuple[str, str]:
    """(text, how): how is "ocr" when the text was read by character recognition from a scan, else ""."""
    if not path.is_file():
        raise SourceError(f"không có tệp “{path}”")
    with open(path, "rb") as handle:
        magic = handle.read(8)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or magic.startswith(b"%PDF-"):
        return _pdf(path)
    if suffix == ".docx" or (magic.startswith(b"PK\x03\x04") and suffix not in (".txt", ".md")):
        return nfc(_docx_text(path)), ""
    if suffix == ".doc" or magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError("tệp .doc (Word 97–2003) không đọc được; mở bằng Word hoặc LibreOffice rồi lưu thành .docx")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"tệp “{path.name}” không phải văn bản UTF-8 (byte {error.start}); "
                          "lưu lại với bảng mã UTF-8 hoặc dùng tệp .docx hay .pdf") from error
    return nfc(text).replace("\r\n", "\n").replace("\r", "\n"), ""


# --- copies from legal-document websites, headers pasted from Word tables ---------------------------------------

_META_KEYS = ("Số hiệu", "Loại văn bản", "Nơi ban hành", "Cơ quan ban hành", "Người ký", "Ngày ban hành",
              "Ngày hiệu lực", "Ngày công báo", "Số công báo", "Tình trạng", "Tình trạng hiệu lực", "Lĩnh vực",
              "Ngày hết hiệu lực", "Ngày đăng", "Áp dụng")
_META = re.compile(r"^\s*(?P<key>" + "|".join(re.escape(k) for k in sorted(_META_KEYS, key=len, reverse=True))
                   + r")\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"\s*(?<!\\)\|\s*|\t+")
_RULE = re.compile(r"^[\s|:+=_*~–—-]*$")
_DECORATION = re.compile(r"\s*[-_=~–—*]{3,}\s*")
_ANCHOR = re.compile(r"^(?:\W*(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do)"
                     r"|\W*Số\s*[:.]?\s*[\d_.…\s]*[/-]|\W*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN)\W*$)",
                     re.IGNORECASE)
_MOTTO_LINE = re.compile(r"^\W*(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do)", re.IGNORECASE)
_CHROME = re.compile(r"Đang tải|Trang chủ|Tải về|Đăng nhập|Đăng ký|Văn bản gốc|Lược đồ|Thuộc tính|Tiếng Anh|"
                     r"Theo dõi|Mục lục|Hiệu lực|Liên quan|Tra cứu|Chia sẻ|In văn bản|Văn bản pháp luật", re.IGNORECASE)
_ISSUER_LINE = re.compile(r"^\W*(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BAN |ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH|HUYỆN|"
                          r"THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|SỞ |PHÒNG |VĂN PHÒNG|MẶT TRẬN|LIÊN ĐOÀN|"
                          r"ĐOÀN |BỘ |CHI BỘ|KHỐI|TRƯỜNG|TRUNG TÂM|CÔNG AN|TỔNG |HỘI |BỆNH VIỆN|CỤC |CHI CỤC|"
                          r"VIỆN |HỌC VIỆN|ĐẠI HỌC|TẬP ĐOÀN|CÔNG TY|\*)")


def _cells(line: str) -> list[str]:
    """The cells of a flattened row; "| a | b |" has outer bars, "| b" an empty first cell."""
    raw = line.strip(" \n")
    if len(raw) > 1 and raw.startswith("|") and raw.endswith("|"):
        raw = raw[1:-1]
    return [_DECORATION.sub(" ", c).strip() for c in _CELL_SPLIT.split(raw)]


def set_aside(text: str) -> tuple[str, dict[str, str]]:
    """Site chrome above the document and a website's metadata block out of the text; the metadata as hints.

    The chrome is everything above the first line of the document's own header (the national motto, the number
    line, the document type, or the issuer lines just above them), when such a line comes early. Metadata lines
    ("Số hiệu: …", "Người ký: …") are set aside only in a block of at least two, wherever the block is.
    """
    lines = text.split("\n")
    hints: dict[str, str] = {}
    meta_at: set[int] = set()
    for index, line in enumerate(lines):
        cells = [c for c in _cells(line) if c] if ("|" in line or "\t" in line) else [line]
        found = [(at, m) for at, c in enumerate(cells) if (m := _META.match(c))]
        if found:
            meta_at.add(index)
            for at, m in found:
                value = m["value"].strip()
                if not value and at + 1 < len(cells) and not _META.match(cells[at + 1]):
                    value = cells[at + 1]  # "Số hiệu: | 45/KH-UBND": the value in the next cell
                hints.setdefault(m["key"].capitalize(), " ".join(value.split()))
    blocks = {i for i in meta_at if (i - 1 in meta_at or i + 1 in meta_at or i + 2 in meta_at or i - 2 in meta_at)}
    blocks |= {i for i in meta_at if len([c for c in _cells(lines[i]) if _META.match(c)]) >= 2}
    if not blocks:
        hints = {}
    kept = [(i, line) for i, line in enumerate(lines) if i not in blocks]

    def first_cell(line: str) -> str:
        return clean(next((c for c in _cells(line) if c.strip()), ""))

    start = next((pos for pos, (_, line) in enumerate(kept[:80]) if _ANCHOR.match(first_cell(line))), None)
    if start is not None:
        for pos in range(start - 1, max(-1, start - 9), -1):
            above = first_cell(kept[pos][1])
            if not re.search(r"\w", above) or _MOTTO_LINE.match(above):
                continue  # blank, a rule row, a decoration ("*", "-----"), the motto's other cell
            row_motto = any(_MOTTO_LINE.match(clean(c)) for c in _cells(kept[pos][1])[1:])
            if above.upper() == above and (_ISSUER_LINE.match(above) or row_motto):
                # An issuer line, or whatever upper-case cell shares its row with the motto: the header's left column.
                start = pos
                continue
            break
        chrome = " ".join(line for _, line in kept[:start])
        # Only what is recognisably a website's page is dropped: never a line of a document that merely has
        # something above its header.
        if blocks or _CHROME.search(chrome):
            kept = kept[start:]
    return "\n".join(line for _, line in kept), hints


def _is_row(line: str, inside: bool = False) -> bool:
    """A flattened table row: cells between bars (not an escaped "\\|") or tabs. A row opening a table has a
    tab after some text (a leading tab alone is an indent); inside a table, a row may start with an empty cell."""
    return "|" in line.replace("\\|", "") or bool(re.search(r"\S *\t", line)) or (inside and "\t" in line.strip(" "))


def untable(text: str) -> str:
    """Rows of a flattened table (cells between "|" or tabs) read column by column, as the signed page is read.

    Only the header (near the top) and the signature block are tables in a plan; a table elsewhere in the body is
    left as it is. Rule rows ("---|---") and decorations ("-------" under the issuer) are dropped.
    """
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    non_empty = 0
    # The header is everything above the document type ("KẾ HOẠCH"), however long the page above it was.
    header_end = next((i for i, line in enumerate(lines[:200])
                       if re.fullmatch(r"\W*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN|PHƯƠNG ÁN)\W*", line.strip())), 0)
    while index < len(lines):
        line = lines[index]
        if _is_row(line):
            end = index
            while end < len(lines) and (_is_row(lines[end], True) or (
                    not lines[end].strip() and end + 1 < len(lines) and _is_row(lines[end + 1], True))):
                end += 1
            rows = [lines[i] for i in range(index, end)]
            block = " ".join(rows)
            signature = re.search(r"Nơi nhận|\b(?:TM|KT|T/M|K/T|TL|TUQ)\.?\s|CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG", block)
            if non_empty < 30 or index < header_end or signature:
                columns: dict[int, list[str]] = {}
                for row in rows:
                    if _RULE.match(row):
                        continue
                    for col, cell in enumerate(_cells(row)):
                        if cell:
                            columns.setdefault(col, []).append(cell)
                for col in sorted(columns):
                    out += [*columns[col], ""]
                non_empty += len(rows)
                index = end
                continue
        if line.strip():
            non_empty += 1
        out.append(_DECORATION.sub(" ", line).rstrip() if _DECORATION.fullmatch(line.strip()) is None and
                   re.search(r"[-_=~–—*]{3,}\s*$", line.strip()) and line.strip().isupper() else line)
        index += 1
    return "\n".join(out)


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
    if previous and first and re.search(r"\s[-–]$", previous.rstrip("*_ ")):
        return True  # "A -" / "B": a dash never ends a paragraph
    return bool(previous) and bool(first) and first[0].islower() and not previous.rstrip("*_ ").endswith(
        (".", ":", ";", "!", "?"))


def _open_quote(text: str) -> bool:
    """A quotation opened and not closed by the end of the text."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


_PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-–—]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?\s*$", re.I)


def hard_wrapped(text: str) -> bool:
    """Text copied out of a PDF: most lines broken at one width, most of them in the middle of a sentence."""
    lines = [line.rstrip() for line in text.split("\n") if len(line.strip()) > 30]
    if len(lines) < 12:
        return False
    width = sorted(len(line) for line in lines)[int(len(lines) * 0.9)]
    if width > 160:
        return False  # one paragraph per line, as conversions write it
    near = [line for line in lines if len(line) >= width * 0.8]
    open_ended = [line for line in near if not re.search(r"[.;:!?…”\")]\s*$", line)]
    return len(near) >= len(lines) * 0.5 and len(open_ended) >= len(near) * 0.5


def rewrap(text: str) -> str:
    """Hard-wrapped text joined into one line per paragraph, by the PDF reader's rules."""
    from .pdftext import _reflow

    return "\n".join(_reflow(text.split("\n")))


def read_paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines as paragraphs; a line that continues the previous one across a page break is joined.
    A line holding only a page number ("2", "- 2 -", "Trang 2/5"), left by a copy out of a PDF, is not text."""
    paragraphs: list[Paragraph] = []
    for raw in text.split("\n"):
        if not raw.strip() or _PAGE_NUMBER_LINE.match(raw):
            continue
        heading = _HEADING.match(raw)
        bullet = bool(_BULLET.match(raw)) and not heading
        plain = clean(_BULLET.sub("", raw) if bullet else raw)
        if not plain:
            continue
        if paragraphs and bullet and not paragraphs[-1].heading and (
                _open_quote(paragraphs[-1].text) or (plain[:1].islower() and not paragraphs[-1].text.isupper()
                                                     and not paragraphs[-1].text.rstrip("*_ ").endswith(
                                                         (".", ":", ";", "!", "?")))):
            # "… phong trào “A" / "- B”", "chính trị" / "- xã hội": a dash inside an open quotation, or before
            # a word in lower case that goes on with an unfinished sentence, is the text's own, not a bullet.
            last = paragraphs[-1]
            last.text = f"{last.text} {clean(raw)}"
            last.markdown = f"{last.markdown.rstrip()} {_symbols(raw.strip())}"
            continue
        if paragraphs and not heading and not bullet and _continues(paragraphs[-1].text, plain) \
                and not paragraphs[-1].heading and not paragraphs[-1].text.isupper():
            last = paragraphs[-1]
            last.text = f"{last.text} {plain}"
            last.markdown = f"{last.markdown.rstrip()} {_symbols(raw.strip())}"
            continue
        paragraphs.append(Paragraph(plain, _symbols(raw.rstrip()), len(heading[1]) if heading else 0, bullet))
    return paragraphs
