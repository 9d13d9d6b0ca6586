"""``python manage.py seed_demo``: the demo content of DESIGN.md §7, idempotently.

Two fictional group companies (示例能源, 示例装备) with two subsidiaries each,
their sub-platform pages, at least 32 live items per stream plus drafts,
English translations, generated covers, logos and notice attachments, and one
account per role. See ``pages/demo/`` for what is loaded and why.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pages.demo import accounts
from pages.demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "加载演示数据（虚构企业、各栏目文章、通知公告、英文译文和演示账号），可重复运行。 "
        "Load demo content about fictional enterprises; running it again adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--items-per-stream",
            type=int,
            default=32,
            metavar="N",
            help="live items per stream (科技动态, 重大科技成就, 管理经验, 国内外技术动态, 通知公告); "
            "default 32. Tests use a few, e.g. 3.",
        )
        parser.add_argument(
            "--no-accounts", action="store_true", help="do not create the demo accounts and groups"
        )
        parser.add_argument(
            "--no-translations", action="store_true", help="do not create English translations"
        )
        parser.add_argument(
            "--allow-known-passwords",
            action="store_true",
            help=f"create the demo accounts (password {accounts.PASSWORD!r}) even when DEBUG is off",
        )

    def handle(self, *args, **options):
        if options["items_per_stream"] < 0:
            raise CommandError("--items-per-stream must be 0 or more.")
        with_accounts = not options["no_accounts"]
        if with_accounts and not settings.DEBUG and not options["allow_known_passwords"]:
            raise CommandError(
                "DEBUG 已关闭：演示账号使用公开的已知密码，拒绝创建。如确需创建，请加 "
                "--allow-known-passwords；只加载内容请加 --no-accounts。\n"
                "DEBUG is off: the demo accounts have a published password, so they are not "
                "created. Pass --allow-known-passwords to create them anyway, or --no-accounts "
                "to load the content only."
            )
        loader = DemoLoader(
            items_per_stream=options["items_per_stream"],
            with_accounts=with_accounts,
            with_translations=not options["no_translations"],
            log=self.stdout.write,
        )
        summary = loader.run()
        self._report(summary, options["verbosity"])

    def _report(self, summary, verbosity):
        write = self.stdout.write
        write("")
        write(f"{'栏目 stream':<24}{'zh live':>8}{'zh draft':>9}{'en live':>8}")
        for label, stream, live, drafts, en in summary["streams"]:
            write(f"{label + ' ' + stream:<20}{live:>8}{drafts:>9}{en:>8}")
        write("  ".join(f"{k}: {v}" for k, v in summary["totals"].items()))
        created = summary["created"]
        write(
            "本次新建 created this run: "
            + (", ".join(f"{k} {v}" for k, v in created.items() if v) or "nothing (all present)")
        )
        if summary["untranslated"]:
            self.stderr.write(
                f"{len(summary['untranslated'])} source segments had no English text "
                "(they stay Chinese on the English page):"
            )
            if verbosity > 1:
                for title, text in summary["untranslated"]:
                    self.stderr.write(f"  {title}: {text}")
        self.stdout.write(
            self.style.SUCCESS(f"演示数据已就绪 demo data ready in {summary['elapsed']:.1f}s.")
        )
