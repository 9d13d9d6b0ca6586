"""Demo accounts, one per role (DESIGN.md §7), in the groups that provisioning created.

The demo does not build permissions of its own: the loader provisions every
demo enterprise and the regulator through ``workflows.provisioning`` (the same
function the admin and ``manage.py provision_enterprise`` use), and this
module only creates the users and puts each into its role's group:

- ``regulator_editor`` / ``regulator_reviewer``: "监管机构·编辑" / "监管机构·审核员";
- ``groupa_admin``, ``groupa_reviewer``, ``groupa_editor`` (and group B's):
  "<集团简称>·管理员", "·审核员", "·编辑";
- ``a1_editor`` … ``b2_editor``: their subsidiary's "<简称>·编辑";
- ``regulator_admin`` is a superuser (the platform administrator).

Editors add and change pages in their own sub-platform; nobody but the
superuser publishes directly (publication goes through review). The known
password is refused when DEBUG is off unless asked for (``seed_demo``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .reference import ENTERPRISES

PASSWORD = "ceti-demo-2026"  # noqa: S105 (documented in the README; refused when DEBUG is off)

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


def remove_placeholder_groups():
    """Delete the groups the placeholder of this module created before provisioning existed.

    They were named "<简称> 编辑", "<简称> 审核", "<简称> 管理员" (with a space) for the
    demo enterprises and "监管机构 …" for the regulator, and
    held publish permissions that nobody below a superuser should have; a
    database seeded by the old code converges on the provisioned groups.
    Groups recorded in ``EnterpriseRole`` are never touched. Returns the
    number of groups deleted.
    """
    owners = [spec.short_name for spec in ENTERPRISES] + ["监管机构"]
    names = [f"{owner} {label}" for owner in owners for label in ("编辑", "审核", "管理员")]
    old = Group.objects.filter(name__in=names, enterprise_role__isnull=True)
    count = old.count()
    old.delete()
    return count


def ensure_users(groups):
    """Create the missing demo users and put each in its provisioned group.

    ``groups`` maps (enterprise code or None, role) to the Wagtail group that
    provisioning created. Existing users (and their passwords) are left alone
    apart from joining their group. Returns (all demo users by username,
    number created).
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
