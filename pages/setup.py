"""The fixed skeleton of the site: locales, home page, sections, 企业子平台.

``ensure_site_structure`` is idempotent; `setup_site` and `seed_demo` call it,
so a fresh database gets the same tree whether or not demo data is loaded.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from pages.models import (
    AchievementIndexPage,
    EnterpriseIndexPage,
    ExperienceIndexPage,
    HomePage,
    NewsIndexPage,
    NoticeIndexPage,
    ResourceIndexPage,
    SupplyDemandIndexPage,
    TrendIndexPage,
)
from pages.translation import translate_page
from workflows.tasks import ensure_review_workflow

HOME = {
    "title": "中央企业技术创新信息平台",
    "hero_title": "共建共享 协同创新",
    "hero_text": "汇聚中央企业科技动态、重大成就、管理经验和科技资源，服务企业技术创新与科技资源共享。",
}
HOME_EN = {
    "中央企业技术创新信息平台": "Central Enterprise Technology Innovation Information Platform",
    "共建共享 协同创新": "Built together, shared together",
    "汇聚中央企业科技动态、重大成就、管理经验和科技资源，服务企业技术创新与科技资源共享。": (
        "News, major achievements, management experience and shareable S&T resources of "
        "the central state-owned enterprises, in one place."
    ),
}

# (model, slug, Chinese title, English title, Chinese intro, English intro)
SECTIONS = [
    (
        NewsIndexPage,
        "news",
        "科技动态",
        "S&T News",
        "各中央企业及所属企业的科技创新工作动态。",
        "Science and technology news from the central enterprises and their subsidiaries.",
    ),
    (
        AchievementIndexPage,
        "achievements",
        "重大科技成就",
        "Major Achievements",
        "中央企业取得的重大科技成果、获奖项目与工程突破。",
        "Major scientific and engineering achievements and awarded projects.",
    ),
    (
        ExperienceIndexPage,
        "experience",
        "管理经验",
        "Management Experience",
        "科技管理体制机制、研发投入、人才队伍与成果转化等方面的经验做法。",
        "How enterprises manage research, investment, talent and technology transfer.",
    ),
    (
        TrendIndexPage,
        "trends",
        "国内外技术动态",
        "Technology Trends",
        "国内外前沿技术、产业动向与重要研究报告摘编。",
        "Selected technology and industry trends at home and abroad.",
    ),
    (
        NoticeIndexPage,
        "notices",
        "通知公告",
        "Notices",
        "监管机构发布的工作通知、公告和文件。",
        "Notices and documents issued by the regulator.",
    ),
    # The public directories of the resource listings (docs/resource-listings.md §4).
    (
        ResourceIndexPage,
        "resources",
        "资源共享",
        "Shared Resources",
        "中央企业可共享的国家级科研机构、专家、大型仪器设备、科研成果和在研项目。",
        "National research institutions, experts, large instruments, research results and "
        "ongoing projects the central enterprises share.",
    ),
    (
        SupplyDemandIndexPage,
        "supply-demand",
        "供求信息",
        "Supply and Demand",
        "技术转让、难题寻解、人才招聘和新产品信息。",
        "Technology for transfer, technical challenges, job openings and new products.",
    ),
    (
        EnterpriseIndexPage,
        "enterprises",
        "企业子平台",
        "Enterprise Sub-platforms",
        "各集团公司及所属企业的子平台。",
        "The sub-platforms of the group companies and their subsidiaries.",
    ),
]


def ensure_locales():
    """Both content languages exist; Chinese is the default."""
    locales = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales[code], _created = Locale.objects.get_or_create(language_code=code)
    return locales


def ensure_site_structure():
    """Create whatever is missing of the home page, the sections and their English copies."""
    locales = ensure_locales()
    zh, en = locales["zh-hans"], locales["en"]
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=zh, depth=2).first()
    # Wagtail's placeholder "Welcome to your new Wagtail site!" page (slug "home").
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    if home is None:
        home = HomePage(slug="home", locale=zh, **HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if (site.hostname, site.port) == ("localhost", 80):
        # Wagtail's placeholder: absolute URLs (feeds, sitemap, emails) should
        # name the host the site is actually served at.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
    if site.root_page_id != home.pk or site.site_name != HOME["title"]:
        site.root_page = home
        site.site_name = HOME["title"]
    site.save()

    sections = {}
    for model, slug, title, _title_en, intro, _intro_en in SECTIONS:
        page = model.objects.child_of(home).filter(locale=zh).first()
        if page is None:
            page = model(title=title, slug=slug, intro=intro, locale=zh, show_in_menus=True)
            home.add_child(instance=page)
            page.save_revision().publish()
        sections[slug] = page

    strings = dict(HOME_EN)
    for _model, _slug, title, title_en, intro, intro_en in SECTIONS:
        strings[title] = title_en
        strings[intro] = intro_en
    if not home.has_translation(en):
        translate_page(home, en, strings)
    for page in sections.values():
        if not page.has_translation(en):
            translate_page(page, en, strings)
    # Everything written under the home pages goes through group review (DESIGN.md §4).
    ensure_review_workflow()
    return home.specific, sections
