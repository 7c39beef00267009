"""`{% offer_actions offer %}`: what an offer became, or the buttons that make it a
stakeholder or a draft programme (only for an offer whose resident consented)."""

from django import template

from portal.consultations.offer_views import ProgrammeTypeForm, action_url, became, kinds_of

register = template.Library()


@register.inclusion_tag("consultations/admin/offer_actions.html", takes_context=True)
def offer_actions(context, offer):
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "offer": offer,
        "kinds": kinds_of(offer),
        "became": became(offer),
        "programme_type_form": ProgrammeTypeForm(auto_id=f"id_offer_{offer.pk}_%s"),
        "stakeholder_url": action_url("make_stakeholder", offer),
        "programme_url": action_url("make_programme", offer),
    }
