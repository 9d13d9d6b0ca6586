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

from pages.demo.documents import text_pdf
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
    """A PDF the secrecy scan can read: an unreadable file is a finding that keeps a page offline."""
    return text_pdf(text, [(text, 11)])


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


# --- resource listings --------------------------------------------------------------

# Valid indicator values per type: enough to pass the admin form and full_clean().
LISTING_VALUES = {
    "institution": {
        "institution_kind": "national_key_lab",
        "approving_authority": "most",
        "approved_year": 2019,
        "research_directions": "特高压输电装备绝缘与检测技术。",
        "shared_services": "对外提供绝缘材料老化测试服务。",
    },
    "expert": {
        "title_level": "senior",
        "expertise": "氢能储运与加注系统安全评估。",
        "service_modes": ["consulting"],
        "consent": True,
    },
    "instrument": {
        "instrument_category": "analytical",
        "model_number": "SU8010",
        "manufacturer": "示例仪器制造有限公司",
        "country_of_origin": "CN",
        "original_value_wan": "320.00",
        "purchase_year": 2018,
        "location": "北京市海淀区示例科技园3号楼",
        "specifications": "分辨率1 nm，加速电压0.5–30 kV。",
        "functions": "材料微观形貌观察与成分分析。",
        "sharing_modes": ["commission"],
        "fee_mode": "cost",
        "availability": "工作日9:00–17:00，需提前3个工作日预约。",
    },
    "result": {
        "result_type": "material",
        "trl": 6,
        "completion_year": 2024,
        "application": "已在示例能源集团两座变电站应用。",
    },
    "project": {
        "funding_programme": "national_key_rd",
        "project_role": "lead",
        "start_date": datetime.date(2023, 1, 1),
        "end_date": datetime.date(2026, 12, 1),
        "budget_band": "1000_5000",
        "project_stage": "in_progress",
        "objectives": "研制大容量固态储氢装置样机。",
    },
    "transfer": {
        "transfer_modes": ["ordinary_licence"],
        "trl": 7,
        "price_band": "negotiable",
        "application": "适用于火电厂烟气脱硝改造。",
        "advantages": "脱硝效率提高5个百分点。",
    },
    "challenge": {
        "problem": "深海管道焊缝缺陷在线检测精度不足。",
        "requirements": "检出0.5 mm以上缺陷，误报率低于1%。",
        "cooperation_mode": "open_call",
        "budget_band": "100_500",
    },
    "job": {
        "job_category": "research",
        "headcount": 3,
        "education_required": "doctorate",
        "duties": "开展储能电池热管理研究。",
        "requirements": "材料、化工或热能相关专业。",
        "location": "江苏省南京市",
    },
    "product": {
        "product_category": "new_energy",
        "specifications": "额定功率5 MW，效率98.5%。",
        "launch_date": datetime.date(2024, 5, 1),
        "application": "集中式光伏电站。",
    },
}


def build_listing(kind, enterprise, *, title=None, **overrides):
    """An unsaved listing of ``kind`` with valid values, for validation tests."""
    from snippets.models import LISTING_MODEL_BY_KIND

    model = LISTING_MODEL_BY_KIND[kind]
    values = {
        "title": title or f"{model._meta.verbose_name}示例",
        "summary": "面向中央企业开放共享的示例资源。",
        "enterprise": enterprise,
        "region": "11",
        "contact_name": "王工",
        "contact_phone": "010-12345678",
        "contact_email": "contact@example.com",
        "live": False,
        **LISTING_VALUES[kind],
        **overrides,
    }
    return model(**values)


def make_listing(
    kind,
    enterprise,
    *,
    live=True,
    valid_until=None,
    tech_fields=(),
    published_at=None,
    user=None,
    **overrides,
):
    """A listing of ``kind`` owned by ``enterprise``, saved with a revision; published when ``live``.

    ``valid_until`` defaults to a year from today; pass a past date for an
    expired listing. ``published_at`` dates the first publication.
    """
    if valid_until is not None:
        overrides["valid_until"] = valid_until
    listing = build_listing(kind, enterprise, **overrides)
    if tech_fields:
        listing.tech_fields.set(list(tech_fields))
    listing.save()
    revision = listing.save_revision(user=user)
    if live:
        if published_at is not None:
            listing.first_published_at = published_at
            listing.save(update_fields=["first_published_at"])
        revision.publish(user=user)
        listing.refresh_from_db()
    return listing
