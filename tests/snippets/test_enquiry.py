"""对接意向: a reader sends an enquiry about a public listing; the enterprise gets it, abusers do not get far.

Stored, then mailed to the listing's contact with the reader as Reply-To; a
honeypot, a render timer, size and rate limits keep bots and floods out; the
admin shows each enquiry to its enterprise's editors and group reviewers only.
"""

import datetime
import time

import pytest
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from snippets.models import Enquiry, Listing
from snippets.views import enquiry as enquiry_view
from snippets.views.public import KIND_SLUGS
from tests.factories import EnterpriseFactory, make_listing
from tests.utils import text_of
from workflows.models import EnterpriseRole
from workflows.provisioning import provision_enterprise

READER = {
    "name": "赵读者",
    "organisation": "示例大学材料学院",
    "phone": "021-55556666",
    "email": "reader@example.edu.cn",
    "message": "我们希望就该设备开展委托检测合作，请联系。",
    "consent": "on",
}


def token_for(listing, *, seconds_ago=10):
    """The form's signed render time, as if the page was shown ``seconds_ago``."""
    return signing.dumps(
        {"l": listing.pk, "t": time.time() - seconds_ago}, salt=enquiry_view.SIGNING_SALT
    )


def url_of(listing, prefix=""):
    section = (
        "/resources/"
        if listing.kind in ("institution", "expert", "instrument", "result", "project")
        else "/supply-demand/"
    )
    return f"{prefix}{section}{KIND_SLUGS[listing.kind]}/{listing.pk}/"


def send(client, listing, *, ip="203.0.113.7", token=None, **fields):
    data = {**READER, "rendered": token or token_for(listing), **fields}
    return client.post(url_of(listing) + "enquiry/", data, REMOTE_ADDR=ip)


@pytest.fixture
def instrument(tree):
    return make_listing(
        "instrument", tree.a1.enterprise, title="场发射扫描电镜", contact_email="lab@a1.example.cn"
    )


def test_enquiry_is_stored_and_mailed_to_the_contact_with_the_reader_as_reply_to(
    instrument, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, instrument)

    assert response.status_code == 302
    assert response["Location"] == url_of(instrument) + "?enquiry=sent#enquiry"
    enquiry = Enquiry.objects.get()
    assert (enquiry.listing_id, enquiry.enterprise_id) == (instrument.pk, instrument.enterprise_id)
    assert enquiry.organisation == READER["organisation"]
    assert enquiry.ip_hash and "203.0.113.7" not in enquiry.ip_hash
    [message] = mail.outbox
    assert message.to == ["lab@a1.example.cn"]
    assert message.reply_to == [READER["email"]]
    assert message.subject == "对接意向：场发射扫描电镜"
    assert READER["message"] in message.body and READER["phone"] in message.body
    assert READER["email"] not in message.subject

    thanks = text_of(client.get(response["Location"]))
    assert "对接意向已提交，谢谢！" in thanks
    assert '<form class="enquiry__form"' not in thanks


def test_without_a_contact_address_the_enterprise_editors_get_the_mail(
    tree, django_user_model, client, django_capture_on_commit_callbacks
):
    a1 = tree.a1.enterprise
    provisioned = provision_enterprise(enterprise=a1, translate=False)
    editor = django_user_model.objects.create_user(
        username="a1_editor", email="editor@a1.example.cn", password="x-pass-2026"
    )
    editor.groups.add(provisioned.groups[EnterpriseRole.Role.EDITOR])
    listing = make_listing("job", a1, title="储能研究岗位")
    Listing.objects.filter(pk=listing.pk).update(contact_email="")

    with django_capture_on_commit_callbacks(execute=True):
        send(client, listing)

    assert [m.to for m in mail.outbox] == [["editor@a1.example.cn"]]


def test_html_in_the_enquiry_is_escaped_in_the_mail(
    instrument, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, instrument, message="<script>alert(1)</script> 请联系我们合作。")

    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_honeypot_filled_looks_like_success_but_keeps_nothing(
    instrument, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, instrument, website="http://spam.example")

    assert response.status_code == 302 and "enquiry=sent" in response["Location"]
    assert not Enquiry.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_too_fast_is_refused_and_keeps_the_input(instrument, client):
    response = send(client, instrument, token=token_for(instrument, seconds_ago=0))

    page = text_of(response)
    assert response.status_code == 200
    assert "提交过快" in page
    assert READER["organisation"] in page and READER["message"] in page
    assert not Enquiry.objects.exists()


