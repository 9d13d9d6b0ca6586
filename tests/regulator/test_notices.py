"""通知回执 from the group companies' side: the dashboard panel and the one-click acknowledgement."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page

from regulator.models import NoticeAcknowledgement
from tests.regulator.conftest import login

DASHBOARD = "/admin/"


def ack_url(notice_id):
    return f"/admin/regulator/notices/{notice_id}/acknowledge/"


def dashboard(client, user):
    response = login(client, user).get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- who sees which notice on the dashboard -----------------------------------------------


@pytest.mark.parametrize("username", ["groupa_admin", "groupa_reviewer"])
def test_targeted_groups_administrator_and_reviewer_see_the_notice_on_their_dashboard(
    reg, notice, client, username
):
    notice(targets=[reg.group_a], title="关于报送年度科技创新计划的通知")
    html = dashboard(client, reg.users[username])
    assert "待回执的通知" in html
    assert "关于报送年度科技创新计划的通知" in html
    assert "确认收到" in html


def test_another_group_does_not_see_a_notice_sent_to_group_a(reg, notice, client):
    notice(targets=[reg.group_a], title="只发给示例能源的通知")
    html = dashboard(client, reg.users["groupb_admin"])
    assert "只发给示例能源的通知" not in html
    assert "待回执的通知" not in html


def test_a_notice_to_all_groups_reaches_every_group(reg, notice, client):
    notice(targets=[], title="发给全部集团公司的通知")
    for username in ("groupa_admin", "groupb_admin", "groupb_reviewer"):
        assert "发给全部集团公司的通知" in dashboard(client, reg.users[username])


@pytest.mark.parametrize(
    "username",
    ["groupa_editor", "a1_editor", "regulator_editor", "regulator_reviewer", "platform_admin"],
)
def test_editors_subsidiaries_and_the_regulator_have_nothing_to_acknowledge(
    reg, notice, client, username
):
    notice(targets=[], title="发给全部集团公司的通知")
    assert "待回执的通知" not in dashboard(client, reg.users[username])


def test_only_live_chinese_notices_with_a_deadline_ask_for_a_receipt(reg, notice, client):
    notice(deadline_in=None, title="无需回执的公告")
    notice(live=False, title="尚未发布的通知")
    withdrawn = notice(title="已撤回的通知")
    withdrawn.unpublish()
    html = dashboard(client, reg.users["groupa_admin"])
    assert "待回执的通知" not in html
    for title in ("无需回执的公告", "尚未发布的通知", "已撤回的通知"):
        assert title not in html


def test_english_translation_is_not_a_second_notice_to_acknowledge(reg, notice, client):
    from wagtail.models import Locale

    source = notice(targets=[reg.group_a], title="关于开展科技成果登记的通知")
    translation = source.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title = "Notice on registering research results"
    translation.save_revision().publish()
    html = dashboard(client, reg.users["groupa_admin"])
    assert "关于开展科技成果登记的通知" in html
    assert "Notice on registering research results" not in html


def test_overdue_notices_come_first_and_say_so(reg, notice, client):
    notice(deadline_in=10, title="下月截止的通知")
    notice(deadline_in=-3, title="上周截止的通知")
    html = dashboard(client, reg.users["groupa_admin"])
    assert html.index("上周截止的通知") < html.index("下月截止的通知")
    assert "已逾期" in html
    assert "剩 10 天" in html


# --- acknowledging --------------------------------------------------------------------------


def test_one_click_records_who_when_and_the_note_and_the_notice_leaves_the_dashboard(
    reg, notice, client
):
    item = notice(targets=[reg.group_a], title="关于报送年度科技创新计划的通知")
    login(client, reg.users["groupa_reviewer"])
    response = client.post(ack_url(item.pk), {"note": "已转发所属企业"})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert (
        "已回执：示例能源集团有限公司确认收到《关于报送年度科技创新计划的通知》。"
        in messages_of(response)
    )
    ack = NoticeAcknowledgement.objects.get()
    assert (ack.notice_id, ack.enterprise, ack.acknowledged_by) == (
        item.pk,
        reg.group_a,
        reg.users["groupa_reviewer"],
    )
    assert ack.note == "已转发所属企业"
    # The whole group has answered: the administrator has nothing left to do either.
    assert "待回执的通知" not in dashboard(client, reg.users["groupa_admin"])


def test_a_second_acknowledgement_changes_nothing_and_says_so(reg, notice, client):
    item = notice(targets=[reg.group_a], title="关于报送年度科技创新计划的通知")
    login(client, reg.users["groupa_reviewer"]).post(ack_url(item.pk), {"note": "第一次"})
    first = NoticeAcknowledgement.objects.get()
    response = login(client, reg.users["groupa_admin"]).post(ack_url(item.pk), {"note": "第二次"})
    assert response.status_code == 302
    [message] = messages_of(response)
    assert "已于" in message and "无需重复回执" in message
    again = NoticeAcknowledgement.objects.get()
    assert (again.pk, again.acknowledged_by, again.note, again.acknowledged_at) == (
        first.pk,
        reg.users["groupa_reviewer"],
        "第一次",
        first.acknowledged_at,
    )


def test_acknowledging_a_notice_not_sent_to_the_group_is_refused(reg, notice, client):
    item = notice(targets=[reg.group_a])
    response = login(client, reg.users["groupb_admin"]).post(ack_url(item.pk))
    assert response.status_code == 302
    assert messages_of(response) == ["该通知未发送给示例装备集团有限公司，无需回执。"]
    assert not NoticeAcknowledgement.objects.exists()


def test_acknowledging_for_another_group_is_refused(reg, notice, client):
    item = notice(targets=[])
    response = login(client, reg.users["groupb_admin"]).post(
        ack_url(item.pk), {"enterprise": reg.group_a.pk}
    )
    assert response.status_code == 302
    assert messages_of(response) == ["请选择代表哪家集团公司回执。"]
    assert not NoticeAcknowledgement.objects.exists()


def test_acknowledging_a_deleted_notice_says_it_is_gone(reg, notice, client):
    item = notice(targets=[reg.group_a])
    notice_id = item.pk
    Page.objects.get(pk=notice_id).delete()
    response = login(client, reg.users["groupa_admin"]).post(ack_url(notice_id))
    assert response.status_code == 302
    assert messages_of(response) == ["该通知不存在或已被删除，无需回执。"]
    assert login(client, reg.users["groupa_admin"]).get(ack_url(notice_id)).status_code == 404


def test_deleting_a_notice_deletes_its_acknowledgements(reg, notice, client):
    item = notice(targets=[reg.group_a])
    login(client, reg.users["groupa_admin"]).post(ack_url(item.pk))
    Page.objects.get(pk=item.pk).delete()
    assert not NoticeAcknowledgement.objects.exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("unpublish", "该通知已撤回，无需回执。"),
        ("no_deadline", "该通知不要求回执。"),
    ],
)
def test_acknowledging_a_withdrawn_notice_or_one_without_deadline_is_refused(
    reg, notice, client, setup, message
):
    item = notice(targets=[reg.group_a], deadline_in=None if setup == "no_deadline" else 7)
    if setup == "unpublish":
        item.unpublish()
    response = login(client, reg.users["groupa_admin"]).post(ack_url(item.pk))
    assert messages_of(response) == [message]
    assert not NoticeAcknowledgement.objects.exists()


def test_a_note_over_500_characters_is_refused(reg, notice, client):
    item = notice(targets=[reg.group_a])
    response = login(client, reg.users["groupa_admin"]).post(ack_url(item.pk), {"note": "长" * 501})
    assert messages_of(response) == ["备注不能超过 500 字。"]
    assert not NoticeAcknowledgement.objects.exists()


def test_acknowledging_after_the_deadline_is_recorded(reg, notice, client):
    item = notice(targets=[reg.group_a], deadline_in=-2)
    login(client, reg.users["groupa_admin"]).post(ack_url(item.pk))
    ack = NoticeAcknowledgement.objects.get()
    assert ack.is_late(item.deadline)


@pytest.mark.parametrize(
    "username", ["groupa_editor", "a1_editor", "regulator_editor", "platform_admin"]
)
def test_those_who_do_not_answer_for_a_group_cannot_acknowledge(reg, notice, client, username):
    item = notice(targets=[])
    client = login(client, reg.users[username])
    assert client.post(ack_url(item.pk)).status_code == 403
    assert client.get(ack_url(item.pk)).status_code == 403
    assert not NoticeAcknowledgement.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(reg, notice, client):
    item = notice(targets=[])
    response = client.post(ack_url(item.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not NoticeAcknowledgement.objects.exists()


def test_an_outside_next_url_is_ignored(reg, notice, client):
    item = notice(targets=[reg.group_a])
    response = login(client, reg.users["groupa_admin"]).post(
        ack_url(item.pk), {"next": "https://evil.example.com/"}
    )
    assert response["Location"] == DASHBOARD


def test_the_receipt_page_shows_the_notice_and_the_groups_own_state(reg, notice, client):
    item = notice(
        targets=[], title="关于开展科技成果登记的通知", doc_number="国资厅规划〔2026〕3号"
    )
    login(client, reg.users["groupb_admin"]).post(ack_url(item.pk), {"note": "装备已收到"})
    response = login(client, reg.users["groupa_admin"]).get(ack_url(item.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "国资厅规划〔2026〕3号" in html
    assert "示例能源集团有限公司" in html
    assert "确认收到" in html
    # Group B's acknowledgement is none of group A's business.
    assert "示例装备" not in html and "装备已收到" not in html


def test_the_receipt_page_of_a_notice_sent_elsewhere_is_not_found(reg, notice, client):
    item = notice(targets=[reg.group_b])
    assert login(client, reg.users["groupa_admin"]).get(ack_url(item.pk)).status_code == 404


def test_the_dashboard_panel_reads_a_bounded_number_of_queries(
    reg, notice, client, django_assert_max_num_queries
):
    login(client, reg.users["groupa_admin"])
    for _k in range(11):
        notice(targets=[])
    client.get(DASHBOARD)  # warm the site root paths cache
    with django_assert_max_num_queries(40) as eleven:
        client.get(DASHBOARD)
    for _k in range(14):
        notice(targets=[reg.group_a])
    with django_assert_max_num_queries(len(eleven.captured_queries)):
        response = client.get(DASHBOARD)
    html = response.content.decode()
    assert html.count("确认收到") == 10
    assert "另有 15 份通知待回执" in html
