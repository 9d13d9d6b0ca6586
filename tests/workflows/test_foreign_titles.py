"""Another group's unpublished titles stay out of the admin screens nobody overrode (issue 14).

DESIGN.md §10: the leaks were in confirmation screens, modals and the
messages that name an object. Each test opens such a URL the way a person
would — as an editor or reviewer of another group, or of the regulator — and
looks at everything they would read: the body, the headers, and the message
shown after the redirect (and on the next page they open). The owner's own
editor, the group's reviewer and the platform administrator keep the normal
screen.

Items: ``world.items[state][owner]`` (draft, awaiting 集团审核, published with an
unpublished revision); each is looked for by its ``title`` and ``draft_title``
(a listing: its title and its latest revision's).
"""

import html
import json
from urllib.parse import unquote

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.snippets import listing_world
from tests.utils import text_of

pytestmark = pytest.mark.django_db

listings = listing_world.listings
listings_built = listing_world.listings_built

# (viewer, owner of the item): people of one group or the regulator facing another's items.
FOREIGN = [
    ("groupb_reviewer", "a1"),
    ("b1_editor", "group_a"),
    ("regulator_editor", "a1"),
    ("groupa_reviewer", "b1"),
    ("groupa_editor", "b1"),
    ("a1_editor", "regulator"),
]
FOREIGN_LISTINGS = [(viewer, owner) for viewer, owner in FOREIGN if owner != "regulator"]
STATES = ("draft", "review", "live")


# -- reading a response the way its reader does -------------------------------


def secret_titles(item):
    """The item's title and latest draft title, read from the database.

    A published title is public, but none of these screens has a reason to
    show it to someone who may not act on the item, so it is looked for too.
    """
    if isinstance(item, Page):
        page = Page.objects.get(pk=item.pk)
        return {page.title, page.draft_title}
    item.refresh_from_db()
    return {item.title, item.latest_revision.object_str}


def readable(response):
    """The response as its reader sees it; a modal's JSON with its strings decoded (``\\uff08`` → ``（``)."""
    text = text_of(response)
    if response.get("Content-Type", "").startswith("application/json"):
        text += "\n" + html.unescape(json.dumps(response.json(), ensure_ascii=False))
    return text


def assert_names_nothing(client, item, *requests):
    """Open each ``(method, url)`` as its reader would and find none of ``item``'s secret titles.

    Read: the body, headers and redirects of each request followed, then the
    dashboard, where the messages a modal's JSON left behind are shown.
    """
    titles = secret_titles(item)
    for method, url in requests:
        response = getattr(client, method)(url, follow=True)
        read = [readable(response), *(f"{k}: {v}" for k, v in response.headers.items())]
        read += [unquote(location) for location, _status in response.redirect_chain]
        shown = {title for title in titles if title in "\n".join(read)}
        assert not shown, f"{method.upper()} {url} showed {shown}"
    dashboard = text_of(client.get(reverse("wagtailadmin_home")))
    assert not {title for title in titles if title in dashboard}, "the messages named it"


def both(url):
    return ("get", url), ("post", url)


def assert_refused(client, url, method="get"):
    """403, 404 or a redirect away: never the screen itself."""
    response = getattr(client, method)(url)
    assert response.status_code in (302, 403, 404), (
        f"{method.upper()} {url} answered {response.status_code}"
    )
    return response


def login(client, world, role):
    client.force_login(world.users[role])


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def task_state_of(item):
    item = fresh(item) if isinstance(item, Page) else item
    return item.current_workflow_state.current_task_state


def pages_url(name, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=args)


# -- 1. moving: the confirmation screen ---------------------------------------


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(("viewer", "owner"), FOREIGN)
def test_move_confirmation_of_another_groups_page_is_refused_and_names_nothing(
    world, client, viewer, owner, state
):
    page = world.items[state][owner]
    login(client, world, viewer)
    for destination in (page.get_parent(), world.elsewhere[owner]):
        url = pages_url("move_confirm", page.pk, destination.pk)
        assert_refused(client, url)
        assert_names_nothing(client, page, *both(url))
    assert Page.objects.get(pk=page.pk).get_parent().pk == page.get_parent().pk


def test_editor_confirms_a_move_within_the_own_sub_platform(world, client):
    page = world.items["draft"]["a1"]
    login(client, world, "a1_editor")
    response = client.get(pages_url("move_confirm", page.pk, world.parents["a1"].pk))
    assert response.status_code == 200
    assert fresh(page).draft_title in text_of(response)


