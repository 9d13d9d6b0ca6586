"""Every public listing costs a small, constant number of queries (DESIGN.md §8).

The platform will hold hundreds of thousands of items: a listing that asks the
database once more for every card (its image, its rendition, its enterprise,
its fields) would fall over. Each page is measured with a few items and again
with many more, every item with a cover image whose card renditions already
exist, tags and technical fields; the two counts must be equal, and under a
fixed bound.
"""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.translation import translate_page
from tests.conftest import make_enterprise_page
from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    ImageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TechFieldFactory,
    TrendPageFactory,
    days_ago,
)

# Upper bounds measured on SQLite and PostgreSQL with a margin of a few
# queries; a per-item query would blow through them at fifteen items.
MAX_QUERIES = {
    "/": 50,
    "/news/": 22,
    "/achievements/": 22,
    "/experience/": 22,
    "/trends/": 22,
    "/notices/": 22,
    "/enterprises/": 16,
    # + one grouped count of the enterprise's listings (资源共享 / 供求信息 tabs)
    "/enterprises/group-a/": 25,
    "/enterprises/group-a/a1/": 25,
    "/en/": 50,
    "/en/news/": 22,
}

# The home page shows five items per section, a listing twelve a page: three
# items against fifteen shows a per-item query everywhere.
FEW, MANY = 3, 15
FEW_GROUPS, MANY_GROUPS = 2, 8


class Content:
    """Adds items to every stream and enterprises to the directory, like editors would."""

    def __init__(self, tree):
        self.tree = tree
        self.fields = [
            TechFieldFactory(slug=slug, name=name)
            for slug, name in [("energy", "能源"), ("equipment", "高端装备"), ("digital", "数字化")]
        ]
        self.day = itertools.count(1)
        self.items = 0
        self.enterprises = 0

    def add_items(self, per_stream, news_only=False):
        """``per_stream`` more items in each stream; returns them."""
        tree, site = self.tree, self.tree.site
        owners = itertools.cycle([tree.group_a, tree.a1, tree.group_b])
        streams = [
            (NewsPageFactory, owners),
            (AchievementPageFactory, owners),
            (ExperiencePageFactory, owners),
            (TrendPageFactory, itertools.repeat(site.trends)),
            (NoticePageFactory, itertools.repeat(site.notices)),
        ]
        added = []
        for factory, parents in streams[:1] if news_only else streams:
            for _ in range(per_stream):
                self.items += 1
                added.append(
                    factory(
                        parent=next(parents),
                        cover_image=ImageFactory(),
                        tags=[f"标签{self.items % 4}", f"关键词{self.items % 3}", "科技创新"],
                        tech_fields=self.fields[: 1 + self.items % 3],
                        published_at=days_ago(next(self.day)),
                    )
                )
        return added

    def add_enterprises(self, count):
        for _ in range(count):
            self.enterprises += 1
            n = self.enterprises
            group = make_enterprise_page(
                self.tree.site.enterprises,
                code=f"group-x{n}",
                name=f"示例第{n}集团",
                logo=ImageFactory(),
            )
            make_enterprise_page(
                group,
                code=f"x{n}-sub",
                name=f"示例第{n}集团所属企业",
                parent=group.enterprise,
                logo=ImageFactory(),
            )


def count_queries(client, url):
    """Queries of a reader's request once renditions exist and caches are warm."""
    warm_up = client.get(url)  # generates the renditions a first visitor would
    assert warm_up.status_code == 200, f"{url} answered {warm_up.status_code}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
def test_listings_cost_the_same_queries_for_few_or_many_items(
    tree, client, django_assert_max_num_queries, english
):
    content = Content(tree)
    urls = [u for u in MAX_QUERIES if u.startswith("/en/") == english]
    if english:
        # English listings of translated news.
        def add(items, _groups):
            for page in content.add_items(items, news_only=True):
                translate_page(page, tree.site.en, {page.title: f"News item {page.pk}"})
    else:

        def add(items, groups):
            content.add_items(items)
            content.add_enterprises(groups)

    add(FEW, FEW_GROUPS)
    few = {url: count_queries(client, url) for url in urls}
    add(MANY - FEW, MANY_GROUPS - FEW_GROUPS)
    many = {url: count_queries(client, url) for url in urls}

    grew = {url: (few[url], many[url]) for url in urls if few[url] != many[url]}
    assert not grew, f"query counts grew with the number of items ({FEW} → {MANY}): {grew}"
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES[url], info=url):
            client.get(url)
