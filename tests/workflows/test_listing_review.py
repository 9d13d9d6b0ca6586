"""Resource listings go through exactly the review pages go through (docs/resource-listings.md §3.3–3.4).

a1 (能源一院, a subsidiary of 集团 A) submits a listing from the snippet editor;
集团 A's reviewers approve or return it; 保密审查 scans the approved revision
and either publishes it or holds it. 集团 B's reviewers never see, get mail
about or decide on it. Enterprises and accounts are provisioned as on the
platform (the ``org`` fixture).
"""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Revision, TaskState, WorkflowState

from snippets.models import Listing, ListingLogEntry, ListingPatent
from tests.factories import TechFieldFactory, make_listing
from tests.utils import text_of
from workflows.accountability import accountability_record
from workflows.audit import visible_log_entries
from workflows.models import SensitiveTerm
from workflows.secrecy.task import HOLD, PASSED, SecrecyCheckTaskState
from workflows.submission import submit_for_review
from workflows.tasks import GroupReviewTask

pytestmark = pytest.mark.django_db

MARKING = "设备控制软件源代码属秘密★5年，不得外传。"


# -- helpers ------------------------------------------------------------------------------


def url(listing, name, *args):
    listing = listing.specific
    return reverse(listing.snippet_viewset.get_url_name(name), args=[listing.pk, *args])


def action_url(listing, action, task_state):
    return url(listing, "workflow_action", action, task_state.pk)


def form_data(listing, user, **changes):
    """The editor's fields as the browser posts them, read from the listing's own admin form."""
    listing = listing.specific
    form_class = listing.snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(instance=listing.get_latest_revision_as_object(), for_user=user)
    data = {}

    def add(bound_form):
        for field in bound_form:
            if field.field.disabled:
                continue
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [str(v) for v in value]
            elif value is not None:
                data[field.html_name] = str(value)

    add(form)
    for formset in form.formsets.values():
        for field in formset.management_form:
            data[field.html_name] = str(field.value())
        for subform in formset.forms:
            add(subform)
    data.update(changes)
    return data


SUBMIT = {"action-submit": "提交审核", "secrecy_declaration": "on"}


def editor_submits(client, listing, user, **changes):
    """``user`` presses 提交审核 in the snippet editor with the declaration ticked."""
    client.force_login(user)
    response = client.post(url(listing, "edit"), form_data(listing, user, **SUBMIT, **changes))
    assert response.status_code == 302, (
        getattr(response, "context", None) and response.context["form"].errors
    )
    listing.refresh_from_db()
    return listing.current_workflow_state


def decide(client, listing, user, action, comment=""):
    """``user`` takes ``action`` through the workflow action URL, as the dashboard's buttons do."""
    state = listing.current_workflow_state
    client.force_login(user)
    response = client.post(
        action_url(listing, action, state.current_task_state), {"comment": comment}
    )
    state.refresh_from_db()
    listing.refresh_from_db()
    return response, state


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def moderated_by(user):
    return set(TaskState.objects.reviewable_by(user).values_list("pk", flat=True))


def draft(org, kind="instrument", title="扫描电子显微镜共享", **overrides):
    overrides.setdefault("tech_fields", [TechFieldFactory(name=f"{title}的领域")])
    return make_listing(kind, org.a1, title=title, live=False, user=org.a1_editor, **overrides)


@pytest.fixture
def people(org, django_user_model):
    """``org`` plus a second group A reviewer, one who also edits for a1, and a platform administrator."""
    a_reviewers = org.groupa_reviewer.groups.get()
    a1_editors = org.a1_editor.groups.get()

    def account(username, *groups):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.cn", password="x-pass-2026"
        )
        user.groups.add(*groups)
        return user

    return SimpleNamespace(
        groupa_reviewer2=account("groupa_reviewer2", a_reviewers),
        editor_and_reviewer=account("a1_editor_and_reviewer", a1_editors, a_reviewers),
        superuser=django_user_model.objects.create_superuser(
            username="platform_admin", email="platform_admin@example.cn", password="x-pass-2026"
        ),
    )


@pytest.fixture
def submitted(org, people, client):
    """a1_editor has submitted an instrument of 能源一院 from the editor."""
    listing = draft(org)
    mail.outbox.clear()
    state = editor_submits(client, listing, org.a1_editor)
    client.logout()
    return SimpleNamespace(listing=listing, state=state, task_state=state.current_task_state)


