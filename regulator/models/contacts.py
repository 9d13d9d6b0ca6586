"""联系表: each group company's platform contacts, filed online instead of by fax.

Three contacts per group company — 子平台负责人, 科技部门负责人, 系统管理员 —
kept current by the group's administrator and read by the regulator. They are
personal data and never public: these models are not indexed for search, not
in the API or the sitemaps, and every view of them is in the admin, scoped by
``regulator.access``. Each change is logged (``ContactChange``) with its author
and the old and new values, so that the regulator can see who changed what.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# A mobile number (11 digits, optionally +86) or a landline with its area code
# and an optional extension: what the regulator dials from a Chinese office.
PHONE_PATTERN = r"^(?:(?:\+86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$"
phone_validator = RegexValidator(
    PHONE_PATTERN,
    message=_(
        "请填写有效的电话号码：手机号为 11 位数字（如 13812345678），"
        "固定电话带区号（如 010-12345678，分机用“-”连接：010-12345678-801）。"
    ),
    code="invalid_phone",
)


class ContactRole(models.TextChoices):
    LEAD = "lead", _("子平台负责人")
    ST_HEAD = "st_head", _("科技部门负责人")
    SYSADMIN = "sysadmin", _("系统管理员")


class ContactRegistration(models.Model):
    """A group company's 联系表: its status and, through ``contacts``, the three people.

    报送 (filed) needs all three contacts complete; a draft may be partial.
    A filed registration stays filed when it is updated, and every update must
    keep it complete, so the regulator never reads a filed 联系表 with a gap.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        FILED = "filed", _("已报送")

    enterprise = models.OneToOneField(
        "snippets.Enterprise",
        verbose_name=_("集团公司"),
        on_delete=models.CASCADE,
        limit_choices_to={"level": "group"},
        related_name="contact_registration",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    filed_at = models.DateTimeField(_("首次报送时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("最后更新"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("最后更新人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("联系表")
        verbose_name_plural = _("联系表")
        ordering = ["enterprise__sort_order", "enterprise__code"]

    def __str__(self):
        return f"{self.enterprise} · {self.get_status_display()}"

    @property
    def is_filed(self):
        return self.status == self.Status.FILED


class Contact(models.Model):
    """One contact of a group company's 联系表: name, post, phone and email."""

    registration = models.ForeignKey(
        ContactRegistration,
        verbose_name=_("联系表"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    role = models.CharField(_("联系人类别"), max_length=20, choices=ContactRole.choices)
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    post = models.CharField(
        _("职务"), max_length=100, blank=True, help_text=_("部门和职务，如：科技部主任。")
    )
    phone = models.CharField(
        _("电话"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_("手机或带区号的固定电话，如：13812345678、010-12345678。"),
    )
    email = models.EmailField(_("电子邮箱"), blank=True)

    FIELDS = ("name", "post", "phone", "email")

    class Meta:
        verbose_name = _("联系人")
        verbose_name_plural = _("联系人")
        ordering = ["registration", "role"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "role"], name="one_contact_per_role")
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"

    @property
    def is_complete(self):
        return all(getattr(self, field) for field in self.FIELDS)


class ContactChange(models.Model):
    """One saved change of a 联系表: who, when, and every field's old and new value.

    ``changes`` is a list of ``{"role": …, "field": …, "old": …, "new": …}``
    (``role`` empty for the status); labels are resolved when shown, so the
    log reads right in either interface language.
    """

    class Action(models.TextChoices):
        SAVE = "save", _("保存")
        FILE = "file", _("报送")

    registration = models.ForeignKey(
        ContactRegistration,
        verbose_name=_("联系表"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    timestamp = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    changes = models.JSONField(_("修改内容"), default=list)

    class Meta:
        verbose_name = _("联系表修改记录")
        verbose_name_plural = _("联系表修改记录")
        ordering = ["-timestamp", "-pk"]

    def __str__(self):
        return f"{self.registration.enterprise} · {self.timestamp:%Y-%m-%d %H:%M}"
