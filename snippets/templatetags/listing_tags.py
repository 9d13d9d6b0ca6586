"""Template tags of the listing pages: the public fields of a listing, for detail and preview alike."""

from django import template

from snippets.display import contact_rows, public_rows

register = template.Library()


@register.simple_tag
def listing_rows(listing):
    """{facts, texts, contact} of ``listing``: its public fields with labels, contact only if shown."""
    facts, texts = public_rows(listing)
    return {"facts": facts, "texts": texts, "contact": contact_rows(listing)}


@register.simple_tag
def listing_patents(listing):
    """The listing's patents (in memory for a preview, from the prefetch otherwise)."""
    return list(listing.patents.all())


@register.simple_tag
def listing_gallery(listing):
    return [item for item in listing.gallery.all() if item.image_id]
