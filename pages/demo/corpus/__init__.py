"""The bilingual corpora the demo's prose is generated from.

Topics (what enterprises work on, with their facts) are combined with story
templates (``Kind``: how a news item, an achievement, an experience report, a
trend digest or a notice is written) and with an enterprise; see ``plan``.
"""

from .achievements import ACHIEVEMENT_KINDS
from .experience import EXPERIENCE_KINDS
from .news import NEWS_KINDS
from .notices import NoticeKind
from .notices_events import EVENT_NOTICES
from .notices_reporting import REPORTING_NOTICES
from .topics_energy import NEW_ENERGY_TOPICS
from .topics_grid import GRID_TOPICS
from .topics_manufacturing import MANUFACTURING_TOPICS
from .topics_materials import MATERIALS_TOPICS
from .trends import TREND_KINDS, trend_context

TOPICS = NEW_ENERGY_TOPICS + GRID_TOPICS + MANUFACTURING_TOPICS + MATERIALS_TOPICS
NOTICE_KINDS = REPORTING_NOTICES + EVENT_NOTICES

__all__ = [
    "ACHIEVEMENT_KINDS",
    "EXPERIENCE_KINDS",
    "NEWS_KINDS",
    "NOTICE_KINDS",
    "TOPICS",
    "TREND_KINDS",
    "NoticeKind",
    "trend_context",
]
