"""Templates of 国内外技术动态 (technology trends), compiled by the regulator.

Trends are about a topic, not an enterprise: the facts come from each topic's
``trend_domestic`` / ``trend_foreign`` and the source is a fictional journal.
"""

from .kinds import Kind

DOMESTIC_POINTS = [
    (
        "从技术路线看，{tech}等方向受到普遍关注，但行业整体仍面临{challenge}等共性难题。",
        "Among technical routes, {tech} and similar directions attract wide attention, but the "
        "industry as a whole still faces {challenge}.",
    ),
    (
        "从应用场景看，{scene}是当前落地最快的领域，示范项目数量较上年明显增加。",
        "Adoption is fastest in {scene}, where the number of demonstration projects rose "
        "markedly over the previous year.",
    ),
    (
        "从政策环境看，多地出台支持{topic}发展的专项政策，在项目审批、用地和资金方面给予支持。",
        "Several regions have issued policies supporting {topic}, easing project approval, land "
        "use and financing.",
    ),
]

FOREIGN_POINTS = [
    (
        "从公开资料看，国外相关研究更加注重基础材料和核心器件，{challenge}同样是其研究重点。",
        "Public sources show research abroad putting more weight on basic materials and core "
        "components, with {challenge} also high on the agenda.",
    ),
    (
        "国外普遍采取政府资助、企业主导、高校参与相结合的研发组织模式，示范项目周期一般为三至五年。",
        "Abroad, government funding, industry leadership and university participation are "
        "usually combined, and demonstration projects typically last three to five years.",
    ),
    (
        "国外企业在{topic}领域开展了较多商业化尝试，部分示范项目已接近盈亏平衡，但规模化应用仍依赖政策支持。",
        "Companies abroad have made many commercial attempts in {topic}; some demonstrations "
        "are close to breaking even, but large-scale use still depends on public support.",
    ),
]

SUGGESTIONS = [
    (
        "建议有关企业加强{topic}领域关键核心技术攻关，积极参与标准制定，依托本平台共享试验资源和应用场景。",
        "Enterprises working in {topic} should step up research on key core technologies, take "
        "part in drafting standards, and use this platform to share test facilities and "
        "application scenarios.",
    ),
    (
        "建议有关企业密切跟踪{topic}技术和市场变化，加强产学研合作，避免低水平重复投入。",
        "Enterprises should follow technical and market changes in {topic} closely, work more "
        "with universities and institutes, and avoid duplicated low-level investment.",
    ),
    (
        "建议有关企业结合自身优势找准切入点，在{scene}等场景率先开展示范应用。",
        "Enterprises should find the entry point that suits their strengths and lead "
        "demonstrations in {scene} and similar settings.",
    ),
]

IMPLICATIONS = ("对中央企业的启示", "What it means for central enterprises")


def _points(doc, pool):
    first, second = doc.rng.sample(pool, 2)
    doc.para(first)
    doc.para(second)


def _domestic(doc, topic):
    doc.para(topic.trend_domestic[1])
    doc.heading(("主要动向", "Main developments"))
    _points(doc, DOMESTIC_POINTS)
    doc.heading(IMPLICATIONS)
    doc.pick_para(SUGGESTIONS)


def _foreign(doc, topic):
    doc.para(topic.trend_foreign[1])
    doc.heading(("主要动向", "Main developments"))
    _points(doc, FOREIGN_POINTS)
    doc.heading(IMPLICATIONS)
    doc.pick_para(SUGGESTIONS)


def _review(doc, topic):
    doc.para(
        (
            "{year}年，国内{topic}领域保持快速发展势头，技术创新和产业应用同步推进。",
            "In {year}, the {topic} sector in China kept up its rapid growth, with innovation and "
            "industrial use advancing together.",
        )
    )
    doc.heading(("技术进展", "Technical progress"))
    doc.para(topic.trend_domestic[1])
    doc.pick_para(DOMESTIC_POINTS)
    doc.heading(("发展展望", "Outlook"))
    doc.pick_para(SUGGESTIONS)


def _digest(doc, topic):
    doc.para(topic.trend_foreign[1])
    doc.pick_para(FOREIGN_POINTS)
    doc.heading(("编者按", "Editor's note"))
    doc.para(
        (
            "以上内容根据公开资料整理，观点不代表本平台立场，仅供参考。",
            "Compiled from public sources for reference; the views are not those of this platform.",
        )
    )


# (kind, region)
TREND_KINDS = [
    (
        Kind(
            "domestic",
            ("{trend_domestic}", "{trend_domestic}"),
            ("{trend_domestic_fact}", "{trend_domestic_fact}"),
            _domestic,
        ),
        "domestic",
    ),
    (
        Kind(
            "foreign",
            ("{trend_foreign}", "{trend_foreign}"),
            ("{trend_foreign_fact}", "{trend_foreign_fact}"),
            _foreign,
        ),
        "foreign",
    ),
    (
        Kind(
            "review",
            ("{year}年{topic}技术发展态势综述", "{topic} in China: a review of {year}"),
            (
                "梳理{year}年国内{topic}领域的技术进展、产业动向和政策环境。",
                "Technical progress, industry developments and policy in {topic} in China in {year}.",
            ),
            _review,
        ),
        "domestic",
    ),
    (
        Kind(
            "digest",
            ("国外{topic}研究进展摘编（{year}）", "Research abroad on {topic}: a {year} digest"),
            (
                "摘编近期国外{topic}领域的主要研究进展和产业动态，供参考。",
                "Selected recent research and industry news on {topic} from abroad, for reference.",
            ),
            _digest,
        ),
        "foreign",
    ),
]


def trend_context(ctx, topic):
    """The topic's trend headlines and facts as placeholders."""
    return ctx.set(
        trend_domestic=topic.trend_domestic[0],
        trend_domestic_fact=topic.trend_domestic[1],
        trend_foreign=topic.trend_foreign[0],
        trend_foreign_fact=topic.trend_foreign[1],
    )
