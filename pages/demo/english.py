"""English translations of the demo pages, through wagtail-localize.

Every English page is a real wagtail-localize translation (editors can sync
and edit it), filled from the English half of the corpus: each item carries
a dict from each Chinese segment to its English. A segment the dict lacks
stays Chinese and is reported, so a gap in the corpus is noticed.
"""

from collections import Counter

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from pages.models import NoticeAttachment
from pages.translation import translate_page

from .plan import STREAMS
from .reference import ENTERPRISES


class EnglishTranslator:
    def __init__(self, locale, *, log=print):
        self.locale = locale
        self.log = log
        self.created = Counter()
        self.untranslated = []  # (page title, Chinese segment)
        self.done = set(
            Page.objects.filter(locale=locale).values_list("translation_key", flat=True)
        )

    @transaction.atomic
    def translate_enterprises(self, enterprise_pages):
        """Every sub-platform page, groups before their subsidiaries."""
        for spec in ENTERPRISES:
            page = enterprise_pages[spec.code]
            if page.translation_key not in self.done:
                self.translate(page, {spec.name: spec.name_en})
                self.created["enterprise pages (en)"] += 1

    def translate_items(self, plan, parent_of):
        """The live items the plan marks for translation, stream by stream."""
        for stream in STREAMS:
            wanted = [i for i in plan if i.stream == stream and i.translate and i.published_at]
            done = 0
            with transaction.atomic():
                for item in wanted:
                    page = (
                        parent_of(item.parent)
                        .get_children()
                        .filter(slug=item.slug)
                        .specific()
                        .first()
                    )
                    if page is not None and page.translation_key not in self.done:
                        self.translate(page, item.strings)
                        done += 1
            self.created[f"{stream} (en)"] += done
            self.log(f"  English {stream}: {len(wanted)} 篇译文（本次新建 {done}）")

    def translate(self, page, strings):
        for segment in extract_segments(page):
            if (
                isinstance(segment, StringSegmentValue)
                and segment.path != "slug"
                and segment.string.data not in strings
            ):
                self.untranslated.append((page.title, segment.string.data))
        translation = translate_page(page, self.locale, strings)
        # The English page appeared when the Chinese one did.
        Page.objects.filter(pk=translation.pk).update(
            first_published_at=page.first_published_at,
            last_published_at=page.last_published_at,
        )
        # Attachments are not translatable objects, so wagtail-localize copies
        # them as they are; name them in English on the English page.
        for attachment in NoticeAttachment.objects.filter(page_id=translation.pk):
            if attachment.title in strings:
                attachment.title = strings[attachment.title]
                attachment.save(update_fields=["title"])
        self.done.add(page.translation_key)
        self.created["translations"] += 1
        return translation
