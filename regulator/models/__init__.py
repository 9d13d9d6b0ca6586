"""Models of the regulator's work, one module per part of issue #6."""

from .contacts import Contact, ContactChange, ContactRegistration
from .notices import NoticeAcknowledgement
from .participation import ParticipationWeights
from .survey import (
    Indicator,
    RankingRelease,
    SurveyReport,
    SurveyReportEvent,
    SurveyValue,
    SurveyYear,
)

__all__ = [
    "Contact",
    "ContactChange",
    "ContactRegistration",
    "Indicator",
    "NoticeAcknowledgement",
    "ParticipationWeights",
    "RankingRelease",
    "SurveyReport",
    "SurveyReportEvent",
    "SurveyValue",
    "SurveyYear",
]
