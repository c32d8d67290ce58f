"""Reading the fields of a plan from its paragraphs: pure functions, one per part of the document.

Each function returns what the document says, as it says it, or nothing: a field the text does not give is
left empty for the editor, never filled with a likely value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...core.dates import DateError, parse_date, parse_range
from ...core.model import DocumentNumber
from ...core.vntext import canonical, fold
from .source import Paragraph

__all__ = [
    "Header", "read_header", "find_self_issuer", "complete_issuer", "is_motto", "read_title", "quoted_after", "read_references",
    "quotations", "read_period", "read_milestones", "read_targets", "read_tasks", "read_signer",
    "read_recipients", "sentence_case", "case_from_text", "yearless_deadline",
]

# --- casing ------------------------------------------------------------------------------------------------

_KEEP_UPPER = {"ubnd", "hđnd", "mttq", "mttqvn", "tw", "tu", "hu", "đuk", "tđkt", "vh", "tt", "ct", "kh"}
_CAPITAL_WORDS = {"đảng": "Đảng", "khối": "Khối", "nhà nước": "Nhà nước", "nhân dân": "nhân dân", "việt nam": "Việt Nam",
                  "hồ chí minh": "Hồ Chí Minh", "bch đoàn": "bch Đoàn", "hành đoàn": "hành Đoàn",
                  "tỉnh đoàn": "Tỉnh đoàn", "huyện đoàn": "Huyện đoàn", "thành đoàn": "Thành đoàn"}
_VOWELS = re.compile(r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]")


def _acronym(word: str) -> bool:
    """"LĐLĐ", "THPT", "GDĐT": an upper-case word without a vowel is an abbreviation (every Vietnamese syllable has
    one), written in capitals whatever the case around it."""
    letters = re.sub(r"[^\w]", "", word)
    return len(letters) >= 2 and letters.isupper() and not _VOWELS.search(letters.lower())
_TITLES = {
    "chủ tịch": "Chủ tịch", "phó chủ tịch": "Phó Chủ tịch", "bí thư": "Bí thư", "phó bí thư": "Phó Bí thư",
    "giám đốc": "Giám đốc", "phó giám đốc": "Phó Giám đốc", "trưởng ban": "Trưởng ban", "phó trưởng ban": "Phó Trưởng ban",
    "trưởng phòng": "Trưởng phòng", "phó trưởng phòng": "Phó Trưởng phòng", "chánh văn phòng": "Chánh Văn phòng",
    "ban thường vụ": "Ban Thường vụ", "ban chấp hành": "Ban Chấp hành", "thường trực": "Thường trực",
    "ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân",
    "huyện ủy": "Huyện ủy", "tỉnh ủy": "Tỉnh ủy", "thành ủy": "Thành ủy", "quận ủy": "Quận ủy", "thị ủy": "Thị ủy",
    "đảng ủy": "Đảng ủy", "phó hiệu trưởng": "Phó Hiệu trưởng", "phó chủ nhiệm": "Phó Chủ nhiệm",
    "phó cục trưởng": "Phó Cục trưởng", "phó chi cục trưởng": "Phó Chi cục trưởng", "phó viện trưởng": "Phó Viện trưởng",
    "phó tổng giám đốc": "Phó Tổng Giám đốc", "tổng giám đốc": "Tổng Giám đốc", "phó chỉ huy trưởng": "Phó Chỉ huy trưởng",
    "phó trưởng trạm": "Phó Trưởng trạm", "phó trưởng khoa": "Phó Trưởng khoa",
}


def case_from_text(phrase: str, text: str) -> str:
    """The phrase as the document itself writes it in running text, if it does; else ""."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)", re.IGNORECASE)
    for m in pattern.finditer(text):
        found = m.group(0)
        if not found.isupper():
            return " ".join(found.split())
    return ""


_AGENCY_TYPE = re.compile(r"^((?:sở|phòng|ban|bộ|cục|chi cục|tổng cục|trung tâm|văn phòng|viện|trường|"
                          r"tổng liên đoàn|liên đoàn|hội)\s+)(.+)$")


def _agency_case(lowered: str) -> str:
    """"sở nội vụ" -> "Sở Nội vụ", "phòng giáo dục và đào tạo" -> "Phòng Giáo dục và Đào tạo": the type word and
    the first word of each field of the name in capitals, as official names are written."""
    m = _AGENCY_TYPE.match(lowered)
    if not m or any(lowered.startswith(t) for t in _TITLES):
        return lowered
    name = re.sub(r"(^|\s(?:và|-|–)\s|,\s)(\w)", lambda x: x[1] + x[2].upper(), m[2])
    return m[1].replace("tổng liên đoàn", "tổng Liên đoàn") + name


def sentence_case(upper: str, text: str = "") -> str:
    """"ỦY BAN NHÂN DÂN HUYỆN BỐ TRẠCH" -> "Ủy ban nhân dân huyện Bố Trạch": the document's own casing first."""
    upper = " ".join(upper.split())
    if not upper.isupper():
        return upper
    if text and (found := case_from_text(upper, text)):
        return found
    acronyms = {w.lower(): w for w in upper.split() if _acronym(w)}
    lowered = upper.lower()
    if lowered in _TITLES:
        return _TITLES[lowered]
    # A unit type is followed by a proper name: capitalise the words after it.
    m = re.match(r"^(.*?\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?:\s+(?:ủy|đoàn))?)\s+(?!ủy\b|hội\b|đoàn\b)(.+)$", lowered)
    head, name = (m[1], m[2]) if m else (lowered, "")
    for key, value in sorted(_TITLES.items(), key=lambda kv: -len(kv[0])):
        head = re.sub(rf"(?<!\w){re.escape(key)}(?!\w)", value, head)
    for key, value in _CAPITAL_WORDS.items():
        head = re.sub(rf"(?<!\w){re.escape(key)}(?!\w)", value, head)
    head = _agency_case(head)
    # "Khối cơ quan và doanh nghiệp tỉnh": the bloc's name has its fields in capitals, as the agency names above.
    head = re.sub(r"(?<=Khối )(.+?)(?=\s(?:tỉnh|thành phố|huyện|quận|thị xã)\b|$)",
                  lambda x: x[1] if x[1].startswith("các ") else re.sub(r"(^|\svà\s)(\w)", lambda y: y[1] + y[2].upper(), x[1]),
                  head)
    words = [w.upper() if w in _KEEP_UPPER else acronyms.get(w.lower(), w) for w in head.split()]
    head = " ".join(words)
    head = head[:1].upper() + head[1:]
    if name:
        name = " ".join(acronyms.get(w.lower()) or w[:1].upper() + w[1:] for w in name.split())
        return f"{head} {name}"
    return head


