"""What a reader sees of a listing: its public fields with labels, and its structured data.

One list of public fields per type (``PUBLIC_FIELDS``) feeds the detail page,
the admin preview and the JSON-LD, so that a 后台 field cannot reach one of
them by being forgotten in another. Contact details are added only where
``listing.contact_shown`` (never for experts, docs/resource-listings.md §1.1).
"""

import json

from django.db import models
from django.utils import formats
from django.utils.html import _json_script_escapes
from django.utils.translation import gettext_lazy as _

from .models.choices import ChoiceListField, ListingKind

# Public indicator fields of each type, in reading order. Short values go in
# the facts table, long texts (TextFields) become sections of their own.
PUBLIC_FIELDS = {
    ListingKind.INSTITUTION: [
        "institution_kind",
        "approving_authority",
        "approved_year",
        "director",
        "staff_count",
        "website",
        "research_directions",
        "facilities",
        "shared_services",
    ],
    ListingKind.EXPERT: [
        "title_level",
        "professional_title",
        "position",
        "honours",
        "service_modes",
        "expertise",
        "achievements",
    ],
    ListingKind.INSTRUMENT: [
        "instrument_category",
        "model_number",
        "manufacturer",
        "country_of_origin",
        "original_value_wan",
        "purchase_year",
        "location",
        "sharing_modes",
        "fee_mode",
        "fee_standard",
        "availability",
        "specifications",
        "functions",
    ],
    ListingKind.RESULT: [
        "result_type",
        "trl",
        "completion_year",
        "evaluation_level",
        "awards",
        "transfer_modes",
        "application",
        "advantages",
        "transfer_terms",
    ],
    ListingKind.PROJECT: [
        "funding_programme",
        "programme_name",
        "project_role",
        "project_stage",
        "start_date",
        "end_date",
        "budget_band",
        "objectives",
        "cooperation_needs",
    ],
    ListingKind.TRANSFER: [
        "transfer_modes",
        "trl",
        "price_band",
        "application",
        "advantages",
        "transfer_terms",
    ],
    ListingKind.CHALLENGE: ["cooperation_mode", "budget_band", "problem", "requirements"],
    ListingKind.JOB: [
        "job_category",
        "headcount",
        "education_required",
        "location",
        "salary",
        "duties",
        "requirements",
    ],
    ListingKind.PRODUCT: [
        "product_category",
        "model_number",
        "launch_date",
        "certifications",
        "specifications",
        "application",
        "advantages",
    ],
}
# Dates given as a month by the indicator system (“2025年6月”).
MONTH_FIELDS = {"start_date", "end_date", "launch_date"}


def _filled(value):
    if value is None:
        return False
    if isinstance(value, (str, list, tuple)):
        return bool(value)
    return True


def field_value(listing, name):
    """(display value, type) of one public field: type is text, url, list or long."""
    field = listing._meta.get_field(name)
    value = getattr(listing, name)
    if not _filled(value):
        return None, None
    if isinstance(field, ChoiceListField):
        return field.labels(value), "list"
    if field.choices:
        return getattr(listing, f"get_{name}_display")(), "text"
    if name in MONTH_FIELDS:
        return formats.date_format(value, "YEAR_MONTH_FORMAT"), "text"
    if isinstance(field, models.URLField):
        return value, "url"
    if isinstance(field, models.TextField):
        return value, "long"
    return value, "text"


def public_rows(listing):
    """(facts, texts): labelled short values and long texts of the type's public fields."""
    facts, texts = [], []
    for name in PUBLIC_FIELDS.get(listing.kind, []):
        value, kind = field_value(listing, name)
        if value is None:
            continue
        label = listing._meta.get_field(name).verbose_name
        row = {"name": name, "label": label, "value": value, "type": kind}
        (texts if kind == "long" else facts).append(row)
        if name == "trl" and listing.maturity_stage:
            # Readers think in 小试/中试/产业化; the stage is derived from the TRL.
            from .models.choices import MaturityStage

            facts.append(
                {
                    "name": "maturity_stage",
                    "label": _("成熟阶段"),
                    "value": MaturityStage(listing.maturity_stage).label,
                    "type": "text",
                }
            )
    return facts, texts


def contact_rows(listing):
    """The contact details, or nothing unless the listing shows them publicly."""
    if not listing.contact_shown:
        return []
    rows = [
        {"label": _("联系人"), "value": listing.contact_name, "type": "text"},
        {"label": _("联系电话"), "value": listing.contact_phone, "type": "tel"},
        {"label": _("电子邮箱"), "value": listing.contact_email, "type": "email"},
    ]
    return [row for row in rows if row["value"]]


