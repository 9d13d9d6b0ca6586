from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchTerm(models.Model):
    """A technology or enterprise term that search must treat as one word.

    Loaded into the segmenter beside the bundled dictionary (search/dictionary.py);
    items indexed before the term existed are re-segmented by ``update_index``.
    """

    term = models.CharField(
        _("词语"),
        max_length=50,
        unique=True,
        help_text=_(
            "搜索时应作为一个整体的技术或企业术语，如“硫化物固态电解质”。只含汉字、字母和数字，"
            "不含空格和标点。添加后请联系系统管理员运行 update_index 重建索引。"
        ),
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("添加时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("搜索词")
        verbose_name_plural = _("搜索词典")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def clean(self):
        from django.core.exceptions import ValidationError

        from search.segment import WORD

        self.term = (self.term or "").strip()
        if not WORD.fullmatch(self.term):
            raise ValidationError({"term": _("词语只能包含汉字、字母和数字，不能有空格或标点。")})
