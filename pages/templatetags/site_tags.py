"""Template tags of the public site: navigation, language links, breadcrumbs, paging.

Every tag that queries the database does so once per request at most and
keeps its answer on the request, so that a page's query count does not grow
with the number of places a template asks (DESIGN.md §8).
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import Resolver404, resolve, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()

HOME_DEPTH = 2  # root (1) → a locale's HomePage (2) → sections (3)


@register.filter
def bcp47(language_code):
    """Django's language code as a BCP 47 tag: ``zh-hans`` → ``zh-Hans``, ``en-gb`` → ``en-GB``."""
    parts = (language_code or "").replace("_", "-").split("-")
    tag = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4:
            tag.append(part.title())
        elif len(part) == 2:
            tag.append(part.upper())
        else:
            tag.append(part.lower())
    return "-".join(p for p in tag if p)


def _home_path(page):
    steplen = Page.steplen
    if page is not None and getattr(page, "depth", 0) and page.depth >= HOME_DEPTH:
        return page.path[: steplen * HOME_DEPTH]
    return None


def _site_menu(request, page):
    """(home, [in-menu sections]) of the current language, in one query, cached on the request."""
    language = get_language()
    cache = getattr(request, "_site_menu", None) if request is not None else None
    if cache is not None and cache[0] == language:
        return cache[1]
    qs = Page.objects.live().filter(
        Q(depth=HOME_DEPTH) | Q(depth=HOME_DEPTH + 1, show_in_menus=True)
    )
    home_path = _home_path(page)
    if home_path:
        qs = qs.filter(path__startswith=home_path)
    else:
        qs = qs.filter(locale__language_code=language)
    pages = list(qs.only("id", "title", "url_path", "path", "depth", "locale_id").order_by("path"))
    home = next((p for p in pages if p.depth == HOME_DEPTH), None)
    children = [
        p for p in pages if home and p.depth == HOME_DEPTH + 1 and p.path.startswith(home.path)
    ]
    result = (home, children)
    if request is not None:
        request._site_menu = (language, result)
    return result


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The home link and the in-menu sections, with the current one marked.

    ``current`` is "page" on the section itself, "true" on the section a page
    belongs to: an article's own stream (its ``section``), otherwise the
    section whose subtree holds the page.
    """
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    section = context.get("section")
    home, children = _site_menu(request, page)
    items = []
    for child in children:
        current = None
        if page is not None and page.pk == child.pk:
            current = "page"
        elif section is not None:
            current = "true" if section.pk == child.pk else None
        elif page is not None and page.path.startswith(child.path):
            current = "true"
        items.append({"title": child.title, "url": child.get_url(request), "current": current})
    return {
        "home_url": home.get_url(request) if home else translate_url("/", get_language()),
        "home_current": "page"
        if page is not None and home is not None and page.pk == home.pk
        else None,
        "items": items,
    }


def _language_home(code):
    return translate_url("/", code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the page's live translation, else that language's home.

    Views outside the page tree (search) link to the same path and query under
    the other language's prefix.
    """
    request = context.get("request")
    cached = getattr(request, "_language_links", None) if request is not None else None
    if cached is not None:
        return cached
    current = get_language()
    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk else None
    translations = {}
    if page is not None:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code == current and request is not None:
            # The current language: this very URL, query included.
            url = request.get_full_path()
        elif page is not None:
            translation = translations.get(code)
            if translation is not None:
                url = translation.get_url(request)
                own = page.get_url(request)
                if url and request is not None:
                    # Routable sub-paths and the reader's filters carry over.
                    if own and request.path.startswith(own) and request.path != own:
                        url += request.path[len(own) :]
                    if request.GET:
                        url += "?" + request.GET.urlencode()
        elif request is not None:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None and match.url_name != "wagtail_serve":
                url = translate_url(request.path, code)
                if request.GET:
                    url += "?" + request.GET.urlencode()
        exact = bool(url) and (page is None or code in translations)
        if not url:
            url = _language_home(code)
        links.append(
            {
                "code": code,
                "bcp47": bcp47(code),
                "name": name,
                "url": url,
                # hreflang alternates name the page, not the reader's query.
                "alternate": (
                    request.build_absolute_uri(url.split("?", 1)[0]) if request is not None else url
                ),
                "current": code == current,
                # The same content exists in this language (for hreflang alternates).
                "has_translation": exact,
            }
        )
    if request is not None:
        request._language_links = links
    return links


