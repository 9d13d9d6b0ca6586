from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """Group-level review, the confidentiality check and enterprise provisioning.

    The review task (``workflows.tasks.GroupReviewTask``) resolves its
    reviewers from ``obj.owning_enterprise`` (DESIGN.md §4); its email goes
    through ``workflows.notifications``, wired here in place of Wagtail's.
    """

    name = "workflows"
    verbose_name = _("审核流程")

    def ready(self):
        from .notifications import connect_notifiers

        connect_notifiers()
