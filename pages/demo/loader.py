"""Writes the demo to the database: reference data, enterprises, pages, files, accounts.

Idempotent by natural keys: a technical field by slug, an enterprise by code,
a collection by name under its parent, an image or document by title, a page
by slug under its parent, a translation by the source page's translation key,
a user by username. What exists is skipped, never updated, so editors' changes
to demo content survive a second run and the second run is fast.
"""

import datetime
import io
import json
import time
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from pages.models import (
    AchievementPage,
    EnterprisePage,
    ExperiencePage,
    NewsPage,
    NoticeAttachment,
    NoticePage,
    TrendPage,
)
from pages.setup import ensure_site_structure
from snippets.models import Enterprise, TechField
from workflows.provisioning import provision_enterprise, provision_regulator

from . import accounts, documents, images, review
from .english import EnglishTranslator
from .home import arrange_home
from .listings import load_listings
from .participation import load_participation
from .plan import FIRST_DAY, STREAMS, build_plan
from .ranking import load_ranking
from .reference import ENTERPRISES, TECH_FIELDS
from .regulator import load_regulator_work
from .survey import load_survey

MODELS = {
    "news": NewsPage,
    "achievements": AchievementPage,
    "experience": ExperiencePage,
    "trends": TrendPage,
    "notices": NoticePage,
}
LABELS = {
    "news": "科技动态",
    "achievements": "重大科技成就",
    "experience": "管理经验",
    "trends": "国内外技术动态",
    "notices": "通知公告",
}
COVERS_COLLECTION = "示例图库"
REGULATOR_COLLECTION = "监管机构"


