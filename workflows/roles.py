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
    """Whether ``user`` is a reviewer of the group (or the regulator) that answers for ``obj``."""
    if not user.is_authenticated or not user.is_active:
        return False
    return reviewers_for(obj).filter(pk=user.pk).exists()


def enterprises_of(user, *, role):
    """Enterprises in which ``user`` holds ``role`` (None in the list: the regulator)."""
    return list(
        EnterpriseRole.objects.filter(group__user=user, role=role).values_list(
            "enterprise_id", flat=True
        )
    )
