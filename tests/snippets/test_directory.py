"""资源共享 and 供求信息: a reader browses the public listings, filters them and opens one.

Only public listings (live and not past their validity date) are ever shown;
contact details only where the listing makes them public, never for experts.
"""

import datetime
import json
import re

import pytest
from django.utils import timezone

from snippets.models import RESOURCE_KINDS, SUPPLY_DEMAND_KINDS, Listing, ListingPatent
from snippets.views.public import KIND_SLUGS
from tests.factories import EnterpriseFactory, TechFieldFactory, make_listing
from tests.utils import page_ok, text_of

SECTION_OF = dict.fromkeys(RESOURCE_KINDS, "/resources/") | dict.fromkeys(
    SUPPLY_DEMAND_KINDS, "/supply-demand/"
)
ALL_KINDS = list(RESOURCE_KINDS) + list(SUPPLY_DEMAND_KINDS)
SECRET_PHONE = "010-87654321"
SECRET_EMAIL = "hidden-contact@example.com"
SECRET_NAME = "保密联系人甲"


def kind_url(kind):
    return SECTION_OF[kind] + KIND_SLUGS[kind] + "/"


def detail_url(listing, prefix=""):
    return prefix + kind_url(listing.kind) + f"{listing.pk}/"


def titles_in(response):
    """Card titles in the order the reader sees them."""
    return re.findall(r'class="card__title"[^>]*><a href="[^"]*">([^<]+)</a>', text_of(response))


def json_ld_of(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', text_of(response), re.S
    )
    return [json.loads(block) for block in blocks]


@pytest.fixture
def a1(tree):
    return tree.a1.enterprise


@pytest.fixture
def group_b(tree):
    return tree.group_b.enterprise


def test_main_navigation_names_both_directories(site, client):
    nav = text_of(page_ok(client, "/")).split('class="site-nav__list"')[1].split("</ul>")[0]

    assert "资源共享" in nav
    assert "供求信息" in nav


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_each_type_is_listed_in_its_section_and_its_own_page(kind, a1, client):
    listing = make_listing(kind, a1, title=f"公开的{kind}信息")
    other_section = "/supply-demand/" if SECTION_OF[kind] == "/resources/" else "/resources/"

    assert listing.title in titles_in(page_ok(client, SECTION_OF[kind]))
    assert titles_in(page_ok(client, kind_url(kind))) == [listing.title]
    assert listing.title not in titles_in(page_ok(client, other_section))
    detail = text_of(page_ok(client, detail_url(listing)))
    assert f'<h1 class="article__title">{listing.title}</h1>' in detail


def test_a_type_page_shows_only_that_type_and_the_tabs_count_each_type(a1, client):
    make_listing("instrument", a1, title="扫描电子显微镜")
    make_listing("instrument", a1, title="透射电子显微镜")
    make_listing("expert", a1, title="张研究员")

    response = page_ok(client, "/resources/instruments/")

    assert titles_in(response) == ["透射电子显微镜", "扫描电子显微镜"]
    tabs = text_of(response).split('class="tabs directory-tabs"')[1].split("</nav>")[0]
    assert re.search(r"全部<span[^>]*>3</span>", tabs)
    assert re.search(r"大型仪器设备<span[^>]*>2</span>", tabs)
    assert re.search(r"专家<span[^>]*>1</span>", tabs)


def test_a_type_of_the_other_section_or_an_unknown_type_is_not_found(a1, client):
    job = make_listing("job", a1)

    assert client.get("/resources/jobs/").status_code == 404
    assert client.get(f"/resources/jobs/{job.pk}/").status_code == 404
    assert client.get("/resources/robots/").status_code == 404
    assert client.get(f"/supply-demand/transfers/{job.pk}/").status_code == 404


def test_drafts_are_never_shown(a1, client):
    draft = make_listing("instrument", a1, title="尚未发布的仪器", live=False)

    assert draft.title not in text_of(page_ok(client, "/resources/"))
    assert client.get(detail_url(draft)).status_code == 404
    assert draft.title not in text_of(client.get("/sitemap.xml"))


