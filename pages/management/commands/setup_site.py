from django.core.management.base import BaseCommand

from pages.setup import ensure_site_structure


class Command(BaseCommand):
    help = "创建站点骨架：语言、首页、各栏目和企业子平台目录（可重复运行）。"

    def handle(self, *args, **options):
        home, sections = ensure_site_structure()
        self.stdout.write(
            self.style.SUCCESS(f"Site ready: {home.title} with {len(sections)} sections.")
        )
