"""审核记录 / 审计报表: 谁上网、谁审核、谁负责 (DESIGN.md §1).

Every submission, approval, rejection, confidentiality hold and clearance and
publication of a reviewed item, read from Wagtail's own audit log
(``PageLogEntry`` for pages, ``ListingLogEntry`` for the resource listings,
``ModelLogEntry`` for any other reviewed snippet of ``REVIEWED_MODELS``): the
entries each item's history shows, so the report can never disagree with it
and nothing is logged twice.

Who sees which entries is decided in one place, ``visible_log_entries``:
platform administrators and every regulator role see everything; a group
company's reviewers and administrators see the entries of items owned by their
group and its subsidiaries (the group answers for them, ``reviewed_enterprises_q``);
editors see nothing. An entry belongs to the enterprise that owns its object
now, found through object-id subqueries over ``REVIEWED_MODELS``; pages owned
by no enterprise are regulator content, and entries of objects since deleted
are seen by the regulator only.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

import django_filters
from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.functions import Cast
from django.forms import CheckboxSelectMultiple
from django.urls import path, reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.users.utils import get_deleted_user_display_name

from snippets.models import ListingLogEntry

from .models import EnterpriseRole
from .tasks import REVIEWED_MODELS, reviewed_enterprises_q

# The actions of the review that the report lists, with the label readers see.
# The ``ceti.secrecy.*`` actions are registered by the confidentiality check
# (``workflows.secrecy.task``); the report names them without relying on that
# registration, so it keeps working whatever the registry holds.
AUDIT_ACTIONS = {
    "wagtail.workflow.start": _("提交审核"),
    "wagtail.workflow.resume": _("重新提交审核"),
    "wagtail.workflow.approve": _("审核通过"),
    "wagtail.workflow.reject": _("退回"),
    "wagtail.workflow.cancel": _("撤回审核"),
    "ceti.secrecy.pass": _("保密审查自动通过"),
    "ceti.secrecy.hold": _("保密审查暂停发布"),
    "ceti.secrecy.clear": _("保密审查确认误报，准予公开"),
    "wagtail.publish": _("发布"),
    "wagtail.unpublish": _("取消发布"),
}
# Workflow actions whose entry names the task (集团审核 or 保密审查) it was taken in.
TASK_ACTIONS = {"wagtail.workflow.approve", "wagtail.workflow.reject"}
ACCOUNTABLE_ROLES = (EnterpriseRole.Role.REVIEWER, EnterpriseRole.Role.ADMIN)
REGULATOR = "regulator"  # the enterprise filter's value for content of no enterprise
# The log tables the report reads, each filtered on its own, then united.
LOG_MODELS = (PageLogEntry, ListingLogEntry, ModelLogEntry)


# --- who sees what ------------------------------------------------------------------


@dataclass(frozen=True)
class AuditScope:
    """Everything, or the entries of the group companies in ``group_ids`` and their subsidiaries."""

    everything: bool = False
    group_ids: tuple = ()


def audit_scope(user):
    """What ``user`` may see of the audit log; None: nothing (editors, anonymous users)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return AuditScope(everything=True)
    cached = getattr(user, "_ceti_audit_scope", False)
    if cached is not False:
        return cached
    roles = list(
        EnterpriseRole.objects.filter(group__user=user).values_list("enterprise_id", "role")
    )
    if any(enterprise_id is None for enterprise_id, _role in roles):
        scope = AuditScope(everything=True)  # every regulator role answers for everything
    else:
        ids = tuple(sorted({pk for pk, role in roles if role in ACCOUNTABLE_ROLES}))
        scope = AuditScope(group_ids=ids) if ids else None
    user._ceti_audit_scope = scope
    return scope


def _reviewed_models():
    return [(apps.get_model(label), field) for label, field in REVIEWED_MODELS]


def log_model_of(model):
    """Where Wagtail logs the actions on ``model``: pages, listings and other snippets apart."""
    if issubclass(model, Page):
        return PageLogEntry
    return log_registry.get_log_model_for_model(model) or ModelLogEntry


