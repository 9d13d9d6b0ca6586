"""Reference data of the demo: technical fields, enterprises and the names around them.

Every enterprise, institution, award-giver and publication here is fictional
(their names start with 示例 / Example), so that demo screenshots and tests
never put words in a real company's mouth.
"""

from dataclasses import dataclass

# (slug, Chinese name, English name, short description)
TECH_FIELDS = [
    ("energy", "能源电力", "Energy and Power", "发电、输配电、电网运行与能源系统"),
    ("new-energy", "新能源", "New Energy", "风电、光伏、储能等可再生能源技术"),
    ("hydrogen", "氢能", "Hydrogen", "制氢、储运、加注与燃料电池"),
    ("manufacturing", "先进制造", "Advanced Manufacturing", "智能制造、工业机器人与重大装备"),
    ("materials", "新材料", "New Materials", "先进金属、复合材料与功能材料"),
    ("ict", "信息通信", "Information and Communications", "5G、工业互联网与数据基础设施"),
    ("ai", "人工智能", "Artificial Intelligence", "行业大模型、机器视觉与智能决策"),
    ("aerospace", "航空航天", "Aerospace", "航空发动机、航天器与相关材料"),
    ("transport", "交通运输", "Transport", "轨道交通、船舶与智能交通装备"),
    ("biomedicine", "生物医药", "Biomedicine", "医疗装备、生物技术与医药"),
    ("environment", "节能环保", "Energy Saving and Environment", "节能降碳、污染治理与生态修复"),
    ("petrochemical", "油气化工", "Oil, Gas and Chemicals", "油气勘探开发、储运与化工"),
]


@dataclass(frozen=True)
class EnterpriseSpec:
    code: str
    name: str
    name_en: str
    short_name: str
    short_name_en: str
    parent: str | None
    field: str  # palette of the logo
    introduction: str
    introduction_en: str
    sort_order: int


ENTERPRISES = [
    EnterpriseSpec(
        "group-a",
        "示例能源集团有限公司",
        "Example Energy Group Co., Ltd.",
        "示例能源",
        "Example Energy",
        None,
        "energy",
        "示例能源集团有限公司是一家虚构的中央企业，业务覆盖发电、电网、新能源和油气储运，"
        "拥有多个国家级研发平台，致力于构建清洁低碳、安全高效的能源体系。",
        "Example Energy Group is a fictional central state-owned enterprise working in "
        "power generation, grids, new energy and oil and gas transport. It runs several "
        "national research platforms and works towards a clean, low-carbon, safe and "
        "efficient energy system.",
        10,
    ),
    EnterpriseSpec(
        "a1",
        "示例能源新能源有限公司",
        "Example Energy New Energy Co., Ltd.",
        "示例新能源",
        "Example New Energy",
        "group-a",
        "new-energy",
        "示例能源新能源有限公司是示例能源集团所属企业（虚构），负责风电、光伏、储能和氢能项目的"
        "开发建设与运营，在深远海风电和氢能储运领域形成了特色技术优势。",
        "Example New Energy is a fictional subsidiary of Example Energy Group that develops, "
        "builds and runs wind, solar, storage and hydrogen projects, with particular "
        "strengths in deep-sea wind and hydrogen storage and transport.",
        11,
    ),
    EnterpriseSpec(
        "a2",
        "示例能源电力科学研究院有限公司",
        "Example Energy Electric Power Research Institute Co., Ltd.",
        "示例电科院",
        "Example Power Research Institute",
        "group-a",
        "ict",
        "示例能源电力科学研究院有限公司是示例能源集团所属科研单位（虚构），主要从事特高压、"
        "智能电网、电力人工智能和低碳技术研究，承担集团共性技术研发和技术服务。",
        "Example Power Research Institute is a fictional research subsidiary of Example "
        "Energy Group. It works on ultra-high-voltage transmission, smart grids, artificial "
        "intelligence for power systems and low-carbon technology, and provides shared "
        "research and technical services to the group.",
        12,
    ),
    EnterpriseSpec(
        "group-b",
        "示例装备集团有限公司",
        "Example Equipment Group Co., Ltd.",
        "示例装备",
        "Example Equipment",
        None,
        "manufacturing",
        "示例装备集团有限公司是一家虚构的中央企业，主要从事重大技术装备、轨道交通装备、"
        "医疗装备和先进材料的研发制造，以智能制造和工业互联网推动产业转型升级。",
        "Example Equipment Group is a fictional central state-owned enterprise that designs "
        "and builds major equipment, rail transit equipment, medical equipment and advanced "
        "materials, using intelligent manufacturing and the industrial internet to upgrade "
        "its industries.",
        20,
    ),
    EnterpriseSpec(
        "b1",
        "示例装备智能制造有限公司",
        "Example Equipment Intelligent Manufacturing Co., Ltd.",
        "示例智造",
        "Example Smart Manufacturing",
        "group-b",
        "ai",
        "示例装备智能制造有限公司是示例装备集团所属企业（虚构），专注工业机器人、数字孪生、"
        "5G全连接工厂和工业互联网平台的研发与应用推广。",
        "Example Smart Manufacturing is a fictional subsidiary of Example Equipment Group "
        "that develops and deploys industrial robots, digital twins, 5G fully connected "
        "factories and industrial internet platforms.",
        21,
    ),
    EnterpriseSpec(
        "b2",
        "示例装备材料研究院有限公司",
        "Example Equipment Materials Research Institute Co., Ltd.",
        "示例材料院",
        "Example Materials Institute",
        "group-b",
        "materials",
        "示例装备材料研究院有限公司是示例装备集团所属科研单位（虚构），围绕高温合金、"
        "碳纤维复合材料和新能源材料开展研究，为集团重大装备提供关键材料支撑。",
        "Example Materials Institute is a fictional research subsidiary of Example Equipment "
        "Group working on superalloys, carbon fibre composites and new energy materials, "
        "which supply the key materials of the group's major equipment.",
        22,
    ),
]

