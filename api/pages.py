"""Wagtail's pages endpoints, held to the platform's rules.

Wagtail's API v3 serves pages (list, detail, find, revisions, create, update,
move, copy, delete …) through its page actions, which ask
``page.permissions_for_user`` and so the row-level tester of
``workflows/permissions.py``: an editor's token edits what the editor edits in
the admin and nothing else. Three things are added here:

- what articles say (summary, body, tags, the per-type facts) is readable:
  Wagtail shows only ``api_fields``, and the page models declare none. They are
  read-only ``APIField``s, so the write schemas do not change;
- a token's own page queries see the pages its user may change by the
  row-level rule, not Wagtail's cascade down the tree (a group's editors would
  otherwise read their subsidiaries' drafts through ``?version=draft``);
- nothing is published through the API, by anyone: publication goes through
  集团审核 → 保密审查, or the platform administrator's publish button in the
  admin, which asks for the secrecy declaration and runs the scan
  (``workflows/secrecy/guard.py``). Wagtail's API runs neither. Submitting a
  draft for review (with the declaration) is ``POST /pages/{id}/actions/submit/``.
"""

import functools

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field
from wagtail.api import APIField
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Page, WorkflowState
from wagtail.utils.forms import FormValidationError

from workflows.permissions import editable_pages

from .errors import problem, validation_error

# Read-only fields of the article types, beyond Wagtail's title, slug and meta.
ARTICLE_FIELDS = ["summary", "body", "tags", "enterprise", "tech_fields"]
EXTRA_FIELDS = {
    "AchievementPage": ["award", "award_level", "project"],
    "ExperiencePage": ["management_area"],
    "TrendPage": ["source", "source_url", "region"],
    "NoticePage": ["doc_number", "issuing_office", "issued_on", "deadline"],
}
PUBLISH_REFUSED = (
    "通过接口不能发布：请保存草稿后提交审核（集团审核 → 保密审查），或由平台管理员在后台发布。"
)


def expose_article_fields():
    """Declare read-only ``api_fields`` on the article types (before Wagtail builds its schemas)."""
    from pages.models import ArticlePage

    for model in [ArticlePage, *ArticlePage.__subclasses__()]:
        names = ARTICLE_FIELDS + EXTRA_FIELDS.get(model.__name__, [])
        model.api_fields = [APIField(name) for name in names if _has_field(model, name)]


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def scope_page_queryset(pages_module):
    """Narrow the pages a token sees to those its user may change (``editable_pages``)."""
    wagtail_queryset = pages_module.get_pages_queryset

    @functools.wraps(wagtail_queryset)
    def get_pages_queryset(request, model=Page):
        queryset = wagtail_queryset(request, model)
        user = request.user
        if user.is_authenticated and not user.is_superuser:
            queryset = queryset.filter(pk__in=editable_pages(user).values("pk"))
        return queryset

    pages_module.get_pages_queryset = get_pages_queryset


def _wants_publication(kwargs):
    meta = getattr(kwargs.get("data"), "meta", None)
    return getattr(meta, "action", None) == "publish"


def _refuse_publication(view, *, always):
    @functools.wraps(view)
    def gated(request, *args, **kwargs):
        if always or _wants_publication(kwargs):
            if not request.user.is_authenticated:
                raise PermissionDenied
            raise PermissionDenied(_(PUBLISH_REFUSED))
        return view(request, *args, **kwargs)

    return gated


def refuse_publication(pages_module):
    """Wrap Wagtail's page operations that publish: the publish action, create/update with ``publish``."""
    gates = {
        "pages_actions_publish": True,
        "pages_create": False,
        "pages_update": False,
    }
    found = set()
    for router in (pages_module.router, pages_module.actions_router):
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                if operation.operation_id in gates:
                    operation.view_func = _refuse_publication(
                        operation.view_func, always=gates[operation.operation_id]
                    )
                    found.add(operation.operation_id)
    missing = set(gates) - found
    if missing:
        # A Wagtail upgrade renamed an operation: fail loudly rather than publish unchecked.
        raise RuntimeError(f"Wagtail API operations not found: {sorted(missing)}")


# -- submitting a page for review ---------------------------------------------------------

submit_router = Router(tags=["pages"], auth=BearerTokenAuth())


class SubmitIn(Schema):
    secrecy_declaration: bool = Field(
        False,
        description="本信息不涉及国家秘密和企业商业秘密：提交审核时必须为 true。",
    )


class ReviewStateOut(Schema):
    id: int
    title: str
    review_status: str | None = Field(
        None, description="审核状态：in_progress 审核中，needs_changes 已退回，None 未提交。"
    )


@submit_router.post(
    "/{page_id}/actions/submit/",
    response={200: ReviewStateOut},
    url_name="pages_actions_submit",
    summary="Submit a page for review (集团审核 → 保密审查)",
    operation_id="pages_actions_submit",
)
def submit_page(request, page_id: int, data: SubmitIn):
    """Starts the review of the page's latest revision, as the editor's 提交审核 button does."""
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        # As the admin: a page one cannot edit is not one's business.
        raise Http404
    if not data.secrecy_declaration:
        raise validation_error(
            _("提交审核前须确认“本信息不涉及国家秘密和企业商业秘密”。"),
            loc=("body", "data", "secrecy_declaration"),
        )
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return problem(409, _("该页面已在审核中。"))
    if not permissions.can_submit_for_moderation():
        return problem(409, _("该页面已锁定或没有审核流程，不能提交审核。"))
    # The admin validates the whole form on 提交审核; a draft saved through the
    # API may lack required fields (drafts defer them), so check the revision.
    try:
        page.get_latest_revision_as_object().full_clean()
    except ValidationError as e:
        raise FormValidationError(
            {(name,): [(m, "invalid") for m in msgs] for name, msgs in e.message_dict.items()}
        ) from e
    workflow = page.get_workflow()
    with transaction.atomic():
        if page.latest_revision_id is None:
            page.save_revision(user=request.user)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            workflow.start(page, request.user)
    page.refresh_from_db()
    state = page.current_workflow_state
    return {"id": page.pk, "title": page.title, "review_status": state.status if state else None}
