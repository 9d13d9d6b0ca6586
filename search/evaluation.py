"""Recall@10 and MRR of the site search on the labelled queries of ``evaluation.json``.

The labelled set lives beside the code it measures (and the command and the
test that run it), not in ``bench/``: it is a statement of what search must
find, checked by a test, rather than a timing. Its targets are titles of the
demo content of ``seed_demo``.
"""

import json
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("evaluation.json")


@dataclass
class QueryResult:
    query: str
    language: str
    kind: str
    targets: list
    ranked: list  # titles, best first

    @property
    def found(self):
        return [t for t in self.targets if t in self.ranked]

    @property
    def missed(self):
        return [t for t in self.targets if t not in self.ranked]

    @property
    def recall(self):
        return len(self.found) / len(self.targets)

    @property
    def reciprocal_rank(self):
        ranks = [self.ranked.index(t) + 1 for t in self.found]
        return 1 / min(ranks) if ranks else 0.0


@dataclass
class Evaluation:
    results: list

    @property
    def recall_at_10(self):
        return sum(r.recall for r in self.results) / len(self.results)

    @property
    def mrr(self):
        return sum(r.reciprocal_rank for r in self.results) / len(self.results)


def load_queries(path=DEFAULT_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))["queries"]


def evaluate(queries=None, *, search=None, k=10):
    """Run every labelled query through ``search(query, locale=…, limit=k)``."""
    from wagtail.models import Locale

    from search.service import ranked_titles

    search = search or ranked_titles
    queries = queries if queries is not None else load_queries()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    results = []
    for q in queries:
        ranked = search(q["query"], locale=locales[q["language"]], limit=k)[:k]
        results.append(QueryResult(q["query"], q["language"], q["kind"], q["targets"], ranked))
    return Evaluation(results)
