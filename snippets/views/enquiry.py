"""对接意向: a reader's enquiry about a public listing, stored and mailed to its enterprise.

The form is on the listing's detail page and posts to ``<kind>/<pk>/enquiry/``.
Abuse is limited without accounts or captchas (docs/resource-listings.md §4):

- bodies over 16 KB are refused with 413 before the form is read;
- a hidden honeypot field ``website``: filled in, the sender sees the usual
  thank-you and nothing is stored or sent;
- a signed render time: a form sent under 3 seconds after it was shown, or
  more than a day later, is refused with a message and kept for resending;
- rate limits through Django's cache (shared Redis in production): 5 per
  address per hour, 20 per day, 1 per address and listing per 10 minutes,
  50 per listing per day; beyond them a 429 page says when to try again.

No raw IP address is kept: an HMAC of it is enough to count. The mail goes
out after the transaction commits, so a rolled-back enquiry sends nothing,
and a mail failure loses nothing (the enquiry is in the admin).
"""

import logging
import time
from functools import partial

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from snippets.models import Enquiry

from .public import detail_path, find_listing, gone, kind_of_slug, render_detail, resolve_language

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
MIN_SECONDS = 3
MAX_AGE_SECONDS = 24 * 3600
SIGNING_SALT = "snippets.enquiry.rendered"
# (counter, limit, window in seconds)
LIMITS = (
    ("ip-hour", 5, 3600),
    ("ip-day", 20, 24 * 3600),
    ("ip-listing", 1, 600),
    ("listing-day", 50, 24 * 3600),
)


def render_token(listing):
    """A signed (listing, time) pair put in the form when it is shown."""
    return signing.dumps({"l": listing.pk, "t": time.time()}, salt=SIGNING_SALT)


