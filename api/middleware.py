"""Refuse NUL characters in the API's query strings before they reach the database.

PostgreSQL text cannot hold NUL (SQLite can), so ``?site=%00`` on Wagtail's
``pages/find/`` or ``?enterprise=%00`` on the listings would be a 500 on one
database and an empty answer on the other. Forms already refuse NUL in bodies
(Django's ``ProhibitNullCharactersValidator``); this answers the query string
with a 400 problem.
"""

from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response


class RejectNulInQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and (
            "\x00" in request.path
            or any("\x00" in key or "\x00" in value for key, value in _items(request.GET))
        ):
            return problem_response(status=400, detail=_("请求参数不能含有 NUL 字符。"))
        return self.get_response(request)


def _items(query):
    for key, values in query.lists():
        for value in values:
            yield key, value
