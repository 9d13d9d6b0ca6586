"""Views outside the page tree: site search, robots.txt and the error pages."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from pages.models import ArticlePage

MAX_QUERY_LENGTH = 200
NON_WORD = re.compile(r"[^\w]+")


@require_GET
def search(request):
    """Basic site search over live, public articles of the current language.

    Chinese-aware segmentation, facets and highlighting come with issue #5;
    this view keeps the stable URL ``/search/?q=`` and never fails on odd input.
    """
    query = request.GET.get("q", "")
    # Drop characters that cannot be encoded (lone surrogates) and over-long input.
    query = query.encode("utf-8", "ignore").decode("utf-8").strip()[:MAX_QUERY_LENGTH]
    # Quotes, operators and symbols mean syntax to the database's full-text
    # engine (SQLite FTS5 fails on an unbalanced quote); search words only.
    terms = " ".join(NON_WORD.sub(" ", query).split())
    results = ArticlePage.objects.none()
    if terms:
        qs = ArticlePage.objects.live().public().select_related("enterprise")
        qs = qs.filter(locale=Locale.get_active())
        results = qs.search(terms, operator="and")
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(request, "search.html", {"search_query": query, "results": page})


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def server_error(request):
    """500 page rendered without context processors that could fail again."""
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