def test_editor_may_not_confirm_a_move_into_another_enterprise(world, client):
    page = world.items["draft"]["a1"]
    login(client, world, "a1_editor")
    assert_refused(client, pages_url("move_confirm", page.pk, world.elsewhere["a1"].pk))


def test_platform_administrator_confirms_any_move(world, client):
    page = world.items["review"]["b1"]
    login(client, world, "platform_admin")
    response = client.get(pages_url("move_confirm", page.pk, world.elsewhere["b1"].pk))
    assert response.status_code == 200
    assert fresh(page).draft_title in text_of(response)


# -- 2. workflow preview and action URLs ---------------------------------------


def page_workflow_urls(world, page, viewer):
    """The workflow URLs of ``page``, with a task state the viewer really may act on where one exists."""
    own = {"groupb_reviewer": "b1", "groupa_reviewer": "a1", "regulator_reviewer": "regulator"}
    task_state = task_state_of(world.items["review"][own.get(viewer, "b1")])
    return {
        "workflow_action": pages_url("workflow_action", page.pk, "approve", task_state.pk),
        "collect_workflow_action_data": pages_url(
            "collect_workflow_action_data", page.pk, "reject", task_state.pk
        ),
        "workflow_preview": pages_url("workflow_preview", page.pk, task_state.task_id),
    }


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(("viewer", "owner"), FOREIGN)
def test_workflow_urls_of_another_groups_page_name_nothing(world, client, viewer, owner, state):
    page = world.items[state][owner]
    login(client, world, viewer)
    urls = page_workflow_urls(world, page, viewer).values()
    assert_names_nothing(client, page, *(request for url in urls for request in both(url)))
    assert fresh(page).workflow_in_progress == (state == "review")


def test_editor_is_told_the_own_draft_is_not_awaiting_review(world, client):
    """Wagtail's message, naming the page, stays for those who may see it."""
    page = world.items["draft"]["a1"]
    login(client, world, "a1_editor")
    url = page_workflow_urls(world, page, "a1_editor")["workflow_action"]
    response = client.get(url, follow=True)
    assert fresh(page).draft_title in text_of(response)


def test_group_reviewer_opens_the_action_modal_and_preview_of_an_item_in_review(world, client):
    page = world.items["review"]["a1"]
    login(client, world, "groupa_reviewer")
    urls = page_workflow_urls(world, page, "groupa_reviewer")
    assert client.get(urls["workflow_action"]).status_code == 200
    assert client.get(urls["collect_workflow_action_data"]).status_code == 200
    assert client.get(urls["workflow_preview"]).status_code == 200


def test_group_reviewer_is_told_a_group_draft_is_not_awaiting_review(world, client):
    page = world.items["draft"]["a1"]
    login(client, world, "groupa_reviewer")
    url = page_workflow_urls(world, page, "groupa_reviewer")["workflow_preview"]
    response = client.get(url, follow=True)
    assert fresh(page).draft_title in text_of(response)


def listing_url(listing, name, *args):
    return reverse(listing.snippet_viewset.get_url_name(name), args=[listing.pk, *args])


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(("viewer", "owner"), FOREIGN_LISTINGS)
def test_workflow_urls_of_another_groups_listing_name_nothing(
    world, listings, client, viewer, owner, state
):
    listing = listings.items[state][owner]
    own = listings.items["review"]["b1" if owner != "b1" else "a1"]
    task_state = own.current_workflow_state.current_task_state
    login(client, world, viewer)
    for url in (
        listing_url(listing, "workflow_action", "approve", task_state.pk),
        listing_url(listing, "collect_workflow_action_data", "reject", task_state.pk),
        listing_url(listing, "workflow_preview", task_state.task_id),
        listing_url(listing, "confirm_workflow_cancellation"),
    ):
        assert_refused(client, url)
        assert_names_nothing(client, listing, *both(url))


def test_group_reviewer_opens_the_action_modal_of_a_listing_in_review(world, listings, client):
    listing = listings.items["review"]["a1"]
    task_state = listing.current_workflow_state.current_task_state
    login(client, world, "groupa_reviewer")
    url = listing_url(listing, "workflow_action", "reject", task_state.pk)
    assert client.get(url).status_code == 200


# -- 3. the cancellation confirmation: at which review step a page stands ----


