"""One publish gate: every path that makes a page or listing live passes 保密审查 (DESIGN.md §10).

The story: the edit screen already refuses to publish 绝密 typed by the platform
administrator. The same words typed into the copy form's new title, with
"publish copies" ticked, went online and into search; the write API copied and
aliased live pages, though nothing may be published through it. Each path here
is walked the way a person (or a client program) walks it, then the database
is read: what is live, what the audit log says, who was told.

The last test reads the installed Wagtail and wagtail-localize and lists every
function that can make something live; a new one fails it until someone says
which gate covers it.
"""

import ast
import datetime
import json
import re
from pathlib import Path

import pytest
import wagtail
import wagtail_localize
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.actions import action_registry
from wagtail.models import DraftStateMixin, Locale, Page, PageLogEntry
from wagtail.signals import page_published, published

from tests.api import conftest as api_fixtures
from tests.utils import text_of
from workflows.models import SensitiveTerm
from workflows.secrecy import gate, guard
from workflows.secrecy.task import CLEAR

pytestmark = pytest.mark.django_db

# The write API's bearer tokens and JSON client (tests/api/conftest.py).
token_for = api_fixtures.token_for
api_as = api_fixtures.api_as

CODE_NAME = "青鸾工程"


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def copy_form(page, parent, **extra):
    data = {"new_title": page.title, "new_slug": "copy", "new_parent_page": parent.pk}
    data.update(extra)
    return data


def live_under(parent, slug):
    return Page.objects.filter(path__startswith=parent.path, slug=slug, live=True).exists()


def refused_log(page):
    return PageLogEntry.objects.filter(page=page, action=gate.PUBLISH_REFUSED)


# -- the admin's copy form, "publish copies" ---------------------------------------------------


@pytest.mark.parametrize("words", ["绝密：储能电站技术方案", "储能电站技术方案（内部资料）"])
def test_platform_admins_published_copy_with_a_marking_in_its_new_title_is_refused(
    world, client, words
):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    client.force_login(world.users["platform_admin"])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        copy_form(source, parent, new_title=words, new_slug="leak", publish_copies="on"),
    )

    assert response.status_code == 200  # the form again, with what was typed
    text = text_of(response)
    assert "不能发布副本" in text and words in text
    assert not Page.objects.filter(slug="leak").exists()  # nothing copied until the admin decides


def test_platform_admin_may_copy_the_same_words_as_a_draft_for_review(world, client):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    client.force_login(world.users["platform_admin"])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        copy_form(source, parent, new_title="绝密：储能电站技术方案", new_slug="for-review"),
    )

    assert response.status_code == 302
    copy = Page.objects.get(slug="for-review")
    assert not copy.live


def test_platform_admins_clean_published_copy_goes_live(world, client):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    client.force_login(world.users["platform_admin"])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        copy_form(
            source, parent, new_title="储能电站运行简报", new_slug="brief", publish_copies="on"
        ),
    )

    assert response.status_code == 302
    copy = Page.objects.get(slug="brief")
    assert copy.live and copy.title == "储能电站运行简报"
    assert not refused_log(copy).exists()


def test_published_copy_of_a_page_naming_a_term_added_since_is_refused(world, client):
    """The source went online clean; the regulator has since listed a word it uses."""
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    type(source).objects.filter(pk=source.pk).update(summary=f"该装置为{CODE_NAME}配套研制。")
    SensitiveTerm.objects.create(term=CODE_NAME)
    client.force_login(world.users["platform_admin"])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        copy_form(
            source, parent, new_title="储能装置通过验收", new_slug="again", publish_copies="on"
        ),
    )

    assert response.status_code == 200
    assert CODE_NAME in text_of(response)
    assert not Page.objects.filter(slug="again").exists()


def test_platform_admins_alias_of_a_page_with_a_hit_is_refused(world, client):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    Page.objects.filter(pk=source.pk).update(title=f"{CODE_NAME}配套装置通过验收")
    SensitiveTerm.objects.create(term=CODE_NAME)
    client.force_login(world.users["platform_admin"])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        copy_form(source, parent, new_slug="mirror", alias="on"),
    )

    assert response.status_code == 200
    assert "不能发布副本" in text_of(response)
    assert not Page.objects.filter(slug="mirror").exists()


