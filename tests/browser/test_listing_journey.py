"""首次登写 in a real browser: a bulk import of instruments, its review and its readers.

a1_editor (示例新能源, a subsidiary of 集团 A) downloads the 大型仪器设备 template
from the admin index, fills three rows and uploads them with the secrecy
declaration; the status page reports them imported and the index lists them as
审核中. A second file with one bad row is refused with row and column named and
leaves nothing behind. groupb_reviewer (集团 B) never sees them; groupa_reviewer
finds them in the inbox and approves them at once with 审核通过所选, after which
保密审查 publishes them. An anonymous reader finds them in the directory, filters
by region, opens one (no contact details: the import keeps them private) and
sends an enquiry that a1_editor then reads under 对接意向; the English directory
lists them with their Chinese text marked as such.

Every step saves a screenshot (tests/screenshots/listing-*.png) and asserts
what the person sees; ``demo_server.shell`` is asked only for what no screen
shows (the owner of the drafts, the publication of the approved rows).
"""

import io
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.test_review_journey import awaiting_review, signed_in

pytestmark = pytest.mark.browser

SUBSIDIARY = "示例能源新能源有限公司"
DECLARATION = "本信息不涉及国家秘密和企业商业秘密"
TITLES = ["浏览器导入场发射透射电镜", "浏览器导入X射线衍射仪", "浏览器导入同步热分析仪"]
REGIONS = ["北京市", "上海市", "北京市"]
BAD_TITLES = ["浏览器导入错误文件电镜", "浏览器导入低值离心机"]
# Instruments of other enterprises in the demo (示例电科院 A2, 集团 B's B1 and B2).
OTHERS = ["7200 kV冲击电压发生器", "六自由度工业机器人测试平台", "场发射扫描电子显微镜"]
CONTACT_PHONE = "010-62345678"
ENQUIRER = "测试用户甲"


def instrument_row(title, region, **overrides):
    """One valid row of the template, by column label (header without the ``*``)."""
    row = {
        "仪器名称": title,
        "简介": f"{title}，面向集团内外开放共享，可承接委托检测。",
        "技术领域1": "新材料",
        "所在地区": region,
        "仪器类别": "分析仪器",
        "规格型号": "TEM-2100",
        "生产厂商": "示例仪器制造有限公司",
        "产地": "日本",
        "原值（万元）": 860.5,
        "购置年份": 2020,
        "放置地点": f"{region}示例新能源研究院1号楼",
        "主要技术指标": "点分辨率0.19 nm，加速电压200 kV。",
        "主要功能": "材料微观结构表征与成分分析。",
        "共享方式": "委托检测、合作研究",
        "收费方式": "成本价收费",
        "开放时间": "工作日9:00–17:00，需提前3个工作日预约。",
        "联系人": "王工",
        "联系电话": CONTACT_PHONE,
        "电子邮箱": "instrument@example.cn",
    }
    row.update(overrides)
    return row


