"""Admin views of the resource listings, narrowed to the rows each user may reach.

Wagtail checks snippet permissions per model: it fetches the object by its
primary key from the whole table and asks the policy about the model, not the
instance (docs/resource-listings.md §3.2, wagtail#11707). Anyone holding
``change_expert`` would open every group's experts. Every view below therefore
starts with ``ListingObjectMixin``, which

- fetches the listing from ``visible_listings(user, model)`` only, so another
  group's listing is a 404 — the same answer as a listing that does not
  exist, so nobody learns what another group is preparing;
- asks the row-level policy (``workflows.listing_policy``) about the instance
  wherever Wagtail asks about the model, with Wagtail's workflow exceptions
  kept: reviewers, who hold only ``view``, open the editor of an item while
  the current review task lets them (``user_can_access_editor``), and the
  task decides who locks an item under review.

The index, bulk delete and chooser are scoped by the same rules; copy and
inspect are disabled.
"""

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters import ModelChoiceFilter
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views import snippets as views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from snippets.models import (
    LISTING_MODEL_BY_KIND,
    RESOURCE_KINDS,
    SUPPLY_DEMAND_KINDS,
    Enterprise,
    Listing,
)
from workflows import converters  # noqa: F401  (registers <int64:...>)
from workflows.listing_policy import visible_listings, visible_listings_q

ICONS = {
    "institution": "site",
    "expert": "user",
    "instrument": "cogs",
    "result": "success",
    "project": "tasks",
    "transfer": "resubmit",
    "challenge": "help",
    "job": "group",
    "product": "pick",
}

# Read-only views of one listing: seeing it is enough (reviewers hold only "view").
READ = ["add", "change", "delete", "view"]


def current_task(instance):
    """The review task the listing is in, or None (cached on the instance for the request)."""
    if not hasattr(instance, "_ceti_current_task"):
        instance._ceti_current_task = instance.current_workflow_task if instance.pk else None
    return instance._ceti_current_task


def user_may(user, action, instance):
    """The row-level answer for one listing, with Wagtail's workflow exceptions.

    - the review task in progress decides who locks and unlocks (as Wagtail's
      edit and lock views do), and whoever holds the lock may release it;
    - ``change`` is also granted to whoever the task lets into the editor —
      the owning group's reviewers, who hold only ``view``.
    Otherwise the policy answers (``workflows.listing_policy``).
    """
    if user.is_superuser and user.is_active:
        return True
    if action == "lock" and current_task(instance) is not None:
        return current_task(instance).user_can_lock(instance, user)
    if action == "unlock":
        if instance.locked_by_id and instance.locked_by_id == user.pk:
            return True
        if current_task(instance) is not None:
            return current_task(instance).user_can_unlock(instance, user)
    policy = policy_registry.get_by_type(type(instance))
    if policy.user_has_permission_for_instance(user, action, instance):
        return True
    if action != "change":
        return False
    # Asked last: it costs a query, and only reviewers need it.
    task = current_task(instance)
    return task is not None and task.user_can_access_editor(instance, user)


