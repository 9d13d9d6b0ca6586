"""Search fields whose indexed value is segmented text.

``segmented([...])`` keeps every field's name, boost and kind (so a segmented
``title`` lands in the backend's title column with its weight) and makes its
value the space-separated words of ``search.segment.index_text``. Filter
fields are returned unchanged.
"""

from wagtail.search import index

from search.segment import index_text


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    return str(value)


class SegmentedSearchField(index.SearchField):
    def get_value(self, obj):
        return index_text(_flatten(super().get_value(obj)))


class SegmentedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return index_text(_flatten(super().get_value(obj)))


def segmented_text_of(fields):
    """Segmented copies of the text fields only, to add beside fields that must stay as they are.

    Wagtail's check (wagtailsearch.W001) wants ``Page.search_fields`` itself in
    every page model; the copies put the segmented title in the same title column.
    """
    return [f for f in segmented(fields) if not isinstance(f, index.FilterField)]


def segmented(fields):
    """The same search fields, with their text segmented for Chinese search."""
    result = []
    for field in fields:
        if isinstance(field, index.SearchField) and not isinstance(field, SegmentedSearchField):
            result.append(SegmentedSearchField(field.field_name, boost=field.boost, **field.kwargs))
        elif isinstance(field, index.AutocompleteField) and not isinstance(
            field, SegmentedAutocompleteField
        ):
            result.append(SegmentedAutocompleteField(field.field_name, **field.kwargs))
        elif isinstance(field, index.RelatedFields):
            result.append(index.RelatedFields(field.field_name, segmented(field.fields)))
        else:
            result.append(field)
    return result
