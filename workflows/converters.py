"""``<int64:...>``: Django's ``<int:...>`` for numbers the database can hold.

Ids and years are at most signed 64-bit integers in both databases. Django's
``int`` converter accepts any run of digits, and a longer number reached the
ORM and failed there: "Python int too large to convert to SQLite INTEGER" for
a key that links to a parent row (every listing type: ``/resources/experts/<10**23>/``),
a 500 for an address that cannot name anything. With ``int64`` such a URL does
not match while it is resolved, so it is a 404 before any view runs or any
query is made.

The converter is registered when this module is first imported, and every
module with an ``<int64:...>`` pattern imports it: routable pages build their
patterns when their model class is defined, before any URLconf is read.
Wagtail's own patterns are held to the same bound by
``config.middleware.OutOfRangeIdMiddleware``.
"""

from django.urls import register_converter

MAX_INT64 = 2**63 - 1
MAX_INT64_DIGITS = len(str(MAX_INT64))


def fits_int64(number):
    """Whether ``number`` (an int) is one the database can store or compare."""
    return -MAX_INT64 - 1 <= number <= MAX_INT64


class Int64Converter:
    regex = "[0-9]+"

    def to_python(self, value):
        # Raising ValueError makes the pattern not match (Django tries the next one).
        if len(value.lstrip("0")) > MAX_INT64_DIGITS:
            raise ValueError("beyond a 64-bit integer")
        number = int(value)
        if not fits_int64(number):
            raise ValueError("beyond a 64-bit integer")
        return number

    def to_url(self, value):
        return str(value)


register_converter(Int64Converter, "int64")
