"""Topics of advanced materials and the major equipment built from them (示例装备 group, group-b)."""

from ..text import Topic

MATERIALS_TOPICS = [
    Topic(
        slug="superalloy",
        name=("高温合金", "superalloys"),
        fields=("materials", "aerospace"),
        owners=("b2", "group-b"),
        tags=("高温合金", "新材料", "航空发动机"),
        tech=(
            "第三代单晶高温合金涡轮叶片",
            "third-generation single-crystal superalloy turbine blades",
        ),
        challenge=(
            "单晶叶片铸造缺陷多、成品率低",
            "casting defects and low yield of single-crystal blades",
        ),
        result=(
            "叶片成品率由45%提高到78%，承温能力提高约30摄氏度",
            "blade yield rose from 45 to 78 percent and temperature capability improved by "
            "about 30 degrees Celsius",
        ),
        scene=(
            "航空发动机和重型燃气轮机热端部件",
            "hot-section parts of aero engines and heavy gas turbines",
        ),
        lab=("示例先进金属材料重点实验室", "Example Key Laboratory of Advanced Metallic Materials"),
        project=(
            "高性能单晶高温合金及叶片制备技术",
            "High-Performance Single-Crystal Superalloys and Blade Manufacturing",
        ),
        rows=(
            ("叶片成品率", "45%", "78%"),
            ("承温能力", "基准", "提高30摄氏度"),
            ("持久寿命", "100小时", "180小时"),
        ),
        trend_domestic=(
            ("高温合金产能扩张与质量提升并重", "Superalloy makers expand and raise quality"),
            (
                "国内多家企业扩建高温合金生产线，粉末冶金和增材制造工艺加快工程化应用。",
                "Several Chinese firms are expanding superalloy lines, and powder metallurgy and "
                "additive manufacturing are moving into engineering use.",
            ),
        ),
        trend_foreign=(
            ("国外陶瓷基复合材料热端部件应用扩大", "Ceramic matrix composites spread abroad"),
            (
                "国外航空发动机制造商扩大陶瓷基复合材料在涡轮部件中的应用，以进一步提高工作温度。",
                "Aero engine makers abroad are using more ceramic matrix composites in turbine "
                "parts to raise operating temperatures further.",
            ),
        ),
    ),
    Topic(
        slug="carbon-fibre",
        name=("碳纤维复合材料", "carbon fibre composites"),
        fields=("materials", "transport"),
        owners=("b2", "group-b"),
        tags=("碳纤维", "复合材料", "轻量化"),
        tech=(
            "高强中模碳纤维及其复合材料构件",
            "high-strength intermediate-modulus carbon fibre and composite parts",
        ),
        challenge=(
            "原丝质量稳定性和复合材料成型效率",
            "precursor consistency and slow composite forming",
        ),
        result=(
            "碳纤维拉伸强度达到6.4吉帕，构件减重35%",
            "tensile strength reached 6.4 GPa and the parts weighed 35 percent less",
        ),
        scene=(
            "轨道交通车体、储氢气瓶和风电叶片",
            "rail vehicle bodies, hydrogen cylinders and wind turbine blades",
        ),
        lab=("示例复合材料工程研究中心", "Example Composites Engineering Research Centre"),
        project=(
            "高性能碳纤维工程化制备与应用",
            "Engineering-Scale Production and Use of High-Performance Carbon Fibre",
        ),
        rows=(
            ("拉伸强度", "4.9吉帕", "6.4吉帕"),
            ("构件重量", "基准", "降低35%"),
            ("单线年产能", "1000吨", "3000吨"),
        ),
        trend_domestic=(
            ("国产碳纤维应用领域持续拓展", "Chinese carbon fibre finds new uses"),
            (
                "国产碳纤维在风电叶片、压力容器和体育用品领域用量快速增长，高端牌号加快突破。",
                "Use of Chinese carbon fibre in wind blades, pressure vessels and sports goods is "
                "growing fast, and high-end grades are catching up.",
            ),
        ),
        trend_foreign=(
            ("国外热塑性复合材料快速成型技术", "Fast forming of thermoplastic composites abroad"),
            (
                "国外航空制造商加快热塑性复合材料焊接和快速成型技术验证，以缩短机身结构生产节拍。",
                "Aircraft makers abroad are testing welding and fast forming of thermoplastic "
                "composites to shorten production cycles for fuselage structures.",
            ),
        ),
    ),
    Topic(
        slug="solid-state-battery",
        name=("固态电池材料", "solid-state battery materials"),
        fields=("materials", "new-energy"),
        owners=("b2",),
        tags=("固态电池", "电解质", "新材料"),
        tech=("硫化物固态电解质", "sulfide solid electrolytes"),
        challenge=(
            "固固界面阻抗大和材料空气稳定性差",
            "high solid-solid interface resistance and poor stability in air",
        ),
        result=(
            "电解质离子电导率达到每厘米12毫西门子，电芯能量密度达到每千克400瓦时",
            "ionic conductivity reached 12 mS per centimetre and cell energy density reached "
            "400 Wh per kilogram",
        ),
        scene=("电动汽车动力电池和储能电池", "electric vehicle and energy storage batteries"),
        lab=("示例新能源材料实验室", "Example New Energy Materials Laboratory"),
        project=("全固态锂电池关键材料研发", "Key Materials for All-Solid-State Lithium Batteries"),
        rows=(
            ("离子电导率", "3毫西门子/厘米", "12毫西门子/厘米"),
            ("电芯能量密度", "300瓦时/千克", "400瓦时/千克"),
            ("空气中稳定时间", "10分钟", "2小时"),
        ),
        trend_domestic=(
            ("固态电池产业化路线逐步清晰", "A clearer path to making solid-state batteries"),
            (
                "国内电池企业和车企加快固态电池中试线建设，半固态电池已实现装车应用。",
                "Chinese battery and car makers are building solid-state pilot lines, and "
                "semi-solid batteries are already in vehicles.",
            ),
        ),
        trend_foreign=(
            ("国外固态电池研发竞争加剧", "Competition in solid-state batteries intensifies abroad"),
            (
                "国外多家车企公布固态电池装车时间表，电解质材料和量产工艺是竞争焦点。",
                "Several carmakers abroad have announced dates for solid-state batteries in "
                "vehicles, with electrolyte materials and mass production as the contested ground.",
            ),
        ),
    ),
    Topic(
        slug="gas-turbine",
        name=("重型燃气轮机", "heavy-duty gas turbines"),
        fields=("energy", "manufacturing"),
        owners=("group-b",),
        tags=("燃气轮机", "重大装备", "首台套"),
        tech=("300兆瓦级F级重型燃气轮机", "300 MW F-class heavy-duty gas turbines"),
        challenge=(
            "高温部件设计制造和燃烧稳定性",
            "hot-part design and manufacture and combustion stability",
        ),
        result=(
            "联合循环效率超过60%，氮氧化物排放低于15ppm",
            "combined-cycle efficiency exceeded 60 percent and nitrogen oxide emissions stayed "
            "below 15 ppm",
        ),
        scene=(
            "调峰电站和工业园区热电联供",
            "peaking plants and combined heat and power for industrial parks",
        ),
        lab=("示例燃气轮机研究院", "Example Gas Turbine Research Institute"),
        project=("重型燃气轮机自主研制工程", "Independent Development of Heavy-Duty Gas Turbines"),
        rows=(
            ("联合循环效率", "57%", "60.5%"),
            ("氮氧化物排放", "25ppm", "15ppm"),
            ("国产化率", "70%", "100%"),
        ),
        trend_domestic=(
            ("燃气轮机国产化进程加快", "Domestic gas turbines gather pace"),
            (
                "国产重型燃气轮机陆续完成满负荷试验，燃机检修和备件服务能力同步提升。",
                "Chinese heavy-duty gas turbines have completed full-load tests one after another, "
                "and maintenance and spare-part services are growing with them.",
            ),
        ),
        trend_foreign=(
            ("国外燃气轮机掺氢燃烧试验进展", "Hydrogen co-firing tests in gas turbines abroad"),
            (
                "国外燃气轮机制造商开展高比例掺氢燃烧试验，目标是实现纯氢燃烧。",
                "Gas turbine makers abroad are testing combustion with high hydrogen blends, aiming "
                "at turbines that burn pure hydrogen.",
            ),
        ),
    ),
    Topic(
        slug="medical",
        name=("高端医疗装备", "high-end medical equipment"),
        fields=("biomedicine", "manufacturing"),
        owners=("group-b", "b1"),
        tags=("医疗装备", "医学影像", "生物医药"),
        tech=("低剂量能谱CT", "low-dose spectral CT scanners"),
        challenge=(
            "探测器核心部件依赖进口和图像重建速度慢",
            "reliance on imported detector parts and slow image reconstruction",
        ),
        result=(
            "扫描剂量降低约40%，探测器模组实现自主供应",
            "scan dose fell by about 40 percent and detector modules are now made in-house",
        ),
        scene=(
            "县级医院影像科和体检中心",
            "imaging departments of county hospitals and health check centres",
        ),
        lab=("示例医学影像装备工程中心", "Example Medical Imaging Engineering Centre"),
        project=("高端医学影像装备关键部件攻关", "Key Components for High-End Medical Imaging"),
        rows=(
            ("扫描剂量", "基准", "降低40%"),
            ("图像重建时间", "30秒", "6秒"),
            ("探测器国产化率", "0%", "100%"),
        ),
        trend_domestic=(
            (
                "国产高端医疗装备加快进入基层",
                "Chinese high-end medical equipment reaches county hospitals",
            ),
            (
                "国产CT、磁共振等大型医疗设备在县级医院的装机量持续提升，售后服务网络不断完善。",
                "More Chinese-made CT and MRI scanners are being installed in county hospitals, "
                "backed by a growing service network.",
            ),
        ),
        trend_foreign=(
            ("国外光子计数CT临床应用进展", "Photon-counting CT in clinical use abroad"),
            (
                "国外光子计数CT进入更多临床场景，在低剂量成像和组织定量分析方面显示出优势。",
                "Photon-counting CT is entering more clinical uses abroad, showing advantages in "
                "low-dose imaging and quantitative tissue analysis.",
            ),
        ),
    ),
]
