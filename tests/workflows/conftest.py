"""Fixtures of the review tests.

``people``: roles built directly (an auth Group plus its EnterpriseRole row,
the way provisioning records them), so that the review tests do not depend on
provisioning. ``world``: enterprises provisioned exactly as the admin does it,
for the authorization matrix and the bypass tests.
"""

import copy
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, PageLogEntry

from tests.conftest import site_structure
from tests.factories import EnterpriseFactory, NewsPageFactory, TrendPageFactory
from workflows.models import EnterpriseRole
from workflows.provisioning import provision_enterprise, provision_regulator
from workflows.tasks import ensure_review_workflow


def role_group(name, *, enterprise, role, page=None, page_permissions=()):
    """A Wagtail group holding ``role`` in ``enterprise`` (None: the regulator), with admin access."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    EnterpriseRole.objects.create(enterprise=enterprise, role=role, group=group)
    for permission_type in page_permissions:
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    return group


@pytest.fixture
def people(tree, django_user_model):
    """a1_editor, groupa_reviewer(s), groupb_editor/reviewer, regulator_editor/reviewer."""
    site = tree.site
    reviewer, editor = EnterpriseRole.Role.REVIEWER, EnterpriseRole.Role.EDITOR
    groups = SimpleNamespace(
        a1_editors=role_group(
            "能源一院编辑",
            enterprise=tree.a1.enterprise,
            role=editor,
            page=tree.a1,
            page_permissions=["add", "change"],
        ),
        a_reviewers=role_group(
            "示例能源审核员",
            enterprise=tree.group_a.enterprise,
            role=reviewer,
            page=tree.group_a,
            page_permissions=["change"],
        ),
        b_editors=role_group(
            "示例装备编辑",
            enterprise=tree.group_b.enterprise,
            role=editor,
            page=tree.group_b,
            page_permissions=["add", "change"],
        ),
        b_reviewers=role_group(
            "示例装备审核员",
            enterprise=tree.group_b.enterprise,
            role=reviewer,
            page=tree.group_b,
            page_permissions=["change"],
        ),
        regulator_editors=role_group(
            "监管机构编辑",
            enterprise=None,
            role=editor,
            page=site.trends,
            page_permissions=["add", "change"],
        ),
        regulator_reviewers=role_group("监管机构审核员", enterprise=None, role=reviewer),
    )

    def user(username, *groups_):
        account = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.cn", password="x-pass-2026"
        )
        account.groups.add(*groups_)
        return account

    return SimpleNamespace(
        groups=groups,
        a1_editor=user("a1_editor", groups.a1_editors),
        groupa_reviewer=user("groupa_reviewer", groups.a_reviewers),
        groupa_reviewer2=user("groupa_reviewer2", groups.a_reviewers),
        groupb_editor=user("groupb_editor", groups.b_editors),
        groupb_reviewer=user("groupb_reviewer", groups.b_reviewers),
        regulator_editor=user("regulator_editor", groups.regulator_editors),
        regulator_reviewer=user("regulator_reviewer", groups.regulator_reviewers),
        superuser=django_user_model.objects.create_superuser(
            username="platform_admin", email="platform_admin@example.cn", password="x-pass-2026"
        ),
    )


@pytest.fixture(autouse=True)
def _html_mail(settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True


@pytest.fixture
def workflow(tree):
    return ensure_review_workflow()


# -- a provisioned world: two groups, subsidiaries, the regulator, one account per role --

WORLD_OWNERS = ("a1", "group_a", "b1", "regulator")


@pytest.fixture
def world(world_built, db):
    """The provisioned world of ``world_built``, a fresh copy for each test (see below)."""
    return copy.deepcopy(world_built)


@pytest.fixture(scope="module")
def world_built(module_transaction):
    """Enterprises provisioned as the admin does it, accounts per role, and their items.

    ``world.users[role]``; ``world.items[state][owner]`` with state ``draft``,
    ``review`` (awaiting 集团审核) or ``live``, owner ``a1`` (subsidiary of
    集团 A), ``group_a``, ``b1`` (subsidiary of 集团 B) or ``regulator``;
    ``world.parents[owner]`` where the owner's items live and
    ``world.elsewhere[owner]`` a sub-platform of another enterprise.
    """
    site = site_structure()
    django_user_model = get_user_model()
    ensure_review_workflow()
    group_a = EnterpriseFactory(code="group-a", name="示例能源集团有限公司", short_name="示例能源")
    a1 = EnterpriseFactory(
        code="a1", name="示例能源第一研究院", short_name="能源一院", parent=group_a
    )
    a2 = EnterpriseFactory(
        code="a2", name="示例能源第二研究院", short_name="能源二院", parent=group_a
    )
    group_b = EnterpriseFactory(code="group-b", name="示例装备集团有限公司", short_name="示例装备")
    b1 = EnterpriseFactory(
        code="b1", name="示例装备第一研究所", short_name="装备一所", parent=group_b
    )
    provisioned = {
        key: provision_enterprise(enterprise=enterprise, translate=False)
        for key, enterprise in {
            "group_a": group_a,
            "a1": a1,
            "a2": a2,
            "group_b": group_b,
            "b1": b1,
        }.items()
    }
    regulator = provision_regulator()

    def account(username, group=None):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.cn", password="x-pass-2026"
        )
        if group is not None:
            user.groups.add(group)
        return user

    users = {
        "a1_editor": account("a1_editor", provisioned["a1"].groups[EnterpriseRole.Role.EDITOR]),
        "groupa_editor": account(
            "groupa_editor", provisioned["group_a"].groups[EnterpriseRole.Role.EDITOR]
        ),
        "groupa_reviewer": account(
            "groupa_reviewer", provisioned["group_a"].groups[EnterpriseRole.Role.REVIEWER]
        ),
        "groupa_admin": account(
            "groupa_admin", provisioned["group_a"].groups[EnterpriseRole.Role.ADMIN]
        ),
        "b1_editor": account("b1_editor", provisioned["b1"].groups[EnterpriseRole.Role.EDITOR]),
        "groupb_reviewer": account(
            "groupb_reviewer", provisioned["group_b"].groups[EnterpriseRole.Role.REVIEWER]
        ),
        "regulator_editor": account(
            "regulator_editor", regulator.groups[EnterpriseRole.Role.EDITOR]
        ),
        "regulator_reviewer": account(
            "regulator_reviewer", regulator.groups[EnterpriseRole.Role.REVIEWER]
        ),
        "platform_admin": django_user_model.objects.create_superuser(
            username="platform_admin", email="platform_admin@example.cn", password="x-pass-2026"
        ),
    }
    parents = {
        "a1": provisioned["a1"].page,
        "group_a": provisioned["group_a"].page,
        "b1": provisioned["b1"].page,
        "regulator": site.trends,
    }
    writer = {
        "a1": users["a1_editor"],
        "group_a": users["groupa_editor"],
        "b1": users["b1_editor"],
        "regulator": users["regulator_editor"],
    }

    def item(owner, state):
        factory = TrendPageFactory if owner == "regulator" else NewsPageFactory
        page = factory(
            parent=parents[owner],
            title=f"{owner}-{state}",
            live=state == "live",
            owner=writer[owner],
        )
        page.save_revision(user=writer[owner])
        page.title = f"{owner}-{state}（修订）"
        page.save_revision(user=writer[owner])  # an older revision to compare and revert to
        if state == "review":
            page.get_workflow().start(page, writer[owner])
        return page

    items = {
        state: {owner: item(owner, state) for owner in WORLD_OWNERS}
        for state in ("draft", "review", "live")
    }
    # Where a move or copy would cross into another enterprise (the type is allowed there).
    elsewhere = {
        "a1": provisioned["a2"].page,
        "group_a": provisioned["a1"].page,
        "b1": provisioned["group_b"].page,
        "regulator": provisioned["a1"].page,
    }
    return SimpleNamespace(users=users, items=items, parents=parents, elsewhere=elsewhere)


@pytest.fixture
def org(site, django_user_model):
    """集团 A with its subsidiary A1, 集团 B and the regulator, provisioned, with one account per role."""
    ensure_review_workflow()
    group_a = EnterpriseFactory(code="group-a", name="示例能源集团有限公司", short_name="示例能源")
    a1 = EnterpriseFactory(
        code="a1", name="示例能源第一研究院有限公司", short_name="能源一院", parent=group_a
    )
    group_b = EnterpriseFactory(code="group-b", name="示例装备集团有限公司", short_name="示例装备")
    a = provision_enterprise(enterprise=group_a, translate=False)
    a1_ = provision_enterprise(enterprise=a1, translate=False)
    b = provision_enterprise(enterprise=group_b, translate=False)
    regulator = provision_regulator()
    # Each test reads only what it did, not the publication of the sub-platform pages.
    PageLogEntry.objects.all().delete()

    def user(username, group, **names):
        account = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.cn", password="x-pass-2026", **names
        )
        account.groups.add(group)
        return account

    return SimpleNamespace(
        site=site,
        group_a=group_a,
        a1=a1,
        group_b=group_b,
        group_a_page=a.page,
        a1_page=a1_.page,
        group_b_page=b.page,
        a1_editor=user(
            "a1_editor", a1_.groups[EnterpriseRole.Role.EDITOR], first_name="采集", last_name="张"
        ),
        groupa_editor=user("groupa_editor", a.groups[EnterpriseRole.Role.EDITOR]),
        groupa_reviewer=user(
            "groupa_reviewer",
            a.groups[EnterpriseRole.Role.REVIEWER],
            first_name="审核",
            last_name="李",
        ),
        groupa_admin=user("groupa_admin", a.groups[EnterpriseRole.Role.ADMIN]),
        groupb_editor=user("groupb_editor", b.groups[EnterpriseRole.Role.EDITOR]),
        groupb_reviewer=user("groupb_reviewer", b.groups[EnterpriseRole.Role.REVIEWER]),
        regulator_editor=user("regulator_editor", regulator.groups[EnterpriseRole.Role.EDITOR]),
        regulator_reviewer=user(
            "regulator_reviewer", regulator.groups[EnterpriseRole.Role.REVIEWER]
        ),
    )
