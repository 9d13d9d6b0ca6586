"""Files follow the content that uses them: private until a published, public item uses them.

Told as the people of the provisioned ``world``: 能源一院 (a1) attaches a
report to a news draft; nobody outside 集团 A (an editor of 集团 B, a reader
who is not logged in) may list or download it, by the admin's JSON endpoints,
the API or the download URL, until the news is published; when it is
unpublished again the file is private again. The regulator's notice
attachments follow the same rule.
"""

import pytest
from django.urls import reverse
from wagtail.models import Collection

from tests.factories import DocumentFactory, ImageFactory, NoticePageFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "能源一院内部研究报告（草稿附件）"


@pytest.fixture
def report(world, django_capture_on_commit_callbacks):
    """A1's document, used by A1's news draft (the reference index written as after a commit)."""
    document = DocumentFactory(
        title=SECRET_TITLE, collection=Collection.objects.get(name="能源一院")
    )
    draft = world.items["draft"]["a1"]
    draft.body = [("document", {"document": document, "title": "附件"})]
    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    return document


def download(client, document):
    return client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))


def file_bytes(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_a_draft_attachment_is_not_served_to_a_reader(client, report):
    response = download(client, report)

    assert response.status_code == 404
    assert b"%PDF" not in file_bytes(response)
    assert SECRET_TITLE not in response.content.decode(errors="ignore")


def test_a_draft_attachment_is_not_served_to_another_group(client, world, report):
    client.force_login(world.users["groupb_reviewer"])

    assert download(client, report).status_code == 404


@pytest.mark.parametrize("role", ["a1_editor", "groupa_reviewer", "platform_admin"])
def test_the_enterprise_and_its_groups_reviewers_read_the_draft_attachment(
    client, world, report, role
):
    client.force_login(world.users[role])

    response = download(client, report)

    assert response.status_code == 200
    assert file_bytes(response).startswith(b"%PDF")


def test_the_attachment_is_public_while_the_news_is_live_and_private_again_after(
    client, world, report, django_capture_on_commit_callbacks
):
    news = world.items["draft"]["a1"]
    publish(news, django_capture_on_commit_callbacks)
    assert download(client, report).status_code == 200

    news.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()

    assert download(client, report).status_code == 404


def test_an_unpublished_notice_attachment_is_not_served(
    client, world, django_capture_on_commit_callbacks
):
    document = DocumentFactory(title="关于开展科技情况调查的通知（送审稿）")
    notice = NoticePageFactory(parent=world.parents["regulator"].get_parent(), live=False)
    notice = notice.specific
    notice.attachments.create(document=document)
    with django_capture_on_commit_callbacks(execute=True):
        notice.save()

    assert download(client, document).status_code == 404
    client.force_login(world.users["a1_editor"])
    assert download(client, document).status_code == 404


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_the_admins_media_json_lists_nothing_of_another_group(client, world, report, endpoint):
    ImageFactory(
        title="能源一院未发布的现场照片", collection=Collection.objects.get(name="能源一院")
    )
    client.force_login(world.users["b1_editor"])

    response = client.get(f"/admin/api/main/{endpoint}/")

    assert response.status_code == 200
    body = response.content.decode()
    assert SECRET_TITLE not in body and "能源一院未发布的现场照片" not in body
    assert "能源一院" not in str(response.json()["items"])


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_the_admins_media_json_still_lists_the_users_own_files(client, world, report, endpoint):
    ImageFactory(
        title="能源一院未发布的现场照片", collection=Collection.objects.get(name="能源一院")
    )
    client.force_login(world.users["a1_editor"])

    titles = [item["title"] for item in client.get(f"/admin/api/main/{endpoint}/").json()["items"]]

    own = SECRET_TITLE if endpoint == "documents" else "能源一院未发布的现场照片"
    assert titles == [own]


def test_the_admins_media_json_sends_a_reader_to_the_login(client, report):
    response = client.get("/admin/api/main/documents/")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert SECRET_TITLE not in response.content.decode()


def test_a_document_detail_of_another_group_is_not_found(client, world, report):
    client.force_login(world.users["b1_editor"])

    response = client.get(f"/admin/api/main/documents/{report.pk}/")

    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()
