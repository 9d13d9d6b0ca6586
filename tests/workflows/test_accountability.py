"""谁上网、谁审核、谁负责: staff see who submitted, who approved and when an item went online.

The record is shown in the page editor's 审核记录 tab; it is read from the
workflow and the audit log, so what it says is what happened.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import NewsPageFactory
from tests.utils import text_of
from tests.workflows.test_audit import decide, draft, published_through_review, submit
from workflows.accountability import accountability_record

pytestmark = pytest.mark.django_db


def editor_page(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response


def test_published_item_shows_submitter_approver_and_publication_time(org, client):
    page = published_through_review(org, "能源一院完成新型储能装置调试", comment="同意发布。")

    record = accountability_record(page)
    assert "a1_editor" in record.current.submitter
    assert "groupa_reviewer" in record.current.approval.by
    assert record.current.approval.comment == "同意发布。"
    assert record.current.secrecy.kind == "ceti.secrecy.pass"
    assert record.first_published_at == page.first_published_at is not None
    assert record.enterprise == org.a1
    assert record.reviewing_group == "示例能源集团有限公司"

    body = text_of(editor_page(client, org.a1_editor, page))
    published = timezone.localtime(page.first_published_at).strftime("%Y-%m-%d %H:%M")
    for expected in (
        "审核记录",
        "信息采集人",
        "采集 张（a1_editor）",
        "终审人",
        "审核 李（groupa_reviewer）",
        "同意发布。",
        "自动检查通过",
        "上网时间",
        published,
        "示例能源第一研究院有限公司",
    ):
        assert expected in body, expected


def test_item_under_review_shows_its_submitter_and_no_approver_yet(org, client):
    page = draft(org.a1_page, "待审核的稿件")
    submit(page, org.a1_editor)

    record = accountability_record(page)
    assert record.current.status == "审核中"
    assert "a1_editor" in record.current.submitter
    assert record.current.approval is None
    assert record.first_published_at is None

    body = text_of(editor_page(client, org.groupa_reviewer, page))
    assert "采集 张（a1_editor）" in body
    assert "尚未审核通过" in body and "尚未发布" in body


def test_secrecy_clearance_names_the_reviewer_and_the_reason(org, client):
    page = draft(org.a1_page, "揭开材料老化的秘密", summary="本文揭开材料老化的秘密。")
    state = submit(page, org.a1_editor)
    decide(state, org.groupa_reviewer, "approve")
    decide(state, org.groupa_reviewer, "clear", "“秘密”为普通用语，不涉及国家秘密。")

    secrecy = accountability_record(page).current.secrecy
    assert secrecy.kind == "ceti.secrecy.clear"
    assert "groupa_reviewer" in secrecy.by
    assert secrecy.reason == "“秘密”为普通用语，不涉及国家秘密。"
    assert secrecy.findings >= 1

    body = text_of(editor_page(client, org.a1_editor, page))
    assert "确认误报" in body and "“秘密”为普通用语，不涉及国家秘密。" in body


def test_a_new_submission_keeps_the_record_of_the_live_version(org):
    page = published_through_review(org, "已上网的稿件", comment="第一次通过。")
    submit(page, org.a1_editor)

    record = accountability_record(page)
    assert record.current.status == "审核中" and record.current.approval is None
    assert record.published.approval.comment == "第一次通过。"
    assert record.published.secrecy.kind == "ceti.secrecy.pass"


def test_rejected_item_shows_who_returned_it_and_why(org):
    page = draft(org.a1_page, "需要补充的稿件")
    state = submit(page, org.a1_editor)
    decide(state, org.groupa_reviewer, "reject", "请补充试验数据来源。")

    record = accountability_record(page)
    assert record.current.status == "已退回修改"
    assert "groupa_reviewer" in record.current.rejection.by
    assert record.current.rejection.comment == "请补充试验数据来源。"


def test_item_never_submitted_names_its_author(org, admin_client):
    page = NewsPageFactory(parent=org.a1_page, live=False, title="草稿")
    page.save_revision(user=org.a1_editor)

    record = accountability_record(page)
    assert record.current is None
    assert "a1_editor" in record.author.by


def test_names_and_comments_are_escaped(org, client):
    org.a1_editor.first_name = "<b>张</b>"
    org.a1_editor.save()
    page = published_through_review(org, "<script>alert(1)</script>稿件", comment="<i>同意</i>")

    html = editor_page(client, org.a1_editor, page).content.decode()
    assert "&lt;b&gt;张&lt;/b&gt;" in html and "<b>张</b>" not in html
    assert "&lt;i&gt;同意&lt;/i&gt;" in html and "<i>同意</i>" not in html


def test_create_view_has_no_record_yet(org, client):
    client.force_login(org.a1_editor)
    url = reverse("wagtailadmin_pages:add", args=["pages", "newspage", org.a1_page.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "信息采集人" not in text_of(response)


def test_record_costs_a_fixed_number_of_queries(org, django_assert_max_num_queries):
    page = published_through_review(org, "已上网的稿件")
    submit(page, org.a1_editor)
    with django_assert_max_num_queries(8):
        accountability_record(page)