def test_expired_listing_leaves_the_directory_and_sitemap_and_its_page_says_so(a1, client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = make_listing("challenge", a1, title="已截止的揭榜难题", valid_until=yesterday)
    current = make_listing("challenge", a1, title="正在揭榜的难题")

    assert titles_in(page_ok(client, "/supply-demand/challenges/")) == [current.title]
    sitemap = text_of(client.get("/sitemap.xml"))
    assert detail_url(current) in sitemap
    assert detail_url(expired) not in sitemap

    response = client.get(detail_url(expired))
    assert response.status_code == 410
    page = text_of(response)
    assert "该信息已过有效期" in page
    assert 'id="enquiry"' not in page and "enquiry/" not in page


def test_a_listing_due_today_is_still_public(a1, client):
    today = make_listing("job", a1, title="今天截止报名的岗位", valid_until=timezone.localdate())

    assert today.title in titles_in(page_ok(client, "/supply-demand/jobs/"))
    assert client.get(detail_url(today)).status_code == 200


# --- filters and facets --------------------------------------------------------------


def test_filter_by_technical_field(a1, client):
    hydrogen = TechFieldFactory(name="氢能", slug="hydrogen")
    grid = TechFieldFactory(name="智能电网", slug="smart-grid")
    make_listing("result", a1, title="固态储氢材料", tech_fields=[hydrogen])
    make_listing("result", a1, title="配电网故障定位", tech_fields=[grid])

    assert titles_in(page_ok(client, "/resources/", field="hydrogen")) == ["固态储氢材料"]


def test_filter_by_group_includes_its_subsidiaries_and_not_other_groups(tree, client):
    make_listing("product", tree.a1.enterprise, title="子企业的新产品")
    make_listing("product", tree.group_a.enterprise, title="集团本部的新产品")
    make_listing("product", tree.group_b.enterprise, title="另一集团的新产品")

    by_group = titles_in(page_ok(client, "/supply-demand/", enterprise="group-a"))
    by_subsidiary = titles_in(page_ok(client, "/supply-demand/", enterprise="a1"))

    assert sorted(by_group) == ["子企业的新产品", "集团本部的新产品"]
    assert by_subsidiary == ["子企业的新产品"]


def test_filter_by_region_and_status_with_counts(a1, client):
    make_listing("transfer", a1, title="北京的技术", region="11")
    make_listing("transfer", a1, title="上海的技术", region="31")
    make_listing("transfer", a1, title="上海已成交的技术", region="31", status="closed")

    response = page_ok(client, "/supply-demand/transfers/", region="31")
    assert sorted(titles_in(response)) == ["上海已成交的技术", "上海的技术"]
    facets = text_of(response).split("directory-facets")[1]
    # Counts of one facet ignore its own choice: the region facet still offers 北京市 (1).
    assert re.search(r"北京市 <span class=\"search-facet__count\">1 条</span>", facets)
    assert re.search(r"已结束 <span class=\"search-facet__count\">1 条</span>", facets)

    both = page_ok(client, "/supply-demand/transfers/", region="31", status="open")
    assert titles_in(both) == ["上海的技术"]


def test_facet_counts_follow_publication_unpublication_and_deletion_at_once(
    a1, client, django_capture_on_commit_callbacks
):
    """Found by the listing journey: a newly approved listing's card showed, its region did not.

    The counts are cached for five minutes; publishing, unpublishing or
    deleting a listing must not wait for that.
    """

    def region_facet():
        response = page_ok(client, "/resources/instruments/")
        return titles_in(response), text_of(response).split("directory-facets")[1]

    make_listing("instrument", a1, title="江苏的电镜", region="32")
    make_listing("instrument", a1, title="北京的电镜", region="11")
    shanghai = make_listing("instrument", a1, title="上海的电镜", region="31", live=False)
    titles, facets = region_facet()
    assert sorted(titles) == ["北京的电镜", "江苏的电镜"] and "上海市" not in facets

    with django_capture_on_commit_callbacks(execute=True):
        shanghai.latest_revision.publish()
    titles, facets = region_facet()
    assert "上海的电镜" in titles
    assert re.search(r"上海市 <span class=\"search-facet__count\">1 条</span>", facets)

    with django_capture_on_commit_callbacks(execute=True):
        Listing.objects.get(pk=shanghai.pk).specific.unpublish()
    titles, facets = region_facet()
    assert sorted(titles) == ["北京的电镜", "江苏的电镜"] and "上海市" not in facets

    beijing = Listing.objects.get(title="北京的电镜")
    with django_capture_on_commit_callbacks(execute=True):
        beijing.specific.delete()
    titles, facets = region_facet()
    assert titles == ["江苏的电镜"] and "北京市" not in facets


def test_instruments_filter_by_category(a1, client):
    make_listing("instrument", a1, title="质谱仪", instrument_category="analytical")
    make_listing("instrument", a1, title="激光干涉仪", instrument_category="laser")

    response = page_ok(client, "/resources/instruments/", category="laser")

    assert titles_in(response) == ["激光干涉仪"]
    assert "仪器类别" in text_of(response)


def test_results_filter_by_maturity_stage_derived_from_trl(a1, client):
    make_listing("result", a1, title="实验室里的成果", trl=2)
    make_listing("result", a1, title="中试中的成果", trl=6)
    make_listing("result", a1, title="已产业化的成果", trl=9)

    response = page_ok(client, "/resources/results/", stage="pilot")

    assert titles_in(response) == ["中试中的成果"]
    facets = text_of(response).split("directory-facets")[1]
    assert "产业化阶段" in facets and "实验室阶段" in facets


def test_type_facet_is_dropped_on_the_section_page(a1, client):
    make_listing("instrument", a1, title="质谱仪", instrument_category="analytical")
    make_listing("expert", a1, title="李教授")

    # category means nothing across types: ignored, not an error.
    assert sorted(titles_in(page_ok(client, "/resources/", category="laser"))) == [
        "李教授",
        "质谱仪",
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("new", ["最新发布的岗位", "较早发布的岗位", "最早发布的岗位"]),
        ("deadline", ["最早发布的岗位", "最新发布的岗位", "较早发布的岗位"]),
        ("title", sorted(["最新发布的岗位", "较早发布的岗位", "最早发布的岗位"])),
    ],
)
def test_sorting(sort, expected, a1, client):
    today = timezone.localdate()
    now = timezone.now()
    make_listing(
        "job",
        a1,
        title="最早发布的岗位",
        published_at=now - datetime.timedelta(days=30),
        valid_until=today + datetime.timedelta(days=5),
    )
    make_listing(
        "job",
        a1,
        title="较早发布的岗位",
        published_at=now - datetime.timedelta(days=10),
        valid_until=today + datetime.timedelta(days=300),
    )
    make_listing(
        "job",
        a1,
        title="最新发布的岗位",
        published_at=now - datetime.timedelta(days=1),
        valid_until=today + datetime.timedelta(days=20),
    )

    assert titles_in(page_ok(client, "/supply-demand/jobs/", sort=sort)) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"field": "no-such-field"},
        {"enterprise": "nobody"},
        {"enterprise": "x" * 500},
        {"region": "00"},
        {"status": "<script>"},
        {"sort": "drop table"},
        {"stage": "rocket"},
        {"category": "nonsense"},
        {"kind": "job"},
    ],
)
def test_bad_parameters_are_dropped_not_an_error(query, a1, client):
    make_listing("result", a1, title="某项科研成果")

    response = client.get("/resources/results/", query)

    assert response.status_code == 200
    assert titles_in(response) == ["某项科研成果"]
    assert "<script>" not in text_of(response).split("<main")[1].replace("<script type=", "")


