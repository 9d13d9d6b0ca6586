"""Who may see what: the one access module that every path asks (DESIGN.md §10).

The platform's first promise is that what an enterprise has not published
stays inside that enterprise and its group's reviewers. Wagtail's defaults are
open, so a rule applied view by view leaves every view nobody replaced open;
instead each path asks here, and what this module was not taught about is
refused (``can_view`` answers False for a kind of object it has no rule for).

Files (documents and images) follow the content that uses them: a file is
public while a published, public item uses it (Wagtail's reference index says
who uses what) and private otherwise — before the item is published and again
after the last such item is unpublished, expires or is deleted. A private file
is seen only by the people who may choose it in the admin: the editors of the
enterprise whose collection holds it and the reviewers of its group company
(collection permissions, as provisioning grants them), and the platform
administrator.

Pages and resource listings still answer through their permission tester and
policy (``workflows.permissions``, ``workflows.listing_policy``); they move here
next, with the enterprise models (see the note on issue 14).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

# Collection permissions that make a file one's own to see (editors: add/change, reviewers: choose).
MEDIA_PERMISSIONS = ("add", "change", "choose")

# Published, public items per base model, registered by the apps that own them.
_PUBLIC_ITEMS = {Page: lambda: Page.objects.live().public()}


def register_public_items(model, public_queryset):
    """Teach the module which ``model`` objects are published and public (``public_queryset()``).

    A content app registers its own (snippets: listings live and not expired),
    so that this module need not import the apps above it.
    """
    _PUBLIC_ITEMS[model] = public_queryset


def is_active_user(user):
    return user is not None and user.is_authenticated and user.is_active


def can_view(user, obj):
    """Whether ``user`` (None or anonymous: a reader) may see ``obj``; False for unknown kinds."""
    if isinstance(obj, AbstractDocument | AbstractImage):
        return can_view_media(user, obj)
    return False


def media_visible_to(user, queryset):
    """The documents or images of ``queryset`` that ``user`` may list: their own enterprise's.

    Public files of other enterprises are not listed either (as the choosers
    offer none); they stay reachable from the pages that use them.
    """
    if not is_active_user(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    policy = policy_registry.get_by_type(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(user, MEDIA_PERMISSIONS)
    return queryset.filter(pk__in=allowed.values("pk"))


def can_view_media(user, obj):
    if is_public_media(obj):
        return True
    return media_visible_to(user, type(obj).objects.filter(pk=obj.pk)).exists()


def is_public_media(obj):
    """Whether a published, public item uses ``obj`` now."""
    references = ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    )
    by_model = {}
    for content_type_id, object_id in references:
        by_model.setdefault(content_type_id, set()).add(object_id)
    for content_type_id, object_ids in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        public_items = _PUBLIC_ITEMS.get(model)
        if public_items is not None and public_items().filter(pk__in=object_ids).exists():
            return True
    return False
