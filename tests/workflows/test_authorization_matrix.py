"""The authorization matrix: every role × every action × items of two groups, their subsidiaries and the regulator.

Permissions come from real provisioning (``workflows.provisioning``), exactly
as the admin and ``manage.py provision_enterprise`` set them up, and every
cell is asked through the path a person would use: the admin URL where one
exists (editor, history, revision comparison, revert, workflow action modal),
otherwise the object Wagtail's views ask (``page.permissions_for_user``, the
task's actions, the inbox query, the admin form).

Each test states one action's table: for every role, the enterprises whose
items that role may act on. Every other cell is asserted refused. The tables
are the rules of DESIGN.md §1 and §4 written out, so a failure names the role,
the item and what happened.

Items: a draft, an item awaiting 集团审核 and a published item of
能源一院 (``a1``, subsidiary of 集团 A), of 集团 A itself (``group_a``), of
装备一院 (``b1``, subsidiary of 集团 B) and of the regulator (a trend).
"""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from snippets.models import Enterprise
from workflows.models import EnterpriseRole

pytestmark = pytest.mark.django_db

Role = EnterpriseRole.Role
OWNERS = ("a1", "group_a", "b1", "regulator")
EVERYTHING = set(OWNERS)

ROLES = (
    "a1_editor",
    "groupa_editor",
    "groupa_reviewer",
    "groupa_admin",
    "b1_editor",
    "groupb_reviewer",
    "regulator_editor",
    "regulator_reviewer",
    "platform_admin",
)

# Who writes for which enterprise: the editors and the platform administrator.
WRITERS = {
    "a1_editor": {"a1"},
    "groupa_editor": {"group_a"},  # not its subsidiaries' items: they write their own
    "b1_editor": {"b1"},
    "regulator_editor": {"regulator"},
    "platform_admin": EVERYTHING,
}
# Who decides on items under review: the reviewers of the owning group company.
REVIEWERS = {
    "groupa_reviewer": {"a1", "group_a"},
    "groupb_reviewer": {"b1"},
    "regulator_reviewer": {"regulator"},
}
ADMIN_ONLY = {"platform_admin": EVERYTHING}
NOBODY = {}


def table(world, action):
    """``{role: {owner, …}}`` of the cells where ``action(user, owner)`` is allowed."""
    return {role: {owner for owner in OWNERS if action(world.users[role], owner)} for role in ROLES}


def expect(allowed):
    return {role: set(allowed.get(role, set())) for role in ROLES}


def perms(world, state, owner, user):
    page = world.items[state][owner]
    page.refresh_from_db()
    return page.permissions_for_user(user)


def admin_get(client, user, url):
    client.force_login(user)
    return client.get(url)


def status_allows(response):
    """The admin refuses with 403, or a redirect away (login, dashboard with a message)."""
    return response.status_code == 200


# -- reading and writing --------------------------------------------------


def test_view_draft_in_the_editor(world, client):
    def view(user, owner):
        page = world.items["draft"][owner]
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, view) == expect(WRITERS)


def test_view_item_under_review_in_the_editor(world, client):
    def view(user, owner):
        page = world.items["review"][owner]
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return status_allows(admin_get(client, user, url))

    readers = {role: WRITERS.get(role, set()) | REVIEWERS.get(role, set()) for role in ROLES}
    assert table(world, view) == expect(readers)


def test_edit(world):
    assert table(world, lambda u, o: perms(world, "draft", o, u).can_edit()) == expect(WRITERS)


def test_submit(world):
    def submit(user, owner):
        tester = perms(world, "draft", owner, user)
        return tester.can_edit() and tester.can_submit_for_moderation()

    assert table(world, submit) == expect(WRITERS)


def test_create_under_the_sub_platform(world):
    def create(user, owner):
        parent = world.parents[owner]
        return parent.permissions_for_user(user).can_add_subpage()

    assert table(world, create) == expect(WRITERS)


# -- review -----------------------------------------------------------------


def task_state_of(world, owner):
    page = world.items["review"][owner]
    page.refresh_from_db()
    return page, page.current_workflow_state.current_task_state


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_review_decisions_through_the_action_url(world, client, action):
    def decide(user, owner):
        page, task_state = task_state_of(world, owner)
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, decide) == expect(REVIEWERS)


def test_see_in_inbox(world):
    def sees(user, owner):
        _page, task_state = task_state_of(world, owner)
        return TaskState.objects.reviewable_by(user).filter(pk=task_state.pk).exists()

    assert table(world, sees) == expect(REVIEWERS)


def test_see_on_the_dashboard(world, client):
    def sees(user, owner):
        page, _task_state = task_state_of(world, owner)
        response = admin_get(client, user, reverse("wagtailadmin_home"))
        return page.get_admin_display_title() in response.content.decode()

    # Editors see their own submissions under "your pages in a workflow"; the
    # platform administrator has no review rights and so no awaiting panel.
    own = {role: WRITERS.get(role, set()) for role in ROLES if role != "platform_admin"}
    shown = {role: own.get(role, set()) | REVIEWERS.get(role, set()) for role in ROLES}
    assert table(world, sees) == expect(shown)


