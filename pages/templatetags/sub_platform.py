"""The sub-platform navigation bar: on a 企业子平台 page and on the items it publishes.

Each enterprise's sub-platform is its own small site inside the portal
(DESIGN.md §3); readers arriving on one of its items from search or a feed
see where they are and can move around that enterprise's content.
"""

from django import template
from wagtail.models import Page

register = template.Library()


def sub_platform_of(page):
    """The live sub-platform page holding ``page`` (itself, or an item's parent), or None.

    Items of the enterprises' streams sit directly under their sub-platform
    page (NewsPage.parent_page_types); one query finds it with its enterprise
    and logo. Regulator content (trends, notices) has no sub-platform.
    """
    from pages.models import ArticlePage, EnterprisePage

    if isinstance(page, EnterprisePage):
        return page
    if not isinstance(page, ArticlePage) or not page.enterprise_id or not page.path:
        return None
    return (
        EnterprisePage.objects.live()
        .filter(path=page.path[: -Page.steplen])
        .select_related("enterprise", "enterprise__logo")
        .first()
    )


@register.simple_tag(takes_context=True)
def sub_platform_nav(context):
    """The navigation of the sub-platform the page belongs to (EnterprisePage.navigation), or None."""
    from pages.models import EnterprisePage

    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return None
    request = context.get("request")
    sub_platform = sub_platform_of(page)
    if sub_platform is None:
        return None
    if isinstance(page, EnterprisePage):
        # The sub-platform's listing hands over what it already fetched.
        return sub_platform.navigation(
            request,
            stream=context.get("stream") or "",
            current_page=page,
            subsidiary_pages=context.get("subsidiary_pages"),
            directory_links=context.get("directory_links"),
        )
    return sub_platform.navigation(request, stream=page.stream, current_page=page)
