"""Fixtures of the regulator's work: two provisioned group companies, a subsidiary, the regulator.

``reg.users[name]`` holds one account per role that the visibility tests walk
through; ``notice(...)`` publishes a regulator notice with a deadline.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.factories import EnterpriseFactory, NoticePageFactory
from workflows.models import EnterpriseRole
from workflows.provisioning import provision_enterprise, provision_regulator

Role = EnterpriseRole.Role

ROLES = {
    "regulator_editor": (None, Role.EDITOR),
    "regulator_reviewer": (None, Role.REVIEWER),
    "groupa_admin": ("group_a", Role.ADMIN),
    "groupa_reviewer": ("group_a", Role.REVIEWER),
    "groupa_editor": ("group_a", Role.EDITOR),
    "groupb_admin": ("group_b", Role.ADMIN),
    "groupb_reviewer": ("group_b", Role.REVIEWER),
    "a1_editor": ("a1", Role.EDITOR),
}


@pytest.fixture
def reg(site, django_user_model):
    group_a = EnterpriseFactory(
        code="group-a", name="示例能源集团有限公司", short_name="示例能源", sort_order=1
    )
    a1 = EnterpriseFactory(
        code="a1", name="示例能源第一研究院有限公司", short_name="能源一院", parent=group_a
    )
    group_b = EnterpriseFactory(
        code="group-b", name="示例装备集团有限公司", short_name="示例装备", sort_order=2
    )
    provisioned = {
        "group_a": provision_enterprise(enterprise=group_a, translate=False),
        "a1": provision_enterprise(enterprise=a1, translate=False),
        "group_b": provision_enterprise(enterprise=group_b, translate=False),
        None: provision_regulator(),
    }
    users = {}
    for username, (owner, role) in ROLES.items():
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.cn", password="x-pass-2026"
        )
        user.groups.add(provisioned[owner].groups[role])
        users[username] = user
    users["groupa_admin"].last_name, users["groupa_admin"].first_name = "王", "管理"
    users["groupa_admin"].save()
    users["platform_admin"] = django_user_model.objects.create_superuser(
        username="platform_admin", email="platform_admin@example.cn", password="x-pass-2026"
    )
    return SimpleNamespace(
        site=site, group_a=group_a, a1=a1, group_b=group_b, users=users, provisioned=provisioned
    )


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def notice(reg):
    """Publish a notice under 通知公告: ``notice(deadline_in=7, targets=[group], **fields)``."""

    def make(*, deadline_in=7, targets=(), **fields):
        deadline = None if deadline_in is None else days_from_today(deadline_in)
        return NoticePageFactory(
            parent=reg.site.notices,
            deadline=deadline,
            target_enterprises=list(targets),
            **fields,
        )

    return make


def login(client, user):
    """Log ``user`` in, leaving behind the previous user's pending messages."""
    client.cookies.pop("messages", None)
    client.force_login(user)
    return client
