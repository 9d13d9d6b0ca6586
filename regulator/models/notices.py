"""回执: a group company's confirmation that it received a regulator notice.

What a notice asks for is already on ``pages.NoticePage`` and goes through
review with it: its 截止日期 (``deadline``) is the date by which the targeted
group companies must acknowledge, and its 发送范围 (``target_enterprises``,
empty = every group company) says who. A notice without a deadline asks for
no 回执. Keeping those two on the page, rather than copying them into a model
here, means the published notice and the acknowledgement rule can never
disagree; the acknowledgements themselves are not content (no revisions, no
translation, never public), so they live here, keyed to the Chinese page.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeAcknowledgement(models.Model):
    """One group company's 回执 of one notice: who confirmed it, when, with an optional note.

    One per notice and group company (a second click changes nothing); the
    person is kept as a foreign key so that the regulator can call them, and
    the row survives the account (``SET_NULL``). Deleting the notice deletes
    its acknowledgements: they answer a notice that no longer exists.
    """

    notice = models.ForeignKey(
        "pages.NoticePage",
        verbose_name=_("通知"),
        on_delete=models.CASCADE,
        related_name="acknowledgements",
    )
    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("集团公司"),
        on_delete=models.CASCADE,
        limit_choices_to={"level": "group"},
        related_name="notice_acknowledgements",
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("回执人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("回执时间"), default=timezone.now, db_index=True)
    note = models.TextField(
        _("备注"),
        max_length=500,
        blank=True,
        help_text=_("可选，如：已转发所属企业，联系人张三。不超过 500 字。"),
    )

    class Meta:
        verbose_name = _("通知回执")
        verbose_name_plural = _("通知回执")
        ordering = ["-acknowledged_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "enterprise"], name="one_acknowledgement_per_notice_and_group"
            )
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.notice}"

    @property
    def acknowledged_on(self):
        """The Beijing date of the 回执, the one the deadline is compared with."""
        return timezone.localtime(self.acknowledged_at).date()

    def is_late(self, deadline):
        return deadline is not None and self.acknowledged_on > deadline
