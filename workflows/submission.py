"""Submitting many listings for review at once: one workflow each, one mail for all.

An import of a spreadsheet submits hundreds of listings of one enterprise. Each
gets its own 集团审核 workflow, started as the importing user exactly as the
editor's 提交审核 button starts one, so every rule of the review (owning group,
maker-checker, 保密审查) holds per listing. The per-item submission mail
(``GroupReviewSubmissionEmailNotifier``) would bury the group's reviewers under
as many messages; it is silenced for the batch and, once the transaction has
committed, each reviewer gets one summary: “能源一院 提交了 350 条资源信息待审核”.

An import submits up to 10,000 listings in one transaction, so new workflows
are started in bulk (``BatchSubmission``): the same rows, signals and log
entries as Wagtail's ``Workflow.start`` writes for each, in a few queries per
few hundred listings.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import Task, TaskState, WorkflowState
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.permissions import policy_registry
from wagtail.signals import task_submitted, workflow_submitted
from wagtail.users.models import UserProfile

from .notifications import OwnTemplatesMixin, submission_mail_silenced
from .roles import reviewers_for
from .tasks import specific_object


@dataclass
class SubmittedBatch:
    """What one enterprise's reviewers are told: who submitted how many listings of which types."""

    enterprise: object
    requested_by: object
    listings: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.listings)

    def kinds(self):
        """``[(verbose name, count, admin list path)]`` per listing type, largest first."""
        counts = Counter(type(listing) for listing in self.listings)
        rows = []
        for model, count in counts.most_common():
            viewset = getattr(model, "snippet_viewset", None)
            try:
                path = reverse(viewset.get_url_name("list")) if viewset else ""
            except NoReverseMatch:
                path = ""
            rows.append((model._meta.verbose_name, count, path))
        return rows


class BatchSubmissionEmailNotifier(OwnTemplatesMixin, EmailNotificationMixin, Notifier):
    """The summary mail of a batch, to the reviewers of the enterprise's group, not to the submitter.

    Honours the reviewers' “submitted” notification preference, as the
    per-item mail it replaces does.
    """

    notification = "batch_submitted"

    def __init__(self):
        super().__init__((SubmittedBatch,))

    def get_valid_recipients(self, batch, **kwargs):
        # The preference is the per-item mail's ("submitted"): there is none of its own.
        return {
            user
            for user in self.get_recipient_users(batch, **kwargs)
            if user.email and UserProfile.get_for_user(user).submitted_notifications
        }

    def get_recipient_users(self, batch, **kwargs):
        return reviewers_for(batch.listings[0]).exclude(pk=batch.requested_by.pk)

    def get_context(self, batch, **kwargs):
        context = super().get_context(batch, **kwargs)
        context.update(
            {
                "enterprise": batch.enterprise,
                "requested_by": batch.requested_by,
                "count": batch.count,
                "kinds": batch.kinds(),
                "dashboard_path": reverse("wagtailadmin_home"),
            }
        )
        return context


batch_notifier = BatchSubmissionEmailNotifier()


# Rows per INSERT / UPDATE / IN (...) of a batch: well under every database's parameter limit.
CHUNK = 500


def submit_for_review(listings, user):
    """Start the review workflow of each of ``listings`` as ``user``; one summary mail per enterprise.

    - ``listings``: listings (any of the nine types, or base ``Listing`` rows)
      saved in the database; one without a revision gets one, by ``user``.
    - ``user``: who submits; must be allowed to change each listing (an
      editor of its enterprise), else ``PermissionDenied`` and nothing is
      submitted. The submitter never approves these (maker-checker).
    - A listing already awaiting review is left as it is; one returned for
      changes resumes its workflow, as the editor's button does.

    Runs in one transaction. The per-item submission mail is not sent; after
    commit the reviewers of each enterprise's group get one mail “<企业> 提交了
    N 条资源信息待审核” with the counts per type and links to the admin.
    Returns the workflow states started or resumed, in the order given.
    """
    with transaction.atomic(), submission_mail_silenced():
        submission = BatchSubmission(user)
        states = submission.submit(listings)
        submission.notify_on_commit()
    return states


