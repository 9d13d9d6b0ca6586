"""Wagtail's ``publish_scheduled``, with 保密审查 repeated just before anything goes live.

This app comes before ``wagtail`` in INSTALLED_APPS, so this command is the one
that cron and the task runner call; see ``workflows.secrecy.scheduled``.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from workflows.secrecy.scheduled import hold_due_revisions_with_hits


class Command(WagtailCommand):
    help = (
        "Publish scheduled revisions that pass the confidentiality check; unpublish expired ones."
    )

    def handle(self, *args, **options):
        if not options["dryrun"]:
            for obj, hits in hold_due_revisions_with_hits():
                self.stdout.write(f"Held (confidentiality check, {len(hits)} hits): {obj}")
        super().handle(*args, **options)
