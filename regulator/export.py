"""What every spreadsheet of the regulator's work shares with the 审核记录 export."""

from django.utils import timezone
from wagtail.admin.views.reports import ReportView

from workflows.audit import neutralise_formula


def beijing_time(value):
    return timezone.make_naive(value) if value is not None else None


class RegulatorExportMixin:
    """Beijing time in the XLSX (Wagtail writes UTC), a BOM and no formulas in the CSV."""

    def preprocess_field_value(self, field, value, export_format):
        if export_format == ReportView.FORMAT_XLSX and field in getattr(
            self, "datetime_fields", ()
        ):
            return beijing_time(value)
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == ReportView.FORMAT_CSV:
            value = neutralise_formula(value)
        return value

    def stream_csv(self, queryset):
        # A byte-order mark, so that Excel on a Chinese desktop reads the CSV as UTF-8.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)
