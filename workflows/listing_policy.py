"""Row-level permissions of the resource listings: the one place that answers "may this user … this listing?".

Wagtail checks snippet permissions per model (DESIGN.md §9, #6731, #11707):
anyone holding ``change_expert`` could edit every group's experts. Here an
editor writes only for the enterprises where they hold the editor role, a
group's reviewers see their group and its subsidiaries, and nobody else sees
anything that is not public. Superusers (platform administrators) pass.

Every listing view, bulk action, chooser, export, import and API endpoint asks
this module (docs/resource-listings.md §3).
"""

from django.db import models
from wagtail.permission_policies import ModelPermissionPolicy

from .models import EnterpriseRole

Role = EnterpriseRole.Role

# Actions that need the editor role in the listing's enterprise.
WRITE_ACTIONS = {"add", "change", "delete", "lock", "unlock"}


def _role_enterprise_ids(user, role):
    cache = getattr(user, "_ceti_listing_roles", None)
    if cache is None:
        cache = {}
        for enterprise_id, r in EnterpriseRole.objects.filter(group__user=user).values_list(
            "enterprise_id", "role"
        ):
            if enterprise_id is not None:
                cache.setdefault(r, set()).add(enterprise_id)
        user._ceti_listing_roles = cache
    return cache.get(role, set())


def writable_enterprise_ids(user):
    """Enterprises in which ``user`` is an editor (cached on the user object for the request)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return _role_enterprise_ids(user, Role.EDITOR)


def reviewed_group_ids(user):
    """Group companies whose listings ``user`` reviews."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return _role_enterprise_ids(user, Role.REVIEWER)


def visible_listings_q(user, *, field="enterprise"):
    """Listings of the user's own enterprises or of the groups they review."""
    from .tasks import reviewed_enterprises_q

    q = models.Q(**{f"{field}__in": writable_enterprise_ids(user)})
    groups = reviewed_group_ids(user)
    if groups:
        q |= reviewed_enterprises_q(groups, field=field)
    return q


def visible_listings(user, model=None):
    """Every listing (of ``model``) the user may see in the admin; superusers see all."""
    from snippets.models import Listing

    model = model or Listing
    qs = model.objects.all()
    if user.is_superuser:
        return qs
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    return qs.filter(visible_listings_q(user))


class ListingPermissionPolicy(ModelPermissionPolicy):
    """Django's per-model permissions, narrowed to the rows of the user's enterprises.

    - add, change, lock, unlock: the model permission and the editor role in
      the listing's enterprise;
    - delete: the same, and only if it was never published (谁上网谁负责: what
      went online stays on record; a published listing is ended by its status
      or validity, through review);
    - view: the model permission and own enterprise or a reviewed group;
    - publish: the model permission, which only superusers hold.
    """

    def _allowed_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser:
            return True
        enterprise_id = instance.enterprise_id
        if action in WRITE_ACTIONS:
            if enterprise_id not in writable_enterprise_ids(user):
                return False
            # Never delete what went online: it stays on record.
            return not (action == "delete" and instance.first_published_at is not None)
        if action == "view":
            return visible_listings(user, type(instance)).filter(pk=instance.pk).exists()
        return True

    def user_has_permission_for_instance(self, user, action, instance):
        return self._allowed_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self._allowed_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        if user.is_superuser:
            return self.model.objects.all()
        q = models.Q(pk__in=[])
        if set(actions) & WRITE_ACTIONS:
            q |= models.Q(enterprise__in=writable_enterprise_ids(user))
        if "view" in actions:
            q |= visible_listings_q(user)
        qs = self.model.objects.filter(q)
        if set(actions) <= {"delete"}:
            qs = qs.filter(first_published_at__isnull=True)
        return qs

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        write = set(actions) & WRITE_ACTIONS
        if write:
            editors = models.Q(
                groups__enterprise_role__role=Role.EDITOR,
                groups__enterprise_role__enterprise=instance.enterprise_id,
            )
            return users.filter(editors | models.Q(is_superuser=True)).distinct()
        return users
