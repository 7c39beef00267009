"""The views of a calendar page: the upcoming dates by day, a month as a grid and the
dates that are over, each narrowed by the filters in the URL (`portal.events.filters`).

A KS's calendar lists the events of its section; the one under the home page lists the
whole municipality's, each labelled with its KS, and can be narrowed to one KS.
"""

from urllib.parse import urlencode

from django.db.models import Count, F, Min, Window
from django.db.models.functions import RowNumber, TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.base.caching import kept
from portal.base.pagination import paginate
from portal.communities.directory import municipal_section, section_for_path, section_of_community
from portal.events.calendar import Month, MonthRange, QuickPick, by_day
from portal.events.filters import EventFilterForm
from portal.events.models.occurrences import Occurrence

UPCOMING_ROUTE = "upcoming"
MONTH_ROUTE = "month"
PAST_ROUTE = "past"


class CalendarRoutes(RoutablePageMixin):
    """Mixed into `EventCalendarPage`."""

    per_page = 20
    # A day of the month grid shows this many dates and links to the rest.
    dates_per_day = 3

    @path("", name=UPCOMING_ROUTE)
    def upcoming(self, request):
        form = self.filter_form(request)
        dates = form.apply(self.section_dates()).upcoming()
        listing = self.listing(request, dates)
        return self.render_view(
            request,
            form,
            "events/event_calendar_page.html",
            {
                "events_page": listing,
                "days": by_day(listing.object_list, timezone.localdate()),
                "view": "upcoming",
                "quick_picks": QuickPick.choices,
                "active_pick": form.cleaned_data.get("when"),
            },
        )

    @path("preteklo/", name=PAST_ROUTE)
    def past(self, request):
        form = self.filter_form(request)
        listing = self.listing(request, form.apply(self.section_dates()).past())
        return self.render_view(
            request,
            form,
            "events/calendar_past.html",
            {
                "events_page": listing,
                "days": by_day(listing.object_list, timezone.localdate()),
                "view": "past",
                "breadcrumb_trail": [(_("Past events"), None)],
            },
        )

    @path("mesec/<int:year>/<int:month>/", name=MONTH_ROUTE)
    def month(self, request, year, month):
        shown_month = Month(year, month)
        if shown_month not in self.month_range():
            raise Http404
        form = self.filter_form(request)
        dates = form.apply(self.section_dates())
        shown, counts = self.month_dates(dates, shown_month)
        today = timezone.localdate()
        return self.render_view(
            request,
            form,
            "events/calendar_month.html",
            {
                "view": "month",
                "month": shown_month,
                "weeks": shown_month.weeks(today, shown, counts),
                "previous_url": self.month_url(request, shown_month.previous()),
                "next_url": self.month_url(request, shown_month.next()),
                # Slovenian writes a month in lower case: "december 2026".
                "breadcrumb_trail": [(date_format(shown_month.first, "F Y"), None)],
            },
        )

    def section_path(self):
        """The tree path of the KS (or the home page) whose events this calendar lists."""
        return self.path[: -self.steplen]

    def calendar_community(self):
        """The KS this calendar belongs to; None for the whole municipality's."""
        section = section_for_path(self.path)
        return section.community if section else None

    def section_dates(self):
        return Occurrence.objects.public().filter(path__startswith=self.section_path())

    def filter_form(self, request):
        return EventFilterForm(request.GET, self.section_path(), self.calendar_community())

    def listing(self, request, dates):
        listing = paginate(request, dates.for_listing(), self.per_page)
        listing.object_list = list(listing.object_list)
        return listing

    def month_dates(self, dates, month):
        """The dates starting in `month` that its grid shows, by day (the first
        `dates_per_day` of each), and how many each day has in all: two queries."""
        in_month = dates.filter(start__gte=month.span[0], start__lt=month.span[1])
        day = TruncDate("start")
        rank = Window(RowNumber(), partition_by=[day], order_by=[F("start").asc(), F("pk").asc()])
        first_of_each_day = (
            in_month.annotate(rank=rank).filter(rank__lte=self.dates_per_day).for_listing()
        )
        shown = {}
        for occurrence in first_of_each_day.order_by("start", "pk"):
            shown.setdefault(timezone.localtime(occurrence.start).date(), []).append(occurrence)
        counts = dict(
            in_month.annotate(day=day)
            .order_by()
            .values("day")
            .annotate(n=Count("pk"))
            .values_list("day", "n")
        )
        return shown, counts

    def render_view(self, request, form, template, context):
        url = self.get_url(request)
        today = timezone.localdate()
        context.update(
            {
                "form": form,
                "is_municipal": self.calendar_community() is None,
                "upcoming_url": url,
                "past_url": url + self.reverse_subpage(PAST_ROUTE),
                "this_month_url": self.month_url(request, Month.of(today)),
                # Search engines index the list of what is coming, not every month grid
                # nor every combination of filters (they still follow the links).
                "noindex": context["view"] == "month" or form.is_filtered,
            }
        )
        response = self.render(request, template=template, context_overrides=context)
        if form.errors:
            response.status_code = 400
        return response

    def month_range(self):
        """The months this calendar has a grid for (`MonthRange`): the first date of its
        section is read once per content version."""
        section_path = self.section_path()

        def first_date():
            first = (
                Occurrence.objects.public()
                .filter(path__startswith=section_path)
                .aggregate(first=Min("start"))["first"]
            )
            return timezone.localtime(first).date() if first else None

        first = kept("calendar-first-date", first_date, section_path, limit=5000)
        return MonthRange.from_first_date(first, timezone.localdate())

    def month_url(self, request, month):
        if month not in self.month_range():
            return None
        return self.get_url(request) + self.reverse_subpage(
            MONTH_ROUTE, kwargs={"year": month.year, "month": month.month}
        )


def calendar_url(community_pk=None, **filters):
    """The calendar of a KS (by its page's pk; None: the municipality's) narrowed by
    `filters`, as a link; None where there is no live calendar. No query: the KS
    sections and the municipal calendar are known per content version."""
    if community_pk is None:
        url = municipal_calendar_url()
    else:
        section = section_of_community(community_pk)
        url = section.calendar_url if section else None
    if url is None:
        return None
    return f"{url}?{urlencode(filters)}" if filters else url


def municipal_calendar_url():
    municipality = municipal_section()
    return municipality.calendar_url if municipality else None
