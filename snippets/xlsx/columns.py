"""One column spec per importable field of each listing type.

The columns are read off the admin form of the type (the one the snippet
create view builds from ``Model.get_edit_handler()``) and its model fields:
header = the Chinese ``verbose_name`` (with ``*`` when the sheet must fill
it), help text = the field's ``help_text``, drop-downs from the choices. The
template, the reader, the importer and the exporter all use this module, so a
field added to a model shows up in all four at once.

Values in cells are what a person types: choice *labels* (codes are accepted
too), 是/否, several choices separated by “、”, dates in the usual Chinese
spellings. ``parse`` turns a cell into the value the admin form expects in a
POST; ``value_of`` turns a listing back into the cell, so that export →
import gives the same listing.
"""

import datetime
import decimal
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from snippets.models.choices import ChoiceListField, PatentStatus, PatentType

YES, NO = "是", "否"
MULTI_SEPARATOR = "、"
# People separate several choices with whatever their keyboard offers.
MULTI_SPLIT = re.compile(r"\s*[、,，;；/\n]\s*")
TECH_FIELD_COLUMNS = 3
PATENT_GROUPS = 3
# Form fields that are not cells: pictures are uploaded in the editor, the
# declaration is made once for the whole file, scheduling is the platform
# administrator's.
NOT_IMPORTED = {"image", "secrecy_declaration", "go_live_at", "expire_at"}
# A checkbox that must be ticked (model validation refuses the listing otherwise).
MUST_TICK = {"consent"}
# Extra columns of an export, describing the listing on the platform; the
# importer skips them, so an exported file can be imported again as it is.
EXPORT_ONLY = ("pk", "live_state", "review_state", "completeness")
ERROR_COLUMN_LABEL = "错误说明"

DATE_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?$"),
    # A month (project periods, launch dates): the first of the month.
    re.compile(r"^(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月?$"),
]


class CellError(ValueError):
    """A cell whose content cannot be read as the column's kind of value."""


@dataclass(frozen=True)
class RowError:
    """One reason a file was refused: sheet row (0 = the file itself), column header, message."""

    row: int
    column: str
    message: str

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": self.message}

    @classmethod
    def from_dict(cls, data):
        return cls(row=data.get("row", 0), column=data.get("column", ""), message=data["message"])


