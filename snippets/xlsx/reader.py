"""Reading an uploaded listing sheet, defensively.

An upload is untrusted: only a real .xlsx (extension, ``PK`` zip magic and
``[Content_Types].xml``) of at most 10 MB is opened, and only after its zip
entries were checked against zip bombs (≤ 50 MB uncompressed, ratio ≤ 100).
openpyxl parses the XML through defusedxml (a declared dependency), in
read-only mode. Rows are counted while streaming and refused past 10,000.

Formula injection: a formula cell is an error (“单元格不能是公式”), so that
nothing computed by Excel — or by whoever sent the file — becomes a listing;
text that merely begins with = + - @ (a specification of “-40℃”) stays text.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .template import DATA_SHEET, FIRST_DATA_ROW, HEADER_ROW, HELP_ROW, META_SHEET

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_ENTRIES = 1000
MAX_DATA_ROWS = 10_000
MAX_CELL_CHARS = 5000
# Excel's own limit is 16,384 columns; a sheet of listings needs a few dozen.
MAX_COLUMNS = 200
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SheetRefused(Exception):
    """The file cannot be read at all; the message says why, for the uploader."""


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    cells: dict  # column key → raw value
    errors: list = field(default_factory=list)  # (Column, message) of unreadable cells


@dataclass
class SheetData:
    kind: str | None
    rows: list = field(default_factory=list)


def check_container(data, filename):
    """Refuse anything that is not a plausible, bounded .xlsx; return nothing or raise SheetRefused."""
    if not (filename or "").lower().endswith(".xlsx"):
        raise SheetRefused(
            _("只能上传 .xlsx 文件。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再上传。")
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise SheetRefused(_("文件超过 10 MB，请分成几个文件上传。"))
    if data.startswith(OLE2_MAGIC):
        raise SheetRefused(
            _("这是旧版 Excel（.xls）文件，只是改了扩展名。请在 Excel 中另存为 .xlsx 后再上传。")
        )
    if not data.startswith(b"PK\x03\x04"):
        raise SheetRefused(_("文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写。"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SheetRefused(_("文件已损坏，无法打开，请重新保存后上传。")) from None
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise SheetRefused(_("文件不是有效的 Excel（.xlsx）文件，请使用下载的模板填写。"))
    if len(entries) > MAX_ZIP_ENTRIES:
        raise SheetRefused(_("文件结构异常（包含的部件过多），无法导入。"))
    # The sizes come from the zip directory, before anything is decompressed.
    total = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise SheetRefused(_("文件解压后超过 50 MB，无法导入，请分成几个文件上传。"))
    for entry in entries:
        if entry.file_size > 1024 * 1024 and (
            entry.compress_size == 0
            or entry.file_size / entry.compress_size > MAX_COMPRESSION_RATIO
        ):
            raise SheetRefused(_("文件压缩比异常，疑似“压缩炸弹”，无法导入。"))
    if total > 1024 * 1024 and compressed and total / compressed > MAX_COMPRESSION_RATIO:
        raise SheetRefused(_("文件压缩比异常，疑似“压缩炸弹”，无法导入。"))


def _meta_kind(wb):
    if META_SHEET not in wb.sheetnames:
        return None
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if row and row[0] == "kind":
            return str(row[1] or "").strip() or None
    return None


def _is_formula(cell):
    return getattr(cell, "data_type", None) == "f"


def read_workbook(data, filename, column_set):
    """Rows of an uploaded sheet as ``{column key: raw value}``, with every problem found.

    Raises SheetRefused when the file as a whole cannot be used (wrong
    format, wrong type, too big, unknown or missing columns); cell problems
    (formulas, over-long text) are kept on their row, for the importer to report.
    """
    from snippets.models import LISTING_MODEL_BY_KIND

    check_container(data, filename)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged file; none is the user's to see
        raise SheetRefused(_("文件无法读取，请用 Excel 重新保存为 .xlsx 后上传。")) from None
    try:
        return _read(wb, column_set, LISTING_MODEL_BY_KIND)
    finally:
        wb.close()


def _read(wb, column_set, models_by_kind):
    kind = _meta_kind(wb)
    expected = column_set.kind
    if kind and kind != expected:
        other = models_by_kind.get(kind)
        if other is None:
            raise SheetRefused(_("这不是本平台的导入模板，请重新下载模板填写。"))
        label = other._meta.verbose_name
        raise SheetRefused(_("这是‘%(kind)s’模板，请在‘%(kind)s’导入页上传。") % {"kind": label})
    ws = wb[DATA_SHEET] if DATA_SHEET in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(min_row=HEADER_ROW)
    header_cells = next(rows, ())
    mapping, problems = {}, []
    seen = {}
    for index, cell in enumerate(header_cells[:MAX_COLUMNS]):
        text = cell.value if isinstance(cell.value, str) else None
        if cell.value is not None and text is None:
            text = str(cell.value)
        if not text or not text.strip():
            continue
        column = column_set.lookup_header(text)
        if column is None:
            problems.append(_("未知的列“%(header)s”") % {"header": text.strip()[:50]})
        elif column != "ignore":
            if column.key in seen:
                problems.append(_("列“%(header)s”出现了两次") % {"header": column.label})
            seen[column.key] = index
            mapping[index] = column
    for column in column_set.input_columns:
        if column.required and column.key not in seen:
            problems.append(_("缺少必填列“%(header)s”") % {"header": column.label})
    if not mapping:
        raise SheetRefused(_("第1行没有找到列名，请使用下载的模板填写。"))
    if problems:
        raise SheetRefused(
            _("表头与模板不符：%(problems)s。请使用下载的模板，不要修改第1行。")
            % {"problems": "；".join(problems)}
        )

    sheet = SheetData(kind=kind or expected)
    help_texts = {i: (c.help_row_text() or None) for i, c in mapping.items()}
    count = 0
    # Read-only sheets yield every row from the header down, empty ones too.
    for number, cells in enumerate(rows, start=HEADER_ROW + 1):
        values, row_errors = {}, []
        for index, column in mapping.items():
            if index >= len(cells):
                continue
            cell = cells[index]
            value = cell.value
            if value is None:
                continue
            if _is_formula(cell):
                row_errors.append((column, _("单元格不能是公式，请粘贴为数值。")))
                continue
            if isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    row_errors.append(
                        (column, _("内容超过 %(n)s 字，请精简。") % {"n": f"{MAX_CELL_CHARS:,}"})
                    )
                    continue
                if not value.strip():
                    continue
            values[column.key] = value
        if not values and not row_errors:
            continue  # an empty row: people leave gaps
        if number == HELP_ROW and all(
            values.get(column.key) in (help_texts[i], None) for i, column in mapping.items()
        ):
            continue  # the template's help row
        count += 1
        if count > MAX_DATA_ROWS:
            raise SheetRefused(
                _("数据超过 %(n)s 行，请分成几个文件导入。") % {"n": f"{MAX_DATA_ROWS:,}"}
            )
        sheet.rows.append(SheetRow(number=number, cells=values, errors=row_errors))
    return sheet


__all__ = [
    "FIRST_DATA_ROW",
    "MAX_DATA_ROWS",
    "MAX_UPLOAD_BYTES",
    "SheetData",
    "SheetRefused",
    "SheetRow",
    "check_container",
    "read_workbook",
]
