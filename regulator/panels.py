"""Dashboard panels: what a group company still owes the regulator.

Shown to the group's administrators and reviewers only (``regulator.access``):
the notices their group has still to acknowledge, overdue ones first and
marked, each with a one-click 确认收到; and, for administrators, a reminder
while their 联系表 is not filed. A few queries per group the user answers
for, whatever the number of notices (at most ``LIMIT`` shown, then a count).
"""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import access
from .models import ContactRegistration
from .notices import pending_notices

LIMIT = 10


class PendingReceiptsPanel(Component):
    name = "regulator_pending_receipts"
    template_name = "regulator/panels/pending_receipts.html"
    order = 150

    def __init__(self, groups):
        self.groups = groups

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        blocks = []
        for group in self.groups:
            pending = pending_notices(group)
            notices = list(
                pending.only("id", "title", "doc_number", "issued_on", "deadline")[: LIMIT + 1]
            )
            more = len(notices) > LIMIT
            notices = notices[:LIMIT]
            if not notices:
                continue
            blocks.append(
                {
                    "group": group,
                    "notices": [
                        {
                            "notice": notice,
                            "overdue": today > notice.deadline,
                            "days_left": (notice.deadline - today).days,
                        }
                        for notice in notices
                    ],
                    "more": pending.count() - LIMIT if more else 0,
                }
            )
        return {
            "blocks": blocks,
            "show_group": len(self.groups) > 1,
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "next": request.get_full_path(),
        }

    def render_html(self, parent_context=None):
        html = super().render_html(parent_context)
        return html if html.strip() else ""


class ContactReminderPanel(Component):
    name = "regulator_contact_reminder"
    template_name = "regulator/panels/contact_reminder.html"
    order = 160

    def __init__(self, groups):
        self.groups = groups

    def get_context_data(self, parent_context):
        filed = set(
            ContactRegistration.objects.filter(
                enterprise__in=self.groups, status=ContactRegistration.Status.FILED
            ).values_list("enterprise_id", flat=True)
        )
        return {"groups": [g for g in self.groups if g.pk not in filed]}


def add_panels(request, panels):
    """The ``construct_homepage_panels`` hook: nothing at all for anyone else."""
    receipt_groups = list(access.acknowledging_groups(request.user))
    if receipt_groups:
        panels.append(PendingReceiptsPanel(receipt_groups))
    contact_groups = [] if request.user.is_superuser else list(access.contact_groups(request.user))
    if contact_groups:
        panels.append(ContactReminderPanel(contact_groups))
