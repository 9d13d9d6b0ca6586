"""A number too big for the database, or a form posted empty, is the asker's mistake: 4xx, never 500.

Issue 14, item 4. Ids and offsets are signed 64-bit integers in both
databases; a larger one in a path is an address that cannot exist (404), in
the API's query string a value out of range (422, as ``offset=-1`` is). An
admin form posted without its fields is a bad request (400), not a crash.
Every test here runs on SQLite and on PostgreSQL: the two fail differently
(SQLite cannot bind the number, PostgreSQL refuses it as bigint) and a failed
statement aborts PostgreSQL's transaction, so each URL is its own test.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from regulator.models import SurveyYear
from regulator.survey import open_survey_year
from tests.api import conftest as api_fixtures
from tests.api.conftest import Api
from tests.conftest import site_structure
from tests.factories import DocumentFactory, ImageFactory, NoticePageFactory
from tests.snippets import listing_world
from tests.workflows import conftest as workflow_fixtures

# The databases fail differently: CI runs this module on SQLite too (make test-sqlite).
pytestmark = pytest.mark.database_sensitive

# The provisioned world with its listings (every owner, every state) and the API clients.
world, world_built = workflow_fixtures.world, workflow_fixtures.world_built
listings, listings_built = listing_world.listings, listing_world.listings_built
api, token_for = api_fixtures.api, api_fixtures.token_for

MAX_BIGINT = 2**63 - 1
HUGE = "99999999999999999999"  # 10**20: past the end of a signed 64-bit integer
PROBLEM = "application/problem+json"


def assert_problem(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == PROBLEM


def assert_not_found(response):
    assert response.status_code == 404, (response.status_code, response.content[:300])


def oldest_revision(obj):
    return Revision.objects.for_instance(obj).order_by("created_at", "pk").first()


# -- the API: query strings -------------------------------------------------------------

LISTS = ["pages/", "listings/", "listings/instruments/", "listings/experts/", "enterprises/"]


@pytest.mark.parametrize("endpoint", LISTS)
def test_an_offset_past_the_end_of_bigint_is_a_422_problem(listings, api, endpoint):
    response = api.get(endpoint, {"offset": HUGE})

    assert_problem(response, 422)
    assert ["query", "offset"] in [error["loc"][-2:] for error in response.json()["errors"]]


@pytest.mark.parametrize("endpoint", LISTS)
def test_an_offset_at_the_end_of_bigint_is_an_empty_page(listings, api, endpoint):
    response = api.get(endpoint, {"offset": str(MAX_BIGINT)})

    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"] == []


@pytest.mark.parametrize("endpoint", LISTS)
def test_a_limit_past_the_end_of_bigint_is_a_422_problem(listings, api, endpoint):
    response = api.get(endpoint, {"limit": HUGE})

    assert_problem(response, 422)
    assert ["query", "limit"] in [error["loc"][-2:] for error in response.json()["errors"]]


def test_a_limit_above_the_apis_maximum_keeps_wagtails_400(listings, api):
    assert_problem(api.get("pages/", {"limit": "101"}), 400)


@pytest.mark.parametrize("value", ["abc", "-1", "1.5"])
def test_an_offset_that_is_no_count_is_a_422_problem(listings, api, value):
    assert_problem(api.get("listings/", {"offset": value}), 422)


@pytest.mark.parametrize(
    "query",
    [
        {"child_of": HUGE},
        {"descendant_of": HUGE},
        {"ancestor_of": HUGE},
        {"translation_of": HUGE},
    ],
)
def test_a_huge_page_id_in_a_page_filter_is_a_422_problem(listings, api, query):
    assert_problem(api.get("pages/", query), 422)


def test_a_huge_id_as_a_field_filter_finds_no_page(listings, api):
    response = api.get("pages/", {"id": HUGE})

    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"] == []


@pytest.mark.parametrize("name", ["depth", "owner", "locked_by", "latest_revision"])
def test_a_huge_number_in_a_field_no_reader_filters_on_is_ignored(listings, api, name):
    assert api.get("pages/", {name: HUGE}).status_code == 200


@pytest.mark.parametrize("query", [{"page": HUGE}, {"year": HUGE}])
def test_a_huge_number_in_a_search_is_a_422_problem(listings, api, query):
    assert_problem(api.get("search/", {"q": "离子色谱仪", **query}), 422)


def test_a_huge_number_as_search_words_is_searched_for(listings, api):
    response = api.get("search/", {"q": HUGE})

    assert response.status_code == 200
    assert response.json()["items"] == []


# -- the API: paths ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"pages/{HUGE}/",
        f"pages/find/?id={HUGE}",
        f"listings/instruments/{HUGE}/",
        f"listings/experts/{HUGE}/",
        f"listings/transfers/{HUGE}/",
        f"enterprises/{HUGE}/",
    ],
)
def test_a_huge_id_in_an_api_path_is_a_404_problem(listings, api, path):
    assert_problem(api.get(path), 404)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", f"pages/{HUGE}/"),
        ("get", f"pages/{HUGE}/revisions/"),
        ("get", "pages/{page}/revisions/" + HUGE + "/"),
        ("patch", f"pages/{HUGE}/"),
        ("post", f"pages/{HUGE}/actions/submit/"),
        ("patch", f"listings/instruments/{HUGE}/"),
        ("post", f"listings/instruments/{HUGE}/actions/submit/"),
    ],
)
def test_a_huge_id_in_an_editors_api_path_is_a_404_problem(
    listings, world, client, token_for, method, path
):
    api = Api(client, token_for(world.users["a1_editor"]))
    path = path.format(page=world.items["draft"]["a1"].pk)

    response = getattr(api, method)(path) if method == "get" else getattr(api, method)(path, {})

    assert_problem(response, 404)


# -- public pages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/resources/experts/99999999999999999999999/",
        f"/resources/instruments/{HUGE}/",
        f"/en/resources/instruments/{HUGE}/",
        f"/supply-demand/transfers/{HUGE}/",
        f"/notices/patent-ranking/{HUGE}/",
    ],
)
def test_a_huge_id_in_a_public_url_is_a_404(listings, client, path):
    assert_not_found(client.get(path))


def test_an_enquiry_about_a_huge_listing_id_is_a_404(listings, client):
    assert_not_found(client.post(f"/resources/instruments/{HUGE}/enquiry/", {}))


def test_an_id_that_fits_bigint_but_names_no_listing_is_a_404(listings, client):
    assert_not_found(client.get(f"/resources/instruments/{MAX_BIGINT}/"))


# -- the admin: huge ids in paths ---------------------------------------------------------


def _admin_urls(world, listings):
    listing = listings.items["live"]["a1"]
    viewset = listing.snippet_viewset
    enterprise = listing.enterprise
    page = world.items["live"]["a1"]
    return {
        "page edit": f"/admin/pages/{HUGE}/edit/",
        "page history": f"/admin/pages/{HUGE}/history/",
        "page revision": f"/admin/pages/{page.pk}/revisions/{HUGE}/view/",
        "page revert": f"/admin/pages/{page.pk}/revisions/{HUGE}/revert/",
        "listing edit": reverse(viewset.get_url_name("edit"), args=[HUGE]),
        "listing history": reverse(viewset.get_url_name("history"), args=[HUGE]),
        "listing revert": reverse(
            viewset.get_url_name("revisions_revert"), args=[listing.pk, HUGE]
        ),
        "enterprise edit": reverse(enterprise.snippet_viewset.get_url_name("edit"), args=[HUGE]),
        "document edit": f"/admin/documents/edit/{HUGE}/",
        "image edit": f"/admin/images/{HUGE}/",
        "user edit": f"/admin/users/{HUGE}/",
        "group edit": f"/admin/groups/edit/{HUGE}/",
        "notice acknowledge": f"/admin/regulator/notices/{HUGE}/acknowledge/",
        "notice receipts": f"/admin/reports/notice-receipts/{HUGE}/",
        "contact registration": f"/admin/regulator/contacts/{HUGE}/",
        "ranking year": f"/admin/reports/patent-ranking/{HUGE}/",
        "survey year": f"/admin/regulator/survey/{HUGE}/",
        "survey report": f"/admin/regulator/survey/2025/reports/{HUGE}/",
        "listing import": f"/admin/listings/io/imports/{HUGE}/",
        "localize update": f"/admin/localize/update/{HUGE}/",
    }


ADMIN_URLS = [
    "page edit",
    "page history",
    "page revision",
    "page revert",
    "listing edit",
    "listing history",
    "listing revert",
    "enterprise edit",
    "document edit",
    "image edit",
    "user edit",
    "group edit",
    "notice acknowledge",
    "notice receipts",
    "contact registration",
    "ranking year",
    "survey year",
    "survey report",
    "listing import",
    "localize update",
]


@pytest.mark.parametrize("name", ADMIN_URLS)
def test_a_huge_id_in_an_admin_url_is_a_404(world, listings, client, name):
    client.force_login(world.users["platform_admin"])
    url = _admin_urls(world, listings)[name]

    response = client.post(url) if name == "notice acknowledge" else client.get(url)

    assert_not_found(response)


@pytest.mark.parametrize("value", ["abc", HUGE])
@pytest.mark.parametrize(
    "chooser",
    [
        "snippets/choose/snippets/instrument",
        "snippets/choose/snippets/enterprise",
        "documents/chooser",
        "images/chooser",
    ],
)
def test_a_mistyped_or_huge_id_in_a_chooser_is_a_404(world, listings, client, chooser, value):
    client.force_login(world.users["platform_admin"])

    assert_not_found(client.get(f"/admin/{chooser}/chosen/{value}/"))


@pytest.mark.parametrize("value", ["abc", HUGE])
def test_a_listing_url_with_a_mistyped_or_huge_id_is_a_404(world, listings, client, value):
    client.force_login(world.users["platform_admin"])
    viewset = listings.items["live"]["a1"].snippet_viewset

    for action in ("edit", "delete", "history", "usage"):
        url = reverse(viewset.get_url_name(action), args=[1]).replace("/1/", f"/{value}/")
        assert_not_found(client.get(url))


@pytest.mark.parametrize("model", ["wagtailcore/page", "pages/newspage", "snippets/instrument"])
def test_an_editing_session_ping_about_a_huge_id_is_a_404(world, listings, client, model):
    client.force_login(world.users["platform_admin"])

    assert_not_found(client.post(f"/admin/editing-sessions/ping/{model}/{HUGE}/1/"))


def test_a_huge_id_is_refused_before_the_admin_looks_for_it(world, listings, client):
    client.force_login(world.users["platform_admin"])
    listing = listings.items["live"]["a1"]
    url = reverse(listing.snippet_viewset.get_url_name("edit"), args=[HUGE])

    with CaptureQueriesContext(connection) as queries:
        assert_not_found(client.get(url))

    assert not [q["sql"] for q in queries if "snippets_" in q["sql"]]


def test_documents_and_images_with_huge_ids_exist_nowhere(world, client):
    DocumentFactory()
    ImageFactory()
    client.force_login(world.users["platform_admin"])

    for url in (
        f"/admin/documents/edit/{HUGE}/",
        f"/admin/documents/delete/{HUGE}/",
        f"/admin/images/{HUGE}/delete/",
        f"/documents/{HUGE}/anything.pdf",
    ):
        assert_not_found(client.get(url))


# -- the admin: forms posted empty --------------------------------------------------------


def test_reverting_a_page_with_an_empty_form_is_a_bad_request(world, client):
    page = world.items["live"]["a1"]
    client.force_login(world.users["platform_admin"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, oldest_revision(page).pk])

    latest = page.latest_revision_id

    response = client.post(url, {})

    assert response.status_code == 400
    page.refresh_from_db()
    assert page.latest_revision_id == latest  # nothing was reverted


def test_reverting_a_page_with_the_editors_form_still_reverts(world, client):
    page = world.items["draft"]["a1"]
    client.force_login(world.users["platform_admin"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, oldest_revision(page).pk])
    # What the browser posts: the rendered fields, and the body that the editor's script adds.
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").dict()
    data.update(nested_form_data({"body": streamfield([])}))

    response = client.post(url, data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "a1-draft"


@pytest.mark.parametrize("url", ["edit", "add"])
def test_saving_a_page_with_an_empty_form_is_a_bad_request(world, client, url):
    page = world.items["draft"]["a1"]
    client.force_login(world.users["platform_admin"])
    if url == "edit":
        path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    else:
        path = reverse("wagtailadmin_pages:add", args=["pages", "newspage", page.get_parent().pk])

    assert client.post(path, {}).status_code == 400


def test_a_truncated_stream_field_is_a_bad_request(world, client):
    page = world.items["draft"]["a1"]
    client.force_login(world.users["platform_admin"])

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "截断的正文", "body-count": "3"},
    )

    assert response.status_code == 400


def test_reverting_a_listing_with_an_empty_form_is_not_a_crash(world, listings, client):
    listing = listings.items["live"]["a1"]
    client.force_login(world.users["platform_admin"])
    url = reverse(
        listing.snippet_viewset.get_url_name("revisions_revert"),
        args=[listing.pk, oldest_revision(listing).pk],
    )

    latest = listing.latest_revision_id

    response = client.post(url, {})

    assert response.status_code in (200, 400)
    listing.refresh_from_db()
    assert listing.latest_revision_id == latest  # nothing was reverted


@pytest.fixture
def survey_2025(world):
    return open_survey_year(year=2025, status=SurveyYear.Status.OPEN)


def _regulator_posts(world, survey):
    group_a = world.parents["group_a"].enterprise
    return {
        "survey create": "/admin/regulator/survey/new/",
        "survey edit": f"/admin/regulator/survey/{survey.year}/edit/",
        "survey report": f"/admin/regulator/survey/{survey.year}/reports/{group_a.pk}/",
        "ranking release": f"/admin/reports/patent-ranking/{survey.year}/release/",
        "ranking withdraw": f"/admin/reports/patent-ranking/{survey.year}/withdraw/",
        "participation briefing": "/admin/reports/participation/briefing/",
        "contact registration": f"/admin/regulator/contacts/{group_a.pk}/",
        "listing import": "/admin/listings/io/instrument/import/",
    }


REGULATOR_POSTS = [
    "survey create",
    "survey edit",
    "survey report",
    "ranking release",
    "ranking withdraw",
    "participation briefing",
    "contact registration",
    "listing import",
]


@pytest.mark.parametrize("name", REGULATOR_POSTS)
def test_the_platforms_admin_forms_posted_empty_are_not_a_crash(
    world, listings, survey_2025, client, name
):
    client.force_login(world.users["platform_admin"])

    response = client.post(_regulator_posts(world, survey_2025)[name], {})

    assert response.status_code < 500


def test_acknowledging_a_notice_with_an_empty_form_is_not_a_crash(world, client):
    notice = NoticePageFactory(parent=site_structure().notices, title="请报送年度数据")
    client.force_login(world.users["platform_admin"])

    response = client.post(f"/admin/regulator/notices/{notice.pk}/acknowledge/", {})

    assert response.status_code < 500


def test_an_empty_enquiry_about_a_live_listing_is_answered_with_the_form(listings, client):
    listing = listings.items["live"]["a1"]

    response = client.post(f"/resources/instruments/{listing.pk}/enquiry/", {})

    assert response.status_code in (200, 400)
