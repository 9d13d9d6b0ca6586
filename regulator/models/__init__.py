"""Models of the regulator's work, one module per part of issue #6."""

from .contacts import Contact, ContactChange, ContactRegistration
from .notices import NoticeAcknowledgement

__all__ = ["Contact", "ContactChange", "ContactRegistration", "NoticeAcknowledgement"]