class BatchSubmission:
    """Listings submitted by one user as one batch, possibly in several parts (an import's chunks).

    ``submit`` runs inside the caller's transaction and
    ``submission_mail_silenced()``; ``notify_on_commit`` then schedules the
    summary mails for everything submitted. ``submit_for_review`` is the
    one-call form.

    New workflows are started in bulk: for each listing the same
    ``WorkflowState`` (in progress, requested by the user), ``TaskState`` of
    the first task (in progress, on the latest revision), signals and
    “wagtail.workflow.start” log entry as ``Workflow.start`` writes, in a few
    queries per few hundred listings instead of a dozen per listing. A
    workflow whose first task does more than create its state (its own
    ``start``, its own state class) is started by Wagtail, one by one.
    """

    def __init__(self, user):
        self.user = user
        self.batches = {}
        self._workflows = {}
        self._first_tasks = {}

    def submit(self, listings):
        """Submit ``listings``; returns the workflow states started or resumed, in the order given."""
        user = self.user
        listings = [specific_object(listing) for listing in listings]
        for listing in listings:
            policy = policy_registry.get(listing)
            if policy is not None and not policy.user_has_permission_for_instance(
                user, "change", listing
            ):
                raise PermissionDenied
        current = current_workflow_states(listings)
        states = [None] * len(listings)
        to_start = []
        for i, listing in enumerate(listings):
            workflow_state = current.get(listing.pk)
            if (
                workflow_state is not None
                and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            ):
                continue
            workflow = self._workflow_of(listing)
            if listing.latest_revision_id is None:
                listing.save_revision(user=user)
            if (
                workflow_state is not None
                and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
            ):
                workflow_state.resume(user)
                states[i] = workflow_state
            else:
                to_start.append((i, listing, workflow))
            batch = self.batches.get(listing.enterprise_id)
            if batch is None:
                batch = self.batches[listing.enterprise_id] = SubmittedBatch(
                    enterprise=listing.enterprise, requested_by=user
                )
            batch.listings.append(listing)
        for i, state in self._start(to_start):
            states[i] = state
        return [state for state in states if state is not None]

    def notify_on_commit(self):
        """After commit, one summary mail per enterprise to its group's reviewers."""
        ready = list(self.batches.values())
        transaction.on_commit(lambda: [batch_notifier(batch) for batch in ready])

    def _workflow_of(self, listing):
        # Listings' workflows are assigned per type (Wagtail's get_default_workflow).
        model = type(listing)
        if model not in self._workflows:
            self._workflows[model] = listing.get_workflow()
        workflow = self._workflows[model]
        if workflow is None:
            raise ImproperlyConfigured(
                f"{model.__name__} has no review workflow (run ensure_review_workflow)."
            )
        return workflow

    def _first_task(self, workflow):
        """The task a new state of ``workflow`` starts on (``WorkflowState.get_next_task``)."""
        if workflow.pk not in self._first_tasks:
            task = (
                Task.objects.filter(workflow_tasks__workflow=workflow, active=True)
                .order_by("workflow_tasks__sort_order")
                .first()
            )
            self._first_tasks[workflow.pk] = task.specific if task is not None else None
        return self._first_tasks[workflow.pk]

    def _start(self, items):
        """``[(i, listing, workflow)]`` → ``[(i, new workflow state)]``."""
        started = []
        by_workflow = {}
        for i, listing, workflow in items:
            by_workflow.setdefault(workflow.pk, (workflow, []))[1].append((i, listing))
        for workflow, group in by_workflow.values():
            task = self._first_task(workflow)
            if task is None or not _starts_plainly(task):
                started += [(i, workflow.start(listing, self.user)) for i, listing in group]
                continue
            for start in range(0, len(group), CHUNK):
                part = group[start : start + CHUNK]
                states = _start_in_bulk(
                    workflow, task, [listing for _i, listing in part], self.user
                )
                started += [(i, state) for (i, _listing), state in zip(part, states, strict=True)]
        return started


