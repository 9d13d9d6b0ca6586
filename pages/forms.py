"""Admin forms of the page types."""

import json
import re
import secrets

from django.core.exceptions import BadRequest, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.base import BlockField, BlockWidget

from workflows.forms import SecrecyDeclarationFormMixin

BLOCK_KEY = re.compile(r'\s+data-block-key=\\?"[^"\\]*\\?"')


def _without_block_keys(value):
    return BLOCK_KEY.sub("", json.dumps(value, cls=DjangoJSONEncoder))


class ReviewedPageForm(SecrecyDeclarationFormMixin, WagtailAdminPageForm):
    """Pages that go through review: submitting asks for the secrecy declaration.

    Scheduling is publishing: a go-live time sets when an approved item goes
    online and an expiry time takes a live item offline without review. Only a
    platform administrator, who may publish directly, sets them; for anyone
    else the fields of Wagtail's settings tab are disabled, so a crafted POST
    changes nothing (Django ignores posted values of disabled fields).
    """

    SCHEDULING_FIELDS = ("go_live_at", "expire_at")

    @cached_property
    def changed_data(self):
        """Django's list, less StreamFields that differ only in Draftail's block keys.

        Draftail adds a ``data-block-key`` to every paragraph of rich text that
        was written elsewhere (demo content, imports, the API). Wagtail saves a
        revision whenever the form has changed, also when a reviewer only
        presses 审核通过 in the editor; that revision would make the reviewer
        its last editor, and maker-checker would then refuse their approval.
        """
        return [name for name in super().changed_data if not self._only_block_keys_differ(name)]

    def _only_block_keys_differ(self, name):
        field = self.fields[name]
        if not isinstance(field, BlockField):
            return False
        bound = self[name]
        try:
            initial = field.block.get_prep_value(bound.initial)
            data = field.block.get_prep_value(field.clean(bound.data))
        except ValidationError:
            return False
        return _without_block_keys(initial) == _without_block_keys(data)

    def _widget_data_value(self, widget, html_name):
        """Read a StreamField the way the editor posts it; a POST without its structure is a 400.

        Wagtail's StreamBlock and ListBlock read their ``-count``, ``-type``,
        ``-deleted`` and ``-order`` keys with ``data[...]`` and ``int()``, so a
        POST without them (the edit, create or revert form posted empty or cut
        short) raised KeyError or ValueError out of ``is_valid()``: a 500 for
        anyone who may edit the page. The editor's own form always sends them.
        Django reads every bound field's data through this method, so the check
        covers Wagtail's edit, create and revert views without replacing any.
        """
        try:
            return super()._widget_data_value(widget, html_name)
        except (KeyError, ValueError) as e:
            if isinstance(widget, BlockWidget):
                raise BadRequest(f"Malformed or missing StreamField data: {html_name}") from e
            raise

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if not (user and user.is_superuser):
            for name in self.SCHEDULING_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _("定时发布和到期下线由平台管理员设置。")


class ArticlePageForm(ReviewedPageForm):
    """Editors write Chinese titles; the URL slug is generated when left empty.

    With ASCII-only slugs (settings.WAGTAIL_ALLOW_UNICODE_SLUGS) a Chinese
    title yields no slug, and the editor would face a required field hidden
    on the 推广 tab. An empty slug becomes ``<yyyymmdd>-<4 hex>`` instead, the
    dated style of Chinese government portals.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "网址中的名称，只能使用小写字母、数字和连字符；留空则按日期自动生成，如 20261127-3f9a。"
            )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug
        if self.instance.slug:
            return self.instance.slug
        siblings = self.parent_page.get_children() if self.parent_page else None
        day = timezone.localdate().strftime("%Y%m%d")
        while True:
            slug = f"{day}-{secrets.token_hex(2)}"
            if siblings is None or not siblings.filter(slug=slug).exists():
                return slug


class EnterprisePageForm(ReviewedPageForm):
    """A sub-platform page: its enterprise is fixed by provisioning.

    Only a platform administrator may change which enterprise a sub-platform
    belongs to; for anyone else the field is shown but disabled, so an editor
    cannot hand their sub-platform (and with it every item's ownership and
    reviewer) to another enterprise. Django ignores posted values of disabled
    fields.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if "enterprise" in self.fields and self.instance.pk and not (user and user.is_superuser):
            self.fields["enterprise"].disabled = True