# -- the write API (/api/v3/) ------------------------------------------------------------------


@pytest.mark.parametrize("body", [{}, {"keep_live": True}])
def test_api_copy_of_a_live_page_is_never_live(world, api_as, body):
    """Wagtail's keep_live defaults to true: the copy would be online at once. Refused, saying why."""
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    api = api_as(world.users["platform_admin"])

    response = api.post(
        f"pages/{source.pk}/actions/copy/",
        {**body, "destination_id": parent.pk, "slug": "api-copy", "title": "储能电站运行简报"},
    )

    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert "keep_live" in response.json()["detail"]
    assert not Page.objects.filter(slug="api-copy").exists()


def test_api_copy_as_a_draft_works(world, api_as):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    api = api_as(world.users["platform_admin"])

    response = api.post(
        f"pages/{source.pk}/actions/copy/",
        {
            "destination_id": parent.pk,
            "slug": "api-draft",
            "title": "绝密：待审稿",
            "keep_live": False,
        },
    )

    assert response.status_code == 201, response.content
    copy = Page.objects.get(slug="api-draft")
    assert not copy.live and copy.title == "绝密：待审稿"  # a draft, to be submitted for review


def test_api_copy_of_a_draft_needs_no_flag(world, api_as):
    source, parent = world.items["draft"]["a1"], world.parents["a1"]
    api = api_as(world.users["platform_admin"])

    response = api.post(
        f"pages/{source.pk}/actions/copy/", {"destination_id": parent.pk, "slug": "draft-copy"}
    )

    assert response.status_code == 201, response.content
    assert not Page.objects.get(slug="draft-copy").live


@pytest.mark.parametrize("user", ["platform_admin", "a1_editor"])
def test_api_alias_is_refused(world, api_as, user):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    api = api_as(world.users[user])

    response = api.post(
        f"pages/{source.pk}/actions/create_alias/",
        {"destination_id": parent.pk, "slug": "api-alias"},
    )

    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    if user == "platform_admin":
        assert "别名" in response.json()["detail"]
    assert not Page.objects.filter(slug="api-alias").exists()


def test_api_translation_copy_as_an_alias_is_refused(world, api_as):
    source = world.items["live"]["a1"]
    api = api_as(world.users["platform_admin"])
    before = Page.objects.filter(locale__language_code="en").count()

    response = api.post(
        f"pages/{source.pk}/actions/copy_for_translation/",
        {"locale": "en", "copy_parents": True, "alias": True},
    )

    assert response.status_code == 403
    assert "别名" in response.json()["detail"]
    assert Page.objects.filter(locale__language_code="en").count() == before


def test_the_write_api_gets_the_gates_actions():
    expected = {
        "copy": gate.ApiCopyPageAction,
        "create_alias": gate.ApiCreatePageAliasAction,
        "copy_for_translation": gate.ApiCopyPageForTranslationAction,
        "publish": gate.ApiPublishPageRevisionAction,
        "create": gate.ApiCreatePageAction,
        "edit": gate.ApiEditPageAction,
    }
    for name, action in expected.items():
        assert action_registry.get_action_class(Page, name) is action, name
    assert action_registry.get_action_class(DraftStateMixin, "publish") is gate.ApiPublishAction


# -- the last line: whatever else publishes --------------------------------------------------


def test_admin_session_api_copy_with_a_hit_stays_a_draft_and_admins_are_told(world, client):
    """Wagtail's admin JSON API copies with keep_live directly: no hook, only the publish signal."""
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    admin = world.users["platform_admin"]
    client.force_login(admin)
    mail.outbox.clear()

    response = client.post(
        f"/admin/api/main/pages/{source.pk}/action/copy/",
        data=json.dumps(
            {
                "destination_page_id": parent.pk,
                "slug": "session-copy",
                "title": "绝密：储能电站技术方案",
                "keep_live": True,
            }
        ),
        content_type="application/json",
    )

    assert response.status_code in (201, 403)
    copy = Page.objects.get(slug="session-copy")
    assert not copy.live
    assert copy.first_published_at is None  # never online, so never "first published"
    assert not live_under(Page.objects.get(pk=parent.pk), "session-copy")
    assert "绝密" in str(refused_log(copy).get().data["findings"])
    assert any(admin.email in m.to and "绝密" in m.body for m in mail.outbox)


