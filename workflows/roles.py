"""Who holds which role where: the one place review and permissions ask.

Group reviewers approve everything their group company and its subsidiaries
submit, and nothing of other groups ("集团公司对所属企业填报的信息审核确认后统一纳入
平台数据库"); regulator reviewers approve regulator content. Every path —
inbox, actions, notifications, editor access — resolves reviewers here.
"""

from django.contrib.auth import get_user_model

from .models import EnterpriseRole


def reviewing_enterprise(obj):
    """The group company whose reviewers approve ``obj``; None means the regulator."""
    enterprise = getattr(obj, "owning_enterprise", None)
    return enterprise.group if enterprise is not None else None


def role_group(*, enterprise, role):
    """The Wagtail group holding ``role`` in ``enterprise`` (None: the regulator), or None."""
    row = (
        EnterpriseRole.objects.select_related("group")
        .filter(enterprise=enterprise, role=role)
        .first()
    )
    return row.group if row else None


def reviewers_for(obj):
    """Active users who may approve or reject ``obj``."""
    group = role_group(enterprise=reviewing_enterprise(obj), role=EnterpriseRole.Role.REVIEWER)
    if group is None:
        return get_user_model().objects.none()
    return group.user_set.filter(is_active=True)


def user_reviews_for(user, obj):
    """Whether ``user`` is a reviewer of the group (or the regulator) that answers for ``obj``.

    The same question as ``reviewers_for(obj)`` contains ``user``, answered
    from the user's reviewer roles, read once per user object: the dashboard
    asks it for every item awaiting review.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    reviewed = getattr(user, "_ceti_reviewer_of", None)
    if reviewed is None:
        reviewed = set(
            EnterpriseRole.objects.filter(
                group__user=user, role=EnterpriseRole.Role.REVIEWER
            ).values_list("enterprise_id", flat=True)
        )
        user._ceti_reviewer_of = reviewed
    return _reviewing_group_id(user, obj) in reviewed


def _reviewing_group_id(user, obj):
    """``reviewing_enterprise(obj).pk`` without fetching the enterprise and its parent per object."""
    enterprise_id = getattr(obj, "enterprise_id", ...)
    if enterprise_id is ...:
        group = reviewing_enterprise(obj)
        return group.pk if group is not None else None
    if enterprise_id is None:
        return None
    groups = getattr(user, "_ceti_group_of", None)
    if groups is None or enterprise_id not in groups:
        from snippets.models import Enterprise

        groups = {
            pk: pk if level == Enterprise.Level.GROUP or parent_id is None else parent_id
            for pk, parent_id, level in Enterprise.objects.values_list("pk", "parent_id", "level")
        }
        user._ceti_group_of = groups
    return groups.get(enterprise_id)


def enterprises_of(user, *, role):
    """Enterprises in which ``user`` holds ``role`` (None in the list: the regulator)."""
    return list(
        EnterpriseRole.objects.filter(group__user=user, role=role).values_list(
            "enterprise_id", flat=True
        )
    )
