"""Importing a sheet of listings: every row through the admin's own form, then all or nothing.

Each row is validated by the form the snippet create view would use
(``Model.get_edit_handler().get_form_class()``, ``for_user``), so an import
can store nothing that the editor would refuse: the same required fields,
choices, length limits, enterprise limits and model ``clean()``. Rows that
repeat a title of the same enterprise and type — in the file or on the
platform — are refused too (an import is 首次登写, not an update).

If any row fails, nothing is written and the report lists row, column and
reason. Otherwise one transaction creates every listing as a draft of its
enterprise (owner = the importer, ``import_batch``), saves its first revision
and submits it to the review workflow as the importer.

A sheet may have 10,000 rows, so nothing is asked of the database per row
that can be asked once: the form's choices are read once for the sheet
(``PrefetchedChoices``); log entries, workflow and task states are written in
bulk (``workflows.submission.BatchSubmission``), and the search and reference
indexes once per chunk of listings instead of on every save (``bulk.py``).
Measured by ``bench/imports.py``.
"""

import logging
from dataclasses import dataclass, field
from functools import partial

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from workflows.notifications import submission_mail_silenced
from workflows.submission import BatchSubmission, LogBatch

from .bulk import deferred_indexing, index_listings
from .columns import ColumnSet, RowError
from .reader import SheetRefused, read_workbook

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 200
# Listings written (and reported as written) per step of the write phase.
WRITE_CHUNK = 200
PROGRESS_TTL = 6 * 3600
# The report lists this many problems; a file with more has a systemic mistake.
MAX_REPORTED_ERRORS = 5000


def progress_key(import_id):
    """Cache key of the write phase's progress (its transaction is invisible to other requests)."""
    return f"listing-import:{import_id}"


def import_enterprises(user):
    """Enterprises ``user`` may import for: those the listing form offers them, in menu order."""
    from snippets.forms import writable_enterprises

    return writable_enterprises(user).order_by("sort_order", "code")


def user_can_import(user, model):
    """The ``add`` permission of the type and an enterprise to write for."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(model)
    return policy.user_has_permission(user, "add") and import_enterprises(user).exists()


@dataclass
class ImportResult:
    total: int = 0
    errors: list = field(default_factory=list)  # RowError
    listings: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def _form_errors(form, column_set, row, patent_groups):
    errors = []
    for name, messages in form.errors.items():
        header = "" if name == "__all__" else column_set.header_for_field(name)
        errors += [RowError(row, header, str(m)) for m in messages]
    for name, formset in getattr(form, "formsets", {}).items():
        for i, form_errors in enumerate(formset.errors):
            group = patent_groups[i] if i < len(patent_groups) else i + 1
            for part, messages in form_errors.items():
                header = column_set.header_for_patent(group, part) if name == "patents" else ""
                errors += [RowError(row, header, str(m)) for m in messages]
        errors += [RowError(row, "", str(m)) for m in formset.non_form_errors()]
    return errors


class PrefetchedChoices:
    """The enterprise and technical-field choices of the form, read once for a whole sheet.

    Django's model choice fields ask the database for every value they clean
    (``queryset.get``, ``queryset.filter(pk__in=…)``): two queries per row.
    Every row's form has the same querysets (they depend on the user only),
    so ``apply`` gives each form's fields the rows read for the first form
    and answers from them, with Django's own errors for a value that is not
    among them.
    """

    FIELDS = ("enterprise", "tech_fields")

    def __init__(self):
        self.rows = {}

    def apply(self, form):
        for name in self.FIELDS:
            field = form.fields.get(name)
            if field is None or field.disabled or not isinstance(field, forms.ModelChoiceField):
                continue
            pk = field.queryset.model._meta.pk
            if field.to_field_name not in (None, "pk", pk.name, pk.attname):
                continue  # keyed on another field than the primary key: leave it to Django
            rows = self.rows.get(name)
            if rows is None:
                rows = self.rows[name] = {str(obj.pk): obj for obj in field.queryset}
            if isinstance(field, forms.ModelMultipleChoiceField):
                field._check_values = partial(_check_values, field, rows)
            else:
                field.to_python = partial(_to_python, field, rows)


def _to_python(field, rows, value):
    """``ModelChoiceField.to_python`` answered from ``rows`` (str(pk) → object)."""
    if value in field.empty_values:
        return None
    field.validate_no_null_characters(value)
    if isinstance(value, field.queryset.model):
        value = value.pk
    obj = rows.get(str(value))
    if obj is None:
        raise ValidationError(
            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )
    return obj


def _check_values(field, rows, value):
    """``ModelMultipleChoiceField._check_values`` answered from ``rows``, in the queryset's order."""
    try:
        value = frozenset(value)
    except TypeError:
        raise ValidationError(field.error_messages["invalid_list"], code="invalid_list") from None
    unknown = [pk for pk in value if str(pk) not in rows]
    for pk in value:
        field.validate_no_null_characters(pk)
    for pk in unknown:
        try:
            field.queryset.filter(pk=pk)  # builds no query; refuses a malformed pk as Django does
        except (ValueError, TypeError):
            raise ValidationError(
                field.error_messages["invalid_pk_value"],
                code="invalid_pk_value",
                params={"pk": pk},
            ) from None
    if unknown:
        raise ValidationError(
            field.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": unknown[0]},
        )
    wanted = {str(pk) for pk in value}
    return [obj for key, obj in rows.items() if key in wanted]


