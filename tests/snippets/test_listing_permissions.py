"""Row-level permissions on every admin path of the resource listings (docs/resource-listings.md §3.2).

Wagtail asks snippet permissions per model: with ``change_instrument`` every
group's instruments would open. Each test takes one path a person could use —
the admin URL, a crafted id, the bulk action, the chooser, wagtail-localize —
and checks what they would notice: another group's listing is "not found"
(never "forbidden", which would tell them it exists), its title appears
nowhere, and nothing changes in the database.
"""

import html
import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import get_snippet_models_for_index_view
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from snippets.models import LISTING_MODELS, Expert, Instrument, Listing
from tests.snippets import listing_world
from tests.utils import text_of
from tests.workflows import conftest as workflow_fixtures
from workflows.listing_policy import ListingPermissionPolicy

pytestmark = pytest.mark.django_db

world = workflow_fixtures.world
world_built = workflow_fixtures.world_built
listings = listing_world.listings
listings_built = listing_world.listings_built
title_of = listing_world.listing_title
edit_data = listing_world.edit_data


def url(listing, name, *args):
    return reverse(listing.snippet_viewset.get_url_name(name), args=[listing.pk, *args])


def index_url(model=Instrument, results=False):
    return reverse(model.snippet_viewset.get_url_name("list_results" if results else "list"))


def login(client, world, role):
    client.force_login(world.users[role])
    return client


def refused(response):
    """Wagtail's admin answers a refusal with 403, or a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def modal_text(response):
    """A chooser's response as text: the modal is JSON wrapping HTML, its results plain HTML."""
    if response["Content-Type"].startswith("application/json"):
        return html.unescape(json.dumps(response.json(), ensure_ascii=False))
    return text_of(response)


def revision_titles(listing):
    return {revision.content.get("title") for revision in listing.revisions.all()}


# -- registration -------------------------------------------------------------------------


def test_every_listing_type_is_guarded_by_the_row_level_policy():
    policy = policy_registry.get_by_type(Expert)
    assert isinstance(policy, ListingPermissionPolicy)
    assert policy.model is Expert
    for model in (Listing, *LISTING_MODELS):
        assert isinstance(policy_registry.get_by_type(model), ListingPermissionPolicy), model


# -- one listing, every path -----------------------------------------------------------------


def test_editor_opens_and_saves_own_draft(world, listings, client):
    draft = listings.items["draft"]["a1"]
    user = world.users["a1_editor"]
    login(client, world, "a1_editor")

    assert client.get(url(draft, "edit")).status_code == 200
    response = client.post(
        url(draft, "edit"), edit_data(draft, user, title="一院离子色谱仪（更新）")
    )

    assert response.status_code == 302, response.context["form"].errors
    assert "一院离子色谱仪（更新）" in revision_titles(draft)


def paths_of(listing):
    """Every admin URL of one listing, with the HTTP method a person would use."""
    task_state = listing.current_workflow_state.current_task_state
    first, second = listing.revisions.order_by("created_at", "pk")[:2]
    workflow_state = listing.current_workflow_state
    return {
        "edit": ("get", url(listing, "edit")),
        "save": ("post", url(listing, "edit")),
        "delete": ("get", url(listing, "delete")),
        "delete (confirm)": ("post", url(listing, "delete")),
        "usage": ("get", url(listing, "usage")),
        "history": ("get", url(listing, "history")),
        "history results": ("get", url(listing, "history_results")),
        "compare": ("get", url(listing, "revisions_compare", first.pk, second.pk)),
        "revert": ("get", url(listing, "revisions_revert", first.pk)),
        "preview revision": ("get", url(listing, "revisions_view", first.pk)),
        "preview on edit": ("get", url(listing, "preview_on_edit")),
        "unpublish": ("get", url(listing, "unpublish")),
        "unschedule": ("get", url(listing, "revisions_unschedule", second.pk)),
        "lock": ("post", url(listing, "lock")),
        "unlock": ("post", url(listing, "unlock")),
        "workflow action": (
            "get",
            url(listing, "workflow_action", "approve", task_state.pk),
        ),
        "workflow action data": (
            "post",
            url(listing, "collect_workflow_action_data", "approve", task_state.pk),
        ),
        "confirm workflow cancellation": ("get", url(listing, "confirm_workflow_cancellation")),
        "workflow preview": ("get", url(listing, "workflow_preview", task_state.task_id)),
        "workflow history": ("get", url(listing, "workflow_history")),
        "workflow history detail": (
            "get",
            url(listing, "workflow_history_detail", workflow_state.pk),
        ),
    }


