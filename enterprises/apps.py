from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    """The bottom layer: who belongs where and who may see what (DESIGN.md §10)."""

    name = "enterprises"
    verbose_name = "企业与访问控制"
