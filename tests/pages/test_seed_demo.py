"""``manage.py seed_demo``: demo content that can be loaded again and again, and safe accounts.

Run with a few items per stream so the suite stays fast; deselect with
``-m "not seed"``.
"""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from pages.demo.accounts import PASSWORD, USERS
from snippets.models import Enterprise, TechField
from tests.utils import page_ok, text_of

pytestmark = pytest.mark.seed

ITEMS = 1


def seed(**options):
    out, err = StringIO(), StringIO()
    options.setdefault("items_per_stream", ITEMS)
    call_command("seed_demo", stdout=out, stderr=err, **options)
    return out.getvalue()


def counts():
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "enterprises": Enterprise.objects.count(),
        "technical fields": TechField.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": User.objects.count(),
        "review states": WorkflowState.objects.count(),
    }


def test_loading_the_demo_twice_adds_nothing_the_second_time(site, client, settings):
    """An operator runs the loader on a server (DEBUG off), then again by mistake."""
    settings.DEBUG = False
    seed(allow_known_passwords=True)
    first = counts()

    seed(allow_known_passwords=True)

    assert counts() == first
    assert first["enterprises"] >= 6, "two groups with two subsidiaries each"
    assert first["users"] == len(USERS)
    for username in ("regulator_admin", "groupa_reviewer", "a1_editor", "b2_editor"):
        assert authenticate(username=username, password=PASSWORD) is not None, username
    # What a reader then sees in both languages.
    for url in ("/", "/news/", "/notices/", "/enterprises/", "/en/", "/en/news/"):
        page_ok(client, url)
    assert "暂无内容" not in text_of(page_ok(client, "/news/")), "the news section has items"
    assert "group-a" in text_of(page_ok(client, "/enterprises/")), "the demo groups are listed"


def test_demo_leaves_items_awaiting_review_and_rejected_with_a_comment(site, client, settings):
    """A group reviewer logging into the demo finds work waiting; an editor finds a returned item."""
    from pages.demo.review import REJECTION_COMMENT
    from workflows.tasks import GroupReviewTask

    settings.DEBUG = False
    seed(allow_known_passwords=True, items_per_stream=2)

    User = get_user_model()
    groupa_reviewer = User.objects.get(username="groupa_reviewer")
    waiting = GroupReviewTask.objects.get().get_task_states_user_can_moderate(groupa_reviewer)
    titles = [state.workflow_state.content_object.title for state in waiting]
    assert titles, "items of group A's subsidiaries await group A's review"
    client.force_login(groupa_reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert all(title in dashboard for title in titles)
    client.force_login(User.objects.get(username="groupb_reviewer"))
    assert not any(title in client.get("/admin/").content.decode() for title in titles)

    returned = WorkflowState.objects.get(
        status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by__username="a1_editor"
    )
    assert returned.current_task_state.comment == REJECTION_COMMENT


def test_demo_has_listings_of_every_type_in_every_state(site, settings):
    """资源共享 and 供求信息 have something to show, and reviewers find listings waiting too."""
    from snippets.models import LISTING_MODELS, Listing
    from workflows.tasks import GroupReviewTask

    settings.DEBUG = False
    seed(allow_known_passwords=True)

    public = Listing.objects.public()
    for model in LISTING_MODELS:
        assert public.filter(kind=model.listing_kind).exists(), model
    assert Listing.objects.filter(live=True).exclude(pk__in=public.values("pk")).exists(), (
        "one listing is past its deadline"
    )
    listing_states = WorkflowState.objects.filter(base_content_type__model="listing")
    assert Listing.objects.filter(live=False).count() > listing_states.count(), (
        "one listing is a draft never submitted"
    )
    reviewer = get_user_model().objects.get(username="groupb_reviewer")
    waiting = GroupReviewTask.objects.get().get_task_states_user_can_moderate(reviewer)
    assert any(isinstance(state.workflow_state.content_object, Listing) for state in waiting), (
        "group B's reviewer has a listing to review"
    )
    returned = WorkflowState.objects.filter(
        base_content_type__model="listing", status=WorkflowState.STATUS_NEEDS_CHANGES
    )
    assert returned.count() == 1


def test_demo_refuses_known_password_accounts_when_debug_is_off(site, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--allow-known-passwords"):
        seed()

    assert authenticate(username="groupa_editor", password=PASSWORD) is None
    assert not Enterprise.objects.filter(code="group-a").exists(), "nothing was loaded"


def test_demo_without_accounts_loads_content_and_creates_no_users(site, settings):
    settings.DEBUG = False

    seed(no_accounts=True, no_translations=True, items_per_stream=0)

    assert get_user_model().objects.count() == 0
    assert Enterprise.objects.filter(code="group-a").exists()
