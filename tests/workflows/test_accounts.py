"""Group administrators manage the accounts of their own sub-platform, and nothing else.

集团 A's administrator (子平台系统管理员) opens Settings → Users in the admin,
sees the accounts of 集团 A and its subsidiaries, creates an editor for 能源一院
and gives roles within the group. 集团 B's accounts, the regulator's and the
platform administrators' are out of sight and out of reach — by list, by typed
URL and by bulk action — and no role outside 集团 A can be handed out.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import EnterpriseFactory
from tests.utils import text_of
from workflows.accounts import assignable_groups, manageable_users
from workflows.models import EnterpriseRole
from workflows.provisioning import provision_enterprise, provision_regulator

Role = EnterpriseRole.Role
PASSWORD = "x-pass-2026"


@pytest.fixture
def platform(site, django_user_model):
    """集团 A (能源一院, 能源二院), 集团 B (装备一院) and the regulator, provisioned, one account per role."""
    group_a = EnterpriseFactory(code="group-a", name="示例能源集团有限公司", short_name="示例能源")
    group_b = EnterpriseFactory(code="group-b", name="示例装备集团有限公司", short_name="示例装备")
    roles = {
        "group_a": provision_enterprise(enterprise=group_a, translate=False).groups,
        "a1": provision_enterprise(
            enterprise=EnterpriseFactory(code="a1", short_name="能源一院", parent=group_a),
            translate=False,
        ).groups,
        "a2": provision_enterprise(
            enterprise=EnterpriseFactory(code="a2", short_name="能源二院", parent=group_a),
            translate=False,
        ).groups,
        "group_b": provision_enterprise(enterprise=group_b, translate=False).groups,
        "b1": provision_enterprise(
            enterprise=EnterpriseFactory(code="b1", short_name="装备一院", parent=group_b),
            translate=False,
        ).groups,
        "regulator": provision_regulator().groups,
    }

    def account(username, *groups, **extra):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, email=f"{username}@example.cn", **extra
        )
        user.groups.add(*groups)
        return user

    users = SimpleNamespace(
        groupa_admin=account("groupa_admin", roles["group_a"][Role.ADMIN]),
        groupa_reviewer=account("groupa_reviewer", roles["group_a"][Role.REVIEWER]),
        groupa_editor=account("groupa_editor", roles["group_a"][Role.EDITOR]),
        a1_editor=account("a1_editor", roles["a1"][Role.EDITOR]),
        a2_editor=account("a2_editor", roles["a2"][Role.EDITOR]),
        groupb_admin=account("groupb_admin", roles["group_b"][Role.ADMIN]),
        groupb_editor=account("groupb_editor", roles["group_b"][Role.EDITOR]),
        b1_editor=account("b1_editor", roles["b1"][Role.EDITOR]),
        regulator_reviewer=account("regulator_reviewer", roles["regulator"][Role.REVIEWER]),
        platform_admin=account("platform_admin", is_superuser=True),
        # In 集团 A and also somewhere else: setting their password would reach beyond A.
        a1_and_b1=account("a1_and_b1", roles["a1"][Role.EDITOR], roles["b1"][Role.EDITOR]),
        a1_superuser=account("a1_superuser", roles["a1"][Role.EDITOR], is_superuser=True),
        a1_with_own_permission=account("a1_with_own_permission", roles["a1"][Role.EDITOR]),
        no_group=account("no_group"),
    )
    users.a1_with_own_permission.user_permissions.add(
        Permission.objects.get(codename="change_group")
    )
    return SimpleNamespace(roles=roles, users=users)


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def groupa_admin(client, platform):
    return logged_in(client, platform.users.groupa_admin)


def users_url(name, *args):
    return reverse(f"wagtailusers_users:{name}", args=args)


def bulk_url(action, *users):
    ids = "&".join(f"id={getattr(u, 'pk', u)}" for u in users)
    return reverse("wagtail_bulk_action", args=("auth", "user", action)) + "?" + ids


def user_form(**fields):
    data = {
        "username": "a1_new_editor",
        "email": "a1_new_editor@example.cn",
        "first_name": "浩然",
        "last_name": "郑",
        "password1": "a1-new-pass-2026",
        "password2": "a1-new-pass-2026",
        "is_active": "on",
    }
    data.update(fields)
    return data


def denied(response):
    """Refused: Wagtail redirects to the dashboard (or answers 403), or the account is not found."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


# --- who is in reach --------------------------------------------------------------------


