"""Wagtail's documents and images endpoints, held to what the admin shows.

Wagtail's API lists every document and image outside a restricted collection
to anyone, anonymous included. Here the attachments of a notice still in
review, or of another group's draft, would be enumerable before 保密审查 has
seen them. So the API reads media as the admin's choosers do: a token sees the
collections its user may choose from, add to or change (its own enterprise's),
the platform administrator everything, and an anonymous request nothing (401).
Published files stay linked from the pages that use them.
"""

import functools

from django.core.exceptions import PermissionDenied


def _scoped(wagtail_queryset, permission_policy):
    @functools.wraps(wagtail_queryset)
    def queryset_for(request):
        queryset = wagtail_queryset(request)
        user = request.user
        if not user.is_authenticated:
            raise PermissionDenied
        if user.is_superuser:
            return queryset
        allowed = permission_policy.instances_user_has_any_permission_for(
            user, ["add", "change", "choose"]
        )
        return queryset.filter(pk__in=allowed.values("pk"))

    return queryset_for


def scope_media():
    from wagtail.documents import get_document_model
    from wagtail.documents.api.v3 import router as documents
    from wagtail.images import get_image_model
    from wagtail.images.api.v3 import router as images
    from wagtail.permissions import policy_registry

    documents.get_documents_queryset = _scoped(
        documents.get_documents_queryset, policy_registry.get_by_type(get_document_model())
    )
    images.get_images_queryset = _scoped(
        images.get_images_queryset, policy_registry.get_by_type(get_image_model())
    )
