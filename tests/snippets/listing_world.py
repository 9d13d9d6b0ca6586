"""Resource listings of the provisioned ``world``: a draft, one awaiting 集团审核 and a published one per owner.

Shared by the listing permission tests and the authorization matrix. Owners
are 能源一院 (``a1``, subsidiary of 集团 A), 集团 A itself (``group_a``) and
装备一所 (``b1``, subsidiary of 集团 B); a listing always has an enterprise,
so the regulator owns none. Each listing has two revisions (to compare and
revert to) and a title naming its owner and state, so a page that shows it
can be searched for it.
"""

import copy
from types import SimpleNamespace

import pytest

from snippets.models import Enterprise
from tests.factories import TechFieldFactory, make_listing

LISTING_OWNERS = ("a1", "group_a", "b1")
ENTERPRISE_CODES = {"a1": "a1", "group_a": "group-a", "b1": "b1"}
WRITER = {"a1": "a1_editor", "group_a": "groupa_editor", "b1": "b1_editor"}


def listing_title(owner, state):
    return f"{owner}-{state}-离子色谱仪"


@pytest.fixture
def listings(listings_built, world):
    """``listings_built``, a fresh copy for each test (the world's rows are built first)."""
    return copy.deepcopy(listings_built)


@pytest.fixture(scope="module")
def listings_built(world_built):
    """``listings.items[state][owner]`` (instruments), ``listings.enterprises[owner]``."""
    world = world_built
    field = TechFieldFactory(name="分析测试", slug="analysis")
    enterprises = {
        owner: Enterprise.objects.get(code=code) for owner, code in ENTERPRISE_CODES.items()
    }

    def item(owner, state):
        writer = world.users[WRITER[owner]]
        listing = make_listing(
            "instrument",
            enterprises[owner],
            title=listing_title(owner, state),
            live=state == "live",
            tech_fields=[field],
            # Publication comes from review; nobody but the administrator holds "publish".
            user=None if state == "live" else writer,
        )
        listing.availability = "工作日9:00–17:00，需提前三个工作日预约。"
        listing.save_revision(user=writer)
        if state == "review":
            listing.get_workflow().start(listing, writer)
        listing.refresh_from_db()
        return listing

    items = {
        state: {owner: item(owner, state) for owner in LISTING_OWNERS}
        for state in ("draft", "review", "live")
    }
    return SimpleNamespace(items=items, enterprises=enterprises)


def edit_data(listing, user, **changes):
    """The editor's fields as the browser posts them, built from the listing's own form."""
    form_class = listing.snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(instance=listing.get_latest_revision_as_object(), for_user=user)
    data = {}

    def add(bound_form):
        for field in bound_form:
            if field.field.disabled:
                continue
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [str(v) for v in value]
            elif value is not None:
                data[field.html_name] = str(value)

    add(form)
    for formset in form.formsets.values():
        for field in formset.management_form:
            data[field.html_name] = str(field.value())
        for subform in formset.forms:
            add(subform)
    data.update(changes)
    return data
