"""Provisioning an enterprise: its sub-platform, groups, permissions and collection at once.

A platform administrator opens a sub-platform in the admin or with
``manage.py provision_enterprise``; nothing is left to do by hand, and doing
it again changes nothing.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from pages.models import EnterprisePage, NewsPage
from snippets.models import Enterprise
from tests.factories import EnterpriseFactory
from workflows.models import EnterpriseRole, SensitiveTerm
from workflows.provisioning import provision_enterprise, provision_regulator

Role = EnterpriseRole.Role


@pytest.fixture
def group_a(site):
    return EnterpriseFactory(
        code="group-a",
        name="示例能源集团有限公司",
        short_name="示例能源",
        name_en="Example Energy Group",
    )


@pytest.fixture
def a1(group_a):
    return EnterpriseFactory(
        code="a1", name="示例能源第一研究院", short_name="能源一院", parent=group_a
    )


@pytest.fixture
def group_b(site):
    return EnterpriseFactory(code="group-b", name="示例装备集团有限公司", short_name="示例装备")


def member_of(group, django_user_model, username):
    user = django_user_model.objects.create_user(username=username, password="x-pass-2026")
    user.groups.add(group)
    return user


def counts():
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "roles": EnterpriseRole.objects.count(),
        "collections": Collection.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
    }


def test_provisioning_a_group_opens_its_sub_platform(site, group_a):
    result = provision_enterprise(enterprise=group_a)

    page = result.page
    assert (page.slug, page.title, page.live) == ("group-a", group_a.name, True)
    assert page.get_parent().specific == site.enterprises
    english = page.get_translation(site.en)
    assert english.title == "Example Energy Group" and english.live
    assert {role: g.name for role, g in result.groups.items()} == {
        Role.EDITOR: "示例能源·编辑",
        Role.REVIEWER: "示例能源·审核员",
        Role.ADMIN: "示例能源·管理员",
    }
    assert set(
        EnterpriseRole.objects.filter(enterprise=group_a).values_list("role", "group__name")
    ) == {(role, g.name) for role, g in result.groups.items()}
    assert all(
        g.permissions.filter(codename="access_admin").exists() for g in result.groups.values()
    )
    assert result.collection.name == "示例能源"
    assert result.collection.get_parent() == Collection.get_first_root_node()


def test_a_subsidiary_sits_under_its_group(site, a1):
    result = provision_enterprise(enterprise=a1)

    group_page = EnterprisePage.objects.get(enterprise=a1.parent, locale=site.zh)
    assert result.page.get_parent().specific == group_page, "the group was provisioned first"
    assert result.collection.get_parent().name == "示例能源"
    assert list(result.groups) == [Role.EDITOR], "a subsidiary has editors only"
    assert result.groups[Role.EDITOR].name == "能源一院·编辑"


def test_provisioning_twice_changes_nothing(site, a1, group_b):
    provision_enterprise(enterprise=a1)
    provision_enterprise(enterprise=group_b)
    provision_regulator()
    before = counts()

    again = [
        provision_enterprise(enterprise=a1),
        provision_enterprise(enterprise=group_b),
        provision_regulator(),
    ]

    assert counts() == before
    assert all(result.created == [] for result in again)


def test_a_renamed_enterprise_keeps_its_groups_and_collection(site, group_a):
    first = provision_enterprise(enterprise=group_a)
    group_a.short_name = "新能源"
    group_a.save()

    second = provision_enterprise(enterprise=group_a)

    assert second.groups == first.groups and second.collection == first.collection
    assert second.created == []


def test_editor_adds_news_under_own_page_only(site, group_a, group_b, django_user_model):
    own = provision_enterprise(enterprise=group_a)
    other = provision_enterprise(enterprise=group_b)
    editor = member_of(own.groups[Role.EDITOR], django_user_model, "groupa_editor")

    assert own.page.permissions_for_user(editor).can_add_subpage()
    assert NewsPage.can_create_at(own.page)
    assert not other.page.permissions_for_user(editor).can_add_subpage()
    assert not site.notices.permissions_for_user(editor).can_add_subpage()


def test_editors_cannot_publish(site, group_a, django_user_model):
    result = provision_enterprise(enterprise=group_a)
    editor = member_of(result.groups[Role.EDITOR], django_user_model, "groupa_editor")

    perms = result.page.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.ADMIN])
def test_reviewers_and_administrators_have_no_page_permission(site, a1, django_user_model, role):
    subsidiary = provision_enterprise(enterprise=a1)
    group = provision_enterprise(enterprise=a1.parent)
    user = member_of(group.groups[role], django_user_model, f"groupa_{role}")

    assert not GroupPagePermission.objects.filter(group=group.groups[role]).exists()
    for page in (group.page, subsidiary.page):
        perms = page.permissions_for_user(user)
        assert not perms.can_publish() and not perms.can_edit()
        assert not perms.can_add_subpage()


def test_reviewers_choose_images_of_the_group_and_its_subsidiaries(site, a1):
    provision_enterprise(enterprise=a1)
    group = provision_enterprise(enterprise=a1.parent)

    granted = GroupCollectionPermission.objects.filter(group=group.groups[Role.REVIEWER])
    assert set(granted.values_list("collection__name", "permission__codename")) == {
        ("示例能源", "choose_image"),
        ("示例能源", "choose_document"),
    }
    editors = GroupCollectionPermission.objects.filter(group=group.groups[Role.EDITOR])
    assert set(editors.values_list("permission__codename", flat=True)) == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }


def test_regulator_editors_write_notices_and_trends(site, django_user_model):
    result = provision_regulator()

    assert {role: g.name for role, g in result.groups.items()} == {
        Role.EDITOR: "监管机构·编辑",
        Role.REVIEWER: "监管机构·审核员",
    }
    assert EnterpriseRole.objects.filter(enterprise=None).count() == 2
    assert result.collection.name == "监管机构"
    editor = member_of(result.groups[Role.EDITOR], django_user_model, "regulator_editor")
    reviewer = member_of(result.groups[Role.REVIEWER], django_user_model, "regulator_reviewer")
    for section in (site.notices, site.trends):
        assert section.permissions_for_user(editor).can_add_subpage()
        assert not section.permissions_for_user(editor).can_publish()
        assert not section.permissions_for_user(reviewer).can_publish()
    assert not site.news.permissions_for_user(editor).can_add_subpage()


# --- the management command ---------------------------------------------------------


def provision(*args):
    out = StringIO()
    call_command("provision_enterprise", *args, stdout=out)
    return out.getvalue()


def test_command_creates_and_provisions_a_subsidiary(site, group_a):
    output = provision(
        "--code=a3",
        "--name=示例能源第三研究院",
        "--short-name=能源三院",
        "--name-en=Example Energy Institute No. 3",
        "--level=subsidiary",
        "--parent=group-a",
    )

    a3 = Enterprise.objects.get(code="a3")
    assert (a3.level, a3.parent) == (Enterprise.Level.SUBSIDIARY, group_a)
    page = EnterprisePage.objects.get(enterprise=a3, locale=site.zh)
    assert page.get_parent().specific.enterprise == group_a
    assert Group.objects.filter(name="能源三院·编辑").exists()
    assert "已开通子平台" in output
    assert "nothing to do" in provision("--code=a3")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--parent=nowhere", "--level=subsidiary"], "不存在"),
        (["--level=subsidiary"], "--parent"),
        (["--level=group", "--parent=group-a"], "集团公司不能隶属于其他集团"),
    ],
)
def test_command_refuses_bad_input_clearly(site, group_a, args, message):
    with pytest.raises(CommandError, match=message):
        provision("--code=x9", "--name=某企业", "--short-name=某企", *args)

    assert not Enterprise.objects.filter(code="x9").exists()


def test_command_all_provisions_every_enterprise_and_the_regulator(site, a1, group_b):
    provision("--all")

    assert EnterpriseRole.objects.filter(enterprise=None).count() == 2
    assert EnterprisePage.objects.filter(locale=site.zh).count() == 3
    assert EnterpriseRole.objects.count() == 2 + 3 + 1 + 3


# --- the admin ----------------------------------------------------------------------


def test_creating_an_enterprise_in_the_admin_provisions_it(site, admin_client, group_a):
    url = reverse("wagtailsnippets_snippets_enterprise:add")
    response = admin_client.post(
        url,
        {
            "name": "示例能源第二研究院",
            "short_name": "能源二院",
            "name_en": "",
            "short_name_en": "",
            "code": "a2",
            "sort_order": "100",
            "level": "subsidiary",
            "parent": str(group_a.pk),
            "introduction": "",
            "introduction_en": "",
            "website": "",
        },
        follow=True,
    )

    assert response.status_code == 200
    a2 = Enterprise.objects.get(code="a2")
    assert EnterprisePage.objects.get(enterprise=a2, locale=site.zh).get_parent().slug == "group-a"
    assert EnterpriseRole.objects.filter(enterprise=a2, role=Role.EDITOR).exists()
    assert "已开通子平台：示例能源第二研究院" in response.content.decode()


# --- the demo -----------------------------------------------------------------------


@pytest.mark.seed
def test_demo_accounts_land_in_their_provisioned_groups(site, settings, django_user_model):
    settings.DEBUG = False
    # A database seeded by the old placeholder still has its groups.
    Group.objects.create(name="示例能源 审核")

    call_command(
        "seed_demo",
        items_per_stream=0,
        no_translations=True,
        allow_known_passwords=True,
        stdout=StringIO(),
    )

    def groups_of(username):
        return set(
            django_user_model.objects.get(username=username).groups.values_list("name", flat=True)
        )

    group_a = Enterprise.objects.get(code="group-a").short_name
    a1 = Enterprise.objects.get(code="a1").short_name
    assert groups_of("regulator_editor") == {"监管机构·编辑"}
    assert groups_of("regulator_reviewer") == {"监管机构·审核员"}
    assert groups_of("groupa_admin") == {f"{group_a}·管理员"}
    assert groups_of("groupa_reviewer") == {f"{group_a}·审核员"}
    assert groups_of("groupa_editor") == {f"{group_a}·编辑"}
    assert groups_of("a1_editor") == {f"{a1}·编辑"}
    assert django_user_model.objects.get(username="regulator_admin").is_superuser
    assert not Group.objects.filter(name="示例能源 审核").exists(), "old placeholder removed"


def test_wagtail_default_groups_that_could_publish_everywhere_are_gone(db):
    """Wagtail's "Moderators" could publish on the root page, past group review."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()


def test_regulator_reviewers_keep_the_sensitive_terms_list(site, django_user_model, client):
    regulator = provision_regulator()
    reviewer = member_of(regulator.groups[Role.REVIEWER], django_user_model, "regulator_reviewer")
    editor = member_of(regulator.groups[Role.EDITOR], django_user_model, "regulator_editor")
    url = reverse("wagtailsnippets_workflows_sensitiveterm:add")

    client.force_login(reviewer)
    response = client.post(
        url, {"term": "示例绝密工程", "category": "secret_matter", "is_active": "on"}
    )
    assert response.status_code == 302
    assert SensitiveTerm.objects.filter(term="示例绝密工程").exists()
    assert not reviewer.has_perm("workflows.delete_sensitiveterm")  # deactivate, never delete

    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
