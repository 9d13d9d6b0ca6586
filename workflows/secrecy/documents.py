"""Reading attached documents within fixed bounds; what cannot be read is reported."""

import io
import re
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree

from workflows.secrecy.text import Scanner, active_terms, unreadable

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a file larger than this is not read at all
MAX_PDF_PAGES = 300  # pages beyond this are not read (and reported)
MAX_OOXML_PART_BYTES = 20 * 1024 * 1024  # uncompressed, all scanned parts together (zip bombs)


def scan_document(document, *, terms=None, scanner=None):
    """Hits in the text of a Wagtail document, or an ``UNREADABLE`` finding."""
    scanner = scanner or Scanner(active_terms() if terms is None else terms)
    name = PurePosixPath(document.file.name or "").name or document.title
    source = f"附件：{name}"
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    try:
        with document.file.open("rb") as f:
            data = f.read(MAX_DOCUMENT_BYTES + 1)
    except Exception:  # noqa: BLE001 - a missing file must be reported, not raised
        return [unreadable(source, "无法打开文件，请人工检查。")]
    if len(data) > MAX_DOCUMENT_BYTES:
        return [unreadable(source, "文件超过 20 MB，未自动检查，请人工检查。")]
    reader = _READERS.get(extension)
    if reader is None:
        return [unreadable(source, f"无法自动读取 .{extension or '?'} 文件，请人工检查。")]
    try:
        return reader(data, source, scanner)
    except Exception:  # noqa: BLE001 - a malformed file must be reported, not raised
        return [unreadable(source, "文件已损坏或格式不正确，无法读取，请人工检查。")]


def _read_pdf(data, source, scanner):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Files with only an owner password open with an empty user password.
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001
            opened = 0
        if not opened:
            return [unreadable(source, "文件已加密，无法读取，请人工检查。")]
    hits, found_text = [], False
    count = len(reader.pages)
    for number in range(min(count, MAX_PDF_PAGES)):
        where = f"{source} 第{number + 1}页"
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception:  # noqa: BLE001
            hits.append(unreadable(where, "此页无法读取，请人工检查。"))
            continue
        found_text = found_text or bool(text.strip())
        hits += scanner.scan(text, where)
    if count > MAX_PDF_PAGES:
        hits.append(
            unreadable(
                source, f"共 {count} 页，只自动检查了前 {MAX_PDF_PAGES} 页，请人工检查其余页。"
            )
        )
    if count and not found_text:
        hits.append(unreadable(source, "未提取到文字（可能是扫描件或图片），请人工检查。"))
    return hits


# Parts of Office Open XML files that hold text readers see.
_OOXML_PARTS = {
    "docx": re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$"),
    "xlsx": re.compile(r"^xl/(sharedStrings|worksheets/sheet\d+)\.xml$"),
    "pptx": re.compile(r"^ppt/(slides/slide\d+|notesSlides/notesSlide\d+)\.xml$"),
}
_PART_LABELS = {"header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注"}
_PARAGRAPHS = {"p", "si", "row", "tr"}


def _ooxml_text(xml):
    # Office parts are UTF-8 and never have a DTD: refusing both rules out
    # entity expansion and external entities without a new dependency.
    if b"\x00" in xml[:200] or b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ValueError("not a plain UTF-8 Office part")
    root = ElementTree.fromstring(xml)  # noqa: S314 - DTDs refused above
    out = []

    def walk(element):
        local = element.tag.rsplit("}", 1)[-1]
        if local == "t" and element.text:
            out.append(element.text)
        elif local == "tab":
            out.append("\t")
        for child in element:
            walk(child)
        if local in _PARAGRAPHS:
            out.append("\n")

    walk(root)
    return "".join(out)


def _reader_ooxml(kind):
    def read(data, source, scanner):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sorted(
                (info for info in archive.infolist() if _OOXML_PARTS[kind].match(info.filename)),
                key=lambda info: (not info.filename.endswith("document.xml"), info.filename),
            )
            if not parts:
                return [unreadable(source, "文件中没有找到正文，请人工检查。")]
            hits, budget = [], MAX_OOXML_PART_BYTES
            for info in parts:
                # Read at most the remaining budget: the declared size may lie.
                with archive.open(info) as member:
                    xml = member.read(budget + 1)
                if len(xml) > budget:
                    return hits + [unreadable(source, "解压后内容过大，未完整检查，请人工检查。")]
                budget -= len(xml)
                stem = PurePosixPath(info.filename).stem
                label = next((v for k, v in _PART_LABELS.items() if stem.startswith(k)), "")
                where = f"{source} {label}".strip()
                text = _ooxml_text(xml)
                line = "第{}段" if kind == "docx" and not label else None
                hits += scanner.scan(text, where, line_label=line)
            return hits

    return read


def _read_plain(data, source, scanner):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("gb18030", errors="replace")
    return scanner.scan(text, source, line_label="第{}行")


_READERS = {
    "pdf": _read_pdf,
    "docx": _reader_ooxml("docx"),
    "xlsx": _reader_ooxml("xlsx"),
    "pptx": _reader_ooxml("pptx"),
    "txt": _read_plain,
    "csv": _read_plain,
}
