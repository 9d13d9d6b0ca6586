"""A reader narrows a listing by enterprise, technical field, tag and year, and pages through it."""

import pytest

from pages.listing import PAGE_SIZE
from tests.factories import NewsPageFactory, TechFieldFactory, days_ago, in_year
from tests.utils import page_ok, text_of


@pytest.fixture
def fields(db):
    return {
        "energy": TechFieldFactory(slug="energy", name="能源", name_en="Energy"),
        "equipment": TechFieldFactory(slug="equipment", name="高端装备", name_en="Equipment"),
    }


@pytest.fixture
def news(tree, fields):
    """Four news items of three enterprises, two fields, two tags and two years."""
    return {
        "group_a": NewsPageFactory(
            parent=tree.group_a,
            title="集团A本部的氢能动态",
            tags=["氢能"],
            tech_fields=[fields["energy"]],
            published_at=in_year(2024, 3),
        ),
        "a1": NewsPageFactory(
            parent=tree.a1,
            title="一院的储能动态",
            tags=["储能"],
            tech_fields=[fields["energy"]],
            published_at=in_year(2025, 5),
        ),
        "a1_old": NewsPageFactory(
            parent=tree.a1,
            title="一院的装备动态",
            tags=["氢能"],
            tech_fields=[fields["equipment"]],
            published_at=in_year(2023, 8),
        ),
        "group_b": NewsPageFactory(
            parent=tree.group_b,
            title="集团B的装备动态",
            tags=["储能"],
            tech_fields=[fields["equipment"]],
            published_at=in_year(2025, 9),
        ),
    }


def listed(client, url="/news/", **params):
    """Titles of the four fixture items that the filtered listing shows."""
    text = text_of(page_ok(client, url, **params))
    return {
        title
        for title in ("集团A本部的氢能动态", "一院的储能动态", "一院的装备动态", "集团B的装备动态")
        if title in text
    }


def test_filtering_by_a_group_includes_its_subsidiaries(news, client):
    assert listed(client, enterprise="group-a") == {
        "集团A本部的氢能动态",
        "一院的储能动态",
        "一院的装备动态",
    }


def test_filtering_by_a_subsidiary_shows_only_its_own_items(news, client):
    assert listed(client, enterprise="a1") == {"一院的储能动态", "一院的装备动态"}


def test_filtering_by_another_group_shows_none_of_group_a(news, client):
    assert listed(client, enterprise="group-b") == {"集团B的装备动态"}


def test_filtering_by_technical_field(news, client):
    assert listed(client, field="energy") == {"集团A本部的氢能动态", "一院的储能动态"}
    assert listed(client, field="equipment") == {"一院的装备动态", "集团B的装备动态"}


def test_filtering_by_tag(news, client):
    assert listed(client, tag="氢能") == {"集团A本部的氢能动态", "一院的装备动态"}


def test_filtering_by_year_of_first_publication(news, client):
    assert listed(client, year="2025") == {"一院的储能动态", "集团B的装备动态"}
    assert listed(client, year="2023") == {"一院的装备动态"}


def test_year_follows_beijing_time(tree, client):
    """Published at 02:00 on 1 January Beijing time (still 2024 in UTC): a 2025 item."""
    NewsPageFactory(
        parent=tree.a1, title="元旦凌晨发布的动态", published_at=in_year(2025, 1, 1).replace(hour=2)
    )

    assert "元旦凌晨发布的动态" in text_of(page_ok(client, "/news/", year="2025"))
    assert "元旦凌晨发布的动态" not in text_of(page_ok(client, "/news/", year="2024"))


def test_filters_combine(news, client):
    assert listed(client, enterprise="group-a", field="energy", year="2025") == {"一院的储能动态"}
    assert listed(client, enterprise="group-a", tag="氢能") == {
        "集团A本部的氢能动态",
        "一院的装备动态",
    }
    assert listed(client, enterprise="group-b", tag="氢能") == set()


def test_filter_with_no_match_says_so(news, client):
    text = text_of(page_ok(client, "/news/", enterprise="group-b", field="energy"))

    assert "没有符合条件的内容" in text


def test_filters_apply_on_an_enterprise_sub_platform(news, tree, client):
    url = tree.group_a.url
    assert listed(client, url, field="energy") == {"集团A本部的氢能动态", "一院的储能动态"}
    assert listed(client, url, year="2023") == {"一院的装备动态"}
    assert listed(client, url, tag="储能") == {"一院的储能动态"}


def test_second_page_shows_the_next_items(tree, client):
    count = PAGE_SIZE + 3
    for n in range(count):
        # "第01条" is the newest, "第15条" the oldest.
        NewsPageFactory(
            parent=tree.a1, title=f"分页测试动态第{n + 1:02d}条", published_at=days_ago(n + 1)
        )
    first_page = [f"分页测试动态第{n:02d}条" for n in range(1, PAGE_SIZE + 1)]
    second_page = [f"分页测试动态第{n:02d}条" for n in range(PAGE_SIZE + 1, count + 1)]

    text = text_of(page_ok(client, "/news/"))
    assert all(title in text for title in first_page)
    assert not any(title in text for title in second_page)
    assert "page=2" in text, "the first page should link to the second"

    text = text_of(page_ok(client, "/news/", page="2"))
    assert all(title in text for title in second_page)
    assert not any(title in text for title in first_page)


def test_page_links_keep_the_filters(tree, client, fields):
    for n in range(PAGE_SIZE + 1):
        NewsPageFactory(parent=tree.a1, title=f"能源动态{n}", tech_fields=[fields["energy"]])

    text = text_of(page_ok(client, "/news/", field="energy"))

    assert "field=energy&page=2" in text


def test_enterprise_sub_platform_pages_its_items(tree, client):
    for n in range(PAGE_SIZE + 2):
        NewsPageFactory(
            parent=tree.a1, title=f"子平台分页动态第{n + 1:02d}条", published_at=days_ago(n + 1)
        )

    text = text_of(page_ok(client, tree.a1.url, page="2"))

    assert "子平台分页动态第14条" in text
    assert "子平台分页动态第01条" not in text