def test_programmatic_publish_of_a_revision_with_a_hit_is_taken_down(world):
    page = world.items["draft"]["a1"].specific
    page.summary = "本项目技术指标属机密，仅供内部参考。"
    revision = page.save_revision(user=world.users["platform_admin"])

    revision.publish(user=world.users["platform_admin"])

    page = reload(page)
    assert not page.live
    assert refused_log(page).get().revision_id == revision.pk
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_a_revision_whose_hit_a_reviewer_cleared_goes_live(world):
    page = world.items["draft"]["a1"].specific
    page.summary = "示例能源研究院团队揭开材料老化的秘密，相关成果已公开发表。"
    revision = page.save_revision(user=world.users["a1_editor"])
    PageLogEntry.objects.log_action(
        instance=page,
        action=CLEAR,
        user=world.users["groupa_reviewer"],
        revision=revision,
        data={"reason": "“秘密”为普通用语"},
    )

    revision.publish(user=world.users["platform_admin"])

    assert reload(page).live


def test_programmatic_alias_of_a_page_with_a_hit_is_not_live(world):
    source, parent = world.items["live"]["a1"], world.parents["a1"]
    Page.objects.filter(pk=source.pk).update(title=f"{CODE_NAME}配套装置通过验收")
    SensitiveTerm.objects.create(term=CODE_NAME)

    alias = reload(source).create_alias(parent=parent, update_slug="code-mirror")

    assert not alias.live
    assert not Page.objects.get(pk=alias.pk).live
    assert refused_log(alias).exists()


def test_programmatic_alias_of_a_clean_page_follows_it_online(world):
    source, parent = world.items["live"]["a1"], world.parents["a1"]

    alias = reload(source).create_alias(parent=parent, update_slug="clean-mirror")

    assert Page.objects.get(pk=alias.pk).live


# -- wagtail-localize ------------------------------------------------------------------------


