"""A small, exactly known month of activity for the participation statistics.

Two group companies of the ``reg`` fixture — 示例能源 (group A, with its
subsidiary 能源一院 a1) and 示例装备 (group B) — work on the platform in
March 2026 (Beijing time). Items are submitted, rejected, resubmitted and
approved through Wagtail's workflow API, as the admin does it; each step's
records (log entries, review rounds and their steps, publication times) are
then dated to the moment the story says, so every metric has one right value:

group A (a1 and the group's own editor)
  - 科技动态 N1 (a1): submitted 03-02 10:00, approved 03-03 10:00 → 24 h, first pass
  - 重大科技成就 P2 (a1): submitted 03-05 09:00, sent back 03-05 15:00,
    resubmitted 03-06 09:00, approved 03-08 09:00 → 72 h, not first pass
  - 管理经验 E3 (group A itself): submitted 03-31 23:30, still under review
  - 专家 L1 (a1): submitted 03-10 10:00, approved 03-10 16:00 → 6 h, first pass
  - 科技动态 N4 (a1): submitted 04-01 00:10, approved 04-01 08:00 — April, in
    Beijing, though still 31 March in UTC
  - 2 enquiries on L1 in March (one at 03-31 23:00), 1 on 04-01 00:30
  - 回执: notice X (deadline 03-10) on 03-09, notice Y (03-31, to A only) at 03-31 23:00
group B
  - 科技动态 B1: submitted 03-15 10:00, approved 03-20 10:00 → 120 h, first pass
  - 新产品 BL2: submitted 03-20 10:00, sent back 03-21 10:00
  - 新产品 BL0: published 2026-01-10 (public, with one enquiry in March)
  - 回执: notice X on 03-12 (late); notice Z (deadline 04-01) is April's
"""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from regulator.models import NoticeAcknowledgement
from snippets.models import Enquiry, Listing, ListingLogEntry
from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TechFieldFactory,
    make_listing,
)
from workflows.models import EnterpriseRole
from workflows.tasks import _base_content_type

BEIJING = ZoneInfo("Asia/Shanghai")
MARCH = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


def at(month, day, hour=10, minute=0):
    """A moment of 2026 in Beijing time."""
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=BEIJING)


def dated(obj, moment, action):
    """Run ``action()``, then date everything it wrote about ``obj`` to ``moment``.

    Records written during the action carry the real time, which is later
    than every moment of the story, so ``>= since`` finds exactly them.
    """
    since = timezone.now()
    result = action()
    model = Page if isinstance(obj, Page) else Listing
    object_id = str(obj.pk)
    if model is Page:
        PageLogEntry.objects.filter(page_id=obj.pk, timestamp__gte=since).update(timestamp=moment)
    else:
        ListingLogEntry.objects.filter(object_id=object_id, timestamp__gte=since).update(
            timestamp=moment
        )
    states = WorkflowState.objects.filter(
        base_content_type=_base_content_type(model), object_id=object_id
    )
    states.filter(created_at__gte=since).update(created_at=moment)
    steps = TaskState.objects.filter(workflow_state__in=states)
    steps.filter(started_at__gte=since).update(started_at=moment)
    steps.filter(finished_at__gte=since).update(finished_at=moment)
    rows = model.objects.filter(pk=obj.pk)
    rows.filter(first_published_at__gte=since).update(first_published_at=moment)
    rows.filter(last_published_at__gte=since).update(last_published_at=moment)
    return result


def submit(obj, user, moment):
    def action():
        obj.save_revision(user=user)
        return obj.get_workflow().start(obj, user)

    return dated(obj, moment, action)


def decide(obj, user, verb, moment):
    def action():
        state = WorkflowState.objects.active().get(
            base_content_type=_base_content_type(Page if isinstance(obj, Page) else Listing),
            object_id=str(obj.pk),
        )
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, verb, comment="请补充数据来源。")

    return dated(obj, moment, action)


def resubmit(obj, user, moment):
    def action():
        state = WorkflowState.objects.get(
            base_content_type=_base_content_type(Page if isinstance(obj, Page) else Listing),
            object_id=str(obj.pk),
            status=WorkflowState.STATUS_NEEDS_CHANGES,
        )
        obj.save_revision(user=user)
        state.resume(user)

    return dated(obj, moment, action)


def draft_listing(kind, enterprise, user, **kwargs):
    return make_listing(kind, enterprise, live=False, user=user, **kwargs)


