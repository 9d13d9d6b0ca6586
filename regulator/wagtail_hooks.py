"""Admin wiring of the regulator's work: URLs, menu items and dashboard panels.

Menus are shown only to those who may open them (``regulator.access``): 通知回执
in 报告 for the regulator, 联系表 in the main menu for the regulator and for
group administrators. Group companies meet their notices on the dashboard.
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows import converters  # noqa: F401  (registers <int64:...>)

from . import access, panels
from .views import contacts, notices


@hooks.register("register_admin_urls")
def register_regulator_urls():
    return [
        path(
            "regulator/notices/<int64:notice_id>/acknowledge/",
            notices.acknowledge_notice,
            name="regulator_acknowledge_notice",
        ),
        path(
            "reports/notice-receipts/",
            notices.NoticeReceiptsView.as_view(),
            name="regulator_notice_receipts",
        ),
        path(
            "reports/notice-receipts/results/",
            notices.NoticeReceiptsView.as_view(results_only=True),
            name="regulator_notice_receipts_results",
        ),
        path(
            "reports/notice-receipts/<int64:notice_id>/",
            notices.NoticeReceiptDetailView.as_view(),
            name="regulator_notice_receipt_detail",
        ),
        path("regulator/contacts/", contacts.ContactListView.as_view(), name="regulator_contacts"),
        path(
            "regulator/contacts/results/",
            contacts.ContactListView.as_view(results_only=True),
            name="regulator_contacts_results",
        ),
        path(
            "regulator/contacts/<int64:enterprise_id>/",
            contacts.contact_registration,
            name="regulator_contact_registration",
        ),
    ]


class ReceiptsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.sees_all_acknowledgements(request.user)


class ContactsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.keeps_a_contact_sheet(request.user)


@hooks.register("register_reports_menu_item")
def register_receipts_menu_item():
    return ReceiptsMenuItem(
        _("通知回执"),
        reverse("regulator_notice_receipts"),
        name="notice-receipts",
        icon_name="doc-full",
        order=1060,
    )


@hooks.register("register_admin_menu_item")
def register_contacts_menu_item():
    return ContactsMenuItem(
        _("联系表"), reverse("regulator_contacts"), name="contacts", icon_name="group", order=850
    )


hooks.register("construct_homepage_panels", panels.add_panels)


@hooks.register("insert_global_admin_css")
def regulator_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("regulator/admin.css"))


# Each part of the regulator's work registers its own URLs and menu items.
from . import hooks_participation, hooks_ranking, hooks_survey  # noqa: E402, F401