# -- submission ---------------------------------------------------------------------------


def test_submit_without_the_declaration_is_refused_and_nothing_is_submitted(org, client):
    listing = draft(org)
    client.force_login(org.a1_editor)

    response = client.post(
        url(listing, "edit"), form_data(listing, org.a1_editor, **{"action-submit": "提交审核"})
    )

    assert response.status_code == 200
    assert "提交审核前须确认“本信息不涉及国家秘密和企业商业秘密”" in text_of(response)
    assert listing.current_workflow_state is None
    assert mail.outbox == []


def test_submission_is_mailed_to_the_groups_reviewers_only_with_a_link_to_the_editor(
    submitted, org, people
):
    assert submitted.state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(submitted.task_state.task.specific, GroupReviewTask)
    assert {tuple(m.to) for m in mail.outbox} == {
        (org.groupa_reviewer.email,),
        (people.groupa_reviewer2.email,),
        (people.editor_and_reviewer.email,),
    }
    [message] = mails_to(org.groupa_reviewer)
    assert "扫描电子显微镜共享" in message.subject
    assert "示例能源第一研究院有限公司" in message.body
    assert url(submitted.listing, "edit") in message.body
    for outsider in (org.groupb_reviewer, org.regulator_reviewer, people.superuser, org.a1_editor):
        assert mails_to(outsider) == []


def test_group_reviewer_finds_it_in_the_inbox_and_approval_puts_it_online(submitted, org, client):
    assert submitted.task_state.pk in moderated_by(org.groupa_reviewer)
    client.force_login(org.groupa_reviewer)
    assert "扫描电子显微镜共享" in text_of(client.get(reverse("wagtailadmin_home")))
    mail.outbox.clear()

    response, state = decide(
        client, submitted.listing, org.groupa_reviewer, "approve", "同意共享。"
    )

    assert response.status_code == 302
    assert state.status == WorkflowState.STATUS_APPROVED
    assert submitted.listing.live
    assert Listing.objects.public().filter(pk=submitted.listing.pk).exists()
    check = SecrecyCheckTaskState.objects.get(workflow_state=state)
    assert check.status == TaskState.STATUS_APPROVED and check.findings == []
    assert ListingLogEntry.objects.filter(object_id=str(submitted.listing.pk), action=PASSED)
    [message] = mails_to(org.a1_editor)
    assert "审核通过" in message.subject and "同意共享。" in message.body


def test_other_groups_reviewer_is_refused_in_the_inbox_the_editor_and_the_action_url(
    submitted, org, client
):
    assert submitted.task_state.pk not in moderated_by(org.groupb_reviewer)
    client.force_login(org.groupb_reviewer)
    assert "扫描电子显微镜共享" not in text_of(client.get(reverse("wagtailadmin_home")))
    assert client.get(url(submitted.listing, "edit")).status_code == 404

    response, state = decide(client, submitted.listing, org.groupb_reviewer, "approve")

    assert response.status_code in (403, 404)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not submitted.listing.live


def test_other_groups_reviewer_cannot_pair_an_own_listing_with_the_foreign_task_state(
    submitted, org, client
):
    own = make_listing("instrument", org.group_b, title="示例装备的设备", live=False)
    submit_for_review([own], org.groupb_editor)
    client.force_login(org.groupb_reviewer)

    response = client.post(action_url(own, "approve", submitted.task_state), {"comment": ""})

    assert response.status_code in (403, 404)
    submitted.task_state.refresh_from_db()
    assert submitted.task_state.status == TaskState.STATUS_IN_PROGRESS


def test_maker_checker_the_submitter_cannot_decide_even_as_a_reviewer(org, people, client):
    listing = draft(org, title="自己提交的设备")
    editor_submits(client, listing, people.editor_and_reviewer)
    task = listing.current_workflow_task

    assert task.get_actions(listing, people.editor_and_reviewer) == []
    response, state = decide(client, listing, people.editor_and_reviewer, "approve")
    assert response.status_code in (302, 403)  # Wagtail turns the refusal into a redirect
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not listing.live

    _response, state = decide(client, listing, org.groupa_reviewer, "approve")
    assert state.status == WorkflowState.STATUS_APPROVED and listing.live


