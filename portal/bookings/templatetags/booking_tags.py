"""Links to a space's week view and booking form, for the space page's template: the
space knows nothing of bookings."""

from django import template

from portal.bookings import routes

register = template.Library()


@register.simple_tag(takes_context=True)
def availability_url(context, space):
    """The week view of `space`: when it is taken and when it is free."""
    return routes.availability_url(space, context.get("request"))


@register.simple_tag(takes_context=True)
def booking_form_url(context, space):
    """The form to ask for the use of `space`."""
    return routes.booking_form_url(space, context.get("request"))
