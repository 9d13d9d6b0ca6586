"""wagtail-localize's views, asked the row-level question for resource listings.

wagtail-localize checks snippets per model: submitting a translation fetches
the object from the whole table, the translation editor's sub-views (edit a
string, an override, PO download/upload, machine translation, stop) ask
``user_can_edit_snippet_type``, and its snippets API and translations report
list every row's title. For listings, each view here first resolves the
listing, answers 404 if the user may not see it (existence is not revealed),
403 if they see it but may not change it, and then calls wagtail-localize's
own view. Other models go straight through.

``urlpatterns(prefix)`` is mounted in ``config/urls.py`` before the admin, at
the URLs wagtail-localize 1.14.5 registers under ``admin/localize/``, so every
link it makes lands here (the pattern of ``workflows/reports.py``).
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    edit_translation,
    report,
    snippets_api,
    submit_translations,
    update_translations,
)

from snippets.models import Listing
from workflows import converters  # noqa: F401  (registers <int64:...>)
from workflows.listing_policy import visible_listings

from .admin import choosable_listings, user_may


def is_listing_model(model):
    return model is not None and issubclass(model, Listing)


def guard(user, instance, action="change"):
    """404 outside the user's listings, 403 where they may look but not ``action``."""
    if not visible_listings(user, type(instance)).filter(pk=instance.pk).exists():
        raise Http404
    if not user_may(user, action, instance):
        raise PermissionDenied


def guard_source(user, source):
    """The listing a translation source was taken from, guarded; other models pass."""
    model = source.specific_content_type.model_class()
    if not is_listing_model(model):
        return
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist as e:
        raise Http404 from e
    guard(user, instance)


# -- submit, update ------------------------------------------------------------------------


_submit_snippet = submit_translations.SubmitSnippetTranslationView.as_view()
_update = update_translations.UpdateTranslationsView.as_view()


def submit_snippet_translation(request, app_label, model_name, pk):
    model = get_snippet_model_from_url_params(app_label, model_name)
    if is_listing_model(model):
        try:
            instance = model.objects.get(pk=unquote(pk))
        except (ObjectDoesNotExist, ValueError, ValidationError) as e:
            raise Http404 from e
        guard(request.user, instance)
    return _submit_snippet(request, app_label=app_label, model_name=model_name, pk=pk)


def update_translations_view(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    guard_source(request.user, source)
    return _update(request, translation_source_id=translation_source_id)


# -- the translation editor's sub-views ------------------------------------------------------


def translation_view(view):
    """Guard a wagtail-localize view taking ``translation_id`` by the listing it translates."""

    def guarded(request, translation_id, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        guard_source(request.user, translation.source)
        return view(request, translation_id=translation_id, **kwargs)

    guarded.__name__ = view.__name__
    guarded.__doc__ = view.__doc__
    return guarded


# -- lists of titles -------------------------------------------------------------------------


class ScopedSnippetsAPI(snippets_api.SnippetViewSet):
    """The translation editor's snippet lookup: listings the user could choose, nothing else."""

    def get_queryset(self):
        model = self.get_model()
        if is_listing_model(model):
            return choosable_listings(self.request.user, model)
        return super().get_queryset()


def visible_translations_q(user):
    """Translations of other models, or of listings the user sees."""
    from django.contrib.contenttypes.models import ContentType

    from snippets.models import LISTING_MODELS

    if user.is_superuser:
        return Q()
    listing_types = ContentType.objects.get_for_models(*LISTING_MODELS, Listing).values()
    keys = visible_listings(user).values("translation_key")
    return ~Q(source__specific_content_type__in=[ct.pk for ct in listing_types]) | Q(
        source__object_id__in=keys
    )


class ScopedTranslationsReportView(report.TranslationsReportView):
    def get_queryset(self):
        # Ordered, which wagtail-localize's report is not (stable pagination).
        return (
            super().get_queryset().filter(visible_translations_q(self.request.user)).order_by("-pk")
        )


def urlpatterns(prefix):
    """The wagtail-localize URLs under ``prefix`` (``admin/localize/``), guarded."""
    p = prefix
    return [
        path(
            f"{p}submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            require_admin_access(submit_snippet_translation),
        ),
        path(
            f"{p}update/<int64:translation_source_id>/",
            require_admin_access(update_translations_view),
        ),
        path(
            f"{p}translate/<int64:translation_id>/strings/<int64:string_segment_id>/edit/",
            require_admin_access(translation_view(edit_translation.edit_string_translation)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/overrides/<int64:overridable_segment_id>/edit/",
            require_admin_access(translation_view(edit_translation.edit_override)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/pofile/download/",
            require_admin_access(translation_view(edit_translation.download_pofile)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/pofile/upload/",
            require_admin_access(translation_view(edit_translation.upload_pofile)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/machine_translate/",
            require_admin_access(translation_view(edit_translation.machine_translate)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/preview/",
            require_admin_access(translation_view(edit_translation.preview_translation)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/preview/<str:mode>/",
            require_admin_access(translation_view(edit_translation.preview_translation)),
        ),
        path(
            f"{p}translate/<int64:translation_id>/disable/",
            require_admin_access(translation_view(edit_translation.stop_translation)),
        ),
        path(
            f"{p}api/snippets/<slug:app_label>/<slug:model_name>/",
            require_admin_access(ScopedSnippetsAPI.as_view({"get": "list"})),
        ),
        path(
            f"{p}api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            require_admin_access(ScopedSnippetsAPI.as_view({"get": "retrieve"})),
        ),
        path(
            f"{p}reports/translations/",
            require_admin_access(ScopedTranslationsReportView.as_view()),
        ),
        path(
            f"{p}reports/translations/results/",
            require_admin_access(ScopedTranslationsReportView.as_view(results_only=True)),
        ),
    ]
