"""Template pieces of consultations: the consultations of a KS, for its page."""

from django import template

from portal.base.caching import kept
from portal.base.privacy import public
from portal.consultations.models import ConsultationPage

register = template.Library()


@register.simple_tag
def consultations_of(page):
    """`{% consultations_of page as consultations %}`: the live, public consultations of a
    KS, the latest to close first (so an open one comes before those that have closed).
    The list is kept per content version (a publish renews it); whether each one is open
    is told as it is shown, from its dates."""
    return kept(
        "ks-consultations",
        lambda: list(public(ConsultationPage.objects.child_of(page).live()).order_by("-closes_at")),
        key=page.pk,
    )
