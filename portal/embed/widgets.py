"""What the widget's page offers each KS: its snippet, and the spaces and programmes a
widget may show instead. Three queries however many KS there are (the KS directory is
kept per content version)."""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.base.privacy import public
from portal.communities.directory import section_for_path, sections
from portal.spaces.models import SpacePage
from programmes.models import Programme

# The widget's default number of events, and the most it shows (`events.js` bounds
# `data-limit` to this).
DEFAULT_LIMIT = 5
MAX_LIMIT = 20


@dataclass
class CommunityWidget:
    community: object
    # Where the snippet's plain link goes: the KS calendar.
    events_url: str
    spaces: list = field(default_factory=list)
    programmes: list = field(default_factory=list)

    def snippet(self, request, **attributes):
        """The HTML a website pastes: a plain link (what shows without JavaScript, or when
        the portal cannot be reached), then the script that puts the events in its place
        and takes the link's text as its heading."""
        return render_to_string(
            "embed/snippet.html",
            {
                "script_url": request.build_absolute_uri(reverse("embed-events-script")),
                "events_url": request.build_absolute_uri(self.events_url),
                "text": _("Upcoming events in %(community)s") % {"community": self.community},
                "attributes": {
                    "community": self.community.slug,
                    "limit": DEFAULT_LIMIT,
                    **attributes,
                },
            },
        ).strip()


def first_widget():
    """The widget of the first live KS in the menu (without its spaces and programmes),
    or None: the page's live preview."""

    section = next(iter(sections()), None)
    if section is None:
        return None
    return CommunityWidget(
        community=section.community, events_url=section.calendar_url or section.url
    )


def community_widgets():
    """One `CommunityWidget` per live KS, in the order of the site's menu."""

    widgets = {
        section.community.pk: CommunityWidget(
            community=section.community, events_url=section.calendar_url or section.url
        )
        for section in sections()
    }
    spaces = public(SpacePage.objects.live()).order_by("title", "pk").only("pk", "title", "path")
    for space in spaces:
        section = section_for_path(space.path)
        if section is not None:
            widgets[section.community.pk].spaces.append(space)
    programmes = Programme.objects.public().exclude(community=None).order_by("title", "pk")
    for programme in programmes.only("pk", "title", "community_id"):
        if programme.community_id in widgets:
            widgets[programme.community_id].programmes.append(programme)
    return list(widgets.values())
