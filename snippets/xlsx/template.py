"""The import template of a listing type (下载导入模板).

Sheet 填报: row 1 the headers (frozen; required ones end in a red ``*``),
row 2 the help texts (grey, wrapped), data from row 3. Drop-downs are data
validation lists that point at ranges of the hidden sheet 选项, so that no
list meets Excel's 255-character limit for inline lists. Sheet 填写说明
explains the rules; the hidden sheet ``_meta`` names the type, so that an
expert sheet uploaded on the instrument page is refused with a clear message.
The exporter writes the same layout.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from .columns import MULTI_SEPARATOR

TEMPLATE_VERSION = "1"
DATA_SHEET = "填报"
OPTIONS_SHEET = "选项"
GUIDE_SHEET = "填写说明"
META_SHEET = "_meta"
HEADER_ROW, HELP_ROW, FIRST_DATA_ROW = 1, 2, 3
# Validations cover the rows an import accepts (10,000) and a little more.
VALIDATED_ROWS = 10_000

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HELP_FONT = Font(color="808080", size=9)
HELP_FILL = PatternFill("solid", fgColor="F2F2F2")
WIDTHS = {"text": 24, "choice": 20, "multi": 26, "bool": 10, "int": 12, "decimal": 14, "date": 14}


def _header_cell(column):
    if not column.required:
        return column.label
    return CellRichText(
        TextBlock(InlineFont(b=True), column.label),
        TextBlock(InlineFont(b=True, color="FF0000"), "*"),
    )


def build_sheet(wb, column_set, *, kind_label):
    """Sheet 填报 with headers, help row, drop-downs and validations; returns it."""
    ws = wb.active
    ws.title = DATA_SHEET
    options = wb.create_sheet(OPTIONS_SHEET)
    options.sheet_state = "hidden"
    last_row = FIRST_DATA_ROW + VALIDATED_ROWS - 1
    option_col = 0
    for i, column in enumerate(column_set.columns, start=1):
        letter = get_column_letter(i)
        head = ws.cell(HEADER_ROW, i, _header_cell(column))
        head.font, head.fill = HEADER_FONT, HEADER_FILL
        head.alignment = Alignment(vertical="center", wrap_text=True)
        help_cell = ws.cell(HELP_ROW, i, column.help_row_text() or None)
        help_cell.font, help_cell.fill = HELP_FONT, HELP_FILL
        help_cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[letter].width = WIDTHS.get(column.kind, 18)
        if column.kind in {"text", "multi", "patent"} and not column.choices:
            # Text format, so that phone numbers and patent numbers keep their digits.
            ws.column_dimensions[letter].number_format = "@"
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}"
        validation = None
        if column.has_dropdown and column.options:
            option_col += 1
            option_letter = get_column_letter(option_col)
            options.cell(1, option_col, column.label)
            for r, text in enumerate(column.options, start=2):
                options.cell(r, option_col, text)
            end = len(column.options) + 1
            validation = DataValidation(
                type="list",
                formula1=f"{quote_sheetname(OPTIONS_SHEET)}!${option_letter}$2:${option_letter}${end}",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=_("请从下拉列表中选择"),
                error=_("“%(label)s”只能从下拉列表中选择。") % {"label": column.label},
            )
        elif column.kind == "int":
            low = column.min_value if column.min_value is not None else 0
            high = column.max_value if column.max_value is not None else 2_000_000_000
            validation = DataValidation(
                type="whole",
                operator="between",
                formula1=str(low),
                formula2=str(high),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=_("请填写整数"),
                error=_("请填写 %(low)s 至 %(high)s 之间的整数。") % {"low": low, "high": high},
            )
        elif column.kind == "decimal":
            low = column.min_value if column.min_value is not None else 0
            validation = DataValidation(
                type="decimal",
                operator="greaterThanOrEqual",
                formula1=str(low),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=_("请填写数字"),
                error=_("请填写不小于 %(low)s 的数字。") % {"low": low},
            )
        elif column.kind == "date":
            # A warning, not a stop: 2025年6月 typed as text is also accepted on import.
            validation = DataValidation(
                type="date",
                operator="greaterThan",
                formula1="1",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle=_("请填写日期"),
                error=_("请填写日期，如 2025-06-30。"),
            )
        if validation is not None:
            if column.help_text:
                validation.promptTitle = column.label[:32]
                validation.prompt = str(column.help_text)[:255]
                validation.showInputMessage = True
            ws.add_data_validation(validation)
            validation.add(cells)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.row_dimensions[HELP_ROW].height = 90
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    return ws


def write_meta(wb, kind):
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    for row, (key, value) in enumerate(
        [
            ("kind", kind),
            ("template_version", TEMPLATE_VERSION),
            ("generated", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        ],
        start=1,
    ):
        meta.cell(row, 1, key)
        meta.cell(row, 2, value)


def write_guide(wb, column_set, *, kind_label):
    guide = wb.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 8
    guide.column_dimensions["C"].width = 70
    guide.column_dimensions["D"].width = 50
    lines = [
        _("%(kind)s批量导入模板（第 %(version)s 版）")
        % {"kind": kind_label, "version": TEMPLATE_VERSION},
        "",
        _("1. 在“填报”表第3行起每行填写一条信息；第1行为列名，第2行为填写说明，请勿修改或删除。"),
        _("2. 列名带红色“*”的为必填项；有下拉列表的请从列表中选择。"),
        _(
            "3. 日期可填 2025-06-30、2025/6/30 或 2025年6月30日；只填年月（如 2025-06）按当月1日计。"
        ),
        _("4. 可多选的项目用“、”分隔，如“%(example)s”。")
        % {"example": MULTI_SEPARATOR.join(["甲", "乙"])},
        _("5. 每个文件最多 10,000 行、10 MB；单元格不能是公式，请粘贴为数值。"),
        _("6. 全部校验通过才会导入；有任何错误时一条也不导入，并列出出错的行、列和原因。"),
        _("7. 导入的信息保存为草稿并提交集团审核；图片请在导入后逐条编辑上传。"),
        _("8. 上传即确认：本信息不涉及国家秘密和企业商业秘密。"),
        "",
    ]
    for row, text in enumerate(lines, start=1):
        cell = guide.cell(row, 1, text or None)
        if row == 1:
            cell.font = Font(bold=True, size=14)
    start = len(lines) + 1
    for i, text in enumerate([_("列名"), _("必填"), _("填写说明"), _("可选值")], start=1):
        cell = guide.cell(start, i, text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row, column in enumerate(column_set.columns, start=start + 1):
        guide.cell(row, 1, column.label)
        guide.cell(row, 2, _("是") if column.required else None)
        guide.cell(row, 3, column.help_row_text() or None).alignment = Alignment(wrap_text=True)
        if column.options and column.kind not in {"tech_field", "enterprise"}:
            guide.cell(row, 4, MULTI_SEPARATOR.join(column.options)).alignment = Alignment(
                wrap_text=True
            )


def template_workbook(column_set):
    """The empty import template of ``column_set``'s type, for its user."""
    kind_label = str(column_set.model._meta.verbose_name)
    wb = Workbook()
    build_sheet(wb, column_set, kind_label=kind_label)
    write_guide(wb, column_set, kind_label=kind_label)
    write_meta(wb, column_set.kind)
    return wb