# --- header --------------------------------------------------------------------------------------------------

_NATIONAL = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|"
                       r"Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*(.*)$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"(?<![^\W\d_])(?P<place>[^\W\d_][^\d,|\t:/;()]{1,60}?)\s*,\s*ngày\s*(?P<d>[\d\s._…/—–-]*?)\s*tháng\s*(?P<m>[\d\s._…/—–-]*?)\s*năm\s*(?P<y>\d{4})",
    re.IGNORECASE)
_DOC_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "HƯỚNG DẪN", "ĐỀ ÁN", "PHƯƠNG ÁN", "QUYẾT ĐỊNH", "CHỈ THỊ", "THÔNG BÁO")
_UNIT_START = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|KHỐI)\b")
_BODY_START = re.compile(r"^(ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BAN |ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|"
                         r"HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|QUẬN ỦY|THỊ ỦY|SỞ |PHÒNG |VĂN PHÒNG|MẶT TRẬN|LIÊN ĐOÀN|ĐOÀN )")
_ABBREVIATIONS = {"UBND": "ỦY BAN NHÂN DÂN", "HĐND": "HỘI ĐỒNG NHÂN DÂN", "UỶ BAN": "ỦY BAN", "ĐẢNG UỶ": "ĐẢNG ỦY",
                  "TỈNH UỶ": "TỈNH ỦY", "HUYỆN UỶ": "HUYỆN ỦY", "THÀNH UỶ": "THÀNH ỦY"}


@dataclass
class Header:
    number: str = ""  # "195/KH-UBND", "/KH-UBND", "08-KH/HU", "" when the document has no number line
    number_found: bool = False
    issuer: str = ""
    parent_issuer: str = ""
    issued_at: str = ""
    issued: str = ""  # "12/02/2020", "tháng 4/2022", "năm 2022", ""
    date_precision_note: str = ""
    doc_type: str = ""
    type_index: int = -1  # index of the paragraph holding the document type ("KẾ HOẠCH")


def _expand(line: str) -> str:
    for short, full in _ABBREVIATIONS.items():
        line = re.sub(rf"(?<!\w){short}(?!\w)", full, line)
    return line


def _body_name(upper: str, text: str) -> str:
    """An upper-case body name in the document's own casing: as the text writes it (its abbreviation spelt out
    only when the text itself spells it so), else sentence-cased letter for letter."""
    expanded = _expand(upper)
    if expanded != upper and (found := case_from_text(expanded, text)):
        return found
    return sentence_case(upper, text)


# The words a body's name starts with: a line without one, under a name that has no place yet, is that name wrapped
# in its cell ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" / "QUẢNG NGÃI").
_NEW_BODY = re.compile(r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI|HĐND|BAN|ĐẢNG|TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|XÃ|PHƯỜNG|SỞ|PHÒNG|"
                       r"VĂN PHÒNG|MẶT TRẬN|LIÊN ĐOÀN|TỔNG|ĐOÀN|BỘ|CHI|CỤC|TRƯỜNG|TRUNG TÂM|BỆNH VIỆN|VIỆN|HỌC VIỆN|"
                       r"ĐẠI HỌC|CÔNG AN|CÔNG TY|TẬP ĐOÀN|KHỐI|BCH|BCĐ|LĐLĐ|MTTQ|NHÀ|XÍ NGHIỆP|ĐÀI|BÁO|KHO BẠC|"
                       r"BẢO HIỂM|TÒA|TOÀ|HẠT|TRẠM|ĐỒN|LỮ ĐOÀN|SƯ ĐOÀN|TRUNG ĐOÀN)")
_PLACE_IN = re.compile(r"\b(?:VIỆT NAM|TRUNG ƯƠNG|TW)\b")
_HAS_UNIT = re.compile(r"\b(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|KHỐI)\b")


_MOTTO_WORDS = {"cộng", "hòa", "hoà", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập", "tự", "do", "hạnh",
                "phúc", "đảng", "sản"}
_MOTTO_MARKS = {"cộng", "hòa", "hoà", "nghĩa", "độc", "lập", "tự", "do", "hạnh", "phúc", "sản"}


def is_motto(text: str) -> bool:
    """The national motto or the Party's line, whole or any piece of it ("Chủ nghĩa Việt Nam |", "Hạnh phúc")."""
    words = re.findall(r"\w+", canonical(text))
    return bool(words) and set(words) <= _MOTTO_WORDS and bool(set(words) & _MOTTO_MARKS)


def _issuer_lines(lines: list[str]) -> tuple[str, str]:
    """(parent issuer, issuer) from the upper-case block above the number line, as written (abbreviations kept)."""
    blocks: list[str] = []
    after_motto = False
    for line in lines:
        line = " ".join(line.strip(" *-_—–=~|\\\t").split())
        # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM": the motto wrapped in its cell is still the motto.
        motto = is_motto(line) or (after_motto and set(re.findall(r"\w+", canonical(line))) <= _MOTTO_WORDS)
        after_motto = motto or (after_motto and not line)
        if not line or not line.isupper() or motto or not re.search(r"\w\w", line):
            continue
        if blocks and _UNIT_START.match(line) and not _HAS_UNIT.search(blocks[-1]):
            # "ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH": one name written on two lines.
            blocks[-1] = f"{blocks[-1]} {line}"
            continue
        if blocks and (len(line.split()) == 1 or re.search(r"(?:\s(?:VÀ|CỦA)|[-,–])$", blocks[-1])
                       or (not _NEW_BODY.match(line) and not _HAS_UNIT.search(blocks[-1]) and not _PLACE_IN.search(blocks[-1]))):
            # "PHÒNG GIÁO DỤC VÀ ĐÀO" / "TẠO": a name wrapped in its cell (no body's name is one word long).
            blocks[-1] = f"{blocks[-1]} {line}"
            continue
        blocks.append(line)
    if not blocks:
        return "", ""
    if len(blocks) == 1:
        return "", blocks[0]
    return blocks[-2], blocks[-1]


