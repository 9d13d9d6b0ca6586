"""The access module plugged into Wagtail's seams for files (documents and images).

- ``before_serve_document``: every download through ``/documents/<id>/<name>``
  (WAGTAILDOCS_SERVE_METHOD = "serve_view", so no storage URL is handed out).
- ``construct_admin_api``: the admin's own JSON endpoints
  (``/admin/api/main/documents/`` and ``images/``) list what the user may
  list; Wagtail's list every file outside a restricted collection.
"""

from django.http import Http404
from rest_framework.permissions import BasePermission
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from enterprises import access


@hooks.register("before_serve_document")
def serve_only_what_the_reader_may_see(document, request):
    # A 404 without the title: a file one may not see does not exist for them.
    if not access.can_view(request.user, document):
        raise Http404


class AdminAccess(BasePermission):
    def has_permission(self, request, view):
        return access.is_active_user(request.user) and request.user.has_perm(
            "wagtailadmin.access_admin"
        )


class ScopedMedia:
    permission_classes = [AdminAccess]

    def get_queryset(self):
        return access.media_visible_to(self.request.user, super().get_queryset())


class DocumentsAPIViewSet(ScopedMedia, DocumentsAdminAPIViewSet):
    pass


class ImagesAPIViewSet(ScopedMedia, ImagesAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def scope_the_admins_media_endpoints(router):
    router.register_endpoint("documents", DocumentsAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)