class EnquiryForm(forms.ModelForm):
    """The reader's contact details and need; ``website`` is the honeypot, ``rendered`` the timer."""

    message = forms.CharField(
        label=_("需求说明"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        help_text=_("请说明您的需求、合作方式和时间安排，10至2000字。"),
        error_messages={
            "required": _("请填写需求说明。"),
            "min_length": _("需求说明至少10个字（目前%(show_value)d个字）。"),
            "max_length": _("需求说明不能超过2000字（目前%(show_value)d个字）。"),
        },
    )
    consent = forms.BooleanField(
        label=_("同意将以上信息提供给发布企业"),
        required=True,
        error_messages={"required": _("请勾选同意后再提交。")},
    )
    website = forms.CharField(
        label=_("请勿填写此项"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    rendered = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Enquiry
        fields = ["name", "organisation", "phone", "email", "message", "consent"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, data=None, *, listing, **kwargs):
        super().__init__(data, **kwargs)
        self.listing = listing
        for name in ("name", "organisation", "phone", "email"):
            self.fields[name].error_messages["required"] = _("请填写此项。")
        self.fields["email"].error_messages["invalid"] = _(
            "请填写有效的电子邮箱地址，如 name@example.com。"
        )
        self.fields["rendered"].initial = render_token(listing)
        self.token_refreshed = False
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self.auto_id % name}-help"
            if field.required:
                field.widget.attrs["aria-required"] = "true"

    def is_valid(self):
        valid = super().is_valid()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields and name != "rendered":
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                error_id = f"{self.auto_id % name}-error"
                attrs["aria-describedby"] = " ".join(
                    filter(None, [attrs.get("aria-describedby"), error_id])
                )
        return valid

    def clean_rendered(self):
        token = self.cleaned_data.get("rendered") or ""
        try:
            payload = signing.loads(token, salt=SIGNING_SALT, max_age=MAX_AGE_SECONDS)
        except signing.SignatureExpired:
            self._refresh_token()
            raise forms.ValidationError(
                _("页面打开已超过一天，请确认填写内容后重新提交。"), code="expired"
            ) from None
        except signing.BadSignature:
            self._refresh_token()
            raise forms.ValidationError(
                _("表单已失效，请确认填写内容后重新提交。"), code="invalid"
            ) from None
        if payload.get("l") != self.listing.pk:
            self._refresh_token()
            raise forms.ValidationError(_("表单已失效，请确认填写内容后重新提交。"), code="invalid")
        if time.time() - float(payload.get("t", 0)) < MIN_SECONDS:
            # Kept as it is: resending the same form a moment later succeeds.
            raise forms.ValidationError(_("提交过快，请确认填写内容后再提交。"), code="too_fast")
        return token

    def _refresh_token(self):
        """Re-render with a fresh timer, keeping everything else the reader typed."""
        self.data = self.data.copy()
        self.data[self.add_prefix("rendered")] = render_token(self.listing)
        self.token_refreshed = True


# --- limits ------------------------------------------------------------------------


def client_ip_hash(request):
    """HMAC-SHA256 of the client address with the secret key: countable, not reversible."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("enquiry-ip", address, algorithm="sha256").hexdigest()


def _limit_keys(ip_hash, listing):
    keys = {
        "ip-hour": f"enquiry:ip-hour:{ip_hash}",
        "ip-day": f"enquiry:ip-day:{ip_hash}",
        "ip-listing": f"enquiry:ip-listing:{ip_hash}:{listing.pk}",
        "listing-day": f"enquiry:listing-day:{listing.pk}",
    }
    return [(keys[name], limit, window) for name, limit, window in LIMITS]


def is_limited(ip_hash, listing):
    keys = _limit_keys(ip_hash, listing)
    counts = cache.get_many([key for key, _limit, _window in keys])
    return any(counts.get(key, 0) >= limit for key, limit, _window in keys)


def count_enquiry(ip_hash, listing):
    """Count one enquiry in every window (a window starts with its first enquiry)."""
    for key, _limit, window in _limit_keys(ip_hash, listing):
        cache.add(key, 0, window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)


# --- mail --------------------------------------------------------------------------


def one_line(text):
    """Text safe for a mail header: line breaks and other control characters removed."""
    return " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())


def recipients_for(enquiry):
    """The listing's contact address; without one, the enterprise's editors."""
    listing = enquiry.listing
    if listing is not None and listing.contact_email:
        return [listing.contact_email]
    from django.contrib.auth import get_user_model

    from workflows.models import EnterpriseRole

    editors = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__enterprise_role__role=EnterpriseRole.Role.EDITOR,
            groups__enterprise_role__enterprise=enquiry.enterprise_id,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(editors)


def send_enquiry_mail(enquiry_id, listing_url):
    enquiry = Enquiry.objects.select_related("listing", "enterprise").filter(pk=enquiry_id).first()
    if enquiry is None:
        return
    recipients = recipients_for(enquiry)
    if not recipients:
        logger.warning("Enquiry %s: no address to send it to", enquiry.pk)
        return
    try:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "enquiries:inspect", args=[enquiry.pk]
        )
    except (NoReverseMatch, AttributeError):
        admin_url = ""
    context = {"enquiry": enquiry, "listing_url": listing_url, "admin_url": admin_url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = one_line(_("对接意向：%(title)s") % {"title": enquiry.listing_title})[:200]
        text = render_to_string("snippets/listings/enquiry_email.txt", context)
        html = render_to_string("snippets/listings/enquiry_email.html", context)
    message = EmailMultiAlternatives(subject, text, to=recipients, reply_to=[enquiry.email])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # the enquiry is stored; the enterprise still finds it in the admin
        logger.exception("Enquiry %s could not be mailed", enquiry.pk)


# --- the view ----------------------------------------------------------------------


def refusal(request, page, *, status, title, message, listing=None, back_url=None):
    context = page.get_context(request)
    context.update(
        {
            "refusal_title": title,
            "refusal_message": message,
            "listing": listing,
            "back_url": back_url,
        }
    )
    return TemplateResponse(request, "snippets/listings/refusal.html", context, status=status)


def enquiry(request, page, *, kind_slug, pk):
    """POST of the enquiry form; success redirects to the detail page's thank-you state."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    kind = kind_of_slug(page, kind_slug)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        # Refused before anything reads the body into a form.
        return refusal(
            request,
            page,
            status=413,
            title=_("提交内容过长"),
            message=_("提交的内容超过了16 KB，请精简需求说明后重新提交。"),
            back_url=page.get_url(request) + f"{kind_slug}/{pk}/",
        )
    listing = find_listing(page, kind, pk)
    if resolve_language(request, page, listing) is not None:
        raise Http404  # the form of the other language's row posts there
    if listing.is_expired():
        return gone(request, page, listing)
    detail_url = page.get_url(request) + detail_path(listing)
    ip_hash = client_ip_hash(request)
    if is_limited(ip_hash, listing):
        return refusal(
            request,
            page,
            status=429,
            title=_("提交过于频繁"),
            message=_(
                "同一网络提交对接意向的次数已达上限（每小时5次，每天20次，同一信息10分钟内1次）。"
                "请稍后再试，或通过发布企业的公开联系方式联系。"
            ),
            listing=listing,
            back_url=detail_url,
        )
    form = EnquiryForm(request.POST, listing=listing)
    sent_url = detail_url + "?enquiry=sent#enquiry"
    if form.data.get("website"):
        # A bot filled in the honeypot: it sees success, nothing is kept or sent.
        return HttpResponseRedirect(sent_url)
    if not form.is_valid():
        return render_detail(request, page, listing, form=form)
    count_enquiry(ip_hash, listing)
    enquiry = form.save(commit=False)
    enquiry.listing = listing
    enquiry.listing_title = listing.title[:100]
    enquiry.enterprise_id = listing.enterprise_id
    enquiry.ip_hash = ip_hash
    enquiry.save()
    transaction.on_commit(
        partial(send_enquiry_mail, enquiry.pk, request.build_absolute_uri(detail_url))
    )
    return HttpResponseRedirect(sent_url)
