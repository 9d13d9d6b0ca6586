"""联系表: filed by each group's administrator, read by the regulator, never public."""

import io

import openpyxl
import pytest
from django.contrib.messages import get_messages

from regulator.models import Contact, ContactChange, ContactRegistration
from tests.regulator.conftest import login

LIST = "/admin/regulator/contacts/"

COMPLETE = {
    "lead-name": "赵子平",
    "lead-post": "副总经理",
    "lead-phone": "010-68001234",
    "lead-email": "zhao@energy.example.cn",
    "st_head-name": "钱科技",
    "st_head-post": "科技部主任",
    "st_head-phone": "13812345678",
    "st_head-email": "qian@energy.example.cn",
    "sysadmin-name": "孙运维",
    "sysadmin-post": "信息中心工程师",
    "sysadmin-phone": "010-68001234-801",
    "sysadmin-email": "sun@energy.example.cn",
}


def page(enterprise):
    return f"{LIST}{enterprise.pk}/"


def post(client, enterprise, data, action="save"):
    return client.post(page(enterprise), {**data, "action": action})


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def workbook(response):
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def filed_a(reg, client):
    """Group A's 联系表, filed by its administrator."""
    response = post(login(client, reg.users["groupa_admin"]), reg.group_a, COMPLETE, "file")
    assert response.status_code == 302
    client.logout()
    return ContactRegistration.objects.get(enterprise=reg.group_a)


# --- filing -----------------------------------------------------------------------------------


def test_group_administrator_lands_on_their_own_form(reg, client):
    response = login(client, reg.users["groupa_admin"]).get(LIST)
    assert response.status_code == 302
    assert response["Location"] == page(reg.group_a)
    html = client.get(page(reg.group_a)).content.decode()
    assert "示例能源集团有限公司" in html
    for label in ("子平台负责人", "科技部门负责人", "系统管理员", "保存草稿", "报送"):
        assert label in html


def test_a_partial_draft_is_saved_but_not_filed(reg, client):
    client = login(client, reg.users["groupa_admin"])
    draft = {k: v for k, v in COMPLETE.items() if k.startswith("lead-")}
    response = post(client, reg.group_a, draft)
    assert response.status_code == 302
    assert messages_of(response) == ["联系表已保存。"]
    registration = ContactRegistration.objects.get(enterprise=reg.group_a)
    assert registration.status == ContactRegistration.Status.DRAFT
    assert list(registration.contacts.values_list("role", "name")) == [("lead", "赵子平")]


def test_filing_needs_all_three_contacts_complete(reg, client):
    client = login(client, reg.users["groupa_admin"])
    incomplete = {**COMPLETE, "sysadmin-email": "", "st_head-post": ""}
    response = post(client, reg.group_a, incomplete, "file")
    assert response.status_code == 200
    html = response.content.decode()
    assert "联系表未保存：报送需要三位联系人的全部信息" in html
    assert "报送前请填写电子邮箱。" in html
    assert "报送前请填写职务。" in html
    assert not ContactRegistration.objects.exists()


def test_filing_a_complete_form_files_it_and_logs_every_value(reg, client):
    client = login(client, reg.users["groupa_admin"])
    response = post(client, reg.group_a, COMPLETE, "file")
    assert messages_of(response) == ["联系表已报送。"]
    registration = ContactRegistration.objects.get(enterprise=reg.group_a)
    assert registration.is_filed and registration.filed_at
    assert registration.updated_by == reg.users["groupa_admin"]
    assert {c.role: c.is_complete for c in registration.contacts.all()} == {
        "lead": True,
        "st_head": True,
        "sysadmin": True,
    }
    [change] = ContactChange.objects.all()
    assert change.action == ContactChange.Action.FILE
    assert change.user == reg.users["groupa_admin"]
    assert {"role": "", "field": "status", "old": "draft", "new": "filed"} in change.changes
    assert {"role": "lead", "field": "name", "old": "", "new": "赵子平"} in change.changes


