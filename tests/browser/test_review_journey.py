"""集团审核 in a real browser: a subsidiary's news item goes through its group's review.

a1_editor (示例新能源, a subsidiary of 集团 A) writes and submits; groupb_reviewer
(集团 B) neither sees nor can act on it; groupa_reviewer finds it in "等待你的审查",
approves it and the public site shows it; a second item is sent back with a
comment that a1_editor then reads in the admin. Every step saves a screenshot
(tests/screenshots/review-*.png) and asserts what the person sees; the
database is asked (``demo_server.shell``) only for what no screen shows.

The two tests at the end pin bugs of approving from the page editor that this
journey found (a spurious revision by the reviewer that maker-checker then
refused; an access error after the redirect), fixed in pages/forms.py and
workflows/wagtail_hooks.py.
"""

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser

SUBSIDIARY = "示例能源新能源有限公司"
DECLARATION = "本信息不涉及国家秘密和企业商业秘密"
APPROVED_TITLE = "示例新能源深远海风电运维机器人完成海上测试"
REJECTED_TITLE = "示例新能源氢能储运示范项目启动"
REJECTION_COMMENT = "请补充项目来源"


@contextmanager
def signed_in(browser, demo_server, username):
    """A fresh browser session of ``username``, logged in at /admin/ (Chinese admin)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(demo_server.url + "/admin/login/")
        page.get_by_label("用户名").fill(username)
        # Wagtail leaves the password label untranslated ("Password").
        page.locator("input[name=password]").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.wait_for_url(re.compile(r"/admin/$"))
        yield page
    finally:
        context.close()


def write_and_submit_news(page, demo_server, title, screenshot, shot):
    """a1_editor writes a 科技动态 item in their own sub-platform and submits it for review.

    Returns the admin edit path of the new page.
    """
    # The page explorer opens on the editor's own sub-platform.
    page.goto(demo_server.url + "/admin/pages/")
    expect(page.locator("header").first).to_contain_text(SUBSIDIARY)
    page.get_by_role("link", name="添加子页面").click()
    page.get_by_role("link", name="科技动态", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/add/pages/newspage/\d+/$"))

    page.get_by_role("textbox", name="标题").fill(title)
    page.get_by_role("textbox", name="摘要").fill(f"{title}。浏览器审核流程测试的摘要。")
    page.locator("[data-streamfield-stream-container] button").first.click()
    page.get_by_role("option", name="段落").click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("项目由示例新能源牵头实施，数据均已公开发布。")
    # Draftail copies its content into the form a moment after typing stops.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("牵头实施"))
    page.get_by_role("checkbox", name=DECLARATION).check()
    screenshot(page, shot)

    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name="提交给集团审核").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.locator(".messages")).to_contain_text("已创建并提交审核")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
    expect(row).to_contain_text("审核中")
    return row.get_by_role("link", name=title, exact=True).get_attribute("href")


def awaiting_review(page):
    """The dashboard panel "等待你的审查" (Wagtail's "Awaiting your review")."""
    return page.get_by_role("region", name="等待你的审查")


def open_workflow_action(page, action):
    """Open a review action from the editor footer's dropdown; returns its modal dialog."""
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name=action, exact=True).click()
    dialog = page.locator(".modal-dialog")
    expect(dialog.get_by_role("textbox", name="评论")).to_be_visible()
    page.wait_for_timeout(400)  # let the modal finish fading in for the screenshot
    return dialog


