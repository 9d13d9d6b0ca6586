"""涉密信息不能上网 on the platform administrator's own buttons: the admin's seams of the publish gate.

Everyone else publishes only through the workflow, whose 保密审查 step scans
every revision. A platform administrator may publish directly (the editor's
发布 button, bulk publish, "publish copies" and aliases in the copy form); each
of these asks the one gate (``gate.refusal``), and content with a hit is not
published: the editor keeps it as a draft, the copy form keeps what was typed,
each with a message saying where the hits are, so that it goes through review
and a named secrecy reviewer decides.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.utils import get_valid_next_url_from_request

from workflows.listing_review import admin_edit_path

from . import gate


def hits_message(title, hits):
    places = gate.describe(hits)
    return ngettext(
        "《%(title)s》发现 %(count)s 处疑似涉密内容（%(places)s），不能直接发布；已保存为草稿，请提交审核，由保密审查人决定。",
        "《%(title)s》发现 %(count)s 处疑似涉密内容（%(places)s），不能直接发布；已保存为草稿，请提交审核，由保密审查人决定。",
        len(hits),
    ) % {"title": title, "count": len(hits), "places": places}


def refusal_message(refusal):
    if not refusal.hits:
        return refusal.reason
    return hits_message(refusal.title, refusal.hits)


def refuse_publication_with_hits(request, page):
    """``before_publish_page``: the page as it is about to be published."""
    refusal = gate.refusal(page.specific, user=request.user)
    if refusal is None:
        return None
    messages.error(request, refusal_message(refusal))
    return redirect("wagtailadmin_pages:edit", page.pk)


def _as_published(obj):
    """What publishing would put online: the latest revision, inline children included."""
    revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    content = revision.as_object() if revision is not None else obj
    return getattr(content, "specific", content)


def refuse_snippet_publication_with_hits(request, obj):
    """``before_publish`` of the generic (snippet) editor: the same gate for listings.

    Wagtail has saved the revision just before asking; that revision is what
    would go online, inline children (patents, gallery captions) included. On
    a hit it stays saved as the latest draft and nothing is published.
    """
    content = _as_published(obj)
    refusal = gate.refusal(content, user=request.user)
    if refusal is None:
        return None
    messages.error(request, refusal_message(refusal))
    return redirect(
        admin_edit_path(obj) or get_valid_next_url_from_request(request) or "wagtailadmin_home"
    )


def refuse_bulk_publication_with_hits(request, action_type, objects, action):
    """``before_bulk_action``: bulk publish goes item by item through the same gate."""
    if action_type != "publish":
        return None
    refused = []
    for obj in objects:
        refusal = gate.refusal(_as_published(obj), user=request.user)
        if refusal is not None:
            refused.append(refusal_message(refusal))
    if not refused:
        return None
    for message in refused:
        messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


def refuse_live_copy_with_hits(request, page):
    """``before_copy_page``: "publish copies" or an alias puts the copy online at once.

    The copy form's new title is typed here and published with the copy, and
    the copied pages go online as they are now, so each live page of the copy
    is asked at the gate with the title it will have. On a hit nothing is
    copied: the form comes back with what was typed and the hits, so that the
    administrator changes the title or copies without publishing (a draft, for
    review). Invalid forms are left to the copy view's own errors.
    """
    if request.method != "POST":
        return None
    form_class = getattr(page.specific_class, "copy_form_class", CopyForm)
    form = form_class(request.POST, user=request.user, page=page)
    if not form.is_valid():
        return None
    data = form.cleaned_data
    parent = data.get("new_parent_page") or page.get_parent()
    alias = bool(data.get("alias"))
    keep_live = bool(data.get("publish_copies")) and (
        parent.permissions_for_user(request.user).can_publish_subpage()
    )
    if not (alias or keep_live):
        return None
    refusals = gate.copy_refusals(
        page,
        user=request.user,
        recursive=bool(data.get("copy_subpages")),
        title=None if alias else data.get("new_title"),
    )
    if not refusals:
        return None
    advice = _(
        "不能发布副本。请修改新标题，或不勾选“发布副本”“别名”，复制为草稿后提交审核，由保密审查人决定。"
    )
    for refusal in refusals:
        form.add_error("alias" if alias else "publish_copies", f"{refusal.reason}。{advice}")
    return TemplateResponse(
        request,
        "wagtailadmin/pages/copy.html",
        {"page": page, "form": form, "next": get_valid_next_url_from_request(request)},
    )