@pytest.mark.parametrize(
    ("role", "owner"),
    [("a1_editor", "b1"), ("groupb_reviewer", "a1"), ("groupa_editor", "a1")],
)
def test_another_enterprises_listing_is_not_found_on_every_path(
    world, listings, client, role, owner
):
    """A subsidiary editor, another group's reviewer and the group's own editor (editor roles are per enterprise)."""
    listing = listings.items["review"][owner]
    login(client, world, role)

    answers = {}
    for name, (method, path) in paths_of(listing).items():
        response = getattr(client, method)(path)
        answers[name] = response.status_code
        assert title_of(owner, "review") not in text_of(response), name

    assert answers == dict.fromkeys(answers, 404)
    listing.refresh_from_db()
    assert not listing.locked
    assert listing.workflow_in_progress


def test_group_editor_cannot_rewrite_a_subsidiary_listing(world, listings, client):
    draft = listings.items["draft"]["a1"]
    login(client, world, "groupa_editor")

    response = client.post(
        url(draft, "edit"),
        edit_data(draft, world.users["a1_editor"], title="集团编辑改写的名称"),
    )

    assert response.status_code == 404
    assert "集团编辑改写的名称" not in revision_titles(draft)


def test_reviewer_opens_the_editor_of_a_listing_in_review(world, listings, client):
    login(client, world, "groupa_reviewer")

    for owner in ("a1", "group_a"):
        response = client.get(url(listings.items["review"][owner], "edit"))
        assert response.status_code == 200, owner
        assert title_of(owner, "review") in text_of(response)


def test_reviewer_cannot_save_a_draft_that_is_not_in_review(world, listings, client):
    draft = listings.items["draft"]["a1"]
    login(client, world, "groupa_reviewer")

    assert refused(client.get(url(draft, "edit")))
    response = client.post(
        url(draft, "edit"), edit_data(draft, world.users["a1_editor"], title="审核员改写的名称")
    )

    assert refused(response)
    assert "审核员改写的名称" not in revision_titles(draft)


def test_reviewer_reads_the_history_of_the_groups_listings(world, listings, client):
    """Reviewers hold only "view": enough for history, comparison and workflow history."""
    live = listings.items["live"]["a1"]
    first, second = live.revisions.order_by("created_at", "pk")[:2]
    login(client, world, "groupa_reviewer")

    assert client.get(url(live, "history")).status_code == 200
    assert client.get(url(live, "revisions_compare", first.pk, second.pk)).status_code == 200
    assert client.get(url(live, "workflow_history")).status_code == 200
    assert refused(client.get(url(live, "revisions_revert", first.pk)))


def test_reviewer_locks_a_listing_under_review(world, listings, client):
    """The review task decides who locks an item in review, as Wagtail does for pages."""
    listing = listings.items["review"]["a1"]
    login(client, world, "groupa_reviewer")

    client.post(url(listing, "lock"))

    listing.refresh_from_db()
    assert listing.locked
    assert listing.locked_by == world.users["groupa_reviewer"]


def test_task_state_of_another_listing_is_not_found(world, listings, client):
    """The action URL names the listing and the task state apart: they must belong together."""
    own, foreign = listings.items["review"]["a1"], listings.items["review"]["b1"]
    foreign_state = foreign.current_workflow_state.current_task_state
    login(client, world, "groupa_reviewer")

    response = client.post(
        url(own, "workflow_action", "approve", foreign_state.pk), {"comment": "同意"}
    )

    assert response.status_code == 404
    foreign_state.refresh_from_db()
    assert foreign_state.status == foreign_state.STATUS_IN_PROGRESS


