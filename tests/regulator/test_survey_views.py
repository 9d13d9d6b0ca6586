"""科技情况调查 in the admin: who sees which report, the form, the review buttons, the exports.

The regulator sees every group company's report; a group sees its own and
nothing else (another group's report, detail or export is a 404); a
subsidiary's editor and an anonymous visitor see nothing. Bad input is shown
again as typed with the error next to the field, and a locked report refuses
every POST with a message.
"""

import pytest

from regulator.models import SurveyReport, SurveyYear
from regulator.survey import accept_report, group_approve, save_report
from snippets.models import Enterprise
from tests.regulator.conftest import login
from tests.regulator.survey_world import *  # noqa: F403
from tests.regulator.survey_world import (
    A_2025,
    by_code,
    entries,
    form_data,
    messages_of,
    report_url,
    value_of,
    workbook,
)

Status = SurveyReport.Status
INDEX = "/admin/regulator/survey/"


def post(client, url, data):
    """POST as the user would after reading the previous message (a fresh message list)."""
    client.cookies.pop("messages", None)
    return client.post(url, data)


def year_url(survey):
    return f"{INDEX}{survey.year}/"


def export_url(survey, enterprise):
    return report_url(survey, enterprise) + "xlsx/"


def accepted_2025(reg, y2025, values=A_2025):
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, values),
        submit=True,
    )
    group_approve(report=report, user=reg.users["groupa_reviewer"])
    return accept_report(report=report, user=reg.users["regulator_reviewer"])


# --- who sees what ------------------------------------------------------------------------------


def test_the_regulator_sees_every_year_and_every_group(reg, years, client):
    login(client, reg.users["regulator_editor"])
    html = client.get(INDEX).content.decode()
    assert "2025 年度科技情况调查" in html and "2024 年度科技情况调查" in html
    assert "新建调查年度" in html

    html = client.get(year_url(years[1])).content.decode()
    assert "示例能源集团有限公司" in html and "示例装备集团有限公司" in html
    assert html.count("ceti-survey-row-none") == 2, "neither group has started: 未填报"
    for url in (report_url(years[1], reg.group_b), export_url(years[0], reg.group_b)):
        assert client.get(url).status_code == 200


def test_a_group_sees_its_own_report_only(reg, years, client):
    _y2024, y2025 = years
    for name in ("groupa_editor", "groupa_reviewer", "groupa_admin"):
        login(client, reg.users[name])
        html = client.get(INDEX).content.decode()
        assert "示例装备集团有限公司" not in html
        assert f"/reports/{reg.group_a.pk}/" in html
        assert client.get(report_url(y2025, reg.group_a)).status_code == 200
        # The year's list leads a group user to their own report…
        response = client.get(year_url(y2025))
        assert response.status_code == 302
        assert response["Location"] == report_url(y2025, reg.group_a)
        # …and group B's report, last year's too, its export and the year's export are 404.
        for url in (
            report_url(y2025, reg.group_b),
            report_url(years[0], reg.group_b),
            export_url(years[0], reg.group_b),
            year_url(y2025) + "?export=xlsx",
            year_url(y2025) + "results/",
        ):
            assert client.get(url).status_code == 404, (name, url)
        assert (
            client.post(report_url(y2025, reg.group_b), form_data(y2025, A_2025)).status_code == 404
        )
    assert not SurveyReport.objects.filter(survey=y2025).exists()


def test_subsidiary_editors_and_anonymous_visitors_see_nothing(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["a1_editor"])
    for url in (
        INDEX,
        year_url(y2025),
        report_url(y2025, reg.group_a),
        export_url(y2025, reg.group_a),
    ):
        assert client.get(url).status_code == 403, url
    assert '"/admin/regulator/survey/"' not in client.get("/admin/").content.decode()
    client.logout()
    for url in (INDEX, report_url(y2025, reg.group_a), export_url(y2025, reg.group_a)):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_menu_item_is_shown_to_fillers_reviewers_and_the_regulator(reg, years, client):
    for name in ("groupa_editor", "groupa_reviewer", "regulator_editor", "platform_admin"):
        login(client, reg.users[name])
        assert '"/admin/regulator/survey/"' in client.get("/admin/").content.decode(), name


