"""Row-level page permissions: a grant on one enterprise's sub-platform stops at the next one.

Wagtail page permissions cascade down the tree (DESIGN.md §3): a group
company's editor group, granted add/change on the group's sub-platform page,
would also reach every subsidiary's sub-platform beneath it. DESIGN.md §1 says
editors write for their own enterprise only, so here a permission granted on
an ``EnterprisePage`` applies only to pages owned by that same enterprise
(``obj.owning_enterprise``, the one question every rule asks). Grants on
pages outside the enterprise tree (the regulator's sections) cascade as
Wagtail's do.

Everything Wagtail's admin asks goes through ``Page.permissions_for_user``
and so through ``EnterprisePagePermissionTester``: edit, create under a
parent, delete, move and copy (source and destination), unpublish, history,
revisions and their comparison, revert, bulk actions, wagtail-localize's
editor. Moves and copies never cross enterprises below the platform
administrator, even for someone who holds roles in both.
"""

from wagtail.models import PagePermissionTester

ENTERPRISE_GRANTS_CACHE = "_ceti_enterprise_page_grants"


def owning_enterprise_id(page):
    """The id of the enterprise that owns ``page`` (None: regulator content or a structural page)."""
    return getattr(page.specific_deferred, "enterprise_id", None)


def enterprise_grants(user, permissions):
    """``{granted page id: enterprise id}`` for the grants of ``user`` that sit on sub-platform pages.

    One query per user per request, cached on the user object as Wagtail
    caches the grants themselves.
    """
    if not hasattr(user, ENTERPRISE_GRANTS_CACHE):
        from pages.models import EnterprisePage

        page_ids = {perm.page_id for perm in permissions}
        grants = dict(
            EnterprisePage.objects.filter(pk__in=page_ids).values_list("pk", "enterprise_id")
        )
        setattr(user, ENTERPRISE_GRANTS_CACHE, grants)
    return getattr(user, ENTERPRISE_GRANTS_CACHE)


class EnterprisePagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not (user.is_active and not user.is_superuser):
            return
        permissions = self.permission_policy.get_cached_permissions_for_user(user)
        grants = enterprise_grants(user, permissions)
        owner = owning_enterprise_id(page)
        self.permissions = {
            perm.permission.codename.rsplit("_", maxsplit=1)[0]
            for perm in permissions
            if page.path.startswith(perm.page.path)
            and (perm.page_id not in grants or grants[perm.page_id] == owner)
        }

    def same_enterprise(self, destination):
        return self.user.is_superuser or owning_enterprise_id(self.page) == owning_enterprise_id(
            destination
        )

    def can_move_to(self, destination):
        return self.same_enterprise(destination) and super().can_move_to(destination)

    def can_copy_to(self, destination, recursive=False):
        return self.same_enterprise(destination) and super().can_copy_to(destination, recursive)


class EnterpriseOwnedPage:
    """Mixin for page types owned by an enterprise: their permissions stop at its border."""

    def permissions_for_user(self, user):
        return EnterprisePagePermissionTester(user, self)


def choosable_pages(pages, user):
    """The page chooser is not tenant-aware (wagtail#1700): others' drafts stay out of it.

    Anyone may link to a published page; unpublished pages appear only where
    the user may explore the tree anyway (their own sub-platform, and for a
    group's editors its subsidiaries').
    """
    if user.is_superuser:
        return pages
    from django.db.models import Q
    from wagtail.permissions import page_permission_policy

    explorable = page_permission_policy.explorable_instances(user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))


def editable_pages(user):
    """Pages ``user`` may change, by the row-level rule above, as one queryset.

    Wagtail's ``instances_user_has_permission_for(user, "change")`` cascades
    down the whole subtree (its workflow reports list a group editor's
    subsidiaries' items); this asks the same question the tester does: a grant
    on a sub-platform covers only pages owned by that enterprise, and "add"
    covers the pages the user owns.
    """
    from django.db.models import Q
    from wagtail.models import Page
    from wagtail.permissions import page_permission_policy

    if not (user.is_authenticated and user.is_active):
        return Page.objects.none()
    if user.is_superuser:
        return Page.objects.all()
    from pages.models import ArticlePage, EnterprisePage

    permissions = page_permission_policy.get_cached_permissions_for_user(user)
    grants = enterprise_grants(user, permissions)
    pages = Q()
    for perm in permissions:
        action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
        if action not in ("change", "add"):
            continue
        reach = Q(path__startswith=perm.page.path)
        if perm.page_id in grants:
            owned_by = grants[perm.page_id]
            reach &= Q(pk__in=ArticlePage.objects.filter(enterprise_id=owned_by).values("pk")) | Q(
                pk__in=EnterprisePage.objects.filter(enterprise_id=owned_by).values("pk")
            )
        if action == "add":
            reach &= Q(owner=user)
        pages |= reach
    if not pages:
        return Page.objects.none()
    return Page.objects.filter(pages)


def can_explore(user, page):
    """Whether ``user`` may open ``page``'s listing in the page explorer."""
    from wagtail.permissions import page_permission_policy

    return page_permission_policy.explorable_instances(user).filter(pk=page.pk).exists()
