"""The site search: one function that the search page, the evaluation and the
benchmark all call, so that what is measured is what readers get.

``run_search`` searches the live, public items of the reader's language
(``.live().public()`` and the locale, so an unpublished, expired or private
page is never shown, whatever the index still holds), applies the reader's
facet filters, orders by relevance or date and returns one page of results
with facet counts. Every step is a database query of its own, so a search
page costs a small, constant number of queries however many items match.

Sources: today every result is an article page (``ArticleSource``). The
resource listings of ``snippets`` will add a source of the same shape
(``queryset``/``search``/``filter``/``facets``/``with_display_data`` over live
listings indexed through ``search.index.segmented``), with its types added to
the content-type facet; ``run_search`` then asks each source and merges
their pages of results.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pages.listing import CappedPaginator, ListingFilterForm, filter_articles
from pages.models import (
    AchievementPage,
    ArticlePage,
    ExperiencePage,
    NewsPage,
    NoticePage,
    TrendPage,
)
from search.segment import highlight_words, query_words
from snippets.models import Enterprise, TechField

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
SORTS = {"relevance": _("按相关度"), "date": _("按日期")}


def clean_query(raw):
    """What the reader typed, made safe to echo and to segment.

    Lone surrogates (``%ED%A0%80``) cannot be encoded and are dropped; the
    query is cut to ``MAX_QUERY_LENGTH`` characters. Operators and quotes
    need no stripping: the segmenter keeps letters and digits only, and the
    backend quotes every word it sends to the database.
    """
    query = (raw or "").encode("utf-8", "ignore").decode("utf-8")
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


class SearchForm(ListingFilterForm):
    """The listing filters (enterprise, field, tag, year) plus content type and sort."""

    def __init__(self, *args, streams=(), **kwargs):
        super().__init__(*args, **kwargs)
        from django import forms

        self.fields["type"] = forms.ChoiceField(
            required=False, choices=[("", "")] + [(s, s) for s in streams]
        )
        self.fields["sort"] = forms.ChoiceField(required=False, choices=list(SORTS.items()))


@dataclass
class Facet:
    key: str  # the query parameter
    label: str
    options: list = field(default_factory=list)  # FacetOption


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


class ArticleSource:
    """Article pages of the five streams."""

    models = (NewsPage, AchievementPage, ExperiencePage, TrendPage, NoticePage)

    def __init__(self, locale):
        self.locale = locale

    @cached_property
    def streams(self):
        """{stream key: (model, label)} in the order of the site's sections."""
        return {m.stream: (m, m.stream_label) for m in self.models}

    def queryset(self):
        return ArticlePage.objects.live().public().filter(locale=self.locale)

    def search(self, query, *, sort):
        """A Django queryset of the matches (annotated, ordered), before facet filters."""
        results = self.queryset().search(
            query, operator="and", order_by_relevance=(sort == "relevance")
        )
        # The database backends hand back the queryset they built, so that
        # facets and filters stay in the database instead of lists of ids.
        hits = results.get_queryset() if hasattr(results, "get_queryset") else None
        if hits is None:  # EmptySearchResults: nothing to ask
            return ArticlePage.objects.none()
        if sort == "date":
            hits = hits.order_by("-first_published_at", "-pk")
        return hits

    def filter(self, hits, filters, stream):
        hits = filter_articles(hits, filters)
        if stream:
            model = self.streams[stream][0]
            hits = hits.filter(content_type_id=_content_type_ids([model])[model])
        return hits

    def facets(self, hits, filters, stream):
        plain = hits.order_by()
        return [
            self._stream_facet(plain, stream),
            self._enterprise_facet(plain, filters.get("enterprise")),
            self._field_facet(plain, filters.get("field")),
            self._year_facet(plain, filters.get("year")),
        ]

    def _stream_facet(self, hits, selected):
        ids = _content_type_ids(self.models)
        counts = dict(
            hits.values_list("content_type")
            .annotate(n=Count("pk"))
            .values_list("content_type", "n")
        )
        options = []
        for key, (model, label) in self.streams.items():
            n = counts.get(ids[model], 0)
            if n:
                options.append(FacetOption(key, label, n, key == selected))
        return Facet("type", _("栏目"), options)

    def _enterprise_facet(self, hits, selected):
        counts = dict(
            hits.exclude(enterprise=None)
            .values_list("enterprise")
            .annotate(n=Count("pk"))
            .values_list("enterprise", "n")
        )
        if not counts:
            return Facet("enterprise", _("企业"))
        enterprises = {
            e.pk: e
            for e in Enterprise.objects.filter(pk__in=counts).only(
                "code", "name", "name_en", "short_name", "short_name_en", "level", "parent_id"
            )
        }
        parent_ids = {e.parent_id for e in enterprises.values() if e.parent_id} - set(enterprises)
        enterprises.update(
            {e.pk: e for e in Enterprise.objects.filter(pk__in=parent_ids)} if parent_ids else {}
        )
        # A group company's count includes its subsidiaries, as its filter does.
        totals = dict.fromkeys(enterprises, 0)
        for pk, n in counts.items():
            totals[pk] += n
            parent = enterprises[pk].parent_id
            if parent:
                totals[parent] += n
        options = [
            FacetOption(
                e.code,
                e.display_short_name,
                totals[pk],
                selected is not None and selected.pk == pk,
            )
            for pk, e in enterprises.items()
        ]
        options.sort(key=lambda o: -o.count)
        return Facet("enterprise", _("企业"), options[:12])

    def _field_facet(self, hits, selected):
        through = ArticlePage.tech_fields.through
        rows = (
            through.objects.filter(articlepage_id__in=hits.values("pk"))
            .values_list("techfield")
            .annotate(n=Count("articlepage_id"))
            .values_list("techfield", "n")
        )
        counts = dict(rows)
        if not counts:
            return Facet("field", _("技术领域"))
        fields = TechField.objects.filter(pk__in=counts)
        options = [
            FacetOption(
                f.slug, f.display_name, counts[f.pk], selected is not None and selected == f
            )
            for f in fields
        ]
        options.sort(key=lambda o: -o.count)
        return Facet("field", _("技术领域"), options)

    def _year_facet(self, hits, selected):
        rows = (
            hits.exclude(first_published_at=None)
            .annotate(
                year=ExtractYear("first_published_at", tzinfo=timezone.get_current_timezone())
            )
            .values_list("year")
            .annotate(n=Count("pk"))
            .values_list("year", "n")
        )
        options = [
            FacetOption(str(year), str(year), n, selected == year)
            for year, n in sorted(rows, reverse=True)
        ]
        return Facet("year", _("年份"), options)

    def with_display_data(self, items):
        return items.select_related("enterprise")