def validate_rows(sheet_rows, user, column_set, *, progress=None):
    """Validate every row; returns ``(prepared, errors)``.

    ``prepared`` is ``[(row number, unsaved listing with its patents and
    technical fields in memory)]``, ready for ``write_listings``.
    """
    from snippets.models import Listing

    model = column_set.model
    form_class = column_set.form_class
    locale = Locale.get_default()
    prepared, errors = [], []
    first_row_of = {}
    choices = PrefetchedChoices()
    total = len(sheet_rows)
    title_header = column_set.header_for_field("title")
    for done, sheet_row in enumerate(sheet_rows, start=1):
        data, cell_errors, patent_groups = column_set.form_data(sheet_row.cells)
        # The file carries the secrecy declaration for all its rows (upload
        # form), and each row is validated as a submission for review.
        data["secrecy_declaration"] = "on"
        data["action-submit"] = "1"
        cell_errors = list(getattr(sheet_row, "errors", [])) + cell_errors
        row_errors = [RowError(sheet_row.number, c.header, msg) for c, msg in cell_errors]
        instance = model(locale=locale, owner=user)
        form = form_class(data, instance=instance, for_user=user)
        choices.apply(form)
        if form.is_valid() and not row_errors:
            listing = form.save(commit=False)
            key = (listing.enterprise_id, listing.title)
            if key in first_row_of:
                row_errors.append(
                    RowError(
                        sheet_row.number,
                        title_header,
                        _("与第 %(row)s 行重复：同一企业不能导入两条同名信息。")
                        % {"row": first_row_of[key]},
                    )
                )
            else:
                first_row_of[key] = sheet_row.number
                prepared.append((sheet_row.number, listing))
        else:
            # A cell that could not be read is also empty for the form: say it once.
            blamed = {e.column for e in row_errors}
            row_errors += [
                e
                for e in _form_errors(form, column_set, sheet_row.number, patent_groups)
                if e.column not in blamed or not e.column
            ]
        errors += row_errors
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)

    # Against what is already on the platform (any state, any locale).
    by_key = {(listing.enterprise_id, listing.title): row for row, listing in prepared}
    titles = sorted({title for _e, title in by_key})
    for start in range(0, len(titles), 500):
        existing = (
            Listing.objects.filter(kind=column_set.kind, title__in=titles[start : start + 500])
            .filter(enterprise_id__in={e for e, _t in by_key})
            .values_list("pk", "enterprise_id", "title")
        )
        for pk, enterprise_id, title in existing:
            row = by_key.get((enterprise_id, title))
            if row is not None:
                errors.append(
                    RowError(
                        row,
                        title_header,
                        _(
                            "平台上已有同名的%(kind)s信息（平台编号 %(pk)s），请勿重复导入；需要修改的请在后台编辑。"
                        )
                        % {"kind": model._meta.verbose_name, "pk": pk},
                    )
                )
    errors.sort(key=lambda e: e.row)
    return prepared, errors


