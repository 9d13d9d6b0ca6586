"""Notice attachments made locally: a text PDF and a CSV reply form (回执表).

The PDF is written by hand rather than drawn as a picture, so its Chinese is
real text: searchable, copyable, and readable by the secrecy check that will
scan attached documents before publication (DESIGN.md §1). It uses
STSong-Light, one of the Adobe CJK fonts every PDF reader provides, so
nothing is embedded and the file stays a few kilobytes.
"""

import csv
import io

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64

FONT_OBJECTS = [
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    b"/DescendantFonts [{cid} 0 R] >>",
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor {descriptor} 0 R /DW 1000 /W [1 95 500] >>",
    b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
    b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
    b"/CapHeight 880 /StemV 93 >>",
]


def _width(text, size):
    """Width in points: CJK and full-width characters 1 em, the rest half an em."""
    return sum(size if ord(ch) > 0x2E7F else size / 2 for ch in text)


def _wrap(text, size, width):
    lines, line = [], ""
    for ch in text:
        if _width(line + ch, size) > width:
            lines.append(line)
            line = ""
        line += ch
    lines.append(line)
    return lines


def _hex(text):
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _layout(blocks):
    """Pages of (x, y, size, text) from (text, size) blocks, top to bottom."""
    pages, page = [], []
    y = PAGE_HEIGHT - MARGIN
    for text, size in blocks:
        lead = size * 1.7
        for line in _wrap(text, size, PAGE_WIDTH - 2 * MARGIN) if text else [""]:
            if y - lead < MARGIN:
                pages.append(page)
                page, y = [], PAGE_HEIGHT - MARGIN
            y -= lead
            x = MARGIN if size < 16 else (PAGE_WIDTH - _width(line, size)) / 2
            page.append((x, y, size, line))
    pages.append(page)
    return pages


def text_pdf(title, blocks):
    """A valid PDF 1.4 file of ``blocks``: (text, font size) pairs, titles centred."""
    pages = _layout(blocks)
    # Objects: 1 catalog, 2 page tree, 3-5 font, 6 info, then a page and its content per page.
    first_page = 7
    page_ids = [first_page + 2 * i for i in range(len(pages))]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % i for i in page_ids), len(pages)),
        3: FONT_OBJECTS[0].replace(b"{cid}", b"4"),
        4: FONT_OBJECTS[1].replace(b"{descriptor}", b"5"),
        5: FONT_OBJECTS[2],
        6: b"<< /Title %s /Producer (seed_demo) >>" % _hex("\ufeff" + title).encode(),
    }
    for page_id, lines in zip(page_ids, pages, strict=True):
        content = "\n".join(
            f"BT /F1 {size} Tf 1 0 0 1 {x:.1f} {y:.1f} Tm {_hex(text)} Tj ET"
            for x, y, size, text in lines
            if text
        ).encode()
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (
            len(content),
            content,
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    )
    return out.getvalue()


def notice_pdf(name, doc_number, notice_title, paragraphs, issuer, issued):
    """An attachment PDF: its name, the notice it belongs to, the notice text, the issuer."""
    blocks = [(name, 18), (f"（{doc_number}附件）", 11), ("", 11), (notice_title, 13), ("", 11)]
    blocks += [(text, 11) for text in paragraphs]
    blocks += [("", 11), (issuer, 11), (issued, 11), ("", 11)]
    blocks += [("本文件为演示数据，内容均为虚构，仅供平台功能演示使用。", 9)]
    return text_pdf(name, blocks)


def reply_form_csv(columns, enterprises):
    """A CSV form with one empty row per addressee; UTF-8 with BOM so Excel reads Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for name in enterprises:
        writer.writerow([name] + [""] * (len(columns) - 1))
    return out.getvalue().encode("utf-8-sig")
