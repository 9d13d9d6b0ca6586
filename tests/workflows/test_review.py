"""集团审核: the right group reviews, mails and sees each submission, nobody else.

The people and their roles come from ``conftest.py`` in this folder.
"""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import (
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from tests.factories import NewsPageFactory, TrendPageFactory
from tests.utils import text_of
from workflows.secrecy.task import SecrecyCheckTask
from workflows.tasks import GroupReviewTask, ensure_review_workflow

pytestmark = pytest.mark.django_db


def submit(page, user):
    """The editor saves a revision and submits it, as the 提交审核 button does."""
    page.save_revision(user=user)
    mail.outbox.clear()
    return page.get_workflow().start(page, user)


def draft_news(parent, **kwargs):
    return NewsPageFactory(parent=parent, live=False, **kwargs)


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def moderated_by(user):
    return set(TaskState.objects.reviewable_by(user).values_list("pk", flat=True))


@pytest.fixture
def submitted(tree, people, workflow):
    """a1_editor has submitted a news item of 能源一院 (subsidiary of 集团 A)."""
    page = draft_news(tree.a1, title="能源一院完成新型储能装置调试")
    state = submit(page, people.a1_editor)
    return SimpleNamespace(page=page, state=state, task_state=state.current_task_state)


def test_one_review_workflow_covers_every_enterprise(tree, workflow):
    assert workflow.name == "集团审核"
    assert [task.specific.__class__ for task in workflow.tasks] == [
        GroupReviewTask,
        SecrecyCheckTask,
    ]
    assert draft_news(tree.a1).get_workflow() == workflow
    assert draft_news(tree.group_b).get_workflow() == workflow
    assert ensure_review_workflow() == workflow  # idempotent
    assert Workflow.objects.filter(name="集团审核").count() == 1


def test_group_reviewer_is_mailed_and_sees_subsidiary_submission(submitted, people, client):
    assert [m.to for m in mail.outbox] == [[people.groupa_reviewer.email]] or {
        tuple(m.to) for m in mail.outbox
    } == {(people.groupa_reviewer.email,), (people.groupa_reviewer2.email,)}
    message = mails_to(people.groupa_reviewer)[0]
    assert "能源一院完成新型储能装置调试" in message.subject
    assert "能源一院" in message.body
    assert submitted.task_state.pk in moderated_by(people.groupa_reviewer)

    client.force_login(people.groupa_reviewer)
    assert "能源一院完成新型储能装置调试" in text_of(client.get(reverse("wagtailadmin_home")))


def test_other_group_reviewer_gets_no_mail_does_not_see_it_and_cannot_approve(
    submitted, people, client
):
    for outsider in (people.groupb_reviewer, people.regulator_reviewer, people.superuser):
        assert mails_to(outsider) == []
        assert submitted.task_state.pk not in moderated_by(outsider)
    assert mails_to(people.a1_editor) == []

    client.force_login(people.groupb_reviewer)
    assert "能源一院完成新型储能装置调试" not in text_of(client.get(reverse("wagtailadmin_home")))
    response = client.post(
        action_url(submitted.page, "approve", submitted.task_state), {"comment": ""}
    )
    assert response.status_code in (302, 403)
    submitted.task_state.refresh_from_db()
    submitted.page.refresh_from_db()
    assert submitted.task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not submitted.page.live


def test_other_group_reviewer_cannot_approve_by_pairing_own_page_with_foreign_task_state(
    submitted, tree, people, client
):
    own = draft_news(tree.group_b, title="示例装备自己的稿件")
    submit(own, people.groupb_editor)
    client.force_login(people.groupb_reviewer)
    # The URL names B's page (which B may approve) but A's task state.
    response = client.post(action_url(own, "approve", submitted.task_state), {"comment": ""})
    assert response.status_code in (302, 403)
    submitted.task_state.refresh_from_db()
    assert submitted.task_state.status == TaskState.STATUS_IN_PROGRESS


def test_group_reviewer_approves_and_submitter_is_told(submitted, people, client):
    client.force_login(people.groupa_reviewer)
    mail.outbox.clear()
    response = client.post(
        action_url(submitted.page, "approve", submitted.task_state), {"comment": ""}
    )
    assert response.status_code == 302
    submitted.page.refresh_from_db()
    assert submitted.page.live
    [message] = mails_to(people.a1_editor)
    assert "审核通过" in message.subject
    assert "groupa_reviewer" in message.body
    assert len(mail.outbox) == 1, "Wagtail's own approval mail must not go out as well"


def test_approve_with_comment_sends_the_comment(submitted, people, client):
    client.force_login(people.groupa_reviewer)
    client.post(
        action_url(submitted.page, "approve", submitted.task_state),
        {"comment": "数据核实无误，同意发布。"},
    )
    [message] = mails_to(people.a1_editor)
    assert "数据核实无误，同意发布。" in message.body
    assert "数据核实无误，同意发布。" in html_of(message)


def test_reject_with_comment_returns_item_to_submitter(submitted, people, client):
    client.force_login(people.groupa_reviewer)
    mail.outbox.clear()
    client.post(
        action_url(submitted.page, "reject", submitted.task_state),
        {"comment": "请补充试验数据来源。"},
    )
    submitted.state.refresh_from_db()
    submitted.page.refresh_from_db()
    assert submitted.state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not submitted.page.live
    [message] = mails_to(people.a1_editor)
    assert "退回修改" in message.subject
    assert "请补充试验数据来源。" in message.body
    assert len(mail.outbox) == 1, "Wagtail's own rejection mail must not go out as well"


def test_rejection_at_a_later_step_tells_the_earlier_reviewer(tree, people, workflow):
    two_steps = Workflow.objects.create(name="两级审核")
    WorkflowTask.objects.create(workflow=two_steps, task=workflow.tasks.first(), sort_order=0)
    WorkflowTask.objects.create(
        workflow=two_steps, task=GroupReviewTask.objects.create(name="集团复核"), sort_order=1
    )
    WorkflowPage.objects.create(page=tree.a1, workflow=two_steps)
    page = draft_news(tree.a1)
    state = submit(page, people.a1_editor)
    state.current_task_state.specific.task.specific.on_action(
        state.current_task_state, people.groupa_reviewer, "approve"
    )
    state.refresh_from_db()
    mail.outbox.clear()
    state.current_task_state.task.specific.on_action(
        state.current_task_state,
        people.groupa_reviewer2,
        "reject",
        comment="复核未通过：涉及未公开数据。",
    )
    assert mails_to(people.a1_editor)
    [earlier] = mails_to(people.groupa_reviewer)
    assert "复核未通过：涉及未公开数据。" in earlier.body
    assert mails_to(people.groupa_reviewer2) == []


def test_submitter_who_is_also_reviewer_cannot_approve_own_submission(
    tree, people, client, workflow
):
    people.a1_editor.groups.add(people.groups.a_reviewers)
    page = draft_news(tree.a1)
    state = submit(page, people.a1_editor)
    task = state.current_task_state.task.specific
    assert task.get_actions(page, people.a1_editor) == []
    assert mails_to(people.a1_editor) == []

    client.force_login(people.a1_editor)
    client.post(action_url(page, "approve", state.current_task_state), {"comment": ""})
    state.current_task_state.refresh_from_db()
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task.get_actions(page, people.groupa_reviewer) != []


def test_reviewer_who_edited_the_latest_revision_cannot_approve_it(submitted, people):
    task = submitted.task_state.task.specific
    submitted.page.save_revision(user=people.groupa_reviewer)
    assert task.get_actions(submitted.page, people.groupa_reviewer) == []
    assert task.get_actions(submitted.page, people.groupa_reviewer2) != []


def test_regulator_content_goes_to_regulator_reviewers_only(tree, people, workflow, client):
    trend = TrendPageFactory(parent=tree.site.trends, live=False, title="国外固态电池研究进展")
    state = submit(trend, people.regulator_editor)
    assert {tuple(m.to) for m in mail.outbox} == {(people.regulator_reviewer.email,)}
    task_state = state.current_task_state
    assert task_state.pk in moderated_by(people.regulator_reviewer)
    for group_reviewer in (people.groupa_reviewer, people.groupb_reviewer):
        assert task_state.pk not in moderated_by(group_reviewer)
        assert task_state.task.specific.get_actions(trend, group_reviewer) == []

    client.force_login(people.regulator_reviewer)
    client.post(action_url(trend, "approve", task_state), {"comment": ""})
    trend.refresh_from_db()
    assert trend.live


def test_reviewers_see_only_their_group_in_the_workflow_report(submitted, tree, people, client):
    other = draft_news(tree.group_b, title="示例装备的稿件")
    submit(other, people.groupb_editor)
    client.force_login(people.groupa_reviewer)
    body = text_of(client.get(reverse("wagtailadmin_reports:workflow")))
    assert "能源一院完成新型储能装置调试" in body
    assert "示例装备的稿件" not in body


def test_submitter_can_cancel_a_workflow_in_progress(submitted, people):
    assert submitted.state.user_can_cancel(people.a1_editor)
    submitted.state.cancel(user=people.a1_editor)
    submitted.state.refresh_from_db()
    assert submitted.state.status == WorkflowState.STATUS_CANCELLED
    assert submitted.task_state.pk not in moderated_by(people.groupa_reviewer)


def test_reviewer_may_cancel_other_group_reviewer_may_not(submitted, people):
    assert submitted.state.user_can_cancel(people.groupa_reviewer)
    assert not submitted.state.user_can_cancel(people.groupb_reviewer)
    submitted.state.cancel(user=people.groupa_reviewer)
    assert submitted.state.status == WorkflowState.STATUS_CANCELLED


def test_titles_are_escaped_in_mail_and_dashboard(tree, people, workflow, client):
    title = '<script>alert("x")</script>储能'
    page = draft_news(tree.a1, title=title)
    state = submit(page, people.a1_editor)
    message = mails_to(people.groupa_reviewer)[0]
    assert "<script>" not in html_of(message)
    assert "&lt;script&gt;" in html_of(message)

    client.force_login(people.groupa_reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "&lt;script&gt;alert" in dashboard
    assert '<script>alert("x")' not in dashboard

    client.post(action_url(page, "reject", state.current_task_state), {"comment": "<b>请修改</b>"})
    [rejection] = mails_to(people.a1_editor)
    assert "<script>" not in html_of(rejection)
    assert "<b>请修改</b>" not in html_of(rejection)
    assert "&lt;b&gt;请修改&lt;/b&gt;" in html_of(rejection)
