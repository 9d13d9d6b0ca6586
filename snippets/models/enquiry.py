"""对接意向: a reader's enquiry about a listing, sent through the platform."""

from django.core.validators import MinLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .listing import PHONE_VALIDATOR, text_limit


class Enquiry(models.Model):
    """Stored before it is mailed, so that nothing a reader sent is lost to a mail outage.

    The enterprise is copied from the listing so that scoping survives the
    listing's deletion; the title is a snapshot for the same reason. No raw IP
    address is kept: ``ip_hash`` (HMAC with the secret key) is enough to rate-limit.
    """

    class Status(models.TextChoices):
        NEW = "new", _("新")
        CONTACTED = "contacted", _("已联系")
        CLOSED = "closed", _("已关闭")

    listing = models.ForeignKey(
        "snippets.Listing",
        verbose_name=_("资源信息"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    listing_title = models.CharField(_("信息名称"), max_length=100)
    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("所属企业"),
        on_delete=models.CASCADE,
        related_name="enquiries",
    )
    name = models.CharField(_("姓名"), max_length=50)
    organisation = models.CharField(_("单位"), max_length=100)
    phone = models.CharField(_("电话"), max_length=30, validators=[PHONE_VALIDATOR])
    email = models.EmailField(_("邮箱"))
    message = models.TextField(
        _("需求说明"), validators=[MinLengthValidator(10), *text_limit(2000)]
    )
    consent = models.BooleanField(_("同意将以上信息提供给发布企业"), default=False)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True, db_index=True)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(
        _("处理状态"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )

    class Meta:
        verbose_name = _("对接意向")
        verbose_name_plural = _("对接意向")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["enterprise", "-created_at"], name="enquiry_enterprise")]

    def __str__(self):
        return f"{self.listing_title} · {self.organisation}"
