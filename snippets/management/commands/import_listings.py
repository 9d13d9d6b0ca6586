"""manage.py import_listings --user <username> --kind <kind> --declare-no-secrets <file.xlsx>

The import of the admin's 批量导入 page, run in the foreground as ``--user``:
the same permissions, the same checks, all or nothing, a ``ListingImport``
record of the run. The uploader's secrecy declaration is asked for as
``--declare-no-secrets``, so nobody imports by script without making it.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from snippets.models import LISTING_MODEL_BY_KIND, ListingImport
from snippets.xlsx.importer import import_enterprises, run_listing_import, user_can_import
from snippets.xlsx.reader import MAX_UPLOAD_BYTES


class Command(BaseCommand):
    help = "Import a filled listing template (XLSX) as a user: drafts submitted for review, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx file")
        parser.add_argument("--user", required=True, help="username of the importing editor")
        parser.add_argument(
            "--kind", required=True, choices=sorted(LISTING_MODEL_BY_KIND), help="listing type"
        )
        parser.add_argument(
            "--declare-no-secrets",
            action="store_true",
            help="本信息不涉及国家秘密和企业商业秘密 (required)",
        )

    def handle(self, *args, file, user, kind, declare_no_secrets, **options):
        account = get_user_model().objects.filter(username=user, is_active=True).first()
        if account is None:
            raise CommandError(f"No active user “{user}”.")
        model = LISTING_MODEL_BY_KIND[kind]
        if not user_can_import(account, model):
            raise CommandError(
                f"{user} may not import {kind} listings (add permission and an enterprise needed)."
            )
        if not declare_no_secrets:
            raise CommandError("Pass --declare-no-secrets: 本信息不涉及国家秘密和企业商业秘密.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise CommandError("The file is larger than 10 MB.")
        data = path.read_bytes()
        enterprises = list(import_enterprises(account)[:2])
        record = ListingImport(
            kind=kind,
            user=account,
            enterprise=enterprises[0] if len(enterprises) == 1 else None,
            filename=path.name[:255],
            secrecy_declared=True,
        )
        record.file.save(path.name, ContentFile(data), save=False)
        record.save()
        run_listing_import(record, data)
        record.refresh_from_db()
        if record.status != ListingImport.Status.DONE:
            for error in record.errors:
                where = f"第 {error['row']} 行" if error.get("row") else "文件"
                column = f" {error['column']}" if error.get("column") else ""
                self.stderr.write(f"{where}{column}：{error['message']}")
            raise CommandError(f"Nothing imported ({record.get_status_display()}).")
        self.stdout.write(
            self.style.SUCCESS(f"Imported {record.imported_count} listings, submitted for review.")
        )