def test_pages_of_twelve(a1, client):
    for n in range(14):
        make_listing("product", a1, title=f"新产品{n:02d}", product_category="new_energy")

    first = page_ok(client, "/supply-demand/products/")
    second = page_ok(client, "/supply-demand/products/", page=2)

    assert len(titles_in(first)) == 12
    assert len(titles_in(second)) == 2
    assert "共 14 条" in text_of(first)


def test_a_directory_page_costs_the_same_queries_for_3_or_30_listings(
    a1, client, django_assert_max_num_queries
):
    fields = [TechFieldFactory(slug=f"f{n}") for n in range(3)]

    def build(count):
        for n in range(count):
            make_listing(
                ALL_KINDS[n % 5], a1, title=f"资源{n}-{count}", tech_fields=fields[: 1 + n % 3]
            )

    build(3)
    client.get("/resources/")  # warm Wagtail's site and locale caches
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(30) as few:
        page_ok(client, "/resources/", field="f0")
    build(27)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        page_ok(client, "/resources/", field="f0")
    assert len(many.captured_queries) == len(few.captured_queries)


# --- detail: public fields only ----------------------------------------------------------


def _hidden_contact(**extra):
    return {
        "contact_name": SECRET_NAME,
        "contact_phone": SECRET_PHONE,
        "contact_email": SECRET_EMAIL,
        **extra,
    }


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_contact_details_stay_hidden_unless_made_public(kind, a1, client):
    listing = make_listing(kind, a1, **_hidden_contact(contact_public=False))

    for url in (detail_url(listing), kind_url(kind), SECTION_OF[kind]):
        page = text_of(page_ok(client, url))
        for secret in (SECRET_NAME, SECRET_PHONE, SECRET_EMAIL):
            assert secret not in page, f"{secret} leaked on {url}"


