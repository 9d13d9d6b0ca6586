"""A reader and an editor walk the site in a real browser.

Each step asserts what the person sees; the screenshots under
tests/screenshots/ are for looking at, not for comparing pixels.
"""

import re

import pytest

pytestmark = pytest.mark.browser


def test_reader_finds_news_of_a_group_and_reads_it_in_both_languages(
    demo_server, desktop, screenshot
):
    page = desktop
    page.goto(demo_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    nav = page.get_by_role("navigation", name="主导航")
    for section in (
        "科技动态",
        "重大科技成就",
        "管理经验",
        "国内外技术动态",
        "通知公告",
        "企业子平台",
    ):
        assert nav.get_by_role("link", name=section, exact=True).is_visible()
    screenshot(page, "home-zh-desktop")

    # The first Tab stop is the skip link, and it leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"

    nav.get_by_role("link", name="科技动态", exact=True).click()
    page.wait_for_url(re.compile(r"/news/$"))
    page.select_option("#filter-enterprise", "group-a")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"enterprise=group-a"))
    cards = page.locator("main .card__title a")
    assert cards.count() > 0
    screenshot(page, "news-filtered-group-a")

    title = cards.first.inner_text()
    cards.first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title
    screenshot(page, "news-article-zh")

    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(re.compile(r"/en/"))
    assert page.locator("html").get_attribute("lang") == "en"
    screenshot(page, "after-language-switch-en")


def test_reader_downloads_the_attachment_of_a_notice(demo_server, desktop, screenshot):
    page = desktop
    page.goto(demo_server.url + "/notices/")
    page.locator("main a[href*='/notices/']").filter(has_text="通知").first.click()
    body = page.locator("main").inner_text()
    assert "文号" in body and "发文机关" in body
    attachment = page.locator(".attachments a").first
    download = page.request.get(demo_server.url + attachment.get_attribute("href"))
    assert download.ok
    assert len(download.body()) > 0
    screenshot(page, "notice-zh")


def test_mobile_reader_opens_the_menu_at_360px(demo_server, mobile, screenshot):
    page = mobile
    page.goto(demo_server.url + "/")
    toggle = page.locator(".nav-toggle")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#site-nav").get_by_role("link", name="通知公告").is_visible()
    # Nothing overflows sideways at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "home-zh-mobile-menu-open")


def test_english_site_lists_english_content(demo_server, desktop, screenshot):
    page = desktop
    page.goto(demo_server.url + "/en/news/")
    assert page.locator("html").get_attribute("lang") == "en"
    titles = page.locator("main .card__title a").all_inner_texts()
    assert titles, "the English news listing shows translated items"
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in titles)
    screenshot(page, "news-en-desktop")


def test_editor_creates_a_news_draft_in_the_chinese_admin(demo_server, desktop, screenshot):
    page = desktop
    page.goto(demo_server.url + "/admin/login/")
    page.fill("input[name=username]", "a1_editor")
    page.fill("input[name=password]", "ceti-demo-2026")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    screenshot(page, "admin-dashboard-a1-editor")

    # The page explorer opens on the editor's own sub-platform.
    page.goto(demo_server.url + "/admin/pages/")
    assert "示例能源新能源有限公司" in page.locator("h1, header").first.inner_text()
    page.locator("a[href$='/add_subpage/']").first.click()
    page.get_by_role("link", name="科技动态").first.click()
    page.fill("#id_title", "示例新能源浏览器测试稿件")
    page.fill("#id_summary", "一条由浏览器测试写下的草稿。")
    page.locator("[data-streamfield-stream-container] button").first.click()
    page.get_by_role("option", name="段落").click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("示例新能源在浏览器中写下的第一段正文。")
    page.get_by_role("tab", name="分类").click()
    page.get_by_label("新能源").check()
    screenshot(page, "admin-news-form-classification")
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert "已创建" in page.locator(".messages").inner_text()

    saved = demo_server.shell(
        "from pages.models import NewsPage;"
        "p = NewsPage.objects.get(title='示例新能源浏览器测试稿件');"
        "r = p.get_latest_revision_as_object();"
        "print(p.live, p.enterprise.code, [f.slug for f in r.tech_fields.all()], r.body[0].block_type)"
    )
    # A draft, owned by the sub-platform it was written in, with its field and body.
    assert saved == "False a1 ['new-energy'] paragraph"
