"""The search page as a reader uses it: Chinese words, facets, highlights, sorting, pages."""

import pytest
from django.contrib.auth.models import Group
from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from pages.translation import translate_page
from tests.factories import (
    AchievementPageFactory,
    NewsPageFactory,
    TechFieldFactory,
    TrendPageFactory,
    in_year,
    make_listing,
)
from tests.utils import page_ok, text_of

pytestmark = pytest.mark.usefixtures("search_index")


def visible_text(client, url="/search/", **params):
    """The page as a reader reads it: tags (and so the <mark>s) removed, spaces collapsed."""
    return " ".join(strip_tags(text_of(page_ok(client, url, **params))).split())


def result_count(client, url="/search/", **params):
    return page_ok(client, url, **params).content.decode().count('class="card card--text"')


def test_a_chinese_term_inside_a_title_is_found(tree, client):
    NewsPageFactory(parent=tree.a1, title="示例电科院±800千伏特高压直流换流阀通过检测")
    NewsPageFactory(parent=tree.a1, title="示例能源海上风电项目并网")

    text = visible_text(client, "/search/", q="特高压 换流阀")

    assert "±800千伏" in text
    assert "海上风电项目并网" not in text
    assert "共找到 1 条结果" in text


def test_matched_words_are_marked_and_everything_else_escaped(tree, client):
    NewsPageFactory(
        parent=tree.a1,
        title="<script>alert(1)</script>氢能储运示范",
        summary='储氢瓶 <img src=x onerror="alert(2)">',
    )

    html = page_ok(client, "/search/", q="氢能储运 <b>").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark>氢能储运</mark>示范" in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "<b>" not in html


def test_an_unpublished_item_disappears_and_a_republished_one_returns(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="固态电池中试线投产")
    assert "固态电池中试线投产" in visible_text(client, "/search/", q="固态电池")

    item.unpublish()
    assert "固态电池中试线投产" not in visible_text(client, "/search/", q="固态电池")

    item.save_revision().publish()
    assert "固态电池中试线投产" in visible_text(client, "/search/", q="固态电池")


def test_a_draft_and_an_expired_item_are_never_found(tree, client):
    NewsPageFactory(parent=tree.a1, title="钠离子电池草稿", live=False)
    expired = NewsPageFactory(parent=tree.a1, title="钠离子电池旧闻")
    expired.live, expired.expired = False, True
    expired.save(update_fields=["live", "expired"])

    text = visible_text(client, "/search/", q="钠离子电池")

    assert "草稿" not in text
    assert "旧闻" not in text


def test_a_private_item_never_appears(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="内部交流的燃气轮机材料")
    PageViewRestriction.objects.create(page=item, restriction_type="login")
    restricted_section = NewsPageFactory(parent=tree.a1, title="燃气轮机保密专题")
    PageViewRestriction.objects.create(
        page=restricted_section, restriction_type="groups"
    ).groups.add(Group.objects.create(name="内部"))

    text = visible_text(client, "/search/", q="燃气轮机")

    assert "内部交流" not in text
    assert "保密专题" not in text
    assert "没有找到相关内容" in text


def test_the_english_site_searches_english_content_only(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="示例能源建成氢能示范站", summary="示范站投运。")
    translate_page(
        item,
        tree.site.en,
        {
            "示例能源建成氢能示范站": "Example Energy opens a hydrogen station",
            "示范站投运。": "The hydrogen station is in service.",
        },
    )

    english = visible_text(client, "/en/search/", q="hydrogen stations")
    chinese_on_english_site = visible_text(client, "/en/search/", q="氢能")
    chinese = visible_text(client, "/search/", q="hydrogen")

    assert "Example Energy opens a hydrogen station" in english
    assert "示例能源建成氢能示范站" not in english
    assert "示例能源建成氢能示范站" not in chinese_on_english_site
    assert "Example Energy opens" not in chinese


def test_facets_count_streams_enterprises_fields_and_years(tree, client):
    storage = TechFieldFactory(slug="storage", name="储能")
    NewsPageFactory(parent=tree.a1, title="新型储能电站投运", published_at=in_year(2024))
    AchievementPageFactory(
        parent=tree.group_a,
        title="新型储能材料获奖",
        tech_fields=[storage],
        published_at=in_year(2025),
    )
    NewsPageFactory(parent=tree.group_b, title="新型储能装备下线", published_at=in_year(2025))

    html = page_ok(client, "/search/", q="新型储能").content.decode()
    text = visible_text(client, "/search/", q="新型储能")

    assert "共找到 3 条结果" in text
    assert "科技动态 2 条" in text
    assert "重大科技成就 1 条" in text
    assert "示例能源 2 条" in text  # the group counts its subsidiary's item
    assert "储能 1 条" in text
    assert "2025 2 条" in text
    assert "type=achievements" in html

    filtered = visible_text(client, "/search/", q="新型储能", type="news", year="2025")
    assert "共找到 1 条结果" in filtered
    assert "新型储能装备下线" in filtered

    by_field = visible_text(client, "/search/", q="新型储能", field="storage")
    assert "共找到 1 条结果" in by_field
    assert "新型储能材料获奖" in by_field


