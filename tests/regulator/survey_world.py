"""The survey's test world: an accepted 2024 and an open 2025, and helpers to file values.

Built on the ``reg`` fixture (two provisioned groups, the regulator, one user
per role). Values are given by indicator code, as a filer thinks of them:
``entries(survey, rd_staff="1200", ...)``. Import the fixtures into a test
module with ``from tests.regulator.survey_world import *  # noqa: F403``.
"""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.messages import get_messages

from regulator.models import SurveyReport, SurveyValue, SurveyYear
from regulator.survey import Entry, open_survey_year

Status = SurveyReport.Status

# A complete, consistent report of 示例能源 for 2024 (accepted) …
A_2024 = {
    "rd_expenditure": "1865000",
    "rd_intensity": "2.85",
    "rd_staff": "21500",
    "invention_patents_applied": "3200",
    "invention_patents_granted": "1480",
    "patents_owned": "26800",
    "invention_patents_owned": "9700",
    "national_institutions": "14",
    "standards_led": "36",
    "national_awards": "3",
}
# … and a 2025 that moves within every threshold (50 % by default).
A_2025 = {
    **A_2024,
    "rd_expenditure": "2010000",
    "rd_intensity": "2.97",
    "rd_staff": "22800",
    "invention_patents_applied": "3550",
    "invention_patents_granted": "1620",
    "patents_owned": "28900",
    "invention_patents_owned": "10850",
    "national_institutions": "15",
    "standards_led": "41",
    "national_awards": "4",
}
B_2024 = {
    "rd_expenditure": "926000",
    "rd_intensity": "3.4",
    "rd_staff": "12600",
    "invention_patents_applied": "1750",
    "invention_patents_granted": "820",
    "patents_owned": "15400",
    "invention_patents_owned": "5100",
    "national_institutions": "9",
    "standards_led": "18",
    "national_awards": "2",
}


def by_code(survey):
    return {i.code: i for i in survey.indicators.all()}


def entries(survey, values, *, confirm=(), notes=None):
    """``{indicator id: Entry}`` from ``{code: text}``; ``confirm`` lists codes whose jump is confirmed."""
    notes = notes or {}
    indicators = by_code(survey)
    return {
        indicators[code].pk: Entry(
            raw=raw, jump_confirmed=code in confirm, note=notes.get(code, "")
        )
        for code, raw in values.items()
    }


def form_data(survey, values, *, action="save", confirm=(), notes=None):
    """The POST of the report form for ``{code: text}``."""
    notes = notes or {}
    indicators = by_code(survey)
    data = {"action": action}
    for code, raw in values.items():
        pk = indicators[code].pk
        data[f"value-{pk}"] = raw
        if code in confirm:
            data[f"confirm-{pk}"] = "on"
        if code in notes:
            data[f"note-{pk}"] = notes[code]
    return data


def accepted_report(survey, enterprise, values):
    """A report stored as accepted, without going through the steps (last year's data)."""
    report = SurveyReport.objects.create(
        survey=survey, enterprise=enterprise, status=Status.ACCEPTED
    )
    indicators = by_code(survey)
    SurveyValue.objects.bulk_create(
        SurveyValue(report=report, indicator=indicators[code], value=Decimal(raw))
        for code, raw in values.items()
    )
    return report


def value_of(report, code):
    return report.values.get(indicator__code=code).value


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def workbook(response, sheet=None):
    assert response.status_code == 200, response.status_code
    data = b"".join(response.streaming_content)
    book = openpyxl.load_workbook(io.BytesIO(data))
    if sheet is None:
        return book
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def report_url(survey, enterprise):
    return f"/admin/regulator/survey/{survey.year}/reports/{enterprise.pk}/"


@pytest.fixture
def years(reg):
    """2024 closed with both groups' reports accepted; 2025 open, nobody has started."""
    y2024 = open_survey_year(year=2024, status=SurveyYear.Status.CLOSED)
    accepted_report(y2024, reg.group_a, A_2024)
    accepted_report(y2024, reg.group_b, B_2024)
    y2025 = open_survey_year(
        year=2025, status=SurveyYear.Status.OPEN, title="2025 年度科技情况调查"
    )
    return y2024, y2025
