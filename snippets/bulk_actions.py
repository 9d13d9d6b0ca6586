"""Bulk actions on resource listings, scoped to the rows the user may see.

Wagtail's bulk actions fetch the named ids from the whole table and list the
ones the user may not act on by name ("you don't have permission to delete
…"): a crafted URL with another group's ids would read out their titles. Here
an id outside ``visible_listings`` turns the whole request into a 404, as the
listing views do; the per-item permission check (the row-level policy:
nothing published is deleted) still applies to the visible ones.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from workflows.listing_policy import visible_listings


class ScopedListingBulkActionMixin:
    @classproperty
    def models(cls):
        from snippets.models import LISTING_MODELS

        return LISTING_MODELS

    def get_all_objects_in_listing_query(self, parent_id):
        listings = visible_listings(self.request.user, self.model)
        if query := self.request.GET.get("q"):
            from .views.admin import title_search

            listings = title_search(listings, query)
        return listings.values_list("pk", flat=True)

    def get_queryset(self, model, object_ids):
        try:
            ids = {model._meta.pk.to_python(pk) for pk in object_ids}
        except ValidationError as e:
            raise Http404 from e
        listings = list(visible_listings(self.request.user, model).filter(pk__in=ids))
        if not listings or len(listings) != len(ids):
            raise Http404
        return listings


class ScopedListingDeleteBulkAction(ScopedListingBulkActionMixin, DeleteBulkAction):
    pass


# After Wagtail's (order 1): the registry keeps the last class per model and action type.
hooks.register("register_bulk_action", ScopedListingDeleteBulkAction, order=1)