@pytest.mark.parametrize(
    "viewer",
    ["groupb_reviewer", "b1_editor", "groupa_editor", "regulator_editor", "regulator_reviewer"],
)
def test_cancellation_confirmation_is_refused_to_whoever_may_not_edit_the_page(
    world, client, viewer
):
    page = world.items["review"]["a1"]
    login(client, world, viewer)
    url = pages_url("confirm_workflow_cancellation", page.pk)
    response = assert_refused(client, url)
    assert "集团审核" not in readable(response)
    assert_names_nothing(client, page, ("get", url))


@pytest.mark.parametrize("viewer", ["a1_editor", "platform_admin"])
def test_cancellation_confirmation_still_answers_the_pages_editors(world, client, viewer):
    page = world.items["review"]["a1"]
    login(client, world, viewer)
    response = client.get(pages_url("confirm_workflow_cancellation", page.pk))
    assert response.status_code == 200
    assert response.json()["step"] == "confirm"


# -- the other screens that take a page id --------------------------------------


def other_page_urls(world, page):
    revisions = list(page.revisions.order_by("created_at", "pk").values_list("pk", flat=True))
    urls = {
        name: pages_url(name, page.pk)
        for name in (
            "usage",
            "edit",
            "preview_on_edit",
            "view_draft",
            "delete",
            "unpublish",
            "convert_alias",
            "move",
            "copy",
            "set_privacy",
            "revisions_index",
            "workflow_history",
            "history",
            "history_results",
        )
    }
    urls["add_subpage"] = pages_url("add_subpage", page.pk)
    urls["revisions_view"] = pages_url("revisions_view", page.pk, revisions[0])
    urls["revisions_revert"] = pages_url("revisions_revert", page.pk, revisions[0])
    urls["revisions_unschedule"] = pages_url("revisions_unschedule", page.pk, revisions[-1])
    urls["revisions_compare"] = pages_url("revisions_compare", page.pk, revisions[0], revisions[-1])
    workflow_state = fresh(page).workflow_states.order_by("pk").first()
    if workflow_state is not None:
        urls["workflow_history_detail"] = pages_url(
            "workflow_history_detail", page.pk, workflow_state.pk
        )
    return urls


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(("viewer", "owner"), FOREIGN)
def test_other_confirmation_screens_of_another_groups_page_name_nothing(
    world, client, viewer, owner, state
):
    page = world.items[state][owner]
    login(client, world, viewer)
    posted = ("lock", "unlock", "delete", "unpublish", "convert_alias", "set_privacy")
    assert_names_nothing(
        client,
        page,
        *(("get", url) for url in other_page_urls(world, page).values()),
        *(("post", pages_url(name, page.pk)) for name in posted),
    )
    assert not fresh(page).locked


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(("viewer", "owner"), FOREIGN)
def test_explorer_does_not_open_another_groups_page(world, client, viewer, owner, state):
    page = world.items[state][owner]
    login(client, world, viewer)
    assert_names_nothing(
        client,
        page,
        ("get", reverse("wagtailadmin_explore", args=[page.pk])),
        ("get", reverse("wagtailadmin_explore_results", args=[page.pk])),
    )


@pytest.mark.parametrize("state", ("draft", "review"))
@pytest.mark.parametrize(("viewer", "owner"), FOREIGN)
def test_page_chooser_does_not_open_another_groups_unpublished_page(
    world, client, viewer, owner, state
):
    page = world.items[state][owner]
    login(client, world, viewer)
    assert_names_nothing(
        client, page, ("get", reverse("wagtailadmin_choose_page_child", args=[page.pk]))
    )


def test_editor_explores_and_chooses_own_pages(world, client):
    page = world.items["draft"]["a1"]
    login(client, world, "a1_editor")
    for url in (
        reverse("wagtailadmin_explore", args=[page.pk]),
        reverse("wagtailadmin_explore", args=[world.parents["a1"].pk]),
        reverse("wagtailadmin_choose_page_child", args=[page.pk]),
        reverse("wagtailadmin_choose_page_child", args=[world.parents["a1"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert fresh(page).draft_title in readable(response), url


def test_anyone_browses_the_chooser_through_published_pages(world, client):
    page = world.items["live"]["a1"]
    login(client, world, "groupb_reviewer")
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[page.pk]))
    assert response.status_code == 200
    assert fresh(page).title in readable(response)