def _place_case(name: str, place: str) -> str:
    """"Sở Y tế quảng ngãi" -> "Sở Y tế Quảng Ngãi": a name ending in the place of the date line, lower-cased by
    sentence casing, takes the place as the date line writes it (the same letters, only their case)."""
    if place and len(name) > len(place) and canonical(name).endswith(" " + canonical(place)):
        tail = name[-len(place):]
        if tail.lower() == place.lower() and tail != place:
            return name[: -len(place)] + place
    return name


def _proper_tail(name: str, text: str) -> str:
    """"Sở GD&ĐT quảng ngãi" -> "Sở GD&ĐT Quảng Ngãi" when the text writes "Quảng Ngãi": the longest run of
    lower-case words ending the name that the text itself writes as a proper name (every word capitalised)."""
    words = name.split()
    run = 0
    while run < len(words) - 1 and words[-1 - run].islower():
        run += 1
    for size in range(min(run, 4), 1, -1):
        phrase = " ".join(words[-size:])
        found = case_from_text(phrase, text)
        if found and all(w[:1].isupper() for w in found.split()):
            return " ".join(words[:-size] + found.split())
    return name


def read_header(paragraphs: list[Paragraph], full_text: str) -> Header:
    header = Header()
    limit = min(len(paragraphs), 40)
    for index in range(limit):
        text = paragraphs[index].text.strip()
        if text.upper() in _DOC_TYPES or (text.upper() == text and text.upper().rstrip(" :") in _DOC_TYPES):
            header.doc_type = text.strip(" :").capitalize()
            header.type_index = index
            break
    if header.type_index >= 0:
        top = paragraphs[: header.type_index]
    else:  # no "KẾ HOẠCH" line: the header ends where the running text starts
        end = next((i for i, p in enumerate(paragraphs[:limit]) if len(p.text) > 160 or _ROMAN.match(p.text)), limit)
        top = paragraphs[:end]
    above_number: list[str] = []
    number_seen = False
    for para in top:
        text = _NATIONAL.sub(" ", para.text)
        text = " ".join(text.split())
        if m := _NUMBER_LINE.match(text):
            raw = re.split(r"\s*[|\t]", re.sub(r"[_.…]{2,}", "", m[1]))[0]
            raw = re.split(r"\s{2,}|(?<=[A-Za-zĐđ])\s+(?=[A-ZĐ][a-zà-ỹ])", raw.strip())[0]
            number = DocumentNumber.parse(raw)
            if not header.number_found:
                header.number = number.normalized if number.form else " ".join(raw.split())
                header.number_found = True
            number_seen = True
            # The place-and-date cell may follow on the same line ("Số: 5/KH-UBND    Bố Trạch, ngày …").
            text = text[m.start(1):].replace(raw.strip(), " ", 1) if raw.strip() else ""
            if not _DATE_LINE.search(text):
                continue
        if (m := _DATE_LINE.search(text)) and not header.issued_at:
            header.issued_at = m["place"].strip(" *")
            day = re.sub(r"[^\d]", "", m["d"])
            month = re.sub(r"[^\d]", "", m["m"])
            if day and month:
                header.issued = f"{day}/{month}/{m['y']}"
            elif month:
                header.issued = f"tháng {int(month)}/{m['y']}"
                header.date_precision_note = (f"ngày ban hành để trống ngày trong văn bản: ghi “{header.issued}” "
                                              "(độ chính xác: tháng)")
            else:
                header.issued = f"năm {m['y']}"
                header.date_precision_note = (f"ngày ban hành để trống ngày và tháng trong văn bản: ghi “{header.issued}”"
                                              " (độ chính xác: năm)")
            continue
        if not number_seen and text:
            above_number.append(text)
    parent, issuer = _issuer_lines(above_number)
    header.parent_issuer = _proper_tail(_place_case(_body_name(parent, full_text), header.issued_at), full_text) if parent else ""
    header.issuer = _proper_tail(_place_case(_body_name(issuer, full_text), header.issued_at), full_text) if issuer else ""
    return header


_ISSUER_WORDS = (r"(?:Ủy ban nhân dân|UBND|Ban Thường vụ|Ban Chấp hành|Thường trực|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|"
                 r"Hội đồng Thi đua\s*[-,–]?\s*Khen thưởng|Sở|Ban Thi đua\s*[-–]\s*Khen thưởng|Phòng)")
_SELF_VERB = r"(?:ban hành|phát động|xây dựng|triển khai)"
_SELF = re.compile(r"(?P<name>" + _ISSUER_WORDS + r"(?:\s+(?!ban hành|phát động|xây dựng|triển khai)[\wÀ-ỹĐđ]+){0,8}?)"
                   rf"\s+{_SELF_VERB}(?:\s*(?:,|và)\s*{_SELF_VERB})*\s+(?:Kế hoạch|kế hoạch|đợt|phong trào|Đợt)")
