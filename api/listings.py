"""The resource listings: read (anyone) and write (an editor's bearer token).

Reading: ``Listing.objects.public()`` through the directory's own
``public_listings`` and ``apply_filters`` (``snippets/views/public.py``), so the
API lists what ``/resources/`` and ``/supply-demand/`` list, with the same
filters and sorting; a detail is served only for a live listing, and one past
its validity date answers 410 as its page does.

Writing: exactly the admin's rules. The listing is looked up among
``visible_listings(user)`` (another enterprise's listing is a 404, as on every
admin path); the admin's form for the user (``for_user``: only the user's own
enterprises, the secrecy declaration required on submitting, the model's
``clean``) validates the body; Wagtail's create and edit actions save it as a
draft under ``ListingPermissionPolicy``; ``submit_for_review`` starts 集团审核.
Nothing is published through the API.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate
from wagtail.actions import action_registry
from wagtail.actions.create import CreatePermissionError
from wagtail.actions.edit import EditPermissionError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Locale, WorkflowState
from wagtail.utils.forms import FormValidationError

from pages.models.directory import directories_for
from snippets.display import public_rows
from snippets.models import (
    LISTING_MODEL_BY_KIND,
    Enterprise,
    Listing,
    ListingKind,
    TechField,
)
from snippets.views.public import KIND_SLUGS, SORTS, apply_filters, detail_path, public_listings
from workflows.listing_policy import visible_listings
from workflows.listing_review import admin_edit_path
from workflows.submission import submit_for_review

from .errors import problem, validation_error
from .pages import PUBLISH_REFUSED
from .schemas import (
    DETAIL_SCHEMAS,
    WRITE_SCHEMAS,
    AllListingFilters,
    ListingSummary,
    ListingWriteResult,
    SubmitIn,
    form_class_for,
    kind_filters_schema,
    writable_field_names,
)

router = Router(tags=["listings"])
READ_AUTH = [BearerTokenAuth(), AllowAnonymous()]
ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 410, 422), ProblemDetail)


# -- reading ------------------------------------------------------------------------


class Serialized:
    """A queryset whose slices come out as dicts (Ninja's paginator slices, then validates)."""

    def __init__(self, queryset, to_dict):
        self.queryset = queryset
        self.to_dict = to_dict

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, index):
        rows = self.queryset[index]
        return [self.to_dict(row) for row in rows]


class Reader:
    """What one request needs to render listings: its locale and the directory URLs."""

    def __init__(self, request, language_code=None):
        self.request = request
        code = language_code or settings.LANGUAGE_CODE
        try:
            self.locale = Locale.objects.get(language_code=code)
        except Locale.DoesNotExist as e:
            raise validation_error(
                _("不支持的语言：%(code)s") % {"code": code}, loc=("query", "locale")
            ) from e
        self.directory_urls = {
            kind: url for _title, url, kinds in directories_for(self.locale.pk) for kind in kinds
        }

    def html_url(self, listing):
        base = self.directory_urls.get(listing.kind)
        if not base:
            return None
        return self.request.build_absolute_uri(base + detail_path(listing))

    def api_url(self, listing):
        return self.request.build_absolute_uri(
            f"/api/v3/listings/{KIND_SLUGS[listing.kind]}/{listing.pk}/"
        )

    def summary(self, listing):
        enterprise = listing.enterprise
        return {
            "id": listing.pk,
            "kind": {"code": listing.kind, "label": str(ListingKind(listing.kind).label)},
            "title": listing.title,
            "summary": listing.summary,
            "enterprise": {
                "id": enterprise.pk,
                "code": enterprise.code,
                "name": enterprise.display_name,
                "short_name": enterprise.display_short_name,
            },
            "tech_fields": [
                {"slug": f.slug, "name": f.display_name} for f in listing.tech_fields.all()
            ],
            "region": {"code": listing.region, "label": str(listing.get_region_display())},
            "status": {"code": listing.status, "label": str(listing.get_status_display())},
            "valid_until": listing.valid_until,
            "first_published_at": listing.first_published_at,
            "last_published_at": listing.last_published_at,
            "locale": listing.locale.language_code,
            "html_url": self.html_url(listing),
            "detail_url": self.api_url(listing),
        }

    def detail(self, listing):
        data = self.summary(listing)
        facts, texts = public_rows(listing)
        data["display"] = [
            {
                "name": row["name"],
                "label": str(row["label"]),
                "value": [str(v) for v in row["value"]]
                if isinstance(row["value"], (list, tuple))
                else str(row["value"]),
            }
            for row in facts + texts
        ]
        from snippets.display import PUBLIC_FIELDS

        fields = {}
        for name in PUBLIC_FIELDS[listing.kind]:
            value = getattr(listing, name)
            fields[name] = None if value == "" else value
        data["fields"] = fields
        data["contact"] = None
        if listing.contact_shown:
            data["contact"] = {
                "name": listing.contact_name,
                "phone": listing.contact_phone or None,
                "email": listing.contact_email or None,
            }
        data["image_url"] = None
        if listing.image is not None and listing.kind != ListingKind.EXPERT:
            data["image_url"] = self.request.build_absolute_uri(
                listing.image.get_rendition("width-1200").url
            )
        if listing.kind in (ListingKind.RESULT, ListingKind.TRANSFER):
            data["patents"] = [
                {
                    "number": p.number,
                    "name": p.name,
                    "patent_type": {"code": p.patent_type, "label": p.get_patent_type_display()},
                    "patent_status": {
                        "code": p.patent_status,
                        "label": p.get_patent_status_display(),
                    },
                }
                for p in listing.patents.all()
            ]
        return data