def test_maker_checker_the_last_editor_cannot_decide(submitted, org, client):
    # A reviewer corrects the listing while it is before them: now they are its last editor.
    listing = submitted.listing
    client.force_login(org.groupa_reviewer)
    response = client.post(
        url(listing, "edit"), form_data(listing, org.groupa_reviewer, summary="改过的简介。")
    )
    assert response.status_code == 302
    listing.refresh_from_db()

    assert listing.current_workflow_task.get_actions(listing, org.groupa_reviewer) == []
    _response, state = decide(client, listing, org.groupa_reviewer, "approve")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_reject_with_comment_mails_the_submitter_with_the_reason_and_the_editor_link(
    submitted, org, client
):
    mail.outbox.clear()
    response, state = decide(
        client, submitted.listing, org.groupa_reviewer, "reject", "请补充收费标准。"
    )

    assert response.status_code == 302
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not submitted.listing.live
    [message] = mails_to(org.a1_editor)
    assert "退回修改" in message.subject
    assert "请补充收费标准。" in message.body
    assert url(submitted.listing, "edit") in message.body


def test_rejected_listing_resubmitted_resumes_and_both_appear_in_its_history(
    submitted, org, client
):
    decide(client, submitted.listing, org.groupa_reviewer, "reject", "请补充收费标准。")
    state = editor_submits(client, submitted.listing, org.a1_editor, fee_standard="每小时800元")

    assert state.pk == submitted.state.pk and state.status == WorkflowState.STATUS_IN_PROGRESS
    actions = set(
        ListingLogEntry.objects.filter(object_id=str(submitted.listing.pk)).values_list(
            "action", flat=True
        )
    )
    assert {"wagtail.workflow.reject", "wagtail.workflow.resume"} <= actions
    client.force_login(org.a1_editor)
    history = client.get(url(submitted.listing, "history"))
    assert history.status_code == 200
    assert "wagtail.workflow.resume" in {entry.action for entry in history.context["object_list"]}


def test_submitter_cancels_and_the_cancellation_is_in_the_listings_history(submitted, org, client):
    listing = submitted.listing
    client.force_login(org.a1_editor)

    response = client.post(
        url(listing, "edit"),
        form_data(listing, org.a1_editor, **{"action-cancel-workflow": "撤回"}),
    )

    # The listing is locked to its submitter under review; Wagtail cancels anyway and re-renders.
    assert response.status_code in (200, 302)
    submitted.state.refresh_from_db()
    assert submitted.state.status == WorkflowState.STATUS_CANCELLED
    assert submitted.task_state.pk not in moderated_by(org.groupa_reviewer)
    # Wagtail logs the cancellation against the base row; it is filed under the instrument.
    entry = ListingLogEntry.objects.get(object_id=str(listing.pk), action="wagtail.workflow.cancel")
    assert entry.content_type.model_class() is type(listing.specific)
    history = client.get(url(listing, "history"))
    assert "wagtail.workflow.cancel" in {e.action for e in history.context["object_list"]}


# -- 保密审查 --------------------------------------------------------------------------------


def test_marking_in_the_specifications_holds_the_approved_listing(org, people, client):
    listing = draft(org, title="高分辨率透射电镜", specifications=MARKING)
    editor_submits(client, listing, org.a1_editor)
    mail.outbox.clear()

    _response, state = decide(client, listing, org.groupa_reviewer, "approve")

    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not listing.live
    check = state.current_task_state.specific
    assert isinstance(check, SecrecyCheckTaskState)
    assert [hit["term"] for hit in check.findings] == ["秘密"]
    assert "【秘密★5年】" in check.findings[0]["context"]
    assert check.findings[0]["source"] == "主要技术指标"
    assert ListingLogEntry.objects.filter(object_id=str(listing.pk), action=HOLD).exists()
    # The hold mail goes to the group's reviewers and the submitter, with the hit in context.
    assert mails_to(people.groupa_reviewer2) and mails_to(org.a1_editor)
    assert "【秘密★5年】" in mails_to(people.groupa_reviewer2)[0].body
    assert check.pk in moderated_by(org.groupa_reviewer)
    assert check.pk not in moderated_by(org.groupb_reviewer)