def fill_template(template_bytes, rows):
    """The downloaded template with ``rows`` written from row 3, as bytes."""
    wb = load_workbook(io.BytesIO(template_bytes))
    ws = wb["填报"]
    columns = {str(c.value).rstrip("*"): c.column for c in ws[1] if c.value}
    for r, values in enumerate(rows, start=3):
        for label, value in values.items():
            ws.cell(r, columns[label], value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@contextmanager
def anonymous(browser, locale="zh-CN"):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_instrument_index(page):
    """The sidebar's 可共享资源 → 大型仪器设备."""
    menu = page.get_by_role("navigation", name="主菜单")
    menu.get_by_role("button", name="可共享资源").click()
    menu.get_by_role("link", name="大型仪器设备", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/snippets/snippets/instrument/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("大型仪器设备")


def header_action(page, name):
    """A button of the index header's 动作 dropdown."""
    link = page.get_by_role("link", name=name, exact=True)
    if not link.is_visible():  # the dropdown stays open after a download
        page.get_by_role("button", name="动作").click()
    return link


def upload(page, data, filename, screenshot, shot):
    header_action(page, "批量导入").click()
    page.wait_for_url(re.compile(r"/admin/listings/io/instrument/import/$"))
    expect(page.locator("main")).to_contain_text(f"导入的信息属于“{SUBSIDIARY}”")
    page.locator("input[type=file][name=file]").set_input_files(
        files=[
            {
                "name": filename,
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": data,
            }
        ]
    )
    page.get_by_role("checkbox", name=DECLARATION).check()
    screenshot(page, shot)
    page.get_by_role("button", name="上传并导入").click()
    page.wait_for_url(re.compile(r"/admin/listings/io/imports/\d+/$"))


def region_facet(page, region):
    return page.get_by_role("region", name="所在地区").get_by_role(
        "link", name=re.compile(f"^{region}")
    )


def index_row(page, title):
    # A title is a link only where the user may edit the row (or review it).
    return page.get_by_role("row").filter(has=page.get_by_text(title, exact=True))


def test_bulk_import_review_and_publication(demo_server, browser, screenshot):
    # 1. a1_editor imports three instruments from the downloaded template.
    with signed_in(browser, demo_server, "a1_editor") as page:
        open_instrument_index(page)
        listing = page.locator("main")
        for other in OTHERS:
            expect(listing.get_by_role("link", name=other)).to_have_count(0)
        screenshot(page, "listing-01-editor-index-before")

        with page.expect_download() as download_info:
            header_action(page, "下载导入模板").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".xlsx")
        template = Path(download.path()).read_bytes()
        assert template[:2] == b"PK"
        assert load_workbook(io.BytesIO(template)).sheetnames[0] == "填报"

        rows = [instrument_row(t, r) for t, r in zip(TITLES, REGIONS, strict=True)]
        upload(
            page, fill_template(template, rows), "仪器填报.xlsx", screenshot, "listing-02-upload"
        )
        status = page.locator("#import-progress").get_by_role("status")
        expect(status).to_contain_text("已导入 3 条，均已保存为草稿并提交审核。")
        expect(page.locator("main")).not_to_contain_text("错误清单")
        screenshot(page, "listing-03-import-done")

        page.get_by_role("link", name="查看导入的信息").click()
        page.wait_for_url(re.compile(r"/admin/snippets/snippets/instrument/$"))
        for title in TITLES:
            expect(index_row(page, title)).to_contain_text("审核中")
            expect(index_row(page, title)).to_contain_text(SUBSIDIARY)
        screenshot(page, "listing-04-editor-index-in-review")

        # 2. One bad row (原值 under 50 万元): the whole file is refused, row and column named.
        bad_rows = [
            instrument_row(BAD_TITLES[0], "北京市"),
            instrument_row(BAD_TITLES[1], "北京市", **{"原值（万元）": 20}),
        ]
        upload(
            page,
            fill_template(template, bad_rows),
            "仪器填报-有误.xlsx",
            screenshot,
            "listing-05-upload-bad",
        )
        expect(page.locator("#import-progress").get_by_role("status")).to_contain_text(
            "校验未通过：1 处错误，未导入任何信息"
        )
        error = page.get_by_role("row").filter(has_text="第 4 行")
        expect(error).to_contain_text("原值（万元）*")
        expect(error).to_contain_text("50")
        expect(page.get_by_role("link", name="下载错误报告（Excel）")).to_be_visible()
        screenshot(page, "listing-06-import-refused")

        open_instrument_index(page)
        expect(index_row(page, TITLES[0])).to_be_visible()
        for title in BAD_TITLES:
            expect(page.locator("main")).not_to_contain_text(title)
        expect(page.locator("main")).to_contain_text("3 大型仪器设备")  # the row count

    assert demo_server.shell(
        "from snippets.models import Instrument;"
        "qs = Instrument.objects.filter(title__startswith='浏览器导入').order_by('pk');"
        "[print(i.title, i.owner.username, i.enterprise.code, i.live, i.contact_public) for i in qs]"
    ).splitlines() == [f"{t} a1_editor a1 False False" for t in TITLES]

    # 3. 集团 B's reviewer sees none of them, in the index or on the dashboard.
    with signed_in(browser, demo_server, "groupb_reviewer") as page:
        expect(awaiting_review(page).get_by_role("link").first).to_be_visible()  # their own
        expect(page.locator("main")).not_to_contain_text("浏览器导入")
        screenshot(page, "listing-07-other-group-dashboard")
        open_instrument_index(page)
        expect(index_row(page, OTHERS[2])).to_be_visible()  # 集团 B's own instrument
        expect(page.locator("main")).not_to_contain_text("浏览器导入")
        screenshot(page, "listing-08-other-group-index")

    # Drafts are not public: a reader finds none of them yet, nor a facet for 上海市.
    with anonymous(browser) as page:
        page.goto(demo_server.url + "/resources/instruments/")
        expect(page.locator("main .card__title a").first).to_be_visible()
        for title in TITLES:
            expect(page.get_by_role("link", name=title)).to_have_count(0)
        expect(region_facet(page, "上海市")).to_have_count(0)

    # 4. 集团 A's reviewer approves the three at once.
    with signed_in(browser, demo_server, "groupa_reviewer") as page:
        inbox = awaiting_review(page)
        for title in TITLES:
            expect(inbox.get_by_role("link", name=title)).to_be_visible()
        screenshot(page, "listing-09-reviewer-inbox")

        open_instrument_index(page)
        for title in TITLES:
            index_row(page, title).locator("input.bulk-action-checkbox").check()
        footer = page.locator("[data-bulk-action-footer]")
        expect(footer).to_contain_text("3")
        screenshot(page, "listing-10-reviewer-selected")
        footer.get_by_role("link", name="审核通过所选").click()
        page.wait_for_url(re.compile(r"/admin/bulk/snippets/instrument/approve/"))
        main = page.locator("main")
        expect(main).to_contain_text("以下 3 条将审核通过")
        for title in TITLES:
            expect(main).to_contain_text(title)
        page.get_by_role("textbox", name="审核意见").fill("数据核实无误，同意发布。")
        screenshot(page, "listing-11-reviewer-confirm")
        page.get_by_role("button", name="审核通过", exact=True).click()
        page.wait_for_url(re.compile(r"/admin/snippets/snippets/instrument/"))
        expect(page.locator(".messages")).to_contain_text("已审核通过 3 条，其中 3 条已发布。")
        for title in TITLES:
            expect(index_row(page, title)).to_contain_text("已发布")
        page.wait_for_timeout(500)  # let the messages finish sliding in for the screenshot
        screenshot(page, "listing-12-reviewer-after-approval")

        # The inbox no longer lists them (it still lists the demo's other items).
        page.goto(demo_server.url + "/admin/")
        expect(inbox.get_by_role("link").first).to_be_visible()
        for title in TITLES:
            expect(inbox.get_by_role("link", name=title)).to_have_count(0)

    assert (
        demo_server.shell(
            "from snippets.models import Instrument;"
            "qs = Instrument.objects.filter(title__startswith='浏览器导入').order_by('pk');"
            "[print(i.live, i.current_workflow_state is None,"
            " [t.task.name for t in i.workflow_states.get().task_states.filter(status='approved')])"
            " for i in qs]"
        ).splitlines()
        == ["True True ['集团审核', '保密审查']"] * 3
    )

    # 5. A reader finds them, filters by region, reads one and sends an enquiry.
    with anonymous(browser) as page:
        page.goto(demo_server.url + "/resources/instruments/")
        cards = page.locator("main .card__title a")
        for title in TITLES:
            expect(cards.filter(has_text=title)).to_have_count(1)
        screenshot(page, "listing-13-reader-directory")

        expect(region_facet(page, "上海市")).to_contain_text("1 条")
        region_facet(page, "上海市").click()
        expect(cards.filter(has_text=TITLES[1])).to_have_count(1)
        expect(cards.filter(has_text=TITLES[0])).to_have_count(0)
        expect(cards.filter(has_text=TITLES[2])).to_have_count(0)
        screenshot(page, "listing-14-reader-region-filter")

        cards.filter(has_text=TITLES[1]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[1])
        main = page.locator("main")
        expect(main).to_contain_text(SUBSIDIARY)
        expect(main).to_contain_text("联系方式不公开")
        expect(main).not_to_contain_text(CONTACT_PHONE)
        expect(main).not_to_contain_text("instrument@example.cn")
        screenshot(page, "listing-15-reader-detail")

        form = page.locator("form.enquiry__form")
        form.get_by_label("姓名").fill(ENQUIRER)
        form.get_by_label("单位").fill("示例大学材料学院")
        form.get_by_label("电话", exact=False).fill("13800000000")
        form.get_by_label("邮箱").fill("reader@example.com")
        form.get_by_label("需求说明").fill("希望委托测试一批储氢合金样品的微观结构，约20个样品。")
        form.get_by_label("同意将以上信息提供给发布企业").check()
        page.wait_for_timeout(3500)  # the form refuses what is sent under 3 s after showing it
        screenshot(page, "listing-16-reader-enquiry-filled")
        form.get_by_role("button", name="提交对接意向").click()
        # The share panel has its own (empty) status region; the enquiry answers in its own.
        expect(page.locator(".enquiry__done")).to_contain_text("对接意向已提交，谢谢！")
        screenshot(page, "listing-17-reader-enquiry-sent")

    with signed_in(browser, demo_server, "a1_editor") as page:
        page.get_by_role("link", name="对接意向").click()
        row = page.get_by_role("row").filter(has_text=TITLES[1])
        expect(row).to_contain_text(ENQUIRER)
        screenshot(page, "listing-18-editor-enquiries")

    # 6. The English directory lists them, their Chinese text marked as Chinese.
    with anonymous(browser, locale="en-GB") as page:
        page.goto(demo_server.url + "/en/resources/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        for title in TITLES:
            card = page.locator("main .card__title").filter(has_text=title)
            expect(card).to_have_count(1)
            expect(card).to_have_attribute("lang", "zh-Hans")
        screenshot(page, "listing-19-english-directory")
