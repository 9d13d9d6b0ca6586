"""涉密信息不能上网 on the platform administrator's own publish buttons.

Everyone else publishes only through the workflow, whose 保密审查 step scans
every revision. A platform administrator may publish directly (the editor's
发布 button, bulk publish); the same scan runs there, and content with a hit
is not published but kept as a draft with a message saying where the hits
are, so that it goes through review and a named secrecy reviewer decides.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail.admin.utils import get_valid_next_url_from_request

from workflows.listing_review import admin_edit_path

from .objects import scan_object


def hits_message(title, hits):
    places = "；".join(f"{hit.source}：{hit.context}" for hit in hits[:5])
    return ngettext(
        "《%(title)s》发现 %(count)s 处疑似涉密内容（%(places)s），不能直接发布；已保存为草稿，请提交审核，由保密审查人决定。",
        "《%(title)s》发现 %(count)s 处疑似涉密内容（%(places)s），不能直接发布；已保存为草稿，请提交审核，由保密审查人决定。",
        len(hits),
    ) % {"title": title, "count": len(hits), "places": places}


def refuse_publication_with_hits(request, page):
    """``before_publish_page``: the page as it is about to be published."""
    page = page.specific
    hits = scan_object(page)
    if not hits:
        return None
    messages.error(request, hits_message(page.title, hits))
    return redirect("wagtailadmin_pages:edit", page.pk)


def refuse_snippet_publication_with_hits(request, obj):
    """``before_publish`` of the generic (snippet) editor: the same scan for listings.

    Wagtail has saved the revision just before asking; that revision is what
    would go online, inline children (patents, gallery captions) included. On
    a hit it stays saved as the latest draft and nothing is published.
    """
    revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    content = revision.as_object() if revision is not None else obj
    content = getattr(content, "specific", content)
    hits = scan_object(content)
    if not hits:
        return None
    messages.error(request, hits_message(str(content), hits))
    return redirect(
        admin_edit_path(obj) or get_valid_next_url_from_request(request) or "wagtailadmin_home"
    )


def refuse_bulk_publication_with_hits(request, action_type, objects, action):
    """``before_bulk_action``: bulk publish goes item by item through the same scan."""
    if action_type != "publish":
        return None
    refused = []
    for obj in objects:
        revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
        content = revision.as_object() if revision is not None else obj
        hits = scan_object(getattr(content, "specific", content))
        if hits:
            refused.append(hits_message(getattr(content, "title", str(content)), hits))
    if not refused:
        return None
    for message in refused:
        messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
