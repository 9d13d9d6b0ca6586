"""The reviewer's inbox says how long each item has waited, the longest-waiting first.

A group reviewer opening the dashboard should see at a glance which
submissions have been sitting for days (先审后发: nothing goes live until they
decide) and deal with those first.
"""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import TaskState

from tests.factories import make_listing
from workflows.dashboard import Waiting, working_days_between
from workflows.submission import submit_for_review

# A Wednesday afternoon, so that "five working days ago" is unambiguous.
NOW = timezone.make_aware(datetime.datetime(2025, 6, 18, 15, 0))


def submitted(org, title, *, ago):
    """A1's editor submitted a listing ``ago`` before now (its review task started then)."""
    listing = make_listing("instrument", org.a1, title=title, live=False)
    submit_for_review([listing], org.a1_editor)
    state = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).latest("pk")
    TaskState.objects.filter(pk=state.pk).update(started_at=timezone.now() - ago)
    return listing


def inbox_rows(client):
    html = client.get("/admin/").content.decode()
    panel = html.split('id="awaiting-review-content"', 1)[1].split("</table>", 1)[0]
    return panel.split("<tr>")[2:]  # after the header row


def test_reviewer_sees_how_long_each_item_has_waited_oldest_first(org, client):
    submitted(org, "刚提交的电镜", ago=datetime.timedelta(minutes=20))
    submitted(org, "等了五小时的试验台", ago=datetime.timedelta(hours=5))
    submitted(org, "等了八天的发生器", ago=datetime.timedelta(days=8))
    client.force_login(org.groupa_reviewer)

    rows = inbox_rows(client)

    titles = [
        re.search(r"(刚提交的电镜|等了五小时的试验台|等了八天的发生器)", r).group(1) for r in rows
    ]
    assert titles == ["等了八天的发生器", "等了五小时的试验台", "刚提交的电镜"], "oldest first"
    assert "已等待 8 天" in rows[0]
    assert "已等待 5 小时" in rows[1]
    assert "已等待 不到 1 小时" in rows[2]


def test_items_waiting_more_than_three_working_days_stand_out(org, client):
    submitted(org, "等了八天的发生器", ago=datetime.timedelta(days=8))
    submitted(org, "昨天提交的电镜", ago=datetime.timedelta(days=1))
    client.force_login(org.groupa_reviewer)

    old, recent = inbox_rows(client)

    assert "data-waiting-overdue" in old and "超过 3 个工作日" in old
    assert "data-waiting-overdue" not in recent and "超过" not in recent


def test_other_groups_reviewer_sees_no_waiting_items_of_group_a(org, client):
    submitted(org, "等了八天的发生器", ago=datetime.timedelta(days=8))
    client.force_login(org.groupb_reviewer)

    html = client.get("/admin/").content.decode()

    assert "等了八天的发生器" not in html
    assert "已等待" not in html


def test_the_waiting_column_costs_no_query_per_row(org, client):
    """The label comes from the task state the panel already loads."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(org.groupa_reviewer)
    submitted(org, "待审仪器0", ago=datetime.timedelta(days=1))
    client.get("/admin/")
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/")
    for n in range(1, 5):
        submitted(org, f"待审仪器{n}", ago=datetime.timedelta(days=n + 1))
    with CaptureQueriesContext(connection) as five:
        client.get("/admin/")
    # Wagtail's own rows cost a few queries each (tests/workflows/test_inbox_queries.py).
    assert (len(five) - len(one)) / 4 <= 5


# --- Counting working days ------------------------------------------------------


@pytest.mark.parametrize(
    "started, expected_working_days, overdue",
    [
        (NOW - datetime.timedelta(hours=3), 0, False),  # this afternoon
        (NOW - datetime.timedelta(days=2), 2, False),  # Monday → Wednesday
        (NOW - datetime.timedelta(days=5), 3, False),  # Friday before: Mon, Tue, Wed
        (NOW - datetime.timedelta(days=6), 4, True),  # Thursday before: Fri, Mon, Tue, Wed
        (NOW - datetime.timedelta(days=21), 15, True),  # three weeks
    ],
)
def test_a_weekend_does_not_count_against_the_reviewer(started, expected_working_days, overdue):
    waiting = Waiting(started, NOW)

    assert waiting.working_days == expected_working_days
    assert waiting.overdue is overdue


def test_labels_say_days_or_hours():
    assert Waiting(NOW - datetime.timedelta(days=3, hours=5), NOW).label == "3 天"
    assert Waiting(NOW - datetime.timedelta(hours=5, minutes=59), NOW).label == "5 小时"
    assert Waiting(NOW - datetime.timedelta(minutes=5), NOW).label == "不到 1 小时"
    # A clock a little ahead never shows a negative wait.
    assert Waiting(NOW + datetime.timedelta(minutes=5), NOW).label == "不到 1 小时"


def test_threshold_is_a_setting(settings):
    settings.REVIEW_WAITING_WARNING_WORKING_DAYS = 1

    assert Waiting(NOW - datetime.timedelta(days=2), NOW).overdue


def test_working_days_span_whole_weeks():
    monday = datetime.date(2025, 6, 16)
    assert working_days_between(monday, monday) == 0
    assert working_days_between(monday, monday + datetime.timedelta(days=7)) == 5
    assert working_days_between(monday, monday + datetime.timedelta(days=12)) == 9