# --- structured data ---------------------------------------------------------------


def _text(value):
    return str(value) if value is not None else None


def _organization(enterprise):
    if enterprise is None:
        return None
    return {"@type": "Organization", "name": enterprise.display_name}


def _place(listing, locality=None):
    address = {"@type": "PostalAddress", "addressCountry": "CN"}
    if listing.region == "99":
        address.pop("addressCountry")
    else:
        address["addressRegion"] = listing.get_region_display()
    if locality:
        address["addressLocality"] = locality
    return {"@type": "Place", "address": address}


def json_ld(listing, *, url, image_url=None):
    """schema.org data of a listing: public fields only, contact only where shown."""
    kind = listing.kind
    description = listing.summary
    organization = _organization(listing.enterprise)
    data = {"@context": "https://schema.org", "url": url}
    if kind == ListingKind.JOB:
        data.update(
            {
                "@type": "JobPosting",
                "title": listing.title,
                "description": "\n\n".join(
                    str(t) for t in (description, listing.duties, listing.requirements) if t
                ),
                "hiringOrganization": organization,
                "jobLocation": _place(listing, listing.location),
                "validThrough": listing.valid_until.isoformat(),
                "totalJobOpenings": listing.headcount,
                "educationRequirements": listing.get_education_required_display(),
                "occupationalCategory": listing.get_job_category_display(),
            }
        )
        if listing.first_published_at:
            data["datePosted"] = listing.first_published_at.date().isoformat()
    elif kind in (ListingKind.PRODUCT, ListingKind.INSTRUMENT):
        data.update({"@type": "Product", "name": listing.title, "description": description})
        if kind == ListingKind.PRODUCT:
            data["category"] = listing.get_product_category_display()
            data["brand"] = organization
            if listing.model_number:
                data["model"] = listing.model_number
        else:
            data["category"] = listing.get_instrument_category_display()
            data["model"] = listing.model_number
            data["manufacturer"] = {"@type": "Organization", "name": listing.manufacturer}
            data["countryOfOrigin"] = {
                "@type": "Country",
                "name": listing.get_country_of_origin_display(),
            }
    elif kind == ListingKind.INSTITUTION:
        data.update(
            {
                "@type": "ResearchOrganization",
                "name": listing.title,
                "description": description,
                "parentOrganization": organization,
                "location": _place(listing),
            }
        )
        if listing.website:
            data["sameAs"] = listing.website
    elif kind == ListingKind.EXPERT:
        # A person: what they know and where they work, never how to reach them.
        data.update(
            {
                "@type": "Person",
                "name": listing.title,
                "description": description,
                "worksFor": organization,
                "knowsAbout": [f.display_name for f in listing.tech_fields.all()],
            }
        )
        if listing.professional_title:
            data["jobTitle"] = listing.professional_title
    elif kind == ListingKind.CHALLENGE:
        data.update(
            {
                "@type": "Demand",
                "name": listing.title,
                "description": description,
                "validThrough": listing.valid_until.isoformat(),
                "areaServed": _place(listing),
            }
        )
    elif kind == ListingKind.TRANSFER:
        data.update(
            {
                "@type": "Offer",
                "name": listing.title,
                "description": description,
                "offeredBy": organization,
                "validThrough": listing.valid_until.isoformat(),
                "itemOffered": {"@type": "Service", "name": listing.title},
            }
        )
    else:
        data.update(
            {
                "@type": "CreativeWork",
                "name": listing.title,
                "description": description,
                "creator": organization,
                "about": [f.display_name for f in listing.tech_fields.all()],
            }
        )
    if image_url and kind != ListingKind.EXPERT:
        data["image"] = image_url
    if listing.contact_shown and kind != ListingKind.EXPERT:
        point = {"@type": "ContactPoint", "name": listing.contact_name}
        if listing.contact_phone:
            point["telephone"] = listing.contact_phone
        if listing.contact_email:
            point["email"] = listing.contact_email
        # On the organisation that answers for the listing (inside the data or not at all).
        target = data if data["@type"] == "ResearchOrganization" else organization
        if target is not None:
            target["contactPoint"] = point
    return _clean(data)


def breadcrumb_ld(crumbs):
    """BreadcrumbList of [(name, absolute url), …]."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": str(name), "item": url}
            for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _clean(value):
    """Drop empty values and turn lazy strings into text."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return _text(value)


def ld_script(data):
    """JSON for a <script type="application/ld+json">, with <, > and & escaped as in json_script."""
    return json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
