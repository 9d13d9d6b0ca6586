"""The public directories 资源共享 / 供求信息 and a listing's detail page.

Called from the routes of ``pages.models.directory.DirectoryPage``. Everything
shown comes from ``Listing.objects.public()``, the only definition of public
(live and not past its validity date), so an expired listing leaves the lists,
facet counts and sitemap at midnight and its detail URL answers 410.

Bad query parameters never raise: the filter form drops what it cannot read
(as the article listings do, pages/listing.py) and the reader gets a normal
page. A page costs a fixed number of queries whatever it lists: cards use the
base table only, with the enterprise joined and fields and images prefetched,
and the facet counts are grouped queries cached for five minutes.
"""

import hashlib
import uuid

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.signals import post_delete
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.signals import published, unpublished

from pages.listing import CARD_RENDITIONS, paginate
from snippets.display import breadcrumb_ld, json_ld, ld_script
from snippets.models import (
    LISTING_MODEL_BY_KIND,
    Enterprise,
    Listing,
    ListingKind,
    ListingStatus,
    Region,
    TechField,
)
from snippets.models.choices import MATURITY_STAGES, MaturityStage

KIND_SLUGS = {
    ListingKind.INSTITUTION: "institutions",
    ListingKind.EXPERT: "experts",
    ListingKind.INSTRUMENT: "instruments",
    ListingKind.RESULT: "results",
    ListingKind.PROJECT: "projects",
    ListingKind.TRANSFER: "transfers",
    ListingKind.CHALLENGE: "challenges",
    ListingKind.JOB: "jobs",
    ListingKind.PRODUCT: "products",
}
KIND_BY_SLUG = {slug: kind for kind, slug in KIND_SLUGS.items()}

# The facet of each type beyond the common ones: the maturity stage for the
# types graded by TRL, otherwise the type's main category.
TRL_KINDS = {ListingKind.RESULT, ListingKind.TRANSFER}
CATEGORY_FIELDS = {
    ListingKind.INSTITUTION: "institution_kind",
    ListingKind.EXPERT: "title_level",
    ListingKind.INSTRUMENT: "instrument_category",
    ListingKind.PROJECT: "funding_programme",
    ListingKind.CHALLENGE: "cooperation_mode",
    ListingKind.JOB: "job_category",
    ListingKind.PRODUCT: "product_category",
}
SORTS = {
    "new": (_("最新发布"), ("-first_published_at", "-pk")),
    "deadline": (_("即将到期"), ("valid_until", "-pk")),
    "title": (_("名称"), ("title", "pk")),
}
DEFAULT_SORT = "new"
FACET_CACHE_SECONDS = 300


def detail_path(listing):
    """The detail route of ``listing`` below its directory page."""
    return f"{KIND_SLUGS[listing.kind]}/{listing.pk}/"


def kind_of_slug(page, slug):
    """The listing kind a URL slug names in this directory, or 404."""
    kind = KIND_BY_SLUG.get(slug)
    if kind is None or kind not in page.kinds:
        raise Http404
    return kind


def public_listings(locale, *, model=Listing):
    """Public listings readers of ``locale`` see.

    On the English site: English listings, plus Chinese originals that have no
    live English translation (shown marked as Chinese), so that a reader of
    the English site does not miss what has not been translated yet.
    """
    qs = model.objects.public()
    if locale.language_code == settings.LANGUAGE_CODE:
        return qs.filter(locale=locale)
    translated = Listing.objects.public(locale=locale).filter(
        translation_key=OuterRef("translation_key")
    )
    return qs.filter(
        Q(locale=locale) | (Q(locale__language_code=settings.LANGUAGE_CODE) & ~Exists(translated))
    )