def _snippet_content_types():
    """Content types of the reviewed snippets logged in the shared ``ModelLogEntry`` table."""
    return {
        model: ContentType.objects.get_for_model(model, for_concrete_model=False)
        for model, _field in _reviewed_models()
        if log_model_of(model) is ModelLogEntry
    }


def objects_q(log_model, owner_q):
    """Entries of ``log_model`` about reviewed objects matching ``owner_q(field)``, as id subqueries.

    A model with a log table of its own (``ListingLogEntry``) is matched on
    the object id alone: the nine listing types share the base table's ids,
    while each entry records the specific type.
    """
    q = models.Q(pk__in=[])
    snippet_types = _snippet_content_types()
    for model, field in _reviewed_models():
        if log_model_of(model) is not log_model:
            continue
        objects = model._default_manager.filter(owner_q(field))
        if log_model is PageLogEntry:
            q |= models.Q(page_id__in=objects.values("pk"))
            continue
        ids = objects.annotate(_id_text=Cast("pk", models.CharField())).values("_id_text")
        if log_model is ModelLogEntry:
            q |= models.Q(content_type=snippet_types[model], object_id__in=ids)
        else:
            q |= models.Q(object_id__in=ids)
    return q


def visible_log_entries(user, log_model=PageLogEntry):
    """The entries of ``log_model`` that ``user`` may read in the audit report: the one rule."""
    entries = log_model.objects.all()
    scope = audit_scope(user)
    if scope is None:
        return entries.none()
    if scope.everything:
        return entries
    return entries.filter(
        objects_q(log_model, lambda field: reviewed_enterprises_q(scope.group_ids, field=field))
    )


def audit_entries(user, log_model):
    """Visible entries of the review's actions; snippets only of the reviewed models."""
    entries = visible_log_entries(user, log_model).filter(action__in=AUDIT_ACTIONS)
    if log_model is ModelLogEntry:
        entries = entries.filter(content_type__in=list(_snippet_content_types().values()))
    return entries


def visible_enterprises(user):
    from snippets.models import Enterprise

    scope = audit_scope(user)
    if scope is None:
        return Enterprise.objects.none()
    if scope.everything:
        return Enterprise.objects.all()
    return Enterprise.objects.filter(
        models.Q(pk__in=scope.group_ids) | models.Q(parent__in=scope.group_ids)
    )


# --- rows -----------------------------------------------------------------------------


def _kind(model):
    """How ``_object_key`` names the objects of a reviewed model."""
    log_model = log_model_of(model)
    if log_model is PageLogEntry:
        return "page"
    if log_model is ModelLogEntry:
        return _snippet_content_types()[model].pk
    return log_model._meta.label


def _object_key(entry):
    if isinstance(entry, PageLogEntry):
        return ("page", str(entry.page_id))
    if isinstance(entry, ModelLogEntry):
        return (entry.content_type_id, str(entry.object_id))
    return (type(entry)._meta.label, str(entry.object_id))


def owners_of(entries):
    """``{object key: Enterprise or None}`` of the objects still there, in a few queries per batch."""
    from snippets.models import Enterprise

    wanted = defaultdict(set)
    for entry in entries:
        kind, object_id = _object_key(entry)
        wanted[kind].add(object_id)
    owner_ids = {}
    for model, field in _reviewed_models():
        kind = _kind(model)
        # A page is an ArticlePage or an EnterprisePage: ask the next model only for the rest.
        ids = wanted.get(kind, set()) - {key[1] for key in owner_ids if key[0] == kind}
        if not ids:
            continue
        rows = model._default_manager.filter(pk__in=ids).values_list("pk", field)
        owner_ids.update(((kind, str(pk)), enterprise_id) for pk, enterprise_id in rows)
    enterprises = Enterprise.objects.select_related("parent").in_bulk(
        {pk for pk in owner_ids.values() if pk is not None}
    )
    return {key: enterprises.get(pk) for key, pk in owner_ids.items()}


