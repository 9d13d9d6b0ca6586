"""首次登写: a spreadsheet of listings uploaded for bulk registration."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import ListingKind


class ListingImport(models.Model):
    """One uploaded XLSX file and how its import went.

    All or nothing: with any invalid row nothing is written and ``errors``
    lists each row, column and reason; otherwise every row becomes a draft of
    its enterprise submitted for review. The row is what the progress page
    polls while a background task works on it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("等待处理")
        VALIDATING = "validating", _("正在校验")
        INVALID = "invalid", _("校验未通过")
        IMPORTING = "importing", _("正在导入")
        DONE = "done", _("已导入")
        FAILED = "failed", _("处理失败")

    kind = models.CharField(_("类型"), max_length=20, choices=ListingKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("所属企业"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file = models.FileField(_("文件"), upload_to="listing-imports/%Y/%m/", blank=True)
    filename = models.CharField(_("文件名"), max_length=255, blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    secrecy_declared = models.BooleanField(_("已确认保密声明"), default=False)
    total_rows = models.PositiveIntegerField(_("总行数"), default=0)
    processed_rows = models.PositiveIntegerField(_("已处理行数"), default=0)
    imported_count = models.PositiveIntegerField(_("导入条数"), default=0)
    errors = models.JSONField(_("错误"), default=list, blank=True)
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("批量导入")
        verbose_name_plural = _("批量导入")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.filename}"