def test_marking_in_a_patent_name_holds_the_approved_listing(org, client):
    listing = draft(org, kind="result", title="耐高温涂层材料")
    ListingPatent.objects.create(
        listing=listing,
        number="CN202310123456.7",
        name="一种涂层材料（机密★）的制备方法",
        patent_type="invention",
        patent_status="granted",
    )
    listing.save_revision(user=org.a1_editor)
    editor_submits(client, listing, org.a1_editor)

    _response, state = decide(client, listing, org.groupa_reviewer, "approve")

    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not listing.live
    findings = state.current_task_state.specific.findings
    assert [hit["term"] for hit in findings] == ["机密"]
    assert "【机密★】" in findings[0]["context"] and "专利" in findings[0]["source"]


def test_sensitive_term_in_the_specifications_holds_the_approved_listing(org, client):
    SensitiveTerm.objects.create(term="天穹工程", category=SensitiveTerm.Category.SECRET_MATTER)
    listing = draft(org, title="风洞测量系统", specifications="曾用于天穹工程风洞试验。")
    editor_submits(client, listing, org.a1_editor)

    _response, state = decide(client, listing, org.groupa_reviewer, "approve")

    assert not listing.live
    assert [hit["term"] for hit in state.current_task_state.specific.findings] == ["天穹工程"]


# -- publishing -----------------------------------------------------------------------------


def test_editor_has_no_publish_button_and_a_posted_publish_is_only_a_draft(org, client):
    listing = draft(org, title="编辑想直接发布的设备")
    client.force_login(org.a1_editor)

    page = client.get(url(listing, "edit"))
    assert page.status_code == 200
    assert 'name="action-submit"' in text_of(page)
    assert 'name="action-publish"' not in text_of(page)

    data = form_data(listing, org.a1_editor, **{"action-publish": "发布"}, secrecy_declaration="on")
    client.post(url(listing, "edit"), data)

    listing.refresh_from_db()
    assert not listing.live
    assert not ListingLogEntry.objects.filter(
        object_id=str(listing.pk), action="wagtail.publish"
    ).exists()


def test_platform_admin_direct_publish_is_scanned_and_refused_with_a_message(org, people, client):
    listing = draft(org, title="管理员发布的设备")
    client.force_login(people.superuser)
    publish = {"action-publish": "发布", "secrecy_declaration": "on"}

    response = client.post(
        url(listing, "edit"),
        form_data(listing, people.superuser, specifications=MARKING, **publish),
        follow=True,
    )

    listing.refresh_from_db()
    assert not listing.live
    body = text_of(response)
    assert "不能直接发布" in body and "【秘密★5年】" in body
    # Kept as the latest draft, so that it can go through review.
    assert MARKING in listing.get_latest_revision_as_object().specifications

    client.post(
        url(listing, "edit"),
        form_data(listing, people.superuser, specifications="分辨率1 nm。", **publish),
    )
    listing.refresh_from_db()
    assert listing.live


# -- approving in the editor ---------------------------------------------------------------


def test_approving_in_the_editor_saves_no_revision_with_tech_fields_and_patents(org, client):
    listing = draft(
        org,
        kind="result",
        title="固态电池电解质材料",
        tech_fields=[TechFieldFactory(name="储能"), TechFieldFactory(name="新材料")],
    )
    for number, name in (("CN202310123456.7", "一种固态电解质"), ("CN202310654321.X", "一种电极")):
        ListingPatent.objects.create(
            listing=listing,
            number=number,
            name=name,
            patent_type="invention",
            patent_status="granted",
        )
    listing.save_revision(user=org.a1_editor)
    state = editor_submits(client, listing, org.a1_editor)
    revisions = Revision.objects.filter(object_id=str(listing.pk)).count()

    client.force_login(org.groupa_reviewer)
    assert 'data-workflow-action-name="approve"' in text_of(client.get(url(listing, "edit")))
    data = form_data(
        listing,
        org.groupa_reviewer,
        **{"action-workflow-action": "审核通过", "workflow-action-name": "approve"},
    )
    form_class = type(listing.specific).snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(
        data,
        instance=listing.specific.get_latest_revision_as_object(),
        for_user=org.groupa_reviewer,
    )
    assert form.is_valid(), form.errors
    assert not form.has_changed(), form.changed_data
    response = client.post(url(listing, "edit"), data)

    assert response.status_code == 302
    assert Revision.objects.filter(object_id=str(listing.pk)).count() == revisions
    state.refresh_from_db()
    listing.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert listing.live
    assert listing.specific.patents.count() == 2 and listing.tech_fields.count() == 2
    approval = state.task_states.get(task__content_type__model="groupreviewtask")
    assert approval.finished_by == org.groupa_reviewer


