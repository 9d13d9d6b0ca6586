"""Bilingual phrases and the builder of article bodies.

A phrase is a ``(Chinese, English)`` pair whose two halves take the same named
placeholders (``{e}`` the enterprise, ``{tech}`` the technology …). A
``Context`` holds the values of those placeholders in both languages, and a
``Doc`` collects StreamField blocks in Chinese while remembering the English
of every text it was given, keyed by the Chinese text exactly as
wagtail-localize segments it (a ``<p>X</p>`` paragraph is the segment ``X``).
"""

import uuid
from dataclasses import dataclass, field

Bi = tuple[str, str]


def join(*phrases):
    """One paragraph made of several phrases (sentences)."""
    return "".join(p[0] for p in phrases), " ".join(p[1] for p in phrases)


def cap(text):
    """Capitalise the first letter of an English sentence or title."""
    return text[:1].upper() + text[1:] if text else text


@dataclass(frozen=True)
class Topic:
    """One line of S&T work, with the facts that articles about it draw on.

    ``tech``, ``challenge``, ``scene``, ``lab`` and ``project`` are noun
    phrases; ``result`` is a clause (English in the past tense) that reads
    after "测试结果表明，" / "Tests showed that".
    """

    slug: str
    name: Bi
    fields: tuple[str, ...]
    owners: tuple[str, ...]
    tags: tuple[str, ...]
    tech: Bi
    challenge: Bi
    result: Bi
    scene: Bi
    lab: Bi
    project: Bi
    rows: tuple[tuple[str, str, str], ...]
    trend_domestic: tuple[Bi, Bi]
    trend_foreign: tuple[Bi, Bi]


@dataclass
class Context:
    """Values of the placeholders in both languages."""

    zh: dict = field(default_factory=dict)
    en: dict = field(default_factory=dict)

    def set(self, **pairs):
        for key, value in pairs.items():
            if isinstance(value, tuple):
                self.zh[key], self.en[key] = value
            else:
                self.zh[key] = self.en[key] = str(value)
        return self

    def fill(self, phrase):
        zh, en = phrase
        return zh.format(**self.zh), cap(en.format(**self.en))

    @classmethod
    def for_topic(cls, topic):
        ctx = cls()
        ctx.set(
            topic=topic.name,
            tech=topic.tech,
            challenge=topic.challenge,
            result=topic.result,
            scene=topic.scene,
            lab=topic.lab,
            project=topic.project,
        )
        return ctx


class Doc:
    """StreamField blocks in Chinese plus the English of each translatable text.

    ``translatable`` documents leave out tables: wagtail-localize does not
    segment TableBlock, so a table would stay Chinese on the English page.
    Figures refer to images by their title; ``raw()`` resolves them to ids.
    """

    def __init__(self, rng, ctx, *, translatable=False):
        self.rng = rng
        self.ctx = ctx
        self.translatable = translatable
        self.blocks = []
        self.strings = {}
        # Set by the plan: the illustration of this item and its alt text.
        self.figure_image = None
        self.figure_alt = None

    def _add(self, block_type, value):
        block_id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        self.blocks.append((block_type, value, block_id))

    def text(self, phrase):
        """Fill ``phrase``, remember its English, return the Chinese."""
        zh, en = self.ctx.fill(phrase)
        self.strings[zh] = en
        return zh

    def para(self, phrase):
        self._add("paragraph", f"<p>{self.text(phrase)}</p>")

    def pick_para(self, phrases):
        self.para(self.rng.choice(phrases))

    def heading(self, phrase, level="h2"):
        self._add("heading", {"text": self.text(phrase), "level": level})

    def quote(self, text, attribution):
        self._add("quote", {"text": self.text(text), "attribution": self.text(attribution)})

    def figure(self, image_title, alt, caption):
        value = {
            "image": {"image": image_title, "alt_text": self.text(alt), "decorative": False},
            "caption": self.text(caption),
        }
        self._add("figure", value)

    def table(self, header, rows, caption):
        """Add a data table unless the document is to be translated."""
        if self.translatable:
            return False
        value = {
            "data": [list(header)] + [list(row) for row in rows],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption.format(**self.ctx.zh),
        }
        self._add("table", value)
        return True

    def raw(self, image_ids):
        """StreamField raw data, with image titles replaced by image ids."""
        data = []
        for block_type, value, block_id in self.blocks:
            if block_type == "figure":
                image = dict(value["image"], image=image_ids[value["image"]["image"]])
                value = dict(value, image=image)
            data.append({"type": block_type, "value": value, "id": block_id})
        return data