def test_group_reviewer_approves_subsidiary_news_and_readers_see_it(
    demo_server, browser, screenshot
):
    with signed_in(browser, demo_server, "a1_editor") as page:
        edit_path = write_and_submit_news(
            page, demo_server, APPROVED_TITLE, screenshot, "review-01-editor-create"
        )
        screenshot(page, "review-02-editor-submitted")
    page_id = re.search(r"/admin/pages/(\d+)/edit/$", edit_path).group(1)

    # The other group's reviewer: not in their inbox, and the editor URL gives nothing.
    with signed_in(browser, demo_server, "groupb_reviewer") as page:
        expect(page.get_by_role("link", name=APPROVED_TITLE)).to_have_count(0)
        screenshot(page, "review-03-other-group-dashboard")
        page.goto(demo_server.url + edit_path)
        expect(page.locator(".messages")).to_contain_text("没有权限")
        assert not page.url.endswith(edit_path)
        expect(page.get_by_role("button", name="审核通过")).to_have_count(0)
        expect(page.get_by_role("textbox", name="标题")).to_have_count(0)
        screenshot(page, "review-04-other-group-edit-refused")

    # The group's own reviewer finds it in their inbox and approves it with a comment.
    with signed_in(browser, demo_server, "groupa_reviewer") as page:
        inbox = awaiting_review(page)
        expect(inbox.get_by_role("link", name=APPROVED_TITLE)).to_be_visible()
        screenshot(page, "review-05-reviewer-dashboard")
        inbox.get_by_role("link", name=APPROVED_TITLE).click()
        page.wait_for_url(re.compile(re.escape(edit_path) + "$"))
        dialog = open_workflow_action(page, "审核通过并留言")
        dialog.get_by_role("textbox", name="评论").fill("数据核实无误，同意发布。")
        screenshot(page, "review-06-reviewer-approve-modal")
        dialog.get_by_role("button", name="审核通过并留言").click()
        page.wait_for_url(re.compile(r"/admin/(pages/\d+/)?$"))
        expect(page.locator(".messages")).to_contain_text(APPROVED_TITLE)
        expect(awaiting_review(page).get_by_role("link", name=APPROVED_TITLE)).to_have_count(0)
        page.wait_for_timeout(500)  # let the messages finish sliding in for the screenshot
        screenshot(page, "review-07-reviewer-after-approval")

    # On record: who submitted, who approved with what comment, and the automatic
    # confidentiality check that let the clean item go live at once.
    recorded = demo_server.shell(
        "from pages.models import NewsPage;"
        f"p = NewsPage.objects.get(pk={page_id});"
        "s = p.workflow_states.get();"
        "print(p.live, s.status, s.requested_by.username);"
        "[print(t.task.name, t.status, getattr(t.finished_by, 'username', None), t.comment)"
        " for t in s.task_states.order_by('pk')]"
    )
    assert recorded.splitlines() == [
        "True approved a1_editor",
        "集团审核 approved groupa_reviewer 数据核实无误，同意发布。",
        "保密审查 approved None 自动检查未发现密级标志或敏感词。",
    ]

    # An anonymous reader finds it on the home page and in the 科技动态 listing.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(demo_server.url + "/")
        expect(page.get_by_role("link", name=APPROVED_TITLE).first).to_be_visible()
        page.goto(demo_server.url + "/news/")
        expect(page.locator("main .card__title a").first).to_have_text(APPROVED_TITLE)
        screenshot(page, "review-08-public-news-listing")
        page.locator("main .card__title a").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(APPROVED_TITLE)
        expect(page.locator("main")).to_contain_text(SUBSIDIARY)
        screenshot(page, "review-09-public-article")
    finally:
        context.close()


