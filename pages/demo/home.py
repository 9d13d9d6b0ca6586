"""The demo home page's arrangement: the default layout, with a row of 要闻 under the notices.

Filled once, while the home page's body is empty, so that editors of a demo
site find the blocks in the admin and can rearrange them; a site whose editors
already arranged the home page is left alone (seed_demo runs again and again).
"""

from pages.models import AchievementPage, ExperiencePage, HomePage, NewsPage, TrendPage
from pages.setup import HOME_EN
from pages.translation import translate_page

STRINGS_EN = {
    **HOME_EN,
    "要闻": "Highlights",
    "企业子平台": "Enterprise Sub-platforms",
    "各集团公司及所属企业的子平台：共建共享科技创新信息。": (
        "The sub-platforms of the group companies and their subsidiaries: "
        "S&T information built and shared together."
    ),
    "进入企业子平台": "Visit the sub-platforms",
}


def highlight_pages(locale):
    """The newest live item of four streams (the newest achievement is already the 头条)."""
    picks = []
    for model, skip in ((NewsPage, 0), (AchievementPage, 1), (ExperiencePage, 0), (TrendPage, 0)):
        page = (
            model.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-first_published_at", "-pk")[skip : skip + 1]
            .first()
        )
        if page is not None:
            picks.append(page.pk)
    return picks


def arrange_home(*, zh, en=None):
    """Arrange the Chinese home page (and sync its English translation); returns the count."""
    home = HomePage.objects.filter(locale=zh, depth=2).first()
    if home is None or len(home.body):
        return {}
    enterprises = home.get_children().live().filter(slug="enterprises").first()
    pages = highlight_pages(zh)
    body = [
        {"type": "featured", "value": {"page": None}},
        {"type": "notices", "value": {"count": 3}},
    ]
    if len(pages) >= 2:
        body.append({"type": "highlights", "value": {"title": "要闻", "pages": pages, "count": 4}})
    body += [
        {"type": "section", "value": {"section": "news", "count": 5, "width": "wide"}},
        {"type": "section", "value": {"section": "trends", "count": 5, "width": "narrow"}},
        {"type": "section", "value": {"section": "achievements", "count": 5, "width": "half"}},
        {"type": "section", "value": {"section": "experience", "count": 5, "width": "half"}},
        {"type": "resources", "value": {"show_latest": True}},
    ]
    if enterprises is not None:
        body.append(
            {
                "type": "promo",
                "value": {
                    "title": "企业子平台",
                    "text": "各集团公司及所属企业的子平台：共建共享科技创新信息。",
                    "link": {"text": "进入企业子平台", "page": enterprises.pk, "url": ""},
                },
            }
        )
    home.body = body
    home.save_revision().publish(skip_permission_checks=True)
    if en is not None and home.has_translation(en):
        translate_page(home, en, STRINGS_EN)
    return {"home page blocks": len(body)}