def in_review_q():
    """Annotation: the listing has a workflow in progress (one subquery for the whole page)."""
    base = ContentType.objects.get_for_model(Listing, for_concrete_model=False)
    return Exists(
        WorkflowState.objects.filter(
            base_content_type=base,
            object_id=Cast(OuterRef("pk"), CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )


def choosable_listings(user, model):
    """What a chooser may offer: public listings of anyone plus every listing ``user`` sees.

    Drafts and expired listings of other groups stay out, as in
    ``workflows.permissions.choosable_pages``.
    """
    qs = model.objects.all()
    if user.is_superuser:
        return qs
    return qs.filter(Q(pk__in=model.objects.public().values("pk")) | visible_listings_q(user))


def title_search(queryset, query):
    """Substring search of title and summary, in the database.

    Scoping filters on related fields (the enterprise's group) that a search
    backend cannot apply, and a Chinese substring is what an editor types.
    """
    return queryset.filter(Q(title__icontains=query) | Q(summary__icontains=query))


# -- the views of one listing ----------------------------------------------------------


class ListingObjectMixin:
    """Put first in every view of one listing: 404 outside ``visible_listings``, policy per instance."""

    def _listing_pk(self):
        pk = (getattr(self, "kwargs", None) or {}).get("pk")
        if pk is None:
            pk = getattr(self, "pk", None)
        return unquote(str(pk))

    def visible_queryset(self):
        return visible_listings(self.request.user, self.model)

    def check_visible(self):
        if getattr(self, "_listing_visible", False):
            return
        try:
            visible = self.visible_queryset().filter(pk=self._listing_pk()).exists()
        except (ValueError, TypeError, ValidationError):
            visible = False
        if not visible:
            raise Http404
        self._listing_visible = True

    def get_object(self, *args, **kwargs):
        # Before Wagtail's own lookup, which reads the whole table and, in the
        # preview view, answers 403 (revealing that the row exists).
        self.check_visible()
        return super().get_object(*args, **kwargs)

    def get_base_object_queryset(self):
        return (
            super().get_base_object_queryset().filter(pk__in=self.visible_queryset().values("pk"))
        )

    def _listing_instance(self):
        obj = getattr(self, "object", None)
        return obj if isinstance(obj, Listing) else None

    def user_has_permission_for_instance(self, permission, instance):
        return user_may(self.request.user, permission, instance)

    def user_has_permission(self, permission):
        instance = self._listing_instance()
        if instance is None:
            return super().user_has_permission(permission)
        return user_may(self.request.user, permission, instance)

    def user_has_any_permission(self, permissions):
        instance = self._listing_instance()
        if instance is None:
            return super().user_has_any_permission(permissions)
        return any(user_may(self.request.user, p, instance) for p in permissions)


class EditView(ListingObjectMixin, views.EditView):
    def get_queryset(self):
        return self.visible_queryset()


class DeleteView(ListingObjectMixin, views.DeleteView):
    def get_queryset(self):
        return self.visible_queryset()


class UsageView(ListingObjectMixin, views.UsageView):
    permission_required = None
    any_permission_required = READ


class HistoryView(ListingObjectMixin, views.HistoryView):
    any_permission_required = READ


class PreviewOnEditView(ListingObjectMixin, views.PreviewOnEditView):
    pass


class PreviewRevisionView(ListingObjectMixin, views.PreviewRevisionView):
    permission_required = None
    any_permission_required = READ


class RevisionsCompareView(ListingObjectMixin, views.RevisionsCompareView):
    permission_required = None
    any_permission_required = READ


class UnpublishView(ListingObjectMixin, views.UnpublishView):
    pass


class RevisionsUnscheduleView(ListingObjectMixin, views.RevisionsUnscheduleView):
    pass


class LockView(ListingObjectMixin, views.LockView):
    pass


class UnlockView(ListingObjectMixin, views.UnlockView):
    pass


class WorkflowTaskStateMixin:
    """The task state named in the URL must be this listing's (Wagtail fetches it apart)."""

    def get_task_state(self):
        task_state = super().get_task_state()
        workflow_state = task_state.workflow_state
        listing_type = ContentType.objects.get_for_model(Listing, for_concrete_model=False)
        if (
            workflow_state.base_content_type_id != listing_type.pk
            or workflow_state.object_id != str(self.object.pk)
        ):
            raise Http404
        return task_state


class WorkflowActionView(ListingObjectMixin, WorkflowTaskStateMixin, views.WorkflowActionView):
    pass


class CollectWorkflowActionDataView(
    ListingObjectMixin, WorkflowTaskStateMixin, views.CollectWorkflowActionDataView
):
    pass


class ConfirmWorkflowCancellationView(ListingObjectMixin, views.ConfirmWorkflowCancellationView):
    pass


class WorkflowPreviewView(ListingObjectMixin, views.WorkflowPreviewView):
    pass


class WorkflowHistoryView(ListingObjectMixin, views.WorkflowHistoryView):
    permission_required = None
    any_permission_required = READ


class WorkflowHistoryDetailView(ListingObjectMixin, views.WorkflowHistoryDetailView):
    permission_required = None
    any_permission_required = READ


# -- the index ---------------------------------------------------------------------------


def visible_enterprises(user):
    """Enterprises whose listings ``user`` sees: the choices of the 所属企业 filter."""
    if user.is_superuser:
        return Enterprise.objects.all()
    owners = visible_listings(user).values("enterprise")
    return Enterprise.objects.filter(pk__in=owners)


class ListingFilterSet(WagtailFilterSet):
    enterprise = ModelChoiceFilter(label=_("所属企业"), queryset=Enterprise.objects.none())

    class Meta:
        model = Listing
        fields = ["status", "region", "enterprise"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        self.filters["enterprise"].queryset = (
            visible_enterprises(user) if user is not None else Enterprise.objects.none()
        ).order_by("sort_order", "code")


class PublicationColumn(StatusTagColumn):
    """草稿 / 已发布 / 审核中: what an editor asks of a row first."""

    def __init__(self):
        super().__init__(
            "publication", label=_("发布状态"), sort_key="live", primary=lambda obj: obj.live
        )

    def get_value(self, instance):
        if getattr(instance, "_in_review", False):
            return _("审核中")
        # Wagtail's own wording translates "live" as 在用, which editors do not say.
        if instance.live:
            return _("已发布，有修改未发布") if instance.has_unpublished_changes else _("已发布")
        return _("草稿")


class CompletenessColumn(Column):
    def get_value(self, instance):
        return f"{instance.completeness}%"


class IndexView(views.IndexView):
    search_backend_name = None

    @cached_property
    def header_more_buttons(self):
        """批量导入 / 下载导入模板 for those who may add, 导出 for anyone who sees listings."""
        from wagtail.admin.widgets import Button

        from snippets.xlsx.importer import user_can_import

        buttons = list(super().header_more_buttons)
        kind = self.model.listing_kind
        if user_can_import(self.request.user, self.model):
            buttons += [
                Button(
                    _("批量导入"),
                    url=reverse("listing_io:import", args=[kind]),
                    icon_name="upload",
                    priority=30,
                ),
                Button(
                    _("下载导入模板"),
                    url=reverse("listing_io:template", args=[kind]),
                    icon_name="download",
                    priority=31,
                ),
            ]
        buttons.append(
            Button(
                _("导出"),
                url=reverse("listing_io:export", args=[kind]),
                icon_name="download",
                priority=32,
            )
        )
        return buttons

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return title_search(queryset, self.search_query)

    def get_edit_url(self, instance):
        user, policy = self.request.user, self.permission_policy
        # A row in review links to the editor for its reviewers too (from the
        # annotation, not a query per row); the editor asks the task again.
        if policy.user_has_permission_for_instance(user, "change", instance) or (
            getattr(instance, "_in_review", False) and policy.user_has_permission(user, "view")
        ):
            return reverse(self.edit_url_name, args=(quote(instance.pk),))
        return None

    def get_delete_url(self, instance):
        policy = self.permission_policy
        if self.delete_url_name and policy.user_has_permission_for_instance(
            self.request.user, "delete", instance
        ):
            return reverse(self.delete_url_name, args=(quote(instance.pk),))
        return None


# -- the chooser -------------------------------------------------------------------------


class ListingSearchFilterMixin(BaseFilterForm):
    q = forms.CharField(
        label=_("搜索"),
        widget=forms.TextInput(attrs={"placeholder": _("名称或简介")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = title_search(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class ChooserScopeMixin:
    """Public listings of anyone plus the user's own and reviewed ones; nothing created here."""

    def get_object_list(self):
        return choosable_listings(self.request.user, self.model_class)

    def get_filter_form_class(self):
        bases = [ListingSearchFilterMixin]
        if self.i18n_enabled:
            bases.insert(0, LocaleFilterMixin)
        return type("ListingChooserFilterForm", tuple(bases), {})

    def can_create(self):
        # Listings are created in their editor (declaration, review), not in a modal.
        return False


class ListingChooseView(ChooserScopeMixin, chooser.ChooseView):
    pass


class ListingChooseResultsView(ChooserScopeMixin, chooser.ChooseResultsView):
    pass


class ListingChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return choosable_listings(self.request.user, self.model_class).get(pk=pk)


class ListingChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable_listings(self.request.user, self.model_class).filter(pk__in=pks)


class ListingCreateView(chooser.SnippetCreateView):
    def can_create(self):
        return False


class ListingChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ListingChooseView
    choose_results_view_class = ListingChooseResultsView
    chosen_view_class = ListingChosenView
    chosen_multiple_view_class = ListingChosenMultipleView
    create_view_class = ListingCreateView


# -- admin edit links --------------------------------------------------------------------


class ListingAdminURLFinder(ModelAdminURLFinder):
    """Edit links for listings, also for the base rows workflow states and logs hand out."""

    def construct_edit_url(self, instance):
        listing = instance.specific if type(instance) is Listing else instance
        viewset = getattr(type(listing), "snippet_viewset", None)
        if viewset is None:
            return None
        return reverse(viewset.get_url_name("edit"), args=(quote(listing.pk),))

    def get_edit_url(self, instance):
        listing = instance.specific if type(instance) is Listing else instance
        if self.user is not None and not user_may(self.user, "change", listing):
            return None
        return self.construct_edit_url(listing)


# -- the viewset -------------------------------------------------------------------------


class ListingViewSet(SnippetViewSet):
    list_display = [
        "title",
        "enterprise",
        "status",
        Column("valid_until", label=_("有效期至"), sort_key="valid_until"),
        CompletenessColumn("completeness", label=_("完整度"), sort_key="completeness"),
        PublicationColumn(),
    ]
    filterset_class = ListingFilterSet
    search_fields = ["title", "summary"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    # A listing's key is its link to the Listing row, so Wagtail would route it as <str:pk>
    # and look up any digits, past 64 bits too (a 500 on SQLite); workflows/converters.py.
    pk_path_converter = "int64"

    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    usage_view_class = UsageView
    history_view_class = HistoryView
    preview_on_edit_view_class = PreviewOnEditView
    revisions_view_class = PreviewRevisionView
    revisions_compare_view_class = RevisionsCompareView
    unpublish_view_class = UnpublishView
    revisions_unschedule_view_class = RevisionsUnscheduleView
    lock_view_class = LockView
    unlock_view_class = UnlockView
    workflow_action_view_class = WorkflowActionView
    collect_workflow_action_data_view_class = CollectWorkflowActionDataView
    confirm_workflow_cancellation_view_class = ConfirmWorkflowCancellationView
    workflow_preview_view_class = WorkflowPreviewView
    workflow_history_view_class = WorkflowHistoryView
    workflow_history_detail_view_class = WorkflowHistoryDetailView
    chooser_viewset_class = ListingChooserViewSet

    def get_queryset(self, request):
        return (
            visible_listings(request.user, self.model)
            .select_related("enterprise", "latest_revision")
            .annotate(_in_review=in_review_q())
        )

    @property
    def url_finder_class(self):
        return ListingAdminURLFinder


def viewset_for(kind):
    model = LISTING_MODEL_BY_KIND[kind]
    return type(
        f"{model.__name__}ViewSet",
        (ListingViewSet,),
        {"model": model, "icon": ICONS[kind], "menu_label": model._meta.verbose_name_plural},
    )


class ResourceListingsGroup(SnippetViewSetGroup):
    menu_label = _("可共享资源")
    menu_icon = "folder-inverse"
    menu_order = 210
    items = tuple(viewset_for(kind) for kind in RESOURCE_KINDS)


class SupplyDemandListingsGroup(SnippetViewSetGroup):
    menu_label = _("供求信息")
    menu_icon = "folder-inverse"
    menu_order = 220
    items = tuple(viewset_for(kind) for kind in SUPPLY_DEMAND_KINDS)


__all__ = [
    "ListingAdminURLFinder",
    "ListingChooserViewSet",
    "ListingObjectMixin",
    "ListingViewSet",
    "ResourceListingsGroup",
    "SupplyDemandListingsGroup",
    "choosable_listings",
    "user_may",
]
