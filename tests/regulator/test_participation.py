"""参与情况: the statistics match the activity of a known month exactly, and the score follows the weights.

The month is built in ``participation_world`` through Wagtail's own workflow
API, with every record dated to Beijing time; see its docstring for the story.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from regulator.models import ParticipationWeights
from regulator.participation import (
    METRIC_KEYS,
    Period,
    Weights,
    normalise,
    participation,
    weighted_score,
)
from snippets.models import completeness_of
from tests.regulator.participation_world import MARCH, build_march

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 28)
DEFAULT = {
    "submitted": 20,
    "published": 20,
    "first_pass": 10,
    "review_time": 10,
    "freshness": 15,
    "completeness": 10,
    "enquiries": 5,
    "receipts": 10,
}


@pytest.fixture
def march(reg, django_user_model):
    return build_march(reg, django_user_model)


def report_for(start, end, weights=None):
    return participation(start=start, end=end, weights=weights, today=TODAY)


def by_code(report):
    return {row.enterprise.code: row for row in report.groups}


def test_each_groups_march_is_counted_exactly_as_it_happened(reg, march):
    rows = by_code(report_for(*MARCH))
    a, b = rows["group-a"], rows["group-b"]

    # 提交审核: N1, P2 (once, though resubmitted), E3 on 31 March 23:30, L1; not N4 (1 April).
    assert a.submitted == 4
    assert dict(a.activity.submitted) == {
        "news": 1,
        "achievements": 1,
        "experience": 1,
        "expert": 1,
    }
    assert b.submitted == 2
    assert dict(b.activity.submitted) == {"news": 1, "product": 1}

    # 新发布: first published in March; BL0 went online in January, BL2 was sent back.
    assert a.published == 3
    assert dict(a.activity.published) == {"news": 1, "achievements": 1, "expert": 1}
    assert b.published == 1
    assert dict(b.activity.published) == {"news": 1}

    # 一次通过率: N1 and L1 passed at once, P2 was sent back; B1 passed, BL2 was sent back.
    assert (a.first_pass_approved, a.first_pass_decided) == (2, 3)
    assert a.first_pass == pytest.approx(2 / 3)
    assert (b.first_pass_approved, b.first_pass_decided) == (1, 2)
    assert b.first_pass == 0.5

    # 审核用时: 24 h, 72 h (from the first submission to the approval) and 6 h; B1 120 h.
    assert sorted(a.activity.review_hours) == pytest.approx([6, 24, 72])
    assert a.review_hours == pytest.approx(24)
    assert a.review_days == pytest.approx(1)
    assert b.review_hours == pytest.approx(120)
    assert b.review_days == pytest.approx(5)

    # 距上次发布, counted to 31 March: L1 on 10 March (N4's April publication is later).
    assert a.last_published_on == datetime.date(2026, 3, 10)
    assert a.days_since_update == 21
    assert b.last_published_on == datetime.date(2026, 3, 20)
    assert b.days_since_update == 11

    # 资源信息完整度 of the listings public on 31 March: L1 for A, BL0 for B (BL2 never went online).
    march.l1.refresh_from_db()
    march.bl0.refresh_from_db()
    assert (a.listings_public, b.listings_public) == (1, 1)
    assert a.completeness == march.l1.completeness == completeness_of(march.l1) == 67
    assert b.completeness == march.bl0.completeness == completeness_of(march.bl0) == 62

    # 对接意向: two in March on L1 (one at 23:00 on the 31st), the April one is not counted.
    assert (a.enquiries, b.enquiries) == (2, 1)

    # 按期回执: A answered X and Y in time (Y at 23:00 on its deadline); B answered X late.
    assert (a.receipts_on_time, a.receipts_due) == (2, 2)
    assert (b.receipts_on_time, b.receipts_due) == (0, 1)
    assert b.activity.receipts_missed == ["通知X"]


def test_subsidiaries_are_shown_apart_and_add_up_to_their_group(reg, march):
    report = report_for(*MARCH)
    a = by_code(report)["group-a"]
    own, a1 = a.subsidiaries
    assert (own.enterprise, own.is_own, own.level_label) == (reg.group_a, True, "集团本级")
    assert (a1.enterprise, a1.is_own, a1.level_label) == (reg.a1, False, "所属企业")
    assert dict(own.activity.submitted) == {"experience": 1}
    assert dict(a1.activity.submitted) == {"news": 1, "achievements": 1, "expert": 1}
    assert (own.published, a1.published) == (0, 3)
    # The group answers the notices; the subsidiary has none to answer.
    assert (own.receipts_due, a1.receipts_due) == (2, 0)
    assert a1.receipts is None
    assert [row.enterprise.code for row in report.enterprises] == ["group-a", "a1", "group-b"]


def test_the_score_is_the_weighted_mean_of_the_normalised_metrics(reg, march):
    report = report_for(*MARCH, weights=DEFAULT)
    a, b = by_code(report)["group-a"], by_code(report)["group-b"]

    expected_a = {
        "submitted": 1.0,  # the most: 4 of 4
        "published": 1.0,
        "first_pass": 2 / 3,
        "review_time": 1.0,  # 1 day, within the 3-day target
        "freshness": 1 - 21 / 90,
        "completeness": 0.67,
        "enquiries": 1.0,
        "receipts": 1.0,
    }
    expected_b = {
        "submitted": 2 / 4,
        "published": 1 / 3,
        "first_pass": 0.5,
        "review_time": 3 / 5,  # target 3 days ÷ 5 days
        "freshness": 1 - 11 / 90,
        "completeness": 0.62,
        "enquiries": 1 / 2,
        "receipts": 0.0,
    }
    for row, expected in ((a, expected_a), (b, expected_b)):
        assert row.scores == pytest.approx(expected)
        total = sum(DEFAULT[k] * v for k, v in expected.items()) / sum(DEFAULT.values())
        assert row.score == round(100 * total, 1)
    assert a.score == 89.9
    assert b.score == 49.5
    assert [(row.rank, row.enterprise.code) for row in report.groups] == [
        (1, "group-a"),
        (2, "group-b"),
    ]


def test_changing_the_weights_changes_the_order(reg, march):
    only_freshness = dict.fromkeys(METRIC_KEYS, 0) | {"freshness": 1}
    report = report_for(*MARCH, weights=only_freshness)
    # B published on 20 March, A last on 10 March: B is fresher.
    assert [row.enterprise.code for row in report.groups] == ["group-b", "group-a"]
    assert [row.score for row in report.groups] == [87.8, 76.7]

    weights = ParticipationWeights.load()
    for key, name in ParticipationWeights.WEIGHT_FIELDS.items():
        setattr(weights, name, 1 if key == "freshness" else 0)
    weights.save()
    assert [row.enterprise.code for row in report_for(*MARCH).groups] == ["group-b", "group-a"]


def test_a_group_with_no_notice_due_is_scored_on_the_other_metrics(reg, march):
    # April: only notice Z (deadline 1 April) was due, and nobody acknowledged it.
    report = report_for(datetime.date(2026, 4, 2), datetime.date(2026, 4, 30), weights=DEFAULT)
    a = by_code(report)["group-a"]
    assert a.receipts is None and a.scores["receipts"] is None
    applicable = {k: w for k, w in DEFAULT.items() if k != "receipts"}
    expected = sum(applicable[k] * a.scores[k] for k in applicable) / sum(applicable.values())
    assert a.score == round(100 * expected, 1)


def test_ties_share_a_rank_and_an_idle_month_scores_nothing(reg, march):
    report = report_for(datetime.date(2025, 6, 1), datetime.date(2025, 6, 30), weights=DEFAULT)
    assert [(row.rank, row.score, row.took_part) for row in report.groups] == [
        (1, 0.0, False),
        (1, 0.0, False),
    ]
    assert all(row.days_since_update is None for row in report.groups)


# --- period boundaries --------------------------------------------------------------


def test_the_last_day_of_the_month_counts_and_the_first_of_the_next_does_not(reg, march):
    a_march = by_code(report_for(*MARCH))["group-a"]
    a_april = by_code(report_for(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)))["group-a"]
    # E3 at 23:30 on 31 March (Beijing) is March's; N4 at 00:10 on 1 April (still 31 March
    # in UTC) is April's, and so is its publication.
    assert a_march.submitted_of("experience") == 1
    assert a_march.submitted_of("news") == 1
    assert a_april.submitted_of("news") == 1
    assert a_april.published_of("news") == 1
    assert a_april.enquiries == 1
    assert a_april.last_published_on == datetime.date(2026, 4, 1)

    last_day = by_code(report_for(datetime.date(2026, 3, 31), datetime.date(2026, 3, 31)))
    assert last_day["group-a"].submitted == 1  # E3
    assert last_day["group-a"].enquiries == 1
    assert (last_day["group-a"].receipts_on_time, last_day["group-a"].receipts_due) == (1, 1)


def test_a_notice_whose_deadline_has_not_passed_is_not_yet_counted(reg, march):
    # Seen on 31 March, notice Y (deadline that day) may still be acknowledged.
    report = participation(
        start=datetime.date(2026, 3, 1),
        end=datetime.date(2026, 3, 31),
        today=datetime.date(2026, 3, 31),
    )
    a = by_code(report)["group-a"]
    assert (a.receipts_on_time, a.receipts_due) == (1, 1)


def test_periods_are_whole_days_in_beijing():
    october = Period.month(2026, 10)
    assert (october.start, october.end, october.label) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 10, 31),
        "2026年10月",
    )
    assert october.start_at.isoformat() == "2026-10-01T00:00:00+08:00"
    assert october.end_at.isoformat() == "2026-11-01T00:00:00+08:00"
    assert Period.month(2028, 2).end == datetime.date(2028, 2, 29)
    assert Period.last_full_month(datetime.date(2026, 1, 15)) == Period.month(2025, 12)
    assert Period.last_full_month(datetime.date(2026, 11, 1)) == Period.month(2026, 10)
    span = Period(datetime.date(2026, 10, 8), datetime.date(2026, 10, 20))
    assert not span.is_month
    assert span.label == "2026年10月8日至2026年10月20日"


# --- normalisation and weights ---------------------------------------------------------


def test_each_metric_is_normalised_as_the_report_says():
    weights = Weights(weights=DEFAULT, target_review_days=3, stale_after_days=90)
    assert normalise("submitted", 5, best=10, weights=weights) == 0.5
    assert normalise("submitted", 0, best=0, weights=weights) == 0.0
    assert normalise("review_time", 2.5, best=None, weights=weights) == 1.0
    assert normalise("review_time", 6, best=None, weights=weights) == 0.5
    assert normalise("review_time", None, best=None, weights=weights) == 0.0
    assert normalise("freshness", 45, best=None, weights=weights) == 0.5
    assert normalise("freshness", 200, best=None, weights=weights) == 0.0
    assert normalise("freshness", None, best=None, weights=weights) == 0.0
    assert normalise("completeness", 80, best=None, weights=weights) == 0.8
    assert normalise("first_pass", None, best=None, weights=weights) == 0.0
    assert normalise("receipts", None, best=None, weights=weights) is None
    assert weighted_score({"submitted": 1.0, "receipts": None}, weights) == 100.0
    assert weighted_score({"receipts": None}, weights) == 0.0


def test_weights_that_add_up_to_nothing_are_refused():
    weights = ParticipationWeights()
    for name in ParticipationWeights.WEIGHT_FIELDS.values():
        setattr(weights, name, 0)
    with pytest.raises(ValidationError) as refusal:
        weights.full_clean()
    assert "各项权重之和不能为 0" in str(refusal.value)
    weights.enquiries_weight = 1
    weights.full_clean()
