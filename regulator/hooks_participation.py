"""Admin wiring of the participation (URLs, menu items, panels); imported by wagtail_hooks.

参与情况 sits in 报告 for the regulator (``regulator.view_participationweights``);
its weights are a setting (设置 → 参与情况权重), which Wagtail's settings app
registers and shows to those with ``change_participationweights``.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import access
from .views import participation


@hooks.register("register_admin_urls")
def register_participation_urls():
    return [
        path(
            "reports/participation/",
            participation.participation_report,
            name="regulator_participation",
        ),
        path(
            "reports/participation/briefing/",
            participation.create_briefing,
            name="regulator_participation_briefing",
        ),
    ]


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request):
        return access.sees_participation(request.user)


@hooks.register("register_reports_menu_item")
def register_participation_menu_item():
    return ParticipationMenuItem(
        _("参与情况"),
        reverse("regulator_participation"),
        name="participation",
        icon_name="pick",
        order=1070,
    )
