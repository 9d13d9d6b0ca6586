"""Integers past 64 bits in the API: an id in the path names nothing (404), an offset is out of range (422).

Ids and offsets are signed 64-bit integers in both databases, and Ninja's
``int`` has no bound. Past it, the number failed in the database: ``offset``
as "bigint out of range" on PostgreSQL and "datatype mismatch" on SQLite, a
listing id (its key is its link to the Listing row) as "Python int too large
to convert to SQLite INTEGER", each a 500 as HTML.

Wagtail declares its pages router and its pagination itself, so the platform
cannot give their parameters another type. Ninja's API-wide operation
decorator (``NinjaAPI.add_decorator``) runs for every operation, Wagtail's and
the platform's, after validation and before the view, and raises what Wagtail's
error handlers render as ``application/problem+json``:

- a path parameter (one the URL resolver captured) beyond 64 bits is a 404, as
  an id that names no row is; the ``<int64:...>`` converter of the HTML URLs
  (``workflows/converters.py``) would answer outside Ninja, as an HTML 404, and
  turn ``/listings/instruments/abc/`` from a 422 into one;
- ``offset`` (or ``limit``) beyond 64 bits is a 422 shaped as Ninja's own ``le``
  error, as ``offset=-1`` gets one for ``ge``. A ``limit`` above
  ``WAGTAILAPI_LIMIT_MAX`` but within 64 bits keeps Wagtail's 400.
"""

import functools

from django.http import Http404
from pydantic import ValidationError

from workflows.converters import MAX_INT64, fits_int64

PAGINATION = ("offset", "limit")


def out_of_range(name, value):
    return ValidationError.from_exception_data(
        "Validation error",
        [
            {
                "type": "less_than_equal",
                "loc": ("query", name),
                "input": value,
                "ctx": {"le": MAX_INT64},
            }
        ],
    )


def _too_big(value):
    return isinstance(value, int) and not isinstance(value, bool) and not fits_int64(value)


def bounded_integers(view_func):
    """Ninja operation decorator: 404 for a path id, 422 for a pagination value, past 64 bits."""

    @functools.wraps(view_func)
    def view(request, *args, **kwargs):
        match = request.resolver_match
        for name in match.kwargs if match is not None else ():
            if _too_big(kwargs.get(name)):
                raise Http404
        pagination = kwargs.get("ninja_pagination")
        for name in PAGINATION if pagination is not None else ():
            value = getattr(pagination, name, None)
            if _too_big(value):
                raise out_of_range(name, value)
        return view_func(request, *args, **kwargs)

    return view
