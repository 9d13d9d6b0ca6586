"""Accounts of a sub-platform: Wagtail's own user views, narrowed for group administrators.

DESIGN.md §1: the group administrator (子平台系统管理员) "manages the accounts
and roles of the group and its subsidiaries: their own sub-platform, nothing
outside it". Provisioning gives the administrators' role group the user
model's add/change/delete permissions, which open Wagtail's Settings → Users
for them; this module is the one place that narrows what those views reach:

- ``assignable_groups(user)``: the role groups (``EnterpriseRole``) of the
  group companies ``user`` administers and of their subsidiaries — the only
  groups offered in the user forms and the "assign role" bulk action;
- ``manageable_users(user)``: accounts that hold at least one of those groups,
  no group outside them, no permission of their own and no superuser status.
  Index, edit, delete, history, usage and every user bulk action look
  accounts up through it, so another group's account is a 404, never a page.

Superusers (platform administrators) keep Wagtail's behaviour untouched.
Everything is wired through Wagtail's extension points, not a parallel
system: the ``wagtail.users`` app config in ``workflows.apps`` names
``AccountViewSet`` as the user viewset and registers ``AccountPermissionPolicy``
for the user model; the bulk actions below replace Wagtail's by action type.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .models import EnterpriseRole

User = get_user_model()


# --- who may manage whom: the one place -----------------------------------------------


def administered_enterprises(user):
    """Ids of the enterprises in which ``user`` is an administrator (a subquery)."""
    return EnterpriseRole.objects.filter(
        role=EnterpriseRole.Role.ADMIN, group__user=user, enterprise__isnull=False
    ).values("enterprise_id")


def assignable_groups(user):
    """Groups ``user`` may give to an account: every group for a superuser, otherwise
    the role groups of the administered group companies and of their subsidiaries.

    Never the regulator's groups, another group's, or groups outside
    ``EnterpriseRole`` (such as any a superuser created by hand).
    """
    if not (user.is_authenticated and user.is_active):
        return Group.objects.none()
    if user.is_superuser:
        return Group.objects.all()
    administered = administered_enterprises(user)
    return Group.objects.filter(
        Q(enterprise_role__enterprise__in=administered)
        | Q(enterprise_role__enterprise__parent__in=administered)
    )


def manageable_users(user):
    """Accounts ``user`` may see and change in the admin.

    For a group administrator: accounts in at least one assignable group and in
    no other group, holding no permission of their own and not superusers —
    so nobody reachable here can carry a right beyond the sub-platform (an
    administrator who could set the password of a regulator reviewer or of a
    user with a hand-granted permission would hold that right too). An
    account with no group at all belongs to no sub-platform and stays with
    the platform administrators.
    """
    users = User._default_manager.all()
    if not (user.is_authenticated and user.is_active):
        return users.none()
    if user.is_superuser:
        return users
    groups = assignable_groups(user)
    memberships = User.groups.through.objects.filter(user=OuterRef("pk"))
    own_permissions = User.user_permissions.through.objects.filter(user=OuterRef("pk"))
    return users.filter(
        Exists(memberships.filter(group__in=groups)),
        ~Exists(memberships.exclude(group__in=groups)),
        ~Exists(own_permissions),
        is_superuser=False,
    )


def can_manage(user, account):
    return manageable_users(user).filter(pk=account.pk).exists()


class AccountPermissionPolicy(ModelPermissionPolicy):
    """The user model's permissions, with instances limited to ``manageable_users``.

    Wagtail asks the policy about single accounts where it links to them (the
    admin URL finder behind the site history and other reports); those links
    get the same answer as the views below.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and can_manage(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return User._default_manager.none()
        return manageable_users(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def register_account_policy():
    """Called from the ``wagtail.users`` app config, after Wagtail registers its own."""
    register_permission_policy(User, AccountPermissionPolicy(User))


# --- forms ----------------------------------------------------------------------------


class RolesFieldMixin:
    """Offer only ``assignable_groups``; only superusers see ``is_superuser``.

    A group id outside the sub-platform is refused with a message naming the
    rule. For a group administrator at least one role is required: an account
    without one would drop out of their sub-platform the moment it is saved.
    Groups outside the offered set that the account already has are kept
    (none, for an account a group administrator can reach).
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if for_user is not None and for_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        groups = self.fields["groups"]
        groups.queryset = (
            assignable_groups(for_user) if for_user is not None else Group.objects.none()
        ).order_by("name")
        groups.required = True
        groups.label = _("角色")
        groups.help_text = _("只能选择本集团及所属企业的角色（编辑、审核员、管理员）。")
        groups.error_messages = {
            **groups.error_messages,
            "required": _("请至少选择一个本集团或所属企业的角色。"),
            "invalid_choice": _("所选用户组（编号 %(value)s）不属于本集团或所属企业，不能分配。"),
            "invalid_pk_value": _("“%(pk)s”不是有效的用户组编号。"),
        }

    def _save_m2m(self):
        kept = []
        if self.instance.pk and "groups" in self.fields:
            kept = list(self.instance.groups.exclude(pk__in=self.fields["groups"].queryset))
        super()._save_m2m()
        if kept:
            self.instance.groups.add(*kept)


class AccountCreationForm(RolesFieldMixin, UserCreationForm):
    pass


class AccountEditForm(RolesFieldMixin, UserEditForm):
    pass


# --- views ----------------------------------------------------------------------------


class AccountFilterSet(wagtail_users.UserFilterSet):
    """The group filter lists the administrator's role groups only."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = request.user if request is not None else None
        if user is None or not user.is_superuser:
            self.filters.pop("is_superuser", None)
            self.filters["group"].queryset = (
                assignable_groups(user) if user is not None else Group.objects.none()
            ).order_by("name")


class ForUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class IndexView(wagtail_users.IndexView):
    def get_base_queryset(self):
        users = manageable_users(self.request.user)
        if "wagtail_userprofile" in self.model_fields:
            users = users.select_related("wagtail_userprofile")
        return users


class CreateView(ForUserFormMixin, wagtail_users.CreateView):
    pass


class EditView(ForUserFormMixin, wagtail_users.EditView):
    def get_queryset(self):
        return manageable_users(self.request.user)


class DeleteView(wagtail_users.DeleteView):
    def get_queryset(self):
        return manageable_users(self.request.user)


class HistoryView(wagtail_users.HistoryView):
    def get_base_object_queryset(self):
        return manageable_users(self.request.user)


class UsageView(wagtail_users.UserViewSet.usage_view_class):
    def get_base_object_queryset(self):
        return manageable_users(self.request.user)


class AccountViewSet(wagtail_users.UserViewSet):
    """Wagtail's user viewset; ``workflows.apps.UsersConfig.user_viewset`` names it."""

    filterset_class = AccountFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    # Wagtail 8.0's generic copy view edits the account it copies from (the
    # form is bound to that instance): "copying" b1_editor renames b1_editor.
    # An account is created from scratch instead, for everyone.
    copy_view_enabled = False

    # Wagtail's create.html always renders is_superuser; ours only when the form has it.
    create_template_name = "workflows/accounts/create.html"

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


# --- bulk actions ---------------------------------------------------------------------


class ScopedUserBulkActionMixin:
    """A bulk action reaches ``manageable_users`` only.

    Listing "all" selects the manageable accounts; a named account outside
    them turns the whole request into a 404, so the confirmation page never
    lists another group's names.
    """

    def get_all_objects_in_listing_query(self, parent_id):
        users = manageable_users(self.request.user)
        if q := self.request.GET.get("q"):
            fields = {f.name for f in User._meta.get_fields()}
            fields &= {"username", "first_name", "last_name", "email"}
            match = Q()
            for name in fields:
                match |= Q(**{f"{name}__icontains": q})
            users = users.filter(match)
        return users.values_list("pk", flat=True)

    def get_queryset(self, model, object_ids):
        pk_field = model._meta.pk
        try:
            ids = {pk_field.to_python(pk) for pk in object_ids}
        except ValidationError as e:
            raise Http404 from e
        users = list(manageable_users(self.request.user).filter(pk__in=ids))
        if not users or len(users) != len(ids):
            raise Http404
        return users


class ScopedAssignRoleBulkAction(ScopedUserBulkActionMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user).order_by("name")
        form.fields["role"].error_messages["invalid_choice"] = _(
            "所选用户组不属于本集团或所属企业，不能分配。"
        )
        return form


class ScopedDeleteBulkAction(ScopedUserBulkActionMixin, DeleteBulkAction):
    pass


class ScopedSetActiveStateBulkAction(ScopedUserBulkActionMixin, SetActiveStateBulkAction):
    pass


# Registered after Wagtail's (order 1): the registry keeps the last class per action type.
for action_class in (
    ScopedAssignRoleBulkAction,
    ScopedDeleteBulkAction,
    ScopedSetActiveStateBulkAction,
):
    hooks.register("register_bulk_action", action_class, order=1)
