"""Keep the owning enterprise of moved items in step with the page tree.

``ArticlePage.full_clean`` derives ``enterprise`` from the sub-platform above
the page, but Wagtail's move action saves the moved page as a plain ``Page``
(``wagtail/actions/move_page.py``), so an item moved from one enterprise's
sub-platform to another's kept answering to its old enterprise until its next
revision was published: review and permissions would have asked the wrong group.
"""

from wagtail.signals import post_page_move


def update_owning_enterprise_after_move(sender, instance, **kwargs):
    # Articles have no subpages, and an article inside a moved sub-platform
    # keeps that sub-platform as its nearest one: only a moved article changes.
    from pages.models import ArticlePage

    article = (
        ArticlePage.objects.filter(pk=instance.pk)
        .only("id", "path", "depth", "enterprise_id")
        .first()
    )
    if article is None:
        return
    enterprise_id = article.enterprise_from_tree()
    if article.enterprise_id != enterprise_id:
        ArticlePage.objects.filter(pk=article.pk).update(enterprise_id=enterprise_id)


def register_signal_handlers():
    post_page_move.connect(
        update_owning_enterprise_after_move, dispatch_uid="pages_owning_enterprise_after_move"
    )
