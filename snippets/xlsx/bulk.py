"""Writing thousands of listings at once: the search and reference indexes in bulk.

Saving a listing makes Wagtail update its reference index and modelsearch
its search index (post_save handlers, each re-reading the row, and the search
index segmenting its text with jieba and recomputing the title norms of the
whole index table). An import saves each listing twice (the row, then its
latest revision): four index updates per listing, most of an import's time.

``deferred_indexing()`` switches both off for the current thread only and
``index_listings()`` then indexes the saved listings in a few queries per
few hundred, leaving the same rows as the per-save handlers would. Other
threads (another editor's save in the same process) are indexed as usual.
"""

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models.signals import post_save

logger = logging.getLogger(__name__)

CHUNK = 500

_search_deferred = ContextVar("ceti_listing_search_index_deferred", default=False)
_guard_lock = threading.Lock()
# Listing models whose modelsearch post_save handler was replaced by the guard.
_guarded_models = set()
_guard_installed = False


def _deferrable_search_handler(sender, instance, **kwargs):
    """modelsearch's post_save handler, unless this thread is inside ``deferred_indexing()``."""
    if _search_deferred.get():
        return
    from modelsearch.signal_handlers import post_save_signal_handler

    post_save_signal_handler(instance, sender=sender, **kwargs)


def _install_search_guard():
    """Put the guard in place of modelsearch's handler for the listing models, once per process.

    modelsearch has no switch of its own; Wagtail's reference index has one
    (thread-local), which ``deferred_indexing`` uses. The guard is connected
    before the original is disconnected, so no save is ever missed (at worst
    one is indexed twice while this runs).
    """
    global _guard_installed
    if _guard_installed:
        return
    from modelsearch.signal_handlers import post_save_signal_handler

    from snippets.models import LISTING_MODELS, Listing

    with _guard_lock:
        if _guard_installed:
            return
        for model in [Listing, *LISTING_MODELS]:
            uid = f"ceti-deferrable-search-index-{model._meta.label_lower}"
            post_save.connect(_deferrable_search_handler, sender=model, dispatch_uid=uid)
            if post_save.disconnect(post_save_signal_handler, sender=model):
                _guarded_models.add(model)
            else:
                # modelsearch does not index this model on save: neither do we.
                post_save.disconnect(sender=model, dispatch_uid=uid)
        _guard_installed = True


@contextmanager
def deferred_indexing():
    """Within the block, saving a listing in this thread updates neither index; see ``index_listings``."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    _install_search_guard()
    token = _search_deferred.set(True)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _search_deferred.reset(token)


def _chunks(items, size=CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_listings(listings):
    """Search and reference index entries of ``listings`` (saved, of any listing types), in bulk."""
    by_model = defaultdict(list)
    for listing in listings:
        by_model[type(listing)].append(listing.pk)
    for model, pks in by_model.items():
        for chunk in _chunks(pks):
            _update_search_index(model, chunk)
            _update_reference_index(model, chunk)


def _update_search_index(model, pks):
    """What modelsearch's post_save handler does for each saved object, for many at once."""
    from modelsearch.backends import get_search_backends_with_name

    if model not in _guarded_models:
        return
    backends = list(get_search_backends_with_name(with_auto_update=True))
    if not backends:
        return
    objects = [
        indexed
        for obj in _indexed_objects(model).filter(pk__in=pks)
        if (indexed := obj.get_indexed_instance()) is not None
    ]
    for name, backend in backends:
        # The handler runs as a task whose failure does not undo the save: the
        # same here (a savepoint keeps the import's transaction usable); the
        # entries are rebuilt by `manage.py update_index`.
        try:
            with transaction.atomic():
                backend.add_bulk(model, objects)
        except Exception:
            logger.exception("Bulk indexing of %s %s in %r failed", len(objects), model, name)


def _indexed_objects(model):
    """``model.get_indexed_objects()``, with its parental many-to-many search fields prefetched.

    modelsearch prefetches related fields but leaves modelcluster's parental
    many-to-many alone, which the indexer then reads three times per object
    (title, body, autocomplete): three queries per listing for its technical
    fields. Prefetched, modelcluster answers from the prefetch.
    """
    from django.core.exceptions import FieldDoesNotExist
    from modelcluster.fields import ParentalManyToManyField
    from modelsearch.index import RelatedFields

    names = []
    for search_field in model.get_search_fields():
        if not isinstance(search_field, RelatedFields):
            continue
        try:
            field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ParentalManyToManyField):
            names.append(search_field.field_name)
    return model.get_indexed_objects().prefetch_related(*names)


def _update_reference_index(model, pks):
    """``ReferenceIndex.create_or_update_for_object`` for new objects, many at once.

    New listings have no references recorded yet, so there is nothing to
    compare or delete: the references found are inserted, as Wagtail would.
    """
    from django.contrib.contenttypes.models import ContentType
    from modelcluster.models import get_all_child_relations
    from wagtail.models import ReferenceIndex

    if model not in ReferenceIndex.tracked_models or not ReferenceIndex.is_indexed(model):
        return
    children = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    objects = model.objects.filter(pk__in=pks).prefetch_related(*children)
    rows = []
    for obj in objects:
        # As Wagtail: the object's own type, and the base of its parents.
        content_types = [
            ContentType.objects.get_for_model(m, for_concrete_model=False)
            for m in [obj, *obj._meta.get_parent_list()]
        ]
        content_type, base_content_type = content_types[0], content_types[-1]
        for to_ct, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        ):
            rows.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=obj.pk,
                    to_content_type_id=to_ct,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    kwargs = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    ReferenceIndex.objects.bulk_create(rows, batch_size=CHUNK, **kwargs)
