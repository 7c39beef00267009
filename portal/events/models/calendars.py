"""The calendar page of a KS (or of the whole municipality): its views are
`portal.events.routes`."""

from django.utils.translation import gettext_lazy as _

from portal.base.models import BasePage
from portal.communities.directory import CALENDAR, Provisioned
from portal.communities.models import SectionIndex
from portal.events.routes import CalendarRoutes


class EventCalendarPage(CalendarRoutes, SectionIndex, BasePage):
    """The events of its KS (or, at the top, of the whole municipality): upcoming by day,
    a month at a time, and those that are over (`portal.events.routes`)."""

    # A section's calendar, which every KS gets (`portal.communities.directory`).
    section_kind = CALENDAR
    section_provisioning = Provisioned(title="Dogodki", slug="dogodki", order=1)
    parent_page_types = ["communities.CommunityPage", "home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")