def test_a_change_is_logged_with_its_old_and_new_value_and_shown_in_the_history(
    reg, client, filed_a
):
    client = login(client, reg.users["groupa_admin"])
    response = post(client, reg.group_a, {**COMPLETE, "st_head-phone": "13900001111"})
    assert messages_of(response) == ["联系表已保存。"]
    latest = ContactChange.objects.first()
    assert latest.changes == [
        {"role": "st_head", "field": "phone", "old": "13812345678", "new": "13900001111"}
    ]
    assert ContactRegistration.objects.get(enterprise=reg.group_a).is_filed
    html = client.get(page(reg.group_a)).content.decode()
    assert "科技部门负责人 · 电话：13812345678 → 13900001111" in html
    assert "王管理（groupa_admin）" in html


def test_saving_without_changes_logs_nothing(reg, client, filed_a):
    client = login(client, reg.users["groupa_admin"])
    response = post(client, reg.group_a, COMPLETE)
    assert messages_of(response) == ["联系表没有修改。"]
    assert ContactChange.objects.count() == 1


def test_a_filed_form_cannot_lose_a_contact(reg, client, filed_a):
    client = login(client, reg.users["groupa_admin"])
    response = post(client, reg.group_a, {**COMPLETE, "sysadmin-name": ""})
    assert response.status_code == 200
    assert "报送前请填写姓名。" in response.content.decode()
    assert Contact.objects.get(registration=filed_a, role="sysadmin").name == "孙运维"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("lead-phone", "12345", "请填写有效的电话号码"),
        ("lead-phone", "010-1234", "请填写有效的电话号码"),
        ("lead-phone", "2381234567", "请填写有效的电话号码"),
        ("lead-email", "zhao@", "有效"),
        ("lead-email", "zhao.example.cn", "有效"),
    ],
)
def test_bad_phone_numbers_and_emails_are_refused(reg, client, field, value, error):
    client = login(client, reg.users["groupa_admin"])
    response = post(client, reg.group_a, {**COMPLETE, field: value})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("138 1234 5678", "13812345678"),
        ("+86 13812345678", "+8613812345678"),
        ("０１０－６８００１２３４", "010-68001234"),
        ("0755-26881234-12", "0755-26881234-12"),
    ],
)
def test_phone_numbers_as_people_type_them_are_accepted(reg, client, typed, stored):
    client = login(client, reg.users["groupa_admin"])
    response = post(client, reg.group_a, {**COMPLETE, "lead-phone": typed})
    assert response.status_code == 302
    assert Contact.objects.get(role="lead").phone == stored


# --- who sees whose ---------------------------------------------------------------------------


def test_a_group_administrator_never_reaches_another_groups_form(reg, client, filed_a):
    client = login(client, reg.users["groupb_admin"])
    assert client.get(page(reg.group_a)).status_code == 404
    response = post(client, reg.group_a, {**COMPLETE, "lead-name": "冒名"})
    assert response.status_code == 404
    assert Contact.objects.get(role="lead").name == "赵子平"
    # Their own landing page says nothing of group A.
    html = client.get(LIST, follow=True).content.decode()
    assert "赵子平" not in html and "示例能源集团有限公司" not in html


@pytest.mark.parametrize("username", ["groupa_reviewer", "groupa_editor", "a1_editor"])
def test_reviewers_and_editors_have_no_contact_views(reg, client, filed_a, username):
    client = login(client, reg.users[username])
    for url in (LIST, f"{LIST}?export=xlsx", page(reg.group_a)):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "赵子平" not in response.content.decode()
    assert post(client, reg.group_a, COMPLETE).status_code == 403


@pytest.mark.parametrize("username", ["regulator_editor", "regulator_reviewer", "platform_admin"])
def test_the_regulator_sees_every_group_including_those_that_filed_nothing(
    reg, client, filed_a, username
):
    response = login(client, reg.users[username]).get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "赵子平" in html and "13812345678" in html
    b = html.index("示例装备集团有限公司")
    assert "未填报" in html[b:]