def _user_display(entry):
    if not entry.user_id:
        return gettext("系统")
    user = entry.user
    if user is None:
        return force_str(get_deleted_user_display_name(entry.user_id))
    username = user.get_username()
    full_name = (user.get_full_name() or "").strip()
    if full_name and full_name != username:
        return f"{full_name}（{username}）"
    return username


def _item_type(entry):
    model = (
        ContentType.objects.get_for_id(entry.content_type_id).model_class()
        if entry.content_type_id
        else None
    )
    return force_str(model._meta.verbose_name) if model else "—"


def _action_label(entry):
    label = force_str(AUDIT_ACTIONS.get(entry.action, entry.action))
    task = ((entry.data or {}).get("workflow") or {}).get("task") or {}
    if entry.action in TASK_ACTIONS and task.get("title"):
        return f"{label}（{force_str(task['title'])}）"
    return label


def _comment(entry):
    data = entry.data or {}
    reason = data.get("reason") or data.get("comment")
    if reason:
        return force_str(reason)
    findings = data.get("findings") or []
    if entry.action == "ceti.secrecy.hold" and findings:
        terms = sorted(
            {force_str(f.get("term") or "") for f in findings if isinstance(f, dict)} - {""}
        )
        return gettext("发现 %(count)s 处疑似涉密内容：%(terms)s") % {
            "count": len(findings),
            "terms": "、".join(terms) or "—",
        }
    return ""


def _edit_url(entry):
    """The editor of the entry's object (a page, or a snippet of the entry's specific type)."""
    if isinstance(entry, PageLogEntry):
        return reverse("wagtailadmin_pages:edit", args=[entry.page_id])
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return ""
    return reverse(viewset.get_url_name("edit"), args=[quote(entry.object_id)])


@dataclass
class AuditRow:
    """One line of the report, as read on screen and in the exported spreadsheets."""

    timestamp: datetime.datetime
    action: str
    action_label: str
    title: str
    item_type: str
    enterprise: object
    user_display: str
    comment: str
    edit_url: str

    @property
    def enterprise_name(self):
        return self.enterprise.name if self.enterprise else gettext("监管机构")

    @property
    def reviewing_group(self):
        return self.enterprise.group.name if self.enterprise else gettext("监管机构")


def audit_rows(entries):
    """AuditRows of ``entries`` (log entries with ``user`` selected), in their order."""
    owners = owners_of(entries)
    rows = []
    for entry in entries:
        key = _object_key(entry)
        edit_url = _edit_url(entry) if key in owners else ""
        rows.append(
            AuditRow(
                timestamp=entry.timestamp,
                action=entry.action,
                action_label=_action_label(entry),
                title=entry.label,
                item_type=_item_type(entry),
                enterprise=owners.get(key),
                user_display=_user_display(entry),
                comment=_comment(entry),
                edit_url=edit_url,
            )
        )
    return rows


# --- the report ----------------------------------------------------------------------


