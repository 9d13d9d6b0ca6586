"""Translating pages through wagtail-localize from code (setup and demo data).

Editors translate in the admin ("Translate" on a page); code that creates
pages uses the same machinery, so every English page is a real wagtail-localize
translation that editors can later sync and edit.
"""

from wagtail.models import Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def translate_page(page, locale, strings, *, user=None, publish=True):
    """Create or update the translation of ``page`` into ``locale``.

    ``strings`` maps source segments (a title, a summary, one paragraph) to
    their translation; segments it lacks fall back to the source text.
    Parents that are not yet translated are copied first, as in the admin.
    Returns the translated page.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    # wagtail-localize publishes in transaction.on_commit with the in-memory
    # copy of the page, which inside a longer transaction (a loader, a test)
    # writes back stale tree fields; save a draft and publish it ourselves.
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale)
    if publish:
        Revision.objects.get(pk=translated.latest_revision_id).publish(user=user)
        translated.refresh_from_db()
    return translated