def _filter_values(filters, kind):
    """The directory's filter dict from the query: enterprise and field looked up, unknown ones refused."""
    values = {}
    if filters.enterprise:
        enterprise = Enterprise.objects.filter(code=filters.enterprise).first()
        if enterprise is None:
            raise validation_error(
                _("没有代码为“%(code)s”的企业。") % {"code": filters.enterprise},
                loc=("query", "enterprise"),
            )
        values["enterprise"] = enterprise
    if filters.field:
        field = TechField.objects.filter(slug=filters.field).first()
        if field is None:
            raise validation_error(
                _("没有名为“%(slug)s”的技术领域。") % {"slug": filters.field},
                loc=("query", "field"),
            )
        values["field"] = field
    for key in ("region", "status", "category", "stage"):
        value = getattr(filters, key, None)
        if value:
            values[key] = value
    return values


def _listed(queryset):
    return queryset.select_related("enterprise", "locale").prefetch_related("tech_fields")


@router.get(
    "/",
    response=list[ListingSummary],
    auth=READ_AUTH,
    url_name="listings_list",
    summary="List public listings of every type",
    operation_id="listings_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_listings(request, filters: AllListingFilters = Query(...), **kwargs):  # noqa: B008
    reader = Reader(request, filters.locale)
    queryset = public_listings(reader.locale)
    if filters.kind:
        queryset = queryset.filter(kind__in=filters.kind)
    queryset = apply_filters(queryset, _filter_values(filters, None), None)
    queryset = _listed(queryset.order_by(*SORTS[filters.sort][1]))
    return Serialized(queryset, reader.summary)


def _register_kind(kind, model):
    slug = KIND_SLUGS[kind]
    filters_schema = kind_filters_schema(kind)
    detail_schema = DETAIL_SCHEMAS[kind]
    write_schema = WRITE_SCHEMAS[kind]
    label = model._meta.verbose_name

    @router.get(
        f"/{slug}/",
        response=list[ListingSummary],
        auth=READ_AUTH,
        url_name=f"listings_{slug}_list",
        summary=f"List public {slug} ({label})",
        operation_id=f"listings_{slug}_list",
    )
    @paginate(WagtailLimitOffsetPagination)
    def list_kind(request, filters: filters_schema = Query(...), **kwargs):  # noqa: B008
        reader = Reader(request, filters.locale)
        queryset = public_listings(reader.locale, model=model).filter(kind=kind)
        queryset = apply_filters(queryset, _filter_values(filters, kind), kind)
        queryset = _listed(queryset.order_by(*SORTS[filters.sort][1]))
        return Serialized(queryset, reader.summary)

    @router.get(
        f"/{slug}/{{listing_id}}/",
        response={200: detail_schema, **ERRORS},
        auth=READ_AUTH,
        url_name=f"listings_{slug}_detail",
        summary=f"A public {slug[:-1]} ({label})",
        operation_id=f"listings_{slug}_detail",
    )
    def detail(request, listing_id: int):
        listing = (
            model.objects.filter(pk=listing_id, kind=kind, live=True)
            .select_related("enterprise", "locale", "image")
            .prefetch_related("tech_fields", "patents")
            .first()
        )
        if listing is None:
            raise Http404(_("没有这条公开的资源信息。"))
        if listing.is_expired():
            return problem(410, _("这条信息已过有效期，不再公开。"))
        return Reader(request, listing.locale.language_code).detail(listing)

    @router.post(
        f"/{slug}/",
        response={201: ListingWriteResult, **ERRORS},
        auth=BearerTokenAuth(),
        url_name=f"listings_{slug}_create",
        summary=f"Create a draft {slug[:-1]} ({label}) of one's own enterprise",
        operation_id=f"listings_{slug}_create",
    )
    def create(request, data: write_schema):
        listing = save_listing(request.user, model, None, data)
        return Status(201, write_result(listing))

    @router.patch(
        f"/{slug}/{{listing_id}}/",
        response={200: ListingWriteResult, **ERRORS},
        auth=BearerTokenAuth(),
        url_name=f"listings_{slug}_update",
        summary=f"Update the draft of a {slug[:-1]} ({label}); fields left out keep their value",
        operation_id=f"listings_{slug}_update",
    )
    def update(request, listing_id: int, data: write_schema):
        listing = writable_listing(request.user, model, listing_id)
        listing = save_listing(request.user, model, listing, data)
        return write_result(listing)

    @router.post(
        f"/{slug}/{{listing_id}}/actions/submit/",
        response={200: ListingWriteResult, **ERRORS},
        auth=BearerTokenAuth(),
        url_name=f"listings_{slug}_submit",
        summary=f"Submit a {slug[:-1]} ({label}) for review (集团审核 → 保密审查)",
        operation_id=f"listings_{slug}_submit",
    )
    def submit(request, listing_id: int, data: SubmitIn):
        listing = writable_listing(request.user, model, listing_id)
        body = write_schema.model_validate(
            {"meta": {"action": "submit", "secrecy_declaration": data.secrecy_declaration}}
        )
        listing = save_listing(request.user, model, listing, body)
        return write_result(listing)


# -- writing ------------------------------------------------------------------------

NOT_YOURS = "没有这条资源信息，或您无权访问。"


def writable_listing(user, model, pk):
    """The listing as the admin finds it for ``user``: outside their listings it does not exist."""
    listing = visible_listings(user, model).filter(pk=pk).select_related("enterprise").first()
    if listing is None:
        raise Http404(_(NOT_YOURS))
    return listing


def _form_values(form):
    """The form as the editor's browser would post it unchanged (fields and inline formsets)."""
    data = {}

    def add(bound_form):
        for field in bound_form:
            if field.field.disabled:
                continue
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [str(v) for v in value]
            elif value is not None:
                data[field.html_name] = str(value)

    add(form)
    for formset in getattr(form, "formsets", {}).values():
        for field in formset.management_form:
            data[field.html_name] = str(field.value())
        for subform in formset.forms:
            add(subform)
    return data


def _encode(name, value):
    """One JSON value as the admin form posts it."""
    if name == "enterprise":
        enterprise = Enterprise.objects.filter(code=value).first()
        if enterprise is None:
            raise validation_error(
                _("没有代码为“%(code)s”的企业。") % {"code": value}, loc=("body", "data", name)
            )
        return str(enterprise.pk)
    if name == "tech_fields":
        slugs = list(dict.fromkeys(value))
        found = dict(TechField.objects.filter(slug__in=slugs).values_list("slug", "pk"))
        unknown = [s for s in slugs if s not in found]
        if unknown:
            raise validation_error(
                _("没有这些技术领域：%(slugs)s") % {"slugs": "、".join(unknown)},
                loc=("body", "data", name),
            )
        return [str(found[s]) for s in slugs]
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list):
        return [str(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _replace_patents(data, form, patents):
    formset = form.formsets["patents"]
    prefix = formset.prefix
    existing = len(formset.forms)
    for i in range(existing):
        data[f"{prefix}-{i}-DELETE"] = "on"
    for j, patent in enumerate(patents):
        i = existing + j
        for part, value in patent.model_dump().items():
            data[f"{prefix}-{i}-{part}"] = str(value)
        data[f"{prefix}-{i}-ORDER"] = str(j + 1)
    data[f"{prefix}-TOTAL_FORMS"] = str(existing + len(patents))


def build_form(user, model, instance, body):
    """The admin form bound to ``body`` over the instance's current values.

    A new listing starts from what the editor's empty form posts: the model's
    defaults (有效期至 a year from today, 可对接 …) and, where the user writes
    for one enterprise only, that enterprise, as the form preselects it.
    """
    form_class = form_class_for(model)
    current = form_class(instance=instance, for_user=user)
    data = _form_values(current)
    enterprise_field = current.fields.get("enterprise")
    if instance.pk is None and enterprise_field is not None and enterprise_field.initial:
        data["enterprise"] = str(enterprise_field.initial)
    given = body.model_dump(exclude_unset=True, exclude={"meta", "patents"})
    for name in writable_field_names(model):
        if name not in given:
            continue
        value = given[name]
        encoded = None if value is None else _encode(name, value)
        if encoded is None or encoded == []:
            data.pop(name, None)
        else:
            data[name] = encoded
    patents = getattr(body, "patents", None)
    if patents is not None and "patents" in current.formsets:
        _replace_patents(data, current, patents)
    meta = body.meta
    if meta.action == "submit":
        data["action-submit"] = "1"
        if meta.secrecy_declaration:
            data["secrecy_declaration"] = "on"
    return form_class(data, instance=instance, for_user=user)


def save_listing(user, model, listing, body):
    """Create or update a draft with the admin's form and actions; submit it if asked."""
    action = body.meta.action
    if action == "publish":
        raise PermissionDenied(_(PUBLISH_REFUSED))
    if listing is not None and action == "submit":
        state = listing.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            raise _Conflict(_("这条资源信息已在审核中。"))
    if listing is None:
        instance = model(locale=Locale.get_default(), owner=user)
    else:
        instance = listing.get_latest_revision_as_object()
    form = build_form(user, model, instance, body)
    if action == "submit" and not form.is_valid():
        # Submitting validates every field, as the editor's 提交审核 does.
        raise FormValidationError.from_form(form)
    with transaction.atomic():
        try:
            if listing is None:
                action_class = action_registry.get_action_class(model, "create")
                saved = action_class(form.instance, user=user, form=form).execute()
            else:
                action_class = action_registry.get_action_class(model, "edit")
                saved = action_class(form.instance, user=user, form=form).execute()
        except CreatePermissionError as e:
            raise PermissionDenied(_("您没有创建这类资源信息的权限。")) from e
        except EditPermissionError as e:
            if "locked" in str(e):
                raise _Conflict(_("这条资源信息已锁定（可能正在审核中），暂不能修改。")) from e
            raise PermissionDenied(_("您没有修改这条资源信息的权限。")) from e
        saved = model.objects.select_related("enterprise").get(pk=saved.pk)
        if action == "submit":
            submit_for_review([saved], user)
    return saved


class _Conflict(Exception):
    def __init__(self, message):
        super().__init__(str(message))


def write_result(listing):
    state = listing.current_workflow_state
    path = admin_edit_path(listing)
    return {
        "id": listing.pk,
        "kind": listing.kind,
        "title": listing.get_latest_revision_as_object().title,
        "enterprise": listing.enterprise.code,
        "live": listing.live,
        "has_unpublished_changes": listing.has_unpublished_changes,
        "review_status": state.status if state is not None else None,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else None,
    }


def register_conflict_handler(api):
    @api.exception_handler(_Conflict)
    def conflict(request, exc):
        return problem(409, str(exc))


for _kind, _model in LISTING_MODEL_BY_KIND.items():
    _register_kind(_kind, _model)

__all__ = ["Listing", "register_conflict_handler", "router"]
