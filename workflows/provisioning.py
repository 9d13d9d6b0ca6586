"""Provisioning: everything an enterprise needs to work on the platform, created at once.

DESIGN.md §3: provisioning an enterprise (admin action and management command)
creates its sub-platform page, its Wagtail groups, page permissions on its
subtree, a collection for its images and documents with collection
permissions, "and nothing else by hand". The functions here are the one place
that does it; the ``provision_enterprise`` command, the Enterprise snippet's
create/edit hooks and the demo loader all call them.

Every function is idempotent and only creates what is missing: a second run,
or a run after an enterprise was renamed, changes nothing that exists. Groups
are found through ``EnterpriseRole`` (never by name), the collection through
the editor group's collection permission, the page through its ``enterprise``
foreign key, so renaming an enterprise keeps all three.

Who may do what (DESIGN.md §1, §4 "nothing may bypass review"):

- editors add and change pages in their own sub-platform and use their own
  collection; they never publish;
- reviewers get no page permission at all: the review task resolves them
  from ``EnterpriseRole`` and lets them approve there; they may choose the
  images and documents of their group (its collection and its subsidiaries'
  child collections) to preview what they review;
- group administrators (子平台系统管理员) get no page or collection
  permission; they hold the user model's add/change/delete permissions so that
  Wagtail's user views (Settings → Users) open for them, and
  ``workflows.accounts`` narrows those views to the accounts and role groups of
  their group company and its subsidiaries. They never get ``auth.Group``
  permissions: roles are created here, not edited by hand. A database
  provisioned before this rule gets the permissions when provisioning runs
  again (``manage.py provision_enterprise --all`` or ``seed_demo``).

Known limitation: Wagtail page permissions cascade down the tree, so a group
company's editor group can also add and change pages in its subsidiaries'
sub-platforms. The row-level rule that narrows this is a later step.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from pages.models import EnterpriseIndexPage, EnterprisePage, NoticeIndexPage, TrendIndexPage
from pages.translation import translate_page

from .models import EnterpriseRole, SensitiveTerm

Role = EnterpriseRole.Role
User = get_user_model()

REGULATOR = "监管机构"
GROUP_LABELS = {Role.EDITOR: "编辑", Role.REVIEWER: "审核员", Role.ADMIN: "管理员"}
GROUP_ROLES = (Role.EDITOR, Role.REVIEWER, Role.ADMIN)
SUBSIDIARY_ROLES = (Role.EDITOR,)
REGULATOR_ROLES = (Role.EDITOR, Role.REVIEWER)

# Page permissions, on the enterprise's own sub-platform page (and so its subtree).
# Nobody but superusers publishes directly: publication goes through review.
PAGE_PERMISSIONS = {Role.EDITOR: ("add_page", "change_page")}
# Collection permissions: (app label, codename).
COLLECTION_PERMISSIONS = {
    Role.EDITOR: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ),
    Role.REVIEWER: (
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "choose_document"),
    ),
}

# Actions on the user model: they open Wagtail's user views (Settings → 用户),
# which ``workflows.accounts`` narrows to the administrator's own group.
USER_PERMISSIONS = {Role.ADMIN: ("add", "change", "delete")}
# Resource listings (snippets): editors keep their enterprise's listings, reviewers
# read their group's; workflows.listing_policy narrows both to those rows. Nobody
# but superusers publishes; the regulator has no listings.
LISTING_PERMISSIONS = {
    Role.EDITOR: ("add", "change", "delete", "view", "lock", "unlock"),
    Role.REVIEWER: ("view",),
}
SENSITIVE_TERM_PERMISSIONS = ("add_sensitiveterm", "change_sensitiveterm", "view_sensitiveterm")
# The regulator's work (regulator/): a group company's administrators and reviewers
# acknowledge notices (回执), its administrators keep its 联系表; the regulator reads
# both. regulator.access narrows the group side to the user's own group company.
# The annual survey: the group's editors and administrators fill in its report
# (change), its reviewers check and submit it (review); the regulator opens survey
# years and accepts or returns reports, and its reviewers release the patent ranking.
GROUP_REGULATOR_WORK_PERMISSIONS = {
    Role.ADMIN: (
        "add_noticeacknowledgement",
        "change_contactregistration",
        "change_surveyreport",
    ),
    Role.EDITOR: ("change_surveyreport",),
    Role.REVIEWER: ("add_noticeacknowledgement", "review_surveyreport"),
}
_REGULATOR_SURVEY = (
    "view_noticeacknowledgement",
    "view_contactregistration",
    "add_surveyyear",
    "change_surveyyear",
    "view_surveyyear",
    "view_surveyreport",
    "accept_surveyreport",
    "view_rankingrelease",
    # participation statistics: its weights setting carries the permissions
    "view_participationweights",
    "change_participationweights",
)
REGULATOR_WORK_PERMISSIONS = {
    Role.EDITOR: _REGULATOR_SURVEY,
    Role.REVIEWER: (*_REGULATOR_SURVEY, "add_rankingrelease", "change_rankingrelease"),
}


@dataclass
class Provisioned:
    """What an enterprise (or the regulator, ``page=None``) has after provisioning."""

    page: EnterprisePage | None
    groups: dict  # EnterpriseRole.Role -> auth Group
    collection: Collection
    created: list = field(default_factory=list)  # what this run created, for messages


@transaction.atomic
def provision_enterprise(*, enterprise, user=None, translate=True):
    """Create whatever is missing of ``enterprise``'s page, groups, permissions and collection.

    A subsidiary's page sits under its group's page and its collection inside
    its group's, so the group company is provisioned first. ``translate=False``
    skips the English page (the demo loader translates with its own corpus).
    """
    created = []
    if not enterprise.is_group and enterprise.parent_id:
        parent = provision_enterprise(enterprise=enterprise.parent, user=user, translate=translate)
        parent_page, parent_collection = parent.page, parent.collection
        created.extend(parent.created)
    else:
        parent_page, parent_collection = _enterprise_index(), Collection.get_first_root_node()

    page = _page(enterprise, parent_page, user=user, translate=translate, created=created)
    roles = GROUP_ROLES if enterprise.is_group else SUBSIDIARY_ROLES
    groups = {
        role: _group(enterprise=enterprise, owner=enterprise.short_name, role=role, created=created)
        for role in roles
    }
    collection = _collection(
        editors=groups[Role.EDITOR],
        parent=parent_collection,
        name=enterprise.short_name,
        created=created,
    )
    perms = _permissions()
    for role, group in groups.items():
        _grant(group, perms, role=role, pages=[page], collection=collection)
        _grant_listings(group, role=role)
        if enterprise.is_group:
            _grant_regulator_work(group, GROUP_REGULATOR_WORK_PERMISSIONS.get(role, ()))
    return Provisioned(page=page, groups=groups, collection=collection, created=created)


@transaction.atomic
def provision_regulator():
    """The regulator's editor and reviewer groups, its collection and its section permissions.

    Regulator editors write notices (通知公告) and technology trends
    (国内外技术动态) in the Chinese tree; the regulator's reviewers approve them
    through review, hold no page permission themselves and keep the
    sensitive-terms list of the confidentiality check (保密审查).
    """
    zh = Locale.get_default()
    sections = [
        model.objects.filter(locale=zh).first() for model in (NoticeIndexPage, TrendIndexPage)
    ]
    if None in sections:
        from pages.setup import ensure_site_structure

        _home, by_slug = ensure_site_structure()
        sections = [by_slug["notices"], by_slug["trends"]]
    created = []
    groups = {
        role: _group(enterprise=None, owner=REGULATOR, role=role, created=created)
        for role in REGULATOR_ROLES
    }
    collection = _collection(
        editors=groups[Role.EDITOR],
        parent=Collection.get_first_root_node(),
        name=REGULATOR,
        created=created,
    )
    perms = _permissions()
    for role, group in groups.items():
        _grant(group, perms, role=role, pages=sections, collection=collection)
        _grant_regulator_work(group, REGULATOR_WORK_PERMISSIONS.get(role, ()))
    # The regulator keeps the sensitive-terms list of 保密审查 (no delete:
    # a term is deactivated so that the list keeps its history).
    terms = ContentType.objects.get_for_model(SensitiveTerm)
    groups[Role.REVIEWER].permissions.add(
        *Permission.objects.filter(content_type=terms, codename__in=SENSITIVE_TERM_PERMISSIONS)
    )
    return Provisioned(page=None, groups=groups, collection=collection, created=created)


# --- parts ---------------------------------------------------------------------------


def _enterprise_index():
    index = EnterpriseIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        from pages.setup import ensure_site_structure

        _home, sections = ensure_site_structure()
        index = sections["enterprises"]
    return index


def _page(enterprise, parent, *, user, translate, created):
    zh = Locale.get_default()
    page = EnterprisePage.objects.filter(enterprise=enterprise, locale=zh).first()
    if page is None:
        page = EnterprisePage(
            title=enterprise.name, slug=enterprise.code, enterprise=enterprise, locale=zh
        )
        parent.add_child(instance=page)
        # Provisioning is a platform administrator's act, not an editor's
        # publication: the empty sub-platform page has nothing to review.
        page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
        page.refresh_from_db()
        created.append(f"页面 {page.title}")
    en = Locale.objects.filter(language_code="en").first()
    # The English page needs its parent's English page (the English 企业子平台).
    if translate and en and not page.has_translation(en) and parent.has_translation(en):
        strings = {enterprise.name: enterprise.name_en} if enterprise.name_en else {}
        translate_page(page, en, strings, user=user)
        created.append(f"英文页面 {enterprise.name_en or enterprise.name}")
    return page


def _group(*, enterprise, owner, role, created):
    row = (
        EnterpriseRole.objects.select_related("group")
        .filter(enterprise=enterprise, role=role)
        .first()
    )
    if row is not None:
        return row.group
    name = f"{owner}·{GROUP_LABELS[role]}"
    taken = Group.objects.filter(name=name, enterprise_role__isnull=False).exists()
    if taken and enterprise is not None:
        # Two enterprises with the same short name: the code tells them apart.
        name = f"{owner}（{enterprise.code}）·{GROUP_LABELS[role]}"
    group, _created = Group.objects.get_or_create(name=name)
    EnterpriseRole.objects.create(enterprise=enterprise, role=role, group=group)
    created.append(f"用户组 {group.name}")
    return group


def _collection(*, editors, parent, name, created):
    granted = (
        GroupCollectionPermission.objects.filter(group=editors).select_related("collection").first()
    )
    if granted is not None:
        return granted.collection
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(instance=Collection(name=name))
        created.append(f"文件夹 {name}")
    return collection


def _permissions():
    page_type = ContentType.objects.get_for_model(Page)
    perms = Permission.objects.filter(
        content_type__app_label__in=("wagtailadmin", "wagtailimages", "wagtaildocs")
    ).select_related("content_type")
    result = {(p.content_type.app_label, p.codename): p for p in perms}
    for p in Permission.objects.filter(content_type=page_type):
        result["wagtailcore", p.codename] = p
    for p in Permission.objects.filter(content_type=ContentType.objects.get_for_model(User)):
        result["user", p.codename] = p
    return result


def _grant(group, perms, *, role, pages, collection):
    group.permissions.add(perms["wagtailadmin", "access_admin"])
    model_name = User._meta.model_name
    group.permissions.add(
        *(perms["user", f"{action}_{model_name}"] for action in USER_PERMISSIONS.get(role, ()))
    )
    for page in pages:
        for codename in PAGE_PERMISSIONS.get(role, ()):
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=perms["wagtailcore", codename]
            )
    for key in COLLECTION_PERMISSIONS.get(role, ()):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=perms[key]
        )


def _grant_listings(group, *, role):
    from snippets.models import LISTING_MODELS

    actions = LISTING_PERMISSIONS.get(role, ())
    if not actions:
        return
    types = ContentType.objects.get_for_models(*LISTING_MODELS).values()
    codenames = [
        f"{action}_{model._meta.model_name}" for model in LISTING_MODELS for action in actions
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__in=types, codename__in=codenames)
    )


def _grant_regulator_work(group, codenames):
    """Notices with acknowledgement and the 联系表 (regulator/); rows are scoped there."""
    if codenames:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="regulator", codename__in=codenames)
        )
