"""A reader with a screen reader, a keyboard or a slow phone uses every public page.

axe-core (npm, pinned in package-lock.json) runs in Chromium on every public
page type in both languages at desktop and mobile width and must report no
serious or critical WCAG 2.1 A/AA violation (DESIGN.md §5, issue #7). The
main menu works from the keyboard with a visible focus ring, and no page ships
more than 150 KB of CSS and JavaScript once compressed. Screenshots land in
tests/screenshots/a11y-<page>-<lang>-<width>.png for a person to look at.
"""

import gzip
import io
import json
import re

import pytest
from PIL import Image

from .conftest import ROOT, SCREENSHOTS

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
WEIGHT_BUDGET = 150 * 1024  # CSS + JS, gzip-compressed, per page
WIDTHS = {"desktop": 1280, "mobile": 360}
LANGS = {"zh": "", "en": "/en"}

# The public page of each type, found in the server's own database so the test
# does not depend on demo titles: {lang: {name: path}}.
DISCOVER = """
import json
from wagtail.models import Locale
from pages.models import (AchievementPage, EnterpriseIndexPage, EnterprisePage,
    ExperiencePage, HomePage, NewsPage, NoticePage, ResourceIndexPage,
    SupplyDemandIndexPage, TrendPage)
from pages.models.sections import (AchievementIndexPage, ExperienceIndexPage,
    NewsIndexPage, NoticeIndexPage, TrendIndexPage)
found = {}
for lang, code in (("zh", "zh-hans"), ("en", "en")):
    locale = Locale.objects.get(language_code=code)
    def first(model, **filters):
        page = (model.objects.live().public().filter(locale=locale, **filters)
                .order_by("path").first())
        return page.get_url() if page else None
    found[lang] = {
        "home": first(HomePage),
        "news": first(NewsIndexPage),
        "achievements": first(AchievementIndexPage),
        "experience": first(ExperienceIndexPage),
        "trends": first(TrendIndexPage),
        "notices": first(NoticeIndexPage),
        "news-article": first(NewsPage),
        "achievement-article": first(AchievementPage),
        "experience-article": first(ExperiencePage),
        "trend-article": first(TrendPage),
        "notice-attachments": first(NoticePage, attachments__isnull=False),
        "enterprises": first(EnterpriseIndexPage),
        "group": first(EnterprisePage, enterprise__level="group"),
        "subsidiary": first(EnterprisePage, enterprise__level="subsidiary"),
        "resources": first(ResourceIndexPage),
        "supply-demand": first(SupplyDemandIndexPage),
    }
    # A listing's detail page (snippets, not pages): a public one with patents
    # if there is one, on the directory of its section in this language.
    from snippets.models import RESOURCE_KINDS, Listing
    from snippets.views.public import detail_path
    listings = Listing.objects.public().filter(locale__language_code="zh-hans").order_by("pk")
    listing = listings.filter(patents__isnull=False).first() or listings.first()
    directory = None
    if listing is not None:
        directory = found[lang]["resources" if listing.kind in RESOURCE_KINDS else "supply-demand"]
    found[lang]["listing"] = directory + detail_path(listing) if directory else None
    # The released patent ranking (routes of 通知公告; the demo releases 2024).
    from regulator.ranking import released_years
    years = released_years()
    notices = found[lang]["notices"]
    found[lang]["patent-ranking"] = (
        notices + f"patent-ranking/{years[0]}/" if notices and years else None
    )
print(json.dumps(found))
"""

# The dev server runs with DEBUG on and answers a missing page with Django's
# technical 404, so the site's own 404.html is rendered as production would
# (DEBUG off) and handed to the browser under the server's origin.
RENDER_404 = """
import json
from django.test import Client
from django.test.utils import override_settings
with override_settings(DEBUG=False):
    client = Client(HTTP_HOST="127.0.0.1")
    pages = {lang: client.get(prefix + "/no-such-page-a11y/")
             for lang, prefix in (("zh", ""), ("en", "/en"))}
print(json.dumps({lang: [r.status_code, r.content.decode()] for lang, r in pages.items()}))
"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.skip(
            "axe-core is not installed: run `npm ci` (make install does it where npm is on PATH)"
        )
    return AXE


@pytest.fixture(scope="module")
def public_pages(demo_server):
    """{lang: {name: (path, html or None)}}: every public page type."""
    found = json.loads(demo_server.shell(DISCOVER))
    errors = json.loads(demo_server.shell(RENDER_404))
    pages = {}
    for lang, prefix in LANGS.items():
        paths = found[lang]
        missing = sorted(name for name, path in paths.items() if not path)
        assert not missing, f"seed_demo left no live {lang} page for {missing}"
        status, html = errors[lang]
        assert status == 404
        pages[lang] = {name: (path, None) for name, path in paths.items()}
        pages[lang]["filtered"] = (paths["news"] + "?enterprise=group-a", None)
        pages[lang]["resources-filtered"] = (paths["resources"] + "instruments/?status=open", None)
        pages[lang]["search"] = (
            prefix + "/search/?q=" + ("技术" if lang == "zh" else "technology"),
            None,
        )
        pages[lang]["404"] = (prefix + "/no-such-page-a11y/", html)
    return pages


def _open(page, base_url, path, html=None):
    """Go to a page; ``html`` is served in place of the server's answer."""
    url = base_url + path
    if html is not None:
        page.route(
            url,
            lambda route: route.fulfill(
                status=404, body=html, content_type="text/html; charset=utf-8"
            ),
        )
    response = page.goto(url, wait_until="load")
    if html is None:
        assert response.ok, f"{url} answered {response.status}"
    return response


