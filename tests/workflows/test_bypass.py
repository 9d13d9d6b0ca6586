"""Every way round review, tried through the admin as a person (or a crafted request) would.

Wagtail's security advisories of recent years are mostly secondary paths that
checked one permission and not another. Each test here takes one such path
with a real POST and then looks at the database: nothing published, moved,
copied or revealed that review and the row-level rules would not allow.
"""

import pytest
from django.urls import reverse
from wagtail.models import Collection, Page

from tests.factories import ImageFactory
from tests.utils import text_of
from tests.workflows.test_secrecy_review import edit_post

pytestmark = pytest.mark.django_db


def login(client, world, role):
    client.force_login(world.users[role])
    return client


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def children(page):
    """Fresh from the database: treebeard answers from a stale ``numchild`` otherwise."""
    return reload(page).get_children()


def test_editor_cannot_publish_by_posting_the_publish_button(world, client):
    page = world.items["draft"]["a1"]
    login(client, world, "a1_editor")

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post(page, **{"action-publish": "1", "secrecy_declaration": "on"}),
    )

    assert response.status_code == 302  # saved as a draft, as if "save" had been pressed
    assert not reload(page).live


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete", "move"])
def test_bulk_actions_refuse_items_of_another_group(world, client, action):
    draft_b, live_b = world.items["draft"]["b1"], world.items["live"]["b1"]
    login(client, world, "groupa_reviewer")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])

    response = client.post(f"{url}?id={draft_b.pk}&id={live_b.pk}")

    assert response.status_code in (200, 302, 403)
    assert Page.objects.filter(pk=draft_b.pk, live=False).exists()
    assert Page.objects.filter(pk=live_b.pk, live=True).exists()
    assert reload(live_b).get_parent().pk == world.parents["b1"].pk


def test_bulk_delete_refuses_a_group_editor_on_a_subsidiary_item(world, client):
    """Wagtail's cascade gives 集团 A's editors "change" over 能源一院's draft; bulk delete must not."""
    draft_a1 = world.items["draft"]["a1"]
    login(client, world, "groupa_editor")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])

    client.post(f"{url}?id={draft_a1.pk}")

    assert Page.objects.filter(pk=draft_a1.pk).exists()


def test_bulk_publish_refuses_own_editor(world, client):
    page = world.items["draft"]["a1"]
    login(client, world, "a1_editor")

    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    )

    assert not reload(page).live


def test_group_editor_cannot_edit_a_subsidiary_item_by_url(world, client):
    """Wagtail's cascade would let 集团 A's editors into 能源一院's pages; the row-level rule does not."""
    page = world.items["draft"]["a1"]
    login(client, world, "groupa_editor")

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "集团编辑改写的标题", "slug": page.slug},
    )

    assert response.status_code in (302, 403)
    assert "集团编辑改写的标题" not in {r.content.get("title") for r in page.revisions.all()}


def test_editor_cannot_move_own_item_into_another_enterprise(world, client):
    page, destination = world.items["draft"]["a1"], world.elsewhere["a1"]
    login(client, world, "a1_editor")

    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))

    assert reload(page).get_parent().pk == world.parents["a1"].pk
    assert reload(page).enterprise.code == "a1"


def test_copy_into_another_enterprise_is_refused(world, client):
    page, destination = world.items["draft"]["a1"], world.elsewhere["a1"]
    login(client, world, "a1_editor")
    before = children(destination).count()

    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "复制到能源二院", "new_slug": "copied", "new_parent_page": destination.pk},
    )

    assert children(destination).count() == before


def test_copying_another_groups_item_into_own_sub_platform_is_refused(world, client):
    """The copy's source is checked too: b1's draft must not reach 能源一院 through a copy."""
    source, own = world.items["draft"]["b1"], world.parents["a1"]
    login(client, world, "a1_editor")
    before = children(own).count()

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "拿来的稿件", "new_slug": "taken", "new_parent_page": own.pk},
    )

    assert response.status_code in (302, 403)
    assert children(own).count() == before


def test_platform_admin_copy_belongs_to_the_destination_enterprise(world, client):
    """A copy across enterprises (platform administrator only) is owned and reviewed where it lands."""
    page, destination = world.items["draft"]["a1"], world.elsewhere["a1"]
    login(client, world, "platform_admin")

    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "转给能源二院的稿件",
            "new_slug": "handed-over",
            "new_parent_page": destination.pk,
        },
    )

    copy = children(destination).get(slug="handed-over").specific
    assert copy.enterprise.code == "a2"


def test_editor_cannot_schedule_or_expire_a_sub_platform_page(world, client):
    page = world.parents["a1"].specific
    login(client, world, "a1_editor")
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        instance=page,
        for_user=world.users["a1_editor"],
        data={
            "title": page.title,
            "slug": page.slug,
            "enterprise": page.enterprise_id,
            "intro": page.intro,
            "go_live_at": "2030-01-01 08:00",
            "expire_at": "2030-02-01 08:00",
            "nav_links-count": "0",
        },
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["go_live_at"] is None
    assert form.cleaned_data["expire_at"] is None


def test_editor_cannot_hand_the_sub_platform_to_another_enterprise(world, client):
    page = world.parents["a1"].specific
    other = world.elsewhere["a1"].specific.enterprise  # 能源二院, same group, so clean() would pass
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        instance=page,
        for_user=world.users["a1_editor"],
        data={
            "title": page.title,
            "slug": page.slug,
            "enterprise": other.pk,
            "intro": "",
            "nav_links-count": "0",
        },
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["enterprise"] == page.enterprise


def test_history_and_comparison_of_another_groups_item_are_refused(world, client):
    page = world.items["live"]["b1"]
    first, second = page.revisions.order_by("created_at", "pk")[:2]
    login(client, world, "groupa_reviewer")

    for url in (
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "b1-live" not in text_of(response), url


def test_page_chooser_hides_other_enterprises_drafts(world, client):
    login(client, world, "a1_editor")
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[world.parents["b1"].pk]))
    html = response.json()["html"]
    assert "b1-draft" not in html
    assert "b1-live" in html  # published pages may be linked to


def test_images_of_another_group_are_not_offered_or_editable(world, client):
    collection_b = Collection.objects.get(name="装备一所")
    image_b = ImageFactory(title="装备一所的内部照片", collection=collection_b)
    ImageFactory(title="能源一院的公开照片", collection=Collection.objects.get(name="能源一院"))
    login(client, world, "a1_editor")

    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    edit = client.get(reverse("wagtailimages:edit", args=[image_b.pk]))

    assert "能源一院的公开照片" in chooser.json()["html"]
    assert "装备一所的内部照片" not in chooser.json()["html"]
    assert edit.status_code in (302, 403)


def test_documents_of_another_group_are_not_offered_or_editable(world, client):
    from tests.factories import DocumentFactory

    document_b = DocumentFactory(
        title="装备一所的内部文件", collection=Collection.objects.get(name="装备一所")
    )
    DocumentFactory(title="能源一院的公开文件", collection=Collection.objects.get(name="能源一院"))
    login(client, world, "a1_editor")

    chooser = client.get(reverse("wagtaildocs_chooser:choose"))
    edit = client.get(reverse("wagtaildocs:edit", args=[document_b.pk]))

    assert "能源一院的公开文件" in chooser.json()["html"]
    assert "装备一所的内部文件" not in chooser.json()["html"]
    assert edit.status_code in (302, 403)
