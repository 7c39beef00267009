"""The optional e-mail confirmation of an answer: the resident types an address, gets a
signed link through the outbox, and the answer is marked confirmed when they open it and
press the button (a GET alone confirms nothing: mail scanners open links). The address
is not stored; a mail carries none of the resident's answer, only the consultation's
title and the link, so the form cannot post a message to a stranger. At most
`CONSULTATION_CONFIRMATIONS_PER_ADDRESS` mails a day go to one address."""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from portal.base.ratelimit import Limit
from portal.base.sites import absolute_url

SALT = "portal.consultations.confirm"
TOKEN_PARAMETER = "kljuc"
LINK_DAYS = 30


def per_address_rate(group, request):
    return f"{settings.CONSULTATION_CONFIRMATIONS_PER_ADDRESS}/d"


PER_ADDRESS = Limit("consultations:confirm", per_address_rate, fail_open=True, per_client=False)


def token(response):
    return signing.dumps(response.pk, salt=SALT, compress=True)


def response_for_token(consultation, value):
    """The consultation's response the token names, or None if forged, expired or gone."""
    try:
        pk = signing.loads(value[:500], salt=SALT, max_age=LINK_DAYS * 24 * 60 * 60)
    except signing.BadSignature:
        return None
    return consultation.responses.filter(pk=pk).first()


def confirm_url(consultation, response):
    path = consultation.url + consultation.reverse_subpage("confirm")
    return f"{path}?{urlencode({TOKEN_PARAMETER: token(response)})}"


def send_confirmation(request, consultation, response, address):
    if PER_ADDRESS.hit(request, scope=address.lower()):
        return
    context = {
        "consultation": consultation,
        "confirm_url": absolute_url(confirm_url(consultation, response)),
        "days": LINK_DAYS,
    }
    send_mail(
        _("Confirm your answer: %(title)s") % {"title": consultation.title},
        render_to_string("consultations/email/confirm.txt", context),
        None,
        [address],
    )
