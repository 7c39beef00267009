"""The prize draw of a consultation ("Nagradno žrebanje"), held once by an editor after it
closes. Reproducible: the entries are ordered by their address and `random.Random(seed)`
picks the winners, so the same seed and the same entries give the same winners (the seed
is a string: Python seeds a string the same way on every run and machine). In one
transaction the winners' mails go into the outbox, the `Draw` is logged (masked winners)
and every entry of the consultation is deleted."""

import random
import secrets

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.base.sites import absolute_url
from portal.consultations.answers import Draw, DrawEntry, mask_email, normalise_email

SEED_LENGTH = 64


class DrawRefused(Exception):
    """The draw cannot be held now; the message says why."""


def new_seed():
    return secrets.token_hex(8)


def draw_winners(addresses, seed, count):
    """`count` addresses of `addresses`, picked by `seed`: the same for the same seed and
    the same addresses, whatever order they came in."""
    ordered = sorted({normalise_email(address) for address in addresses})
    return random.Random(str(seed)).sample(ordered, count)


def refusal(consultation):
    """Why `consultation` cannot be drawn now, or None."""
    if not consultation.draw_prize:
        return _("This consultation has no prize draw.")
    if consultation.state != "closed":
        closes = date_format(timezone.localtime(consultation.closes_at), "j. E Y, H.i")
        return _(
            "The winners are drawn once the consultation closes. Come back after %(closes)s."
        ) % {"closes": closes}
    if Draw.objects.filter(consultation=consultation).exists():
        return _("The winners of this consultation were drawn already.")
    return None


@transaction.atomic
def hold_draw(consultation, count, seed, user):
    """Draw `count` winners with `seed`, mail them, log the draw, delete the entries."""
    reason = refusal(consultation)
    if reason:
        raise DrawRefused(reason)
    entries = DrawEntry.objects.select_for_update().filter(consultation=consultation)
    addresses = list(entries.values_list("email", flat=True))
    if not 1 <= count <= len(addresses):
        raise DrawRefused(_("Choose between 1 and as many winners as there are entries."))
    winners = draw_winners(addresses, seed, count)
    try:
        with transaction.atomic():
            draw = Draw.objects.create(
                consultation=consultation,
                seed=seed,
                entries_count=len(addresses),
                winners_count=count,
                winners=[mask_email(address) for address in winners],
                drawn_by=user,
            )
    except IntegrityError:
        # Another editor's draw of the same consultation came first.
        raise DrawRefused(_("The winners of this consultation were drawn already.")) from None
    for address in winners:
        send_prize_mail(consultation, address)
    entries.delete()
    return draw


def send_prize_mail(consultation, address):
    context = {
        "consultation": consultation,
        "community": consultation.community,
        "consultation_url": absolute_url(consultation.url),
    }
    send_mail(
        _("You won the prize draw: %(title)s") % {"title": consultation.title},
        render_to_string("consultations/email/prize.txt", context),
        None,
        [address],
    )
