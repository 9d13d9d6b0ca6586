"""Reference data (enterprises, technical fields) and the resource listings.

The nine listing types share the concrete base ``Listing`` (listing.py); the
shareable resources are in resources.py, supply and demand in supply_demand.py.
"""

from .choices import RESOURCE_KINDS, SUPPLY_DEMAND_KINDS, ListingKind, ListingStatus, Region
from .enquiry import Enquiry
from .imports import ListingImport
from .listing import (
    Listing,
    ListingImage,
    ListingLogEntry,
    ListingPatent,
    ListingQuerySet,
    completeness_of,
    missing_fields,
)
from .reference import BilingualNameMixin, Enterprise, EnterpriseQuerySet, TechField
from .resources import Expert, Instrument, NationalInstitution, OngoingProject, ResearchResult
from .supply_demand import JobOpening, NewProduct, TechnicalChallenge, TechnologyTransfer

# In the order of the menus and the public sections.
LISTING_MODELS = [
    NationalInstitution,
    Expert,
    Instrument,
    ResearchResult,
    OngoingProject,
    TechnologyTransfer,
    TechnicalChallenge,
    JobOpening,
    NewProduct,
]
LISTING_MODEL_BY_KIND = {model.listing_kind: model for model in LISTING_MODELS}

__all__ = [
    "LISTING_MODELS",
    "LISTING_MODEL_BY_KIND",
    "RESOURCE_KINDS",
    "SUPPLY_DEMAND_KINDS",
    "BilingualNameMixin",
    "Enquiry",
    "Enterprise",
    "EnterpriseQuerySet",
    "Expert",
    "Instrument",
    "JobOpening",
    "Listing",
    "ListingImage",
    "ListingImport",
    "ListingKind",
    "ListingLogEntry",
    "ListingPatent",
    "ListingQuerySet",
    "ListingStatus",
    "NationalInstitution",
    "NewProduct",
    "OngoingProject",
    "Region",
    "ResearchResult",
    "TechField",
    "TechnicalChallenge",
    "TechnologyTransfer",
    "completeness_of",
    "missing_fields",
]
