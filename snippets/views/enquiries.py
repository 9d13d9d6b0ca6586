"""对接意向 in the admin: read-only, each enterprise sees only the enquiries about its own listings.

An enquiry carries a reader's name, phone and e-mail, so it is shown to the
people who answer for the listing and nobody else: the editors of the
listing's enterprise and the reviewers of its group — the same rows the
listing policy lets them see (``visible_listings_q`` on ``Enquiry.enterprise``).
Platform administrators see all. Nobody edits or deletes an enquiry here: it
is the record of what a reader sent. Another enterprise's enquiry is a 404.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from snippets.models import Enquiry
from workflows.listing_policy import reviewed_group_ids, visible_listings_q, writable_enterprise_ids


def visible_enquiries(user):
    """Enquiries ``user`` may read: about their enterprises' listings or their groups'."""
    qs = Enquiry.objects.all()
    if not (user.is_authenticated and user.is_active):
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(visible_listings_q(user, field="enterprise"))


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Read-only for everyone; "view" for platform administrators, editors and reviewers of enterprises.

    No Django permission is needed (provisioning grants none): holding an
    editor or reviewer role in an enterprise is what lets one read its enquiries.
    """

    def _may_view(self, user):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return bool(writable_enterprise_ids(user) or reviewed_group_ids(user))

    def user_has_permission(self, user, action):
        return action == "view" and self._may_view(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self._may_view(user)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).none()

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and visible_enquiries(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return "view" in actions and self.user_has_permission_for_instance(user, "view", instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return Enquiry.objects.none()
        return visible_enquiries(user)


class EnquiryIndexView(IndexView):
    def get_base_queryset(self):
        return visible_enquiries(self.request.user).select_related("enterprise")


class EnquiryInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(visible_enquiries(self.request.user), pk=self.pk)


class EnquiryViewSet(ModelViewSet):
    model = Enquiry
    icon = "mail"
    menu_label = _("对接意向")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_filter = ["status"]
    list_display = [
        "listing_title",
        "organisation",
        "name",
        Column("enterprise", label=_("所属企业"), accessor="enterprise"),
        DateColumn("created_at", label=_("提交时间")),
        "status",
    ]
    inspect_view_fields = [
        "listing_title",
        "enterprise",
        "name",
        "organisation",
        "phone",
        "email",
        "message",
        "created_at",
        "status",
    ]
    # The edit view exists in Wagtail's URLs but the policy refuses it to everyone.
    form_fields = ["status"]
