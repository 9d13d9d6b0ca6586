"""Whatever a reader, a crawler or a scanner puts in the query string, no listing fails.

A malformed filter is dropped and the reader gets the normal page (or a 404);
never a 500.
"""

from urllib.parse import quote

import pytest

from tests.factories import NewsPageFactory, NoticePageFactory
from tests.utils import text_of

LONG = "长" * 5000

BAD_LISTING_QUERIES = [
    "page=abc",
    "page=0",
    "page=-1",
    "page=99999",
    "page=1.5",
    "page=%00",
    "year=99999",
    "year=abc",
    "year=-1",
    "year=0",
    "enterprise=unknown",
    "enterprise=%27%20OR%201%3D1%20--",
    "field=nope",
    "tag=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "stream=nope",
    "page=2&page=abc&year=2025&year=abc",
    "enterprise[]=a1",
    f"tag={quote(LONG)}",
    f"enterprise={quote(LONG)}",
    f"field={'x' * 10000}",
    f"page={'9' * 500}",
    "tag=%ED%A0%80",  # a lone surrogate, UTF-8 encoded
    "tag=%FF%FE",  # not UTF-8 at all
    "year=2025&field=nope&enterprise=unknown&tag=%F0%9F%9A%80&page=abc",
]

LISTINGS = [
    "/news/",
    "/achievements/",
    "/experience/",
    "/trends/",
    "/notices/",
    "/enterprises/",
    "/enterprises/group-a/",
    "/enterprises/group-a/a1/",
    "/en/news/",
    "/news/feed/",
    "/enterprises/group-a/feed/",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_malformed_query_strings_never_break_a_listing(tree, client, url):
    NewsPageFactory(parent=tree.a1, title="一条正常的科技动态")
    NoticePageFactory(parent=tree.site.notices, title="一条正常的通知")
    failures = []

    for query in BAD_LISTING_QUERIES:
        response = client.get(f"{url}?{query}")
        if response.status_code not in (200, 404):
            failures.append(f"{url}?{query[:60]} → {response.status_code}")

    assert not failures, "listings failed on bad input:\n" + "\n".join(failures)


def test_script_in_a_tag_filter_is_shown_as_text(tree, client):
    response = client.get("/news/", {"tag": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_page_beyond_the_last_shows_the_last_page(tree, client):
    NewsPageFactory(parent=tree.a1, title="唯一的一条科技动态")

    for page in ("99999", "0", "-1", "abc"):
        response = client.get("/news/", {"page": page})
        assert response.status_code == 200
        assert "唯一的一条科技动态" in text_of(response), f"?page={page} lost the item"


def test_unreadable_filters_are_ignored(tree, client):
    NewsPageFactory(parent=tree.a1, title="唯一的一条科技动态")

    for params in (
        {"year": "abc"},
        {"year": "99999"},
        {"enterprise": "unknown"},
        {"field": "nope"},
    ):
        response = client.get("/news/", params)
        assert response.status_code == 200
        assert "唯一的一条科技动态" in text_of(response), f"{params} hid the item"


SEARCHES = [
    "",
    " ",
    "氢" * 10_000,
    "' OR 1=1 --",
    '"unbalanced',
    "氢能 AND NOT 储能",
    "a* OR b NEAR(c d)",
    "title:氢能",
    "-储能 +氢能 ^2 ~",
    "()[]{}:*\"'",
    "🚀🔋 氢能",
    "\x00",
    "%",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_odd_searches_answer_normally(tree, client, prefix):
    NewsPageFactory(parent=tree.a1, title="氢能 示范站 hydrogen")
    failures = []

    for query in SEARCHES:
        for extra in ({}, {"page": "abc"}, {"page": "99999"}):
            response = client.get(f"{prefix}/search/", {"q": query, **extra})
            if response.status_code != 200:
                failures.append(f"q={query[:40]!r} {extra} → {response.status_code}")

    assert not failures, "search failed on:\n" + "\n".join(failures)


def test_search_with_a_lone_surrogate_answers_normally(site, client):
    for raw in ("%ED%A0%80", "abc%ED%A0%80def", "%FF", "%F0%9F%9A%80"):
        response = client.get(f"/search/?q={raw}")
        assert response.status_code == 200, f"/search/?q={raw} → {response.status_code}"


def test_search_echoes_the_query_as_text(site, client):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
