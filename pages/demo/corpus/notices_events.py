"""Notices of calls, meetings, training, programmes and confidentiality rules."""

from .notices import NoticeKind, attach_csv, attach_pdf, notice_kind

EVENT_NOTICES = [
    NoticeKind(
        notice_kind(
            "achievements-call",
            (
                "关于征集{year}年度重大科技成果的通知",
                "Call for major scientific and technological achievements, {year}",
            ),
            (
                "面向各集团公司征集具有重大影响的科技成果，入选成果将在本平台集中展示。",
                "Group companies are invited to put forward achievements of major significance; "
                "those selected will be featured on this platform.",
            ),
            (
                "为集中展示中央企业科技创新成效，决定征集{year}年度重大科技成果。",
                "To showcase what central enterprises have achieved, major achievements for "
                "{year} are being collected.",
            ),
            (
                ("一、征集范围", "1. Eligibility"),
                (
                    "近三年内完成，在关键核心技术突破、重大工程建设或产业化应用方面取得显著成效的科技成果。",
                    "Results completed in the past three years that made a clear difference in key "
                    "core technologies, major engineering projects or industrial application.",
                ),
            ),
            (
                ("二、推荐程序", "2. Nomination"),
                (
                    "成果由集团公司审核后统一推荐，每家集团公司推荐不超过{quota}项。",
                    "Group companies review and submit nominations, no more than {quota} each.",
                ),
            ),
        ),
        "innovation",
        40,
        "all",
        (
            attach_pdf("重大科技成果征集说明", "Guidelines"),
            attach_csv(
                "重大科技成果推荐表",
                "Nomination form",
                "成果名称",
                "完成单位",
                "技术领域",
                "成果简介",
                "获奖情况",
                "推荐单位",
            ),
        ),
    ),
    NoticeKind(
        notice_kind(
            "confidentiality",
            (
                "关于进一步加强{year}年平台信息保密审查工作的通知",
                "Notice on tightening confidentiality review of platform information in {year}",
            ),
            (
                "重申“涉密不上网、上网不涉密”，要求各集团公司严格落实先审后发。",
                "Classified information never goes online and nothing online may be classified: "
                "group companies must review before they publish.",
            ),
            (
                "近期检查发现，个别单位报送的信息存在审查把关不严的问题。现将有关要求通知如下。",
                "Recent checks found that some organizations had not reviewed their submissions "
                "strictly enough. The following requirements apply.",
            ),
            (
                ("一、严格执行先审后发", "1. Review before publication"),
                (
                    "所有上网信息须经信息采集人、保密审查人和终审人逐级审核，保密审查意见分为公开、不予公开和需报审三类。",
                    "Every item is checked in turn by its author, a confidentiality reviewer and a "
                    "final approver; the confidentiality decision is public, not to be published, "
                    "or refer upward.",
                ),
            ),
            (
                ("二、落实主体责任", "2. Responsibility"),
                (
                    "按照“谁上网、谁审核、谁负责”的原则，各集团公司对本单位及所属企业上网信息的保密审查负总责。",
                    "Whoever publishes reviews and answers: each group company is fully responsible "
                    "for the confidentiality review of what it and its subsidiaries put online.",
                ),
            ),
        ),
        "general",
        None,
        "all",
        (attach_pdf("信息发布保密审查要点", "Confidentiality review checklist"),),
    ),
    NoticeKind(
        notice_kind(
            "forum",
            (
                "关于召开{year}年中央企业科技创新工作座谈会的通知",
                "Notice of the {year} forum on innovation at central enterprises",
            ),
            (
                "定于{meeting}召开座谈会，交流科技创新工作经验，请于{deadline}前报送参会回执。",
                "A forum to share experience of innovation will be held on {meeting}; please "
                "return the attendance form by {deadline}.",
            ),
            (
                "经研究，定于{meeting}在{city}召开中央企业科技创新工作座谈会。现将有关事项通知如下。",
                "A forum on innovation at central enterprises will be held in {city} on "
                "{meeting}. Details follow.",
            ),
            (
                ("一、会议内容", "1. Agenda"),
                (
                    "交流各单位科技创新工作经验，研究部署平台建设和科技资源共享工作。",
                    "Participants will share experience and plan the next steps in building the "
                    "platform and sharing research resources.",
                ),
            ),
            (
                ("二、参会人员", "2. Participants"),
                (
                    "各集团公司分管科技工作的负责人和科技管理部门负责人各1人。",
                    "From each group company, the executive in charge of science and technology and "
                    "the head of its technology management department.",
                ),
            ),
        ),
        "planning",
        10,
        "some",
        (
            attach_csv(
                "参会回执", "Attendance form", "单位名称", "姓名", "职务", "联系电话", "是否发言"
            ),
            attach_pdf("会议议程", "Agenda"),
        ),
    ),
    NoticeKind(
        notice_kind(
            "training",
            (
                "关于举办{year}年平台信息员业务培训班的通知",
                "Notice of the {year} training course for platform information officers",
            ),
            (
                "培训内容包括信息采集、保密审查和平台操作，请于{deadline}前报名。",
                "The course covers gathering information, confidentiality review and using the "
                "platform; please register by {deadline}.",
            ),
            (
                "为提高平台信息员业务能力，定于{meeting}举办平台信息员业务培训班。",
                "To strengthen the skills of the platform's information officers, a training "
                "course will be held on {meeting}.",
            ),
            (
                ("一、培训内容", "1. Content"),
                (
                    "主要包括科技信息采集与编写规范、信息发布保密审查要求和平台新功能操作等。",
                    "How to gather and write research information, confidentiality review before "
                    "publication, and the platform's new features.",
                ),
            ),
            (
                ("二、报名要求", "2. Registration"),
                (
                    "每家集团公司可推荐2至3名信息员参加，食宿费用由参训单位自理。",
                    "Each group company may send two or three information officers, at its own "
                    "expense for board and lodging.",
                ),
            ),
        ),
        "general",
        15,
        "some",
        (
            attach_csv(
                "培训报名回执",
                "Registration form",
                "单位名称",
                "姓名",
                "部门",
                "职务",
                "手机号码",
                "电子邮箱",
            ),
        ),
    ),
    NoticeKind(
        notice_kind(
            "programme",
            (
                "关于组织申报{year}年度示例科技创新专项的通知",
                "Notice on applications for the {year} Example Innovation Programme",
            ),
            (
                "专项重点支持{focus}等方向，请各集团公司组织所属企业申报。",
                "The programme focuses on {focus}; group companies are asked to organize "
                "applications from their subsidiaries.",
            ),
            (
                "为支持中央企业开展关键核心技术攻关，现组织申报{year}年度示例科技创新专项。",
                "To support work on key core technologies at central enterprises, applications "
                "are invited for the {year} Example Innovation Programme.",
            ),
            (
                ("一、支持方向", "1. Priorities"),
                (
                    "{year}年度专项重点支持{focus}等方向，优先支持产学研联合申报的项目。",
                    "In {year} the programme supports mainly {focus}, with priority for joint "
                    "applications with universities and institutes.",
                ),
            ),
            (
                ("二、申报要求", "2. Requirements"),
                (
                    "申报单位须具备相应研发条件，项目实施期一般不超过三年。",
                    "Applicants must have suitable research facilities; projects normally run for no "
                    "more than three years.",
                ),
            ),
        ),
        "innovation",
        45,
        "any",
        (
            attach_pdf("专项申报指南", "Application guide"),
            attach_csv(
                "申报项目汇总表",
                "Summary of applications",
                "项目名称",
                "申报单位",
                "技术领域",
                "项目负责人",
                "起止年限",
                "申请经费（万元）",
            ),
        ),
    ),
]
