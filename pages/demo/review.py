"""Leave demo items in every review state (DESIGN.md §7).

Each subsidiary's editor has submitted two of their drafts to 集团审核; the
group's reviewer has sent one of them back with a comment, so a group
reviewer's inbox and a subsidiary editor's rejected item are there to see. In
each group one more item has passed 集团审核 and is held by 保密审查 because
its summary says 秘密 in an innocent sense (揭开材料老化的秘密): the false
positive a reviewer clears with a written reason.
Runs only when the demo accounts exist, and only once per enterprise: an
enterprise whose drafts already have a review history is left as it is.
"""

from django.test.utils import override_settings
from wagtail.models import WorkflowState

from pages.models import ArticlePage

SUBMITTED_PER_ENTERPRISE = 2
REJECTION_COMMENT = "请补充项目验收时间和关键指标的数据来源后重新提交。"

# subsidiary code: (its editor, the reviewer of its group)
REVIEW_PAIRS = {
    "a1": ("a1_editor", "groupa_reviewer"),
    "a2": ("a2_editor", "groupa_reviewer"),
    "b1": ("b1_editor", "groupb_reviewer"),
    "b2": ("b2_editor", "groupb_reviewer"),
}
REJECTED_IN = {"a1", "b1"}
HELD_IN = {"a2", "b2"}
FALSE_POSITIVE = "研究团队由此揭开了材料老化的秘密。"


def leave_review_states(*, users, zh):
    """Submit, reject and hold demo drafts; returns how many were submitted, rejected and held."""
    submitted = rejected = held = 0
    for code, (editor_name, reviewer_name) in REVIEW_PAIRS.items():
        editor, reviewer = users.get(editor_name), users.get(reviewer_name)
        if editor is None or reviewer is None:
            continue
        drafts = list(
            ArticlePage.objects.filter(enterprise__code=code, locale=zh, live=False)
            .order_by("path")
            .specific()
        )
        draft_ids = [str(page.pk) for page in drafts]
        if WorkflowState.objects.filter(object_id__in=draft_ids).exists():
            continue
        # The review mails of these demo submissions would only fill the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for page in drafts[:SUBMITTED_PER_ENTERPRISE]:
                workflow = page.get_workflow()
                if workflow is None:
                    continue
                first = page is drafts[0]
                if first and code in HELD_IN:
                    page.summary = f"{page.summary}{FALSE_POSITIVE}"
                    page.save_revision(user=editor)
                state = workflow.start(page, editor)
                submitted += 1
                if not first:
                    continue
                task_state = state.current_task_state
                if code in REJECTED_IN:
                    task_state.task.specific.on_action(
                        task_state, reviewer, "reject", comment=REJECTION_COMMENT
                    )
                    rejected += 1
                elif code in HELD_IN:
                    task_state.task.specific.on_action(task_state, reviewer, "approve")
                    held += 1
    return submitted, rejected, held
