"""Chinese at /, English at /en/: the skeleton's English copies and translated articles."""

import re

import pytest

from pages.translation import translate_page
from tests.factories import NewsPageFactory
from tests.utils import page_ok, text_of


def html_lang(response):
    match = re.search(r'<html[^>]*\blang="([^"]+)"', text_of(response))
    return match.group(1) if match else None


def test_home_is_chinese(site, client):
    response = page_ok(client, "/")

    assert html_lang(response) == "zh-Hans"
    assert "中央企业技术创新信息平台" in text_of(response)


def test_english_home_is_english_with_translated_sections(site, client):
    response = page_ok(client, "/en/")
    text = text_of(response)

    assert html_lang(response) == "en"
    for title in (
        "S&T News",
        "Major Achievements",
        "Management Experience",
        "Technology Trends",
        "Notices",
        "Enterprise Sub-platforms",
    ):
        assert title in text, f"the English home does not name the section {title}"


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/en/news/", "S&T News"),
        ("/en/achievements/", "Major Achievements"),
        ("/en/experience/", "Management Experience"),
        ("/en/trends/", "Technology Trends"),
        ("/en/notices/", "Notices"),
        ("/en/enterprises/", "Enterprise Sub-platforms"),
    ],
)
def test_english_sections_are_served_in_english(site, client, url, title):
    response = page_ok(client, url)

    assert html_lang(response) == "en"
    assert title in text_of(response)


@pytest.fixture
def translated_news(tree):
    """A news item of A1 with its English translation, and one left in Chinese only."""
    item = NewsPageFactory(
        parent=tree.a1, title="示例能源建成氢能示范站", summary="示范站日加氢能力达 1000 公斤。"
    )
    NewsPageFactory(parent=tree.a1, title="只有中文版的科技动态")
    english = translate_page(
        item,
        tree.site.en,
        {
            "示例能源建成氢能示范站": "Example Energy opens a hydrogen demonstration station",
            "示范站日加氢能力达 1000 公斤。": "The station refuels 1,000 kg of hydrogen a day.",
        },
    ).specific
    assert english.live
    return item, english


def test_english_translation_of_an_article_is_listed_in_english(translated_news, client):
    text = text_of(page_ok(client, "/en/news/"))

    assert "Example Energy opens a hydrogen demonstration station" in text
    assert "The station refuels 1,000 kg of hydrogen a day." in text
    assert "示例能源建成氢能示范站" not in text
    assert "只有中文版的科技动态" not in text, "Chinese items do not appear on the English listing"


def test_chinese_listing_shows_chinese_items_only(translated_news, client):
    text = text_of(page_ok(client, "/news/"))

    assert "示例能源建成氢能示范站" in text
    assert "Example Energy opens a hydrogen demonstration station" not in text


def test_english_translation_keeps_its_owning_enterprise(translated_news, tree):
    _item, english = translated_news

    assert english.specific.owning_enterprise == tree.a1.enterprise


def test_english_article_is_served_in_english(translated_news, client):
    _item, english = translated_news

    response = page_ok(client, english.url)

    assert english.url.startswith("/en/")
    assert html_lang(response) == "en"
    assert "Example Energy opens a hydrogen demonstration station" in text_of(response)


def test_language_switch_links_to_the_translation(translated_news, client):
    item, english = translated_news

    chinese_page = text_of(page_ok(client, item.url))
    english_page = text_of(page_ok(client, english.url))

    assert f'href="{english.url}"' in chinese_page
    assert f'href="{item.url}"' in english_page


def test_language_switch_without_translation_goes_to_the_english_home(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="只有中文版的科技动态")

    text = text_of(page_ok(client, item.url))

    assert 'href="/en/"' in text