def translate_title(page, words, user, django_capture_on_commit_callbacks):
    """Publish the English translation of ``page`` with ``words`` as its title, as the editor's 发布 does."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=english,
        context=segment.context,
        defaults={"data": words, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=user, publish=True)
    return page.get_translation(english)


def test_localize_translation_published_with_a_marking_is_taken_down(
    world, django_capture_on_commit_callbacks
):
    page = reload(world.items["live"]["a1"])

    translated = translate_title(
        page,
        "Top secret (绝密): energy storage plan",
        world.users["platform_admin"],
        django_capture_on_commit_callbacks,
    )

    assert not reload(translated).live
    assert "绝密" in str(refused_log(translated).get().data["findings"])


def test_localize_clean_translation_is_published(world, django_capture_on_commit_callbacks):
    page = reload(world.items["live"]["a1"])

    translated = translate_title(
        page,
        "Energy storage plant passes acceptance",
        world.users["platform_admin"],
        django_capture_on_commit_callbacks,
    )

    assert reload(translated).live
    assert reload(translated).title == "Energy storage plant passes acceptance"


# -- one gate ------------------------------------------------------------------------------


def test_the_admin_guards_and_the_scheduled_run_ask_the_one_gate(world, monkeypatch, rf):
    """The edit screen, bulk publish, the copy form and publish_scheduled all ask ``gate``."""
    from workflows.secrecy import scheduled

    asked = []

    def refusal(obj, **kwargs):
        asked.append(obj.pk)
        return None

    def uncleared_hits(obj, **kwargs):
        asked.append(obj.pk)
        return []

    monkeypatch.setattr(gate, "refusal", refusal)
    monkeypatch.setattr(gate, "uncleared_hits", uncleared_hits)
    page = world.items["draft"]["a1"].specific
    request = rf.post("/")
    request.user = world.users["platform_admin"]

    assert guard.refuse_publication_with_hits(request, page) is None
    assert guard.refuse_bulk_publication_with_hits(request, "publish", [page], None) is None
    revision = page.save_revision(user=world.users["platform_admin"])
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save(update_fields=["approved_go_live_at"])
    scheduled.hold_due_revisions_with_hits()

    assert asked == [page.pk, page.pk, page.pk]


def test_the_gates_the_list_below_names_are_in_place():
    assert guard.refuse_live_copy_with_hits in hooks.get_hooks("before_copy_page")
    assert guard.refuse_publication_with_hits in hooks.get_hooks("before_publish_page")
    assert guard.refuse_snippet_publication_with_hits in hooks.get_hooks("before_publish")
    assert guard.refuse_bulk_publication_with_hits in hooks.get_hooks("before_bulk_action")
    for signal, uid in [
        (page_published, "ceti-publish-gate-page"),
        (published, "ceti-publish-gate"),
        (post_save, "ceti-publish-gate-alias"),
    ]:
        assert uid in {key[0][0] for key in signal.receivers}, uid
    assert settings.WAGTAIL_FINISH_WORKFLOW_ACTION == "workflows.finish.publish_approved"
    for app in NOT_INSTALLED.values():
        assert not apps.is_installed(app), app


# -- every publishing entry point of Wagtail and wagtail-localize, each with its gate ---------

# What makes something live: the publish signals, the publish actions and methods (called or
# handed over, as wagtail-localize's ``on_commit(revision.publish)``), copies that keep the live
# state, aliases (which follow their source online), the ``live`` flag set by hand, a ``publish``
# flag handed on, and the action registry's publishing actions.
PUBLISHING = re.compile(
    r"""
      page_published\.send\(
    | (?<![\w.])published\.send\(
    | (?<!class\ )\bPublish(?:Page)?RevisionAction\(
    | \.publish[()]
    | (?<!class\ )\bCopyPageAction\(
    | (?<!class\ )\bCreatePageAliasAction\(
    | \.create_alias\(
    | \.copy\((?:recursive|to=|update_attrs|keep_live|exclude_fields|copy_revisions)
    | \balias=(?!False\b|None\b)[\w.\[]
    | \bkeep_live=(?!False\b)[\w.\[]
    | \bpublish=(?!False\b|None\b)[\w.\[]
    | \.live\s*=\s*(?!False\b)[\w.]
    | get_action_class\((?:Page|model|self\.model),\s*"(?:publish|copy|create_alias|copy_for_translation|create|edit)"
    """,
    re.VERBOSE,
)

BACKSTOP = "the gate's page_published/published receiver takes it down, logs and mails"
ALIAS_BACKSTOP = "a live alias is scanned when saved (gate's post_save receiver)"

# Entry point (file::qualified name) -> which gate covers it.
KNOWN = {
    "wagtail/actions/copy_for_translation.py::CopyPageForTranslationAction._copy_for_translation": (
        "translations are copied as drafts (keep_live=False); parents as aliases: " + ALIAS_BACKSTOP
    ),
    "wagtail/actions/copy_page.py::CopyPageAction.__init__": "the keep_live default; every caller is listed",
    "wagtail/actions/copy_page.py::CopyPageAction._copy_page": "live copies send page_published: "
    + BACKSTOP,
    "wagtail/actions/create.py::CreateAction._create": "revision.publish(): " + BACKSTOP,
    "wagtail/actions/edit.py::EditAction._edit": "revision.publish(): " + BACKSTOP,
    "wagtail/actions/publish_page_revision.py::PublishPageRevisionAction._after_publish": BACKSTOP,
    "wagtail/actions/publish_revision.py::PublishRevisionAction._after_publish": BACKSTOP,
    "wagtail/actions/publish_revision.py::PublishRevisionAction._publish_revision": (
        "sets live, then _after_publish sends the signal: " + BACKSTOP
    ),
    "wagtail/admin/api/actions/copy.py::CopyPageAPIAction._action_from_data": (
        "admin session API, platform administrator only (can_publish_subpage): " + BACKSTOP
    ),
    "wagtail/admin/api/actions/copy_for_translation.py::CopyForTranslationAPIAction._action_from_data": ALIAS_BACKSTOP,
    "wagtail/admin/api/actions/create_alias.py::CreatePageAliasAPIAction._action_from_data": ALIAS_BACKSTOP,
    "wagtail/admin/api/actions/publish.py::PublishPageAPIAction._action_from_data": (
        "admin session API, platform administrator only (can_publish): " + BACKSTOP
    ),
    "wagtail/admin/views/generic/mixins.py::CreateEditViewOptionalFeaturesMixin.publish_action": (
        "snippet editor: before_publish (guard → gate), then " + BACKSTOP
    ),
    "wagtail/admin/views/generic/models.py::CreateView.action_class": (
        "snippet create action; its publish is publish_action above"
    ),
    "wagtail/admin/views/generic/models.py::EditView.action_class": (
        "snippet edit action; its publish is publish_action above"
    ),
    "wagtail/admin/views/pages/bulk_actions/publish.py::PublishBulkAction.execute_action": (
        "before_bulk_action (guard → gate), then " + BACKSTOP
    ),
    "wagtail/admin/views/pages/copy.py::CopyView.form_valid": (
        "before_copy_page (guard.refuse_live_copy_with_hits → gate), then " + BACKSTOP
    ),
    "wagtail/admin/views/pages/create.py::CreateView.publish_action": (
        "before_publish_page (guard → gate), then " + BACKSTOP
    ),
    "wagtail/admin/views/pages/edit.py::EditView.publish_action": (
        "before_publish_page (guard → gate), then " + BACKSTOP
    ),
    "wagtail/api/v3/routers/pages.py::copy": "gate.ApiCopyPageAction: 403 if the copy would be live",
    "wagtail/api/v3/routers/pages.py::copy_for_translation": (
        "gate.ApiCopyPageForTranslationAction: 403 for aliases and live parent aliases"
    ),
    "wagtail/api/v3/routers/pages.py::create_alias": "gate.ApiCreatePageAliasAction: 403",
    "wagtail/api/v3/routers/pages.py::create_page": (
        "api/pages.py refuse_publication and gate.ApiCreatePageAction: 403 on publish"
    ),
    "wagtail/api/v3/routers/pages.py::update_page": (
        "api/pages.py refuse_publication and gate.ApiEditPageAction: 403 on publish"
    ),
    "wagtail/api/v3/routers/pages.py::publish": (
        "api/pages.py refuse_publication and gate.ApiPublishPageRevisionAction: 403"
    ),
    "wagtail/api/v3/schemas/generators/write.py::InputSchemaGenerator._make_optional": (
        "a pydantic field alias, not a page alias"
    ),
    "wagtail/contrib/simple_translation/models.py::after_create_page": "app not installed",
    "wagtail/management/commands/publish_scheduled.py::Command.handle": (
        "workflows' publish_scheduled holds hits first (scheduled → gate), then " + BACKSTOP
    ),
    "wagtail/models/draft_state.py::DraftStateMixin.publish": "PublishRevisionAction: " + BACKSTOP,
    "wagtail/models/draft_state.py::DraftStateMixin.with_content_json": (
        "copies the live flag onto an in-memory object; publishes nothing"
    ),
    "wagtail/models/pages.py::AbstractPage.copy": "CopyPageAction: " + BACKSTOP,
    "wagtail/models/pages.py::AbstractPage.copy_for_translation": "CopyPageForTranslationAction (above)",
    "wagtail/models/pages.py::AbstractPage.create_alias": "CreatePageAliasAction: "
    + ALIAS_BACKSTOP,
    "wagtail/models/pages.py::AbstractPage.publish": "PublishPageRevisionAction: " + BACKSTOP,
    "wagtail/models/pages.py::AbstractPage.update_aliases": (
        "aliases follow their published source, each sends page_published: " + BACKSTOP
    ),
    "wagtail/models/pages.py::AbstractPage.with_content_json": (
        "copies the live flag onto an in-memory object; publishes nothing"
    ),
    "wagtail/models/revisions.py::Revision.publish": "content_object.publish(): " + BACKSTOP,
    "wagtail/models/workflows.py::WorkflowState.copy_approved_task_states_to_revision": "copies a task state, not a page",
    "wagtail/snippets/api/v3/router.py::copy_for_translation": (
        "no listing type is in the snippets API (tests/api/test_write.py); copies are drafts"
    ),
    "wagtail/snippets/api/v3/router.py::create_snippet": (
        "no listing type is in the snippets API (tests/api/test_write.py); " + BACKSTOP
    ),
    "wagtail/snippets/api/v3/router.py::publish_snippet": "gate.ApiPublishAction (DraftStateMixin): 403",
    "wagtail/snippets/api/v3/router.py::update_snippet": (
        "no listing type is in the snippets API (tests/api/test_write.py); " + BACKSTOP
    ),
    "wagtail/workflows.py::publish_workflow_state": (
        "replaced by WAGTAIL_FINISH_WORKFLOW_ACTION = workflows.finish.publish_approved "
        "(needs the 保密审查 task on this revision), then " + BACKSTOP
    ),
    "wagtail_localize/models.py::Translation.save_target": "create_or_update_translation (below)",
    "wagtail_localize/models.py::TranslationSource.create_or_update_translation": (
        "on_commit(revision.publish): " + BACKSTOP
    ),
    "wagtail_localize/operations.py::TranslationCreator.create_translations": (
        "save_target(publish=source.live): " + BACKSTOP
    ),
    "wagtail_localize/synctree.py::create_aliases_for_new_page": ALIAS_BACKSTOP,
    "wagtail_localize/synctree.py::synchronize_tree": ALIAS_BACKSTOP,
    "wagtail_localize/views/convert.py::sync_alias": "sends page_published: " + BACKSTOP,
    "wagtail_localize/views/edit_translation.py::edit_translation": (
        "save_target(publish=True): " + BACKSTOP
    ),
    "wagtail_localize/views/update_translations.py::UpdateTranslationsView.form_valid": (
        "save_target(publish=True): " + BACKSTOP
    ),
}

# Entry points that are safe only while their app stays out of INSTALLED_APPS.
NOT_INSTALLED = {
    "wagtail/contrib/simple_translation/models.py::after_create_page": "wagtail.contrib.simple_translation",
}


def _scopes(tree):
    """(first line, last line, qualified name) of every class and function."""
    found = []

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}.{child.name}" if prefix else child.name
                found.append((child.lineno, child.end_lineno, name))
                walk(child, name)
            else:
                walk(child, prefix)

    walk(tree, "")
    return found


def _is_test_code(relative):
    parts = relative.split("/")
    return "tests" in parts or "test" in parts or parts[-1] == "tests.py" or "migrations" in parts


def publishing_entry_points():
    """Every function of the installed wagtail and wagtail_localize whose code matches ``PUBLISHING``."""
    found = {}
    for package in (wagtail, wagtail_localize):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(root.parent).as_posix()
            if _is_test_code(relative):
                continue
            text = path.read_text(encoding="utf-8")
            if not PUBLISHING.search(text):
                continue
            scopes = _scopes(ast.parse(text))
            for number, line in enumerate(text.splitlines(), 1):
                if line.lstrip().startswith("#") or not PUBLISHING.search(line):
                    continue
                enclosing = [scope for scope in scopes if scope[0] <= number <= scope[1]]
                name = max(enclosing)[2] if enclosing else "<module>"
                found.setdefault(f"{relative}::{name}", []).append(number)
    return found


def test_every_publishing_entry_point_of_wagtail_and_localize_is_gated():
    found = publishing_entry_points()

    new = sorted(set(found) - set(KNOWN))
    gone = sorted(set(KNOWN) - set(found))
    assert not new, (
        "New ways to make something live in the installed Wagtail / wagtail-localize; make each "
        "pass workflows/secrecy/gate.py and add it to KNOWN with the gate that covers it:\n"
        + "\n".join(f"  {entry} (lines {found[entry]})" for entry in new)
    )
    assert not gone, "No longer found (update KNOWN):\n" + "\n".join(f"  {e}" for e in gone)
