"""保密审查 in the workflow: after group approval a clean item goes online, a suspect one is held.

The scanner itself is tested in test_secrecy.py; here the story is what the
people involved see and may do: the submitter's declaration, the automatic
pass, the hold with every hit in context, the return and the clearing of a
false positive with a written reason that is logged.
"""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState, WorkflowTask

from tests.utils import text_of
from tests.workflows.test_review import (
    action_url,
    draft_news,
    html_of,
    mails_to,
    moderated_by,
    submit,
)
from tests.workflows.test_secrecy import body, document
from workflows.secrecy.task import CLEAR, HOLD, PASSED, SecrecyCheckTaskState
from workflows.tasks import GroupReviewTask

pytestmark = pytest.mark.django_db

FALSE_POSITIVE = "示例能源研究院团队揭开材料老化的秘密，相关成果已公开发表。"


def approve_group_review(page, reviewer, client):
    """The group reviewer approves in the inbox; returns the workflow state afterwards."""
    state = page.current_workflow_state
    client.force_login(reviewer)
    response = client.post(action_url(page, "approve", state.current_task_state), {"comment": ""})
    assert response.status_code == 302
    state.refresh_from_db()
    page.refresh_from_db()
    return state


@pytest.fixture
def held(tree, people, workflow, client):
    """a1's news item says 秘密 in an innocent sense; group A has approved it; the check holds it."""
    page = draft_news(tree.a1, title="材料老化机理研究取得进展", summary=FALSE_POSITIVE)
    submit(page, people.a1_editor)
    mail.outbox.clear()
    state = approve_group_review(page, people.groupa_reviewer, client)
    return page, state, state.current_task_state.specific


def test_clean_item_passes_automatically_and_goes_online(tree, people, workflow, client):
    page = draft_news(tree.a1, title="能源一院完成储能装置调试", summary="装置连续运行七十二小时。")
    submit(page, people.a1_editor)

    state = approve_group_review(page, people.groupa_reviewer, client)

    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED
    check = SecrecyCheckTaskState.objects.get(workflow_state=state)
    assert check.status == TaskState.STATUS_APPROVED and check.finished_by is None
    assert check.findings == []
    assert PageLogEntry.objects.filter(page=page, action=PASSED).exists()
    [message] = mails_to(people.a1_editor)
    assert "系统自动检查" in message.body


def test_suspect_item_is_held_not_published(held, people):
    page, state, check = held

    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert check.status == TaskState.STATUS_IN_PROGRESS
    assert [hit["term"] for hit in check.findings] == ["秘密"]
    assert "【秘密】" in check.findings[0]["context"]
    assert PageLogEntry.objects.filter(page=page, action=HOLD).exists()


def test_hold_is_mailed_to_group_reviewers_and_submitter_with_the_hit(held, people):
    page, _state, _check = held
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {
        people.groupa_reviewer.email,
        people.groupa_reviewer2.email,
        people.a1_editor.email,
    }
    message = mails_to(people.groupa_reviewer2)[0]
    assert "保密审查" in message.subject
    assert "揭开材料老化的【秘密】" in message.body
    assert "揭开材料老化的【秘密】" in html_of(message)


def test_held_item_is_in_own_group_inbox_only(held, people, client):
    _page, _state, check = held
    assert check.pk in moderated_by(people.groupa_reviewer2)
    for outsider in (people.groupb_reviewer, people.regulator_reviewer, people.a1_editor):
        assert check.pk not in moderated_by(outsider)

    client.force_login(people.groupa_reviewer2)
    assert "材料老化机理研究取得进展" in text_of(client.get(reverse("wagtailadmin_home")))
    client.force_login(people.groupb_reviewer)
    assert "材料老化机理研究取得进展" not in text_of(client.get(reverse("wagtailadmin_home")))


def test_modal_shows_each_hit_in_context(held, people, client):
    page, _state, check = held
    client.force_login(people.groupa_reviewer2)

    response = client.get(action_url(page, "clear", check))

    assert response.status_code == 200
    html = response.json()["html"]
    assert "揭开材料老化的【秘密】" in html
    assert "确认误报的理由" in html


