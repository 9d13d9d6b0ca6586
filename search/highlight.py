"""Marking the words of a query in titles and snippets: escape first, then mark.

The text is split at the matches, every piece is escaped on its own, and only
our own ``<mark>`` tags are added, so a title such as ``<script>`` shows as
text and nothing an editor typed can become markup.
"""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 120


def _pattern(words):
    words = [w for w in words if w and (len(w) > 1 or not w.isascii())]
    if not words:
        return None
    words.sort(key=len, reverse=True)  # 特高压直流 before 特高压
    parts = []
    for word in words:
        part = re.escape(word)
        if word.isascii():
            part = rf"\b{part}"  # storage, not "age" inside it; stems still match
        parts.append(part)
    return re.compile("|".join(parts), re.IGNORECASE)


def highlight(text, words):
    """``text`` escaped, with every occurrence of ``words`` in ``<mark>``."""
    text = text or ""
    pattern = _pattern(list(words))
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


def snippet(texts, words, length=SNIPPET_LENGTH):
    """A window of about ``length`` characters around the first match in ``texts``.

    ``texts`` are tried in order (summary, then the body's text); without a
    match the start of the first one is shown. Returns highlighted HTML.
    """
    # Body paragraphs are stored HTML: tags dropped and entities read back
    # (``&amp;`` → ``&``) before ``highlight`` escapes everything once.
    texts = [" ".join(html.unescape(strip_tags(t)).split()) for t in texts if t]
    if not texts:
        return ""
    pattern = _pattern(list(words))
    for text in texts:
        match = pattern.search(text) if pattern else None
        if match:
            start = max(0, match.start() - length // 3)
            space = text.find(" ", start, match.start())
            if start > 0 and space != -1:
                start = space + 1  # English: begin at a word, not inside one
            window = text[start : start + length]
            prefix = "…" if start > 0 else ""
            suffix = "…" if start + length < len(text) else ""
            return mark_safe(prefix + highlight(window, words) + suffix)  # noqa: S308
    text = texts[0]
    return highlight(text[:length] + ("…" if len(text) > length else ""), words)