BARE_BODIES = _BARE_BODIES = {"ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "ủy ban mặt trận tổ quốc việt nam"}
_UNIT_WORDS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
# Mass organisations of one name at every level: "LIÊN ĐOÀN LAO ĐỘNG" alone is bare like "ỦY BAN NHÂN DÂN".
_LEVELLED = re.compile(r"^(?:liên đoàn lao động|hội liên hiệp phụ nữ|hội lhpn|hội nông dân|hội cựu chiến binh|"
                       r"hội chữ thập đỏ|đoàn thanh niên cộng sản hồ chí minh|ủy ban mặt trận tổ quốc việt nam|"
                       r"ủy ban mttq việt nam|ủy ban mttqvn)$")


def complete_issuer(issuer: str, issued_at: str, text: str, site: str = "") -> tuple[str, str]:
    """An issuer written without its locality ("Ủy ban nhân dân": the line under it was lost in the copy),
    completed from the text: first the whole name as the text writes it with the place of the date line
    ("Ủy ban nhân dân tỉnh Quảng Bình"), else the name and "<unit> <place>" as the text writes them. ("", "")
    when the text gives neither: the field is then left for the editor. ``site``: what a website's metadata says
    ("Nơi ban hành: Liên đoàn Lao động tỉnh Quảng Trị"), used only when it is exactly the header's name, a unit and
    the place of the date line."""
    if (canonical(issuer) not in _BARE_BODIES and not _LEVELLED.match(canonical(issuer))) or not issued_at:
        return "", ""
    place = r"\s+".join(re.escape(w) for w in issued_at.split())
    bodies = [issuer, _expand(issuer.upper())]
    for body in bodies:
        words = r"\s+".join(re.escape(w) for w in body.split())
        m = re.search(rf"(?<!\w){words}\s+{_UNIT_WORDS}\s+{place}(?!\w)", text, re.IGNORECASE)
        if m:
            found = " ".join(m.group(0).split())
            return found, f"cơ quan ban hành “{found}” lấy trong văn bản (phần đầu chỉ ghi “{issuer}”)"
    m = re.search(rf"(?<!\w){_UNIT_WORDS}\s+{place}(?!\w)", text)
    if not m and site:
        words = r"\s+".join(re.escape(w) for w in issuer.split())
        if s := re.fullmatch(rf"\W*(?:{words})\s+({_UNIT_WORDS}\s+{place})\W*", site.strip(), re.IGNORECASE):
            found = f"{issuer} {' '.join(s[1].split())}"
            return found, (f"cơ quan ban hành ghép từ “{issuer}” ở phần đầu và “{' '.join(s[1].split())}” trong thông tin "
                           f"của trang web (“{site.strip()}”; bản sao mất dòng tên địa phương): kiểm tra với bản ký")
    if m:
        found = f"{issuer} {' '.join(m.group(0).split())}"
        return found, (f"cơ quan ban hành ghép từ “{issuer}” ở phần đầu và “{' '.join(m.group(0).split())}” trong văn "
                       "bản (bản sao mất dòng tên địa phương): kiểm tra với bản ký")
    return "", ""


def find_self_issuer(paragraphs: list[Paragraph], issued_at: str) -> tuple[str, str]:
    """The issuer as the plan names itself ("Ủy ban nhân dân huyện Bình Sơn ban hành Kế hoạch …"), and a note.

    A body cited as the author of another document ("… của UBND tỉnh ban hành Kế hoạch …") is not the issuer.
    When the sentence names only the kind of body ("Ủy ban nhân dân huyện phát động"), the name of the
    place line completes it only if the text also writes "huyện <that name>".
    """
    text = " ".join(p.text for p in paragraphs[:40])
    whole = " ".join(p.text for p in paragraphs)
    for m in _SELF.finditer(text):
        if re.search(r"(của|do|theo)\s*$", text[max(0, m.start() - 8): m.start()]):
            continue
        name = re.sub(r"^UBND\b", "Ủy ban nhân dân", " ".join(m["name"].split()))
        sentence = " ".join(m.group(0).split())
        unit = re.search(r"\b(tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)$", name)
        if unit:
            if issued_at and case_from_text(f"{unit[1]} {issued_at}", whole):
                return (f"{name} {issued_at}",
                        f"cơ quan ban hành ghép từ câu “{sentence}” và địa danh “{issued_at}” ở dòng ngày tháng")
            continue
        return name, f"cơ quan ban hành lấy từ câu “{sentence}” (văn bản không có phần tên cơ quan ở đầu)"
    return "", ""


def read_title(paragraphs: list[Paragraph], type_index: int) -> str:
    """Trích yếu: the paragraph(s) right after the document type, up to the first sentence of the body."""
    if type_index < 0:
        return ""
    parts: list[str] = []
    for para in paragraphs[type_index + 1: type_index + 4]:
        text = para.text.strip()
        if not text or set(text) <= set("-*_=—–. "):
            if parts:
                break
            continue
        if parts and (len(text) > 160 or text.endswith((".", ":", ";")) or para.bullet
                      or re.match(r"^(Căn cứ|Thực hiện|Năm|Nhằm|Để|I\.|1\.)", text)):
            break
        parts.append(text.strip(" *"))
        if len(" ".join(parts)) > 160:
            break
    return " ".join(parts).strip()


# --- quotations: theme, motto, movements --------------------------------------------------------------------

_QUOTE_OPEN = "\"“„«"
_QUOTE = re.compile(r"[\"“„«]\s*([^\"“”„«»]{3,400}?)\s*[\"”»]")


def quotations(text: str) -> list[tuple[int, str]]:
    """(position, words) of every quotation in the text."""
    return [(m.start(), " ".join(m[1].split()).strip(" ,;")) for m in _QUOTE.finditer(text)]


def quoted_after(text: str, keyword: str, reach: int = 24) -> str:
    """The first quotation that follows ``keyword`` closely ("với chủ đề: “…”", "phương châm hành động "…"")."""
    for m in re.finditer(keyword, text, re.IGNORECASE):
        tail = text[m.end(): m.end() + reach]
        open_at = next((i for i, ch in enumerate(tail) if ch in _QUOTE_OPEN), -1)
        if open_at < 0:
            continue
        # Only "chủ đề: “…”", "chủ đề là “…”", "phương châm hành động "…"": not a quotation further on.
        if re.fullmatch(r"\s*(?:hành động|là)?\s*[:,]?\s*(?:là)?\s*", tail[:open_at]):
            q = _QUOTE.match(text, m.end() + open_at)
            if q:
                return " ".join(q[1].split()).strip(" ,;")
    return ""


# --- documents implemented (căn cứ) ---------------------------------------------------------------------------

_KINDS = ("Nghị quyết liên tịch", "Nghị quyết", "Nghị định", "Chỉ thị", "Quyết định", "Kế hoạch", "Kết luận",
          "Thông tư", "Luật", "Công văn", "Hướng dẫn", "Chương trình", "Thông báo", "Đề án", "Quy định", "Pháp lệnh")
_KIND_RE = "|".join(re.escape(k) for k in _KINDS)
_NUM_RE = (r"\d+\s*-\s*[A-ZĐ]{1,4}\s*/\s*[A-ZĐ][\wĐđ]*"  # Party: 05-CT/TW, 08 - CT/TU
           r"|\d+\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ]*(?:\s*-\s*[A-ZĐ][\wĐđ]*)*")  # state: 91/2017/NĐ-CP, 19/CT-TTg
_DATE_RE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
# Words that end a cited body's name in running text: what it did, a date, a purpose.
_ISSUER_STOP = (r"(?=\s+(?:(?:về|ban hành|quy định|phê duyệt|hướng dẫn|triển khai|thực hiện|phát động|tiếp tục|đẩy mạnh|"
                r"tăng cường|nâng cao|tổ chức|nhằm|để|với|gắn với|trong|tại|đến|cho|đối với|đã|giai đoạn)\b|"
                r"(?:năm|ngày|nhiệm kỳ)\s+\d)|\s*[,;.:()“”\"]|\s+và\s+|$)")
_REF = re.compile(rf"(?P<kind>{_KIND_RE})\s+(?:số\s*:?\s*)?(?P<num>{_NUM_RE})"
                  rf"(?:\s*,?\s*(?:ban hành\s+)?ngày\s+(?P<date>{_DATE_RE}))?"
                  rf"(?:\s*,?\s*của\s+(?P<issuer>[^,;.:()“”\"]+?){_ISSUER_STOP})?")
# A body's name goes on after a comma or "và" with a capital ("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Bình"),
# unless what follows is another document or another cited body.
_ISSUER_MORE = re.compile(rf"(,\s*|\s+và\s+)(?!(?:{_KIND_RE})\b)(?!{_ISSUER_WORDS}\b)"
                          rf"(?P<more>[^\W\d_a-zà-ỹđ][^,;.:()“”\"]*?){_ISSUER_STOP}")
_LAW = re.compile(r"(?:Căn cứ|căn cứ|Thực hiện|thực hiện)\s+(?P<kind>Luật|Bộ luật|Pháp lệnh)\s+"
                  r"(?P<name>[^;:.()“”\"\n]+?)(?=\s*[;:.(\n]|\s*$)")
_SUMMARY_END = re.compile(rf"\s*(?:;|\.(?:\s|$)|:|\s+và\s+(?:{_KIND_RE})\s+(?:số\s+)?\d|,\s+(?:{_KIND_RE})\s+(?:số\s+)?\d|"
                          rf",\s+(?={_ISSUER_WORDS}\b)|,\s+(?:với|nhằm|gắn với|theo)\s)")


@dataclass
class Reference:
    kind: str
    number: str
    date: str = ""
    issuer: str = ""
    summary: str = ""


def read_references(text: str, own_number: str = "") -> list[Reference]:
    """Every document cited with a number, once each (later citations fill what earlier ones lacked)."""
    found: dict[str, Reference] = {}
    own = fold(own_number.replace(" ", ""))
    for m in _REF.finditer(text):
        number = DocumentNumber.parse(m["num"]).normalized or " ".join(m["num"].split())
        key = fold(number)
        if own and key == own:
            continue
        date = re.sub(r"\s+", "", m["date"]) if m["date"] and "tháng" not in m["date"] else (m["date"] or "")
        issuer = " ".join((m["issuer"] or "").split())
        end = m.end()
        while issuer and (more := _ISSUER_MORE.match(text, end)):
            issuer = f"{issuer}{more[1] if more[1].strip() else ' '}{' '.join(more['more'].split())}"
            issuer = " ".join(issuer.split()) if more[1].strip() == "và" else issuer
            end = more.end()
        summary = ""
        if m["issuer"]:
            rest = text[end:]
            lead = re.match(r"\s+(về\s+|ban hành\s|quy định\s|phê duyệt\s|hướng dẫn\s|triển khai\s|thực hiện\s|"
                            r"phát động\s)", rest)
            if lead:
                start = end + (lead.end() if lead[1].startswith("về") else lead.start(1))
                tail = text[start:]
                q = re.match(r"\s*[\"“]([^\"“”]{3,300})[\"”]", tail)
                if q:
                    summary = q[1]
                else:
                    end = _SUMMARY_END.search(tail)
                    summary = tail[: end.start() if end else 300]
                summary = " ".join(summary.split()).strip(" ,")
                if len(summary) > 280:
                    summary = ""
        ref = Reference(m["kind"], number, date, issuer, summary)
        if key in found:
            old = found[key]
            old.date = old.date or ref.date
            old.issuer = old.issuer or ref.issuer
            old.summary = old.summary or ref.summary
        else:
            found[key] = ref
    for m in _LAW.finditer(text):
        # A law cited as a basis without its number: kept, with the number for the editor to fill.
        name = " ".join(m["name"].split())
        # The name runs on after a comma in lower case ("Thi đua, khen thưởng"); a capital starts what follows.
        cut = next((c.start() for c in re.finditer(r",\s+(\S)", name) if c[1][0].isupper() or
                    c[1].lower() in ("căn", "thực")), None)
        name = name[:cut] if cut is not None else name
        if re.search(r"\bsố\s*\d|\d+/\d{4}/", name):
            continue
        key = fold(f"{m['kind']} {name}")
        if key not in found:
            found[key] = Reference(m["kind"], "", "", "", name)
    return list(found.values())


# --- time: campaign window, rounds, deadlines, anniversaries --------------------------------------------------

_WINDOW = re.compile(
    r"[Tt]ừ\s+(?P<from>ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|tháng\s+\d{1,2}(?:\s*/\s*\d{4})?|nay|"
    r"ngày\s+ký(?:\s+ban\s+hành)?|ngày\s+ban\s+hành(?:\s+kế\s+hoạch)?|đầu\s+năm\s+\d{4}|năm\s+\d{4}|\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)"
    r"\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+|trước\s+)?(?P<to>ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|"
    r"tháng\s+\d{1,2}\s*/\s*\d{4}|năm\s+\d{4}|quý\s+[IV]+\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4})")
_ROUND = re.compile(r"(?P<name>(?:Đợt|đợt|Giai đoạn|giai đoạn)(?:\s+thi đua)?\s+(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|"
                    r"bảy|\d{1,2})|\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn)(?!\w))\s*[:(,\-–]?\s*"
                    r"(?P<range>[Tt]ừ\s+[^;.)]+?(?:đến|tới)\s+[^;.)]+?\d{4})")


@dataclass
class Window:
    start: str = ""
    end: str = ""
    original: str = ""
    rounds: list[dict] = field(default_factory=list)


def _date_words(text: str) -> str:
    return " ".join(text.replace(" / ", "/").split())


def read_period(text: str, issued: str) -> Window:
    """The campaign window when the text states one ("Từ ngày 25/4 đến ngày 30/5/2022", "Từ nay đến cuối năm 2021")."""
    window = Window()
    sentences = re.split(r"(?<=[.;])\s+", text)
    for sentence in sentences:
        if not re.search(r"thời gian|thi đua|đợt|phong trào", sentence, re.IGNORECASE):
            continue
        m = _WINDOW.search(sentence)
        if not m:
            continue
        start_words, end_words = _date_words(m["from"]), _date_words(m["to"])
        try:
            if re.match(r"(ngày\s+)?\d{1,2}/\d{1,2}$", start_words):
                start, end = parse_range(f"{start_words} đến {end_words}")
                window.start = f"{start.day}/{start.month}/{start.year}"
                window.end = end.original
            else:
                end = parse_date(end_words)
                window.end = end.original
                if start_words.startswith(("ngày ký", "ngày ban hành")):
                    window.start = issued  # the text says so: the window opens on the signing date
                elif start_words.startswith("nay"):
                    window.start = ""  # "từ nay": the document does not say which day that is
                else:
                    window.start = parse_date(start_words).original
        except DateError:
            continue
        window.original = " ".join(m.group(0).split())
        window.original = window.original[0].upper() + window.original[1:]
        break
    round_texts: list[str] = []
    for m in _ROUND.finditer(text):
        r = _WINDOW.search(m["range"])
        if not r:
            continue
        try:
            start, end = parse_range(f"{_date_words(r['from'])} đến {_date_words(r['to'])}")
        except DateError:
            continue
        window.rounds.append({"ten": " ".join(m["name"].split()), "den": end.original,
                              "tu": start.original if re.search(r"\d{4}", start.original) else
                              (f"{start.day}/{start.month}/{start.year}" if start.year else "")})
        round_texts.append(canonical(m["range"]))
    if window.rounds and (not window.end or any(canonical(window.original) in r for r in round_texts)):
        # Rounds only: the campaign runs from the first round's start to the last round's end.
        window.start, window.end, window.original = window.rounds[0]["tu"], window.rounds[-1]["den"], ""
    return window


_DEADLINE = re.compile(
    r"(?:hoàn thành\s+)?(?:trước|trong|chậm nhất|hạn chót|trước ngày|chậm nhất ngày|xong trước)\s+(?:ngày\s+)?"
    r"(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}|"
    r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|"
    r"quý\s+[IV]+\s*/\s*\d{4}|quý\s+[IV]+\s+năm\s+\d{4})", re.IGNORECASE)
_YEARLESS = re.compile(r"(?:trước|chậm nhất|hạn chót|xong trước)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d|\d)"
                       r"|(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?!\s+năm)", re.IGNORECASE)


def yearless_deadline(text: str) -> str:
    """A deadline written without its year ("trước ngày 15/02"), as written, or ""."""
    m = _YEARLESS.search(text)
    return " ".join(m.group(0).split()) if m else ""
_ANNIVERSARY = re.compile(r"((?:[Kk]ỷ niệm\s+)?\d+\s+năm\s+[^();:\n]{3,120}?)\s*\(\s*(\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*"
                          r"(\d{1,2}/\d{1,2}/\d{4})\s*\)")


def deadline_of(text: str) -> str:
    """The deadline a task sentence states, as written ("15/02/2020", "tháng 6/2020"), or ""."""
    m = _DEADLINE.search(text)
    if not m:
        return ""
    words = _date_words(m["date"])
    if re.match(r"\d{1,2}\s+tháng", words):
        words = f"ngày {words}"  # "trước ngày 30 tháng 11 năm 2025"
    try:
        parse_date(words)
    except DateError:
        return ""
    return words


def read_milestones(text: str, tasks: list[dict]) -> list[dict]:
    """Anniversaries the plan celebrates "(03/02/1930 - 03/02/2020)" and the deadlines of its tasks."""
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for m in _ANNIVERSARY.finditer(text):
        item = {"ngay": m[3], "noi_dung": f"{m[1].strip()} ({m[2]} - {m[3]})", "loai": "ky-niem"}
        item["noi_dung"] = item["noi_dung"][0].upper() + item["noi_dung"][1:]
        # The same anniversary cited again (with or without "Kỷ niệm") is one milestone.
        if (m[2], m[3]) not in seen:
            seen.add((m[2], m[3]))
            out.append(item)
    for task in tasks:
        if task.get("han"):
            key = (task["han"], task["noi_dung"])
            if key not in seen:
                seen.add(key)
                out.append({"ngay": task["han"], "noi_dung": task["noi_dung"], "loai": "han"})
    return out


# --- numbered targets ------------------------------------------------------------------------------------------

_TARGET = re.compile(r"^\(\s*(\d{1,3})\s*\)\s*(.+)$")
_VALUE = re.compile(r"^(?P<val>[≥≤><]=?\s*\d[\d.,]*|\d[\d.,]*)\s*(?P<unit>%|[^\d;:()%]{0,30}?)\s*(?:\(.*\))?$")
# "khoảng" (about) and "đạt" (reach) only introduce a value; a bound ("ít nhất", "trên", "tối thiểu") is part of it.
_BOUND = r"(?:ít nhất|tối thiểu|tối đa|không dưới|không thấp hơn|không quá|không vượt quá|trên|dưới|hơn|từ)"
_TAIL_VALUE = re.compile(rf"^(?P<name>.+?)\s+(?:(?:khoảng|đạt|là)\s+)?"
                         rf"(?P<val>(?:{_BOUND}\s+)?(?:[≥≤><]=?\s*)?\d[\d.,]*)\s*"
                         r"(?P<unit>%(?:\s+trở lên|\s+trở xuống)?|[^\d;:()%]{0,30}?)$")
_HEAD_VALUE = re.compile(r"^(?P<val>(?:[≥≤><]=?\s*)?\d[\d.,]*)\s*(?P<unit>%(?:\s+trở lên)?)\s+(?P<name>\D.+)$")


def _split_target(body: str) -> tuple[str, str, str]:
    if ":" in body:
        name, rest = (part.strip() for part in body.split(":", 1))
        m = _VALUE.match(rest)
        if m and ";" not in rest:
            return name, " ".join(m["val"].split()), m["unit"].strip()
        return name, rest, ""
    m = _TAIL_VALUE.match(body)
    if m and ";" not in body:
        name = re.sub(r"\s+(khoảng|đạt|là)$", "", m["name"].strip())
        return name, " ".join(m["val"].split()), m["unit"].strip()
    m = _HEAD_VALUE.match(body)  # "90% số xã đạt chuẩn …": the value leads, the whole line names the target
    if m and ";" not in body:
        return body, " ".join(m["val"].split()), m["unit"].strip()
    return body, "", ""


def read_targets(paragraphs: list[Paragraph]) -> list[dict]:
    """Targets numbered "(1) … khoảng 28.603,61 tỷ đồng;": number, name, value and unit as written."""
    out = []
    for para in paragraphs:
        m = _TARGET.match(para.text.strip())
        if not m or len(para.text) > 600:
            continue
        original = " ".join(para.text.split())
        body = re.sub(r"\s*[;.]$", "", m[2].strip())
        body = re.sub(r"\s+%", "%", body)
        name, value, unit = _split_target(body)
        out.append({"so": int(m[1]), "ten": name, "gia_tri": value, "don_vi": unit,
                    "nguyen_van": re.sub(r"\s+%", "%", original)})
    # A list of targets starts at (1) and has at least two; a lone "(2)" opening a paragraph is not one.
    return out if len(out) >= 2 and out[0]["so"] == 1 else []


# --- tasks by agency ---------------------------------------------------------------------------------------------

_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})\s*[./]\s*(?P<title>.+)$")
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})\s*[./)]\s*(?P<title>.+)$")
_LETTER = re.compile(r"^[a-zđ]\)\s")
_AGENCY_START = re.compile(
    r"^(?:Đề nghị\s+|Yêu cầu\s+)?(?P<agency>(?:Phòng|Đài|Trung tâm|Trang thông tin|Cổng thông tin|Ban|Văn phòng|Sở|"
    r"Ủy ban|UBND|Công an|Ban Chỉ huy|Hội đồng|Thủ trưởng|Chủ tịch|Các|các|Thường trực|Huyện đoàn|Liên đoàn|Hội|"
    r"Đoàn|Mặt trận|Ủy ban Mặt trận|Cơ quan|Kho bạc|Chi cục|Bảo hiểm|Báo|Tỉnh đoàn|Thành đoàn|Quân sự|Viện|Trường|"
    r"Đảng ủy|Huyện ủy|Tỉnh ủy|Chi bộ|Bộ phận|Tổ(?!\s+chức))\b.*)$")
