"""Enterprises, technical fields and site search: public reference data and the search page as JSON."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Locale

from pages.models import EnterprisePage
from search.service import MAX_QUERY_LENGTH, run_search
from snippets.models import Enterprise, Listing, TechField

from .listings import Reader, Serialized
from .schemas import LocaleCode

READ_AUTH = [BearerTokenAuth(), AllowAnonymous()]

enterprises_router = Router(tags=["enterprises"])
tech_fields_router = Router(tags=["enterprises"])
search_router = Router(tags=["search"])


class EnterpriseOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    short_name: str
    short_name_en: str
    level: str = Field(description="group 集团公司，subsidiary 下属企业")
    parent: str | None = Field(None, description="所属集团的企业代码")
    website: str
    introduction: str
    introduction_en: str
    html_url: str | None = Field(None, description="企业子平台")
    listings_url: str = Field(description="该企业（集团含下属企业）的公开资源信息")


class EnterpriseQuery(Schema):
    level: str | None = Field(None, max_length=20, description="group 或 subsidiary")
    parent: str | None = Field(None, max_length=50, description="集团的企业代码：列出其下属企业")
    locale: LocaleCode = Field("zh-hans", description="子平台链接的语言")


class EnterpriseReader:
    def __init__(self, request, language_code):
        self.request = request
        pages = EnterprisePage.objects.live().public().filter(locale__language_code=language_code)
        self.pages = {
            page.enterprise_id: page for page in pages.only("id", "url_path", "enterprise")
        }

    def __call__(self, enterprise):
        page = self.pages.get(enterprise.pk)
        url = page.get_url(self.request) if page is not None else None
        return {
            "id": enterprise.pk,
            "code": enterprise.code,
            "name": enterprise.name,
            "name_en": enterprise.name_en,
            "short_name": enterprise.short_name,
            "short_name_en": enterprise.short_name_en,
            "level": enterprise.level,
            "parent": enterprise.parent.code if enterprise.parent_id else None,
            "website": enterprise.website,
            "introduction": enterprise.introduction,
            "introduction_en": enterprise.introduction_en,
            "html_url": self.request.build_absolute_uri(url) if url else None,
            "listings_url": self.request.build_absolute_uri(
                f"/api/v3/listings/?enterprise={enterprise.code}"
            ),
        }


@enterprises_router.get(
    "/",
    response=list[EnterpriseOut],
    auth=READ_AUTH,
    url_name="enterprises_list",
    summary="List enterprises (group companies and subsidiaries)",
    operation_id="enterprises_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_enterprises(request, query: EnterpriseQuery = Query(...), **kwargs):  # noqa: B008
    queryset = Enterprise.objects.select_related("parent").order_by("sort_order", "code")
    if query.level:
        queryset = queryset.filter(level=query.level)
    if query.parent:
        queryset = queryset.filter(parent__code=query.parent)
    return Serialized(queryset, EnterpriseReader(request, query.locale))


@enterprises_router.get(
    "/{code}/",
    response={200: EnterpriseOut, 404: ProblemDetail},
    auth=READ_AUTH,
    url_name="enterprises_detail",
    summary="An enterprise",
    operation_id="enterprises_detail",
)
def get_enterprise(request, code: str, locale: LocaleCode = "zh-hans"):
    enterprise = Enterprise.objects.select_related("parent").filter(code=code).first()
    if enterprise is None:
        raise Http404(_("没有代码为“%(code)s”的企业。") % {"code": code[:50]})
    return EnterpriseReader(request, locale)(enterprise)


class TechFieldOut(Schema):
    slug: str
    name: str
    name_en: str


@tech_fields_router.get(
    "/",
    response=list[TechFieldOut],
    auth=READ_AUTH,
    url_name="tech_fields_list",
    summary="The technical fields (values of the field filters)",
    operation_id="tech_fields_list",
)
def list_tech_fields(request):
    return list(TechField.objects.values("slug", "name", "name_en"))


# -- search -------------------------------------------------------------------------


class SearchQuery(Schema):
    q: str = Field("", max_length=10_000, description="检索词；超过 200 字的部分不计")
    locale: LocaleCode = "zh-hans"
    type: str | None = Field(
        None, max_length=40, description="栏目（news、notices …）或资源类型（instrument …）"
    )
    enterprise: str | None = Field(None, max_length=50, description="企业代码")
    field: str | None = Field(None, max_length=50, description="技术领域 slug")
    year: int | None = Field(None, ge=1949, le=2100)
    sort: str | None = Field(None, max_length=20, description="relevance 或 date")
    page: int = Field(1, ge=1, le=10_000)


class SearchHit(Schema):
    kind: str = Field(description="page 或 listing")
    type: str = Field(description="栏目或资源类型")
    id: int
    title: str
    summary: str
    enterprise: str | None = None
    first_published_at: str | None = None
    html_url: str | None = None
    detail_url: str


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    key: str
    label: str
    options: list[FacetOptionOut]


class SearchOut(Schema):
    query: str
    words: list[str]
    count: int
    page: int
    num_pages: int
    items: list[SearchHit]
    facets: list[FacetOut]


@search_router.get(
    "/",
    response={200: SearchOut, 422: ProblemDetail},
    auth=READ_AUTH,
    url_name="search",
    summary="Site search: live public pages and listings (the search page's results)",
    operation_id="search",
)
def search(request, query: SearchQuery = Query(...)):  # noqa: B008
    locale = Locale.objects.get(language_code=query.locale)
    params = {
        key: str(value)
        for key in ("type", "enterprise", "field", "year", "sort")
        if (value := getattr(query, key)) is not None
    }
    outcome = run_search(
        query.q[: MAX_QUERY_LENGTH * 4], locale=locale, params=params, page_number=query.page
    )
    reader = Reader(request, query.locale)
    items = []
    page = outcome.page
    if page is not None:
        for item in page.object_list:
            items.append(_hit(request, reader, item))
    return {
        "query": outcome.query,
        "words": list(outcome.words),
        "count": outcome.count,
        "page": page.number if page is not None else 1,
        "num_pages": page.paginator.num_pages if page is not None else 0,
        "items": items,
        "facets": [
            {
                "key": facet.key,
                "label": str(facet.label),
                "options": [
                    {
                        "value": str(o.value),
                        "label": str(o.label),
                        "count": o.count,
                        "selected": bool(o.selected),
                    }
                    for o in facet.options
                ],
            }
            for facet in outcome.facets
        ],
    }


def _hit(request, reader, item):
    published = item.first_published_at.isoformat() if item.first_published_at else None
    enterprise = item.enterprise.code if item.enterprise_id else None
    if isinstance(item, Listing):
        return {
            "kind": "listing",
            "type": item.kind,
            "id": item.pk,
            "title": item.title,
            "summary": item.summary,
            "enterprise": enterprise,
            "first_published_at": published,
            "html_url": reader.html_url(item),
            "detail_url": reader.api_url(item),
        }
    specific = item.specific_deferred
    return {
        "kind": "page",
        "type": getattr(specific, "stream", "") or item.specific_class._meta.model_name,
        "id": item.pk,
        "title": item.title,
        "summary": getattr(item, "summary", "") or "",
        "enterprise": enterprise,
        "first_published_at": published,
        "html_url": item.get_full_url(request),
        "detail_url": request.build_absolute_uri(f"/api/v3/pages/{item.pk}/"),
    }
