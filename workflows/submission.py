"""Submitting many listings for review at once: one workflow each, one mail for all.

An import of a spreadsheet submits hundreds of listings of one enterprise. Each
gets its own 集团审核 workflow, started as the importing user exactly as the
editor's 提交审核 button starts one, so every rule of the review (owning group,
maker-checker, 保密审查) holds per listing. The per-item submission mail
(``GroupReviewSubmissionEmailNotifier``) would bury the group's reviewers under
as many messages; it is silenced for the batch and, once the transaction has
committed, each reviewer gets one summary: “能源一院 提交了 350 条资源信息待审核”.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry
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
    states = []
    batches = {}
    with transaction.atomic(), submission_mail_silenced():
        for listing in listings:
            listing = specific_object(listing)
            policy = policy_registry.get(listing)
            if policy is not None and not policy.user_has_permission_for_instance(
                user, "change", listing
            ):
                raise PermissionDenied
            workflow_state = listing.current_workflow_state
            if (
                workflow_state is not None
                and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            ):
                continue
            workflow = listing.get_workflow()
            if workflow is None:
                raise ImproperlyConfigured(
                    f"{type(listing).__name__} has no review workflow (run ensure_review_workflow)."
                )
            if listing.latest_revision_id is None:
                listing.save_revision(user=user)
            if (
                workflow_state is not None
                and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
            ):
                workflow_state.resume(user)
            else:
                workflow_state = workflow.start(listing, user)
            states.append(workflow_state)
            batch = batches.get(listing.enterprise_id)
            if batch is None:
                batch = batches[listing.enterprise_id] = SubmittedBatch(
                    enterprise=listing.enterprise, requested_by=user
                )
            batch.listings.append(listing)
        ready = list(batches.values())
        transaction.on_commit(lambda: [batch_notifier(batch) for batch in ready])
    return states
