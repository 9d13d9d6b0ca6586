"""Writes with a bearer token obey the admin's permissions, in the spirit of the authorization matrix.

The provisioned ``world`` (tests/workflows/conftest.py) and its listings
(tests/snippets/listing_world.py): 能源一院 ``a1`` (subsidiary of 集团 A),
集团 A itself and 装备一所 ``b1`` (集团 B), each with a draft, a listing awaiting
review and a published one. ``a1_editor`` writes for a1 only.
"""

import pytest
from wagtail.models import APIToken, Page, WorkflowState

from snippets.models import Instrument

pytestmark = pytest.mark.django_db

NEW_INSTRUMENT = {
    "title": "接口创建的离子色谱仪",
    "summary": "可测定水样中的常见阴离子。",
    "tech_fields": ["analysis"],
    "region": "11",
    "contact_name": "王工",
    "contact_phone": "010-12345678",
    "contact_email": "lab@example.com",
    "instrument_category": "analytical",
    "model_number": "ICS-6000",
    "manufacturer": "示例仪器公司",
    "country_of_origin": "CN",
    "original_value_wan": 120.5,
    "purchase_year": 2021,
    "location": "北京市昌平区",
    "sharing_modes": ["commission"],
    "fee_mode": "cost",
    "availability": "工作日9:00–17:00，需提前预约。",
    "specifications": "抑制电导检测。",
    "functions": "水样阴离子分析。",
}
DECLARED = {"action": "submit", "secrecy_declaration": True}


@pytest.fixture
def editor(listings, world, api_as):
    return api_as(world.users["a1_editor"])


def latest_title(listing):
    return type(listing).objects.get(pk=listing.pk).get_latest_revision_as_object().title


def messages(response):
    return " ".join(error.get("msg", "") for error in response.json().get("errors", []))


def test_without_a_token_nothing_is_written(api, listings, client):
    draft = listings.items["draft"]["a1"]
    assert api.post("listings/instruments/", NEW_INSTRUMENT).status_code == 401
    assert api.patch(f"listings/instruments/{draft.pk}/", {"title": "x"}).status_code == 401
    bad = type(api)(client, "wagtail_not-a-real-token")
    assert bad.patch(f"listings/instruments/{draft.pk}/", {"title": "x"}).status_code == 401
    assert latest_title(draft) == draft.title


def test_a_revoked_token_is_refused(listings, world, api_as):
    from django.utils import timezone

    api = api_as(world.users["a1_editor"])
    APIToken.objects.update(revoked_at=timezone.now())
    assert api.post("listings/instruments/", NEW_INSTRUMENT).status_code == 401


def test_an_editor_creates_a_draft_of_their_own_enterprise(editor, world):
    response = editor.post("listings/instruments/", NEW_INSTRUMENT)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["enterprise"] == "a1"
    assert data["live"] is False
    assert data["review_status"] is None
    listing = Instrument.objects.get(pk=data["id"])
    assert listing.owner == world.users["a1_editor"]
    assert listing.latest_revision.user == world.users["a1_editor"]
    assert [f.slug for f in listing.tech_fields.all()] == ["analysis"]
    # Not public until reviewed.
    assert editor.get(f"listings/instruments/{listing.pk}/").status_code == 404


@pytest.mark.parametrize("code", ["group-a", "b1"])
def test_an_editor_cannot_create_for_another_enterprise(editor, code):
    response = editor.post("listings/instruments/", {**NEW_INSTRUMENT, "enterprise": code})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "enterprise"
    assert not Instrument.objects.filter(title=NEW_INSTRUMENT["title"]).exists()


def test_an_editor_updates_their_draft_and_the_live_version_stays(editor, listings):
    draft = listings.items["draft"]["a1"]
    response = editor.patch(f"listings/instruments/{draft.pk}/", {"title": "改过的草稿"})
    assert response.status_code == 200, response.content
    assert latest_title(draft) == "改过的草稿"

    live = listings.items["live"]["a1"]
    response = editor.patch(f"listings/instruments/{live.pk}/", {"title": "待审核的新名称"})
    assert response.status_code == 200, response.content
    assert response.json()["has_unpublished_changes"] is True
    public = editor.get(f"listings/instruments/{live.pk}/").json()
    assert public["title"] == live.title


@pytest.mark.parametrize("owner", ["group_a", "b1"])
@pytest.mark.parametrize("state", ["draft", "live"])
def test_another_enterprises_listing_does_not_exist_for_the_editor(editor, listings, owner, state):
    listing = listings.items[state][owner]
    for response in (
        editor.patch(f"listings/instruments/{listing.pk}/", {"title": "越权修改"}),
        editor.post(f"listings/instruments/{listing.pk}/actions/submit/", DECLARED),
    ):
        assert response.status_code == 404
    assert latest_title(listing) == listing.title


