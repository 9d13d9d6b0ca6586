"""Templates of 通知公告 (regulator notices) and their attachments.

Notices follow the shape of an official document: the addressees, the purpose
("现将有关事项通知如下"), numbered sections, and the deadline and contact.
Each kind also names its attachments: a PDF (instructions, agenda …) and,
where enterprises must reply, a CSV form (回执表) to fill in.
"""

from dataclasses import dataclass

from ..text import join
from .kinds import Kind


@dataclass(frozen=True)
class Attachment:
    name: tuple[str, str]
    fmt: str  # "pdf" or "csv"
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeKind:
    kind: Kind
    office: str  # key of reference.OFFICES
    deadline_days: int | None
    targets: str  # "all", "some" (one or both groups) or "any"
    attachments: tuple[Attachment, ...]


def attach_pdf(zh, en):
    return Attachment((zh, en), "pdf")


def attach_csv(zh, en, *columns):
    return Attachment((zh, en), "csv", columns)


SALUTATION = ("各有关集团公司：", "To the group companies concerned:")
CONTACT = (
    "联系人：{contact}，电子邮箱：platform@example.com。",
    "Contact: {contact}, platform@example.com.",
)
DEADLINE = (
    "请于{deadline}前通过本平台报送。",
    "Please submit through this platform by {deadline}.",
)


def _notice_body(purpose, sections):
    """Salutation and purpose, then (heading, paragraph) sections, then deadline and contact."""

    def body(doc, topic):
        doc.para(join(SALUTATION, purpose))
        for heading, paragraph in sections:
            doc.heading(heading)
            doc.para(paragraph)
        if "deadline" in doc.ctx.zh:
            doc.para(join(DEADLINE, CONTACT))
        else:
            doc.para(CONTACT)

    return body


def notice_kind(slug, title, summary, purpose, *sections):
    return Kind(slug, title, summary, _notice_body(purpose, sections))