_VERBS = ("chủ trì", "phối hợp", "theo dõi", "hướng dẫn", "tổ chức", "chỉ đạo", "là", "căn cứ", "tham mưu",
          "xây dựng", "triển khai", "thực hiện", "có trách nhiệm", "tăng cường", "tăng", "kiểm tra", "giúp",
          "báo cáo", "tuyên truyền", "đẩy mạnh", "tiếp tục", "quan tâm", "bố trí", "đảm bảo", "bảo đảm",
          "cử", "mở", "đăng tải", "phát động", "vận động", "rà soát", "tích cực", "chịu trách nhiệm",
          "thường xuyên", "định kỳ", "nghiên cứu", "lựa chọn", "tập trung", "hưởng ứng", "cung cấp",
          "tổng hợp", "đăng ký", "gửi", "phổ biến", "quán triệt", "đôn đốc", "giám sát", "ban hành")
_VERB_RE = re.compile(r"(?<![Cc]ác)(?<![Nn]hững)(?<!của)(?<!và)\s(?:" + "|".join(re.escape(v) for v in sorted(_VERBS, key=len, reverse=True)) + r")(?=\s|,|$)")
_CLOSING = re.compile(r"^(Trên đây|Yêu cầu|Trong quá trình|Quá trình (?:tổ chức )?thực hiện|Nơi nhận)", re.IGNORECASE)
_TIME_LEAD = re.compile(r"^(Hằng năm|Hàng năm|Định kỳ|Hằng quý|Hàng quý|Hằng tháng|Cuối năm|Đầu năm)\s*,\s*")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _agency_of(text: str) -> str:
    """The agency a task sentence begins with: the words before its first verb."""
    text = _TIME_LEAD.sub("", text.strip())
    if ":" in text[:160]:
        head = text.split(":", 1)[0]
        if _AGENCY_START.match(head) and len(head) < 160:
            return _capital(re.sub(r"^(Đề nghị|Yêu cầu)\s+", "", head).strip())
    if not _AGENCY_START.match(text):
        return ""
    text = re.sub(r"^(Đề nghị|Yêu cầu)\s+", "", text)
    verb = _VERB_RE.search(text)
    if not verb or verb.start() > 160:
        return ""
    return _capital(text[: verb.start()].strip(" ,"))