def test_clearing_needs_a_written_reason(held, people, client):
    page, state, check = held
    client.force_login(people.groupa_reviewer2)

    response = client.post(
        action_url(page, "clear", check),
        {"comment": "  "},
        headers={"x-requested-with": "XMLHttpRequest"},  # the modal posts as the browser does
    )

    check.refresh_from_db()
    page.refresh_from_db()
    assert check.status == TaskState.STATUS_IN_PROGRESS
    assert not page.live
    assert "请写明确认误报的理由" in response.json()["html"]


def test_footer_post_without_reason_is_refused(held, people, client):
    """The editor's footer posts actions without the modal's form: the reason is checked there too."""
    page, _state, check = held
    client.force_login(people.groupa_reviewer2)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(page, **{"action-workflow-action": "1", "workflow-action-name": "clear"}),
    )

    check.refresh_from_db()
    assert check.status == TaskState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live


def test_reviewer_clears_false_positive_with_reason_and_it_is_logged(held, people, client):
    page, state, check = held
    reason = "“秘密”出自“揭开材料老化的秘密”，为普通用语，成果已公开发表。"
    client.force_login(people.groupa_reviewer2)
    mail.outbox.clear()

    response = client.post(action_url(page, "clear", check), {"comment": reason})

    assert response.status_code == 302
    page.refresh_from_db()
    check.refresh_from_db()
    assert page.live
    assert check.status == TaskState.STATUS_APPROVED
    assert check.finished_by == people.groupa_reviewer2
    assert check.comment == reason
    entry = PageLogEntry.objects.get(page=page, action=CLEAR)
    assert entry.user == people.groupa_reviewer2
    assert entry.data["reason"] == reason
    assert entry.data["findings"][0]["term"] == "秘密"
    [message] = mails_to(people.a1_editor)
    assert reason in message.body


def test_reviewer_returns_held_item_with_reason(held, people, client):
    page, state, check = held
    client.force_login(people.groupa_reviewer2)
    mail.outbox.clear()

    client.post(action_url(page, "reject", check), {"comment": "请删去“秘密”一词后重新提交。"})

    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live
    [message] = mails_to(people.a1_editor)
    assert "请删去“秘密”一词后重新提交。" in message.body
    # The group reviewer who approved the first step hears of it too (wagtail#10196).
    assert mails_to(people.groupa_reviewer)


def test_other_group_and_submitter_cannot_clear(held, people, client):
    page, _state, check = held
    for user in (people.groupb_reviewer, people.a1_editor, people.regulator_reviewer):
        client.force_login(user)
        client.post(action_url(page, "clear", check), {"comment": "我认为这不是秘密。"})
        check.refresh_from_db()
        assert check.status == TaskState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live


def test_change_while_held_allows_only_return(held, people):
    """A clearance covers the scanned revision only: an edit during the hold cannot be cleared."""
    page, _state, check = held
    task = check.task.specific
    assert "clear" in [name for name, *_ in task.get_actions(page, people.groupa_reviewer2)]

    page.title = "材料老化机理研究取得进展（修订）"
    page.save_revision(user=people.groupa_reviewer)

    assert [name for name, *_ in task.get_actions(page, people.groupa_reviewer2)] == ["reject"]


def test_marking_in_a_linked_document_holds_the_item(tree, people, workflow, client):
    annex = document("annex.txt", "本文件为内部资料，注意保管。".encode("gb18030"))
    page = draft_news(
        tree.a1,
        title="储能装置测试报告发布",
        body=body(("paragraph", f'<p>详见<a linktype="document" id="{annex.pk}">附件</a>。</p>')),
    )
    submit(page, people.a1_editor)

    approve_group_review(page, people.groupa_reviewer, client)

    assert not page.live
    check = page.current_workflow_state.current_task_state.specific
    assert check.findings[0]["term"] == "内部资料"
    assert "annex.txt" in check.findings[0]["source"]


def test_hit_context_is_escaped_in_modal_and_mail(tree, people, workflow, client):
    page = draft_news(
        tree.a1, title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>机密"
    )
    submit(page, people.a1_editor)
    approve_group_review(page, people.groupa_reviewer, client)
    check = page.current_workflow_state.current_task_state.specific

    client.force_login(people.groupa_reviewer2)
    html = client.get(action_url(page, "reject", check)).json()["html"]
    assert "alert(1)&gt;【机密】" in html and "alert(1)>" not in html
    message = mails_to(people.groupa_reviewer2)[-1]
    assert "<script>" not in html_of(message) and "<img src=x" not in html_of(message)


