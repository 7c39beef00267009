"""What an offer becomes: a stakeholder (deležnik) of the KS or a draft programme, made in
one click from the answer and linked back to it (`Offer.stakeholder`, `Offer.programme`).

Only an offer whose resident consented to be contacted may become either: without
consent the KS may count the offer, never act on the person behind it. A programme made
here is a draft (not live, one revision) for the editor to complete and publish.
"""

from django.db import transaction
from django.utils.html import format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import policy_registry

from portal.stakeholders.models import Stakeholder
from programmes import registry
from programmes.models import Programme, Theme

TITLE_LENGTH = 80
SUMMARY_LENGTH = Programme._meta.get_field("summary").max_length


class Refused(Exception):
    """Why an offer may not become what was asked, in words for the editor."""


def title_of(offer):
    """A short form of the offer's description (its first line), for a title to edit later."""
    first_line = (offer.description.strip().splitlines() or [""])[0]
    return Truncator(first_line).chars(TITLE_LENGTH) or offer.name or str(_("Offer"))


def as_paragraphs(text):
    """Plain text as rich text: a paragraph a line (what the rich-text editor reads)."""
    return format_html_join(
        "", "<p>{}</p>", ((line,) for line in text.splitlines() if line.strip())
    )


def check(offer, user, model):
    """Raise `Refused` unless `user` may make a `model` (Stakeholder or Programme) of `offer`."""
    if not offer.consent_to_contact:
        raise Refused(
            _(
                "The resident did not consent to be contacted, so this offer cannot become a "
                "stakeholder or a programme. It is still counted in the results."
            )
        )
    if not policy_registry.get_by_type(model).user_has_permission(user, "add"):
        raise Refused(_("You may not add this. Ask the municipality's editors."))
    if model is Stakeholder and offer.stakeholder_id:
        raise Refused(_("This offer has already become a stakeholder."))
    if model is Programme and offer.programme_id:
        raise Refused(_("This offer has already become a programme."))


@transaction.atomic
def make_stakeholder(offer, user):
    """A stakeholder of the offer's KS with the resident's name and contact."""
    check(offer, user, Stakeholder)
    stakeholder = Stakeholder.objects.create(
        name=offer.name or title_of(offer),
        sector=Stakeholder.Sector.INDIVIDUAL,
        community=offer.response.community,
        description=as_paragraphs(offer.description),
        contact_person=offer.name,
        email=offer.email,
        phone=offer.phone,
    )
    stakeholder.save_revision(user=user, log_action=True)
    offer.stakeholder = stakeholder
    offer.save(update_fields=["stakeholder"])
    return stakeholder


def programme_types():
    """The programme types an offer may become: the installed (active) ones."""
    return registry.active()


@transaction.atomic
def make_draft_programme(offer, user, programme_type):
    """A draft programme of `programme_type` (an active type's key) for the offer's KS,
    with the offer's theme and its stakeholder, if one was made, as the organiser."""
    check(offer, user, Programme)
    plugin = registry.get(programme_type)
    if plugin is None:
        raise Refused(_("Choose one of the programme types offered."))
    title = title_of(offer)
    programme = Programme(
        title=title,
        summary=Truncator(offer.description.strip()).chars(SUMMARY_LENGTH) or title,
        programme_type=plugin.key,
        details=plugin.get_prep_value(plugin.to_python({})),
        community=offer.response.community,
        live=False,
    )
    programme.clean()
    programme.save()
    programme.themes.set(Theme.objects.filter(key=offer.theme))
    if offer.stakeholder_id:
        programme.organisers.set([offer.stakeholder])
    programme.save()
    programme.save_revision(user=user, log_action=True)
    offer.programme = programme
    offer.save(update_fields=["programme"])
    return programme
