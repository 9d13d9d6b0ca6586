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
装备一院 (``b1``, subsidiary of 集团 B) and of the regulator (a trend). The
resource listings at the end have the same three states for the three
enterprises (a listing always belongs to an enterprise, never to the
regulator), and every cell is asked through the listing's admin URL.
"""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from snippets.models import Enterprise, Instrument
from tests.snippets import listing_world
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


# -- resource listings (docs/resource-listings.md §3.2) -------------------------------------
#
# Wagtail checks snippet permissions per model; these rows ask every path of
# one listing for every role. Another enterprise's listing answers 404 (its
# existence is not revealed), a listing the user sees but may not act on is
# refused; both count as "not allowed" here.

listings = listing_world.listings
listings_built = listing_world.listings_built
LISTING_OWNERS = listing_world.LISTING_OWNERS
# Who sees a listing in the admin: its writers and the reviewers of its group.
LISTING_READERS = {role: WRITERS.get(role, set()) | REVIEWERS.get(role, set()) for role in ROLES}


def listing_table(world, action):
    """``{role: {owner, …}}`` over the listing owners, like ``table``."""
    return {
        role: {owner for owner in LISTING_OWNERS if action(world.users[role], owner)}
        for role in ROLES
    }


def listing_expect(allowed):
    return {role: set(allowed.get(role, set())) & set(LISTING_OWNERS) for role in ROLES}


def listing_url(listing, name, *args):
    return reverse(listing.snippet_viewset.get_url_name(name), args=[listing.pk, *args])


def test_see_listing_in_the_admin_index(world, listings, client):
    index = reverse(Instrument.snippet_viewset.get_url_name("list"))

    def sees(user, owner):
        response = admin_get(client, user, index)
        title = listings.items["draft"][owner].title
        return status_allows(response) and title in response.content.decode()

    assert listing_table(world, sees) == listing_expect(LISTING_READERS)


def test_open_listing_draft_in_the_editor(world, listings, client):
    def opens(user, owner):
        url = listing_url(listings.items["draft"][owner], "edit")
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, opens) == listing_expect(WRITERS)


def test_open_listing_under_review_in_the_editor(world, listings, client):
    def opens(user, owner):
        url = listing_url(listings.items["review"][owner], "edit")
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, opens) == listing_expect(LISTING_READERS)


def test_save_listing_draft(world, listings, client):
    def saves(user, owner):
        listing = listings.items["draft"][owner]
        title = f"{user.username}改写的名称"
        client.force_login(user)
        client.post(
            listing_url(listing, "edit"), listing_world.edit_data(listing, user, title=title)
        )
        return listing.revisions.filter(content__title=title).exists()

    assert listing_table(world, saves) == listing_expect(WRITERS)


def test_listing_history(world, listings, client):
    def history(user, owner):
        url = listing_url(listings.items["live"][owner], "history")
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, history) == listing_expect(LISTING_READERS)


def test_listing_revision_comparison(world, listings, client):
    def compare(user, owner):
        listing = listings.items["live"][owner]
        first, second = listing.revisions.order_by("created_at", "pk")[:2]
        url = listing_url(listing, "revisions_compare", first.pk, second.pk)
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, compare) == listing_expect(LISTING_READERS)


def test_revert_listing_to_an_older_revision(world, listings, client):
    def revert(user, owner):
        listing = listings.items["live"][owner]
        first = listing.revisions.order_by("created_at", "pk").first()
        url = listing_url(listing, "revisions_revert", first.pk)
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, revert) == listing_expect(WRITERS)


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_listing_review_decisions_through_the_action_url(world, listings, client, action):
    def decide(user, owner):
        listing = listings.items["review"][owner]
        task_state = listing.current_workflow_state.current_task_state
        url = listing_url(listing, "workflow_action", action, task_state.pk)
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, decide) == listing_expect(REVIEWERS)


def test_lock_listing(world, listings, client):
    def lock(user, owner):
        listing = listings.items["draft"][owner]
        client.force_login(user)
        client.post(listing_url(listing, "lock"))
        locked = Instrument.objects.filter(pk=listing.pk, locked=True).exists()
        Instrument.objects.filter(pk=listing.pk).update(locked=False, locked_by=None)
        return locked

    assert listing_table(world, lock) == listing_expect(WRITERS)


def test_delete_listing_draft(world, listings, client):
    def delete(user, owner):
        url = listing_url(listings.items["draft"][owner], "delete")
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, delete) == listing_expect(WRITERS)


def test_delete_published_listing(world, listings, client):
    def delete(user, owner):
        url = listing_url(listings.items["live"][owner], "delete")
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, delete) == listing_expect(ADMIN_ONLY)


def test_bulk_delete_listing_draft(world, listings, client):
    base = reverse("wagtail_bulk_action", args=["snippets", "instrument", "delete"])

    def offered(user, owner):
        listing = listings.items["draft"][owner]
        response = admin_get(client, user, f"{base}?id={listing.pk}")
        if not status_allows(response):
            return False
        return listing.pk in [item["item"].pk for item in response.context["items"]]

    assert listing_table(world, offered) == listing_expect(WRITERS)


def test_unpublish_listing(world, listings, client):
    def unpublish(user, owner):
        url = listing_url(listings.items["live"][owner], "unpublish")
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, unpublish) == listing_expect(ADMIN_ONLY)


@pytest.mark.parametrize("state", ["draft", "live"])
def test_choose_listing(world, listings, client, state):
    """A chooser offers published listings of anyone, drafts only to those who see them."""
    chooser = reverse("wagtailsnippetchoosers_snippets_instrument:choose_results")

    def offered(user, owner):
        response = admin_get(client, user, chooser)
        return status_allows(response) and listings.items[state][owner].title in (
            response.content.decode()
        )

    everyone = {role: set(LISTING_OWNERS) for role in ROLES}
    allowed = LISTING_READERS if state == "draft" else everyone
    assert listing_table(world, offered) == listing_expect(allowed)


def test_submit_listing_for_translation(world, listings, client):
    """As for pages: only the platform administrator submits translations."""

    def translate(user, owner):
        listing = listings.items["live"][owner]
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["snippets", "instrument", listing.pk],
        )
        return status_allows(admin_get(client, user, url))

    assert listing_table(world, translate) == listing_expect(ADMIN_ONLY)


def test_listing_owners_are_as_the_tables_assume(world, listings):
    codes = {
        owner: listings.items["draft"][owner].owning_enterprise.code for owner in LISTING_OWNERS
    }
    assert codes == {"a1": "a1", "group_a": "group-a", "b1": "b1"}
