"""集团审核: one review task that serves every group company (DESIGN.md §4).

Wagtail ships only ``GroupApprovalTask``, whose reviewers are fixed groups: one
shared task holding every group's reviewers would show, mail and let each group
act on every other group's submissions (DESIGN.md §9). ``GroupReviewTask``
instead asks ``workflows.roles`` for the reviewers of *the object at hand*: the
reviewer group of its owning group company (a group's reviewers approve
everything the group and its subsidiaries submit), or the regulator's reviewers
for regulator content. A new group company therefore needs no new workflow.

Every path Wagtail offers a reviewer asks this task: the inbox
(``get_task_states_user_can_moderate``), the actions (``get_actions``, also
checked again in ``on_action`` because the action URL does not tie the task
state to the page in the URL), editor access and the edit lock.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from .models import EnterpriseRole
from .roles import user_reviews_for

REVIEW_WORKFLOW_NAME = "集团审核"
REVIEW_TASK_NAME = "集团审核"
SECRECY_TASK_NAME = "保密审查"

# Models whose objects go through the review, with the field naming their
# owning enterprise (NULL: regulator content). Pages are found through the
# concrete page model that carries the field; the nine resource-listing types
# share one base table, so one entry covers them all.
REVIEWED_MODELS = [
    ("pages.ArticlePage", "enterprise"),
    ("pages.EnterprisePage", "enterprise"),
    ("snippets.Listing", "enterprise"),
]


def specific_object(obj):
    """The subclass instance of a plain ``Page`` or ``Listing``.

    Wagtail hands tasks base rows (from a revision, the URL or
    ``WorkflowState.content_object``); ownership and fields live on the subclass.
    """
    from wagtail.models.specific import SpecificMixin

    if isinstance(obj, (Page, SpecificMixin)):
        return obj.specific
    return obj


def _base_content_type(model):
    """The content type Wagtail stores in ``WorkflowState.base_content_type`` for ``model``."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(
        parents[-1] if parents else model, for_concrete_model=False
    )


def reviewed_enterprises_q(enterprise_ids, *, field="enterprise"):
    """Objects whose owning enterprise answers to a group in ``enterprise_ids``.

    Mirrors ``Enterprise.group``: a group company (or an enterprise without a
    parent) answers to itself, a subsidiary to its parent.
    """
    from snippets.models import Enterprise

    is_group = models.Q(**{f"{field}__level": Enterprise.Level.GROUP}) | models.Q(
        **{f"{field}__parent__isnull": True}
    )
    itself = models.Q(**{f"{field}__in": enterprise_ids}) & is_group
    its_subsidiaries = models.Q(**{f"{field}__parent__in": enterprise_ids}) & ~models.Q(
        **{f"{field}__level": Enterprise.Level.GROUP}
    )
    return itself | its_subsidiaries


class OwningGroupReview:
    """What both review steps share: the reviewers are those of the object's owning group.

    A plain mixin placed before ``Task``: 集团审核 and 保密审查 are decided by the
    same people (谁发布谁审查, DESIGN.md §9) and every path Wagtail offers a
    reviewer asks the same questions of both.

    Maker-checker (DESIGN.md §9, wagtail#6995): whoever submitted the item and
    whoever last edited its latest revision never approve or reject it,
    whatever groups they belong to. Superusers get no special review rights
    either: 谁审核、谁负责 names a reviewer of the accountable group.
    """

    # -- who is a reviewer of this object --------------------------------

    def is_reviewer(self, obj, user):
        """Whether ``user`` reviews for the group company (or regulator) accountable for ``obj``."""
        return user_reviews_for(user, specific_object(obj))

    def is_maker(self, obj, user):
        """Whether ``user`` submitted the item under review or wrote its latest revision."""
        workflow_state = (
            obj.current_workflow_state if hasattr(obj, "current_workflow_state") else None
        )
        if workflow_state is not None and workflow_state.requested_by_id == user.pk:
            return True
        revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
        return revision is not None and revision.user_id == user.pk

    def can_decide(self, obj, user):
        return self.is_reviewer(obj, user) and not self.is_maker(obj, user)

    # -- Wagtail's Task API ------------------------------------------------

    def user_can_access_editor(self, obj, user):
        # Reviewers open the item in the editor to read and comment on it,
        # even without edit permission on the group's subtree.
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        # While under review only the reviewers (and platform administrators,
        # who can do everything) may change the item.
        return not (user.is_superuser or self.is_reviewer(obj, user))

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The workflow action URL names a page and a task state separately and
        # Wagtail checks the actions against the page only: check again against
        # the object this task state is actually about.
        if task_state.task_id != self.pk or task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied
        obj = task_state.workflow_state.content_object
        if action_name not in {name for name, _label, _modal in self.get_actions(obj, user)}:
            raise PermissionDenied
        return self.perform_action(task_state, user, action_name, **kwargs)

    def perform_action(self, task_state, user, action_name, **kwargs):
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """In-progress states of this task on objects of the groups ``user`` reviews.

        Feeds the dashboard's "awaiting your review" panel and the workflow
        reports. Maker-checker is applied by ``get_actions`` per row, so a
        reviewer still sees their own submission, without actions.
        """
        objects = reviewed_objects_q(user, prefix="workflow_state__")
        if objects is None:
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).filter(objects)


