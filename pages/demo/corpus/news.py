"""Templates of 科技动态: an enterprise's S&T news, one ``Kind`` per sort of story."""

from .kinds import Kind, closing, figure, quote, table


def _acceptance(doc, topic):
    doc.pick_para(
        [
            (
                "{date}，{e}承担的“{project}”项目通过专家组验收。验收组听取了项目工作汇报，审查了技术文件并进行了现场测试，一致同意项目通过验收。",
                "On {date}, the “{project}” project undertaken by {e} passed review by a panel of "
                "experts, who heard a report on the work, examined the technical documents, ran "
                "tests on site and unanimously approved the project.",
            ),
            (
                "近日，由{e}牵头、{partner}等单位参与的“{project}”项目顺利通过验收，项目全面完成了任务书规定的各项考核指标。",
                "The “{project}” project, led by {e} with {partner} and other partners, has passed "
                "its acceptance review, having met every target set in its assignment.",
            ),
        ]
    )
    doc.heading(("攻克关键技术难题", "Solving the hard problems"))
    doc.para(
        (
            "项目团队针对{challenge}等难题，开展材料、结构和工艺协同攻关，形成了{tech}成套技术，申请发明专利{patents}项。",
            "To deal with {challenge}, the team worked on materials, structure and process "
            "together and developed a complete set of technologies for {tech}, filing "
            "{patents} invention patent applications.",
        )
    )
    table(doc, topic)
    doc.heading(("应用前景", "Outlook"))
    doc.para(
        (
            "测试结果表明，{result}。相关成果已在{scene}中开展示范应用。",
            "Tests showed that {result}. The results are already being demonstrated in {scene}.",
        )
    )
    closing(doc, team=True)


def _demonstration(doc, topic):
    doc.para(
        (
            "{date}，{e}建设的{tech}示范工程正式投入运行，标志着相关技术从实验室走向工程应用。",
            "On {date}, a demonstration of {tech} built by {e} entered operation, taking the "
            "technology from the laboratory into engineering use.",
        )
    )
    doc.pick_para(
        [
            (
                "工程由{e}牵头建设，联合{partner}等单位共同实施，历时{months}个月完成设计、制造、安装和调试，主要服务于{scene}。",
                "Led by {e} with {partner} and other partners, the project took {months} months from "
                "design to manufacture, installation and commissioning. It serves {scene}.",
            ),
            (
                "示范工程面向{scene}，集成了{e}近年来在{topic}领域取得的多项创新成果，建设期间累计攻克关键技术{patents}项。",
                "Built for {scene}, the demonstration brings together several recent innovations by "
                "{e} in {topic}; {patents} key technical problems were solved during construction.",
            ),
        ]
    )
    figure(doc)
    doc.heading(("运行成效", "Performance"))
    doc.para(
        (
            "试运行期间，{result}，各项指标均达到或优于设计要求。",
            "During trial operation, {result}, and every indicator met or exceeded the design "
            "requirements.",
        )
    )
    if doc.rng.random() < 0.5:
        quote(doc)
    closing(doc, team=True)


def _cooperation(doc, topic):
    doc.para(
        (
            "{date}，{e}与{partner}签署战略合作协议。根据协议，双方将在{topic}领域开展联合研发、人才培养和成果转化等全方位合作。",
            "On {date}, {e} and {partner} signed a strategic cooperation agreement covering "
            "joint research, training and technology transfer in {topic}.",
        )
    )
    doc.heading(("合作重点", "Areas of cooperation"))
    doc.para(
        (
            "双方将围绕{challenge}等共性难题组建联合攻关团队，共同申报国家和地方科研项目，并依托{lab}开放共享试验条件。",
            "The partners will form joint teams to work on shared problems such as {challenge}, "
            "apply together for national and local research projects, and share test "
            "facilities through the {lab}.",
        )
    )
    quote(doc)
    doc.para(
        (
            "{e}在{scene}方面具有丰富的工程应用场景，{partner}在基础研究和人才培养方面优势突出，双方合作将有效促进创新链与产业链深度融合。",
            "{e} brings real engineering settings in {scene}, and {partner} brings strength in "
            "basic research and training; together they aim to link research more closely "
            "with industry.",
        )
    )
    closing(doc)


def _lab(doc, topic):
    doc.pick_para(
        [
            (
                "在近日公布的年度考核评估结果中，{e}所属{lab}获评优秀等次。",
                "The {lab} of {e} was rated excellent in the annual assessment results published "
                "recently.",
            ),
            (
                "{year}年度考核评估中，{lab}以总分第一的成绩获评优秀，这是该实验室连续第三年获此评价。",
                "In the {year} assessment, the {lab} came first and was rated excellent for the third "
                "year running.",
            ),
        ]
    )
    doc.heading(("研究方向", "Research directions"))
    doc.para(
        (
            "实验室围绕{topic}方向，重点开展{tech}等关键技术研究，并面向行业开放共享大型仪器设备{equip}台套。",
            "Focused on {topic}, the laboratory concentrates on key technologies such as "
            "{tech} and opens {equip} large instruments to the rest of the industry.",
        )
    )
    doc.heading(("主要成绩", "Achievements"))
    doc.para(
        (
            "考核期内，实验室承担各类科研项目{n}项，在{challenge}研究方面取得突破，{result}。",
            "During the assessment period the laboratory took on {n} research projects and "
            "made a breakthrough on {challenge}: {result}.",
        )
    )
    if not table(doc, topic):
        figure(doc)