@pytest.mark.parametrize("kind", [k for k in ALL_KINDS if k != "expert"])
def test_public_contact_details_are_shown(kind, a1, client):
    listing = make_listing(kind, a1, **_hidden_contact(contact_public=True))

    page = text_of(page_ok(client, detail_url(listing)))

    assert SECRET_PHONE in page and SECRET_EMAIL in page and SECRET_NAME in page


def test_an_expert_contact_is_never_shown_even_if_the_flag_was_set(a1, client):
    expert = make_listing("expert", a1, **_hidden_contact())
    # However it got there (an import, the shell), the flag does not publish an expert's contact.
    Listing.objects.filter(pk=expert.pk).update(contact_public=True)

    response = page_ok(client, detail_url(expert))

    page = text_of(response)
    for secret in (SECRET_NAME, SECRET_PHONE, SECRET_EMAIL):
        assert secret not in page
    person = json_ld_of(response)[0]
    assert person["@type"] == "Person"
    assert not {"email", "telephone", "contactPoint"} & set(json.dumps(person).split('"'))


def test_detail_shows_labelled_indicators_with_choice_labels_and_stage(a1, client):
    result = make_listing(
        "result",
        a1,
        title="高温超导带材",
        trl=6,
        transfer_modes=["assignment", "equity"],
        evaluation_level="intl_leading",
        patents=[
            ListingPatent(
                number="CN202310123456.7",
                name="一种超导带材的制备方法",
                patent_type="invention",
                patent_status="granted",
            )
        ],
    )

    page = text_of(page_ok(client, detail_url(result)))

    assert "<dt>技术就绪度</dt><dd>6 中试阶段" in page
    assert "<dt>成熟阶段</dt><dd>中试阶段</dd>" in page
    assert "<dt>转化方式</dt><dd>转让、作价入股</dd>" in page
    assert "<dt>评价水平</dt><dd>国际领先</dd>" in page
    assert "CN202310123456.7" in page and "发明专利" in page
    assert "<h2>应用领域及推广情况</h2>" in page


def test_detail_structured_data_by_type(a1, client):
    today = timezone.localdate()
    expected = {
        "job": "JobPosting",
        "product": "Product",
        "instrument": "Product",
        "institution": "ResearchOrganization",
        "expert": "Person",
        "challenge": "Demand",
        "transfer": "Offer",
        "result": "CreativeWork",
        "project": "CreativeWork",
    }
    for kind, schema_type in expected.items():
        listing = make_listing(kind, a1, valid_until=today + datetime.timedelta(days=30))
        response = page_ok(client, detail_url(listing))
        data, breadcrumbs = json_ld_of(response)
        assert data["@type"] == schema_type, kind
        assert data["url"].endswith(detail_url(listing))
        assert breadcrumbs["@type"] == "BreadcrumbList"
        assert [item["name"] for item in breadcrumbs["itemListElement"]][-1] == listing.title
        if kind == "job":
            assert data["validThrough"] == (today + datetime.timedelta(days=30)).isoformat()
        assert f'<link rel="canonical" href="http://testserver{detail_url(listing)}">' in (
            text_of(response)
        )


def test_structured_data_has_no_staff_only_fields(a1, client):
    job = make_listing("job", a1, **_hidden_contact(contact_public=False))

    data = json.dumps(json_ld_of(page_ok(client, detail_url(job))))

    for secret in (SECRET_NAME, SECRET_PHONE, SECRET_EMAIL, "completeness", "owner"):
        assert secret not in data


