"""Admin screens that name a page before asking who is looking, made to ask first (issue 14).

Unpublished titles stay inside the enterprise and its group's reviewers
(DESIGN.md §10). Most of Wagtail's page views ask ``Page.permissions_for_user``
(``workflows.permissions.EnterprisePagePermissionTester``) before they render;
these did not:

- the move confirmation (``MoveConfirmView``) renders the page and its
  destination for anyone. Its seam is the ``before_move_page`` hook, run
  before the screen: ``refuse_moves_the_tester_refuses`` asks the tester's
  ``can_move_to``, which also keeps moves inside one enterprise.
- the workflow action, collect-data and preview URLs of a page put "The page
  '<title>' is not currently awaiting moderation" in a message when the page
  is not in review, before the task is asked who may act
  (``BaseWorkflowFormView.dispatch``, ``PreviewRevisionForTask.get``).
  Missing seam: no hook or policy is asked before that message.
- the cancellation confirmation, which tells at which review step a page
  stands, asks nobody. Missing seam.
- the explorer of one page and the page chooser's browse render the page
  itself; ``construct_explorer_page_queryset`` and
  ``construct_page_chooser_queryset`` only filter its children. Missing seam.

Where the seam is missing, ``urlpatterns`` takes Wagtail's own view from the
admin URLconf by its URL name (so the route follows Wagtail's), puts the
rule in front of it, and ``config/urls.py`` mounts the result before the admin.
A refusal is ``PermissionDenied``: Wagtail's ``require_admin_access`` answers
it with its usual "no permission" redirect, which names nothing.

Resource listings need none of this: every view of one listing starts with
``ListingObjectMixin`` (snippets/views/admin.py), a 404 outside the rows the
user sees.
"""

from functools import wraps

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import URLResolver, path
from django.urls.resolvers import RoutePattern
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page

from .permissions import can_explore, choosable_pages
from .roles import user_reviews_for


@hooks.register("before_move_page")
def refuse_moves_the_tester_refuses(request, page, destination):
    """The move confirmation is shown only for a move the user may make."""
    if not page.specific_deferred.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# -- who may read what a screen shows -------------------------------------------------


def may_see_unpublished(user, page):
    """Whether ``user`` may read ``page``'s unpublished title.

    Its writers and whoever the review lets into its editor (the tester's
    ``can_edit``), and the reviewers of its group (``roles.user_reviews_for``).
    """
    if user.is_active and user.is_superuser:
        return True
    page = page.specific_deferred
    return page.permissions_for_user(user).can_edit() or user_reviews_for(user, page)


def may_edit(user, page):
    return page.specific_deferred.permissions_for_user(user).can_edit()


def may_choose(user, page):
    """The chooser opens what it would list: published pages, and what the user explores."""
    return choosable_pages(Page.objects.filter(pk=page.pk), user).exists()


# Wagtail's URL name → the rule its page must pass.
GUARDS = {
    "wagtailadmin_pages:workflow_action": may_see_unpublished,
    "wagtailadmin_pages:collect_workflow_action_data": may_see_unpublished,
    "wagtailadmin_pages:workflow_preview": may_see_unpublished,
    "wagtailadmin_pages:confirm_workflow_cancellation": may_edit,
    "wagtailadmin_explore": can_explore,
    "wagtailadmin_explore_results": can_explore,
    "wagtailadmin_choose_page_child": may_choose,
}
PAGE_KWARGS = ("page_id", "parent_page_id")


def guarded(rule, view):
    """``view`` behind ``rule(user, page)``; an unknown page is left to ``view`` (its 404)."""

    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        page_id = next(kwargs[name] for name in PAGE_KWARGS if name in kwargs)
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and not rule(request.user, page):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(require_admin_access(guarded_view))


def _named_patterns(patterns, route="", namespace=""):
    """``(namespaced name, full route, plain)`` and the pattern, for every pattern under ``patterns``.

    ``plain``: every part of the route is a ``path()`` route, not a regex.
    """
    for pattern in patterns:
        here = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            for name, full, plain, leaf in _named_patterns(pattern.url_patterns, here, inner):
                yield name, full, plain and isinstance(pattern.pattern, RoutePattern), leaf
        elif pattern.name:
            yield (
                f"{namespace}{pattern.name}",
                here,
                isinstance(pattern.pattern, RoutePattern),
                pattern,
            )


def urlpatterns(prefix, admin_urls):
    """Wagtail's views of ``GUARDS``, guarded, at their own routes under ``prefix``.

    ``admin_urls`` is the module ``config/urls.py`` mounts at ``prefix``
    (``wagtail.admin.urls``); its views are already wrapped in Wagtail's
    admin decorators. Mount the result before it.
    """
    found = {
        name: (route, plain, pattern)
        for name, route, plain, pattern in _named_patterns(admin_urls.urlpatterns)
        if name in GUARDS
    }
    missing = sorted(GUARDS.keys() - found.keys())
    if missing:
        raise ImproperlyConfigured(f"Wagtail no longer has the admin URLs {missing}")
    urls = []
    for name, (route, plain, pattern) in found.items():
        if not plain:
            raise ImproperlyConfigured(f"{name} is not a path() route any more")
        urls.append(path(f"{prefix}{route}", guarded(GUARDS[name], pattern.callback)))
    return urls
