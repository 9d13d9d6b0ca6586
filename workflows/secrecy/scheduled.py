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

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Revision

from workflows.tasks import specific_object

from . import gate
from .text import active_terms

SCHEDULE_HELD = "ceti.secrecy.schedule_held"


def hold_due_revisions_with_hits(*, now=None):
    """Take every due scheduled revision with a hit off the schedule; return (object, hits) pairs.

    Who scheduled it was asked when it was scheduled (the workflow, or the
    platform administrator's 发布 with a go-live time); here the gate's scan
    is asked again, honouring a clearance of this very revision.
    """
    now = now or timezone.now()
    terms = active_terms()
    held = []
    for revision in Revision.objects.filter(approved_go_live_at__lt=now).order_by("pk"):
        obj = specific_object(revision.as_object())
        hits = gate.uncleared_hits(obj, revision=revision, terms=terms)
        if not hits:
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
    gate.tell_administrators(
        subject=_("定时发布已暂停：发现疑似涉密内容"),
        intro=_(
            "以下定时发布的内容在上线前复查时发现疑似涉密内容，已取消定时发布并保留为草稿，请提交审核，由保密审查人决定："
        ),
        held=held,
    )


def register_log_actions(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action(SCHEDULE_HELD)
    class ScheduleHeldFormatter(LogFormatter):
        label = gettext_lazy("保密审查：取消定时发布")

        def format_message(self, log_entry):
            count = len((log_entry.data or {}).get("findings") or [])
            return _("上线前复查发现 %(count)s 处疑似涉密内容，已取消定时发布") % {"count": count}
