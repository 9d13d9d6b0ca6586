"""The survey demo: 2024 accepted for every group company, 2025 in every state, loaded once."""

import pytest

from pages.demo.survey import JUMP, RETURN_COMMENT, load_survey
from regulator.models import SurveyReport, SurveyValue, SurveyYear
from regulator.survey import check_report

Status = SurveyReport.Status


@pytest.fixture
def demo(reg):
    enterprises = {"group-a": reg.group_a, "a1": reg.a1, "group-b": reg.group_b}
    return enterprises, reg.users


def test_the_demo_files_2024_for_everyone_and_leaves_2025_in_every_state(demo):
    enterprises, users = demo
    created = load_survey(enterprises=enterprises, users=users)
    assert created == {"survey group companies": 4, "survey years": 2, "survey reports": 11}

    y2024 = SurveyYear.objects.get(year=2024)
    assert y2024.status == SurveyYear.Status.CLOSED
    assert set(y2024.reports.values_list("status", flat=True)) == {Status.ACCEPTED}
    assert y2024.reports.count() == 6
    for report in y2024.reports.all():
        assert check_report(survey=y2024, report=report, submitting=True).ok_to_submit

    y2025 = SurveyYear.objects.get(year=2025)
    assert y2025.is_open
    states = dict(y2025.reports.values_list("enterprise__code", "status"))
    assert states == {
        "group-a": Status.DRAFT,
        "group-b": Status.GROUP_REVIEW,
        "group-c": Status.SUBMITTED,
        "group-d": Status.RETURNED,
        "group-e": Status.ACCEPTED,
    }, "示例信通 (group-f) has not started"
    returned = y2025.reports.get(enterprise__code="group-d")
    assert returned.events.first().comment == RETURN_COMMENT
    jump = SurveyValue.objects.get(
        report__survey=y2025, report__enterprise__code=JUMP[0], indicator__code=JUMP[1]
    )
    assert jump.jump_confirmed and jump.note == JUMP[2]
    assert list(
        SurveyValue.objects.filter(report__survey=y2025, jump_confirmed=True).values_list(
            "indicator__code", flat=True
        )
    ) == [JUMP[1]], "one confirmed jump in the demo"


def test_the_2024_patents_owned_have_ties_for_the_ranking(demo):
    enterprises, users = demo
    load_survey(enterprises=enterprises, users=users)
    owned = list(
        SurveyValue.objects.filter(
            report__survey__year=2024, indicator__code="patents_owned"
        ).values_list("value", flat=True)
    )
    assert len(owned) == 6 and len(set(owned)) == 5


def test_loading_the_demo_again_changes_nothing(demo):
    enterprises, users = demo
    load_survey(enterprises=enterprises, users=users)
    counts = (SurveyYear.objects.count(), SurveyReport.objects.count(), SurveyValue.objects.count())
    assert load_survey(enterprises=enterprises, users=users) == {
        "survey group companies": 0,
        "survey years": 0,
        "survey reports": 0,
    }
    assert (
        SurveyYear.objects.count(),
        SurveyReport.objects.count(),
        SurveyValue.objects.count(),
    ) == counts
