from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulatorConfig(AppConfig):
    """The regulator's daily S&T management on the platform (issue #6).

    Notices with acknowledgement (通知回执) and the group companies' contact
    registration (联系表) live here; the annual survey, the patent ranking and
    the participation statistics belong here too when they come. None of it
    is public content: every view is in the admin, scoped by ``regulator.access``.
    """

    name = "regulator"
    verbose_name = _("监管业务")