# -- publication -----------------------------------------------------------


def test_publish(world):
    assert table(world, lambda u, o: perms(world, "draft", o, u).can_publish()) == expect(
        ADMIN_ONLY
    )


def test_unpublish(world):
    assert table(world, lambda u, o: perms(world, "live", o, u).can_unpublish()) == expect(
        ADMIN_ONLY
    )


def test_schedule(world):
    """Article pages offer no go-live or expiry field to anyone: publication dates come from review."""

    def schedule(user, owner):
        page = world.items["draft"][owner].specific
        form_class = page.get_edit_handler().get_form_class()
        form = form_class(instance=page, for_user=user)
        field = form.fields.get("go_live_at")
        return field is not None and not field.disabled

    assert table(world, schedule) == expect(NOBODY)


def test_schedule_on_a_sub_platform_page(world):
    def schedule(user, owner):
        if owner == "regulator":
            page = world.parents[owner].specific
        else:
            page = world.parents[owner].specific
        form = page.get_edit_handler().get_form_class()(instance=page, for_user=user)
        field = form.fields.get("go_live_at")
        return field is not None and not field.disabled

    assert table(world, schedule) == expect(ADMIN_ONLY)


# -- moving, copying, deleting, reverting ------------------------------------


def test_move_into_another_enterprise(world):
    def move(user, owner):
        return perms(world, "draft", owner, user).can_move_to(world.elsewhere[owner])

    # Page-type rules stop even the administrator from putting a trend under a sub-platform.
    assert table(world, move) == expect({"platform_admin": {"a1", "group_a", "b1"}})


def test_copy_within_own_enterprise(world):
    def copy(user, owner):
        return perms(world, "draft", owner, user).can_copy_to(world.parents[owner])

    assert table(world, copy) == expect(WRITERS)


def test_copy_into_another_enterprise(world):
    def copy(user, owner):
        return perms(world, "draft", owner, user).can_copy_to(world.elsewhere[owner])

    assert table(world, copy) == expect({"platform_admin": {"a1", "group_a", "b1"}})


def test_delete_draft(world):
    assert table(world, lambda u, o: perms(world, "draft", o, u).can_delete()) == expect(WRITERS)


def test_delete_published_item(world):
    assert table(world, lambda u, o: perms(world, "live", o, u).can_delete()) == expect(ADMIN_ONLY)


def test_revert_to_an_older_revision(world, client):
    def revert(user, owner):
        page = world.items["live"][owner]
        first = page.revisions.order_by("created_at", "pk").first()
        url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, revert) == expect(WRITERS)


def test_page_history(world, client):
    def history(user, owner):
        page = world.items["live"][owner]
        url = reverse("wagtailadmin_pages:history", args=[page.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, history) == expect(WRITERS)


def test_revision_comparison(world, client):
    def compare(user, owner):
        page = world.items["live"][owner]
        first, second = page.revisions.order_by("created_at", "pk")[:2]
        url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, compare) == expect(WRITERS)


def test_copy_for_translation(world, client):
    """Translations publish content in English: only the platform administrator submits them."""

    def translate(user, owner):
        page = world.items["live"][owner]
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, translate) == expect(ADMIN_ONLY)


def test_enterprise_of_items_is_as_the_tables_assume(world):
    """Guards the fixture: the owners in the tables are the items' owning enterprises."""
    codes = {
        owner: getattr(world.items["draft"][owner].specific.owning_enterprise, "code", None)
        for owner in OWNERS
    }
    assert codes == {"a1": "a1", "group_a": "group-a", "b1": "b1", "regulator": None}
    assert Enterprise.objects.get(code="a1").group.code == "group-a"


# -- accounts ----------------------------------------------------------------------


def test_manage_the_accounts_of_an_enterprise(world, client):
    """Opening the account of the enterprise's editor: its group administrator and the platform's."""
    editor_of = {
        "a1": "a1_editor",
        "group_a": "groupa_editor",
        "b1": "b1_editor",
        "regulator": "regulator_editor",
    }

    def manage(user, owner):
        account = world.users[editor_of[owner]]
        url = reverse("wagtailusers_users:edit", args=[account.pk])
        return status_allows(admin_get(client, user, url))

    assert table(world, manage) == expect(
        {"groupa_admin": {"a1", "group_a"}, "platform_admin": EVERYTHING}
    )


@pytest.mark.parametrize("report", ["workflow", "workflow_tasks"])
def test_see_in_the_workflow_reports(world, client, report):
    """Wagtail's reports cascade down the tree and need a page permission; these follow the matrix."""

    def sees(user, owner):
        response = admin_get(client, user, reverse(f"wagtailadmin_reports:{report}"))
        return status_allows(response) and f"{owner}-review" in response.content.decode()

    readers = {role: WRITERS.get(role, set()) | REVIEWERS.get(role, set()) for role in ROLES}
    assert table(world, sees) == expect(readers)
