"""RSS feeds: one per section and one per enterprise sub-platform."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TrendPageFactory,
)


def rss_items(client, url):
    """(channel title, [(item title, link), …]) of the RSS feed at ``url``; fails unless valid RSS."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    items = [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]
    return channel.findtext("title"), items


@pytest.mark.parametrize(
    ("url", "factory", "where"),
    [
        ("/news/feed/", NewsPageFactory, "a1"),
        ("/achievements/feed/", AchievementPageFactory, "group_a"),
        ("/experience/feed/", ExperiencePageFactory, "group_b"),
        ("/trends/feed/", TrendPageFactory, "trends"),
        ("/notices/feed/", NoticePageFactory, "notices"),
    ],
)
def test_section_feed_lists_the_section_items(tree, client, url, factory, where):
    parent = getattr(tree, where, None) or getattr(tree.site, where)
    item = factory(parent=parent, title="订阅源中的一条内容")
    factory(parent=parent, title="订阅源不应出现的草稿", live=False)

    _title, items = rss_items(client, url)

    titles = [title for title, _link in items]
    assert titles == ["订阅源中的一条内容"]
    assert items[0][1] == f"http://testserver{item.url}", "items link to the article"


def test_news_feed_leaves_out_other_streams(tree, client):
    NewsPageFactory(parent=tree.a1, title="一条科技动态")
    AchievementPageFactory(parent=tree.a1, title="一项重大成就")

    channel_title, items = rss_items(client, "/news/feed/")

    assert channel_title == "科技动态"
    assert [title for title, _ in items] == ["一条科技动态"]


def test_group_feed_carries_its_subsidiaries_items(tree, client):
    NewsPageFactory(parent=tree.group_a, title="集团本部的动态")
    AchievementPageFactory(parent=tree.a1, title="一院的成就")
    NewsPageFactory(parent=tree.group_b, title="另一集团的动态")

    channel_title, items = rss_items(client, f"{tree.group_a.url}feed/")

    assert channel_title == "示例能源集团有限公司"
    assert {title for title, _ in items} == {"集团本部的动态", "一院的成就"}


def test_subsidiary_feed_carries_only_its_own_items(tree, client):
    NewsPageFactory(parent=tree.group_a, title="集团本部的动态")
    AchievementPageFactory(parent=tree.a1, title="一院的成就")

    _title, items = rss_items(client, f"{tree.a1.url}feed/")

    assert [title for title, _ in items] == ["一院的成就"]


def test_english_section_feed_is_english(tree, client):
    _title, items = rss_items(client, "/en/news/feed/")

    assert _title == "S&T News"
    assert items == []


def test_listing_advertises_its_feed(site, client):
    response = client.get("/news/")

    assert b'type="application/rss+xml"' in response.content
    assert b"/news/feed/" in response.content


def atom_entries(client, url):
    """(feed title, [(entry title, link), …]) of the Atom feed at ``url``; fails unless valid Atom."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = [
        (e.findtext("a:title", namespaces=ns), e.find("a:link", ns).get("href"))
        for e in root.findall("a:entry", ns)
    ]
    return root.findtext("a:title", namespaces=ns), entries


def test_sections_and_sub_platforms_also_have_atom_feeds(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="原子订阅源中的新闻")

    for url in ("/news/feed/atom/", f"{tree.group_a.url}feed/atom/", f"{tree.a1.url}feed/atom/"):
        _title, entries = atom_entries(client, url)
        assert ("原子订阅源中的新闻", f"http://testserver{item.url}") in entries, url


def test_directory_feeds_list_public_listings_only(site, client):
    import datetime

    from tests.factories import EnterpriseFactory, make_listing

    a1 = EnterpriseFactory(code="a1", short_name="能源一院")
    live = make_listing("instrument", a1, title="订阅源中的仪器")
    make_listing("instrument", a1, title="草稿仪器", live=False)
    make_listing(
        "job", a1, title="已截止岗位", valid_until=datetime.date.today() - datetime.timedelta(1)
    )
    make_listing("job", a1, title="订阅源中的岗位")

    _title, items = rss_items(client, "/resources/feed/")
    assert items == [("订阅源中的仪器", f"http://testserver/resources/instruments/{live.pk}/")]
    title, items = rss_items(client, "/supply-demand/jobs/feed/")
    assert "人才招聘" in title and [t for t, _l in items] == ["订阅源中的岗位"]
    _title, entries = atom_entries(client, "/resources/feed/atom/")
    assert [t for t, _l in entries] == ["订阅源中的仪器"]
    assert client.get("/resources/nothing/feed/").status_code == 404


def test_directories_advertise_their_feeds(site, client):
    html = client.get("/supply-demand/jobs/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/supply-demand/jobs/feed/"' in html
    assert 'href="/resources/feed/"' in client.get("/resources/").content.decode()
