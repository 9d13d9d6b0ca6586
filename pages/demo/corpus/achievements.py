"""Templates of 重大科技成就: awards, breakthroughs and engineering firsts."""

from .kinds import Kind, closing, figure, quote, table


def _innovations(doc):
    doc.heading(("主要创新点", "Main innovations"))
    doc.para(
        (
            "一是提出了{tech}的整体设计方法；二是攻克了{challenge}等难题；三是建立了覆盖设计、制造、试验和运维的全流程技术标准体系。",
            "First, it produced an overall design method for {tech}; second, it overcame "
            "{challenge}; third, it set up technical standards covering design, manufacture, "
            "testing and maintenance.",
        )
    )


def _application(doc):
    doc.heading(("推广应用", "Application"))
    doc.pick_para(
        [
            (
                "成果已在{scene}推广应用，近三年新增产值{value}，取得了显著的经济和社会效益。",
                "The results are in use in {scene}, adding {value} of output over the past three "
                "years with clear economic and social benefits.",
            ),
            (
                "目前，相关技术已在{scene}中规模化应用，获授权发明专利{patents}项，形成国家和行业标准{standards}项。",
                "The technology is now in large-scale use in {scene}, with {patents} invention "
                "patents granted and {standards} national and industry standards written.",
            ),
        ]
    )


def _award(doc, topic):
    doc.para(
        (
            "在{award_year}年度科技奖励评选中，{e}完成的“{project}”成果荣获{award}。",
            "In the {award_year} science and technology awards, “{project}”, completed by {e}, "
            "won {award}.",
        )
    )
    _innovations(doc)
    figure(doc)
    doc.para(
        (
            "经第三方检测和用户验证，{result}，整体技术达到国际先进水平。",
            "Independent testing and users' trials confirmed that {result}; overall, the "
            "technology is at an advanced international level.",
        )
    )
    table(doc, topic)
    _application(doc)


def _breakthrough(doc, topic):
    doc.para(
        (
            "{challenge}长期制约着{topic}的发展。{e}组建由{n}名科研骨干组成的攻关团队，历时{months}个月取得突破。",
            "{challenge} long held back {topic}. {e} set up a team of {n} senior researchers, "
            "who made the breakthrough after {months} months.",
        )
    )
    _innovations(doc)
    doc.para(("验证结果显示，{result}。", "Trials showed that {result}."))
    quote(doc)
    table(doc, topic)
    _application(doc)


def _record(doc, topic):
    doc.para(
        (
            "近日，{e}自主研发的{tech}通过第三方权威检测，多项关键性能指标达到国际先进水平。",
            "Independent testing of {tech} developed in-house by {e} has placed several key "
            "indicators at an advanced international level.",
        )
    )
    figure(doc)
    doc.heading(("检测结果", "Test results"))
    doc.para(("检测报告显示，{result}。", "The test report shows that {result}."))
    table(doc, topic)
    _innovations(doc)
    closing(doc)


def _engineering(doc, topic):
    doc.para(
        (
            "{e}自主研制的{tech}在{scene}中完成工程化应用，实现了从“跟跑”到“并跑”的跨越。",
            "{e} has put {tech} of its own design into engineering use in {scene}, moving "
            "from following others to keeping pace with them.",
        )
    )
    doc.heading(("研发历程", "How it was developed"))
    doc.para(
        (
            "项目依托{lab}，与{partner}协同攻关，重点解决了{challenge}等问题。",
            "Working from the {lab} with {partner}, the team concentrated on {challenge}.",
        )
    )
    doc.para(("工程应用数据显示，{result}。", "Data from engineering use show that {result}."))
    _application(doc)


def _major_project(doc, topic):
    doc.para(
        (
            "{e}牵头承担的“{project}”取得重大阶段性进展，{tech}完成全部关键技术验证。",
            "“{project}”, led by {e}, has reached a major milestone: every key technology of "
            "{tech} has now been verified.",
        )
    )
    _innovations(doc)
    figure(doc)
    doc.para(("阶段性测试表明，{result}。", "Interim tests showed that {result}."))
    if doc.rng.random() < 0.5:
        quote(doc)
    _application(doc)


ACHIEVEMENT_KINDS = [
    Kind(
        "award",
        ("{e}“{project}”荣获{award}", "{e}'s “{project}” wins {award}"),
        (
            "{e}完成的“{project}”成果荣获{award}，{result}。",
            "“{project}”, completed by {e}, has won {award}; {result}.",
        ),
        _award,
    ),
    Kind(
        "breakthrough",
        ("{e}攻克{challenge}难题", "{e} makes breakthrough on {challenge}"),
        (
            "{e}攻关团队突破{tech}关键技术，{result}。",
            "A team at {e} has mastered key technologies of {tech}; {result}.",
        ),
        _breakthrough,
    ),
    Kind(
        "record",
        (
            "{e}{tech}关键指标达到国际先进水平",
            "Key indicators of {e}'s {tech} reach international level",
        ),
        ("经第三方检测，{result}。", "Independent tests confirmed that {result}."),
        _record,
    ),
    Kind(
        "engineering-use",
        ("{e}自主研制的{tech}实现工程化应用", "{e} puts its own {tech} into engineering use"),
        (
            "{tech}在{scene}中完成工程化应用，{result}。",
            "{e} has put {tech} into engineering use in {scene}; {result}.",
        ),
        _engineering,
    ),
    Kind(
        "major-project",
        ("{e}牵头的“{project}”取得重大进展", "Major progress on “{project}”, led by {e}"),
        (
            "{e}牵头承担的“{project}”完成全部关键技术验证，{result}。",
            "Every key technology of “{project}”, led by {e}, has been verified; {result}.",
        ),
        _major_project,
    ),
]