def test_a_form_older_than_a_day_is_refused_with_a_fresh_timer(instrument, client, monkeypatch):
    day_ago = time.time() - 25 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: day_ago)
    old = token_for(instrument, seconds_ago=0)
    monkeypatch.undo()

    response = send(client, instrument, token=old)

    page = text_of(response)
    assert "页面打开已超过一天" in page
    assert old not in page  # a new render time: resending now is accepted after 3 s
    assert not Enquiry.objects.exists()


def test_a_forged_timer_is_refused(instrument, client):
    response = send(client, instrument, token="forged:token")

    assert "表单已失效" in text_of(response)
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "call me maybe", "请填写办公电话或手机号码"),
        ("email", "not-an-email", "请填写有效的电子邮箱地址"),
        ("message", "太短", "需求说明至少10个字"),
        ("message", "长" * 2001, "需求说明不能超过2000字"),
        ("name", "", "请填写此项"),
        ("consent", "", "请勾选同意后再提交"),
    ],
)
def test_bad_input_shows_the_error_and_keeps_what_was_typed(
    instrument, client, field, value, message
):
    response = send(client, instrument, **{field: value})

    page = text_of(response)
    assert response.status_code == 200
    assert message in page, page.split('id="enquiry"')[1][:2000]
    assert READER["organisation"] in page
    assert 'aria-invalid="true"' in page
    assert not Enquiry.objects.exists()


def test_a_body_over_16_kb_is_refused_before_the_form_is_read(instrument, client):
    response = send(client, instrument, message="长" * 6000)  # about 54 KB once encoded

    assert response.status_code == 413
    assert "超过了16 KB" in text_of(response)
    assert not Enquiry.objects.exists()


def test_one_enquiry_per_address_and_listing_in_ten_minutes(instrument, client):
    assert send(client, instrument).status_code == 302

    again = send(client, instrument)

    assert again.status_code == 429
    assert "提交过于频繁" in text_of(again)
    assert Enquiry.objects.count() == 1
    # Another reader is not held up.
    assert send(client, instrument, ip="198.51.100.9").status_code == 302


def test_five_enquiries_per_address_per_hour(tree, client):
    listings = [make_listing("product", tree.a1.enterprise, title=f"新产品{n}") for n in range(6)]

    answers = [send(client, listing).status_code for listing in listings]

    assert answers == [302] * 5 + [429]
    assert Enquiry.objects.count() == 5


def test_twenty_enquiries_per_address_per_day(instrument, client):
    ip_hash = enquiry_view.client_ip_hash(type("R", (), {"META": {"REMOTE_ADDR": "203.0.113.7"}})())
    # Twenty earlier enquiries today, spread over the day so no hourly window is full.
    cache.set(f"enquiry:ip-day:{ip_hash}", 20, 3600)

    assert send(client, instrument).status_code == 429
    assert send(client, instrument, ip="203.0.113.8").status_code == 302


def test_fifty_enquiries_per_listing_per_day(instrument, client):
    for n in range(50):
        assert send(client, instrument, ip=f"10.0.{n // 250}.{n % 250}").status_code == 302

    assert send(client, instrument, ip="10.9.9.9").status_code == 429
    assert Enquiry.objects.count() == 50


