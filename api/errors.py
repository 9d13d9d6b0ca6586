"""Errors the way Wagtail's API v3 answers them: RFC 7807 ``application/problem+json``.

A validation failure is 422 with ``errors: [{loc, msg, type}]`` (Wagtail's
handler turns our form errors into that), a refusal 401/403, an unknown or
foreign object 404, a conflict with the review state 409.
"""

from django.core.exceptions import ValidationError
from wagtail.api.v3.errors import as_validation_error, problem_response


def problem(status, detail):
    return problem_response(status=status, detail=str(detail))


def validation_error(message, *, loc=()):
    """A 422 naming the parameter or field at fault (raise it)."""
    return as_validation_error(ValidationError(str(message)), str(message), loc=loc)
