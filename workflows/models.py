"""Models of the review workflow.

``SensitiveTerm`` is the list of sensitive terms that the confidentiality check
(保密审查, ``workflows.secrecy``) looks for on top of the built-in
classification markings.
"""

from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager


class SensitiveTerm(models.Model):
    """A term that must not go online, maintained by the regulator in the admin.

    涉密信息不能上网 (DESIGN.md §1): before anything is published, text and
    attached documents are scanned for the classification markings built into
    ``workflows.secrecy`` (绝密, 机密, 秘密★… — not editable) and for every
    active term of this list: names of classified projects, code names,
    commercial secrets the regulator has been told about. A hit stops the item
    for a human decision; the scan is the safety net under that decision,
    never a replacement for it. Deactivate a term rather than deleting it, so
    that the list keeps its history.
    """

    class Category(models.TextChoices):
        MARKING = "marking", _("密级标志")
        SECRET_MATTER = "secret_matter", _("涉密事项")
        COMMERCIAL = "commercial", _("商业秘密")
        OTHER = "other", _("其他")

    term = models.CharField(
        _("敏感词"),
        max_length=100,
        unique=True,
        help_text=_(
            "需要拦截的词语，如涉密项目名称、代号。匹配时忽略空格和全角/半角差别，"
            "不区分英文大小写；词语越具体，误报越少。"
        ),
    )
    category = models.CharField(
        _("类别"),
        max_length=20,
        choices=Category.choices,
        default=Category.SECRET_MATTER,
        db_index=True,
    )
    note = models.TextField(
        _("说明"),
        blank=True,
        help_text=_("为什么列入此词、依据的文件，供审核人员判断是否误报。"),
    )
    is_active = models.BooleanField(
        _("启用"),
        default=True,
        help_text=_("停用后不再检查此词，但保留记录；请停用而不要删除。"),
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")
        ordering = ["term"]

    def __str__(self):
        return self.term


class EnterpriseRole(models.Model):
    """Which Wagtail group grants which role in which enterprise (DESIGN.md §1, §3).

    Provisioning creates one group per role of an enterprise and records it
    here, so that review, permissions and reports ask "who reviews for this
    group company?" through one table instead of parsing group names. A row
    with no enterprise is a role of the regulator (国资委规划局 / 信息中心),
    whose reviewers approve regulator content (notices, trends).
    """

    class Role(models.TextChoices):
        EDITOR = "editor", _("编辑")
        REVIEWER = "reviewer", _("审核员")
        ADMIN = "admin", _("管理员")

    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("企业"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
        help_text=_("留空表示监管机构的角色。"),
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("用户组"),
        on_delete=models.CASCADE,
        related_name="enterprise_role",
    )

    class Meta:
        verbose_name = _("企业角色")
        verbose_name_plural = _("企业角色")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "role"],
                condition=models.Q(enterprise__isnull=False),
                name="one_group_per_enterprise_role",
            ),
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(enterprise__isnull=True),
                name="one_group_per_regulator_role",
            ),
        ]

    def __str__(self):
        owner = self.enterprise.short_name if self.enterprise_id else _("监管机构")
        return f"{owner} · {self.get_role_display()}"


class AccountLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Entries about the accounts ``user`` may manage, and nobody else's.

        Wagtail shows a model's log entries to anyone holding a permission on
        the model; group administrators hold the user permissions, so Wagtail's
        own rule would show them every group's account changes in 站点历史.
        Wagtail's rule is not reused: it caches the allowed content types on
        the user under one attribute shared by every log model, computed from
        whichever log table is asked first.
        """
        if user.is_superuser:
            return self.all()
        from .accounts import manageable_users

        ids = manageable_users(user).annotate(_id_text=Cast("pk", models.CharField()))
        return self.filter(object_id__in=ids.values("_id_text"))


class AccountLogEntry(BaseLogEntry):
    """The audit log of user accounts, kept apart so that its visibility follows account scoping."""

    object_id = models.CharField(max_length=255, blank=False, db_index=True)

    objects = AccountLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("账号操作记录")
        verbose_name_plural = _("账号操作记录")


# The review tasks live in their own modules; importing them here registers the models.
from .secrecy.task import SecrecyCheckTask, SecrecyCheckTaskState  # noqa: E402, F401
from .tasks import GroupReviewTask  # noqa: E402, F401
