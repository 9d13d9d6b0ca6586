"""Small server-side bar charts for the regulator's reports and the public ranking.

``bar_chart(rows, title=…, unit=…)`` returns safe HTML: horizontal bars drawn
with plain elements and inline styles, so it needs no JavaScript, no chart
library and no stylesheet, and looks the same in the Wagtail admin and on the
public site. Labels wrap on a phone instead of shrinking as an SVG would.

The chart is one image to assistive technology (``role="img"`` with the title
as its name and a one-sentence summary as its description); the table the
caller puts beside it is the accessible data, so the bars repeat nothing a
screen reader would have to hear twice. Negative values (a fall in growth)
draw to the left of a zero line.

Template use: ``{% load regulator_charts %}{% bar_chart rows title=… unit="件" %}``.
"""

import itertools
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

DEFAULT_COLOR = "#a8151c"  # the site's theme colour; 7:1 against white
NEGATIVE_COLOR = "#5a5a5a"
_ids = itertools.count(1)


def _number(value, places):
    if places is None:
        text = format(Decimal(value).normalize(), "f")
        places = len(text.split(".")[1]) if "." in text else 0
    return f"{Decimal(value):,.{places}f}"


def bar_chart(
    rows,
    *,
    title,
    unit="",
    max_bars=20,
    places=None,
    color=DEFAULT_COLOR,
    description=None,
    chart_id=None,
):
    """A horizontal bar chart of ``rows`` = [(label, value), …] in the order given.

    A row may carry a third item, the label's language (``"zh-Hans"`` for a
    Chinese name on the English site), so that a screen reader voices it right.
    Rows whose value is None are left out (the table says why). Only the first
    ``max_bars`` are drawn, with a note saying so. ``places`` fixes the
    decimals shown (None: as given). Returns "" when there is nothing to draw.
    """
    values = [
        (str(row[0]), Decimal(row[1]), row[2] if len(row) > 2 else None)
        for row in rows
        if row[1] is not None
    ]
    if not values:
        return ""
    shown = values[:max_bars]
    low = min([Decimal(0), *(row[1] for row in shown)])
    high = max([Decimal(0), *(row[1] for row in shown)])
    span = (high - low) or Decimal(1)
    zero = (-low / span) * 100
    suffix = f" {unit}" if unit and unit != "%" else unit
    chart_id = chart_id or f"ceti-chart-{next(_ids)}"

    if description is None and len(shown) == 1:
        description = _("共 1 项：%(label)s %(value)s。详细数据见表格。") % {
            "label": shown[0][0],
            "value": _number(shown[0][1], places) + suffix,
        }
    elif description is None:
        top_label, top_value, _lang = max(shown, key=lambda row: row[1])
        bottom_label, bottom_value, _lang = min(shown, key=lambda row: row[1])
        description = _(
            "共 %(count)s 项，最高为%(top)s（%(top_value)s），最低为%(bottom)s（%(bottom_value)s）。详细数据见表格。"
        ) % {
            "count": len(values),
            "top": top_label,
            "top_value": _number(top_value, places) + suffix,
            "bottom": bottom_label,
            "bottom_value": _number(bottom_value, places) + suffix,
        }

    def bar(value):
        left = zero + (min(value, 0) / span) * 100
        width = (abs(value) / span) * 100
        return format_html(
            '<span style="position:absolute;top:0;bottom:0;left:{}%;width:{}%;'
            'min-width:{};background:{}"></span>',
            f"{left:.2f}",
            f"{width:.2f}",
            "2px" if value else "0",
            color if value >= 0 else NEGATIVE_COLOR,
        )

    axis = ""
    if low < 0:
        axis = format_html(
            '<span style="position:absolute;top:-.2rem;bottom:-.2rem;left:{}%;'
            'border-left:1px solid currentColor"></span>',
            f"{zero:.2f}",
        )
    lines = format_html_join(
        "",
        '<span{} style="overflow-wrap:anywhere;line-height:1.3">{}</span>'
        '<span style="position:relative;height:.9rem;background:#f1f1f1">{}{}</span>'
        # The number never breaks; a long unit ("patents per 100 R&D staff") wraps under it
        # rather than widening a phone's page.
        '<span style="text-align:right;max-width:9rem"><span style="white-space:nowrap;'
        'font-variant-numeric:tabular-nums">{}</span>{}</span>',
        (
            (
                format_html(' lang="{}"', lang) if lang else "",
                label,
                bar(value),
                axis,
                _number(value, places),
                suffix,
            )
            for label, value, lang in shown
        ),
    )
    more = ""
    if len(values) > len(shown):
        more = format_html(
            '<p style="margin:.4rem 0 0;font-size:.875em">{}</p>',
            _("图中显示前 %(shown)s 项，共 %(count)s 项，全部数据见表格。")
            % {"shown": len(shown), "count": len(values)},
        )
    return format_html(
        '<figure class="ceti-chart" style="margin:0 0 1rem">'
        '<div role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc" '
        'style="display:grid;grid-template-columns:minmax(5rem,11rem) minmax(4rem,1fr) auto;'
        'gap:.35rem .6rem;align-items:center">{lines}</div>'
        '<figcaption style="margin-top:.5rem;font-size:.875em">'
        '<span id="{id}-title" style="font-weight:700">{title}</span> '
        '<span id="{id}-desc">{description}</span></figcaption>{more}</figure>',
        id=chart_id,
        lines=lines,
        title=title,
        description=description,
        more=more,
    )
