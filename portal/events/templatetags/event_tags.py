"""Dates of events as listings show them, each rendered once per content version.

A date looks the same in every listing (a KS's calendar, the municipality's, the month
grid, the KS page, a space, a programme) until content changes or the date is over, so
its HTML is kept under the content version (`portal.base.versioned.fragment`): a listing
of twenty dates renders those it has not rendered since the last publish, not all twenty.
"""

from django import template

from portal.base.versioned import fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def event_item(context, occurrence, show_community=False, heading_level=3):
    """One date in a list (`includes/event_item.html`)."""
    return occurrence_fragment(
        context,
        "includes/event_item.html",
        occurrence,
        show_community=bool(show_community),
        heading_level=heading_level,
    )


@register.simple_tag(takes_context=True)
def grid_event(context, occurrence, show_community=False):
    """One date in a day of the month grid (`events/includes/grid_event.html`)."""
    return occurrence_fragment(
        context,
        "events/includes/grid_event.html",
        occurrence,
        show_community=bool(show_community),
    )


def occurrence_fragment(context, template_name, occurrence, **values):
    item = context.template.engine.get_template(template_name)

    def render():
        values.update(occurrence=occurrence, request=context.get("request"))
        return item.render(context.new(values))

    if occurrence.pk is None:  # a preview's dates, worked out from the draft
        return render()
    options = ":".join(f"{name}={value}" for name, value in sorted(values.items()))
    return fragment(template_name, f"{occurrence.pk}:{occurrence.is_past}:{options}", render)