def test_a_year_in_preparation_is_the_regulators_only(reg, years, client):
    y2026 = SurveyYear.objects.create(year=2026)
    login(client, reg.users["groupa_editor"])
    assert client.get(report_url(y2026, reg.group_a)).status_code == 404
    assert "2026" not in client.get(INDEX).content.decode()
    login(client, reg.users["regulator_editor"])
    assert client.get(year_url(y2026)).status_code == 200


# --- the form -----------------------------------------------------------------------------------


def test_the_group_editor_fills_in_the_form_with_last_years_values_beside(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["groupa_editor"])
    html = client.get(report_url(y2025, reg.group_a)).content.decode()
    for text in ("研发投入", "专利", "拥有有效专利数", "件", "26800", "保存草稿", "提交集团审核"):
        assert text in html, text
    assert "截至年末仍维持有效的专利总数" in html, "the indicator's 填报口径"

    response = post(client, report_url(y2025, reg.group_a), form_data(y2025, A_2025))
    assert response.status_code == 302
    assert messages_of(response) == ["报表已保存。"]
    report = SurveyReport.objects.get(survey=y2025, enterprise=reg.group_a)
    assert report.status == Status.DRAFT
    assert value_of(report, "patents_owned") == 28900


def test_bad_input_is_shown_again_as_typed_with_the_error_beside_it(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["groupa_editor"])
    typed = {**A_2025, "rd_staff": "两万二", "invention_patents_granted": "3600"}
    response = post(
        client,
        report_url(y2025, reg.group_a),
        form_data(y2025, typed, notes={"standards_led": "含国际标准 3 项"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "报表未保存：请改正下面标出的错误。" in html
    assert 'value="两万二"' in html and 'value="3600"' in html and 'value="2010000"' in html
    assert "含国际标准 3 项" in html
    assert "请输入数字" in html
    assert "不应超过“发明专利申请量”（3550）" in html
    assert 'aria-invalid="true"' in html
    assert not SurveyReport.objects.filter(survey=y2025).exists(), "nothing stored"


def test_a_jump_is_confirmed_with_a_reason_next_to_the_value_then_submitted(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["groupa_editor"])
    url = report_url(y2025, reg.group_a)
    jumpy = {**A_2025, "national_institutions": "30"}
    response = post(client, url, form_data(y2025, jumpy))
    assert messages_of(response)[1].startswith("有 1 项数据同比变动较大")
    html = client.get(url).content.decode()
    pk = by_code(y2025)["national_institutions"].pk
    assert "与上一年度已接收数据（14）相比变动 +114.3%" in html
    assert f'name="confirm-{pk}"' in html

    response = post(client, url, form_data(y2025, jumpy, action="submit"))
    assert response.status_code == 200
    assert "同比变动超过 50%：报送前请核对" in response.content.decode()

    note = "新并入示例材料研究总院，国家级平台增加 16 个。"
    response = post(
        client,
        url,
        form_data(
            y2025,
            jumpy,
            action="submit",
            confirm=["national_institutions"],
            notes={"national_institutions": note},
        ),
    )
    assert messages_of(response) == ["报表已提交集团审核。"]
    report = SurveyReport.objects.get(survey=y2025, enterprise=reg.group_a)
    assert report.status == Status.GROUP_REVIEW
    stored = report.values.get(indicator__code="national_institutions")
    assert stored.jump_confirmed and stored.note == note


def test_the_reviewer_reads_the_report_and_approves_it(reg, years, client):
    _y2024, y2025 = years
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, A_2025),
        submit=True,
    )
    login(client, reg.users["groupa_reviewer"])
    url = report_url(y2025, reg.group_a)
    html = client.get(url).content.decode()
    assert "审核通过并报送" in html and "退回填报人" in html
    assert "survey-jumps" not in html, "no jump in these values"
    assert 'name="value-' not in html, "the reviewer reads, does not type"
    response = post(client, url, {"action": "group_return", "comment": ""})
    assert messages_of(response) == ["请填写退回意见。"]
    response = post(client, url, {"action": "group_approve", "comment": "已核对"})
    assert messages_of(response) == ["报表已审核通过并报送监管机构。"]
    assert SurveyReport.objects.get(survey=y2025, enterprise=reg.group_a).status == Status.SUBMITTED


def test_a_group_editor_cannot_approve_and_a_group_reviewer_cannot_accept(reg, years, client):
    _y2024, y2025 = years
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, A_2025),
        submit=True,
    )
    url = report_url(y2025, reg.group_a)
    login(client, reg.users["groupa_editor"])
    assert "审核通过并报送" not in client.get(url).content.decode()
    response = post(client, url, {"action": "group_approve"})
    assert messages_of(response) == ["只有本集团的审核员才能审核该报表。"]
    report.refresh_from_db()
    assert report.status == Status.GROUP_REVIEW

    group_approve(report=report, user=reg.users["groupa_reviewer"])
    login(client, reg.users["groupa_reviewer"])
    assert "接收" not in client.get(url).content.decode().split("操作记录")[0].replace(
        "接收时间", ""
    )
    response = post(client, url, {"action": "accept"})
    assert messages_of(response) == ["只有监管机构才能接收报表。"]
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


