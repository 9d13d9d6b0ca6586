"""What the demo contains: every item, where it goes, when, and in which state.

The plan is a pure function of its arguments (no database), seeded per
stream, so two runs produce the same items with the same natural keys (slug
under the parent page). Item *i* of a stream never depends on how many items
follow it, so ``--items-per-stream 3`` loads a prefix of the full set and a
later full run adds the rest. Drafts are planned first, from their own seed,
so they never change what the live items are.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.utils import timezone

from . import accounts
from .corpus import (
    ACHIEVEMENT_KINDS,
    EXPERIENCE_KINDS,
    NEWS_KINDS,
    NOTICE_KINDS,
    TOPICS,
    TREND_KINDS,
    trend_context,
)
from .images import covers_by_field
from .reference import (
    AWARDS,
    ENTERPRISE_BY_CODE,
    ENTERPRISE_CODES,
    OFFICES,
    PARTNERS,
    TECH_FIELDS,
    TREND_SOURCES,
)
from .text import MONTHS_EN, PEOPLE, Context, Doc, date_context

STREAMS = ("news", "achievements", "experience", "trends", "notices")
ENTERPRISE_STREAMS = ("news", "achievements", "experience")
TRANSLATED_PER_STREAM = 10
DRAFT_STREAMS = ("news", "achievements", "experience", "news")  # 4 drafts per enterprise
FIRST_DAY = datetime.date(2023, 1, 6)
LAST_DAY = datetime.date(2026, 11, 20)
GOLDEN = 0.6180339887498949
CITIES = [
    ("北京", "Beijing"),
    ("上海", "Shanghai"),
    ("武汉", "Wuhan"),
    ("成都", "Chengdu"),
    ("西安", "Xi'an"),
    ("深圳", "Shenzhen"),
    ("天津", "Tianjin"),
]
FIELD_NAMES = {slug: (zh, en.lower()) for slug, zh, en, _d in TECH_FIELDS}
NOTICE_TAGS = {
    "survey": ("科技统计", "调查"),
    "platform-reporting": ("平台建设", "信息报送"),
    "patents": ("知识产权", "专利"),
    "achievements-call": ("科技成果", "征集"),
    "confidentiality": ("保密审查", "信息报送"),
    "forum": ("会议", "科技创新"),
    "reporting-bulletin": ("平台建设", "通报"),
    "training": ("培训", "平台建设"),
    "programme": ("科技专项", "项目申报"),
    "contacts": ("联系表", "平台建设"),
}


@dataclass
class Item:
    stream: str
    parent: str  # enterprise code, or "trends" / "notices" for the section pages
    slug: str
    title: str
    summary: str
    doc: Doc
    published_at: datetime.datetime | None  # None: a draft, never published
    translate: bool = False
    tags: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    cover: str | None = None  # image title
    owner: str = ""
    publisher: str = ""
    extra: dict = field(default_factory=dict)  # stream-specific model fields
    targets: list = field(default_factory=list)  # notice addressees (group codes)
    attachments: list = field(default_factory=list)  # (Attachment, title, document title)

    @property
    def strings(self):
        return self.doc.strings


def publication_time(stream_index, i):
    """A publication time for item ``i``; any prefix of the sequence is spread evenly.

    A golden-ratio sequence spreads items over 2023-01 … 2026-11 however many
    there are. It does not depend on today's date, so the plan (and its
    natural keys) is the same whenever it runs; the loader never publishes in
    the future (see ``DemoLoader._create``).
    """
    span = (LAST_DAY - FIRST_DAY).days
    frac = ((i + 1) * GOLDEN + stream_index * 0.137) % 1
    day = FIRST_DAY + datetime.timedelta(days=int(frac * span))
    hour, minute = 8 + (i * 7) % 10, (i * 17 + stream_index * 11) % 60
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, minute))


def _context(rng, topic, day, code=None):
    ctx = Context.for_topic(topic) if topic else Context()
    if code:
        spec = ENTERPRISE_BY_CODE[code]
        group = ENTERPRISE_BY_CODE[spec.parent or code]
        ctx.set(
            e=(spec.short_name, spec.short_name_en),
            ent=(spec.name, spec.name_en),
            group=(group.short_name, group.short_name_en),
        )
    value = rng.randint(3, 30)
    value_en = f"{value / 10:g} billion yuan" if value >= 10 else f"{value * 100} million yuan"
    ctx.set(
        partner=rng.choice(PARTNERS),
        person=rng.choice(PEOPLE),
        city=rng.choice(CITIES),
        patents=rng.randint(6, 40),
        months=rng.randint(10, 36),
        approval=rng.randint(6, 12),
        talents=rng.randint(3, 12),
        n=rng.randint(12, 60),
        experts=rng.choice((30, 40, 50, 60, 80, 100, 120)),
        equip=rng.randint(20, 120),
        standards=rng.randint(2, 9),
        pct=rng.randint(8, 35),
        quota=rng.randint(3, 5),
        ratio=f"{rng.uniform(2.5, 4.8):.1f}",
        value=(f"{value}亿元", value_en),
        award_year=day.year - 1,
        prev=day.year - 1,
    )
    return date_context(ctx, day)


def _pick(rng, kinds, topics, used):
    """A (kind, topic) pair not used yet under this parent; any pair once all are used."""
    pairs = [(k, t) for k in kinds for t in topics]
    fresh = [p for p in pairs if (p[0].slug, p[1].slug) not in used]
    kind, topic = rng.choice(fresh or pairs)
    return kind, topic


def _slug(base, used_slugs):
    slug, n = base, 2
    while slug in used_slugs:
        slug, n = f"{base}-{n}", n + 1
    used_slugs.add(slug)
    return slug


class Planner:
    """Plans items in order, remembering what each parent already has."""

    def __init__(self):
        self.used = {}  # parent -> set of (kind slug, topic slug)
        self.slugs = {}  # parent -> set of slugs
        self.covers = covers_by_field()

    def _visuals(self, item, rng, topic_fields, cover_rate):
        covers = self.covers[topic_fields[0]]
        if rng.random() < cover_rate:
            item.cover = rng.choice(covers).title
        if rng.random() < 0.6:
            figure = rng.choice(covers)
            item.doc.figure_image, item.doc.figure_alt = figure.title, figure.alt

    def article(self, stream, code, i, published_at, *, translate, prefix=""):
        """A news, achievement or experience item of enterprise ``code``."""
        kinds = {
            "news": NEWS_KINDS,
            "achievements": ACHIEVEMENT_KINDS,
            "experience": EXPERIENCE_KINDS,
        }[stream]
        rng = random.Random(f"{stream}:{code}:{prefix}{i}")
        used = self.used.setdefault(code, set())
        topics = [t for t in TOPICS if code in t.owners]
        kind, topic = _pick(rng, kinds, topics, used)
        used.add((kind.slug, topic.slug))
        day = timezone.localtime(published_at).date() if published_at else LAST_DAY
        ctx = _context(rng, topic, day - datetime.timedelta(days=rng.randint(1, 6)), code)
        extra = {}
        if stream == "achievements":
            level = rng.choice(("national", "national", "provincial", "industry", "enterprise"))
            if kind.slug != "award" and rng.random() < 0.35:
                level = "none"
            award = ("", "")
            if level != "none":
                zh, en = rng.choice(AWARDS[level])
                award = (zh.format(group=ctx.zh["group"]), en.format(group=ctx.en["group"]))
            ctx.set(award=award)
            extra["award_level"] = level
        elif stream == "experience":
            extra["management_area"] = kind.area
        item = self._item(stream, code, kind, topic, ctx, rng, published_at, translate, prefix)
        if stream == "achievements":
            item.extra = dict(extra, project=item.doc.text(topic.project))
            if extra["award_level"] != "none":
                award = item.doc.text(("{award}", "{award}"))
                # On its own, the award's name goes without the article it has in sentences.
                item.doc.strings[award] = item.doc.strings[award].removeprefix("The ")
                item.extra["award"] = award
        else:
            item.extra = extra
        parent = ENTERPRISE_BY_CODE[code].parent
        item.owner, item.publisher = accounts.editor_of(code), accounts.reviewer_of(code, parent)
        self._visuals(item, rng, item.fields, 0.85)
        return item, kind, topic

    def _item(self, stream, parent, kind, topic, ctx, rng, published_at, translate, prefix):
        doc = Doc(rng, ctx, translatable=translate)
        title, summary = doc.text(kind.title), doc.text(kind.summary)
        slug = _slug(
            f"{prefix}{topic.slug if topic else stream}-{kind.slug}",
            self.slugs.setdefault(parent, set()),
        )
        item = Item(stream, parent, slug, title, summary, doc, published_at, translate)
        if topic:
            item.tags = rng.sample(topic.tags, min(len(topic.tags), rng.randint(2, 3)))
            item.fields = list(topic.fields[: 2 if rng.random() < 0.7 else 1])
        return item

    def finish(self, item, kind, topic):
        """Write the body once the item's visuals are chosen (figures need them)."""
        kind.body(item.doc, topic)
        return item

    def trend(self, i, published_at, *, translate, prefix=""):
        rng = random.Random(f"trends:{prefix}{i}")
        used = self.used.setdefault("trends", set())
        kind, topic = _pick(rng, [k for k, _r in TREND_KINDS], TOPICS, used)
        used.add((kind.slug, topic.slug))
        region = {k.slug: r for k, r in TREND_KINDS}[kind.slug]
        day = timezone.localtime(published_at).date() if published_at else LAST_DAY
        ctx = trend_context(_context(rng, topic, day), topic)
        item = self._item(
            "trends", "trends", kind, topic, ctx, rng, published_at, translate, prefix
        )
        source_zh, source_en, path = rng.choice(TREND_SOURCES)
        item.extra = {
            "region": region,
            "source": item.doc.text((source_zh, source_en)),
            "source_url": f"https://example.com/{path}/{day.year}/{item.slug}" if path else "",
        }
        item.owner, item.publisher = "regulator_editor", "regulator_reviewer"
        self._visuals(item, rng, item.fields, 0.8)
        return item, kind, topic

    def notice(self, i, published_at, *, translate, prefix=""):
        rng = random.Random(f"notices:{prefix}{i}")
        moment = published_at or timezone.make_aware(
            datetime.datetime.combine(LAST_DAY, datetime.time(9))
        )
        issued = timezone.localtime(moment).date() - datetime.timedelta(days=rng.randint(0, 3))
        used = self.used.setdefault("notices", set())
        fresh = [n for n in NOTICE_KINDS if (n.kind.slug, str(issued.year)) not in used]
        notice = fresh[i % len(fresh)] if fresh else NOTICE_KINDS[i % len(NOTICE_KINDS)]
        used.add((notice.kind.slug, str(issued.year)))
        ctx = _context(rng, None, issued)
        fields = rng.sample([f for f, _zh, _en, _d in TECH_FIELDS], 2)
        ctx.set(
            focus=(
                f"{FIELD_NAMES[fields[0]][0]}、{FIELD_NAMES[fields[1]][0]}",
                f"{FIELD_NAMES[fields[0]][1]} and {FIELD_NAMES[fields[1]][1]}",
            ),
            contact=rng.choice(PEOPLE),
        )
        meeting = issued + datetime.timedelta(days=rng.randint(20, 40))
        ctx.set(meeting=_long_date(meeting))
        deadline = None
        if notice.deadline_days:
            deadline = issued + datetime.timedelta(days=notice.deadline_days)
            ctx.set(deadline=_long_date(deadline))
        doc = Doc(rng, ctx, translatable=translate)
        item = Item(
            "notices",
            "notices",
            "",
            doc.text(notice.kind.title),
            doc.text(notice.kind.summary),
            doc,
            published_at,
            translate,
        )
        item.slug = _slug(
            f"{prefix}{notice.kind.slug}-{issued.year}", self.slugs.setdefault("notices", set())
        )
        office_zh, office_en, prefix_no = OFFICES[notice.office]
        item.extra = {
            "doc_number": f"{prefix_no}〔{issued.year}〕{issued.timetuple().tm_yday // 4 + 1}号",
            "issuing_office": doc.text((office_zh, office_en)),
            "issued_on": issued,
            "deadline": deadline,
        }
        item.targets = _targets(rng, notice.targets)
        item.tags = list(NOTICE_TAGS[notice.kind.slug])
        item.fields = fields if notice.kind.slug == "programme" else []
        for k, attachment in enumerate(notice.attachments, start=1):
            zh, en = attachment.name
            title = doc.text((f"附件{k}：{zh}", f"Attachment {k}: {en}"))
            item.attachments.append((attachment, title, f"{item.title} 附件{k}"))
        item.owner, item.publisher = "regulator_editor", "regulator_reviewer"
        if rng.random() < 0.3:
            item.cover = rng.choice(self.covers[rng.choice(list(self.covers))]).title
        notice.kind.body(doc, None)
        return item


