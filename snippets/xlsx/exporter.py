"""Export of the listings a user may see, in the import template's layout.

Rows are the listings of one type that ``visible_listings`` gives the user
(own enterprises, or the groups they review), each as editors see it: its
latest revision. Four export-only columns (平台编号, 发布状态, 审核状态, 完整度)
follow the template's columns; the importer skips them, so export → delete →
import gives the same field values.

Text that begins with = + - @ is written as a string cell with
``quotePrefix``: Excel shows it as typed and never evaluates it.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from .columns import ColumnSet, _tech_field_names
from .template import FIRST_DATA_ROW, template_workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def write_cell(ws, row, col, value):
    """Write ``value`` so that Excel shows it and never computes it."""
    cell = ws.cell(row, col)
    if isinstance(value, str):
        cell.value = value
        if value.startswith(FORMULA_TRIGGERS):
            # openpyxl turns any "=…" into a formula; say it is a string.
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, datetime.date):
            cell.number_format = "yyyy-mm-dd"
    return cell


def _review_states(listings):
    from snippets.models import Listing

    if not listings:
        return {}
    base_type = ContentType.objects.get_for_model(Listing)
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=base_type, object_id__in=[str(x.pk) for x in listings])
        .select_related("current_task_state__task")
    )
    labels = {}
    for state in states:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            labels[state.object_id] = _("退回修改")
        elif state.current_task_state_id:
            labels[state.object_id] = _("待%(task)s") % {"task": state.current_task_state.task.name}
    return labels


def _live_state(listing):
    if not listing.live:
        return _("草稿")
    if listing.has_unpublished_changes:
        return _("已发布（有未发布的修改）")
    return _("已发布")


def export_workbook(user, model):
    """The workbook of ``user``'s visible listings of ``model`` (latest revisions)."""
    from snippets.models import Enterprise, completeness_of
    from workflows.listing_policy import visible_listings

    from .importer import import_enterprises

    with translation.override("zh-hans"):
        column_set = ColumnSet(model, import_enterprises(user), export=True)
        wb = template_workbook(column_set)
        ws = wb.worksheets[0]
        listings = list(
            visible_listings(user, model)
            .select_related("latest_revision")
            .order_by("enterprise_id", "pk")
        )
        names = dict(
            Enterprise.objects.filter(pk__in={x.enterprise_id for x in listings}).values_list(
                "pk", "name"
            )
        )
        review = _review_states(listings)
        for row, listing in enumerate(listings, start=FIRST_DATA_ROW):
            current = listing.latest_revision.as_object() if listing.latest_revision else listing
            tech_fields = _tech_field_names(current)
            patents = list(current.patents.all()) if column_set.has_patents else []
            extra = {
                "pk": listing.pk,
                "live_state": _live_state(listing),
                "review_state": review.get(str(listing.pk), ""),
                "completeness": f"{completeness_of(current)}%",
            }
            for col, column in enumerate(column_set.columns, start=1):
                if column.export_only:
                    value = extra[column.key]
                elif column.kind == "enterprise":
                    value = names.get(current.enterprise_id)
                else:
                    value = column.value_of(current, tech_fields=tech_fields, patents=patents)
                if value is not None and value != "":
                    write_cell(ws, row, col, value)
        return wb
