"""An id in a URL that no row can have is a 404 before the view runs, not a 500 inside it.

The platform's own patterns say ``<int64:...>`` (``workflows/converters.py``),
and the listing viewsets set Wagtail's ``pk_path_converter`` to it, so a
number past 64 bits does not resolve there. Wagtail's other patterns are built
in Wagtail's URL modules with no setting or hook to change their converters
(re-registering ``int`` is deprecated in Django 5.2 and refused in 6.0), and
several route ids as ``<str:...>`` because a key need not be an integer: every
chooser's ``chosen/<str:pk>/``, the editing sessions'
``ping/<app_label>/<model_name>/<str:object_id>/…``, the revision comparisons.
Their views pass the text to the database, where ``abc`` for an integer key
raises ValueError, and a number past 64 bits raises OverflowError on SQLite
for models whose key links to a parent row (every listing and page type): each
a 500 for a logged-in editor's mistyped or crafted URL.

So this looks at the resolved arguments before the view runs, and answers 404
for an integer argument past the signed 64-bit range, and for a ``pk`` or
``object_id`` that is not such an integer when the view's model (the class-based
view's ``model``, or ``app_label``/``model_name`` in the URL) has an integer
key. It makes no query. The API answers its own (``api/bounds.py``: a
problem+json 404); routable pages resolve their routes inside the page's view,
where ``<int64:...>`` bounds them.
"""

from django.apps import apps
from django.db import models
from django.http import Http404

from workflows.converters import Int64Converter, fits_int64

ID_ARGUMENTS = ("pk", "object_id")


def is_int64_text(value):
    """Whether ``value`` (text) is what ``<int64:...>`` accepts: a non-negative 64-bit integer."""
    if not (value.isascii() and value.isdigit()):
        return False
    try:
        Int64Converter().to_python(value)
    except ValueError:
        return False
    return True


def model_of(view_func, view_kwargs):
    """The model a view shows: its ``model`` (a class or "app_label.Model"), or the URL's."""
    model = getattr(view_func, "view_initkwargs", {}).get("model") or getattr(
        getattr(view_func, "view_class", None), "model", None
    )
    try:
        if isinstance(model, str):
            model = apps.get_model(model)
        elif model is None and "app_label" in view_kwargs and "model_name" in view_kwargs:
            model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
    except (LookupError, ValueError):
        return None
    return model if isinstance(model, type) and issubclass(model, models.Model) else None


def has_integer_key(model):
    field = model._meta.pk
    while field.is_relation:  # a parent link: the parent's key
        field = field.target_field
    return isinstance(field, models.IntegerField)


def names_no_row(view_func, view_args, view_kwargs):
    values = (*view_args, *view_kwargs.values())
    if any(isinstance(v, int) and not isinstance(v, bool) and not fits_int64(v) for v in values):
        return True
    ids = [view_kwargs[name] for name in ID_ARGUMENTS if isinstance(view_kwargs.get(name), str)]
    if not ids:
        return False
    model = model_of(view_func, view_kwargs)
    return model is not None and has_integer_key(model) and not all(map(is_int64_text, ids))


class OutOfRangeIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        if names_no_row(view_func, view_args, view_kwargs):
            raise Http404("No such object.")
        return None