def cell_text(raw):
    """A cell as text: 13800000000 typed as a number stays 13800000000, not 13800000000.0."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat() if raw.time() == datetime.time() else raw.isoformat(" ")
    if isinstance(raw, datetime.date):
        return raw.isoformat()
    return str(raw).strip()


def parse_date(raw):
    """Excel dates, 2025-06-30, 2025/6/30, 2025年6月30日; 2025-06 and 2025年6月 mean the first of the month."""
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        # A date typed into a cell formatted as a number: Excel's day count.
        if 1 <= raw <= 2958465:
            return from_excel(raw).date()
        raise CellError(_("日期格式不对，请填写如 2025-06-30、2025/6/30 或 2025年6月30日。"))
    text = cell_text(raw)
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            try:
                return datetime.date(int(parts["y"]), int(parts["m"]), int(parts.get("d") or 1))
            except ValueError:
                break
    raise CellError(_("日期格式不对，请填写如 2025-06-30、2025/6/30 或 2025年6月30日。"))


@dataclass
class Column:
    """One column of a listing sheet.

    ``kind``: text, choice, multi, bool, int, decimal, date, tech_field,
    enterprise, patent (``part`` names the patent's field) or export (an
    export-only column, skipped on import).
    """

    key: str
    label: str
    kind: str
    field: str = ""
    required: bool = False
    help_text: str = ""
    choices: tuple = ()
    default: object = None
    min_value: object = None
    max_value: object = None
    index: int = 0
    part: str = ""
    lookup: dict = dataclass_field(default_factory=dict, repr=False)

    @property
    def header(self):
        return f"{self.label}*" if self.required else self.label

    @property
    def export_only(self):
        return self.kind == "export"

    @property
    def options(self):
        """Drop-down values (labels), or () for a free cell."""
        return tuple(label for _code, label in self.choices)

    @property
    def has_dropdown(self):
        return self.kind in {"choice", "bool", "tech_field", "enterprise"} or (
            self.kind == "patent" and self.part in {"patent_type", "patent_status"}
        )

    def help_row_text(self):
        """Row 2 of the template: the field's help text plus how to type the value."""
        hints = [str(self.help_text)] if self.help_text else []
        if self.kind == "multi":
            hints.append(
                _("可选：%(options)s；多项用“、”分隔。")
                % {"options": MULTI_SEPARATOR.join(self.options)}
            )
        elif self.kind == "date":
            hints.append(_("日期，如 2025-06-30。"))
        elif self.kind == "bool":
            hints.append(_("填“是”或“否”。"))
        elif self.has_dropdown:
            hints.append(_("从下拉列表中选择。"))
        elif self.kind == "int":
            hints.append(_("整数。"))
        elif self.kind == "decimal":
            hints.append(_("数字。"))
        return "".join(h if h.endswith(("。", "；")) else h + "。" for h in hints)

    # -- import ---------------------------------------------------------------

    def parse(self, raw):
        """The cell as admin-form data: a string, a list, or None for an empty cell."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        parser = getattr(self, f"_parse_{self.kind}")
        return parser(raw)

    def _parse_text(self, raw):
        return cell_text(raw)

    def _parse_export(self, raw):
        return None

    def _match(self, text):
        """The code of a choice given by its label or its code (for TRL also the level number)."""
        code = self.lookup.get(text) or self.lookup.get(text.casefold())
        if code is None:
            raise CellError(_("“%(value)s”不是可选值，请从下拉列表中选择。") % {"value": text[:50]})
        return code

    def _parse_choice(self, raw):
        return self._match(cell_text(raw))

    def _parse_patent(self, raw):
        if self.part in {"patent_type", "patent_status"}:
            return self._match(cell_text(raw))
        return cell_text(raw)

    def _parse_tech_field(self, raw):
        return self._match(cell_text(raw))

    def _parse_enterprise(self, raw):
        text = cell_text(raw)
        code = self.lookup.get(text) or self.lookup.get(text.casefold())
        if code is None:
            raise CellError(
                _("您不能为“%(value)s”填报，请从下拉列表中选择您担任编辑的企业。")
                % {"value": text[:50]}
            )
        return code

    def _parse_multi(self, raw):
        codes, unknown = [], []
        for part in MULTI_SPLIT.split(cell_text(raw)):
            if not part:
                continue
            code = self.lookup.get(part) or self.lookup.get(part.casefold())
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise CellError(
                _("“%(values)s”不是可选值；可选：%(options)s。")
                % {
                    "values": MULTI_SEPARATOR.join(unknown)[:80],
                    "options": MULTI_SEPARATOR.join(self.options),
                }
            )
        return codes

    def _parse_bool(self, raw):
        if isinstance(raw, bool):
            return "on" if raw else ""
        text = cell_text(raw).casefold()
        if text in {"是", "y", "yes", "true", "1", "√", "✓"}:
            return "on"
        if text in {"否", "n", "no", "false", "0", "×"}:
            return ""
        raise CellError(_("请填写“是”或“否”。"))

    def _parse_int(self, raw):
        if isinstance(raw, bool):
            raise CellError(_("请填写整数。"))
        if isinstance(raw, (int, float)):
            if isinstance(raw, float) and not raw.is_integer():
                raise CellError(_("请填写整数。"))
            return str(int(raw))
        text = cell_text(raw).replace(",", "")
        if not re.fullmatch(r"[+-]?\d{1,9}", text):
            raise CellError(_("请填写整数。"))
        return str(int(text))

    def _parse_decimal(self, raw):
        if isinstance(raw, bool):
            raise CellError(_("请填写数字。"))
        if isinstance(raw, float):
            # repr is the shortest text that reads back as the same float.
            return repr(raw)
        if isinstance(raw, (int, decimal.Decimal)):
            return str(raw)
        text = cell_text(raw).replace(",", "")
        try:
            decimal.Decimal(text)
        except decimal.InvalidOperation:
            raise CellError(_("请填写数字。")) from None
        return text

    def _parse_date(self, raw):
        return parse_date(raw).isoformat()

    # -- export ---------------------------------------------------------------

    def value_of(self, listing, *, tech_fields=None, patents=None):
        """The cell of ``listing`` (as editors see it: the latest revision)."""
        if self.kind == "tech_field":
            names = tech_fields if tech_fields is not None else _tech_field_names(listing)
            return names[self.index - 1] if len(names) >= self.index else None
        if self.kind == "patent":
            items = patents if patents is not None else list(listing.patents.all())
            if len(items) < self.index:
                return None
            value = getattr(items[self.index - 1], self.part)
            return self._label(value) if self.choices else (value or None)
        if self.kind == "enterprise":
            return listing.enterprise.name if listing.enterprise_id else None
        value = getattr(listing, self.field, None)
        if self.kind == "choice":
            return self._label(value)
        if self.kind == "multi":
            return MULTI_SEPARATOR.join(self._label(code) for code in value or []) or None
        if self.kind == "bool":
            return YES if value else NO
        if value in ("", None):
            return None
        return value

    def _label(self, code):
        if code in ("", None):
            return None
        for value, label in self.choices:
            if str(value) == str(code):
                return label
        return str(code)


def _tech_field_names(listing):
    fields = sorted(listing.tech_fields.all(), key=lambda f: (f.sort_order, f.name))
    return [f.name for f in fields]


def _lookup(choices, *, extra=()):
    """Label → code and code → code, plus case-folded forms (codes are ASCII)."""
    table = {}
    for code, label in list(choices) + list(extra):
        for key in (str(label), str(code)):
            table.setdefault(key, str(code))
            table.setdefault(key.casefold(), str(code))
    return table


def _form_default(model_field):
    """The admin form value of a model default (used for a blank optional cell), or None."""
    if not model_field.has_default():
        return None
    value = model_field.get_default()
    if value in ([], "", None) or isinstance(value, bool):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _bounds(model_field):
    low = high = None
    for validator in model_field.validators:
        if isinstance(validator, MinValueValidator):
            low = validator.limit_value
        elif isinstance(validator, MaxValueValidator):
            high = validator.limit_value
        elif getattr(validator, "__name__", "") == "validate_year":
            low, high = 1949, timezone.localdate().year
    positive = (
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.PositiveBigIntegerField,
    )
    if low is None and isinstance(model_field, positive):
        low = 0
    return low, high


def form_class_for(model):
    """The admin form class of ``model``, built exactly as the snippet create view builds it."""
    return model.get_edit_handler().get_form_class()


class ColumnSet:
    """The columns of one listing type for one user.

    ``enterprises``: the enterprises the user writes for. The 所属企业 column
    is in the template only when there are several (otherwise the account
    decides), and always in an export, which may list several; the reader
    accepts it in either case.
    """

    def __init__(self, model, enterprises, *, export=False):
        from snippets.models import TechField

        self.model = model
        self.kind = model.listing_kind
        self.enterprises = list(enterprises)
        self.export = export
        self.form_class = form_class_for(model)
        self.tech_fields = list(TechField.objects.order_by("sort_order", "name"))
        self.has_patents = "patents" in (getattr(self.form_class, "formsets", None) or {})
        self.formset_names = list(getattr(self.form_class, "formsets", None) or {})
        self.enterprise_column = self._enterprise_column()
        self.input_columns = self._build()
        shown = [
            c
            for c in self.input_columns
            if c.kind != "enterprise" or export or len(self.enterprises) > 1
        ]
        self.export_columns = [
            Column(key=key, label=label, kind="export") for key, label in self.export_labels()
        ]
        self.columns = shown + (self.export_columns if export else [])
        self.by_label = {c.label: c for c in self.input_columns}

    @staticmethod
    def export_labels():
        return [
            ("pk", _("平台编号")),
            ("live_state", _("发布状态")),
            ("review_state", _("审核状态")),
            ("completeness", _("完整度")),
        ]

    def ignored_labels(self):
        return {label for _key, label in self.export_labels()} | {ERROR_COLUMN_LABEL}

    def _enterprise_column(self):
        model_field = self.model._meta.get_field("enterprise")
        choices = tuple((str(e.pk), e.name) for e in self.enterprises)
        extra = []
        for e in self.enterprises:
            extra += [(str(e.pk), e.short_name), (str(e.pk), e.code)]
        return Column(
            key="enterprise",
            label=str(model_field.verbose_name),
            kind="enterprise",
            field="enterprise",
            required=len(self.enterprises) > 1,
            help_text=_("您同时担任多个企业的编辑，请逐行选择信息所属的企业。"),
            choices=choices,
            lookup=_lookup([], extra=[(c, n) for c, n in choices + tuple(extra) if n]),
        )

    def _build(self):
        columns = []
        for name, form_field in self.form_class.base_fields.items():
            if name in NOT_IMPORTED:
                continue
            if name == "contact_name" and self.has_patents:
                columns += self._patent_columns()
            if name == "enterprise":
                columns.append(self.enterprise_column)
            elif name == "tech_fields":
                columns += self._tech_field_columns()
            else:
                columns.append(self._field_column(name, form_field))
        return columns

    def _tech_field_columns(self):
        model_field = self.model._meta.get_field("tech_fields")
        choices = tuple((str(f.pk), f.name) for f in self.tech_fields)
        lookup = _lookup(choices, extra=[(str(f.pk), f.name_en) for f in self.tech_fields])
        return [
            Column(
                key=f"tech_fields:{i}",
                label=f"{model_field.verbose_name}{i}",
                kind="tech_field",
                field="tech_fields",
                required=i == 1,
                help_text=model_field.help_text if i == 1 else "",
                choices=choices,
                index=i,
                lookup=lookup,
            )
            for i in range(1, TECH_FIELD_COLUMNS + 1)
        ]

    def _patent_columns(self):
        from snippets.models import ListingPatent

        columns = []
        for i in range(1, PATENT_GROUPS + 1):
            for part, label, choices in (
                ("number", _("专利%(i)s号"), ()),
                ("name", _("专利%(i)s名称"), ()),
                ("patent_type", _("专利%(i)s类型"), tuple(PatentType.choices)),
                ("patent_status", _("专利%(i)s状态"), tuple(PatentStatus.choices)),
            ):
                model_field = ListingPatent._meta.get_field(part)
                columns.append(
                    Column(
                        key=f"patents:{i}:{part}",
                        label=label % {"i": i},
                        kind="patent",
                        field="patents",
                        help_text=model_field.help_text if i == 1 else "",
                        choices=tuple((code, str(text)) for code, text in choices),
                        index=i,
                        part=part,
                        lookup=_lookup(choices),
                    )
                )
        return columns

    def _field_column(self, name, form_field):
        model_field = self.model._meta.get_field(name)
        if name == "title":
            label = self.model.title_label
        elif name == "valid_until":
            label = self.model.valid_until_label
        else:
            label = model_field.verbose_name
        default = _form_default(model_field)
        column = Column(
            key=name,
            label=str(label),
            kind="text",
            field=name,
            required=(form_field.required and default is None) or name in MUST_TICK,
            help_text=str(model_field.help_text or ""),
            default=default,
        )
        if isinstance(model_field, ChoiceListField):
            column.kind = "multi"
            column.choices = tuple((c, str(label)) for c, label in model_field.flatchoices_codes)
        elif model_field.choices:
            column.kind = "choice"
            column.choices = tuple(
                (str(code), str(text)) for code, text in model_field.flatchoices if code != ""
            )
        elif isinstance(model_field, models.BooleanField):
            column.kind = "bool"
            column.choices = ((YES, YES), (NO, NO))
        elif isinstance(model_field, models.DateField):
            column.kind = "date"
        elif isinstance(model_field, models.DecimalField):
            column.kind = "decimal"
            column.min_value, column.max_value = _bounds(model_field)
        elif isinstance(model_field, models.IntegerField):
            column.kind = "int"
            column.min_value, column.max_value = _bounds(model_field)
        if column.choices and column.kind != "bool":
            extra = []
            if name == "trl":
                # “6” for “6 中试阶段：…”: the level is what people remember.
                extra = [(code, str(code)) for code, _label in column.choices]
            column.lookup = _lookup(column.choices, extra=extra)
        return column

    # -- rows ------------------------------------------------------------------

    def lookup_header(self, text):
        """The column a header cell names (“名称*” or “名称”), "ignore", or None if unknown."""
        label = (text or "").strip().rstrip("*＊").strip()
        if label in self.by_label:
            return self.by_label[label]
        if label in self.ignored_labels():
            return "ignore"
        return None

    def form_data(self, cells):
        """Admin-form POST data from one row (``{column key: raw cell}``).

        Returns ``(data, cell errors, patent groups)``; the groups are the
        专利N numbers in the order of the formset's forms. An empty optional
        cell takes the model's default (有效期至 a year from today, 对接状态
        可对接 …) as the editor's empty form would.
        """
        data, errors = {}, []
        tech_fields = []
        patents = {}
        if len(self.enterprises) == 1:
            data["enterprise"] = str(self.enterprises[0].pk)
        for column in self.input_columns:
            try:
                value = column.parse(cells.get(column.key))
            except CellError as e:
                errors.append((column, str(e)))
                continue
            if value is None:
                value = column.default
                if value is None:
                    continue
            if column.kind == "tech_field":
                if value not in tech_fields:
                    tech_fields.append(value)
            elif column.kind == "patent":
                patents.setdefault(column.index, {})[column.part] = value
            else:
                data[column.field] = value
        if tech_fields:
            data["tech_fields"] = tech_fields
        groups = sorted(patents)
        for name in self.formset_names:
            rows = [patents[i] for i in groups] if name == "patents" else []
            data.update(
                {
                    f"{name}-TOTAL_FORMS": str(len(rows)),
                    f"{name}-INITIAL_FORMS": "0",
                    f"{name}-MIN_NUM_FORMS": "0",
                    f"{name}-MAX_NUM_FORMS": "1000",
                }
            )
            for i, values in enumerate(rows):
                data.update({f"{name}-{i}-{part}": v for part, v in values.items()})
                data[f"{name}-{i}-ORDER"] = str(i + 1)
        return data, errors, groups

    def header_for_field(self, name):
        """The header to blame for an admin-form error on field ``name``."""
        for column in self.input_columns:
            if column.field == name:
                return column.header
        return ""

    def header_for_patent(self, index, part):
        for column in self.input_columns:
            if column.kind == "patent" and column.index == index and column.part == part:
                return column.header
        return ""
