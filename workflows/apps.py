from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """Group-level review, the confidentiality check and enterprise provisioning.

    Empty in the foundation on purpose: issue #3 builds the review task whose
    reviewers are resolved from ``obj.owning_enterprise`` (DESIGN.md §4) here.
    """

    name = "workflows"
    verbose_name = _("审核流程")
