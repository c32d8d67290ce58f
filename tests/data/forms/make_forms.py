"""Write every plan of plans.py in the forms plans arrive in, for tests/test_importer.py and bench/import_accuracy.py.

    .venv/bin/python tests/data/forms/make_forms.py     (reportlab, pinned in requirements-dev.txt, writes the PDFs)

Forms, one file each (``<plan>.<form>.<ext>``):
- ``txt``   a plain conversion: issuer lines, then the motto and date lines, then the body (synthetic plans only:
            the seeds are their own .txt);
- ``docx``  Word, the header and the signature as two-column tables, as plans are typed;
- ``pdf``   born-digital PDF: the header as a two-column table, justified body (hard line breaks inside sentences),
            the page number at the top of every page after the first (as decree 30/2020 has it) and a running footer;
            and ``chromium.pdf``, the same printed by headless Chromium from HTML (another
            producer: other glyph runs and spacing, no page furniture);
- ``web``   a copy from a legal-document website: site chrome and a metadata block above, the header table flattened
            into cells separated by ``|``, the province line of the issuer lost;
- ``tab``   a header pasted from a Word table: cells separated by tabs;
- ``scan``  one plan drawn as pictures only (no text layer), for the scanned-PDF message and for OCR.
The files are committed; run this again only when plans.py changes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from plans import SEED_PLANS, SYNTHETIC  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/dejavu")  # DejaVu Serif: Vietnamese and "≥", "²" (Noto Serif lacks "≥")
_UNIT_LINE = re.compile(r"^(TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)\s")


def header_rows(plan: dict) -> list[tuple[str, str]]:
    left = list(plan["left"])
    right = [x for x in plan["right"] if ", ngày" not in x]
    date = next((x for x in plan["right"] if ", ngày" in x), "")
    rows = [(left[i] if i < len(left) else "", right[i] if i < len(right) else "")
            for i in range(max(len(left), len(right)))]
    rows.append((plan["number"] or "", date))
    return rows


def write_txt(plan: dict, path: Path) -> None:
    lines = list(plan["left"]) + ([plan["number"]] if plan["number"] else []) + [""] + list(plan["right"])
    lines += ["", plan["kind"], "", plan["title"], ""]
    for para in plan["body"]:
        lines += [para, ""]
    lines += ["Nơi nhận:"] + [f"- {r}" for r in plan["recipients"]] + [""] + plan["sign"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_flat(plan: dict, path: Path, sep: str) -> None:
    """A web copy (sep " | ", with chrome and metadata) or a Word-table paste (sep "\\t")."""
    web = sep.strip() == "|"
    lines: list[str] = []
    left = plan["left"]
    if web:
        exp = plan["expected"] if "expected" in plan else {}
        lines += ["Đang tải nội dung…", "Trang chủ | Văn bản pháp luật | Biểu mẫu | Tra cứu", "Tải về  Lưu  Theo dõi",
                  "Văn bản gốc   Tiếng Anh   Thuộc tính   Lược đồ   Nội dung", ""]
        lines += [f"Số hiệu: {(plan['number'] or '').replace('Số', '').strip(' :')}", "Loại văn bản: Kế hoạch",
                  f"Nơi ban hành: {exp.get('co_quan_ban_hanh', '')}", f"Người ký: {plan['sign'][-1]}",
                  "Ngày ban hành: Đã biết", "Tình trạng: Đã biết", ""]
        # The province line of the issuer is often lost in these copies.
        left = [x for i, x in enumerate(left) if not (i and _UNIT_LINE.match(x) and "ỦY" not in x)]
    rows = header_rows({**plan, "left": left})
    for index, (a, b) in enumerate(rows):
        if web and index == len(rows) - 1:
            lines.append("---|---")
        lines.append(f"{a}{sep}{b}".rstrip() if web else f"{a}{sep}{b}")
    lines += ["", plan["kind"], plan["title"], ""]
    for para in plan["body"]:
        lines += [para, ""]
    sign = plan["sign"]
    recipients = ["Nơi nhận:"] + [f"- {r}" for r in plan["recipients"]]
    for i in range(max(len(recipients), len(sign))):
        a = recipients[i] if i < len(recipients) else ""
        b = sign[i] if i < len(sign) else ""
        lines.append(f"{a}{sep}{b}" if (a or b) else "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_docx(plan: dict, path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.author = "tests"
    rows = header_rows(plan)
    table = document.add_table(rows=len(rows), cols=2)
    for i, (a, b) in enumerate(rows):
        table.cell(i, 0).text, table.cell(i, 1).text = a, b
    for text in (plan["kind"], plan["title"], *plan["body"]):
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.space_after = Pt(3)
    recipients = ["Nơi nhận:"] + [f"- {r}" for r in plan["recipients"]]
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "\n".join(recipients)
    sign.cell(0, 1).text = "\n".join(plan["sign"])
    document.save(path)


def write_pdf(plan: dict, path: Path, footer: str) -> None:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    pdfmetrics.registerFont(TTFont("Serif", str(FONT / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("SerifBold", str(FONT / "DejaVuSerif-Bold.ttf")))
    body = ParagraphStyle("body", fontName="Serif", fontSize=12.5, leading=17, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=4)
    center = ParagraphStyle("center", fontName="SerifBold", fontSize=12, leading=15, alignment=TA_CENTER)
    cell = ParagraphStyle("cell", fontName="Serif", fontSize=11.5, leading=14, alignment=TA_CENTER)
    small = ParagraphStyle("small", fontName="Serif", fontSize=10.5, leading=13, alignment=TA_LEFT)

    def p(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text), style)

    story = []
    rows = header_rows(plan)
    story.append(Table([[p(a, cell), p(b, cell)] for a, b in rows], colWidths=[70 * mm, 100 * mm],
                       style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])))
    story += [Spacer(1, 6 * mm), p(plan["kind"], center), p(plan["title"], center), Spacer(1, 4 * mm)]
    for para in plan["body"]:
        story.append(p(para, body))
    recipients = "<br/>".join(escape(x) for x in ["Nơi nhận:"] + [f"- {r}" for r in plan["recipients"]])
    signature = "<br/>".join(escape(x) if x else "<br/>" for x in plan["sign"])
    story += [Spacer(1, 6 * mm), Table([[Paragraph(recipients, small), Paragraph(signature, center)]],
                                       colWidths=[80 * mm, 90 * mm],
                                       style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))]

    def decorate(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Serif", 10)
        if document.page > 1:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(document.page))
        canvas.drawString(25 * mm, 10 * mm, footer)
        canvas.restoreState()

    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                                 topMargin=20 * mm, bottomMargin=20 * mm, title=plan["title"][:60], author="tests",
                                 creator="tests/data/forms/make_forms.py", producer="reportlab",
                                 invariant=1)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)


def write_pdf_chromium(plan: dict, path: Path) -> None:
    """The same plan printed to PDF by headless Chromium from HTML: another producer, other spacing and glyph runs."""
    import html
    import shutil
    import subprocess
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("bỏ qua bản PDF của Chromium: không có chromium", file=sys.stderr)
        return
    e = html.escape
    rows = "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in header_rows(plan))
    body = "".join(f"<p>{e(x)}</p>" for x in plan["body"])
    recipients = "<br>".join(e(x) for x in ["Nơi nhận:"] + [f"- {r}" for r in plan["recipients"]])
    sign = "<br>".join(e(x) if x else "<br>" for x in plan["sign"])
    page = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}
body {{ font-family: 'DejaVu Serif'; font-size: 13pt; line-height: 1.35; }}
table {{ width: 100%; border-collapse: collapse; }} td {{ vertical-align: top; text-align: center; width: 50%; }}
p {{ text-align: justify; margin: 0 0 4pt 0; }} h1, h2 {{ text-align: center; font-size: 13pt; margin: 4pt 0; }}
.sign td:first-child {{ text-align: left; font-size: 11pt; }}
</style></head><body><table>{rows}</table><h1>{e(plan["kind"])}</h1><h2>{e(plan["title"])}</h2>{body}
<table class="sign"><tr><td>{recipients}</td><td><b>{sign}</b></td></tr></table></body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "plan.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={path}", source.as_uri()], check=True, capture_output=True, timeout=120)


def write_scan(plan: dict, path: Path) -> None:
    """A scan: the plan drawn as a picture (150 dpi, no text layer), as a photocopied plan is published."""
    import textwrap

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT / "DejaVuSerif.ttf"), 26)
    bold = ImageFont.truetype(str(FONT / "DejaVuSerif-Bold.ttf"), 26)
    width, height, margin, step = 1240, 1754, 150, 40
    pages = [Image.new("L", (width, height), 255)]
    y = 110

    def line(text: str, x: int | None = None, f=font, centre_in: tuple[int, int] | None = None) -> None:
        nonlocal y
        if y > height - 150:
            pages.append(Image.new("L", (width, height), 255))
            y = 110
        draw = ImageDraw.Draw(pages[-1])
        if centre_in:
            w = draw.textlength(text, font=f)
            x = int(centre_in[0] + (centre_in[1] - centre_in[0] - w) / 2)
        draw.text((x if x is not None else margin, y), text, font=f, fill=0)

    for a, b in header_rows(plan):
        line(a, f=bold, centre_in=(80, 560))
        line(b, f=bold if b.isupper() else font, centre_in=(560, 1180))
        y += step
    y += step
    line(plan["kind"], f=bold, centre_in=(margin, width - 80))
    y += step
    for part in textwrap.wrap(plan["title"], 62):
        line(part, f=bold, centre_in=(margin, width - 80))
        y += step
    y += step // 2
    for para in plan["body"]:
        for i, part in enumerate(textwrap.wrap(para, 68)):
            line(part, x=margin + (50 if i == 0 else 0))
            y += step
    y += step
    top = y
    for r in ["Nơi nhận:"] + [f"- {r}" for r in plan["recipients"]]:
        line(r, x=margin)
        y += step
    y = top
    for s in plan["sign"]:
        line(s, f=bold, centre_in=(640, 1180))
        y += step
    pages = [page.convert("1") for page in pages]  # bilevel, as scanners publish (and small)
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=150)


def main() -> int:
    plans = {name: plan for name, (plan, _) in SEED_PLANS.items()} | SYNTHETIC
    for name, plan in plans.items():
        footer = f"{name}.docx - In ngày 01/01/2026"
        write_docx(plan, HERE / f"{name}.docx.docx")
        write_pdf(plan, HERE / f"{name}.pdf.pdf", footer)
        write_pdf_chromium(plan, HERE / f"{name}.chromium.pdf")
        write_flat(plan, HERE / f"{name}.web.txt", " | ")
        write_flat(plan, HERE / f"{name}.tab.txt", "\t")
        if name in SYNTHETIC:
            write_txt(plan, HERE / f"{name}.txt.txt")
    write_scan(SYNTHETIC["tinh-so-trong"], HERE / "tinh-so-trong.scan.pdf")
    print(f"{len(plans)} kế hoạch -> {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
