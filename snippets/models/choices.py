"""Choice lists of the resource-library indicator system (资源库指标体系).

The codes are stable (they go into the database, the XLSX templates and the
API); the Chinese labels are the source strings. See docs/resource-listings.md §1.4
for where each list comes from.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingKind(models.TextChoices):
    INSTITUTION = "institution", _("国家级科研机构")
    EXPERT = "expert", _("专家")
    INSTRUMENT = "instrument", _("大型仪器设备")
    RESULT = "result", _("科研成果")
    PROJECT = "project", _("在研项目")
    TRANSFER = "transfer", _("技术转让")
    CHALLENGE = "challenge", _("难题寻解")
    JOB = "job", _("人才招聘")
    PRODUCT = "product", _("新产品")


# The two public sections and the kinds each lists, in menu order.
RESOURCE_KINDS = [
    ListingKind.INSTITUTION,
    ListingKind.EXPERT,
    ListingKind.INSTRUMENT,
    ListingKind.RESULT,
    ListingKind.PROJECT,
]
SUPPLY_DEMAND_KINDS = [
    ListingKind.TRANSFER,
    ListingKind.CHALLENGE,
    ListingKind.JOB,
    ListingKind.PRODUCT,
]


class ListingStatus(models.TextChoices):
    OPEN = "open", _("可对接")
    NEGOTIATING = "negotiating", _("洽谈中")
    CLOSED = "closed", _("已结束")


class Region(models.TextChoices):
    """Province-level divisions by their GB/T 2260 code, plus 境外 (99, a platform code)."""

    BEIJING = "11", _("北京市")
    TIANJIN = "12", _("天津市")
    HEBEI = "13", _("河北省")
    SHANXI = "14", _("山西省")
    NEI_MONGOL = "15", _("内蒙古自治区")
    LIAONING = "21", _("辽宁省")
    JILIN = "22", _("吉林省")
    HEILONGJIANG = "23", _("黑龙江省")
    SHANGHAI = "31", _("上海市")
    JIANGSU = "32", _("江苏省")
    ZHEJIANG = "33", _("浙江省")
    ANHUI = "34", _("安徽省")
    FUJIAN = "35", _("福建省")
    JIANGXI = "36", _("江西省")
    SHANDONG = "37", _("山东省")
    HENAN = "41", _("河南省")
    HUBEI = "42", _("湖北省")
    HUNAN = "43", _("湖南省")
    GUANGDONG = "44", _("广东省")
    GUANGXI = "45", _("广西壮族自治区")
    HAINAN = "46", _("海南省")
    CHONGQING = "50", _("重庆市")
    SICHUAN = "51", _("四川省")
    GUIZHOU = "52", _("贵州省")
    YUNNAN = "53", _("云南省")
    XIZANG = "54", _("西藏自治区")
    SHAANXI = "61", _("陕西省")
    GANSU = "62", _("甘肃省")
    QINGHAI = "63", _("青海省")
    NINGXIA = "64", _("宁夏回族自治区")
    XINJIANG = "65", _("新疆维吾尔自治区")
    TAIWAN = "71", _("台湾省")
    HONG_KONG = "81", _("香港特别行政区")
    MACAO = "82", _("澳门特别行政区")
    ABROAD = "99", _("境外")


class AmountBand(models.TextChoices):
    """Money in 万元 (10,000 CNY) as bands, lower bound inclusive: no exact commercial figures online."""

    NEGOTIABLE = "negotiable", _("面议")
    LT10 = "lt10", _("10万元以下")
    B10_50 = "10_50", _("10–50万元")
    B50_100 = "50_100", _("50–100万元")
    B100_500 = "100_500", _("100–500万元")
    B500_1000 = "500_1000", _("500–1000万元")
    B1000_5000 = "1000_5000", _("1000–5000万元")
    GTE5000 = "gte5000", _("5000万元及以上")


class TRL(models.IntegerChoices):
    """技术就绪度 after GB/T 22900; the public site shows and filters by the derived stage."""

    L1 = 1, _("1 实验室阶段：发现基本原理")
    L2 = 2, _("2 实验室阶段：形成技术概念或应用设想")
    L3 = 3, _("3 实验室阶段：完成概念验证")
    L4 = 4, _("4 小试阶段：实验室环境中完成原理样机（部件）验证")
    L5 = 5, _("5 小试阶段：相关环境中完成部件（子系统）验证")
    L6 = 6, _("6 中试阶段：相关环境中完成系统（原型样机）演示")
    L7 = 7, _("7 中试阶段：实际环境中完成原型样机演示")
    L8 = 8, _("8 产业化阶段：实际系统完成并通过试验验证（定型）")
    L9 = 9, _("9 产业化阶段：实际系统通过应用验证（批量应用）")


class MaturityStage(models.TextChoices):
    LAB = "lab", _("实验室阶段")
    PILOT_SMALL = "small", _("小试阶段")
    PILOT = "pilot", _("中试阶段")
    INDUSTRIAL = "industrial", _("产业化阶段")


# TRL ranges of each stage: stored once as TRL, so stage and TRL never disagree.
MATURITY_STAGES = {
    MaturityStage.LAB: (1, 3),
    MaturityStage.PILOT_SMALL: (4, 5),
    MaturityStage.PILOT: (6, 7),
    MaturityStage.INDUSTRIAL: (8, 9),
}


def maturity_stage_of(trl):
    for stage, (low, high) in MATURITY_STAGES.items():
        if trl is not None and low <= trl <= high:
            return stage
    return None


class InstitutionKind(models.TextChoices):
    NATIONAL_KEY_LAB = "national_key_lab", _("全国重点实验室")
    STATE_KEY_LAB = "state_key_lab", _("国家重点实验室（尚未重组）")
    NERC = "nerc", _("国家工程研究中心")
    NERTC = "nertc", _("国家工程技术研究中心")
    NEL = "nel", _("国家工程实验室")
    ENTERPRISE_TECH_CENTER = "enterprise_tech_center", _("国家企业技术中心")
    TECH_INNOVATION_CENTER = "tech_innovation_center", _("国家技术创新中心")
    MANUFACTURING_INNOVATION_CENTER = "manufacturing_innovation_center", _("国家制造业创新中心")
    INDUSTRIAL_INNOVATION_CENTER = "industrial_innovation_center", _("国家产业创新中心")
    ENERGY_RD_CENTER = "energy_rd_center", _("国家能源研发（实验）中心")
    INTL_COOPERATION_BASE = "intl_cooperation_base", _("国家国际科技合作基地")
    INDUSTRIAL_DESIGN_CENTER = "industrial_design_center", _("国家级工业设计中心")
    TESTING_CENTER = "testing_center", _("国家质检中心")
    OTHER = "other", _("其他国家级平台")


class ApprovingAuthority(models.TextChoices):
    MOST = "most", _("科学技术部")
    NDRC = "ndrc", _("国家发展和改革委员会")
    MIIT = "miit", _("工业和信息化部")
    NEA = "nea", _("国家能源局")
    SAMR = "samr", _("国家市场监督管理总局")
    OTHER = "other", _("其他部门")


class TitleLevel(models.TextChoices):
    SENIOR = "senior", _("正高级")
    ASSOCIATE = "associate", _("副高级")
    INTERMEDIATE = "intermediate", _("中级")
    OTHER = "other", _("其他")


class ServiceMode(models.TextChoices):
    CONSULTING = "consulting", _("技术咨询")
    EVALUATION = "evaluation", _("评审评估")
    JOINT_RESEARCH = "joint_research", _("联合攻关")
    TRAINING = "training", _("培训授课")


class InstrumentCategory(models.TextChoices):
    ANALYTICAL = "analytical", _("分析仪器")
    PHYSICAL_TESTING = "physical_testing", _("物理性能测试仪器")
    METROLOGY = "metrology", _("计量仪器")
    ELECTRONIC_MEASUREMENT = "electronic_measurement", _("电子测量仪器")
    MARINE = "marine", _("海洋仪器")
    EARTH_SOUNDING = "earth_sounding", _("地球探测仪器")
    ATMOSPHERIC = "atmospheric", _("大气探测仪器")
    SPECIAL_TESTING = "special_testing", _("特种检测仪器")
    LASER = "laser", _("激光器")
    PROCESS_TESTING = "process_testing", _("工艺试验仪器")
    COMPUTING = "computing", _("计算机及其配套设备")
    ASTRONOMICAL = "astronomical", _("天文仪器")
    MEDICAL = "medical", _("医学科研仪器")
    NUCLEAR = "nuclear", _("核仪器")
    OTHER = "other", _("其他仪器")


class Country(models.TextChoices):
    CN = "CN", _("中国")
    US = "US", _("美国")
    DE = "DE", _("德国")
    JP = "JP", _("日本")
    GB = "GB", _("英国")
    FR = "FR", _("法国")
    CH = "CH", _("瑞士")
    NL = "NL", _("荷兰")
    IT = "IT", _("意大利")
    SE = "SE", _("瑞典")
    AT = "AT", _("奥地利")
    KR = "KR", _("韩国")
    CZ = "CZ", _("捷克")
    ZZ = "ZZ", _("其他国家和地区")


class SharingMode(models.TextChoices):
    COMMISSION = "commission", _("委托检测")
    SELF_OPERATION = "self_operation", _("培训后自主操作")
    COOPERATION = "cooperation", _("合作研究")
    RENTAL = "rental", _("设备租赁")


class FeeMode(models.TextChoices):
    FREE = "free", _("免费")
    COST = "cost", _("成本价收费")
    STANDARD = "standard", _("按收费标准")
    NEGOTIABLE = "negotiable", _("面议")


class ResultType(models.TextChoices):
    PROCESS = "process", _("新技术/新工艺")
    EQUIPMENT = "equipment", _("新产品/新装备")
    MATERIAL = "material", _("新材料")
    SOFTWARE = "software", _("软件/信息系统")
    STANDARD = "standard", _("标准规范")
    OTHER = "other", _("其他")


class EvaluationLevel(models.TextChoices):
    INTL_LEADING = "intl_leading", _("国际领先")
    INTL_ADVANCED = "intl_advanced", _("国际先进")
    DOMESTIC_LEADING = "domestic_leading", _("国内领先")
    DOMESTIC_ADVANCED = "domestic_advanced", _("国内先进")
    NOT_EVALUATED = "not_evaluated", _("未评价")


class TransferMode(models.TextChoices):
    """The forms of transfer of 《促进科技成果转化法》 art. 16, plus cooperation and service."""

    ASSIGNMENT = "assignment", _("转让")
    EXCLUSIVE_LICENCE = "exclusive_licence", _("独占许可")
    SOLE_LICENCE = "sole_licence", _("排他许可")
    ORDINARY_LICENCE = "ordinary_licence", _("普通许可")
    EQUITY = "equity", _("作价入股")
    JOINT_DEVELOPMENT = "joint_development", _("合作开发")
    TECHNICAL_SERVICE = "technical_service", _("技术服务")


# A technology-transfer listing offers rights, not services.
TRANSFER_OF_RIGHTS = [
    TransferMode.ASSIGNMENT,
    TransferMode.EXCLUSIVE_LICENCE,
    TransferMode.SOLE_LICENCE,
    TransferMode.ORDINARY_LICENCE,
    TransferMode.EQUITY,
]


class PatentType(models.TextChoices):
    INVENTION = "invention", _("发明专利")
    UTILITY = "utility", _("实用新型")
    DESIGN = "design", _("外观设计")
    FOREIGN = "foreign", _("PCT/境外专利")


class PatentStatus(models.TextChoices):
    GRANTED = "granted", _("已授权")
    PENDING = "pending", _("申请中")


class FundingProgramme(models.TextChoices):
    NATIONAL_KEY_RD = "national_key_rd", _("国家重点研发计划")
    MAJOR_PROJECT = "major_project", _("国家科技重大专项")
    STIP2030 = "stip2030", _("科技创新2030—重大项目")
    NSFC = "nsfc", _("国家自然科学基金")
    OTHER_NATIONAL = "other_national", _("其他国家级项目")
    SASAC = "sasac", _("国资委及中央企业专项")
    PROVINCIAL = "provincial", _("省部级项目")
    ENTERPRISE = "enterprise", _("企业自主立项")
    INTERNATIONAL = "international", _("国际合作项目")
    OTHER = "other", _("其他")


class ProjectRole(models.TextChoices):
    LEAD = "lead", _("牵头承担")
    PARTICIPANT = "participant", _("参与承担")


class ProjectStage(models.TextChoices):
    APPROVED = "approved", _("已立项")
    IN_PROGRESS = "in_progress", _("研究实施中")
    MIDTERM = "midterm", _("已通过中期评估")
    ACCEPTANCE = "acceptance", _("结题验收中")


class ChallengeMode(models.TextChoices):
    OPEN_CALL = "open_call", _("揭榜挂帅")
    COMMISSIONED = "commissioned", _("委托研发")
    JOINT = "joint", _("联合攻关")
    CONSULTING = "consulting", _("技术咨询")
    OTHER = "other", _("其他")


class JobCategory(models.TextChoices):
    RESEARCH = "research", _("科研/技术研发")
    ENGINEERING = "engineering", _("工程技术")
    SKILLED = "skilled", _("技能/技师")
    MANAGEMENT = "management", _("经营管理")
    OTHER = "other", _("其他")


class Education(models.TextChoices):
    DOCTORATE = "doctorate", _("博士研究生")
    MASTER = "master", _("硕士研究生")
    BACHELOR = "bachelor", _("大学本科")
    COLLEGE = "college", _("大专")
    ANY = "any", _("不限")


class ProductCategory(models.TextChoices):
    """国家统计局《战略性新兴产业分类（2018）》."""

    NEXT_GEN_IT = "next_gen_it", _("新一代信息技术")
    HIGH_END_EQUIPMENT = "high_end_equipment", _("高端装备制造")
    NEW_MATERIALS = "new_materials", _("新材料")
    BIOTECH = "biotech", _("生物")
    NEV = "nev", _("新能源汽车")
    NEW_ENERGY = "new_energy", _("新能源")
    ENERGY_SAVING = "energy_saving", _("节能环保")
    DIGITAL_CREATIVE = "digital_creative", _("数字创意")
    RELATED_SERVICES = "related_services", _("相关服务")
    OTHER = "other", _("其他")


class ChoiceListField(models.JSONField):
    """Several codes of one choice list, stored as a JSON list and edited as checkboxes.

    Used for choices nobody filters on (sharing modes, services, transfer
    modes). ``allowed`` narrows the list for one model (技术转让 offers rights
    only). Unknown codes are refused, so an import or API write cannot store
    a value the site cannot label.
    """

    def __init__(self, *args, choice_set=None, allowed=None, **kwargs):
        self.choice_set = choice_set
        self.allowed = allowed
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        # The choice list is validation, not schema: leave it out of migrations.
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    @property
    def flatchoices_codes(self):
        if self.choice_set is None:
            return []
        codes = self.allowed or list(self.choice_set)
        return [(c.value, c.label) for c in codes]

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value in (None, ""):
            return
        allowed = {code for code, _label in self.flatchoices_codes}
        if not isinstance(value, list) or any(v not in allowed for v in value):
            raise ValidationError(_("包含不允许的选项。"), code="invalid_choice")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.flatchoices_codes,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def labels(self, value):
        names = dict(self.flatchoices_codes)
        return [names.get(code, code) for code in value or []]
