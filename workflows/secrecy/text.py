"""Matching: the built-in markings, normalisation and the ``Hit`` a scan returns."""

import re
import unicodedata
from dataclasses import dataclass

UNREADABLE = "unreadable"
MARKING = "marking"

CONTEXT_CHARS = 20

# Built-in classification markings (保密法; 中央企业商业秘密保护暂行规定). Longer
# markings come first so that 国家秘密 is one hit, not 国家秘密 and 秘密.
MARKINGS = [
    "国家秘密",
    "工作秘密",
    "商业秘密",
    "核心商密",
    "普通商密",
    "内部资料",
    "内部文件",
    "内部使用",
    "限国内发行",
    "注意保存",
    "涉密",
    "绝密",
    "机密",
    "秘密",
]
# 秘密★1年, 机密★十年, 绝密★长期, 秘密★: the period of secrecy belongs to the marking.
_PERIOD = r"(?:★(?:\d+|[一二三四五六七八九十百]+)(?:年|个月|月)|★长期|★)?"
_LEVEL_MARKINGS = {"绝密", "机密", "秘密"}
_MARKING_RE = re.compile(
    "|".join(
        f"(?P<m{i}>{re.escape(m)}{_PERIOD if m in _LEVEL_MARKINGS else ''})"
        for i, m in enumerate(MARKINGS)
    )
)

_STARS = dict.fromkeys(map(ord, "☆*✱✲✳✴✵✶✷✸✹✺✻✼✽✩✪✫✬✭✮✯⭐⋆"), "★")
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@dataclass(frozen=True)
class Term:
    """A term to look for and its ``SensitiveTerm.Category`` value."""

    text: str
    category: str


@dataclass(frozen=True)
class Hit:
    """One finding: what was found, where, and the text around it.

    ``context`` is plain text (escape it when shown), the match marked with
    【】; ``position`` is the index of the match in the text of ``source``.
    A finding of category ``UNREADABLE`` has no term: its ``context`` says
    why the document could not be read.
    """

    term: str
    category: str
    source: str
    context: str
    position: int = 0
    matched: str = ""


def active_terms():
    """The regulator's active sensitive terms, in one query."""
    from workflows.models import SensitiveTerm

    return [
        Term(text=term, category=category)
        for term, category in SensitiveTerm.objects.filter(is_active=True).values_list(
            "term", "category"
        )
    ]


# --- text -------------------------------------------------------------------


def _normalise(text):
    """The text as matched, and for each of its characters the index in ``text``."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch in _ZERO_WIDTH:
            continue
        for n in unicodedata.normalize("NFKC", ch).casefold().translate(_STARS):
            if n.isspace() or n in _ZERO_WIDTH:
                continue
            chars.append(n)
            index.append(i)
    return "".join(chars), index


def _normalise_term(text):
    return _normalise(text)[0]


def _terms_re(terms):
    by_text = {}
    for term in terms:
        key = _normalise_term(term.text)
        if key and key not in by_text:
            by_text[key] = term
    if not by_text:
        return None, {}
    pattern = "|".join(re.escape(k) for k in sorted(by_text, key=len, reverse=True))
    return re.compile(pattern), by_text


def _context(text, start, end):
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    quoted = f"{before}【{text[start:end]}】{after}"
    return " ".join(quoted.split())


class Scanner:
    """Terms compiled once for every text of an item."""

    def __init__(self, terms):
        self.terms_re, self.by_text = _terms_re(terms)

    def scan(self, text, source, *, line_label=None):
        if not text or not text.strip():
            return []
        norm, index = _normalise(text)
        spans = []
        for match in _MARKING_RE.finditer(norm):
            term = MARKINGS[int(match.lastgroup[1:])]
            spans.append((match.start(), match.end(), term, MARKING))
        if self.terms_re is not None:
            for match in self.terms_re.finditer(norm):
                term = self.by_text[match.group()]
                spans.append((match.start(), match.end(), term.text, term.category))
        # A span inside a longer one is the same finding (秘密 in 商业秘密).
        spans.sort(key=lambda s: (s[0], -s[1]))
        hits, covered_to = [], -1
        for start, end, term, category in spans:
            if end <= covered_to:
                continue
            covered_to = end
            orig_start, orig_end = index[start], index[end - 1] + 1
            where = source
            if line_label:
                where = f"{source} {line_label.format(text.count(chr(10), 0, orig_start) + 1)}"
            hits.append(
                Hit(
                    term=term,
                    category=category,
                    source=where,
                    context=_context(text, orig_start, orig_end),
                    position=orig_start,
                    matched=text[orig_start:orig_end],
                )
            )
        return hits


def scan_text(text, *, source, terms=None):
    """Every marking and term found in ``text``; ``terms=None`` means the active list."""
    if terms is None:
        terms = active_terms()
    return Scanner(terms).scan(text, source)


def unreadable(source, reason):
    """A finding for what could not be read: a human must look at it."""
    return Hit(term="", category=UNREADABLE, source=source, context=reason)
