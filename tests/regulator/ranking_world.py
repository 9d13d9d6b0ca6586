"""Survey data for the ranking tests, built directly with the survey models.

``file_report(survey, group, status=…, patents=…, inventions=…, rd_staff=…)``
files one group's report; ``ranked`` is a world of five group companies over
2023 and 2024 in which every case of the ranking occurs once:

=========  ==========  ===========  ==========  =========  ===================
group      2023        2024 status  patents     inventions R&D staff
=========  ==========  ===========  ==========  =========  ===================
示例能源   1000 acc.   accepted     1200        600        4000
示例装备   0 acc.      accepted     800         600        0
示例化工   —           accepted     1200        300        1500
示例建材   —           submitted    9999        9999       100   (not counted)
示例交通   —           returned     5000        2000       100   (not counted)
示例材料   —           (no report)
=========  ==========  ===========  ==========  =========  ===================
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from regulator.models.survey import (
    INVENTION_PATENTS_OWNED,
    PATENTS_OWNED,
    RD_STAFF,
    Indicator,
    SurveyReport,
    SurveyValue,
    SurveyYear,
)
from tests.factories import EnterpriseFactory

CODES = {
    "patents": (PATENTS_OWNED, "拥有有效专利数", "件"),
    "inventions": (INVENTION_PATENTS_OWNED, "拥有有效发明专利数", "件"),
    "rd_staff": (RD_STAFF, "R&D 人员", "人"),
}


def open_year(year, *, status=SurveyYear.Status.CLOSED):
    survey = SurveyYear.objects.create(year=year, status=status)
    for order, (code, name, unit) in enumerate(CODES.values()):
        Indicator.objects.create(survey=survey, code=code, name=name, unit=unit, sort_order=order)
    return survey


def file_report(survey, group, *, status=SurveyReport.Status.ACCEPTED, **values):
    """One group's report with ``patents=``, ``inventions=``, ``rd_staff=`` (None: left empty)."""
    report = SurveyReport.objects.create(survey=survey, enterprise=group, status=status)
    indicators = {i.code: i for i in survey.indicators.all()}
    for key, value in values.items():
        SurveyValue.objects.create(
            report=report,
            indicator=indicators[CODES[key][0]],
            value=None if value is None else Decimal(value),
        )
    return report


def set_value(report, key, value):
    SurveyValue.objects.filter(report=report, indicator__code=CODES[key][0]).update(
        value=Decimal(value)
    )


@pytest.fixture
def ranked(reg):
    """``reg`` plus four more group companies and the 2023 and 2024 surveys of the table above."""
    Status = SurveyReport.Status
    reg.group_a.name_en, reg.group_a.short_name_en = "Example Energy Group", "Example Energy"
    reg.group_a.save()
    # No English name: the English page shows the Chinese one.
    reg.group_b.name_en = reg.group_b.short_name_en = ""
    reg.group_b.save()
    group_c = EnterpriseFactory(
        code="group-c", name="示例化工集团有限公司", short_name="示例化工", sort_order=3
    )
    group_d = EnterpriseFactory(
        code="group-d", name="示例建材集团有限公司", short_name="示例建材", sort_order=4
    )
    group_e = EnterpriseFactory(
        code="group-e", name="示例交通集团有限公司", short_name="示例交通", sort_order=5
    )
    group_f = EnterpriseFactory(
        code="group-f", name="示例材料集团有限公司", short_name="示例材料", sort_order=6
    )
    y2023, y2024 = open_year(2023), open_year(2024)
    file_report(y2023, reg.group_a, patents=1000, inventions=500, rd_staff=3800)
    file_report(y2023, reg.group_b, patents=0, inventions=0, rd_staff=0)
    reports = {
        "a": file_report(y2024, reg.group_a, patents=1200, inventions=600, rd_staff=4000),
        "b": file_report(y2024, reg.group_b, patents=800, inventions=600, rd_staff=0),
        "c": file_report(y2024, group_c, patents=1200, inventions=300, rd_staff=1500),
        "d": file_report(
            y2024, group_d, status=Status.SUBMITTED, patents=9999, inventions=9999, rd_staff=100
        ),
        "e": file_report(
            y2024, group_e, status=Status.RETURNED, patents=5000, inventions=2000, rd_staff=100
        ),
    }
    return SimpleNamespace(
        reg=reg,
        users=reg.users,
        groups={
            "a": reg.group_a,
            "b": reg.group_b,
            "c": group_c,
            "d": group_d,
            "e": group_e,
            "f": group_f,
        },
        y2023=y2023,
        y2024=y2024,
        reports=reports,
    )
