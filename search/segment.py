"""Chinese word segmentation for what is indexed and what is asked.

Database full-text search (SQLite FTS5's ``unicode61`` tokenizer, PostgreSQL's
default parser) splits text on spaces and punctuation only, so an unbroken run
of Chinese characters becomes one token and a reader's 特高压 never meets the
token 示例电科院±800千伏特高压直流换流阀关键指标…. Here both sides go through
the same jieba tokenizer with the same dictionary and come out as words
separated by spaces, which every backend tokenises alike (DESIGN.md §5, §9).

- Indexed text: jieba's precise segmentation (no HMM, so the same characters
  segment the same way in a title, a summary and a query), plus every shorter
  dictionary word inside each word, plus the single Chinese characters. So
  重点实验室 is found inside 国家重点实验室, and a query of words the
  dictionary does not know still meets their characters.
- Queries: the same precise segmentation; unknown runs fall back to their
  characters, exactly as they were indexed.

The dictionary is jieba's own (shipped inside the package: nothing is ever
downloaded) plus the domain dictionary of ``search.dictionary``. The tokenizer
is private to this module so that other users of jieba's global tokenizer
neither see nor disturb our words.
"""

import functools
import logging
import re
import threading

import jieba

jieba.setLogLevel(logging.WARNING)

# Runs of letters and digits in any script: what both FTS tokenizers keep.
WORD = re.compile(r"[^\W_]+")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Words that carry no meaning on their own in a query (and FTS operators
# typed as words). Dropping them from queries only ever finds more.
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "等",
        "之",
        "其",
        "在",
        "是",
        "对",
        "为",
        "于",
        "以",
        "把",
        "被",
        "并",
        "也",
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "not",
        "near",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "is",
        "are",
    ]
)
MAX_QUERY_WORDS = 16

_tokenizer = jieba.Tokenizer()
_lock = threading.Lock()
_domain_words = frozenset()


def tokenizer():
    """The shared tokenizer with the domain dictionary loaded (loads it on first use)."""
    from search import dictionary

    dictionary.ensure_loaded()
    return _tokenizer


def set_domain_words(words):
    """Make exactly ``words`` the domain dictionary: add new ones, forget removed ones."""
    global _domain_words
    words = frozenset(w.strip() for w in words if w and w.strip())
    with _lock:
        _tokenizer.check_initialized()
        for word in _domain_words - words:
            _tokenizer.del_word(word)
        for word in words - _domain_words:
            # A high frequency makes the whole term win over its parts.
            _tokenizer.add_word(word, freq=max(_tokenizer.suggest_freq(word), 1000))
        if words != _domain_words:
            _segmented.cache_clear()  # words segmented with the old dictionary
        _domain_words = words


def plural_stem(word):
    """English plurals folded to the singular (robots → robot), the same way on both sides.

    PostgreSQL's English configuration stems on its own; SQLite's FTS5 does
    not, and without this a search for "superalloy" misses "superalloys".
    """
    lower = word.lower()
    if not lower.isascii() or not lower.isalpha() or len(lower) < 4:
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _is_known(tk, word):
    return tk.FREQ.get(word, 0) > 0


def _words(text):
    """Precise segmentation into letter-and-digit words (punctuation dropped)."""
    tk = tokenizer()
    for token in tk.cut(text, HMM=False):
        yield from WORD.findall(token)


def _runs(text):
    """Words, with consecutive single Chinese characters grouped into runs.

    jieba splits a run the dictionary does not know (电科院, 兆帕) into single
    characters; grouping them back lets us treat the run as one unknown word.
    """
    run = []
    for word in _words(text):
        if len(word) == 1 and CJK.match(word):
            run.append(word)
            continue
        if run:
            yield "".join(run), True
            run = []
        yield word, False
    if run:
        yield "".join(run), True


def index_text(text):
    """Space-separated words to index for ``text`` (may repeat words; order kept)."""
    if not text:
        return ""
    tokenizer()  # the dictionary is loaded before anything is remembered
    return _segmented(str(text))


# modelsearch reads each indexed field more than once per object (the index
# row, its title and autocomplete columns), and an import indexes thousands of
# listings with the same enterprise and field names: remembering recent
# segmentations halves indexing time. Cleared whenever the dictionary changes.
@functools.lru_cache(maxsize=4096)
def _segmented(text):
    tk = _tokenizer
    out = []
    for word, unknown in _runs(text):
        out.append(word)
        stem = plural_stem(word)
        if stem != word:
            out.append(stem)
        if len(word) > 1 and CJK.search(word):
            # Its single characters: a query of words the dictionary does not
            # know is asked as characters (电科院 → 电 科 院) and must meet them.
            out.extend(c for c in word if CJK.match(c))
        if not unknown and len(word) > 2 and CJK.search(word):
            # Shorter dictionary words inside a longer one: 实验室, 重点实验室 in 国家重点实验室.
            n = len(word)
            out.extend(
                word[i:j]
                for i in range(n)
                for j in range(i + 2, min(n, i + 8) + 1)
                if (i, j) != (0, n) and _is_known(tk, word[i:j])
            )
    return " ".join(out)


def query_words(text, limit=MAX_QUERY_WORDS):
    """The words of a reader's query, in order, without duplicates and stopwords."""
    seen = []
    for word, unknown in _runs(text or ""):
        parts = list(word) if unknown and len(word) > 1 else [plural_stem(word)]
        for part in parts:
            key = part.lower()
            if key in STOPWORDS or key in (s.lower() for s in seen):
                continue
            if len(part) == 1 and part.isascii() and part.isalpha():
                continue  # a lone Latin letter (the b of <b>) is noise, not a word
            seen.append(part)
            if len(seen) >= limit:
                return seen
    return seen


def highlight_words(text):
    """What to mark in results for a query: its words, and its unknown runs whole."""
    words = []
    for word, _unknown in _runs(text or ""):
        if word.lower() not in STOPWORDS and word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]
