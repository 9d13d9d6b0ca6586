"""Topics of new energy and low-carbon work (示例能源 group, group-a)."""

from ..text import Topic

NEW_ENERGY_TOPICS = [
    Topic(
        slug="hydrogen",
        name=("氢能储运", "hydrogen storage and transport"),
        fields=("hydrogen", "new-energy"),
        owners=("a1", "group-a"),
        tags=("氢能", "储氢", "加氢站", "燃料电池"),
        tech=("70兆帕IV型车载储氢瓶", "70 MPa Type IV on-board hydrogen cylinders"),
        challenge=(
            "高压密封失效和材料氢脆",
            "high-pressure seal failure and hydrogen embrittlement of materials",
        ),
        result=(
            "储氢质量密度提高到5.7%，单瓶充装时间缩短至4分钟以内",
            "gravimetric storage density rose to 5.7 percent and filling time per cylinder "
            "fell below four minutes",
        ),
        scene=(
            "城市燃料电池公交和重型物流车辆",
            "urban fuel-cell buses and heavy logistics trucks",
        ),
        lab=(
            "示例氢能储运技术重点实验室",
            "Example Key Laboratory of Hydrogen Storage and Transport",
        ),
        project=(
            "高压气态储氢关键装备研制与示范",
            "Key Equipment for High-Pressure Gaseous Hydrogen Storage",
        ),
        rows=(
            ("储氢质量密度", "4.2%", "5.7%"),
            ("单瓶充装时间", "9分钟", "4分钟"),
            ("循环寿命", "1.1万次", "1.5万次"),
        ),
        trend_domestic=(
            (
                "国内输氢管道示范项目加快布局",
                "Hydrogen pipeline demonstrations gather pace in China",
            ),
            (
                "据行业统计，国内已有多条纯氢和掺氢输送管道进入建设或试运行阶段，管道输氢正从示范走向规模化。",
                "Industry statistics show several pure-hydrogen and hydrogen-blended pipelines in "
                "China under construction or in trial operation; pipeline transport of hydrogen "
                "is moving from demonstration to scale.",
            ),
        ),
        trend_foreign=(
            (
                "国外液氢储运技术研究进展",
                "Progress in liquid hydrogen storage and transport abroad",
            ),
            (
                "国外多个研究团队正在开展大容量液氢储罐和液氢运输船的工程验证，重点解决蒸发损失和绝热材料问题。",
                "Several research teams abroad are testing large liquid hydrogen tanks and carrier "
                "ships at engineering scale, with boil-off losses and insulation as the main "
                "problems to solve.",
            ),
        ),
    ),
    Topic(
        slug="offshore-wind",
        name=("海上风电", "offshore wind power"),
        fields=("new-energy", "energy"),
        owners=("a1", "group-a"),
        tags=("海上风电", "风电机组", "可再生能源"),
        tech=("16兆瓦级海上风电机组", "16 MW offshore wind turbines"),
        challenge=(
            "深远海环境下的基础结构安全和运维可达性",
            "foundation safety and maintenance access far offshore",
        ),
        result=(
            "单台机组年发电量可达6600万千瓦时，可满足约3.6万户家庭一年用电",
            "each turbine can generate 66 GWh a year, enough for about 36,000 households",
        ),
        scene=("深远海风电场", "deep-water offshore wind farms"),
        lab=("示例海上风电工程技术研究中心", "Example Offshore Wind Engineering Research Centre"),
        project=(
            "深远海漂浮式风电关键技术研究与示范",
            "Key Technologies and Demonstration of Deep-Sea Floating Wind Power",
        ),
        rows=(
            ("单机容量", "10兆瓦", "16兆瓦"),
            ("叶轮直径", "185米", "252米"),
            ("年等效利用小时", "3200小时", "4100小时"),
        ),
        trend_domestic=(
            ("深远海风电开发提速", "Deep-sea wind development speeds up"),
            (
                "沿海省份陆续发布深远海风电规划，漂浮式基础和柔性直流送出成为项目前期论证重点。",
                "Coastal provinces have published plans for deep-sea wind; floating foundations "
                "and flexible DC export links are now central to feasibility studies.",
            ),
        ),
        trend_foreign=(
            ("国外漂浮式风电进入商业化初期", "Floating wind reaches early commercial stage abroad"),
            (
                "北海地区多个漂浮式风电项目完成并网，单位千瓦造价较示范阶段明显下降。",
                "Several floating wind projects in the North Sea region have been connected to "
                "the grid, and cost per kilowatt has fallen markedly since the demonstration stage.",
            ),
        ),
    ),
    Topic(
        slug="energy-storage",
        name=("新型储能", "new-type energy storage"),
        fields=("new-energy", "materials"),
        owners=("a1", "a2"),
        tags=("储能", "液流电池", "电化学储能"),
        tech=("百兆瓦级全钒液流电池储能系统", "100 MW-class vanadium flow battery storage"),
        challenge=(
            "电池一致性管理难和系统效率偏低",
            "poor cell consistency and low system efficiency",
        ),
        result=(
            "系统能量转换效率提升至75%以上，设计寿命超过20年",
            "round-trip efficiency exceeded 75 percent and design life passed 20 years",
        ),
        scene=(
            "新能源基地调峰和电网侧储能电站",
            "peak regulation at renewable bases and grid-side storage stations",
        ),
        lab=("示例储能技术研究中心", "Example Energy Storage Research Centre"),
        project=(
            "长时储能关键材料与系统集成技术",
            "Key Materials and System Integration for Long-Duration Storage",
        ),
        rows=(
            ("能量转换效率", "68%", "75.6%"),
            ("电堆功率密度", "80毫瓦/平方厘米", "130毫瓦/平方厘米"),
            ("系统设计寿命", "15年", "20年"),
        ),
        trend_domestic=(
            ("新型储能装机规模快速增长", "New-type storage capacity grows fast"),
            (
                "据行业统计，国内新型储能累计装机规模持续快速增长，长时储能技术路线更加多元。",
                "Industry figures show installed new-type storage capacity in China still growing "
                "fast, with a wider range of long-duration technologies.",
            ),
        ),
        trend_foreign=(
            ("国外钠离子电池产业化动态", "Sodium-ion batteries move towards production abroad"),
            (
                "国外多家企业公布钠离子电池量产计划，主要面向储能和低速电动车市场。",
                "Several companies abroad have announced mass production of sodium-ion batteries, "
                "aimed mainly at storage and low-speed electric vehicles.",
            ),
        ),
    ),
    Topic(
        slug="solar",
        name=("光伏发电", "solar photovoltaics"),
        fields=("new-energy", "environment"),
        owners=("a1",),
        tags=("光伏", "沙漠治理", "新能源基地"),
        tech=("高效异质结光伏组件", "high-efficiency heterojunction solar modules"),
        challenge=(
            "沙漠戈壁地区风沙侵蚀和组件积灰",
            "sand erosion and dust build-up on modules in desert regions",
        ),
        result=(
            "组件转换效率达到24.8%，电站年发电量较常规方案提高6%",
            "module efficiency reached 24.8 percent and annual plant output rose 6 percent "
            "over conventional designs",
        ),
        scene=("沙漠戈壁大型风光基地", "large wind and solar bases in the desert"),
        lab=("示例光伏技术实证基地", "Example Photovoltaic Field Testing Base"),
        project=(
            "沙漠光伏电站高效发电与生态修复协同技术",
            "Efficient Generation and Ecological Restoration at Desert Solar Plants",
        ),
        rows=(
            ("组件转换效率", "22.5%", "24.8%"),
            ("年发电量", "基准", "提高6%"),
            ("清洗用水量", "基准", "降低45%"),
        ),
        trend_domestic=(
            ("光伏治沙模式在多地推广", "Solar-powered desert control spreads"),
            (
                "多个沙漠光伏基地采用板上发电、板下种植模式，兼顾清洁能源开发和生态修复。",
                "Several desert solar bases generate power above the panels and grow plants "
                "beneath them, combining clean energy with ecological restoration.",
            ),
        ),
        trend_foreign=(
            ("国外钙钛矿叠层电池效率再创新高", "Perovskite tandem cells set new records abroad"),
            (
                "国外研究团队报道的钙钛矿与晶硅叠层电池实验室效率持续提升，稳定性研究成为下一阶段重点。",
                "Laboratory efficiencies of perovskite-silicon tandem cells reported abroad keep "
                "rising, and stability is the next focus of research.",
            ),
        ),
    ),
    Topic(
        slug="ccus",
        name=("碳捕集利用与封存", "carbon capture, utilization and storage"),
        fields=("environment", "petrochemical"),
        owners=("group-a", "a2"),
        tags=("CCUS", "碳捕集", "双碳"),
        tech=(
            "燃煤电厂烟气二氧化碳捕集装置",
            "carbon dioxide capture units for coal plant flue gas",
        ),
        challenge=("捕集能耗高和吸收剂降解", "high capture energy use and solvent degradation"),
        result=(
            "捕集能耗降至每吨2.4吉焦，年捕集能力达到50万吨",
            "capture energy fell to 2.4 GJ per tonne and annual capacity reached 500,000 tonnes",
        ),
        scene=("燃煤电厂和化工园区", "coal-fired power plants and chemical parks"),
        lab=(
            "示例碳中和技术重点实验室",
            "Example Key Laboratory of Carbon Neutrality Technologies",
        ),
        project=(
            "五十万吨级燃烧后碳捕集与驱油封存示范",
            "Post-Combustion Carbon Capture and Storage Demonstration at 500,000 Tonnes",
        ),
        rows=(
            ("捕集能耗", "3.0吉焦/吨", "2.4吉焦/吨"),
            ("二氧化碳捕集率", "85%", "92%"),
            ("吸收剂损耗", "1.5千克/吨", "0.6千克/吨"),
        ),
        trend_domestic=(
            ("国内CCUS项目向全链条示范发展", "CCUS in China moves to full-chain demonstration"),
            (
                "多个百万吨级CCUS项目进入规划建设阶段，捕集、运输、利用和封存各环节加速衔接。",
                "Several million-tonne CCUS projects are being planned or built, linking capture, "
                "transport, use and storage more closely.",
            ),
        ),
        trend_foreign=(
            ("国外直接空气捕集技术进展", "Direct air capture progress abroad"),
            (
                "国外多个直接空气捕集示范装置投入运行，降低单位成本仍是产业化的主要挑战。",
                "Several direct air capture demonstration plants have started up abroad; lowering "
                "unit cost remains the main obstacle to commercial use.",
            ),
        ),
    ),
]
