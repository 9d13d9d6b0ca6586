"""The one publish gate: nothing goes live without review or the platform administrator, and 保密审查.

涉密信息不能上网 and 先审后发 (DESIGN.md §1, §4, §10). Wagtail has many ways to make
a page or a listing live — the editor's 发布, bulk publish, scheduled
publishing, the workflow's finish, "publish copies" and aliases in the copy
form, its two APIs, wagtail-localize's translation editor — and a rule applied
to each view by hand misses the view nobody thought of. Every one of them asks
here, and the rule is said once:

    An object may go live only through review (the workflow's 保密审查 task
    passed this very revision) or by the platform administrator's own
    action, and only when the secrecy scan (``scan_object``) finds nothing
    that a named 保密审查人 has not cleared on this revision.

Where Wagtail offers a seam, the gate is plugged into it:

- ``refusal`` answers for the admin's buttons, which refuse with a message
  (``guard.py``: ``before_publish_page``, ``before_publish``,
  ``before_bulk_action``, ``before_copy_page``), and ``uncleared_hits`` for
  ``publish_scheduled`` (``scheduled.py``); the workflow's finish demands the
  passed 保密审查 task (``workflows/finish.py``).
- The write API resolves its page actions through Wagtail's action registry
  (``register_actions``): the gate's ``Api*Action`` classes refuse, with a
  403 that says why, whatever would be live — a publish, a copy with
  ``keep_live``, an alias — for everybody, the platform administrator
  included (README: nothing is published through the API).
- Whatever else publishes — Wagtail's admin JSON API, wagtail-localize, code
  calling ``revision.publish()`` or ``page.copy()`` — sends ``page_published``
  or ``published``, and a live alias is saved: the receivers here scan what
  went live and, on a hit, take it down at once, write the refusal to the
  audit log (保密审查：撤下发布) and mail the platform administrators. They
  do not raise: they run inside Wagtail's actions after the row is written,
  where an exception would leave half a copied tree or a failed on-commit
  hook; offline and recorded is the safe state.

``tests/workflows/test_publish_gate.py`` lists every publishing entry point
of the installed Wagtail and wagtail-localize with the gate that covers it;
an upgrade that adds one fails it.
"""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import DraftStateMixin, Page, TaskState
from wagtail.signals import page_published, page_unpublished, published, unpublished

from .objects import scan_object
from .task import CLEAR, SecrecyCheckTaskState

PUBLISH_REFUSED = "ceti.secrecy.publish_refused"

REVIEW = "review"
PLATFORM_ADMIN = "platform_admin"

API_PUBLISH_REFUSED = gettext_lazy(
    "通过接口不能发布：请保存草稿后提交审核（集团审核 → 保密审查），或由平台管理员在后台发布。"
)
API_LIVE_COPY_REFUSED = gettext_lazy(
    "通过接口复制的页面不能直接上线：原页面（或所复制的下级页面）已发布，keep_live 默认为 true，"
    '副本会立即上线。请传 "keep_live": false 复制为草稿，修改后提交审核（集团审核 → 保密审查）。'
)
API_ALIAS_REFUSED = gettext_lazy(
    "通过接口不能创建别名：别名随原页面上线，不经审核。"
    '请复制为草稿（"keep_live": false）后提交审核（集团审核 → 保密审查）。'
)
API_PARENT_ALIAS_REFUSED = gettext_lazy(
    "通过接口翻译复制时，尚未翻译的已发布上级页面会以别名直接上线，不经审核。"
    "请先在后台翻译上级页面，或不传 copy_parents。"
)


# -- the rule ---------------------------------------------------------------------------------


def describe(hits, *, limit=5):
    """Where the hits are, for a message: 摘要：…【机密】…；正文第1段：…"""
    return "；".join(f"{hit.source}：{hit.context}" for hit in hits[:limit])


@dataclass(frozen=True)
class Refusal:
    """Why ``obj`` may not go live: no authority (``hits`` empty), or what the scan found."""

    obj: object
    hits: tuple = ()

    @property
    def title(self):
        return getattr(self.obj, "title", None) or str(self.obj)

    @property
    def reason(self):
        if not self.hits:
            return _("只有平台管理员可以直接发布；请提交审核（集团审核 → 保密审查）。")
        return ngettext(
            "《%(title)s》发现 %(count)s 处疑似涉密内容（%(places)s）",
            "《%(title)s》发现 %(count)s 处疑似涉密内容（%(places)s）",
            len(self.hits),
        ) % {"title": self.title, "count": len(self.hits), "places": describe(self.hits)}