ENTERPRISE_CODES = [e.code for e in ENTERPRISES]
ENTERPRISE_BY_CODE = {e.code: e for e in ENTERPRISES}

PARTNERS = [
    ("示例理工大学", "Example University of Technology"),
    ("示例交通大学", "Example Jiaotong University"),
    (
        "示例科学院先进技术研究所",
        "the Institute of Advanced Technology, Example Academy of Sciences",
    ),
    ("示例工业大学", "Example Polytechnic University"),
    ("示例海洋大学", "Example Ocean University"),
    ("示例电力大学", "Example Electric Power University"),
    ("示例材料科学研究院", "Example Academy of Materials Science"),
]

# (Chinese, English, AchievementPage.AwardLevel value); {group} is the group company.
AWARDS = {
    "national": [
        (
            "国家科学技术进步奖二等奖",
            "the National Science and Technology Progress Award, Second Class",
        ),
        ("国家技术发明奖二等奖", "the National Technological Invention Award, Second Class"),
        (
            "国家科学技术进步奖一等奖",
            "the National Science and Technology Progress Award, First Class",
        ),
    ],
    "provincial": [
        (
            "示例省科学技术进步奖一等奖",
            "the Example Province Science and Technology Progress Award, First Class",
        ),
        ("示例市技术发明奖一等奖", "the Example City Technological Invention Award, First Class"),
    ],
    "industry": [
        (
            "示例行业协会科学技术奖一等奖",
            "the Example Industry Association Science and Technology Award, First Class",
        ),
        (
            "示例学会技术发明奖特等奖",
            "the Example Engineering Society Technological Invention Award, Special Prize",
        ),
    ],
    "enterprise": [
        ("{group}科学技术奖特等奖", "the {group} Science and Technology Award, Special Prize"),
    ],
}

# (Chinese, English, path on example.com or "" for no link)
TREND_SOURCES = [
    ("《示例科技导报》", "Example Science and Technology Review", "review"),
    ("《示例能源观察》", "Example Energy Observer", "energy-observer"),
    ("《示例工业技术周刊》", "Example Industrial Technology Weekly", ""),
    ("示例国际技术情报中心", "Example International Technology Intelligence Centre", "intel"),
    ("《示例前沿技术简报》", "Example Frontier Technology Briefing", ""),
]

# (Chinese, English, prefix of its document numbers)
OFFICES = {
    "general": ("示例监管机构办公厅", "General Office of the Example Regulator", "示例监厅规划"),
    "planning": ("示例监管机构规划局", "Planning Bureau of the Example Regulator", "示例监规划"),
    "innovation": (
        "示例监管机构科技创新局",
        "Science and Technology Innovation Bureau of the Example Regulator",
        "示例监科创",
    ),
}