def _workshop(doc, topic):
    doc.para(
        (
            "{date}，{e}在{city}举办{topic}技术交流研讨会，来自{partner}等单位的{experts}余名专家学者参加会议。",
            "On {date}, {e} hosted a technical workshop on {topic} in {city}, attended by more "
            "than {experts} experts from {partner} and other institutions.",
        )
    )
    doc.heading(("主要观点", "Key points"))
    doc.pick_para(
        [
            (
                "与会专家认为，{topic}正处于从技术突破走向规模应用的关键阶段，需要进一步加强标准体系建设，开放更多应用场景。",
                "Participants said work on {topic} had reached a critical point between "
                "breakthrough and large-scale use, and called for stronger standards and more "
                "open application scenarios.",
            ),
            (
                "专家们围绕{challenge}等问题深入交流，提出要加强基础研究和工程验证的衔接，避免低水平重复建设。",
                "The experts discussed {challenge} and other problems in depth, urging closer links "
                "between basic research and engineering trials and warning against duplicated "
                "low-level projects.",
            ),
        ]
    )
    doc.para(
        (
            "会上，{e}介绍了{tech}的最新进展：{result}。",
            "{e} presented its latest progress on {tech}: {result}.",
        )
    )
    if doc.rng.random() < 0.6:
        quote(doc)
    closing(doc)


def _standard(doc, topic):
    doc.para(
        (
            "近日，由{e}牵头编制的{topic}团体标准正式发布，并将于下月起实施。",
            "A group standard on {topic}, drafted under the lead of {e}, has been published "
            "and takes effect next month.",
        )
    )
    doc.heading(("标准主要内容", "What the standard covers"))
    doc.para(
        (
            "标准规定了{tech}的术语定义、技术要求、试验方法和检验规则，适用于{scene}等场景。",
            "The standard defines terms, technical requirements, test methods and inspection "
            "rules for {tech}, for uses such as {scene}.",
        )
    )
    doc.heading(("编制意义", "Why it matters"))
    doc.para(
        (
            "标准编制过程中，{e}联合{partner}等{n}家单位开展了大量试验验证，将{challenge}等方面的研究成果转化为标准条款，填补了行业空白。",
            "In drafting it, {e} ran extensive tests with {partner} and {n} other "
            "organizations, turning research on {challenge} into provisions of the standard "
            "and filling a gap in the industry.",
        )
    )
    closing(doc)


NEWS_KINDS = [
    Kind(
        "acceptance",
        ("{e}“{project}”项目通过验收", "{e} project “{project}” passes acceptance"),
        (
            "{e}承担的“{project}”项目通过专家组验收，项目实施期间{result}。",
            "The “{project}” project of {e} has passed expert acceptance; during the project "
            "{result}.",
        ),
        _acceptance,
    ),
    Kind(
        "demonstration",
        ("{e}{tech}示范工程投入运行", "{e} opens demonstration of {tech}"),
        (
            "{e}建设的{tech}示范工程正式投入运行，主要服务于{scene}。",
            "A demonstration of {tech} built by {e} has entered operation, serving {scene}.",
        ),
        _demonstration,
    ),
    Kind(
        "cooperation",
        ("{e}与{partner}签署{topic}战略合作协议", "{e} and {partner} sign agreement on {topic}"),
        (
            "双方将围绕{challenge}等共性难题联合攻关，共同推动{topic}技术进步和成果转化。",
            "The two will tackle shared problems such as {challenge} and work together on "
            "progress and technology transfer in {topic}.",
        ),
        _cooperation,
    ),
    Kind(
        "lab-assessment",
        ("{e}所属{lab}年度考核获评优秀", "{lab} of {e} rated excellent in annual assessment"),
        (
            "{e}所属{lab}在年度考核评估中获评优秀，考核期内承担科研项目{n}项。",
            "The {lab} of {e} was rated excellent in its annual assessment, having taken on {n} "
            "research projects.",
        ),
        _lab,
    ),
    Kind(
        "workshop",
        ("{e}举办{topic}技术交流研讨会", "{e} hosts workshop on {topic}"),
        (
            "{experts}余名专家学者围绕{challenge}等问题开展研讨，共商{topic}发展路径。",
            "More than {experts} experts discussed {challenge} and other questions and the way "
            "forward for {topic}.",
        ),
        _workshop,
    ),
    Kind(
        "standard",
        ("{e}牵头编制的{topic}团体标准发布", "Group standard on {topic} led by {e} published"),
        (
            "该标准规定了{tech}的技术要求、试验方法和检验规则，填补了行业空白。",
            "The standard sets requirements, test methods and inspection rules for {tech}, "
            "filling a gap in the industry.",
        ),
        _standard,
    ),
]
