"""The search page, ``/search/?q=`` (and ``/en/search/`` for English content)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from search.highlight import highlight, snippet
from search.service import SORTS, run_search
from snippets.models import Listing
from snippets.views.public import detail_path


@require_GET
def search(request):
    """Search page: results with highlighted titles and snippets, facets, sorting, pages.

    Any input gives a normal page: the query is cleaned and segmented into
    words (search/service.py), and parameters that cannot be read are ignored.
    """
    outcome = run_search(
        request.GET.get("q", ""), params=request.GET, page_number=request.GET.get("page", 1)
    )
    results = []
    if outcome.page is not None:
        directories = None
        for item in outcome.page:
            if isinstance(item, Listing):
                if directories is None:
                    directories = listing_directories(request)
                url = directories.get(item.kind)
                results.append(
                    {
                        "item": item,
                        "url": url + detail_path(item) if url else "",
                        "label": item.kind_label,
                        "title": highlight(item.title, outcome.words),
                        "snippet": snippet([item.summary], outcome.words),
                    }
                )
                continue
            results.append(
                {
                    "item": item,
                    "url": item.get_url(request),
                    "label": item.specific_class.stream_label,
                    "title": highlight(item.title, outcome.words),
                    "snippet": snippet([item.summary, *body_texts(item)], outcome.words),
                }
            )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "search_query": outcome.query,
            "outcome": outcome,
            "results": results,
            "sorts": sort_links(params, outcome.sort),
            "page_query": params.urlencode(),
            "facet_links": facet_links(params, outcome),
        },
    )


def listing_directories(request):
    """{listing kind: URL of the directory page that shows it} in the reader's language."""
    from wagtail.models import Locale

    from pages.models.directory import directories_for

    return {
        kind: url
        for _title, url, kinds in directories_for(Locale.get_active().pk)
        for kind in kinds
    }


def body_texts(item):
    """Text of the body's paragraphs, headings and quotes, read without a query."""
    texts = []
    for block in item.body.raw_data:
        value = block.get("value")
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts += [
                v for k, v in value.items() if k in ("text", "caption") and isinstance(v, str)
            ]
    return texts


def sort_links(params, current):
    links = []
    for key, label in SORTS.items():
        query = params.copy()
        query["sort"] = key
        links.append((key, label, key == current, query.urlencode()))
    return links


def facet_links(params, outcome):
    """Each facet option with the query string that selects (or clears) it."""
    facets = []
    for facet in outcome.facets:
        options = []
        for option in facet.options:
            query = params.copy()
            if option.selected:
                query.pop(facet.key, None)
            else:
                query[facet.key] = option.value
            options.append((option, query.urlencode()))
        if options:
            cleared = params.copy()
            cleared.pop(facet.key, None)
            facets.append((facet, options, cleared.urlencode()))
    return facets
