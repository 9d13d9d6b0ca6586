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

The 科技情况调查 has its own doors at the end of this module (filling,
group review, the regulator's reading and acceptance).

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


# --- 科技情况调查 ----------------------------------------------------------------------
#
# A group company's editors and administrators fill its report
# (``change_surveyreport``); its reviewers (科技管理部门) check it and send it
# to the regulator (``review_surveyreport``); the regulator reads every report
# (``view_surveyreport``) and accepts or returns it (``accept_surveyreport``).
# Subsidiaries file nothing: their group reports for them.

SURVEY_FILLING_ROLES = (Role.EDITOR, Role.ADMIN)
SURVEY_REVIEWING_ROLES = (Role.REVIEWER,)


def _all_groups_if_superuser(user):
    from snippets.models import Enterprise

    return Enterprise.objects.groups() if _active(user) and user.is_superuser else None


def survey_fill_groups(user):
    """The group companies whose survey report ``user`` fills in (superusers: every group)."""
    every = _all_groups_if_superuser(user)
    if every is not None:
        return every
    return _groups_where(user, SURVEY_FILLING_ROLES, "regulator.change_surveyreport")


def survey_review_groups(user):
    """The group companies whose survey report ``user`` reviews and sends to the regulator."""
    every = _all_groups_if_superuser(user)
    if every is not None:
        return every
    return _groups_where(user, SURVEY_REVIEWING_ROLES, "regulator.review_surveyreport")


def sees_all_survey_reports(user):
    """The regulator's view of every group company's survey report."""
    return _active(user) and user.has_perm("regulator.view_surveyreport")


def accepts_survey_reports(user):
    """Whether ``user`` accepts, returns and reopens reports sent to the regulator."""
    return _active(user) and user.has_perm("regulator.accept_surveyreport")


def manages_survey_years(user):
    """Whether ``user`` opens survey years and edits their indicators."""
    return _active(user) and user.has_perm("regulator.change_surveyyear")


def survey_groups(user):
    """The group companies whose report ``user`` may read: all for the regulator, else their own."""
    from snippets.models import Enterprise

    if sees_all_survey_reports(user):
        return Enterprise.objects.groups()
    own = set(survey_fill_groups(user).values_list("pk", flat=True))
    own |= set(survey_review_groups(user).values_list("pk", flat=True))
    return Enterprise.objects.groups().filter(pk__in=own)


def _group_roles(user):
    """The roles ``user`` holds in group companies, read once per user object.

    The admin menu asks on every page whether to show 联系表 and 科技情况调查;
    one query answers both.
    """
    roles = getattr(user, "_ceti_group_roles", None)
    if roles is None:
        roles = set(
            EnterpriseRole.objects.filter(group__user=user, enterprise__level="group").values_list(
                "role", flat=True
            )
        )
        user._ceti_group_roles = roles
    return roles


def _holds_group_role(user, roles, permission):
    return _active(user) and user.has_perm(permission) and bool(_group_roles(user) & set(roles))


def keeps_a_contact_sheet(user):
    """Whether the 联系表 menu is for ``user``: the regulator, or a group's administrator."""
    return (
        sees_all_contacts(user)
        or (_active(user) and user.is_superuser)
        or _holds_group_role(user, CONTACT_ROLES, "regulator.change_contactregistration")
    )


def takes_part_in_survey(user):
    """Whether the 科技情况调查 menu is for ``user`` at all (fills, reviews or reads reports)."""
    return (
        sees_all_survey_reports(user)
        or (_active(user) and user.is_superuser)
        or _holds_group_role(user, SURVEY_FILLING_ROLES, "regulator.change_surveyreport")
        or _holds_group_role(user, SURVEY_REVIEWING_ROLES, "regulator.review_surveyreport")
    )


# -- the patent ranking and the participation statistics: the regulator's alone ----------


def sees_rankings(user):
    """The regulator's editors and reviewers (and superusers) read the rankings before release."""
    return _active(user) and user.has_perm("regulator.view_rankingrelease")


def may_release_ranking(user):
    """Releasing a year's ranking is a publication: the regulator's reviewers."""
    return sees_rankings(user) and user.has_perm("regulator.add_rankingrelease")


def may_withdraw_ranking(user):
    return sees_rankings(user) and user.has_perm("regulator.change_rankingrelease")


def sees_participation(user):
    """The participation report compares every group company: the regulator's roles only."""
    return _active(user) and user.has_perm("regulator.view_participationweights")


def changes_participation_weights(user):
    return _active(user) and user.has_perm("regulator.change_participationweights")
