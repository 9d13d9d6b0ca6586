"""Admin wiring of the patent ranking (专利排序): its URLs and its item in the 报告 menu.

The menu item is shown to those who may read the rankings (the regulator and
superusers, ``regulator.access.sees_rankings``); the views ask again.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows import converters  # noqa: F401  (registers <int64:...>)

from . import access
from .views import ranking as views


@hooks.register("register_admin_urls")
def register_ranking_urls():
    return [
        path("reports/patent-ranking/", views.ranking_report, name="regulator_patent_ranking"),
        path(
            "reports/patent-ranking/<int64:year>/",
            views.ranking_report,
            name="regulator_patent_ranking_year",
        ),
        path(
            "reports/patent-ranking/<int64:year>/xlsx/",
            views.export_xlsx,
            name="regulator_patent_ranking_xlsx",
        ),
        path(
            "reports/patent-ranking/<int64:year>/release/",
            views.release_ranking,
            name="regulator_patent_ranking_release",
        ),
        path(
            "reports/patent-ranking/<int64:year>/withdraw/",
            views.withdraw_ranking,
            name="regulator_patent_ranking_withdraw",
        ),
    ]


class RankingMenuItem(MenuItem):
    def is_shown(self, request):
        return access.sees_rankings(request.user)


@hooks.register("register_reports_menu_item")
def register_ranking_menu_item():
    return RankingMenuItem(
        _("专利排序"),
        reverse("regulator_patent_ranking"),
        name="patent-ranking",
        icon_name="list-ol",
        order=1070,
    )
