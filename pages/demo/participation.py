"""The participation statistics in the demo: default weights and a month of enquiries.

The demo's pages, listings, reviews and 回执 already make the activity the
report reads. Two things would otherwise be missing from the regulator's
default view (the last full month): the weights setting, created here with
its defaults so that 设置 → 参与情况权重 opens on values, and enquiries
(对接意向), which no other part of the demo sends. A few fictional readers
therefore write to published listings of both groups during the last full
month, more to 示例能源集团's than to 示例装备集团's, so the metric differs.

Idempotent: an enquiry is recognised by its listing and e-mail address, the
setting is created once. The people and organisations are fictional.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from regulator.models import ParticipationWeights
from regulator.participation import BEIJING, Period, today_in_beijing
from snippets.models import Enquiry, Listing

# (group code, day of the month, hour, name, organisation, phone, e-mail, message)
ENQUIRIES = [
    (
        "group-a",
        6,
        10,
        "刘明辉",
        "示例大学材料科学与工程学院",
        "010-62780001",
        "liu.minghui@univ.example.cn",
        "我院课题组希望了解该资源的开放时间和收费方式，拟开展联合测试合作。",
    ),
    (
        "group-a",
        14,
        15,
        "何静",
        "示例新材料科技有限公司",
        "021-58880002",
        "hejing@newmat.example.cn",
        "我司有批量样品需要检测，请联系我们商谈委托方式和检测周期。",
    ),
    (
        "group-a",
        23,
        9,
        "马骏",
        "示例省能源研究所",
        "028-85550003",
        "majun@energy-inst.example.cn",
        "希望就相关成果的转化应用进行交流，请提供对接联系人。",
    ),
    (
        "group-b",
        18,
        11,
        "唐晓东",
        "示例机械制造股份有限公司",
        "0411-84440004",
        "tangxd@machinery.example.cn",
        "我公司对该信息很感兴趣，希望进一步了解技术参数和合作条件。",
    ),
]


@transaction.atomic
def load_participation(*, enterprises, users):
    """Default weights and this demo's enquiries; returns counts for the summary."""
    created = {"participation weights": 0, "enquiries": 0}
    if not ParticipationWeights.objects.exists():
        ParticipationWeights.load()
        created["participation weights"] += 1
    month = Period.last_full_month(today_in_beijing())
    for code, day, hour, name, organisation, phone, email, message in ENQUIRIES:
        group = enterprises.get(code)
        if group is None:
            continue
        listing = (
            Listing.objects.filter(enterprise__in=[group, *group.subsidiaries.all()])
            .public()
            .order_by("pk")
            .first()
        )
        if listing is None or Enquiry.objects.filter(listing=listing, email=email).exists():
            continue
        enquiry = Enquiry.objects.create(
            listing=listing,
            listing_title=listing.title[:100],
            enterprise=listing.enterprise,
            name=name,
            organisation=organisation,
            phone=phone,
            email=email,
            message=message,
            consent=True,
        )
        day = min(day, month.end.day)
        moment = datetime.datetime(month.start.year, month.start.month, day, hour, tzinfo=BEIJING)
        Enquiry.objects.filter(pk=enquiry.pk).update(created_at=min(moment, timezone.now()))
        created["enquiries"] += 1
    return created
