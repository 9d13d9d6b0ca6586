"""保密审查 again at go-live: a scheduled item is scanned when ``publish_scheduled`` runs.

The story: an item was approved and scheduled for next Monday. On Friday the
regulator adds the code name of a classified project to the sensitive terms,
and the item happens to name it. When Monday comes, the item must not go
online; the platform administrators hear about it; an item whose hit a
reviewer had already cleared as a false positive goes live as decided.
"""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from tests.workflows.test_review import draft_news
from workflows.models import SensitiveTerm
from workflows.secrecy.scheduled import SCHEDULE_HELD
from workflows.secrecy.task import CLEAR

pytestmark = pytest.mark.django_db

CODE_NAME = "青鸾工程"


def scheduled(page, user, *, summary):
    """Save a revision of ``page`` with ``summary`` and schedule it as if approved an hour ago."""
    page.summary = summary
    revision = page.save_revision(user=user)
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save(update_fields=["approved_go_live_at"])
    return revision


def test_clean_scheduled_item_goes_live(tree, people):
    page = draft_news(tree.a1, title="能源一院储能装置通过验收")
    scheduled(page, people.superuser, summary="装置连续运行七十二小时，各项指标达到设计要求。")

    call_command("publish_scheduled", stdout=io.StringIO())

    page.refresh_from_db()
    assert page.live


def test_item_naming_a_term_added_after_approval_is_held_at_go_live(tree, people):
    page = draft_news(tree.a1, title="能源一院储能装置通过验收")
    revision = scheduled(page, people.superuser, summary=f"该装置为{CODE_NAME}配套研制。")
    SensitiveTerm.objects.create(term=CODE_NAME)
    mail.outbox.clear()

    call_command("publish_scheduled", stdout=io.StringIO())

    page.refresh_from_db()
    revision.refresh_from_db()
    assert not page.live
    assert revision.approved_go_live_at is None  # off the schedule: a later run publishes nothing
    held = PageLogEntry.objects.get(page=page, action=SCHEDULE_HELD)
    assert held.revision_id == revision.pk
    assert CODE_NAME in str(held.data["findings"])
    admin_mail = [m for m in mail.outbox if people.superuser.email in m.to]
    assert len(admin_mail) == 1
    assert CODE_NAME in admin_mail[0].body and "能源一院储能装置通过验收" in admin_mail[0].body

    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.live


def test_dry_run_changes_nothing(tree, people):
    page = draft_news(tree.a1, title="能源一院储能装置通过验收")
    revision = scheduled(page, people.superuser, summary=f"该装置为{CODE_NAME}配套研制。")
    SensitiveTerm.objects.create(term=CODE_NAME)

    call_command("publish_scheduled", "--dryrun", stdout=io.StringIO())

    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    assert not PageLogEntry.objects.filter(page=page, action=SCHEDULE_HELD).exists()


def test_a_hit_cleared_by_a_reviewer_goes_live_as_decided(tree, people):
    page = draft_news(tree.a1, title="材料老化机理研究取得进展")
    revision = scheduled(
        page, people.superuser, summary="示例能源研究院团队揭开材料老化的秘密，成果已公开发表。"
    )
    PageLogEntry.objects.log_action(
        instance=page, action=CLEAR, revision=revision, user=people.groupa_reviewer
    )

    call_command("publish_scheduled", stdout=io.StringIO())

    page.refresh_from_db()
    assert page.live