def test_rejected_news_comes_back_to_the_editor_with_the_comment(demo_server, browser, screenshot):
    with signed_in(browser, demo_server, "a1_editor") as page:
        edit_path = write_and_submit_news(
            page, demo_server, REJECTED_TITLE, screenshot, "review-10-editor-create-second"
        )

    with signed_in(browser, demo_server, "groupa_reviewer") as page:
        awaiting_review(page).get_by_role("link", name=REJECTED_TITLE).click()
        page.wait_for_url(re.compile(re.escape(edit_path) + "$"))
        dialog = open_workflow_action(page, "退回修改")
        dialog.get_by_role("textbox", name="评论").fill(REJECTION_COMMENT)
        screenshot(page, "review-11-reviewer-reject-modal")
        dialog.get_by_role("button", name="退回修改").click()
        page.wait_for_url(re.compile(r"/admin/(pages/\d+/)?$"))
        expect(awaiting_review(page).get_by_role("link", name=REJECTED_TITLE)).to_have_count(0)

    with signed_in(browser, demo_server, "a1_editor") as page:
        # "Your pages in a workflow" lists the item as sent back ("请求的更改").
        mine = page.get_by_role("row").filter(
            has=page.get_by_role("link", name=REJECTED_TITLE, exact=True), has_text="集团审核"
        )
        expect(mine).to_contain_text("请求的更改")
        screenshot(page, "review-12-editor-dashboard-changes-requested")

        # In the editor, the status panel's details show the reviewer's comment.
        page.goto(demo_server.url + edit_path)
        page.get_by_role("button", name="状态开关").click()
        page.get_by_role("button", name="查看详情").click()
        status = page.get_by_role("dialog", name="集团审核")
        expect(status).to_contain_text(REJECTION_COMMENT)
        expect(status).to_contain_text("文博 周")
        screenshot(page, "review-13-editor-sees-comment")

        # The page history records it too, under the reviewer's name.
        page.goto(demo_server.url + edit_path)
        page.get_by_role("link", name="历史").click()
        page.wait_for_url(re.compile(r"/history/$"))
        entry = page.get_by_role("row").filter(has_text=REJECTION_COMMENT)
        expect(entry).to_contain_text("文博 周")
        screenshot(page, "review-14-editor-history-comment")

    assert (
        demo_server.shell(
            "from pages.models import NewsPage;"
            f"p = NewsPage.objects.get(title='{REJECTED_TITLE}');"
            "print(p.live, p.current_workflow_state.status)"
        )
        == "False needs_changes"
    )


def approve_in_editor(page, title):
    """groupa_reviewer opens ``title`` from the inbox and clicks 审核通过 in the editor footer."""
    awaiting_review(page).get_by_role("link", name=title).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name="审核通过", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/(pages/\d+/)?$"))
    page.wait_for_timeout(500)  # let the messages finish sliding in


def test_reviewer_approves_a_seeded_item_in_the_editor(demo_server, browser, screenshot):
    with signed_in(browser, demo_server, "groupa_reviewer") as page:
        # A seeded item of 示例电科院 (A2), awaiting 集团 A's review (not the one 保密审查 holds,
        # whose 集团审核 is already ticked: the inbox lists the oldest first).
        own_items = page.get_by_role("link", name=re.compile("^示例电科院"))
        seeded = (
            awaiting_review(page)
            .get_by_role("row")
            .filter(has=own_items)
            .filter(has_not=page.locator(".icon-success"))
            .first.get_by_role("link", name=re.compile("^示例电科院"))
            .first
        )
        title = seeded.inner_text()
        approve_in_editor(page, title)
        screenshot(page, "review-15-reviewer-approves-seeded-item")
        expect(page.locator(".messages")).not_to_contain_text("没有权限", timeout=1000)
    assert (
        demo_server.shell(
            f"from pages.models import ArticlePage; print(ArticlePage.objects.get(title='{title}').live)"
        )
        == "True"
    )


def test_reviewer_is_not_shown_an_access_error_after_approving(demo_server, browser, screenshot):
    title = "示例新能源海上制氢平台完成联调"
    with signed_in(browser, demo_server, "a1_editor") as page:
        write_and_submit_news(page, demo_server, title, screenshot, "review-16-editor-create-third")
    with signed_in(browser, demo_server, "groupa_reviewer") as page:
        approve_in_editor(page, title)
        expect(page.locator(".messages")).to_contain_text(title)  # "已被更新": it was approved
        screenshot(page, "review-17-reviewer-access-error-after-approval")
        expect(page.locator(".messages")).not_to_contain_text("没有权限", timeout=1000)