def test_results_sort_by_date_when_asked(tree, client):
    NewsPageFactory(parent=tree.a1, title="碳纤维旧成果", published_at=in_year(2023))
    NewsPageFactory(parent=tree.a1, title="碳纤维碳纤维新成果", published_at=in_year(2026, 1))

    by_date = visible_text(client, "/search/", q="碳纤维", sort="date")

    assert by_date.index("新成果") < by_date.index("旧成果")


def test_results_are_paged(tree, client):
    for n in range(12):
        TrendPageFactory(parent=tree.site.trends, title=f"工业互联网平台观察{n}")

    first = visible_text(client, "/search/", q="工业互联网")
    second = visible_text(client, "/search/", q="工业互联网", page="2")

    assert "共找到 12 条结果，第 1 / 2 页" in first
    assert "第 2 / 2 页" in second
    assert result_count(client, q="工业互联网") == 10
    assert result_count(client, q="工业互联网", page="2") == 2


BAD_QUERIES = [
    "",
    "   ",
    "氢" * 10_000,
    "a" * 10_000,
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"unbalanced',
    "特高压 AND NOT 换流阀",
    "NEAR(特高压 换流阀, 2)",
    "title:特高压 body:*",
    "-特高压 +换流阀 ^2 ~ (x) {y} [z]",
    "特高压 | 换流阀 & !储能 <-> :*",
    "🚀🔋😀",
    "特高压🚀",
    "\x00",
    "\\",
]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_bad_queries_give_a_normal_page(tree, client, prefix):
    NewsPageFactory(parent=tree.a1, title="特高压换流阀 hydrogen")
    failures = []
    for query in BAD_QUERIES:
        for extra in ({}, {"page": "abc"}, {"page": "-1"}, {"sort": "x", "year": "99999"}):
            response = client.get(f"{prefix}/search/", {"q": query, **extra})
            if response.status_code != 200:
                failures.append(f"q={query[:30]!r} {extra} → {response.status_code}")
    for raw in ("%ED%A0%80", "%ED%A0%80%E7%89%B9", "%FF%FE", "%F0%9F%9A%80"):
        response = client.get(f"{prefix}/search/?q={raw}&type={raw}&enterprise={raw}")
        if response.status_code != 200:
            failures.append(f"raw q={raw} → {response.status_code}")

    assert not failures, "search failed on:\n" + "\n".join(failures)


def test_a_search_page_costs_a_bounded_number_of_queries(
    tree, client, django_assert_max_num_queries
):
    field = TechFieldFactory(slug="grid", name="电网")
    for n in range(15):
        NewsPageFactory(parent=tree.a1, title=f"智能电网示范{n}", tech_fields=[field])
    enterprise = tree.a1.enterprise
    for n in range(5):
        make_listing("result", enterprise, title=f"智能电网成果{n}", tech_fields=[field])
    client.get("/search/", {"q": "智能电网"})  # warm: dictionary, site root, locales

    # Two sources (articles, listings), each: results, count and four facets.
    with django_assert_max_num_queries(24):
        page_ok(client, "/search/", q="智能电网", field="grid", sort="date", page="2")


def test_public_listings_are_found_beside_articles_and_link_to_their_page(tree, client):
    enterprise = tree.a1.enterprise
    NewsPageFactory(parent=tree.a1, title="固态储氢示范站投运")
    listing = make_listing("result", enterprise, title="大容量固态储氢装置")
    make_listing("result", enterprise, title="固态储氢草稿成果", live=False)
    make_listing("job", enterprise, title="固态储氢工程师", valid_until=in_year(2020).date())

    text = visible_text(client, "/search/", q="固态储氢")
    assert "固态储氢示范站投运" in text and "大容量固态储氢装置" in text
    assert "草稿成果" not in text, "a draft listing is never found"
    assert "固态储氢工程师" not in text, "a listing past its deadline is never found"
    html = page_ok(client, "/search/", q="固态储氢").content.decode()
    assert f"/results/{listing.pk}/" in html
    # The type facet narrows to listings of one kind.
    text = visible_text(client, "/search/", q="固态储氢", type="result")
    assert "大容量固态储氢装置" in text and "固态储氢示范站投运" not in text
