"""Background tasks of the listings (django-tasks).

A 10,000-row import validates and writes for a minute or more (about 20 s
and 45 s of CPU on SQLite, bench/imports.py): longer than a request should
wait. ``run_import`` runs on the "imports" backend — at once
in development and tests (``config/settings/base.py``), in a database-queued
worker in production (``config/settings/production.py``) — and reports its
progress on the ``ListingImport`` row and in the cache, which the status page
polls.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger(__name__)


@task(backend="imports")
def run_import(import_id):
    """Import the uploaded file of ``ListingImport`` ``import_id``; all or nothing."""
    from snippets.models import ListingImport
    from snippets.xlsx.importer import run_listing_import

    record = ListingImport.objects.select_related("user").filter(pk=import_id).first()
    if record is None or record.status not in {
        ListingImport.Status.PENDING,
        ListingImport.Status.FAILED,
    }:
        return None  # gone, or already handled by another worker
    try:
        with record.file.open("rb") as handle:
            data = handle.read()
        run_listing_import(record, data)
    except Exception:
        # The transaction of the write phase rolled back: nothing was imported.
        logger.exception("Listing import %s failed", import_id)
        record.status = ListingImport.Status.FAILED
        record.errors = [
            {
                "row": 0,
                "column": "",
                "message": _("导入时发生系统错误，未导入任何信息。请稍后重试或联系平台管理员。"),
            }
        ]
        record.finished_at = timezone.now()
        record.save(update_fields=["status", "errors", "finished_at"])
    return record.status
