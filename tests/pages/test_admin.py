"""The editors' side: the admin speaks Chinese and every page type can be created and edited.

Smoke tests of the forms (a broken panel definition or a missing template
shows up here first) and one full round trip of a news item with a
StreamField body: draft, then preview.
"""

import pytest
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from pages.models import NewsPage
from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TrendPageFactory,
)
from tests.utils import text_of


def test_admin_speaks_chinese_to_a_user_without_a_language_preference(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    text = text_of(response)
    assert 'lang="zh-hans"' in text.lower()
    assert "<title>控制面板" in text, "the dashboard is titled in Chinese"
    assert "网站摘要" in text, "the site summary panel is in Chinese"


def test_page_explorer_is_chinese(admin_client, site):
    response = admin_client.get(f"/admin/pages/{site.home.pk}/")

    assert response.status_code == 200
    assert "页面" in text_of(response)


# (model name, where its parent is: an attribute of the ``tree`` fixture or of ``tree.site``)
CREATABLE = [
    ("newspage", "a1"),
    ("achievementpage", "group_a"),
    ("experiencepage", "group_b"),
    ("trendpage", "trends"),
    ("noticepage", "notices"),
    ("enterprisepage", "enterprises"),
]


def _parent(tree, where):
    return getattr(tree, where, None) or getattr(tree.site, where)


@pytest.mark.parametrize(("model", "where"), CREATABLE)
def test_editor_opens_the_create_form_of_each_page_type(admin_client, tree, model, where):
    parent = _parent(tree, where)

    response = admin_client.get(f"/admin/pages/add/pages/{model}/{parent.pk}/")

    assert response.status_code == 200, f"create form of {model} answered {response.status_code}"
    assert 'id="page-edit-form"' in response.content.decode()


@pytest.mark.parametrize(
    "section", ["news", "achievements", "experience", "trends", "notices", "enterprises"]
)
def test_a_second_section_of_a_kind_cannot_be_created(admin_client, site, section):
    model = type(getattr(site, section)).__name__.lower()

    response = admin_client.get(f"/admin/pages/add/pages/{model}/{site.home.pk}/")

    assert response.status_code in (302, 403), "only one section of each kind per home page"


@pytest.fixture
def one_of_each(tree):
    site = tree.site
    return [
        site.home,
        site.news,
        site.notices,
        site.enterprises,
        tree.group_a,
        tree.a1,
        NewsPageFactory(parent=tree.a1, tags=["氢能"]),
        AchievementPageFactory(parent=tree.group_a),
        ExperiencePageFactory(parent=tree.group_b),
        TrendPageFactory(parent=site.trends),
        NoticePageFactory(parent=site.notices),
    ]


def test_editor_opens_the_edit_form_of_each_page_type(admin_client, one_of_each):
    failures = []
    for page in one_of_each:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        if response.status_code != 200 or page.title not in text_of(response):
            failures.append(f"{type(page).__name__} #{page.pk}: {response.status_code}")

    assert not failures, "edit forms failed: " + ", ".join(failures)


def news_form_data(admin_client, url, **fields):
    """The create form as the browser would submit it, with ``fields`` filled in."""
    form = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data = form.dict()
    data.update(fields)
    return data


@pytest.fixture
def filled_news_form(admin_client, tree):
    url = f"/admin/pages/add/pages/newspage/{tree.a1.pk}/"
    data = news_form_data(
        admin_client,
        url,
        **nested_form_data(
            {
                "title": "一院完成兆瓦级制氢装置调试",
                "slug": "hydrogen-commissioning",
                "summary": "装置连续稳定运行 1000 小时。",
                "tags": "氢能, 储能",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>项目团队攻克了电解槽关键材料难题。</p>")),
                        ("heading", {"text": "下一步工作", "level": "h2"}),
                    ]
                ),
            }
        ),
    )
    return url, data


def test_editor_saves_a_news_draft_with_a_body(admin_client, tree, filled_news_form):
    url, data = filled_news_form

    response = admin_client.post(url, data)

    assert response.status_code == 302, "the draft was not saved (the form came back with errors)"
    page = NewsPage.objects.get(slug="hydrogen-commissioning")
    assert not page.live, "saving a draft does not publish"
    draft = page.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph", "heading"]
    assert "电解槽关键材料" in draft.body[0].value.source
    assert draft.body[1].value["text"] == "下一步工作"
    assert {t.name for t in draft.tags.all()} == {"氢能", "储能"}
    assert page.owning_enterprise == tree.a1.enterprise


def test_editor_previews_a_news_item_before_saving(admin_client, tree, filled_news_form):
    url, data = filled_news_form
    preview_url = f"{url}preview/"

    response = admin_client.post(preview_url, data)
    assert response.status_code == 200
    assert response.json() == {"is_valid": True, "is_available": True}

    response = admin_client.get(preview_url)
    assert response.status_code == 200
    text = text_of(response)
    assert "一院完成兆瓦级制氢装置调试" in text
    assert "项目团队攻克了电解槽关键材料难题。" in text


def test_editor_previews_changes_to_a_published_news_item(admin_client, tree):
    page = NewsPageFactory(parent=tree.a1, title="原标题")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = news_form_data(
        admin_client, edit_url, title="修改后的标题", **nested_form_data({"body": streamfield([])})
    )

    response = admin_client.post(f"{edit_url}preview/", data)
    assert response.json()["is_valid"] is True

    response = admin_client.get(f"{edit_url}preview/")
    assert response.status_code == 200
    assert "修改后的标题" in text_of(response)
    page.refresh_from_db()
    assert page.title == "原标题", "a preview changes nothing for readers"


def test_an_image_cannot_be_uploaded_without_alt_text(admin_client):
    """Editors describe every image for readers who cannot see it (WCAG 1.1.1)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    from tests.factories import ImageFactory

    data = ImageFactory.build().file.read()
    Image = get_image_model()
    before = Image.objects.count()

    def upload(description):
        return admin_client.post(
            "/admin/images/add/",
            {
                "title": "海上风电场",
                "description": description,
                "file": SimpleUploadedFile("wind.jpg", data, content_type="image/jpeg"),
            },
        )

    refused = upload("")
    assert refused.status_code == 200
    assert "替代文字" in refused.content.decode()
    assert Image.objects.count() == before

    upload("示例新能源海上风电场全景")
    assert Image.objects.filter(description="示例新能源海上风电场全景").exists()