def current_workflow_states(listings):
    """``{pk: in-progress or needs-changes WorkflowState}`` of ``listings``, in a query per few hundred.

    The bulk form of ``listing.current_workflow_state``.
    """
    found = {}
    by_base_type = {}
    for listing in listings:
        by_base_type.setdefault(listing.get_base_content_type().pk, []).append(str(listing.pk))
    pk_of = {str(listing.pk): listing.pk for listing in listings}
    for content_type_id, ids in by_base_type.items():
        for start in range(0, len(ids), CHUNK):
            states = (
                WorkflowState.objects.active()
                .filter(
                    base_content_type_id=content_type_id, object_id__in=ids[start : start + CHUNK]
                )
                .select_related("current_task_state__task")
            )
            for state in states:
                found.setdefault(pk_of[state.object_id], state)
    return found


def _starts_plainly(task):
    """Whether starting ``task`` only creates its state (Wagtail's ``Task.start``), so that it can be done in bulk."""
    return type(task).start is Task.start and task.get_task_state_class() is TaskState


def _start_in_bulk(workflow, task, listings, user):
    """``workflow.start(listing, user)`` for each of ``listings``, whose first task is ``task``."""
    states = [
        WorkflowState(
            content_type=listing.get_content_type(),
            base_content_type=listing.get_base_content_type(),
            object_id=str(listing.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_IN_PROGRESS,
            requested_by=user,
        )
        for listing in listings
    ]
    WorkflowState.objects.bulk_create(states)
    task_states = [
        TaskState(
            workflow_state=state,
            status=TaskState.STATUS_IN_PROGRESS,
            revision_id=listing.latest_revision_id,
            task=task,
        )
        for state, listing in zip(states, listings, strict=True)
    ]
    TaskState.objects.bulk_create(task_states)
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    WorkflowState.objects.bulk_update(states, ["current_task_state"])

    log = LogBatch()
    for listing, state, task_state in zip(listings, states, task_states, strict=True):
        task_submitted.send(sender=TaskState, instance=task_state, user=user)
        workflow_submitted.send(sender=WorkflowState, instance=state, user=user)
        log.add(
            listing,
            "wagtail.workflow.start",
            user=user,
            revision_id=listing.latest_revision_id,
            data={
                "workflow": {
                    "id": workflow.id,
                    "title": workflow.name,
                    "status": state.status,
                    "next": {"id": task.id, "title": task.name},
                    "task_state_id": task_state.id,
                }
            },
        )
    log.save()
    return states


class LogBatch:
    """Log entries written in bulk, each as ``wagtail.log_actions.log(instance, action, …)`` writes it.

    For models logged by a ``ModelLogEntryManager`` (listings: ``ListingLogEntry``);
    an entry for anything else is written at once by ``log()`` itself.
    """

    def __init__(self):
        self.entries = {}

    def add(self, instance, action, *, user=None, revision_id=None, data=None, **fields):
        model = log_registry.get_log_model_for_instance(instance)
        if model is None:
            return
        if not isinstance(model.objects, ModelLogEntryManager):
            log(
                instance=instance,
                action=action,
                user=user,
                revision_id=revision_id,
                data=data,
                **fields,
            )
            return
        # ListingLogEntryManager records a base row under its specific type.
        instance = specific_object(instance)
        context = get_active_log_context()
        entry = model(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
            label=model.objects.get_instance_title(instance),
            action=action,
            timestamp=timezone.now(),
            data=data or {},
            user=user or context.user,
            uuid=context.uuid,
            revision_id=revision_id,
            **fields,
        )
        self.entries.setdefault(model, []).append(entry)

    def save(self):
        for model, entries in self.entries.items():
            model.objects.bulk_create(entries, batch_size=CHUNK)
        self.entries = {}