# -- delete --------------------------------------------------------------------------------


def test_published_listing_cannot_be_deleted(world, listings, client):
    live = listings.items["live"]["a1"]
    login(client, world, "a1_editor")

    assert refused(client.get(url(live, "delete")))
    assert refused(client.post(url(live, "delete")))
    assert Instrument.objects.filter(pk=live.pk).exists()
    assert "删除" not in [
        button.label for button in client.get(url(live, "edit")).context["view"].header_more_buttons
    ]


def test_editor_deletes_own_draft(world, listings, client):
    draft = listings.items["draft"]["a1"]
    login(client, world, "a1_editor")

    response = client.post(url(draft, "delete"))

    assert response.status_code == 302
    assert not Instrument.objects.filter(pk=draft.pk).exists()


def bulk_delete_url(*listings_):
    ids = "&".join(f"id={listing.pk}" for listing in listings_)
    return reverse("wagtail_bulk_action", args=["snippets", "instrument", "delete"]) + f"?{ids}"


def test_bulk_delete_with_another_groups_id_is_not_found_and_names_nothing(world, listings, client):
    own, foreign = listings.items["draft"]["a1"], listings.items["draft"]["b1"]
    login(client, world, "a1_editor")

    for method in ("get", "post"):
        response = getattr(client, method)(bulk_delete_url(own, foreign))
        assert response.status_code == 404, method
        assert title_of("b1", "draft") not in text_of(response)

    assert Instrument.objects.filter(pk__in=[own.pk, foreign.pk]).count() == 2


def test_bulk_delete_of_own_draft_works_and_published_stays(world, listings, client):
    draft, live = listings.items["draft"]["a1"], listings.items["live"]["a1"]
    login(client, world, "a1_editor")

    confirm = client.get(bulk_delete_url(draft, live))
    assert confirm.status_code == 200
    client.post(bulk_delete_url(draft, live))

    assert not Instrument.objects.filter(pk=draft.pk).exists()
    assert Instrument.objects.filter(pk=live.pk).exists()


def test_select_all_in_bulk_delete_reaches_own_listings_only(world, listings, client):
    login(client, world, "a1_editor")

    client.post(
        reverse("wagtail_bulk_action", args=["snippets", "instrument", "delete"]) + "?id=all"
    )

    remaining = set(Instrument.objects.values_list("title", flat=True))
    assert title_of("a1", "draft") not in remaining
    assert {title_of("b1", "draft"), title_of("group_a", "draft")} <= remaining


# -- index, search, filters ------------------------------------------------------------------


def test_reviewer_sees_the_groups_listings_and_no_other_group(world, listings, client):
    login(client, world, "groupa_reviewer")

    page = text_of(client.get(index_url()))

    for state in ("draft", "review", "live"):
        assert title_of("a1", state) in page
        assert title_of("group_a", state) in page
        assert title_of("b1", state) not in page


def test_index_links_reviewers_to_the_editor_only_for_listings_in_review(world, listings, client):
    login(client, world, "groupa_reviewer")

    page = client.get(index_url()).content.decode()

    assert url(listings.items["review"]["a1"], "edit") in page
    assert url(listings.items["draft"]["a1"], "edit") not in page
    assert url(listings.items["draft"]["a1"], "delete") not in page


def test_index_columns_show_enterprise_status_validity_completeness_and_review(
    world, listings, client
):
    login(client, world, "a1_editor")

    page = text_of(client.get(index_url()))

    for heading in ("所属企业", "对接状态", "有效期至", "完整度", "发布状态"):
        assert heading in page
    assert "示例能源第一研究院" in page
    assert "审核中" in page
    assert "可对接" in page