@register.simple_tag(takes_context=True)
def page_ancestors(context, page=None):
    """The page's ancestors from the language's home down, cached on the request."""
    request = context.get("request")
    page = page or context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return []
    cache = getattr(request, "_page_ancestors", {}) if request is not None else {}
    if page.pk not in cache:
        cache[page.pk] = list(
            page.get_ancestors()
            .filter(depth__gte=HOME_DEPTH)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
        )
        if request is not None:
            request._page_ancestors = cache
    return cache[page.pk]


@register.simple_tag
def page_window(page_obj, around=2):
    """Page numbers to link around the current one, with None for a gap.

    1 … 4 5 [6] 7 8 … 40 rather than forty links.
    """
    number = page_obj.number
    last = page_obj.paginator.num_pages
    wanted = {1, last} | set(range(max(1, number - around), min(last, number + around) + 1))
    window, previous = [], 0
    for n in sorted(wanted):
        if n - previous == 2:  # a gap of one page: show the page, not "…"
            window.append(previous + 1)
        elif n - previous > 2:
            window.append(None)
        window.append(n)
        previous = n
    return window


@register.filter
def enterprise_tree(enterprises, current_code=""):
    """Options of the enterprise filter: [(enterprise, is_subsidiary), …].

    Every group company, and under the selected group (or the selected
    subsidiary's group) its subsidiaries: a select of thousands of
    subsidiaries would be unusable and heavy, and a group's filter already
    includes its subsidiaries' items.
    """
    enterprises = list(enterprises)
    current = (
        next((e for e in enterprises if e.code == current_code), None) if current_code else None
    )
    open_group = None
    if current is not None:
        open_group = current.parent_id or current.pk
    known = {e.pk for e in enterprises}
    tree = []
    for e in enterprises:
        if e.parent_id and e.parent_id in known:
            continue
        tree.append((e, False))
        if e.pk == open_group:
            tree.extend((child, True) for child in enterprises if child.parent_id == e.pk)
    return tree


@register.filter
def stream_label(stream):
    """The reader-facing name of a stream key (news, achievements …)."""
    from pages.models import section_model_for

    model = section_model_for(stream)
    return model.item_model.stream_label if model else stream


@register.simple_tag
def notice_attachments(page):
    """A notice's attachments with their documents, in one query."""
    manager = page.attachments
    try:
        return list(manager.select_related("document"))
    except (AttributeError, TypeError):  # an unsaved preview's in-memory relation
        return list(manager.all())


@register.simple_tag
def prefetch_logo_renditions(enterprise_pages, spec):
    """Load the logos of a directory's enterprises with one rendition each, in two queries.

    The directory lists every group company; without this each logo would
    cost a rendition query.
    """
    from wagtail.images import get_image_model

    pages = list(enterprise_pages)
    for page in list(pages):
        pages.extend(getattr(page, "subsidiary_pages", []))
    enterprises = [p.enterprise for p in pages if p.enterprise.logo_id]
    if not enterprises:
        return ""
    images = (
        get_image_model()
        .objects.prefetch_renditions(spec)
        .in_bulk({e.logo_id for e in enterprises})
    )
    for enterprise in enterprises:
        if enterprise.logo_id in images:
            enterprise.logo = images[enterprise.logo_id]
    return ""


@register.simple_tag
def qr_svg(url, label=""):
    """An inline SVG QR code of ``url``, for reading a page on a phone (扫码阅读).

    Drawn on the server by segno (no image request, no external service);
    about 1.5 KB. ``label`` becomes the SVG's accessible name.
    """
    import io

    import segno
    from django.utils.html import format_html

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, xmldecl=False, svgns=True, omitsize=True, svgclass="qr"
    )
    svg = buffer.getvalue().decode()
    # segno writes the SVG; the label is escaped here and nothing else is interpolated.
    return format_html(
        '<span role="img" aria-label="{}">{}</span>',
        label,
        mark_safe(svg),  # noqa: S308
    )
