"""List endpoints cost a fixed number of queries, however many items a page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NewsPageFactory, TechFieldFactory, make_listing

pytestmark = pytest.mark.django_db

PATHS = [
    ("listings/", {"limit": 50}),
    ("listings/instruments/", {"limit": 50, "region": "11", "sort": "deadline"}),
    ("listings/", {"limit": 50, "enterprise": "group-a", "field": "analysis"}),
    ("enterprises/", {"limit": 50}),
    ("pages/", {"limit": 50}),
]


def _queries(api, path, params):
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path, params)
    assert response.status_code == 200, response.content
    return len(queries)


def _add(tree, field, n):
    for i in range(n):
        make_listing("instrument", tree.a1.enterprise, title=f"仪器{i}", tech_fields=[field])
        NewsPageFactory(parent=tree.site.news, title=f"消息{i}")


def test_list_endpoints_do_not_grow_with_the_page(api, tree, django_assert_max_num_queries):
    field = TechFieldFactory(name="分析测试", slug="analysis")
    _add(tree, field, 2)
    few = {path: _queries(api, path, params) for path, params in PATHS}
    _add(tree, field, 8)
    for path, params in PATHS:
        with django_assert_max_num_queries(few[path]):
            response = api.get(path, params)
        assert response.json()["count"] >= 2
    assert max(few.values()) <= 15
