"""Admin views of 首次登写: template download, upload, progress, error report, export.

Mounted under /admin/listings/io/ by ``snippets/wagtail_hooks.py``
(``register_admin_urls``), so Wagtail's admin login and ``access_admin``
apply. Importing a type needs its ``add`` permission and an enterprise the
user writes for; exporting needs ``change`` or ``view`` and lists only the
rows ``visible_listings`` gives the user. An import's status, progress and
report belong to whoever uploaded it (and platform administrators): anyone
else gets a 404, so not even the existence of an upload is revealed.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from snippets.models import LISTING_MODEL_BY_KIND, LISTING_MODELS, ListingImport
from snippets.xlsx.columns import ERROR_COLUMN_LABEL, ColumnSet, RowError
from snippets.xlsx.exporter import export_workbook
from snippets.xlsx.importer import import_enterprises, progress_key, user_can_import
from snippets.xlsx.reader import MAX_UPLOAD_BYTES, SheetRefused, check_container
from snippets.xlsx.template import template_workbook
from workflows.forms import DECLARATION

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The status page lists this many problems; the downloadable report has them all.
ERRORS_ON_PAGE = 300


def model_for(kind):
    model = LISTING_MODEL_BY_KIND.get(kind)
    if model is None:
        raise Http404
    return model


def user_can_export(user, model):
    return policy_registry.get_by_type(model).user_has_any_permission(user, ["change", "view"])


def user_can_transfer_any(user):
    """Whether the menu item is shown: some type the user may import or export."""
    return any(user_can_export(user, m) or user_can_import(user, m) for m in LISTING_MODELS)


def xlsx_response(wb, filename):
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    wb.save(response)
    return response


def index_url_of(model):
    viewset = getattr(model, "snippet_viewset", None)
    return reverse(viewset.get_url_name("list")) if viewset else ""


def own_import(request, pk):
    """The import ``pk`` if the user uploaded it (or is a platform administrator), else 404."""
    imports = ListingImport.objects.all()
    if not request.user.is_superuser:
        imports = imports.filter(user=request.user)
    return get_object_or_404(imports, pk=pk)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel 文件（.xlsx）"),
        help_text=gettext_lazy("请使用本页下载的模板填写；最多 10,000 行、10 MB。"),
    )
    secrecy_declared = forms.BooleanField(
        label=DECLARATION,
        required=True,
        error_messages={
            "required": gettext_lazy("导入前须确认“本信息不涉及国家秘密和企业商业秘密”。")
        },
        help_text=gettext_lazy("对文件中的每一条信息作出声明；提交人对此声明负责。"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("文件超过 10 MB，请分成几个文件上传。"))
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        try:
            check_container(data, upload.name)
        except SheetRefused as e:
            raise forms.ValidationError(str(e)) from None
        return upload


class TransferBreadcrumbsMixin:
    """Breadcrumbs ending in this page's title (Wagtail's slim header shows the last one).

    Without them the header of every page here read only “首页”, Wagtail's
    default trail. ``breadcrumb_parent`` is (url, label) of the page above.
    """

    def breadcrumb_parent(self):
        return None

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        parent = self.breadcrumb_parent()
        if parent is not None:
            items.append({"url": parent[0], "label": parent[1]})
        return [*items, {"url": "", "label": self.get_header_title()}]


class TypeBreadcrumbsMixin(TransferBreadcrumbsMixin):
    """Import pages of one type sit below that type's index, where 批量导入 is offered."""

    def breadcrumb_parent(self):
        model = LISTING_MODEL_BY_KIND.get(self.listing_kind())
        if model is None or not index_url_of(model):
            return reverse("listing_io:index"), _("批量导入与导出")
        return index_url_of(model), model._meta.verbose_name_plural


