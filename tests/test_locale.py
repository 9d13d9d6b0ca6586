"""The English interface catalogue is complete and its compiled file is current.

Chinese is the source language of every interface string; a reader of /en/
sees the English msgstr. The .mo file is committed so that `make run` works
without gettext; this test catches a .po edited without recompiling.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def test_every_interface_string_has_an_english_translation():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == [], f"untranslated or fuzzy: {missing[:10]}"


def test_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))

    def entries(catalogue):
        return {
            (e.msgctxt, e.msgid): e.msgstr or tuple(e.msgstr_plural.values())
            for e in catalogue
            if e.msgid and not e.obsolete and not getattr(e, "fuzzy", False)
        }

    assert entries(mo) == entries(po), "run `make messages` to recompile locale/en"


def test_english_reader_sees_english_interface_strings():
    with translation.override("en"):
        assert translation.gettext("跳到主要内容") != "跳到主要内容"
