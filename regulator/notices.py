"""Notices with acknowledgement (通知回执): which notices ask whom, and the act of acknowledging.

A notice asks for a 回执 when it is live, in the Chinese tree (an English
translation is the same notice, not a second one to acknowledge) and has a
截止日期; it asks every group company when its 发送范围 is empty, otherwise
the group companies chosen there. Everything here reads the live page, so a
draft change of the deadline or targets counts only once it is published.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pages.models import NoticePage
from snippets.models import Enterprise

from .models import NoticeAcknowledgement

NOTE_MAX_LENGTH = NoticeAcknowledgement._meta.get_field("note").max_length


class AcknowledgementRefused(Exception):
    """Why an acknowledgement was not recorded, in words the user reads."""


def notices_asking_for_receipts():
    """Live Chinese notices with a deadline: those that ask their targets for a 回执."""
    return NoticePage.objects.live().filter(locale=Locale.get_default(), deadline__isnull=False)


def _targets_through():
    return NoticePage.target_enterprises.through


def addressed_to_q(enterprise_id):
    """Notices sent to ``enterprise_id``: to every group (no targets chosen) or to it by name."""
    through = _targets_through()
    any_target = through.objects.filter(noticepage_id=models.OuterRef("pk"))
    this_target = any_target.filter(enterprise_id=enterprise_id)
    return ~models.Exists(any_target) | models.Exists(this_target)


def pending_notices(enterprise):
    """Notices ``enterprise`` has still to acknowledge, the soonest deadline first."""
    acknowledged = NoticeAcknowledgement.objects.filter(
        notice_id=models.OuterRef("pk"), enterprise=enterprise
    )
    return (
        notices_asking_for_receipts()
        .filter(addressed_to_q(enterprise.pk))
        .exclude(models.Exists(acknowledged))
        .order_by("deadline", "-issued_on", "pk")
    )


def is_addressed_to(notice, enterprise):
    return (
        notices_asking_for_receipts()
        .filter(pk=notice.pk)
        .filter(addressed_to_q(enterprise.pk))
        .exists()
    )


def acknowledge(*, notice_id, enterprise, user, note=""):
    """Record ``enterprise``'s 回执 of the notice; returns ``(acknowledgement, created)``.

    Idempotent: a second acknowledgement of the same notice by the same group
    (by the same person or a colleague, or two clicks racing) returns the
    first one, unchanged. Raises ``AcknowledgementRefused`` with the reason
    when the notice is gone, withdrawn, asks for no 回执 or was not sent to
    ``enterprise``. Whether ``user`` may speak for ``enterprise`` is the
    caller's question (``regulator.access.acknowledging_groups``).
    """
    note = (note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise AcknowledgementRefused(
            gettext("备注不能超过 %(max)s 字。") % {"max": NOTE_MAX_LENGTH}
        )
    notice = NoticePage.objects.filter(pk=notice_id).first()
    if notice is None:
        raise AcknowledgementRefused(gettext("该通知不存在或已被删除，无需回执。"))
    if not notice.live:
        raise AcknowledgementRefused(gettext("该通知已撤回，无需回执。"))
    if notice.deadline is None or notice.locale_id != Locale.get_default().pk:
        raise AcknowledgementRefused(gettext("该通知不要求回执。"))
    if not is_addressed_to(notice, enterprise):
        raise AcknowledgementRefused(
            gettext("该通知未发送给%(group)s，无需回执。") % {"group": enterprise.name}
        )
    existing = NoticeAcknowledgement.objects.filter(notice=notice, enterprise=enterprise).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return (
                NoticeAcknowledgement.objects.create(
                    notice=notice, enterprise=enterprise, acknowledged_by=user, note=note
                ),
                True,
            )
    except IntegrityError:
        # Two clicks at once: the other one was recorded first.
        return NoticeAcknowledgement.objects.get(notice=notice, enterprise=enterprise), False


# --- the regulator's view ---------------------------------------------------------------


class Status:
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"

    LABELS = {
        ON_TIME: _("已回执"),
        LATE: _("逾期回执"),
        PENDING: _("未回执"),
        OVERDUE: _("逾期未回执"),
    }


def status_of(acknowledgement, deadline, today):
    if acknowledgement is not None:
        return Status.LATE if acknowledgement.is_late(deadline) else Status.ON_TIME
    return Status.OVERDUE if deadline is not None and today > deadline else Status.PENDING


def is_overdue(deadline, today=None):
    return deadline is not None and (today or timezone.localdate()) > deadline


@dataclass
class ReceiptRow:
    """One targeted group company's 回执 of one notice, as on screen and in the XLSX."""

    notice: NoticePage
    enterprise: Enterprise
    acknowledgement: NoticeAcknowledgement | None
    status: str

    @property
    def status_label(self):
        return str(Status.LABELS[self.status])

    @property
    def enterprise_name(self):
        return self.enterprise.name

    @property
    def acknowledged_by(self):
        if self.acknowledgement is None:
            return ""
        return user_display(self.acknowledgement)

    @property
    def acknowledged_at(self):
        return self.acknowledgement.acknowledged_at if self.acknowledgement else None

    @property
    def note(self):
        return self.acknowledgement.note if self.acknowledgement else ""

    @property
    def is_overdue(self):
        return self.status == Status.OVERDUE

    @property
    def is_late(self):
        return self.status == Status.LATE