# -- reports, audit, accountability ----------------------------------------------------------


def test_workflow_reports_show_the_listing_to_its_group_only(submitted, org, client):
    for name in ("wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"):
        client.force_login(org.groupa_reviewer)
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "扫描电子显微镜共享" in text_of(response)
        client.force_login(org.a1_editor)
        assert "扫描电子显微镜共享" in text_of(client.get(reverse(name)))
        client.force_login(org.groupb_reviewer)
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "扫描电子显微镜共享" not in text_of(response)


def test_audit_report_lists_the_listings_review_for_its_group_only(submitted, org, client):
    decide(client, submitted.listing, org.groupa_reviewer, "approve", "同意共享。")
    report = reverse("workflows_audit")

    client.force_login(org.groupa_reviewer)
    body = text_of(client.get(report))
    for expected in ("扫描电子显微镜共享", "提交审核", "审核通过（集团审核）", "保密审查自动通过"):
        assert expected in body, expected
    assert "大型仪器设备" in body and "同意共享。" in body
    assert url(submitted.listing, "edit") in body
    assert "扫描电子显微镜共享" in text_of(client.get(report, {"enterprise": org.a1.pk}))

    client.force_login(org.regulator_reviewer)
    assert "扫描电子显微镜共享" not in text_of(client.get(report, {"enterprise": org.group_b.pk}))
    assert "扫描电子显微镜共享" in text_of(client.get(report, {"enterprise": org.group_a.pk}))

    # 集团 B cannot read it, and cannot filter its way to it.
    client.force_login(org.groupb_reviewer)
    assert "扫描电子显微镜共享" not in text_of(client.get(report))
    assert "扫描电子显微镜共享" not in text_of(client.get(report, {"enterprise": org.a1.pk}))
    assert not visible_log_entries(org.groupb_reviewer, ListingLogEntry).exists()
    assert visible_log_entries(org.groupa_reviewer, ListingLogEntry).exists()


def test_listing_editor_shows_who_submitted_and_who_approved(submitted, org, client):
    decide(client, submitted.listing, org.groupa_reviewer, "approve", "同意共享。")

    record = accountability_record(submitted.listing)
    assert "a1_editor" in record.current.submitter
    assert "groupa_reviewer" in record.current.approval.by
    assert record.current.secrecy.kind == PASSED
    assert record.enterprise == org.a1 and record.live

    client.force_login(org.a1_editor)
    body = text_of(client.get(url(submitted.listing, "edit")))
    for expected in ("审核记录", "信息采集人", "采集 张（a1_editor）", "终审人", "同意共享。"):
        assert expected in body, expected


# -- bulk approval ------------------------------------------------------------------------------


def bulk_url(model, ids):
    """The bulk action URL as the listing's footer builds it, returning to the listing."""
    path = reverse(
        "wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, "approve"]
    )
    index = reverse(model.snippet_viewset.get_url_name("list"))
    return path + "?" + "&".join([*(f"id={pk}" for pk in ids), f"next={index}"])


@pytest.fixture
def batch(org, people):
    """Three instruments of a1 awaiting review; the third was last edited by groupa_reviewer."""
    listings = [draft(org, title=f"待批量审核的设备{n}") for n in (1, 2)]
    own = make_listing(
        "instrument", org.a1, title="审核员改过的设备", live=False, user=org.groupa_reviewer
    )
    submit_for_review([*listings, own], org.a1_editor)
    return SimpleNamespace(approvable=listings, own=own, all=[*listings, own])


def test_bulk_approve_is_offered_to_reviewers_only(batch, org, people, client):
    index = reverse(batch.own.snippet_viewset.get_url_name("list"))
    client.force_login(org.groupa_reviewer)
    assert "审核通过所选" in text_of(client.get(index))
    for user in (org.a1_editor, people.superuser):
        client.force_login(user)
        assert "审核通过所选" not in text_of(client.get(index))
        response = client.post(bulk_url(type(batch.own), [batch.approvable[0].pk]))
        assert response.status_code in (302, 403)  # Wagtail turns the refusal into a redirect
        assert response.get("Location", "/admin/") == "/admin/"
        batch.approvable[0].refresh_from_db()
        assert not batch.approvable[0].live


