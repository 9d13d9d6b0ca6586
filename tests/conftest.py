"""Shared fixtures: the site skeleton, a small enterprise tree and an admin user.

Every test builds only what it needs; the skeleton (home, five sections,
企业子平台 and their English copies) is what ``setup_site`` creates on a fresh
database, so tests see the same tree as a reader of a new installation.
"""

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache

from pages.setup import ensure_site_structure
from tests.factories import EnterpriseFactory, EnterprisePageFactory


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """config.settings.test puts uploads in a fresh temporary folder; leave nothing behind."""
    yield
    media = Path(settings.MEDIA_ROOT)
    if media.name.startswith("ceti-test-media-") and media.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail keeps site root paths in the cache; each test starts from an empty one."""
    cache.clear()
    yield
    cache.clear()


# What can differ between PostgreSQL and SQLite: every page type rendered and its query count, the
# demo loader, bad input in paths and query strings (integer ranges), search (FTS5 against
# PostgreSQL's FTS), the import's bulk writes, directory facets and counts, date and decimal
# arithmetic of the regulator's reports. CI runs the whole suite on PostgreSQL and these again
# on SQLite (`make test-sqlite`); `make test` on SQLite runs everything.
DATABASE_SENSITIVE = (
    "tests/test_site.py",
    "tests/pages/",
    "tests/search/",
    "tests/api/test_queries.py",
    "tests/api/test_leaks.py",
    "tests/snippets/test_directory.py",
    "tests/snippets/test_listing_import.py",
    "tests/snippets/test_listing_models.py",
    "tests/regulator/test_participation.py",
    "tests/regulator/test_ranking.py",
    "tests/regulator/test_survey_rules.py",
)


def pytest_configure(config):
    # whitenoise warns when collectstatic has not run; tests serve no static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
    config.addinivalue_line("markers", "seed: loads the demo content (a few seconds each)")
    config.addinivalue_line(
        "markers", "database_sensitive: runs on SQLite too in CI (see DATABASE_SENSITIVE)"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the database-sensitive tests, and keep the browser tests on one xdist worker.

    The browser tests share one development server and its demo database (a
    session fixture); spread over workers, each would migrate and seed its
    own. ``--dist loadgroup`` sends the group to one worker while the other
    runs the rest. This runs before xdist reads the groups.
    """
    root = config.rootpath
    for item in items:
        path = item.path.relative_to(root).as_posix()
        if path.startswith(DATABASE_SENSITIVE):
            item.add_marker(pytest.mark.database_sensitive)
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(autouse=True)
def _no_search_indexing(settings):
    """Indexing every saved page is a third of the cost of building test content.

    Tests that search ask for the ``search_index`` fixture.
    """
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backend", "AUTO_UPDATE": False}
    }


@pytest.fixture
def search_index(settings):
    """Pages are indexed as they are saved, as on the real site."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backend", "AUTO_UPDATE": True}
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the skeleton once in the test database; each test rolls back to it.

    Creating the English copies through wagtail-localize takes a second or two,
    too long to repeat in every test. (A test that needs ``transactional_db``
    must also ask for ``serialized_rollback``: a flush would remove the tree.)
    """
    with django_db_blocker.unblock():
        ensure_site_structure()


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction around a whole test module, for data that its tests share.

    Module-scoped fixtures that ask for it build their rows once; each test's
    own transaction (pytest-django's ``db``) is then a savepoint inside it and
    rolls back to the shared rows, and the module's end rolls them back too.
    Tests get a deep copy of the built objects (``copy.deepcopy``, as Django's
    ``setUpTestData`` does), so what one test changes in memory the next does
    not see. Search indexing is off while building, as in every test.
    """
    from django.db import transaction
    from django.test import override_settings

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with override_settings(
                WAGTAILSEARCH_BACKENDS={
                    "default": {"BACKEND": "search.backend", "AUTO_UPDATE": False}
                }
            ):
                yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(db):
    """The site skeleton: ``site.home``, ``site.news`` … ``site.enterprises``, ``site.en_home``."""
    return site_structure()


def site_structure():
    """``site`` for module-scoped fixtures, which cannot ask for the function-scoped ``db``."""
    from wagtail.models import Locale

    home, sections = ensure_site_structure()  # already there: this only looks it up
    en = Locale.objects.get(language_code="en")
    return SimpleNamespace(
        home=home,
        en_home=home.get_translation(en).specific,
        zh=home.locale,
        en=en,
        **{slug: page.specific for slug, page in sections.items()},
    )


def make_enterprise_page(parent_page, **enterprise_kwargs):
    enterprise = EnterpriseFactory(**enterprise_kwargs)
    return EnterprisePageFactory(parent=parent_page, enterprise=enterprise)


@pytest.fixture
def tree(site):
    """集团 A (group-a) with its subsidiary A1 (a1), and 集团 B (group-b), under 企业子平台.

    ``tree.group_a`` / ``tree.a1`` / ``tree.group_b`` are the sub-platform pages;
    their enterprises are ``tree.group_a.enterprise`` and so on.
    """
    group_a = make_enterprise_page(
        site.enterprises,
        code="group-a",
        name="示例能源集团有限公司",
        short_name="示例能源",
        name_en="Example Energy Group",
        short_name_en="Example Energy",
        sort_order=1,
    )
    a1 = make_enterprise_page(
        group_a,
        code="a1",
        name="示例能源第一研究院有限公司",
        short_name="能源一院",
        name_en="Example Energy Research Institute No. 1",
        short_name_en="Energy Institute 1",
        parent=group_a.enterprise,
    )
    group_b = make_enterprise_page(
        site.enterprises,
        code="group-b",
        name="示例装备集团有限公司",
        short_name="示例装备",
        name_en="Example Equipment Group",
        short_name_en="Example Equipment",
        sort_order=2,
    )
    return SimpleNamespace(site=site, group_a=group_a, a1=a1, group_b=group_b)


@pytest.fixture
def admin_client(client, django_user_model):
    """A platform administrator with no language preference, logged in."""
    user = django_user_model.objects.create_superuser(
        username="platform_admin", email="admin@example.cn", password="x-admin-pass-2026"
    )
    client.force_login(user)
    client.user = user
    return client