def _long_date(day):
    return (
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
    )


def _targets(rng, mode):
    if mode == "all" or (mode == "any" and rng.random() < 0.6):
        return []
    return rng.choice((["group-a"], ["group-b"], ["group-a", "group-b"]))


def build_plan(items_per_stream):
    """Every item of the demo: drafts first, then the live items of each stream.

    All drafts are always planned, so that the live items never depend on
    ``items_per_stream``; a small load keeps only as many drafts per
    enterprise as it has items per stream (tests stay quick).
    """
    planner = Planner()
    items = []
    drafts = min(len(DRAFT_STREAMS), items_per_stream)
    for code in ENTERPRISE_CODES:
        for k, stream in enumerate(DRAFT_STREAMS):
            item = _article(planner, stream, code, k, None, False, "draft-")
            if k < drafts:
                items.append(item)
    regulator_drafts = [
        _trend(planner, 0, None, False, "draft-"),
        planner.notice(0, None, translate=False, prefix="draft-"),
    ]
    items += regulator_drafts if drafts else []
    for s, stream in enumerate(STREAMS):
        for i in range(items_per_stream):
            published_at = publication_time(s, i)
            translate = i < TRANSLATED_PER_STREAM
            if stream in ENTERPRISE_STREAMS:
                code = ENTERPRISE_CODES[i % len(ENTERPRISE_CODES)]
                items.append(_article(planner, stream, code, i, published_at, translate))
            elif stream == "trends":
                items.append(_trend(planner, i, published_at, translate))
            else:
                items.append(planner.notice(i, published_at, translate=translate))
    return items


def _article(planner, stream, code, i, published_at, translate, prefix=""):
    item, kind, topic = planner.article(
        stream, code, i, published_at, translate=translate, prefix=prefix
    )
    return planner.finish(item, kind, topic)


def _trend(planner, i, published_at, translate, prefix=""):
    item, kind, topic = planner.trend(i, published_at, translate=translate, prefix=prefix)
    return planner.finish(item, kind, topic)