def neutralise_formula(value):
    """A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class AuditFilterSet(WagtailFilterSet):
    enterprise = django_filters.ModelChoiceFilter(
        label=_("来源企业"),
        method="filter_enterprise",
        queryset=lambda request: visible_enterprises(request.user),
        empty_label=_("全部"),
        help_text=_("选择集团公司时包括其所属企业。"),
    )
    timestamp = django_filters.DateFromToRangeFilter(label=_("时间"), widget=DateRangePickerWidget)
    action = django_filters.MultipleChoiceFilter(
        label=_("操作"), choices=list(AUDIT_ACTIONS.items()), widget=CheckboxSelectMultiple
    )

    class Meta:
        model = PageLogEntry
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = audit_scope(self.request.user) if self.request else None
        if scope is not None and scope.everything:
            self.filters["enterprise"].extra.update(null_label=_("监管机构"), null_value=REGULATOR)

    def filter_enterprise(self, queryset, name, value):
        from snippets.models import Enterprise

        model = queryset.model
        if value == REGULATOR:
            if model is PageLogEntry:
                owned = objects_q(model, lambda field: models.Q(**{f"{field}__isnull": False}))
                return queryset.exclude(owned)
            return queryset.filter(
                objects_q(model, lambda field: models.Q(**{f"{field}__isnull": True}))
            )
        family = Enterprise.objects.family_of(value).values("pk")
        return queryset.filter(objects_q(model, lambda field: models.Q(**{f"{field}__in": family})))


class AuditPaginator(WagtailPaginator):
    """Counts rows as 条审核记录, whichever log model the first one comes from."""

    verbose_name = verbose_name_plural = _("条审核记录")


class AuditReportView(ReportView):
    """The report: Wagtail's report view over the review's log entries, exported to XLSX and CSV."""

    page_title = _("审核记录")
    page_subtitle = _("审计报表")
    header_icon = "tasks"
    results_template_name = "workflows/audit/results.html"
    filterset_class = AuditFilterSet
    index_url_name = "workflows_audit"
    index_results_url_name = "workflows_audit_results"
    paginator_class = AuditPaginator
    export_chunk_size = 500

    list_export = [
        "timestamp",
        "action_label",
        "title",
        "item_type",
        "enterprise_name",
        "reviewing_group",
        "user_display",
        "comment",
    ]
    export_headings = {
        "timestamp": _("时间"),
        "action_label": _("操作"),
        "title": _("标题"),
        "item_type": _("类型"),
        "enterprise_name": _("来源企业"),
        "reviewing_group": _("审核单位"),
        "user_display": _("操作人"),
        "comment": _("意见或理由"),
    }
    custom_field_preprocess = {
        # Beijing time, as on screen; Wagtail's default writes UTC.
        "timestamp": {
            ReportView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
            ReportView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
        }
    }

    def dispatch(self, request, *args, **kwargs):
        if audit_scope(request.user) is None:
            # A plain 403 rather than Wagtail's redirect to the dashboard: the
            # export links are fetched as files, and a refusal must read as one.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "ceti-audit-{}".format(timezone.localdate().strftime("%Y%m%d"))

    def get_filtered_queryset(self):
        # As Wagtail's site history: one (pk, timestamp, model) union over the log
        # models, each filtered on its own, ordered and paginated in the database.
        queryset = None
        self.log_models = LOG_MODELS
        for index, log_model in enumerate(self.log_models):
            entries = audit_entries(self.request.user, log_model)
            sub = entries.values("pk", "timestamp").annotate(
                log_model_index=models.Value(index, output_field=models.IntegerField())
            )
            sub = self.filter_queryset(sub).order_by()
            queryset = sub if queryset is None else queryset.union(sub, all=True)
        return queryset.order_by("-timestamp", "-pk")

    def decorate_paginated_queryset(self, queryset):
        if self.is_export:
            return self._rows(queryset.iterator())
        return list(self._rows(queryset))

    def _rows(self, rows):
        rows = iter(rows)
        while chunk := list(islice(rows, self.export_chunk_size)):
            by_model = defaultdict(list)
            for row in chunk:
                by_model[row["log_model_index"]].append(row["pk"])
            entries = {}
            for index, pks in by_model.items():
                for entry in (
                    self.log_models[index].objects.filter(pk__in=pks).select_related("user")
                ):
                    entries[index, entry.pk] = entry
            ordered = [entries[row["log_model_index"], row["pk"]] for row in chunk]
            yield from audit_rows(ordered)

    def stream_csv(self, queryset):
        # A byte-order mark, so that Excel on a Chinese desktop reads the CSV as UTF-8.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            # Wagtail's XLSX writer already stores formulas as text; CSV has no types.
            value = neutralise_formula(value)
        return value


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return audit_scope(request.user) is not None


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [
        path("reports/audit/", AuditReportView.as_view(), name="workflows_audit"),
        path(
            "reports/audit/results/",
            AuditReportView.as_view(results_only=True),
            name="workflows_audit_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("审核记录"),
        reverse("workflows_audit"),
        name="audit",
        icon_name="tasks",
        order=1050,
    )