class TransferIndexView(TransferBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    """批量导入与导出: per type the template, the upload and the export; the user's recent imports."""

    template_name = "snippets/listings/import_index.html"
    page_title = gettext_lazy("批量导入与导出")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_transfer_any(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rows = []
        for model in LISTING_MODELS:
            kind = model.listing_kind
            rows.append(
                {
                    "label": model._meta.verbose_name,
                    "kind": kind,
                    "can_import": user_can_import(user, model),
                    "can_export": user_can_export(user, model),
                    "index_url": index_url_of(model),
                }
            )
        imports = ListingImport.objects.filter(user=user).order_by("-created_at", "-pk")[:20]
        context.update(rows=rows, imports=imports)
        return context


class TemplateDownloadView(View):
    def get(self, request, kind):
        model = model_for(kind)
        if not user_can_import(request.user, model):
            raise PermissionDenied
        with translation.override("zh-hans"):
            wb = template_workbook(ColumnSet(model, import_enterprises(request.user)))
            filename = f"{model._meta.verbose_name}导入模板.xlsx"
        return xlsx_response(wb, filename)


class ExportView(View):
    def get(self, request, kind):
        model = model_for(kind)
        if not user_can_export(request.user, model):
            raise PermissionDenied
        wb = export_workbook(request.user, model)
        with translation.override("zh-hans"):
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            filename = f"{model._meta.verbose_name}导出-{stamp}.xlsx"
        return xlsx_response(wb, filename)


class ImportView(TypeBreadcrumbsMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a filled template; the import runs as a background task and this redirects to its status."""

    template_name = "snippets/listings/import_upload.html"
    form_class = ImportForm
    header_icon = "upload"

    def dispatch(self, request, kind):
        self.model = model_for(kind)
        if not user_can_import(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, kind=kind)

    def listing_kind(self):
        return self.model.listing_kind

    def get_page_title(self):
        return _("批量导入：%(kind)s") % {"kind": self.model._meta.verbose_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enterprises = list(import_enterprises(self.request.user))
        context.update(
            model_label=self.model._meta.verbose_name,
            kind=self.model.listing_kind,
            enterprises=enterprises,
            several_enterprises=len(enterprises) > 1,
            index_url=index_url_of(self.model),
        )
        return context

    def form_valid(self, form):
        from snippets.tasks import run_import

        user = self.request.user
        enterprises = list(import_enterprises(user)[:2])
        upload = form.cleaned_data["file"]
        record = ListingImport.objects.create(
            kind=self.model.listing_kind,
            user=user,
            enterprise=enterprises[0] if len(enterprises) == 1 else None,
            file=upload,
            filename=upload.name[:255],
            secrecy_declared=form.cleaned_data["secrecy_declared"],
        )
        # Committed already (no ATOMIC_REQUESTS), so a worker finds the row.
        run_import.enqueue(record.pk)
        return redirect("listing_io:status", pk=record.pk)


def progress_of(record):
    """What the status page shows and polls: status, counts and one sentence."""
    from django.core.cache import cache

    Status = ListingImport.Status
    total = record.total_rows
    done = record.processed_rows
    if record.status == Status.PENDING:
        message = _("已上传，等待处理……")
    elif record.status == Status.VALIDATING:
        message = _("已校验 %(done)s / %(total)s 行") % {"done": f"{done:,}", "total": f"{total:,}"}
    elif record.status == Status.IMPORTING:
        cached = cache.get(progress_key(record.pk)) or {}
        done = cached.get("done", 0)
        message = _("正在导入 %(done)s / %(total)s 条") % {
            "done": f"{done:,}",
            "total": f"{total:,}",
        }
    elif record.status == Status.DONE:
        done = record.imported_count
        message = _("已导入 %(n)s 条，均已保存为草稿并提交审核。") % {"n": f"{done:,}"}
    elif record.status == Status.INVALID:
        message = _("校验未通过：%(n)s 处错误，未导入任何信息。请改正后重新上传。") % {
            "n": f"{len(record.errors):,}"
        }
    else:
        message = (record.errors or [{}])[0].get("message") or _("处理失败，未导入任何信息。")
    return {
        "id": record.pk,
        "status": record.status,
        "status_label": record.get_status_display(),
        "total": total,
        "done": done,
        "imported": record.imported_count,
        "message": message,
        "finished": record.status in {Status.DONE, Status.INVALID, Status.FAILED},
    }


class ImportStatusView(TypeBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "snippets/listings/import_status.html"
    header_icon = "upload"

    def dispatch(self, request, pk):
        self.record = own_import(request, pk)
        return super().dispatch(request, pk=pk)

    def get_page_title(self):
        return _("批量导入：%(kind)s") % {"kind": self.record.get_kind_display()}

    def listing_kind(self):
        return self.record.kind

    def get_page_subtitle(self):
        return self.record.filename

    def get_header_title(self):
        # Wagtail joins title and subtitle with an English colon.
        if not self.record.filename:
            return self.get_page_title()
        return _("%(title)s（%(file)s）") % {
            "title": self.get_page_title(),
            "file": self.get_page_subtitle(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        model = LISTING_MODEL_BY_KIND.get(record.kind)
        errors = [RowError.from_dict(e) for e in record.errors or []]
        context.update(
            record=record,
            progress=progress_of(record),
            errors=errors[:ERRORS_ON_PAGE],
            more_errors=max(0, len(errors) - ERRORS_ON_PAGE),
            index_url=index_url_of(model) if model else "",
            uploaded_at=date_format(timezone.localtime(record.created_at), "Y-m-d H:i"),
        )
        return context


class ImportProgressView(View):
    """JSON polled by the status page; only for the uploader and platform administrators."""

    def get(self, request, pk):
        return JsonResponse(progress_of(own_import(request, pk)))


class ErrorReportView(View):
    """The refused rows as a spreadsheet: 行号, 列, 错误说明."""

    def get(self, request, pk):
        record = own_import(request, pk)
        if not record.errors:
            raise Http404
        with translation.override("zh-hans"):
            wb = Workbook()
            ws = wb.active
            ws.title = _("错误报告")
            for col, text in enumerate([_("行号"), _("列"), ERROR_COLUMN_LABEL], start=1):
                cell = ws.cell(1, col, text)
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="F8CBAD")
            for row, error in enumerate(record.errors, start=2):
                ws.cell(row, 1, error.get("row") or None)
                # Column headers and messages are ours or echo the user's text: write as text.
                for col, value in ((2, error.get("column") or ""), (3, error.get("message", ""))):
                    cell = ws.cell(row, col)
                    cell.value = value
                    cell.data_type = "s"
            ws.column_dimensions["A"].width = 8
            ws.column_dimensions["B"].width = 20
            ws.column_dimensions["C"].width = 90
            filename = f"导入错误报告-{quote(record.pk)}.xlsx"
        return xlsx_response(wb, filename)