IN_GROUP_A = ["groupa_admin", "groupa_reviewer", "groupa_editor", "a1_editor", "a2_editor"]
OUTSIDE = [
    "groupb_admin",
    "groupb_editor",
    "b1_editor",
    "regulator_reviewer",
    "platform_admin",
    "a1_and_b1",
    "a1_superuser",
    "a1_with_own_permission",
    "no_group",
]


def test_group_admin_lists_the_accounts_of_the_group_and_its_subsidiaries_only(
    groupa_admin, platform, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = groupa_admin.get(users_url("index"))

    assert response.status_code == 200
    listed = {user.username for user in response.context["users"]}
    assert listed == set(IN_GROUP_A)
    page = response.content.decode()
    for username in OUTSIDE:
        assert username not in page
    assert "示例装备" not in page, "the group filter offers 集团 A's roles only"


def test_the_list_costs_the_same_with_more_accounts(
    groupa_admin, platform, django_user_model, django_assert_max_num_queries
):
    for n in range(15):
        extra = django_user_model.objects.create_user(username=f"a2_more_{n}")
        extra.groups.add(platform.roles["a2"][Role.EDITOR])

    with django_assert_max_num_queries(15):
        response = groupa_admin.get(users_url("index"))

    assert len(response.context["users"]) == len(IN_GROUP_A) + 15


def test_scope_asks_enterprise_roles(platform):
    admin = platform.users.groupa_admin
    offered = set(assignable_groups(admin).values_list("name", flat=True))

    assert offered == {
        "示例能源·编辑",
        "示例能源·审核员",
        "示例能源·管理员",
        "能源一院·编辑",
        "能源二院·编辑",
    }
    assert set(manageable_users(admin).values_list("username", flat=True)) == set(IN_GROUP_A)
    assert not manageable_users(platform.users.a1_editor).exists()
    assert not assignable_groups(platform.users.groupa_reviewer).exists()


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
@pytest.mark.parametrize("username", ["groupb_editor", "regulator_reviewer", "a1_and_b1"])
def test_another_groups_account_is_not_found_by_typed_url(groupa_admin, platform, view, username):
    other = getattr(platform.users, username)

    response = groupa_admin.get(users_url(view, other.pk))

    assert denied(response)
    assert other.email not in response.content.decode()


def test_no_account_is_copied_over_another(client, platform):
    """Wagtail 8.0's copy view saved the "copy" over the original account; it is gone."""
    for user in (platform.users.groupa_admin, platform.users.platform_admin):
        client = logged_in(client, user)
        index = client.get(users_url("index")).content.decode()

        assert "/admin/users/copy/" not in index
        assert client.get(f"/admin/users/copy/{platform.users.a1_editor.pk}/").status_code == 404


def test_posting_to_another_groups_account_changes_nothing(groupa_admin, platform):
    other = platform.users.groupb_editor

    edit = groupa_admin.post(
        users_url("edit", other.pk),
        user_form(username="groupb_editor", groups=[platform.roles["a1"][Role.EDITOR].pk]),
    )
    delete = groupa_admin.post(users_url("delete", other.pk))

    assert edit.status_code == 404 and delete.status_code == 404
    other.refresh_from_db()
    assert other.first_name == ""
    assert list(other.groups.all()) == [platform.roles["group_b"][Role.EDITOR]]


# --- bulk actions -----------------------------------------------------------------------


@pytest.mark.parametrize("action", ["delete", "set_active_state", "assign_role"])
def test_bulk_actions_naming_another_groups_account_are_not_found(groupa_admin, platform, action):
    own, other = platform.users.a1_editor, platform.users.groupb_editor
    url = bulk_url(action, own, other)

    shown = groupa_admin.get(url)
    done = groupa_admin.post(
        url, {"mark_as_active": "False", "role": platform.roles["a1"][Role.EDITOR].pk}
    )

    assert shown.status_code == 404 and done.status_code == 404
    assert "groupb_editor" not in shown.content.decode()
    for user in (own, other):
        user.refresh_from_db()
        assert user.is_active
    assert list(other.groups.all()) == [platform.roles["group_b"][Role.EDITOR]]


def test_bulk_action_on_all_reaches_own_accounts_only(groupa_admin, platform, django_user_model):
    response = groupa_admin.post(bulk_url("set_active_state", "all"), {"mark_as_active": "False"})

    assert response.status_code == 302
    inactive = set(
        django_user_model.objects.filter(is_active=False).values_list("username", flat=True)
    )
    assert inactive == set(IN_GROUP_A) - {"groupa_admin"}, "never themselves, never others"


def test_bulk_delete_of_own_accounts_works(groupa_admin, platform, django_user_model):
    a2_editor = platform.users.a2_editor

    response = groupa_admin.post(bulk_url("delete", a2_editor))

    assert response.status_code == 302
    assert not django_user_model.objects.filter(pk=a2_editor.pk).exists()


def test_bulk_assign_role_offers_the_groups_roles_only(groupa_admin, platform):
    a1_editor = platform.users.a1_editor
    url = bulk_url("assign_role", a1_editor)

    page = groupa_admin.get(url).content.decode()
    refused = groupa_admin.post(url, {"role": platform.roles["group_b"][Role.EDITOR].pk})
    granted = groupa_admin.post(url, {"role": platform.roles["group_a"][Role.REVIEWER].pk})

    assert "示例能源·审核员" in page and "示例装备" not in page and "监管机构" not in page
    assert refused.status_code == 200
    assert "所选用户组不属于本集团或所属企业，不能分配。" in refused.content.decode()
    assert granted.status_code == 302
    assert set(a1_editor.groups.values_list("name", flat=True)) == {
        "能源一院·编辑",
        "示例能源·审核员",
    }


# --- creating and editing accounts ------------------------------------------------------


def test_group_admin_creates_a_subsidiary_editor_who_can_log_in(
    groupa_admin, platform, django_user_model, client
):
    a1_editors = platform.roles["a1"][Role.EDITOR]

    form = groupa_admin.get(users_url("add")).content.decode()
    response = groupa_admin.post(users_url("add"), user_form(groups=[a1_editors.pk]))

    assert 'name="is_superuser"' not in form
    assert "能源一院·编辑" in form and "示例装备" not in form and "监管机构" not in form
    assert response.status_code == 302
    created = django_user_model.objects.get(username="a1_new_editor")
    assert list(created.groups.all()) == [a1_editors] and not created.is_superuser
    client.logout()
    assert client.login(username="a1_new_editor", password="a1-new-pass-2026")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize(
    "outside",
    [
        lambda p: p.roles["group_b"][Role.EDITOR],
        lambda p: p.roles["b1"][Role.EDITOR],
        lambda p: p.roles["regulator"][Role.REVIEWER],
        lambda p: Group.objects.create(name="Moderators"),
    ],
    ids=["group B", "B's subsidiary", "regulator", "not a role group"],
)
def test_roles_outside_the_group_are_refused(groupa_admin, platform, outside):
    group = outside(platform)
    a1_editor = platform.users.a1_editor
    own = platform.roles["a1"][Role.EDITOR]

    created = groupa_admin.post(users_url("add"), user_form(groups=[own.pk, group.pk]))
    edited = groupa_admin.post(
        users_url("edit", a1_editor.pk),
        user_form(username="a1_editor", password1="", password2="", groups=[own.pk, group.pk]),
    )

    message = f"所选用户组（编号 {group.pk}）不属于本集团或所属企业，不能分配。"
    for response in (created, edited):
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not a1_editor._meta.model.objects.filter(username="a1_new_editor").exists()
    assert list(a1_editor.groups.all()) == [own]


def test_superuser_status_is_never_accepted_from_a_group_admin(groupa_admin, platform):
    a1_editor = platform.users.a1_editor
    own = platform.roles["a1"][Role.EDITOR]

    form = groupa_admin.get(users_url("edit", a1_editor.pk)).content.decode()
    response = groupa_admin.post(
        users_url("edit", a1_editor.pk),
        user_form(
            username="a1_editor",
            first_name="浩然",
            password1="",
            password2="",
            groups=[own.pk],
            is_superuser="on",
        ),
    )

    assert 'name="is_superuser"' not in form
    assert response.status_code == 302
    a1_editor.refresh_from_db()
    assert a1_editor.first_name == "浩然", "the rest of the form was saved"
    assert not a1_editor.is_superuser


def test_an_account_needs_a_role_of_the_group(groupa_admin, platform):
    response = groupa_admin.post(users_url("add"), user_form())

    assert response.status_code == 200
    assert "请至少选择一个本集团或所属企业的角色。" in response.content.decode()


def test_group_admin_cannot_edit_themselves_into_another_group(groupa_admin, platform):
    me = platform.users.groupa_admin
    mine = platform.roles["group_a"][Role.ADMIN]

    response = groupa_admin.post(
        users_url("edit", me.pk),
        user_form(
            username="groupa_admin",
            password1="",
            password2="",
            groups=[mine.pk, platform.roles["group_b"][Role.ADMIN].pk],
            is_superuser="on",
        ),
    )

    assert response.status_code == 200
    me.refresh_from_db()
    assert list(me.groups.all()) == [mine] and not me.is_superuser


# --- who else -------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["a1_editor", "groupa_reviewer", "groupa_editor"])
def test_accounts_without_the_admin_role_cannot_reach_the_user_views(client, platform, username):
    client = logged_in(client, getattr(platform.users, username))
    a2_editor = platform.users.a2_editor

    responses = [
        client.get(users_url("index")),
        client.get(users_url("add")),
        client.get(users_url("edit", a2_editor.pk)),
        client.get(bulk_url("delete", a2_editor)),
    ]

    assert all(denied(r) for r in responses)
    assert a2_editor._meta.model.objects.filter(pk=a2_editor.pk).exists()


def test_group_admins_cannot_edit_groups(groupa_admin, platform):
    group = platform.roles["group_a"][Role.EDITOR]

    assert denied(groupa_admin.get(reverse("wagtailusers_groups:index")))
    assert denied(groupa_admin.get(reverse("wagtailusers_groups:edit", args=[group.pk])))
    assert groupa_admin.get(reverse("wagtailadmin_account")).status_code == 200


def test_platform_admin_still_manages_everyone(client, platform, django_user_model):
    client = logged_in(client, platform.users.platform_admin)

    listed = client.get(users_url("index"))
    form = client.get(users_url("add")).content.decode()

    assert {u.username for u in listed.context["users"]} == set(
        django_user_model.objects.values_list("username", flat=True)
    )
    assert 'name="is_superuser"' in form and "示例装备·编辑" in form
    assert client.get(users_url("edit", platform.users.groupb_editor.pk)).status_code == 200


# --- provisioning -------------------------------------------------------------------------


def test_only_administrators_hold_the_account_permissions(platform):
    admin, reviewer, editor = (
        getattr(platform.users, name) for name in ("groupa_admin", "groupa_reviewer", "a1_editor")
    )

    assert admin.has_perms(["auth.add_user", "auth.change_user", "auth.delete_user"])
    assert not admin.has_perm("auth.change_group") and not admin.has_perm("auth.add_group")
    for user in (reviewer, editor, platform.users.regulator_reviewer):
        assert not any(
            user.has_perm(f"auth.{action}_user") for action in ("add", "change", "delete")
        )


def test_provisioning_again_gives_an_old_database_the_account_permissions(site, platform):
    admins = platform.roles["group_a"][Role.ADMIN]
    admins.permissions.remove(*admins.permissions.filter(content_type__model="user"))

    provision_enterprise(enterprise=EnterpriseRole.objects.get(group=admins).enterprise)

    assert set(
        admins.permissions.filter(content_type__model="user").values_list("codename", flat=True)
    ) == {
        "add_user",
        "change_user",
        "delete_user",
    }


def test_site_history_shows_a_group_admin_only_their_own_accounts_changes(
    site, django_user_model, client
):
    """Wagtail shows a model's log to anyone with a permission on it; account entries are scoped."""
    from wagtail.log_actions import log

    from workflows.models import AccountLogEntry

    group_a = EnterpriseFactory(code="group-a", name="示例能源集团有限公司", short_name="示例能源")
    group_b = EnterpriseFactory(code="group-b", name="示例装备集团有限公司", short_name="示例装备")
    a = provision_enterprise(enterprise=group_a, translate=False)
    b = provision_enterprise(enterprise=group_b, translate=False)
    admin_a = django_user_model.objects.create_user(username="groupa_admin", password="x-pass-2026")
    admin_a.groups.add(a.groups[Role.ADMIN])
    own = django_user_model.objects.create_user(username="a_editor_0001", password="x-pass-2026")
    own.groups.add(a.groups[Role.EDITOR])
    foreign = django_user_model.objects.create_user(
        username="b_editor_0002", password="x-pass-2026"
    )
    foreign.groups.add(b.groups[Role.EDITOR])
    for account in (own, foreign):
        log(instance=account, action="wagtail.edit")

    assert AccountLogEntry.objects.count() == 2  # written to the scoped log, not Wagtail's
    client.force_login(admin_a)
    history = text_of(client.get(reverse("wagtailadmin_reports:site_history")))
    assert "a_editor_0001" in history
    assert "b_editor_0002" not in history
