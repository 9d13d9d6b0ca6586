"""Demo resource listings in every state a user meets (docs/resource-listings.md §5 step 8).

Published ones fill 资源共享 and 供求信息; one job is past its deadline (gone
from the public site, still in the admin); some are awaiting 集团审核, one was
sent back with a comment, one is a draft. Runs once per listing title.
"""

import datetime

from django.test.utils import override_settings
from django.utils import timezone

from snippets.models import LISTING_MODEL_BY_KIND, Listing, ListingPatent

from .accounts import editor_of, reviewer_of
from .corpus.listings import CONTACTS, LISTINGS, PATENTS, REJECTION_COMMENT


def load_listings(*, enterprises, fields, users, zh):
    """Create the demo listings that are missing; returns a Counter-like dict of what was done."""
    done = {"listings": 0, "listings submitted": 0, "listings rejected": 0}
    existing = set(Listing.objects.values_list("enterprise__code", "title"))
    today = timezone.localdate()
    for kind, code, title, summary, slugs, region, values, state in LISTINGS:
        if (code, title) in existing:
            continue
        enterprise = enterprises[code]
        name, phone, email = CONTACTS[code]
        editor = users.get(editor_of(code))
        reviewer = users.get(
            reviewer_of(code, enterprise.parent.code if enterprise.parent_id else None)
        )
        listing = LISTING_MODEL_BY_KIND[kind](
            title=title,
            summary=summary,
            enterprise=enterprise,
            region=region,
            contact_name=name,
            contact_phone=phone,
            contact_email=email,
            contact_public=kind in ("job", "product"),
            locale=zh,
            owner=editor,
            live=False,
            **values,
        )
        if kind == "project":
            listing.valid_until = values["end_date"]
        listing.tech_fields.set([fields[slug] for slug in slugs])
        listing.patents = [
            ListingPatent(number=n, name=pname, patent_type=t, patent_status=s)
            for n, pname, t, s in PATENTS.get(title, [])
        ]
        listing.save()
        revision = listing.save_revision(user=editor, log_action=True)
        done["listings"] += 1
        if state in ("live", "expired"):
            # The demo's history: these passed review before the demo began.
            revision.publish(user=reviewer, skip_permission_checks=True)
            if state == "expired":
                Listing.objects.filter(pk=listing.pk).update(
                    valid_until=today - datetime.timedelta(days=3)
                )
        elif state in ("review", "rejected") and editor is not None:
            _submit(listing, editor, reviewer, state, done)
    return done


def _submit(listing, editor, reviewer, state, done):
    # The review mails of demo submissions would only fill the console.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        workflow = listing.get_workflow()
        if workflow is None:
            return
        workflow_state = workflow.start(listing, editor)
        done["listings submitted"] += 1
        if state == "rejected" and reviewer is not None:
            task_state = workflow_state.current_task_state
            task_state.task.specific.on_action(
                task_state, reviewer, "reject", comment=REJECTION_COMMENT
            )
            done["listings rejected"] += 1