def test_the_regulator_returns_with_a_comment_that_the_group_reads_on_top(reg, years, client):
    _y2024, y2025 = years
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(
            y2025,
            {**A_2025, "national_institutions": "30"},
            confirm=["national_institutions"],
            notes={"national_institutions": "新并入示例材料研究总院。"},
        ),
        submit=True,
    )
    group_approve(report=report, user=reg.users["groupa_reviewer"])
    url = report_url(y2025, reg.group_a)
    login(client, reg.users["regulator_editor"])
    html = client.get(url).content.decode()
    assert "退回集团公司" in html and ">接收</button>" in html
    # The regulator reads the confirmed jump and its reason on top and next to the value.
    assert "同比变动超过提示阈值的数据 1 项：" in html
    assert "国家级研发机构</a>（+114.3%，已确认并说明）" in html
    assert "新并入示例材料研究总院" in html
    response = post(
        client, url, {"action": "return", "comment": "研发投入强度请按营业收入口径复核。"}
    )
    assert messages_of(response) == ["报表已退回集团公司。"]
    login(client, reg.users["groupa_editor"])
    html = client.get(url).content.decode()
    assert "研发投入强度请按营业收入口径复核。" in html
    assert 'name="value-' in html, "the form is open again"


def test_posts_to_an_accepted_report_are_refused_and_change_nothing(reg, years, client):
    _y2024, y2025 = years
    report = accepted_2025(reg, y2025)
    url = report_url(y2025, reg.group_a)
    login(client, reg.users["groupa_editor"])
    html = client.get(url).content.decode()
    assert "报表已由监管机构接收并锁定" in html and 'name="value-' not in html
    response = post(client, url, form_data(y2025, {**A_2025, "rd_staff": "1"}))
    assert response.status_code == 302
    assert messages_of(response) == ["该报表当前为“已接收”，不能修改。"]
    login(client, reg.users["groupa_reviewer"])
    response = post(client, url, {"action": "group_return", "comment": "改"})
    assert messages_of(response) == ["该报表当前为“已接收”，不能退回。"]
    login(client, reg.users["regulator_editor"])
    response = post(client, url, {"action": "return", "comment": "改"})
    assert messages_of(response) == ["该报表当前为“已接收”，不能退回。"]
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    assert value_of(report, "rd_staff") == 22800

    response = post(client, url, {"action": "reopen", "comment": "集团申请更正。"})
    assert messages_of(response) == ["报表已重新打开并退回集团公司修改。"]


def test_the_regulator_cannot_type_into_a_groups_report(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["regulator_editor"])
    response = post(client, report_url(y2025, reg.group_a), form_data(y2025, A_2025))
    assert messages_of(response) == ["你不能填报该报表。"]
    assert not SurveyReport.objects.exists() or not SurveyReport.objects.filter(survey=y2025)