def user_display(acknowledgement):
    user = acknowledgement.acknowledged_by
    if user is None:
        return gettext("已删除的用户")
    full_name = f"{user.last_name}{user.first_name}".strip()
    username = user.get_username()
    return f"{full_name}（{username}）" if full_name else username


@dataclass
class NoticeSummary:
    """A notice with its targets' 回执 counted, one row of the regulator's report."""

    notice: NoticePage
    targets: list
    acknowledgements: dict  # enterprise id -> NoticeAcknowledgement
    today: datetime.date

    @property
    def title(self):
        return self.notice.title

    @property
    def doc_number(self):
        return self.notice.doc_number

    @property
    def issued_on(self):
        return self.notice.issued_on

    @property
    def deadline(self):
        return self.notice.deadline

    @property
    def scope_label(self):
        if self.notice._targets_all:
            return gettext("全部集团公司")
        return "、".join(e.short_name or e.name for e in self.targets)

    @property
    def rows(self):
        return [
            ReceiptRow(
                notice=self.notice,
                enterprise=enterprise,
                acknowledgement=(ack := self.acknowledgements.get(enterprise.pk)),
                status=status_of(ack, self.deadline, self.today),
            )
            for enterprise in self.targets
        ]

    @property
    def target_count(self):
        return len(self.targets)

    @property
    def acknowledged_count(self):
        return sum(1 for e in self.targets if e.pk in self.acknowledgements)

    @property
    def late_count(self):
        return sum(
            1
            for e in self.targets
            if e.pk in self.acknowledgements and self.acknowledgements[e.pk].is_late(self.deadline)
        )

    @property
    def missing_count(self):
        return self.target_count - self.acknowledged_count

    @property
    def overdue_count(self):
        return self.missing_count if is_overdue(self.deadline, self.today) else 0

    @property
    def is_overdue(self):
        return self.overdue_count > 0


def summarise(notices, *, today=None):
    """NoticeSummaries of ``notices`` in a constant number of queries, whatever their number."""
    notices = list(notices)
    today = today or timezone.localdate()
    all_groups = list(Enterprise.objects.groups())
    through = _targets_through()
    chosen = {}
    for notice_id, enterprise_id in through.objects.filter(
        noticepage_id__in=[n.pk for n in notices]
    ).values_list("noticepage_id", "enterprise_id"):
        chosen.setdefault(notice_id, set()).add(enterprise_id)
    acknowledgements = {}
    for ack in NoticeAcknowledgement.objects.filter(notice__in=notices).select_related(
        "acknowledged_by"
    ):
        acknowledgements.setdefault(ack.notice_id, {})[ack.enterprise_id] = ack
    summaries = []
    for notice in notices:
        ids = chosen.get(notice.pk)
        notice._targets_all = not ids
        targets = all_groups if not ids else [e for e in all_groups if e.pk in ids]
        summaries.append(
            NoticeSummary(
                notice=notice,
                targets=targets,
                acknowledgements=acknowledgements.get(notice.pk, {}),
                today=today,
            )
        )
    return summaries
