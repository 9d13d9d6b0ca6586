"""Who may do what with the regulator's work: the one place every view asks.

Two doors, each a Django permission granted by provisioning
(``workflows.provisioning``) *and* a role that names the rows:

- the regulator (its editor and reviewer roles; superusers) reads every group
  company's acknowledgements and 联系表 (``view_noticeacknowledgement``,
  ``view_contactregistration``);
- a group company's administrators and reviewers acknowledge the notices sent
  to their group (``add_noticeacknowledgement``), and its administrators keep
  its 联系表 (``change_contactregistration``) — for the group companies in which
  they hold that role, never another's.

A group never reads another group's rows: the group-side functions return the
user's own group companies and nothing else, whatever permission they hold.
"""

from workflows.models import EnterpriseRole

Role = EnterpriseRole.Role
# 科技管理部门 (the reviewers) usually answer notices; the administrators may too.
ACKNOWLEDGING_ROLES = (Role.ADMIN, Role.REVIEWER)
CONTACT_ROLES = (Role.ADMIN,)


def _active(user):
    return getattr(user, "is_authenticated", False) and user.is_active


def _groups_where(user, roles, permission):
    """Group companies in which ``user`` holds one of ``roles``, if they hold ``permission``."""
    from snippets.models import Enterprise

    if not _active(user) or not user.has_perm(permission):
        return Enterprise.objects.none()
    return (
        Enterprise.objects.groups()
        .filter(roles__group__user=user, roles__role__in=roles)
        .distinct()
    )


def sees_all_acknowledgements(user):
    """The regulator's view of every group's 回执."""
    return _active(user) and user.has_perm("regulator.view_noticeacknowledgement")


def acknowledging_groups(user):
    """The group companies on whose behalf ``user`` acknowledges notices."""
    return _groups_where(user, ACKNOWLEDGING_ROLES, "regulator.add_noticeacknowledgement")


def sees_all_contacts(user):
    """The regulator's view of every group's 联系表."""
    return _active(user) and user.has_perm("regulator.view_contactregistration")


def contact_groups(user):
    """The group companies whose 联系表 ``user`` keeps (superusers: every group)."""
    from snippets.models import Enterprise

    if _active(user) and user.is_superuser:
        return Enterprise.objects.groups()
    return _groups_where(user, CONTACT_ROLES, "regulator.change_contactregistration")
