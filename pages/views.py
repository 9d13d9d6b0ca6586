"""Views outside the page tree: robots.txt and the error pages (site search is in search/views.py)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def server_error(request):
    """500 page rendered without context processors that could fail again."""
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
