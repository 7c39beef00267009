"""The public week view of a space: when it is taken and when it is free
(`<space>/zasedenost/?teden=2026-W48`, or a date in that week), from what occupies it
(`portal.bookings.availability`) and its opening hours (`portal.spaces.hours`)."""

import datetime
import re

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.base import clock
from portal.base.pagecache import declare_query_parameters
from portal.bookings import availability as availability_service
from portal.bookings import routes
from portal.spaces import hours

WEEK_PARAMETER = "teden"
declare_query_parameters(WEEK_PARAMETER)

WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SLOVENIAN_DAY = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?")
# How far back the week view goes; ahead, as far as events are expanded.
PAST_DAYS = 366


class WeekError(ValueError):
    """A `teden` parameter the view cannot show, with a message for the visitor."""


def week_label(monday):
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(value, today):
    """The Monday of the week that `value` names ("2026-W48", or a date in it written
    2026-11-26 or 26. 11. 2026); this week if it is empty."""
    value = (value or "").strip()
    if not value:
        return availability_service.monday_of(today)
    try:
        if match := WEEK.fullmatch(value):
            monday = datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        elif DAY.fullmatch(value):
            monday = availability_service.monday_of(datetime.date.fromisoformat(value))
        elif match := SLOVENIAN_DAY.fullmatch(value):
            day = datetime.date(int(match[3]), int(match[2]), int(match[1]))
            monday = availability_service.monday_of(day)
        else:
            raise WeekError(
                _(
                    "Write the week as a date in it, e.g. 30. 11. 2026, or as year and "
                    "week, e.g. 2026-W49."
                )
            )
    except ValueError as error:
        if isinstance(error, WeekError):
            raise
        raise WeekError(_("There is no such week or date in the calendar.")) from error
    first, last = shown_span(today)
    if not first <= monday <= last:
        raise WeekError(
            _("The week view shows the weeks from a year ago until %(last)s.")
            % {"last": date_format(last, "j. E Y")}
        )
    return monday


def shown_span(today):
    """The first and last Monday the view shows."""
    first = availability_service.monday_of(today - datetime.timedelta(days=PAST_DAYS))
    last = availability_service.monday_of(
        today + datetime.timedelta(days=settings.EVENT_HORIZON_DAYS)
    )
    return first, last


def week_url(base_url, monday):
    return f"{base_url}?{WEEK_PARAMETER}={week_label(monday)}"


def availability(space, request):
    today = clock.today()
    value = request.GET.get(WEEK_PARAMETER, "")
    try:
        monday = parse_week(value, today)
        error = ""
    except WeekError as problem:
        monday, error = availability_service.monday_of(today), str(problem)
    base_url = routes.availability_url(space, request)
    first, last = shown_span(today)
    context = {
        "week_error": error,
        "monday": monday,
        "sunday": monday + datetime.timedelta(days=6),
        "week_label": week_label(monday),
        "today": today,
        "previous_url": week_url(base_url, monday - datetime.timedelta(days=7))
        if monday > first
        else None,
        "next_url": week_url(base_url, monday + datetime.timedelta(days=7))
        if monday < last
        else None,
        "this_week_url": base_url,
        "booking_form_url": routes.booking_form_url(space, request),
        "breadcrumb_trail": [(_("Availability"), None)],
    }
    if not error:
        if not getattr(request, "is_preview", False):
            prefetch_related_objects([space], "weekly_hours")
        context["week"] = availability_service.week(space, monday, request)
    response = space.render(
        request,
        template="bookings/space_availability.html",
        context_overrides=context,
        details=False,
    )
    if error:
        response.status_code = 400
    else:
        # The view marks today: keep it in caches only until midnight.
        midnight = hours.local(today + datetime.timedelta(days=1))
        seconds = int((midnight - clock.now()).total_seconds())
        patch_cache_control(response, max_age=max(0, seconds))
    return response