@pytest.mark.parametrize("results", [False, True])
def test_index_search_and_filters_never_show_other_groups_titles(world, listings, client, results):
    b1 = listings.enterprises["b1"]
    login(client, world, "a1_editor")
    searches = [
        {"q": "离子色谱仪"},
        {"q": "b1"},
        {"enterprise": b1.pk},
        {"status": "open"},
        {"region": "11"},
        {"q": "离子色谱仪", "enterprise": b1.pk, "locale": "zh-hans"},
    ]

    for params in searches:
        response = client.get(index_url(results=results), params)
        assert response.status_code == 200, params
        page = text_of(response)
        for state in ("draft", "review", "live"):
            assert title_of("b1", state) not in page, params
            assert title_of("group_a", state) not in page, params
    found = text_of(client.get(index_url(results=results), {"q": "离子色谱仪"}))
    assert title_of("a1", "draft") in found


def test_enterprise_filter_offers_visible_enterprises_only(world, listings, client):
    login(client, world, "groupa_reviewer")

    response = client.get(index_url())

    offered = {e.name for e in response.context["filters"].filters["enterprise"].queryset}
    assert offered == {listings.enterprises["a1"].name, listings.enterprises["group_a"].name}
    assert "示例装备" not in text_of(response)  # group B's enterprise names


def test_snippets_index_does_not_count_listings(world, listings, client):
    """Listings have their own menus, so Wagtail's snippet index (which counts every row) leaves them out."""
    login(client, world, "platform_admin")

    response = client.get(reverse("wagtailsnippets:index"))

    assert not set(get_snippet_models_for_index_view()) & {Listing, *LISTING_MODELS}
    # Every snippet has its own menu, so the index has nothing to count and is refused.
    assert refused(response)


def test_site_history_hides_other_groups_listing_entries(world, listings, client):
    for owner in ("a1", "b1"):
        draft = listings.items["draft"][owner]
        log(instance=draft, action="wagtail.edit", user=world.users[listing_world.WRITER[owner]])
    login(client, world, "a1_editor")

    page = text_of(client.get(reverse("wagtailadmin_reports:site_history")))

    assert title_of("a1", "draft") in page
    assert title_of("b1", "draft") not in page


# -- chooser -----------------------------------------------------------------------------------


def chooser_url(name="choose", *args):
    return reverse(f"wagtailsnippetchoosers_snippets_instrument:{name}", args=args)


def test_chooser_offers_others_live_listings_but_not_their_drafts(world, listings, client):
    login(client, world, "a1_editor")

    for name in ("choose", "choose_results"):
        page = modal_text(client.get(chooser_url(name)))
        assert title_of("b1", "live") in page
        assert title_of("a1", "draft") in page
        assert title_of("b1", "draft") not in page
        assert title_of("b1", "review") not in page
    searched = modal_text(client.get(chooser_url("choose_results"), {"q": "b1"}))
    assert title_of("b1", "live") in searched
    assert title_of("b1", "draft") not in searched


def test_chooser_will_not_hand_out_another_groups_draft(world, listings, client):
    draft, live = listings.items["draft"]["b1"], listings.items["live"]["b1"]
    login(client, world, "a1_editor")

    assert client.get(chooser_url("chosen", draft.pk)).status_code == 404
    assert client.get(chooser_url("chosen", live.pk)).status_code == 200
    multiple = modal_text(client.get(chooser_url("chosen_multiple"), {"id": [draft.pk, live.pk]}))
    assert title_of("b1", "draft") not in multiple
    assert title_of("b1", "live") in multiple


def test_chooser_creates_nothing(world, listings, client):
    login(client, world, "a1_editor")

    assert refused(client.post(chooser_url("create"), {"title": "弹窗里新建"}))
    assert not Instrument.objects.filter(title="弹窗里新建").exists()


# -- admin edit links ------------------------------------------------------------------------


