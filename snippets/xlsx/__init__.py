"""首次登写: the XLSX template, bulk import and export of the resource listings.

One column spec per type (columns.py) drives the template, the reader, the
importer and the exporter, so that the four cannot drift apart
(docs/resource-listings.md §4).
"""

from .columns import ColumnSet, RowError
from .exporter import export_workbook
from .importer import ImportResult, run_listing_import, validate_rows, write_listings
from .reader import MAX_DATA_ROWS, MAX_UPLOAD_BYTES, SheetData, read_workbook
from .template import TEMPLATE_VERSION, template_workbook

__all__ = [
    "MAX_DATA_ROWS",
    "MAX_UPLOAD_BYTES",
    "TEMPLATE_VERSION",
    "ColumnSet",
    "ImportResult",
    "RowError",
    "SheetData",
    "export_workbook",
    "read_workbook",
    "run_listing_import",
    "template_workbook",
    "validate_rows",
    "write_listings",
]
