"""Fixtures of the review tests: roles built directly, the way provisioning records them.

An auth Group plus its EnterpriseRole row per role, so that these tests do not
depend on provisioning (which has tests of its own).
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from workflows.models import EnterpriseRole
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