def test_the_dashboard_tells_a_group_this_years_status_and_deadline(reg, years, client):
    _y2024, y2025 = years
    y2025.deadline = "2026-03-31"
    y2025.save()
    login(client, reg.users["groupa_editor"])
    html = client.get("/admin/").content.decode()
    assert "regulator-survey-status" in html
    assert "2026-03-31" in html and "未填报" in html
    assert report_url(y2025, reg.group_a) in html
    login(client, reg.users["a1_editor"])
    assert "regulator-survey-status" not in client.get("/admin/").content.decode()


# --- exports ------------------------------------------------------------------------------------


def test_the_years_workbook_has_one_row_per_group_and_a_sheet_of_jump_notes(reg, years, client):
    _y2024, y2025 = years
    jumpy = {**A_2025, "national_institutions": "30"}
    note = '=HYPERLINK("x") 新并入研究总院'
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(
            y2025, jumpy, confirm=["national_institutions"], notes={"national_institutions": note}
        ),
        submit=True,
    )
    login(client, reg.users["regulator_editor"])
    book = workbook(client.get(year_url(y2025) + "?export=xlsx"))
    rows = [list(r) for r in book["报表"].iter_rows(values_only=True)]
    header = rows[0]
    assert header[:5] == ["集团公司", "状态", "最后更新", "报送时间", "接收时间"]
    assert "拥有有效专利数（件）" in header and "研发投入强度（%）" in header
    by_group = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_group) == {"示例能源集团有限公司", "示例装备集团有限公司"}
    a = by_group["示例能源集团有限公司"]
    assert a["状态"] == "待集团审核"
    assert a["拥有有效专利数（件）"] == 28900
    assert a["研发投入强度（%）"] == pytest.approx(2.97)
    assert a["国家级研发机构（个）"] == 30
    assert by_group["示例装备集团有限公司"]["状态"] == "未填报"
    assert by_group["示例装备集团有限公司"]["拥有有效专利数（件）"] is None

    notes = [list(r) for r in book["同比变动说明"].iter_rows(values_only=True)]
    assert notes[1] == [
        "示例能源集团有限公司",
        "国家级研发机构（个）",
        14,
        30,
        "+114.3%",
        "是",
        "'" + note,
    ]

    only_drafts = workbook(client.get(year_url(y2025) + "?status=none&export=xlsx"), "报表")
    assert [row[0] for row in only_drafts[1:]] == ["示例装备集团有限公司"]


def test_a_group_exports_its_own_report(reg, years, client):
    _y2024, y2025 = years
    accepted_2025(reg, y2025)
    login(client, reg.users["groupa_editor"])
    rows = workbook(client.get(export_url(y2025, reg.group_a)), "报表")
    assert rows[0][0] == "示例能源集团有限公司"
    assert rows[1][:2] == ["状态", "已接收"]
    values = {row[0]: row for row in rows[4:]}
    assert values["patents_owned"][3:5] == [28900, 26800]
    assert values["rd_intensity"][3] == pytest.approx(2.97)
    history = workbook(client.get(export_url(y2025, reg.group_a)), "操作记录")
    assert [row[2] for row in history[1:]] == [
        "监管机构接收",
        "集团审核通过并报送",
        "提交集团审核",
        "保存",
    ]


# --- the regulator's list ------------------------------------------------------------------------


def test_the_list_counts_each_status_and_filters_by_it(reg, years, client):
    _y2024, y2025 = years
    accepted_2025(reg, y2025)
    login(client, reg.users["regulator_editor"])
    html = client.get(year_url(y2025)).content.decode()
    assert '<a href="?status=accepted">已接收</a> <strong>1</strong>' in html
    assert '<a href="?status=none">未填报</a> <strong>1</strong>' in html
    html = client.get(year_url(y2025) + "?status=accepted").content.decode()
    assert "示例能源集团有限公司" in html and "示例装备集团有限公司" not in html