def _axe(page, axe_path):
    """axe's violations, and the selectors of text whose contrast it left open."""
    page.add_script_tag(path=str(axe_path))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            const open = result.incomplete.filter(v => v.id === "color-contrast");
            return [result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
                count: v.nodes.length,
            })), open.flatMap(v => v.nodes.map(n => n.target.join(" ")))];
        }""",
        WCAG_TAGS,
    )


def _luminance(rgb):
    channels = [c / 255 for c in rgb[:3]]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _unjudged_contrast(page, axe_result_nodes):
    """Text axe could not judge (over a gradient or image), judged from pixels.

    The text is made transparent and its box photographed; the worst contrast
    of the text colour against any background pixel must still meet AA.
    """
    failures = []
    for selector in axe_result_nodes:
        element = page.locator(selector).first
        if not element.is_visible():
            continue
        element.scroll_into_view_if_needed()
        info = element.evaluate(
            """e => {
                const s = getComputedStyle(e), r = e.getBoundingClientRect();
                const b = side => parseFloat(s["border" + side + "Width"]);
                const color = s.color.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
                e.dataset.a11yStyle = e.getAttribute("style") || "";
                for (const [k, v] of [["color", "transparent"], ["text-shadow", "none"],
                        ["border-color", "transparent"], ["transition", "none"]])
                    e.style.setProperty(k, v, "important");
                return {color, large: size >= 24 || (bold && size >= 18.66),
                        clip: {x: r.x + b("Left"), y: r.y + b("Top"),
                               width: r.width - b("Left") - b("Right"),
                               height: r.height - b("Top") - b("Bottom")}};
            }"""
        )
        clip = info["clip"]
        if clip["width"] >= 1 and clip["height"] >= 1:
            shot = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")
            worst = min(_contrast(info["color"], c) for _n, c in shot.getcolors(1 << 20))
            if worst < (3 if info["large"] else 4.5):
                failures.append(f"{selector}: {worst:.2f}:1 against its background")
        element.evaluate("e => e.setAttribute('style', e.dataset.a11yStyle)")
    return failures


def _describe(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}, {v['count']} nodes): {v['help']}\n"
        f"  {v['helpUrl']}\n  " + "\n  ".join(v["targets"])
        for v in violations
    )


PAGE_NAMES = [
    "home",
    "news",
    "achievements",
    "experience",
    "trends",
    "notices",
    "news-article",
    "achievement-article",
    "experience-article",
    "trend-article",
    "notice-attachments",
    "patent-ranking",
    "enterprises",
    "group",
    "subsidiary",
    "search",
    "filtered",
    "resources",
    "supply-demand",
    "resources-filtered",
    "listing",
    "404",
]


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("lang", list(LANGS))
def test_axe_finds_no_serious_violation_on_any_public_page(
    demo_server, browser, public_pages, axe_source, screenshot, lang, width_name
):
    width = WIDTHS[width_name]
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 600 else 740},
        locale="zh-CN" if lang == "zh" else "en-US",
    )
    page = context.new_page()
    failures = []
    try:
        for name in PAGE_NAMES:
            path, html = public_pages[lang][name]
            _open(page, demo_server.url, path, html)
            assert page.locator("html").get_attribute("lang") == (
                "zh-Hans" if lang == "zh" else "en"
            ), path
            violations, unjudged = _axe(page, axe_source)
            blocking = [v for v in violations if v["impact"] in BLOCKING]
            if blocking:
                failures.append(f"{path} at {width}px:\n{_describe(blocking)}")
            for failure in _unjudged_contrast(page, unjudged):
                failures.append(f"{path} at {width}px: low contrast: {failure}")
            # WCAG 1.4.10 Reflow: nothing scrolls sideways on a phone.
            overflow = page.evaluate("document.documentElement.scrollWidth")
            if overflow > width:
                failures.append(f"{path} at {width}px: the page is {overflow}px wide")
            _load_lazy_images(page)
            screenshot(page, f"a11y-{name}-{lang}-{width}")
    finally:
        context.close()
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


def test_500_page_has_no_serious_violation(demo_server, browser, axe_source, screenshot):
    html = (ROOT / "templates" / "500.html").read_text()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.route(
            demo_server.url + "/boom/",
            lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
        )
        page.goto(demo_server.url + "/boom/")
        violations, _unjudged = _axe(page, axe_source)
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        screenshot(page, "a11y-500-zh-360")
    finally:
        context.close()
    assert not blocking, _describe(blocking)


def _load_lazy_images(page):
    """A full-page screenshot does not scroll, so lazy images are fetched first
    (and the page is back at the top, where sticky parts belong)."""
    page.evaluate(
        """() => window.scrollTo(0, 0) || Promise.all([...document.images].map(img => {
            img.loading = "eager";
            return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
        }))"""
    )


def _viewport_shot(page, name):
    """A focus state is seen where it happens, without the whole page around it."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _focus_ring(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                visible: el.matches(":focus-visible"),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
                shadow: style.boxShadow !== "none",
            };
        }"""
    )


def _active_href(page):
    return page.evaluate("document.activeElement.getAttribute('href')")


@pytest.mark.parametrize("lang", list(LANGS))
def test_keyboard_reader_skips_to_content_and_tabs_through_the_menu(demo_server, desktop, lang):
    page = desktop
    page.goto(demo_server.url + LANGS[lang] + "/")
    nav_hrefs = page.locator("#site-nav a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(nav_hrefs) >= 7

    # The first Tab shows the skip link, on screen; Enter moves focus to <main>.
    page.keyboard.press("Tab")
    assert _active_href(page) == "#main"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 20 and box["height"] > 10
    assert _focus_ring(page)["outline"]
    _viewport_shot(page, f"a11y-skip-link-{lang}-1280")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # From the top, Tab reaches every menu link in the order they are shown,
    # each with a visible focus ring.
    page.goto(demo_server.url + LANGS[lang] + "/")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        in_nav = page.evaluate("!!document.activeElement.closest('#site-nav')")
        if in_nav:
            reached.append(_active_href(page))
            ring = _focus_ring(page)
            assert ring["visible"] and (ring["outline"] or ring["shadow"]), (
                f"no visible focus on menu link {reached[-1]}: {ring}"
            )
            if len(reached) == 3:
                _viewport_shot(page, f"a11y-menu-focus-{lang}-1280")
        elif reached:
            break
    assert reached == nav_hrefs


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_reader_opens_the_mobile_menu(demo_server, mobile, key):
    page = mobile
    page.goto(demo_server.url + "/")
    toggle = page.locator(".nav-toggle")
    nav_link = page.locator("#site-nav a").nth(1)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav_link.is_visible()

    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('nav-toggle')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    ring = _focus_ring(page)
    assert ring["visible"] and (ring["outline"] or ring["shadow"]), ring

    page.keyboard.press(key)
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_link.is_visible()
    _viewport_shot(page, f"a11y-mobile-menu-{key.lower()}-zh-360")
    page.keyboard.press(key)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav_link.is_visible()

    # Escape closes an open menu and leaves focus on the button.
    page.keyboard.press(key)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('nav-toggle')")


@pytest.mark.parametrize("lang", list(LANGS))
def test_no_page_ships_more_than_150_kb_of_css_and_js(
    demo_server, browser, public_pages, lang, record_property
):
    """What a first-time reader's browser asks for: every stylesheet and script
    a page requests with an empty cache, gzip-compressed here because
    runserver does not compress."""
    weights, sizes = {}, {}
    for name in PAGE_NAMES:
        path, html = public_pages[lang][name]
        context = browser.new_context(viewport={"width": 360, "height": 740})
        try:
            page = context.new_page()
            assets = set()
            page.on(
                "request",
                lambda request, assets=assets: (
                    request.resource_type in ("stylesheet", "script") and assets.add(request.url)
                ),
            )
            _open(page, demo_server.url, path, html)
            page.wait_for_load_state("networkidle")
            assert assets, f"{path}: no CSS or JS requested"
            for url in assets - sizes.keys():
                sizes[url] = len(gzip.compress(context.request.get(url).body(), 9))
        finally:
            context.close()
        weights[path] = sum(sizes[url] for url in assets)
    record_property("css_js_gzip_bytes", weights)
    heavy = {path: size for path, size in weights.items() if size > WEIGHT_BUDGET}
    assert not heavy, f"over {WEIGHT_BUDGET // 1024} KB of CSS+JS (gzip): {heavy}"


@pytest.mark.parametrize(
    "name", ["home", "news", "news-article", "enterprises", "group", "filtered"]
)
def test_content_images_are_responsive_webp_renditions(demo_server, desktop, public_pages, name):
    """Renditions come as WebP with a srcset; those below the fold load lazily."""
    page = desktop
    path, _html = public_pages["zh"][name]
    page.goto(demo_server.url + path)
    images = page.locator("main img").evaluate_all(
        """imgs => imgs.map(img => ({
            src: img.getAttribute("src"), srcset: img.getAttribute("srcset"),
            loading: img.getAttribute("loading"), priority: img.getAttribute("fetchpriority"),
            logo: /logo/.test(img.className), alt: img.getAttribute("alt"),
        }))"""
    )
    for image in images:
        assert image["alt"] is not None, image
        if "/media/images/" not in (image["src"] or ""):
            continue
        assert re.search(r"\.webp$", image["src"]), image
        if image["logo"]:
            continue  # a 128 px logo: one rendition is enough
        assert image["srcset"], image
        assert image["loading"] == "lazy" or image["priority"] == "high", image
