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


def pytest_configure(config):
    # whitenoise warns when collectstatic has not run; tests serve no static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
    config.addinivalue_line("markers", "seed: loads the demo content (a few seconds each)")


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


@pytest.fixture
def site(db):
    """The site skeleton: ``site.home``, ``site.news`` … ``site.enterprises``, ``site.en_home``."""
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
