from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


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
        from .secrecy import gate

        connect_notifiers()
        gate.connect()  # the publish gate's last line, in every process that loads the apps


class UsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users app, with the user viewset that group administrators may use.

    Group administrators manage the accounts of their own sub-platform only
    (DESIGN.md §1); ``workflows.accounts`` scopes Wagtail's user views and
    registers the user model's permission policy. INSTALLED_APPS names this
    config in place of ``wagtail.users``. It lives here because Django imports
    app configs before models are ready; ``default = False`` keeps
    ``WorkflowsConfig`` the config of ``workflows``.
    """

    default = False
    user_viewset = "workflows.accounts.AccountViewSet"

    def ready(self):
        super().ready()
        from .accounts import register_account_policy

        register_account_policy()
