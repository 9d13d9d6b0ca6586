"""Page types of the public site (DESIGN.md §2 and §3).

Home → section listings (科技动态 …, aggregating across enterprises) and
Home → 企业子平台 → group → subsidiary → that enterprise's articles.
"""

from .articles import (
    AchievementPage,
    ArticlePage,
    ArticlePageTag,
    ExperiencePage,
    NewsPage,
    NoticeAttachment,
    NoticePage,
    TrendPage,
)
from .directory import DirectoryPage, ResourceIndexPage, SupplyDemandIndexPage
from .enterprise import EnterpriseIndexPage, EnterprisePage
from .home import HomePage
from .sections import (
    AchievementIndexPage,
    ExperienceIndexPage,
    NewsIndexPage,
    NoticeIndexPage,
    SectionPage,
    TrendIndexPage,
    section_model_for,
)

__all__ = [
    "AchievementIndexPage",
    "AchievementPage",
    "ArticlePage",
    "ArticlePageTag",
    "DirectoryPage",
    "EnterpriseIndexPage",
    "EnterprisePage",
    "ExperienceIndexPage",
    "ExperiencePage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NoticeAttachment",
    "NoticeIndexPage",
    "NoticePage",
    "ResourceIndexPage",
    "SectionPage",
    "SupplyDemandIndexPage",
    "TrendIndexPage",
    "TrendPage",
    "section_model_for",
]
