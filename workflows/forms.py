"""The secrecy declaration that every submission for review carries.

涉密信息不能上网 (DESIGN.md §1): whoever submits an item declares that it holds
no state or commercial secrets; the automatic 保密审查 after group approval is
the safety net under that declaration, not a replacement for it. The
declaration is asked afresh on every submission (and on a direct publish by a
platform administrator), never remembered from an earlier one: it is about the
text being submitted now. A plain save of a draft does not ask for it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

DECLARATION = _("本信息不涉及国家秘密和企业商业秘密")

# The POST buttons of Wagtail's editors that send an item towards publication.
SUBMITTING_ACTIONS = ("action-submit", "action-restart-workflow", "action-publish")


class SecrecyDeclarationFormMixin(forms.Form):
    """Adds the required-on-submit ``secrecy_declaration`` checkbox to an admin form.

    Show it with ``FieldPanel("secrecy_declaration")``; Wagtail builds the
    form from the panels, and a field declared on the form class may be named
    there without being a model field.
    """

    secrecy_declaration = forms.BooleanField(
        label=DECLARATION,
        required=False,
        help_text=_("提交审核前请逐项核对正文和附件，确认后勾选。提交人对此声明负责。"),
    )

    def is_submitting(self):
        return any(self.data.get(action) for action in SUBMITTING_ACTIONS)

    def clean(self):
        cleaned_data = super().clean()
        if self.is_submitting() and not cleaned_data.get("secrecy_declaration"):
            self.add_error(
                "secrecy_declaration",
                _("提交审核前须确认“本信息不涉及国家秘密和企业商业秘密”。"),
            )
        return cleaned_data
