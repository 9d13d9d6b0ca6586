"""The 科技情况调查 of the demo: 2024 accepted for every group company, 2025 in every state.

A survey compares group companies, and two groups make a thin comparison, so
the survey brings four more fictional group companies (``SURVEY_GROUPS``:
examples of the central enterprises that file the survey before they run a
sub-platform; they get no page, account or content). Then:

- 2024 (已截止): every group company's report accepted by the regulator, with
  consistent numbers (授权量 ≤ 申请量, 有效发明专利 ≤ 有效专利) and ties in
  patents owned (示例装备 and 示例交通) and in invention patents owned (示例化工
  and 示例信通), so that the ranking shows 并列;
- 2025 (填报中, deadline a month from the first load): 示例能源 a draft its
  editor has started (``groupa_editor`` continues it), 示例装备 awaiting its
  group reviewer (``groupb_reviewer``), 示例航天 sent to the regulator with a
  confirmed year-on-year jump and its reason, 示例交通 returned by the
  regulator with a comment, 示例化工 accepted, 示例信通 not started.

Each report is checked with the survey's own rules before it is stored, and
its history is recorded as the steps would record it (steps of groups
without a demo account have no named user). Runs once per year: a year that
exists is left as it is, so a second ``seed_demo`` changes nothing. All
enterprises and numbers are fictional.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from regulator.models import SurveyReport, SurveyReportEvent, SurveyValue, SurveyYear
from regulator.survey import Entry, check_report, open_survey_year, save_report
from snippets.models import Enterprise

Status = SurveyReport.Status
Action = SurveyReportEvent.Action

# code, name, short name, English name, English short name, sort order
SURVEY_GROUPS = [
    (
        "group-c",
        "示例航天科技集团有限公司",
        "示例航天",
        "Example Aerospace Group Co., Ltd.",
        "Example Aerospace",
        30,
    ),
    (
        "group-d",
        "示例交通装备集团有限公司",
        "示例交通",
        "Example Transport Equipment Group Co., Ltd.",
        "Example Transport",
        40,
    ),
    (
        "group-e",
        "示例化工集团有限公司",
        "示例化工",
        "Example Chemical Group Co., Ltd.",
        "Example Chemical",
        50,
    ),
    (
        "group-f",
        "示例信息通信集团有限公司",
        "示例信通",
        "Example ICT Group Co., Ltd.",
        "Example ICT",
        60,
    ),
]

CODES = (
    "rd_expenditure",
    "rd_intensity",
    "rd_staff",
    "invention_patents_applied",
    "invention_patents_granted",
    "patents_owned",
    "invention_patents_owned",
    "national_institutions",
    "standards_led",
    "national_awards",
)

# 万元, %, 人, 件 ×4, 个, 项, 项 — in the order of CODES
DATA_2024 = {
    "group-a": ("1865000", "2.85", 21500, 3200, 1480, 26800, 9700, 14, 36, 3),
    "group-b": ("926000", "3.40", 12600, 1750, 820, 15400, 5100, 9, 18, 2),
    "group-c": ("1420000", "6.10", 18800, 2900, 1530, 21300, 11200, 17, 25, 4),
    "group-d": ("688000", "2.60", 9400, 1320, 610, 15400, 4300, 6, 22, 1),
    "group-e": ("1150000", "1.95", 14200, 2100, 990, 18700, 7600, 11, 30, 2),
    "group-f": ("803000", "4.70", 11900, 2650, 1240, 12900, 7600, 8, 41, 1),
}
DATA_2025 = {
    # a draft: what the editor has typed so far
    "group-a": ("2010000", "2.97", 22800, None, None, None, None, None, None, None),
    "group-b": ("985000", "3.52", 13100, 1890, 905, 16500, 5650, 9, 21, 2),
    "group-c": ("1568000", "6.35", 19600, 3150, 1690, 23400, 12500, 28, 27, 5),
    "group-d": ("712000", "2.60", 9700, 1410, 655, 16200, 4650, 6, 24, 1),
    "group-e": ("1236000", "2.05", 14800, 2260, 1080, 19900, 8150, 12, 33, 3),
}
JUMP = (
    "group-c",
    "national_institutions",
    "2025 年集团重组并入示例空间技术研究院，新增国家重点实验室、国家工程研究中心等 11 个国家级研发机构，"
    "已附重组批复文件。",
)
RETURN_COMMENT = (
    "研发投入强度仍填报 2.60%，与本年度 R&D 经费支出增长不匹配，请按国家统计局口径"
    "核对营业收入后重新填报，并在说明中写明计算过程。"
)
GROUP_COMMENT = "数据已与集团财务决算和知识产权台账核对一致。"
ACCEPT_COMMENT = "数据完整，口径一致，予以接收。"

INSTRUCTIONS_2024 = (
    "请按集团合并范围（含全部所属企业）填报 2024 年度数据。经费单位为万元；专利数据以国家知识产权局"
    "和国外专利局的法律状态为准，截至 2024 年 12 月 31 日。"
)
INSTRUCTIONS_2025 = (
    "请按集团合并范围（含全部所属企业）填报 2025 年度数据，口径与上年一致。与上年相比变动超过提示阈值的"
    "数据，请核对后勾选确认并说明原因；报送前须经本集团科技管理部门审核。"
)

# who files, reviews and accepts, where the demo has accounts
FILERS = {"group-a": "groupa_editor", "group-b": "groupb_editor"}
REVIEWERS = {"group-a": "groupa_reviewer", "group-b": "groupb_reviewer"}
ACCEPTED_BY = "regulator_reviewer"
RETURNED_BY = "regulator_editor"


def _survey_groups(enterprises):
    """The demo's group companies in order, the survey's own four created once."""
    groups = {code: e for code, e in enterprises.items() if e.level == Enterprise.Level.GROUP}
    created = 0
    for code, name, short, name_en, short_en, order in SURVEY_GROUPS:
        group = Enterprise.objects.filter(code=code).first()
        if group is None:
            group = Enterprise.objects.create(
                code=code,
                name=name,
                short_name=short,
                name_en=name_en,
                short_name_en=short_en,
                level=Enterprise.Level.GROUP,
                sort_order=order,
                introduction=f"{name}是一家虚构的中央企业，用于演示科技情况调查和专利排序。",
            )
            created += 1
        groups[code] = group
    return groups, created


def _entries(survey, row):
    indicators = {i.code: i for i in survey.indicators.all()}
    return {
        indicators[code].pk: Entry(raw="" if value is None else str(value))
        for code, value in zip(CODES, row, strict=True)
    }


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _store(survey, group, row, *, status, steps, jump=None):
    """A report with its values and history, checked by the survey's rules first.

    ``steps``: ``[(action, user, comment, moment)]`` oldest first.
    """
    entries = _entries(survey, row)
    if jump is not None:
        code, note = jump
        pk = survey.indicators.get(code=code).pk
        entries[pk] = Entry(entries[pk].raw, jump_confirmed=True, note=note)
    check = check_report(
        survey=survey, enterprise=group, entries=entries, submitting=status != Status.DRAFT
    )
    if not check.ok_to_submit and status != Status.DRAFT:
        raise ValueError(f"demo survey {survey.year} of {group.code} is invalid: {check.errors}")
    moments = {action: moment for action, _u, _c, moment in steps}
    report = SurveyReport.objects.create(
        survey=survey,
        enterprise=group,
        status=status,
        submitted_at=moments.get(Action.GROUP_APPROVE),
        accepted_at=moments.get(Action.ACCEPT) if status == Status.ACCEPTED else None,
        updated_by=next((u for a, u, _c, _m in steps if a == Action.SAVE), None),
    )
    SurveyValue.objects.bulk_create(
        SurveyValue(
            report=report,
            indicator_id=pk,
            value=check.values[pk],
            jump_confirmed=entry.jump_confirmed,
            note=entry.note,
        )
        for pk, entry in entries.items()
        if check.values[pk] is not None
    )
    for action, user, comment, moment in steps:
        event = SurveyReportEvent.objects.create(
            report=report, action=action, user=user, comment=comment
        )
        SurveyReportEvent.objects.filter(pk=event.pk).update(timestamp=moment)
    SurveyReport.objects.filter(pk=report.pk).update(updated_at=steps[-1][3])
    return report


def _filing_steps(code, users, start, *, through):
    """The steps of a filing from 保存 up to ``through`` (an action), a day or two apart."""
    filer, reviewer = users.get(FILERS.get(code, "")), users.get(REVIEWERS.get(code, ""))
    plan = [
        (Action.SAVE, filer, ""),
        (Action.SUBMIT, filer, ""),
        (Action.GROUP_APPROVE, reviewer, GROUP_COMMENT),
        (Action.ACCEPT, users.get(ACCEPTED_BY), ACCEPT_COMMENT),
    ]
    steps = []
    for k, (action, user, comment) in enumerate(plan):
        steps.append((action, user, comment, _at(start + datetime.timedelta(days=2 * k), 10 + k)))
        if action == through:
            break
    return steps


def _load_2024(groups, users):
    survey = open_survey_year(
        year=2024,
        title="2024 年度科技情况调查",
        instructions=INSTRUCTIONS_2024,
        deadline=datetime.date(2025, 3, 31),
        status=SurveyYear.Status.OPEN,
    )
    for k, (code, row) in enumerate(DATA_2024.items()):
        start = datetime.date(2025, 3, 3) + datetime.timedelta(days=k)
        _store(
            survey,
            groups[code],
            row,
            status=Status.ACCEPTED,
            steps=_filing_steps(code, users, start, through=Action.ACCEPT),
        )
    survey.status = SurveyYear.Status.CLOSED
    survey.save(update_fields=["status"])
    return survey


def _load_2025(groups, users):
    today = timezone.localdate()
    survey = open_survey_year(
        year=2025,
        title="2025 年度科技情况调查",
        instructions=INSTRUCTIONS_2025,
        deadline=today + datetime.timedelta(days=30),
        status=SurveyYear.Status.OPEN,
    )
    start = today - datetime.timedelta(days=14)
    # 示例能源: a draft its editor has started, through the same function as the form.
    save_report(
        survey=survey,
        enterprise=groups["group-a"],
        user=users["groupa_editor"],
        entries=_entries(survey, DATA_2025["group-a"]),
    )
    _store(
        survey,
        groups["group-b"],
        DATA_2025["group-b"],
        status=Status.GROUP_REVIEW,
        steps=_filing_steps("group-b", users, start, through=Action.SUBMIT),
    )
    _store(
        survey,
        groups["group-c"],
        DATA_2025["group-c"],
        status=Status.SUBMITTED,
        steps=_filing_steps("group-c", users, start, through=Action.GROUP_APPROVE),
        jump=JUMP[1:],
    )
    returned = _filing_steps(
        "group-d", users, start - datetime.timedelta(days=3), through=Action.GROUP_APPROVE
    )
    returned.append(
        (
            Action.RETURN,
            users.get(RETURNED_BY),
            RETURN_COMMENT,
            _at(today - datetime.timedelta(days=2), 15),
        )
    )
    _store(survey, groups["group-d"], DATA_2025["group-d"], status=Status.RETURNED, steps=returned)
    _store(
        survey,
        groups["group-e"],
        DATA_2025["group-e"],
        status=Status.ACCEPTED,
        steps=_filing_steps(
            "group-e", users, start - datetime.timedelta(days=6), through=Action.ACCEPT
        ),
    )
    # 示例信通 (group-f) has not started.
    return survey


@transaction.atomic
def load_survey(*, enterprises, users):
    """The demo's survey years and reports; returns counts for the summary."""
    created = {"survey group companies": 0, "survey years": 0, "survey reports": 0}
    if "group-a" not in enterprises or "groupa_editor" not in users:
        return created  # the demo without accounts: nobody to file
    groups, created["survey group companies"] = _survey_groups(enterprises)
    before = SurveyReport.objects.count()
    if not SurveyYear.objects.filter(year=2024).exists():
        _load_2024(groups, users)
        created["survey years"] += 1
    if not SurveyYear.objects.filter(year=2025).exists():
        _load_2025(groups, users)
        created["survey years"] += 1
    created["survey reports"] = SurveyReport.objects.count() - before
    return created
