"""Recall on the labelled queries over the demo content (search/evaluation.json)."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.evaluation import evaluate

pytestmark = pytest.mark.seed


def test_search_finds_what_the_labelled_queries_mean(site):
    call_command("seed_demo", no_accounts=True, stdout=StringIO())
    call_command("update_index", stdout=StringIO(), stderr=StringIO())

    evaluation = evaluate()

    misses = [f"{r.query}: {r.missed}" for r in evaluation.results if r.missed]
    assert evaluation.recall_at_10 >= 0.95, "\n".join(misses)
    assert evaluation.mrr >= 0.8


def test_the_command_prints_recall_and_mrr(site):
    out = StringIO()
    call_command("evaluate_search", stdout=out)

    assert "recall@10" in out.getvalue()
    assert "MRR" in out.getvalue()
