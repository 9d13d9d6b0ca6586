"""The site search: one function that the search page, the evaluation and the
benchmark all call, so that what is measured is what readers get.

``run_search`` searches the live, public items of the reader's language
(``.live().public()`` and the locale, so an unpublished, expired or private
page is never shown, whatever the index still holds), applies the reader's
facet filters, orders by relevance or date and returns one page of results
with facet counts. Every step is a database query of its own, so a search
page costs a small, constant number of queries however many items match.

Sources: article pages (``ArticleSource``) and the public resource listings
(``ListingSource``), each with ``search``/``filter``/counts for the facets;
``run_search`` asks each source and merges their ranked results
(``MergedHits``), or asks one when the reader picked a type of that source.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
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
from snippets.models import Enterprise, Listing, ListingKind, TechField

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
        return _search(self.queryset(), query, sort=sort)

    def filter(self, hits, filters, stream):
        hits = filter_articles(hits, filters)
        if stream:
            model = self.streams[stream][0]
            hits = hits.filter(content_type_id=_content_type_ids([model])[model])
        return hits

    def type_counts(self, hits):
        ids = _content_type_ids(self.models)
        counts = dict(
            hits.order_by()
            .values_list("content_type")
            .annotate(n=Count("pk"))
            .values_list("content_type", "n")
        )
        return {key: counts.get(ids[model], 0) for key, (model, _label) in self.streams.items()}

    def field_counts(self, hits):
        through = ArticlePage.tech_fields.through
        rows = (
            through.objects.filter(articlepage_id__in=hits.order_by().values("pk"))
            .values_list("techfield")
            .annotate(n=Count("articlepage_id"))
            .values_list("techfield", "n")
        )
        return dict(rows)

    def with_display_data(self, items):
        return items.select_related("enterprise")


class ListingSource:
    """The public resource listings (资源共享 and 供求信息), one type facet option per kind."""

    def __init__(self, locale):
        self.locale = locale

    @cached_property
    def streams(self):
        return {kind.value: (None, kind.label) for kind in ListingKind}

    def queryset(self):
        return Listing.objects.public(locale=self.locale)

    def search(self, query, *, sort):
        return _search(self.queryset(), query, sort=sort)

    def filter(self, hits, filters, stream):
        if filters.get("tag"):
            return hits.none()  # listings carry no tags
        hits = filter_articles(hits, {k: v for k, v in filters.items() if k != "tag"})
        if stream:
            hits = hits.filter(kind=stream)
        return hits

    def type_counts(self, hits):
        return dict(
            hits.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
        )

    def field_counts(self, hits):
        through = Listing.tech_fields.through
        rows = (
            through.objects.filter(listing_id__in=hits.order_by().values("pk"))
            .values_list("techfield")
            .annotate(n=Count("listing_id"))
            .values_list("techfield", "n")
        )
        return dict(rows)

    def with_display_data(self, items):
        return items.select_related("enterprise")


def _search(queryset, query, *, sort):
    """A Django queryset of the matches (ordered, with ``_score``), before facet filters."""
    results = queryset.search(
        query, operator="and", order_by_relevance=(sort == "relevance")
    ).annotate_score("_score")
    # The database backends hand back the queryset they built, so that
    # facets and filters stay in the database instead of lists of ids.
    hits = results.get_queryset() if hasattr(results, "get_queryset") else None
    if hits is None:  # EmptySearchResults: nothing to ask
        return queryset.none()
    if sort == "date":
        hits = hits.order_by("-first_published_at", "-pk")
    return hits


def _counts(hits, field):
    return dict(
        hits.order_by()
        .exclude(**{field: None})
        .values_list(field)
        .annotate(n=Count("pk"))
        .values_list(field, "n")
    )


def _add(total, counts):
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n
    return total


def build_facets(parts, filters, stream):
    """Facets over every source's matches: [(source, hits)], counts added across sources."""
    types, enterprises, fields, years = {}, {}, {}, {}
    labels = {}
    for source, hits in parts:
        labels.update({key: label for key, (_m, label) in source.streams.items()})
        _add(types, source.type_counts(hits))
        _add(enterprises, _counts(hits, "enterprise"))
        _add(fields, source.field_counts(hits))
        _add(years, _year_counts(hits))
    return [
        Facet(
            "type",
            _("栏目"),
            [
                FacetOption(key, labels[key], n, key == stream)
                for key, n in types.items()
                if n and key in labels
            ],
        ),
        _enterprise_facet(enterprises, filters.get("enterprise")),
        _field_facet(fields, filters.get("field")),
        Facet(
            "year",
            _("年份"),
            [
                FacetOption(str(year), str(year), n, filters.get("year") == year)
                for year, n in sorted(years.items(), reverse=True)
            ],
        ),
    ]


