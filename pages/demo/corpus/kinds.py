"""What every story template is made of, and the pieces they share.

A ``Kind`` is one sort of story (a project passes acceptance, a lab passes its
assessment …): a title, a summary and a body function that fills a ``Doc``.
Each body draws on the topic's facts and picks among variants of its
paragraphs, so the same kind reads differently for each enterprise and topic.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ..text import ATTRIBUTIONS, CLOSINGS, QUOTES


@dataclass(frozen=True)
class Kind:
    slug: str
    title: tuple[str, str]
    summary: tuple[str, str]
    body: Callable
    area: str = ""  # ExperiencePage.management_area for experience kinds


def figure(doc):
    """The figure planned for this item, if any: an illustration of the topic."""
    if doc.figure_image:
        doc.figure(doc.figure_image, doc.figure_alt, ("{topic}主题示意图", "Illustration: {topic}"))


def table(doc, topic):
    return doc.table(("指标", "攻关前", "攻关后"), topic.rows, "{tech}主要指标对比")


def quote(doc):
    doc.quote(doc.rng.choice(QUOTES), doc.rng.choice(ATTRIBUTIONS))


def closing(doc, *, team=False):
    """A closing paragraph; ``team`` allows the one about the project team's age."""
    doc.pick_para([c for c in CLOSINGS if team or "{talents}" not in c[0]])
