"""Notices that ask enterprises to report: surveys, statistics, contacts, bulletins."""

from .notices import NoticeKind, attach_csv, attach_pdf, notice_kind

REPORTING_NOTICES = [
    NoticeKind(
        notice_kind(
            "survey",
            (
                "关于开展{prev}年度中央企业科技情况调查的通知",
                "Notice on the {prev} survey of science and technology at central enterprises",
            ),
            (
                "请各集团公司组织所属企业填报{prev}年度科技情况调查表，并于{deadline}前报送。",
                "Group companies are asked to have their subsidiaries complete the {prev} "
                "survey and submit it by {deadline}.",
            ),
            (
                "为全面掌握中央企业科技创新工作情况，决定开展{prev}年度科技情况调查。现将有关事项通知如下。",
                "To obtain a full picture of innovation at central enterprises, a science and "
                "technology survey for {prev} will be carried out. The arrangements are as follows.",
            ),
            (
                ("一、调查内容", "1. Scope"),
                (
                    "调查内容包括研发投入、研发人员、科研平台、知识产权、科技成果及转化等情况，统计时段为{prev}年1月1日至12月31日。",
                    "The survey covers research spending, research staff, research platforms, "
                    "intellectual property, and results and their transfer, from 1 January to "
                    "31 December {prev}.",
                ),
            ),
            (
                ("二、工作要求", "2. Requirements"),
                (
                    "各集团公司要明确专人负责，认真审核所属企业填报数据，确保真实、准确、完整。涉及国家秘密和商业秘密的内容不得通过本平台报送。",
                    "Each group company should name a person responsible and check its "
                    "subsidiaries' figures so that they are true, accurate and complete. Nothing "
                    "containing state or commercial secrets may be submitted through this platform.",
                ),
            ),
        ),
        "innovation",
        30,
        "all",
        (
            attach_pdf("科技情况调查填报说明", "Survey instructions"),
            attach_csv(
                "科技情况调查表",
                "Survey form",
                "企业名称",
                "研发投入（万元）",
                "研发人员（人）",
                "授权发明专利（项）",
                "国家级研发平台（个）",
                "填报人",
                "联系电话",
            ),
        ),
    ),
    NoticeKind(
        notice_kind(
            "platform-reporting",
            (
                "关于做好{year}年技术创新信息平台信息报送工作的通知",
                "Notice on reporting to the technology innovation information platform in {year}",
            ),
            (
                "明确{year}年平台信息报送的重点内容、审核要求和考核办法。",
                "What to report to the platform in {year}, how it is reviewed and how reporting "
                "is assessed.",
            ),
            (
                "为进一步发挥技术创新信息平台“共建、共享”的作用，现就做好{year}年信息报送工作通知如下。",
                "To make fuller use of the technology innovation information platform, built "
                "and shared by all, the arrangements for reporting in {year} are as follows.",
            ),
            (
                ("一、报送重点", "1. What to report"),
                (
                    "重点报送科技动态、重大科技成就、管理经验和可共享科技资源信息，每家集团公司全年报送信息原则上不少于{n}条。",
                    "Report mainly science and technology news, major achievements, management "
                    "experience and shareable research resources; each group company should in "
                    "principle report at least {n} items in the year.",
                ),
            ),
            (
                ("二、审核要求", "2. Review"),
                (
                    "坚持“谁上网、谁审核、谁负责”，所属企业报送的信息须经集团公司审核确认后统一发布，涉密信息一律不得上网。",
                    "Whoever puts information online reviews it and answers for it: items from "
                    "subsidiaries are published only after their group company has confirmed them, "
                    "and classified information must never go online.",
                ),
            ),
        ),
        "planning",
        20,
        "all",
        (
            attach_pdf("平台信息报送指南", "Platform reporting guide"),
            attach_csv(
                "信息员联系表",
                "Information officer contact form",
                "企业名称",
                "信息员姓名",
                "部门",
                "职务",
                "办公电话",
                "电子邮箱",
            ),
        ),
    ),
    NoticeKind(
        notice_kind(
            "patents",
            (
                "关于报送{prev}年度专利拥有情况的通知",
                "Notice on reporting patent holdings for {prev}",
            ),
            (
                "请各集团公司统计{prev}年末专利拥有情况，平台将据此发布专利拥有情况排序。",
                "Group companies are asked to report their patent holdings at the end of {prev}; "
                "the platform will publish a ranking based on them.",
            ),
            (
                "为掌握中央企业知识产权创造和运用情况，现组织开展{prev}年度专利拥有情况统计。",
                "To track how central enterprises create and use intellectual property, patent "
                "holdings for {prev} are now being collected.",
            ),
            (
                ("一、统计范围", "1. Scope"),
                (
                    "统计范围为集团公司及其所属企业截至{prev}年12月31日的有效专利，按发明、实用新型和外观设计分类填报。",
                    "The count covers valid patents held by each group company and its subsidiaries "
                    "on 31 December {prev}, by invention, utility model and design.",
                ),
            ),
            (
                ("二、结果运用", "2. Use of the results"),
                (
                    "统计结果将在本平台发布专利拥有情况排序，并作为平台共建和使用情况评价的参考。",
                    "The results will be published on this platform as a ranking of patent holdings "
                    "and used in assessing participation in the platform.",
                ),
            ),
        ),
        "innovation",
        25,
        "all",
        (
            attach_csv(
                "专利拥有情况统计表",
                "Patent holdings form",
                "企业名称",
                "有效发明专利（件）",
                "有效实用新型专利（件）",
                "国外授权专利（件）",
                "专利许可收入（万元）",
            ),
            attach_pdf("统计口径说明", "Definitions"),
        ),
    ),
    NoticeKind(
        notice_kind(
            "reporting-bulletin",
            (
                "关于{prev}年度平台信息报送情况的通报",
                "Bulletin on reporting to the platform in {prev}",
            ),
            (
                "通报{prev}年各集团公司平台信息报送和使用情况，对表现突出的单位给予表扬。",
                "How each group company used and reported to the platform in {prev}, with "
                "commendations for those that did well.",
            ),
            (
                "{prev}年，各集团公司高度重视平台共建共享工作，全年累计报送信息{n}条，较上年增长{pct}%。",
                "In {prev}, group companies gave the platform high priority, reporting {n} items "
                "in total, {pct} percent more than the year before.",
            ),
            (
                ("一、总体情况", "1. Overview"),
                (
                    "从报送内容看，科技动态和重大科技成就占比较高，管理经验和可共享资源信息仍需加强。",
                    "News and major achievements made up most of the items; management experience "
                    "and shareable resources need more attention.",
                ),
            ),
            (
                ("二、下一步要求", "2. Next steps"),
                (
                    "各集团公司要把平台共建和使用情况纳入科技工作考核，进一步提高信息报送的质量和时效。",
                    "Group companies should include participation in the platform in their own "
                    "assessments and report more promptly and with higher quality.",
                ),
            ),
        ),
        "planning",
        None,
        "all",
        (attach_pdf("平台信息报送情况统计", "Reporting statistics"),),
    ),
    NoticeKind(
        notice_kind(
            "contacts",
            (
                "关于更新{year}年度科技工作联系人信息的通知",
                "Notice on updating science and technology contacts for {year}",
            ),
            (
                "请各集团公司核对并更新科技工作联系表，于{deadline}前报送。",
                "Group companies are asked to check and update their contact registration and "
                "return it by {deadline}.",
            ),
            (
                "为保证工作联系渠道畅通，请各集团公司对科技工作联系人信息进行核对更新。",
                "To keep lines of communication open, group companies are asked to check and "
                "update their contacts for science and technology work.",
            ),
            (
                ("一、填报内容", "1. What to provide"),
                (
                    "包括分管科技工作的企业负责人、科技管理部门负责人和平台信息员的联系方式。",
                    "Contact details of the executive in charge of science and technology, the head "
                    "of the technology management department and the platform information officer.",
                ),
            ),
            (
                ("二、报送方式", "2. How to submit"),
                (
                    "联系表通过本平台报送，信息如有变化请及时更新。",
                    "Submit the form through this platform and update it whenever details change.",
                ),
            ),
        ),
        "general",
        14,
        "all",
        (
            attach_csv(
                "科技工作联系表",
                "Contact registration form",
                "企业名称",
                "分管领导",
                "科技管理部门",
                "联系人",
                "办公电话",
                "手机号码",
                "电子邮箱",
            ),
            attach_pdf("联系表填报说明", "Instructions"),
        ),
    ),
]