class DirectoryFilterForm(forms.Form):
    """The reader's filters; a value that cannot be read is dropped, never an error page."""

    field = forms.CharField(label=_("技术领域"), required=False, max_length=50)
    enterprise = forms.CharField(label=_("企业"), required=False, max_length=50)
    region = forms.ChoiceField(label=_("所在地区"), required=False, choices=Region.choices)
    status = forms.ChoiceField(label=_("对接状态"), required=False, choices=ListingStatus.choices)
    sort = forms.ChoiceField(
        label=_("排序"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
    )

    def __init__(self, data=None, *, kind=None):
        super().__init__(data)
        self.kind = kind
        if kind in TRL_KINDS:
            self.fields["stage"] = forms.ChoiceField(
                label=_("成熟阶段"), required=False, choices=MaturityStage.choices
            )
        elif kind in CATEGORY_FIELDS:
            model_field = LISTING_MODEL_BY_KIND[kind]._meta.get_field(CATEGORY_FIELDS[kind])
            self.fields["category"] = forms.ChoiceField(
                label=model_field.verbose_name, required=False, choices=model_field.choices
            )

    @cached_property
    def enterprise_options(self):
        return list(Enterprise.objects.only("code", "name", "name_en", "level", "parent_id"))

    @cached_property
    def field_options(self):
        return list(TechField.objects.all())

    def clean_enterprise(self):
        code = self.cleaned_data["enterprise"]
        return next((e for e in self.enterprise_options if e.code == code), None) if code else None

    def clean_field(self):
        slug = self.cleaned_data["field"]
        return next((f for f in self.field_options if f.slug == slug), None) if slug else None

    def valid_filters(self):
        """Cleaned values of the filters that could be read (sort excluded)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: v for k, v in data.items() if v and k != "sort"}

    def chosen_sort(self):
        if not self.is_bound:
            return DEFAULT_SORT
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("sort") or DEFAULT_SORT


def apply_filters(qs, filters, kind, *, skip=()):
    """``qs`` narrowed by ``filters`` except the keys in ``skip`` (for facet counts)."""
    enterprise = filters.get("enterprise")
    if enterprise is not None and "enterprise" not in skip:
        # A group company's filter includes its subsidiaries' listings.
        qs = qs.filter(enterprise__in=Enterprise.objects.family_of(enterprise).values("pk"))
    field = filters.get("field")
    if field is not None and "field" not in skip:
        qs = qs.filter(tech_fields=field)
    for key in ("region", "status"):
        if filters.get(key) and key not in skip:
            qs = qs.filter(**{key: filters[key]})
    if filters.get("category") and "category" not in skip:
        qs = qs.filter(**{CATEGORY_FIELDS[kind]: filters["category"]})
    if filters.get("stage") and "stage" not in skip:
        qs = qs.filter(trl__range=MATURITY_STAGES[MaturityStage(filters["stage"])])
    return qs


def _grouped(qs, field):
    return {
        row[field]: row["n"]
        for row in qs.order_by().values(field).annotate(n=Count("pk", distinct=True))
    }


FACET_GENERATION_KEY = "directory-facets:generation"


def facet_generation():
    """A token that every listing going online or offline replaces; part of each facet key.

    Without it the counts outlived a publication by up to five minutes: the
    cards already showed a newly approved listing while its region was missing
    from the facets and the tabs counted the old number. A lost token (cache
    eviction) is replaced by a new one, so it can never revive stale counts.
    """
    return cache.get_or_set(FACET_GENERATION_KEY, lambda: uuid.uuid4().hex, None)


def forget_facet_counts(sender, instance=None, **kwargs):
    """Receiver of publish, unpublish and delete: the next directory page counts afresh."""
    if isinstance(instance, Listing):
        # After the commit: a request counting in between would otherwise
        # cache the old rows under the new token.
        transaction.on_commit(
            lambda: cache.set(FACET_GENERATION_KEY, uuid.uuid4().hex, None), robust=True
        )


published.connect(forget_facet_counts, dispatch_uid="directory-facets-published")
unpublished.connect(forget_facet_counts, dispatch_uid="directory-facets-unpublished")
post_delete.connect(forget_facet_counts, dispatch_uid="directory-facets-deleted")


def facet_counts(page, kind, filters):
    """Counts per kind, region, status and the type's own facet, cached for five minutes.

    Each facet is counted with every other filter applied but not its own, so
    that its options say how many listings choosing them would show. The key
    carries ``facet_generation()``, so publishing, unpublishing or deleting a
    listing shows at once; expiry shows at midnight (the date is in the key).
    """
    key_parts = [
        facet_generation(),
        str(page.pk),
        str(page.locale_id),
        str(timezone.localdate()),
        kind or "",
        *(f"{k}={getattr(v, 'pk', v)}" for k, v in sorted(filters.items())),
    ]
    key = "directory-facets:" + hashlib.sha256("|".join(key_parts).encode()).hexdigest()
    counts = cache.get(key)
    if counts is not None:
        return counts
    section = public_listings(page.locale).filter(kind__in=page.kinds)
    kind_filters = {k: v for k, v in filters.items() if k not in ("category", "stage")}
    counts = {"kind": _grouped(apply_filters(section, kind_filters, None), "kind")}
    model = LISTING_MODEL_BY_KIND[kind] if kind else Listing
    scope = public_listings(page.locale, model=model)
    scope = scope.filter(kind=kind) if kind else scope.filter(kind__in=page.kinds)
    for key_name in ("region", "status"):
        counts[key_name] = _grouped(apply_filters(scope, filters, kind, skip={key_name}), key_name)
    if kind in TRL_KINDS:
        by_trl = _grouped(apply_filters(scope, filters, kind, skip={"stage"}), "trl")
        counts["stage"] = {
            stage: sum(n for trl, n in by_trl.items() if low <= trl <= high)
            for stage, (low, high) in MATURITY_STAGES.items()
        }
    elif kind in CATEGORY_FIELDS:
        counts["category"] = _grouped(
            apply_filters(scope, filters, kind, skip={"category"}), CATEGORY_FIELDS[kind]
        )
    cache.set(key, counts, FACET_CACHE_SECONDS)
    return counts


def with_card_data(qs):
    """What a card shows, in a constant number of queries (base fields only)."""
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    return qs.select_related("enterprise").prefetch_related(
        Prefetch("image", queryset=images), "tech_fields"
    )


def _query(params, **changes):
    query = params.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


def _facet(key, label, choices, counts, selected, params):
    """A facet for the template: options with counts and the link that toggles each."""
    options = []
    for value, option_label in choices:
        count = counts.get(value, 0)
        is_selected = selected == value
        if not count and not is_selected:
            continue
        options.append(
            {
                "value": value,
                "label": option_label,
                "count": count,
                "selected": is_selected,
                "query": _query(params, **{key: None if is_selected else value}),
            }
        )
    return {"key": key, "label": label, "options": options}


def directory(request, page, *, kind_slug=None):
    """A directory page: every kind of the section, or one kind with its own facet."""
    kind = kind_of_slug(page, kind_slug) if kind_slug is not None else None
    form = DirectoryFilterForm(request.GET or None, kind=kind)
    filters = form.valid_filters()
    sort = form.chosen_sort()

    model = LISTING_MODEL_BY_KIND[kind] if kind else Listing
    qs = public_listings(page.locale, model=model)
    qs = qs.filter(kind=kind) if kind else qs.filter(kind__in=page.kinds)
    qs = apply_filters(qs, filters, kind).order_by(*SORTS[sort][1])
    items = paginate(request, with_card_data(qs))

    base_url = page.get_url(request)
    for item in items.object_list:
        item.public_url = base_url + detail_path(item)
        item.is_fallback = item.locale_id != page.locale_id
        item.deadline_label = LISTING_MODEL_BY_KIND[item.kind].valid_until_label

    counts = facet_counts(page, kind, filters)
    params = request.GET.copy()
    params.pop("page", None)
    # Switching kind keeps the common filters and drops the type's own facet.
    common = params.copy()
    for key in ("category", "stage"):
        common.pop(key, None)
    common_query = common.urlencode()
    kind_tabs = [
        {
            "label": _("全部"),
            "url": base_url + (f"?{common_query}" if common_query else ""),
            "count": sum(counts["kind"].get(k, 0) for k in page.kinds),
            "current": kind is None,
        }
    ] + [
        {
            "label": ListingKind(k).label,
            "url": base_url + KIND_SLUGS[k] + "/" + (f"?{common_query}" if common_query else ""),
            "count": counts["kind"].get(k, 0),
            "current": k == kind,
        }
        for k in page.kinds
    ]
    facets = [
        _facet(
            "status",
            _("对接状态"),
            ListingStatus.choices,
            counts["status"],
            filters.get("status"),
            params,
        )
    ]
    if "stage" in counts:
        facets.append(
            _facet(
                "stage",
                _("成熟阶段"),
                MaturityStage.choices,
                counts["stage"],
                filters.get("stage"),
                params,
            )
        )
    elif "category" in counts:
        field = form.fields["category"]
        facets.append(
            _facet(
                "category",
                field.label,
                field.choices,
                counts["category"],
                filters.get("category"),
                params,
            )
        )
    facets.append(
        _facet(
            "region", _("所在地区"), Region.choices, counts["region"], filters.get("region"), params
        )
    )
    sorts = [
        {"key": key, "label": label, "current": key == sort, "query": _query(params, sort=key)}
        for key, (label, _order) in SORTS.items()
    ]
    kind_label = ListingKind(kind).label if kind else None
    crumbs = _crumbs(request, page, kind)
    context = page.get_context(request)
    context.update(
        {
            "kind": kind,
            "kind_slug": KIND_SLUGS[kind] if kind else None,
            "kind_label": kind_label,
            "kind_tabs": kind_tabs,
            "filter_form": form,
            "filters": filters,
            "filter_labels": _filter_labels(form, filters),
            "facets": [f for f in facets if f["options"]],
            "sorts": sorts,
            "sort": sort,
            "items": items,
            "paginator_query": params.urlencode(),
            # The facet choices survive a change of field or enterprise in the form.
            "kept_params": [
                (key, params[key])
                for key in ("status", "category", "stage", "region", "sort")
                if key in params and (key == "sort" or key in filters)
            ],
            "crumbs": crumbs,
            "canonical_url": request.build_absolute_uri(
                base_url + (KIND_SLUGS[kind] + "/" if kind else "")
            ),
        }
    )
    return TemplateResponse(request, "snippets/listings/index.html", context)


def _filter_labels(form, filters):
    """Readable names of the applied filters, for the results summary."""
    labels = []
    for key, value in filters.items():
        if key in ("enterprise", "field"):
            labels.append(value.display_name)
        elif key == "stage":
            labels.append(MaturityStage(value).label)
        elif key in form.fields and hasattr(form.fields[key], "choices"):
            labels.append(dict(form.fields[key].choices).get(value, value))
    return labels


def _crumbs(request, page, kind=None, listing=None):
    """[(title, url), …] from the home page down; the last one is the current page."""
    home = page.get_parent()
    crumbs = [(_("首页"), home.get_url(request)), (page.title, page.get_url(request))]
    if kind:
        crumbs.append((ListingKind(kind).label, page.get_url(request) + KIND_SLUGS[kind] + "/"))
    if listing is not None:
        crumbs.append((listing.title, page.get_url(request) + detail_path(listing)))
    return crumbs


def find_listing(page, kind, pk):
    """The live listing of ``kind`` with ``pk``, or 404 (drafts and unknown ids alike)."""
    model = LISTING_MODEL_BY_KIND[kind]
    listing = (
        model.objects.filter(pk=pk, kind=kind, live=True)
        .select_related("enterprise", "image", "locale")
        .prefetch_related("tech_fields", "patents", "gallery__image")
        .first()
    )
    if listing is None:
        raise Http404
    return listing


def resolve_language(request, page, listing):
    """A redirect to the listing as readers of this directory's language see it, or None.

    The same listing in the other language has its own id: the directory of
    each language shows its own row. A Chinese original without a live English
    translation is shown as it is on the English site. Anything else is a 404.
    """
    if listing.locale_id == page.locale_id:
        return None
    translation = (
        type(listing)
        .objects.public(locale=page.locale)
        .filter(translation_key=listing.translation_key)
        .first()
    )
    if translation is not None:
        return HttpResponseRedirect(page.get_url(request) + detail_path(translation))
    if (
        page.locale.language_code != settings.LANGUAGE_CODE
        and listing.locale.language_code == settings.LANGUAGE_CODE
    ):
        return None  # an untranslated Chinese original on the English site
    raise Http404


def detail(request, page, *, kind_slug, pk):
    kind = kind_of_slug(page, kind_slug)
    listing = find_listing(page, kind, pk)
    redirect = resolve_language(request, page, listing)
    if redirect is not None:
        return redirect
    if listing.is_expired():
        return gone(request, page, listing)
    from snippets.views.enquiry import EnquiryForm

    form = None
    if request.GET.get("enquiry") != "sent":
        form = EnquiryForm(listing=listing)
    return render_detail(request, page, listing, form=form)


def gone(request, page, listing):
    """410: the listing was public and its validity date has passed."""
    context = page.get_context(request)
    context.update(
        {
            "listing": listing,
            "kind_label": ListingKind(listing.kind).label,
            "kind_url": page.get_url(request) + KIND_SLUGS[listing.kind] + "/",
            "crumbs": _crumbs(request, page, listing.kind),
        }
    )
    return TemplateResponse(request, "snippets/listings/gone.html", context, status=410)


def render_detail(request, page, listing, *, form=None, status=200):
    """The detail page; ``form`` is the enquiry form (None after a sent enquiry)."""
    url = request.build_absolute_uri(page.get_url(request) + detail_path(listing))
    crumbs = _crumbs(request, page, listing.kind, listing)
    image_url = None
    if listing.image is not None and listing.kind != ListingKind.EXPERT:
        image_url = request.build_absolute_uri(listing.image.get_rendition("width-1200").url)
    from pages.models import EnterprisePage

    enterprise_page = (
        EnterprisePage.objects.live()
        .public()
        .filter(enterprise_id=listing.enterprise_id, locale_id=page.locale_id)
        .first()
    )
    context = page.get_context(request)
    context.update(
        {
            "listing": listing,
            "enterprise_url": enterprise_page.get_url(request) if enterprise_page else None,
            "kind_label": ListingKind(listing.kind).label,
            "kind_url": page.get_url(request) + KIND_SLUGS[listing.kind] + "/",
            "directory_url": page.get_url(request),
            "is_fallback": listing.locale_id != page.locale_id,
            "crumbs": crumbs,
            "canonical_url": url,
            "enquiry_form": form,
            "enquiry_sent": request.GET.get("enquiry") == "sent",
            "enquiry_url": page.get_url(request) + detail_path(listing) + "enquiry/",
            "json_ld": ld_script(json_ld(listing, url=url, image_url=image_url)),
            "breadcrumb_ld": ld_script(
                breadcrumb_ld([(name, request.build_absolute_uri(u)) for name, u in crumbs])
            ),
        }
    )
    return TemplateResponse(request, "snippets/listings/detail.html", context, status=status)