def test_edit_link_of_a_base_listing_row_follows_the_policy(world, listings):
    """Workflow states hand out base ``Listing`` rows; their links go to the type's editor."""
    draft = listings.items["draft"]["a1"]
    base = Listing.objects.get(pk=draft.pk)

    assert AdminURLFinder(world.users["a1_editor"]).get_edit_url(base) == url(draft, "edit")
    assert AdminURLFinder(world.users["b1_editor"]).get_edit_url(base) is None
    assert AdminURLFinder(world.users["groupa_editor"]).get_edit_url(draft) is None


# -- wagtail-localize ------------------------------------------------------------------------


@pytest.fixture
def translators(world):
    """Editors who may submit translations (as docs/resource-listings.md §3.2 foresees)."""
    permission = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for role in ("a1_editor", "b1_editor", "groupa_editor"):
        world.users[role].user_permissions.add(permission)
    return world


def submit_url(listing):
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["snippets", "instrument", listing.pk],
    )


def test_translation_submission_refused_across_enterprises(translators, listings, client):
    own, foreign = listings.items["live"]["a1"], listings.items["live"]["b1"]
    english = Locale.objects.get(language_code="en")
    login(client, translators, "a1_editor")

    assert client.get(submit_url(own)).status_code == 200
    response = client.post(submit_url(foreign), {"locales": [english.pk]})
    assert response.status_code == 404
    assert not Instrument.objects.filter(translation_key=foreign.translation_key, locale=english)

    login(client, translators, "groupa_editor")
    assert client.get(submit_url(own)).status_code == 404


@pytest.fixture
def translation_of_b1(translators, listings):
    source = listings.items["live"]["b1"]
    english = Locale.objects.get(language_code="en")
    translate_object(source, [english], user=translators.users["platform_admin"])
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=english
    )
    return translation


def test_translation_editor_of_another_groups_listing_is_not_found(
    translators, translation_of_b1, client
):
    translation = translation_of_b1
    target = translation.get_target_instance()
    string = translation.source.stringsegment_set.first()
    paths = {
        "edit translation": ("get", url(target, "edit")),
        "edit string": (
            "put",
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, string.pk]),
        ),
        "download PO": ("get", reverse("wagtail_localize:download_pofile", args=[translation.pk])),
        "upload PO": ("post", reverse("wagtail_localize:upload_pofile", args=[translation.pk])),
        "machine translate": (
            "post",
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        ),
        "stop": ("post", reverse("wagtail_localize:stop_translation", args=[translation.pk])),
        "update": (
            "get",
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        ),
    }

    login(client, translators, "a1_editor")
    answers = {name: getattr(client, m)(path).status_code for name, (m, path) in paths.items()}

    assert answers == dict.fromkeys(paths, 404)
    translation.refresh_from_db()
    assert translation.enabled

    login(client, translators, "b1_editor")
    download = client.get(paths["download PO"][1])
    assert download.status_code == 200


def test_localize_snippets_api_lists_no_other_groups_drafts(translators, listings, client):
    login(client, translators, "a1_editor")

    response = client.get(
        reverse("wagtail_localize:snippets_api_listing", args=["snippets", "instrument"])
    )

    titles = {row["title"] for row in response.json()}
    assert title_of("b1", "live") in titles  # public anyway
    assert title_of("a1", "draft") in titles
    assert title_of("b1", "draft") not in titles
    assert title_of("b1", "review") not in titles
    detail = reverse(
        "wagtail_localize:snippets_api_detail",
        args=["snippets", "instrument", listings.items["draft"]["b1"].pk],
    )
    assert client.get(detail).status_code == 404


def test_translations_report_hides_other_groups_listings(translators, translation_of_b1, client):
    login(client, translators, "a1_editor")
    hidden = text_of(client.get(reverse("wagtail_localize:translations_report")))

    login(client, translators, "b1_editor")
    shown = text_of(client.get(reverse("wagtail_localize:translations_report")))

    assert title_of("b1", "live") not in hidden
    assert title_of("b1", "live") in shown