def _heading_agency(title: str) -> str:
    title = re.sub(r"\s*\([^)]*\)\s*$", "", title.strip(" :"))
    title = re.sub(r"^(Trách nhiệm của|Nhiệm vụ của|Đề nghị|Giao)\s+", "", title, flags=re.IGNORECASE)
    return _capital(title.strip(" :"))


def read_tasks(paragraphs: list[Paragraph]) -> tuple[list[dict], list[str]]:
    """Tasks of the "Tổ chức thực hiện" section, agency by agency, with their deadlines; and sentences without agency."""
    start = None
    roman = ""
    arabic = ""  # "5" when the section is "5. Tổ chức thực hiện" and its items "5.1.", "5.2."
    for index, para in enumerate(paragraphs):
        text = para.text.strip()
        m = _ROMAN.match(text)
        a = None if m else _NUMBERED.match(text)
        title = m["title"] if m else (a["title"] if a else (text if para.heading else ""))
        if not title or not re.match(r"^(?:\W*)tổ chức thực hiện\W*$", title.strip(), re.IGNORECASE):
            continue
        if m or para.heading or a:
            start, roman = index + 1, (m["num"] if m else "")
            arabic = a["num"] if a else ""
            break
    if start is None:
        return [], []
    tasks: list[dict] = []
    orphans: list[str] = []
    current_agency, current_muc = "", roman
    heading_agencies: list[str] = []
    items = paragraphs[start:]
    for pos, para in enumerate(items):
        text = para.text.strip()
        if _ROMAN.match(text) and (text.split(".", 1)[-1].strip().isupper() or para.heading):
            break  # the next Roman section
        if _CLOSING.match(text) or re.match(r"^(TM|T/M|KT|K/T)\b", text):
            break
        if arabic:
            sub = re.match(rf"^{arabic}\.(?P<num>\d{{1,2}})\.?\s+(?P<title>.+)$", text)
            if not sub and _NUMBERED.match(text) and not para.bullet:
                break  # the next section ("6. Kinh phí thực hiện")
            numbered = sub
        else:
            numbered = _NUMBERED.match(text)
        if numbered and not para.bullet:
            number, rest = numbered["num"], numbered["title"].strip()
            current_muc = f"{roman}.{number}" if roman else (f"{arabic}.{number}" if arabic else number)
            following = items[pos + 1] if pos + 1 < len(items) else None
            is_heading = (len(rest) < 200 and not rest.endswith(".") and following is not None
                          and not re.match(r"^\d{1,2}(?:\.\d{1,2})*\s*[./)]\s", following.text.strip())
                          and not _CLOSING.match(following.text)
                          and not re.search(r":\s*\S", rest))  # "Units: what they do" is a task, not a heading
            if is_heading:
                current_agency = _heading_agency(rest)
                heading_agencies = [a.strip() for a in re.split(r",|\svà\s", current_agency) if a.strip()]
                continue
            current_agency = ""
            text = rest
        if para.heading and not numbered:
            current_agency = _heading_agency(text)
            continue
        agency = _agency_of(text)
        content = text
        if agency and ":" in text[:160] and text.split(":", 1)[0].endswith(agency.split(" ")[-1]):
            content = text.split(":", 1)[1].strip()
        agency = agency or current_agency
        if not agency:
            orphans.append(text)
            continue
        tasks.append({"co_quan": agency, "noi_dung": content, "han": deadline_of(content), "muc": current_muc})
    return tasks, orphans