def test_the_regulator_filters_the_groups_that_have_not_filed(reg, client, filed_a):
    html = login(client, reg.users["regulator_editor"]).get(f"{LIST}?status=none").text
    assert "示例装备集团有限公司" in html
    assert "赵子平" not in html


def test_the_regulator_reads_a_form_and_its_history_but_cannot_change_it(reg, client, filed_a):
    client = login(client, reg.users["regulator_reviewer"])
    html = client.get(page(reg.group_a)).content.decode()
    assert "赵子平" in html and "修改记录" in html and "报送" in html
    assert 'name="lead-name"' not in html
    assert post(client, reg.group_a, {**COMPLETE, "lead-name": "改名"}).status_code == 403
    assert Contact.objects.get(role="lead").name == "赵子平"


def test_the_platform_administrator_may_correct_a_form(reg, client, filed_a):
    client = login(client, reg.users["platform_admin"])
    response = post(client, reg.group_a, {**COMPLETE, "lead-post": "总经理"})
    assert response.status_code == 302
    assert Contact.objects.get(role="lead").post == "总经理"


def test_the_export_has_three_rows_per_group(reg, client, filed_a):
    rows = workbook(login(client, reg.users["regulator_editor"]).get(f"{LIST}?export=xlsx"))
    assert rows[0] == [
        "集团公司",
        "状态",
        "联系人类别",
        "姓名",
        "职务",
        "电话",
        "电子邮箱",
        "最后更新",
    ]
    assert [row[:7] for row in rows[1:]] == [
        [
            "示例能源集团有限公司",
            "已报送",
            "子平台负责人",
            "赵子平",
            "副总经理",
            "010-68001234",
            "zhao@energy.example.cn",
        ],
        [
            "示例能源集团有限公司",
            "已报送",
            "科技部门负责人",
            "钱科技",
            "科技部主任",
            "13812345678",
            "qian@energy.example.cn",
        ],
        [
            "示例能源集团有限公司",
            "已报送",
            "系统管理员",
            "孙运维",
            "信息中心工程师",
            "010-68001234-801",
            "sun@energy.example.cn",
        ],
        ["示例装备集团有限公司", "未填报", "子平台负责人", None, None, None, None],
        ["示例装备集团有限公司", "未填报", "科技部门负责人", None, None, None, None],
        ["示例装备集团有限公司", "未填报", "系统管理员", None, None, None, None],
    ]
    assert rows[1][7] is not None and rows[4][7] is None


def test_the_contact_list_reads_a_bounded_number_of_queries(
    reg, client, filed_a, django_assert_max_num_queries
):
    from tests.factories import EnterpriseFactory

    client = login(client, reg.users["regulator_editor"])
    client.get(LIST)
    with django_assert_max_num_queries(40) as few:
        client.get(LIST)
    for k in range(8):
        group = EnterpriseFactory(code=f"group-x{k}", name=f"示例集团{k}", short_name=f"示例{k}")
        registration = ContactRegistration.objects.create(enterprise=group)
        Contact.objects.create(registration=registration, role="lead", name=f"联系人{k}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert "联系人7" in response.text


# --- never public -----------------------------------------------------------------------------


def test_anonymous_visitors_reach_no_contact(reg, client, filed_a):
    for url in (LIST, f"{LIST}?export=xlsx", page(reg.group_a)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert client.post(page(reg.group_a), COMPLETE).status_code == 302
    assert Contact.objects.get(role="lead").name == "赵子平"


def test_contacts_are_in_no_public_search_or_sitemap(reg, client, filed_a, search_index):
    from tests.factories import NewsPageFactory

    def results(query):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        return response.text.count('class="card card--text"')

    # Something public to find, so that no result is not just an empty index.
    NewsPageFactory(parent=reg.provisioned["group_a"].page, title="示例能源氢能示范项目投运")
    assert results("氢能") == 1
    for query in ("赵子平", "孙运维", "信息中心工程师", "zhao@energy.example.cn"):
        assert results(query) == 0, query
    sitemap = client.get("/sitemap.xml").text
    assert "/admin/" not in sitemap and "zhao@" not in sitemap
