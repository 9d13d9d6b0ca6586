"""The indicator system holds: what an editor cannot save, what a revision keeps, what counts as public."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from snippets.models import (
    LISTING_MODELS,
    Expert,
    Instrument,
    Listing,
    ListingPatent,
    NationalInstitution,
    OngoingProject,
    TechnologyTransfer,
    missing_fields,
)
from tests.factories import EnterpriseFactory, TechFieldFactory, build_listing, make_listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(site):
    return EnterpriseFactory(code="a1", short_name="示例新能源")


def errors_of(listing):
    with pytest.raises(ValidationError) as caught:
        listing.full_clean()
    return caught.value.message_dict


def test_every_type_records_its_kind_and_specific_type(enterprise):
    for model in LISTING_MODELS:
        listing = make_listing(model.listing_kind, enterprise, live=False)
        base = Listing.objects.get(pk=listing.pk)
        assert base.kind == model.listing_kind
        assert type(base.specific) is model
        assert base.get_content_type().model_class() is model


def test_instrument_below_half_a_million_yuan_is_refused(enterprise):
    listing = build_listing("instrument", enterprise, original_value_wan=Decimal("49.99"))
    assert "original_value_wan" in errors_of(listing)


def test_project_cannot_end_before_it_starts(enterprise):
    listing = build_listing(
        "project",
        enterprise,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2024, 12, 1),
    )
    assert errors_of(listing)["end_date"] == ["结束时间不能早于开始时间。"]


def test_expert_needs_consent_and_never_shows_contact(enterprise):
    listing = build_listing("expert", enterprise, consent=False, contact_public=True)
    assert "consent" in errors_of(listing)
    assert listing.contact_public is False
    assert not listing.contact_shown


def test_unknown_choice_codes_are_refused(enterprise):
    listing = build_listing("instrument", enterprise, sharing_modes=["gift"])
    assert "sharing_modes" in errors_of(listing)
    # A technology transfer offers rights; a technical service is not one of them.
    transfer = build_listing("transfer", enterprise, transfer_modes=["technical_service"])
    assert "transfer_modes" in errors_of(transfer)


def test_bad_phone_future_year_and_long_validity_are_refused(enterprise):
    listing = build_listing(
        "institution",
        enterprise,
        contact_phone="call me",
        approved_year=timezone.localdate().year + 1,
        valid_until=timezone.localdate() + datetime.timedelta(days=4 * 365),
    )
    errors = errors_of(listing)
    assert {"contact_phone", "approved_year", "valid_until"} <= set(errors)


def test_long_text_limits_apply(enterprise):
    listing = build_listing("challenge", enterprise, problem="难" * 2001)
    assert "problem" in errors_of(listing)


def test_patent_numbers_are_checked(enterprise):
    patent = ListingPatent(
        number="12345", name="x", patent_type="invention", patent_status="granted"
    )
    with pytest.raises(ValidationError):
        patent.full_clean(exclude=["listing"])
    ListingPatent(
        number="CN202310123456.7", name="x", patent_type="invention", patent_status="granted"
    ).full_clean(exclude=["listing"])


def test_revision_keeps_fields_and_patents(enterprise):
    energy, hydrogen = TechFieldFactory(slug="energy"), TechFieldFactory(slug="hydrogen")
    listing = make_listing("transfer", enterprise, live=False, tech_fields=[energy, hydrogen])
    listing.patents = [
        ListingPatent(
            number="CN202310123456.7",
            name="储氢方法",
            patent_type="invention",
            patent_status="granted",
        )
    ]
    revision = listing.save_revision()
    restored = revision.as_object()
    assert isinstance(restored, TechnologyTransfer)
    assert {f.slug for f in restored.tech_fields.all()} == {"energy", "hydrogen"}
    assert [p.name for p in restored.patents.all()] == ["储氢方法"]
    revision.publish()
    live = TechnologyTransfer.objects.get(pk=listing.pk)
    assert live.patents.count() == 1 and live.tech_fields.count() == 2


def test_workflow_state_hands_out_the_specific_listing(enterprise, django_user_model):
    from workflows.tasks import ensure_review_workflow, specific_object

    ensure_review_workflow()
    user = django_user_model.objects.create_user("a1_editor")
    listing = make_listing("expert", enterprise, live=False)
    state = listing.get_workflow().start(listing, user)
    base = WorkflowState.objects.get(pk=state.pk).content_object
    assert type(specific_object(base)) is Expert


def test_every_listing_type_is_under_review(enterprise):
    from workflows.tasks import REVIEW_WORKFLOW_NAME, ensure_review_workflow

    ensure_review_workflow()
    for model in LISTING_MODELS:
        listing = make_listing(model.listing_kind, enterprise, live=False)
        assert listing.get_workflow().name == REVIEW_WORKFLOW_NAME


def test_deleting_a_draft_leaves_no_revisions(enterprise):
    listing = make_listing("expert", enterprise, live=False)
    listing.save_revision()
    pk = str(listing.pk)
    assert Revision.objects.filter(object_id=pk).count() == 2
    Expert.objects.get(pk=listing.pk).delete()
    assert not Revision.objects.filter(object_id=pk).exists()


def test_completeness_rewards_optional_indicators(enterprise):
    bare = make_listing("institution", enterprise, live=False)
    full = make_listing(
        "institution",
        enterprise,
        live=False,
        title="完整机构",
        director="刘建国",
        facilities="特高压试验场",
        staff_count=120,
        website="https://lab.example.com",
        tech_fields=[TechFieldFactory()],
    )
    assert bare.completeness < full.completeness
    assert "负责人" in missing_fields(bare)
    assert "负责人" not in missing_fields(full)
    # Only the image is left.
    assert missing_fields(NationalInstitution.objects.get(pk=full.pk)) == ["图片"]


def test_expired_listing_leaves_the_public_set_at_midnight(enterprise):
    today = timezone.localdate()
    today_last_day = make_listing("job", enterprise, title="今天截止", valid_until=today)
    expired = make_listing(
        "job", enterprise, title="昨天截止", valid_until=today - datetime.timedelta(days=1)
    )
    draft = make_listing("job", enterprise, title="草稿", live=False)
    public = set(Listing.objects.public().values_list("pk", flat=True))
    assert today_last_day.pk in public
    assert expired.pk not in public and draft.pk not in public
    tomorrow = today + datetime.timedelta(days=1)
    assert today_last_day.pk not in set(
        Listing.objects.public(today=tomorrow).values_list("pk", flat=True)
    )


def _indexed_columns(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        c["columns"][0]
        for c in constraints.values()
        if c["columns"] and (c["index"] or c["unique"] or c["foreign_key"])
    }


def test_every_directory_filter_has_an_index():
    base = _indexed_columns(Listing._meta.db_table)
    for column in ("kind", "region", "status", "valid_until", "enterprise_id", "locale_id"):
        assert column in base, column
    through = Listing.tech_fields.through._meta.db_table
    assert {"listing_id", "techfield_id"} <= _indexed_columns(through)
    facets = {
        Instrument: "instrument_category",
        Expert: "title_level",
        NationalInstitution: "institution_kind",
        OngoingProject: "funding_programme",
        TechnologyTransfer: "trl",
    }
    for model, column in facets.items():
        assert column in _indexed_columns(model._meta.db_table), (model, column)