# --- signature and recipients ---------------------------------------------------------------------------------------

_FORMULA = re.compile(r"^(?P<formula>TM\.|T/M|T\.M\.|KT\.|K/T|TL\.|TUQ\.|Q\.)\s*(?P<rest>.*)$")
_TITLE_WORDS = ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ BÍ THƯ", "BÍ THƯ", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ TRƯỞNG BAN",
                "TRƯỞNG BAN", "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
                "THƯỜNG TRỰC", "ỦY VIÊN", "PHÓ HIỆU TRƯỞNG", "HIỆU TRƯỞNG", "PHÓ CHỦ NHIỆM", "CHỦ NHIỆM",
                "PHÓ CỤC TRƯỞNG", "CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG", "CHI CỤC TRƯỞNG", "PHÓ VIỆN TRƯỞNG", "VIỆN TRƯỞNG",
                "PHÓ TỔNG GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "THỦ TRƯỞNG", "CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG",
                "TRƯỞNG TRẠM", "PHÓ TRƯỞNG TRẠM", "TRƯỞNG KHOA", "PHÓ TRƯỞNG KHOA")
_RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+(?=[A-ZĐÀ-Ỹ])|^(?:ĐẠI|THƯỢNG|TRUNG|THIẾU)\s+"
                   r"(?:TƯỚNG|TÁ|ÚY|UÝ)\s+")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹĐđ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹĐđ]*){1,5}$")


