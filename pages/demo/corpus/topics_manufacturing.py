"""Topics of intelligent manufacturing (示例装备 group, group-b)."""

from ..text import Topic

MANUFACTURING_TOPICS = [
    Topic(
        slug="industrial-internet",
        name=("工业互联网平台", "industrial internet platforms"),
        fields=("ict", "manufacturing"),
        owners=("b1", "group-b"),
        tags=("工业互联网", "数字化转型", "智能制造"),
        tech=("面向装备制造的工业互联网平台", "industrial internet platforms for equipment makers"),
        challenge=(
            "设备协议多样、数据孤岛和边缘算力不足",
            "diverse machine protocols, data silos and scarce edge computing",
        ),
        result=(
            "平台接入设备超过12万台套，产品研制周期缩短30%",
            "more than 120,000 machines were connected and product development cycles "
            "shortened by 30 percent",
        ),
        scene=(
            "离散制造车间和产业链协同",
            "discrete manufacturing shops and supply chain coordination",
        ),
        lab=("示例工业互联网创新中心", "Example Industrial Internet Innovation Centre"),
        project=(
            "装备制造行业工业互联网平台建设与推广",
            "An Industrial Internet Platform for the Equipment Industry",
        ),
        rows=(
            ("接入设备数", "3万台套", "12万台套"),
            ("产品研制周期", "18个月", "12.6个月"),
            ("设备综合效率", "62%", "78%"),
        ),
        trend_domestic=(
            ("工业互联网进入规模化推广阶段", "The industrial internet enters large-scale rollout"),
            (
                "国内跨行业跨领域工业互联网平台数量持续增加，中小企业“上云用数”步伐加快。",
                "The number of cross-industry industrial internet platforms in China keeps "
                "growing, and small firms are moving to the cloud faster.",
            ),
        ),
        trend_foreign=(
            ("国外工业数据空间建设动向", "Industrial data spaces abroad"),
            (
                "欧洲多国推动建设行业数据空间，探索在保障数据主权前提下的跨企业数据共享。",
                "Several European countries are building industry data spaces to share data "
                "between companies while keeping control over who uses it.",
            ),
        ),
    ),
    Topic(
        slug="5g-factory",
        name=("5G全连接工厂", "5G fully connected factories"),
        fields=("ict", "manufacturing"),
        owners=("b1", "group-b"),
        tags=("5G", "5G基站", "工业互联网"),
        tech=("5G专网与工业控制融合系统", "converged 5G private networks and industrial control"),
        challenge=(
            "工业现场对低时延、高可靠通信的严苛要求",
            "the strict latency and reliability demands of the factory floor",
        ),
        result=(
            "厂区建成5G基站46个，端到端时延稳定在10毫秒以内",
            "forty-six 5G base stations went up on site and end-to-end latency held below "
            "10 milliseconds",
        ),
        scene=(
            "总装车间、智能仓储和厂内物流",
            "assembly shops, smart warehouses and in-plant logistics",
        ),
        lab=("示例5G工业应用联合实验室", "Example Joint Laboratory for Industrial 5G"),
        project=("5G全连接工厂建设试点", "A 5G Fully Connected Factory Pilot"),
        rows=(
            ("5G基站数量", "0个", "46个"),
            ("端到端时延", "50毫秒", "10毫秒"),
            ("无线化产线比例", "10%", "70%"),
        ),
        trend_domestic=(
            ("5G行业专网应用持续深化", "5G private networks take root in industry"),
            (
                "国内5G基站总数持续增长，5G行业虚拟专网在工厂、矿山和港口加快落地。",
                "China's 5G base stations keep multiplying, and virtual private 5G networks are "
                "spreading in factories, mines and ports.",
            ),
        ),
        trend_foreign=(
            ("国外5G-Advanced技术标准化进展", "5G-Advanced standardization abroad"),
            (
                "国际标准组织持续推进5G-Advanced标准制定，通感一体和无源物联成为重点方向。",
                "International standards bodies are advancing 5G-Advanced, with integrated sensing "
                "and passive IoT among the main directions.",
            ),
        ),
    ),
    Topic(
        slug="robots",
        name=("工业机器人", "industrial robots"),
        fields=("manufacturing", "ai"),
        owners=("b1", "group-b"),
        tags=("机器人", "智能制造", "焊接"),
        tech=(
            "大负载焊接机器人和视觉引导系统",
            "heavy-payload welding robots with vision guidance",
        ),
        challenge=(
            "大型结构件焊缝轨迹复杂、示教编程耗时",
            "complex weld paths on large structures and slow teach-in programming",
        ),
        result=(
            "焊接一次合格率提高到99.2%，编程时间缩短80%",
            "first-pass weld quality rose to 99.2 percent and programming time fell by 80 percent",
        ),
        scene=(
            "工程机械和轨道交通装备大型结构件焊接",
            "welding large structures for construction machinery and rail equipment",
        ),
        lab=("示例机器人技术研究所", "Example Robotics Institute"),
        project=(
            "大型结构件智能焊接机器人系统研制",
            "Intelligent Welding Robots for Large Structures",
        ),
        rows=(
            ("焊接一次合格率", "95.1%", "99.2%"),
            ("离线编程时间", "8小时", "1.5小时"),
            ("重复定位精度", "±0.08毫米", "±0.03毫米"),
        ),
        trend_domestic=(
            (
                "国产工业机器人市场占有率稳步提升",
                "Chinese-made industrial robots gain market share",
            ),
            (
                "国内工业机器人产量保持增长，减速器、伺服电机等核心部件国产化水平不断提高。",
                "Industrial robot output in China keeps growing, and more reducers, servo motors "
                "and other core parts are made domestically.",
            ),
        ),
        trend_foreign=(
            ("国外人形机器人进入工厂试用", "Humanoid robots on trial in factories abroad"),
            (
                "国外多家企业在汽车工厂试用人形机器人搬运物料，灵巧手和具身智能成为研发热点。",
                "Several companies abroad are trying humanoid robots for material handling in car "
                "plants, with dexterous hands and embodied intelligence as research hotspots.",
            ),
        ),
    ),
    Topic(
        slug="digital-twin",
        name=("数字孪生与智能质检", "digital twins and AI quality inspection"),
        fields=("ai", "manufacturing"),
        owners=("b1",),
        tags=("数字孪生", "人工智能", "质量检测"),
        tech=(
            "产线数字孪生和视觉质检模型",
            "production-line digital twins and visual inspection models",
        ),
        challenge=(
            "小样本缺陷识别和虚实数据同步",
            "recognizing defects from few samples and keeping virtual and physical data in step",
        ),
        result=(
            "质检漏检率降至0.3%以下，产线调试时间缩短40%",
            "missed defects fell below 0.3 percent and line commissioning took 40 percent less time",
        ),
        scene=("精密零部件加工和总装检测", "precision machining and final assembly inspection"),
        lab=("示例智能制造系统实验室", "Example Intelligent Manufacturing Systems Laboratory"),
        project=(
            "离散制造数字孪生工厂关键技术",
            "Digital-Twin Factories for Discrete Manufacturing",
        ),
        rows=(
            ("质检漏检率", "2.1%", "0.3%"),
            ("产线调试时间", "基准", "缩短40%"),
            ("质检人员", "24人", "6人"),
        ),
        trend_domestic=(
            ("人工智能质检在制造业加快普及", "AI quality inspection spreads in manufacturing"),
            (
                "国内电子、汽车和钢铁等行业广泛部署机器视觉质检系统，行业模型开始向中小企业输出。",
                "Electronics, car and steel makers in China are widely deploying machine-vision "
                "inspection, and industry models are reaching smaller firms.",
            ),
        ),
        trend_foreign=(
            ("国外工业元宇宙与数字孪生实践", "Industrial metaverse and digital twins abroad"),
            (
                "国外制造企业利用数字孪生开展工厂规划和虚拟调试，缩短新产线投产周期。",
                "Manufacturers abroad use digital twins for factory planning and virtual "
                "commissioning, bringing new lines into production sooner.",
            ),
        ),
    ),
    Topic(
        slug="rail",
        name=("轨道交通装备", "rail transit equipment"),
        fields=("transport", "manufacturing"),
        owners=("group-b", "b1"),
        tags=("轨道交通", "动车组", "牵引系统"),
        tech=("永磁同步牵引系统", "permanent-magnet synchronous traction systems"),
        challenge=("牵引电机高功率密度与散热", "power density and cooling of traction motors"),
        result=(
            "牵引能耗降低约10%，车内噪声下降3分贝",
            "traction energy use fell by about 10 percent and cabin noise dropped by 3 decibels",
        ),
        scene=("城际动车组和城市地铁车辆", "intercity multiple units and metro trains"),
        lab=("示例轨道交通牵引技术实验室", "Example Rail Traction Laboratory"),
        project=(
            "新一代轨道交通永磁牵引系统研制",
            "Next-Generation Permanent-Magnet Traction for Rail Transit",
        ),
        rows=(
            ("牵引能耗", "基准", "降低10%"),
            ("电机功率密度", "1.1千瓦/千克", "1.5千瓦/千克"),
            ("车内噪声", "68分贝", "65分贝"),
        ),
        trend_domestic=(
            ("城市轨道交通智能化升级提速", "Urban rail goes smart"),
            (
                "多个城市地铁线路推行全自动运行系统，智能运维和节能技术应用范围扩大。",
                "Metro lines in several cities are adopting fully automatic operation, with wider "
                "use of smart maintenance and energy-saving technology.",
            ),
        ),
        trend_foreign=(
            ("国外氢能列车商业运营观察", "Hydrogen trains in commercial service abroad"),
            (
                "国外部分非电气化铁路线路投入氢燃料电池列车，运营经验为技术迭代提供了依据。",
                "Hydrogen fuel-cell trains now run on some non-electrified lines abroad, and their "
                "operating record is informing the next designs.",
            ),
        ),
    ),
]
