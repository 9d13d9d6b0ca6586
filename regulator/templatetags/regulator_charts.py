"""``{% bar_chart rows title=… unit=… %}``: regulator.charts.bar_chart for templates."""

from django import template

from regulator.charts import bar_chart as _bar_chart

register = template.Library()


@register.simple_tag
def bar_chart(rows, **options):
    return _bar_chart(rows, **options)


@register.filter
def number(value, places=0):
    """``1234.5|number:1`` → ``1,234.5``; empty for None."""
    from regulator.ranking import format_value

    return format_value(value, int(places))
