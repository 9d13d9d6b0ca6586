"""Admin views of the 联系表.

The regulator reads every group company's 联系表 in one list (groups that have
not filed included, so nobody is missed) and exports it; a group's
administrator lands on their own group's form. Another group's 联系表 is a 404
for a group administrator, on every URL; nothing here is reachable anonymously.
"""

from dataclasses import dataclass

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView

from snippets.models import Enterprise

from .. import access
from ..contacts import change_user_display, contact_forms, describe, save_registration
from ..export import RegulatorExportMixin
from ..models import Contact, ContactChange, ContactRegistration
from ..models.contacts import ContactRole

NOT_FILED = "none"


def visible_groups(user):
    """The group companies whose 联系表 ``user`` may read."""
    if access.sees_all_contacts(user):
        return Enterprise.objects.groups()
    return access.contact_groups(user)


@dataclass
class ContactRow:
    """One contact of one group company, as on screen and in the XLSX."""

    enterprise: Enterprise
    registration: ContactRegistration | None
    role: str
    contact: Contact | None

    @property
    def enterprise_name(self):
        return self.enterprise.name

    @property
    def status(self):
        return self.registration.status if self.registration else NOT_FILED

    @property
    def status_label(self):
        if self.registration is None:
            return gettext("未填报")
        return self.registration.get_status_display()

    @property
    def role_label(self):
        return str(ContactRole(self.role).label)

    def _value(self, name):
        return getattr(self.contact, name) if self.contact else ""

    @property
    def name(self):
        return self._value("name")

    @property
    def post(self):
        return self._value("post")

    @property
    def phone(self):
        return self._value("phone")

    @property
    def email(self):
        return self._value("email")

    @property
    def updated_at(self):
        return self.registration.updated_at if self.registration else None


def contact_rows(enterprises):
    rows = []
    for enterprise in enterprises:
        registration = getattr(enterprise, "contact_registration", None)
        contacts = {c.role: c for c in registration.contacts.all()} if registration else {}
        for role in ContactRole.values:
            rows.append(ContactRow(enterprise, registration, role, contacts.get(role)))
    return rows


class ContactFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("状态"),
        method="filter_status",
        choices=[(NOT_FILED, _("未填报")), *ContactRegistration.Status.choices],
        empty_label=_("全部"),
    )

    class Meta:
        model = Enterprise
        fields = []

    def filter_status(self, queryset, name, value):
        if value == NOT_FILED:
            return queryset.filter(contact_registration__isnull=True)
        return queryset.filter(contact_registration__status=value)


class GroupPaginator(WagtailPaginator):
    """Pages count group companies, three rows each."""

    # Wagtail writes "1 <verbose_name>" and "n <verbose_name_plural>": one Chinese
    # word, two English ones.
    verbose_name = pgettext_lazy("one", "家集团公司")
    verbose_name_plural = _("家集团公司")


class ContactListView(RegulatorExportMixin, ReportView):
    """Every group company's three contacts; groups that have filed nothing say so."""

    page_title = _("联系表")
    header_icon = "group"
    results_template_name = "regulator/contacts/list_results.html"
    filterset_class = ContactFilterSet
    index_url_name = "regulator_contacts"
    index_results_url_name = "regulator_contacts_results"
    paginate_by = 50
    paginator_class = GroupPaginator
    datetime_fields = ("updated_at",)
    list_export = [
        "enterprise_name",
        "status_label",
        "role_label",
        "name",
        "post",
        "phone",
        "email",
        "updated_at",
    ]
    export_headings = {
        "enterprise_name": _("集团公司"),
        "status_label": _("状态"),
        "role_label": _("联系人类别"),
        "name": _("姓名"),
        "post": _("职务"),
        "phone": _("电话"),
        "email": _("电子邮箱"),
        "updated_at": _("最后更新"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not access.sees_all_contacts(request.user):
            own = list(access.contact_groups(request.user)[:2])
            if not own:
                return permission_denied(request, PermissionDenied())
            if len(own) == 1 and not self.results_only:
                return redirect("regulator_contact_registration", own[0].pk)
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "ceti-contacts-{}".format(timezone.localdate().strftime("%Y%m%d"))

    def get_queryset(self):
        return (
            visible_groups(self.request.user)
            .select_related("contact_registration")
            .prefetch_related(
                Prefetch("contact_registration__contacts", queryset=Contact.objects.all())
            )
            .order_by("sort_order", "code")
        )

    def decorate_paginated_queryset(self, object_list):
        return contact_rows(object_list)


@require_http_methods(["GET", "POST"])
def contact_registration(request, enterprise_id):
    """One group company's 联系表: the form for its administrators, read-only for the regulator."""
    editable = access.contact_groups(request.user)
    sees_all = access.sees_all_contacts(request.user)
    if not sees_all and not editable.exists():
        return permission_denied(request, PermissionDenied())
    enterprise = visible_groups(request.user).filter(pk=enterprise_id).first()
    if enterprise is None:
        raise Http404
    can_edit = editable.filter(pk=enterprise.pk).exists()
    registration = ContactRegistration.objects.filter(enterprise=enterprise).first()
    filed = registration is not None and registration.is_filed

    forms_by_role = None
    if request.method == "POST":
        if not can_edit:
            return permission_denied(request, PermissionDenied())
        file = request.POST.get("action") == "file"
        forms_by_role = contact_forms(enterprise, request.POST, require_complete=file or filed)
        if all(form.is_valid() for form in forms_by_role.values()):
            _registration, changes = save_registration(
                enterprise=enterprise, forms_by_role=forms_by_role, user=request.user, file=file
            )
            if not changes:
                messages.info(request, gettext("联系表没有修改。"))
            elif file and not filed:
                messages.success(request, gettext("联系表已报送。"))
            else:
                messages.success(request, gettext("联系表已保存。"))
            return redirect("regulator_contact_registration", enterprise.pk)
        messages.error(
            request,
            gettext("联系表未保存：报送需要三位联系人的全部信息，请改正下面标出的错误。")
            if file or filed
            else gettext("联系表未保存：请改正下面标出的错误。"),
        )
    elif can_edit:
        forms_by_role = contact_forms(enterprise)

    contacts = {c.role: c for c in registration.contacts.all()} if registration else {}
    history = (
        ContactChange.objects.filter(registration__enterprise=enterprise).select_related("user")[
            :50
        ]
        if registration
        else []
    )
    return TemplateResponse(
        request,
        "regulator/contacts/registration.html",
        {
            "enterprise": enterprise,
            "registration": registration,
            "filed": filed,
            "can_edit": can_edit,
            "sections": [
                {
                    "role": role,
                    "label": label,
                    "form": forms_by_role[role] if forms_by_role else None,
                    "contact": contacts.get(role),
                }
                for role, label in ContactRole.choices
            ],
            "history": [
                {"change": change, "user": change_user_display(change), "lines": describe(change)}
                for change in history
            ],
            "list_url": reverse("regulator_contacts") if sees_all else None,
        },
    )