def test_an_expired_listing_takes_no_enquiries(tree, client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    challenge = make_listing("challenge", tree.a1.enterprise, valid_until=yesterday)

    response = send(client, challenge)

    assert response.status_code == 410
    assert "该信息已过有效期" in text_of(response)
    assert not Enquiry.objects.exists()


def test_a_draft_takes_no_enquiries(tree, client):
    draft = make_listing("challenge", tree.a1.enterprise, live=False)

    assert send(client, draft).status_code == 404
    assert not Enquiry.objects.exists()


def test_the_enquiry_address_answers_only_post(instrument, client):
    assert client.get(url_of(instrument) + "enquiry/").status_code == 405


def test_csrf_protection_is_kept(instrument):
    strict = Client(enforce_csrf_checks=True)

    response = send(strict, instrument)

    assert response.status_code == 403
    assert not Enquiry.objects.exists()


def test_a_line_break_in_the_title_cannot_add_mail_headers(
    instrument, client, django_capture_on_commit_callbacks
):
    Listing.objects.filter(pk=instrument.pk).update(
        title="场发射扫描电镜\r\nBcc: victim@example.com\nX-Injected: yes"
    )

    with django_capture_on_commit_callbacks(execute=True):
        send(client, instrument)

    [message] = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject
    headers = message.message()
    assert message.recipients() == [instrument.contact_email]
    assert headers["Bcc"] is None and headers["X-Injected"] is None


# --- the admin: enquiries of one's own enterprises only -------------------------------------


@pytest.fixture
def enquiries(site, django_user_model):
    """An enquiry about a listing of a1 (集团 A) and one of b1 (集团 B), with one account per role."""
    group_a = EnterpriseFactory(code="group-a", name="示例能源集团有限公司", short_name="示例能源")
    a1 = EnterpriseFactory(
        code="a1", name="示例能源第一研究院", short_name="能源一院", parent=group_a
    )
    group_b = EnterpriseFactory(code="group-b", name="示例装备集团有限公司", short_name="示例装备")
    b1 = EnterpriseFactory(
        code="b1", name="示例装备第一研究所", short_name="装备一所", parent=group_b
    )
    provisioned = {
        e.code: provision_enterprise(enterprise=e, translate=False)
        for e in (group_a, a1, group_b, b1)
    }

    def account(username, code, role):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.cn", password="x-pass-2026"
        )
        user.groups.add(provisioned[code].groups[role])
        return user

    editor, reviewer = EnterpriseRole.Role.EDITOR, EnterpriseRole.Role.REVIEWER
    users = {
        "a1_editor": account("a1_editor", "a1", editor),
        "groupa_reviewer": account("groupa_reviewer", "group-a", reviewer),
        "b1_editor": account("b1_editor", "b1", editor),
        "groupb_reviewer": account("groupb_reviewer", "group-b", reviewer),
        "admin": django_user_model.objects.create_superuser(
            username="platform_admin", email="platform_admin@example.cn", password="x-pass-2026"
        ),
    }

    def enquiry(enterprise, title):
        listing = make_listing("instrument", enterprise, title=title)
        return Enquiry.objects.create(
            listing=listing,
            listing_title=title,
            enterprise=enterprise,
            name="钱读者",
            organisation=f"{title}的询问单位",
            phone="010-11112222",
            email="qian@example.cn",
            message="希望了解设备的预约方式和收费标准。",
            consent=True,
        )

    return users, {"a1": enquiry(a1, "能源一院的电镜"), "b1": enquiry(b1, "装备一所的光谱仪")}


@pytest.mark.parametrize(
    ("username", "sees"),
    [
        ("a1_editor", {"a1"}),
        ("groupa_reviewer", {"a1"}),
        ("b1_editor", {"b1"}),
        ("groupb_reviewer", {"b1"}),
        ("admin", {"a1", "b1"}),
    ],
)
def test_admin_shows_an_enquiry_to_its_own_enterprise_and_group_only(
    enquiries, client, username, sees
):
    users, items = enquiries
    client.force_login(users[username])

    index = client.get("/admin/enquiries/")

    assert index.status_code == 200
    text = text_of(index)
    for key, item in items.items():
        inspect = client.get(f"/admin/enquiries/inspect/{item.pk}/")
        if key in sees:
            assert item.organisation in text
            assert inspect.status_code == 200 and item.phone in text_of(inspect)
        else:
            assert item.organisation not in text, f"{username} sees {key}'s enquiry"
            assert inspect.status_code == 404


def test_enquiries_are_read_only_in_the_admin(enquiries, client):
    users, items = enquiries
    item = items["a1"]
    for username in ("a1_editor", "admin"):
        client.force_login(users[username])
        assert client.get(f"/admin/enquiries/edit/{item.pk}/").status_code in (302, 403)
        assert client.post(f"/admin/enquiries/delete/{item.pk}/").status_code in (302, 403)
        assert client.get("/admin/enquiries/add/").status_code in (302, 403, 404)
    assert Enquiry.objects.filter(pk=item.pk).exists()


def test_accounts_without_an_enterprise_role_have_no_enquiry_menu(
    enquiries, django_user_model, client
):
    outsider = django_user_model.objects.create_user(username="outsider", password="x-pass-2026")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    assert client.get("/admin/enquiries/").status_code in (302, 403)
