"""Templates of 管理经验 (management experience), one per management area.

Experience articles follow the shape enterprises use in their reports:
the situation, 主要做法 (一是……二是……三是……), 工作成效 and the lesson drawn.
"""

from ..text import join
from .kinds import Kind, quote

AREAS = {
    "system": {
        "title": (
            "{e}深化科技体制机制改革 激发{topic}创新活力",
            "{e} reforms research management to energize {topic}",
        ),
        "summary": (
            "{e}通过项目经理负责制、经费“包干制”和容错纠错机制，为{topic}攻关松绑减负。",
            "{e} has cut red tape for its {topic} researchers with project-manager "
            "responsibility, lump-sum funding and tolerance of honest failure.",
        ),
        "background": (
            "过去，立项周期长、经费使用僵化、考核重论文轻应用等问题较为突出，制约了{e}在{topic}领域的攻关效率。",
            "In the past, slow approvals, rigid budgets and assessment that valued "
            "papers over applications held back {e}'s work on {topic}.",
        ),
        "practices": [
            (
                "一是推行项目经理负责制，赋予项目负责人技术路线决定权、经费支配权和团队组建权。",
                "First, project managers were given the power to choose technical routes, spend "
                "their budgets and build their teams.",
            ),
            (
                "二是在部分基础研究项目中试点经费“包干制”，简化预算编制，允许科研人员根据研究需要自主调剂。",
                "Second, lump-sum funding was piloted in some basic research projects, simplifying "
                "budgets and letting researchers move money where the work needed it.",
            ),
            (
                "三是建立容错纠错机制，对探索性强、风险高的项目，勤勉尽责但未达预期的不作负面评价。",
                "Third, in exploratory, high-risk projects, researchers who worked diligently are "
                "not penalized when results fall short.",
            ),
        ],
        "effect": (
            "改革实施以来，项目立项周期由平均{approval}个月缩短至3个月，{year}年新增科研项目{n}项。",
            "Since the reforms, average approval time fell from {approval} months to three, "
            "and {n} new projects started in {year}.",
        ),
        "lesson": (
            "科技体制改革的关键是调动人的积极性，让科研人员把主要精力放在攻关上。",
            "The key to reforming research management is motivating people, so that "
            "researchers can spend their energy on the research itself.",
        ),
    },
    "investment": {
        "title": (
            "{e}建立研发投入稳定增长机制 聚焦{topic}",
            "{e} builds steady growth in research spending, focused on {topic}",
        ),
        "summary": (
            "{e}研发投入强度连续三年保持在{ratio}%以上，其中{topic}领域投入占比超过四成。",
            "{e} has kept research intensity above {ratio} percent for three years, with "
            "more than 40 percent of it spent on {topic}.",
        ),
        "background": (
            "{topic}技术迭代快、投入周期长，单靠零散的项目投入难以支撑持续攻关。",
            "Work on {topic} moves fast and needs long investment cycles; scattered "
            "project-by-project funding cannot sustain the work.",
        ),
        "practices": [
            (
                "一是将研发投入强度纳入所属企业负责人经营业绩考核，研发费用在考核中视同利润加回。",
                "First, research intensity became part of the performance assessment of "
                "subsidiary heads, with research spending added back as profit.",
            ),
            (
                "二是设立科技创新专项资金，每年安排{value}支持前瞻性、战略性技术攻关。",
                "Second, an innovation fund provides {value} a year for forward-looking, strategic "
                "research.",
            ),
            (
                "三是建立研发投入统计监测制度，按季度分析投入结构和产出效益。",
                "Third, research spending is monitored every quarter for its structure and returns.",
            ),
        ],
        "effect": (
            "{year}年，{e}研发投入同比增长{pct}%，基础研究投入占比提高到8%。",
            "In {year}, research spending at {e} grew by {pct} percent, and basic research "
            "rose to 8 percent of the total.",
        ),
        "lesson": (
            "稳定的投入预期是科研人员安心攻关的底气。",
            "Predictable funding is what lets researchers commit to long, difficult work.",
        ),
    },
    "talent": {
        "title": (
            "{e}以“揭榜挂帅”选拔{topic}青年科技人才",
            "{e} uses open competition to find young talent for {topic}",
        ),
        "summary": (
            "{e}面向全系统发布{topic}攻关榜单，{talents}名35岁以下青年科技人员挂帅担纲。",
            "{e} published open calls for {topic} research across the group, and {talents} "
            "researchers under 35 now lead the projects.",
        ),
        "background": (
            "{topic}领域高层次人才竞争激烈，青年人才成长通道不畅、挑大梁机会少。",
            "Competition for top talent in {topic} is fierce, and young researchers had "
            "few paths upward and few chances to lead.",
        ),
        "practices": [
            (
                "一是实行“揭榜挂帅”，榜单公开发布、不设资历门槛，由专家评审择优确定揭榜团队。",
                "First, open calls with no seniority threshold were published, and experts chose "
                "the best teams.",
            ),
            (
                "二是建立科技人才职级序列，打通管理和技术两条晋升通道。",
                "Second, a separate career ladder for scientists and engineers now runs alongside "
                "the management ladder.",
            ),
            (
                "三是实施中长期激励，对关键岗位核心骨干开展岗位分红和项目收益分红。",
                "Third, long-term incentives share profits and project returns with key staff.",
            ),
        ],
        "effect": (
            "三年来，{e}累计引进和培养高层次科技人才{n}人，青年人才承担的项目占比由15%提高到42%。",
            "Over three years, {e} recruited or trained {n} senior scientists and engineers, "
            "and the share of projects led by young researchers rose from 15 to 42 percent.",
        ),
        "lesson": (
            "人才是第一资源，要敢于给年轻人压担子、搭舞台。",
            "Talent is the first resource: give young people real responsibility and a "
            "stage to prove themselves.",
        ),
    },
    "transfer": {
        "title": (
            "{e}打通{topic}成果转化“最后一公里”",
            "{e} closes the last mile of technology transfer in {topic}",
        ),
        "summary": (
            "{e}建立从实验室到生产线的全链条转化机制，{year}年{topic}领域成果转化收入达到{value}。",
            "{e} has built a path from laboratory to production line; in {year}, transfer "
            "income in {topic} reached {value}.",
        ),
        "background": (
            "长期以来，{e}部分科研成果停留在样品、展品阶段，存在“研用脱节”的问题。",
            "For years, some of {e}'s research stopped at samples and exhibits, cut off "
            "from real use.",
        ),
        "practices": [
            (
                "一是建设中试基地，为{tech}等成果提供工程化验证条件，打通从样品到产品的关键环节。",
                "First, a pilot-scale base gives results such as {tech} the engineering trials that "
                "turn samples into products.",
            ),
            (
                "二是开展科技成果赋权改革试点，将职务科技成果的部分所有权赋予完成人。",
                "Second, a pilot gives inventors part ownership of results made in the course of "
                "their work.",
            ),
            (
                "三是建立首台（套）应用推广机制，在集团内部优先采购自主创新产品。",
                "Third, the group buys first-of-a-kind equipment from its own innovators first, "
                "giving new products their first customers.",
            ),
        ],
        "effect": (
            "{year}年，{e}完成科技成果转化项目{n}项，{tech}在{scene}中实现批量应用。",
            "In {year}, {e} completed {n} technology transfer projects, and {tech} went "
            "into volume use in {scene}.",
        ),
        "lesson": (
            "成果转化既要有“推力”，也要有“拉力”，应用场景是最好的试金石。",
            "Technology transfer needs both a push and a pull; a real application is the "
            "best test of any result.",
        ),
    },
    "ip": {
        "title": (
            "{e}构建{topic}高价值专利培育体系",
            "{e} cultivates high-value patents in {topic}",
        ),
        "summary": (
            "{e}从“重数量”转向“重质量”，{topic}领域高价值发明专利占比提高到{pct}%。",
            "{e} has moved from counting patents to valuing them; high-value invention "
            "patents now make up {pct} percent of its {topic} portfolio.",
        ),
        "background": (
            "专利数量多而不强、转化运用率低，是{e}知识产权工作面临的突出问题。",
            "Many patents but few strong ones, and little use made of them: that was the "
            "main problem in {e}'s intellectual property work.",
        ),
        "practices": [
            (
                "一是在项目立项阶段开展专利导航，分析{topic}领域的技术空白和风险点。",
                "First, patent landscaping at project approval maps the gaps and risks in {topic}.",
            ),
            (
                "二是建立专利分级管理制度，对核心专利开展国际布局。",
                "Second, patents are graded, and core patents are filed internationally.",
            ),
            (
                "三是组建专利运营团队，通过许可、转让和作价入股等方式盘活存量专利。",
                "Third, a licensing team puts existing patents to work through licences, sales "
                "and equity stakes.",
            ),
        ],
        "effect": (
            "近三年，{e}获授权发明专利{patents}项，专利许可收入年均增长{pct}%。",
            "Over the past three years {e} was granted {patents} invention patents, and "
            "licensing income grew by {pct} percent a year.",
        ),
        "lesson": (
            "知识产权管理要贯穿研发全过程，而不是成果出来以后再“补票”。",
            "Intellectual property management must run through the whole of the research, "
            "not be added once the results are in.",
        ),
    },
    "collaboration": {
        "title": ("{e}牵头组建{topic}创新联合体", "{e} leads an innovation consortium for {topic}"),
        "summary": (
            "联合体汇聚{partner}等{n}家单位，围绕{challenge}开展协同攻关。",
            "The consortium brings {partner} and {n} other organizations together to work "
            "on {challenge}.",
        ),
        "background": (
            "{topic}涉及材料、装备、控制和应用等多个环节，单一企业难以独立完成全链条攻关。",
            "Work on {topic} spans materials, equipment, control and applications; no single "
            "company can cover the whole chain alone.",
        ),
        "practices": [
            (
                "一是由{e}牵头，按照“需求牵引、分工协作、成果共享”的原则组建创新联合体。",
                "First, {e} leads the consortium on the principles of demand-led work, a clear "
                "division of labour and shared results.",
            ),
            (
                "二是设立理事会和专家委员会，统一制定技术路线图，避免重复投入。",
                "Second, a board and an expert committee agree one technology roadmap to avoid "
                "duplicated spending.",
            ),
            (
                "三是事先约定知识产权归属和收益分配规则，消除合作各方的后顾之忧。",
                "Third, ownership of results and sharing of returns are agreed in advance, so "
                "partners can cooperate without worry.",
            ),
        ],
        "effect": (
            "联合体成立以来，共承担国家级项目{n}项，{result}。",
            "Since it was formed, the consortium has taken on {n} national projects, and {result}.",
        ),
        "lesson": (
            "协同创新的关键在于利益共享和风险共担的机制设计。",
            "What makes collaboration work is how benefits and risks are shared.",
        ),
    },
    "platform": {
        "title": (
            "{e}以{lab}为依托建设{topic}开放共享平台",
            "{e} opens its {topic} laboratory to the whole industry",
        ),
        "summary": (
            "{lab}向行业开放大型仪器设备{equip}台套，年服务外部单位{n}家次。",
            "The {lab} has opened {equip} large instruments to others and serves outside "
            "organizations {n} times a year.",
        ),
        "background": (
            "{e}在{topic}领域拥有较完备的试验条件，但设备使用率不高，对行业的带动作用有待加强。",
            "{e} has good test facilities for {topic}, but they were under-used and did "
            "little for the wider industry.",
        ),
        "practices": [
            (
                "一是制定开放共享管理办法，通过本平台发布仪器设备目录和预约方式。",
                "First, rules for sharing were issued, and the equipment list and booking "
                "procedure are published on this platform.",
            ),
            (
                "二是设立开放课题基金，支持高校和中小企业利用平台开展研究。",
                "Second, an open research fund supports universities and small firms that use the "
                "facilities.",
            ),
            (
                "三是将开放服务情况纳入实验室考核，并与运行经费挂钩。",
                "Third, service to outside users now counts in the laboratory's assessment and "
                "its operating budget.",
            ),
        ],
        "effect": (
            "平台大型仪器设备年均使用机时提高到1800小时以上，支撑外部单位完成科研项目{n}项。",
            "Average use of the large instruments rose above 1,800 hours a year, and outside "
            "organizations completed {n} research projects with them.",
        ),
        "lesson": (
            "科技资源只有共建、共享，才能发挥最大效益。",
            "Research resources deliver most when they are built together and shared.",
        ),
    },
    "information": {
        "title": (
            "{e}推进科技管理数字化 服务{topic}攻关",
            "{e} digitalizes research management to support work on {topic}",
        ),
        "summary": (
            "{e}建成覆盖项目、经费、成果和人才的科技管理信息系统，科技信息按期报送本平台。",
            "{e} has built a research management system covering projects, budgets, "
            "results and people, and reports to this platform on time.",
        ),
        "background": (
            "过去科技管理数据分散在多个部门和系统中，统计口径不一，难以支撑决策分析。",
            "Research data used to be scattered across departments and systems with "
            "inconsistent definitions, and could not support decisions.",
        ),
        "practices": [
            (
                "一是统一科技项目、成果和人才的数据标准，实现“一次填报、多方共享”。",
                "First, common data standards for projects, results and people mean information "
                "is entered once and shared many times.",
            ),
            (
                "二是上线科技项目全过程管理系统，立项、执行、验收全程在线办理。",
                "Second, a project system handles approval, execution and acceptance online from "
                "start to finish.",
            ),
            (
                "三是建立信息报送保密审查流程，所有上网信息须经保密审查后方可发布。",
                "Third, a confidentiality review was added to reporting: nothing goes online "
                "before it has been checked.",
            ),
        ],
        "effect": (
            "系统上线后，科技统计报表编制时间由两周缩短至两天，{year}年向本平台报送信息{n}条。",
            "With the system in place, statistics that took two weeks now take two days, "
            "and {n} items were reported to this platform in {year}.",
        ),
        "lesson": (
            "信息化不只是工具升级，更是管理流程的再造。",
            "Digitalization is not only new tools; it means redesigning how the work is managed.",
        ),
    },
}


def _body(area):
    def body(doc, topic):
        doc.para(area["background"])
        doc.heading(("主要做法", "Approach"))
        doc.para(join(*area["practices"]))
        if doc.rng.random() < 0.4:
            quote(doc)
        doc.heading(("工作成效", "Results"))
        doc.para(join(area["effect"], area["lesson"]))

    return body


EXPERIENCE_KINDS = [
    Kind(slug=f"{key}-practice", title=a["title"], summary=a["summary"], body=_body(a), area=key)
    for key, a in AREAS.items()
]