# --- languages ----------------------------------------------------------------------------


def _translate(listing, locale, title):
    translation = listing.copy_for_translation(locale)
    translation.title = title
    translation.save()
    translation.tech_fields.set(listing.tech_fields.all())
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_english_site_shows_translations_and_untranslated_chinese_originals(site, a1, client):
    translated = make_listing("instrument", a1, title="原子力显微镜")
    english = _translate(translated, site.en, "Atomic force microscope")
    untranslated = make_listing("instrument", a1, title="核磁共振波谱仪")

    en_page = page_ok(client, "/en/resources/instruments/")
    zh_page = page_ok(client, "/resources/instruments/")

    assert sorted(titles_in(en_page)) == sorted([english.title, untranslated.title])
    assert re.search(
        r'<h3 class="card__title" lang="zh-Hans"><a[^>]*>核磁共振波谱仪', text_of(en_page)
    )
    assert sorted(titles_in(zh_page)) == sorted([translated.title, untranslated.title])

    # The Chinese row's URL on the English site leads to its translation.
    response = client.get(detail_url(translated, "/en"))
    assert response.status_code == 302
    assert response["Location"] == detail_url(english, "/en")
    # The untranslated original is shown on the English site, marked as Chinese.
    fallback = text_of(page_ok(client, detail_url(untranslated, "/en")))
    assert '<article class="article" lang="zh-Hans">' in fallback
    # An English row is never shown on the Chinese site: it leads to the original.
    back = client.get(detail_url(english))
    assert back.status_code == 302 and back["Location"] == detail_url(translated)


def test_card_labels_take_the_punctuation_of_the_page_language(site, a1, client):
    """Found by the listing journey: English cards read “Valid until：2027-11-28”."""
    make_listing("instrument", a1, title="核磁共振波谱仪", region="31")

    en_page = text_of(page_ok(client, "/en/resources/instruments/", region="31"))
    zh_page = text_of(page_ok(client, "/resources/instruments/", region="31"))

    assert "：" not in en_page.split('class="card-list')[0].split('class="results-summary"')[1]
    assert re.search(r"Valid until: <time", en_page)
    assert re.search(r"有效期至：<time", zh_page)
    assert re.search(r"筛选条件：<span class=\"chip\">上海市", zh_page)


def test_an_english_listing_without_a_chinese_original_is_not_on_the_chinese_site(site, a1, client):
    original = make_listing("product", a1, title="示例产品", live=False)
    english = _translate(original, site.en, "Example product")

    assert titles_in(page_ok(client, "/supply-demand/products/")) == []
    assert client.get(detail_url(english)).status_code == 404
    assert titles_in(page_ok(client, "/en/supply-demand/products/")) == ["Example product"]


def test_admin_preview_looks_like_the_detail_without_the_form(a1, rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    job = make_listing("job", a1, title="预览中的岗位", live=False, **_hidden_contact())
    request = rf.get("/")
    # The Chinese admin previews in Chinese (labels are translated on the English site).
    with translation.override("zh-hans"):
        html = render_to_string(
            job.get_preview_template(request, ""), job.get_preview_context(request, ""), request
        )

    assert "预览中的岗位" in html and "岗位职责" in html
    assert '<form class="enquiry__form"' not in html
    assert SECRET_PHONE not in html


def test_sitemap_lists_each_public_listing_once_per_language(site, a1, client):
    listing = make_listing("project", a1, title="在研项目甲")
    english = _translate(listing, site.en, "Project A")
    other = EnterpriseFactory(code="other-co", name="其他企业", short_name="其他")
    make_listing("project", other, title="其他企业草稿", live=False)

    sitemap = text_of(client.get("/sitemap.xml"))

    assert sitemap.count(f"/resources/projects/{listing.pk}/") == 1
    assert sitemap.count(f"/en/resources/projects/{english.pk}/") == 1
    assert "其他企业草稿" not in sitemap


def test_detail_offers_share_links_and_a_qr_code(a1, client):
    listing = make_listing("product", a1, title="可分享的新产品")
    html = client.get(f"/supply-demand/products/{listing.pk}/").content.decode()
    assert 'aria-label="本页二维码"' in html
    assert f"products%2F{listing.pk}%2F" in html, "the share links carry the detail address"
