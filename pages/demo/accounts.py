"""Demo accounts, one per role (DESIGN.md §7), with a minimal SCOPED admin access.

PLACEHOLDER: issue #3 (provisioning and review) replaces this module. It will
create each enterprise's Wagtail groups, page and collection permissions and
review workflow through the provisioning functions in ``workflows/``; then
this module only creates the users and puts them in those groups.

Until then every enterprise gets:

- "<简称> 编辑": add and change pages in its own sub-platform (EnterprisePage
  subtree), add and choose images and documents in its own collection;
- for a group company, "<简称> 审核" and "<简称> 管理员": the same plus
  publish, on the group's page, whose subtree holds its subsidiaries' pages,
  and on the group's collection, whose children are theirs.

The regulator gets "监管机构 编辑" (add, change) and "监管机构 审核" (add,
change, publish) on the 通知公告 and 国内外技术动态 section pages.
Nobody but ``regulator_admin`` (superuser) can act outside their own subtree.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission

PASSWORD = "ceti-demo-2026"  # noqa: S105 (documented in the README; refused when DEBUG is off)

REGULATOR = "监管机构"

# username: (family name, given name, enterprise code or None, role)
USERS = {
    "regulator_admin": ("赵", "启明", None, "superuser"),
    "regulator_editor": ("钱", "思远", None, "editor"),
    "regulator_reviewer": ("孙", "雅婷", None, "reviewer"),
    "groupa_admin": ("李", "建国", "group-a", "admin"),
    "groupa_reviewer": ("周", "文博", "group-a", "reviewer"),
    "groupa_editor": ("吴", "晓燕", "group-a", "editor"),
    "a1_editor": ("郑", "浩然", "a1", "editor"),
    "a2_editor": ("王", "静怡", "a2", "editor"),
    "groupb_admin": ("冯", "志强", "group-b", "admin"),
    "groupb_reviewer": ("陈", "立新", "group-b", "reviewer"),
    "groupb_editor": ("褚", "佳琪", "group-b", "editor"),
    "b1_editor": ("卫", "子涵", "b1", "editor"),
    "b2_editor": ("蒋", "明轩", "b2", "editor"),
}

ROLE_LABELS = {"editor": "编辑", "reviewer": "审核", "admin": "管理员"}
PAGE_PERMISSIONS = {
    "editor": ("add_page", "change_page"),
    "reviewer": ("add_page", "change_page", "publish_page"),
    "admin": ("add_page", "change_page", "publish_page"),
}
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def editor_of(code):
    """Username of the editor who writes an enterprise's items (None: the regulator)."""
    return {"group-a": "groupa_editor", "group-b": "groupb_editor"}.get(code) or (
        f"{code}_editor" if code else "regulator_editor"
    )


def reviewer_of(code, parent_code=None):
    """Username of the reviewer who publishes them: the group's, or the regulator's."""
    group = parent_code or code
    return {"group-a": "groupa_reviewer", "group-b": "groupb_reviewer"}.get(
        group, "regulator_reviewer"
    )


def group_name(short_name, role):
    return f"{short_name} {ROLE_LABELS[role]}"


def _permissions():
    perms = Permission.objects.filter(
        content_type__app_label__in=("wagtailcore", "wagtailadmin", "wagtailimages", "wagtaildocs")
    ).select_related("content_type")
    return {(p.content_type.app_label, p.codename): p for p in perms}


def _grant(group, perms, *, pages=(), page_codenames=(), collections=()):
    group.permissions.add(perms[("wagtailadmin", "access_admin")])
    for page in pages:
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=perms[("wagtailcore", codename)]
            )
    for collection in collections:
        for key in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=perms[key]
            )


def ensure_groups(*, enterprises, enterprise_pages, regulator_pages, collections):
    """The scoped Wagtail groups, keyed by (enterprise code or None, role).

    ``enterprise_pages`` and ``collections`` are keyed by enterprise code
    (``collections[None]`` is the regulator's); ``regulator_pages`` are the
    section pages the regulator writes under.
    """
    perms = _permissions()
    groups = {}
    for enterprise in enterprises:
        roles = ("editor", "reviewer", "admin") if enterprise.is_group else ("editor",)
        for role in roles:
            group, _created = Group.objects.get_or_create(
                name=group_name(enterprise.short_name, role)
            )
            _grant(
                group,
                perms,
                pages=[enterprise_pages[enterprise.code]],
                page_codenames=PAGE_PERMISSIONS[role],
                collections=[collections[enterprise.code]],
            )
            groups[enterprise.code, role] = group
    for role in ("editor", "reviewer"):
        group, _created = Group.objects.get_or_create(name=group_name(REGULATOR, role))
        _grant(
            group,
            perms,
            pages=regulator_pages,
            page_codenames=PAGE_PERMISSIONS[role],
            collections=[collections[None]],
        )
        groups[None, role] = group
    return groups


def ensure_users(groups):
    """Create the missing demo users; existing ones (and their passwords) are left alone.

    Returns (all demo users by username, number created).
    """
    User = get_user_model()
    existing = {u.username: u for u in User.objects.filter(username__in=USERS)}
    created = 0
    for username, (last_name, first_name, code, role) in USERS.items():
        user = existing.get(username)
        if user is None:
            user = User(
                username=username,
                email=f"{username}@example.com",
                first_name=first_name,
                last_name=last_name,
                is_staff=role == "superuser",
                is_superuser=role == "superuser",
            )
            user.set_password(PASSWORD)
            user.save()
            existing[username] = user
            created += 1
        if role != "superuser":
            user.groups.add(groups[code, role])
    return existing, created