class DemoLoader:
    """Loads the demo; ``run()`` returns counts for the command's summary."""

    def __init__(
        self, *, items_per_stream=32, with_accounts=True, with_translations=True, log=print
    ):
        self.items_per_stream = items_per_stream
        self.with_accounts = with_accounts
        self.with_translations = with_translations
        self.log = log
        self.created = Counter()
        self.untranslated = []  # (page title, Chinese segment) the English corpus missed

    def run(self):
        started = time.monotonic()
        _home, self.sections = ensure_site_structure()
        self.zh = Locale.objects.get(language_code="zh-hans")
        self.en = Locale.objects.get(language_code="en")
        with transaction.atomic():
            self.fields = self._tech_fields()
            self.collections = self._collections()
            self.image_ids = self._covers()
            self.enterprises = self._enterprises()
            self.enterprise_pages = self._enterprise_pages()
            self.groups = self._provision()
        self.log(
            f"参考数据 reference data: {len(self.fields)} 技术领域, "
            f"{len(self.enterprises)} 企业, {len(self.image_ids)} 封面图片"
        )
        if self.with_accounts:
            with transaction.atomic():
                self._accounts()
        self.users = get_user_model().objects.filter(username__in=accounts.USERS)
        self.users = {u.username: u for u in self.users}
        plan = build_plan(self.items_per_stream)
        for stream in STREAMS:
            with transaction.atomic():
                self._stream(stream, [item for item in plan if item.stream == stream])
        if self.with_accounts:
            with transaction.atomic():
                submitted, rejected, held = review.leave_review_states(users=self.users, zh=self.zh)
            self.created["submitted for review"] += submitted
            self.created["rejected with a comment"] += rejected
            self.created["held by the secrecy check"] += held
        with transaction.atomic():
            self.created.update(
                load_listings(
                    enterprises=self.enterprises, fields=self.fields, users=self.users, zh=self.zh
                )
            )
        self.created.update(load_regulator_work(enterprises=self.enterprises, users=self.users))
        self.created.update(load_survey(enterprises=self.enterprises, users=self.users))
        self.created.update(load_ranking(enterprises=self.enterprises, users=self.users))
        self.created.update(load_participation(enterprises=self.enterprises, users=self.users))
        if self.with_translations:
            english = EnglishTranslator(self.en, log=self.log)
            english.translate_enterprises(self.enterprise_pages)
            english.translate_items(plan, self._parent)
            self.created.update(english.created)
            self.untranslated = english.untranslated
        with transaction.atomic():
            self.created.update(
                arrange_home(zh=self.zh, en=self.en if self.with_translations else None)
            )
        self.elapsed = time.monotonic() - started
        return self.summary()

    # --- reference data ----------------------------------------------------------

    def _tech_fields(self):
        existing = {f.slug: f for f in TechField.objects.all()}
        for order, (slug, name, name_en, description) in enumerate(TECH_FIELDS, start=1):
            if slug not in existing:
                existing[slug] = TechField.objects.create(
                    slug=slug,
                    name=name,
                    name_en=name_en,
                    description=description,
                    sort_order=order * 10,
                )
                self.created["tech fields"] += 1
        return existing

    def _collection(self, parent, name):
        child = parent.get_children().filter(name=name).first()
        if child is None:
            child = parent.add_child(instance=Collection(name=name))
            self.created["collections"] += 1
        return child

    def _collections(self):
        """One collection per enterprise (subsidiaries inside their group's), the regulator's,
        and the shared library of covers."""
        root = Collection.get_first_root_node()
        collections = {
            None: self._collection(root, REGULATOR_COLLECTION),
            "covers": self._collection(root, COVERS_COLLECTION),
        }
        for spec in ENTERPRISES:
            parent = collections[spec.parent] if spec.parent else root
            collections[spec.code] = self._collection(parent, spec.short_name)
        return collections

    def _image(self, title, data, filename, collection, description=""):
        Image = get_image_model()
        image = Image(
            title=title,
            collection=collection,
            description=description,
            file=ImageFile(io.BytesIO(data), name=filename),
        )
        image._set_image_file_metadata()
        image.save()
        self.created["images"] += 1
        return image

    def _covers(self):
        specs = images.cover_specs()
        Image = get_image_model()
        ids = dict(
            Image.objects.filter(title__in=[s.title for s in specs]).values_list("title", "id")
        )
        for spec in specs:
            if spec.title not in ids:
                image = self._image(
                    spec.title,
                    images.render_cover(spec),
                    f"demo-cover-{spec.seed}.jpg",
                    self.collections["covers"],
                    spec.alt[0],
                )
                ids[spec.title] = image.pk
        return ids

    def _enterprises(self):
        existing = {
            e.code: e for e in Enterprise.objects.filter(code__in=[s.code for s in ENTERPRISES])
        }
        for spec in ENTERPRISES:
            if spec.code in existing:
                continue
            logo = self._image(
                f"{spec.short_name} 标志",
                images.render_logo(spec.code, spec.field),
                f"demo-logo-{spec.code}.png",
                self.collections[spec.code],
                f"{spec.short_name}的标志",
            )
            existing[spec.code] = Enterprise.objects.create(
                code=spec.code,
                name=spec.name,
                name_en=spec.name_en,
                short_name=spec.short_name,
                short_name_en=spec.short_name_en,
                level=Enterprise.Level.SUBSIDIARY if spec.parent else Enterprise.Level.GROUP,
                parent=existing.get(spec.parent),
                logo=logo,
                introduction=spec.introduction,
                introduction_en=spec.introduction_en,
                sort_order=spec.sort_order,
            )
            self.created["enterprises"] += 1
        return existing

    def _enterprise_pages(self):
        """Group pages under 企业子平台, subsidiary pages under their group's page."""
        pages = {}
        since = timezone.make_aware(
            datetime.datetime.combine(FIRST_DAY - datetime.timedelta(days=5), datetime.time(9))
        )
        for spec in ENTERPRISES:
            parent = pages[spec.parent] if spec.parent else self.sections["enterprises"]
            page = EnterprisePage.objects.child_of(parent).filter(slug=spec.code).first()
            if page is None:
                page = EnterprisePage(
                    title=spec.name,
                    slug=spec.code,
                    locale=self.zh,
                    enterprise=self.enterprises[spec.code],
                    first_published_at=since,
                )
                parent.add_child(instance=page)
                page.save_revision().publish(skip_permission_checks=True)
                self.created["enterprise pages"] += 1
            pages[spec.code] = page
        return pages

    def _provision(self):
        """Each enterprise's groups and permissions, as the admin would provision them.

        The pages and collections above already exist, so provisioning finds
        them; English pages come from the corpus (``EnglishTranslator``).
        Returns the groups keyed by (enterprise code or None, role).
        """
        # A database seeded before provisioning existed converges on the new groups.
        self.created["old placeholder groups removed"] += accounts.remove_placeholder_groups()
        groups = {}
        for spec in ENTERPRISES:
            result = provision_enterprise(enterprise=self.enterprises[spec.code], translate=False)
            self.created["groups"] += sum(1 for c in result.created if c.startswith("用户组"))
            groups.update({(spec.code, role): group for role, group in result.groups.items()})
        result = provision_regulator()
        self.created["groups"] += sum(1 for c in result.created if c.startswith("用户组"))
        groups.update({(None, role): group for role, group in result.groups.items()})
        return groups

    def _accounts(self):
        _users, created = accounts.ensure_users(self.groups)
        self.created["users"] += created
        self.log(
            f"账号 accounts: {len(accounts.USERS)} 个（新建 {created}），"
            f"{len(self.groups)} 个用户组，统一密码见 README"
        )

    # --- items ----------------------------------------------------------------------

    def _parent(self, key):
        return self.enterprise_pages.get(key) or self.sections[key]

    def _stream(self, stream, items):
        existing = {}
        for parent_key in {item.parent for item in items}:
            parent = self._parent(parent_key)
            existing[parent_key] = set(parent.get_children().values_list("slug", flat=True))
        new = [item for item in items if item.slug not in existing[item.parent]]
        for item in new:
            self._create(item)
        live = sum(1 for item in items if item.published_at)
        self.created[stream] += len(new)
        self.log(
            f"{LABELS[stream]} {stream}: {live} 篇已发布, {len(items) - live} 篇草稿"
            f"（本次新建 {len(new)}）"
        )

    def _create(self, item):
        published_at = item.published_at and min(item.published_at, timezone.now())
        page = MODELS[item.stream](
            title=item.title,
            slug=item.slug,
            summary=item.summary,
            locale=self.zh,
            body=json.dumps(item.doc.raw(self.image_ids), ensure_ascii=False),
            cover_image_id=self.image_ids.get(item.cover),
            owner=self.users.get(item.owner),
            first_published_at=published_at,
            live=False,
            **item.extra,
        )
        page.tags.add(*item.tags)
        page.tech_fields = [self.fields[slug] for slug in item.fields]
        if item.stream == "notices":
            page.target_enterprises = [self.enterprises[code] for code in item.targets]
            page.attachments = self._attachments(item, page)
        self._parent(item.parent).add_child(instance=page)
        revision = page.save_revision(user=self.users.get(item.owner), log_action=True)
        if published_at:
            revision.publish(user=self.users.get(item.publisher), skip_permission_checks=True)
            # Keep the history coherent with the publication date of the demo item.
            type(revision).objects.filter(pk=revision.pk).update(created_at=published_at)
            Page.objects.filter(pk=page.pk).update(
                last_published_at=published_at,
                latest_revision_created_at=published_at,
            )

    def _attachments(self, item, page):
        Document = get_document_model()
        titles = [doc_title for _a, _t, doc_title in item.attachments]
        existing = {d.title: d for d in Document.objects.filter(title__in=titles)}
        paragraphs = [
            strip_tags(value if isinstance(value, str) else value.get("text", ""))
            for block_type, value, _id in item.doc.blocks
            if block_type in ("paragraph", "heading")
        ]
        result = []
        for k, (attachment, title, doc_title) in enumerate(item.attachments, start=1):
            document = existing.get(doc_title)
            if document is None:
                name = attachment.name[0]
                if attachment.fmt == "pdf":
                    data = documents.notice_pdf(
                        name,
                        page.doc_number,
                        item.title,
                        paragraphs,
                        page.issuing_office,
                        f"{page.issued_on.year}年{page.issued_on.month}月{page.issued_on.day}日",
                    )
                else:
                    targets = item.targets or [s.code for s in ENTERPRISES if not s.parent]
                    names = [
                        s.name for s in ENTERPRISES if s.code in targets or s.parent in targets
                    ]
                    data = documents.reply_form_csv(attachment.columns, names)
                document = Document(
                    title=doc_title,
                    collection=self.collections[None],
                    uploaded_by_user=self.users.get(item.owner),
                    file=ContentFile(data, f"{item.slug}-{k}.{attachment.fmt}"),
                )
                document._set_document_file_metadata()
                document.save()
                self.created["documents"] += 1
            result.append(NoticeAttachment(document=document, title=title, sort_order=k))
        return result

    # --- summary ---------------------------------------------------------------------

    def summary(self):
        rows = []
        for stream in STREAMS:
            qs = MODELS[stream].objects.all()
            rows.append(
                (
                    LABELS[stream],
                    stream,
                    qs.filter(locale=self.zh, live=True).count(),
                    qs.filter(locale=self.zh, live=False).count(),
                    qs.filter(locale=self.en, live=True).count(),
                )
            )
        demo_titles = [s.title for s in images.cover_specs()] + [
            f"{s.short_name} 标志" for s in ENTERPRISES
        ]
        totals = {
            "enterprises": Enterprise.objects.count(),
            "enterprise pages (zh/en)": f"{EnterprisePage.objects.filter(locale=self.zh).count()}/{EnterprisePage.objects.filter(locale=self.en).count()}",
            "pages": Page.objects.count(),
            "images": get_image_model().objects.filter(title__in=demo_titles).count(),
            "documents": get_document_model().objects.count(),
            "users": get_user_model().objects.filter(username__in=accounts.USERS).count(),
            "tags": Tag.objects.count(),
        }
        return {
            "streams": rows,
            "totals": totals,
            "created": dict(self.created),
            "untranslated": self.untranslated,
            "elapsed": self.elapsed,
        }