def test_other_bulk_action_footers_keep_wagtails_actions(org, people, client):
    # The footer template is overridden to ask is_shown(); the page explorer's is unaffected.
    client.force_login(people.superuser)
    body = text_of(client.get(reverse("wagtailadmin_explore", args=[org.a1_page.pk])))
    assert 'aria-label="发布选择的页面"' in body and "审核通过所选" not in body


def test_bulk_approve_applies_maker_checker_per_item_and_names_no_refused_item(batch, org, client):
    model = type(batch.own)
    client.force_login(org.groupa_reviewer)

    confirm = client.get(bulk_url(model, [listing.pk for listing in batch.all]))
    assert confirm.status_code == 200
    body = text_of(confirm)
    assert "待批量审核的设备1" in body and "待批量审核的设备2" in body
    assert "审核员改过的设备" not in body and "另有 1 条" in body

    response = client.post(
        bulk_url(model, [listing.pk for listing in batch.all]),
        {"comment": "批量核实无误。"},
        follow=True,
    )

    assert response.status_code == 200
    assert "已审核通过 2 条，其中 2 条已发布" in text_of(response)
    for listing in batch.approvable:
        listing.refresh_from_db()
        assert listing.live
        approval = TaskState.objects.get(
            workflow_state__object_id=str(listing.pk), task__content_type__model="groupreviewtask"
        )
        assert approval.finished_by == org.groupa_reviewer
        assert approval.comment == "批量核实无误。"
    batch.own.refresh_from_db()
    assert not batch.own.live and batch.own.workflow_in_progress


def test_bulk_approve_with_another_groups_id_is_a_404_naming_nothing(batch, org, client):
    foreign = make_listing("instrument", org.group_b, title="示例装备的秘密设备", live=False)
    submit_for_review([foreign], org.groupb_editor)
    client.force_login(org.groupa_reviewer)

    for method in (client.get, client.post):
        response = method(bulk_url(type(foreign), [batch.approvable[0].pk, foreign.pk]))
        assert response.status_code == 404
        assert "示例装备的秘密设备" not in text_of(response)
    foreign.refresh_from_db()
    batch.approvable[0].refresh_from_db()
    assert not foreign.live and not batch.approvable[0].live


def test_bulk_approve_by_the_other_group_approves_nothing(batch, org, client):
    client.force_login(org.groupb_reviewer)
    response = client.post(bulk_url(type(batch.own), [batch.approvable[0].pk]))
    assert response.status_code == 404
    batch.approvable[0].refresh_from_db()
    assert not batch.approvable[0].live


# -- submitting a batch -------------------------------------------------------------------------


def test_submit_for_review_sends_one_summary_mail_per_reviewer(
    org, people, django_capture_on_commit_callbacks
):
    listings = [draft(org, title=f"导入的设备{n}") for n in range(3)]
    listings.append(draft(org, kind="expert", title="导入的专家"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        states = submit_for_review(listings, org.a1_editor)

    assert len(states) == 4
    assert all(state.status == WorkflowState.STATUS_IN_PROGRESS for state in states)
    reviewers = {org.groupa_reviewer.email, people.groupa_reviewer2.email}
    reviewers.add(people.editor_and_reviewer.email)
    assert sorted(tuple(m.to) for m in mail.outbox) == sorted((r,) for r in reviewers)
    [message] = mails_to(org.groupa_reviewer)
    assert message.subject == "【待审核】能源一院 提交了 4 条资源信息待审核"
    assert "大型仪器设备：3 条" in message.body and "专家：1 条" in message.body
    assert reverse(type(listings[0]).snippet_viewset.get_url_name("list")) in message.body
    assert mails_to(org.groupb_reviewer) == [] and mails_to(org.a1_editor) == []
    # Each listing is in the group's inbox as if submitted one by one.
    assert len(moderated_by(org.groupa_reviewer)) == 4


def test_submit_for_review_refuses_another_enterprises_listing_and_submits_nothing(
    org, django_capture_on_commit_callbacks
):
    from django.core.exceptions import PermissionDenied

    own = draft(org, title="本企业的设备")
    foreign = make_listing("instrument", org.group_b, title="他人的设备", live=False)

    with pytest.raises(PermissionDenied), django_capture_on_commit_callbacks(execute=True):
        submit_for_review([own, foreign], org.a1_editor)

    assert own.current_workflow_state is None and foreign.current_workflow_state is None
    assert mail.outbox == []