def test_the_list_takes_a_bounded_number_of_queries(
    reg, years, client, django_assert_max_num_queries
):
    _y2024, y2025 = years
    for n in range(30):
        group = Enterprise.objects.create(
            code=f"g{n}", name=f"示例第{n}集团有限公司", short_name=f"示例{n}", level="group"
        )
        SurveyReport.objects.create(survey=y2025, enterprise=group, status=Status.SUBMITTED)
    login(client, reg.users["regulator_editor"])
    client.get(year_url(y2025))  # warm the session and the admin's caches
    with django_assert_max_num_queries(25):
        response = client.get(year_url(y2025))
    assert response.content.decode().count("ceti-survey-row-") == 32
    with django_assert_max_num_queries(25):
        workbook(client.get(year_url(y2025) + "?export=xlsx"))


# --- opening and editing a year ----------------------------------------------------------------


def test_the_regulator_opens_a_year_from_last_years_indicators(reg, years, client):
    login(client, reg.users["regulator_editor"])
    response = client.get("/admin/regulator/survey/new/")
    assert 'value="2026"' in response.content.decode()
    response = post(client, "/admin/regulator/survey/new/", {"year": "2026", "title": ""})
    assert response.status_code == 302
    assert response["Location"] == "/admin/regulator/survey/2026/edit/"
    y2026 = SurveyYear.objects.get(year=2026)
    assert set(by_code(y2026)) == set(by_code(years[1]))
    response = post(client, "/admin/regulator/survey/new/", {"year": "2026"})
    assert "2026 年度的调查已经存在。" in response.content.decode()
    html = client.get("/admin/regulator/survey/2026/edit/").content.decode()
    assert "拥有有效专利数" in html and "指标代码" in html


def test_groups_cannot_open_or_edit_years(reg, years, client):
    login(client, reg.users["groupa_admin"])
    assert client.get("/admin/regulator/survey/new/").status_code == 403
    assert client.get("/admin/regulator/survey/2025/edit/").status_code in (302, 403)
    assert "新建调查年度" not in client.get(INDEX).content.decode()


def indicator_formset(survey, changes=None):
    """The edit form's POST for ``survey``: its fields and every indicator as stored, plus ``changes``."""
    data = {
        "title": survey.title,
        "instructions": survey.instructions,
        "deadline": "",
        "status": survey.status,
    }
    indicators = list(survey.indicators.order_by("sort_order", "pk"))
    data["indicators-TOTAL_FORMS"] = str(len(indicators))
    data["indicators-INITIAL_FORMS"] = str(len(indicators))
    data["indicators-MIN_NUM_FORMS"] = "0"
    data["indicators-MAX_NUM_FORMS"] = "1000"
    for k, ind in enumerate(indicators):
        prefix = f"indicators-{k}-"
        data.update(
            {
                prefix + "id": str(ind.pk),
                prefix + "ORDER": str(k + 1),
                prefix + "DELETE": "",
                prefix + "code": ind.code,
                prefix + "name": ind.name,
                prefix + "unit": ind.unit,
                prefix + "kind": ind.kind,
                prefix + "help_text": ind.help_text,
                prefix + "required": "on" if ind.required else "",
                prefix + "min_value": "" if ind.min_value is None else str(ind.min_value),
                prefix + "max_value": "" if ind.max_value is None else str(ind.max_value),
                prefix + "not_more_than": str(ind.not_more_than_id or ""),
                prefix + "jump_threshold": str(ind.jump_threshold),
                prefix + "sort_order": str(ind.sort_order),
            }
        )
        for field, value in (changes or {}).get(ind.code, {}).items():
            data[prefix + field] = value
    return data


