"""Topics of power grids, pipelines and their digitalization (示例能源 group, group-a)."""

from ..text import Topic

GRID_TOPICS = [
    Topic(
        slug="uhv",
        name=("特高压输电", "ultra-high-voltage transmission"),
        fields=("energy",),
        owners=("a2", "group-a"),
        tags=("特高压", "直流输电", "电网"),
        tech=("±800千伏特高压直流换流阀", "±800 kV UHV DC converter valves"),
        challenge=(
            "大容量换流阀散热和绝缘配合",
            "heat dissipation and insulation coordination in high-capacity converter valves",
        ),
        result=(
            "换流阀损耗降低约12%，关键器件全部实现国产化",
            "converter valve losses fell by about 12 percent and every key component is now "
            "made in China",
        ),
        scene=("西部清洁能源外送通道", "corridors carrying clean power from the west"),
        lab=("示例特高压输变电技术重点实验室", "Example Key Laboratory of UHV Transmission"),
        project=(
            "特高压直流输电关键设备自主化",
            "Domestic Development of Key Equipment for UHV DC Transmission",
        ),
        rows=(
            ("换流阀损耗", "0.72%", "0.63%"),
            ("关键器件国产化率", "65%", "100%"),
            ("单阀组额定电流", "5000安", "6250安"),
        ),
        trend_domestic=(
            ("特高压工程建设进入新一轮高峰", "A new wave of UHV construction"),
            (
                "多条特高压直流工程相继开工建设，跨区域清洁电力输送能力将进一步提升。",
                "Several UHV DC projects have broken ground, adding capacity to carry clean power "
                "between regions.",
            ),
        ),
        trend_foreign=(
            ("国外高压直流电网技术发展动向", "Trends in HVDC grid technology abroad"),
            (
                "欧洲多国正在规划连接海上风电的多端柔性直流电网，直流断路器成为研究热点。",
                "Several European countries are planning multi-terminal flexible HVDC grids to "
                "connect offshore wind, and DC circuit breakers have become a research focus.",
            ),
        ),
    ),
    Topic(
        slug="smart-grid",
        name=("智能电网", "smart grids"),
        fields=("energy", "ict"),
        owners=("a2", "group-a"),
        tags=("智能电网", "配电网", "数字化"),
        tech=("配电网故障自愈控制系统", "self-healing fault control for distribution networks"),
        challenge=(
            "大量分布式电源接入带来的电压波动和保护失配",
            "voltage fluctuation and protection mismatch caused by large numbers of distributed "
            "generators",
        ),
        result=(
            "故障隔离时间由分钟级缩短到秒级，用户年均停电时间下降40%",
            "fault isolation time fell from minutes to seconds and average outage time per "
            "customer dropped by 40 percent",
        ),
        scene=(
            "城市核心区和新能源高渗透率配电网",
            "city centres and grids with a high share of renewables",
        ),
        lab=("示例电网数字化技术实验室", "Example Grid Digitalization Laboratory"),
        project=(
            "高比例新能源配电网运行控制关键技术",
            "Operation and Control of Distribution Networks with High Renewable Penetration",
        ),
        rows=(
            ("故障隔离时间", "3分钟", "20秒"),
            ("供电可靠率", "99.95%", "99.99%"),
            ("分布式电源可观可控比例", "60%", "95%"),
        ),
        trend_domestic=(
            ("虚拟电厂试点范围扩大", "Virtual power plant pilots expand"),
            (
                "多个城市开展虚拟电厂试点，聚合充电桩、储能和可调节负荷参与电力市场交易。",
                "Several cities are piloting virtual power plants that pool charging points, "
                "storage and flexible loads to trade in the power market.",
            ),
        ),
        trend_foreign=(
            ("国外配电网数字化转型观察", "Digital transformation of distribution grids abroad"),
            (
                "国外多家配电公司加快部署智能电表和配电自动化系统，数据驱动的运维模式逐步普及。",
                "Distribution companies abroad are speeding up the rollout of smart meters and "
                "distribution automation, and data-driven maintenance is spreading.",
            ),
        ),
    ),
    Topic(
        slug="power-ai",
        name=("电力人工智能", "artificial intelligence for power systems"),
        fields=("ai", "energy"),
        owners=("a2", "group-a"),
        tags=("人工智能", "大模型", "智能巡检"),
        tech=(
            "电力行业大模型和无人机智能巡检系统",
            "power-grid foundation models and AI drone inspection",
        ),
        challenge=(
            "输电线路巡检数据量大、缺陷识别依赖人工",
            "slow, manual defect recognition in huge volumes of line inspection data",
        ),
        result=(
            "缺陷识别准确率达到96%，巡检效率提高约5倍",
            "defect recognition accuracy reached 96 percent and inspection became about five "
            "times faster",
        ),
        scene=("输电线路和变电站运维", "maintenance of transmission lines and substations"),
        lab=("示例电力人工智能联合实验室", "Example Joint Laboratory for AI in Power Systems"),
        project=(
            "面向电网运维的行业大模型研发与应用",
            "An Industry Foundation Model for Grid Operation and Maintenance",
        ),
        rows=(
            ("缺陷识别准确率", "82%", "96%"),
            ("单条线路巡检时间", "5天", "1天"),
            ("人工复核比例", "100%", "15%"),
        ),
        trend_domestic=(
            ("行业大模型加快落地能源领域", "Industry foundation models reach the energy sector"),
            (
                "多家能源企业发布行业大模型，应用场景覆盖调度辅助、设备运维和客户服务。",
                "Several energy companies have released industry foundation models for dispatch "
                "support, equipment maintenance and customer service.",
            ),
        ),
        trend_foreign=(
            ("国外人工智能用于电网调度的探索", "AI in grid dispatch: experiments abroad"),
            (
                "国外电网运营商正在测试基于机器学习的负荷和新能源出力预测，以提升调度精度。",
                "Grid operators abroad are testing machine-learning forecasts of load and "
                "renewable output to make dispatch more accurate.",
            ),
        ),
    ),
    Topic(
        slug="pipeline",
        name=("油气管道智能运维", "intelligent pipeline maintenance"),
        fields=("petrochemical", "ict"),
        owners=("group-a", "a2"),
        tags=("油气管道", "智能运维", "安全生产"),
        tech=(
            "长输管道光纤预警和内检测系统",
            "fibre-optic early warning and in-line inspection for long pipelines",
        ),
        challenge=(
            "长距离管道第三方施工破坏和腐蚀缺陷难以及时发现",
            "late detection of third-party damage and corrosion along long pipelines",
        ),
        result=(
            "预警定位误差小于50米，管道本体缺陷检出率超过95%",
            "warnings were located to within 50 metres and more than 95 percent of pipe-body "
            "defects were detected",
        ),
        scene=("跨区域油气长输管网", "long-distance oil and gas networks"),
        lab=("示例管道安全技术研究中心", "Example Pipeline Safety Research Centre"),
        project=(
            "油气管网本质安全智能监测关键技术",
            "Intelligent Monitoring for Inherently Safe Pipelines",
        ),
        rows=(
            ("预警定位误差", "200米", "50米"),
            ("缺陷检出率", "80%", "95%"),
            ("人工巡线频次", "每日1次", "每周1次"),
        ),
        trend_domestic=(
            ("油气管网数字化建设持续推进", "Digitalization of oil and gas networks continues"),
            (
                "国内主干油气管网加快建设数字孪生体，推动运行调度和完整性管理智能化。",
                "China's trunk oil and gas pipelines are building digital twins to make dispatch "
                "and integrity management smarter.",
            ),
        ),
        trend_foreign=(
            ("国外管道泄漏检测技术新动向", "New approaches to pipeline leak detection abroad"),
            (
                "国外管道运营商将卫星遥感与分布式光纤传感结合，用于甲烷泄漏监测。",
                "Pipeline operators abroad are combining satellite remote sensing with "
                "distributed fibre sensing to monitor methane leaks.",
            ),
        ),
    ),
]
