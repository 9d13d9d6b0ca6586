"""The released patent ranking of the demo: 2024, released by the regulator's reviewer.

The survey demo (pages/demo/survey.py) files 2024 with every group company's
report accepted and leaves 2025 in mixed states; this releases 2024 so that
通知公告 links to a public ranking and 2025 shows the regulator an unreleased
one. Without accepted 2024 reports (the survey demo not loaded) it does
nothing, and a year already released (or withdrawn by hand) is left as it is,
so a second ``seed_demo`` changes nothing.
"""

from regulator import ranking
from regulator.models import RankingRelease, SurveyYear

YEAR = 2024
RELEASED_BY = "regulator_reviewer"
NOTE = (
    "本排序依据各集团公司报送、经监管机构审核接收的 2024 年度科技情况调查数据编制，"
    "数据截至 2024 年 12 月 31 日。数值相同的并列同一名次。本站所载企业和数据均为虚构示例。"
)


def load_ranking(*, enterprises, users):
    """Release the 2024 ranking once; returns counts for the summary."""
    created = {"patent rankings released": 0}
    survey = SurveyYear.objects.filter(year=YEAR).first()
    if survey is None or RankingRelease.objects.filter(survey=survey).exists():
        return created
    try:
        ranking.release(survey=survey, user=users.get(RELEASED_BY), note=NOTE)
    except ranking.ReleaseRefused:  # no accepted report yet
        return created
    created["patent rankings released"] = 1
    return created