def test_indicators_keep_their_meaning_once_reports_exist(reg, years, client):
    _y2024, y2025 = years
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, {"rd_expenditure": "2010000"}),
    )
    login(client, reg.users["regulator_editor"])
    url = "/admin/regulator/survey/2025/edit/"
    response = post(client, url, indicator_formset(y2025, {"rd_expenditure": {"unit": "亿元"}}))
    assert response.status_code == 200
    assert "已有报表，不能修改。" in response.content.decode()
    assert y2025.indicators.get(code="rd_expenditure").unit == "万元"

    response = post(
        client,
        url,
        indicator_formset(
            y2025, {"rd_expenditure": {"name": "R&D 经费支出", "help_text": "含所属企业。"}}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert y2025.indicators.get(code="rd_expenditure").name == "R&D 经费支出"


def test_before_any_report_the_regulator_changes_indicators_freely(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["regulator_editor"])
    response = post(
        client,
        "/admin/regulator/survey/2025/edit/",
        indicator_formset(y2025, {"rd_staff": {"jump_threshold": "30", "unit": "人年"}}),
    )
    assert response.status_code == 302
    assert y2025.indicators.get(code="rd_staff").jump_threshold == 30


def test_saving_without_a_change_records_nothing(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["groupa_editor"])
    url = report_url(y2025, reg.group_a)
    assert messages_of(post(client, url, form_data(y2025, A_2025))) == ["报表已保存。"]
    assert messages_of(post(client, url, form_data(y2025, A_2025))) == ["报表没有修改。"]
    report = SurveyReport.objects.get(survey=y2025, enterprise=reg.group_a)
    assert list(report.events.values_list("action", flat=True)) == ["save"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e999999999", "数值过大"),
        ("-1e999999999", "数值过大"),
        ("1E+1000000", "数值过大"),
        ("1e-999999999", "最多保留 4 位小数"),
    ],
)
def test_a_number_with_an_absurd_exponent_is_refused_beside_the_field(
    reg, years, client, typed, message
):
    """Pasted from a spreadsheet in scientific notation: an error next to the value, never a 500."""
    _y2024, y2025 = years
    login(client, reg.users["groupa_editor"])
    response = post(
        client,
        report_url(y2025, reg.group_a),
        form_data(y2025, {**A_2025, "rd_expenditure": typed, "rd_staff": typed}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "报表未保存：请改正下面标出的错误。" in html
    assert f'value="{typed}"' in html
    assert message in html
    assert not SurveyReport.objects.filter(survey=y2025).exists(), "nothing stored"


def test_a_note_with_a_nul_character_is_refused_and_nothing_is_stored(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["groupa_editor"])
    response = post(
        client,
        report_url(y2025, reg.group_a),
        form_data(y2025, A_2025, notes={"rd_expenditure": "含\x00所属企业"}),
    )
    assert response.status_code == 200
    assert "说明含有无法保存的控制字符，请删除后重新填写。" in response.content.decode()
    assert not SurveyReport.objects.filter(survey=y2025).exists(), "nothing stored"


def test_a_return_comment_with_a_nul_character_is_refused_in_a_message(reg, years, client):
    _y2024, y2025 = years
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, A_2025),
        submit=True,
    )
    login(client, reg.users["groupa_reviewer"])
    url = report_url(y2025, reg.group_a)
    response = post(client, url, {"action": "group_return", "comment": "口径\x00有误"})
    assert response.status_code == 302
    assert messages_of(response) == ["退回意见含有无法保存的控制字符，请删除后重新填写。"]
    report.refresh_from_db()
    assert report.status == Status.GROUP_REVIEW


def test_an_indicator_whose_minimum_exceeds_its_maximum_is_refused(reg, years, client):
    _y2024, y2025 = years
    login(client, reg.users["regulator_editor"])
    response = post(
        client,
        "/admin/regulator/survey/2025/edit/",
        indicator_formset(y2025, {"rd_staff": {"min_value": "500", "max_value": "100"}}),
    )
    assert response.status_code == 200
    assert "最大值不能小于最小值（500）。" in response.content.decode()
    rd_staff = y2025.indicators.get(code="rd_staff")
    assert (rd_staff.min_value, rd_staff.max_value) != (500, 100)

    response = post(
        client,
        "/admin/regulator/survey/2025/edit/",
        indicator_formset(y2025, {"rd_staff": {"min_value": "100", "max_value": "100"}}),
    )
    assert response.status_code == 302, "an equal minimum and maximum is a fixed value, allowed"