# --- Shared sentence pools --------------------------------------------------

CLOSINGS = [
    (
        "下一步，{e}将持续加大{topic}领域研发投入，推动相关成果在更大范围推广应用。",
        "Next, {e} will keep increasing its research spending on {topic} and bring "
        "the results into wider use.",
    ),
    (
        "{e}相关负责人表示，将以此为契机，进一步完善产学研用协同机制，加快关键核心技术攻关。",
        "A senior manager at {e} said the company would build on this to strengthen "
        "cooperation with universities, institutes and users and speed up work on key "
        "core technologies.",
    ),
    (
        "这一成果为{group}在{topic}领域构建自主可控的技术体系奠定了基础。",
        "The result lays a foundation for {group} to build a self-reliant technology "
        "system in {topic}.",
    ),
    (
        "据介绍，项目团队平均年龄不到35岁，已有{talents}人入选各级科技人才计划。",
        "The project team has an average age under 35, and {talents} of its members "
        "have been selected for talent programmes at various levels.",
    ),
    (
        "{e}将以应用为牵引，联合上下游企业开展工程验证，推动形成可复制、可推广的解决方案。",
        "Guided by applications, {e} will carry out engineering trials with upstream "
        "and downstream partners to arrive at solutions others can adopt.",
    ),
]

QUOTES = [
    (
        "关键核心技术是要不来、买不来、讨不来的，必须依靠自主创新。",
        "Key core technologies cannot be begged, bought or borrowed; they must come "
        "from our own innovation.",
    ),
    (
        "把实验室里的成果变成生产线上的产品，才是科技创新的最后一公里。",
        "Turning laboratory results into products on the production line is the last "
        "mile of innovation.",
    ),
    (
        "我们既要敢于啃硬骨头，也要善于把技术优势转化为产业优势。",
        "We must dare to tackle the hardest problems and know how to turn technical "
        "strength into industrial strength.",
    ),
    (
        "标准先行、应用牵引，是新技术走向规模化的必由之路。",
        "Standards first and applications in the lead: that is how a new technology reaches scale.",
    ),
]

ATTRIBUTIONS = [
    ("{e}首席专家{person}", "{person}, chief expert at {e}"),
    ("{e}科技管理部负责人", "Head of Science and Technology Management, {e}"),
    ("项目负责人{person}", "{person}, project leader"),
    ("{e}总工程师{person}", "{person}, chief engineer of {e}"),
]

# Fictional people: (Chinese name, name in pinyin).
PEOPLE = [
    ("王立新", "Wang Lixin"),
    ("李文涛", "Li Wentao"),
    ("张慧敏", "Zhang Huimin"),
    ("刘志远", "Liu Zhiyuan"),
    ("陈思源", "Chen Siyuan"),
    ("杨海峰", "Yang Haifeng"),
    ("赵雪梅", "Zhao Xuemei"),
    ("黄建华", "Huang Jianhua"),
    ("周晓东", "Zhou Xiaodong"),
    ("吴佳宁", "Wu Jianing"),
    ("徐国栋", "Xu Guodong"),
    ("孙丽娟", "Sun Lijuan"),
]

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date_context(ctx, day):
    """``{year}``, ``{month}``, ``{day}`` and ``{date}`` of an event on ``day``."""
    ctx.set(
        year=day.year,
        month=(str(day.month), MONTHS_EN[day.month - 1]),
        day=day.day,
        date=(f"{day.month}月{day.day}日", f"{day.day} {MONTHS_EN[day.month - 1]}"),
    )
    return ctx
