"""The image form of the admin (WAGTAILIMAGES_IMAGE_FORM_BASE).

Its own module: Wagtail imports it by name once the apps are loaded, while
pages/forms.py is imported by the page models themselves.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Every image needs its alternative text (WCAG 2.1 AA, 1.1.1).

    Wagtail keeps an image's alt text in ``description`` and leaves it
    optional; cover images and logos are shown with it, so an editor must
    write it when uploading. Wagtail's multiple uploader then asks for it
    in the edit form of each uploaded file before the image is created.
    Images inside article bodies have their own alt text or are marked
    decorative in the body's image block.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.help_text = _(
                "替代文字：为看不到图片的读者描述图片内容，如“示例新能源海上风电场全景”。"
                "不要写“图片”“照片”等字样。"
            )
