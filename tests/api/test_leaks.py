"""Anonymous reads return live, public content only: one test per kind of non-public content."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import PageViewRestriction

from snippets.models import ListingKind
from tests.factories import DocumentFactory, EnterpriseFactory, NewsPageFactory, make_listing

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


# -- pages ----------------------------------------------------------------------------


def test_a_draft_page_is_neither_listed_nor_served(api, site):
    live = NewsPageFactory(parent=site.news, title="已发布的消息")
    draft = NewsPageFactory(parent=site.news, title="尚未发布的草稿", live=False)
    listed = ids(api.get("pages/", {"limit": 100}))
    assert live.pk in listed
    assert draft.pk not in listed
    assert api.get(f"pages/{draft.pk}/").status_code == 404
    assert "尚未发布的草稿" not in api.get("pages/", {"limit": 100}).content.decode()


def test_a_page_with_an_unpublished_revision_shows_only_its_live_version(api, site):
    page = NewsPageFactory(parent=site.news, title="公开的标题", summary="公开的摘要")
    page.title = "修改中的标题"
    page.summary = "修改中尚未审核的摘要"
    page.save_revision()
    for version in ("live", "draft"):
        response = api.get(f"pages/{page.pk}/", {"version": version})
        assert response.status_code == 200
        body = response.content.decode()
        assert response.json()["title"] == "公开的标题"
        assert response.json()["summary"] == "公开的摘要"
        assert "修改中" not in body
    assert api.get(f"pages/{page.pk}/revisions/").status_code == 401


def test_a_private_page_and_its_children_are_neither_listed_nor_served(api, site):
    private = NewsPageFactory(parent=site.news, title="仅限登录用户")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    child_parent = site.news  # a restriction on the section hides everything below it
    other = NewsPageFactory(parent=child_parent, title="公开消息")
    listed = ids(api.get("pages/", {"limit": 100}))
    assert private.pk not in listed
    assert other.pk in listed
    assert api.get(f"pages/{private.pk}/").status_code == 404
    assert api.get("pages/find/", {"html_path": private.url_path}).status_code == 404


def test_a_session_cookie_does_not_open_drafts(api, client, site, django_user_model):
    draft = NewsPageFactory(parent=site.news, title="草稿", live=False)
    admin = django_user_model.objects.create_superuser("root", "root@example.cn", "x-pass-2026")
    client.force_login(admin)
    assert api.get(f"pages/{draft.pk}/").status_code == 404
    assert draft.pk not in ids(api.get("pages/", {"limit": 100}))


def test_page_detail_carries_the_article_but_no_owner(api, site, django_user_model):
    writer = django_user_model.objects.create_user(
        "zhang_caiji", password="x-pass-2026", first_name="采集", last_name="张"
    )
    page = NewsPageFactory(parent=site.news, title="氢能储运示范", owner=writer)
    page.save_revision(user=writer)
    data = api.get(f"pages/{page.pk}/").json()
    assert data["summary"] == page.summary
    assert "body" in data
    body = api.get(f"pages/{page.pk}/").content.decode()
    for secret in ("zhang_caiji", "张", "采集"):
        assert secret not in body.replace("氢能储运示范", "")


def test_documents_and_images_are_not_enumerable_anonymously(api, site):
    DocumentFactory(title="审核中通知的附件")
    for path in ("documents/", "images/"):
        response = api.get(path)
        assert response.status_code == 401
        assert "审核中通知的附件" not in response.content.decode()


# -- listings -------------------------------------------------------------------------


@pytest.fixture
def enterprise(tree):
    return tree.a1.enterprise


def test_drafts_and_expired_listings_are_neither_listed_nor_served(api, enterprise):
    live = make_listing("instrument", enterprise, title="公开的仪器")
    draft = make_listing("instrument", enterprise, title="草稿仪器", live=False)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = make_listing("instrument", enterprise, title="过期仪器", valid_until=yesterday)
    for path in ("listings/", "listings/instruments/"):
        response = api.get(path, {"limit": 100})
        assert ids(response) == {live.pk}
        assert "草稿仪器" not in response.content.decode()
        assert "过期仪器" not in response.content.decode()
    assert api.get(f"listings/instruments/{live.pk}/").status_code == 200
    assert api.get(f"listings/instruments/{draft.pk}/").status_code == 404
    gone = api.get(f"listings/instruments/{expired.pk}/")
    assert gone.status_code == 410
    assert "有效期" in gone.json()["detail"]
    # Under another type's path a listing does not exist.
    assert api.get(f"listings/experts/{live.pk}/").status_code == 404


def test_a_listing_with_an_unpublished_revision_shows_its_live_version(api, enterprise):
    listing = make_listing("instrument", enterprise, title="公开的仪器名称")
    listing.title = "修改中的仪器名称"
    listing.save_revision()
    data = api.get(f"listings/instruments/{listing.pk}/").json()
    assert data["title"] == "公开的仪器名称"
    listed = api.get("listings/instruments/").content.decode()
    assert "修改中" not in listed


def test_listings_of_the_other_language_stay_in_their_own_list(api, enterprise, site):
    chinese = make_listing("instrument", enterprise, title="中文仪器")
    english = make_listing("instrument", enterprise, title="English instrument", locale=site.en)
    assert ids(api.get("listings/")) == {chinese.pk}
    # The English site also shows Chinese originals that have no English version.
    assert ids(api.get("listings/", {"locale": "en"})) == {chinese.pk, english.pk}


def test_hidden_contact_details_and_experts_contacts_are_never_served(api, enterprise):
    hidden = make_listing(
        "instrument",
        enterprise,
        contact_public=False,
        contact_name="赵隐藏",
        contact_phone="010-11112222",
        contact_email="hidden@example.com",
    )
    shown = make_listing(
        "instrument",
        enterprise,
        contact_public=True,
        contact_name="钱公开",
        contact_phone="010-33334444",
        contact_email="shown@example.com",
    )
    expert = make_listing(
        "expert",
        enterprise,
        contact_name="孙专家联络",
        contact_phone="010-55556666",
        contact_email="expert@example.com",
    )
    # Even if the flag was set behind the form's back, an expert's contact stays private.
    type(expert).objects.filter(pk=expert.pk).update(contact_public=True)

    response = api.get(f"listings/instruments/{hidden.pk}/")
    assert response.json()["contact"] is None
    for secret in ("赵隐藏", "010-11112222", "hidden@example.com"):
        assert secret not in response.content.decode()
    assert api.get(f"listings/instruments/{shown.pk}/").json()["contact"] == {
        "name": "钱公开",
        "phone": "010-33334444",
        "email": "shown@example.com",
    }
    response = api.get(f"listings/experts/{expert.pk}/")
    assert response.json()["contact"] is None
    assert "孙专家联络" not in response.content.decode()
    # Lists never carry contact details.
    listed = api.get("listings/", {"limit": 100}).content.decode()
    for secret in ("赵隐藏", "钱公开", "孙专家联络", "@example.com"):
        assert secret not in listed


def test_submitter_import_batch_and_completeness_stay_in_the_admin(api, enterprise):
    submitter = get_user_model().objects.create_user(
        "li_submitter", password="x-pass-2026", first_name="提交", last_name="李"
    )
    listing = make_listing("result", enterprise, title="一项成果", owner=submitter)
    listing.save_revision(user=submitter)  # the submitter's latest revision
    response = api.get(f"listings/results/{listing.pk}/")
    data = response.json()
    for key in ("owner", "import_batch", "completeness", "latest_revision", "locked_by"):
        assert key not in data
        assert key not in data["fields"]
    body = response.content.decode()
    for secret in ("li_submitter", "提交", "李"):
        assert secret not in body


def test_listing_fields_are_the_public_indicator_fields(api, enterprise):
    from snippets.display import PUBLIC_FIELDS

    for kind, slug in (("instrument", "instruments"), ("job", "jobs"), ("result", "results")):
        listing = make_listing(kind, enterprise)
        data = api.get(f"listings/{slug}/{listing.pk}/").json()
        assert set(data["fields"]) == set(PUBLIC_FIELDS[ListingKind(kind)])


def test_search_finds_only_public_content(api, site, search_index):
    enterprise = EnterpriseFactory(code="ent-s", name="搜索企业有限公司", short_name="搜索企业")
    NewsPageFactory(parent=site.news, title="特高压输电技术突破")
    NewsPageFactory(parent=site.news, title="特高压草稿消息", live=False)
    make_listing("instrument", enterprise, title="特高压试验仪器")
    make_listing("instrument", enterprise, title="特高压草稿仪器", live=False)
    response = api.get("search/", {"q": "特高压"})
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert titles == {"特高压输电技术突破", "特高压试验仪器"}