def _content_type_ids(models):
    from django.contrib.contenttypes.models import ContentType

    return {m: ct.pk for m, ct in ContentType.objects.get_for_models(*models).items()}


@dataclass
class SearchOutcome:
    query: str
    words: list  # what to highlight
    page: object  # a Django Page of results, or None without a query
    facets: list
    sort: str
    filters: dict
    stream: str

    @property
    def count(self):
        return self.page.paginator.count if self.page is not None else 0


def run_search(query, *, locale=None, params=None, page_number=1, per_page=PAGE_SIZE):
    """Search the live, public content of ``locale`` (default: the active language)."""
    locale = locale or Locale.get_active()
    source = ArticleSource(locale)
    form = SearchForm(params or None, streams=source.streams)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    sort = cleaned.get("sort") or "relevance"
    stream = cleaned.get("type") or ""
    filters = {k: v for k, v in cleaned.items() if v and k not in ("type", "sort")}

    query = clean_query(query)
    if not query_words(query):
        return SearchOutcome(query, [], None, [], sort, filters, stream)

    hits = source.filter(source.search(query, sort=sort), filters, stream)
    paginator = CappedPaginator(source.with_display_data(hits), per_page)
    try:
        number = max(1, min(int(page_number), 10_000))
    except (TypeError, ValueError):
        number = 1
    page = paginator.get_page(number)
    facets = source.facets(hits, filters, stream) if paginator.count else []
    return SearchOutcome(query, highlight_words(query), page, facets, sort, filters, stream)


def ranked_titles(query, *, locale, limit=10):
    """The titles of the first ``limit`` results, in order (for the evaluation)."""
    outcome = run_search(query, locale=locale, per_page=limit)
    return [item.title for item in outcome.page] if outcome.page is not None else []
