"""The admin form of every listing type."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from workflows.forms import SecrecyDeclarationFormMixin


def writable_enterprises(user):
    """Enterprises ``user`` may create listings for (platform administrators: all).

    The same rule as the row-level policy (``writable_enterprise_ids``), which
    the form, the import and the API all ask through this function.
    """
    from snippets.models import Enterprise
    from workflows.listing_policy import writable_enterprise_ids

    if user is None or not user.is_authenticated or not user.is_active:
        return Enterprise.objects.none()
    if user.is_superuser:
        return Enterprise.objects.all()
    return Enterprise.objects.filter(pk__in=writable_enterprise_ids(user))


def _enterprise_choices(user):
    """``(writable_enterprises(user), pk of the only one or None)``, cached on the user object.

    A bulk import builds this form for every row of its sheet (up to
    10,000): uncached, each would ask the database three times.
    """
    if user is None:
        return writable_enterprises(user), None
    cached = getattr(user, "_ceti_enterprise_choices", None)
    if cached is None:
        enterprises = writable_enterprises(user)
        pks = list(enterprises.values_list("pk", flat=True)[:2])
        cached = (enterprises, pks[0] if len(pks) == 1 else None)
        user._ceti_enterprise_choices = cached
    return cached


class ListingForm(SecrecyDeclarationFormMixin, WagtailAdminModelForm):
    """Submitting asks for the secrecy declaration; ownership and scheduling are not the editor's to move.

    - 所属企业 offers only the enterprises the user writes for and, once
      saved, is fixed (disabled: Django ignores a posted value), so nobody
      hands a listing, and with it its reviewers, to another enterprise.
    - Scheduled publication is publishing: only the platform administrator
      sets go-live and expiry times, as for pages (pages/forms.py).
    """

    SCHEDULING_FIELDS = ("go_live_at", "expire_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        is_admin = bool(user and user.is_superuser)
        if "enterprise" in self.fields:
            field = self.fields["enterprise"]
            if self.instance.pk and not is_admin:
                field.disabled = True
            else:
                field.queryset, sole = _enterprise_choices(user)
                if sole is not None and not self.instance.pk:
                    field.initial = sole
        # A model field with a callable default (有效期至) asks Django to compare
        # against a hidden "initial-" input, which Wagtail's panels never render:
        # the field would count as changed on every post, and a reviewer's
        # 审核通过 in the editor would save a revision (see changed_data).
        for field in self.fields.values():
            field.show_hidden_initial = False
        if not is_admin:
            for name in self.SCHEDULING_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _("定时发布和到期下线由平台管理员设置。")

    def clean_tech_fields(self):
        fields = self.cleaned_data.get("tech_fields")
        if fields is not None and not 1 <= len(fields) <= 3:
            raise ValidationError(_("请选择1至3个技术领域。"))
        return fields

    @cached_property
    def changed_data(self):
        """Django's list, less fields whose value only looks different.

        Wagtail saves a revision whenever the form has changed, also when a
        reviewer only presses 审核通过 in the editor; that revision would make
        the reviewer its last editor and maker-checker would refuse them. A
        many-to-many field compares model instances with posted ids, and
        a disabled field is never a change.
        """
        result = []
        for name in super().changed_data:
            field = self.fields[name]
            if field.disabled:
                continue
            if name == "tech_fields":
                before = {str(getattr(v, "pk", v)) for v in (self[name].initial or [])}
                after = {str(getattr(v, "pk", v)) for v in (self.cleaned_data.get(name) or [])}
                if before == after:
                    continue
            result.append(name)
        return result
