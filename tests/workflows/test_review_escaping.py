"""What an editor types never runs on a reviewer's screen or in a review mail.

Editors choose titles, summaries and their own display names; reviewers write
comments. All of it reaches other people's admin screens and mailboxes, so a
title such as ``<script>alert(1)</script>`` must arrive there as text: escaped
in HTML (dashboard, reports, history, editor, preview, modal, HTML mail) and
verbatim, never entity-encoded, in plain text (mail subjects and text bodies).
``{{ 7*7 }}`` checks that nothing renders editor text as a template.
"""

import json
from html import escape
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse

from tests.workflows.test_review import action_url, draft_news, html_of, mails_to, submit

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
TEMPLATE = "{{ 7*7 }}"
TITLE = f"储能{SCRIPT}{IMG}{TEMPLATE}"
SUMMARY = f"摘要{SCRIPT}{IMG}{TEMPLATE}"
COMMENT = f"<b>请补充</b>{SCRIPT}{IMG}{TEMPLATE}"
EDITOR_SURNAME = "<i>郑</i>"
REVIEWER_SURNAME = "<u>周</u>"

# The start of each piece of markup: none may reach an HTML screen as a tag.
TAGS = ("<script>alert(1)", "<img src=x", "<b>请补充", "<i>郑", "<u>周")


def assert_shown_as_text(html, *texts, where):
    """``texts`` appear escaped in ``html`` and no editor or reviewer markup appears as a tag."""
    for tag in TAGS:
        assert tag not in html, f"{where}: {tag!r} reaches the page unescaped"
    for text in texts:
        assert escape(text) in html, f"{where}: {text!r} is not shown (escaped)"


def assert_plain_text(text, *texts, where):
    """Plain text (mail subject, text body) carries the text verbatim, not entity-encoded.

    TITLE and COMMENT end in ``{{ 7*7 }}``: finding them verbatim also shows
    that they were not rendered as a template.
    """
    for expected in texts:
        assert expected in text, f"{where}: {expected!r} missing or altered"
    assert "&lt;" not in text and "&gt;" not in text, f"{where}: HTML entities in plain text"


@pytest.fixture
def named(people):
    """The conftest's people, a1_editor and groupa_reviewer with markup in their surnames."""
    for user, surname in (
        (people.a1_editor, EDITOR_SURNAME),
        (people.groupa_reviewer, REVIEWER_SURNAME),
    ):
        user.last_name = surname
        user.save(update_fields=["last_name"])
    return people


@pytest.fixture
def submitted(tree, named, workflow):
    """a1_editor has submitted a news item whose title and summary carry markup."""
    page = draft_news(tree.a1, title=TITLE, summary=SUMMARY)
    state = submit(page, named.a1_editor)
    return SimpleNamespace(page=page, state=state, task_state=state.current_task_state)


def decide(client, submitted, reviewer, action, comment):
    """The reviewer approves or rejects through the workflow action URL, as the dashboard does."""
    client.force_login(reviewer)
    mail.outbox.clear()
    response = client.post(
        action_url(submitted.page, action, submitted.task_state), {"comment": comment}
    )
    assert response.status_code == 302
    return response


def test_submission_mail_shows_title_and_submitter_as_text(submitted, named):
    [message] = mails_to(named.groupa_reviewer)
    assert_plain_text(message.subject, TITLE, where="submission subject")
    assert "\n" not in message.subject
    assert_plain_text(message.body, TITLE, EDITOR_SURNAME, where="submission text body")
    assert_shown_as_text(html_of(message), TITLE, EDITOR_SURNAME, where="submission HTML body")


def test_approval_mail_shows_the_comment_as_text(submitted, named, client):
    decide(client, submitted, named.groupa_reviewer, "approve", COMMENT)
    [message] = mails_to(named.a1_editor)
    assert_plain_text(message.subject, TITLE, where="approval subject")
    assert_plain_text(message.body, TITLE, COMMENT, REVIEWER_SURNAME, where="approval text body")
    assert_shown_as_text(
        html_of(message), TITLE, COMMENT, REVIEWER_SURNAME, where="approval HTML body"
    )


def test_rejection_mail_shows_the_comment_as_text(submitted, named, client):
    decide(client, submitted, named.groupa_reviewer, "reject", COMMENT)
    [message] = mails_to(named.a1_editor)
    assert_plain_text(message.subject, TITLE, where="rejection subject")
    assert_plain_text(message.body, TITLE, COMMENT, REVIEWER_SURNAME, where="rejection text body")
    assert_shown_as_text(
        html_of(message), TITLE, COMMENT, REVIEWER_SURNAME, where="rejection HTML body"
    )


def test_dashboard_awaiting_review_panel_shows_title_as_text(submitted, named, client):
    client.force_login(named.groupa_reviewer)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), TITLE, where="dashboard")


@pytest.mark.parametrize(
    "report", ["wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"]
)
def test_workflow_reports_show_title_as_text(submitted, named, client, report):
    client.force_login(named.groupa_reviewer)
    response = client.get(reverse(report))
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), TITLE, where=report)


def test_workflow_history_shows_title_and_comment_as_text(submitted, named, client):
    """The history pages, read by the editor the comment is for.

    Group reviewers hold no page permission on a subsidiary's pages, so these
    pages (which ask ``can_edit``) are the editor's.
    """
    decide(client, submitted, named.groupa_reviewer, "reject", COMMENT)
    client.force_login(named.a1_editor)
    page_id = submitted.page.pk
    for name, args in [
        ("wagtailadmin_pages:workflow_history", [page_id]),
        ("wagtailadmin_pages:workflow_history_detail", [page_id, submitted.state.pk]),
        ("wagtailadmin_pages:history", [page_id]),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        body = response.content.decode()
        assert_shown_as_text(body, TITLE, where=name)
        if name != "wagtailadmin_pages:workflow_history":  # the listing shows no comments
            assert_shown_as_text(body, COMMENT, where=name)


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_action_modal_renders_without_editor_markup(submitted, named, client, action):
    client.force_login(named.groupa_reviewer)
    response = client.get(action_url(submitted.page, action, submitted.task_state))
    assert response.status_code == 200
    modal = json.loads(response.content)
    assert modal["step"] == "action"
    assert 'name="comment"' in modal["html"]
    assert_shown_as_text(modal["html"], where=f"{action} modal")


def test_reviewer_editor_and_preview_show_title_and_summary_as_text(submitted, named, client):
    client.force_login(named.groupa_reviewer)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[submitted.page.pk]),
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[submitted.page.pk, submitted.task_state.task_id],
        ),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(response.content.decode(), TITLE, SUMMARY, where=url)


def test_secrecy_hold_modal_shows_the_hit_context_as_text(tree, named, workflow, client):
    """保密审查 quotes the editor's text around each hit: as text, like everything else."""
    page = draft_news(tree.a1, title=f"秘密★1年{SCRIPT}{IMG}", summary=SUMMARY)
    state = submit(page, named.a1_editor)
    held = SimpleNamespace(page=page, state=state, task_state=state.current_task_state)
    decide(client, held, named.groupa_reviewer, "approve", "")
    state.refresh_from_db()
    hold = state.current_task_state
    assert hold is not None and hold.task.specific.__class__.__name__ == "SecrecyCheckTask"
    for action in ("clear", "reject"):
        response = client.get(action_url(page, action, hold))
        assert response.status_code == 200, action
        modal = json.loads(response.content)["html"]
        assert "【秘密★1年】" in modal
        assert_shown_as_text(modal, "<script>alert(1)", where=f"secrecy {action} modal")