def write_listings(prepared, user, *, import_record=None, progress=None):
    """Create every prepared listing as a submitted draft, in one transaction; returns them.

    Per listing, as the editor's 创建 and 提交审核 would: the row (with its
    technical fields and patents), its first revision, a “wagtail.create” log
    entry, a 集团审核 workflow state with its task state and a
    “wagtail.workflow.start” entry, search and reference index entries. The
    rows and revisions are saved one by one (multi-table inheritance rules out
    bulk inserts); everything else is written in bulk per ``WRITE_CHUNK``
    listings (``bulk.py``, ``workflows.submission.BatchSubmission``).
    """
    created = []
    total = len(prepared)
    with transaction.atomic(), submission_mail_silenced(), deferred_indexing():
        submission = BatchSubmission(user)
        for start in range(0, total, WRITE_CHUNK):
            chunk = [listing for _row, listing in prepared[start : start + WRITE_CHUNK]]
            log = LogBatch()
            for listing in chunk:
                listing.owner = user
                listing.import_batch = import_record
                listing.live = False
                related = _relations_in_memory(listing)
                listing.save()
                # modelcluster forgets the technical fields and patents once
                # written and reads them back for the revision and completeness:
                # they are what was just written, so keep answering from memory.
                listing._cluster_related_objects = related
                # Validated above, by the form: no second full_clean per row.
                revision = listing.save_revision(user=user, clean=False)
                log.add(
                    listing,
                    "wagtail.create",
                    user=user,
                    revision_id=revision.pk,
                    content_changed=True,
                )
            log.save()
            # One workflow per listing, one summary mail per enterprise after commit.
            submission.submit(chunk)
            index_listings(chunk)
            created += chunk
            if progress:
                progress(len(created), total)
        submission.notify_on_commit()
    return created


def _relations_in_memory(listing):
    """The child relations and parental many-to-many lists of a new ``listing``, all of them.

    One the form did not fill has no rows in the database either (the listing
    is new): an empty list.
    """
    from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations

    related = dict(getattr(listing, "_cluster_related_objects", {}))
    for relation in get_all_child_relations(listing):
        related.setdefault(relation.get_accessor_name(), [])
    for m2m in get_all_child_m2m_relations(listing):
        related.setdefault(m2m.name, [])
    return related


def run_listing_import(record, data):
    """The whole import of a ``ListingImport`` (its bytes in ``data``): read, validate, write.

    Updates ``record`` as it goes (status, counts, errors), so that the
    status page and the management command report the same thing.
    """
    from snippets.models import LISTING_MODEL_BY_KIND, ListingImport

    Status = ListingImport.Status
    user = record.user
    model = LISTING_MODEL_BY_KIND[record.kind]
    with translation.override("zh-hans"):
        if user is None or not user_can_import(user, model):
            return _finish(
                record, Status.INVALID, [RowError(0, "", _("您没有导入此类信息的权限。"))]
            )
        if not record.secrecy_declared:
            return _finish(
                record,
                Status.INVALID,
                [RowError(0, "", _("请确认“本信息不涉及国家秘密和企业商业秘密”后再导入。"))],
            )
        column_set = ColumnSet(model, import_enterprises(user))
        _save(record, status=Status.VALIDATING, processed_rows=0)
        try:
            sheet = read_workbook(data, record.filename, column_set)
        except SheetRefused as e:
            return _finish(record, Status.INVALID, [RowError(0, "", str(e))])
        _save(record, total_rows=len(sheet.rows))
        if not sheet.rows:
            return _finish(
                record,
                Status.INVALID,
                [RowError(0, "", _("文件中没有数据行（数据从第3行开始填写）。"))],
            )

        def validated(done, total):
            _save(record, processed_rows=done)

        prepared, errors = validate_rows(sheet.rows, user, column_set, progress=validated)
        if errors:
            return _finish(record, Status.INVALID, errors)

        _save(record, status=Status.IMPORTING, processed_rows=0)
        key = progress_key(record.pk)

        def written(done, total):
            cache.set(key, {"phase": "importing", "done": done, "total": total}, PROGRESS_TTL)

        created = write_listings(prepared, user, import_record=record, progress=written)
        cache.delete(key)
        record.imported_count = len(created)
        record.processed_rows = len(created)
        return _finish(record, Status.DONE, [])


def _save(record, **values):
    for name, value in values.items():
        setattr(record, name, value)
    if record.pk:
        record.save(update_fields=list(values))


def _finish(record, status, errors):
    record.status = status
    reported = [e.as_dict() for e in errors[:MAX_REPORTED_ERRORS]]
    if len(errors) > MAX_REPORTED_ERRORS:
        reported.append(
            RowError(
                0,
                "",
                _("另有 %(n)s 处错误未列出，请先改正以上错误。")
                % {"n": f"{len(errors) - MAX_REPORTED_ERRORS:,}"},
            ).as_dict()
        )
    record.errors = reported
    record.finished_at = timezone.now()
    if record.pk:
        record.save()
    return record