def build_march(reg, django_user_model):
    """The story above; returns the items and people by name."""
    pages = {code: reg.provisioned[code].page for code in ("group_a", "a1", "group_b")}
    users = reg.users
    groupb_editor = django_user_model.objects.create_user(
        username="groupb_editor", email="groupb_editor@example.cn", password="x-pass-2026"
    )
    groupb_editor.groups.add(reg.provisioned["group_b"].groups[EnterpriseRole.Role.EDITOR])
    a1_editor, groupa_editor = users["a1_editor"], users["groupa_editor"]
    a_reviewer, b_reviewer = users["groupa_reviewer"], users["groupb_reviewer"]
    field = TechFieldFactory(slug="energy", name="能源")

    n1 = NewsPageFactory(parent=pages["a1"], live=False, title="能源一院完成储能电站调试")
    submit(n1, a1_editor, at(3, 2, 10))
    decide(n1, a_reviewer, "approve", at(3, 3, 10))

    p2 = AchievementPageFactory(parent=pages["a1"], live=False, title="高效光伏组件实现量产")
    submit(p2, a1_editor, at(3, 5, 9))
    decide(p2, a_reviewer, "reject", at(3, 5, 15))
    resubmit(p2, a1_editor, at(3, 6, 9))
    decide(p2, a_reviewer, "approve", at(3, 8, 9))

    e3 = ExperiencePageFactory(parent=pages["group_a"], live=False, title="集团科技成果转化机制")
    submit(e3, groupa_editor, at(3, 31, 23, 30))

    l1 = draft_listing("expert", reg.a1, a1_editor, title="储能系统安全专家", tech_fields=[field])
    submit(l1, a1_editor, at(3, 10, 10))
    decide(l1, a_reviewer, "approve", at(3, 10, 16))

    n4 = NewsPageFactory(parent=pages["a1"], live=False, title="能源一院四月新闻")
    submit(n4, a1_editor, at(4, 1, 0, 10))
    decide(n4, a_reviewer, "approve", at(4, 1, 8))

    b1 = NewsPageFactory(parent=pages["group_b"], live=False, title="示例装备海上风电装备交付")
    submit(b1, groupb_editor, at(3, 15, 10))
    decide(b1, b_reviewer, "approve", at(3, 20, 10))

    bl2 = draft_listing("product", reg.group_b, groupb_editor, title="大型盾构机新产品")
    submit(bl2, groupb_editor, at(3, 20, 10))
    decide(bl2, b_reviewer, "reject", at(3, 21, 10))

    bl0 = make_listing("product", reg.group_b, title="海上风电安装平台", published_at=at(1, 10, 10))

    for listing, moment in (
        (l1, at(3, 12, 9)),
        (l1, at(3, 31, 23)),
        (l1, at(4, 1, 0, 30)),
        (bl0, at(3, 25, 14)),
    ):
        enquiry = Enquiry.objects.create(
            listing=listing,
            listing_title=listing.title,
            enterprise=listing.enterprise,
            name="刘明辉",
            organisation="示例大学",
            phone="010-62780001",
            email="liu@univ.example.cn",
            message="希望了解合作方式和收费标准。",
            consent=True,
        )
        Enquiry.objects.filter(pk=enquiry.pk).update(created_at=moment)

    notices = reg.site.notices
    x = NoticePageFactory(parent=notices, deadline=datetime.date(2026, 3, 10), title="通知X")
    y = NoticePageFactory(
        parent=notices,
        deadline=datetime.date(2026, 3, 31),
        target_enterprises=[reg.group_a],
        title="通知Y",
    )
    z = NoticePageFactory(parent=notices, deadline=datetime.date(2026, 4, 1), title="通知Z")
    for notice, group, moment in (
        (x, reg.group_a, at(3, 9, 16)),
        (x, reg.group_b, at(3, 12, 9)),
        (y, reg.group_a, at(3, 31, 23)),
    ):
        NoticeAcknowledgement.objects.create(
            notice=notice, enterprise=group, acknowledged_by=a_reviewer, acknowledged_at=moment
        )

    for item in (n1, p2, l1, n4, b1, bl0):
        item.refresh_from_db()
    assert n1.live and p2.live and l1.live and n4.live and b1.live and bl0.live
    return SimpleNamespace(
        n1=n1,
        p2=p2,
        e3=e3,
        l1=l1,
        n4=n4,
        b1=b1,
        bl2=bl2,
        bl0=bl0,
        notices=(x, y, z),
        groupb_editor=groupb_editor,
    )
