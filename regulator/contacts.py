"""联系表: the form a group company's administrator files, and the log of every change.

Rules: a draft may be partial, but whatever is filled must be a valid phone
number or email address; 报送 (filing) needs all three contacts complete, and
a filed 联系表 stays complete on every later update. Each save that changes
something writes one ``ContactChange`` with the old and new value of every
changed field, so the history answers "who changed the phone number, when".
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Contact, ContactChange, ContactRegistration
from .models.contacts import ContactRole

Status = ContactRegistration.Status
FIELDS = Contact.FIELDS
# Full-width digits and dashes typed with a Chinese input method, read as ASCII.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９＋－—（）", "0123456789+--()")


class ContactForm(forms.ModelForm):
    """One contact of the 联系表; ``require_complete`` when it is filed."""

    class Meta:
        model = Contact
        fields = list(FIELDS)

    def __init__(self, *args, require_complete=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.require_complete = require_complete
        for field in self.fields.values():
            field.required = False

    def clean_phone(self):
        value = (self.cleaned_data.get("phone") or "").translate(_FULL_WIDTH)
        return "".join(value.split())

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = value.strip()
        if self.require_complete:
            for name in FIELDS:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(
                        name,
                        gettext("报送前请填写%(field)s。")
                        % {"field": Contact._meta.get_field(name).verbose_name},
                    )
        return cleaned


def contact_forms(enterprise, data=None, *, require_complete=False):
    """One form per contact role, prefixed with the role, filled from the stored 联系表."""
    registration = ContactRegistration.objects.filter(enterprise=enterprise).first()
    stored = {c.role: c for c in registration.contacts.all()} if registration else {}
    return {
        role: ContactForm(
            data,
            prefix=role,
            instance=stored.get(role) or Contact(role=role),
            require_complete=require_complete,
        )
        for role in ContactRole.values
    }


def _snapshot(registration):
    values = {role: dict.fromkeys(FIELDS, "") for role in ContactRole.values}
    for contact in registration.contacts.all():
        values[contact.role] = {name: getattr(contact, name) for name in FIELDS}
    return values


@transaction.atomic
def save_registration(*, enterprise, forms_by_role, user, file=False):
    """Store the valid forms as ``enterprise``'s 联系表; returns ``(registration, changes)``.

    ``file`` files it (the forms were validated as complete). Nothing is
    logged when nothing changed.
    """
    registration, _created = ContactRegistration.objects.select_for_update().get_or_create(
        enterprise=enterprise
    )
    before = _snapshot(registration)
    changes = []
    stored = {c.role: c for c in registration.contacts.all()}
    for role, form in forms_by_role.items():
        new = {name: form.cleaned_data.get(name, "") or "" for name in FIELDS}
        for name in FIELDS:
            if before[role][name] != new[name]:
                changes.append(
                    {"role": role, "field": name, "old": before[role][name], "new": new[name]}
                )
        contact = stored.get(role)
        if any(new.values()):
            contact = contact or Contact(registration=registration, role=role)
            for name, value in new.items():
                setattr(contact, name, value)
            contact.save()
        elif contact is not None:
            contact.delete()
    action = ContactChange.Action.SAVE
    if file or registration.is_filed:
        if not registration.is_filed:
            changes.append(
                {"role": "", "field": "status", "old": registration.status, "new": Status.FILED}
            )
            action = ContactChange.Action.FILE
            registration.status = Status.FILED
        registration.filed_at = registration.filed_at or timezone.now()
    if changes:
        registration.updated_by = user
        registration.save()
        ContactChange.objects.create(
            registration=registration, user=user, action=action, changes=changes
        )
    return registration, changes


# --- reading the history --------------------------------------------------------------


@dataclass
class ChangeLine:
    label: str
    old: str
    new: str


def describe(change):
    """The lines of one ``ContactChange``, labelled in the reader's language."""
    roles = dict(ContactRole.choices)
    statuses = dict(Status.choices)
    lines = []
    for item in change.changes:
        if item.get("field") == "status":
            lines.append(
                ChangeLine(
                    str(_("状态")),
                    str(statuses.get(item.get("old"), item.get("old") or "")),
                    str(statuses.get(item.get("new"), item.get("new") or "")),
                )
            )
            continue
        try:
            field_label = Contact._meta.get_field(item.get("field")).verbose_name
        except FieldDoesNotExist:  # a field since removed: show its name
            field_label = item.get("field")
        role_label = roles.get(item.get("role"), item.get("role"))
        lines.append(
            ChangeLine(
                f"{role_label} · {field_label}", item.get("old") or "", item.get("new") or ""
            )
        )
    return lines


def change_user_display(change):
    user = change.user
    if user is None:
        return gettext("已删除的用户")
    full_name = f"{user.last_name}{user.first_name}".strip()
    return f"{full_name}（{user.get_username()}）" if full_name else user.get_username()