class PublicationRefused(PermissionDenied):
    """The gate's refusal where an exception is the answer (the API: 403 problem+json)."""


def secrecy_passed(revision):
    """Whether the workflow's 保密审查 task approved this very revision (clean, or cleared)."""
    return (
        revision is not None
        and SecrecyCheckTaskState.objects.filter(
            revision=revision, status=TaskState.STATUS_APPROVED
        ).exists()
    )


def cleared(obj, revision):
    """Whether a 保密审查人 cleared the hits of ``revision`` as false positives, with a reason.

    Looked up by revision, so an alias following its source is cleared with it.
    """
    log_model = log_registry.get_log_model_for_instance(obj)
    if revision is None or log_model is None:
        return False
    return log_model.objects.filter(action=CLEAR, revision=revision).exists()


def uncleared_hits(obj, *, revision=None, terms=None):
    """The scan of ``obj`` as it would be online, less what was cleared on ``revision``."""
    hits = scan_object(getattr(obj, "specific", obj), terms=terms)
    if hits and cleared(obj, revision):
        return []
    return hits


def authority(*, user=None, revision=None):
    """Who may make it live: review that passed this revision, or the platform administrator."""
    if secrecy_passed(revision):
        return REVIEW
    if user is not None and user.is_active and user.is_superuser:
        return PLATFORM_ADMIN
    return None


def refusal(obj, *, user=None, revision=None, terms=None):
    """The gate: ``None`` when ``obj`` may go live now, else a ``Refusal`` saying why not."""
    if authority(user=user, revision=revision) is None:
        return Refusal(obj)
    hits = uncleared_hits(obj, revision=revision, terms=terms)
    return Refusal(obj, tuple(hits)) if hits else None


def copy_refusals(page, *, user, recursive=False, title=None):
    """Ask the gate for every page a copy with keep_live (or an alias) of ``page`` puts online.

    A copy keeps the live rows of what it copies, the top page under ``title``
    (the copy form's new title); an alias shows its source's live row.
    """
    pages = page.get_descendants(inclusive=True) if recursive else Page.objects.filter(pk=page.pk)
    refusals = []
    for candidate in pages.live().specific().order_by("path"):
        if title and candidate.pk == page.pk:
            candidate.title = title
        found = refusal(candidate, user=user)
        if found:
            refusals.append(found)
    return refusals


