"""The bulk action buttons a user is offered: Wagtail's, less the actions not meant for them.

Wagtail registers bulk actions per model and its footer shows every one to
everyone who sees the listing. An action class here may define
``is_shown(user)`` (审核通过所选 is for reviewers only); the footer template
(``wagtailadmin/bulk_actions/footer.html``, overridden in this app) asks it
through this tag. The buttons are built as Wagtail's ``bulk_action_choices``
builds them: four, then a “More” dropdown.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.admin.widgets.button import ListingButton

register = template.Library()

SHOWN_INLINE = 4


def shown_bulk_actions(user, app_label, model_name):
    """The registered bulk actions of the model that ``user`` is offered, in priority order."""
    actions = [
        action
        for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
        if not hasattr(action, "is_shown") or action.is_shown(user)
    ]
    return sorted(actions, key=lambda action: action.action_priority)


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def shown_bulk_action_choices(context, app_label, model_name):
    request = context.get("request")
    actions = shown_bulk_actions(getattr(request, "user", None), app_label, model_name)

    def url(action):
        # No 'next' parameter: the footer's JS adds it after searches and filters.
        return reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])

    buttons = [
        ListingButton(
            action.display_name,
            url(action),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in actions[:SHOWN_INLINE]
    ]
    if actions[SHOWN_INLINE:]:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[
                    Button(
                        label=action.display_name,
                        url=url(action),
                        attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                        priority=action.action_priority,
                    )
                    for action in actions[SHOWN_INLINE:]
                ],
            )
        )
    return {"buttons": buttons}
