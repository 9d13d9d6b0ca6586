"""保密审查: scan an item for classification markings and sensitive terms.

涉密信息不能上网 (DESIGN.md §1). After group approval every text of an item —
its text fields, its StreamField body, its inline children and the text of
its attached documents — is scanned for the built-in classification markings
(``MARKINGS``, not editable) and the active ``SensitiveTerm`` rows that the
regulator maintains. Each hit is returned with its place and context so that
a reviewer can decide; the scan never clears anything itself, and a keyword
scan is the safety net under the named human decision (DESIGN.md §9).

Matching ignores whitespace (including U+3000), zero-width characters,
full-width/half-width differences (NFKC) and English case, and reads ☆ * ✱
… as ★, so 秘 密, 机　密 and 秘密☆1年 are found. Context is quoted from the
original text.

Documents are read within fixed bounds (``MAX_DOCUMENT_BYTES``,
``MAX_PDF_PAGES``, ``MAX_OOXML_PART_BYTES``). Whatever cannot be read
completely — an encrypted or broken PDF, a PDF with no text layer (a scan),
a legacy .doc, an oversized file — is reported as a finding of category
``UNREADABLE``, never silently passed and never raised: a human must look at
it. Images are not scanned (no OCR); their alt text and captions are.
"""

from workflows.secrecy.documents import (
    MAX_DOCUMENT_BYTES,
    MAX_OOXML_PART_BYTES,
    MAX_PDF_PAGES,
    scan_document,
)
from workflows.secrecy.objects import html_to_text, scan_object, scan_page
from workflows.secrecy.text import (
    MARKING,
    MARKINGS,
    UNREADABLE,
    Hit,
    Term,
    active_terms,
    scan_text,
)

__all__ = [
    "MARKING",
    "MARKINGS",
    "MAX_DOCUMENT_BYTES",
    "MAX_OOXML_PART_BYTES",
    "MAX_PDF_PAGES",
    "UNREADABLE",
    "Hit",
    "Term",
    "active_terms",
    "html_to_text",
    "scan_document",
    "scan_object",
    "scan_page",
    "scan_text",
]
