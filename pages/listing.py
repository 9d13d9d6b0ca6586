"""Filtering and paging of article listings, shared by sections and sub-platforms.

Bad query parameters (``?page=abc``, ``?year=99999``, an unknown enterprise)
never raise: the form drops what it cannot read and the reader gets a normal
page, with the unreadable filter simply not applied.
"""

import datetime

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from snippets.models import Enterprise, TechField

FIRST_YEAR = 2009  # the platform was founded by 国资厅规划〔2009〕65号
PAGE_SIZE = 12
# Card images in listings: a 16:9 WebP crop in two widths for srcset.
CARD_RENDITIONS = ("fill-400x225|format-webp", "fill-800x450|format-webp")


def year_choices():
    this_year = timezone.localdate().year
    return [("", _("全部年份"))] + [(str(y), str(y)) for y in range(this_year, FIRST_YEAR - 1, -1)]


class ListingFilterForm(forms.Form):
    """The reader's filters: enterprise, technical field, tag and year."""

    enterprise = forms.CharField(label=_("企业"), required=False, max_length=50)
    field = forms.CharField(label=_("技术领域"), required=False, max_length=50)
    tag = forms.CharField(label=_("标签"), required=False, max_length=100)
    year = forms.TypedChoiceField(label=_("年份"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()

    @cached_property
    def enterprise_options(self):
        return list(Enterprise.objects.only("code", "name", "name_en", "level", "parent_id"))

    @cached_property
    def field_options(self):
        return list(TechField.objects.all())

    def clean_enterprise(self):
        code = self.cleaned_data["enterprise"]
        if not code:
            return None
        return next((e for e in self.enterprise_options if e.code == code), None)

    def clean_field(self):
        slug = self.cleaned_data["field"]
        if not slug:
            return None
        return next((f for f in self.field_options if f.slug == slug), None)

    def valid_filters(self):
        """Cleaned values of the filters that could be read; others are dropped."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}

    @property
    def is_filtered(self):
        return bool(self.valid_filters())


def filter_articles(queryset, filters):
    enterprise = filters.get("enterprise")
    if enterprise is not None:
        # A group company's filter includes its subsidiaries' items.
        queryset = queryset.filter(
            enterprise__in=Enterprise.objects.family_of(enterprise).values("pk")
        )
    field = filters.get("field")
    if field is not None:
        queryset = queryset.filter(tech_fields=field)
    tag = filters.get("tag")
    if tag:
        queryset = queryset.filter(tags__name=tag)
    year = filters.get("year")
    if year:
        tz = timezone.get_current_timezone()
        start = datetime.datetime(year, 1, 1, tzinfo=tz)
        end = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
        queryset = queryset.filter(first_published_at__gte=start, first_published_at__lt=end)
    return queryset


def with_card_data(queryset):
    """Everything a listing card shows, fetched in a constant number of queries."""
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    return queryset.select_related("enterprise").prefetch_related(
        Prefetch("cover_image", queryset=images),
        "tech_fields",
    )


class CappedPaginator(Paginator):
    """A paginator whose count stops at ``max_items``.

    Counting a table of hundreds of thousands of rows on every request is the
    slow part of a listing; readers do not page past a few hundred items.
    """

    max_items = 5000

    @cached_property
    def count(self):
        return self.object_list[: self.max_items].count()


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = CappedPaginator(queryset, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def listing_context(request, queryset):
    """Filter form, filtered and paged items, and the query string for page links."""
    form = ListingFilterForm(request.GET or None)
    filters = form.valid_filters() if request.GET else {}
    queryset = filter_articles(queryset, filters)
    page = paginate(request, with_card_data(queryset))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "filters": filters,
        "items": page,
        "paginator_query": query.urlencode(),
    }
