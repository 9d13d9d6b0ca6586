"""保密审查 at the moment a scheduled item goes live.

A revision scheduled for publication (a go-live time set by a platform
administrator, or an approved workflow with one) was scanned when it was
approved. Days may pass before it goes live, and the regulator may add a
sensitive term in between: Wagtail's ``publish_scheduled`` publishes it
without asking. ``hold_due_revisions_with_hits`` scans each due revision again
just before that command publishes it; one with a hit is taken off the
schedule (it stays a draft, nothing goes online), the hold is written to the
audit log, and the platform administrators are told by mail.

A revision whose hits a reviewer has already cleared as a false positive
(``ceti.secrecy.clear`` on that very revision) goes live as approved: the
named human decision stands, the scan is only the safety net under it.
"""

from dataclasses import asdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log, registry
from wagtail.models import Revision

from workflows.tasks import specific_object

from .objects import scan_object
from .task import CLEAR
from .text import active_terms

SCHEDULE_HELD = "ceti.secrecy.schedule_held"


def _cleared(obj, revision):
    return registry.get_logs_for_instance(obj).filter(action=CLEAR, revision=revision).exists()


def hold_due_revisions_with_hits(*, now=None):
    """Take every due scheduled revision with a hit off the schedule; return (object, hits) pairs."""
    now = now or timezone.now()
    terms = active_terms()
    held = []
    for revision in Revision.objects.filter(approved_go_live_at__lt=now).order_by("pk"):
        obj = specific_object(revision.as_object())
        hits = scan_object(obj, terms=terms)
        if not hits or _cleared(obj, revision):
            continue
        revision.approved_go_live_at = None
        revision.save(update_fields=["approved_go_live_at"])
        log(
            instance=obj,
            action=SCHEDULE_HELD,
            revision=revision,
            data={"findings": [asdict(hit) for hit in hits]},
        )
        held.append((obj, hits))
    if held:
        _tell_administrators(held)
    return held


def _tell_administrators(held):
    recipients = list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    lines = [
        _(
            "以下定时发布的内容在上线前复查时发现疑似涉密内容，已取消定时发布并保留为草稿，请提交审核，由保密审查人决定："
        ),
        "",
    ]
    for obj, hits in held:
        places = "；".join(f"{hit.source}：{hit.context}" for hit in hits[:5])
        lines.append(f"《{obj}》 {places}")
    send_mail(
        subject=_("定时发布已暂停：发现疑似涉密内容"),
        message="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )


def register_log_actions(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action(SCHEDULE_HELD)
    class ScheduleHeldFormatter(LogFormatter):
        label = gettext_lazy("保密审查：取消定时发布")

        def format_message(self, log_entry):
            count = len((log_entry.data or {}).get("findings") or [])
            return _("上线前复查发现 %(count)s 处疑似涉密内容，已取消定时发布") % {"count": count}
