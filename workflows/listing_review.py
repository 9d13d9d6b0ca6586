"""What the review needs to treat a resource listing like a page (docs/resource-listings.md §3.4).

Wagtail hands the review base ``Listing`` rows (``WorkflowState.content_object``
is a generic key on the base content type) and builds its snippet editor for
models without the page editor's care for reviewers. Two things follow:

- admin links in mails and reports: a base row has no ``snippet_viewset``,
  so they go through ``admin_edit_path``, which resolves the specific type
  (the edit links of admin listings: ``snippets.views.admin.ListingAdminURLFinder``);
- the editor's 审核通过 / 退回修改 buttons: Wagtail's snippet edit view saves a
  revision before every action, also when nothing changed. That revision would
  name the reviewer as the last editor and maker-checker would then refuse
  their own decision. ``ReviewEditAction`` does what the page editor does
  (``wagtail/admin/views/pages/edit.py`` ``perform_workflow_action``): a
  workflow action saves a revision only if the form changed.
"""

from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from wagtail.actions.edit import EditAction
from wagtail.models import Page

from .tasks import specific_object


def admin_edit_path(obj, action="edit"):
    """The admin path of ``obj``'s ``action`` view (edit, history …), whatever row Wagtail handed over; "" if none."""
    obj = specific_object(obj)
    if isinstance(obj, Page):
        return reverse(f"wagtailadmin_pages:{action}", args=[obj.pk])
    viewset = getattr(obj, "snippet_viewset", None)
    if viewset is None:
        return ""
    try:
        return reverse(viewset.get_url_name(action), args=[quote(obj.pk)])
    except NoReverseMatch:
        return ""


class ReviewEditAction(EditAction):
    """The snippet editor's save, except that an unchanged form with a workflow action saves nothing.

    The action (approve, reject …) is then taken on the revision that was
    submitted, as in the page editor. Reverting and overwriting a revision
    keep Wagtail's behaviour.
    """

    def is_bare_workflow_action(self):
        form = self.form
        return (
            form is not None
            and bool(form.data.get("action-workflow-action"))
            and self.previous_revision is None
            and self.overwrite_revision is None
            and getattr(self.instance, "latest_revision_id", None) is not None
            and not form.has_changed()
        )

    def _edit(self, skip_permission_checks=False):
        if not self.is_bare_workflow_action():
            return super()._edit(skip_permission_checks=skip_permission_checks)
        # The form was validated by the view; nothing is written.
        self.revision = self.instance.latest_revision
        return self.instance
