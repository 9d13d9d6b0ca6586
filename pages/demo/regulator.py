"""The regulator's work in the demo: 回执 of past notices and the two groups' 联系表.

Each group company has acknowledged the notices of the past that asked it —
mostly in time, one late in 示例能源集团 — and 示例装备集团 has left its most
recent overdue notice unanswered, so the regulator's report shows all three
states; notices still open are left for the groups' dashboards. 示例能源集团
has filed its 联系表; 示例装备集团 has a draft without its system
administrator, so the list shows a gap and its administrator a reminder.

Runs once per group company: a group that has acknowledged anything, or has
a 联系表, is left as it is, so a second ``seed_demo`` changes nothing.
The people and numbers are fictional.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from regulator.contacts import contact_forms, save_registration
from regulator.models import ContactRegistration, NoticeAcknowledgement
from regulator.notices import pending_notices

# group code: (who acknowledges, in turn)
ACKNOWLEDGERS = {
    "group-a": ("groupa_reviewer", "groupa_admin"),
    "group-b": ("groupb_reviewer",),
}
LATE_IN = "group-a"  # acknowledges its second most recent past notice two days late
SILENT_IN = "group-b"  # leaves its most recent overdue notice unanswered
NOTES = ("已转发所属企业，按期报送。", "", "已收到，联系人见联系表。")

CONTACTS = {
    "group-a": (
        "file",
        {
            "lead": ("李建国", "副总经理、子平台负责人", "010-65550101", "lead@energy.example.cn"),
            "st_head": ("周文博", "科技管理部主任", "13900000101", "st@energy.example.cn"),
            "sysadmin": ("杨帆", "信息中心系统管理员", "010-65550102-8", "it@energy.example.cn"),
        },
    ),
    "group-b": (
        "save",
        {
            "lead": ("冯志强", "总工程师", "010-65550201", "lead@equipment.example.cn"),
            "st_head": ("陈立新", "科技发展部部长", "13900000201", "st@equipment.example.cn"),
        },
    ),
}


@transaction.atomic
def load_regulator_work(*, enterprises, users):
    """Acknowledgements and 联系表 of the demo groups; returns counts for the summary."""
    created = {"notice acknowledgements": 0, "contact registrations": 0}
    today = timezone.localdate()
    for code, names in ACKNOWLEDGERS.items():
        group = enterprises.get(code)
        if group is None or NoticeAcknowledgement.objects.filter(enterprise=group).exists():
            continue
        past = [n for n in pending_notices(group).order_by("-deadline") if n.deadline < today]
        if code == SILENT_IN:
            past = past[1:]
        for k, notice in enumerate(past):
            days = 2 + k % 4
            if code == LATE_IN and k == 1:
                day = notice.deadline + datetime.timedelta(days=2)
            else:
                day = min(notice.issued_on + datetime.timedelta(days=days), notice.deadline)
            moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9 + k % 8)))
            NoticeAcknowledgement.objects.create(
                notice=notice,
                enterprise=group,
                acknowledged_by=users.get(names[k % len(names)]),
                acknowledged_at=min(moment, timezone.now()),
                note=NOTES[k % len(NOTES)],
            )
            created["notice acknowledgements"] += 1
    for code, (action, people) in CONTACTS.items():
        group = enterprises.get(code)
        if group is None or ContactRegistration.objects.filter(enterprise=group).exists():
            continue
        data = {
            f"{role}-{field}": value
            for role, values in people.items()
            for field, value in zip(("name", "post", "phone", "email"), values, strict=True)
        }
        forms = contact_forms(group, data, require_complete=action == "file")
        if not all(form.is_valid() for form in forms.values()):
            raise ValueError(f"demo contacts of {code} are invalid")
        save_registration(
            enterprise=group,
            forms_by_role=forms,
            user=users.get(f"{code.replace('-', '')}_admin"),
            file=action == "file",
        )
        created["contact registrations"] += 1
    return created