def tell_administrators(*, subject, intro, held):
    """Mail the platform administrators ``(object, hits)`` pairs that were kept offline."""
    recipients = list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    lines = [intro, ""] + [f"《{obj}》 {describe(hits)}" for obj, hits in held]
    send_mail(
        subject=subject,
        message="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )


# -- the last line: whatever published without asking ------------------------------------------


def _take_down(obj, *, never_online):
    """Unpublish ``obj`` in place, as Wagtail's unpublish does, keeping its draft and revisions."""
    if never_online or obj.first_published_at == obj.last_published_at:
        # This publication was its first: it was never online, so never "first published".
        obj.first_published_at = obj.last_published_at = None
    obj.live = False
    obj.has_unpublished_changes = True
    obj.live_revision = None
    fields = [
        "live",
        "has_unpublished_changes",
        "live_revision",
        "first_published_at",
        "last_published_at",
    ]
    if isinstance(obj, Page):
        obj.save(update_fields=fields, clean=False)
        page_unpublished.send(sender=obj.specific_class, instance=obj)
    else:
        obj.save(update_fields=fields)
    unpublished.send(sender=type(obj), instance=obj)


def _hold(obj, revision, *, never_online=False):
    # A revision the workflow's 保密审查 passed was scanned there (and a clearance stands);
    # scanning it again, attachments and all, on every publication would be work done twice.
    if not getattr(obj, "live", False) or secrecy_passed(revision):
        return
    hits = uncleared_hits(obj, revision=revision)
    if not hits:
        return
    _take_down(obj, never_online=never_online)
    own_revision = revision is not None and str(revision.object_id) == str(obj.pk)
    log(
        instance=obj,
        action=PUBLISH_REFUSED,
        revision=revision if own_revision else None,
        data={"findings": [asdict(hit) for hit in hits]},
    )
    tell_administrators(
        subject=_("已撤下发布：发现疑似涉密内容"),
        intro=_(
            "以下内容未经本平台的发布检查即被发布，上线时发现疑似涉密内容，已撤下并保留为草稿。"
            "请提交审核，由保密审查人决定："
        ),
        held=[(obj, hits)],
    )


def take_down_on_page_published(sender, instance, revision=None, **kwargs):
    """``page_published``: a page (a copy, an alias following its source) that went live."""
    _hold(instance, revision)


def take_down_on_published(sender, instance, revision=None, **kwargs):
    """``published``: a listing or other object; pages have been answered by ``page_published``."""
    if not isinstance(instance, Page):
        _hold(instance, revision)


def take_down_live_alias(sender, instance, created=False, raw=False, **kwargs):
    """``post_save``: Wagtail creates aliases live, with no publish signal."""
    if created and not raw and isinstance(instance, Page) and instance.alias_of_id:
        _hold(instance, None, never_online=True)


def connect():
    """Connect the last line (idempotent; called from ``WorkflowsConfig.ready``)."""
    page_published.connect(take_down_on_page_published, dispatch_uid="ceti-publish-gate-page")
    published.connect(take_down_on_published, dispatch_uid="ceti-publish-gate")
    post_save.connect(take_down_live_alias, dispatch_uid="ceti-publish-gate-alias")


# -- the write API: what Wagtail's action registry hands it --------------------------------------


def _would_be_live(page, *, recursive):
    return page.live or (recursive and page.get_descendants().live().exists())


class ApiCopyPageAction(CopyPageAction):
    """A copy through the API is a draft; one that would be live (keep_live) is refused, saying so.

    Refused rather than quietly made a draft: Wagtail's keep_live defaults to
    true, and a client that asked for a live copy should hear that it got none.
    """

    def check(self, skip_permission_checks=False):
        live = self.keep_live and _would_be_live(self.page, recursive=self.recursive)
        keep_live, self.keep_live = self.keep_live, False
        try:
            super().check(skip_permission_checks)  # may the user copy it at all?
        finally:
            self.keep_live = keep_live
        if live:
            raise PublicationRefused(str(API_LIVE_COPY_REFUSED))


class ApiCreatePageAliasAction(CreatePageAliasAction):
    """An alias goes online with its source, unreviewed where it lands: never through the API."""

    def check(self, skip_permission_checks=False):
        raise PublicationRefused(str(API_ALIAS_REFUSED))


class ApiCopyPageForTranslationAction(CopyPageForTranslationAction):
    """A translation copy is a draft; aliases (asked for, or of live untranslated parents) are refused."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks)
        if self.alias:
            raise PublicationRefused(str(API_ALIAS_REFUSED))
        if self.copy_parents:
            for ancestor in self.page.get_ancestors().filter(depth__gt=1).order_by("-depth"):
                if ancestor.get_translation_or_none(self.locale) is not None:
                    break
                if ancestor.live:
                    raise PublicationRefused(str(API_PARENT_ALIAS_REFUSED))


class NoPublishThroughApi:
    """Refuses an action that publishes: a publish action, or create/edit with ``publish``."""

    def check(self, skip_permission_checks=False):
        if getattr(self, "publish", True):
            raise PublicationRefused(str(API_PUBLISH_REFUSED))
        super().check(skip_permission_checks)


class ApiPublishPageRevisionAction(NoPublishThroughApi, PublishPageRevisionAction):
    pass


class ApiPublishAction(NoPublishThroughApi, PublishRevisionAction):
    pass


class ApiCreatePageAction(NoPublishThroughApi, CreatePageAction):
    pass


class ApiEditPageAction(NoPublishThroughApi, EditPageAction):
    pass


def register_api_actions(registry):
    """``register_actions``: the page actions Wagtail's write API (v3) resolves.

    Only Wagtail's API routers ask the registry for these actions; the admin's
    page views build theirs directly and pass the hooks of ``guard.py``.
    (The enumeration test keeps this true.)
    """
    for action in (
        ApiCopyPageAction,
        ApiCreatePageAliasAction,
        ApiCopyPageForTranslationAction,
        ApiPublishPageRevisionAction,
        ApiCreatePageAction,
        ApiEditPageAction,
    ):
        registry.register(Page, action)
    registry.register(DraftStateMixin, ApiPublishAction)


def register_log_actions(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action(PUBLISH_REFUSED)
    class PublishRefusedFormatter(LogFormatter):
        label = gettext_lazy("保密审查：撤下发布")

        def format_message(self, log_entry):
            count = len((log_entry.data or {}).get("findings") or [])
            return _("上线时发现 %(count)s 处疑似涉密内容，已撤下为草稿") % {"count": count}
