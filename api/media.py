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

from enterprises import access


def _scoped(wagtail_queryset):
    @functools.wraps(wagtail_queryset)
    def queryset_for(request):
        if not access.is_active_user(request.user):
            raise PermissionDenied
        return access.media_visible_to(request.user, wagtail_queryset(request))

    return queryset_for


def scope_media():
    from wagtail.documents.api.v3 import router as documents
    from wagtail.images.api.v3 import router as images

    documents.get_documents_queryset = _scoped(documents.get_documents_queryset)
    images.get_images_queryset = _scoped(images.get_images_queryset)