def test_a_reviewer_may_see_but_not_change_the_groups_listings(listings, world, api_as):
    reviewer = api_as(world.users["groupa_reviewer"])
    a1_draft = listings.items["draft"]["a1"]
    response = reviewer.patch(f"listings/instruments/{a1_draft.pk}/", {"title": "审核员改的"})
    assert response.status_code == 403
    assert "权限" in response.json()["detail"]
    b1_draft = listings.items["draft"]["b1"]
    assert reviewer.patch(f"listings/instruments/{b1_draft.pk}/", {"title": "x"}).status_code == 404
    assert latest_title(a1_draft) == a1_draft.title


def test_submitting_needs_the_secrecy_declaration(editor, listings):
    draft = listings.items["draft"]["a1"]
    response = editor.post(f"listings/instruments/{draft.pk}/actions/submit/", {})
    assert response.status_code == 422
    assert "本信息不涉及国家秘密和企业商业秘密" in messages(response)
    assert draft.current_workflow_state is None

    response = editor.post(f"listings/instruments/{draft.pk}/actions/submit/", DECLARED)
    assert response.status_code == 200, response.content
    assert response.json()["review_status"] == WorkflowState.STATUS_IN_PROGRESS
    state = Instrument.objects.get(pk=draft.pk).current_workflow_state
    assert state.requested_by.username == "a1_editor"

    again = editor.post(f"listings/instruments/{draft.pk}/actions/submit/", DECLARED)
    assert again.status_code == 409


def test_create_and_submit_in_one_request(editor):
    response = editor.post("listings/instruments/", {**NEW_INSTRUMENT, "meta": DECLARED})
    assert response.status_code == 201, response.content
    assert response.json()["review_status"] == WorkflowState.STATUS_IN_PROGRESS


def test_submitting_an_incomplete_listing_names_the_missing_fields(editor):
    incomplete = {"title": "只有名称的草稿"}
    response = editor.post("listings/instruments/", {**incomplete, "meta": DECLARED})
    assert response.status_code == 422
    fields = {error["loc"][-1] for error in response.json()["errors"]}
    assert {"summary", "contact_name", "tech_fields"} <= fields
    assert not Instrument.objects.filter(title="只有名称的草稿").exists()


@pytest.mark.parametrize("user", ["a1_editor", "platform_admin"])
def test_nobody_publishes_through_the_api(listings, world, api_as, user):
    api = api_as(world.users[user])
    draft = listings.items["draft"]["a1"]
    for response in (
        api.post("listings/instruments/", {**NEW_INSTRUMENT, "meta": {"action": "publish"}}),
        api.patch(f"listings/instruments/{draft.pk}/", {"meta": {"action": "publish"}}),
    ):
        assert response.status_code == 403
        assert "不能发布" in response.json()["detail"]
    assert not Instrument.objects.get(pk=draft.pk).live
    assert not Instrument.objects.filter(title=NEW_INSTRUMENT["title"]).exists()