def read_signer(paragraphs: list[Paragraph], full_text: str) -> dict:
    """Formula (TM./KT./T/M), on whose behalf, title and name, from the signature block near the end."""
    tail = paragraphs[-40:]
    signer = {"ho_ten": "", "chuc_vu": "", "hinh_thuc": "", "thay_mat": ""}
    formulas: list[tuple[str, str]] = []
    title_at = -1
    for index, para in enumerate(tail):
        line = para.text.strip()
        m = _FORMULA.match(line)
        # "TM. ỦY BAN NHÂN DÂN", or as a web copy types it, "TM. Ủy ban nhân dân": a body's name, not a sentence.
        if m and (m["rest"].isupper() or not m["rest"] or (
                m["rest"][:1].isupper() and len(m["rest"].split()) <= 8 and not m["rest"].rstrip().endswith((".", ";")))):
            formulas.append((m["formula"], m["rest"].strip()))  # as written: "K/T" stays "K/T"
            title_at = index
            continue
        low = canonical(line)
        if len(line.split()) <= 8 and (line.isupper() or line[:1].isupper()) and any(
                low == canonical(t) or (line.isupper() and low.endswith(" " + canonical(t))) for t in _TITLE_WORDS):
            signer["chuc_vu"] = sentence_case(line, "")
            title_at = index
    if title_at < 0:
        return signer
    for para in tail[title_at + 1:]:
        line = para.text.strip(" *")
        if re.match(r"^\(?(Đã ký|đã ký|Ký tên|Ký, ghi rõ)", line):
            continue
        line = _RANK.sub("", line)  # "Đại tá Nguyễn Văn A": the rank is not part of the name
        candidate = line.title() if line.isupper() and len(line.split()) >= 2 else line
        if _NAME.match(candidate):
            signer["ho_ten"] = candidate
            break
    if formulas:
        deputy = [f for f, _ in formulas if f in ("KT.", "K/T")]
        if deputy:
            on_behalf = next((rest for f, rest in formulas if f == deputy[0]), "")
            body = next((rest for f, rest in formulas if f != deputy[0] and rest), "")
            signer["hinh_thuc"] = deputy[0]
            signer["thay_mat"] = " ".join(x for x in (sentence_case(on_behalf, full_text) if on_behalf else "",
                                                      sentence_case(body, full_text) if body else "") if x)
        else:
            formula, rest = formulas[0]
            signer["hinh_thuc"] = formula
            signer["thay_mat"] = sentence_case(rest, full_text) if rest else ""
        if not signer["chuc_vu"]:
            # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" on one line in some conversions
            for _, rest in formulas:
                for title in _TITLE_WORDS:
                    if rest.endswith(" " + title):
                        signer["chuc_vu"] = sentence_case(title)
    return signer


def read_recipients(paragraphs: list[Paragraph]) -> list[str]:
    """The lines of "Nơi nhận:", without their bullets and final punctuation."""
    out: list[str] = []
    for index, para in enumerate(paragraphs):
        if not re.match(r"^Nơi nhận\s*:?", para.text, re.IGNORECASE):
            continue
        inline = re.sub(r"^Nơi nhận\s*:?\s*", "", para.text, flags=re.IGNORECASE)
        lines = [x for x in re.split(r"\s+[-+]\s+|^[-+]\s+", inline) if x.strip()] if inline else []
        for follower in paragraphs[index + 1:]:
            text = follower.text.strip()
            if not (follower.bullet or re.match(r"^[-+]\s", text) or re.match(r"^Lưu\s*:?", text)):
                break
            lines.append(re.sub(r"^[-+]\s*", "", text))
            if re.match(r"^Lưu\b", lines[-1]):
                break
        out = [re.sub(r"[\s;,.]+$", "", " ".join(x.split())) for x in lines]
        return [x for x in out if x]
    return out