def test_a_workflow_without_the_check_cannot_publish(tree, people, client):
    """Publication is refused unless 保密审查 passed the very revision: the approval is rolled back."""
    lone = Workflow.objects.create(name="只有集团审核", active=True)
    WorkflowTask.objects.create(workflow=lone, task=GroupReviewTask.objects.get(), sort_order=0)
    page = draft_news(tree.a1, title="未经保密审查的稿件")
    page.save_revision(user=people.a1_editor)
    state = lone.start(page, people.a1_editor)
    task_state = state.current_task_state
    client.force_login(people.groupa_reviewer)

    response = client.post(action_url(page, "approve", task_state), {"comment": ""})

    assert response.status_code in (302, 403)
    page.refresh_from_db()
    task_state.refresh_from_db()
    assert not page.live
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


# -- the secrecy declaration on submit -------------------------------------


def edit_post(page, **extra):
    """The fields of the news editor form as the browser posts them, plus ``extra``."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield(
                [("paragraph", rich_text("<p>装置连续运行七十二小时，各项指标达到设计要求。</p>"))]
            ),
            "tags": "",
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def test_submit_without_declaration_is_refused_and_keeps_the_text(tree, people, workflow, client):
    page = draft_news(tree.a1, title="能源一院储能装置调试完成")
    client.force_login(people.a1_editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(page, **{"action-submit": "1", "title": "能源一院储能装置调试顺利完成"}),
    )

    assert response.status_code == 200
    assert "提交审核前须确认" in text_of(response)
    assert "能源一院储能装置调试顺利完成" in response.content.decode()  # nothing typed is lost
    page.refresh_from_db()
    assert page.current_workflow_state is None


def test_submit_with_declaration_starts_review(tree, people, workflow, client):
    page = draft_news(tree.a1, title="能源一院储能装置调试完成")
    client.force_login(people.a1_editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(page, **{"action-submit": "1", "secrecy_declaration": "on"}),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert mails_to(people.groupa_reviewer)


def test_saving_a_draft_needs_no_declaration(tree, people, workflow, client):
    page = draft_news(tree.a1, title="能源一院储能装置调试完成")
    client.force_login(people.a1_editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(page, title="能源一院储能装置调试完成（草稿）"),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().title == "能源一院储能装置调试完成（草稿）"


def test_declaration_is_shown_in_the_editor(tree, people, client):
    page = draft_news(tree.a1)
    client.force_login(people.a1_editor)
    assert "本信息不涉及国家秘密和企业商业秘密" in text_of(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    )


# -- the platform administrator's own publish buttons --------------------------------


def test_platform_admin_cannot_publish_a_suspect_item_directly(tree, people, workflow, client):
    page = draft_news(tree.a1, title="储能材料研究进展")
    client.force_login(people.superuser)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(
            page,
            **{
                "action-publish": "1",
                "secrecy_declaration": "on",
                "summary": "本项目技术指标属机密，仅供内部参考。",
            },
        ),
        follow=True,
    )

    page.refresh_from_db()
    assert not page.live
    assert "不能直接发布" in text_of(response)
    assert "【机密】" in text_of(response)
    # Nothing typed is lost: the text is the latest draft.
    assert "属机密" in page.get_latest_revision().as_object().summary


def test_platform_admin_publishes_a_clean_item_directly(tree, people, workflow, client):
    page = draft_news(tree.a1, title="储能材料研究进展")
    client.force_login(people.superuser)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(page, **{"action-publish": "1", "secrecy_declaration": "on"}),
    )

    page.refresh_from_db()
    assert page.live


def test_bulk_publish_refuses_a_suspect_item(tree, people, workflow, client):
    page = draft_news(tree.a1, title="储能材料研究进展", summary="附件为内部资料。")
    page.save_revision(user=people.superuser)
    client.force_login(people.superuser)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    client.post(f"{url}?id={page.pk}")

    page.refresh_from_db()
    assert not page.live
