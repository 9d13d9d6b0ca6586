"""``python manage.py provision_enterprise``: open a sub-platform from the command line.

Creates (or updates) an Enterprise and provisions it through
``workflows.provisioning`` — the same function the admin runs when a platform
administrator creates an Enterprise snippet — so an enterprise set up either
way ends up the same. ``--all`` provisions every existing enterprise and the
regulator, e.g. after an upgrade or on a database loaded from elsewhere.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from snippets.models import Enterprise
from workflows.provisioning import provision_enterprise, provision_regulator

FIELDS = ("name", "name_en", "short_name", "short_name_en")


class Command(BaseCommand):
    help = (
        "创建或更新企业，并为其开通子平台（页面、用户组、权限、文件夹）；可重复运行。 "
        "Create or update an enterprise and provision its sub-platform (page, groups, "
        "permissions, collection); running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", help="企业代码 enterprise code, e.g. group-a, a3")
        parser.add_argument("--name", help="企业名称 full Chinese name")
        parser.add_argument("--name-en", help="英文名称 English name")
        parser.add_argument("--short-name", help="简称 short name, used in group names")
        parser.add_argument("--short-name-en", help="英文简称 English short name")
        parser.add_argument(
            "--level",
            choices=[c for c, _label in Enterprise.Level.choices],
            help="group (集团公司) or subsidiary (所属企业); default: subsidiary when --parent "
            "is given, otherwise group",
        )
        parser.add_argument("--parent", help="所属集团的企业代码 code of the group company")
        parser.add_argument(
            "--all",
            action="store_true",
            help="provision every existing enterprise and the regulator",
        )

    def handle(self, *args, **options):
        if options["all"]:
            return self._all()
        if not options["code"]:
            raise CommandError("请指定 --code 或 --all。\nPass --code CODE, or --all.")
        with transaction.atomic():
            enterprise = self._enterprise(options)
            result = provision_enterprise(enterprise=enterprise)
        self._report(enterprise.name, result.created)

    def _all(self):
        result = provision_regulator()
        self._report("监管机构", result.created)
        # Groups before their subsidiaries (provisioning would handle either order).
        for enterprise in Enterprise.objects.select_related("parent").order_by("level", "code"):
            result = provision_enterprise(enterprise=enterprise)
            self._report(enterprise.name, result.created)

    def _enterprise(self, options):
        code = options["code"]
        enterprise = Enterprise.objects.filter(code=code).first() or Enterprise(code=code)
        for name in FIELDS:
            if options[name] is not None:
                setattr(enterprise, name, options[name])
        parent_code = options["parent"]
        if parent_code is not None:
            parent = Enterprise.objects.filter(code=parent_code).first()
            if parent is None:
                raise CommandError(
                    f"所属集团“{parent_code}”不存在，请先开通该集团公司。\n"
                    f"Unknown parent {parent_code!r}: provision the group company first."
                )
            if not parent.is_group:
                raise CommandError(
                    f"“{parent_code}”是所属企业，不能作为所属集团。\n"
                    f"{parent_code!r} is a subsidiary, not a group company."
                )
            enterprise.parent = parent
        level = options["level"] or (
            Enterprise.Level.SUBSIDIARY if parent_code else enterprise.level
        )
        enterprise.level = level
        if level == Enterprise.Level.SUBSIDIARY and not enterprise.parent_id:
            raise CommandError(
                "所属企业必须用 --parent 指定其集团公司。\n"
                "A subsidiary needs --parent CODE naming its group company."
            )
        if level == Enterprise.Level.GROUP and enterprise.parent_id:
            raise CommandError(
                "集团公司不能隶属于其他集团：请去掉 --parent，或用 --level subsidiary。\n"
                "A group company cannot have a parent: drop --parent or pass --level subsidiary."
            )
        if not enterprise.name:
            raise CommandError("新企业必须提供 --name。\nA new enterprise needs --name.")
        if not enterprise.short_name:
            raise CommandError(
                "新企业必须提供 --short-name。\nA new enterprise needs --short-name."
            )
        try:
            enterprise.full_clean(exclude=["logo"])
        except ValidationError as error:
            messages = "; ".join(
                f"{field}: {' '.join(errors)}" for field, errors in error.message_dict.items()
            )
            raise CommandError(f"企业信息有误 invalid enterprise: {messages}") from error
        enterprise.save()
        return enterprise

    def _report(self, name, created):
        if created:
            self.stdout.write(self.style.SUCCESS(f"已开通子平台 provisioned: {name}"))
            for what in created:
                self.stdout.write(f"  + {what}")
        else:
            self.stdout.write(f"{name}: 已是最新 nothing to do")
