"""Factories for the platform's pages, enterprises, taxonomies, images and documents.

Article factories publish the page the way an editor does (a revision, then
publish), so ``first_published_at``, the revision and the live tree agree.
Pass ``published_at=`` to date an item (the publish date readers and the year
filter see), ``live=False`` for a draft that was never published, and
``tags=`` / ``tech_fields=`` to file it.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection

from pages.models import (
    AchievementPage,
    EnterprisePage,
    ExperiencePage,
    NewsPage,
    NoticeAttachment,
    NoticePage,
    TrendPage,
)
from snippets.models import Enterprise, TechField


def publish(page, at=None):
    """Publish ``page`` as an editor would, recording ``at`` as its first publication.

    ``first_published_at`` is kept by the system and never typed by an editor;
    tests set it before the first publication to date an item.
    """
    if at is not None:
        page.first_published_at = at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def days_ago(days, hour=10):
    """A publication time ``days`` before now, at a fixed hour of the day in Beijing."""
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def in_year(year, month=6, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


def _root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """A small landscape JPEG in the root collection (no stray root collections)."""

    title = factory.Sequence(lambda n: f"封面图片 {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.django.ImageField(width=64, height=36, color="#a8151c", format="JPEG")


def _pdf_bytes(text="附件"):
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"附件 {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.django.FileField(filename="attachment.pdf", data=_pdf_bytes())


class EnterpriseFactory(factory.django.DjangoModelFactory):
    """A group company; pass ``parent=`` for one of its subsidiaries."""

    class Meta:
        model = Enterprise
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"示例集团公司{n}")
    name_en = factory.Sequence(lambda n: f"Example Group {n}")
    short_name = factory.Sequence(lambda n: f"示例{n}")
    short_name_en = factory.Sequence(lambda n: f"Example {n}")
    code = factory.Sequence(lambda n: f"ent-{n}")
    level = factory.LazyAttribute(
        lambda o: Enterprise.Level.SUBSIDIARY if o.parent else Enterprise.Level.GROUP
    )
    parent = None
    introduction = factory.LazyAttribute(lambda o: f"{o.name}是一家虚构的中央企业。")


class TechFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TechField
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"技术领域{n}")
    name_en = factory.Sequence(lambda n: f"Field {n}")
    slug = factory.Sequence(lambda n: f"field-{n}")


class EnterprisePageFactory(wagtail_factories.PageFactory):
    """An enterprise's sub-platform; ``parent`` is 企业子平台 or its group's page."""

    class Meta:
        model = EnterprisePage
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(EnterpriseFactory)
    title = factory.LazyAttribute(lambda o: o.enterprise.name)
    slug = factory.LazyAttribute(lambda o: o.enterprise.code)

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and obj.live:
            publish(obj)


class ArticlePageFactory(wagtail_factories.PageFactory):
    """Shared declarations of the five streams; use one of the concrete factories."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"示例文章标题{n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = factory.LazyAttribute(lambda o: f"{o.title}的摘要。")
    cover_image = None

    # Order matters: relations are set before the page is published.
    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.add(*extracted)

    @factory.post_generation
    def tech_fields(obj, create, extracted, **kwargs):
        if extracted:
            obj.tech_fields.set(extracted)

    @factory.post_generation
    def published_at(obj, create, extracted, **kwargs):
        if not create:
            return
        if obj.live:
            publish(obj, at=extracted or timezone.now())
        else:
            # A draft: saved with a revision, never published.
            obj.save_revision()

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Created as a draft; the ``published_at`` hook publishes it through a revision.
        live = kwargs.pop("live", True)
        instance = model_class(live=False, **kwargs)
        parent.add_child(instance=instance)
        instance.live = live
        return instance


class NewsPageFactory(ArticlePageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"科技动态{n}：示例企业完成新型装置调试")


class AchievementPageFactory(ArticlePageFactory):
    class Meta:
        model = AchievementPage

    title = factory.Sequence(lambda n: f"重大成就{n}：示例工程实现关键技术突破")
    award = "国家科学技术进步奖一等奖"
    award_level = AchievementPage.AwardLevel.NATIONAL
    project = "国家重点研发计划示例专项"


class ExperiencePageFactory(ArticlePageFactory):
    class Meta:
        model = ExperiencePage

    title = factory.Sequence(lambda n: f"管理经验{n}：完善科技成果转化机制")
    management_area = ExperiencePage.Area.TRANSFER


class TrendPageFactory(ArticlePageFactory):
    class Meta:
        model = TrendPage

    title = factory.Sequence(lambda n: f"技术动态{n}：国外固态电池研究进展")
    source = "《示例科技周刊》"
    region = TrendPage.Region.FOREIGN


class NoticePageFactory(ArticlePageFactory):
    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"关于报送{n}年度科技创新情况的通知")
    doc_number = factory.Sequence(lambda n: f"国资厅规划〔2024〕{n}号")
    issuing_office = "国务院国资委办公厅"
    issued_on = factory.LazyFunction(timezone.localdate)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        """``attachments=[document, …]`` attaches files before publication."""
        kwargs["attachments"] = [
            a if isinstance(a, NoticeAttachment) else NoticeAttachment(document=a)
            for a in kwargs.get("attachments", [])
        ]
        return super()._create_instance(model_class, parent, kwargs)