def _enterprise_facet(counts, selected):
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
            e.code, e.display_short_name, totals[pk], selected is not None and selected.pk == pk
        )
        for pk, e in enterprises.items()
    ]
    options.sort(key=lambda o: -o.count)
    return Facet("enterprise", _("企业"), options[:12])


def _field_facet(counts, selected):
    if not counts:
        return Facet("field", _("技术领域"))
    options = [
        FacetOption(f.slug, f.display_name, counts[f.pk], selected is not None and selected == f)
        for f in TechField.objects.filter(pk__in=counts)
    ]
    options.sort(key=lambda o: -o.count)
    return Facet("field", _("技术领域"), options)


def _year_counts(hits):
    return dict(
        hits.order_by()
        .exclude(first_published_at=None)
        .annotate(year=ExtractYear("first_published_at", tzinfo=timezone.get_current_timezone()))
        .values_list("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )


class MergedHits:
    """Two or more ordered result querysets read as one, for the paginator.

    Each source ranks its own matches in the database; a page of the merged
    list reads the first ``stop`` rows of each and merges them by score (or
    date), so a page costs one query per source. Scores of one backend are
    comparable across models: both use the same ranking function over the
    same index.
    """

    def __init__(self, querysets, *, sort):
        self.querysets = querysets
        self.sort = sort

    def count(self):
        cap = CappedPaginator.max_items
        return min(cap, sum(qs[:cap].count() for qs in self.querysets))

    def __len__(self):
        return self.count()

    def _key(self, item):
        if self.sort == "date":
            moment = item.first_published_at
            return -(moment.timestamp() if moment else 0)
        score = getattr(item, "_score", None) or 0
        # SQLite's bm25 is negative (lower is better); PostgreSQL's ts_rank is positive.
        return score if connection.vendor == "sqlite" else -score

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        rows = [item for qs in self.querysets for item in (qs[:stop] if stop else qs)]
        rows.sort(key=self._key)
        return rows[start:stop]


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
    sources = [ArticleSource(locale), ListingSource(locale)]
    form = SearchForm(params or None, streams={k: v for s in sources for k, v in s.streams.items()})
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    sort = cleaned.get("sort") or "relevance"
    stream = cleaned.get("type") or ""
    filters = {k: v for k, v in cleaned.items() if v and k not in ("type", "sort")}

    query = clean_query(query)
    if not query_words(query):
        return SearchOutcome(query, [], None, [], sort, filters, stream)

    if stream:
        sources = [s for s in sources if stream in s.streams]
    parts = [(s, s.filter(s.search(query, sort=sort), filters, stream)) for s in sources]
    if len(parts) == 1:
        source, hits = parts[0]
        object_list = source.with_display_data(hits)
    else:
        object_list = MergedHits([s.with_display_data(h) for s, h in parts], sort=sort)
    paginator = (Paginator if isinstance(object_list, MergedHits) else CappedPaginator)(
        object_list, per_page
    )
    try:
        number = max(1, min(int(page_number), 10_000))
    except (TypeError, ValueError):
        number = 1
    page = paginator.get_page(number)
    facets = build_facets(parts, filters, stream) if paginator.count else []
    return SearchOutcome(query, highlight_words(query), page, facets, sort, filters, stream)


def ranked_titles(query, *, locale, limit=10):
    """The titles of the first ``limit`` results, in order (for the evaluation)."""
    outcome = run_search(query, locale=locale, per_page=limit)
    return [item.title for item in outcome.page] if outcome.page is not None else []