# -- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, field, words",
    [
        ({"tech_fields": ["no-such-field"]}, "tech_fields", "no-such-field"),
        ({"enterprise": "nope"}, "enterprise", "nope"),
        ({"region": "00"}, "region", ""),
        ({"title": "长" * 101}, "title", ""),
        ({"purchase_year": "公元前"}, "purchase_year", ""),
        ({"contact_phone": "call me"}, "contact_phone", "电话"),
        ({"valid_until": "2099-01-01"}, "valid_until", "三年"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(editor, body, field, words):
    response = editor.post("listings/instruments/", {**NEW_INSTRUMENT, **body})
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert any(field in [str(part) for part in error["loc"]] for error in errors), errors
    assert words in messages(response)


@pytest.mark.parametrize(
    "raw", ["not json", "[]", '{"meta": "x"}', '{"meta": {"action": "delete"}}', "\ud800"]
)
def test_malformed_bodies_are_4xx(editor, raw):
    response = editor.client.post(
        "/api/v3/listings/instruments/",
        data=raw.encode("utf-8", "surrogatepass"),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {editor.token}",
    )
    assert 400 <= response.status_code < 500


def test_unknown_filters_are_422_and_unknown_ids_404(api, listings):
    assert api.get("listings/", {"enterprise": "nope"}).status_code == 422
    assert "nope" in api.get("listings/", {"enterprise": "nope"}).json()["errors"][0]["msg"]
    assert api.get("listings/", {"field": "nope"}).status_code == 422
    assert api.get("listings/", {"region": "00"}).status_code == 422
    assert api.get("listings/", {"limit": 1000}).status_code == 400
    assert api.get("listings/instruments/999999/").status_code == 404
    assert api.get("enterprises/nope/").status_code == 404
    assert api.get("search/", {"q": "x" * 10_000}).status_code == 200
    assert api.client.get("/api/v3/search/?q=%ED%A0%80%F0%9F%94%8B").status_code == 200
    # PostgreSQL cannot store NUL: refused before any query, on either database.
    for path in ("listings/?enterprise=a%00", "pages/find/?site=%00&html_path=x"):
        response = api.client.get(f"/api/v3/{path}")
        assert response.status_code == 400
        assert "NUL" in response.json()["detail"]


# -- pages ------------------------------------------------------------------------------


def test_page_writes_follow_the_page_permissions(world, api_as):
    editor = api_as(world.users["a1_editor"])
    body = {"meta": {"type": "pages.NewsPage", "parent_id": world.parents["a1"].pk}}
    created = editor.post("pages/", {**body, "title": "接口写的消息", "slug": "api-news"})
    assert created.status_code == 201, created.content
    page = Page.objects.get(pk=created.json()["id"])
    assert not page.live

    for owner in ("b1", "group_a"):
        elsewhere = {"meta": {**body["meta"], "parent_id": world.parents[owner].pk}}
        response = editor.post("pages/", {**elsewhere, "title": "越权", "slug": "x"})
        assert response.status_code == 403
        foreign = world.items["draft"][owner]
        response = editor.patch(f"pages/{foreign.pk}/", {"title": "越权修改"})
        assert response.status_code in (403, 404)
        assert Page.objects.get(pk=foreign.pk).get_latest_revision_as_object().title != "越权修改"

    own = world.items["draft"]["a1"]
    response = editor.patch(f"pages/{own.pk}/", {"title": "改过的标题"})
    assert response.status_code == 200, response.content

    # A token reads drafts only of the pages its user may change.
    listed = {item["id"] for item in editor.get("pages/", {"limit": 100}).json()["items"]}
    assert own.pk in listed
    assert world.items["draft"]["b1"].pk not in listed


@pytest.mark.parametrize("user", ["a1_editor", "platform_admin"])
def test_pages_are_not_published_through_the_api(world, api_as, user):
    api = api_as(world.users[user])
    own = world.items["draft"]["a1"]
    response = api.post(f"pages/{own.pk}/actions/publish/")
    assert response.status_code == 403
    response = api.patch(f"pages/{own.pk}/", {"title": "x", "meta": {"action": "publish"}})
    assert response.status_code == 403
    assert not Page.objects.get(pk=own.pk).live


def test_a_page_is_submitted_for_review_with_the_declaration(world, api_as):
    editor = api_as(world.users["a1_editor"])
    own = world.items["draft"]["a1"]
    response = editor.post(f"pages/{own.pk}/actions/submit/", {})
    assert response.status_code == 422
    response = editor.post(f"pages/{own.pk}/actions/submit/", {"secrecy_declaration": True})
    assert response.status_code == 200, response.content
    assert response.json()["review_status"] == WorkflowState.STATUS_IN_PROGRESS
    again = editor.post(f"pages/{own.pk}/actions/submit/", {"secrecy_declaration": True})
    assert again.status_code == 409
    foreign = world.items["draft"]["b1"]
    response = editor.post(f"pages/{foreign.pk}/actions/submit/", {"secrecy_declaration": True})
    assert response.status_code == 404


def test_no_role_is_provisioned_to_issue_api_tokens(world):
    """Wagtail lets a holder of change_user manage every non-superuser's tokens; nobody below the platform administrator may issue them."""
    from django.contrib.auth.models import Permission

    token_perms = Permission.objects.filter(content_type__model="apitoken")
    assert token_perms.exists()
    for user in world.users.values():
        if not user.is_superuser:
            assert not any(user.has_perm(f"wagtailcore.{p.codename}") for p in token_perms)


def test_wagtails_generic_snippet_api_serves_no_listing_or_enquiry():
    """/api/v3/snippets/ would publish without 保密审查 and show enquirers' details: no listing type may join it."""
    from wagtail.api.v3.registry import registry

    from snippets.models import LISTING_MODELS, Enquiry, Listing

    for model in (Listing, *LISTING_MODELS, Enquiry):
        assert not registry.has(model._meta.label)