def reviewed_objects_q(user, *, prefix=""):
    """Q over a ``WorkflowState`` (``prefix`` leads to one) for the objects ``user`` reviews; None: none.

    One query once evaluated: the groups come from EnterpriseRole, the objects
    from ``REVIEWED_MODELS`` matched on Wagtail's (base content type, object id
    as text) pair. Regulator reviewers also review pages of no enterprise.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    reviewed = list(
        EnterpriseRole.objects.filter(
            group__user=user, role=EnterpriseRole.Role.REVIEWER
        ).values_list("enterprise_id", flat=True)
    )
    if not reviewed:
        return None
    enterprise_ids = [pk for pk in reviewed if pk is not None]
    regulator = None in reviewed

    objects = models.Q()
    for label, field in REVIEWED_MODELS:
        objects |= _objects_q(label, field, enterprise_ids, regulator, prefix)
    if regulator:
        objects |= _regulator_pages_q(prefix)
    return objects


def _objects_q(label, field, enterprise_ids, regulator, prefix):
    from django.apps import apps

    model = apps.get_model(label)
    owned = reviewed_enterprises_q(enterprise_ids, field=field)
    if regulator:
        owned |= models.Q(**{f"{field}__isnull": True})
    ids = model.objects.filter(owned).annotate(_id_text=Cast("pk", models.CharField()))
    return models.Q(
        **{
            f"{prefix}base_content_type": _base_content_type(model),
            f"{prefix}object_id__in": ids.values("_id_text"),
        }
    )


def _regulator_pages_q(prefix):
    """Pages that belong to no enterprise at all (sections, home): the regulator's."""
    from django.apps import apps

    owned_page_ids = models.Q()
    for label, field in REVIEWED_MODELS:
        model = apps.get_model(label)
        if issubclass(model, Page):
            owned_page_ids |= models.Q(
                pk__in=model.objects.filter(**{f"{field}__isnull": False}).values("pk")
            )
    unowned = Page.objects.exclude(owned_page_ids).annotate(_id_text=Cast("pk", models.CharField()))
    return models.Q(
        **{
            f"{prefix}base_content_type": _base_content_type(Page),
            f"{prefix}object_id__in": unowned.values("_id_text"),
        }
    )


class GroupReviewTask(OwningGroupReview, Task):
    """集团审核: approval by the reviewers of the object's owning group company (or of the regulator)."""

    class Meta:
        verbose_name = _("集团审核")
        verbose_name_plural = _("集团审核")

    @classmethod
    def get_description(cls):
        return _(
            "由内容所属集团公司的审核员审核（所属企业的内容由其集团公司审核）；监管机构的内容由监管机构审核员审核。"
        )

    def get_actions(self, obj, user):
        # Also asked by WorkflowState.user_can_cancel (wagtail#11795, now on
        # the specific task): a reviewer who may approve may also cancel.
        if not self.can_decide(obj, user):
            return []
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("审核通过"), False),
            ("approve", _("审核通过并留言"), True),
        ]

    def get_template_for_action(self, action):
        return "workflows/review_action_modal.html"


def ensure_review_workflow():
    """Create the review workflow (集团审核 → 保密审查) and assign it to every home page; idempotent.

    Called from ``pages.setup.ensure_site_structure`` so that a fresh database
    gets it as soon as the home page exists (migrations 0004 and 0007 cover
    databases that already had one). Returns the workflow.
    """
    from pages.models import HomePage

    from .secrecy.task import SecrecyCheckTask

    with transaction.atomic():
        workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME).order_by("pk").first()
        if workflow is None:
            workflow = Workflow.objects.create(name=REVIEW_WORKFLOW_NAME, active=True)
        elif not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        for sort_order, (model, name) in enumerate(
            [(GroupReviewTask, REVIEW_TASK_NAME), (SecrecyCheckTask, SECRECY_TASK_NAME)]
        ):
            task = model.objects.filter(active=True).order_by("pk").first()
            if task is None:
                task = model.objects.create(name=name)
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=task, defaults={"sort_order": sort_order}
            )
        for home in HomePage.objects.all():
            WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
        assign_listing_workflow(workflow)
    return workflow


def assign_listing_workflow(workflow):
    """Put every listing type under ``workflow``: Wagtail looks it up by the specific type."""
    from snippets.models import LISTING_MODELS

    for model in LISTING_MODELS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
