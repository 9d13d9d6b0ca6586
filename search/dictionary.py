"""The domain dictionary: which technology and enterprise terms are words.

jieba knows general Chinese; it does not know 示例电科院, 硫化物固态电解质 or
揭榜挂帅. Its words come from three places, loaded into the tokenizer of
``search.segment`` on first use and again whenever one of them changes:

- ``dictionary.txt`` beside this module: the terms shipped with the platform;
- the names and short names of enterprises and the names of technical fields;
- ``SearchTerm`` rows, which administrators add in the admin (搜索词典).

A change is announced through Django's cache (a version number), so every
application server reloads within ``CHECK_INTERVAL`` seconds. What is already
indexed keeps its old segmentation until ``python manage.py update_index``
runs; the admin says so after each change.
"""

import time
from pathlib import Path

from django.core.cache import cache
from django.db import DatabaseError

BUNDLED = Path(__file__).with_name("dictionary.txt")
VERSION_KEY = "search:dictionary-version"
CHECK_INTERVAL = 30  # seconds between looks at the shared version

_state = {"version": None, "checked": 0.0, "loaded": False}


def bundled_terms():
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def database_terms():
    """Terms from the database; none while the tables do not exist yet (before migrate)."""
    from search.models import SearchTerm
    from snippets.models import Enterprise, TechField

    terms = []
    try:
        terms += SearchTerm.objects.values_list("term", flat=True)
        for name, short_name in Enterprise.objects.values_list("name", "short_name"):
            terms += [name, short_name]
        terms += TechField.objects.values_list("name", flat=True)
    except DatabaseError:
        return []
    return terms


def all_terms():
    from search.segment import WORD

    # Only terms the FTS tokenizers keep whole: letters and digits, no spaces.
    return {t for t in bundled_terms() + database_terms() if WORD.fullmatch(t or "")}


def ensure_loaded():
    """Load the dictionary on first use, and again once another process changed it."""
    now = time.monotonic()
    if _state["loaded"] and now - _state["checked"] < CHECK_INTERVAL:
        return
    version = cache.get(VERSION_KEY)
    _state["checked"] = now
    if _state["loaded"] and version == _state["version"]:
        return
    reload(version)


def reload(version=None):
    from search.segment import set_domain_words

    _state["loaded"] = True  # before loading: the queries below must not recurse
    set_domain_words(all_terms())
    _state["version"] = version if version is not None else cache.get(VERSION_KEY)
    _state["checked"] = time.monotonic()


def mark_changed(**kwargs):
    """Tell every process that the dictionary changed; this one reloads at once."""
    version = time.time_ns()
    cache.set(VERSION_KEY, version, timeout=None)
    if _state["loaded"]:
        reload(version)


def connect_signals():
    """Enterprise, technical-field and term changes change the dictionary."""
    from django.db.models.signals import post_delete, post_save

    from search.models import SearchTerm
    from snippets.models import Enterprise, TechField

    for model in (SearchTerm, Enterprise, TechField):
        uid = f"search-dictionary-{model._meta.label_lower}"
        post_save.connect(mark_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(mark_changed, sender=model, dispatch_uid=uid + "-delete")
