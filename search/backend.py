"""Wagtail's database search backend, asked in segmented words.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}`` picks
the same backend as ``wagtail.search.backends.database`` (PostgreSQL FTS,
SQLite FTS5, or the fallback) and segments every query string with
``search.segment`` before the backend splits it on spaces. So the site search,
the admin's page and snippet searches and the API all ask in the words the
index holds.

A query is a string of words joined by AND: an item must contain every word
(in any field). Words the dictionary does not know are asked as their
characters, which the index also holds.
"""

from functools import cache

from modelsearch.backends import database
from modelsearch.query import Phrase, PlainText

from search.segment import query_words

TITLE_WEIGHT = 4.0  # SQLite: a word in the title counts as much as four in the body


def segment_query(query):
    """A query string or PlainText query, rewritten into space-separated words."""
    if isinstance(query, str):
        return " ".join(query_words(query))
    if isinstance(query, PlainText):
        words = " ".join(query_words(query.query_string))
        # An empty string makes the backend answer "no results" without asking the database.
        return PlainText(words, operator=query.operator, boost=query.boost) if words else ""
    if isinstance(query, Phrase):
        words = " ".join(query_words(query.query_string))
        return Phrase(words) if words else ""
    return query


class SegmentingBackendMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(segment_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(segment_query(query), model_or_queryset, *args, **kwargs)


def _sqlite_compiler():
    """SQLite's query compiler with a BM25 that weighs title words above body words.

    modelsearch ranks with ``bm25()`` weighing every FTS5 column alike (and, for
    nested AND/OR queries, multiplies negative scores so the order flips).
    One ``bm25()`` over the whole MATCH, with the title column weighted,
    orders items about 海上风电 before items that mention it in passing.
    """
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchQueryCompiler,
    )

    class WeightedBM25(BM25):
        # Columns of the FTS5 table, in order: autocomplete, body, title.
        def as_sql(self, compiler, connection, function=None, template=None):
            table = SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []

    class WeightedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25()

    return WeightedSQLiteSearchQueryCompiler


@cache
def _segmenting(backend_class):
    attrs = {}
    if backend_class.__name__ == "SQLiteSearchBackend":
        attrs["query_compiler_class"] = _sqlite_compiler()
    return type(
        f"Segmenting{backend_class.__name__}", (SegmentingBackendMixin, backend_class), attrs
    )


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    vendor_backend = database.SearchBackend(params)
    return _segmenting(type(vendor_backend))(params)
